package facade_test

import (
	"fmt"
	"strings"
	"testing"
)

// boundCase is one operation against a bound declared in the schema:
// either refused with BAD_USER_INPUT naming argument, its message stating
// limit, with no upstream call; or (argument empty) at the limit, so it
// passes and reaches the upstream.
type boundCase struct {
	name     string
	doc      string
	vars     map[string]any
	token    string
	argument string
	limit    string
}

// runBoundCases runs cases in order on e.
func runBoundCases(t *testing.T, e *env, cases []boundCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := e.query(tc.doc, tc.vars, tc.token, nil)
			n, byRoute := e.calls()
			if tc.argument == "" {
				if len(a.Errors) > 0 || n == 0 {
					t.Errorf("at the limit: %d upstream calls (%v), errors %+v; want it to pass", n, byRoute, a.Errors)
				}
				return
			}
			if n != 0 {
				t.Errorf("%d upstream calls (%v), want 0", n, byRoute)
			}
			if len(a.Errors) != 1 {
				t.Fatalf("errors = %+v, want one", a.Errors)
			}
			err := a.Errors[0]
			if err.Extensions["code"] != "BAD_USER_INPUT" || err.Extensions["argument"] != tc.argument ||
				!strings.HasPrefix(err.Message, tc.argument+" ") || !strings.Contains(err.Message, tc.limit) {
				t.Errorf("error = %+v, want BAD_USER_INPUT on %s saying %q", err, tc.argument, tc.limit)
			}
			if string(a.Data) != "null" && !strings.Contains(string(a.Data), "null") {
				t.Errorf("data = %s, want the field null", a.Data)
			}
		})
	}
}

// Lengths and ranges stated in the schema's descriptions are checked
// before any upstream call, for literals and variables, at any depth of
// the input; a value at the limit passes.
func TestInputBounds(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	chart, _ := pickChart(e, alice)
	id := map[string]any{"id": chart}
	with := func(k string, v any) map[string]any { return map[string]any{"id": chart, k: v} }

	const createTag = `mutation($name: String!) { createTag(input: { name: $name }) { tag { id } } }`
	const updateChart = `mutation($id: ID!, $title: String) { updateChart(input: { chartId: $id, title: $title }) {
		chart { id } } }`
	const comment = `mutation($id: ID!, $c: String!) { commentOnChart(input: { chartId: $id, content: $c,
		language: "zh-CN" }) { comment { id } } }`
	vote := func(arrangement string) string {
		return `mutation($id: ID!, $g: Int!) { voteChart(input: { chartId: $id, arrangement: ` + arrangement + `,
			gameplay: $g, visualEffects: 5, creativity: 5, concord: 5, impression: 5 }) { chart { id } } }`
	}
	record := func(title string) map[string]any {
		return map[string]any{"type": "MUSIC", "title": title, "editionType": "ORIGINAL", "authorName": "A",
			"strategy": "ACCEPT", "source": "https://example.org", "copyrightOwner": "A"}
	}
	ids := make([]string, 101)
	for i := range ids {
		ids[i] = chart
	}

	runBoundCases(t, e, []boundCase{
		{"a tag name too long", createTag, map[string]any{"name": strings.Repeat("t", 21)}, admin,
			"input.name", "at most 20 characters, got 21"},
		{"a tag name at the limit", createTag, map[string]any{"name": strings.Repeat("t", 20)}, admin, "", ""},
		{"a chart title too long", updateChart, with("title", strings.Repeat("T", 101)), admin,
			"input.title", "at most 100 characters, got 101"},
		{"a chart title of 300 KB", updateChart, with("title", strings.Repeat("T", 300<<10)), admin,
			"input.title", "at most 100 characters"},
		{"a chart title at the limit", updateChart, with("title", strings.Repeat("T", 100)), admin, "", ""},
		{"a comment too long, in characters", comment, with("c", strings.Repeat("好", 3001)), alice,
			"input.content", "at most 3000 characters, got 3001"},
		{"a comment at the limit", comment, with("c", strings.Repeat("好", 3000)), alice, "", ""},
		{"a vote over 5", vote("6"), with("g", 5), alice, "input.arrangement", "from 0 to 5, got 6"},
		{"a vote under 0, in a variable", vote("5"), with("g", -1), alice, "input.gameplay", "from 0 to 5, got -1"},
		{"a vote at the limit", vote("5"), with("g", 5), alice, "", ""},
		{"a vote as a 40-bit literal", vote("1099511627776"), with("g", 5), alice,
			"input.arrangement", "32-bit"},
		{"a vote as a 40-bit variable", vote("5"), with("g", int64(1)<<40), alice, "input.gameplay", "32-bit"},
		{"a reserved field numbered 0", `mutation { updateEventTeamReservedField(input: { teamId: "x", index: 0 }) {
			team { id } } }`, nil, alice, "input.index", "at least 1, got 0"},
		{"a reserved field numbered 2^40", `mutation { updateEventTeamReservedField(input: { teamId: "x",
			index: 1099511627776 }) { team { id } } }`, nil, alice, "input.index", "32-bit"},
		{"too many notifications", `mutation { markNotificationsRead(input: { perPage: 1001 }) { viewer { id } } }`,
			nil, alice, "input.perPage", "from 1 to 1000, got 1001"},
		{"notes too small", `mutation { createPlayConfiguration(input: { noteSize: 0.39 }) { __typename } }`,
			nil, alice, "input.noteSize", "from 0.4 to 2, got 0.39"},
		{"a title too long in the second of a list", `mutation($r: [ResourceRecordFieldsInput!]!) {
			createResourceRecords(input: { records: $r }) { __typename } }`,
			map[string]any{"r": []any{record("fine"), record(strings.Repeat("r", 201))}}, admin,
			"input.records[1].title", "at most 200 characters, got 201"},
		{"no records", `mutation { createResourceRecords(input: { records: [] }) { __typename } }`, nil, admin,
			"input.records", "from 1 to 100 items, got 0"},
		{"a password too long", `mutation { resetPassword(input: { code: "123456",
			password: "` + strings.Repeat("p", 25) + `" }) { __typename } }`, nil, "",
			"input.password", "at most 24 characters, got 25"},
		{"too many node IDs", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, "",
			"ids", "at most 100 items, got 101"},
		{"a filter on a 40-bit play count", `{ charts(first: 1, filter: { maxPlayCount: 2147483648 }) {
			totalCount } }`, nil, "", "filter.maxPlayCount", "32-bit"},
		{"a filter at the 32-bit limit", `{ charts(first: 1, filter: { maxPlayCount: 2147483647 }) {
			totalCount } }`, nil, "", "", ""},
		{"a page of 2^40", `{ charts(first: 1099511627776) { totalCount } }`, nil, "", "first", "32-bit"},
	})

	// The arguments of a nested field are read when it resolves: the chart
	// is read, its leaderboard is not.
	a := e.query(`query($id: ID!) { chart(id: $id) { leaderboard(top: 101) { score } } }`, id, "", nil)
	if n, byRoute := e.calls(); n != 1 || byRoute["GET /charts/{id}"] != 1 || len(a.Errors) != 1 ||
		a.Errors[0].Extensions["argument"] != "top" || !strings.Contains(a.Errors[0].Message, "from 1 to 100") {
		t.Errorf("leaderboard(top: 101): calls %v, errors %+v; want only the chart read, BAD_USER_INPUT on top",
			byRoute, a.Errors)
	}
}

// A password refused for its length is not echoed in the error.
func TestInputBoundsKeepPasswordsOut(t *testing.T) {
	e := newEnv(t)
	secret := "Sec" + strings.Repeat("r", 30) + "et"
	a := e.query(`mutation($p: String!) { resetPassword(input: { code: "123456", password: $p }) {
		__typename } }`, map[string]any{"p": secret}, "", nil)
	if raw := fmt.Sprint(a.Errors); len(a.Errors) != 1 || strings.Contains(raw, "Sec") {
		t.Errorf("errors = %s, want one that does not carry the password", raw)
	}
}

// A DateTime input may be a date alone, its midnight in UTC (as the
// schema and README say); anything else that is not RFC 3339 fails before
// any upstream call, naming the input.
func TestDateTimeInputs(t *testing.T) {
	e := newEnv(t)
	const doc = `query($d: DateTime) { charts(first: 1, filter: { earliestDateCreated: $d }) { totalCount } }`

	e.mustQuery(doc, map[string]any{"d": "2000-01-01"}, nil)
	reqs := e.sandbox.Requests()
	if len(reqs) != 1 || !strings.HasPrefix(reqs[0].Query.Get("EarliestDateCreated"), "2000-01-01T00:00:00") {
		t.Errorf("a date alone sent %+v, want EarliestDateCreated at 2000-01-01T00:00:00 UTC", reqs)
	}

	for _, bad := range []string{"2000-13-01", "2000-01-01T00:00:00", "yesterday"} {
		a := e.query(doc, map[string]any{"d": bad}, "", nil)
		if n, _ := e.calls(); n != 0 || len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
			a.Errors[0].Extensions["argument"] != "filter.earliestDateCreated" {
			t.Errorf("%q: %d calls, errors %+v; want BAD_USER_INPUT on filter.earliestDateCreated", bad, n, a.Errors)
		}
	}
}

// UNKNOWN is offered by output enums for values the facade does not know;
// as an input it fails before any upstream call, with a message naming
// the GraphQL enum (not a Go type) and saying UNKNOWN is output only.
func TestUnknownEnumInput(t *testing.T) {
	e := newEnv(t)
	for name, doc := range map[string]string{
		"literal":  `{ charts(first: 1, filter: { rangeLevelType: [IN, UNKNOWN] }) { totalCount } }`,
		"variable": `query($l: [ChartLevelType!]) { charts(first: 1, filter: { rangeLevelType: $l }) { totalCount } }`,
	} {
		a := e.query(doc, map[string]any{"l": []string{"UNKNOWN"}}, "", nil)
		n, _ := e.calls()
		if n != 0 || len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Fatalf("%s: %d calls, errors %+v; want one BAD_USER_INPUT", name, n, a.Errors)
		}
		msg := a.Errors[0].Message
		if !strings.Contains(msg, "ChartLevelType") || !strings.Contains(msg, "output only") ||
			strings.Contains(msg, "ChartLevel ") {
			t.Errorf("%s: message %q, want ChartLevelType named and UNKNOWN said to be output only", name, msg)
		}
	}
}

// wantBound checks that a was refused by a bound declared in the schema:
// one BAD_USER_INPUT naming argument, and no upstream call since the
// sandbox's request log was last cleared.
func wantBound(t *testing.T, e *env, a answer, argument string) {
	t.Helper()
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
		a.Errors[0].Extensions["argument"] != argument {
		t.Errorf("errors = %+v, want BAD_USER_INPUT on %s", a.Errors, argument)
	}
	if n, byRoute := e.calls(); n != 0 {
		t.Errorf("%d upstream calls (%v), want 0", n, byRoute)
	}
}
