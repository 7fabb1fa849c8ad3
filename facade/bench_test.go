package facade_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// BenchmarkChartPage measures the facade's own cost for the chart page
// (the sandbox answers at once): with no cache, where every run makes its
// six upstream calls, and with a warm cache, where it makes none.
func BenchmarkChartPage(b *testing.B) {
	for _, tc := range []struct {
		name  string
		cache bool
	}{{"cold", false}, {"warm", true}} {
		b.Run(tc.name, func(b *testing.B) {
			sb := sandbox.New()
			rest := httptest.NewServer(sb)
			defer rest.Close()
			c, _ := upstream.New(rest.URL, rest.Client(), nil)
			if tc.cache {
				c = c.WithCache(upstream.NewCache(upstream.CacheOptions{}))
			}
			srv := httptest.NewServer(facade.New(facade.Options{Upstream: c}))
			defer srv.Close()

			var chart string
			for _, ch := range sb.Data().Charts {
				if !ch.IsHidden && !ch.IsLocked {
					chart = ch.ID
					break
				}
			}
			body, _ := json.Marshal(map[string]any{"query": chartPageOp, "variables": map[string]any{"id": chart}})

			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}

// BenchmarkLikeUnlike measures the facade's own cost for a write and its
// fresh read (the sandbox answers at once): one run likes a chart and
// unlikes it, four upstream calls, as a signed-in caller.
func BenchmarkLikeUnlike(b *testing.B) {
	sb := sandbox.New()
	rest := httptest.NewServer(sb)
	defer rest.Close()
	c, _ := upstream.New(rest.URL, rest.Client(), nil)
	c = c.WithCache(upstream.NewCache(upstream.CacheOptions{}))
	srv := httptest.NewServer(facade.New(facade.Options{Upstream: c}))
	defer srv.Close()

	var chart string
	for _, ch := range sb.Data().Charts {
		if !ch.IsHidden && !ch.IsLocked {
			chart = ch.ID
			break
		}
	}
	token := sb.Tokens()[1].AccessToken
	post := func(doc string) {
		body, _ := json.Marshal(map[string]any{"query": doc, "variables": map[string]any{"id": chart}})
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var out struct{ Errors []any }
		_ = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if len(out.Errors) > 0 {
			b.Fatalf("%s: %v", doc, out.Errors)
		}
	}

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		post(`mutation($id: ID!) { likeChart(input: { chartId: $id }) { chart { likeCount dateLiked } } }`)
		post(`mutation($id: ID!) { unlikeChart(input: { chartId: $id }) { chart { likeCount dateLiked } } }`)
	}
}
