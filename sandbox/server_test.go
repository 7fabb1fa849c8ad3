package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

func TestEnvelopeHasEveryField(t *testing.T) {
	s := shared()
	chart := s.Data().Charts[0].ID
	tests := []struct {
		name, target string
		code         int
		paged        bool
	}{
		{"list", "/charts?PerPage=2", 200, true},
		{"single", "/charts/" + chart, 200, false},
		{"not found", "/songs/00000000-0000-0000-0000-000000000000", 404, false},
		{"invalid", "/charts?MinDifficulty=abc", 400, false},
	}
	want := []string{
		"code", "data", "dateAvailable", "errors", "hasNext", "hasPrevious", "message", "perPage",
		"status", "total",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := get(t, s, tt.target)
			if a.code != tt.code {
				t.Fatalf("status = %d, want %d", a.code, tt.code)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(a.raw, &m); err != nil {
				t.Fatal(err)
			}
			var keys []string
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, want) {
				t.Errorf("keys = %v, want %v", keys, want)
			}
			paged := a.Total != nil && a.PerPage != nil && a.HasNext != nil && a.HasPrevious != nil
			if paged != tt.paged {
				t.Errorf("paging fields set = %v, want %v", paged, tt.paged)
			}
		})
	}
}

func TestPagination(t *testing.T) {
	s := shared()
	tests := []struct {
		query            string
		perPage, items   int
		hasPrev, hasNext bool
	}{
		{query: "", perPage: 30, items: 30, hasNext: true},
		{query: "PerPage=0", perPage: 30, items: 30, hasNext: true},
		{query: "PerPage=-1", perPage: 1000, items: 240},
		{query: "PerPage=5000", perPage: 1000, items: 240},
		{query: "PerPage=999", perPage: 999, items: 240},
		{query: "PerPage=1000", perPage: 1000, items: 240},
		{query: "PerPage=7&Page=2", perPage: 7, items: 7, hasPrev: true, hasNext: true},
		{query: "perpage=7&PAGE=0", perPage: 7, items: 7, hasNext: true},
		{query: "PerPage=100&Page=3", perPage: 100, items: 40, hasPrev: true},
		{query: "PerPage=100&Page=9", perPage: 100, items: 0, hasPrev: true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			users, a := list[userOut](t, s, "/users?"+tt.query)
			if *a.PerPage != tt.perPage || len(users) != tt.items || *a.Total != 240 {
				t.Errorf("perPage %d, items %d, total %d; want %d, %d, 240",
					*a.PerPage, len(users), *a.Total, tt.perPage, tt.items)
			}
			if *a.HasPrevious != tt.hasPrev || *a.HasNext != tt.hasNext {
				t.Errorf("hasPrevious %v hasNext %v, want %v %v", *a.HasPrevious, *a.HasNext, tt.hasPrev, tt.hasNext)
			}
			if string(a.Data) == "null" {
				t.Error("data is null, want a list")
			}
		})
	}
}

func TestOrder(t *testing.T) {
	s := shared()
	t.Run("difficulty desc", func(t *testing.T) {
		charts, _ := list[chartOut](t, s, "/charts?Order=difficulty&Desc=true&PerPage=-1")
		if !slices.IsSortedFunc(charts, func(a, b chartOut) int { return cmpF(b.Difficulty, a.Difficulty) }) {
			t.Error("charts are not by difficulty descending")
		}
	})
	t.Run("two keys", func(t *testing.T) {
		target := "/charts?Order=LevelType&Order=NoteCount&Desc=false&Desc=true&PerPage=-1"
		charts, _ := list[chartOut](t, s, target)
		for i := 1; i < len(charts); i++ {
			a, b := charts[i-1], charts[i]
			if a.LevelType > b.LevelType || a.LevelType == b.LevelType && a.NoteCount < b.NoteCount {
				t.Fatalf("rows %d and %d out of order: %+v %+v", i-1, i, a, b)
			}
		}
	})
	t.Run("default date created", func(t *testing.T) {
		charts, _ := list[chartOut](t, s, "/charts?PerPage=-1")
		if !slices.IsSortedFunc(charts, func(a, b chartOut) int { return cmpS(a.Created, b.Created) }) {
			t.Error("charts are not by dateCreated")
		}
	})
	t.Run("users by id, unknown field by id", func(t *testing.T) {
		for _, q := range []string{"", "&Order=nonsense"} {
			users, _ := list[userOut](t, s, "/users?PerPage=-1"+q)
			if !slices.IsSortedFunc(users, func(a, b userOut) int { return a.ID - b.ID }) {
				t.Errorf("users%s are not by id", q)
			}
		}
	})
}

func cmpF(a, b float64) int { return cmp3(a < b, a > b) }

func cmpS(a, b string) int { return cmp3(a < b, a > b) }

func TestInvalidData(t *testing.T) {
	s := shared()
	chart := s.Data().Charts[0].ID
	tests := []struct{ target, field string }{
		{"/charts?MinDifficulty=abc", "MinDifficulty"},
		{"/charts?RangeId=not-a-guid", "RangeId"},
		{"/charts?RangeLevelType=99", "RangeLevelType"},
		{"/charts?IsRanked=yes", "IsRanked"},
		{"/songs?MinDuration=forever", "MinDuration"},
		{"/users?Page=first", "Page"},
		{"/users?Desc=maybe", "Desc"},
		{"/records?EarliestDateCreated=yesterday", "EarliestDateCreated"},
		{"/events/divisions?HasAnonymization=1", "HasAnonymization"},
		{"/charts/" + chart + "/leaderboard?TopRange=0", "TopRange"},
		{"/charts/" + chart + "/leaderboard?NeighborhoodRange=x", "NeighborhoodRange"},
		{"/songs/" + chart + "/charts?MaxRating=high", "MaxRating"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			a := get(t, s, tt.target)
			if a.code != http.StatusBadRequest || a.Status != 2 || a.Code != "InvalidData" {
				t.Fatalf("got %d status %d %s, want 400 status 2 InvalidData", a.code, a.Status, a.Code)
			}
			if len(a.Errors) != 1 || a.Errors[0].Field != tt.field || len(a.Errors[0].Errors) == 0 {
				t.Errorf("errors = %+v, want one for %s", a.Errors, tt.field)
			}
		})
	}
	if a := get(t, s, "/charts?Unknown=1&perpage=2"); a.code != http.StatusOK {
		t.Errorf("unknown parameter: got %d, want 200", a.code)
	}
}

func TestNotFound(t *testing.T) {
	s := shared()
	missing := "0f8fad5b-d9cb-469f-a165-70867728950e"
	tests := []struct {
		method, target string
		code           int
		envelopeCode   string
	}{
		{"GET", "/charts/" + missing, 404, "ResourceNotFound"},
		{"GET", "/charts/" + missing + "/leaderboard", 404, "ResourceNotFound"},
		{"GET", "/songs/" + missing + "/charts", 404, "ResourceNotFound"},
		{"GET", "/users/99999", 404, "UserNotFound"},
		{"GET", "/users/99999/followers", 404, "UserNotFound"},
		{"GET", "/regions/ZZ", 404, "ResourceNotFound"},
		{"GET", "/comments/" + missing + "/replies", 404, "ResourceNotFound"},
		{"GET", "/charts/not-a-guid", 404, ""},
		{"GET", "/users/abc", 404, ""},
		{"GET", "/nowhere", 404, ""},
		{"PUT", "/charts", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			w := serve(s, tt.method, tt.target)
			if w.Code != tt.code {
				t.Fatalf("status = %d, want %d", w.Code, tt.code)
			}
			if tt.envelopeCode == "" {
				if w.Body.Len() != 0 {
					t.Errorf("body = %q, want empty", w.Body)
				}
				return
			}
			var a answer
			err := json.Unmarshal(w.Body.Bytes(), &a)
			if err != nil || a.Status != 1 || a.Code != tt.envelopeCode {
				t.Errorf("body = %s, want status 1 %s", w.Body, tt.envelopeCode)
			}
		})
	}
}

func TestETag(t *testing.T) {
	s := shared()
	d := s.Data()
	for _, target := range []string{
		"/charts/" + d.Charts[3].ID, "/songs/" + d.Songs[3].ID, "/users/5", "/records/" + d.Records[9].ID,
		"/comments/" + d.Comments[2].ID, "/events/" + d.Events[0].ID, "/events/divisions/" + d.Divisions[0].ID,
		"/tags/" + d.Tags[0].ID, "/regions/CN", "/replies/" + d.Replies[0].ID,
		"/authorships/" + d.Authorships[0].ID,
	} {
		t.Run(target, func(t *testing.T) {
			first := serve(s, "GET", target)
			tag := first.Header().Get("ETag")
			if first.Code != 200 || tag == "" {
				t.Fatalf("got %d with ETag %q, want 200 with a tag", first.Code, tag)
			}
			again := serve(s, "GET", target, header("If-None-Match", tag))
			if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
				t.Errorf("revalidation: got %d with %d bytes, want 304 and no body", again.Code, again.Body.Len())
			}
			if stale := serve(s, "GET", target, header("If-None-Match", "stale")); stale.Code != 200 {
				t.Errorf("stale tag: got %d, want 200", stale.Code)
			}
		})
	}
	if tag := serve(s, "GET", "/charts").Header().Get("ETag"); tag != "" {
		t.Errorf("list has ETag %q, want none", tag)
	}
}

func TestETagDependsOnCaller(t *testing.T) {
	s := shared()
	d := s.Data()
	var liked string
	for _, l := range d.Likes {
		if l.OwnerID == 2 && d.Chart(l.ResourceID) != nil {
			liked = l.ResourceID
			break
		}
	}
	anon := serve(s, "GET", "/charts/"+liked).Header().Get("ETag")
	alice := serve(s, "GET", "/charts/"+liked, token("sandbox-alice-token")).Header().Get("ETag")
	if anon == alice {
		t.Error("anonymous and signed-in answers share an ETag")
	}
}

func TestUnauthorized(t *testing.T) {
	s := shared()
	for _, o := range []opt{func(*http.Request) {}, token("nope"), header("Authorization", "Basic x")} {
		w := serve(s, "GET", "/me", o)
		if w.Code != http.StatusUnauthorized || w.Body.Len() != 0 {
			t.Errorf("got %d with body %q, want 401 and empty", w.Code, w.Body)
		}
	}
	me, a := one[userOut](t, s, "/me", token("sandbox-admin-token"))
	if me.ID != 1 || me.Role != "Administrator" || me.Email == "" || a.head.Get("ETag") == "" {
		t.Errorf("me = %+v, want the administrator with email and an ETag", me)
	}
	if w := serve(s, "GET", "/charts?PerPage=1", token("nope")); w.Code != 200 {
		t.Errorf("anonymous route with a bad token: got %d, want 200", w.Code)
	}
}

func TestRequestLog(t *testing.T) {
	s := New()
	d := s.Data()
	serve(s, "GET", "/charts?PerPage=1")
	serve(s, "GET", "/events/divisions/"+d.Divisions[0].ID, token("sandbox-bob-token"))
	serve(s, "GET", "/users/7/followers")
	serve(s, "GET", "/regions/47")
	serve(s, "GET", "/regions/JP/users")
	serve(s, "GET", "/nowhere")
	want := []Request{
		{Method: "GET", Route: "/charts", Status: 200},
		{Method: "GET", Route: "/events/divisions/{id}", Status: 200, Authenticated: true},
		{Method: "GET", Route: "/users/{id}/followers", Status: 200},
		{Method: "GET", Route: "/regions/{id}", Status: 200},
		{Method: "GET", Route: "/regions/{code}/users", Status: 200},
		{Method: "GET", Route: "", Status: 404},
	}
	got := s.Requests()
	if len(got) != len(want) {
		t.Fatalf("logged %d requests, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Method != w.Method || g.Route != w.Route || g.Status != w.Status ||
			g.Authenticated != w.Authenticated {
			t.Errorf("request %d = %+v, want %+v", i, g, w)
		}
	}
	if got[0].Query.Get("PerPage") != "1" || got[0].Path != "/charts" {
		t.Errorf("request 0 path %q query %v", got[0].Path, got[0].Query)
	}
	s.ResetRequests()
	if n := len(s.Requests()); n != 0 {
		t.Errorf("after reset: %d requests", n)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := New()
	done := make(chan bool)
	for i := range 8 {
		go func() {
			for j := range 10 {
				serve(s, "GET", fmt.Sprintf("/charts?PerPage=5&Page=%d", j+1), token("sandbox-alice-token"))
				if i == 0 {
					s.Update(func(d *Data) { d.Charts[j].LikeCount++ })
				}
			}
			done <- true
		}()
	}
	for range 8 {
		<-done
	}
	if n := len(s.Requests()); n != 80 {
		t.Errorf("logged %d requests, want 80", n)
	}
}

func TestOverHTTP(t *testing.T) {
	s := New()
	srv := httptest.NewServer(s)
	defer srv.Close()

	target := srv.URL + "/charts/" + s.Data().Charts[0].ID
	resp, err := http.Get(target)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	tag := resp.Header.Get("ETag")

	req, _ := http.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("If-None-Match", tag)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 || resp.Header.Get("ETag") != tag {
		t.Errorf("revalidation over HTTP: %d, %d bytes, tag %q",
			resp.StatusCode, len(body), resp.Header.Get("ETag"))
	}
}
