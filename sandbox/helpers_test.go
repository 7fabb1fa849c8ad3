package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// shared is a server the read-only tests share; tests that change data or
// count requests make their own.
var shared = sync.OnceValue(New)

// answer is a decoded envelope.
type answer struct {
	Status        int             `json:"status"`
	Code          string          `json:"code"`
	Message       *string         `json:"message"`
	Errors        []fieldError    `json:"errors"`
	DateAvailable *string         `json:"dateAvailable"`
	Total         *int            `json:"total"`
	PerPage       *int            `json:"perPage"`
	HasPrevious   *bool           `json:"hasPrevious"`
	HasNext       *bool           `json:"hasNext"`
	Data          json.RawMessage `json:"data"`

	code int
	raw  []byte
	head http.Header
}

type opt func(r *http.Request)

func token(t string) opt {
	return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+t) }
}

func header(k, v string) opt { return func(r *http.Request) { r.Header.Set(k, v) } }

func serve(s *Server, method, target string, opts ...opt) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for _, o := range opts {
		o(r)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// get serves a GET and decodes the envelope when there is a body.
func get(t *testing.T, s *Server, target string, opts ...opt) answer {
	t.Helper()
	w := serve(s, http.MethodGet, target, opts...)
	a := answer{code: w.Code, raw: w.Body.Bytes(), head: w.Header()}
	if len(a.raw) > 0 {
		if err := json.Unmarshal(a.raw, &a); err != nil {
			t.Fatalf("GET %s: body is not JSON: %v\n%s", target, err, a.raw)
		}
	}
	return a
}

// list serves a list GET that must succeed and decodes its items.
func list[T any](t *testing.T, s *Server, target string, opts ...opt) ([]T, answer) {
	t.Helper()
	a := get(t, s, target, opts...)
	if a.code != http.StatusOK || a.Status != 0 {
		t.Fatalf("GET %s: got %d %s, want 200 Ok\n%s", target, a.code, a.Code, a.raw)
	}
	var items []T
	if err := json.Unmarshal(a.Data, &items); err != nil {
		t.Fatalf("GET %s: data is not a list: %v", target, err)
	}
	return items, a
}

// one serves a single GET that must succeed and decodes its data.
func one[T any](t *testing.T, s *Server, target string, opts ...opt) (T, answer) {
	t.Helper()
	var v T
	a := get(t, s, target, opts...)
	if a.code != http.StatusOK {
		t.Fatalf("GET %s: got %d, want 200\n%s", target, a.code, a.raw)
	}
	if err := json.Unmarshal(a.Data, &v); err != nil {
		t.Fatalf("GET %s: cannot decode data: %v", target, err)
	}
	return v, a
}

func postForm(s *Server, target string, form url.Values) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// The decoded shapes tests look at: only what they check.
type (
	chartOut struct {
		ID         string   `json:"id"`
		LevelType  int      `json:"levelType"`
		Level      string   `json:"level"`
		Difficulty float64  `json:"difficulty"`
		IsHidden   bool     `json:"isHidden"`
		IsRanked   bool     `json:"isRanked"`
		NoteCount  int      `json:"noteCount"`
		AuthorName *string  `json:"authorName"`
		SongID     string   `json:"songId"`
		OwnerID    int      `json:"ownerId"`
		DateLiked  *string  `json:"dateLiked"`
		Tags       []Tag    `json:"tags"`
		Song       *songOut `json:"song"`
		Created    string   `json:"dateCreated"`

		PersonalBestScore *int     `json:"personalBestScore"`
		PersonalBestRks   *float64 `json:"personalBestRks"`
	}
	songOut struct {
		ID          string            `json:"id"`
		Title       string            `json:"title"`
		Duration    string            `json:"duration"`
		Bpm         float64           `json:"bpm"`
		ChartLevels []ChartLevelCount `json:"chartLevels"`
		Tags        []Tag             `json:"tags"`
	}
	userOut struct {
		ID            int     `json:"id"`
		UserName      string  `json:"userName"`
		Role          string  `json:"role"`
		Region        Region  `json:"region"`
		FollowerCount int64   `json:"followerCount"`
		DateFollowed  *string `json:"dateFollowed"`
		Position      *string `json:"position"`
		Email         string  `json:"email"`
	}
	recordOut struct {
		ID       string   `json:"id"`
		Score    int      `json:"score"`
		Accuracy float64  `json:"accuracy"`
		Rks      float64  `json:"rks"`
		MaxCombo int      `json:"maxCombo"`
		Position *int     `json:"position"`
		ChartID  string   `json:"chartId"`
		Chart    *Chart   `json:"chart"`
		OwnerID  *int     `json:"ownerId"`
		Owner    *userOut `json:"owner"`
	}
)

func ids[T any](items []T, id func(T) string) map[string]bool {
	out := map[string]bool{}
	for _, it := range items {
		out[id(it)] = true
	}
	return out
}
