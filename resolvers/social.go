package resolvers

import (
	"context"
	"strconv"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// Default orders of the lists of this file.
var (
	likesNewestFirst     = []sortKey{{"DateCreated", true}, {"Id", true}}
	votesNewestFirst     = []sortKey{{"DateCreated", true}, {"Id", true}}
	relationsNewestFirst = []sortKey{{"DateCreated", true}}
	socialNewestFirst    = []sortKey{{"DateCreated", true}, {"Id", true}}
)

// Likes live under each likeable resource's own route; the upstream has no
// list of likes that names many resources, so each resource costs a call.
var (
	likesOfChart        = eachParent[upstream.Like]("chartLikes", "/charts/{id}/likes")
	likesOfSong         = eachParent[upstream.Like]("songLikes", "/songs/{id}/likes")
	likesOfComment      = eachParent[upstream.Like]("commentLikes", "/comments/{id}/likes")
	likesOfReply        = eachParent[upstream.Like]("replyLikes", "/replies/{id}/likes")
	likesOfRecord       = eachParent[upstream.Like]("recordLikes", "/records/{id}/likes")
	likesOfEvent        = eachParent[upstream.Like]("eventLikes", "/events/{id}/likes")
	likesOfDivision     = eachParent[upstream.Like]("divisionLikes", "/events/divisions/{id}/likes")
	likesOfTeam         = eachParent[upstream.Like]("teamLikes", "/events/teams/{id}/likes")
	likesOfChapter      = eachParent[upstream.Like]("chapterLikes", "/chapters/{id}/likes")
	likesOfCollection   = eachParent[upstream.Like]("collectionLikes", "/collections/{id}/likes")
	likesOfAnnouncement = eachParent[upstream.Like]("announcementLikes", "/announcements/{id}/likes")
	likesOfApplication  = eachParent[upstream.Like]("applicationLikes", "/applications/{id}/likes")

	votesOfChart = eachParent[upstream.Vote]("chartVotes", "/charts/{id}/votes")

	commentsOnRecord       = commentsVia("recordComments", "/records/{id}/comments")
	commentsOnAnnouncement = commentsVia("announcementComments", "/announcements/{id}/comments")
	commentsOnApplication  = commentsVia("applicationComments", "/applications/{id}/comments")

	announcementsByID = loaders.ByID("announcements", "/announcements", func(v *upstream.Announcement) string { return v.ID })
	applicationsByID  = loaders.ByID("applications", "/applications", func(v *upstream.Application) string { return v.ID })
)

// likesOn reads a window of the likes of any resource.
func likesOn[P any](
	ctx context.Context, parent *P, parentID func(*P) string, a paging.Args, orderBy []model.LikeOrder,
	rel loaders.Relation[loaders.ChildKey, paging.Slice[upstream.Like]],
) (*model.LikeConnection, error) {
	q, err := listQuery(nil, likeOrder(orderBy), likesNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, parent, parentID, q, a, rel.Read)
	if err != nil {
		return nil, err
	}
	return likeConnection(s), nil
}

// Likes reads a window of the chart's likes.
func (r *chartResolver) Likes(
	ctx context.Context, obj *upstream.Chart, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, chartID, args(first, after, last, before, offset), orderBy, likesOfChart)
}

// Likes reads a window of the song's likes.
func (r *songResolver) Likes(
	ctx context.Context, obj *upstream.Song, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, songID, args(first, after, last, before, offset), orderBy, likesOfSong)
}

// Likes reads a window of the comment's likes.
func (r *commentResolver) Likes(
	ctx context.Context, obj *upstream.Comment, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, commentID, args(first, after, last, before, offset), orderBy, likesOfComment)
}

// Likes reads a window of the reply's likes.
func (r *replyResolver) Likes(
	ctx context.Context, obj *upstream.Reply, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, replyID, args(first, after, last, before, offset),
		orderBy, likesOfReply)
}

// Likes reads a window of the record's likes.
func (r *recordResolver) Likes(
	ctx context.Context, obj *upstream.Record, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, recordID, args(first, after, last, before, offset), orderBy, likesOfRecord)
}

// Application is the application the play was recorded with, batched by
// ID.
func (r *recordResolver) Application(ctx context.Context, obj *upstream.Record) (*upstream.Application, error) {
	if obj.ApplicationID == "" {
		return nil, nil
	}
	return applicationsByID.Get(ctx, groupOf(ctx, recordApplication), obj.ApplicationID)
}

// Comments reads a window of the comments on the record.
func (r *recordResolver) Comments(
	ctx context.Context, obj *upstream.Record, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, recordID, args(first, after, last, before, offset), filter, orderBy,
		commentsOnRecord.Read)
}

// Likes reads a window of the event's likes.
func (r *eventResolver) Likes(
	ctx context.Context, obj *upstream.Event, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, eventID, args(first, after, last, before, offset), orderBy, likesOfEvent)
}

// Likes reads a window of the division's likes.
func (r *eventDivisionResolver) Likes(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, divisionID, args(first, after, last, before, offset), orderBy, likesOfDivision)
}

// Likes reads a window of the team's likes.
func (r *eventTeamResolver) Likes(
	ctx context.Context, obj *upstream.EventTeam, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, teamID, args(first, after, last, before, offset),
		orderBy, likesOfTeam)
}

// Votes reads a window of the votes on the chart.
func (r *chartResolver) Votes(
	ctx context.Context, obj *upstream.Chart, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.VoteFilter, orderBy []model.VoteOrder,
) (*model.VoteConnection, error) {
	q, err := childQuery(filter, voteOrder(orderBy), votesNewestFirst, "RangeChartId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, chartID, q, args(first, after, last, before, offset), votesOfChart.Read)
	if err != nil {
		return nil, err
	}
	return voteConnection(s), nil
}

// Like returns the resolver of Like's relations.
func (r *Resolver) Like() graph.LikeResolver { return &likeResolver{r} }

type likeResolver struct{ *Resolver }

// Owner is the user who likes the resource, batched by ID.
func (r *likeResolver) Owner(ctx context.Context, obj *upstream.Like) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, likeOwner))
}

// Vote returns the resolver of Vote's relations.
func (r *Resolver) Vote() graph.VoteResolver { return &voteResolver{r} }

type voteResolver struct{ *Resolver }

// Chart is the chart voted on, batched by ID.
func (r *voteResolver) Chart(ctx context.Context, obj *upstream.Vote) (*upstream.Chart, error) {
	return loaders.For(ctx).Chart(ctx, obj.ChartID, groupOf(ctx, voteChart))
}

// Owner is the voter, batched by ID.
func (r *voteResolver) Owner(ctx context.Context, obj *upstream.Vote) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, voteOwner))
}

// UserRelation reads the relation of a follower to a followee.
func (r *queryResolver) UserRelation(ctx context.Context, followerID, followeeID string) (*upstream.UserRelation, error) {
	follower, err := localUserID("followerId", followerID)
	if err != nil {
		return nil, err
	}
	followee, err := localUserID("followeeId", followeeID)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetUserRelation(ctx, follower, followee)
}

// UserRelations reads a window of all user relations.
func (r *queryResolver) UserRelations(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.UserRelationFilter, orderBy []model.UserRelationOrder,
) (*model.UserRelationConnection, error) {
	q, err := listQuery(filter, userRelationOrder(orderBy), relationsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.UserRelation](ctx, "/userRelations", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return userRelationConnection(s), nil
}

// UserRelation returns the resolver of UserRelation's relations.
func (r *Resolver) UserRelation() graph.UserRelationResolver { return &userRelationResolver{r} }

type userRelationResolver struct{ *Resolver }

// Follower is the following user, batched by ID.
func (r *userRelationResolver) Follower(ctx context.Context, obj *upstream.UserRelation) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.FollowerID, groupOf(ctx, relationFollower))
}

// Followee is the followed user, batched by ID.
func (r *userRelationResolver) Followee(ctx context.Context, obj *upstream.UserRelation) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.FolloweeID, groupOf(ctx, relationFollowee))
}

// Notification reads one of the caller's notifications.
func (r *queryResolver) Notification(ctx context.Context, id string) (*upstream.Notification, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := guid("id", id)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetNotification(ctx, id)
}

// Notifications reads a window of the caller's unread (or read)
// notifications.
func (r *queryResolver) Notifications(
	ctx context.Context, read *bool, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.NotificationFilter, orderBy []model.NotificationOrder, search *string,
) (*model.NotificationConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := listQuery(filter, notificationOrder(orderBy), socialNewestFirst, search)
	if err != nil {
		return nil, err
	}
	if read != nil && *read {
		q.Set("GetRead", "true")
	}
	s, err := rootList[upstream.Notification](ctx, "/notifications", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return notificationConnection(s), nil
}

// Notification returns the resolver of Notification's relations.
func (r *Resolver) Notification() graph.NotificationResolver { return &notificationResolver{r} }

type notificationResolver struct{ *Resolver }

// Owner is the user the notification is for, batched by ID.
func (r *notificationResolver) Owner(ctx context.Context, obj *upstream.Notification) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, notificationOwner))
}

func relationID(r *upstream.UserRelation) string {
	return strconv.Itoa(r.FollowerID) + ":" + strconv.Itoa(r.FolloweeID)
}
