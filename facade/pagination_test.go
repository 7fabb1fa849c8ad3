package facade_test

import (
	"net/url"
	"testing"
)

type chartPage struct {
	Charts struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
		Edges []struct {
			Cursor string
			Node   struct{ ID string }
		}
		Nodes []struct{ ID string }
	}
}

func (p chartPage) ids(t *testing.T) []string {
	var ids []string
	for _, n := range p.Charts.Nodes {
		ids = append(ids, dbID(t, n.ID))
	}
	return ids
}

const pageOp = `query($first: Int, $after: String, $last: Int, $before: String, $offset: Int) {
  charts(first: $first, after: $after, last: $last, before: $before, offset: $offset,
         filter: { minDifficulty: 12 }, orderBy: [{ field: DIFFICULTY, direction: DESC }]) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
    nodes { id }
  }
}`

// Every window of a connection is one upstream call and matches the
// upstream's own order.
func TestConnectionWindows(t *testing.T) {
	e := newEnv(t)
	order := url.Values{"MinDifficulty": {"12"}, "Order": {"Difficulty", "Id"}, "Desc": {"true", "true"}, "PerPage": {"1000"}}
	type idOnly struct {
		ID string `json:"id"`
	}
	var all []string
	for _, c := range rest[[]idOnly](e, "/charts", order) {
		all = append(all, c.ID)
	}
	n := len(all)
	if n < 40 {
		t.Fatalf("only %d charts of difficulty 12 and more", n)
	}

	page := func(vars map[string]any) chartPage {
		t.Helper()
		var p chartPage
		e.mustQuery(pageOp, vars, &p)
		if calls, byRoute := e.calls(); calls != 1 {
			t.Errorf("%v: %d upstream calls (%v), want 1", vars, calls, byRoute)
		}
		if p.Charts.TotalCount != n {
			t.Errorf("%v: totalCount %d, want %d", vars, p.Charts.TotalCount, n)
		}
		return p
	}
	same := func(name string, got, want []string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: got %d charts, want %d", name, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%s: chart %d is %s, want %s", name, i, got[i], want[i])
			}
		}
	}

	first := page(map[string]any{"first": 7})
	same("first 7", first.ids(t), all[:7])
	if !first.Charts.PageInfo.HasNextPage || first.Charts.PageInfo.HasPreviousPage {
		t.Errorf("first page info = %+v", first.Charts.PageInfo)
	}
	if first.Charts.Edges[6].Cursor != *first.Charts.PageInfo.EndCursor || dbID(t, first.Charts.Edges[0].Node.ID) != all[0] {
		t.Errorf("edges do not agree with nodes and page info")
	}

	second := page(map[string]any{"first": 7, "after": *first.Charts.PageInfo.EndCursor})
	same("next 7", second.ids(t), all[7:14])
	if !second.Charts.PageInfo.HasPreviousPage {
		t.Errorf("second page has no previous page")
	}

	back := page(map[string]any{"last": 3, "before": *second.Charts.PageInfo.StartCursor})
	same("last 3 before the second page", back.ids(t), all[4:7])

	tail := page(map[string]any{"last": 5})
	same("last 5", tail.ids(t), all[n-5:])
	if tail.Charts.PageInfo.HasNextPage || !tail.Charts.PageInfo.HasPreviousPage {
		t.Errorf("last page info = %+v", tail.Charts.PageInfo)
	}

	odd := page(map[string]any{"first": 6, "offset": 17})
	same("offset 17", odd.ids(t), all[17:23])

	beyond := page(map[string]any{"first": 5, "offset": n + 10})
	same("beyond the end", beyond.ids(t), nil)
	if beyond.Charts.PageInfo.HasNextPage || beyond.Charts.PageInfo.StartCursor != nil {
		t.Errorf("page beyond the end: %+v", beyond.Charts.PageInfo)
	}
}
