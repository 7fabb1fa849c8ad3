package facade_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
)

const adminToken = "sandbox-admin-token"

func init() {
	nodeSamples["EventTask"] = `{ x: eventTasks(first: 1) { nodes { id } } }`
	nodeSamples["Hostship"] = `{ x: hostships(first: 1) { nodes { id } } }`
	// Anonymous callers see the public entries among event resources.
	// Only signed-in callers see event resources.
	nodeSamples["EventResource"] = `{ x: eventResources(first: 1) { nodes { id } } }`
	nodeTokens["EventResource"] = adminToken
}

// restAs is rest for a signed-in caller.
func restAs[T any](e *env, token, path string, query url.Values) T {
	e.t.Helper()
	u := e.rest.URL + path
	if query != nil {
		u += "?" + query.Encode()
	}
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()

	var env restEnvelope[T]
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil || resp.StatusCode != http.StatusOK {
		e.t.Fatalf("GET %s: %d %s %v", path, resp.StatusCode, env.Code, err)
	}
	return env.Data
}

// divisionOf picks the first unveiled division of a type (0 song, 1 chart,
// 2 play) that is not locked and has teams.
func divisionOf(e *env, typ sandbox.EventDivisionType) sandbox.EventDivision {
	e.t.Helper()
	d := e.sandbox.Data()
	for _, v := range d.Divisions {
		if v.Type != typ || v.IsLocked || v.DateUnveiled.After(d.Now) {
			continue
		}
		for _, t := range d.Teams {
			if t.DivisionID == v.ID && t.IsUnveiled {
				return v
			}
		}
	}
	e.t.Fatalf("the sandbox has no unveiled division of type %d with teams", typ)
	return sandbox.EventDivision{}
}

type restID struct {
	ID string `json:"id"`
}

// A chart division: its song prompts, chart entries (filtered and ordered)
// with their charts and teams, its tags, tasks, leaderboard and comments.
func TestEventsChartDivision(t *testing.T) {
	e := newEnv(t)
	v := divisionOf(e, sandbox.DivisionChart)
	base := "/events/divisions/" + v.ID
	newestFirst := url.Values{"Order": {"DateCreated", "Id"}, "Desc": {"true", "true"}}
	wantPrompts := rest[[]restID](e, base+"/prompts/songs", newestFirst)
	wantEntries := rest[[]struct {
		ID         string  `json:"id"`
		Difficulty float64 `json:"difficulty"`
		Team       *restID `json:"team"`
	}](e, base+"/entries/charts", url.Values{"Order": {"Difficulty"}, "Desc": {"true"}, "MinDifficulty": {"0"}})
	wantTags := rest[[]struct{ Name string }](e, base+"/tags", url.Values{"Order": {"Name"}})
	wantTasks := restTotal(e, base+"/tasks", nil)
	wantBoard := rest[[]struct {
		ID       string `json:"id"`
		Position int    `json:"position"`
	}](e, base+"/leaderboard", url.Values{"TopRange": {"3"}})
	wantComments := restTotal(e, base+"/comments", nil)

	var got struct {
		EventDivision struct {
			Type        string
			Tag         *struct{ Name string }
			SongPrompts struct {
				TotalCount int
				Nodes      []struct {
					Label *string
					Song  struct{ ID, Title string }
				}
			}
			ChartEntries struct {
				TotalCount int
				Nodes      []struct {
					Chart struct {
						ID         string
						Difficulty float64
						Song       struct{ Title string }
					}
					Team *struct{ ID, Name string }
				}
			}
			Tags        struct{ Nodes []struct{ Name string } }
			Tasks       struct{ TotalCount int }
			Leaderboard []struct {
				ID       string
				Position int
			}
			Comments struct{ TotalCount int }
		}
	}
	e.mustQuery(`query($id: ID!) { eventDivision(id: $id) {
		type tag { name }
		songPrompts(first: 10) { totalCount nodes { label song { id title } } }
		chartEntries(first: 20, filter: { minDifficulty: 0 }, orderBy: [{ field: DIFFICULTY, direction: DESC }]) {
			totalCount nodes { chart { id difficulty song { title } } team { id name } } }
		tags(first: 10, orderBy: [{ field: NAME, direction: ASC }]) { nodes { name } }
		tasks(first: 5) { totalCount }
		leaderboard(top: 3) { id position }
		comments(first: 5) { totalCount }
	} }`, map[string]any{"id": v.ID}, &got)

	d := got.EventDivision
	if d.Type != "CHART" || d.Tag == nil {
		t.Errorf("type %s tag %v, want CHART with a tag", d.Type, d.Tag)
	}
	if d.SongPrompts.TotalCount != len(wantPrompts) || len(wantPrompts) == 0 {
		t.Errorf("songPrompts: %d, want %d (and some)", d.SongPrompts.TotalCount, len(wantPrompts))
	}
	for i, p := range d.SongPrompts.Nodes {
		if dbID(t, p.Song.ID) != wantPrompts[i].ID || p.Label == nil || p.Song.Title == "" {
			t.Errorf("songPrompts[%d] = %+v, want song %s with a label", i, p, wantPrompts[i].ID)
		}
	}
	if d.ChartEntries.TotalCount != len(wantEntries) || len(wantEntries) < 2 {
		t.Fatalf("chartEntries: %d, want %d (and several)", d.ChartEntries.TotalCount, len(wantEntries))
	}
	for i, n := range d.ChartEntries.Nodes {
		w := wantEntries[i]
		if dbID(t, n.Chart.ID) != w.ID || n.Chart.Difficulty != w.Difficulty || n.Chart.Song.Title == "" {
			t.Errorf("chartEntries[%d] = %+v, want chart %s (difficulty %v)", i, n.Chart, w.ID, w.Difficulty)
		}
		if (n.Team == nil) != (w.Team == nil) || n.Team != nil && dbID(t, n.Team.ID) != w.Team.ID {
			t.Errorf("chartEntries[%d].team = %+v, want %+v", i, n.Team, w.Team)
		}
	}
	if len(d.Tags.Nodes) != len(wantTags) {
		t.Errorf("tags = %+v, want %+v", d.Tags.Nodes, wantTags)
	}
	for i := range wantTags {
		if i < len(d.Tags.Nodes) && d.Tags.Nodes[i].Name != wantTags[i].Name {
			t.Errorf("tags[%d] = %s, want %s", i, d.Tags.Nodes[i].Name, wantTags[i].Name)
		}
	}
	if d.Tasks.TotalCount != wantTasks || wantTasks == 0 {
		t.Errorf("tasks: %d, want %d", d.Tasks.TotalCount, wantTasks)
	}
	if len(d.Leaderboard) != len(wantBoard) || len(wantBoard) == 0 {
		t.Fatalf("leaderboard: %+v, want %+v", d.Leaderboard, wantBoard)
	}
	for i, b := range d.Leaderboard {
		if dbID(t, b.ID) != wantBoard[i].ID || b.Position != i+1 {
			t.Errorf("leaderboard[%d] = %+v, want %s at %d", i, b, wantBoard[i].ID, i+1)
		}
	}
	if d.Comments.TotalCount != wantComments {
		t.Errorf("comments: %d, want %d", d.Comments.TotalCount, wantComments)
	}
}

// Song and play divisions: song entries and chart prompts with record
// entries; the wrong kind of list is the upstream's error on that field.
func TestEventsSongAndPlayDivisions(t *testing.T) {
	e := newEnv(t)
	song, play := divisionOf(e, sandbox.DivisionSong), divisionOf(e, sandbox.DivisionPlay)
	wantSongs := restTotal(e, "/events/divisions/"+song.ID+"/entries/songs", nil)
	wantCharts := rest[[]restID](e, "/events/divisions/"+play.ID+"/prompts/charts", nil)
	wantRecords := rest[[]struct {
		ID    string `json:"id"`
		Score int    `json:"score"`
	}](e, "/events/divisions/"+play.ID+"/entries/records", url.Values{"Order": {"Score"}, "Desc": {"true"}})

	var got struct {
		Song struct {
			SongEntries struct {
				TotalCount int
				Nodes      []struct{ Song struct{ Title string } }
			}
		}
		Play struct {
			ChartPrompts struct {
				Nodes []struct{ Chart struct{ ID string } }
			}
			RecordEntries struct {
				Nodes []struct {
					Record struct {
						ID    string
						Score int
						Chart struct{ ID string }
					}
				}
			}
		}
	}
	e.mustQuery(`query($song: ID!, $play: ID!) {
		song: eventDivision(id: $song) { songEntries(first: 50) { totalCount nodes { song { title } } } }
		play: eventDivision(id: $play) {
			chartPrompts(first: 50) { nodes { chart { id } } }
			recordEntries(first: 50, orderBy: [{ field: SCORE, direction: DESC }]) { nodes { record { id score chart { id } } } }
		}
	}`, map[string]any{"song": song.ID, "play": play.ID}, &got)

	if got.Song.SongEntries.TotalCount != wantSongs || wantSongs == 0 {
		t.Errorf("songEntries: %d, want %d", got.Song.SongEntries.TotalCount, wantSongs)
	}
	if len(got.Play.ChartPrompts.Nodes) != len(wantCharts) || len(wantCharts) == 0 {
		t.Errorf("chartPrompts: %d, want %d", len(got.Play.ChartPrompts.Nodes), len(wantCharts))
	}
	if len(got.Play.RecordEntries.Nodes) != len(wantRecords) || len(wantRecords) == 0 {
		t.Fatalf("recordEntries: %d, want %d", len(got.Play.RecordEntries.Nodes), len(wantRecords))
	}
	for i, n := range got.Play.RecordEntries.Nodes {
		if dbID(t, n.Record.ID) != wantRecords[i].ID || n.Record.Score != wantRecords[i].Score || n.Record.Chart.ID == "" {
			t.Errorf("recordEntries[%d] = %+v, want %+v with its chart", i, n.Record, wantRecords[i])
		}
	}

	a := e.query(`query($id: ID!) { eventDivision(id: $id) { title songPrompts(first: 1) { totalCount } } }`,
		map[string]any{"id": song.ID}, "", nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "InvalidOperation" {
		t.Errorf("song prompts of a song division: errors %+v, want the upstream's InvalidOperation", a.Errors)
	}
}

// Root lists: divisions and teams of all events, tasks with a filter and an
// order, one task and its division.
func TestEventsRootLists(t *testing.T) {
	e := newEnv(t)
	wantDivisions := restTotal(e, "/events/divisions", url.Values{"RangeType": {"Chart"}})
	wantTeams := restTotal(e, "/events/teams", nil)
	wantTasks := rest[[]struct {
		ID         string `json:"id"`
		Name       string `json:"name"`
		DivisionID string `json:"divisionId"`
	}](e, "/events/tasks", url.Values{"ContainsName": {"score"}, "Order": {"Name", "Id"}, "Desc": {"false", "false"}, "PerPage": {"1000"}})

	var got struct {
		EventDivisions struct {
			TotalCount int
			Nodes      []struct{ Type string }
		}
		EventTeams struct {
			TotalCount int
			Nodes      []struct{ ID string }
		}
		EventTasks struct {
			TotalCount int
			Nodes      []struct {
				ID, Name string
				Type     string
				Division struct{ ID string }
			}
		}
	}
	e.mustQuery(`{
		eventDivisions(first: 50, filter: { rangeType: [CHART] }, orderBy: [{ field: TITLE, direction: ASC }]) {
			totalCount nodes { type } }
		eventTeams(first: 5) { totalCount nodes { id } }
		eventTasks(first: 100, filter: { containsName: "score" }, orderBy: [{ field: NAME, direction: ASC }]) {
			totalCount nodes { id name type division { id } } }
	}`, nil, &got)
	if got.EventDivisions.TotalCount != wantDivisions || wantDivisions == 0 {
		t.Errorf("eventDivisions: %d, want %d", got.EventDivisions.TotalCount, wantDivisions)
	}
	for _, n := range got.EventDivisions.Nodes {
		if n.Type != "CHART" {
			t.Errorf("eventDivisions has a %s division, want CHART only", n.Type)
		}
	}
	if got.EventTeams.TotalCount != wantTeams || len(got.EventTeams.Nodes) != 5 {
		t.Errorf("eventTeams: %d (%d nodes), want %d", got.EventTeams.TotalCount, len(got.EventTeams.Nodes), wantTeams)
	}
	if got.EventTasks.TotalCount != len(wantTasks) || len(wantTasks) < 3 {
		t.Fatalf("eventTasks: %d, want %d", got.EventTasks.TotalCount, len(wantTasks))
	}
	for i, n := range got.EventTasks.Nodes {
		if dbID(t, n.ID) != wantTasks[i].ID || dbID(t, n.Division.ID) != wantTasks[i].DivisionID {
			t.Errorf("eventTasks[%d] = %+v, want %+v", i, n, wantTasks[i])
		}
	}
	if _, byRoute := e.calls(); byRoute["GET /events/divisions"] != 2 {
		// one for the list, one for the divisions of all the tasks
		t.Errorf("calls %v, want the tasks' divisions in one GET /events/divisions", byRoute)
	}

	task := wantTasks[0]
	var one struct {
		EventTask struct {
			Name     string
			Code     *string
			Division struct{ DatabaseID string }
		}
	}
	e.mustQuery(`query($id: ID!) { eventTask(id: $id) { name code division { databaseId } } }`,
		map[string]any{"id": task.ID}, &one)
	if one.EventTask.Name != task.Name || one.EventTask.Division.DatabaseID != task.DivisionID || one.EventTask.Code == nil {
		t.Errorf("eventTask = %+v, want %+v", one.EventTask, task)
	}
}

// Event resources for an administrator: a filtered, ordered list with each
// resource's subject, division and team, one resource and reserved fields.
func TestEventsResources(t *testing.T) {
	e := newEnv(t)
	want := restAs[[]struct {
		DivisionID string   `json:"divisionId"`
		ResourceID string   `json:"resourceId"`
		Score      *float64 `json:"score"`
		TeamID     *string  `json:"teamId"`
	}](e, adminToken, "/events/resources", url.Values{"RangeType": {"Entry"}, "Order": {"DateCreated"}, "PerPage": {"40"}})
	wantRows := restAs[[][]*struct{ Index int }](e, adminToken, "/events/resources/reservedFields",
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
	}`, nil, adminToken, &got)
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
	wantFields := restAs[[]*struct{ Index int }](e, adminToken,
		"/events/resources/"+first.DivisionID+"/"+first.ResourceID+"/reservedFields", nil)
	var one struct {
		EventResource struct {
			ID             string
			ReservedFields []*struct{ Index int }
		}
	}
	a = e.query(`query($d: ID!, $r: ID!) { eventResource(divisionId: $d, resourceId: $r) { id reservedFields { index } } }`,
		map[string]any{"d": first.DivisionID, "r": first.ResourceID}, adminToken, &one)
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
		nil, adminToken, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	if _, byRoute := e.calls(); byRoute["GET /events/resources"] != 2 {
		t.Errorf("calls %v, want two GET /events/resources (divisions, teams)", byRoute)
	}
	entered := 0
	for _, v := range got.EventDivisions.Nodes {
		want := restAs[[]restID](e, adminToken, "/events/resources", url.Values{"RangeDivisionId": {v.DatabaseID}})
		if v.Resources.TotalCount != len(want) || len(want) == 0 {
			t.Errorf("division %s: %d resources, want %d", v.DatabaseID, v.Resources.TotalCount, len(want))
		}
		for _, team := range v.Teams.Nodes {
			want := restAs[[]restID](e, adminToken, "/events/resources",
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
	want := restAs[[]struct {
		EventID string `json:"eventId"`
		UserID  int    `json:"userId"`
	}](e, adminToken, "/events/hostships", url.Values{"IsUnveiled": {"true"}, "Order": {"UserId"}, "Desc": {"true"}})

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
	}`, nil, adminToken, &got)
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
	if a := e.query(doc, map[string]any{"c": invite.Code}, adminToken, &inv); len(a.Errors) > 0 ||
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
	wantFields := restAs[[]*struct{ Index int }](e, adminToken, "/events/teams/"+invite.TeamID+"/reservedFields", nil)
	wantRows := restAs[[][]*struct{ Index int }](e, adminToken, "/events/teams/reservedFields",
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
	}`, map[string]any{"id": invite.TeamID, "code": invite.Code}, adminToken, &got)
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

	a = e.query(`{ eventTeamInvite(code: "not a code") { team { id } } }`, nil, adminToken, nil)
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

	v := divisionOf(e, sandbox.DivisionChart)
	doc := `query($id: ID!) { eventDivision(id: $id) { reservedFields { index content } } }`
	var fields struct {
		EventDivision struct{ ReservedFields []*struct{ Index int } }
	}
	wantFields := restAs[[]*struct{ Index int }](e, adminToken, "/events/divisions/"+v.ID+"/reservedFields", nil)
	if a := e.query(doc, map[string]any{"id": v.ID}, adminToken, &fields); len(a.Errors) > 0 ||
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
