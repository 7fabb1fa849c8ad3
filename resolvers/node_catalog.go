package resolvers

import (
	"context"
	"strings"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// The Node types of the catalog and social area. Likes and votes have no
// route of their own, and notifications and test answers are readable by
// their owners only, so they are not nodes.
func init() {
	registerNode("Chapter", byGUID("Chapter", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return chaptersByID.Get(ctx, g, id)
	}))
	registerNode("Collection", byGUID("Collection", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return collectionsByID.Get(ctx, g, id)
	}))
	registerNode("Announcement", byGUID("Announcement", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return announcementsByID.Get(ctx, g, id)
	}))
	registerNode("Application", byGUID("Application", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return applicationsByID.Get(ctx, g, id)
	}))
	registerNode("PlayConfiguration", byGUID("PlayConfiguration", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return playConfigurationsByID.Get(ctx, g, id)
	}))
	registerNode("UserRelation", fetchUserRelation)
}

// fetchUserRelation reads a relation by its local ID, "followerId:followeeId".
func fetchUserRelation(ctx context.Context, id string, _ []string) (globalid.Node, error) {
	follower, followee, ok := strings.Cut(id, ":")
	if !ok {
		return nil, badInput("id", "a user relation's ID joins two user IDs with a colon, got %q", id)
	}
	a, err := userID("id", follower)
	if err != nil {
		return nil, err
	}
	b, err := userID("id", followee)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetUserRelation(ctx, a, b)
}

// ID gives the chapter's global ID.
func (r *chapterResolver) ID(_ context.Context, obj *upstream.Chapter) (string, error) {
	return globalid.Encode("Chapter", obj.ID), nil
}

// ID gives the collection's global ID.
func (r *collectionResolver) ID(_ context.Context, obj *upstream.Collection) (string, error) {
	return globalid.Encode("Collection", obj.ID), nil
}

// ID gives the announcement's global ID.
func (r *announcementResolver) ID(_ context.Context, obj *upstream.Announcement) (string, error) {
	return globalid.Encode("Announcement", obj.ID), nil
}

// ID gives the application's global ID.
func (r *applicationResolver) ID(_ context.Context, obj *upstream.Application) (string, error) {
	return globalid.Encode("Application", obj.ID), nil
}

// ID gives the configuration's global ID.
func (r *playConfigurationResolver) ID(_ context.Context, obj *upstream.PlayConfiguration) (string, error) {
	return globalid.Encode("PlayConfiguration", obj.ID), nil
}

// ID gives the relation's global ID, from its two users' IDs.
func (r *userRelationResolver) ID(_ context.Context, obj *upstream.UserRelation) (string, error) {
	return globalid.Encode("UserRelation", relationID(obj)), nil
}
