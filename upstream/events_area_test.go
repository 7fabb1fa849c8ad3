package upstream_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

const divisionID = "3f2b7c1e-8a4d-4e6f-9b0a-1c2d3e4f5a6b"

// Each read of the events area asks its route with its query.
func TestEventDetailsRoutes(t *testing.T) {
	ctx := context.Background()
	page := upstream.ListOptions{Page: 2, PerPage: 5}
	cases := []struct {
		name, path, query string
		call              func(c *upstream.Client) error
	}{
		{"song prompts", "/events/divisions/" + divisionID + "/prompts/songs", "Page=2&PerPage=5", func(c *upstream.Client) error {
			_, _, err := c.ListEventDivisionSongPrompts(ctx, divisionID, upstream.SongListOptions{ListOptions: page})
			return err
		}},
		{"chart entries", "/events/divisions/" + divisionID + "/entries/charts", "IsRanked=true", func(c *upstream.Client) error {
			yes := true
			_, _, err := c.ListEventDivisionChartEntries(ctx, divisionID,
				upstream.ChartListOptions{ChartFilter: upstream.ChartFilter{IsRanked: &yes}})
			return err
		}},
		{"leaderboard", "/events/divisions/" + divisionID + "/leaderboard", "NeighborhoodRange=2&TopRange=3", func(c *upstream.Client) error {
			_, err := c.GetEventDivisionLeaderboard(ctx, divisionID, upstream.LeaderboardOptions{TopRange: 3, NeighborhoodRange: 2})
			return err
		}},
		{"tasks", "/events/tasks", "RangeType=0&RangeType=15", func(c *upstream.Client) error {
			_, _, err := c.ListEventTasks(ctx, upstream.EventTaskListOptions{EventTaskFilter: upstream.EventTaskFilter{
				RangeType: []upstream.EventTaskType{upstream.EventTaskTypeScheduled, 15},
			}})
			return err
		}},
		{"resource", "/events/resources/" + divisionID + "/" + divisionID, "", func(c *upstream.Client) error {
			_, err := c.GetEventResource(ctx, divisionID, divisionID)
			return err
		}},
		{"hostship", "/events/hostships/" + divisionID + "/7", "", func(c *upstream.Client) error {
			_, err := c.GetHostship(ctx, divisionID, 7)
			return err
		}},
		{"team invite", "/events/teams/invites/BX7Z01", "", func(c *upstream.Client) error {
			_, err := c.GetEventTeamInvite(ctx, "BX7Z01")
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := newTestClient(t, reply(http.StatusOK, okEmpty))
			if err := ignoreNoData(tc.call(c)); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != http.MethodGet || got.path != tc.path || got.rawQuery != tc.query {
				t.Errorf("request %s %s?%s, want GET %s?%s", got.method, got.path, got.rawQuery, tc.path, tc.query)
			}
		})
	}
}

// Entries and prompts decode as the song, chart or record they extend,
// with the division's fields beside; unknown enum values are kept.
func TestEventDetailsDecode(t *testing.T) {
	body := `{"status":0,"code":"Ok","data":[{"id":"` + divisionID + `","title":"Song A",
		"team":{"id":"t1","name":"Team","status":9}}]}`
	c, _ := newTestClient(t, reply(http.StatusOK, body))
	entries, _, err := c.ListEventDivisionSongEntries(context.Background(), divisionID, upstream.SongListOptions{})
	if err != nil {
		t.Fatalf("ListEventDivisionSongEntries: %v", err)
	}
	if len(entries) != 1 || entries[0].Song.Title != "Song A" || entries[0].Team == nil ||
		entries[0].Team.Status.String() != upstream.Unknown {
		t.Errorf("entries = %+v, want Song A with its team of an unknown status", entries)
	}

	body = `{"status":0,"code":"Ok","data":[[{"index":1,"content":"a"},null],[]]}`
	c, _ = newTestClient(t, reply(http.StatusOK, body))
	rows, _, err := c.ListEventTeamReservedFields(context.Background(), upstream.EventTeamListOptions{})
	if err != nil || len(rows) != 2 || len(rows[0]) != 2 || rows[0][1] != nil || *rows[0][0].Content != "a" {
		t.Errorf("rows = %v (%v), want two rows, the first with a field and a null", rows, err)
	}
}
