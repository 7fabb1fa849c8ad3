package facade_test

import (
	"sort"
	"testing"
)

// nodeSamples gives, for every type that implements Node, a query whose
// answer's data holds one object of that type as {"x": {"id": ...}}. Areas
// add theirs from their own test files' init functions.
var nodeSamples = map[string]string{
	"Chart":         `{ x: charts(first: 1) { nodes { id } } }`,
	"Song":          `{ x: songs(first: 1) { nodes { id } } }`,
	"User":          `{ x: users(first: 1) { nodes { id } } }`,
	"Region":        `{ x: regions(first: 1) { nodes { id } } }`,
	"Tag":           `{ x: tags(first: 1) { nodes { id } } }`,
	"Record":        `{ x: records(first: 1) { nodes { id } } }`,
	"Comment":       `{ x: comments(first: 1) { nodes { id } } }`,
	"Reply":         `{ x: comments(first: 1, filter: { minLikeCount: 0 }, orderBy: [{ field: REPLY_COUNT, direction: DESC }]) { nodes { replies(first: 1) { nodes { id } } } } }`,
	"Event":         `{ x: events(first: 1) { nodes { id } } }`,
	"EventDivision": `{ x: events(first: 1) { nodes { divisions(first: 1) { nodes { id } } } } }`,
	"EventTeam":     `{ x: events(first: 3) { nodes { divisions(first: 3) { nodes { teams(first: 1) { nodes { id } } } } } } }`,
}

// nodeTokens gives the token to read a type's sample and node with, for
// types whose objects only signed-in callers see.
var nodeTokens = map[string]string{}

// queryAs is mustQuery for a caller with token (anonymous when empty).
func (e *env) queryAs(doc string, vars map[string]any, token string, out any) {
	e.t.Helper()
	if a := e.query(doc, vars, token, out); len(a.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", a.Errors)
	}
}

// firstID finds the first "id" in a decoded answer.
func firstID(v any) string {
	switch v := v.(type) {
	case map[string]any:
		if id, ok := v["id"].(string); ok {
			return id
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if id := firstID(v[k]); id != "" {
				return id
			}
		}
	case []any:
		for _, x := range v {
			if id := firstID(x); id != "" {
				return id
			}
		}
	}
	return ""
}

// node(id:) reads back an object of every type that implements Node, and
// nodes(ids:) reads them all with one upstream call per type.
func TestNodeRoundTrip(t *testing.T) {
	e := newEnv(t)
	var schema struct {
		Type struct{ PossibleTypes []struct{ Name string } } `json:"__type"`
	}
	e.mustQuery(`{ __type(name: "Node") { possibleTypes { name } } }`, nil, &schema)
	if len(schema.Type.PossibleTypes) < len(nodeSamples) {
		t.Errorf("Node has %d implementations, fewer than the %d samples", len(schema.Type.PossibleTypes), len(nodeSamples))
	}

	var ids []string
	types := map[string]bool{}
	for _, pt := range schema.Type.PossibleTypes {
		sample, ok := nodeSamples[pt.Name]
		if !ok {
			t.Errorf("type %s implements Node but has no sample", pt.Name)
			continue
		}
		var data map[string]any
		e.queryAs(sample, nil, nodeTokens[pt.Name], &data)
		id := firstID(data)
		if id == "" {
			t.Errorf("the sample of %s found no object", pt.Name)
			continue
		}

		var got struct {
			Node struct {
				Typename string `json:"__typename"`
				ID       string
			}
		}
		e.queryAs(`query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": id}, nodeTokens[pt.Name], &got)
		if got.Node.ID != id || got.Node.Typename != pt.Name {
			t.Errorf("node(%s) = %+v, want the %s back", id, got.Node, pt.Name)
		}
		ids = append(ids, id)
		types[pt.Name] = true
	}

	var all struct {
		Nodes []struct{ ID string }
	}
	// As an administrator, who sees the objects of every sample.
	e.queryAs(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, "sandbox-admin-token", &all)
	if calls, byRoute := e.calls(); calls > len(types) {
		t.Errorf("nodes of %d types made %d upstream calls: %v", len(types), calls, byRoute)
	}
	for i, n := range all.Nodes {
		if n.ID != ids[i] {
			t.Errorf("nodes[%d] = %s, want %s", i, n.ID, ids[i])
		}
	}
}

func TestNodeErrors(t *testing.T) {
	e := newEnv(t)
	for _, id := range []string{"garbage", "Q2hhcnQ6eA", "TW9vbjox"} { // Chart:x, Moon:1
		a := e.query(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}, "", nil)
		if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("node(%q): errors %+v, want BAD_USER_INPUT", id, a.Errors)
		}
		if n, _ := e.calls(); n != 0 {
			t.Errorf("node(%q) made %d upstream calls", id, n)
		}
	}
}

// One bad ID among many costs only its own place.
func TestNodesWithABadID(t *testing.T) {
	e := newEnv(t)
	var list struct {
		Charts struct{ Nodes []struct{ ID string } }
	}
	e.mustQuery(`{ charts(first: 2) { nodes { id } } }`, nil, &list)
	ids := []string{list.Charts.Nodes[0].ID, "bm9wZQ", list.Charts.Nodes[1].ID, "00000000-0000-4000-8000-000000000000"}

	var got struct{ Nodes []*struct{ ID string } }
	a := e.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, "", &got)
	if len(got.Nodes) != 4 || got.Nodes[0] == nil || got.Nodes[0].ID != ids[0] || got.Nodes[1] != nil ||
		got.Nodes[2] == nil || got.Nodes[2].ID != ids[2] || got.Nodes[3] != nil {
		t.Fatalf("nodes = %+v", got.Nodes)
	}
	if len(a.Errors) != 2 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("errors = %+v, want one BAD_USER_INPUT per bad ID", a.Errors)
	}
	for _, err := range a.Errors {
		if len(err.Path) != 2 {
			t.Errorf("error %+v is not on an index of nodes", err)
		}
	}
}
