package upstream_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// double is an upstream double for the cache: single resources under
// /things/{id} with an ETag that honours If-None-Match, lists at /things
// without one, answers that name the caller, and a log of what it got.
type double struct {
	mu      sync.Mutex
	log     []logged
	version map[string]int // thing → version, part of its ETag
	gate    chan struct{}  // when not nil, GETs wait for it to close
	arrived int            // requests received, answered or not
	size    int            // padding of each answer, in bytes
}

type logged struct {
	method, path, ifNoneMatch string
	status                    int
}

func (d *double) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	gate := d.gate
	d.arrived++
	d.mu.Unlock()
	if gate != nil && r.Method == http.MethodGet {
		<-gate
	}

	status := http.StatusOK
	defer func() {
		d.mu.Lock()
		d.log = append(d.log, logged{r.Method, r.URL.Path, r.Header.Get("If-None-Match"), status})
		d.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if r.Method != http.MethodGet {
		d.mu.Lock()
		d.version[strings.TrimPrefix(r.URL.Path, "/things/")]++
		d.mu.Unlock()
		status = http.StatusNoContent
		w.WriteHeader(status)
		return
	}
	id, single := strings.CutPrefix(r.URL.Path, "/things/")
	if id == "missing" {
		status = http.StatusNotFound
		w.WriteHeader(status)
		fmt.Fprint(w, `{"status":1,"code":"ResourceNotFound"}`)
		return
	}

	d.mu.Lock()
	v := d.version[id]
	d.mu.Unlock()
	body := fmt.Sprintf(`{"status":0,"code":"Ok","data":{"id":%q,"version":%d,"caller":%q,"language":%q,"pad":%q}}`,
		id, v, r.Header.Get("Authorization"), r.Header.Get("Accept-Language"), strings.Repeat("x", d.size))
	if single {
		tag := fmt.Sprintf(`"%s-%d-%s"`, id, v, r.Header.Get("Authorization"))
		w.Header().Set("ETag", tag)
		if r.Header.Get("If-None-Match") == tag {
			status = http.StatusNotModified
			w.WriteHeader(status)
			return
		}
	}
	fmt.Fprint(w, body)
}

// waitArrived waits until n requests have reached the double.
func (d *double) waitArrived(t *testing.T, n int) {
	t.Helper()
	for range 500 {
		d.mu.Lock()
		got := d.arrived
		d.mu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%d requests did not reach the upstream double", n)
}

// requests returns the log since the last call and empties it.
func (d *double) requests() []logged {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := d.log
	d.log = nil
	return out
}

// clock is a settable time for the cache's freshness.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// newCachedClient serves a double on loopback and returns a client with a
// cache of maxBytes (0: the default) over it.
func newCachedClient(t *testing.T, maxBytes int64) (*upstream.Client, *double, *clock) {
	t.Helper()
	d := &double{version: map[string]int{}}
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	clk := &clock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}

	c, err := upstream.New(srv.URL, srv.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.WithCache(upstream.NewCache(upstream.CacheOptions{MaxBytes: maxBytes, Now: clk.Now})), d, clk
}

type thing struct {
	ID       string `json:"id"`
	Version  int    `json:"version"`
	Caller   string `json:"caller"`
	Language string `json:"language"`
}

// get reads /things/{id} (or the list, for id "") as caller.
func get(t *testing.T, c *upstream.Client, caller upstream.Caller, id string) thing {
	t.Helper()
	ctx := upstream.WithCaller(context.Background(), caller)
	var out thing
	var err error
	if id == "" {
		_, err = c.Get(ctx, "/things", nil, nil, &out)
	} else {
		_, err = c.Get(ctx, "/things/{id}", upstream.Params{"id": id}, nil, &out)
	}
	if err != nil {
		t.Fatalf("GET %s: %v", id, err)
	}
	return out
}

func TestCacheFreshnessAndRevalidation(t *testing.T) {
	c, d, clk := newCachedClient(t, 0)
	anon := upstream.Caller{}

	if got := get(t, c, anon, "a"); got.ID != "a" || got.Version != 0 {
		t.Fatalf("first read = %+v", got)
	}
	if reqs := d.requests(); len(reqs) != 1 || reqs[0].status != 200 || reqs[0].ifNoneMatch != "" {
		t.Fatalf("first read sent %+v, want one plain GET answered 200", reqs)
	}

	clk.advance(29 * time.Second)
	if got := get(t, c, anon, "a"); got.ID != "a" {
		t.Fatalf("fresh read = %+v", got)
	}
	if reqs := d.requests(); len(reqs) != 0 {
		t.Fatalf("a read within the TTL sent %+v, want nothing", reqs)
	}

	clk.advance(2 * time.Second)
	if got := get(t, c, anon, "a"); got.ID != "a" || got.Version != 0 {
		t.Fatalf("revalidated read = %+v", got)
	}
	if reqs := d.requests(); len(reqs) != 1 || reqs[0].ifNoneMatch != `"a-0-"` || reqs[0].status != 304 {
		t.Fatalf("a stale read sent %+v, want one If-None-Match answered 304", reqs)
	}

	clk.advance(29 * time.Second) // fresh again for a TTL from the 304
	get(t, c, anon, "a")
	if reqs := d.requests(); len(reqs) != 0 {
		t.Fatalf("a read within the TTL of the 304 sent %+v, want nothing", reqs)
	}

	t.Run("a changed resource is read whole", func(t *testing.T) {
		d.mu.Lock()
		d.version["a"] = 7
		d.mu.Unlock()
		clk.advance(31 * time.Second)
		if got := get(t, c, anon, "a"); got.Version != 7 {
			t.Errorf("read after a change = %+v, want version 7", got)
		}
		if reqs := d.requests(); len(reqs) != 1 || reqs[0].status != 200 || reqs[0].ifNoneMatch != `"a-0-"` {
			t.Errorf("sent %+v, want one If-None-Match answered 200", reqs)
		}
	})

	t.Run("lists age out by time", func(t *testing.T) {
		get(t, c, anon, "")
		clk.advance(9 * time.Second)
		get(t, c, anon, "")
		if reqs := d.requests(); len(reqs) != 1 {
			t.Fatalf("two list reads within 10 s sent %+v, want one", reqs)
		}
		clk.advance(2 * time.Second)
		get(t, c, anon, "")
		if reqs := d.requests(); len(reqs) != 1 || reqs[0].ifNoneMatch != "" || reqs[0].status != 200 {
			t.Errorf("a stale list read sent %+v, want one plain GET", reqs)
		}
	})

	t.Run("only 200 answers are kept", func(t *testing.T) {
		ctx := context.Background()
		for range 2 {
			_, err := c.Get(ctx, "/things/{id}", upstream.Params{"id": "missing"}, nil, nil)
			if !errors.Is(err, upstream.ErrNotFound) {
				t.Fatalf("err = %v, want not found", err)
			}
		}
		if reqs := d.requests(); len(reqs) != 2 {
			t.Errorf("two reads of a 404 sent %d requests, want 2", len(reqs))
		}
	})
}

func TestCacheKeepsCallersApart(t *testing.T) {
	c, d, _ := newCachedClient(t, 0)
	callers := []upstream.Caller{
		{},
		{Authorization: "Bearer token-a"},
		{Authorization: "Bearer token-b"},
		{Authorization: "Bearer token-a", AcceptLanguage: "en"},
	}

	for round := range 3 {
		for _, caller := range callers {
			for _, id := range []string{"x", ""} {
				got := get(t, c, caller, id)
				if got.Caller != caller.Authorization || got.Language != caller.AcceptLanguage {
					t.Errorf("round %d: %+v read %q as %+v: another caller's answer", round, caller, id, got)
				}
			}
		}
		want := 0
		if round == 0 {
			want = len(callers) * 2
		}
		if reqs := d.requests(); len(reqs) != want {
			t.Errorf("round %d sent %d requests, want %d", round, len(reqs), want)
		}
	}
}

func TestCacheCollapsesIdenticalGets(t *testing.T) {
	c, d, _ := newCachedClient(t, 0)
	gate := make(chan struct{})
	d.gate = gate

	const n = 50
	got := make([]thing, 2*n)
	var wg sync.WaitGroup
	for i := range 2 * n {
		caller := upstream.Caller{}
		if i%2 == 1 {
			caller.Authorization = "Bearer token-a"
		}
		wg.Go(func() { got[i] = get(t, c, caller, "z") })
	}
	d.waitArrived(t, 2)                // one request per scope is at the upstream
	time.Sleep(100 * time.Millisecond) // and the other readers join them
	close(gate)
	wg.Wait()

	for i, g := range got {
		if want := map[bool]string{false: "", true: "Bearer token-a"}[i%2 == 1]; g.ID != "z" || g.Caller != want {
			t.Errorf("reader %d got %+v, want z for %q", i, g, want)
		}
	}
	if reqs := d.requests(); len(reqs) != 2 {
		t.Errorf("%d concurrent reads of one URL by two scopes sent %d requests, want 2", 2*n, len(reqs))
	}
}

func TestCacheWritesPurgeEveryScope(t *testing.T) {
	c, d, _ := newCachedClient(t, 0)
	alice := upstream.Caller{Authorization: "Bearer token-a"}
	get(t, c, upstream.Caller{}, "w")
	get(t, c, alice, "w")
	if c.Cache().Len() != 2 {
		t.Fatalf("the cache holds %d answers, want 2", c.Cache().Len())
	}

	ctx := upstream.WithCaller(context.Background(), alice)
	if _, err := c.Do(ctx, upstream.Request{Method: http.MethodPost, Route: "/things/{id}",
		Params: upstream.Params{"id": "w"}}, nil); err != nil {
		t.Fatal(err)
	}
	if c.Cache().Len() != 0 || c.Cache().Size() != 0 {
		t.Errorf("after a write the cache holds %d answers (%d bytes), want none", c.Cache().Len(), c.Cache().Size())
	}
	d.requests()

	if got := get(t, c, upstream.Caller{}, "w"); got.Version != 1 {
		t.Errorf("anonymous read after the write = %+v, want version 1", got)
	}
	if got := get(t, c, alice, "w"); got.Version != 1 {
		t.Errorf("alice's read after the write = %+v, want version 1", got)
	}
	if reqs := d.requests(); len(reqs) != 2 || reqs[0].ifNoneMatch != "" {
		t.Errorf("reads after the write sent %+v, want two plain GETs", reqs)
	}
}

func TestCacheStaysWithinItsBound(t *testing.T) {
	const bound = 16 << 10
	c, d, _ := newCachedClient(t, bound)
	d.size = 1 << 10 // answers of about 1.2 KiB

	for i := range 160 { // about ten times the bound
		get(t, c, upstream.Caller{}, fmt.Sprint("item-", i))
		if size := c.Cache().Size(); size > bound {
			t.Fatalf("after %d answers the cache holds %d bytes, over its bound %d", i+1, size, bound)
		}
	}
	if n := c.Cache().Len(); n < 8 || n > 14 {
		t.Errorf("the cache holds %d answers, want the dozen most recent", n)
	}
	d.requests()

	get(t, c, upstream.Caller{}, "item-159")
	if reqs := d.requests(); len(reqs) != 0 {
		t.Errorf("the newest answer was not kept: %+v", reqs)
	}
	get(t, c, upstream.Caller{}, "item-0")
	if reqs := d.requests(); len(reqs) != 1 {
		t.Errorf("the oldest answer was kept, want it evicted: %+v", reqs)
	}

	t.Run("an answer larger than the bound is not kept", func(t *testing.T) {
		d.size = 2 * bound
		get(t, c, upstream.Caller{}, "huge")
		get(t, c, upstream.Caller{}, "huge")
		if reqs := d.requests(); len(reqs) != 2 || c.Cache().Size() > bound {
			t.Errorf("sent %d requests, holds %d bytes; want 2 and within the bound", len(reqs), c.Cache().Size())
		}
	})
}

func TestCacheHitsSpendNoBudget(t *testing.T) {
	c, d, _ := newCachedClient(t, 0)
	ctx := upstream.WithBudget(context.Background(), 2)
	read := func(id string) error {
		_, err := c.Get(ctx, "/things/{id}", upstream.Params{"id": id}, nil, nil)
		return err
	}

	for _, id := range []string{"a", "a", "b", "a", "b", "a"} {
		if err := read(id); err != nil {
			t.Fatalf("read %s: %v", id, err)
		}
	}
	err := read("c")
	var budget *upstream.BudgetError
	if !errors.As(err, &budget) || budget.Route != "/things/{id}" || budget.Method != http.MethodGet {
		t.Errorf("the third miss: %v, want a budget error naming the route", err)
	}
	if reqs := d.requests(); len(reqs) != 2 {
		t.Errorf("sent %d requests, want 2", len(reqs))
	}
}

func TestWithCacheNil(t *testing.T) {
	c, d, _ := newCachedClient(t, 0)
	plain := c.WithCache(nil)
	if plain.Cache() != nil {
		t.Fatal("WithCache(nil) kept a cache")
	}
	get(t, plain, upstream.Caller{}, "n")
	get(t, plain, upstream.Caller{}, "n")
	if reqs := d.requests(); len(reqs) != 2 {
		t.Errorf("two reads without a cache sent %d requests, want 2", len(reqs))
	}
}

func TestCacheWaiterLeavesOnItsOwnContext(t *testing.T) {
	c, d, _ := newCachedClient(t, 0)
	gate := make(chan struct{})
	d.gate = gate

	first := make(chan thing, 1)
	go func() { first <- get(t, c, upstream.Caller{}, "slow") }()
	d.waitArrived(t, 1) // the first reader's request is at the upstream

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Get(ctx, "/things/{id}", upstream.Params{"id": "slow"}, nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Errorf("a waiter past its deadline: %v after %s, want DeadlineExceeded at once", err, time.Since(start))
	}

	close(gate)
	if got := <-first; got.ID != "slow" {
		t.Errorf("the first reader got %+v", got)
	}
	if reqs := d.requests(); len(reqs) != 1 {
		t.Errorf("sent %d requests, want 1", len(reqs))
	}
}

func TestCacheStoresNothingReadDuringAWrite(t *testing.T) {
	c, d, _ := newCachedClient(t, 0)
	gate := make(chan struct{})
	d.gate = gate

	read := make(chan thing, 1)
	go func() { read <- get(t, c, upstream.Caller{}, "r") }()
	d.waitArrived(t, 1) // the read is at the upstream, waiting

	if _, err := c.Do(context.Background(), upstream.Request{Method: http.MethodDelete, Route: "/things/{id}",
		Params: upstream.Params{"id": "r"}}, nil); err != nil {
		t.Fatal(err)
	}
	close(gate)
	<-read
	if n := c.Cache().Len(); n != 0 {
		t.Errorf("the cache kept %d answers read while a write ran, want none", n)
	}
	d.requests()
	if got := get(t, c, upstream.Caller{}, "r"); got.Version != 1 {
		t.Errorf("the read after the write = %+v, want version 1", got)
	}
	if reqs := d.requests(); len(reqs) != 1 {
		t.Errorf("the read after the write sent %d requests, want 1", len(reqs))
	}
}
