package resolvers

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of events, event divisions and event tasks, in the manner of
// writes.go: the caller and every ID are checked before any upstream call,
// and the answer is read again after the write.

// eventKey checks the caller and a GUID argument naming an object of
// typeName.
func eventKey(ctx context.Context, argument, raw, typeName string) (string, error) {
	if err := signedIn(ctx); err != nil {
		return "", err
	}
	return localGUID(argument, raw, typeName)
}

// eventPatchGUID adds the operation for an ID field of an update input
// that names an object of typeName, read as localGUID reads it.
func eventPatchGUID(p *patch, field string, v graphql.Omittable[*string], typeName string, nullable bool) {
	raw, given := v.ValueOK()
	if !given || raw == nil || p.err != nil {
		addField(p, field, v, nullable)
		return
	}
	id, err := localGUID("input."+field, *raw, typeName)
	if err != nil {
		p.err = err
		return
	}
	p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/" + field, Value: id})
}

// eventPatchUser adds the operation for a user ID field of an update
// input; users cannot be removed from these fields.
func eventPatchUser(p *patch, field string, v graphql.Omittable[*string]) {
	raw, given := v.ValueOK()
	if !given || raw == nil || p.err != nil {
		addField(p, field, v, false)
		return
	}
	id, err := localUserID("input."+field, *raw)
	if err != nil {
		p.err = err
		return
	}
	p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/" + field, Value: id})
}

// CreateEvent creates an event with its illustration and reads it back.
func (r *mutationResolver) CreateEvent(ctx context.Context, input model.CreateEventInput) (*model.EventPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	owner, err := localUserID("input.ownerId", input.OwnerID)
	if err != nil {
		return nil, err
	}
	illustration, _ := formFile(&input.Illustration)
	e := upstream.NewEvent{
		Title: input.Title, Subtitle: input.Subtitle, Illustration: illustration, Illustrator: input.Illustrator,
		Description: input.Description, Accessibility: input.Accessibility, IsHidden: input.IsHidden,
		IsLocked: input.IsLocked, OwnerID: owner, DateUnveiled: input.DateUnveiled,
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateEvent(ctx, e)
	if err != nil {
		return nil, err
	}
	return eventPayload(c.GetEvent(ctx, id))
}

// UpdateEvent sends the event's fields given as a JSON Patch.
func (r *mutationResolver) UpdateEvent(ctx context.Context, input model.UpdateEventInput) (*model.EventPayload, error) {
	id, err := eventKey(ctx, "input.eventId", input.EventID, "Event")
	if err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "title", input.Title, false)
	addField(&p, "subtitle", input.Subtitle, true)
	addField(&p, "illustrator", input.Illustrator, false)
	addField(&p, "description", input.Description, true)
	addField(&p, "accessibility", input.Accessibility, false)
	addField(&p, "isHidden", input.IsHidden, false)
	addField(&p, "isLocked", input.IsLocked, false)
	eventPatchUser(&p, "ownerId", input.OwnerID)
	addField(&p, "dateUnveiled", input.DateUnveiled, false)
	if err := p.check(); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateEvent(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return eventPayload(c.GetEvent(ctx, id))
}

// UpdateEventIllustration streams the uploaded picture upstream.
func (r *mutationResolver) UpdateEventIllustration(
	ctx context.Context, input model.UpdateEventIllustrationInput,
) (*model.EventPayload, error) {
	id, err := eventKey(ctx, "input.eventId", input.EventID, "Event")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateEventIllustration(ctx, id, input.File.Filename, input.File.File); err != nil {
		return nil, err
	}
	return eventPayload(c.GetEvent(ctx, id))
}

// DeleteEvent removes an event and answers with the global ID it had.
func (r *mutationResolver) DeleteEvent(ctx context.Context, input model.EventInput) (*model.DeleteEventPayload, error) {
	id, err := eventKey(ctx, "input.eventId", input.EventID, "Event")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteEvent(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Event", id)
	return &model.DeleteEventPayload{DeletedEventID: &gid}, nil
}

// CreateEventHostInvite creates an invitation to host an event and reads
// it back by its code.
func (r *mutationResolver) CreateEventHostInvite(
	ctx context.Context, input model.CreateEventHostInviteInput,
) (*model.EventHostInvitePayload, error) {
	id, err := eventKey(ctx, "input.eventId", input.EventID, "Event")
	if err != nil {
		return nil, err
	}
	perms, err := permissions("input.permissions", input.Permissions)
	if err != nil {
		return nil, err
	}
	invite := upstream.NewEventHostInvite{
		IsAdmin: input.IsAdmin, IsUnveiled: input.IsUnveiled, Permissions: perms, Position: input.Position,
	}

	c := loaders.For(ctx).Client()
	code, err := c.CreateEventHostInvite(ctx, id, invite)
	if err != nil {
		return nil, err
	}
	inv, err := c.GetEventHostInvite(ctx, code)
	if err != nil {
		return nil, err
	}
	return &model.EventHostInvitePayload{Code: &code, Invite: inv}, nil
}

// CreateEventDivision creates a division of an event, with its
// illustration when one is given, and reads it back.
func (r *mutationResolver) CreateEventDivision(
	ctx context.Context, input model.CreateEventDivisionInput,
) (*model.EventDivisionPayload, error) {
	event, err := eventKey(ctx, "input.eventId", input.EventID, "Event")
	if err != nil {
		return nil, err
	}
	owner, err := localUserID("input.ownerId", input.OwnerID)
	if err != nil {
		return nil, err
	}
	v := upstream.NewEventDivision{
		EventID: event, Title: input.Title, Subtitle: input.Subtitle, Type: input.Type, Status: input.Status,
		Illustrator: input.Illustrator, Description: input.Description,
		MinTeamCount: input.MinTeamCount, MaxTeamCount: input.MaxTeamCount,
		MinParticipantPerTeamCount: input.MinParticipantPerTeamCount,
		MaxParticipantPerTeamCount: input.MaxParticipantPerTeamCount,
		MinSubmissionCount:         input.MinSubmissionCount, MaxSubmissionCount: input.MaxSubmissionCount,
		Anonymization: input.Anonymization, SuggestedEntrySearch: input.SuggestedEntrySearch,
		Reserved: input.Reserved, Accessibility: input.Accessibility, IsHidden: input.IsHidden,
		IsLocked: input.IsLocked, OwnerID: owner, DateUnveiled: input.DateUnveiled,
		DateStarted: input.DateStarted, DateEnded: input.DateEnded,
	}
	if input.TagID != nil {
		tag, err := localGUID("input.tagId", *input.TagID, "Tag")
		if err != nil {
			return nil, err
		}
		v.TagID = &tag
	}
	if f, ok := formFile(input.Illustration); ok {
		v.Illustration = &f
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateEventDivision(ctx, v)
	if err != nil {
		return nil, err
	}
	return divisionPayload(c.GetEventDivision(ctx, id))
}

// UpdateEventDivision sends the division's fields given as a JSON Patch.
func (r *mutationResolver) UpdateEventDivision(
	ctx context.Context, input model.UpdateEventDivisionInput,
) (*model.EventDivisionPayload, error) {
	id, err := eventKey(ctx, "input.divisionId", input.DivisionID, "EventDivision")
	if err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "title", input.Title, false)
	addField(&p, "subtitle", input.Subtitle, true)
	addField(&p, "type", input.Type, false)
	addField(&p, "status", input.Status, false)
	addField(&p, "illustrator", input.Illustrator, true)
	addField(&p, "description", input.Description, true)
	eventPatchGUID(&p, "tagId", input.TagID, "Tag", true)
	addField(&p, "minTeamCount", input.MinTeamCount, true)
	addField(&p, "maxTeamCount", input.MaxTeamCount, true)
	addField(&p, "minParticipantPerTeamCount", input.MinParticipantPerTeamCount, true)
	addField(&p, "maxParticipantPerTeamCount", input.MaxParticipantPerTeamCount, true)
	addField(&p, "minSubmissionCount", input.MinSubmissionCount, true)
	addField(&p, "maxSubmissionCount", input.MaxSubmissionCount, true)
	addField(&p, "anonymization", input.Anonymization, false)
	addField(&p, "suggestedEntrySearch", input.SuggestedEntrySearch, true)
	if reserved, given := input.Reserved.ValueOK(); given && p.err == nil {
		if reserved == nil {
			return nil, badInput("input.reserved", "reserved cannot be removed; give a list (empty for none) or leave it out")
		}
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/reserved", Value: reserved})
	}
	addField(&p, "accessibility", input.Accessibility, false)
	addField(&p, "isHidden", input.IsHidden, false)
	addField(&p, "isLocked", input.IsLocked, false)
	eventPatchGUID(&p, "eventId", input.EventID, "Event", false)
	eventPatchUser(&p, "ownerId", input.OwnerID)
	addField(&p, "dateUnveiled", input.DateUnveiled, false)
	addField(&p, "dateStarted", input.DateStarted, false)
	addField(&p, "dateEnded", input.DateEnded, false)
	if err := p.check(); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateEventDivision(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return divisionPayload(c.GetEventDivision(ctx, id))
}

// UpdateEventDivisionIllustration streams the uploaded picture upstream.
func (r *mutationResolver) UpdateEventDivisionIllustration(
	ctx context.Context, input model.UpdateEventDivisionIllustrationInput,
) (*model.EventDivisionPayload, error) {
	id, err := eventKey(ctx, "input.divisionId", input.DivisionID, "EventDivision")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateEventDivisionIllustration(ctx, id, input.File.Filename, input.File.File); err != nil {
		return nil, err
	}
	return divisionPayload(c.GetEventDivision(ctx, id))
}

// RemoveEventDivisionIllustration removes a division's illustration.
func (r *mutationResolver) RemoveEventDivisionIllustration(
	ctx context.Context, input model.EventDivisionInput,
) (*model.EventDivisionPayload, error) {
	id, err := eventKey(ctx, "input.divisionId", input.DivisionID, "EventDivision")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.RemoveEventDivisionIllustration(ctx, id); err != nil {
		return nil, err
	}
	return divisionPayload(c.GetEventDivision(ctx, id))
}

// DeleteEventDivision removes a division and answers with the global ID
// it had and its event, read again. The division is read first, for its
// event's ID; a host who may remove a division they may not see (one not
// unveiled yet) still removes it, and gets no event.
func (r *mutationResolver) DeleteEventDivision(
	ctx context.Context, input model.EventDivisionInput,
) (*model.DeleteEventDivisionPayload, error) {
	id, err := eventKey(ctx, "input.divisionId", input.DivisionID, "EventDivision")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	v, err := c.GetEventDivision(ctx, id)
	if err != nil && !errors.Is(err, upstream.ErrNotFound) {
		return nil, err
	}
	if err := c.DeleteEventDivision(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("EventDivision", id)
	payload := &model.DeleteEventDivisionPayload{DeletedEventDivisionID: &gid}
	if v != nil {
		if payload.Event, err = c.GetEvent(ctx, v.EventID); err != nil {
			return nil, err
		}
	}
	return payload, nil
}

// eventTaskPayload wraps an event task read again after a write.
var eventTaskPayload = payloadOf(func(v *upstream.EventTask) *model.EventTaskPayload {
	return &model.EventTaskPayload{Task: v}
})

// CreateEventTask creates a task of a division and reads it back.
func (r *mutationResolver) CreateEventTask(
	ctx context.Context, input model.CreateEventTaskInput,
) (*model.EventTaskPayload, error) {
	division, err := eventKey(ctx, "input.divisionId", input.DivisionID, "EventDivision")
	if err != nil {
		return nil, err
	}
	task := upstream.NewEventTask{
		Name: input.Name, Type: input.Type, Code: input.Code, IsHidden: input.IsHidden,
		Description: input.Description, DivisionID: division, DateExecuted: input.DateExecuted,
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateEventTask(ctx, task)
	if err != nil {
		return nil, err
	}
	return eventTaskPayload(c.GetEventTask(ctx, id))
}

// UpdateEventTask sends the task's fields given as a JSON Patch.
func (r *mutationResolver) UpdateEventTask(
	ctx context.Context, input model.UpdateEventTaskInput,
) (*model.EventTaskPayload, error) {
	id, err := eventKey(ctx, "input.taskId", input.TaskID, "EventTask")
	if err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "name", input.Name, false)
	addField(&p, "type", input.Type, false)
	addField(&p, "code", input.Code, true)
	addField(&p, "isHidden", input.IsHidden, false)
	addField(&p, "description", input.Description, false)
	eventPatchGUID(&p, "divisionId", input.DivisionID, "EventDivision", false)
	addField(&p, "dateExecuted", input.DateExecuted, true)
	if err := p.check(); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateEventTask(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return eventTaskPayload(c.GetEventTask(ctx, id))
}

// DeleteEventTask removes a task and answers with the global ID it had.
func (r *mutationResolver) DeleteEventTask(
	ctx context.Context, input model.EventTaskInput,
) (*model.DeleteEventTaskPayload, error) {
	id, err := eventKey(ctx, "input.taskId", input.TaskID, "EventTask")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteEventTask(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("EventTask", id)
	return &model.DeleteEventTaskPayload{DeletedEventTaskID: &gid}, nil
}
