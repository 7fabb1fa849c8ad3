package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// options configures one run.
type options struct {
	latency   time.Duration // added by the sandbox to every upstream call
	callers   int           // concurrent callers; the even ones sign in
	duration  time.Duration // how long the callers run
	requests  int           // the most requests they send in all
	maxMemory uint64        // bound of the peak of runtime.MemStats.Sys

	// minChecks makes each caller go on past duration until it has checked
	// this many dateLiked answers and, signed in, this many me answers;
	// 0 asks for none. A check does not depend on how fast the machine is.
	minChecks int
	// maxDuration bounds a run that minChecks prolongs; 0 means duration.
	maxDuration time.Duration

	// wrap, when set, stands between the callers and the facade: tests put
	// a faulty layer there to see the checks catch it.
	wrap func(http.Handler) http.Handler
}

// load holds the sandbox and the facade, both on loopback, and the callers.
type load struct {
	opts   options
	sb     *sandbox.Server
	rest   *httptest.Server
	api    *httptest.Server
	cache  *upstream.Cache
	client *http.Client
	vars   map[string]map[string]any
	liked  string // the chart the liker likes

	upstreamCalls    atomic.Int64 // every request the sandbox answered during the load
	upstreamFailures atomic.Int64 // those answered 5xx
	sent             atomic.Int64 // requests the callers took a ticket for
}

// caller is one client of the facade: anonymous, or signed in as user with
// a token of its own.
type caller struct {
	user  string // empty: anonymous
	token string
	liker bool // liked the chart at the start

	latencies  map[string][]time.Duration
	seenMe     int      // me answers checked
	seenLiked  int      // dateLiked answers checked
	violations int      // answers that carried another caller's data
	leaks      []string // the first few, said
	graphql    int      // requests answered with GraphQL errors
	http       int      // requests that failed at the HTTP level
	samples    []string
}

func newLoad(opts options) (*load, error) {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	l := &load{opts: opts, sb: sandbox.New()}
	l.rest = httptest.NewServer(http.HandlerFunc(l.serveUpstream))

	// As `go run . -sandbox` serves it: the cache with its defaults.
	c, err := upstream.New(l.rest.URL, nil, nil)
	if err != nil {
		l.rest.Close()
		return nil, err
	}
	l.cache = upstream.NewCache(upstream.CacheOptions{})
	c = c.WithCallTimeout(15 * time.Second).WithCache(l.cache)
	var h http.Handler = facade.New(facade.Options{
		Upstream: c, Credentials: upstream.Credentials{ClientID: sandbox.ClientID},
	})
	if opts.wrap != nil {
		h = opts.wrap(h)
	}
	l.api = httptest.NewServer(h)

	// One connection per caller, kept: no churn of loopback ports.
	l.client = &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns: opts.callers + 8, MaxIdleConnsPerHost: opts.callers + 8,
			IdleConnTimeout: time.Minute,
		},
	}
	l.vars, l.liked = l.pickVariables()
	l.sb.SetLatency(opts.latency)
	return l, nil
}

func (l *load) close() {
	l.client.CloseIdleConnections()
	l.api.Close()
	l.rest.Close()
}

// serveUpstream is the sandbox, counting the calls it answers.
func (l *load) serveUpstream(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	l.sb.ServeHTTP(sw, r)
	l.upstreamCalls.Add(1)
	if sw.status >= 500 {
		l.upstreamFailures.Add(1)
	}
}

type statusWriter struct {
	http.ResponseWriter
	status  int
	written bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.written {
		w.status, w.written = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.written = true
	return w.ResponseWriter.Write(b)
}

// pickVariables finds the objects the operations read, as cmd/bench does
// (a chart with threads, a user with followers and charts, an event), and a
// visible chart none of the seeded users has liked, for the liker.
func (l *load) pickVariables() (map[string]map[string]any, string) {
	d := l.sb.Data()
	chart := d.Charts[0].ID
	threads := map[string]int{}
	for _, c := range d.Comments {
		if c.ReplyCount > 0 {
			threads[c.ResourceID]++
		}
	}
	for _, ch := range d.Charts {
		if threads[ch.ID] >= 3 && !ch.IsLocked && !ch.IsHidden {
			chart = ch.ID
			break
		}
	}
	owned := map[int]int{}
	for _, ch := range d.Charts {
		owned[ch.OwnerID]++
	}
	user := 1
	for _, u := range d.Users {
		if u.FollowerCount >= 5 && owned[u.ID] >= 10 {
			user = u.ID
			break
		}
	}

	likedBySeeded := map[string]bool{} // by any user a caller may sign in as
	for _, lk := range d.Likes {
		if lk.OwnerID <= len(l.sb.Tokens())+3*l.opts.callers {
			likedBySeeded[lk.ResourceID] = true
		}
	}
	liked := ""
	for _, ch := range d.Charts {
		if ch.ID != chart && !ch.IsLocked && !ch.IsHidden && !likedBySeeded[ch.ID] {
			liked = ch.ID
			break
		}
	}
	return map[string]map[string]any{
		"ChartList":  nil,
		"ChartPage":  {"id": chart},
		"UserPage":   {"id": strconv.Itoa(user)},
		"EventPage":  {"id": d.Events[0].ID},
		opChartLiked: {"id": liked},
	}, liked
}

// signIn makes the callers: the even ones are signed in, each as a
// different user. The first signs in through `login` as the sandbox's
// member (and is the liker); the others get sandbox sessions of members
// beyond the seeded accounts, one user each.
func (l *load) signIn() ([]*caller, error) {
	member := l.sb.Tokens()[1]
	seeded := map[int]bool{}
	for _, t := range l.sb.Tokens() {
		seeded[t.UserID] = true
	}
	callers := make([]*caller, l.opts.callers)
	signedIn, nextUser := 0, len(l.sb.Tokens())+1
	for i := range callers {
		c := &caller{latencies: map[string][]time.Duration{}}
		callers[i] = c
		if i%2 == 1 {
			continue
		}
		c.liker = signedIn == 0
		signedIn++
		if !c.liker {
			for {
				if seeded[nextUser] {
					nextUser++
					continue
				}
				t, err := l.sb.SignInAs(nextUser)
				nextUser++
				if err == nil {
					c.user, c.token = t.UserName, t.AccessToken
					break
				}
				if nextUser > len(l.sb.Data().Users) {
					return nil, fmt.Errorf("sign in: not enough members for %d callers", l.opts.callers)
				}
			}
			continue
		}
		t := member

		var out struct {
			Login *struct {
				AccessToken string `json:"accessToken"`
			} `json:"login"`
		}
		if err := l.setup(loginMutation, map[string]any{"email": t.Email, "password": t.Password}, "", &out); err != nil {
			return nil, fmt.Errorf("sign in as %s: %w", t.UserName, err)
		}
		if out.Login == nil || out.Login.AccessToken == "" {
			return nil, fmt.Errorf("sign in as %s: no token", t.UserName)
		}
		c.user, c.token = t.UserName, out.Login.AccessToken
	}
	return callers, nil
}

// like has the liker like the chart, and checks the write's answer.
func (l *load) like(liker *caller) error {
	var out struct {
		LikeChart *struct {
			Chart struct {
				DateLiked *string `json:"dateLiked"`
			} `json:"chart"`
		} `json:"likeChart"`
	}
	if err := l.setup(likeMutation, map[string]any{"id": l.liked}, liker.token, &out); err != nil {
		return fmt.Errorf("like chart %s: %w", l.liked, err)
	}
	if out.LikeChart == nil || out.LikeChart.Chart.DateLiked == nil {
		return fmt.Errorf("like chart %s: the answer has no dateLiked", l.liked)
	}
	return nil
}

// setup sends a request of the setup, which must succeed, and decodes its
// data into out.
func (l *load) setup(query string, vars map[string]any, token string, out any) error {
	status, ans, err := l.post(query, vars, token)
	switch {
	case err != nil:
		return err
	case status != http.StatusOK:
		return fmt.Errorf("HTTP %d", status)
	case len(ans.Errors) > 0:
		return fmt.Errorf("%s", ans.Errors[0].Message)
	}
	return json.Unmarshal(ans.Data, out)
}

// answer is a GraphQL response.
type answer struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// post sends one GraphQL request as the holder of token (none when empty).
func (l *load) post(query string, vars map[string]any, token string) (int, answer, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, l.api.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		return 0, answer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return 0, answer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return resp.StatusCode, answer{}, err
	}
	var ans answer
	if err := json.Unmarshal(raw, &ans); err != nil && resp.StatusCode == http.StatusOK {
		return resp.StatusCode, ans, fmt.Errorf("answer is not GraphQL: %w", err)
	}
	return resp.StatusCode, ans, nil
}

// loop runs the caller's operations in turn until the deadline passes and
// the caller has made its minimum of checks, the hard deadline passes, or
// the run's requests are all sent. A request is never cut short: the last
// ones finish after the deadline.
func (l *load) loop(c *caller, deadline, hard time.Time) {
	ops := append([]string(nil), operationNames...)
	ops = append(ops, opChartLiked)
	if c.user != "" {
		ops = append(ops, opMe)
	}
	for i := 0; ; i++ {
		now := time.Now()
		if now.After(hard) || now.After(deadline) && c.checked(l.opts.minChecks) ||
			l.sent.Add(1) > int64(l.opts.requests) {
			return
		}
		op := ops[i%len(ops)]
		doc, ok := operations[op]
		if !ok {
			doc = personal[op]
		}
		t := time.Now()
		status, ans, err := l.post(doc, l.vars[op], c.token)
		c.latencies[op] = append(c.latencies[op], time.Since(t))
		switch {
		case err != nil || status != http.StatusOK:
			c.http++
			c.sample(fmt.Sprintf("%s: HTTP %d %v", op, status, err))
			continue
		case len(ans.Errors) > 0:
			c.graphql++
			c.sample(fmt.Sprintf("%s: %s %v", op, ans.Errors[0].Message, ans.Errors[0].Extensions["code"]))
		}
		c.check(op, ans.Data)
	}
}

// check looks for another caller's data in an answer of op: `me` must
// name the caller's user, and `dateLiked` must be set for the liker and
// null for everyone else.
func (c *caller) check(op string, data json.RawMessage) {
	switch op {
	case opMe:
		var out struct {
			Me *struct {
				UserName string `json:"userName"`
			} `json:"me"`
		}
		_ = json.Unmarshal(data, &out)
		c.seenMe++
		switch {
		case out.Me == nil:
			c.leak("me is null for " + c.user)
		case out.Me.UserName != c.user:
			c.leak("me names " + out.Me.UserName + " for " + c.user)
		}
	case opChartLiked:
		var out struct {
			Chart *struct {
				DateLiked *string `json:"dateLiked"`
			} `json:"chart"`
		}
		_ = json.Unmarshal(data, &out)
		c.seenLiked++
		who := c.user
		if who == "" {
			who = "an anonymous caller"
		}
		switch {
		case out.Chart == nil:
			c.leak("the liked chart is null for " + who)
		case c.liker && out.Chart.DateLiked == nil:
			c.leak("the liker's own like is missing")
		case !c.liker && out.Chart.DateLiked != nil:
			c.leak("dateLiked shown to " + who)
		}
	}
}

// checked reports whether the caller has checked n answers of each kind
// it reads: dateLiked, and me when signed in.
func (c *caller) checked(n int) bool {
	return c.seenLiked >= n && (c.user == "" || c.seenMe >= n)
}

func (c *caller) leak(what string) {
	c.violations++
	if len(c.leaks) < 3 {
		c.leaks = append(c.leaks, what)
	}
}

func (c *caller) sample(what string) {
	if len(c.samples) < 3 {
		c.samples = append(c.samples, what)
	}
}

// memory samples runtime.MemStats every second and keeps the peaks.
type memory struct {
	baseHeap, baseSys uint64 // before the load
	peakHeap, peakSys uint64
	samples           int
}

func (m *memory) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.peakHeap = max(m.peakHeap, ms.HeapInuse)
	m.peakSys = max(m.peakSys, ms.Sys)
	m.samples++
}

// watch samples every second until stop is closed, then once more. The
// sandbox's request log is emptied at each sample: the run counts upstream
// calls itself, and the log would otherwise grow with the run.
func (l *load) watch(m *memory, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			l.sb.ResetRequests()
			m.sample()
		case <-stop:
			m.sample()
			return
		}
	}
}

// run starts the servers, signs the callers in, has the liker like a
// chart, runs the callers and returns what they saw.
func run(opts options) (*result, error) {
	l, err := newLoad(opts)
	if err != nil {
		return nil, err
	}
	defer l.close()

	callers, err := l.signIn()
	if err != nil {
		return nil, err
	}
	if err := l.like(callers[0]); err != nil {
		return nil, err
	}

	l.sb.ResetRequests()
	runtime.GC()
	var mem memory
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	mem.baseHeap, mem.baseSys = base.HeapInuse, base.Sys
	stop, watched := make(chan struct{}), make(chan struct{})
	go l.watch(&mem, stop, watched)
	l.upstreamCalls.Store(0)
	l.upstreamFailures.Store(0)

	start := time.Now()
	deadline, hard := start.Add(opts.duration), start.Add(max(opts.duration, opts.maxDuration))
	var wg sync.WaitGroup
	for _, c := range callers {
		wg.Go(func() { l.loop(c, deadline, hard) })
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stop)
	<-watched

	return l.result(callers, elapsed, mem), nil
}
