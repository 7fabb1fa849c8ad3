package facade_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// Play sessions end to end: startPlay gives the token and timestamp that
// createRecord signs, and the record is then readable.

const startPlay = `mutation($input: StartPlayInput!) { startPlay(input: $input) {
	token timestamp chart { databaseId noteCount fileChecksum } } }`

// playStarted is the part of StartPlayPayload the tests read.
type playStarted struct {
	Token, Timestamp string
	Chart            struct {
		DatabaseID   string
		NoteCount    int
		FileChecksum *string
	}
}

func TestStartPlayThenCreateRecord(t *testing.T) {
	// A cache under the client: a play's start must pass it by.
	e := newCachedEnv(t, upstream.CacheOptions{TTL: time.Hour, ListTTL: time.Hour})
	alice := e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	chart := playable(t, d)
	conf := d.Areas.Catalog.PlayConfigurations[0]
	app := d.Areas.Catalog.Applications[0]
	input := map[string]any{
		"chartId": globalid.Encode("Chart", chart.ID), "configurationId": conf.ID,
		"applicationId": globalid.Encode("Application", app.ID),
	}

	var got struct{ StartPlay playStarted }
	e.sandbox.ResetRequests()
	e.mustQueryAs(startPlay, map[string]any{"input": input}, alice.AccessToken, &got)
	p := got.StartPlay
	if p.Token == "" || p.Timestamp == "" || p.Chart.DatabaseID != chart.ID || p.Chart.NoteCount != chart.NoteCount {
		t.Fatalf("startPlay = %+v", p)
	}
	reqs := e.sandbox.Requests()
	if len(reqs) != 1 || reqs[0].Route != "/player/play" || reqs[0].Method != http.MethodGet ||
		reqs[0].Query.Get("chartId") != chart.ID || reqs[0].Query.Get("configurationId") != conf.ID ||
		reqs[0].Query.Get("applicationId") != app.ID || reqs[0].Query.Has("teamId") || !reqs[0].Authenticated {
		t.Errorf("startPlay sent %+v", reqs)
	}

	// The same start again is a new session: asked again, never cached.
	var again struct{ StartPlay playStarted }
	e.sandbox.ResetRequests()
	a := e.query(startPlay, map[string]any{"input": input}, alice.AccessToken, &again)
	if est := a.Extensions["estimatedUpstreamCalls"]; est != float64(1) {
		t.Errorf("startPlay estimated at %v upstream calls; it makes one", est)
	}
	if _, byRoute := e.calls(); byRoute["GET /player/play"] != 1 || again.StartPlay.Token == p.Token {
		t.Errorf("a second startPlay: calls %v, token %q after %q", byRoute, again.StartPlay.Token, p.Token)
	}

	n := chart.NoteCount
	digest := fmt.Sprintf("%s:%s:%d:%d:%d:%d:%d:%d:%d:%s", chart.ID, conf.ID, alice.UserID, n, n, 0, 0, 0, 0,
		p.Timestamp)
	record := map[string]any{
		"token": p.Token, "maxCombo": n, "perfect": n, "goodEarly": 0, "goodLate": 0, "bad": 0, "miss": 0,
		"stdDeviation": 8.0, "checksum": *p.Chart.FileChecksum,
		"hmac": sign(e.sandbox.ApplicationSecret(app.ID), digest),
	}
	// Before the song has played through, the upstream refuses the record.
	wantError(t, e.query(createRecord, map[string]any{"input": record}, "", nil), "BAD_USER_INPUT", "InvalidData")

	e.sandbox.Advance(time.Hour)
	var created struct {
		CreateRecord struct {
			Record struct {
				DatabaseID string
				Score      int
			}
		}
	}
	e.mustQueryAs(createRecord, map[string]any{"input": record}, "", &created)
	r := created.CreateRecord.Record
	if r.Score != 1_000_000 || r.DatabaseID == "" {
		t.Fatalf("createRecord = %+v", r)
	}

	var read struct {
		Record struct {
			Score int
			Owner struct{ DatabaseID string }
			Chart struct{ DatabaseID string }
		}
	}
	e.mustQuery(`query($id: ID!) { record(id: $id) { score owner { databaseId } chart { databaseId } } }`,
		map[string]any{"id": r.DatabaseID}, &read)
	if read.Record.Score != r.Score || read.Record.Owner.DatabaseID != fmt.Sprint(alice.UserID) ||
		read.Record.Chart.DatabaseID != chart.ID {
		t.Errorf("the record reads %+v", read.Record)
	}

	// The token is spent.
	wantError(t, e.query(createRecord, map[string]any{"input": record}, "", nil), "NOT_FOUND", "InvalidToken")
}

func TestStartPlayRefusals(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	chart := playable(t, d)
	conf := d.Areas.Catalog.PlayConfigurations[0].ID
	app := d.Areas.Catalog.Applications[0].ID
	var locked, outsider string
	for _, c := range d.Charts {
		if c.IsLocked {
			locked = c.ID
			break
		}
	}
	for _, tm := range d.Teams {
		in := false
		for _, p := range d.Participations {
			in = in || p.TeamID == tm.ID && p.ParticipantID == alice.UserID
		}
		if !in {
			outsider = tm.ID
			break
		}
	}
	if locked == "" || outsider == "" {
		t.Fatalf("no locked chart (%q) or team without Alice (%q)", locked, outsider)
	}
	const missing = "00000000-0000-4000-8000-000000000000"
	in := func(chartID, confID, appID string, teamID any) map[string]any {
		return map[string]any{"input": map[string]any{
			"chartId": chartID, "configurationId": confID, "applicationId": appID, "teamId": teamID,
		}}
	}

	tests := []struct {
		name, token    string
		vars           map[string]any
		code, upstream string
		calls          int
	}{
		{"anonymous", "", in(chart.ID, conf, app, nil), "UNAUTHENTICATED", "", 0},
		{"a song's ID for the chart", alice.AccessToken, in(globalid.Encode("Song", chart.SongID), conf, app, nil),
			"BAD_USER_INPUT", "", 0},
		{"an unknown chart", alice.AccessToken, in(missing, conf, app, nil), "NOT_FOUND", "ResourceNotFound", 1},
		{"an unknown configuration", alice.AccessToken, in(chart.ID, missing, app, nil), "NOT_FOUND",
			"ConfigurationNotFound", 1},
		{"an unknown application", alice.AccessToken, in(chart.ID, conf, missing, nil), "NOT_FOUND",
			"ApplicationNotFound", 1},
		{"a locked chart", alice.AccessToken, in(locked, conf, app, nil), "FORBIDDEN", "Locked", 1},
		{"an unknown team", alice.AccessToken, in(chart.ID, conf, app, missing), "NOT_FOUND", "RelationNotFound", 1},
		{"someone else's team", alice.AccessToken, in(chart.ID, conf, app, outsider), "BAD_USER_INPUT",
			"NotEnrolled", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.sandbox.ResetRequests()
			wantError(t, e.query(startPlay, tt.vars, tt.token, nil), tt.code, tt.upstream)
			if n, byRoute := e.calls(); n != tt.calls || n > 0 && byRoute["GET /player/play"] != n {
				t.Errorf("calls = %v, want %d of GET /player/play", byRoute, tt.calls)
			}
		})
	}
}

func TestStartTapTapPlayThenCreateTapTapRecord(t *testing.T) {
	e := newEnv(t)
	d := e.sandbox.Data()
	chart := playable(t, d)
	app := e.sandbox.TapTapApplicationID()

	var set struct{ LoginWithTapTap struct{ AccessToken string } }
	e.mustQuery(`mutation(`+tapTapVars+`) { loginWithTapTap(input: { applicationId: $app, accessToken: $token,
		macKey: "`+sandbox.TapTapMacKey+`" }) { accessToken } }`, tapTapInput(app, sandbox.TapTapAccessToken2), &set)
	ghost := set.LoginWithTapTap.AccessToken

	const start = `mutation($chart: ID!) { startTapTapPlay(input: { chartId: $chart, perfectJudgment: 80,
		goodJudgment: 160 }) { token timestamp chart { databaseId } } }`
	wantError(t, e.query(start, map[string]any{"chart": chart.ID}, "", nil), "UNAUTHENTICATED", "")
	var got struct{ StartTapTapPlay playStarted }
	e.sandbox.ResetRequests()
	e.mustQueryAs(start, map[string]any{"chart": chart.ID}, ghost, &got)
	p := got.StartTapTapPlay
	if _, byRoute := e.calls(); byRoute["GET /player/play/tapTap"] != 1 || len(byRoute) != 1 ||
		p.Token == "" || p.Chart.DatabaseID != chart.ID {
		t.Fatalf("startTapTapPlay = %+v, calls %v", p, byRoute)
	}
	if q := e.sandbox.Requests()[0].Query; q.Get("perfectJudgment") != "80" || q.Get("goodJudgment") != "160" {
		t.Errorf("startTapTapPlay sent %v", q)
	}

	e.sandbox.Advance(time.Hour)
	n := chart.NoteCount
	digest := fmt.Sprintf("%s:%s:%d:%d:%d:%d:%d:%d:%s", chart.ID, "taptap-union-2", n, n, 0, 0, 0, 0, p.Timestamp)
	const doc = `mutation($input: CreateRecordInput!) { createTapTapRecord(input: $input) { score } }`
	var rec struct{ CreateTapTapRecord struct{ Score int } }
	e.mustQueryAs(doc, map[string]any{"input": map[string]any{
		"token": p.Token, "maxCombo": n, "perfect": n, "goodEarly": 0, "goodLate": 0, "bad": 0, "miss": 0,
		"stdDeviation": 5.0, "checksum": *chart.FileChecksum, "hmac": sign(e.sandbox.ApplicationSecret(app), digest),
	}}, "", &rec)
	if rec.CreateTapTapRecord.Score != 1_000_000 {
		t.Errorf("createTapTapRecord score = %d", rec.CreateTapTapRecord.Score)
	}
}

// The seeded data has divisions running at the sandbox's present: a
// newcomer forms a team in one with no setup, and plays for it.
func TestSeededDivisionTakesTeamsAndPlays(t *testing.T) {
	e := newEnv(t)
	bob := e.sandbox.Tokens()[2]
	d := e.sandbox.Data()
	v := pick(t, "running division", d.Divisions, func(v *sandbox.EventDivision) bool {
		return v.Status == sandbox.DivisionStarted && v.DateStarted.Before(d.Now) && v.DateEnded.After(d.Now)
	})
	for _, tm := range d.Teams {
		for _, p := range d.Participations {
			if tm.DivisionID == v.ID && p.TeamID == tm.ID && p.ParticipantID == bob.UserID {
				t.Fatalf("Bob is in team %s of the division already", tm.ID)
			}
		}
	}

	team := registerTeam(t, e, bob.AccessToken, v.ID, 1, []byte("\x89PNG team icon"))
	if team.Owner.DatabaseID != fmt.Sprint(bob.UserID) || team.DatabaseID == "" {
		t.Fatalf("createEventTeam = %+v", team)
	}

	chart := playable(t, d)
	var got struct{ StartPlay playStarted }
	e.sandbox.ResetRequests()
	e.mustQueryAs(startPlay, map[string]any{"input": map[string]any{
		"chartId": chart.ID, "configurationId": d.Areas.Catalog.PlayConfigurations[0].ID,
		"applicationId": d.Areas.Catalog.Applications[0].ID, "teamId": team.ID,
	}}, bob.AccessToken, &got)
	reqs := e.sandbox.Requests()
	if got.StartPlay.Token == "" || len(reqs) != 1 || reqs[0].Query.Get("teamId") != team.DatabaseID {
		t.Errorf("startPlay for the team = %+v, sent %+v", got.StartPlay, reqs)
	}
}
