package upstream

import (
	"context"
	"time"
)

// Record is one play of a chart (RecordDto).
type Record struct {
	ID              string     `json:"id"`
	Score           int        `json:"score"`
	Accuracy        float64    `json:"accuracy"`
	IsFullCombo     bool       `json:"isFullCombo"`
	MaxCombo        int        `json:"maxCombo"`
	Perfect         int        `json:"perfect"`
	GoodEarly       int        `json:"goodEarly"`
	GoodLate        int        `json:"goodLate"`
	Bad             int        `json:"bad"`
	Miss            int        `json:"miss"`
	StdDeviation    float64    `json:"stdDeviation"`
	Rks             float64    `json:"rks"`
	Position        *int       `json:"position"`
	PerfectJudgment int        `json:"perfectJudgment"`
	GoodJudgment    int        `json:"goodJudgment"`
	DeviceInfo      *string    `json:"deviceInfo"`
	ApplicationID   string     `json:"applicationId"`
	ChartID         string     `json:"chartId"`
	Chart           *Chart     `json:"chart"`
	LikeCount       int        `json:"likeCount"`
	OwnerID         *int       `json:"ownerId"`
	Owner           *User      `json:"owner"`
	DateCreated     time.Time  `json:"dateCreated"`
	DateLiked       *time.Time `json:"dateLiked"`
}

// RecordListOptions selects a page of records.
type RecordListOptions struct {
	ListOptions
	RecordFilter
}

// ListRecords reads a page of records.
//
// GET /records
func (c *Client) ListRecords(ctx context.Context, opts RecordListOptions) ([]Record, Page, error) {
	return ListOf[Record](ctx, c, "/records", nil, opts)
}

// GetRecord reads one record.
//
// GET /records/{id}
func (c *Client) GetRecord(ctx context.Context, id string) (*Record, error) {
	return GetOf[Record](ctx, c, "/records/{id}", Params{"id": id})
}
