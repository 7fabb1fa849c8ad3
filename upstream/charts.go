package upstream

import (
	"context"
	"strconv"
	"time"
)

// Chart is a playable chart of a song (ChartDto; the single-chart route
// adds the caller's personal best, ChartDetailedDto).
type Chart struct {
	ID                    string        `json:"id"`
	Title                 *string       `json:"title"`
	LevelType             ChartLevel    `json:"levelType"`
	Level                 string        `json:"level"`
	Difficulty            float64       `json:"difficulty"`
	Format                ChartFormat   `json:"format"`
	File                  *string       `json:"file"`
	FileChecksum          *string       `json:"fileChecksum"`
	AuthorName            *string       `json:"authorName"`
	Illustration          *string       `json:"illustration"`
	Illustrator           *string       `json:"illustrator"`
	Description           *string       `json:"description"`
	Accessibility         Accessibility `json:"accessibility"`
	IsHidden              bool          `json:"isHidden"`
	IsLocked              bool          `json:"isLocked"`
	IsRanked              bool          `json:"isRanked"`
	NoteCount             int           `json:"noteCount"`
	Score                 float64       `json:"score"`
	Rating                float64       `json:"rating"`
	RatingOnArrangement   float64       `json:"ratingOnArrangement"`
	RatingOnGameplay      float64       `json:"ratingOnGameplay"`
	RatingOnVisualEffects float64       `json:"ratingOnVisualEffects"`
	RatingOnCreativity    float64       `json:"ratingOnCreativity"`
	RatingOnConcord       float64       `json:"ratingOnConcord"`
	RatingOnImpression    float64       `json:"ratingOnImpression"`
	Tags                  []Tag         `json:"tags"`
	SongID                string        `json:"songId"`
	Song                  *Song         `json:"song"`
	PlayCount             int64         `json:"playCount"`
	LikeCount             int           `json:"likeCount"`
	OwnerID               *int          `json:"ownerId"`
	DateCreated           time.Time     `json:"dateCreated"`
	DateFileUpdated       time.Time     `json:"dateFileUpdated"`
	DateUpdated           time.Time     `json:"dateUpdated"`
	DateLiked             *time.Time    `json:"dateLiked"`

	PersonalBestScore    *int     `json:"personalBestScore"`
	PersonalBestAccuracy *float64 `json:"personalBestAccuracy"`
	PersonalBestRks      *float64 `json:"personalBestRks"`
}

// ChartListOptions selects a page of charts.
type ChartListOptions struct {
	ListOptions
	ChartFilter
}

// LeaderboardOptions sizes a chart's leaderboard: the top TopRange records
// (1 to 1000, default 10) and, for a signed-in caller ranked below them,
// NeighborhoodRange records on each side of the caller's own (0 to 50).
type LeaderboardOptions struct {
	TopRange          int `query:"TopRange,omitempty"`
	NeighborhoodRange int `query:"NeighborhoodRange"`
}

// ListCharts reads a page of charts; each embeds its song.
//
// GET /charts
func (c *Client) ListCharts(ctx context.Context, opts ChartListOptions) ([]Chart, Page, error) {
	return ListOf[Chart](ctx, c, "/charts", nil, opts)
}

// GetChart reads one chart, with the caller's personal best on it.
//
// GET /charts/{id}
func (c *Client) GetChart(ctx context.Context, id string) (*Chart, error) {
	return GetOf[Chart](ctx, c, "/charts/{id}", Params{"id": id})
}

// GetChartLeaderboard reads a chart's leaderboard, best first; each record
// carries its position and its owner.
//
// GET /charts/{id}/leaderboard
func (c *Client) GetChartLeaderboard(ctx context.Context, id string, opts LeaderboardOptions) ([]Record, error) {
	records, _, err := ListOf[Record](ctx, c, "/charts/{id}/leaderboard", Params{"id": id}, opts)
	return records, err
}

// itoa spells an integer ID for a route parameter.
func itoa(id int) string { return strconv.Itoa(id) }
