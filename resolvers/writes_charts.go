package resolvers

import (
	"context"
	"strings"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of charts with their files, assets and collections. Collections
// and play records are in writes_charts_records.go.

// CreateChart creates a chart from the form and reads it back.
func (r *mutationResolver) CreateChart(ctx context.Context, input model.CreateChartInput) (*model.ChartPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	song, err := localGUID("input.songId", input.SongID, "Song")
	if err != nil {
		return nil, err
	}

	chart := upstream.NewChart{
		SongID: song, Title: input.Title, LevelType: input.LevelType, Level: input.Level,
		Difficulty: input.Difficulty, AuthorName: input.AuthorName, Illustrator: input.Illustrator,
		Description: input.Description, Accessibility: orZero(input.Accessibility),
		IsHidden: orZero(input.IsHidden), IsLocked: orZero(input.IsLocked), IsRanked: orZero(input.IsRanked),
		Tags: input.Tags,
	}
	if f, ok := formFile(input.File); ok {
		chart.File = &f
	}
	if f, ok := formFile(input.Illustration); ok {
		chart.Illustration = &f
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateChart(ctx, chart)
	if err != nil {
		return nil, err
	}
	return chartPayload(c.GetChart(ctx, id))
}

// orZero is the value p points to, or the zero value for nil.
func orZero[T any](p *T) T {
	var v T
	if p != nil {
		v = *p
	}
	return v
}

// DeleteChart removes a chart and answers with the global ID it had.
func (r *mutationResolver) DeleteChart(ctx context.Context, input model.ChartInput) (*model.DeleteChartPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.chartId", input.ChartID, "Chart")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteChart(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Chart", id)
	return &model.DeleteChartPayload{DeletedChartID: &gid}, nil
}

// UpdateChartFile streams the uploaded chart file upstream.
func (r *mutationResolver) UpdateChartFile(ctx context.Context, input model.UpdateChartFileInput) (*model.ChartPayload, error) {
	return chartTarget.write(ctx, input.ChartID, func(c *upstream.Client, id string) error {
		f, _ := formFile(&input.File)
		return c.UpdateChartFile(ctx, id, f)
	})
}

// RemoveChartFile removes a chart's file.
func (r *mutationResolver) RemoveChartFile(ctx context.Context, input model.ChartInput) (*model.ChartPayload, error) {
	return chartTarget.write(ctx, input.ChartID, func(c *upstream.Client, id string) error { return c.RemoveChartFile(ctx, id) })
}

// RemoveChartIllustration removes a chart's illustration.
func (r *mutationResolver) RemoveChartIllustration(ctx context.Context, input model.ChartInput) (*model.ChartPayload, error) {
	return chartTarget.write(ctx, input.ChartID, func(c *upstream.Client, id string) error {
		return c.RemoveChartIllustration(ctx, id)
	})
}

// assetKey checks the caller, the chart ID and the asset ID, which is a
// GUID or a ChartAsset global ID of the same chart.
func assetKey(ctx context.Context, chartID, assetID string) (string, string, error) {
	if err := signedIn(ctx); err != nil {
		return "", "", err
	}
	chart, err := localGUID("input.chartId", chartID, "Chart")
	if err != nil {
		return "", "", err
	}
	if guidPattern.MatchString(assetID) {
		return chart, assetID, nil
	}
	if t, local, err := globalid.Decode(assetID); err == nil && t == "ChartAsset" {
		parent, asset, ok := strings.Cut(local, ":")
		switch {
		case !ok || !guidPattern.MatchString(asset):
		case !strings.EqualFold(parent, chart):
			return "", "", badInput("input.assetId", "input.assetId names an asset of another chart than input.chartId")
		default:
			return chart, asset, nil
		}
	}
	return "", "", badInput("input.assetId",
		"input.assetId must be a GUID such as 0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e or a global ID of a ChartAsset, got %q",
		assetID)
}

// freshAsset reads a chart asset and its chart again after a write.
func freshAsset(ctx context.Context, c *upstream.Client, chartID, assetID string) (*model.ChartAssetPayload, error) {
	asset, err := c.GetChartAsset(ctx, chartID, assetID)
	if err != nil {
		return nil, err
	}
	chart, err := c.GetChart(ctx, chartID)
	if err != nil {
		return nil, err
	}
	return &model.ChartAssetPayload{Asset: asset, Chart: chart}, nil
}

// CreateChartAsset adds an uploaded asset to a chart and reads it back.
func (r *mutationResolver) CreateChartAsset(
	ctx context.Context, input model.CreateChartAssetInput,
) (*model.ChartAssetPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	chart, err := localGUID("input.chartId", input.ChartID, "Chart")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	f, _ := formFile(&input.File)
	id, err := c.CreateChartAsset(ctx, chart, upstream.NewChartAsset{Type: input.Type, Name: input.Name, File: f})
	if err != nil {
		return nil, err
	}
	return freshAsset(ctx, c, chart, id)
}

// UpdateChartAsset sends the fields given as a JSON Patch.
func (r *mutationResolver) UpdateChartAsset(
	ctx context.Context, input model.UpdateChartAssetInput,
) (*model.ChartAssetPayload, error) {
	var p patch
	addField(&p, "type", input.Type, false)
	addField(&p, "name", input.Name, false)
	if err := p.check(); err != nil {
		return nil, err
	}
	chart, asset, err := assetKey(ctx, input.ChartID, input.AssetID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateChartAsset(ctx, chart, asset, p.ops); err != nil {
		return nil, err
	}
	return freshAsset(ctx, c, chart, asset)
}

// UpdateChartAssetFile streams the uploaded file of a chart asset
// upstream.
func (r *mutationResolver) UpdateChartAssetFile(
	ctx context.Context, input model.UpdateChartAssetFileInput,
) (*model.ChartAssetPayload, error) {
	chart, asset, err := assetKey(ctx, input.ChartID, input.AssetID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	f, _ := formFile(&input.File)
	if err := c.UpdateChartAssetFile(ctx, chart, asset, f); err != nil {
		return nil, err
	}
	return freshAsset(ctx, c, chart, asset)
}

// DeleteChartAsset removes an asset and reads its chart back.
func (r *mutationResolver) DeleteChartAsset(
	ctx context.Context, input model.ChartAssetInput,
) (*model.DeleteChartAssetPayload, error) {
	chart, asset, err := assetKey(ctx, input.ChartID, input.AssetID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.DeleteChartAsset(ctx, chart, asset); err != nil {
		return nil, err
	}
	fresh, err := c.GetChart(ctx, chart)
	if err != nil {
		return nil, err
	}
	gid := globalid.Encode("ChartAsset", pair(chart, asset))
	return &model.DeleteChartAssetPayload{DeletedChartAssetID: &gid, Chart: fresh}, nil
}

// CollectChart asks a collection to admit a chart and reads the admission
// back.
func (r *mutationResolver) CollectChart(
	ctx context.Context, input model.CollectChartInput,
) (*model.CollectionAdmissionPayload, error) {
	collection, chart, err := collectionAdmissions.key(ctx, input.CollectionID, input.ChartID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	request := upstream.AdmissionRequest{AdmitterID: collection, Label: input.Label}
	if err := c.CollectChart(ctx, chart, request); err != nil {
		return nil, err
	}
	admission, err := c.GetChartCollection(ctx, chart, collection)
	if err != nil {
		return nil, err
	}
	return &model.CollectionAdmissionPayload{Admission: admission}, nil
}

// RemoveChartFromCollection takes a chart out of a collection and answers
// with the global ID the admission had.
func (r *mutationResolver) RemoveChartFromCollection(
	ctx context.Context, input model.RemoveChartFromCollectionInput,
) (*model.DeleteAdmissionPayload, error) {
	collection, chart, err := collectionAdmissions.key(ctx, input.CollectionID, input.ChartID)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().RemoveChartFromCollection(ctx, chart, collection); err != nil {
		return nil, err
	}
	gid := globalid.Encode(collectionAdmissions.typeName, pair(collection, chart))
	return &model.DeleteAdmissionPayload{DeletedAdmissionID: &gid}, nil
}

// eventLink checks the division and team IDs of a link to an event
// division and builds its body.
func eventLink(division string, team *string) (upstream.NewEventLink, error) {
	id, err := localGUID("input.divisionId", division, "EventDivision")
	if err != nil {
		return upstream.NewEventLink{}, err
	}
	link := upstream.NewEventLink{DivisionID: id}
	if team != nil {
		t, err := localGUID("input.teamId", *team, "EventTeam")
		if err != nil {
			return upstream.NewEventLink{}, err
		}
		link.TeamID = &t
	}
	return link, nil
}

// linkToEventDivision checks the caller and the IDs, links the resource
// named by raw and reads the new event resource back.
func linkToEventDivision(
	ctx context.Context, argument, raw, typeName string, link upstream.NewEventLink, linkErr error,
	write func(c *upstream.Client, id string, link upstream.NewEventLink) error,
) (*model.EventResourcePayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID(argument, raw, typeName)
	if err != nil {
		return nil, err
	}
	if linkErr != nil {
		return nil, linkErr
	}

	c := loaders.For(ctx).Client()
	if err := write(c, id, link); err != nil {
		return nil, err
	}
	linked, err := c.GetEventResource(ctx, link.DivisionID, id)
	if err != nil {
		return nil, err
	}
	return &model.EventResourcePayload{Resource: linked}, nil
}

// LinkChartToEventDivision links a chart to an event division and reads
// the new event resource back.
func (r *mutationResolver) LinkChartToEventDivision(
	ctx context.Context, input model.LinkChartToEventDivisionInput,
) (*model.EventResourcePayload, error) {
	link, err := eventLink(input.DivisionID, input.TeamID)
	link.Type = orZero(input.Type)
	link.Label, link.Description, link.IsAnonymous = input.Label, input.Description, input.IsAnonymous
	return linkToEventDivision(ctx, "input.chartId", input.ChartID, "Chart", link, err,
		func(c *upstream.Client, id string, link upstream.NewEventLink) error {
			return c.LinkChartToEventDivision(ctx, id, link)
		})
}
