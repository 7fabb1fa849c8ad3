package resolvers

import (
	"context"
	"errors"
	"net/url"
	"strconv"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// The studio area: submissions with their assets, votes and service
// records, admissions, collaborations, resource records and service
// scripts. Most of its routes need a signed-in caller; their fields fail
// with UNAUTHENTICATED before any upstream call when there is no token.

// Relations of the studio area. Submissions, resource records, service
// scripts and service records batch by RangeId; the assets, votes and
// service records of a submission (and the assets of a chart) have only
// their parent's own route, so each parent costs one call.
//
// The submission lists show a caller their own submissions (all of them to
// volunteers and moderators), while GET /studio/charts/{id} shows any
// submission to any member: chartSubmissionByID and songSubmissionByID
// read a submission the batch did not return by its own route.
var (
	chartSubmissionsByID = loaders.ByID("chartSubmissions", "/studio/charts",
		func(v *upstream.ChartSubmission) string { return v.ID })
	songSubmissionsByID = loaders.ByID("songSubmissions", "/studio/songs",
		func(v *upstream.SongSubmission) string { return v.ID })
	resourceRecordsByID = loaders.ByID("resourceRecords", "/resourceRecords",
		func(v *upstream.ResourceRecord) string { return v.ID })
	serviceScriptsByID = loaders.ByID("serviceScripts", "/services",
		func(v *upstream.ServiceScript) string { return v.ID })
	serviceRecordsByID = loaders.ByID("serviceRecords", "/services/records",
		func(v *upstream.ServiceRecord) string { return v.ID })

	collaborationsOfSubmission = loaders.Children("submissionCollaborations", "/collaborations",
		"RangeSubmissionId", "", func(v *upstream.Collaboration) string { return v.SubmissionID })
	chartSubmissionsOfSong = loaders.Children("songSubmissionCharts", "/studio/charts",
		"RangeSongSubmissionId", "", func(v *upstream.ChartSubmission) string { return orEmpty(v.SongSubmissionID) })
	chartSubmissionsOfSongs = loaders.Children("songChartSubmissions", "/studio/charts",
		"RangeSongId", "", func(v *upstream.ChartSubmission) string { return orEmpty(v.SongID) })
	chartSubmissionsOfUser = loaders.Children("userChartSubmissions", "/studio/charts",
		"RangeOwnerId", "", func(v *upstream.ChartSubmission) string { return strconv.Itoa(v.OwnerID) })
	songSubmissionsOfUser = loaders.Children("userSongSubmissions", "/studio/songs",
		"RangeOwnerId", "", func(v *upstream.SongSubmission) string { return intString(v.OwnerID) })
	recordsOfService = loaders.Children("serviceScriptRecords", "/services/records",
		"RangeServiceId", "", func(v *upstream.ServiceRecord) string { return v.ServiceID })

	assetsOfChart            = eachParent[upstream.ChartAsset]("chartAssets", "/charts/{id}/assets")
	assetsOfChartSubmission  = eachParent[upstream.ChartAssetSubmission]("chartSubmissionAssets", "/studio/charts/{id}/assets")
	votesOfChartSubmission   = eachParent[upstream.VolunteerVote]("chartSubmissionVotes", "/studio/charts/{id}/votes")
	recordsOfChartSubmission = eachParent[upstream.ApplicationServiceRecord]("chartSubmissionServiceRecords",
		"/studio/charts/{id}/serviceRecords")
	recordsOfSongSubmission = eachParent[upstream.ApplicationServiceRecord]("songSubmissionServiceRecords",
		"/studio/songs/{id}/serviceRecords")
)

// chartSubmissionByID reads a chart submission in g's batch, or by its own
// route when the batch (the list the caller sees) does not hold it.
func chartSubmissionByID(ctx context.Context, g loaders.Group[string], id string) (*upstream.ChartSubmission, error) {
	v, err := chartSubmissionsByID.Get(ctx, g, id)
	if missing(err) {
		return loaders.For(ctx).Client().GetChartSubmission(ctx, id)
	}
	return v, err
}

// songSubmissionByID is chartSubmissionByID for song submissions.
func songSubmissionByID(ctx context.Context, g loaders.Group[string], id string) (*upstream.SongSubmission, error) {
	v, err := songSubmissionsByID.Get(ctx, g, id)
	if missing(err) {
		return loaders.For(ctx).Client().GetSongSubmission(ctx, id)
	}
	return v, err
}

// missing reports whether err is a key its batch did not return.
func missing(err error) bool {
	var m *loaders.MissingError
	return errors.As(err, &m)
}

// orNil turns "no such resource" into null: for relations whose ID may
// name a resource of another kind, or one the caller may not see.
func orNil[V any](v *V, err error) (*V, error) {
	if missing(err) || errors.Is(err, upstream.ErrNotFound) {
		return nil, nil
	}
	return v, err
}

// withAll adds the upstream's `all` switch to a list query when set.
func withAll(q url.Values, all *bool) url.Values {
	if all != nil && *all {
		q.Set("all", "true")
	}
	return q
}

func intString(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ChartSubmission returns the resolver of ChartSubmission's relations.
func (r *Resolver) ChartSubmission() graph.ChartSubmissionResolver {
	return &chartSubmissionResolver{r}
}

// SongSubmission returns the resolver of SongSubmission's relations.
func (r *Resolver) SongSubmission() graph.SongSubmissionResolver { return &songSubmissionResolver{r} }

// ChartAsset returns the resolver of ChartAsset's relations.
func (r *Resolver) ChartAsset() graph.ChartAssetResolver { return &chartAssetResolver{r} }

// ChartAssetSubmission returns the resolver of ChartAssetSubmission's
// relations.
func (r *Resolver) ChartAssetSubmission() graph.ChartAssetSubmissionResolver {
	return &chartAssetSubmissionResolver{r}
}

// VolunteerVote returns the resolver of VolunteerVote's relations.
func (r *Resolver) VolunteerVote() graph.VolunteerVoteResolver { return &volunteerVoteResolver{r} }

// ChapterAdmission returns the resolver of ChapterAdmission's relations.
func (r *Resolver) ChapterAdmission() graph.ChapterAdmissionResolver {
	return &chapterAdmissionResolver{r}
}

// CollectionAdmission returns the resolver of CollectionAdmission's
// relations.
func (r *Resolver) CollectionAdmission() graph.CollectionAdmissionResolver {
	return &collectionAdmissionResolver{r}
}

// SongAdmission returns the resolver of SongAdmission's relations.
func (r *Resolver) SongAdmission() graph.SongAdmissionResolver { return &songAdmissionResolver{r} }

// SongSubmissionAdmission returns the resolver of SongSubmissionAdmission's
// relations.
func (r *Resolver) SongSubmissionAdmission() graph.SongSubmissionAdmissionResolver {
	return &songSubmissionAdmissionResolver{r}
}

// Collaboration returns the resolver of Collaboration's relations.
func (r *Resolver) Collaboration() graph.CollaborationResolver { return &collaborationResolver{r} }

// ResourceRecord returns the resolver of ResourceRecord's fields.
func (r *Resolver) ResourceRecord() graph.ResourceRecordResolver { return &resourceRecordResolver{r} }

// ServiceScript returns the resolver of ServiceScript's relations.
func (r *Resolver) ServiceScript() graph.ServiceScriptResolver { return &serviceScriptResolver{r} }

// ServiceRecord returns the resolver of ServiceRecord's relations.
func (r *Resolver) ServiceRecord() graph.ServiceRecordResolver { return &serviceRecordResolver{r} }

// ApplicationServiceRecord returns the resolver of
// ApplicationServiceRecord's relations.
func (r *Resolver) ApplicationServiceRecord() graph.ApplicationServiceRecordResolver {
	return &applicationServiceRecordResolver{r}
}

type (
	chartSubmissionResolver          struct{ *Resolver }
	songSubmissionResolver           struct{ *Resolver }
	chartAssetResolver               struct{ *Resolver }
	chartAssetSubmissionResolver     struct{ *Resolver }
	volunteerVoteResolver            struct{ *Resolver }
	chapterAdmissionResolver         struct{ *Resolver }
	collectionAdmissionResolver      struct{ *Resolver }
	songAdmissionResolver            struct{ *Resolver }
	songSubmissionAdmissionResolver  struct{ *Resolver }
	collaborationResolver            struct{ *Resolver }
	resourceRecordResolver           struct{ *Resolver }
	serviceScriptResolver            struct{ *Resolver }
	serviceRecordResolver            struct{ *Resolver }
	applicationServiceRecordResolver struct{ *Resolver }
)
