package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// The start of a play session (PlayerController.Play and PlayTapTapGhost):
// GET routes that write, as upstream. A session ends with POST /records
// (writes_charts_records.go) once the song's duration has passed on the
// sandbox's clock ([Server.Advance] skips the wait in tests).

const (
	codeNotEnrolled        = "NotEnrolled"
	codeDivisionNotStarted = "DivisionNotStarted"
)

func init() {
	areaRoutes["writes-play"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodGet, "/player/play", (*call).getPlay),
			newRoute(http.MethodGet, "/player/play/tapTap", (*call).getPlayTapTap),
		}
	}
}

// playStarted is PlayResponseDto.
type playStarted struct {
	Token     string `json:"token"`
	Timestamp int64  `json:"timestamp"`
	Chart     Chart  `json:"chart"`
}

// queryGUID binds a GUID of the query: "" when absent (the upstream's
// Guid.Empty), false with a 400 answered when malformed.
func (c *call) queryGUID(name string) (string, bool) {
	v := c.r.URL.Query().Get(name)
	if v == "" {
		return "", true
	}
	g, ok := parseGUID(v)
	if !ok {
		c.invalid([]fieldError{{Field: name, Errors: []string{codeInvalidData}}})
	}
	return g, ok
}

// getPlay is GET /player/play?chartId&configurationId&applicationId[&teamId]:
// a member starts a play session, checked as the upstream checks it: 404
// for an unknown chart (ResourceNotFound), configuration
// (ConfigurationNotFound), application (ApplicationNotFound) or team
// (RelationNotFound); 400 Blacklisted when the chart's owner and the
// caller block each other, Locked for a locked chart, NotEnrolled outside
// the team, DivisionNotStarted before its division starts. 200 with the
// token, the timestamp and the chart.
func (c *call) getPlay() {
	if !c.member() {
		return
	}
	var ids [4]string
	for i, name := range []string{"chartId", "configurationId", "applicationId", "teamId"} {
		var ok bool
		if ids[i], ok = c.queryGUID(name); !ok {
			return
		}
	}
	chartID, configurationID, applicationID, teamID := ids[0], ids[1], ids[2], ids[3]
	cat := &c.d.Areas.Catalog
	chart := c.d.Chart(chartID)
	switch {
	case chart == nil:
		c.notFound()
		return
	case lookup(cat.PlayConfigurations, cat.idx.playConfigurations, configurationID) == nil:
		c.fail(http.StatusNotFound, codeConfigurationNotFound)
		return
	case lookup(cat.Applications, cat.idx.applications, applicationID) == nil:
		c.fail(http.StatusNotFound, codeRecordsApplicationNotFound)
		return
	case c.d.blacklisted(chart.OwnerID, c.caller.ID):
		c.fail(http.StatusBadRequest, codeBlacklisted)
		return
	case chart.IsLocked:
		c.fail(http.StatusBadRequest, codeLocked)
		return
	}
	if teamID != "" {
		team := c.d.Team(teamID)
		if team == nil {
			c.fail(http.StatusNotFound, codeRelationNotFound)
			return
		}
		if !slices.ContainsFunc(c.d.Participations, func(p Participation) bool {
			return p.TeamID == team.ID && p.ParticipantID == c.caller.ID
		}) {
			c.fail(http.StatusBadRequest, codeNotEnrolled)
			return
		}
		if v := c.d.Division(team.DivisionID); v == nil || c.now().Before(v.DateStarted) {
			c.fail(http.StatusBadRequest, codeDivisionNotStarted)
			return
		}
	}

	c.startPlay(chart, play{
		chartID: chart.ID, configurationID: configurationID, applicationID: applicationID, playerID: c.caller.ID,
	})
}

// getPlayTapTap is GET /player/play/tapTap?chartId&perfectJudgment&goodJudgment:
// a TapTap ghost account starts a play session under the application of
// its sign-in. 404 for an unknown chart, 400 Locked for a locked one. The
// upstream answers any other caller with a 500 (it reads the ghost's
// claims); the sandbox answers 401.
func (c *call) getPlayTapTap() {
	ghost := c.ghostCaller()
	if ghost == nil {
		c.unauthorized()
		return
	}
	chartID, ok := c.queryGUID("chartId")
	if !ok {
		return
	}
	q := c.r.URL.Query()
	var judgments [2]int
	for i, name := range []string{"perfectJudgment", "goodJudgment"} {
		if v := q.Get(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 32)
			if err != nil {
				c.invalid([]fieldError{{Field: name, Errors: []string{codeInvalidData}}})
				return
			}
			judgments[i] = int(n)
		}
	}
	chart := c.d.Chart(chartID)
	switch {
	case chart == nil:
		c.notFound()
		return
	case chart.IsLocked:
		c.fail(http.StatusBadRequest, codeLocked)
		return
	}

	c.startPlay(chart, play{
		chartID: chart.ID, applicationID: ghost.applicationID, unionID: ghost.unionID,
		perfectJudgment: judgments[0], goodJudgment: judgments[1],
	})
}

// startPlay keeps a session that may end once the chart's song has played
// through, and answers it.
func (c *call) startPlay(chart *Chart, p play) {
	now := c.now()
	var length time.Duration
	if s := c.d.Song(chart.SongID); s != nil {
		length = time.Duration(s.Duration)
	}
	p.earliestEnd, p.timestamp = now.Add(length), now.UnixMilli()

	c.s.playMu.Lock()
	c.s.played++
	token := playToken("sandbox-player-play-" + strconv.Itoa(c.s.played))
	if c.s.plays == nil {
		c.s.plays = map[string]play{}
	}
	c.s.plays[token] = p
	c.s.playMu.Unlock()

	c.writeJSON(http.StatusOK, envelope{Status: StatusOk, Code: codeOk, Data: playStarted{
		Token: token, Timestamp: p.timestamp, Chart: c.chart(*chart),
	}})
}
