package upstream_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// A play's start is a GET that writes: it goes out with Cache-Control:
// no-store, and a cache under the client passes every one of them on.
func TestStartPlayPassesTheCacheBy(t *testing.T) {
	var got []*http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":0,"code":"Ok","data":{"token":"t","timestamp":1748750400123,` +
			`"chart":{"id":"c"}}}`))
	}))
	defer srv.Close()
	c, err := upstream.New(srv.URL, srv.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c = c.WithCache(upstream.NewCache(upstream.CacheOptions{TTL: time.Hour, ListTTL: time.Hour}))
	ctx := context.Background()

	p := upstream.NewPlay{ChartID: "a", ConfigurationID: "b", ApplicationID: "d", TeamID: "e"}
	for range 2 {
		started, err := c.StartPlay(ctx, p)
		if err != nil || started.Token != "t" || started.Timestamp != 1748750400123 || started.Chart.ID != "c" {
			t.Fatalf("StartPlay = %+v, %v", started, err)
		}
	}
	if _, err := c.StartTapTapPlay(ctx, "a", 80, 160); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("the upstream got %d requests, want 3", len(got))
	}
	want := []string{
		"/player/play?applicationId=d&chartId=a&configurationId=b&teamId=e",
		"/player/play?applicationId=d&chartId=a&configurationId=b&teamId=e",
		"/player/play/tapTap?chartId=a&goodJudgment=160&perfectJudgment=80",
	}
	for i, r := range got {
		if r.Method != http.MethodGet || r.URL.RequestURI() != want[i] || r.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("request %d: %s %s Cache-Control %q, want GET %s no-store", i, r.Method, r.URL.RequestURI(),
				r.Header.Get("Cache-Control"), want[i])
		}
	}
}
