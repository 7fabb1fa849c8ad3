package sandbox

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"
	"time"
)

// sendTeamForm serves a write with a multipart form of fields.
func sendTeamForm(s *Server, method, target string, fields map[string]string, opts ...opt) answer {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	_ = w.Close()
	r := httptest.NewRequest(method, target, &body)
	r.Header.Set("Content-Type", w.FormDataContentType())
	for _, o := range opts {
		o(r)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	a := answer{code: rec.Code, raw: rec.Body.Bytes()}
	if len(a.raw) > 0 {
		_ = json.Unmarshal(a.raw, &a)
	}
	return a
}

// teamsFixture opens the first division for teams (started, one to four
// members, one to three entries, at most maxTeams teams besides its
// own), hides the second, and makes user 4 a host of the first's event
// who may update teams and resources and reserved field 2; users 2 to 5
// are in no team of either and host neither otherwise.
func teamsFixture(s *Server, maxTeams int) (open, hidden *EventDivision) {
	s.Update(func(d *Data) {
		open, hidden = &d.Divisions[0], &d.Divisions[1]
		open.Status, open.DateUnveiled = DivisionStarted, d.Now.Add(-time.Hour)
		open.MinParticipantPerTeamCount, open.MaxParticipantPerTeamCount = ptr(1), ptr(4)
		open.MinSubmissionCount, open.MaxSubmissionCount = ptr(1), ptr(3)
		open.MaxTeamCount = ptr(len(d.idx.teamsByDivision[open.ID]) + maxTeams)
		hidden.Status, hidden.DateUnveiled = DivisionCreated, d.Now.Add(24*time.Hour)
		events := []string{open.EventID, hidden.EventID}
		d.Participations = slices.DeleteFunc(d.Participations, func(p Participation) bool {
			t := d.Team(p.TeamID)
			return p.ParticipantID >= 2 && p.ParticipantID <= 5 && (t.DivisionID == open.ID || t.DivisionID == hidden.ID)
		})
		d.Hostships = slices.DeleteFunc(d.Hostships, func(h Hostship) bool {
			return h.UserID >= 2 && h.UserID <= 5 && slices.Contains(events, h.EventID)
		})
		d.Hostships = append(d.Hostships, Hostship{EventID: open.EventID, UserID: 4, Permissions: []uint32{
			permUpdateTeam, permUpdateResource, permUpdateReservedField | 2,
		}})
		for _, e := range events {
			if ev := d.Event(e); ev.OwnerID >= 2 && ev.OwnerID <= 5 {
				ev.OwnerID = 1
			}
		}
	})
	return open, hidden
}

// Teams, members and invitations follow EventTeamController's rules.
func TestTeamWriteRules(t *testing.T) {
	s := New()
	open, hidden := teamsFixture(s, 1)
	alice, bob, admin := token("sandbox-alice-token"), token("sandbox-bob-token"), token("sandbox-admin-token")
	host, member := token(tokenFor(s, 4)), token(tokenFor(s, 5))
	form := func(division string, claimed int) map[string]string {
		return map[string]string{"Name": "Owls", "DivisionId": division, "ClaimedParticipantCount": strconv.Itoa(claimed),
			"ClaimedSubmissionCount": "1"}
	}

	for _, tt := range []struct {
		name     string
		fields   map[string]string
		who      opt
		status   int
		code     string
		reported string
	}{
		{"without a token", form(open.ID, 2), header("X", "y"), 401, "", ""},
		{"without a name", map[string]string{"DivisionId": open.ID}, alice, 400, "InvalidData", "Name"},
		{"with a bad count", map[string]string{"Name": "x", "DivisionId": open.ID, "ClaimedParticipantCount": "many"},
			alice, 400, "InvalidData", "ClaimedParticipantCount"},
		{"in an unknown division", form("00000000-0000-4000-8000-000000000000", 2), alice, 404, "ParentNotFound", ""},
		{"before the division is unveiled", form(hidden.ID, 2), alice, 403, "InsufficientPermission", ""},
		{"claiming too many members", form(open.ID, 5), alice, 400, "InvalidData", ""},
	} {
		a := sendTeamForm(s, http.MethodPost, "/events/teams", tt.fields, tt.who)
		if a.code != tt.status || a.Code != tt.code || tt.reported != "" && (len(a.Errors) == 0 ||
			a.Errors[0].Field != tt.reported) {
			t.Errorf("create %s: %d %s, want %d %s %s", tt.name, a.code, a.raw, tt.status, tt.code, tt.reported)
		}
	}

	a := sendTeamForm(s, http.MethodPost, "/events/teams", form(open.ID, 2), alice)
	var created struct{ ID string }
	if _ = json.Unmarshal(a.Data, &created); a.code != 201 || created.ID == "" {
		t.Fatalf("create: %d %s", a.code, a.raw)
	}
	team := s.Data().Team(created.ID)
	leader := slices.ContainsFunc(s.Data().Participations, func(p Participation) bool {
		return p.TeamID == team.ID && p.ParticipantID == 2 && *p.Position == "Leader"
	})
	if team.OwnerID != 2 || team.Status != TeamRegistered || !leader {
		t.Errorf("the new team is %+v", team)
	}
	if a := sendTeamForm(s, http.MethodPost, "/events/teams", form(open.ID, 2), alice); a.code != 400 ||
		a.Code != codeInvalidOperation {
		t.Errorf("a second team: %d %s", a.code, a.raw)
	}
	if a := sendTeamForm(s, http.MethodPost, "/events/teams", form(open.ID, 2), bob); a.code != 403 ||
		a.Code != codeInvalidOperation || a.Message == nil {
		t.Errorf("a team too many: %d %s", a.code, a.raw)
	}

	teamPath := "/events/teams/" + team.ID
	var code string
	steps := []struct {
		name, method, target, body string
		who                        opt
		status                     int
		code                       string
	}{
		{"bob renames it", http.MethodPatch, teamPath, `[{"op":"replace","path":"/name","value":"x"}]`, bob, 403,
			"InsufficientPermission"},
		{"a host renames it", http.MethodPatch, teamPath, `[{"op":"replace","path":"/name","value":"Larks"}]`, host,
			204, ""},
		{"a claim out of range", http.MethodPatch, teamPath,
			`[{"op":"replace","path":"/claimedSubmissionCount","value":9}]`, alice, 403, "InvalidData"},
		{"a name too long", http.MethodPatch, teamPath,
			`[{"op":"replace","path":"/name","value":"` + string(bytes.Repeat([]byte("x"), 41)) + `"}]`, alice, 400,
			"InvalidData"},
		{"bob removes its icon", http.MethodDelete, teamPath + "/icon", "", bob, 403, "InsufficientPermission"},
		{"its owner removes its icon", http.MethodDelete, teamPath + "/icon", "", alice, 204, ""},
		{"bob invites", http.MethodPost, teamPath + "/invite", "", bob, 403, "InsufficientPermission"},
		{"its owner invites", http.MethodPost, teamPath + "/invite", "", alice, 201, "Ok"},
		{"an unknown code", http.MethodPost, "/events/teams/invites/NOPE00/accept", "", bob, 404, "ResourceNotFound"},
		{"bob accepts", http.MethodPost, "/events/teams/invites/{code}/accept?Position=Vocal", "", bob, 204, ""},
		{"bob accepts again", http.MethodPost, "/events/teams/invites/{code}/accept", "", bob, 400,
			"InvalidOperation"},
		{"a stranger moves bob", http.MethodPatch, teamPath + "/participants/3",
			`[{"op":"replace","path":"/position","value":"x"}]`, member, 403, "InsufficientPermission"},
		{"bob moves himself", http.MethodPatch, teamPath + "/participants/3",
			`[{"op":"replace","path":"/position","value":"Lyricist"}]`, bob, 204, ""},
		{"the owner leaves", http.MethodDelete, teamPath + "/participants/2", "", alice, 400, "InvalidOperation"},
		{"bob removes the owner", http.MethodDelete, teamPath + "/participants/2", "", bob, 403,
			"InsufficientPermission"},
		{"the owner removes bob", http.MethodDelete, teamPath + "/participants/3", "", alice, 204, ""},
		{"bob leaves again", http.MethodDelete, teamPath + "/participants/3", "", bob, 404, "ResourceNotFound"},
		{"a host without the right disbands it", http.MethodDelete, teamPath, "", host, 403, "InsufficientPermission"},
		{"an administrator disbands it", http.MethodDelete, teamPath, "", admin, 204, ""},
		{"it is gone", http.MethodDelete, teamPath, "", admin, 404, "ResourceNotFound"},
	}
	for _, tt := range steps {
		target := tt.target
		if code != "" {
			target = replaceCode(target, code)
		}
		a := sendBody(s, tt.method, target, tt.body, tt.who)
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %s, want %d %s", tt.name, a.code, a.raw, tt.status, tt.code)
		}
		switch tt.name {
		case "a host renames it":
			if s.Data().Team(team.ID).Name != "Larks" {
				t.Errorf("the team is named %q", s.Data().Team(team.ID).Name)
			}
		case "its owner invites":
			var c struct{ Code string }
			_ = json.Unmarshal(a.Data, &c)
			code = c.Code
		case "bob moves himself":
			i := slices.IndexFunc(s.Data().Participations, func(p Participation) bool {
				return p.TeamID == team.ID && p.ParticipantID == 3
			})
			if i < 0 || *s.Data().Participations[i].Position != "Lyricist" {
				t.Errorf("bob's membership is %v", i)
			}
		}
	}
	if s.Data().Team(team.ID) != nil || slices.ContainsFunc(s.Data().Areas.Events.TeamInvites,
		func(inv TeamInvite) bool { return inv.TeamID == team.ID }) {
		t.Error("the disbanded team or its invitation is still there")
	}
}

func replaceCode(target, code string) string {
	const slot = "{code}"
	if i := bytes.Index([]byte(target), []byte(slot)); i >= 0 {
		return target[:i] + code + target[i+len(slot):]
	}
	return target
}

// An owner changes their team only while the division is unveiled or
// started; hosts with the right at any time.
func TestTeamDivisionUnavailable(t *testing.T) {
	s := New()
	open, _ := teamsFixture(s, 5)
	a := sendTeamForm(s, http.MethodPost, "/events/teams", map[string]string{"Name": "Owls", "DivisionId": open.ID,
		"ClaimedParticipantCount": "1", "ClaimedSubmissionCount": "1"}, token("sandbox-alice-token"))
	var created struct{ ID string }
	_ = json.Unmarshal(a.Data, &created)
	if s.Data().Team(created.ID).Status != TeamPrepared {
		t.Errorf("a team of one starts %v", s.Data().Team(created.ID).Status)
	}
	s.Update(func(d *Data) { d.Division(open.ID).Status = DivisionEnded })

	patch := `[{"op":"remove","path":"/description"}]`
	a = sendBody(s, http.MethodPatch, "/events/teams/"+created.ID, patch, token("sandbox-alice-token"))
	if a.code != 400 || a.Code != codeDivisionUnavailable {
		t.Errorf("the owner after the end: %d %s", a.code, a.raw)
	}
	if a := sendBody(s, http.MethodPatch, "/events/teams/"+created.ID, patch, token(tokenFor(s, 4))); a.code != 204 {
		t.Errorf("a host after the end: %d %s", a.code, a.raw)
	}
}

// Reserved fields and event resources follow the rules of
// EventTeamController and EventResourceController.
func TestReservedFieldAndResourceRules(t *testing.T) {
	s := New()
	open, hidden := teamsFixture(s, 5)
	d := s.Data()
	team := d.Teams[d.idx.teamsByDivision[open.ID][0]].ID
	hiddenTeam := d.Teams[d.idx.teamsByDivision[hidden.ID][0]].ID
	var entry, prompt string
	s.Update(func(d *Data) {
		d.Areas.Events.Resources = append(d.Areas.Events.Resources,
			EventResource{DivisionID: open.ID, ResourceID: "00000000-0000-4000-8000-0000000000e1", Type: ResourceEntry,
				TeamID: &team},
			EventResource{DivisionID: open.ID, ResourceID: "00000000-0000-4000-8000-0000000000e2", Type: ResourcePrompt})
		entry = "/events/resources/" + open.ID + "/00000000-0000-4000-8000-0000000000e1"
		prompt = "/events/resources/" + open.ID + "/00000000-0000-4000-8000-0000000000e2"
	})
	alice, admin, host := token("sandbox-alice-token"), token("sandbox-admin-token"), token(tokenFor(s, 4))
	const note = `{"content":"checked"}`

	for _, tt := range []struct {
		name, method, target, body string
		who                        opt
		status                     int
		code                       string
	}{
		{"without a token", http.MethodPost, "/events/teams/" + team + "/reservedFields/1", note, header("X", "y"),
			401, ""},
		{"a member before the division is unveiled", http.MethodPost, "/events/teams/" + hiddenTeam +
			"/reservedFields/1", note, alice, 404, "ResourceNotFound"},
		{"a member", http.MethodPost, "/events/teams/" + team + "/reservedFields/1", note, alice, 403,
			"InsufficientPermission"},
		{"a host without field 1", http.MethodPost, "/events/teams/" + team + "/reservedFields/1", note, host, 403,
			"InsufficientPermission"},
		{"a host with field 2", http.MethodPost, "/events/teams/" + team + "/reservedFields/2", note, host, 204, ""},
		{"an administrator at 0", http.MethodPost, "/events/teams/" + team + "/reservedFields/0", note, admin, 400,
			"InvalidData"},
		{"too long", http.MethodPost, "/events/teams/" + team + "/reservedFields/1",
			`{"content":"` + string(bytes.Repeat([]byte("x"), 20001)) + `"}`, admin, 400, "InvalidData"},
		{"a prompt's field", http.MethodPost, prompt + "/reservedFields/2", note, admin, 400, "InvalidOperation"},
		{"an entry's field by a host", http.MethodPost, entry + "/reservedFields/2", note, host, 204, ""},
		{"an entry's field 3 by a host", http.MethodPost, entry + "/reservedFields/3", note, host, 403,
			"InsufficientPermission"},
		{"a member relabels an entry", http.MethodPatch, entry, `[{"op":"replace","path":"/label","value":"x"}]`,
			alice, 403, "InsufficientPermission"},
		{"a host relabels an entry", http.MethodPatch, entry, `[{"op":"replace","path":"/label","value":"Top"}]`,
			host, 204, ""},
		{"an unknown team", http.MethodPatch, entry,
			`[{"op":"replace","path":"/teamId","value":"00000000-0000-4000-8000-000000000000"}]`, host, 404,
			"ParentNotFound"},
		{"an unknown type", http.MethodPatch, entry, `[{"op":"replace","path":"/type","value":7}]`, host, 400,
			"InvalidData"},
		{"a host without the right removes it", http.MethodDelete, entry, "", host, 403, "InsufficientPermission"},
		{"an administrator removes it", http.MethodDelete, entry, "", admin, 204, ""},
		{"it is gone", http.MethodDelete, entry, "", admin, 404, "ResourceNotFound"},
	} {
		a := sendBody(s, tt.method, tt.target, tt.body, tt.who)
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %s, want %d %s", tt.name, a.code, a.raw, tt.status, tt.code)
		}
	}
	if f := s.Data().Areas.Events.TeamReserved[team]; len(f) < 2 || f[1] == nil || *f[1] != "checked" {
		t.Errorf("the team's reserved fields are %v", f)
	}
}
