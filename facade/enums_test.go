package facade_test

import (
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
)

// A newer upstream may send enum integers the schema does not know yet;
// the object still comes back, with UNKNOWN in that field.
func TestUnknownEnumValue(t *testing.T) {
	e := newEnv(t)
	var id string
	e.sandbox.Update(func(d *sandbox.Data) {
		d.Charts[0].LevelType = 99
		d.Charts[0].Format = 42
		id = d.Charts[0].ID
	})

	var got struct {
		Chart struct {
			ID, LevelType, Format, Level string
			Difficulty                   float64
			Song                         struct{ Title string }
		}
	}
	a := e.query(`query($id: ID!) { chart(id: $id) { id levelType format level difficulty song { title } } }`,
		map[string]any{"id": id}, "", &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors = %+v, want none", a.Errors)
	}
	c := got.Chart
	if dbID(t, c.ID) != id || c.LevelType != "UNKNOWN" || c.Format != "UNKNOWN" || c.Level == "" || c.Difficulty == 0 || c.Song.Title == "" {
		t.Errorf("chart = %+v, want UNKNOWN level type and format beside the other fields", c)
	}

	// In a list, too.
	var list struct {
		Charts struct {
			Nodes []struct{ ID, LevelType string }
		}
	}
	e.mustQuery(`query($id: ID!) { charts(first: 1, filter: { rangeId: [$id] }) { nodes { id levelType } } }`,
		map[string]any{"id": id}, &list)
	if len(list.Charts.Nodes) != 1 || list.Charts.Nodes[0].LevelType != "UNKNOWN" {
		t.Errorf("charts = %+v", list.Charts.Nodes)
	}
}

// Every level kind the web client knows has its name.
func TestChartLevelNames(t *testing.T) {
	e := newEnv(t)
	seen := map[string]bool{}
	for _, level := range []string{"EZ", "HD", "IN", "AT", "SP", "DZ", "SK", "CB", "CL"} {
		var got struct {
			Charts struct {
				TotalCount int
				Nodes      []struct{ LevelType string }
			}
		}
		e.mustQuery(`query($l: [ChartLevelType!]) { charts(first: 3, filter: { rangeLevelType: $l }) {
			totalCount nodes { levelType } } }`, map[string]any{"l": []string{level}}, &got)
		if got.Charts.TotalCount == 0 {
			t.Errorf("no chart at level %s", level)
		}
		for _, n := range got.Charts.Nodes {
			if n.LevelType != level {
				t.Errorf("filter rangeLevelType [%s] returned %s", level, n.LevelType)
			}
			seen[n.LevelType] = true
		}
	}
	if len(seen) != 9 {
		t.Errorf("saw levels %v, want all nine", seen)
	}
}
