package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

var (
	commentsNewestFirst = []sortKey{{"DateCreated", true}, {"Id", true}}
	repliesOldestFirst  = []sortKey{{"DateCreated", false}, {"Id", false}}
)

// commentsOn reads a window of the comments on any resource, batched by
// resource.
func commentsOn[P any](
	ctx context.Context, parent *P, parentID func(*P) string, a paging.Args, filter *upstream.CommentFilter,
	orderBy []model.CommentOrder,
	read func(context.Context, loaders.ChildKey, loaders.Group[loaders.ChildKey]) (paging.Slice[upstream.Comment], error),
) (*model.CommentConnection, error) {
	q, err := childQuery(filter, commentOrder(orderBy), commentsNewestFirst, "RangeResourceId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, parent, parentID, q, a, read)
	if err != nil {
		return nil, err
	}
	return commentConnection(s), nil
}

// Comment reads one comment.
func (r *queryResolver) Comment(ctx context.Context, id string) (*upstream.Comment, error) {
	id, err := localGUID("id", id, "Comment")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetComment(ctx, id)
}

// Comments reads a window of all comments.
func (r *queryResolver) Comments(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder, search *string,
) (*model.CommentConnection, error) {
	q, err := listQuery(filter, commentOrder(orderBy), commentsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Comment](ctx, "/comments", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return commentConnection(s), nil
}

// Reply reads one reply.
func (r *queryResolver) Reply(ctx context.Context, id string) (*upstream.Reply, error) {
	id, err := localGUID("id", id, "Reply")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetReply(ctx, id)
}

// Owner is the comment's author, embedded in the comment.
func (r *commentResolver) Owner(ctx context.Context, obj *upstream.Comment) (*upstream.User, error) {
	if obj.Owner != nil {
		return obj.Owner, nil
	}
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, commentOwner))
}

// Replies reads a window of the comment's replies, batched by comment.
func (r *commentResolver) Replies(
	ctx context.Context, obj *upstream.Comment, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ReplyFilter, orderBy []model.ReplyOrder,
) (*model.ReplyConnection, error) {
	q, err := childQuery(filter, replyOrder(orderBy), repliesOldestFirst, "RangeCommentId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, commentID, q, args(first, after, last, before, offset), loaders.For(ctx).RepliesTo)
	if err != nil {
		return nil, err
	}
	return replyConnection(s), nil
}

// Owner is the reply's author, embedded in the reply.
func (r *replyResolver) Owner(ctx context.Context, obj *upstream.Reply) (*upstream.User, error) {
	if obj.Owner != nil {
		return obj.Owner, nil
	}
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, replyOwner))
}

// Comment is the comment replied to, batched by ID.
func (r *replyResolver) Comment(ctx context.Context, obj *upstream.Reply) (*upstream.Comment, error) {
	return loaders.For(ctx).Comment(ctx, obj.CommentID, groupOf(ctx, replyComment))
}
