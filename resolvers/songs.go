package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

var songsNewestFirst = []sortKey{{"DateCreated", true}, {"Id", true}}

// Song reads one song.
func (r *queryResolver) Song(ctx context.Context, id string) (*upstream.Song, error) {
	id, err := localGUID("id", id, "Song")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetSong(ctx, id)
}

// Songs reads a window of all songs.
func (r *queryResolver) Songs(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.SongFilter, orderBy []model.SongOrder, search *string,
) (*model.SongConnection, error) {
	q, err := listQuery(filter, songOrder(orderBy), songsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Song](ctx, "/songs", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return songConnection(s), nil
}

// Owner is the user who uploaded the song.
func (r *songResolver) Owner(ctx context.Context, obj *upstream.Song) (*upstream.User, error) {
	if obj.OwnerID == nil {
		return nil, nil
	}
	return loaders.For(ctx).User(ctx, *obj.OwnerID, groupOf(ctx, songOwner))
}

// Charts reads a window of the song's charts, batched by song.
func (r *songResolver) Charts(
	ctx context.Context, obj *upstream.Song, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ChartFilter, orderBy []model.ChartOrder,
) (*model.ChartConnection, error) {
	q, err := childQuery(filter, chartOrder(orderBy), chartsNewestFirst, "RangeSongId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, songID, q, args(first, after, last, before, offset), loaders.For(ctx).ChartsOfSong)
	if err != nil {
		return nil, err
	}
	return chartConnection(s), nil
}

// Comments reads a window of the song's comments, batched by song.
func (r *songResolver) Comments(
	ctx context.Context, obj *upstream.Song, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, songID, args(first, after, last, before, offset), filter, orderBy,
		loaders.For(ctx).CommentsOnSong)
}
