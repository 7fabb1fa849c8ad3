package facade_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// The facade forwards the caller's Authorization and Accept-Language to
// the upstream, and no other header of the caller's.
func TestForwardsOnlyTheCallersTokenAndLanguage(t *testing.T) {
	sb := sandbox.New()
	var (
		mu   sync.Mutex
		seen []http.Header
	)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Header.Clone())
		mu.Unlock()
		sb.ServeHTTP(w, r)
	}))
	defer up.Close()
	client, err := upstream.New(up.URL, up.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(facade.New(facade.Options{Upstream: client}))
	defer srv.Close()

	token := sb.Tokens()[1].AccessToken
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql",
		bytes.NewReader([]byte(`{"query":"{ me { userName } charts(first: 2) { nodes { owner { userName } } } }"}`)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept-Language", "ja-JP")
	req.Header.Set("Cookie", "session=secret")
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	req.Header.Set("X-Custom", "nope")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	if len(seen) < 3 {
		t.Fatalf("the upstream saw %d requests, want 3", len(seen))
	}
	for _, h := range seen {
		if h.Get("Authorization") != "Bearer "+token || h.Get("Accept-Language") != "ja-JP" {
			t.Errorf("upstream request lacks the caller's token or language: %v", h)
		}
		for _, leaked := range []string{"Cookie", "X-Forwarded-For", "X-Custom"} {
			if h.Get(leaked) != "" {
				t.Errorf("the caller's %s reached the upstream", leaked)
			}
		}
	}
}
