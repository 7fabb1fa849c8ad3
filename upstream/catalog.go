package upstream

import (
	"context"
	"time"
)

// Chapter is a curated set of songs, like a chapter of a story mode
// (ChapterDto). Songs join it by admission.
type Chapter struct {
	ID            string        `json:"id"`
	Title         string        `json:"title"`
	Subtitle      string        `json:"subtitle"`
	Illustration  string        `json:"illustration"`
	Illustrator   string        `json:"illustrator"`
	Description   *string       `json:"description"`
	Accessibility Accessibility `json:"accessibility"`
	IsHidden      bool          `json:"isHidden"`
	IsLocked      bool          `json:"isLocked"`
	LikeCount     int           `json:"likeCount"`
	OwnerID       int           `json:"ownerId"`
	DateCreated   time.Time     `json:"dateCreated"`
	DateUpdated   time.Time     `json:"dateUpdated"`
	DateLiked     *time.Time    `json:"dateLiked"`
}

// Collection is a curated set of charts (CollectionDto). Charts join it by
// admission.
type Collection struct {
	ID            string        `json:"id"`
	Title         string        `json:"title"`
	Subtitle      string        `json:"subtitle"`
	Illustration  string        `json:"illustration"`
	Illustrator   string        `json:"illustrator"`
	Description   *string       `json:"description"`
	Accessibility Accessibility `json:"accessibility"`
	IsHidden      bool          `json:"isHidden"`
	IsLocked      bool          `json:"isLocked"`
	LikeCount     int           `json:"likeCount"`
	OwnerID       int           `json:"ownerId"`
	DateCreated   time.Time     `json:"dateCreated"`
	DateUpdated   time.Time     `json:"dateUpdated"`
	DateLiked     *time.Time    `json:"dateLiked"`
}

// SongAdmittee is a song admitted to a chapter, with the label the chapter
// gives it (SongAdmitteeDto).
type SongAdmittee struct {
	Song
	Label *string `json:"label"`
}

// ChartAdmittee is a chart admitted to a collection, with the label the
// collection gives it (ChartAdmitteeDto).
type ChartAdmittee struct {
	Chart
	Label *string `json:"label"`
}

// ChapterAdmitter is a chapter a song belongs to, with the song's label
// there (ChapterAdmitterDto).
type ChapterAdmitter struct {
	Chapter
	Label *string `json:"label"`
}

// CollectionAdmitter is a collection a chart belongs to, with the chart's
// label there (CollectionAdmitterDto).
type CollectionAdmitter struct {
	Collection
	Label *string `json:"label"`
}

// ChapterAdmission is the request that put a song in a chapter
// (AdmissionDto<ChapterDto, SongDto>).
type ChapterAdmission struct {
	Admitter    Chapter       `json:"admitter"`
	Admittee    Song          `json:"admittee"`
	Status      RequestStatus `json:"status"`
	Label       *string       `json:"label"`
	RequesterID int           `json:"requesterId"`
	RequesteeID int           `json:"requesteeId"`
	DateCreated time.Time     `json:"dateCreated"`
}

// CollectionAdmission is the request that put a chart in a collection
// (AdmissionDto<CollectionDto, ChartDto>).
type CollectionAdmission struct {
	Admitter    Collection    `json:"admitter"`
	Admittee    Chart         `json:"admittee"`
	Status      RequestStatus `json:"status"`
	Label       *string       `json:"label"`
	RequesterID int           `json:"requesterId"`
	RequesteeID int           `json:"requesteeId"`
	DateCreated time.Time     `json:"dateCreated"`
}

// ChapterListOptions selects a page of chapters.
type ChapterListOptions struct {
	ListOptions
	ChapterFilter
}

// CollectionListOptions selects a page of collections.
type CollectionListOptions struct {
	ListOptions
	CollectionFilter
}

// ListChapters reads a page of chapters.
//
// GET /chapters
func (c *Client) ListChapters(ctx context.Context, opts ChapterListOptions) ([]Chapter, Page, error) {
	return ListOf[Chapter](ctx, c, "/chapters", nil, opts)
}

// GetChapter reads one chapter.
//
// GET /chapters/{id}
func (c *Client) GetChapter(ctx context.Context, id string) (*Chapter, error) {
	return GetOf[Chapter](ctx, c, "/chapters/{id}", Params{"id": id})
}

// ListChapterSongs reads a page of the songs admitted to a chapter.
//
// GET /chapters/{id}/songs
func (c *Client) ListChapterSongs(ctx context.Context, id string, opts AdmissionListOptions) ([]SongAdmittee, Page, error) {
	return ListOf[SongAdmittee](ctx, c, "/chapters/{id}/songs", Params{"id": id}, opts)
}

// ListSongChapters reads a page of the chapters a song is admitted to.
//
// GET /songs/{id}/chapters
func (c *Client) ListSongChapters(ctx context.Context, id string, opts ListOptions) ([]ChapterAdmitter, Page, error) {
	return ListOf[ChapterAdmitter](ctx, c, "/songs/{id}/chapters", Params{"id": id}, opts)
}

// GetSongChapter reads the admission of a song to one chapter.
//
// GET /songs/{id}/chapters/{chapterId}
func (c *Client) GetSongChapter(ctx context.Context, id, chapterID string) (*ChapterAdmission, error) {
	return GetOf[ChapterAdmission](ctx, c, "/songs/{id}/chapters/{chapterId}", Params{"id": id, "chapterId": chapterID})
}

// ListCollections reads a page of collections.
//
// GET /collections
func (c *Client) ListCollections(ctx context.Context, opts CollectionListOptions) ([]Collection, Page, error) {
	return ListOf[Collection](ctx, c, "/collections", nil, opts)
}

// GetCollection reads one collection.
//
// GET /collections/{id}
func (c *Client) GetCollection(ctx context.Context, id string) (*Collection, error) {
	return GetOf[Collection](ctx, c, "/collections/{id}", Params{"id": id})
}

// ListCollectionCharts reads a page of the charts admitted to a collection.
//
// GET /collections/{id}/charts
func (c *Client) ListCollectionCharts(ctx context.Context, id string, opts AdmissionListOptions) ([]ChartAdmittee, Page, error) {
	return ListOf[ChartAdmittee](ctx, c, "/collections/{id}/charts", Params{"id": id}, opts)
}

// ListChartCollections reads a page of the collections a chart is admitted
// to.
//
// GET /charts/{id}/collections
func (c *Client) ListChartCollections(ctx context.Context, id string, opts ListOptions) ([]CollectionAdmitter, Page, error) {
	return ListOf[CollectionAdmitter](ctx, c, "/charts/{id}/collections", Params{"id": id}, opts)
}

// GetChartCollection reads the admission of a chart to one collection.
//
// GET /charts/{id}/collections/{collectionId}
func (c *Client) GetChartCollection(ctx context.Context, id, collectionID string) (*CollectionAdmission, error) {
	return GetOf[CollectionAdmission](ctx, c, "/charts/{id}/collections/{collectionId}",
		Params{"id": id, "collectionId": collectionID})
}
