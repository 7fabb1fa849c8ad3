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

// Two signed-in callers at once: every upstream call made for one carries
// that caller's token and no other.
func TestConcurrentCallersKeepTheirTokens(t *testing.T) {
	sb := sandbox.New()
	tokens := sb.Tokens()
	byLanguage := map[string]string{ // each caller tags its requests with a language
		"en-GB": "Bearer " + tokens[1].AccessToken,
		"ja-JP": "Bearer " + tokens[2].AccessToken,
	}
	var (
		mu       sync.Mutex
		mismatch []string
		seen     int
	)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen++
		if want := byLanguage[r.Header.Get("Accept-Language")]; r.Header.Get("Authorization") != want {
			mismatch = append(mismatch, r.URL.Path)
		}
		mu.Unlock()
		sb.ServeHTTP(w, r)
	}))
	defer up.Close()
	client, _ := upstream.New(up.URL, up.Client(), nil)
	srv := httptest.NewServer(facade.New(facade.Options{Upstream: client}))
	defer srv.Close()

	const doc = `{"query":"{ me { userName } charts(first: 10) { nodes { dateLiked personalBestScore owner { userName } comments(first: 2) { nodes { dateLiked } } } } }"}`
	var wg sync.WaitGroup
	for i := range 40 {
		lang := "en-GB"
		if i%2 == 1 {
			lang = "ja-JP"
		}
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader([]byte(doc)))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", byLanguage[lang])
			req.Header.Set("Accept-Language", lang)
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()

	if seen < 40*3 {
		t.Fatalf("the upstream saw %d calls, want at least 120", seen)
	}
	if len(mismatch) > 0 {
		t.Errorf("%d upstream calls carried another caller's token: %v", len(mismatch), mismatch)
	}
}
