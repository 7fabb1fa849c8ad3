package upstream

import (
	"context"
	"time"
)

// Song is a piece of music that charts are made for (SongDto).
type Song struct {
	ID              string            `json:"id"`
	Title           string            `json:"title"`
	EditionType     EditionType       `json:"editionType"`
	Edition         string            `json:"edition"`
	AuthorName      *string           `json:"authorName"`
	File            string            `json:"file"`
	FileChecksum    string            `json:"fileChecksum"`
	Illustration    string            `json:"illustration"`
	Illustrator     string            `json:"illustrator"`
	Description     *string           `json:"description"`
	Accessibility   Accessibility     `json:"accessibility"`
	IsHidden        bool              `json:"isHidden"`
	IsLocked        bool              `json:"isLocked"`
	Lyrics          *string           `json:"lyrics"`
	Bpm             float64           `json:"bpm"`
	MinBpm          float64           `json:"minBpm"`
	MaxBpm          float64           `json:"maxBpm"`
	Offset          int               `json:"offset"`
	License         *string           `json:"license"`
	IsOriginal      bool              `json:"isOriginal"`
	Duration        TimeSpan          `json:"duration"`
	PreviewStart    TimeSpan          `json:"previewStart"`
	PreviewEnd      TimeSpan          `json:"previewEnd"`
	ChartLevels     []ChartLevelCount `json:"chartLevels"`
	Tags            []Tag             `json:"tags"`
	PlayCount       int64             `json:"playCount"`
	LikeCount       int               `json:"likeCount"`
	OwnerID         *int              `json:"ownerId"`
	DateCreated     time.Time         `json:"dateCreated"`
	DateFileUpdated time.Time         `json:"dateFileUpdated"`
	DateUpdated     time.Time         `json:"dateUpdated"`
	DateLiked       *time.Time        `json:"dateLiked"`
}

// ChartLevelCount says how many charts of a song are at one level.
type ChartLevelCount struct {
	LevelType ChartLevel `json:"levelType"`
	Count     int        `json:"count"`
}

// SongListOptions selects a page of songs.
type SongListOptions struct {
	ListOptions
	SongFilter
}

// ListSongs reads a page of songs.
//
// GET /songs
func (c *Client) ListSongs(ctx context.Context, opts SongListOptions) ([]Song, Page, error) {
	return ListOf[Song](ctx, c, "/songs", nil, opts)
}

// GetSong reads one song.
//
// GET /songs/{id}
func (c *Client) GetSong(ctx context.Context, id string) (*Song, error) {
	return GetOf[Song](ctx, c, "/songs/{id}", Params{"id": id})
}
