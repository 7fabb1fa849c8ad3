package sandbox

import (
	"net/http"
	"sort"
	"strconv"
)

// Reads of users' best plays, which the core route table lacks; they are
// served with the rich text area, whose builder added them to the graph.

func init() {
	areaRoutes["richtext"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodGet, "/users/{id:int}/personalBests", (*call).getPersonalBests),
			newRoute(http.MethodGet, "/users/{id:int}/bestRecords", (*call).getBestRecords),
		}
	}
}

// personalBests is UserPersonalBestsDto.
type personalBests struct {
	Phi3   []Record `json:"phi3"`
	Best27 []Record `json:"best27"`
}

// getPersonalBests is GET /users/{id}/personalBests: the three best perfect
// plays on ranked charts and the best play on each of the 27 best ranked
// charts, by RKS. Like the upstream it does not check that the user
// exists, and carries no ETag.
func (c *call) getPersonalBests() {
	id, _ := strconv.Atoi(c.params["id"])

	var phi []Record
	for _, r := range c.d.Records {
		if r.OwnerID == id && r.Score == 1000000 && c.ranked(r.ChartID) {
			phi = append(phi, r)
		}
	}
	sort.SliceStable(phi, func(a, b int) bool { return phi[a].Rks > phi[b].Rks })

	best := c.bestPerChart(id)
	out := personalBests{
		Phi3:   mapList(phi[:min(3, len(phi))], c.record),
		Best27: mapList(best[:min(27, len(best))], c.record),
	}
	c.plain(out)
}

// getBestRecords is GET /users/{id}/bestRecords (ArrayRequestDto; the
// route is inferred from the API index): the user's best play on each
// ranked chart, best RKS first.
func (c *call) getBestRecords() {
	l, ok := c.bind(nil, false)
	if !ok {
		return
	}
	id, _ := strconv.Atoi(c.params["id"])
	if c.d.User(id) == nil {
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	}

	best := c.bestPerChart(id)
	start := min(l.perPage*(l.page-1), len(best))
	end := min(start+l.perPage, len(best))
	c.many(mapList(best[start:end], c.record), len(best), l.listParams)
}

// bestPerChart returns the best play of user id on each ranked chart (by
// RKS, then the earliest), best first.
func (c *call) bestPerChart(id int) []Record {
	byChart := map[string]Record{}
	for _, r := range c.d.Records {
		if r.OwnerID != id || !c.ranked(r.ChartID) {
			continue
		}
		if b, ok := byChart[r.ChartID]; !ok || r.Rks > b.Rks || r.Rks == b.Rks && r.DateCreated.Before(b.DateCreated) {
			byChart[r.ChartID] = r
		}
	}
	list := make([]Record, 0, len(byChart))
	for _, r := range byChart {
		list = append(list, r)
	}
	sort.Slice(list, func(a, b int) bool { return recordBefore(list[a], list[b]) })
	return list
}

func (c *call) ranked(chartID string) bool {
	ch := c.d.Chart(chartID)
	return ch != nil && ch.IsRanked
}
