package upstream

import (
	"context"
	"time"
)

// An admission is a request to have one resource (the admittee) taken
// into another (the admitter): a song into a chapter, a chart into a
// collection, a chart submission onto a song or a song submission
// (AdmissionDto<TAdmitter, TAdmittee>). The requester is the admittee's
// owner, the requestee the admitter's.

// AdmissionRef is an admitter the facade reads only the ID of.
type AdmissionRef struct {
	ID string `json:"id"`
}

// SongAdmission is a chart submission's admission onto a song that is
// already on PhiZone.
type SongAdmission struct {
	Admitter    Song            `json:"admitter"`
	Admittee    ChartSubmission `json:"admittee"`
	Status      RequestStatus   `json:"status"`
	Label       *string         `json:"label"`
	RequesterID int             `json:"requesterId"`
	RequesteeID int             `json:"requesteeId"`
	DateCreated time.Time       `json:"dateCreated"`
}

// SongSubmissionAdmission is a chart submission's admission onto a song
// submission.
type SongSubmissionAdmission struct {
	Admitter    SongSubmission  `json:"admitter"`
	Admittee    ChartSubmission `json:"admittee"`
	Status      RequestStatus   `json:"status"`
	Label       *string         `json:"label"`
	RequesterID int             `json:"requesterId"`
	RequesteeID int             `json:"requesteeId"`
	DateCreated time.Time       `json:"dateCreated"`
}

// AdmissionListOptions selects a page of admissions. All, for moderators,
// lists every admission rather than those the caller requested or
// received.
type AdmissionListOptions struct {
	ListOptions
	AdmissionFilter
	All bool `query:"all,omitempty"`
}

// ListChapterAdmissions reads a page of admissions of songs into chapters.
//
// GET /admissions/chapters
func (c *Client) ListChapterAdmissions(
	ctx context.Context, opts AdmissionListOptions,
) ([]ChapterAdmission, Page, error) {
	return ListOf[ChapterAdmission](ctx, c, "/admissions/chapters", nil, opts)
}

// ListCollectionAdmissions reads a page of admissions of charts into
// collections.
//
// GET /admissions/collections
func (c *Client) ListCollectionAdmissions(
	ctx context.Context, opts AdmissionListOptions,
) ([]CollectionAdmission, Page, error) {
	return ListOf[CollectionAdmission](ctx, c, "/admissions/collections", nil, opts)
}

// ListSongAdmissions reads a page of admissions received by songs.
//
// GET /admissions/songs
func (c *Client) ListSongAdmissions(
	ctx context.Context, opts AdmissionListOptions,
) ([]SongAdmission, Page, error) {
	return ListOf[SongAdmission](ctx, c, "/admissions/songs", nil, opts)
}

// ListSongSubmissionAdmissions reads a page of admissions received by song
// submissions.
//
// GET /admissions/songSubmissions
func (c *Client) ListSongSubmissionAdmissions(
	ctx context.Context, opts AdmissionListOptions,
) ([]SongSubmissionAdmission, Page, error) {
	return ListOf[SongSubmissionAdmission](ctx, c, "/admissions/songSubmissions", nil, opts)
}

// ListChartAdmissions reads a page of the admissions chart submissions
// requested of songs, as their requesters see them.
//
// GET /admissions/charts
func (c *Client) ListChartAdmissions(
	ctx context.Context, opts AdmissionListOptions,
) ([]SongAdmission, Page, error) {
	return ListOf[SongAdmission](ctx, c, "/admissions/charts", nil, opts)
}

// GetChapterAdmission reads the admission of a song into a chapter.
//
// GET /admissions/chapters/{chapterId}/{songId}
func (c *Client) GetChapterAdmission(
	ctx context.Context, chapterID, songID string,
) (*ChapterAdmission, error) {
	return GetOf[ChapterAdmission](ctx, c, "/admissions/chapters/{chapterId}/{songId}",
		Params{"chapterId": chapterID, "songId": songID})
}

// GetCollectionAdmission reads the admission of a chart into a collection.
//
// GET /admissions/collections/{collectionId}/{chartId}
func (c *Client) GetCollectionAdmission(
	ctx context.Context, collectionID, chartID string,
) (*CollectionAdmission, error) {
	return GetOf[CollectionAdmission](ctx, c, "/admissions/collections/{collectionId}/{chartId}",
		Params{"collectionId": collectionID, "chartId": chartID})
}

// GetSongAdmission reads the admission of a chart submission onto a song.
//
// GET /admissions/songs/{songId}/{chartSubmissionId}
func (c *Client) GetSongAdmission(
	ctx context.Context, songID, chartSubmissionID string,
) (*SongAdmission, error) {
	return GetOf[SongAdmission](ctx, c, "/admissions/songs/{songId}/{chartSubmissionId}",
		Params{"songId": songID, "chartSubmissionId": chartSubmissionID})
}

// GetSongSubmissionAdmission reads the admission of a chart submission onto
// a song submission.
//
// GET /admissions/songSubmissions/{songSubmissionId}/{chartSubmissionId}
func (c *Client) GetSongSubmissionAdmission(
	ctx context.Context, songSubmissionID, chartSubmissionID string,
) (*SongSubmissionAdmission, error) {
	return GetOf[SongSubmissionAdmission](ctx, c, "/admissions/songSubmissions/{songSubmissionId}/{chartSubmissionId}",
		Params{"songSubmissionId": songSubmissionID, "chartSubmissionId": chartSubmissionID})
}

// GetChartAdmission reads the admission a chart submission requested of a
// song, as its requester sees it.
//
// GET /admissions/charts/{chartId}/{songId}
func (c *Client) GetChartAdmission(ctx context.Context, chartID, songID string) (*SongAdmission, error) {
	return GetOf[SongAdmission](ctx, c, "/admissions/charts/{chartId}/{songId}",
		Params{"chartId": chartID, "songId": songID})
}
