package facade_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

func TestGETQuery(t *testing.T) {
	e := newEnv(t)
	q := url.Values{"query": {`{ charts(first: 2) { nodes { id } } }`}}
	resp, err := http.Get(e.facade.URL + "/graphql?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()

	var a struct {
		Data struct {
			Charts struct{ Nodes []struct{ ID string } }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /graphql: %d, %v", resp.StatusCode, err)
	}
	if len(a.Data.Charts.Nodes) != 2 {
		t.Errorf("got %+v", a.Data)
	}
}

func TestPlaygroundAndHealth(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ path, contains string }{
		{"/", "graphiql"},
		{"/healthz", "ok"},
	}
	for _, tt := range tests {
		resp, err := http.Get(e.facade.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(strings.ToLower(string(body)), tt.contains) {
			t.Errorf("GET %s: %d, body without %q", tt.path, resp.StatusCode, tt.contains)
		}
	}

	resp, _ := http.Get(e.facade.URL + "/nothing-here")
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("GET /nothing-here: %d, want 404", resp.StatusCode)
	}
}

func TestCORSPreflight(t *testing.T) {
	e := newEnv(t)
	req, _ := http.NewRequest(http.MethodOptions, e.facade.URL+"/graphql", nil)
	req.Header.Set("Origin", "https://app.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	if resp.Header.Get("Access-Control-Allow-Origin") != "*" ||
		!strings.Contains(strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")), "authorization") {
		t.Errorf("preflight headers = %v", resp.Header)
	}
	if n, _ := e.calls(); n != 0 {
		t.Errorf("a preflight made %d upstream calls", n)
	}
}

// The README's GraphQL examples run as they are written there.
func TestReadmeQueries(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 4 {
		t.Fatalf("README has %d GraphQL examples, want at least 4", len(blocks))
	}

	e := newEnv(t)
	var list struct {
		Charts struct{ Nodes []struct{ ID string } }
	}
	e.mustQuery(blocks[0][1], nil, &list)
	if len(list.Charts.Nodes) == 0 {
		t.Fatal("the README's first query returned no chart")
	}
	if n, _ := e.calls(); n != 2 {
		t.Errorf("the README says the first query costs two upstream calls; it cost %d", n)
	}

	e.mustQuery(blocks[1][1], map[string]any{"id": list.Charts.Nodes[0].ID}, nil)

	tokens := e.sandbox.Tokens()
	var viewer struct{ Me struct{ UserName string } }
	if a := e.query(blocks[2][1], nil, tokens[0].AccessToken, &viewer); len(a.Errors) > 0 || viewer.Me.UserName != tokens[0].UserName {
		t.Errorf("the README's Viewer query: %+v, %+v", viewer, a.Errors)
	}
	var signIn struct{ Login struct{ AccessToken string } }
	if a := e.query(blocks[3][1], nil, "", &signIn); len(a.Errors) > 0 || signIn.Login.AccessToken == "" {
		t.Errorf("the README's sign-in: %+v, %+v", signIn, a.Errors)
	}

	var like struct {
		LikeChart struct {
			Chart struct {
				LikeCount int
				DateLiked *string
			}
		}
	}
	likeDoc := blocks[4][1]
	if !strings.Contains(likeDoc, "likeChart") {
		t.Fatalf("the README's fifth GraphQL example is not the like: %s", likeDoc)
	}
	chartID := list.Charts.Nodes[0].ID
	before := rest[struct{ LikeCount int }](e, "/charts/"+dbID(t, chartID), nil).LikeCount
	e.mustQueryAs(likeDoc, map[string]any{"chartId": chartID}, tokens[1].AccessToken, &like)
	if like.LikeChart.Chart.LikeCount != before+1 || like.LikeChart.Chart.DateLiked == nil {
		t.Errorf("the README's like: %+v, the chart had %d likes before", like.LikeChart.Chart, before)
	}

	for _, tok := range tokens {
		if !strings.Contains(string(readme), tok.AccessToken) || !strings.Contains(string(readme), tok.Password) {
			t.Errorf("the README does not list the sandbox sign-in of %s", tok.UserName)
		}
	}
}

// Production setups can refuse introspection and serve no playground.
func TestIntrospectionAndPlaygroundOff(t *testing.T) {
	sb := sandbox.New()
	rest := httptest.NewServer(sb)
	defer rest.Close()
	client, _ := upstream.New(rest.URL, rest.Client(), nil)
	srv := httptest.NewServer(facade.New(facade.Options{Upstream: client, NoIntrospection: true, NoPlayground: true}))
	defer srv.Close()
	e := &env{t: t, sandbox: sb, rest: rest, facade: srv}

	if a := e.query(`{ __schema { types { name } } }`, nil, "", nil); len(a.Errors) == 0 {
		t.Error("introspection answered, want it refused")
	}
	if a := e.query(`{ charts(first: 1) { totalCount } }`, nil, "", nil); len(a.Errors) > 0 {
		t.Errorf("a query failed: %+v", a.Errors)
	}
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET / = %d, want 404 without the playground", resp.StatusCode)
	}
}
