package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// announcedTypes names the Node type of each kind of resource an
// announcement can be about.
var announcedTypes = map[upstream.PublicResourceType]string{
	upstream.PublicResourceTypeChapter:       "Chapter",
	upstream.PublicResourceTypeCollection:    "Collection",
	upstream.PublicResourceTypeSong:          "Song",
	upstream.PublicResourceTypeChart:         "Chart",
	upstream.PublicResourceTypeEvent:         "Event",
	upstream.PublicResourceTypeEventDivision: "EventDivision",
}

// Announcement reads one announcement.
func (r *queryResolver) Announcement(ctx context.Context, id string) (*upstream.Announcement, error) {
	id, err := localGUID("id", id, "Announcement")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetAnnouncement(ctx, id)
}

// Announcements reads a window of all announcements.
func (r *queryResolver) Announcements(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AnnouncementFilter, orderBy []model.AnnouncementOrder, search *string,
) (*model.AnnouncementConnection, error) {
	q, err := listQuery(filter, announcementOrder(orderBy), socialNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Announcement](ctx, "/announcements", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return announcementConnection(s), nil
}

// Announcement returns the resolver of Announcement's relations.
func (r *Resolver) Announcement() graph.AnnouncementResolver { return &announcementResolver{r} }

type announcementResolver struct{ *Resolver }

// Resource is the resource the announcement is about, read as node(id:)
// reads it.
func (r *announcementResolver) Resource(ctx context.Context, obj *upstream.Announcement) (globalid.Node, error) {
	typeName, ok := announcedTypes[obj.ResourceType]
	if obj.ResourceID == nil || !ok {
		return nil, nil
	}
	fetch := nodeFetcherOf(typeName)
	if fetch == nil {
		return nil, nil
	}
	return fetch(ctx, *obj.ResourceID, nil)
}

// Owner is the staff member who published the announcement, batched by ID.
func (r *announcementResolver) Owner(ctx context.Context, obj *upstream.Announcement) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, announcementOwner))
}

// Comments reads a window of the comments on the announcement.
func (r *announcementResolver) Comments(
	ctx context.Context, obj *upstream.Announcement, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, announcementID, args(first, after, last, before, offset), filter, orderBy,
		commentsOnAnnouncement.Read)
}

// Likes reads a window of the announcement's likes.
func (r *announcementResolver) Likes(
	ctx context.Context, obj *upstream.Announcement, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, announcementID, args(first, after, last, before, offset), orderBy, likesOfAnnouncement)
}

// Application reads one application.
func (r *queryResolver) Application(ctx context.Context, id string) (*upstream.Application, error) {
	id, err := localGUID("id", id, "Application")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetApplication(ctx, id)
}

// Applications reads a window of all applications.
func (r *queryResolver) Applications(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ApplicationFilter, orderBy []model.ApplicationOrder, search *string,
) (*model.ApplicationConnection, error) {
	q, err := listQuery(filter, applicationOrder(orderBy), socialNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Application](ctx, "/applications", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return applicationConnection(s), nil
}

// Application returns the resolver of Application's relations.
func (r *Resolver) Application() graph.ApplicationResolver { return &applicationResolver{r} }

type applicationResolver struct{ *Resolver }

// Owner is the user who registered the application, batched by ID.
func (r *applicationResolver) Owner(ctx context.Context, obj *upstream.Application) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, applicationOwner))
}

// Comments reads a window of the comments on the application.
func (r *applicationResolver) Comments(
	ctx context.Context, obj *upstream.Application, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, applicationID, args(first, after, last, before, offset), filter, orderBy,
		commentsOnApplication.Read)
}

// Likes reads a window of the application's likes.
func (r *applicationResolver) Likes(
	ctx context.Context, obj *upstream.Application, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, applicationID, args(first, after, last, before, offset), orderBy, likesOfApplication)
}
