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
