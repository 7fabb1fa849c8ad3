package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

var (
	submissionsNewestFirst = []sortKey{{"DateCreated", true}, {"Id", true}}
	assetsNewestFirst      = []sortKey{{"DateCreated", true}, {"Id", true}}
)

// ChartSubmission reads one chart submission.
func (r *queryResolver) ChartSubmission(ctx context.Context, id string) (*upstream.ChartSubmission, error) {
	id, err := localGUID("id", id, "ChartSubmission")
	if err != nil {
		return nil, err
	}
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetChartSubmission(ctx, id)
}

// ChartSubmissions reads a window of the chart submissions the caller may
// see.
func (r *queryResolver) ChartSubmissions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ChartSubmissionFilter, orderBy []model.ChartSubmissionOrder, search *string,
) (*model.ChartSubmissionConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := listQuery(filter, chartSubmissionOrder(orderBy), submissionsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.ChartSubmission](ctx, "/studio/charts", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return chartSubmissionConnection(s), nil
}

// SongSubmission reads one song submission.
func (r *queryResolver) SongSubmission(ctx context.Context, id string) (*upstream.SongSubmission, error) {
	id, err := localGUID("id", id, "SongSubmission")
	if err != nil {
		return nil, err
	}
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetSongSubmission(ctx, id)
}

// SongSubmissions reads a window of the song submissions the caller may
// see.
func (r *queryResolver) SongSubmissions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.SongSubmissionFilter, orderBy []model.SongSubmissionOrder, search *string,
) (*model.SongSubmissionConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := listQuery(filter, songSubmissionOrder(orderBy), submissionsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.SongSubmission](ctx, "/studio/songs", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return songSubmissionConnection(s), nil
}

// Song is the song the chart is for: embedded when the upstream sends it,
// loaded otherwise; null when the chart is for a song submission.
func (r *chartSubmissionResolver) Song(
	ctx context.Context, obj *upstream.ChartSubmission,
) (*upstream.Song, error) {
	if obj.Song != nil || obj.SongID == nil {
		return obj.Song, nil
	}
	return loaders.For(ctx).Song(ctx, *obj.SongID, groupOf(ctx, chartSubmissionSong))
}

// SongSubmission is the song submission the chart is for, embedded or
// batched by ID.
func (r *chartSubmissionResolver) SongSubmission(
	ctx context.Context, obj *upstream.ChartSubmission,
) (*upstream.SongSubmission, error) {
	if obj.SongSubmission != nil || obj.SongSubmissionID == nil {
		return obj.SongSubmission, nil
	}
	return songSubmissionByID(ctx, groupOf(ctx, chartSubmissionSongSubmission), *obj.SongSubmissionID)
}

// Representation is the chart the submission became, batched by ID.
func (r *chartSubmissionResolver) Representation(
	ctx context.Context, obj *upstream.ChartSubmission,
) (*upstream.Chart, error) {
	if obj.RepresentationID == nil {
		return nil, nil
	}
	return loaders.For(ctx).Chart(ctx, *obj.RepresentationID, groupOf(ctx, chartSubmissionRepresentation))
}

// Owner is the uploader, batched by ID.
func (r *chartSubmissionResolver) Owner(
	ctx context.Context, obj *upstream.ChartSubmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, chartSubmissionOwner))
}

// Assets reads a window of the submission's assets, one call per
// submission.
func (r *chartSubmissionResolver) Assets(
	ctx context.Context, obj *upstream.ChartSubmission, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.ChartAssetSubmissionFilter, orderBy []model.ChartAssetSubmissionOrder,
) (*model.ChartAssetSubmissionConnection, error) {
	q, err := childQuery(filter, chartAssetSubmissionOrder(orderBy), assetsNewestFirst, "RangeChartSubmissionId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, chartSubmissionID, q, args(first, after, last, before, offset),
		assetsOfChartSubmission.Read)
	if err != nil {
		return nil, err
	}
	return chartAssetSubmissionConnection(s), nil
}

// Asset reads one asset of the submission.
func (r *chartSubmissionResolver) Asset(
	ctx context.Context, obj *upstream.ChartSubmission, id string,
) (*upstream.ChartAssetSubmission, error) {
	id, err := guid("id", id)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetChartSubmissionAsset(ctx, obj.ID, id)
}

// Votes reads a window of the volunteers' votes on the submission, one
// call per submission.
func (r *chartSubmissionResolver) Votes(
	ctx context.Context, obj *upstream.ChartSubmission, first *int, after *string, last *int, before *string,
	offset *int, orderBy []model.VolunteerVoteOrder,
) (*model.VolunteerVoteConnection, error) {
	q, err := listQuery(nil, volunteerVoteOrder(orderBy), votesNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, chartSubmissionID, q, args(first, after, last, before, offset),
		votesOfChartSubmission.Read)
	if err != nil {
		return nil, err
	}
	return volunteerVoteConnection(s), nil
}

// ServiceRecords reads a window of the runs of application services on
// the submission, one call per submission.
func (r *chartSubmissionResolver) ServiceRecords(
	ctx context.Context, obj *upstream.ChartSubmission, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.ApplicationServiceRecordFilter, orderBy []model.ApplicationServiceRecordOrder,
) (*model.ApplicationServiceRecordConnection, error) {
	return submissionServiceRecords(ctx, obj, chartSubmissionID, args(first, after, last, before, offset),
		filter, orderBy, recordsOfChartSubmission)
}

// ServiceRecord reads one run of an application service on the
// submission.
func (r *chartSubmissionResolver) ServiceRecord(
	ctx context.Context, obj *upstream.ChartSubmission, id string,
) (*upstream.ApplicationServiceRecord, error) {
	id, err := guid("id", id)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetChartSubmissionServiceRecord(ctx, obj.ID, id)
}

// Collaborations reads a window of the invitations to work on the
// submission, batched by submission.
func (r *chartSubmissionResolver) Collaborations(
	ctx context.Context, obj *upstream.ChartSubmission, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.CollaborationFilter, orderBy []model.CollaborationOrder,
) (*model.CollaborationConnection, error) {
	return submissionCollaborations(ctx, obj, chartSubmissionID, args(first, after, last, before, offset),
		filter, orderBy)
}

// Representation is the song the submission became, batched by ID.
func (r *songSubmissionResolver) Representation(
	ctx context.Context, obj *upstream.SongSubmission,
) (*upstream.Song, error) {
	if obj.RepresentationID == nil {
		return nil, nil
	}
	return loaders.For(ctx).Song(ctx, *obj.RepresentationID, groupOf(ctx, songSubmissionRepresentation))
}

// Reviewer is the moderator who reviewed the submission, batched by ID.
func (r *songSubmissionResolver) Reviewer(
	ctx context.Context, obj *upstream.SongSubmission,
) (*upstream.User, error) {
	if obj.ReviewerID == nil {
		return nil, nil
	}
	return loaders.For(ctx).User(ctx, *obj.ReviewerID, groupOf(ctx, songSubmissionReviewer))
}

// Owner is the uploader, batched by ID.
func (r *songSubmissionResolver) Owner(
	ctx context.Context, obj *upstream.SongSubmission,
) (*upstream.User, error) {
	if obj.OwnerID == nil {
		return nil, nil
	}
	return loaders.For(ctx).User(ctx, *obj.OwnerID, groupOf(ctx, songSubmissionOwner))
}

// ChartSubmissions reads a window of the chart submissions for the song
// submission, batched by song submission.
func (r *songSubmissionResolver) ChartSubmissions(
	ctx context.Context, obj *upstream.SongSubmission, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.ChartSubmissionFilter, orderBy []model.ChartSubmissionOrder,
) (*model.ChartSubmissionConnection, error) {
	q, err := childQuery(filter, chartSubmissionOrder(orderBy), submissionsNewestFirst, "RangeSongSubmissionId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, songSubmissionID, q, args(first, after, last, before, offset),
		chartSubmissionsOfSong.Read)
	if err != nil {
		return nil, err
	}
	return chartSubmissionConnection(s), nil
}

// ServiceRecords reads a window of the runs of application services on
// the submission, one call per submission.
func (r *songSubmissionResolver) ServiceRecords(
	ctx context.Context, obj *upstream.SongSubmission, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.ApplicationServiceRecordFilter, orderBy []model.ApplicationServiceRecordOrder,
) (*model.ApplicationServiceRecordConnection, error) {
	return submissionServiceRecords(ctx, obj, songSubmissionID, args(first, after, last, before, offset),
		filter, orderBy, recordsOfSongSubmission)
}

// ServiceRecord reads one run of an application service on the
// submission.
func (r *songSubmissionResolver) ServiceRecord(
	ctx context.Context, obj *upstream.SongSubmission, id string,
) (*upstream.ApplicationServiceRecord, error) {
	id, err := guid("id", id)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetSongSubmissionServiceRecord(ctx, obj.ID, id)
}

// Collaborations reads a window of the invitations to work on the
// submission, batched by submission.
func (r *songSubmissionResolver) Collaborations(
	ctx context.Context, obj *upstream.SongSubmission, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.CollaborationFilter, orderBy []model.CollaborationOrder,
) (*model.CollaborationConnection, error) {
	return submissionCollaborations(ctx, obj, songSubmissionID, args(first, after, last, before, offset),
		filter, orderBy)
}

// Chart is the chart the asset belongs to, batched by ID.
func (r *chartAssetResolver) Chart(ctx context.Context, obj *upstream.ChartAsset) (*upstream.Chart, error) {
	return loaders.For(ctx).Chart(ctx, obj.ChartID, groupOf(ctx, chartAssetChart))
}

// Owner is the user who added the asset, batched by ID.
func (r *chartAssetResolver) Owner(ctx context.Context, obj *upstream.ChartAsset) (*upstream.User, error) {
	if obj.OwnerID == nil {
		return nil, nil
	}
	return loaders.For(ctx).User(ctx, *obj.OwnerID, groupOf(ctx, chartAssetOwner))
}

// ChartSubmission is the submission the asset belongs to, batched by ID.
func (r *chartAssetSubmissionResolver) ChartSubmission(
	ctx context.Context, obj *upstream.ChartAssetSubmission,
) (*upstream.ChartSubmission, error) {
	return chartSubmissionByID(ctx, groupOf(ctx, assetSubmissionParent), obj.ChartSubmissionID)
}

// Owner is the user who added the asset, batched by ID.
func (r *chartAssetSubmissionResolver) Owner(
	ctx context.Context, obj *upstream.ChartAssetSubmission,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, assetSubmissionOwner))
}

// ChartSubmission is the submission voted on, batched by ID.
func (r *volunteerVoteResolver) ChartSubmission(
	ctx context.Context, obj *upstream.VolunteerVote,
) (*upstream.ChartSubmission, error) {
	return chartSubmissionByID(ctx, groupOf(ctx, voteSubmission), obj.ChartID)
}

// Owner is the volunteer who voted, batched by ID.
func (r *volunteerVoteResolver) Owner(
	ctx context.Context, obj *upstream.VolunteerVote,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, volunteerVoteOwner))
}

// Assets reads a window of the chart's assets, one call per chart.
func (r *chartResolver) Assets(
	ctx context.Context, obj *upstream.Chart, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ChartAssetFilter, orderBy []model.ChartAssetOrder,
) (*model.ChartAssetConnection, error) {
	q, err := childQuery(filter, chartAssetOrder(orderBy), assetsNewestFirst, "RangeChartId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, chartID, q, args(first, after, last, before, offset), assetsOfChart.Read)
	if err != nil {
		return nil, err
	}
	return chartAssetConnection(s), nil
}

// Asset reads one asset of the chart.
func (r *chartResolver) Asset(
	ctx context.Context, obj *upstream.Chart, id string,
) (*upstream.ChartAsset, error) {
	id, err := guid("id", id)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetChartAsset(ctx, obj.ID, id)
}

// ChartSubmissions reads a window of the chart submissions for the song
// that the caller may see, batched by song.
func (r *songResolver) ChartSubmissions(
	ctx context.Context, obj *upstream.Song, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ChartSubmissionFilter, orderBy []model.ChartSubmissionOrder,
) (*model.ChartSubmissionConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := childQuery(filter, chartSubmissionOrder(orderBy), submissionsNewestFirst, "RangeSongId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, songID, q, args(first, after, last, before, offset), chartSubmissionsOfSongs.Read)
	if err != nil {
		return nil, err
	}
	return chartSubmissionConnection(s), nil
}

// ChartSubmissions reads a window of the user's chart submissions that the
// caller may see, batched by user.
func (r *userResolver) ChartSubmissions(
	ctx context.Context, obj *upstream.User, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ChartSubmissionFilter, orderBy []model.ChartSubmissionOrder,
) (*model.ChartSubmissionConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := childQuery(filter, chartSubmissionOrder(orderBy), submissionsNewestFirst, "RangeOwnerId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, userIDOf, q, args(first, after, last, before, offset), chartSubmissionsOfUser.Read)
	if err != nil {
		return nil, err
	}
	return chartSubmissionConnection(s), nil
}

// SongSubmissions reads a window of the user's song submissions that the
// caller may see, batched by user.
func (r *userResolver) SongSubmissions(
	ctx context.Context, obj *upstream.User, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.SongSubmissionFilter, orderBy []model.SongSubmissionOrder,
) (*model.SongSubmissionConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := childQuery(filter, songSubmissionOrder(orderBy), submissionsNewestFirst, "RangeOwnerId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, userIDOf, q, args(first, after, last, before, offset), songSubmissionsOfUser.Read)
	if err != nil {
		return nil, err
	}
	return songSubmissionConnection(s), nil
}
