package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
)

// The REST waterfall: what the PhiZone web client asks the API for to show
// the same page, issued as it issues them (src/routes/(app)/charts/[id]):
// the page's queries at once, then what their answers name (the owner,
// the replies of each comment shown) at once.

// waterfall returns the REST sequence of op, or nil when the bench has
// none for it.
func (b *bench) waterfall(op string) func(vars map[string]any) {
	if op != "ChartPage" {
		return nil
	}
	return b.chartPageWaterfall
}

func (b *bench) chartPageWaterfall(vars map[string]any) {
	id := vars["id"].(string)
	var (
		chart struct {
			OwnerID *int `json:"ownerId"`
		}
		comments []struct {
			ID string `json:"id"`
		}
	)

	// The page's load function prefetches these together, and the page
	// adds the chart's votes.
	parallel(
		func() { b.get("/charts/"+id, url.Values{"includeAssets": {"true"}}, &chart) },
		func() { b.get("/charts/"+id+"/collections", url.Values{"PerPage": {"-1"}}, nil) },
		func() { b.get("/charts/"+id+"/leaderboard", nil, nil) },
		func() {
			b.get("/charts/"+id+"/comments", url.Values{
				"Page": {"1"}, "Order": {"likeCount", "dateCreated"}, "Desc": {"true", "true"},
			}, &comments)
		},
		func() { b.get("/authorships", url.Values{"RangeResourceId": {id}, "PerPage": {"-1"}}, nil) },
		func() { b.get("/charts/"+id+"/votes", url.Values{"PerPage": {"-1"}}, nil) },
	)

	// Then the owner's card and, for each comment shown, its replies.
	var then []func()
	if chart.OwnerID != nil {
		then = append(then, func() { b.get("/users/"+strconv.Itoa(*chart.OwnerID), nil, nil) })
	}
	for i, c := range comments {
		if i == 5 {
			break
		}
		then = append(then, func() { b.get("/comments/"+c.ID+"/replies", nil, nil) })
	}
	parallel(then...)
}

func parallel(fns ...func()) {
	var wg sync.WaitGroup
	for _, fn := range fns {
		wg.Go(fn)
	}
	wg.Wait()
}

// get reads a REST route of the sandbox and decodes the envelope's data.
func (b *bench) get(path string, q url.Values, out any) {
	u := b.rest.URL + path
	if q != nil {
		u += "?" + q.Encode()
	}
	resp, err := http.Get(u)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	if out == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		return
	}
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	if json.NewDecoder(resp.Body).Decode(&env) == nil {
		_ = json.Unmarshal(env.Data, out)
	}
}
