package upstream

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// Play sessions of the Player tag: GET routes that write. Each starts a
// session the upstream keeps for 18 hours and answers a fresh play token,
// so they are sent with Cache-Control: no-store, which makes the cache
// under the client pass them by: never served from it, never stored, never
// shared with an identical request in flight. Unlike other GETs, they are
// sent once ([Request.NoRetry]): a start whose connection broke or that
// got a 502, 503 or 504 fails, for it may have started a session.

// PlayStarted is the answer to a play session's start (PlayResponseDto):
// the token a record is submitted with (RecordCreationDto.Token), the
// session's timestamp in Unix milliseconds (part of the record's HMAC) and
// the chart to play, its assets included.
type PlayStarted struct {
	Token     string `json:"token"`
	Timestamp int64  `json:"timestamp"`
	Chart     *Chart `json:"chart"`
}

// NewPlay names what a member plays: a chart, one of their play
// configurations, the application (game client) that will sign the
// record and, optionally, the event team the play is for.
type NewPlay struct {
	ChartID, ConfigurationID, ApplicationID string
	// TeamID is "" for a play outside events.
	TeamID string
}

// uncached is the header that keeps a GET out of the cache.
var uncached = http.Header{"Cache-Control": {"no-store"}}

// StartPlay starts a play session of the caller and returns its token.
//
// GET /player/play
func (c *Client) StartPlay(ctx context.Context, p NewPlay) (*PlayStarted, error) {
	query := url.Values{
		"chartId": {p.ChartID}, "configurationId": {p.ConfigurationID}, "applicationId": {p.ApplicationID},
	}
	if p.TeamID != "" {
		query.Set("teamId", p.TeamID)
	}
	return c.startPlay(ctx, "/player/play", query)
}

// StartTapTapPlay starts a play session of the caller, a TapTap ghost
// account, on a chart with its judgment windows in milliseconds, and
// returns its token.
//
// GET /player/play/tapTap
func (c *Client) StartTapTapPlay(
	ctx context.Context, chartID string, perfectJudgment, goodJudgment int,
) (*PlayStarted, error) {
	return c.startPlay(ctx, "/player/play/tapTap", url.Values{
		"chartId": {chartID}, "perfectJudgment": {strconv.Itoa(perfectJudgment)},
		"goodJudgment": {strconv.Itoa(goodJudgment)},
	})
}

func (c *Client) startPlay(ctx context.Context, route string, query url.Values) (*PlayStarted, error) {
	var out PlayStarted
	req := Request{Method: http.MethodGet, Route: route, Query: query, Header: uncached.Clone(), NoRetry: true}
	if _, err := c.Do(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
