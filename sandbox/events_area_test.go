package sandbox

import (
	"net/http"
	"strconv"
	"testing"
)

const eventsAdminToken = "sandbox-admin-token"

// The events area's data links to the core: every resource names a
// division, a subject of the kind its division takes and a team of that
// division; every task a division.
func TestEventsData(t *testing.T) {
	d := shared().Data()
	a := d.Areas.Events
	if len(a.Tasks) < len(d.Divisions) || len(a.Resources) < 3*len(d.Divisions) ||
		len(a.TeamInvites) == 0 || len(a.HostInvites) != len(d.Events) {
		t.Fatalf("%d tasks, %d resources, %d team and %d host invites for %d divisions",
			len(a.Tasks), len(a.Resources), len(a.TeamInvites), len(a.HostInvites), len(d.Divisions))
	}
	for _, task := range a.Tasks {
		if d.Division(task.DivisionID) == nil || d.EventTask(task.ID) == nil {
			t.Errorf("task %s: division %s or index missing", task.ID, task.DivisionID)
		}
	}
	kinds := map[EventResourceType]int{}
	for _, r := range a.Resources {
		v := d.Division(r.DivisionID)
		if v == nil {
			t.Fatalf("resource %s: no division %s", r.ResourceID, r.DivisionID)
		}
		kinds[r.Type]++
		var found bool
		switch {
		case r.Type == ResourceTag:
			found = eventsHasTag(d, r.ResourceID)
		case v.Type == DivisionSong || v.Type == DivisionChart && r.Type == ResourcePrompt:
			found = d.Song(r.ResourceID) != nil
		case v.Type == DivisionChart || v.Type == DivisionPlay && r.Type == ResourcePrompt:
			found = d.Chart(r.ResourceID) != nil
		default:
			found = d.Record(r.ResourceID) != nil
		}
		if !found {
			t.Errorf("resource %s (%v in a %v division) names nothing", r.ResourceID, r.Type, v.Type)
		}
		if r.TeamID != nil {
			if team := d.Team(*r.TeamID); team == nil || team.DivisionID != r.DivisionID {
				t.Errorf("resource %s: team %s is not of its division", r.ResourceID, *r.TeamID)
			}
		}
	}
	if kinds[ResourcePrompt] == 0 || kinds[ResourceEntry] == 0 || kinds[ResourceTag] == 0 {
		t.Errorf("resources by type: %v, want every type", kinds)
	}
}

func eventsHasTag(d *Data, id string) bool {
	for _, t := range d.Tags {
		if t.ID == id {
			return true
		}
	}
	return false
}

// Each route answers with the upstream's contract: its status, envelope
// code and paging fields for anonymous and signed-in callers.
func TestEventsRoutes(t *testing.T) {
	s := shared()
	d := s.Data()
	a := d.Areas.Events
	var song, chart, play, future EventDivision
	for _, v := range d.Divisions {
		switch {
		case v.DateUnveiled.After(d.Now):
			future = v
		case v.Type == DivisionSong:
			song = v
		case v.Type == DivisionChart:
			chart = v
		default:
			play = v
		}
	}
	var hostship Hostship
	for _, h := range d.Hostships {
		if h.IsUnveiled {
			hostship = h
		}
	}
	res := a.Resources[0]
	divs := "/events/divisions/"

	cases := []struct {
		name, target, token string
		status              int
		code                string
		paged               bool
	}{
		{"song prompts", divs + chart.ID + "/prompts/songs", "", 200, "Ok", true},
		{"song prompts of a song division", divs + song.ID + "/prompts/songs", "", 400, "InvalidOperation", false},
		{"chart prompts", divs + play.ID + "/prompts/charts?PerPage=2", "", 200, "Ok", true},
		{"prompts of a hidden division", divs + future.ID + "/prompts/songs", "", 404, "ResourceNotFound", false},
		{"tags", divs + chart.ID + "/tags", "", 200, "Ok", true},
		{"song entries", divs + song.ID + "/entries/songs", "", 200, "Ok", true},
		{"chart entries", divs + chart.ID + "/entries/charts?MinDifficulty=x", "", 400, "InvalidData", false},
		{"record entries", divs + play.ID + "/entries/records", "", 200, "Ok", true},
		{"leaderboard", divs + chart.ID + "/leaderboard?TopRange=0", "", 400, "InvalidData", false},
		{"tasks", divs + chart.ID + "/tasks?RangeType=OnApproval", "", 200, "Ok", true},
		{"tasks with a bad type", "/events/tasks?RangeType=Sometimes", "", 400, "InvalidData", false},
		{"anonymous reserved fields", divs + chart.ID + "/reservedFields", "", 404, "ResourceNotFound", false},
		{"reserved fields", divs + chart.ID + "/reservedFields", eventsAdminToken, 200, "Ok", false},
		{"comments", divs + chart.ID + "/comments", "", 200, "Ok", true},
		{"anonymous resources", "/events/resources", "", 200, "Ok", true},
		{"resource", "/events/resources/" + res.DivisionID + "/" + res.ResourceID, eventsAdminToken, 200, "Ok", false},
		{"anonymous resource", "/events/resources/" + res.DivisionID + "/" + res.ResourceID, "", 404, "ResourceNotFound", false},
		{"resource reserved fields", "/events/resources/reservedFields", eventsAdminToken, 200, "Ok", true},
		{"task", "/events/tasks/" + a.Tasks[0].ID, "", 200, "Ok", false},
		{"team reserved fields", "/events/teams/reservedFields", eventsAdminToken, 200, "Ok", true},
		{"team invite", "/events/teams/invites/" + a.TeamInvites[0].Code, "sandbox-alice-token", 200, "Ok", false},
		{"unknown team invite", "/events/teams/invites/NOPE", "sandbox-alice-token", 404, "ResourceNotFound", false},
		{"hostship", "/events/hostships/" + hostship.EventID + "/" + strconv.Itoa(hostship.UserID), "", 200, "Ok", false},
		{"host invite", "/events/hostships/invites/" + a.HostInvites[0].Code, eventsAdminToken, 200, "Ok", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var opts []opt
			if c.token != "" {
				opts = append(opts, token(c.token))
			}
			got := get(t, s, c.target, opts...)
			if got.code != c.status || got.Code != c.code {
				t.Fatalf("GET %s: %d %s, want %d %s\n%s", c.target, got.code, got.Code, c.status, c.code, got.raw)
			}
			if (got.Total != nil) != c.paged {
				t.Errorf("GET %s: total %v, want paging fields: %v", c.target, got.Total, c.paged)
			}
		})
	}

	for _, target := range []string{"/events/teams/invites/" + a.TeamInvites[0].Code, "/events/hostships/invites/X"} {
		if w := serve(s, http.MethodGet, target); w.Code != http.StatusUnauthorized || w.Body.Len() != 0 {
			t.Errorf("anonymous GET %s: %d %q, want 401 with no body", target, w.Code, w.Body.String())
		}
	}
}

// Single resources carry an ETag and answer 304 to If-None-Match.
func TestEventsETags(t *testing.T) {
	s := shared()
	a := s.Data().Areas.Events
	res := a.Resources[0]
	for _, target := range []string{
		"/events/tasks/" + a.Tasks[0].ID,
		"/events/resources/" + res.DivisionID + "/" + res.ResourceID,
	} {
		first := serve(s, http.MethodGet, target, token(eventsAdminToken))
		tag := first.Header().Get("ETag")
		again := serve(s, http.MethodGet, target, token(eventsAdminToken), header("If-None-Match", tag))
		if first.Code != 200 || tag == "" || again.Code != http.StatusNotModified || again.Body.Len() != 0 {
			t.Errorf("GET %s: %d tag %q, then %d with %d bytes; want 200, a tag, then 304 empty",
				target, first.Code, tag, again.Code, again.Body.Len())
		}
	}
}

// Reserved fields go to administrators only; a member gets an empty list.
func TestEventsReservedFields(t *testing.T) {
	s := shared()
	d := s.Data()
	v := d.Divisions[0]
	admin, _ := list[ReservedField](t, s, "/events/divisions/"+v.ID+"/reservedFields", token(eventsAdminToken))
	member, _ := list[ReservedField](t, s, "/events/divisions/"+v.ID+"/reservedFields", token("sandbox-alice-token"))
	if len(admin) != len(d.Areas.Events.DivisionReserved[v.ID]) || len(admin) == 0 || len(member) != 0 {
		t.Errorf("administrator sees %d fields, member %d; want %d and 0",
			len(admin), len(member), len(d.Areas.Events.DivisionReserved[v.ID]))
	}
	for i, f := range admin {
		if f.Index != i+1 {
			t.Errorf("field %d has index %d", i, f.Index)
		}
	}
}
