package resolvers

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes on song submissions in the studio, in the manner of writes.go:
// the caller and every ID are checked before any upstream call, and the
// submission is read again after the write.

// songSubmissionPayload reads a song submission again after a write.
func songSubmissionPayload(
	ctx context.Context, c *upstream.Client, id string,
) (*model.SongSubmissionPayload, error) {
	s, err := c.GetSongSubmission(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.SongSubmissionPayload{SongSubmission: s}, nil
}

// songSubmissionTarget checks the caller and a song submission's ID.
func songSubmissionTarget(ctx context.Context, raw string) (string, error) {
	if err := signedIn(ctx); err != nil {
		return "", err
	}
	return localGUID("input.songSubmissionId", raw, "SongSubmission")
}

// songSubmissionWrite checks the caller and the song submission's ID, runs
// write and reads the submission back.
func songSubmissionWrite(
	ctx context.Context, raw string, write func(c *upstream.Client, id string) error,
) (*model.SongSubmissionPayload, error) {
	id, err := songSubmissionTarget(ctx, raw)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := write(c, id); err != nil {
		return nil, err
	}
	return songSubmissionPayload(ctx, c, id)
}

// songSubmissionTime turns seconds into the upstream's TimeSpan.
func songSubmissionTime(seconds float64) upstream.TimeSpan {
	return upstream.TimeSpan(time.Duration(seconds * float64(time.Second)))
}

// checkSongSubmissionPreview refuses a preview the upstream would refuse whatever the
// song's length: one that starts before 0 or does not end after it starts.
func checkSongSubmissionPreview(start, end float64) error {
	switch {
	case start < 0:
		return badInput("input.previewStart", "previewStart must be at least 0, got %v", start)
	case end <= start:
		return badInput("input.previewEnd", "previewEnd must be after previewStart (%v), got %v", start, end)
	}
	return nil
}

// CreateSongSubmission streams the new song's files upstream and reads the
// submission back.
func (r *mutationResolver) CreateSongSubmission(
	ctx context.Context, input model.CreateSongSubmissionInput,
) (*model.SongSubmissionPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	if err := checkSongSubmissionPreview(input.PreviewStart, input.PreviewEnd); err != nil {
		return nil, err
	}
	file, _ := formFile(&input.File)
	illustration, _ := formFile(&input.Illustration)
	s := upstream.NewSongSubmission{
		Title: input.Title, EditionType: input.EditionType, Edition: input.Edition,
		AuthorName: input.AuthorName, File: file, Illustration: illustration,
		Illustrator: input.Illustrator, Description: input.Description,
		Accessibility: input.Accessibility, Lyrics: input.Lyrics,
		Bpm: input.Bpm, MinBpm: input.MinBpm, MaxBpm: input.MaxBpm, Offset: input.Offset,
		PreviewStart: songSubmissionTime(input.PreviewStart), PreviewEnd: songSubmissionTime(input.PreviewEnd),
		Tags: input.Tags,
	}
	if f, ok := formFile(input.License); ok {
		s.License = &f
	}
	if f, ok := formFile(input.OriginalityProof); ok {
		s.OriginalityProof = &f
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateSongSubmission(ctx, s)
	if err != nil {
		return nil, err
	}
	return songSubmissionPayload(ctx, c, id)
}

// UpdateSongSubmission sends the fields given as a JSON Patch.
func (r *mutationResolver) UpdateSongSubmission(
	ctx context.Context, input model.UpdateSongSubmissionInput,
) (*model.SongSubmissionPayload, error) {
	var p patch
	addField(&p, "title", input.Title, false)
	addField(&p, "editionType", input.EditionType, false)
	addField(&p, "edition", input.Edition, true)
	addField(&p, "authorName", input.AuthorName, false)
	addField(&p, "illustrator", input.Illustrator, false)
	addField(&p, "description", input.Description, true)
	addField(&p, "accessibility", input.Accessibility, false)
	addField(&p, "lyrics", input.Lyrics, true)
	addField(&p, "bpm", input.Bpm, false)
	addField(&p, "minBpm", input.MinBpm, false)
	addField(&p, "maxBpm", input.MaxBpm, false)
	addField(&p, "offset", input.Offset, false)
	addField(&p, "previewStart", songSubmissionSeconds(input.PreviewStart), false)
	addField(&p, "previewEnd", songSubmissionSeconds(input.PreviewEnd), false)
	if tags, given := input.Tags.ValueOK(); given {
		if tags == nil {
			return nil, badInput("input.tags", "tags cannot be removed; give a list, empty to clear them")
		}
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/tags", Value: tags})
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	start, startGiven := input.PreviewStart.ValueOK()
	end, endGiven := input.PreviewEnd.ValueOK()
	if startGiven && endGiven && start != nil && end != nil {
		if err := checkSongSubmissionPreview(*start, *end); err != nil {
			return nil, err
		}
	}

	return songSubmissionWrite(ctx, input.SongSubmissionID, func(c *upstream.Client, id string) error {
		return c.UpdateSongSubmission(ctx, id, p.ops)
	})
}

// songSubmissionSeconds turns an optional number of seconds into an optional TimeSpan,
// which the upstream reads as "hh:mm:ss.fffffff".
func songSubmissionSeconds(v graphql.Omittable[*float64]) graphql.Omittable[*upstream.TimeSpan] {
	value, given := v.ValueOK()
	switch {
	case !given:
		return graphql.Omittable[*upstream.TimeSpan]{}
	case value == nil:
		return graphql.OmittableOf[*upstream.TimeSpan](nil)
	}
	t := songSubmissionTime(*value)
	return graphql.OmittableOf(&t)
}

// songSubmissionFile streams one uploaded file to a file route.
func songSubmissionFile(
	ctx context.Context, route upstream.SongSubmissionFile, input model.SongSubmissionFileInput,
) (*model.SongSubmissionPayload, error) {
	return songSubmissionWrite(ctx, input.SongSubmissionID, func(c *upstream.Client, id string) error {
		return c.UpdateSongSubmissionFile(ctx, route, id, input.File.Filename, input.File.File)
	})
}

// UpdateSongSubmissionFile streams the new audio upstream.
func (r *mutationResolver) UpdateSongSubmissionFile(
	ctx context.Context, input model.SongSubmissionFileInput,
) (*model.SongSubmissionPayload, error) {
	return songSubmissionFile(ctx, upstream.SongSubmissionAudio, input)
}

// UpdateSongSubmissionIllustration streams the new picture upstream.
func (r *mutationResolver) UpdateSongSubmissionIllustration(
	ctx context.Context, input model.SongSubmissionFileInput,
) (*model.SongSubmissionPayload, error) {
	return songSubmissionFile(ctx, upstream.SongSubmissionIllustration, input)
}

// UpdateSongSubmissionLicense streams the new licence upstream.
func (r *mutationResolver) UpdateSongSubmissionLicense(
	ctx context.Context, input model.SongSubmissionFileInput,
) (*model.SongSubmissionPayload, error) {
	return songSubmissionFile(ctx, upstream.SongSubmissionLicense, input)
}

// UpdateSongSubmissionOriginalityProof streams the new proof upstream.
func (r *mutationResolver) UpdateSongSubmissionOriginalityProof(
	ctx context.Context, input model.SongSubmissionFileInput,
) (*model.SongSubmissionPayload, error) {
	return songSubmissionFile(ctx, upstream.SongSubmissionOriginalityProof, input)
}

// RemoveSongSubmissionLicense removes a song submission's licence.
func (r *mutationResolver) RemoveSongSubmissionLicense(
	ctx context.Context, input model.SongSubmissionInput,
) (*model.SongSubmissionPayload, error) {
	return songSubmissionWrite(ctx, input.SongSubmissionID, func(c *upstream.Client, id string) error {
		return c.RemoveSongSubmissionFile(ctx, upstream.SongSubmissionLicense, id)
	})
}

// RemoveSongSubmissionOriginalityProof removes a song submission's proof.
func (r *mutationResolver) RemoveSongSubmissionOriginalityProof(
	ctx context.Context, input model.SongSubmissionInput,
) (*model.SongSubmissionPayload, error) {
	return songSubmissionWrite(ctx, input.SongSubmissionID, func(c *upstream.Client, id string) error {
		return c.RemoveSongSubmissionFile(ctx, upstream.SongSubmissionOriginalityProof, id)
	})
}

// DeleteSongSubmission removes a song submission and answers with the
// global ID it had.
func (r *mutationResolver) DeleteSongSubmission(
	ctx context.Context, input model.SongSubmissionInput,
) (*model.DeleteSongSubmissionPayload, error) {
	id, err := songSubmissionTarget(ctx, input.SongSubmissionID)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteSongSubmission(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("SongSubmission", id)
	return &model.DeleteSongSubmissionPayload{DeletedSongSubmissionID: &gid}, nil
}

// ReviewSongSubmission sends a moderator's verdict and reads the
// submission back, with the song it became once approved.
func (r *mutationResolver) ReviewSongSubmission(
	ctx context.Context, input model.ReviewSongSubmissionInput,
) (*model.SongSubmissionPayload, error) {
	if input.Status == upstream.RequestStatusRejected && input.Message == nil {
		return nil, badInput("input.message", "a rejection needs a message to the uploader")
	}
	review := upstream.SongSubmissionReview{
		Status: input.Status, IsOriginal: input.IsOriginal, IsHidden: input.IsHidden,
		IsLocked: input.IsLocked, Message: input.Message,
	}

	return songSubmissionWrite(ctx, input.SongSubmissionID, func(c *upstream.Client, id string) error {
		return c.ReviewSongSubmission(ctx, id, review)
	})
}

// CreateSongSubmissionCollaboration invites a user and reads the
// collaboration and the submission back.
func (r *mutationResolver) CreateSongSubmissionCollaboration(
	ctx context.Context, input model.CreateSongSubmissionCollaborationInput,
) (*model.SongSubmissionCollaborationPayload, error) {
	id, err := songSubmissionTarget(ctx, input.SongSubmissionID)
	if err != nil {
		return nil, err
	}
	invitee, err := localUserID("input.inviteeId", input.InviteeID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	created, err := c.CreateSongSubmissionCollaboration(ctx, id,
		upstream.NewSongSubmissionCollaboration{InviteeID: invitee, Position: input.Position})
	if err != nil {
		return nil, err
	}
	collaboration, err := c.GetCollaboration(ctx, created)
	if err != nil {
		return nil, err
	}
	s, err := c.GetSongSubmission(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.SongSubmissionCollaborationPayload{Collaboration: collaboration, SongSubmission: s}, nil
}

// UseSongSubmissionService runs a service script on a song submission and
// answers with its outcome and the submission read again.
func (r *mutationResolver) UseSongSubmissionService(
	ctx context.Context, input model.UseSongSubmissionServiceInput,
) (*model.SongSubmissionServicePayload, error) {
	id, err := songSubmissionTarget(ctx, input.SongSubmissionID)
	if err != nil {
		return nil, err
	}
	service, err := localGUID("input.serviceId", input.ServiceID, "ServiceScript")
	if err != nil {
		return nil, err
	}
	parameters, err := serviceParameters(input.Parameters)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	out, err := c.UseSongSubmissionService(ctx, id, service, parameters)
	if err != nil {
		return nil, err
	}
	s, err := c.GetSongSubmission(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.SongSubmissionServicePayload{Result: out, SongSubmission: s}, nil
}

// CheckSongSubmissionEvent asks which event division and team songs with
// the tags would enter.
func (r *mutationResolver) CheckSongSubmissionEvent(
	ctx context.Context, input model.CheckSongSubmissionEventInput,
) (*model.CheckSongSubmissionEventPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	user := 0
	if input.UserID != nil {
		id, err := localUserID("input.userId", *input.UserID)
		if err != nil {
			return nil, err
		}
		user = id
	}

	out, err := loaders.For(ctx).Client().CheckSongSubmissionEvent(ctx, input.Tags, user)
	if err != nil {
		return nil, err
	}
	return &model.CheckSongSubmissionEventPayload{Division: out.Division, Team: out.Team}, nil
}
