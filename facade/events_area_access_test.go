package facade_test

import (
	"net/url"
	"sort"
	"strconv"
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
)

// The parts of events that depend on who asks: resources, hostships,
// invitations and reserved fields.

// Event resources for an administrator: a filtered, ordered list with each
// resource's subject, division and team, one resource and reserved fields.
func TestEventsResources(t *testing.T) {
	e := newEnv(t)
	want := eventsRestAs[[]struct {
		DivisionID string   `json:"divisionId"`
		ResourceID string   `json:"resourceId"`
		Score      *float64 `json:"score"`
		TeamID     *string  `json:"teamId"`
	}](e, eventsAdmin, "/events/resources", url.Values{"RangeType": {"Entry"}, "Order": {"DateCreated"}, "PerPage": {"40"}})
	wantRows := eventsRestAs[[][]*struct{ Index int }](e, eventsAdmin, "/events/resources/reservedFields",
		url.Values{"PerPage": {"5"}})

	type resource struct {
		ID, DivisionID, ResourceID string
		Type                       string
		Score                      *float64
		Division                   struct{ DatabaseID, Type string }
		Team                       *struct{ DatabaseID string }
		Subject                    struct {
			Typename string `json:"__typename"`
			ID       string
		}
	}
	var got struct {
		EventResources struct {
			TotalCount int
			Nodes      []resource
		}
		EventResourceReservedFields struct {
			Nodes []struct{ Fields []*struct{ Index int } }
		}
	}
	a := e.query(`{
		eventResources(first: 40, filter: { rangeType: [ENTRY] }, orderBy: [{ field: DATE_CREATED, direction: ASC }]) {
			totalCount
			nodes { id divisionId resourceId type score division { databaseId type } team { databaseId }
				subject { __typename ... on Song { id } ... on Chart { id } ... on Record { id } ... on Tag { id } } }
		}
		eventResourceReservedFields(first: 5) { nodes { fields { index } } }
	}`, nil, eventsAdmin, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	calls, byRoute := e.calls()
	if calls > 8 {
		// resources, fields, divisions (twice: division and subject), teams, one per subject kind
		t.Errorf("%d upstream calls (%v), want at most 8", calls, byRoute)
	}

	kinds := map[string]string{"SONG": "Song", "CHART": "Chart", "PLAY": "Record"}
	if len(got.EventResources.Nodes) != len(want) || len(want) < 10 {
		t.Fatalf("eventResources: %d, want %d", len(got.EventResources.Nodes), len(want))
	}
	for i, n := range got.EventResources.Nodes {
		w := want[i]
		if n.DivisionID != w.DivisionID || n.ResourceID != w.ResourceID || n.Type != "ENTRY" ||
			n.Division.DatabaseID != w.DivisionID {
			t.Errorf("eventResources[%d] = %+v, want %+v", i, n, w)
		}
		if n.Subject.Typename != kinds[n.Division.Type] || dbID(t, n.Subject.ID) != w.ResourceID {
			t.Errorf("eventResources[%d].subject = %+v, want the %s %s", i, n.Subject, kinds[n.Division.Type], w.ResourceID)
		}
		if (n.Team == nil) != (w.TeamID == nil) || n.Team != nil && n.Team.DatabaseID != *w.TeamID {
			t.Errorf("eventResources[%d].team = %+v, want %v", i, n.Team, w.TeamID)
		}
	}
	if len(got.EventResourceReservedFields.Nodes) != len(wantRows) {
		t.Errorf("reserved field rows: %d, want %d", len(got.EventResourceReservedFields.Nodes), len(wantRows))
	}

	first := want[0]
	wantFields := eventsRestAs[[]*struct{ Index int }](e, eventsAdmin,
		"/events/resources/"+first.DivisionID+"/"+first.ResourceID+"/reservedFields", nil)
	var one struct {
		EventResource struct {
			ID             string
			ReservedFields []*struct{ Index int }
		}
	}
	a = e.query(`query($d: ID!, $r: ID!) { eventResource(divisionId: $d, resourceId: $r) { id reservedFields { index } } }`,
		map[string]any{"d": first.DivisionID, "r": first.ResourceID}, eventsAdmin, &one)
	if len(a.Errors) > 0 || one.EventResource.ID != got.EventResources.Nodes[0].ID ||
		len(one.EventResource.ReservedFields) != len(wantFields) {
		t.Errorf("eventResource = %+v (%+v), want %s with %d reserved fields",
			one.EventResource, a.Errors, got.EventResources.Nodes[0].ID, len(wantFields))
	}
}

// The resources of divisions and of teams: each list of parents in one call.
func TestEventsResourcesOfParents(t *testing.T) {
	e := newEnv(t)
	var got struct {
		EventDivisions struct {
			Nodes []struct {
				DatabaseID string
				Resources  struct{ TotalCount int }
				Teams      struct {
					Nodes []struct {
						DatabaseID string
						Resources  struct{ TotalCount int }
					}
				}
			}
		}
	}
	a := e.query(`{ eventDivisions(first: 10) { nodes { databaseId resources(first: 5) { totalCount }
		teams(first: 5) { nodes { databaseId resources(first: 3, filter: { rangeType: [ENTRY] }) { totalCount } } } } } }`,
		nil, eventsAdmin, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	if _, byRoute := e.calls(); byRoute["GET /events/resources"] != 2 {
		t.Errorf("calls %v, want two GET /events/resources (divisions, teams)", byRoute)
	}
	entered := 0
	for _, v := range got.EventDivisions.Nodes {
		want := eventsRestAs[[]eventsRestID](e, eventsAdmin, "/events/resources", url.Values{"RangeDivisionId": {v.DatabaseID}})
		if v.Resources.TotalCount != len(want) || len(want) == 0 {
			t.Errorf("division %s: %d resources, want %d", v.DatabaseID, v.Resources.TotalCount, len(want))
		}
		for _, team := range v.Teams.Nodes {
			want := eventsRestAs[[]eventsRestID](e, eventsAdmin, "/events/resources",
				url.Values{"RangeTeamId": {team.DatabaseID}, "RangeType": {"Entry"}})
			if team.Resources.TotalCount != len(want) {
				t.Errorf("team %s: %d resources, want %d", team.DatabaseID, team.Resources.TotalCount, len(want))
			}
			entered += len(want)
		}
	}
	if entered == 0 {
		t.Errorf("no team of the page entered anything")
	}
}

// Hostships: a filtered list with events and users, one hostship, the
// hostships of several events in one call, and invitations that need a
// signed-in caller.
func TestEventsHostships(t *testing.T) {
	e := newEnv(t)
	d := e.sandbox.Data()
	// As an administrator, who sees the events not unveiled yet too.
	want := eventsRestAs[[]struct {
		EventID string `json:"eventId"`
		UserID  int    `json:"userId"`
	}](e, eventsAdmin, "/events/hostships", url.Values{"IsUnveiled": {"true"}, "Order": {"UserId"}, "Desc": {"true"}})

	var got struct {
		Hostships struct {
			TotalCount int
			Nodes      []struct {
				ID    string
				Event struct{ DatabaseID string }
				User  struct{ ID string }
			}
		}
		Events struct {
			Nodes []struct {
				DatabaseID string
				Hostships  struct{ TotalCount int }
			}
		}
	}
	a := e.query(`{
		hostships(first: 50, filter: { isUnveiled: true }, orderBy: [{ field: USER_ID, direction: DESC }]) {
			totalCount nodes { id event { databaseId } user { id } } }
	}`, nil, eventsAdmin, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	if got.Hostships.TotalCount != len(want) || len(want) == 0 {
		t.Fatalf("hostships: %d, want %d", got.Hostships.TotalCount, len(want))
	}
	for i, n := range got.Hostships.Nodes {
		if n.Event.DatabaseID != want[i].EventID || dbID(t, n.User.ID) != strconv.Itoa(want[i].UserID) {
			t.Errorf("hostships[%d] = %+v, want %+v", i, n, want[i])
		}
	}

	e.mustQuery(`{ events(first: 10) { nodes { databaseId hostships(first: 10) { totalCount } } } }`, nil, &got)
	if _, byRoute := e.calls(); byRoute["GET /events/hostships"] != 1 {
		t.Errorf("calls %v, want the hostships of all events in one GET /events/hostships", byRoute)
	}
	for _, ev := range got.Events.Nodes {
		if n := restTotal(e, "/events/hostships", url.Values{"RangeEventId": {ev.DatabaseID}}); ev.Hostships.TotalCount != n {
			t.Errorf("event %s has %d hostships, want %d", ev.DatabaseID, ev.Hostships.TotalCount, n)
		}
	}

	var one struct {
		Hostship struct {
			ID       string
			Position *string
		}
	}
	e.mustQuery(`query($e: ID!, $u: ID!) { hostship(eventId: $e, userId: $u) { id position } }`,
		map[string]any{"e": want[0].EventID, "u": strconv.Itoa(want[0].UserID)}, &one)
	if one.Hostship.ID != got.Hostships.Nodes[0].ID {
		t.Errorf("hostship = %+v, want %s", one.Hostship, got.Hostships.Nodes[0].ID)
	}

	invite := d.Areas.Events.HostInvites[0]
	doc := `query($c: String!) { eventHostInvite(code: $c) { code isAdmin event { databaseId } inviter { id } } }`
	var inv struct {
		EventHostInvite struct {
			Code    string
			Event   struct{ DatabaseID string }
			Inviter struct{ ID string }
		}
	}
	if a := e.query(doc, map[string]any{"c": invite.Code}, eventsAdmin, &inv); len(a.Errors) > 0 ||
		inv.EventHostInvite.Event.DatabaseID != invite.EventID || dbID(t, inv.EventHostInvite.Inviter.ID) != strconv.Itoa(invite.InviterID) {
		t.Errorf("eventHostInvite = %+v (%+v), want event %s", inv.EventHostInvite, a.Errors, invite.EventID)
	}
	if a := e.query(doc, map[string]any{"c": invite.Code}, "", nil); len(a.Errors) != 1 ||
		a.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("anonymous eventHostInvite: errors %+v, want UNAUTHENTICATED", a.Errors)
	}
}

// Teams: one team with its reserved fields, the reserved fields of a page
// of teams, and an invitation.
func TestEventsTeams(t *testing.T) {
	e := newEnv(t)
	d := e.sandbox.Data()
	invite := d.Areas.Events.TeamInvites[0]
	wantFields := eventsRestAs[[]*struct{ Index int }](e, eventsAdmin, "/events/teams/"+invite.TeamID+"/reservedFields", nil)
	wantRows := eventsRestAs[[][]*struct{ Index int }](e, eventsAdmin, "/events/teams/reservedFields",
		url.Values{"PerPage": {"10"}, "Order": {"Name"}})

	var got struct {
		EventTeam struct {
			Name           string
			ReservedFields []*struct{ Index int }
		}
		EventTeamReservedFields struct {
			TotalCount int
			Nodes      []struct{ Fields []*struct{ Index int } }
		}
		EventTeamInvite struct {
			Team    struct{ DatabaseID string }
			Inviter struct{ ID string }
		}
	}
	a := e.query(`query($id: ID!, $code: String!) {
		eventTeam(id: $id) { name reservedFields { index } }
		eventTeamReservedFields(first: 10, orderBy: [{ field: NAME, direction: ASC }]) { totalCount nodes { fields { index } } }
		eventTeamInvite(code: $code) { team { databaseId } inviter { id } }
	}`, map[string]any{"id": invite.TeamID, "code": invite.Code}, eventsAdmin, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	if got.EventTeam.Name == "" || len(got.EventTeam.ReservedFields) != len(wantFields) {
		t.Errorf("eventTeam = %+v, want %d reserved fields", got.EventTeam, len(wantFields))
	}
	if len(got.EventTeamReservedFields.Nodes) != len(wantRows) {
		t.Errorf("eventTeamReservedFields: %d rows, want %d", len(got.EventTeamReservedFields.Nodes), len(wantRows))
	}
	for i, row := range got.EventTeamReservedFields.Nodes {
		if len(row.Fields) != len(wantRows[i]) {
			t.Errorf("row %d: %d fields, want %d", i, len(row.Fields), len(wantRows[i]))
		}
	}
	if got.EventTeamInvite.Team.DatabaseID != invite.TeamID || dbID(t, got.EventTeamInvite.Inviter.ID) != strconv.Itoa(invite.InviterID) {
		t.Errorf("eventTeamInvite = %+v, want team %s", got.EventTeamInvite, invite.TeamID)
	}

	a = e.query(`{ eventTeamInvite(code: "not a code") { team { id } } }`, nil, eventsAdmin, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("malformed code: errors %+v, want BAD_USER_INPUT", a.Errors)
	}
	if n, _ := e.calls(); n != 0 {
		t.Errorf("a malformed code made %d upstream calls", n)
	}
}

// Comments on events and divisions, and the tags and tasks of divisions,
// each list of parents batched into one call; division reserved fields
// need a signed-in caller.
func TestEventsComments(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Events struct {
			Nodes []struct {
				DatabaseID string
				Comments   struct{ TotalCount int }
				Divisions  struct {
					Nodes []struct {
						DatabaseID string
						Comments   struct{ TotalCount int }
					}
				}
			}
		}
	}
	e.mustQuery(`{ events(first: 10) { nodes { databaseId comments(first: 3) { totalCount }
		divisions(first: 10) { nodes { databaseId comments(first: 3) { totalCount }
			tag { name } tasks(first: 2) { totalCount } } } } } }`, nil, &got)
	if _, byRoute := e.calls(); byRoute["GET /comments"] != 2 || byRoute["GET /tags"] != 1 ||
		byRoute["GET /events/tasks"] != 1 {
		t.Errorf("calls %v, want two GET /comments (events, divisions), one GET /tags and one GET /events/tasks",
			byRoute)
	}
	counted := 0
	for _, ev := range got.Events.Nodes {
		if n := restTotal(e, "/events/"+ev.DatabaseID+"/comments", nil); n != ev.Comments.TotalCount {
			t.Errorf("event %s: %d comments, want %d", ev.DatabaseID, ev.Comments.TotalCount, n)
		}
		for _, v := range ev.Divisions.Nodes {
			n := restTotal(e, "/events/divisions/"+v.DatabaseID+"/comments", nil)
			if n != v.Comments.TotalCount {
				t.Errorf("division %s: %d comments, want %d", v.DatabaseID, v.Comments.TotalCount, n)
			}
			counted += n
		}
	}
	if counted == 0 {
		t.Errorf("no division has comments")
	}

	v := eventsDivision(e, sandbox.DivisionChart)
	doc := `query($id: ID!) { eventDivision(id: $id) { reservedFields { index content } } }`
	var fields struct {
		EventDivision struct{ ReservedFields []*struct{ Index int } }
	}
	wantFields := eventsRestAs[[]*struct{ Index int }](e, eventsAdmin, "/events/divisions/"+v.ID+"/reservedFields", nil)
	if a := e.query(doc, map[string]any{"id": v.ID}, eventsAdmin, &fields); len(a.Errors) > 0 ||
		len(fields.EventDivision.ReservedFields) != len(wantFields) || len(wantFields) == 0 {
		t.Errorf("reservedFields = %+v (%+v), want %d", fields.EventDivision.ReservedFields, a.Errors, len(wantFields))
	}
	indexes := make([]int, len(fields.EventDivision.ReservedFields))
	for i, f := range fields.EventDivision.ReservedFields {
		indexes[i] = f.Index
	}
	if !sort.IntsAreSorted(indexes) {
		t.Errorf("reserved field indexes %v are not in order", indexes)
	}
	if a := e.query(doc, map[string]any{"id": v.ID}, "", nil); len(a.Errors) != 1 ||
		a.Errors[0].Extensions["code"] != "NOT_FOUND" {
		t.Errorf("anonymous reservedFields: errors %+v, want NOT_FOUND", a.Errors)
	}
}
