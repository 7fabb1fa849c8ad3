package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The chart event division a chart submission's tags name, as
// ChartSubmissionController's GetEvent finds it, and the route that asks
// for it.

// chartSubmissionEvent finds the chart event division tags name and
// user's team in it, as the controller's GetEvent does: divisions not yet
// unveiled, and those ended more than 180 days ago, do not count; a
// division found must have started (or, unless the tags changed, ended)
// and the user must be in one of its teams. It answers 400 itself when ok
// is false.
func (c *call) chartSubmissionEvent(
	tags []string, user int, tagChanged bool,
) (*EventDivision, *EventTeam, bool) {
	normalized := map[string]bool{}
	for _, t := range tags {
		normalized[chartSubmissionTagName(t)] = true
	}
	horizon := c.now().Add(-180 * 24 * time.Hour)
	var found []*EventDivision
	for i := range c.d.Divisions {
		v := &c.d.Divisions[i]
		if v.Type == DivisionChart && v.Status != DivisionCreated && !v.DateEnded.Before(horizon) &&
			normalized[c.chartSubmissionDivisionTag(v)] {
			found = append(found, v)
		}
	}
	if len(found) == 0 {
		return nil, nil, true
	}
	i := slices.IndexFunc(found, func(v *EventDivision) bool {
		return v.Status == DivisionStarted || !tagChanged && v.Status == DivisionEnded
	})
	if i < 0 {
		c.fail(http.StatusBadRequest, codeChartSubmissionNotStarted)
		return nil, nil, false
	}
	division := found[i]
	for _, t := range c.d.idx.teamsByDivision[division.ID] {
		if c.participates(c.d.Teams[t].ID, user) {
			return division, &c.d.Teams[t], true
		}
	}
	c.fail(http.StatusBadRequest, codeChartSubmissionNotEnrolled)
	return division, nil, false
}

// chartSubmissionDivisionTag is the normalised name of a division's tag,
// "" without one.
func (c *call) chartSubmissionDivisionTag(v *EventDivision) string {
	if v.TagID == nil {
		return ""
	}
	if t := lookup(c.d.Tags, c.d.idx.tags, *v.TagID); t != nil {
		return chartSubmissionTagName(t.Name)
	}
	return ""
}

// chartSubmissionTagName is ResourceService.Normalize: no white space,
// upper case.
func chartSubmissionTagName(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// postChartSubmissionCheckEvent is POST /studio/charts/checkEvent
// (StringArrayDto, userId in the query): the division and team a
// submission with these tags would enter (EventParticipationInfoDto).
func (c *call) postChartSubmissionCheckEvent() {
	if !c.member() {
		return
	}
	var b struct {
		Strings []string `json:"strings"`
	}
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&b); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return
	}
	user := c.caller.ID
	if raw := c.r.URL.Query().Get("userId"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil {
			c.invalid([]fieldError{{Field: "userId", Errors: []string{codeInvalidData}}})
			return
		}
		user = n
	}
	division, team, ok := c.chartSubmissionEvent(b.Strings, user, false)
	if !ok {
		return
	}

	info := struct {
		Division *EventDivision `json:"division"`
		Team     *EventTeam     `json:"team"`
	}{}
	if division != nil {
		v := c.division(*division)
		info.Division = &v
	}
	if team != nil {
		t := c.team(*team, true)
		info.Team = &t
	}
	c.plain(info)
}
