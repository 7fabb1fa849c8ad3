package resolvers

import (
	"context"
	"strconv"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

var (
	usersByID       = []sortKey{{"Id", false}}
	relationsNewest = []sortKey{{"DateCreated", true}}
)

// Me reads the signed-in caller. Without a token it fails at once, with
// no upstream call.
func (r *queryResolver) Me(ctx context.Context) (*upstream.Me, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetMe(ctx)
}

// User reads one user, batched with the other users of the request.
func (r *queryResolver) User(ctx context.Context, id string) (*upstream.User, error) {
	n, err := localUserID("id", id)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).User(ctx, n, loaders.Group[int]{})
}

// Users reads a window of all users.
func (r *queryResolver) Users(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.UserFilter, orderBy []model.UserOrder, search *string,
) (*model.UserConnection, error) {
	q, err := listQuery(filter, userOrder(orderBy), usersByID, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.User](ctx, "/users", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return userConnection(s), nil
}

// ID gives the global ID of the caller's user.
func (r *viewerResolver) ID(_ context.Context, obj *upstream.Me) (string, error) {
	return globalid.Encode("User", strconv.Itoa(obj.ID)), nil
}

// User is the caller's public profile.
func (r *viewerResolver) User(_ context.Context, obj *upstream.Me) (*upstream.User, error) {
	return &obj.User, nil
}

// Followers reads a window of the users who follow obj, newest first.
func (r *userResolver) Followers(
	ctx context.Context, obj *upstream.User, first *int, after *string, last *int, before *string, offset *int,
) (*model.UserConnection, error) {
	return relations(ctx, "/users/{id}/followers", obj.ID, first, after, last, before, offset)
}

// Followees reads a window of the users obj follows, newest first.
func (r *userResolver) Followees(
	ctx context.Context, obj *upstream.User, first *int, after *string, last *int, before *string, offset *int,
) (*model.UserConnection, error) {
	return relations(ctx, "/users/{id}/followees", obj.ID, first, after, last, before, offset)
}

// relations reads a follow list of one user; the upstream cannot read the
// lists of several users at once.
func relations(
	ctx context.Context, route string, id int, first *int, after *string, last *int, before *string, offset *int,
) (*model.UserConnection, error) {
	q, err := listQuery(nil, nil, relationsNewest, nil)
	if err != nil {
		return nil, err
	}
	params := upstream.Params{"id": strconv.Itoa(id)}
	s, err := rootList[upstream.User](ctx, route, params, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return userConnection(s), nil
}

// Charts reads a window of the charts obj owns, batched by owner.
func (r *userResolver) Charts(
	ctx context.Context, obj *upstream.User, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ChartFilter, orderBy []model.ChartOrder,
) (*model.ChartConnection, error) {
	q, err := childQuery(filter, chartOrder(orderBy), chartsNewestFirst, "RangeOwnerId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, userIDOf, q, args(first, after, last, before, offset), loaders.For(ctx).ChartsOwnedBy)
	if err != nil {
		return nil, err
	}
	return chartConnection(s), nil
}

// Records reads a window of obj's play records, batched by owner.
func (r *userResolver) Records(
	ctx context.Context, obj *upstream.User, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.RecordFilter, orderBy []model.RecordOrder,
) (*model.RecordConnection, error) {
	q, err := childQuery(filter, recordOrder(orderBy), recordsNewestFirst, "RangeOwnerId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, userIDOf, q, args(first, after, last, before, offset), loaders.For(ctx).RecordsOwnedBy)
	if err != nil {
		return nil, err
	}
	return recordConnection(s), nil
}
