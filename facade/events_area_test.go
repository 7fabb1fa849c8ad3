package facade_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
)

const eventsAdmin = "sandbox-admin-token"

func init() {
	nodeSamples["EventTask"] = `{ x: eventTasks(first: 1) { nodes { id } } }`
	nodeSamples["Hostship"] = `{ x: hostships(first: 1) { nodes { id } } }`
	// Anonymous callers see the public entries among event resources.
	// Only signed-in callers see event resources.
	nodeSamples["EventResource"] = `{ x: eventResources(first: 1) { nodes { id } } }`
	nodeTokens["EventResource"] = eventsAdmin
}

// eventsRestAs is rest for a signed-in caller.
func eventsRestAs[T any](e *env, token, path string, query url.Values) T {
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

// eventsDivision picks the first unveiled division of a type (0 song, 1 chart,
// 2 play) that is not locked and has teams.
func eventsDivision(e *env, typ sandbox.EventDivisionType) sandbox.EventDivision {
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

type eventsRestID struct {
	ID string `json:"id"`
}

// A chart division: its song prompts, chart entries (filtered and ordered)
// with their charts and teams, its tags, tasks, leaderboard and comments.
func TestEventsChartDivision(t *testing.T) {
	e := newEnv(t)
	v := eventsDivision(e, sandbox.DivisionChart)
	base := "/events/divisions/" + v.ID
	newestFirst := url.Values{"Order": {"DateCreated", "Id"}, "Desc": {"true", "true"}}
	wantPrompts := rest[[]eventsRestID](e, base+"/prompts/songs", newestFirst)
	wantEntries := rest[[]struct {
		ID         string        `json:"id"`
		Difficulty float64       `json:"difficulty"`
		Team       *eventsRestID `json:"team"`
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
	song, play := eventsDivision(e, sandbox.DivisionSong), eventsDivision(e, sandbox.DivisionPlay)
	wantSongs := restTotal(e, "/events/divisions/"+song.ID+"/entries/songs", nil)
	wantCharts := rest[[]eventsRestID](e, "/events/divisions/"+play.ID+"/prompts/charts", nil)
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
