package resolvers

import (
	"context"
	"errors"
	"strconv"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of event teams, their members, invitations and reserved fields,
// in the manner of writes.go: the caller and every ID are checked before
// any upstream call, and the answer is read again after the write.

// checkClaims refuses a negative claimed count, which the upstream's
// EventTeam DTOs take as out of range.
func checkClaims(counts map[string]*int) error {
	for argument, n := range counts {
		if n != nil && *n < 0 {
			return badInput(argument, "%s cannot be negative, got %d", argument, *n)
		}
	}
	return nil
}

// CreateEventTeam registers a team, with its icon when one was uploaded,
// and reads it back.
func (r *mutationResolver) CreateEventTeam(
	ctx context.Context, input model.CreateEventTeamInput,
) (*model.EventTeamPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	division, err := localGUID("input.divisionId", input.DivisionID, "EventDivision")
	if err != nil {
		return nil, err
	}
	if err := checkClaims(map[string]*int{
		"input.claimedParticipantCount": &input.ClaimedParticipantCount,
		"input.claimedSubmissionCount":  &input.ClaimedSubmissionCount,
	}); err != nil {
		return nil, err
	}
	team := upstream.NewEventTeam{
		DivisionID: division, Name: input.Name, Description: input.Description,
		ClaimedParticipantCount: input.ClaimedParticipantCount, ClaimedSubmissionCount: input.ClaimedSubmissionCount,
	}
	if icon, ok := formFile(input.Icon); ok {
		team.Icon = &icon
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateEventTeam(ctx, team)
	if err != nil {
		return nil, err
	}
	return teamPayload(c.GetEventTeam(ctx, id))
}

// UpdateEventTeam sends the team's fields given as a JSON Patch.
func (r *mutationResolver) UpdateEventTeam(
	ctx context.Context, input model.UpdateEventTeamInput,
) (*model.EventTeamPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	participants, _ := input.ClaimedParticipantCount.ValueOK()
	submissions, _ := input.ClaimedSubmissionCount.ValueOK()
	if err := checkClaims(map[string]*int{
		"input.claimedParticipantCount": participants, "input.claimedSubmissionCount": submissions,
	}); err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "name", input.Name, false)
	addField(&p, "description", input.Description, true)
	addField(&p, "claimedParticipantCount", input.ClaimedParticipantCount, false)
	addField(&p, "claimedSubmissionCount", input.ClaimedSubmissionCount, false)
	if err := p.check(); err != nil {
		return nil, err
	}

	return teamTarget.write(ctx, input.TeamID, func(c *upstream.Client, id string) error {
		return c.UpdateEventTeam(ctx, id, p.ops)
	})
}

// UpdateEventTeamIcon streams the uploaded picture upstream.
func (r *mutationResolver) UpdateEventTeamIcon(
	ctx context.Context, input model.UpdateEventTeamIconInput,
) (*model.EventTeamPayload, error) {
	return teamTarget.write(ctx, input.TeamID, func(c *upstream.Client, id string) error {
		icon, _ := formFile(&input.File)
		return c.UpdateEventTeamIcon(ctx, id, icon)
	})
}

// RemoveEventTeamIcon removes a team's icon.
func (r *mutationResolver) RemoveEventTeamIcon(
	ctx context.Context, input model.EventTeamInput,
) (*model.EventTeamPayload, error) {
	return teamTarget.write(ctx, input.TeamID, func(c *upstream.Client, id string) error {
		return c.RemoveEventTeamIcon(ctx, id)
	})
}

// DeleteEventTeam disbands a team: it reads the team first for its
// division, then answers with the global ID the team had and the division
// read fresh. A team the caller may not read is still sent for removal,
// so that the upstream's own answer (403, 404) decides; its division is
// then null.
func (r *mutationResolver) DeleteEventTeam(
	ctx context.Context, input model.EventTeamInput,
) (*model.DeleteEventTeamPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.teamId", input.TeamID, "EventTeam")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	team, err := c.GetEventTeam(ctx, id)
	if err != nil && !errors.Is(err, upstream.ErrNotFound) {
		return nil, err
	}
	if err := c.DeleteEventTeam(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("EventTeam", id)
	out := &model.DeleteEventTeamPayload{DeletedEventTeamID: &gid}
	if team != nil {
		if out.Division, err = c.GetEventDivision(ctx, team.DivisionID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CreateEventTeamInvite creates an invitation and reads it back by its
// code.
func (r *mutationResolver) CreateEventTeamInvite(
	ctx context.Context, input model.EventTeamInput,
) (*model.EventTeamInvitePayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.teamId", input.TeamID, "EventTeam")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	code, err := c.CreateEventTeamInvite(ctx, id)
	if err != nil {
		return nil, err
	}
	invite, err := c.GetEventTeamInvite(ctx, code)
	if err != nil {
		return nil, err
	}
	return &model.EventTeamInvitePayload{Code: &code, Invite: invite}, nil
}

// maxPositionRunes is the longest position in a team the upstream takes.
const maxPositionRunes = 100

// checkPosition refuses a position the upstream would refuse for its
// length, before any call.
func checkPosition(position *string) error {
	if position != nil && len([]rune(*position)) > maxPositionRunes {
		return badInput("input.position", "position takes at most %d characters, got %d",
			maxPositionRunes, len([]rune(*position)))
	}
	return nil
}

// AcceptEventTeamInvite joins the team of an invitation as the caller,
// then reads the invitation (for its team) and the team.
func (r *mutationResolver) AcceptEventTeamInvite(
	ctx context.Context, input model.AcceptEventTeamInviteInput,
) (*model.EventTeamPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	code, err := invitationCode(input.Code)
	if err != nil {
		return nil, badInput("input.code", "%s", err)
	}
	if err := checkPosition(input.Position); err != nil {
		return nil, err
	}
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.AcceptEventTeamInvite(ctx, code, input.Position); err != nil {
		return nil, err
	}
	invite, err := c.GetEventTeamInvite(ctx, code)
	if err != nil {
		return nil, err
	}
	return teamPayload(c.GetEventTeam(ctx, invite.Team.ID))
}

// participationKey checks the caller and the team and user IDs that name a
// membership.
func participationKey(ctx context.Context, team, participant string) (string, int, error) {
	if err := signedIn(ctx); err != nil {
		return "", 0, err
	}
	teamID, err := localGUID("input.teamId", team, "EventTeam")
	if err != nil {
		return "", 0, err
	}
	userID, err := localUserID("input.participantId", participant)
	if err != nil {
		return "", 0, err
	}
	return teamID, userID, nil
}

// UpdateParticipation sends the member's position as a JSON Patch and
// reads the team back.
func (r *mutationResolver) UpdateParticipation(
	ctx context.Context, input model.UpdateParticipationInput,
) (*model.EventTeamPayload, error) {
	teamID, userID, err := participationKey(ctx, input.TeamID, input.ParticipantID)
	if err != nil {
		return nil, err
	}
	if position, _ := input.Position.ValueOK(); position != nil {
		if err := checkPosition(position); err != nil {
			return nil, err
		}
	}
	var p patch
	addField(&p, "position", input.Position, true)
	if err := p.check(); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateParticipation(ctx, teamID, userID, p.ops); err != nil {
		return nil, err
	}
	return teamPayload(c.GetEventTeam(ctx, teamID))
}

// DeleteParticipation ends a membership and reads the team back; a team
// the caller may no longer see (they left it before it was unveiled) is
// null rather than an error, since the write succeeded.
func (r *mutationResolver) DeleteParticipation(
	ctx context.Context, input model.ParticipationInput,
) (*model.DeleteParticipationPayload, error) {
	teamID, userID, err := participationKey(ctx, input.TeamID, input.ParticipantID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.DeleteParticipation(ctx, teamID, userID); err != nil {
		return nil, err
	}
	gid := globalid.Encode("User", strconv.Itoa(userID))
	team, err := c.GetEventTeam(ctx, teamID)
	if errors.Is(err, upstream.ErrNotFound) {
		return &model.DeleteParticipationPayload{DeletedParticipantID: &gid}, nil
	}
	if err != nil {
		return nil, err
	}
	return &model.DeleteParticipationPayload{DeletedParticipantID: &gid, Team: team}, nil
}

// maxReservedRunes is the longest reserved field the upstream takes.
const maxReservedRunes = 20000

// reservedField checks the index and content of a reserved field.
func reservedField(index int, content *string) (upstream.ReservedFieldContent, error) {
	if index < 1 {
		return upstream.ReservedFieldContent{}, badInput("input.index", "index counts from 1, got %d", index)
	}
	if content != nil && len([]rune(*content)) > maxReservedRunes {
		return upstream.ReservedFieldContent{}, badInput("input.content", "content takes at most %d characters, got %d",
			maxReservedRunes, len([]rune(*content)))
	}
	return upstream.ReservedFieldContent{Content: content}, nil
}

// UpdateEventTeamReservedField sets one of a team's reserved fields and
// reads the team back (its reservedFields are read fresh when selected).
func (r *mutationResolver) UpdateEventTeamReservedField(
	ctx context.Context, input model.UpdateEventTeamReservedFieldInput,
) (*model.EventTeamPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	content, err := reservedField(input.Index, input.Content)
	if err != nil {
		return nil, err
	}
	return teamTarget.write(ctx, input.TeamID, func(c *upstream.Client, id string) error {
		return c.UpdateEventTeamReservedField(ctx, id, input.Index, content)
	})
}
