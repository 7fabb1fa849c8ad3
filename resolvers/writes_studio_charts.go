package resolvers

import (
	"context"
	"slices"
	"strings"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes on chart submissions in the studio, in the manner of writes.go:
// the caller and every ID are checked before any upstream call, and the
// answer is read again after the write. Submission writes reuse
// submissionWrite of writes_social.go.

// CreateChartSubmission streams the submission's form upstream and reads
// the new submission back.
func (r *mutationResolver) CreateChartSubmission(
	ctx context.Context, input model.CreateChartSubmissionInput,
) (*model.ChartSubmissionPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	s, err := chartSubmissionForm("input", input)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateChartSubmission(ctx, s)
	if err != nil {
		return nil, err
	}
	submission, err := c.GetChartSubmission(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ChartSubmissionPayload{ChartSubmission: submission}, nil
}

// chartSubmissionForm checks a new chart submission, the value of
// argument, and turns it into the upstream's form.
func chartSubmissionForm(
	argument string, input model.CreateChartSubmissionInput,
) (upstream.NewChartSubmission, error) {
	s := upstream.NewChartSubmission{
		Title: input.Title, LevelType: input.LevelType, Level: input.Level, Difficulty: input.Difficulty,
		AuthorName: input.AuthorName, Illustrator: input.Illustrator, Description: input.Description,
		Accessibility: input.Accessibility, IsRanked: input.IsRanked, Tags: input.Tags,
	}
	// The upstream takes a chart on exactly one of a song and a song
	// submission.
	switch {
	case (input.SongID == nil) == (input.SongSubmissionID == nil):
		return s, badInput(argument+".songId", "give exactly one of songId and songSubmissionId")
	case input.SongID != nil:
		id, err := localGUID(argument+".songId", *input.SongID, "Song")
		if err != nil {
			return s, err
		}
		s.SongID = &id
	default:
		id, err := localGUID(argument+".songSubmissionId", *input.SongSubmissionID, "SongSubmission")
		if err != nil {
			return s, err
		}
		s.SongSubmissionID = &id
	}
	if f, ok := formFile(input.File); ok {
		s.File = &f
	}
	if f, ok := formFile(input.Illustration); ok {
		s.Illustration = &f
	}
	return s, nil
}

// UpdateChartSubmission sends the submission's fields given as a JSON
// Patch.
func (r *mutationResolver) UpdateChartSubmission(
	ctx context.Context, input model.UpdateChartSubmissionInput,
) (*model.ChartSubmissionPayload, error) {
	var p patch
	addField(&p, "title", input.Title, true)
	addField(&p, "levelType", input.LevelType, false)
	addField(&p, "level", input.Level, false)
	addField(&p, "difficulty", input.Difficulty, false)
	addField(&p, "authorName", input.AuthorName, false)
	addField(&p, "illustrator", input.Illustrator, true)
	addField(&p, "description", input.Description, true)
	addField(&p, "accessibility", input.Accessibility, false)
	addField(&p, "isRanked", input.IsRanked, false)
	if tags, given := input.Tags.ValueOK(); given && p.err == nil {
		if tags == nil {
			tags = []string{} // null clears the tags: the upstream's list is never null
		}
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/tags", Value: tags})
	}
	if err := p.check(); err != nil {
		return nil, err
	}

	return submissionTarget.write(ctx, input.ChartSubmissionID, func(c *upstream.Client, id string) error {
		return c.UpdateChartSubmission(ctx, id, p.ops)
	})
}

// UpdateChartSubmissionFile streams the uploaded chart file upstream.
func (r *mutationResolver) UpdateChartSubmissionFile(
	ctx context.Context, input model.UpdateChartSubmissionFileInput,
) (*model.ChartSubmissionPayload, error) {
	return submissionTarget.write(ctx, input.ChartSubmissionID, func(c *upstream.Client, id string) error {
		return c.UpdateChartSubmissionFile(ctx, id, input.File.Filename, input.File.File)
	})
}

// UpdateChartSubmissionIllustration streams the uploaded picture upstream.
func (r *mutationResolver) UpdateChartSubmissionIllustration(
	ctx context.Context, input model.UpdateChartSubmissionIllustrationInput,
) (*model.ChartSubmissionPayload, error) {
	return submissionTarget.write(ctx, input.ChartSubmissionID, func(c *upstream.Client, id string) error {
		return c.UpdateChartSubmissionIllustration(ctx, id, input.File.Filename, input.File.File)
	})
}

// RemoveChartSubmissionIllustration removes a submission's illustration.
func (r *mutationResolver) RemoveChartSubmissionIllustration(
	ctx context.Context, input model.ChartSubmissionInput,
) (*model.ChartSubmissionPayload, error) {
	return submissionTarget.write(ctx, input.ChartSubmissionID, func(c *upstream.Client, id string) error {
		return c.RemoveChartSubmissionIllustration(ctx, id)
	})
}

// DeleteChartSubmission removes a chart submission and answers with the
// global ID it had.
func (r *mutationResolver) DeleteChartSubmission(
	ctx context.Context, input model.ChartSubmissionInput,
) (*model.DeleteChartSubmissionPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.chartSubmissionId", input.ChartSubmissionID, "ChartSubmission")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteChartSubmission(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("ChartSubmission", id)
	return &model.DeleteChartSubmissionPayload{DeletedChartSubmissionID: &gid}, nil
}

// submissionAssetKey checks the caller and the two IDs that name an asset of
// a chart submission. The asset's global ID carries its submission's GUID,
// which must be the submission given.
func submissionAssetKey(ctx context.Context, rawSubmission, rawAsset string) (string, string, error) {
	if err := signedIn(ctx); err != nil {
		return "", "", err
	}
	id, err := localGUID("input.chartSubmissionId", rawSubmission, "ChartSubmission")
	if err != nil {
		return "", "", err
	}
	if guidPattern.MatchString(rawAsset) {
		return id, rawAsset, nil
	}
	t, local, err := globalid.Decode(rawAsset)
	sub, asset, ok := strings.Cut(local, ":")
	if err != nil || t != "ChartAssetSubmission" || !ok || !guidPattern.MatchString(asset) {
		return "", "", badInput("input.assetId",
			"input.assetId must be a GUID or a global ID of a ChartAssetSubmission, got %q", rawAsset)
	}
	if !strings.EqualFold(sub, id) {
		return "", "", badInput("input.assetId", "input.assetId names an asset of another submission")
	}
	return id, asset, nil
}

// submissionAssetPayload reads an asset and its submission again after a write.
func submissionAssetPayload(
	ctx context.Context, c *upstream.Client, id, assetID string,
) (*model.ChartSubmissionAssetPayload, error) {
	asset, err := c.GetChartSubmissionAsset(ctx, id, assetID)
	if err != nil {
		return nil, err
	}
	submission, err := c.GetChartSubmission(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ChartSubmissionAssetPayload{Asset: asset, ChartSubmission: submission}, nil
}

// CreateChartSubmissionAsset streams a new asset upstream and reads it
// back with its submission.
func (r *mutationResolver) CreateChartSubmissionAsset(
	ctx context.Context, input model.CreateChartSubmissionAssetInput,
) (*model.ChartSubmissionAssetPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.chartSubmissionId", input.ChartSubmissionID, "ChartSubmission")
	if err != nil {
		return nil, err
	}
	file, _ := formFile(&input.File)

	c := loaders.For(ctx).Client()
	created, err := c.CreateChartSubmissionAsset(ctx, id,
		upstream.NewChartAssetSubmission{Type: input.Type, Name: input.Name, File: file})
	if err != nil {
		return nil, err
	}
	return submissionAssetPayload(ctx, c, id, created)
}

// CreateChartSubmissionAssets streams several assets upstream in one form
// and reads them back, in the order given, in one list call.
func (r *mutationResolver) CreateChartSubmissionAssets(
	ctx context.Context, input model.CreateChartSubmissionAssetsInput,
) (*model.ChartSubmissionAssetsPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.chartSubmissionId", input.ChartSubmissionID, "ChartSubmission")
	if err != nil {
		return nil, err
	}
	if len(input.Assets) == 0 {
		return nil, badInput("input.assets", "give at least one asset")
	}
	assets := make([]upstream.NewChartAssetSubmission, len(input.Assets))
	for i, a := range input.Assets {
		file, _ := formFile(&a.File)
		assets[i] = upstream.NewChartAssetSubmission{Type: a.Type, Name: a.Name, File: file}
	}

	c := loaders.For(ctx).Client()
	created, err := c.CreateChartSubmissionAssets(ctx, id, assets)
	if err != nil {
		return nil, err
	}
	out, err := readSubmissionAssets(ctx, c, id, created)
	if err != nil {
		return nil, err
	}
	submission, err := c.GetChartSubmission(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ChartSubmissionAssetsPayload{Assets: out, ChartSubmission: submission}, nil
}

// submissionAssetBatch is how many asset IDs one list call names, well
// below the upstream's bound on the request line.
const submissionAssetBatch = 100

// readSubmissionAssets reads the assets ids of a submission, in that
// order, naming them by RangeId in as few list calls as the request line
// allows.
func readSubmissionAssets(
	ctx context.Context, c *upstream.Client, id string, ids []string,
) ([]upstream.ChartAssetSubmission, error) {
	byID := make(map[string]upstream.ChartAssetSubmission, len(ids))
	for chunk := range slices.Chunk(ids, submissionAssetBatch) {
		list, _, err := c.ListChartSubmissionAssets(ctx, id, upstream.ChartAssetSubmissionListOptions{
			ListOptions:                upstream.ListOptions{PerPage: -1},
			ChartAssetSubmissionFilter: upstream.ChartAssetSubmissionFilter{RangeId: chunk},
		})
		if err != nil {
			return nil, err
		}
		for _, a := range list {
			byID[strings.ToLower(a.ID)] = a
		}
	}

	out := make([]upstream.ChartAssetSubmission, 0, len(ids))
	for _, aid := range ids {
		if a, ok := byID[strings.ToLower(aid)]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// UpdateChartSubmissionAsset sends the asset's fields given as a JSON
// Patch.
func (r *mutationResolver) UpdateChartSubmissionAsset(
	ctx context.Context, input model.UpdateChartSubmissionAssetInput,
) (*model.ChartSubmissionAssetPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "type", input.Type, false)
	addField(&p, "name", input.Name, false)
	if err := p.check(); err != nil {
		return nil, err
	}
	id, assetID, err := submissionAssetKey(ctx, input.ChartSubmissionID, input.AssetID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateChartSubmissionAsset(ctx, id, assetID, p.ops); err != nil {
		return nil, err
	}
	return submissionAssetPayload(ctx, c, id, assetID)
}

// UpdateChartSubmissionAssetFile streams the asset's new file upstream.
func (r *mutationResolver) UpdateChartSubmissionAssetFile(
	ctx context.Context, input model.UpdateChartSubmissionAssetFileInput,
) (*model.ChartSubmissionAssetPayload, error) {
	id, assetID, err := submissionAssetKey(ctx, input.ChartSubmissionID, input.AssetID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	err = c.UpdateChartSubmissionAssetFile(ctx, id, assetID, input.File.Filename, input.File.File)
	if err != nil {
		return nil, err
	}
	return submissionAssetPayload(ctx, c, id, assetID)
}

// DeleteChartSubmissionAsset removes an asset and answers with the global
// ID it had and its submission read again.
func (r *mutationResolver) DeleteChartSubmissionAsset(
	ctx context.Context, input model.ChartSubmissionAssetInput,
) (*model.DeleteChartSubmissionAssetPayload, error) {
	id, assetID, err := submissionAssetKey(ctx, input.ChartSubmissionID, input.AssetID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.DeleteChartSubmissionAsset(ctx, id, assetID); err != nil {
		return nil, err
	}
	submission, err := c.GetChartSubmission(ctx, id)
	if err != nil {
		return nil, err
	}
	gid := globalid.Encode("ChartAssetSubmission", pair(id, assetID))
	return &model.DeleteChartSubmissionAssetPayload{
		DeletedChartAssetSubmissionID: &gid, ChartSubmission: submission,
	}, nil
}

// CreateChartSubmissionCollaboration invites a user to collaborate and
// reads the invitation back.
func (r *mutationResolver) CreateChartSubmissionCollaboration(
	ctx context.Context, input model.CreateChartSubmissionCollaborationInput,
) (*model.CollaborationPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.chartSubmissionId", input.ChartSubmissionID, "ChartSubmission")
	if err != nil {
		return nil, err
	}
	invitee, err := localUserID("input.inviteeId", input.InviteeID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	created, err := c.CreateChartSubmissionCollaboration(ctx, id,
		upstream.NewChartSubmissionCollaboration{InviteeID: invitee, Position: input.Position})
	if err != nil {
		return nil, err
	}
	collaboration, err := c.GetCollaboration(ctx, created)
	if err != nil {
		return nil, err
	}
	return &model.CollaborationPayload{Collaboration: collaboration}, nil
}

// UseChartSubmissionService runs a service script on a submission and
// answers with the script's answer and the submission read again.
func (r *mutationResolver) UseChartSubmissionService(
	ctx context.Context, input model.UseChartSubmissionServiceInput,
) (*model.ChartSubmissionServicePayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.chartSubmissionId", input.ChartSubmissionID, "ChartSubmission")
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
	result, err := c.UseChartSubmissionService(ctx, id, service, parameters)
	if err != nil {
		return nil, err
	}
	submission, err := c.GetChartSubmission(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ChartSubmissionServicePayload{Result: result, ChartSubmission: submission}, nil
}

// CheckChartSubmissionEvent asks the upstream which event division and
// team a submission with the tags given would enter.
func (r *mutationResolver) CheckChartSubmissionEvent(
	ctx context.Context, input model.CheckChartSubmissionEventInput,
) (*model.CheckChartSubmissionEventPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var user int
	if input.UserID != nil {
		id, err := localUserID("input.userId", *input.UserID)
		if err != nil {
			return nil, err
		}
		user = id
	}

	info, err := loaders.For(ctx).Client().CheckChartSubmissionEvent(ctx, input.Tags, user)
	if err != nil {
		return nil, err
	}
	return &model.CheckChartSubmissionEventPayload{Division: info.Division, Team: info.Team}, nil
}
