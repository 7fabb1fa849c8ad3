package facade_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// With the users route failing, a chart page still shows the chart, its
// song and its comments' text; only the fields that needed users fail.
func TestUsersRouteFailing(t *testing.T) {
	e := newEnv(t)
	id := pickChartWithThreads(e)
	e.sandbox.InjectFault("GET", "/users", sandbox.Fault{Status: 500, Body: "boom"})

	var got struct {
		Chart *struct {
			Level    string
			Song     *struct{ Title string }
			Owner    *struct{ UserName string }
			Comments *struct {
				Nodes []struct{ Content string }
			}
		}
	}
	a := e.query(chartPageOp, map[string]any{"id": id}, "", &got)
	c := got.Chart
	if c == nil || c.Level == "" || c.Song == nil || c.Song.Title == "" || c.Comments == nil || len(c.Comments.Nodes) == 0 ||
		c.Comments.Nodes[0].Content == "" {
		t.Fatalf("chart page = %+v, want the chart, its song and its comments", c)
	}
	if c.Owner != nil {
		t.Errorf("owner = %+v, want null: the users route fails", c.Owner)
	}
	if len(a.Errors) == 0 {
		t.Fatal("no error for the owner")
	}
	for _, err := range a.Errors {
		last := err.Path[len(err.Path)-1]
		if err.Extensions["code"] != "UPSTREAM_ERROR" || last != "owner" || err.Extensions["route"] != "GET /users" {
			t.Errorf("error %+v, want UPSTREAM_ERROR on an owner field from GET /users", err)
		}
	}
}

// An upstream slower than the per-call timeout fails its fields with
// UPSTREAM_TIMEOUT when the timeout passes, not when the upstream answers.
func TestUpstreamTimeout(t *testing.T) {
	sb := sandbox.New()
	rest := httptest.NewServer(sb)
	defer rest.Close()
	client, _ := upstream.New(rest.URL, rest.Client(), nil)
	srv := httptest.NewServer(facade.New(facade.Options{Upstream: client.WithCallTimeout(time.Second)}))
	defer srv.Close()
	e := &env{t: t, sandbox: sb, rest: rest, facade: srv}

	sb.InjectFault("GET", "/charts", sandbox.Fault{Delay: 5 * time.Second})
	start := time.Now()
	var got struct {
		Charts *struct{ TotalCount int }
		Songs  *struct{ TotalCount int }
	}
	a := e.query(`{ charts(first: 1) { totalCount } songs(first: 1) { totalCount } }`, nil, "", &got)
	elapsed := time.Since(start)

	if got.Charts != nil || got.Songs == nil || got.Songs.TotalCount == 0 {
		t.Errorf("got %+v, want charts null and songs whole", got)
	}
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UPSTREAM_TIMEOUT" {
		t.Errorf("errors = %+v, want one UPSTREAM_TIMEOUT", a.Errors)
	}
	if elapsed >= 5*time.Second { // a bound on waiting for the upstream, not a speed measure
		t.Errorf("the answer waited for the slow upstream (%s)", elapsed)
	}
}

// A GET whose connection is reset is asked again once, and the answer is
// whole.
func TestResetConnectionIsRetried(t *testing.T) {
	e := newEnv(t)
	e.sandbox.InjectFault("GET", "/charts", sandbox.Fault{Reset: true, Times: 1})
	var got struct {
		Charts struct{ TotalCount int }
	}
	a := e.query(`{ charts(first: 2) { totalCount } }`, nil, "", &got)
	if len(a.Errors) > 0 || got.Charts.TotalCount == 0 {
		t.Fatalf("got %+v, %+v; want the charts after one retry", got, a.Errors)
	}
	if _, byRoute := e.calls(); byRoute["GET /charts"] != 2 {
		t.Errorf("calls = %v, want the reset call and its retry", byRoute)
	}

	// A 502 is retried once too; a 500 is not.
	e.sandbox.InjectFault("GET", "/songs", sandbox.Fault{Status: 502, Times: 1})
	if a := e.query(`{ songs(first: 1) { totalCount } }`, nil, "", nil); len(a.Errors) > 0 {
		t.Errorf("after a 502: %+v", a.Errors)
	}
	e.sandbox.InjectFault("GET", "/songs", sandbox.Fault{Status: 500, Times: 1})
	if a := e.query(`{ songs(first: 1) { totalCount } }`, nil, "", nil); len(a.Errors) != 1 {
		t.Errorf("after a 500: %+v, want the error, unretried", a.Errors)
	}
	if _, byRoute := e.calls(); byRoute["GET /songs"] != 1 {
		t.Errorf("a 500 was asked %d times, want once", byRoute["GET /songs"])
	}
}

// A request ends after its own timeout, whatever its upstream calls'.
func TestRequestTimeout(t *testing.T) {
	sb := sandbox.New()
	rest := httptest.NewServer(sb)
	defer rest.Close()
	client, _ := upstream.New(rest.URL, rest.Client(), nil)
	srv := httptest.NewServer(facade.New(facade.Options{
		Upstream: client, Limits: facade.Limits{RequestTimeout: 500 * time.Millisecond},
	}))
	defer srv.Close()
	e := &env{t: t, sandbox: sb, rest: rest, facade: srv}

	sb.InjectFault("GET", "/charts", sandbox.Fault{Delay: 3 * time.Second})
	start := time.Now()
	a := e.query(`{ charts(first: 1) { totalCount } }`, nil, "", nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UPSTREAM_TIMEOUT" {
		t.Errorf("errors = %+v, want UPSTREAM_TIMEOUT", a.Errors)
	}
	if time.Since(start) >= 3*time.Second { // a bound on waiting, not a speed measure
		t.Errorf("the request waited for the slow upstream")
	}
}
