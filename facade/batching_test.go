package facade_test

import (
	"testing"
)

// Nested lists cost one upstream call per level and relation, whatever the
// number of rows.
func TestNestedListsAreBatched(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		calls map[string]int
	}{
		{
			name: "songs with their charts and the charts' owners",
			doc: `{ songs(first: 20) { nodes { title charts(first: 2) { totalCount
			        nodes { id owner { userName } } } } } }`,
			calls: map[string]int{"GET /songs": 1, "GET /charts": 1, "GET /users": 1},
		},
		{
			name: "the same through edges, with aliases",
			doc: `{ a: songs(first: 10) { edges { node { charts(first: 1) { nodes { owner { id } } } } } }
			        b: songs(first: 10, offset: 10) { nodes { charts(first: 1) { nodes { owner { id } } } } } }`,
			calls: map[string]int{"GET /songs": 2, "GET /charts": 2, "GET /users": 2},
		},
		{
			name: "events, divisions, teams and their owners",
			doc: `{ events(first: 10) { nodes { owner { id } divisions(first: 5) { nodes { event { id }
			        teams(first: 3) { totalCount nodes { name owner { userName } division { id } } } } } } } }`,
			// events, then by ID: the divisions' events and the teams' divisions.
			calls: map[string]int{"GET /events": 2, "GET /events/divisions": 2, "GET /events/teams": 1, "GET /users": 2},
		},
		{
			name:  "records with their charts",
			doc:   `{ records(first: 30) { nodes { score chart { id } owner { userName } } } }`,
			calls: map[string]int{"GET /records": 1},
		},
		{
			name:  "comments, replies and the comment replied to",
			doc:   `{ comments(first: 30) { nodes { owner { id } replies(first: 2) { nodes { comment { id } } } } } }`,
			calls: map[string]int{"GET /comments": 2, "GET /replies": 1},
		},
	}

	e := newEnv(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.mustQuery(tt.doc, nil, nil)
			_, got := e.calls()
			for route, n := range tt.calls {
				if got[route] != n {
					t.Errorf("%s called %d times, want %d (all: %v)", route, got[route], n, got)
				}
			}
			if len(got) != len(tt.calls) {
				t.Errorf("calls = %v, want only %v", got, tt.calls)
			}
		})
	}
}
