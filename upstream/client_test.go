package upstream_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// basePath is the prefix the test server lives under; a client that built
// absolute paths would miss it.
const basePath = "/api"

// seen is what the test server received.
type seen struct {
	mu       sync.Mutex
	count    int
	method   string
	path     string // escaped, without basePath
	rawQuery string
	header   http.Header
	body     string
}

// last returns a copy of the last request's fields.
func (s *seen) last() seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return seen{count: s.count, method: s.method, path: s.path, rawQuery: s.rawQuery,
		header: s.header, body: s.body}
}

// newTestClient serves h under basePath on a loopback httptest server and
// returns a client for it and a record of the requests.
func newTestClient(t *testing.T, h http.HandlerFunc) (*upstream.Client, *seen) {
	t.Helper()
	rec := &seen{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.count++
		rec.method, rec.rawQuery, rec.header = r.Method, r.URL.RawQuery, r.Header.Clone()
		rec.path, rec.body = strings.TrimPrefix(r.URL.EscapedPath(), basePath), string(body)
		rec.mu.Unlock()
		if !strings.HasPrefix(r.URL.EscapedPath(), basePath+"/") {
			http.Error(w, "outside base path", http.StatusTeapot)
			return
		}
		h(w, r)
	}))
	t.Cleanup(srv.Close)

	c, err := upstream.New(srv.URL+basePath+"/", srv.Client(), nil)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, rec
}

// reply answers with status and a JSON body (none when body is "").
func reply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if body != "" {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

const okEmpty = `{"status":0,"code":"Ok","message":null,"errors":null,"dateAvailable":null,
"total":null,"perPage":null,"hasPrevious":null,"hasNext":null,"data":null}`

func TestGetRequestLine(t *testing.T) {
	search := "a&b#c/../d =?"
	tests := []struct {
		name      string
		route     string
		params    upstream.Params
		query     url.Values
		wantPath  string
		wantQuery url.Values
	}{
		{name: "plain", route: "/charts", wantPath: "/charts"},
		{
			name:     "guid param",
			route:    "/charts/{id}",
			params:   upstream.Params{"id": "0b7a1c2e-5d7f-4a8e-9c0d-1e2f3a4b5c6d"},
			wantPath: "/charts/0b7a1c2e-5d7f-4a8e-9c0d-1e2f3a4b5c6d",
		},
		{
			name:     "traversal stays one segment",
			route:    "/charts/{id}",
			params:   upstream.Params{"id": "a/../b"},
			wantPath: "/charts/a%2F..%2Fb",
		},
		{
			name:     "two params and reserved characters",
			route:    "/users/{id}/{kind}",
			params:   upstream.Params{"id": "7", "kind": "x?y#z %"},
			wantPath: "/users/7/x%3Fy%23z%20%25",
		},
		{
			name:  "list options",
			route: "/charts",
			query: upstream.EncodeQuery(upstream.ListOptions{
				Page: 2, PerPage: 50, Order: []string{"dateCreated", "title"},
				Desc: []bool{true, false}, Search: search,
			}),
			wantPath: "/charts",
			wantQuery: url.Values{
				"Page": {"2"}, "PerPage": {"50"}, "Order": {"dateCreated", "title"},
				"Desc": {"true", "false"}, "Search": {search},
			},
		},
		{
			name:      "repeated RangeId",
			route:     "/songs",
			query:     url.Values{"RangeId": {"a", "b", "c"}},
			wantPath:  "/songs",
			wantQuery: url.Values{"RangeId": {"a", "b", "c"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newTestClient(t, reply(200, okEmpty))

			_, err := c.Get(context.Background(), tt.route, tt.params, tt.query, nil)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}

			got := rec.last()
			if got.method != http.MethodGet {
				t.Errorf("method = %q, want GET", got.method)
			}
			if got.path != tt.wantPath {
				t.Errorf("path = %q, want %q", got.path, tt.wantPath)
			}
			gotQuery, err := url.ParseQuery(got.rawQuery)
			if err != nil {
				t.Fatalf("query %q: %v", got.rawQuery, err)
			}
			if len(gotQuery) == 0 {
				gotQuery = nil
			}
			if !reflect.DeepEqual(gotQuery, tt.wantQuery) {
				t.Errorf("query = %v, want %v", gotQuery, tt.wantQuery)
			}
		})
	}
}

func TestRouteErrors(t *testing.T) {
	tests := []struct {
		name   string
		route  string
		params upstream.Params
	}{
		{"missing param", "/charts/{id}", nil},
		{"unused param", "/charts", upstream.Params{"id": "x"}},
		{"dot-dot value", "/charts/{id}", upstream.Params{"id": ".."}},
		{"dot value", "/charts/{id}", upstream.Params{"id": "."}},
		{"empty value", "/charts/{id}", upstream.Params{"id": ""}},
		{"unclosed brace", "/charts/{id", upstream.Params{"id": "x"}},
		{"stray brace", "/charts/id}", nil},
		{"empty placeholder", "/charts/{}", upstream.Params{"": "x"}},
		{"no leading slash", "charts", nil},
		{"query in route", "/charts?x=1", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newTestClient(t, reply(200, okEmpty))

			_, err := c.Get(context.Background(), tt.route, tt.params, nil, nil)
			if err == nil {
				t.Fatal("Get succeeded, want an error")
			}
			if n := rec.last().count; n != 0 {
				t.Errorf("server saw %d requests, want 0", n)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	// Headers Go's transport adds itself, besides ours.
	allowed := map[string]bool{"Accept-Encoding": true, "User-Agent": true}
	tests := []struct {
		name   string
		caller *upstream.Caller
		extra  http.Header
		want   http.Header
	}{
		{
			name:   "anonymous",
			caller: nil,
			want:   http.Header{"Accept": {"application/json"}},
		},
		{
			name:   "signed in",
			caller: &upstream.Caller{Authorization: "Bearer tok", AcceptLanguage: "zh-CN"},
			want: http.Header{
				"Accept": {"application/json"}, "Authorization": {"Bearer tok"},
				"Accept-Language": {"zh-CN"},
			},
		},
		{
			name:   "request headers cannot override the caller",
			caller: &upstream.Caller{Authorization: "Bearer tok"},
			extra: http.Header{
				"Authorization": {"Bearer other"}, "Accept": {"text/html"},
				"Accept-Language": {"fr"}, "If-None-Match": {"abc="},
			},
			want: http.Header{
				"Accept": {"application/json"}, "Authorization": {"Bearer tok"},
				"If-None-Match": {"abc="},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newTestClient(t, reply(200, okEmpty))
			ctx := context.Background()
			if tt.caller != nil {
				ctx = upstream.WithCaller(ctx, *tt.caller)
			}

			_, err := c.Do(ctx, upstream.Request{Route: "/me", Header: tt.extra}, nil)
			if err != nil {
				t.Fatalf("Do: %v", err)
			}

			got := rec.last().header
			for name := range allowed {
				got.Del(name)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("headers = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDoWrite(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"new-id"}}`))

	var out struct {
		ID string `json:"id"`
	}
	_, err := c.Do(context.Background(), upstream.Request{
		Method: http.MethodPost, Route: "/charts/{id}/votes", Params: upstream.Params{"id": "c1"},
		Body: strings.NewReader(`{"arrangement":5}`), ContentType: "application/json",
	}, &out)
	if err != nil {
		t.Fatalf("Do: %v", err)
	}

	got := rec.last()
	if got.method != http.MethodPost || got.path != "/charts/c1/votes" {
		t.Errorf("request = %s %s, want POST /charts/c1/votes", got.method, got.path)
	}
	if ct := got.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
	if got.body != `{"arrangement":5}` {
		t.Errorf("body = %q", got.body)
	}
	if out.ID != "new-id" {
		t.Errorf("id = %q, want new-id", out.ID)
	}
}

// item is a stand-in for a decoded resource.
type item struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func TestDecodeSuccess(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		body     string
		out      any
		wantOut  any
		wantPage upstream.Page
	}{
		{
			name:   "list with page info",
			status: 200,
			body: `{"status":0,"code":"Ok","message":null,"errors":null,"dateAvailable":null,
				"total":42,"perPage":30,"hasPrevious":true,"hasNext":true,
				"data":[{"id":"a","title":"A"},{"id":"b","title":"B"}]}`,
			out:      &[]item{},
			wantOut:  &[]item{{"a", "A"}, {"b", "B"}},
			wantPage: upstream.Page{Total: 42, PerPage: 30, HasPrevious: true, HasNext: true},
		},
		{
			name:    "single",
			status:  200,
			body:    `{"status":0,"code":"Ok","data":{"id":"a","title":"A","extra":1}}`,
			out:     &item{},
			wantOut: &item{"a", "A"},
		},
		{
			name:    "created",
			status:  201,
			body:    `{"status":0,"code":"Ok","data":{"id":"n"}}`,
			out:     &item{},
			wantOut: &item{ID: "n"},
		},
		{name: "no content", status: 204, out: &item{Title: "kept"}, wantOut: &item{Title: "kept"}},
		{name: "null data", status: 200, body: okEmpty, out: &item{}, wantOut: &item{}},
		{name: "nil out", status: 200, body: `{"status":0,"code":"Ok","data":[1,2]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, reply(tt.status, tt.body))

			page, err := c.Get(context.Background(), "/x", nil, nil, tt.out)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if page != tt.wantPage {
				t.Errorf("page = %+v, want %+v", page, tt.wantPage)
			}
			if !reflect.DeepEqual(tt.out, tt.wantOut) {
				t.Errorf("out = %+v, want %+v", tt.out, tt.wantOut)
			}
		})
	}
}

func TestDecodeDataMismatch(t *testing.T) {
	c, _ := newTestClient(t, reply(200, `{"status":0,"code":"Ok","data":"text"}`))

	var out item
	_, err := c.Get(context.Background(), "/x/{id}", upstream.Params{"id": "1"}, nil, &out)
	var uerr *upstream.Error
	if !errors.As(err, &uerr) || uerr.HTTPStatus != 200 {
		t.Fatalf("err = %v, want an *Error of the 200 answer: the upstream broke its contract", err)
	}
	if !strings.Contains(err.Error(), "/x/{id}") {
		t.Errorf("err = %q, want the route template in it", err)
	}
}

func TestDeadline(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"before headers", func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}},
		{"during body", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			io.WriteString(w, `{"status":0,"code":"Ok","data":[`)
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, tt.handler)
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()

			_, err := c.Get(ctx, "/charts/{id}", upstream.Params{"id": "secret-id"}, nil, nil)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("err = %v, want context.DeadlineExceeded", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "upstream GET /charts/{id}: ") ||
				strings.Contains(msg, "secret-id") {
				t.Errorf("err = %q, want the route template and not the path", msg)
			}
		})
	}
}

func TestTransportFailure(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close() // nothing listens on its loopback port any more
	c, err := upstream.New(srv.URL, nil, nil)
	if err != nil {
		t.Fatal(err)
	}

	_, err = c.Get(context.Background(), "/me", nil, nil, nil)
	var uerr *upstream.Error
	if err == nil || errors.As(err, &uerr) {
		t.Fatalf("err = %v, want a transport error", err)
	}
	if !strings.HasPrefix(err.Error(), "upstream GET /me: ") {
		t.Errorf("err = %q, want the upstream prefix", err)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://api.phizone.cn", true},
		{"http://127.0.0.1:8080/api/", true},
		{"", false},
		{"api.phizone.cn", false},
		{"ftp://127.0.0.1", false},
		{"http://", false},
		{"http://user:pass@127.0.0.1", false},
		{"http://127.0.0.1/?x=1", false},
		{"http://127.0.0.1/#top", false},
	}
	for _, tt := range tests {
		_, err := upstream.New(tt.url, nil, nil)
		if (err == nil) != tt.ok {
			t.Errorf("New(%q) error = %v, want ok = %v", tt.url, err, tt.ok)
		}
	}
}

func TestDefaultClientFollowsNoRedirect(t *testing.T) {
	target := httptest.NewServer(reply(200, okEmpty))
	defer target.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/me", http.StatusFound)
	}))
	defer srv.Close()
	c, err := upstream.New(srv.URL, nil, nil)
	if err != nil {
		t.Fatal(err)
	}

	_, err = c.Get(context.Background(), "/me", nil, nil, nil)
	var uerr *upstream.Error
	if !errors.As(err, &uerr) || uerr.HTTPStatus != http.StatusFound {
		t.Errorf("err = %v, want *Error with status 302", err)
	}
}
