package facade_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// These tests run the facade with its cache of upstream answers, on a
// clock the test moves: answers age only when the test says so.

type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// statuses counts the requests of the sandbox's log by HTTP status.
func statuses(e *env) map[int]int {
	out := map[int]int{}
	for _, r := range e.sandbox.Requests() {
		out[r.Status]++
	}
	return out
}

func TestCacheServesARepeatedChartPage(t *testing.T) {
	clk := newTestClock()
	e := newCachedEnv(t, upstream.CacheOptions{TTL: 30 * time.Second, ListTTL: 10 * time.Second, Now: clk.Now})
	id := pickChartWithThreads(e)
	vars := map[string]any{"id": id}

	first := e.query(chartPageOp, vars, "", nil)
	cold, coldRoutes := e.calls()
	if len(first.Errors) > 0 || cold < 5 || cold > 6 {
		t.Fatalf("the first ChartPage: %d calls (%v), errors %+v; want 5 or 6 and none", cold, coldRoutes, first.Errors)
	}
	var got struct{ Chart struct{ LikeCount int } }
	if want := rest[restChart](e, "/charts/"+id, nil); !decodeInto(t, first, &got) || got.Chart.LikeCount != want.LikeCount {
		t.Errorf("likeCount = %d, want the upstream's %d", got.Chart.LikeCount, want.LikeCount)
	}

	t.Run("within freshness, no upstream call", func(t *testing.T) {
		clk.advance(9 * time.Second)
		again := e.query(chartPageOp, vars, "", nil)
		if n, byRoute := e.calls(); n != 0 {
			t.Errorf("the second ChartPage made %d upstream calls (%v), want 0", n, byRoute)
		}
		if !bytes.Equal(again.Data, first.Data) || len(again.Errors) > 0 {
			t.Errorf("the cached answer differs:\n%s\nwant\n%s", again.Data, first.Data)
		}
	})

	t.Run("a stale resource is revalidated, lists still fresh", func(t *testing.T) {
		// Lists are fresh for an hour here (the sandbox's data is the same
		// in every env); only resources with an ETag age.
		e2 := newCachedEnv(t, upstream.CacheOptions{TTL: 30 * time.Second, ListTTL: time.Hour, Now: clk.Now})
		e2.query(chartPageOp, vars, "", nil)
		clk.advance(31 * time.Second)
		again := e2.query(chartPageOp, vars, "", nil)
		n, byRoute := e2.calls()
		if st := statuses(e2); n != 1 || byRoute["GET /charts/{id}"] != 1 || st[http.StatusNotModified] != 1 {
			t.Errorf("after the TTL: %d calls %v with statuses %v; want one GET /charts/{id} answered 304", n, byRoute, st)
		}
		for _, r := range e2.sandbox.Requests() {
			if r.Status != http.StatusNotModified {
				t.Errorf("%s %s answered %d: re-downloaded", r.Method, r.Route, r.Status)
			}
		}
		if !bytes.Equal(again.Data, first.Data) {
			t.Errorf("the revalidated answer differs:\n%s\nwant\n%s", again.Data, first.Data)
		}
	})

	t.Run("after both freshness times, 304 for the resource, lists read again", func(t *testing.T) {
		clk.advance(31 * time.Second)
		again := e.query(chartPageOp, vars, "", nil)
		n, byRoute := e.calls()
		st := statuses(e)
		if n != cold || st[http.StatusNotModified] != 1 || st[http.StatusOK] != cold-1 || byRoute["GET /charts/{id}"] != 1 {
			t.Errorf("after both TTLs: %d calls %v with statuses %v; want %d, one 304 (the chart) and %d 200s (the lists)",
				n, byRoute, st, cold, cold-1)
		}
		if !bytes.Equal(again.Data, first.Data) {
			t.Errorf("the answer differs:\n%s\nwant\n%s", again.Data, first.Data)
		}
	})
}

// decodeInto decodes an answer's data into out and reports success.
func decodeInto(t *testing.T, a answer, out any) bool {
	t.Helper()
	if err := json.Unmarshal(a.Data, out); err != nil {
		t.Errorf("decode %s: %v", a.Data, err)
		return false
	}
	return true
}

const likesOp = `query($id: ID!) { chart(id: $id) { id likeCount dateLiked } }`

type likes struct {
	Chart struct {
		ID        string
		LikeCount int
		DateLiked *string
	}
}

// pickUnliked returns the global ID of an unlocked chart that none of
// tokens has liked.
func pickUnliked(e *env, tokens ...string) string {
	e.t.Helper()
	liked := map[string]bool{}
	var ids []string
	for _, tok := range tokens {
		var got struct {
			Charts struct {
				Nodes []struct {
					ID        string
					IsLocked  bool
					DateLiked *string
				}
			}
		}
		e.mustQueryAs(`{ charts(first: 50) { nodes { id isLocked dateLiked } } }`, nil, tok, &got)
		for _, n := range got.Charts.Nodes {
			if n.IsLocked || n.DateLiked != nil {
				liked[n.ID] = true
			}
			if tok == tokens[0] {
				ids = append(ids, n.ID)
			}
		}
	}
	for _, id := range ids {
		if !liked[id] {
			return id
		}
	}
	e.t.Fatal("no unlocked chart that no one of the callers liked")
	return ""
}

func TestCacheKeepsCallersApart(t *testing.T) {
	clk := newTestClock() // never moves: every answer stays fresh
	e := newCachedEnv(t, upstream.CacheOptions{Now: clk.Now})
	alice, bob := e.sandbox.Tokens()[1].AccessToken, e.sandbox.Tokens()[2].AccessToken
	chart := pickUnliked(e, alice, bob)
	vars := map[string]any{"id": chart}

	var before likes
	e.mustQueryAs(likesOp, vars, "", &before)
	e.mustQueryAs(`mutation($id: ID!) { likeChart(input: { chartId: $id }) { chart { id } } }`, vars, alice, nil)

	callers := []struct{ name, token string }{{"bob", bob}, {"alice", alice}, {"anonymous", ""}}
	for round := range 3 {
		calls := 0
		for _, c := range callers {
			var got likes
			e.mustQueryAs(likesOp, vars, c.token, &got)
			n, _ := e.calls()
			calls += n
			if got.Chart.ID != chart || got.Chart.LikeCount != before.Chart.LikeCount+1 {
				t.Errorf("round %d, %s: %+v, want likeCount %d", round, c.name, got.Chart, before.Chart.LikeCount+1)
			}
			if (got.Chart.DateLiked != nil) != (c.name == "alice") {
				t.Errorf("round %d, %s sees dateLiked %v; only alice liked the chart", round, c.name, got.Chart.DateLiked)
			}
		}
		want := 0
		if round == 0 {
			// One read per scope, then all from the cache; alice's was
			// read by the mutation itself, after the like.
			want = len(callers) - 1
		}
		if calls != want {
			t.Errorf("round %d made %d upstream calls, want %d", round, calls, want)
		}
	}
}

func TestCacheShowsALikeAtOnce(t *testing.T) {
	clk := newTestClock()
	e := newCachedEnv(t, upstream.CacheOptions{Now: clk.Now})
	alice := e.sandbox.Tokens()[1].AccessToken
	chart := pickUnliked(e, alice)
	vars := map[string]any{"id": chart}

	var anon, mine likes
	e.mustQueryAs(likesOp, vars, "", &anon)
	e.mustQueryAs(likesOp, vars, alice, &mine)
	e.mustQueryAs(likesOp, vars, "", &anon)
	if n, _ := e.calls(); n != 0 {
		t.Fatalf("a repeated read made %d upstream calls: the cache is not in use", n)
	}
	count := anon.Chart.LikeCount

	const like = `mutation($id: ID!) { likeChart(input: { chartId: $id }) { chart { likeCount dateLiked } } }`
	var liked struct{ LikeChart likes }
	e.mustQueryAs(like, vars, alice, &liked)
	if c := liked.LikeChart.Chart; c.LikeCount != count+1 || c.DateLiked == nil {
		t.Errorf("likeChart answered %+v, want likeCount %d and a dateLiked", c, count+1)
	}

	// The like dropped every cached answer; the mutation's own fresh read
	// is alice's again, anonymous readers read anew.
	for _, c := range []struct {
		name, token string
		calls       int
	}{{"anonymous", "", 1}, {"alice", alice, 0}} {
		var got likes
		e.mustQueryAs(likesOp, vars, c.token, &got)
		if n, byRoute := e.calls(); n != c.calls || byRoute["GET /charts/{id}"] != c.calls {
			t.Errorf("%s's read after the like made calls %v, want %d GET /charts/{id}", c.name, byRoute, c.calls)
		}
		if got.Chart.LikeCount != count+1 || (got.Chart.DateLiked != nil) != (c.name == "alice") {
			t.Errorf("%s reads %+v after the like, want likeCount %d", c.name, got.Chart, count+1)
		}
	}

	e.mustQueryAs(`mutation($id: ID!) { unlikeChart(input: { chartId: $id }) { chart { id } } }`, vars, alice, nil)
	e.mustQueryAs(likesOp, vars, "", &anon)
	if anon.Chart.LikeCount != count {
		t.Errorf("after unlikeChart the anonymous read has likeCount %d, want %d", anon.Chart.LikeCount, count)
	}
}

func TestCacheCollapsesConcurrentChartPages(t *testing.T) {
	clk := newTestClock()
	e := newCachedEnv(t, upstream.CacheOptions{Now: clk.Now})
	id := pickChartWithThreads(e)
	want := rest[restChart](e, "/charts/"+id, nil)
	e.sandbox.ResetRequests()

	const n = 100
	answers := make([]answer, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { answers[i], errs[i] = e.post(chartPageOp, map[string]any{"id": id}, "", nil) })
	}
	wg.Wait()

	for i := range n {
		if errs[i] != nil || len(answers[i].Errors) > 0 {
			t.Fatalf("query %d: %v %+v", i, errs[i], answers[i].Errors)
		}
		if !bytes.Equal(answers[i].Data, answers[0].Data) {
			t.Errorf("query %d answered\n%s\nwant\n%s", i, answers[i].Data, answers[0].Data)
		}
	}
	var got struct {
		Chart struct{ LikeCount, NoteCount int }
	}
	if decodeInto(t, answers[0], &got) && (got.Chart.LikeCount != want.LikeCount || got.Chart.NoteCount != want.NoteCount) {
		t.Errorf("chart = %+v, want the upstream's %+v", got.Chart, want)
	}

	perURL := map[string]int{}
	reqs := e.sandbox.Requests()
	for _, r := range reqs {
		perURL[r.Method+" "+r.Path+"?"+r.Query.Encode()]++
	}
	for u, c := range perURL {
		if c != 1 {
			t.Errorf("%s was fetched %d times, want once", u, c)
		}
	}
	if len(reqs) < 5 || len(reqs) > 6 {
		t.Errorf("%d concurrent ChartPages made %d upstream calls (%v), want those of one (5 or 6)", n, len(reqs), perURL)
	}
	t.Logf("%d concurrent ChartPages: %d upstream calls, %d distinct URLs", n, len(reqs), len(perURL))
}

func TestCacheStaysWithinItsBoundEndToEnd(t *testing.T) {
	const bound = 32 << 10
	e := newCachedEnv(t, upstream.CacheOptions{MaxBytes: bound})

	// Every page of charts with their owners, read through the facade;
	// the same pages read directly tell how many bytes went by.
	read := 0
	for page := 0; read < 10*bound; page++ {
		var got struct {
			Charts struct{ Nodes []struct{ ID string } }
		}
		e.mustQuery(`query($o: Int!) { charts(first: 10, offset: $o) { nodes { id owner { id } } } }`,
			map[string]any{"o": page * 10}, &got)
		if len(got.Charts.Nodes) == 0 {
			t.Fatalf("the sandbox's charts end after %d pages, %d bytes", page, read)
		}
		if size := e.cache.Size(); size > bound {
			t.Fatalf("after %d pages the cache holds %d bytes, over its bound %d", page+1, size, bound)
		}
		resp, err := http.Get(e.rest.URL + "/charts?PerPage=10&Page=" + strconv.Itoa(page+1))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		read += len(body)
	}
	if e.cache.Len() == 0 {
		t.Error("the cache holds nothing")
	}
	t.Logf("after about %d bytes of charts the cache holds %d answers, %d bytes (bound %d)",
		read, e.cache.Len(), e.cache.Size(), bound)
}
