package upstream

import (
	"context"
	"time"
)

// ChartSubmission is a chart uploaded to the studio for review
// (ChartSubmissionDto). Its song is either a song already on PhiZone (SongID,
// Song) or a song submitted alongside (SongSubmissionID, SongSubmission).
type ChartSubmission struct {
	ID               string          `json:"id"`
	Title            *string         `json:"title"`
	LevelType        ChartLevel      `json:"levelType"`
	Level            string          `json:"level"`
	Difficulty       float64         `json:"difficulty"`
	Format           ChartFormat     `json:"format"`
	File             *string         `json:"file"`
	AuthorName       string          `json:"authorName"`
	Illustration     *string         `json:"illustration"`
	Illustrator      *string         `json:"illustrator"`
	Description      *string         `json:"description"`
	Accessibility    Accessibility   `json:"accessibility"`
	Status           RequestStatus   `json:"status"`
	VolunteerStatus  RequestStatus   `json:"volunteerStatus"`
	AdmissionStatus  RequestStatus   `json:"admissionStatus"`
	RepresentationID *string         `json:"representationId"`
	IsRanked         bool            `json:"isRanked"`
	NoteCount        int             `json:"noteCount"`
	Tags             []string        `json:"tags"`
	SongID           *string         `json:"songId"`
	SongSubmissionID *string         `json:"songSubmissionId"`
	Song             *Song           `json:"song"`
	SongSubmission   *SongSubmission `json:"songSubmission"`
	OwnerID          int             `json:"ownerId"`
	DateCreated      time.Time       `json:"dateCreated"`
	DateFileUpdated  time.Time       `json:"dateFileUpdated"`
	DateUpdated      time.Time       `json:"dateUpdated"`
	DateVoted        *time.Time      `json:"dateVoted"`
}

// SongSubmission is a song uploaded to the studio for review
// (SongSubmissionDto).
type SongSubmission struct {
	ID               string        `json:"id"`
	Title            string        `json:"title"`
	EditionType      EditionType   `json:"editionType"`
	Edition          *string       `json:"edition"`
	AuthorName       string        `json:"authorName"`
	File             string        `json:"file"`
	Illustration     string        `json:"illustration"`
	Illustrator      string        `json:"illustrator"`
	Description      *string       `json:"description"`
	Accessibility    Accessibility `json:"accessibility"`
	Status           RequestStatus `json:"status"`
	RepresentationID *string       `json:"representationId"`
	Lyrics           *string       `json:"lyrics"`
	Bpm              float64       `json:"bpm"`
	MinBpm           float64       `json:"minBpm"`
	MaxBpm           float64       `json:"maxBpm"`
	Offset           int           `json:"offset"`
	License          *string       `json:"license"`
	OriginalityProof *string       `json:"originalityProof"`
	Duration         TimeSpan      `json:"duration"`
	PreviewStart     TimeSpan      `json:"previewStart"`
	PreviewEnd       TimeSpan      `json:"previewEnd"`
	Tags             []string      `json:"tags"`
	ReviewerID       *int          `json:"reviewerId"`
	Message          *string       `json:"message"`
	OwnerID          *int          `json:"ownerId"`
	DateCreated      time.Time     `json:"dateCreated"`
	DateFileUpdated  time.Time     `json:"dateFileUpdated"`
	DateUpdated      time.Time     `json:"dateUpdated"`
}

// ChartAsset is a file a chart uses besides its chart file, such as an
// image or a shader (ChartAssetDto).
type ChartAsset struct {
	ID          string         `json:"id"`
	OwnerID     *int           `json:"ownerId"`
	ChartID     string         `json:"chartId"`
	Type        ChartAssetType `json:"type"`
	Name        string         `json:"name"`
	File        string         `json:"file"`
	DateCreated time.Time      `json:"dateCreated"`
	DateUpdated time.Time      `json:"dateUpdated"`
}

// ChartAssetSubmission is an asset of a chart submission
// (ChartAssetSubmissionDto).
type ChartAssetSubmission struct {
	ID                string         `json:"id"`
	OwnerID           int            `json:"ownerId"`
	ChartSubmissionID string         `json:"chartSubmissionId"`
	Type              ChartAssetType `json:"type"`
	Name              string         `json:"name"`
	File              string         `json:"file"`
	DateCreated       time.Time      `json:"dateCreated"`
	DateUpdated       time.Time      `json:"dateUpdated"`
}

// VolunteerVote is a volunteer's review of a chart submission
// (VolunteerVoteDto); ChartID names the chart submission.
type VolunteerVote struct {
	ID                  string    `json:"id"`
	ChartID             string    `json:"chartId"`
	Score               float64   `json:"score"`
	SuggestedDifficulty float64   `json:"suggestedDifficulty"`
	Message             string    `json:"message"`
	OwnerID             int       `json:"ownerId"`
	DateCreated         time.Time `json:"dateCreated"`
}

// ChartSubmissionListOptions selects a page of chart submissions.
type ChartSubmissionListOptions struct {
	ListOptions
	ChartSubmissionFilter
}

// SongSubmissionListOptions selects a page of song submissions.
type SongSubmissionListOptions struct {
	ListOptions
	SongSubmissionFilter
}

// ChartAssetListOptions selects a page of a chart's assets.
type ChartAssetListOptions struct {
	ListOptions
	ChartAssetFilter
}

// ChartAssetSubmissionListOptions selects a page of a chart submission's
// assets.
type ChartAssetSubmissionListOptions struct {
	ListOptions
	ChartAssetSubmissionFilter
}

// ListChartSubmissions reads a page of the chart submissions the caller may
// review (volunteers) or owns (everyone else).
//
// GET /studio/charts
func (c *Client) ListChartSubmissions(
	ctx context.Context, opts ChartSubmissionListOptions,
) ([]ChartSubmission, Page, error) {
	return ListOf[ChartSubmission](ctx, c, "/studio/charts", nil, opts)
}

// GetChartSubmission reads one chart submission.
//
// GET /studio/charts/{id}
func (c *Client) GetChartSubmission(ctx context.Context, id string) (*ChartSubmission, error) {
	return GetOf[ChartSubmission](ctx, c, "/studio/charts/{id}", Params{"id": id})
}

// ListChartSubmissionAssets reads a page of a chart submission's assets.
//
// GET /studio/charts/{id}/assets
func (c *Client) ListChartSubmissionAssets(
	ctx context.Context, id string, opts ChartAssetSubmissionListOptions,
) ([]ChartAssetSubmission, Page, error) {
	return ListOf[ChartAssetSubmission](ctx, c, "/studio/charts/{id}/assets", Params{"id": id}, opts)
}

// GetChartSubmissionAsset reads one asset of a chart submission.
//
// GET /studio/charts/{id}/assets/{assetId}
func (c *Client) GetChartSubmissionAsset(
	ctx context.Context, id, assetID string,
) (*ChartAssetSubmission, error) {
	return GetOf[ChartAssetSubmission](ctx, c, "/studio/charts/{id}/assets/{assetId}",
		Params{"id": id, "assetId": assetID})
}

// ListChartSubmissionVotes reads a page of the volunteers' votes on a chart
// submission; only its owner and volunteers may.
//
// GET /studio/charts/{id}/votes
func (c *Client) ListChartSubmissionVotes(
	ctx context.Context, id string, opts ListOptions,
) ([]VolunteerVote, Page, error) {
	return ListOf[VolunteerVote](ctx, c, "/studio/charts/{id}/votes", Params{"id": id}, opts)
}

// ListSongSubmissions reads a page of the song submissions the caller may
// review (moderators) or owns (everyone else).
//
// GET /studio/songs
func (c *Client) ListSongSubmissions(
	ctx context.Context, opts SongSubmissionListOptions,
) ([]SongSubmission, Page, error) {
	return ListOf[SongSubmission](ctx, c, "/studio/songs", nil, opts)
}

// GetSongSubmission reads one song submission.
//
// GET /studio/songs/{id}
func (c *Client) GetSongSubmission(ctx context.Context, id string) (*SongSubmission, error) {
	return GetOf[SongSubmission](ctx, c, "/studio/songs/{id}", Params{"id": id})
}

// GetStudioHeadline reads the headline of the studio, which depends on the
// caller's role; it needs a signed-in caller.
//
// GET /studio/headline
func (c *Client) GetStudioHeadline(ctx context.Context) (*Headline, error) {
	return GetOf[Headline](ctx, c, "/studio/headline", nil)
}

// ListChartAssets reads a page of a chart's assets.
//
// GET /charts/{id}/assets
func (c *Client) ListChartAssets(
	ctx context.Context, id string, opts ChartAssetListOptions,
) ([]ChartAsset, Page, error) {
	return ListOf[ChartAsset](ctx, c, "/charts/{id}/assets", Params{"id": id}, opts)
}

// GetChartAsset reads one asset of a chart.
//
// GET /charts/{id}/assets/{assetId}
func (c *Client) GetChartAsset(ctx context.Context, id, assetID string) (*ChartAsset, error) {
	return GetOf[ChartAsset](ctx, c, "/charts/{id}/assets/{assetId}", Params{"id": id, "assetId": assetID})
}
