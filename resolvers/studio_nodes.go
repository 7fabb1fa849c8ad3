package resolvers

import (
	"context"
	"errors"
	"strings"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Node types of the studio area. Resources with their own list route read
// a nodes(ids:) batch in one call; those named by two IDs (assets, votes,
// admissions, submissions' service records) have the local ID "a:b" and
// cost one call each, as the upstream reads them one at a time.
func init() {
	registerNode("ChartSubmission", byGUID("ChartSubmission",
		func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
			return chartSubmissionByID(ctx, g, id)
		}))
	registerNode("SongSubmission", byGUID("SongSubmission",
		func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
			return songSubmissionByID(ctx, g, id)
		}))
	registerNode("ResourceRecord", byGUID("ResourceRecord",
		func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
			return resourceRecordsByID.Get(ctx, g, id)
		}))
	registerNode("ServiceScript", byGUID("ServiceScript",
		func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
			return serviceScriptsByID.Get(ctx, g, id)
		}))
	registerNode("ServiceRecord", byGUID("ServiceRecord",
		func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
			return serviceRecordsByID.Get(ctx, g, id)
		}))
	registerNode("Collaboration", byGUID("Collaboration",
		func(ctx context.Context, id string, _ loaders.Group[string]) (globalid.Node, error) {
			return loaders.For(ctx).Client().GetCollaboration(ctx, id)
		}))

	registerNode("ChartAsset", byPair((*upstream.Client).GetChartAsset))
	registerNode("ChartAssetSubmission", byPair((*upstream.Client).GetChartSubmissionAsset))
	registerNode("VolunteerVote", byPair(readVote))
	registerNode("ChapterAdmission", byPair((*upstream.Client).GetChapterAdmission))
	registerNode("CollectionAdmission", byPair((*upstream.Client).GetCollectionAdmission))
	registerNode("SongAdmission", byPair((*upstream.Client).GetSongAdmission))
	registerNode("SongSubmissionAdmission", byPair((*upstream.Client).GetSongSubmissionAdmission))
	registerNode("ApplicationServiceRecord", byPair(readSubmissionServiceRecord))
}

// byPair makes the node fetcher of a type named by two GUIDs, "a:b", from
// the client method that reads one.
func byPair[V any](read func(c *upstream.Client, ctx context.Context, a, b string) (*V, error)) nodeFetcher {
	return func(ctx context.Context, id string, _ []string) (globalid.Node, error) {
		a, b, ok := strings.Cut(id, ":")
		if !ok || !guidPattern.MatchString(a) || !guidPattern.MatchString(b) {
			return nil, badInput("id", "id: %q is not a global ID of this API", id)
		}
		v, err := read(loaders.For(ctx).Client(), ctx, a, b)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

// readVote finds a vote among its submission's votes: the upstream has no
// route for one vote.
func readVote(c *upstream.Client, ctx context.Context, sub, vote string) (*upstream.VolunteerVote, error) {
	votes, _, err := c.ListChartSubmissionVotes(ctx, sub, upstream.ListOptions{PerPage: -1})
	if err != nil {
		return nil, err
	}
	for i := range votes {
		if votes[i].ID == vote {
			return &votes[i], nil
		}
	}
	return nil, &upstream.Error{
		HTTPStatus: 404, Status: upstream.ErrorBrief, Code: "ResourceNotFound",
		Method: "GET", Route: "/studio/charts/{id}/votes",
	}
}

// readSubmissionServiceRecord reads a service record of a chart
// submission, or of a song submission when the first is not found: its
// ID does not say which kind of submission it ran on.
func readSubmissionServiceRecord(
	c *upstream.Client, ctx context.Context, sub, record string,
) (*upstream.ApplicationServiceRecord, error) {
	r, err := c.GetChartSubmissionServiceRecord(ctx, sub, record)
	if errors.Is(err, upstream.ErrNotFound) {
		return c.GetSongSubmissionServiceRecord(ctx, sub, record)
	}
	return r, err
}

// pair writes the local ID of an object named by two IDs.
func pair(a, b string) string { return a + ":" + b }

// ID gives the chart submission's global ID.
func (r *chartSubmissionResolver) ID(_ context.Context, obj *upstream.ChartSubmission) (string, error) {
	return globalid.Encode("ChartSubmission", obj.ID), nil
}

// ID gives the song submission's global ID.
func (r *songSubmissionResolver) ID(_ context.Context, obj *upstream.SongSubmission) (string, error) {
	return globalid.Encode("SongSubmission", obj.ID), nil
}

// ID gives the chart asset's global ID, of its chart and its own ID.
func (r *chartAssetResolver) ID(_ context.Context, obj *upstream.ChartAsset) (string, error) {
	return globalid.Encode("ChartAsset", pair(obj.ChartID, obj.ID)), nil
}

// ID gives the asset's global ID, of its submission and its own ID.
func (r *chartAssetSubmissionResolver) ID(
	_ context.Context, obj *upstream.ChartAssetSubmission,
) (string, error) {
	return globalid.Encode("ChartAssetSubmission", pair(obj.ChartSubmissionID, obj.ID)), nil
}

// ID gives the vote's global ID, of its submission and its own ID.
func (r *volunteerVoteResolver) ID(_ context.Context, obj *upstream.VolunteerVote) (string, error) {
	return globalid.Encode("VolunteerVote", pair(obj.ChartID, obj.ID)), nil
}

// ID gives the admission's global ID, of its chapter and its song.
func (r *chapterAdmissionResolver) ID(_ context.Context, obj *upstream.ChapterAdmission) (string, error) {
	return globalid.Encode("ChapterAdmission", pair(obj.Admitter.ID, obj.Admittee.ID)), nil
}

// ID gives the admission's global ID, of its collection and its chart.
func (r *collectionAdmissionResolver) ID(
	_ context.Context, obj *upstream.CollectionAdmission,
) (string, error) {
	return globalid.Encode("CollectionAdmission", pair(obj.Admitter.ID, obj.Admittee.ID)), nil
}

// ID gives the admission's global ID, of its song and its chart
// submission.
func (r *songAdmissionResolver) ID(_ context.Context, obj *upstream.SongAdmission) (string, error) {
	return globalid.Encode("SongAdmission", pair(obj.Admitter.ID, obj.Admittee.ID)), nil
}

// ID gives the admission's global ID, of its song submission and its
// chart submission.
func (r *songSubmissionAdmissionResolver) ID(
	_ context.Context, obj *upstream.SongSubmissionAdmission,
) (string, error) {
	return globalid.Encode("SongSubmissionAdmission", pair(obj.Admitter.ID, obj.Admittee.ID)), nil
}

// ID gives the collaboration's global ID.
func (r *collaborationResolver) ID(_ context.Context, obj *upstream.Collaboration) (string, error) {
	return globalid.Encode("Collaboration", obj.ID), nil
}

// ID gives the resource record's global ID.
func (r *resourceRecordResolver) ID(_ context.Context, obj *upstream.ResourceRecord) (string, error) {
	return globalid.Encode("ResourceRecord", obj.ID), nil
}

// ID gives the service script's global ID.
func (r *serviceScriptResolver) ID(_ context.Context, obj *upstream.ServiceScript) (string, error) {
	return globalid.Encode("ServiceScript", obj.ID), nil
}

// ID gives the service record's global ID.
func (r *serviceRecordResolver) ID(_ context.Context, obj *upstream.ServiceRecord) (string, error) {
	return globalid.Encode("ServiceRecord", obj.ID), nil
}

// ID gives the record's global ID, of its submission and its own ID.
func (r *applicationServiceRecordResolver) ID(
	_ context.Context, obj *upstream.ApplicationServiceRecord,
) (string, error) {
	return globalid.Encode("ApplicationServiceRecord", pair(obj.ResourceID, obj.ID)), nil
}
