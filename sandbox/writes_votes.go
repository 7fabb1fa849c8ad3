package sandbox

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"slices"
)

// Chart votes, as the upstream's VoteService keeps them: one vote per user
// and chart, weighted by a multiplier that grows with the voter's
// experience; every vote recomputes the chart's score and ratings.

func init() {
	areaRoutes["writes-votes"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/charts/{id:guid}/votes", (*call).postChartVote),
			newRoute(http.MethodDelete, "/charts/{id:guid}/votes", (*call).deleteChartVote),
		}
	}
}

// voteBody is VoteRequestDto: each aspect from 0 to 5.
type voteBody struct {
	Arrangement   int `json:"arrangement"`
	Gameplay      int `json:"gameplay"`
	VisualEffects int `json:"visualEffects"`
	Creativity    int `json:"creativity"`
	Concord       int `json:"concord"`
	Impression    int `json:"impression"`
}

// The experience a voter needs for each multiplier (VoteService).
var (
	voteExperience  = []uint64{0, 50, 100, 500, 1000, 3000, 6000, 10000, 30000, 60000, 100000}
	voteMultipliers = []float64{0, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2, 3}
)

// voteChart finds the chart a vote names, for members, answering the
// failure itself when it returns nil.
func (c *call) voteChart() *Chart {
	if !c.member() {
		return nil
	}
	chart := c.d.Chart(c.params["id"])
	switch {
	case chart == nil:
		c.notFound()
		return nil
	case chart.IsLocked:
		c.fail(http.StatusBadRequest, codeLocked)
		return nil
	}
	return chart
}

// postChartVote is POST /charts/{id}/votes: 201 with no body. A second
// vote replaces the first.
func (c *call) postChartVote() {
	chart := c.voteChart()
	if chart == nil {
		return
	}
	var b voteBody
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&b); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return
	}
	var errs []fieldError
	for _, a := range []struct {
		field string
		value int
	}{
		{"Arrangement", b.Arrangement}, {"Gameplay", b.Gameplay}, {"VisualEffects", b.VisualEffects},
		{"Creativity", b.Creativity}, {"Concord", b.Concord}, {"Impression", b.Impression},
	} {
		if a.value < 0 || a.value > 5 {
			errs = append(errs, fieldError{Field: a.field, Errors: []string{codeValueOutOfRange}})
		}
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}

	level := 0
	for i, exp := range voteExperience {
		if exp <= c.caller.Experience {
			level = i
		}
	}
	v := Vote{
		ChartID: chart.ID, Arrangement: b.Arrangement, Gameplay: b.Gameplay, VisualEffects: b.VisualEffects,
		Creativity: b.Creativity, Concord: b.Concord, Impression: b.Impression,
		Total:      b.Arrangement + b.Gameplay + b.VisualEffects + b.Creativity + b.Concord + b.Impression,
		Multiplier: voteMultipliers[level], OwnerID: c.caller.ID, DateCreated: c.now(),
	}
	votes := &c.d.Areas.Catalog.Votes
	if i := c.callerVote(chart.ID); i >= 0 {
		v.ID = (*votes)[i].ID
		(*votes)[i] = v
	} else {
		v.ID = c.newID()
		*votes = append(*votes, v)
	}
	c.d.rate(chart)
	c.d.reindex()
	c.empty(http.StatusCreated)
}

// deleteChartVote is DELETE /charts/{id}/votes: 204.
func (c *call) deleteChartVote() {
	chart := c.voteChart()
	if chart == nil {
		return
	}
	i := c.callerVote(chart.ID)
	if i < 0 {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}

	c.d.Areas.Catalog.Votes = slices.Delete(c.d.Areas.Catalog.Votes, i, i+1)
	c.d.rate(chart)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// callerVote returns the index of the caller's vote on a chart, or -1.
func (c *call) callerVote(chartID string) int {
	return slices.IndexFunc(c.d.Areas.Catalog.Votes, func(v Vote) bool {
		return v.ChartID == chartID && v.OwnerID == c.caller.ID
	})
}

// rate recomputes a chart's score and ratings from its votes, as
// VoteService.UpdateChartAsync does: weighted means pulled toward 2.5 while
// the votes' total weight is small.
func (d *Data) rate(ch *Chart) {
	var amount, score float64
	var aspects [6]float64
	for _, v := range d.Areas.Catalog.Votes {
		if v.ChartID != ch.ID {
			continue
		}
		amount += v.Multiplier
		score += float64(v.Total) * v.Multiplier
		for i, a := range []int{v.Arrangement, v.Gameplay, v.VisualEffects, v.Creativity, v.Concord, v.Impression} {
			aspects[i] += float64(a) * v.Multiplier
		}
	}
	reliability := 1 - math.Pow(1.8, -amount)
	rating := func(sum float64) float64 {
		if amount == 0 {
			return 2.5
		}
		return reliability*sum/amount + (1-reliability)*2.5
	}

	ch.Score = score / 6
	ch.Rating = rating(ch.Score)
	ch.RatingOnArrangement = rating(aspects[0])
	ch.RatingOnGameplay = rating(aspects[1])
	ch.RatingOnVisualEffects = rating(aspects[2])
	ch.RatingOnCreativity = rating(aspects[3])
	ch.RatingOnConcord = rating(aspects[4])
	ch.RatingOnImpression = rating(aspects[5])
}
