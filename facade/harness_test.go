package facade_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// env is a facade in front of a fresh sandbox, both on loopback.
//
// The cache of upstream answers is explicit: [newEnv] has none, so a test
// counts the upstream calls of an operation however often it runs it (the
// tests of loaders, batching and writes rely on that, and several change
// the sandbox's data behind the facade's back); [newCachedEnv] has one,
// for the tests of the cache. The product's default (server.go) has it on.
type env struct {
	t       *testing.T
	sandbox *sandbox.Server
	rest    *httptest.Server
	facade  *httptest.Server
	cache   *upstream.Cache // nil: no cache
}

// newEnv is an env without a cache: every read reaches the sandbox.
func newEnv(t *testing.T) *env {
	t.Helper()
	return newEnvWith(t, nil)
}

// newCachedEnv is an env whose upstream client has a cache made with opts.
func newCachedEnv(t *testing.T, opts upstream.CacheOptions) *env {
	t.Helper()
	return newEnvWith(t, upstream.NewCache(opts))
}

func newEnvWith(t *testing.T, cache *upstream.Cache) *env {
	t.Helper()
	sb := sandbox.New()
	track(sb)
	rest := httptest.NewServer(sb)
	t.Cleanup(rest.Close)

	client, err := upstream.New(rest.URL, rest.Client(), nil)
	if err != nil {
		t.Fatalf("upstream.New: %v", err)
	}
	client = client.WithCache(cache)
	srv := httptest.NewServer(facade.New(facade.Options{
		Upstream:    client,
		Credentials: upstream.Credentials{ClientID: sandbox.ClientID},
	}))
	t.Cleanup(srv.Close)

	return &env{t: t, sandbox: sb, rest: rest, facade: srv, cache: cache}
}

// dbID returns the upstream ID inside a global ID, for comparing with the
// upstream's own answers.
func dbID(t *testing.T, gid string) string {
	t.Helper()
	_, id, err := globalid.Decode(gid)
	if err != nil {
		t.Fatalf("id %q: %v", gid, err)
	}
	return id
}

// gqlError is one error of a GraphQL answer.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// answer is a GraphQL answer.
type answer struct {
	Data       json.RawMessage `json:"data"`
	Errors     []gqlError      `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
}

// query posts a GraphQL document with variables (and a token when not
// empty) and decodes the answer's data into out. The sandbox's request log
// is cleared first, so e.calls() counts this operation's upstream calls.
func (e *env) query(doc string, vars map[string]any, token string, out any) answer {
	e.t.Helper()
	e.sandbox.ResetRequests()
	a, err := e.post(doc, vars, token, out)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

// post is query without clearing the request log, safe to call from
// several goroutines at once: it returns its failures.
func (e *env) post(doc string, vars map[string]any, token string, out any) (answer, error) {
	body, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{}, fmt.Errorf("POST /graphql: %w", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)

	var a answer
	if err := json.Unmarshal(raw, &a); err != nil {
		return a, fmt.Errorf("answer is not JSON (%d): %s", resp.StatusCode, raw)
	}
	if out != nil && len(a.Data) > 0 && string(a.Data) != "null" {
		if err := json.Unmarshal(a.Data, out); err != nil {
			return a, fmt.Errorf("decode data: %w\n%s", err, a.Data)
		}
	}
	return a, nil
}

// mustQuery is query for operations that must not fail.
func (e *env) mustQuery(doc string, vars map[string]any, out any) {
	e.t.Helper()
	if a := e.query(doc, vars, "", out); len(a.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", a.Errors)
	}
}

// mustQueryAs is mustQuery with a token.
func (e *env) mustQueryAs(doc string, vars map[string]any, token string, out any) {
	e.t.Helper()
	if a := e.query(doc, vars, token, out); len(a.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", a.Errors)
	}
}

// calls counts the upstream requests since the last query, by route.
func (e *env) calls() (int, map[string]int) {
	byRoute := map[string]int{}
	reqs := e.sandbox.Requests()
	for _, r := range reqs {
		byRoute[r.Method+" "+r.Route]++
	}
	return len(reqs), byRoute
}

// restEnvelope is the upstream's envelope as the test reads it directly.
type restEnvelope[T any] struct {
	Status int    `json:"status"`
	Code   string `json:"code"`
	Total  int    `json:"total"`
	Data   T      `json:"data"`
}

// rest reads the sandbox directly, as a REST client would, for expected
// values; it does not count toward e.calls of the next query.
func rest[T any](e *env, path string, query url.Values) T {
	e.t.Helper()
	u := e.rest.URL + path
	if query != nil {
		u += "?" + query.Encode()
	}
	resp, err := http.Get(u)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()

	var env restEnvelope[T]
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		e.t.Fatalf("GET %s: decode: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		e.t.Fatalf("GET %s: %d %s", path, resp.StatusCode, env.Code)
	}
	return env.Data
}

// restTotal reads the total of a list route directly.
func restTotal(e *env, path string, query url.Values) int {
	e.t.Helper()
	q := url.Values{"PerPage": {"1"}}
	for k, v := range query {
		q[k] = v
	}
	resp, err := http.Get(e.rest.URL + path + "?" + q.Encode())
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	var env restEnvelope[json.RawMessage]
	_ = json.NewDecoder(resp.Body).Decode(&env)
	return env.Total
}
