package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of submission sessions (the studio's upload wizard), in the
// manner of writes.go: the caller and every ID are checked before any
// upstream call. The upstream answers a session's steps with no more than
// its ID, and has no route that reads a session, so the payloads say the
// step the session reached; the submissions the session creates are read
// fresh after their creation.

// submissionSession checks the caller and a session's ID, which is a
// GUID: sessions are not nodes and have no global ID.
func submissionSession(ctx context.Context, raw string) (string, error) {
	if err := signedIn(ctx); err != nil {
		return "", err
	}
	if !guidPattern.MatchString(raw) {
		return "", badInput("input.sessionId",
			"input.sessionId must be a GUID such as 0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e, got %q", raw)
	}
	return raw, nil
}

// submissionSessionPayload is a session at a step.
func submissionSessionPayload(
	id string, status model.SubmissionSessionStatus,
) *model.SubmissionSessionPayload {
	return &model.SubmissionSessionPayload{SessionID: &id, Status: &status}
}

// CreateSubmissionSession opens a session.
func (r *mutationResolver) CreateSubmissionSession(
	ctx context.Context,
) (*model.SubmissionSessionPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}

	id, err := loaders.For(ctx).Client().CreateSubmissionSession(ctx)
	if err != nil {
		return nil, err
	}
	return submissionSessionPayload(id, model.SubmissionSessionStatusWaiting), nil
}

// UploadSubmissionSessionSong streams the song and its illustration
// upstream and answers with what the upstream recognised.
func (r *mutationResolver) UploadSubmissionSessionSong(
	ctx context.Context, input model.UploadSubmissionSessionSongInput,
) (*model.SubmissionSessionSongPayload, error) {
	id, err := submissionSession(ctx, input.SessionID)
	if err != nil {
		return nil, err
	}
	song, _ := formFile(&input.Song)
	illustration, _ := formFile(&input.Illustration)

	c := loaders.For(ctx).Client()
	recognition, err := c.UploadSubmissionSessionSong(ctx, id, song, illustration)
	if err != nil {
		return nil, err
	}
	status := model.SubmissionSessionStatusSongFinished
	return &model.SubmissionSessionSongPayload{
		SessionID: &id, Status: &status, Recognition: recognition,
	}, nil
}

// CreateSubmissionSessionSong creates the session's song submission and
// reads it back.
func (r *mutationResolver) CreateSubmissionSessionSong(
	ctx context.Context, input model.CreateSubmissionSessionSongInput,
) (*model.SongSubmissionPayload, error) {
	id, err := submissionSession(ctx, input.SessionID)
	if err != nil {
		return nil, err
	}
	if err := checkSongSubmissionPreview(input.PreviewStart, input.PreviewEnd); err != nil {
		return nil, err
	}
	s := upstream.NewSongSubmission{
		Title: input.Title, EditionType: input.EditionType, Edition: input.Edition,
		AuthorName: input.AuthorName, Illustrator: input.Illustrator, Description: input.Description,
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
	wait := input.WaitForAudio != nil && *input.WaitForAudio
	created, err := c.CreateSubmissionSessionSong(ctx, id, s, wait)
	if err != nil {
		return nil, err
	}
	return songSubmissionPayload(ctx, c, created)
}

// UploadSubmissionSessionChart streams the session's chart upstream.
func (r *mutationResolver) UploadSubmissionSessionChart(
	ctx context.Context, input model.UploadSubmissionSessionChartInput,
) (*model.SubmissionSessionPayload, error) {
	id, err := submissionSession(ctx, input.SessionID)
	if err != nil {
		return nil, err
	}
	s, err := chartSubmissionForm("input.chart", *input.Chart)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().UploadSubmissionSessionChart(ctx, id, s); err != nil {
		return nil, err
	}
	return submissionSessionPayload(id, model.SubmissionSessionStatusChartFinished), nil
}

// submissionSessionAsset is an asset of the session's chart as the
// upstream's form.
func submissionSessionAsset(a *model.ChartSubmissionAssetFileInput) upstream.NewChartAssetSubmission {
	file, _ := formFile(&a.File)
	return upstream.NewChartAssetSubmission{Type: a.Type, Name: a.Name, File: file}
}

// CreateSubmissionSessionAsset streams an asset of the session's chart
// upstream.
func (r *mutationResolver) CreateSubmissionSessionAsset(
	ctx context.Context, input model.CreateSubmissionSessionAssetInput,
) (*model.SubmissionSessionPayload, error) {
	id, err := submissionSession(ctx, input.SessionID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.CreateSubmissionSessionAsset(ctx, id, submissionSessionAsset(input.Asset)); err != nil {
		return nil, err
	}
	return submissionSessionPayload(id, model.SubmissionSessionStatusChartFinished), nil
}

// CreateSubmissionSessionAssets streams several assets of the session's
// chart upstream in one form.
func (r *mutationResolver) CreateSubmissionSessionAssets(
	ctx context.Context, input model.CreateSubmissionSessionAssetsInput,
) (*model.SubmissionSessionPayload, error) {
	id, err := submissionSession(ctx, input.SessionID)
	if err != nil {
		return nil, err
	}
	if len(input.Assets) == 0 {
		return nil, badInput("input.assets", "give at least one asset")
	}
	assets := make([]upstream.NewChartAssetSubmission, len(input.Assets))
	for i, a := range input.Assets {
		assets[i] = submissionSessionAsset(&a)
	}

	if err := loaders.For(ctx).Client().CreateSubmissionSessionAssets(ctx, id, assets); err != nil {
		return nil, err
	}
	return submissionSessionPayload(id, model.SubmissionSessionStatusChartFinished), nil
}

// CreateSubmissionSessionChart creates the session's chart submission and
// reads it back.
func (r *mutationResolver) CreateSubmissionSessionChart(
	ctx context.Context, input model.SubmissionSessionInput,
) (*model.ChartSubmissionPayload, error) {
	id, err := submissionSession(ctx, input.SessionID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	created, err := c.CreateSubmissionSessionChart(ctx, id)
	if err != nil {
		return nil, err
	}
	submission, err := c.GetChartSubmission(ctx, created)
	if err != nil {
		return nil, err
	}
	return &model.ChartSubmissionPayload{ChartSubmission: submission}, nil
}
