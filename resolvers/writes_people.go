package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes on profiles, notifications, tags and authorships, in
// the manner of writes.go: the caller and every ID are checked before any
// upstream call, and the answer is read again after the write.

// UpdateUser sends the profile fields given as a JSON Patch.
func (r *mutationResolver) UpdateUser(ctx context.Context, input model.UpdateUserInput) (*model.UserPayload, error) {
	var p patch
	addField(&p, "userName", input.UserName, false)
	addField(&p, "gender", input.Gender, false)
	addField(&p, "biography", input.Biography, true)
	addField(&p, "language", input.Language, false)
	addField(&p, "regionCode", input.RegionCode, false)
	addField(&p, "dateOfBirth", input.DateOfBirth, true)
	if err := p.check(); err != nil {
		return nil, err
	}

	return userWrite(ctx, input.UserID, func(c *upstream.Client, id int) error {
		return c.UpdateUser(ctx, id, p.ops)
	})
}

// UpdateUserAvatar streams the uploaded picture upstream.
func (r *mutationResolver) UpdateUserAvatar(
	ctx context.Context, input model.UpdateUserAvatarInput,
) (*model.UserPayload, error) {
	return userWrite(ctx, input.UserID, func(c *upstream.Client, id int) error {
		return c.UpdateUserAvatar(ctx, id, input.File.Filename, input.File.File)
	})
}

// RemoveUserAvatar removes a user's avatar.
func (r *mutationResolver) RemoveUserAvatar(ctx context.Context, input model.UserInput) (*model.UserPayload, error) {
	return userWrite(ctx, input.UserID, func(c *upstream.Client, id int) error {
		return c.RemoveUserAvatar(ctx, id)
	})
}

// check returns the patch's error, or one when it changes nothing.
func (p *patch) check() error {
	switch {
	case p.err != nil:
		return p.err
	case len(p.ops) == 0:
		return badInput("input", "give at least one field to change")
	}
	return nil
}

// notificationID checks the caller and a notification's ID, a bare GUID:
// notifications have no global ID.
func notificationID(ctx context.Context, raw string) (string, error) {
	if err := signedIn(ctx); err != nil {
		return "", err
	}
	return guid("input.notificationId", raw)
}

// MarkNotificationRead marks one notification read and reads it back.
func (r *mutationResolver) MarkNotificationRead(
	ctx context.Context, input model.NotificationInput,
) (*model.NotificationPayload, error) {
	id, err := notificationID(ctx, input.NotificationID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.ReadNotification(ctx, id); err != nil {
		return nil, err
	}
	n, err := c.GetNotification(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.NotificationPayload{Notification: n}, nil
}

// MarkNotificationsRead marks a page of the caller's unread notifications
// read and answers with the caller's new unread count.
func (r *mutationResolver) MarkNotificationsRead(
	ctx context.Context, input *model.MarkNotificationsReadInput,
) (*model.ViewerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	perPage := 0
	if input != nil && input.PerPage != nil {
		if perPage = *input.PerPage; perPage < 1 || perPage > 1000 {
			return nil, badInput("input.perPage", "perPage takes 1 to 1000, got %d", perPage)
		}
	}

	c := loaders.For(ctx).Client()
	if err := c.ReadNotifications(ctx, perPage); err != nil {
		return nil, err
	}
	me, err := c.GetMe(ctx)
	if err != nil {
		return nil, err
	}
	return &model.ViewerPayload{Viewer: me}, nil
}

// DeleteNotification removes a notification and answers with its ID.
func (r *mutationResolver) DeleteNotification(
	ctx context.Context, input model.NotificationInput,
) (*model.DeleteNotificationPayload, error) {
	id, err := notificationID(ctx, input.NotificationID)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteNotification(ctx, id); err != nil {
		return nil, err
	}
	return &model.DeleteNotificationPayload{DeletedNotificationID: &id}, nil
}

// tagPayload reads a tag again after a write.
func tagPayload(ctx context.Context, c *upstream.Client, id string) (*model.TagPayload, error) {
	tag, err := c.GetTag(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.TagPayload{Tag: tag}, nil
}

// CreateTag creates a tag and reads it back.
func (r *mutationResolver) CreateTag(ctx context.Context, input model.CreateTagInput) (*model.TagPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateTag(ctx, upstream.NewTag{Name: input.Name, Description: input.Description})
	if err != nil {
		return nil, err
	}
	return tagPayload(ctx, c, id)
}

// UpdateTag sends the tag's fields given as a JSON Patch.
func (r *mutationResolver) UpdateTag(ctx context.Context, input model.UpdateTagInput) (*model.TagPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "name", input.Name, false)
	addField(&p, "description", input.Description, true)
	if err := p.check(); err != nil {
		return nil, err
	}
	id, err := localGUID("input.tagId", input.TagID, "Tag")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateTag(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return tagPayload(ctx, c, id)
}

// DeleteTag removes a tag and answers with the global ID it had.
func (r *mutationResolver) DeleteTag(ctx context.Context, input model.TagInput) (*model.DeleteTagPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.tagId", input.TagID, "Tag")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteTag(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Tag", id)
	return &model.DeleteTagPayload{DeletedTagID: &gid}, nil
}

// LinkTagToEventDivision attaches a tag to an event division and reads
// the new event resource back.
func (r *mutationResolver) LinkTagToEventDivision(
	ctx context.Context, input model.LinkTagToEventDivisionInput,
) (*model.EventResourcePayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.tagId", input.TagID, "Tag")
	if err != nil {
		return nil, err
	}
	division, err := localGUID("input.divisionId", input.DivisionID, "EventDivision")
	if err != nil {
		return nil, err
	}
	resource := upstream.NewEventLink{DivisionID: division, Label: input.Label, Description: input.Description}
	if input.TeamID != nil {
		team, err := localGUID("input.teamId", *input.TeamID, "EventTeam")
		if err != nil {
			return nil, err
		}
		resource.TeamID = &team
	}

	c := loaders.For(ctx).Client()
	if err := c.LinkTagToEventDivision(ctx, id, resource); err != nil {
		return nil, err
	}
	linked, err := c.GetEventResource(ctx, division, id)
	if err != nil {
		return nil, err
	}
	return &model.EventResourcePayload{Resource: linked}, nil
}

// authorshipPayload reads an authorship again after a write.
func authorshipPayload(ctx context.Context, c *upstream.Client, id string) (*model.AuthorshipPayload, error) {
	a, err := c.GetAuthorship(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.AuthorshipPayload{AuthorshipID: &id, Authorship: a}, nil
}

// createAuthorship checks the caller and the IDs, credits the author on
// the resource raw names and reads the authorship back.
func createAuthorship(
	ctx context.Context, route upstream.AuthorshipRoute, argument, raw, typeName, author string, position *string,
) (*model.AuthorshipPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID(argument, raw, typeName)
	if err != nil {
		return nil, err
	}
	authorID, err := localUserID("input.authorId", author)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	created, err := c.CreateAuthorship(ctx, route, id, upstream.NewAuthorship{AuthorID: authorID, Position: position})
	if err != nil {
		return nil, err
	}
	return authorshipPayload(ctx, c, created)
}

// CreateChartAuthorship credits a user on a chart.
func (r *mutationResolver) CreateChartAuthorship(
	ctx context.Context, input model.CreateChartAuthorshipInput,
) (*model.AuthorshipPayload, error) {
	return createAuthorship(ctx, upstream.ChartAuthorships, "input.chartId", input.ChartID, "Chart",
		input.AuthorID, input.Position)
}

// CreateSongAuthorship credits a user on a song.
func (r *mutationResolver) CreateSongAuthorship(
	ctx context.Context, input model.CreateSongAuthorshipInput,
) (*model.AuthorshipPayload, error) {
	return createAuthorship(ctx, upstream.SongAuthorships, "input.songId", input.SongID, "Song",
		input.AuthorID, input.Position)
}

// UpdateAuthorship sends the authorship's fields given as a JSON Patch.
func (r *mutationResolver) UpdateAuthorship(
	ctx context.Context, input model.UpdateAuthorshipInput,
) (*model.AuthorshipPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p patch
	if raw, given := input.AuthorID.ValueOK(); given {
		if raw == nil {
			return nil, badInput("input.authorId", "authorId cannot be removed; give a value or leave it out")
		}
		author, err := localUserID("input.authorId", *raw)
		if err != nil {
			return nil, err
		}
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/authorId", Value: author})
	}
	addField(&p, "position", input.Position, true)
	if err := p.check(); err != nil {
		return nil, err
	}
	id, err := guid("input.authorshipId", input.AuthorshipID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateAuthorship(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return authorshipPayload(ctx, c, id)
}

// DeleteAuthorship removes an authorship and answers with its ID.
func (r *mutationResolver) DeleteAuthorship(
	ctx context.Context, input model.AuthorshipInput,
) (*model.DeleteAuthorshipPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := guid("input.authorshipId", input.AuthorshipID)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteAuthorship(ctx, id); err != nil {
		return nil, err
	}
	return &model.DeleteAuthorshipPayload{DeletedAuthorshipID: &id}, nil
}
