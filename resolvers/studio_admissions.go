package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// Admissions have no ID of their own: an admission is named by its
// admitter and admittee, and its global ID encodes "admitter:admittee".
// Their admitters and admittees come embedded; the requester and the
// requestee are batched by ID.

var admissionsNewestFirst = []sortKey{{"DateCreated", true}}

// admissionList reads a window of one of the admission list routes.
func admissionList[T any](
	ctx context.Context, route string, a paging.Args, filter *upstream.AdmissionFilter,
	orderBy []model.AdmissionOrder, all *bool,
) (paging.Slice[T], error) {
	if err := signedIn(ctx); err != nil {
		return paging.Slice[T]{}, err
	}
	q, err := listQuery(filter, admissionOrder(orderBy), admissionsNewestFirst, nil)
	if err != nil {
		return paging.Slice[T]{}, err
	}
	q = withAll(q, all)
	return rootList[T](ctx, route, nil, q, a)
}

// admissionKey checks the two GUIDs that name an admission.
func admissionKey(admitterArg, admitter, admitteeArg, admittee string) (string, string, error) {
	admitter, err := guid(admitterArg, admitter)
	if err != nil {
		return "", "", err
	}
	admittee, err = guid(admitteeArg, admittee)
	if err != nil {
		return "", "", err
	}
	return admitter, admittee, nil
}

// ChapterAdmissions reads a window of admissions of songs into chapters.
func (r *queryResolver) ChapterAdmissions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.AdmissionOrder, all *bool,
) (*model.ChapterAdmissionConnection, error) {
	s, err := admissionList[upstream.ChapterAdmission](ctx, "/admissions/chapters",
		args(first, after, last, before, offset), filter, orderBy, all)
	if err != nil {
		return nil, err
	}
	return chapterAdmissionConnection(s), nil
}

// CollectionAdmissions reads a window of admissions of charts into
// collections.
func (r *queryResolver) CollectionAdmissions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.AdmissionOrder, all *bool,
) (*model.CollectionAdmissionConnection, error) {
	s, err := admissionList[upstream.CollectionAdmission](ctx, "/admissions/collections",
		args(first, after, last, before, offset), filter, orderBy, all)
	if err != nil {
		return nil, err
	}
	return collectionAdmissionConnection(s), nil
}

// SongAdmissions reads a window of admissions received by songs.
func (r *queryResolver) SongAdmissions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.AdmissionOrder, all *bool,
) (*model.SongAdmissionConnection, error) {
	s, err := admissionList[upstream.SongAdmission](ctx, "/admissions/songs",
		args(first, after, last, before, offset), filter, orderBy, all)
	if err != nil {
		return nil, err
	}
	return songAdmissionConnection(s), nil
}

// SongSubmissionAdmissions reads a window of admissions received by song
// submissions.
func (r *queryResolver) SongSubmissionAdmissions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.AdmissionOrder, all *bool,
) (*model.SongSubmissionAdmissionConnection, error) {
	s, err := admissionList[upstream.SongSubmissionAdmission](ctx, "/admissions/songSubmissions",
		args(first, after, last, before, offset), filter, orderBy, all)
	if err != nil {
		return nil, err
	}
	return songSubmissionAdmissionConnection(s), nil
}

// ChartAdmissions reads a window of the admissions chart submissions
// requested of songs, from the requesters' side.
func (r *queryResolver) ChartAdmissions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.AdmissionFilter, orderBy []model.AdmissionOrder, all *bool,
) (*model.SongAdmissionConnection, error) {
	s, err := admissionList[upstream.SongAdmission](ctx, "/admissions/charts",
		args(first, after, last, before, offset), filter, orderBy, all)
	if err != nil {
		return nil, err
	}
	return songAdmissionConnection(s), nil
}

// ChapterAdmission reads the admission of a song into a chapter.
func (r *queryResolver) ChapterAdmission(
	ctx context.Context, chapterID, songID string,
) (*upstream.ChapterAdmission, error) {
	chapterID, songID, err := admissionKey("chapterId", chapterID, "songId", songID)
	if err == nil {
		err = signedIn(ctx)
	}
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetChapterAdmission(ctx, chapterID, songID)
}

// CollectionAdmission reads the admission of a chart into a collection.
func (r *queryResolver) CollectionAdmission(
	ctx context.Context, collectionID, chartID string,
) (*upstream.CollectionAdmission, error) {
	collectionID, chartID, err := admissionKey("collectionId", collectionID, "chartId", chartID)
	if err == nil {
		err = signedIn(ctx)
	}
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetCollectionAdmission(ctx, collectionID, chartID)
}

// SongAdmission reads the admission of a chart submission onto a song.
func (r *queryResolver) SongAdmission(
	ctx context.Context, songID, chartSubmissionID string,
) (*upstream.SongAdmission, error) {
	songID, chartSubmissionID, err := admissionKey("songId", songID, "chartSubmissionId", chartSubmissionID)
	if err == nil {
		err = signedIn(ctx)
	}
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetSongAdmission(ctx, songID, chartSubmissionID)
}

// SongSubmissionAdmission reads the admission of a chart submission onto a
// song submission.
func (r *queryResolver) SongSubmissionAdmission(
	ctx context.Context, songSubmissionID, chartSubmissionID string,
) (*upstream.SongSubmissionAdmission, error) {
	songSubmissionID, chartSubmissionID, err := admissionKey("songSubmissionId", songSubmissionID,
		"chartSubmissionId", chartSubmissionID)
	if err == nil {
		err = signedIn(ctx)
	}
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetSongSubmissionAdmission(ctx, songSubmissionID, chartSubmissionID)
}

// ChartAdmission reads the admission a chart submission requested of a
// song, from the requester's side.
func (r *queryResolver) ChartAdmission(
	ctx context.Context, chartSubmissionID, songID string,
) (*upstream.SongAdmission, error) {
	songID, chartSubmissionID, err := admissionKey("songId", songID, "chartSubmissionId", chartSubmissionID)
	if err == nil {
		err = signedIn(ctx)
	}
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetChartAdmission(ctx, chartSubmissionID, songID)
}

// AdmitterID is the chapter's ID.
func (r *chapterAdmissionResolver) AdmitterID(
	_ context.Context, obj *upstream.ChapterAdmission,
) (string, error) {
	return obj.Admitter.ID, nil
}

// AdmitteeID is the song's ID.
func (r *chapterAdmissionResolver) AdmitteeID(
	_ context.Context, obj *upstream.ChapterAdmission,
) (string, error) {
	return obj.Admittee.ID, nil
}

// Requester is the song's owner, batched by ID.
func (r *chapterAdmissionResolver) Requester(
	ctx context.Context, obj *upstream.ChapterAdmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.RequesterID, groupOf(ctx, chapterRequester))
}

// Requestee is the chapter's owner, batched by ID.
func (r *chapterAdmissionResolver) Requestee(
	ctx context.Context, obj *upstream.ChapterAdmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.RequesteeID, groupOf(ctx, chapterRequestee))
}

// AdmitterID is the collection's ID.
func (r *collectionAdmissionResolver) AdmitterID(
	_ context.Context, obj *upstream.CollectionAdmission,
) (string, error) {
	return obj.Admitter.ID, nil
}

// AdmitteeID is the chart's ID.
func (r *collectionAdmissionResolver) AdmitteeID(
	_ context.Context, obj *upstream.CollectionAdmission,
) (string, error) {
	return obj.Admittee.ID, nil
}

// Requester is the chart's owner, batched by ID.
func (r *collectionAdmissionResolver) Requester(
	ctx context.Context, obj *upstream.CollectionAdmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.RequesterID, groupOf(ctx, collectionRequester))
}

// Requestee is the collection's owner, batched by ID.
func (r *collectionAdmissionResolver) Requestee(
	ctx context.Context, obj *upstream.CollectionAdmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.RequesteeID, groupOf(ctx, collectionRequestee))
}

// AdmitterID is the song's ID.
func (r *songAdmissionResolver) AdmitterID(_ context.Context, obj *upstream.SongAdmission) (string, error) {
	return obj.Admitter.ID, nil
}

// AdmitteeID is the chart submission's ID.
func (r *songAdmissionResolver) AdmitteeID(_ context.Context, obj *upstream.SongAdmission) (string, error) {
	return obj.Admittee.ID, nil
}

// Requester is the chart submission's owner, batched by ID.
func (r *songAdmissionResolver) Requester(
	ctx context.Context, obj *upstream.SongAdmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.RequesterID, groupOf(ctx, songAdmRequester))
}

// Requestee is the song's owner, batched by ID.
func (r *songAdmissionResolver) Requestee(
	ctx context.Context, obj *upstream.SongAdmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.RequesteeID, groupOf(ctx, songAdmRequestee))
}

// AdmitterID is the song submission's ID.
func (r *songSubmissionAdmissionResolver) AdmitterID(
	_ context.Context, obj *upstream.SongSubmissionAdmission,
) (string, error) {
	return obj.Admitter.ID, nil
}

// AdmitteeID is the chart submission's ID.
func (r *songSubmissionAdmissionResolver) AdmitteeID(
	_ context.Context, obj *upstream.SongSubmissionAdmission,
) (string, error) {
	return obj.Admittee.ID, nil
}

// Requester is the chart submission's owner, batched by ID.
func (r *songSubmissionAdmissionResolver) Requester(
	ctx context.Context, obj *upstream.SongSubmissionAdmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.RequesterID, groupOf(ctx, songSubmissionAdmRequester))
}

// Requestee is the song submission's owner, batched by ID.
func (r *songSubmissionAdmissionResolver) Requestee(
	ctx context.Context, obj *upstream.SongSubmissionAdmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.RequesteeID, groupOf(ctx, songSubmissionAdmRequestee))
}
