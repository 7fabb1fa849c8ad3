package facade_test

import "testing"

// A comment leads back to what it is on, whatever its kind, read for the
// whole list at once.
func TestCommentResource(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Comments struct {
			Nodes []struct {
				ResourceID string
				Resource   *struct {
					Typename   string `json:"__typename"`
					DatabaseID string
				}
			}
		}
	}
	e.mustQuery(`{ comments(first: 60) { nodes { resourceId resource { __typename
		... on Chart { databaseId } ... on Song { databaseId } ... on Event { databaseId } ... on EventDivision { databaseId }
		... on Chapter { databaseId } ... on Collection { databaseId } } } } }`, nil, &got)
	calls, byRoute := e.calls()

	kinds := map[string]int{}
	for _, c := range got.Comments.Nodes {
		if c.Resource == nil {
			continue
		}
		kinds[c.Resource.Typename]++
		if c.Resource.DatabaseID != "" && c.Resource.DatabaseID != c.ResourceID {
			t.Errorf("comment on %s has resource %+v", c.ResourceID, c.Resource)
		}
	}
	if len(kinds) < 2 {
		t.Errorf("resources of 60 comments are of kinds %v, want several", kinds)
	}
	// One call for the comments, then at most one per kind of resource.
	if calls > 1+3+6 || byRoute["GET /charts"] > 1 || byRoute["GET /songs"] > 1 {
		t.Errorf("calls = %d (%v), want one per kind at most", calls, byRoute)
	}
}

// A like leads back to what was liked.
func TestLikeResource(t *testing.T) {
	e := newEnv(t)
	liked := map[string]bool{}
	for _, l := range e.sandbox.Data().Likes {
		if e.sandbox.Data().Chart(l.ResourceID) != nil {
			liked[l.ResourceID] = true
		}
	}
	var ids []string
	for id := range liked {
		ids = append(ids, id)
		if len(ids) == 5 {
			break
		}
	}

	var got struct {
		Charts struct {
			Nodes []struct {
				DatabaseID string
				Likes      *struct {
					Nodes []struct {
						Resource *struct{ DatabaseID string }
					}
				}
			}
		}
	}
	e.mustQuery(`query($ids: [ID!]) { charts(first: 5, filter: { rangeId: $ids }) { nodes { databaseId
		likes(first: 3) { nodes { resource { ... on Chart { databaseId } } } } } } }`, map[string]any{"ids": ids}, &got)
	_, byRoute := e.calls()
	seen := 0
	for _, c := range got.Charts.Nodes {
		for _, l := range c.Likes.Nodes {
			seen++
			if l.Resource == nil || l.Resource.DatabaseID != c.DatabaseID {
				t.Errorf("a like of chart %s leads to %+v", c.DatabaseID, l.Resource)
			}
		}
	}
	if seen == 0 {
		t.Fatalf("no likes on charts %v", ids)
	}
	if byRoute["GET /charts"] != 2 {
		t.Errorf("calls = %v, want the list and one batch of liked charts", byRoute)
	}
}
