package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// The parent IDs and relation keys of the studio area, for childList and
// groupOf, as in ids.go.

func chartSubmissionID(s *upstream.ChartSubmission) string { return s.ID }
func songSubmissionID(s *upstream.SongSubmission) string   { return s.ID }
func serviceScriptID(s *upstream.ServiceScript) string     { return s.ID }

func chartSubmissionSong(s *upstream.ChartSubmission) (string, bool) {
	return orEmpty(s.SongID), s.Song == nil && s.SongID != nil
}

func chartSubmissionSongSubmission(s *upstream.ChartSubmission) (string, bool) {
	return orEmpty(s.SongSubmissionID), s.SongSubmission == nil && s.SongSubmissionID != nil
}

func chartSubmissionRepresentation(s *upstream.ChartSubmission) (string, bool) {
	return orEmpty(s.RepresentationID), s.RepresentationID != nil
}

func chartSubmissionOwner(s *upstream.ChartSubmission) (int, bool) { return s.OwnerID, true }

func songSubmissionRepresentation(s *upstream.SongSubmission) (string, bool) {
	return orEmpty(s.RepresentationID), s.RepresentationID != nil
}

func songSubmissionReviewer(s *upstream.SongSubmission) (int, bool) { return derefInt(s.ReviewerID) }
func songSubmissionOwner(s *upstream.SongSubmission) (int, bool)    { return derefInt(s.OwnerID) }

func chartAssetChart(a *upstream.ChartAsset) (string, bool) { return a.ChartID, true }
func chartAssetOwner(a *upstream.ChartAsset) (int, bool)    { return derefInt(a.OwnerID) }
func assetSubmissionParent(a *upstream.ChartAssetSubmission) (string, bool) {
	return a.ChartSubmissionID, true
}
func assetSubmissionOwner(a *upstream.ChartAssetSubmission) (int, bool) { return a.OwnerID, true }
func voteSubmission(v *upstream.VolunteerVote) (string, bool)           { return v.ChartID, true }
func volunteerVoteOwner(v *upstream.VolunteerVote) (int, bool)          { return v.OwnerID, true }

func collaborationSubmission(c *upstream.Collaboration) (string, bool) { return c.SubmissionID, true }
func collaborationInviter(c *upstream.Collaboration) (int, bool)       { return c.InviterID, true }
func collaborationInvitee(c *upstream.Collaboration) (int, bool)       { return c.InviteeID, true }

func serviceRecordService(s *upstream.ServiceRecord) (string, bool) { return s.ServiceID, true }
func serviceRecordOwner(s *upstream.ServiceRecord) (int, bool)      { return s.OwnerID, true }

func appRecordSubmission(s *upstream.ApplicationServiceRecord) (string, bool) {
	return s.ResourceID, true
}
func appRecordOwner(s *upstream.ApplicationServiceRecord) (int, bool) { return s.OwnerID, true }

// The parties of admissions.

func chapterRequester(a *upstream.ChapterAdmission) (int, bool)       { return a.RequesterID, true }
func chapterRequestee(a *upstream.ChapterAdmission) (int, bool)       { return a.RequesteeID, true }
func collectionRequester(a *upstream.CollectionAdmission) (int, bool) { return a.RequesterID, true }
func collectionRequestee(a *upstream.CollectionAdmission) (int, bool) { return a.RequesteeID, true }
func songAdmRequester(a *upstream.SongAdmission) (int, bool)          { return a.RequesterID, true }
func songAdmRequestee(a *upstream.SongAdmission) (int, bool)          { return a.RequesteeID, true }
func songSubmissionAdmRequester(a *upstream.SongSubmissionAdmission) (int, bool) {
	return a.RequesterID, true
}
func songSubmissionAdmRequestee(a *upstream.SongSubmissionAdmission) (int, bool) {
	return a.RequesteeID, true
}

var (
	collaborationsNewestFirst = []sortKey{{"DateCreated", true}, {"Id", true}}
	appRecordsNewestFirst     = []sortKey{{"DateCreated", true}, {"Id", true}}
)

// submissionCollaborations reads a window of the collaborations on a song
// or chart submission, batched by submission. It asks for all of them
// (`all`), which the upstream grants to volunteers; others see their own.
func submissionCollaborations[P any](
	ctx context.Context, parent *P, parentID func(*P) string, a paging.Args,
	filter *upstream.CollaborationFilter, orderBy []model.CollaborationOrder,
) (*model.CollaborationConnection, error) {
	q, err := childQuery(filter, collaborationOrder(orderBy), collaborationsNewestFirst, "RangeSubmissionId")
	if err != nil {
		return nil, err
	}
	q.Set("all", "true")
	s, err := childList(ctx, parent, parentID, q, a, collaborationsOfSubmission.Read)
	if err != nil {
		return nil, err
	}
	return collaborationConnection(s), nil
}

// submissionServiceRecords reads a window of the service records of a song
// or chart submission through read, one call per submission.
func submissionServiceRecords[P any](
	ctx context.Context, parent *P, parentID func(*P) string, a paging.Args,
	filter *upstream.ApplicationServiceRecordFilter, orderBy []model.ApplicationServiceRecordOrder,
	read loaders.Relation[loaders.ChildKey, paging.Slice[upstream.ApplicationServiceRecord]],
) (*model.ApplicationServiceRecordConnection, error) {
	q, err := childQuery(filter, applicationServiceRecordOrder(orderBy), appRecordsNewestFirst, "RangeResourceId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, parent, parentID, q, a, read.Read)
	if err != nil {
		return nil, err
	}
	return applicationServiceRecordConnection(s), nil
}
