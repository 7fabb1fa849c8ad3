package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

var recordsNewestFirst = []sortKey{{"DateCreated", true}, {"Id", true}}

// Record reads one play record.
func (r *queryResolver) Record(ctx context.Context, id string) (*upstream.Record, error) {
	id, err := localGUID("id", id, "Record")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetRecord(ctx, id)
}

// Records reads a window of all play records.
func (r *queryResolver) Records(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.RecordFilter, orderBy []model.RecordOrder,
) (*model.RecordConnection, error) {
	q, err := listQuery(filter, recordOrder(orderBy), recordsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Record](ctx, "/records", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return recordConnection(s), nil
}

// Chart is the chart played: embedded when the upstream sends it, batched
// by ID otherwise.
func (r *recordResolver) Chart(ctx context.Context, obj *upstream.Record) (*upstream.Chart, error) {
	if obj.Chart != nil {
		return obj.Chart, nil
	}
	return loaders.For(ctx).Chart(ctx, obj.ChartID, groupOf(ctx, recordChart))
}

// Owner is the player: embedded when the upstream sends it, batched by ID
// otherwise.
func (r *recordResolver) Owner(ctx context.Context, obj *upstream.Record) (*upstream.User, error) {
	switch {
	case obj.Owner != nil:
		return obj.Owner, nil
	case obj.OwnerID != nil:
		return loaders.For(ctx).User(ctx, *obj.OwnerID, groupOf(ctx, recordOwner))
	default:
		return nil, nil
	}
}
