package facade_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

func TestRequestLimits(t *testing.T) {
	e := newEnv(t)

	post := func(body []byte) *http.Response {
		t.Helper()
		resp, err := http.Post(e.facade.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}

	big := append([]byte(`{"query":"{ __typename }","variables":{"pad":"`), bytes.Repeat([]byte("x"), 10<<20)...)
	big = append(big, `"}}`...)
	if resp := post(big); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a 10 MB body: %d, want 413", resp.StatusCode)
	}

	// The same without a Content-Length (chunked), which is read to learn it.
	req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", struct{ io.Reader }{bytes.NewReader(big[:2<<20])})
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Errorf("a chunked 2 MB body: %v", err)
	} else {
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("a chunked 2 MB body: %d, want 413", resp.StatusCode)
		}
	}
	small := `{"query":"{ __typename }"}`
	req, _ = http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", struct{ io.Reader }{strings.NewReader(small)})
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("a small chunked body: %v, %v", resp, err)
	} else {
		resp.Body.Close()
	}

	req, _ = http.NewRequest(http.MethodPut, e.facade.URL+"/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") == "" {
		t.Errorf("PUT: %d, want 405 with Allow", resp.StatusCode)
	}

	var aliases strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&aliases, "a%d: charts(first: 1) { totalCount } ", i)
	}
	deep := strings.Repeat("{ nodes { owner { charts(first: 1) ", 6) + "{ totalCount }" + strings.Repeat(" } } }", 6)
	tests := []struct{ name, doc, code string }{
		{"1,000 aliases of one field", "{ " + aliases.String() + "}", "QUERY_TOO_COMPLEX"},
		{"too deep", "{ charts(first: 1) " + deep + " }", "QUERY_TOO_COMPLEX"},
		{"too many tokens", "{ " + strings.Repeat("__typename ", 20000) + "}", ""},
		{"too many directives", "{ " + strings.Repeat("__typename @skip(if: false) ", 60) + "}", "QUERY_TOO_COMPLEX"},
		{"a search too long", `{ charts(first: 1, search: "` + strings.Repeat("x", 300) + `") { totalCount } }`, "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(tt.doc, nil, "", nil)
			if len(a.Errors) == 0 || (tt.code != "" && a.Errors[0].Extensions["code"] != tt.code) {
				t.Fatalf("errors = %.300v, want %s", a.Errors, tt.code)
			}
			if n, _ := e.calls(); n != 0 {
				t.Errorf("made %d upstream calls", n)
			}
		})
	}
}

// A document whose estimated upstream calls are over the limit is refused
// with its cost, before any call.
func TestCostlyDocumentsAreRefused(t *testing.T) {
	e := newEnv(t)
	doc := `{ users(first: 100) { nodes { charts(first: 100) { nodes { comments(first: 100) { nodes {
		replies(first: 100) { nodes { content } } } } } } } } }`
	a := e.query(doc, nil, "", nil)
	if n, _ := e.calls(); n != 0 {
		t.Errorf("made %d upstream calls", n)
	}
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "QUERY_TOO_COSTLY" ||
		a.Errors[0].Extensions["estimatedUpstreamCalls"].(float64) <= 250 || a.Errors[0].Extensions["limit"] != float64(250) {
		t.Fatalf("errors = %+v, want QUERY_TOO_COSTLY with the cost and the limit", a.Errors)
	}
}

// Lists nested in lists stop at the request's budget of upstream calls
// rather than fan out without end, even where the estimate let them run;
// the rest of the answer stands.
func TestUpstreamBudget(t *testing.T) {
	sb := sandbox.New()
	rest := httptest.NewServer(sb)
	defer rest.Close()
	client, _ := upstream.New(rest.URL, rest.Client(), nil)
	srv := httptest.NewServer(facade.New(facade.Options{Upstream: client, Limits: facade.Limits{MaxCost: 1 << 30}}))
	defer srv.Close()
	e := &env{t: t, sandbox: sb, rest: rest, facade: srv}

	doc := `{ songs(first: 100) { totalCount nodes { charts(first: 100) { nodes { leaderboard(top: 3) { score } } } } } }`
	var got struct {
		Songs struct{ TotalCount int }
	}
	a := e.query(doc, nil, "", &got)
	calls, _ := e.calls()
	if calls > 250 {
		t.Errorf("the request made %d upstream calls, over its budget of 250", calls)
	}
	budget := 0
	for _, err := range a.Errors {
		if err.Extensions["code"] == "UPSTREAM_BUDGET_EXCEEDED" {
			budget++
		}
	}
	if budget == 0 || got.Songs.TotalCount == 0 {
		t.Errorf("got %d budget errors and songs %+v; want both", budget, got.Songs)
	}
}

// At most MaxInFlight requests are served at once; the others wait a
// second for a place, then get 503.
func TestInFlightLimit(t *testing.T) {
	sb := sandbox.New()
	sb.SetLatency(1500 * time.Millisecond)
	rest := httptest.NewServer(sb)
	defer rest.Close()
	client, _ := upstream.New(rest.URL, rest.Client(), nil)
	srv := httptest.NewServer(facade.New(facade.Options{Upstream: client, Limits: facade.Limits{MaxInFlight: 2}}))
	defer srv.Close()

	statuses := make(chan int, 3)
	for range 3 {
		go func() {
			resp, err := http.Post(srv.URL+"/graphql", "application/json",
				strings.NewReader(`{"query":"{ charts(first: 1) { totalCount } }"}`))
			if err != nil {
				statuses <- 0
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		}()
	}
	got := map[int]int{}
	for range 3 {
		got[<-statuses]++
	}
	if got[200] != 2 || got[503] != 1 {
		t.Errorf("statuses = %v, want two answers and one 503", got)
	}
}
