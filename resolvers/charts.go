package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Default orders of the lists of this file.
var (
	chartsNewestFirst = []sortKey{{"DateCreated", true}, {"Id", true}}
	leaderboardMaxTop = 100
)

// Chart reads one chart with GET /charts/{id}, which also gives the
// caller's personal best, and keeps it for the rest of the request.
func (r *queryResolver) Chart(ctx context.Context, id string) (*upstream.Chart, error) {
	id, err := localGUID("id", id, "Chart")
	if err != nil {
		return nil, err
	}

	l := loaders.For(ctx)
	chart, err := l.Client().GetChart(ctx, id)
	if err != nil {
		return nil, err
	}
	l.PrimeChart(ctx, chart)

	return chart, nil
}

// Charts reads a window of all charts.
func (r *queryResolver) Charts(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ChartFilter, orderBy []model.ChartOrder, search *string,
) (*model.ChartConnection, error) {
	q, err := listQuery(filter, chartOrder(orderBy), chartsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Chart](ctx, "/charts", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return chartConnection(s), nil
}

// Song is the chart's song: embedded in the chart when the upstream sends
// it, loaded otherwise.
func (r *chartResolver) Song(ctx context.Context, obj *upstream.Chart) (*upstream.Song, error) {
	if obj.Song != nil {
		return obj.Song, nil
	}
	return loaders.For(ctx).Song(ctx, obj.SongID, groupOf(ctx, chartSong))
}

// Owner is the user who uploaded the chart, batched by ID.
func (r *chartResolver) Owner(ctx context.Context, obj *upstream.Chart) (*upstream.User, error) {
	if obj.OwnerID == nil {
		return nil, nil
	}
	return loaders.For(ctx).User(ctx, *obj.OwnerID, groupOf(ctx, chartOwner))
}

// Authors are the chart's authorships.
func (r *chartResolver) Authors(ctx context.Context, obj *upstream.Chart) ([]upstream.PositionalUser, error) {
	return loaders.For(ctx).Authors(ctx, obj.ID, groupOf(ctx, chartKey))
}

// Leaderboard reads the chart's best records.
func (r *chartResolver) Leaderboard(ctx context.Context, obj *upstream.Chart, top *int) ([]upstream.Record, error) {
	n := 10
	if top != nil {
		n = *top
	}
	if n < 1 || n > leaderboardMaxTop {
		return nil, badInput("top", "top must be between 1 and %d, got %d", leaderboardMaxTop, n)
	}

	opts := upstream.LeaderboardOptions{TopRange: n}
	records, err := loaders.For(ctx).Client().GetChartLeaderboard(ctx, obj.ID, opts)
	if err == nil {
		rememberList(ctx, records)
	}
	return records, err
}

// Comments reads a window of the chart's comments, batched by chart.
func (r *chartResolver) Comments(
	ctx context.Context, obj *upstream.Chart, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, chartID, args(first, after, last, before, offset), filter, orderBy,
		loaders.For(ctx).CommentsOnChart)
}

// Records reads a window of the chart's play records, batched by chart.
func (r *chartResolver) Records(
	ctx context.Context, obj *upstream.Chart, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.RecordFilter, orderBy []model.RecordOrder,
) (*model.RecordConnection, error) {
	q, err := childQuery(filter, recordOrder(orderBy), recordsNewestFirst, "RangeChartId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, chartID, q, args(first, after, last, before, offset), loaders.For(ctx).RecordsOfChart)
	if err != nil {
		return nil, err
	}
	return recordConnection(s), nil
}

// User is the credited user, embedded in the authorship.
func (r *authorshipResolver) User(_ context.Context, obj *upstream.PositionalUser) (*upstream.User, error) {
	return &obj.User, nil
}
