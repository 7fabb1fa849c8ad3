package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of collections and play records.

// CreateCollection creates a collection from the form and reads it back.
func (r *mutationResolver) CreateCollection(
	ctx context.Context, input model.CreateCollectionInput,
) (*model.CollectionPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}

	illustration, _ := formFile(&input.Illustration)
	collection := upstream.NewCollection{
		Title: input.Title, Subtitle: input.Subtitle, Illustrator: input.Illustrator,
		Description: input.Description, Accessibility: orZero(input.Accessibility),
		IsHidden: orZero(input.IsHidden), IsLocked: orZero(input.IsLocked), Illustration: illustration,
	}
	c := loaders.For(ctx).Client()
	id, err := c.CreateCollection(ctx, collection)
	if err != nil {
		return nil, err
	}
	return collectionPayload(c.GetCollection(ctx, id))
}

// UpdateCollection sends the fields given as a JSON Patch.
func (r *mutationResolver) UpdateCollection(
	ctx context.Context, input model.UpdateCollectionInput,
) (*model.CollectionPayload, error) {
	var p patch
	addField(&p, "title", input.Title, false)
	addField(&p, "subtitle", input.Subtitle, false)
	addField(&p, "illustrator", input.Illustrator, false)
	addField(&p, "description", input.Description, true)
	addField(&p, "accessibility", input.Accessibility, false)
	addField(&p, "isHidden", input.IsHidden, false)
	addField(&p, "isLocked", input.IsLocked, false)
	if err := p.check(); err != nil {
		return nil, err
	}

	return collectionTarget.write(ctx, input.CollectionID, func(c *upstream.Client, id string) error {
		return c.UpdateCollection(ctx, id, p.ops)
	})
}

// UpdateCollectionIllustration streams the uploaded picture upstream.
func (r *mutationResolver) UpdateCollectionIllustration(
	ctx context.Context, input model.UpdateCollectionIllustrationInput,
) (*model.CollectionPayload, error) {
	return collectionTarget.write(ctx, input.CollectionID, func(c *upstream.Client, id string) error {
		f, _ := formFile(&input.File)
		return c.UpdateCollectionIllustration(ctx, id, f)
	})
}

// DeleteCollection removes a collection and answers with the global ID it
// had.
func (r *mutationResolver) DeleteCollection(
	ctx context.Context, input model.CollectionInput,
) (*model.DeleteCollectionPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.collectionId", input.CollectionID, "Collection")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteCollection(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Collection", id)
	return &model.DeleteCollectionPayload{DeletedCollectionID: &gid}, nil
}

// newRecord checks the play token and builds the body of a new record.
func newRecord(input model.CreateRecordInput) (upstream.NewRecord, error) {
	token, err := guid("input.token", input.Token)
	if err != nil {
		return upstream.NewRecord{}, err
	}
	return upstream.NewRecord{
		Token: token, MaxCombo: input.MaxCombo, Perfect: input.Perfect, GoodEarly: input.GoodEarly,
		GoodLate: input.GoodLate, Bad: input.Bad, Miss: input.Miss, StdDeviation: input.StdDeviation,
		Hmac: input.Hmac, Checksum: input.Checksum, DeviceInfo: input.DeviceInfo,
	}, nil
}

// CreateRecord submits a play's result and reads the new record and its
// player back. The play token names the player, so no caller is needed.
func (r *mutationResolver) CreateRecord(
	ctx context.Context, input model.CreateRecordInput,
) (*model.CreateRecordPayload, error) {
	record, err := newRecord(input)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	created, err := c.CreateRecord(ctx, record)
	if err != nil {
		return nil, err
	}
	fresh, err := c.GetRecord(ctx, created.ID)
	if err != nil {
		return nil, err
	}
	delta := int(created.ExperienceDelta)
	payload := &model.CreateRecordPayload{Record: fresh, ExperienceDelta: &delta, RksBefore: &created.RksBefore}
	if created.Player != nil {
		if payload.Player, err = c.GetUser(ctx, created.Player.ID); err != nil {
			return nil, err
		}
	}
	return payload, nil
}

// CreateTapTapRecord submits a TapTap ghost account's play; the upstream
// publishes it to TapTap and keeps no record to read back.
func (r *mutationResolver) CreateTapTapRecord(
	ctx context.Context, input model.CreateRecordInput,
) (*model.CreateTapTapRecordPayload, error) {
	record, err := newRecord(input)
	if err != nil {
		return nil, err
	}

	created, err := loaders.For(ctx).Client().CreateTapTapRecord(ctx, record)
	if err != nil {
		return nil, err
	}
	delta := int(created.ExperienceDelta)
	return &model.CreateTapTapRecordPayload{
		RecordID: &created.ID, Score: &created.Score, Accuracy: &created.Accuracy,
		IsFullCombo: &created.IsFullCombo, ExperienceDelta: &delta,
		DateCreated: &created.DateCreated,
	}, nil
}

// DeleteRecord removes a play record and answers with the global ID it
// had.
func (r *mutationResolver) DeleteRecord(ctx context.Context, input model.RecordInput) (*model.DeleteRecordPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.recordId", input.RecordID, "Record")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteRecord(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Record", id)
	return &model.DeleteRecordPayload{DeletedRecordID: &gid}, nil
}

// LinkRecordToEventDivision links a play record to an event division as
// an entry and reads the new event resource back.
func (r *mutationResolver) LinkRecordToEventDivision(
	ctx context.Context, input model.LinkRecordToEventDivisionInput,
) (*model.EventResourcePayload, error) {
	link, err := eventLink(input.DivisionID, input.TeamID)
	link.Label, link.Description, link.IsAnonymous = input.Label, input.Description, input.IsAnonymous
	return linkToEventDivision(ctx, "input.recordId", input.RecordID, "Record", link, err,
		func(c *upstream.Client, id string, link upstream.NewEventLink) error {
			return c.LinkRecordToEventDivision(ctx, id, link)
		})
}
