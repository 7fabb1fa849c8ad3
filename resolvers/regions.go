package resolvers

import (
	"context"
	"regexp"
	"strconv"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

var (
	regionsInIDOrder = []sortKey{{"Id", false}}
	tagsByName       = []sortKey{{"Name", false}, {"Id", false}}
	regionCodeRE     = regexp.MustCompile(`^[A-Za-z]{2,3}$`)
)

// Region reads one region by its code, or by its ID when code is a number.
func (r *queryResolver) Region(ctx context.Context, code string) (*upstream.Region, error) {
	c := loaders.For(ctx).Client()
	if n, err := strconv.Atoi(code); err == nil {
		if n < 1 {
			return nil, badInput("code", "code must be a region code such as CN or a positive ID, got %q", code)
		}
		return c.GetRegionByID(ctx, n)
	}
	if !regionCodeRE.MatchString(code) {
		return nil, badInput("code", "code must be a region code of two or three letters such as CN, or an ID, got %q", code)
	}
	return c.GetRegion(ctx, code)
}

// Regions reads a window of all regions.
func (r *queryResolver) Regions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.RegionFilter, orderBy []model.RegionOrder,
) (*model.RegionConnection, error) {
	q, err := listQuery(filter, regionOrder(orderBy), regionsInIDOrder, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Region](ctx, "/regions", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return regionConnection(s), nil
}

// Users reads a window of the users of the region, batched by region.
func (r *regionResolver) Users(
	ctx context.Context, obj *upstream.Region, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.UserFilter, orderBy []model.UserOrder,
) (*model.UserConnection, error) {
	q, err := childQuery(filter, userOrder(orderBy), usersByID, "RangeRegionId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, regionID, q, args(first, after, last, before, offset), loaders.For(ctx).UsersIn)
	if err != nil {
		return nil, err
	}
	return userConnection(s), nil
}

// Tags reads a window of all tags.
func (r *queryResolver) Tags(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.TagFilter, orderBy []model.TagOrder, search *string,
) (*model.TagConnection, error) {
	q, err := listQuery(filter, tagOrder(orderBy), tagsByName, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Tag](ctx, "/tags", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return tagConnection(s), nil
}
