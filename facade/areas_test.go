package facade_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"testing"
)

// areaRead is, for one core area, a list read with a filter and an order,
// the same list as the upstream answers it, one item of it read alone, and
// one relation of the list's items.
type areaRead struct {
	name string
	// list is an operation whose field aliased x is a connection of at
	// most 5 nodes with `databaseId` and a relation aliased rel, which
	// gives a `databaseId` or a `totalCount`.
	list string
	// route and query read the same list from the upstream.
	route string
	query url.Values
	// rel gives the expected relation of an item the upstream listed.
	rel func(e *env, item map[string]any) string
	// item is an operation whose field aliased x reads the item of ID $id
	// alone, with its `databaseId`.
	item string
}

// ordered is the query of a list of 5, ordered by field and then by ID as
// the facade closes every order, both descending.
func ordered(field string, filter url.Values) url.Values {
	q := url.Values{"PerPage": {"5"}, "Order": {field, "Id"}, "Desc": {"true", "true"}}
	for k, v := range filter {
		q[k] = v
	}
	return q
}

// field reads a field of an upstream item as a string.
func field(name string) func(*env, map[string]any) string {
	return func(_ *env, item map[string]any) string { return fmt.Sprint(item[name]) }
}

// total reads the total of a child list route of an upstream item.
func total(route, suffix string) func(*env, map[string]any) string {
	return func(e *env, item map[string]any) string {
		return fmt.Sprint(restTotal(e, route+"/"+fmt.Sprint(item["id"])+suffix, nil))
	}
}

// busiestComment is the comment with the most replies, first by ID.
func busiestComment(e *env) string {
	comments := rest[[]restComment](e, "/comments", url.Values{
		"PerPage": {"1"}, "Order": {"ReplyCount", "Id"}, "Desc": {"true", "false"},
	})
	return comments[0].ID
}

func TestAreaReads(t *testing.T) {
	parent := busiestComment(newEnv(t)) // the data set is the same in every sandbox
	reads := []areaRead{{
		name: "charts",
		list: `{ x: charts(first: 5, filter: { isRanked: true, minDifficulty: 12 },
			orderBy: [{ field: DIFFICULTY, direction: DESC }]) { totalCount nodes { databaseId rel: song { databaseId } } } }`,
		route: "/charts", query: ordered("Difficulty", url.Values{"IsRanked": {"true"}, "MinDifficulty": {"12"}}),
		rel:  field("songId"),
		item: `query($id: ID!) { x: chart(id: $id) { databaseId } }`,
	}, {
		name: "songs",
		list: `{ x: songs(first: 5, filter: { minBpm: 150 }, orderBy: [{ field: BPM, direction: DESC }]) {
			totalCount nodes { databaseId rel: charts(first: 1) { totalCount } } } }`,
		route: "/songs", query: ordered("Bpm", url.Values{"MinBpm": {"150"}}),
		rel:  total("/songs", "/charts"),
		item: `query($id: ID!) { x: song(id: $id) { databaseId } }`,
	}, {
		name: "users",
		list: `{ x: users(first: 5, filter: { minFollowerCount: 3 }, orderBy: [{ field: FOLLOWER_COUNT, direction: DESC }]) {
			totalCount nodes { databaseId rel: followers(first: 1) { totalCount } } } }`,
		route: "/users", query: ordered("FollowerCount", url.Values{"MinFollowerCount": {"3"}}),
		rel:  total("/users", "/followers"),
		item: `query($id: ID!) { x: user(id: $id) { databaseId } }`,
	}, {
		name: "regions",
		list: `{ x: regions(first: 5, filter: { minId: 2 }, orderBy: [{ field: CODE, direction: DESC }]) {
			totalCount nodes { databaseId rel: users(first: 1) { totalCount } } } }`,
		route: "/regions", query: ordered("Code", url.Values{"MinId": {"2"}}),
		rel:  total("/regions", "/users"),
		item: `query($id: String!) { x: region(code: $id) { databaseId } }`,
	}, {
		// Tags have no relation in the core graph, nor a read by ID but
		// node(id:).
		name: "tags",
		list: `{ x: tags(first: 5, filter: { containsName: "a" }, orderBy: [{ field: NAME, direction: DESC }]) {
			totalCount nodes { databaseId } } }`,
		route: "/tags", query: ordered("Name", url.Values{"ContainsName": {"a"}}),
		rel:  func(*env, map[string]any) string { return "" },
		item: `query($id: ID!) { x: node(id: $id) { ... on Tag { databaseId } } }`,
	}, {
		name: "records",
		list: `{ x: records(first: 5, filter: { minScore: 900000 }, orderBy: [{ field: SCORE, direction: DESC }]) {
			totalCount nodes { databaseId rel: chart { databaseId } } } }`,
		route: "/records", query: ordered("Score", url.Values{"MinScore": {"900000"}}),
		rel:  field("chartId"),
		item: `query($id: ID!) { x: record(id: $id) { databaseId } }`,
	}, {
		name: "comments",
		list: `{ x: comments(first: 5, filter: { rangeLanguage: ["ja-JP"] }, orderBy: [{ field: LIKE_COUNT, direction: DESC }]) {
			totalCount nodes { databaseId rel: owner { databaseId } } } }`,
		route: "/comments", query: ordered("LikeCount", url.Values{"RangeLanguage": {"ja-JP"}}),
		rel:  field("ownerId"),
		item: `query($id: ID!) { x: comment(id: $id) { databaseId } }`,
	}, {
		name: "replies",
		list: `{ comment(id: "` + parent + `") { x: replies(first: 5, filter: { minLikeCount: 0 },
			orderBy: [{ field: LIKE_COUNT, direction: DESC }]) { totalCount nodes { databaseId rel: comment { databaseId } } } } }`,
		route: "/comments/" + parent + "/replies", query: ordered("LikeCount", url.Values{"MinLikeCount": {"0"}}),
		rel:  field("commentId"),
		item: `query($id: ID!) { x: reply(id: $id) { databaseId } }`,
	}, {
		name: "events",
		list: `{ x: events(first: 5, filter: { minLikeCount: 0 }, orderBy: [{ field: TITLE, direction: DESC }]) {
			totalCount nodes { databaseId rel: divisions(first: 1) { totalCount } } } }`,
		route: "/events", query: ordered("Title", url.Values{"MinLikeCount": {"0"}}),
		rel:  total("/events", "/divisions"),
		item: `query($id: ID!) { x: event(id: $id) { databaseId } }`,
	}}

	for _, a := range reads {
		t.Run(a.name, func(t *testing.T) {
			e := newEnv(t)
			want := rest[[]map[string]any](e, a.route, a.query)
			wantTotal := restTotal(e, a.route, a.query)
			if len(want) < 2 {
				t.Fatalf("the upstream lists %d %s; the case needs at least 2", len(want), a.name)
			}

			var data map[string]any
			e.mustQuery(a.list, nil, &data)
			var conn struct {
				TotalCount int
				Nodes      []struct {
					DatabaseID string
					Rel        struct {
						DatabaseID *string
						TotalCount *int
					}
				}
			}
			decodeField(t, data, "x", &conn)

			if conn.TotalCount != wantTotal || len(conn.Nodes) != len(want) {
				t.Fatalf("total %d with %d nodes, want %d with %d", conn.TotalCount, len(conn.Nodes), wantTotal, len(want))
			}
			for i, n := range conn.Nodes {
				if id := fmt.Sprint(want[i]["id"]); n.DatabaseID != id {
					t.Errorf("node %d = %s, want %s", i, n.DatabaseID, id)
				}
				got := ""
				switch {
				case n.Rel.DatabaseID != nil:
					got = *n.Rel.DatabaseID
				case n.Rel.TotalCount != nil:
					got = fmt.Sprint(*n.Rel.TotalCount)
				}
				if wantRel := a.rel(e, want[i]); got != wantRel {
					t.Errorf("node %d: rel = %q, want %q", i, got, wantRel)
				}
			}

			id := conn.Nodes[1].DatabaseID
			if a.name == "tags" {
				id = tagGlobalID(t, e, id)
			}
			var item map[string]any
			e.mustQuery(a.item, map[string]any{"id": id}, &item)
			var one struct{ DatabaseID string }
			decodeField(t, item, "x", &one)
			if one.DatabaseID != conn.Nodes[1].DatabaseID {
				t.Errorf("item %s = %s", conn.Nodes[1].DatabaseID, one.DatabaseID)
			}
		})
	}
}

// decodeField finds the first field named key in a decoded answer (in key
// order at each level, in the first item of lists) and decodes it into
// out.
func decodeField(t *testing.T, v any, key string, out any) {
	t.Helper()
	var find func(v any) (any, bool)
	find = func(v any) (any, bool) {
		if l, ok := v.([]any); ok && len(l) > 0 {
			return find(l[0])
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if x, ok := m[key]; ok {
			return x, true
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if x, ok := find(m[k]); ok {
				return x, true
			}
		}
		return nil, false
	}
	x, ok := find(v)
	if !ok {
		t.Fatalf("no field %s in %v", key, v)
	}
	raw, _ := json.Marshal(x)
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("decode %s: %v", key, err)
	}
}

// tagGlobalID returns the global ID of the tag with upstream ID id.
func tagGlobalID(t *testing.T, e *env, id string) string {
	t.Helper()
	var got struct {
		Tags struct {
			Nodes []struct{ ID string }
		}
	}
	e.mustQuery(`query($ids: [ID!]) { tags(first: 1, filter: { rangeId: $ids }) { nodes { id } } }`,
		map[string]any{"ids": []string{id}}, &got)
	if len(got.Tags.Nodes) != 1 {
		t.Fatalf("no tag %s", id)
	}
	return got.Tags.Nodes[0].ID
}
