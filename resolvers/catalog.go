package resolvers

import (
	"context"
	"net/url"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// Default orders of the lists of this file. Admissions sort by the
// admission's own columns.
var (
	curatedNewestFirst    = []sortKey{{"DateCreated", true}, {"Id", true}}
	admissionsOldestFirst = []sortKey{{"DateCreated", false}}
)

// Relations of chapters and collections. The members of a chapter or a
// collection, and the chapters or collections of a song or a chart, have
// no list route that names many parents at once: one call per parent.
var (
	chaptersByID    = loaders.ByID("chapters", "/chapters", func(v *upstream.Chapter) string { return v.ID })
	collectionsByID = loaders.ByID("collections", "/collections", func(v *upstream.Collection) string { return v.ID })

	songsOfChapter       = eachParent[upstream.SongAdmittee]("chapterSongs", "/chapters/{id}/songs")
	chartsOfCollection   = eachParent[upstream.ChartAdmittee]("collectionCharts", "/collections/{id}/charts")
	chaptersOfSong       = eachParent[upstream.ChapterAdmitter]("songChapters", "/songs/{id}/chapters")
	collectionsOfChart   = eachParent[upstream.CollectionAdmitter]("chartCollections", "/charts/{id}/collections")
	commentsOnChapter    = commentsVia("chapterComments", "/chapters/{id}/comments")
	commentsOnCollection = commentsVia("collectionComments", "/collections/{id}/comments")
)

// eachParent declares a relation that reads a window of the children of
// one parent from the parent's own route, one call per parent.
func eachParent[T any](name, route string) loaders.Relation[loaders.ChildKey, paging.Slice[T]] {
	return loaders.EachKey(name, func(ctx context.Context, c *upstream.Client, k loaders.ChildKey) (paging.Slice[T], error) {
		q, err := url.ParseQuery(k.Query)
		if err != nil {
			return paging.Slice[T]{}, err
		}
		return loaders.Window[T](ctx, c, route, upstream.Params{"id": k.Parent}, q, k.Window)
	})
}

// commentsVia declares the comments on one kind of resource: several
// resources read theirs together from /comments, one from its own route.
func commentsVia(name, single string) loaders.Relation[loaders.ChildKey, paging.Slice[upstream.Comment]] {
	return loaders.Children(name, "/comments", "RangeResourceId", single,
		func(v *upstream.Comment) string { return v.ResourceID })
}

// Chapter reads one chapter.
func (r *queryResolver) Chapter(ctx context.Context, id string) (*upstream.Chapter, error) {
	id, err := localGUID("id", id, "Chapter")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetChapter(ctx, id)
}

// Chapters reads a window of all chapters.
func (r *queryResolver) Chapters(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ChapterFilter, orderBy []model.ChapterOrder, search *string,
) (*model.ChapterConnection, error) {
	q, err := listQuery(filter, chapterOrder(orderBy), curatedNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Chapter](ctx, "/chapters", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return chapterConnection(s), nil
}

// Collection reads one collection.
func (r *queryResolver) Collection(ctx context.Context, id string) (*upstream.Collection, error) {
	id, err := localGUID("id", id, "Collection")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetCollection(ctx, id)
}

// Collections reads a window of all collections.
func (r *queryResolver) Collections(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CollectionFilter, orderBy []model.CollectionOrder, search *string,
) (*model.CollectionConnection, error) {
	q, err := listQuery(filter, collectionOrder(orderBy), curatedNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Collection](ctx, "/collections", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return collectionConnection(s), nil
}

// Chapter returns the resolver of Chapter's relations.
func (r *Resolver) Chapter() graph.ChapterResolver { return &chapterResolver{r} }

type chapterResolver struct{ *Resolver }

// Owner is the chapter's maker, batched by ID.
func (r *chapterResolver) Owner(ctx context.Context, obj *upstream.Chapter) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, chapterOwner))
}

// Songs reads a window of the songs admitted to the chapter.
func (r *chapterResolver) Songs(
	ctx context.Context, obj *upstream.Chapter, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.SongAdmitteeOrder,
) (*model.SongAdmitteeConnection, error) {
	q, err := childQuery(filter, songAdmitteeOrder(orderBy), admissionsOldestFirst, "RangeAdmitterId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, chapterID, q, args(first, after, last, before, offset), songsOfChapter.Read)
	if err != nil {
		return nil, err
	}
	return songAdmitteeConnection(s), nil
}

// Comments reads a window of the comments on the chapter.
func (r *chapterResolver) Comments(
	ctx context.Context, obj *upstream.Chapter, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, chapterID, args(first, after, last, before, offset), filter, orderBy,
		commentsOnChapter.Read)
}

// Likes reads a window of the chapter's likes.
func (r *chapterResolver) Likes(
	ctx context.Context, obj *upstream.Chapter, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, chapterID, args(first, after, last, before, offset), orderBy, likesOfChapter)
}

// Collection returns the resolver of Collection's relations.
func (r *Resolver) Collection() graph.CollectionResolver { return &collectionResolver{r} }

type collectionResolver struct{ *Resolver }

// Owner is the collection's maker, batched by ID.
func (r *collectionResolver) Owner(ctx context.Context, obj *upstream.Collection) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, collectionOwner))
}

// Charts reads a window of the charts admitted to the collection.
func (r *collectionResolver) Charts(
	ctx context.Context, obj *upstream.Collection, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.ChartAdmitteeOrder,
) (*model.ChartAdmitteeConnection, error) {
	q, err := childQuery(filter, chartAdmitteeOrder(orderBy), admissionsOldestFirst, "RangeAdmitterId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, collectionID, q, args(first, after, last, before, offset), chartsOfCollection.Read)
	if err != nil {
		return nil, err
	}
	return chartAdmitteeConnection(s), nil
}

// Comments reads a window of the comments on the collection.
func (r *collectionResolver) Comments(
	ctx context.Context, obj *upstream.Collection, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, collectionID, args(first, after, last, before, offset), filter, orderBy,
		commentsOnCollection.Read)
}

// Likes reads a window of the collection's likes.
func (r *collectionResolver) Likes(
	ctx context.Context, obj *upstream.Collection, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.LikeOrder,
) (*model.LikeConnection, error) {
	return likesOn(ctx, obj, collectionID, args(first, after, last, before, offset), orderBy, likesOfCollection)
}

// Chapters reads a window of the chapters the song is admitted to.
func (r *songResolver) Chapters(
	ctx context.Context, obj *upstream.Song, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.ChapterAdmitterOrder,
) (*model.ChapterAdmitterConnection, error) {
	q, err := childQuery(filter, chapterAdmitterOrder(orderBy), admissionsOldestFirst, "RangeAdmitteeId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, songID, q, args(first, after, last, before, offset), chaptersOfSong.Read)
	if err != nil {
		return nil, err
	}
	return chapterAdmitterConnection(s), nil
}

// ChapterAdmission reads the admission of the song to one chapter.
func (r *songResolver) ChapterAdmission(ctx context.Context, obj *upstream.Song, chapterID string) (*upstream.ChapterAdmission, error) {
	chapterID, err := localGUID("chapterId", chapterID, "Chapter")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetSongChapter(ctx, obj.ID, chapterID)
}

// Collections reads a window of the collections the chart is admitted to.
func (r *chartResolver) Collections(
	ctx context.Context, obj *upstream.Chart, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.CollectionAdmitterOrder,
) (*model.CollectionAdmitterConnection, error) {
	q, err := childQuery(filter, collectionAdmitterOrder(orderBy), admissionsOldestFirst, "RangeAdmitteeId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, chartID, q, args(first, after, last, before, offset), collectionsOfChart.Read)
	if err != nil {
		return nil, err
	}
	return collectionAdmitterConnection(s), nil
}

// CollectionAdmission reads the admission of the chart to one collection.
func (r *chartResolver) CollectionAdmission(
	ctx context.Context, obj *upstream.Chart, collectionID string,
) (*upstream.CollectionAdmission, error) {
	collectionID, err := localGUID("collectionId", collectionID, "Collection")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetChartCollection(ctx, obj.ID, collectionID)
}
