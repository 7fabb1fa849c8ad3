package resolvers

import (
	"context"
	"net/url"
	"strconv"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Reads of the core that answer for one user or one ID at a time.

// personalBestsOf reads users' personal bests, one call per user.
var personalBestsOf = loaders.EachKey("personalBests",
	func(ctx context.Context, c *upstream.Client, id int) (*upstream.PersonalBests, error) {
		return c.GetPersonalBests(ctx, id)
	})

// Authorship reads one authorship by its ID.
func (r *queryResolver) Authorship(ctx context.Context, id string) (*upstream.PositionalUser, error) {
	id, err := guid("id", id)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetAuthorship(ctx, id)
}

// PersonalBests reads the user's best ranked plays; the users of a list
// ask at once, one call each.
func (r *userResolver) PersonalBests(ctx context.Context, obj *upstream.User) (*upstream.PersonalBests, error) {
	return personalBestsOf.Get(ctx, groupOf(ctx, userKey), obj.ID)
}

func userKey(u *upstream.User) (int, bool) { return u.ID, true }

// BestRecords reads a window of the user's best play on each ranked chart,
// in the upstream's order: the route takes no filter and no order.
func (r *userResolver) BestRecords(
	ctx context.Context, obj *upstream.User, first *int, after *string, last *int, before *string, offset *int,
) (*model.RecordConnection, error) {
	params := upstream.Params{"id": strconv.Itoa(obj.ID)}
	s, err := rootList[upstream.Record](ctx, "/users/{id}/bestRecords", params, url.Values{},
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return recordConnection(s), nil
}

// Phi3 are the records of the user's best perfect plays, remembered so
// that their relations load together.
func (r *personalBestsResolver) Phi3(ctx context.Context, obj *upstream.PersonalBests) ([]upstream.Record, error) {
	rememberList(ctx, obj.Phi3)
	return obj.Phi3, nil
}

// Best27 are the records of the user's 27 best plays, remembered like
// Phi3.
func (r *personalBestsResolver) Best27(ctx context.Context, obj *upstream.PersonalBests) ([]upstream.Record, error) {
	rememberList(ctx, obj.Best27)
	return obj.Best27, nil
}

// PersonalBests returns the resolver of PersonalBests' fields.
func (r *Resolver) PersonalBests() graph.PersonalBestsResolver { return &personalBestsResolver{r} }

type personalBestsResolver struct{ *Resolver }
