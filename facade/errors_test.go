package facade_test

import (
	"testing"
)

func TestChartErrors(t *testing.T) {
	tests := []struct {
		name         string
		id           string
		code         string
		upstreamCode string
		calls        int
	}{
		{"missing GUID", "00000000-0000-4000-8000-000000000000", "NOT_FOUND", "ResourceNotFound", 1},
		{"not a GUID", "x", "BAD_USER_INPUT", "", 0},
		{"path tricks", "../users/1", "BAD_USER_INPUT", "", 0},
	}
	e := newEnv(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct{ Chart *struct{ ID string } }
			a := e.query(`query($id: ID!) { chart(id: $id) { id } }`, map[string]any{"id": tt.id}, "", &got)
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("upstream calls = %d, want %d", n, tt.calls)
			}
			if got.Chart != nil {
				t.Errorf("chart = %+v, want null", got.Chart)
			}
			if len(a.Errors) != 1 {
				t.Fatalf("errors = %+v, want one", a.Errors)
			}
			ext := a.Errors[0].Extensions
			if ext["code"] != tt.code {
				t.Errorf("code = %v, want %s", ext["code"], tt.code)
			}
			if tt.upstreamCode != "" && (ext["upstreamCode"] != tt.upstreamCode || ext["upstreamStatus"] != float64(404)) {
				t.Errorf("extensions = %v, want upstream 404 %s", ext, tt.upstreamCode)
			}
			if len(a.Errors[0].Path) != 1 || a.Errors[0].Path[0] != "chart" {
				t.Errorf("path = %v, want [chart]", a.Errors[0].Path)
			}
		})
	}
}

// A failed field leaves the rest of the answer intact.
func TestPartialAnswer(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Chart  *struct{ ID string }
		Charts struct{ TotalCount int }
	}
	a := e.query(`{ chart(id: "00000000-0000-4000-8000-000000000000") { id } charts(first: 1) { totalCount } }`, nil, "", &got)
	if len(a.Errors) != 1 || got.Chart != nil || got.Charts.TotalCount == 0 {
		t.Fatalf("got %+v with errors %+v; want a null chart, one error and the charts", got, a.Errors)
	}
}

func TestBadArguments(t *testing.T) {
	tests := []struct{ name, doc string }{
		{"first over 100", `{ charts(first: 101) { totalCount } }`},
		{"negative offset", `{ charts(offset: -1) { totalCount } }`},
		{"garbage cursor", `{ charts(after: "zzz") { totalCount } }`},
		{"user ID not a number", `{ user(id: "abc") { id } }`},
		{"leaderboard top 0", `{ charts(first: 1) { nodes { leaderboard(top: 0) { score } } } }`},
		{"region code", `{ region(code: "C/N") { name } }`},
	}
	e := newEnv(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(tt.doc, nil, "", nil)
			if len(a.Errors) == 0 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
				t.Fatalf("errors = %+v, want BAD_USER_INPUT", a.Errors)
			}
		})
	}
}

// A list that fails leaves its siblings, and its parent, intact.
func TestFailingListsArePartial(t *testing.T) {
	e := newEnv(t)
	var got struct {
		A *struct{ TotalCount int }
		B *struct{ TotalCount int }
		C *struct {
			Title    string
			Comments *struct{ TotalCount int }
		}
	}
	a := e.query(`{ a: charts(first: 101) { totalCount } b: songs(first: 1) { totalCount }
		c: song(id: "`+firstSongID(e)+`") { title comments(first: -1) { totalCount } } }`, nil, "", &got)
	if got.A != nil || got.B == nil || got.B.TotalCount == 0 || got.C == nil || got.C.Title == "" || got.C.Comments != nil {
		t.Errorf("got %+v; want a and c.comments null, b and c.title present", got)
	}
	if len(a.Errors) != 2 {
		t.Fatalf("errors = %+v, want two", a.Errors)
	}
	for _, err := range a.Errors {
		if err.Extensions["code"] != "BAD_USER_INPUT" || err.Extensions["argument"] == nil {
			t.Errorf("error %+v, want BAD_USER_INPUT naming its argument", err)
		}
	}
}

func firstSongID(e *env) string {
	var got struct {
		Songs struct{ Nodes []struct{ ID string } }
	}
	e.mustQuery(`{ songs(first: 1) { nodes { id } } }`, nil, &got)
	return got.Songs.Nodes[0].ID
}

func TestBadScalarsAndIDFilters(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name string
		doc  string
		vars map[string]any
	}{
		{"a date that is not one", `{ charts(first: 1, filter: { earliestDateCreated: "yesterday" }) { totalCount } }`, nil},
		{"a date variable that is not one", `query($d: DateTime) { charts(first: 1, filter: { earliestDateCreated: $d }) { totalCount } }`,
			map[string]any{"d": "2024-13-45"}},
		{"UNKNOWN is not a filter value", `{ charts(first: 1, filter: { rangeLevelType: [UNKNOWN] }) { totalCount } }`, nil},
		{"an ID filter with garbage", `{ charts(first: 1, filter: { rangeSongId: ["../users"] }) { totalCount } }`, nil},
		{"a negative duration bound that is not a number", `query($s: Float) { songs(first: 1, filter: { minDuration: $s }) { totalCount } }`,
			map[string]any{"s": "long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(tt.doc, tt.vars, "", nil)
			if len(a.Errors) == 0 {
				t.Fatal("no error")
			}
			if code := a.Errors[0].Extensions["code"]; code != "BAD_USER_INPUT" && code != "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("errors = %+v, want BAD_USER_INPUT", a.Errors)
			}
			if n, _ := e.calls(); n != 0 {
				t.Errorf("bad input made %d upstream calls", n)
			}
		})
	}

	// Dates may be given as calendar dates, and ID filters take the IDs the
	// graph hands out.
	var songs struct {
		Songs struct{ Nodes []struct{ ID string } }
	}
	e.mustQuery(`{ songs(first: 2) { nodes { id } } }`, nil, &songs)
	var got struct{ Charts struct{ TotalCount int } }
	e.mustQuery(`query($ids: [ID!]) { charts(first: 1, filter: { rangeSongId: $ids, earliestDateCreated: "2020-01-01" }) { totalCount } }`,
		map[string]any{"ids": []string{songs.Songs.Nodes[0].ID, dbID(t, songs.Songs.Nodes[1].ID)}}, &got)
	if got.Charts.TotalCount == 0 {
		t.Errorf("charts of two songs by global and upstream ID: none")
	}
}

// A user a batch did not return is NOT_FOUND, without an upstream status
// the upstream never sent.
func TestMissingFromABatch(t *testing.T) {
	e := newEnv(t)
	a := e.query(`{ user(id: "99999") { userName } }`, nil, "", nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "NOT_FOUND" || a.Errors[0].Extensions["upstreamStatus"] != nil {
		t.Errorf("errors = %+v, want NOT_FOUND without upstreamStatus", a.Errors)
	}
}

// Cursors and offsets far beyond any list are refused, never computed
// into a broken window (once a panic that ended the process).
func TestHugePositionsAreRefused(t *testing.T) {
	e := newEnv(t)
	huge := "cG9zOjkyMjMzNzIwMzY4NTQ3NzU4MDc" // pos:9223372036854775807
	docs := []string{
		`{ charts(first: 3) { nodes { comments(last: 3, after: "` + huge + `", before: "cG9zOjE") { totalCount } } } }`,
		`{ charts(first: 3) { nodes { comments(offset: 2000000000, last: 3, before: "cG9zOjE") { totalCount } } } }`,
		`{ charts(offset: 2000000000, first: 3) { totalCount } }`,
	}
	for _, doc := range docs {
		a := e.query(doc, nil, "", nil)
		if len(a.Errors) == 0 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("%s: errors %+v, want BAD_USER_INPUT", doc, a.Errors)
		}
		if _, byRoute := e.calls(); byRoute["GET /comments"]+byRoute["GET /charts/{id}/comments"] > 0 {
			t.Errorf("%s reached the upstream's comments: %v", doc, byRoute)
		}
	}
	if a := e.query(`{ charts(first: 1) { totalCount } }`, nil, "", nil); len(a.Errors) > 0 {
		t.Fatalf("the facade no longer answers: %+v", a.Errors)
	}
}
