package resolvers

import (
	"context"
	"math"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of songs and chapters, in the manner of writes.go: the caller
// and every ID are checked before any upstream call, and the answer is
// read again after the write.

// maxSongPreviewSeconds bounds a preview position: no song lasts a day.
const maxSongPreviewSeconds = 24 * 60 * 60

// songPreviewAt turns seconds, the value of argument, into a TimeSpan.
func songPreviewAt(argument string, seconds float64) (upstream.TimeSpan, error) {
	if math.IsNaN(seconds) || seconds < 0 || seconds > maxSongPreviewSeconds {
		return 0, badInput(argument, "%s takes 0 to %d seconds, got %v", argument, maxSongPreviewSeconds, seconds)
	}
	return upstream.TimeSpan(time.Duration(seconds * float64(time.Second))), nil
}

// addSongPreviewField adds the operation for a preview position given in
// seconds; the upstream takes a TimeSpan.
func addSongPreviewField(p *patch, field string, v graphql.Omittable[*float64]) {
	value, given := v.ValueOK()
	switch {
	case !given || p.err != nil:
	case value == nil:
		p.err = badInput("input."+field, "%s cannot be removed; give a value or leave it out", field)
	default:
		at, err := songPreviewAt("input."+field, *value)
		if err != nil {
			p.err = err
			return
		}
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/" + field, Value: at})
	}
}

// CreateSong uploads a song with its files and reads it back.
func (r *mutationResolver) CreateSong(
	ctx context.Context, input model.CreateSongInput,
) (*model.SongPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	start, err := songPreviewAt("input.previewStart", input.PreviewStart)
	if err != nil {
		return nil, err
	}
	end, err := songPreviewAt("input.previewEnd", input.PreviewEnd)
	if err != nil {
		return nil, err
	}
	song := upstream.NewSong{
		Title: input.Title, EditionType: input.EditionType, Edition: input.Edition, AuthorName: input.AuthorName,
		Illustrator: input.Illustrator, Description: input.Description, Accessibility: input.Accessibility,
		IsHidden: input.IsHidden, IsLocked: input.IsLocked, Lyrics: input.Lyrics,
		Bpm: input.Bpm, MinBpm: input.MinBpm, MaxBpm: input.MaxBpm, Offset: input.Offset,
		IsOriginal: input.IsOriginal, PreviewStart: start, PreviewEnd: end, Tags: input.Tags,
	}
	song.File, _ = formFile(&input.File)
	song.Illustration, _ = formFile(&input.Illustration)
	song.License, _ = formFile(input.License)

	c := loaders.For(ctx).Client()
	id, err := c.CreateSong(ctx, song, input.WaitForAudio != nil && *input.WaitForAudio)
	if err != nil {
		return nil, err
	}
	return songPayload(c.GetSong(ctx, id))
}

// UpdateSong sends the fields given as a JSON Patch.
func (r *mutationResolver) UpdateSong(
	ctx context.Context, input model.UpdateSongInput,
) (*model.SongPayload, error) {
	var p patch
	addField(&p, "title", input.Title, false)
	addField(&p, "editionType", input.EditionType, false)
	addField(&p, "edition", input.Edition, true)
	addField(&p, "authorName", input.AuthorName, false)
	addField(&p, "illustrator", input.Illustrator, false)
	addField(&p, "description", input.Description, true)
	addField(&p, "accessibility", input.Accessibility, false)
	addField(&p, "isHidden", input.IsHidden, false)
	addField(&p, "isLocked", input.IsLocked, false)
	addField(&p, "lyrics", input.Lyrics, true)
	addField(&p, "bpm", input.Bpm, false)
	addField(&p, "minBpm", input.MinBpm, false)
	addField(&p, "maxBpm", input.MaxBpm, false)
	addField(&p, "offset", input.Offset, false)
	addField(&p, "isOriginal", input.IsOriginal, false)
	addSongPreviewField(&p, "previewStart", input.PreviewStart)
	addSongPreviewField(&p, "previewEnd", input.PreviewEnd)
	if tags, given := input.Tags.ValueOK(); given && p.err == nil {
		if tags == nil {
			return nil, badInput("input.tags", "tags cannot be removed; give [] for none, or leave it out")
		}
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/tags", Value: tags})
	}
	if err := p.check(); err != nil {
		return nil, err
	}

	return songTarget.write(ctx, input.SongID, func(c *upstream.Client, id string) error {
		return c.UpdateSong(ctx, id, p.ops)
	})
}

// DeleteSong removes a song and answers with the global ID it had.
func (r *mutationResolver) DeleteSong(
	ctx context.Context, input model.SongInput,
) (*model.DeleteSongPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.songId", input.SongID, "Song")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteSong(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Song", id)
	return &model.DeleteSongPayload{DeletedSongID: &gid}, nil
}

// UpdateSongFile streams the uploaded audio upstream.
func (r *mutationResolver) UpdateSongFile(
	ctx context.Context, input model.UpdateSongFileInput,
) (*model.SongPayload, error) {
	file, _ := formFile(&input.File)
	wait := input.WaitForAudio != nil && *input.WaitForAudio
	return songTarget.write(ctx, input.SongID, func(c *upstream.Client, id string) error {
		return c.UpdateSongFile(ctx, id, file, wait)
	})
}

// UpdateSongIllustration streams the uploaded picture upstream.
func (r *mutationResolver) UpdateSongIllustration(
	ctx context.Context, input model.SongFileInput,
) (*model.SongPayload, error) {
	file, _ := formFile(&input.File)
	return songTarget.write(ctx, input.SongID, func(c *upstream.Client, id string) error {
		return c.UpdateSongIllustration(ctx, id, file)
	})
}

// UpdateSongLicense streams the uploaded licence upstream.
func (r *mutationResolver) UpdateSongLicense(
	ctx context.Context, input model.SongFileInput,
) (*model.SongPayload, error) {
	file, _ := formFile(&input.File)
	return songTarget.write(ctx, input.SongID, func(c *upstream.Client, id string) error {
		return c.UpdateSongLicense(ctx, id, file)
	})
}

// RemoveSongLicense removes a song's licence.
func (r *mutationResolver) RemoveSongLicense(
	ctx context.Context, input model.SongInput,
) (*model.SongPayload, error) {
	return songTarget.write(ctx, input.SongID, func(c *upstream.Client, id string) error {
		return c.RemoveSongLicense(ctx, id)
	})
}

// AddSongToChapter asks for a song's admission into a chapter and reads
// the admission back.
func (r *mutationResolver) AddSongToChapter(
	ctx context.Context, input model.AddSongToChapterInput,
) (*model.ChapterAdmissionPayload, error) {
	chapter, song, err := chapterAdmissions.key(ctx, input.ChapterID, input.SongID)
	if err != nil {
		return nil, err
	}
	if input.Label != nil && len([]rune(*input.Label)) > 100 {
		return nil, badInput("input.label", "label takes at most 100 characters")
	}

	c := loaders.For(ctx).Client()
	admission := upstream.AdmissionRequest{AdmitterID: chapter, Label: input.Label}
	if err := c.AddSongToChapter(ctx, song, admission); err != nil {
		return nil, err
	}
	a, err := c.GetSongChapter(ctx, song, chapter)
	if err != nil {
		return nil, err
	}
	return &model.ChapterAdmissionPayload{Admission: a}, nil
}

// RemoveSongFromChapter takes a song out of a chapter and answers with
// the global ID its admission had.
func (r *mutationResolver) RemoveSongFromChapter(
	ctx context.Context, input model.ChapterAdmissionInput,
) (*model.DeleteAdmissionPayload, error) {
	chapter, song, err := chapterAdmissions.key(ctx, input.ChapterID, input.SongID)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().RemoveSongFromChapter(ctx, song, chapter); err != nil {
		return nil, err
	}
	gid := globalid.Encode(chapterAdmissions.typeName, pair(chapter, song))
	return &model.DeleteAdmissionPayload{DeletedAdmissionID: &gid}, nil
}

// LinkSongToEventDivision links a song to an event division and reads the
// new event resource back.
func (r *mutationResolver) LinkSongToEventDivision(
	ctx context.Context, input model.LinkSongToEventDivisionInput,
) (*model.EventResourcePayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.songId", input.SongID, "Song")
	if err != nil {
		return nil, err
	}
	division, err := localGUID("input.divisionId", input.DivisionID, "EventDivision")
	if err != nil {
		return nil, err
	}
	resource := upstream.NewEventLink{
		DivisionID: division, Type: input.Type, Label: input.Label, Description: input.Description,
		IsAnonymous: input.IsAnonymous,
	}
	if input.TeamID != nil {
		team, err := localGUID("input.teamId", *input.TeamID, "EventTeam")
		if err != nil {
			return nil, err
		}
		resource.TeamID = &team
	}

	c := loaders.For(ctx).Client()
	if err := c.LinkSongToEventDivision(ctx, id, resource); err != nil {
		return nil, err
	}
	linked, err := c.GetEventResource(ctx, division, id)
	if err != nil {
		return nil, err
	}
	return &model.EventResourcePayload{Resource: linked}, nil
}

// CreateChapter creates a chapter with its illustration and reads it back.
func (r *mutationResolver) CreateChapter(
	ctx context.Context, input model.CreateChapterInput,
) (*model.ChapterPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	chapter := upstream.NewChapter{
		Title: input.Title, Subtitle: input.Subtitle, Illustrator: input.Illustrator, Description: input.Description,
		Accessibility: input.Accessibility, IsHidden: input.IsHidden, IsLocked: input.IsLocked,
	}
	chapter.Illustration, _ = formFile(&input.Illustration)

	c := loaders.For(ctx).Client()
	id, err := c.CreateChapter(ctx, chapter)
	if err != nil {
		return nil, err
	}
	return chapterPayload(c.GetChapter(ctx, id))
}

// UpdateChapter sends the fields given as a JSON Patch.
func (r *mutationResolver) UpdateChapter(
	ctx context.Context, input model.UpdateChapterInput,
) (*model.ChapterPayload, error) {
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

	return chapterTarget.write(ctx, input.ChapterID, func(c *upstream.Client, id string) error {
		return c.UpdateChapter(ctx, id, p.ops)
	})
}

// DeleteChapter removes a chapter and answers with the global ID it had.
func (r *mutationResolver) DeleteChapter(
	ctx context.Context, input model.ChapterInput,
) (*model.DeleteChapterPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.chapterId", input.ChapterID, "Chapter")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteChapter(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Chapter", id)
	return &model.DeleteChapterPayload{DeletedChapterID: &gid}, nil
}

// UpdateChapterIllustration streams the uploaded picture upstream.
func (r *mutationResolver) UpdateChapterIllustration(
	ctx context.Context, input model.UpdateChapterIllustrationInput,
) (*model.ChapterPayload, error) {
	file, _ := formFile(&input.File)
	return chapterTarget.write(ctx, input.ChapterID, func(c *upstream.Client, id string) error {
		return c.UpdateChapterIllustration(ctx, id, file)
	})
}
