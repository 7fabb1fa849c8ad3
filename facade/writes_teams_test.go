package facade_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of event teams, their members, invitations and reserved
// fields, and of event resources: each succeeds with its change visible in
// the fresh answer and in what the sandbox holds, and fails as
// EventTeamController and EventResourceController say.

// divisionOpenToTeams picks an unveiled division in which none of the
// users is in a team, and opens it: started, taking teams of one to four
// members with one to three entries, with room for more teams.
func divisionOpenToTeams(t *testing.T, e *env, users ...int) *sandbox.EventDivision {
	t.Helper()
	d := e.sandbox.Data()
	v := pick(t, "unveiled division", d.Divisions, func(v *sandbox.EventDivision) bool {
		if v.DateUnveiled.After(d.Now) {
			return false
		}
		for _, team := range d.Teams {
			for _, p := range d.Participations {
				if team.DivisionID == v.ID && p.TeamID == team.ID && slices.Contains(users, p.ParticipantID) {
					return false
				}
			}
		}
		return true
	})
	e.sandbox.Update(func(d *sandbox.Data) {
		v := d.Division(v.ID)
		v.Status = sandbox.DivisionStarted
		v.MinParticipantPerTeamCount, v.MaxParticipantPerTeamCount = ptrTo(1), ptrTo(4)
		v.MinSubmissionCount, v.MaxSubmissionCount = ptrTo(1), ptrTo(3)
		v.MaxTeamCount = ptrTo(1000)
	})
	return v
}

func ptrTo[T any](v T) *T { return &v }

// teamRead is what the tests read of an event team.
type teamRead struct {
	ID, DatabaseID, Name, Status string
	Icon, Description            *string
	ClaimedParticipantCount      int
	ClaimedSubmissionCount       int
	Owner                        struct{ DatabaseID string }
	Division                     struct{ TeamCount int }
	Participants                 []struct {
		Position *string
		User     struct{ DatabaseID string }
	}
}

const teamReadFields = `id databaseId name status icon description claimedParticipantCount
	claimedSubmissionCount owner { databaseId } division { teamCount }
	participants { position user { databaseId } }`

// members lists a team's members as "id:position".
func (f teamRead) members() string {
	var out []string
	for _, p := range f.Participants {
		position := ""
		if p.Position != nil {
			position = *p.Position
		}
		out = append(out, p.User.DatabaseID+":"+position)
	}
	return strings.Join(out, ",")
}

// teamFieldErrors returns the errors the answer's only error names for field.
func teamFieldErrors(a answer, field string) []any {
	if len(a.Errors) != 1 {
		return nil
	}
	fields, _ := a.Errors[0].Extensions["fieldErrors"].([]any)
	for _, f := range fields {
		if m, _ := f.(map[string]any); m["field"] == field {
			errs, _ := m["errors"].([]any)
			return errs
		}
	}
	return nil
}

// registerTeam registers a team as the token's user, with an icon.
func registerTeam(t *testing.T, e *env, token, division string, claimed int, icon []byte) teamRead {
	t.Helper()
	var got struct{ CreateEventTeam struct{ Team teamRead } }
	errs := upload(e, `mutation($division: ID!, $claimed: Int!, $file: Upload) { createEventTeam(input: {
		divisionId: $division, name: "Night Owls", description: "We chart after dark.",
		claimedParticipantCount: $claimed, claimedSubmissionCount: 1, icon: $file }) { team { `+teamReadFields+` } } }`,
		map[string]any{"division": globalid.Encode("EventDivision", division), "claimed": claimed}, token, icon, &got)
	if len(errs) > 0 {
		t.Fatalf("createEventTeam: %+v", errs)
	}
	return got.CreateEventTeam.Team
}

func TestEventTeamWrites(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	v := divisionOpenToTeams(t, e, alice.UserID)
	before := rest[struct{ TeamCount int }](e, "/events/divisions/"+v.ID, nil).TeamCount
	icon := bytes.Repeat([]byte("\x89PNG team icon "), 1024)
	sum := sha256.Sum256(icon)

	team := registerTeam(t, e, alice.AccessToken, v.ID, 2, icon)
	if team.Name != "Night Owls" || team.Description == nil || *team.Description != "We chart after dark." ||
		team.Status != "REGISTERED" || team.ClaimedParticipantCount != 2 || team.ClaimedSubmissionCount != 1 ||
		team.Owner.DatabaseID != strconv.Itoa(alice.UserID) || team.members() != "2:Leader" ||
		team.Icon == nil || !strings.Contains(*team.Icon, hex.EncodeToString(sum[:])) ||
		team.Division.TeamCount != before+1 {
		t.Fatalf("after createEventTeam: %+v", team)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/events/teams" || up[0].Field != "Icon" ||
		up[0].Resource != team.DatabaseID || up[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("the upstream received %+v", up)
	}
	if _, byRoute := e.calls(); byRoute["POST /events/teams"] != 1 || byRoute["GET /events/teams/{id}"] != 1 {
		t.Errorf("createEventTeam calls = %v", byRoute)
	}
	held := e.sandbox.Data().Team(team.DatabaseID)
	if held == nil || held.OwnerID != alice.UserID || held.DivisionID != v.ID || held.Name != "Night Owls" {
		t.Fatalf("the sandbox holds %+v", held)
	}

	vars := map[string]any{"team": team.ID}
	const update = `mutation($team: ID!) { updateEventTeam(input: { teamId: $team, name: "Blue Notes",
		description: null, claimedParticipantCount: 1 }) { team { ` + teamReadFields + ` } } }`
	var updated struct{ UpdateEventTeam struct{ Team teamRead } }
	e.mustQueryAs(update, vars, alice.AccessToken, &updated)
	if u := updated.UpdateEventTeam.Team; u.Name != "Blue Notes" || u.Description != nil ||
		u.ClaimedParticipantCount != 1 || u.Status != "PREPARED" {
		t.Errorf("after updateEventTeam: %+v", u)
	}
	want := `[{"op":"replace","path":"/name","value":"Blue Notes"},{"op":"remove","path":"/description"},` +
		`{"op":"replace","path":"/claimedParticipantCount","value":1}]`
	if got := lastBody(e, http.MethodPatch); got != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", got, want)
	}
	if held := e.sandbox.Data().Team(team.DatabaseID); held.Name != "Blue Notes" || held.Description != nil {
		t.Errorf("the sandbox holds %+v", held)
	}

	t.Run("an empty name", func(t *testing.T) {
		a := e.in(t).query(`mutation($team: ID!) { updateEventTeam(input: { teamId: $team, name: "" }) {
			team { id } } }`, vars, alice.AccessToken, nil)
		wantError(t, a, "BAD_USER_INPUT", "InvalidData")
		if errs := teamFieldErrors(a, "name"); len(errs) != 1 || errs[0] != "FieldEmpty" {
			t.Errorf("field errors of name = %v", errs)
		}
	})
	t.Run("a claim outside the division's range", func(t *testing.T) {
		wantError(t, e.in(t).query(`mutation($team: ID!) { updateEventTeam(input: { teamId: $team,
			claimedParticipantCount: 99 }) { team { id } } }`, vars, alice.AccessToken, nil), "BAD_USER_INPUT", "InvalidData")
	})
	t.Run("someone else's team", func(t *testing.T) {
		wantError(t, e.in(t).query(update, vars, bob.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	})
	t.Run("a second team in the division", func(t *testing.T) {
		var none struct{}
		errs := upload(e.in(t), `mutation($division: ID!, $file: Upload) { createEventTeam(input: {
			divisionId: $division, name: "Again", claimedParticipantCount: 1, claimedSubmissionCount: 1,
			icon: $file }) { team { id } } }`, map[string]any{"division": v.ID}, alice.AccessToken, icon, &none)
		if len(errs) != 1 || errs[0].Extensions["code"] != "BAD_USER_INPUT" ||
			errs[0].Extensions["upstreamCode"] != "InvalidOperation" {
			t.Errorf("errors = %+v, want BAD_USER_INPUT InvalidOperation", errs)
		}
	})

	picture := bytes.Repeat([]byte("\x89PNG new icon "), 512)
	newSum := sha256.Sum256(picture)
	var changed struct{ UpdateEventTeamIcon struct{ Team teamRead } }
	if errs := upload(e, `mutation($team: ID!, $file: Upload!) { updateEventTeamIcon(input: { teamId: $team,
		file: $file }) { team { icon } } }`, map[string]any{"team": team.ID}, alice.AccessToken, picture,
		&changed); len(errs) > 0 {
		t.Fatalf("updateEventTeamIcon: %+v", errs)
	}
	if i := changed.UpdateEventTeamIcon.Team.Icon; i == nil || !strings.Contains(*i, hex.EncodeToString(newSum[:])) {
		t.Errorf("after updateEventTeamIcon the icon is %v", i)
	}
	if up := e.sandbox.Uploads(); len(up) != 2 || up[1].Route != "/events/teams/{id}/icon" ||
		up[1].Size != int64(len(picture)) || up[1].SHA256 != hex.EncodeToString(newSum[:]) {
		t.Errorf("the upstream received %+v", up)
	}

	t.Run("an icon for a bad ID", func(t *testing.T) {
		e := e.in(t)
		e.sandbox.ResetRequests()
		errs := upload(e, `mutation($team: ID!, $file: Upload!) { updateEventTeamIcon(input: { teamId: $team,
			file: $file }) { team { icon } } }`, map[string]any{"team": "not-an-id"}, alice.AccessToken, picture, nil)
		if len(errs) != 1 || errs[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("errors = %+v, want BAD_USER_INPUT", errs)
		}
		if n, _ := e.calls(); n != 0 {
			t.Errorf("%d upstream calls, want none", n)
		}
	})

	var removed struct{ RemoveEventTeamIcon struct{ Team teamRead } }
	e.mustQueryAs(`mutation($team: ID!) { removeEventTeamIcon(input: { teamId: $team }) { team { icon } } }`,
		vars, alice.AccessToken, &removed)
	if i := removed.RemoveEventTeamIcon.Team.Icon; i != nil {
		t.Errorf("after removeEventTeamIcon the icon is %q", *i)
	}
	if _, byRoute := e.calls(); byRoute["DELETE /events/teams/{id}/icon"] != 1 {
		t.Errorf("removeEventTeamIcon calls = %v", byRoute)
	}

	const disband = `mutation($team: ID!) { deleteEventTeam(input: { teamId: $team }) {
		deletedEventTeamId division { teamCount } } }`
	wantError(t, e.query(disband, vars, bob.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var gone struct {
		DeleteEventTeam struct {
			DeletedEventTeamID string
			Division           struct{ TeamCount int }
		}
	}
	e.mustQueryAs(disband, vars, alice.AccessToken, &gone)
	if g := gone.DeleteEventTeam; g.DeletedEventTeamID != team.ID || g.Division.TeamCount != before {
		t.Errorf("deleteEventTeam answered %+v, want %s and %d teams", g, team.ID, before)
	}
	if _, byRoute := e.calls(); byRoute["DELETE /events/teams/{id}"] != 1 {
		t.Errorf("deleteEventTeam calls = %v", byRoute)
	}
	d := e.sandbox.Data()
	if d.Team(team.DatabaseID) != nil || slices.ContainsFunc(d.Participations, func(p sandbox.Participation) bool {
		return p.TeamID == team.DatabaseID
	}) {
		t.Error("the sandbox still holds the team or its members")
	}
}

func TestEventTeamMembers(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	v := divisionOpenToTeams(t, e, alice.UserID, bob.UserID)
	team := registerTeam(t, e, alice.AccessToken, v.ID, 2, []byte("icon"))
	vars := map[string]any{"team": team.ID}

	const invite = `mutation($team: ID!) { createEventTeamInvite(input: { teamId: $team }) {
		code invite { dateExpired team { databaseId } inviter { databaseId } } } }`
	wantError(t, e.query(invite, vars, bob.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var invited struct {
		CreateEventTeamInvite struct {
			Code   string
			Invite struct {
				DateExpired string
				Team        struct{ DatabaseID string }
				Inviter     struct{ DatabaseID string }
			}
		}
	}
	e.mustQueryAs(invite, vars, alice.AccessToken, &invited)
	code := invited.CreateEventTeamInvite.Code
	if i := invited.CreateEventTeamInvite.Invite; len(code) != 6 || i.Team.DatabaseID != team.DatabaseID ||
		i.Inviter.DatabaseID != strconv.Itoa(alice.UserID) || i.DateExpired == "" {
		t.Fatalf("createEventTeamInvite answered %q %+v", code, i)
	}
	if !slices.ContainsFunc(e.sandbox.Data().Areas.Events.TeamInvites, func(inv sandbox.TeamInvite) bool {
		return inv.Code == code && inv.TeamID == team.DatabaseID && inv.InviterID == alice.UserID
	}) {
		t.Error("the sandbox holds no such invitation")
	}

	const accept = `mutation($code: String!) { acceptEventTeamInvite(input: { code: $code, position: "Vocal" }) {
		team { ` + teamReadFields + ` } } }`
	var joined struct{ AcceptEventTeamInvite struct{ Team teamRead } }
	e.mustQueryAs(accept, map[string]any{"code": code}, bob.AccessToken, &joined)
	if j := joined.AcceptEventTeamInvite.Team; j.members() != "2:Leader,3:Vocal" || j.Status != "PREPARED" {
		t.Errorf("after acceptEventTeamInvite: %s %s", j.members(), j.Status)
	}
	if _, byRoute := e.calls(); byRoute["POST /events/teams/invites/{code}/accept"] != 1 {
		t.Errorf("acceptEventTeamInvite calls = %v", byRoute)
	}
	wantError(t, e.query(accept, map[string]any{"code": code}, bob.AccessToken, nil), "BAD_USER_INPUT", "InvalidOperation")
	wantError(t, e.query(accept, map[string]any{"code": "ZZZZZZ"}, bob.AccessToken, nil), "NOT_FOUND", "ResourceNotFound")

	member := map[string]any{"team": team.ID, "user": globalid.Encode("User", strconv.Itoa(bob.UserID))}
	const reposition = `mutation($team: ID!, $user: ID!) { updateParticipation(input: { teamId: $team,
		participantId: $user, position: "Lyricist" }) { team { participants { position user { databaseId } } } } }`
	var moved struct{ UpdateParticipation struct{ Team teamRead } }
	e.mustQueryAs(reposition, member, bob.AccessToken, &moved)
	if m := moved.UpdateParticipation.Team.members(); m != "2:Leader,3:Lyricist" {
		t.Errorf("after updateParticipation: %s", m)
	}
	const want = `[{"op":"replace","path":"/position","value":"Lyricist"}]`
	if got := lastBody(e, http.MethodPatch); got != want {
		t.Errorf("the upstream received %s, want %s", got, want)
	}
	carol, err := e.sandbox.SignInAs(4)
	if err != nil {
		t.Fatal(err)
	}
	wantError(t, e.query(reposition, member, carol.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")

	owner := map[string]any{"team": team.ID, "user": strconv.Itoa(alice.UserID)}
	const leave = `mutation($team: ID!, $user: ID!) { deleteParticipation(input: { teamId: $team,
		participantId: $user }) { deletedParticipantId team { participants { user { databaseId } } } } }`
	wantError(t, e.query(leave, owner, alice.AccessToken, nil), "BAD_USER_INPUT", "InvalidOperation")
	var left struct {
		DeleteParticipation struct {
			DeletedParticipantID string
			Team                 *teamRead
		}
	}
	e.mustQueryAs(leave, member, bob.AccessToken, &left)
	// The team is not unveiled: bob, no longer a member, may not see it.
	if l := left.DeleteParticipation; l.DeletedParticipantID != member["user"] || l.Team != nil {
		t.Errorf("deleteParticipation answered %+v", l)
	}
	if slices.ContainsFunc(e.sandbox.Data().Participations, func(p sandbox.Participation) bool {
		return p.TeamID == team.DatabaseID && p.ParticipantID == bob.UserID
	}) {
		t.Error("the sandbox still holds the membership")
	}
	wantError(t, e.query(leave, member, alice.AccessToken, nil), "NOT_FOUND", "ResourceNotFound")
}

func TestEventTeamReservedField(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	d := e.sandbox.Data()
	team := pick(t, "team of an unveiled division", d.Teams, func(v *sandbox.EventTeam) bool {
		return !d.Division(v.DivisionID).DateUnveiled.After(d.Now)
	})
	index := len(d.Areas.Events.TeamReserved[team.ID]) + 2
	vars := map[string]any{"team": globalid.Encode("EventTeam", team.ID), "index": index}

	const set = `mutation($team: ID!, $index: Int!) { updateEventTeamReservedField(input: { teamId: $team,
		index: $index, content: "Checked in" }) { team { reservedFields { index content } } } }`
	wantError(t, e.query(set, vars, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct {
		UpdateEventTeamReservedField struct {
			Team struct {
				ReservedFields []struct {
					Index   int
					Content *string
				}
			}
		}
	}
	e.mustQueryAs(set, vars, admin, &got)
	fields := got.UpdateEventTeamReservedField.Team.ReservedFields
	if len(fields) != index || fields[index-1].Index != index || fields[index-1].Content == nil ||
		*fields[index-1].Content != "Checked in" || fields[index-2].Content != nil {
		t.Errorf("after updateEventTeamReservedField: %+v", fields)
	}
	if got := lastBody(e, http.MethodPost); got != `{"content":"Checked in"}` {
		t.Errorf("the upstream received %s", got)
	}
	if held := e.sandbox.Data().Areas.Events.TeamReserved[team.ID]; len(held) != index || *held[index-1] != "Checked in" {
		t.Errorf("the sandbox holds %d fields", len(held))
	}
}

func TestEventResourceWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	r := pick(t, "entry of a team", d.Areas.Events.Resources, func(r *sandbox.EventResource) bool {
		return r.Type == sandbox.ResourceEntry && r.TeamID != nil && !slices.ContainsFunc(d.Hostships,
			func(h sandbox.Hostship) bool {
				return h.UserID == alice.UserID && h.EventID == d.Division(r.DivisionID).EventID
			})
	})
	division, resource := r.DivisionID, r.ResourceID
	gid := globalid.Encode("EventResource", division+":"+resource)
	vars := map[string]any{"division": division, "resource": resource, "id": gid}

	const update = `mutation($division: ID!, $resource: ID!) { updateEventResource(input: {
		key: { divisionId: $division, resourceId: $resource }, label: "Finalist", description: null,
		isAnonymous: false }) { resource { id label description isAnonymous team { databaseId } } } }`
	wantError(t, e.query(update, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct {
		UpdateEventResource struct {
			Resource struct {
				ID, Label   string
				Description *string
				IsAnonymous *bool
				Team        struct{ DatabaseID string }
			}
		}
	}
	e.mustQueryAs(update, vars, admin, &got)
	if g := got.UpdateEventResource.Resource; g.ID != gid || g.Label != "Finalist" || g.Description != nil ||
		g.IsAnonymous == nil || *g.IsAnonymous || g.Team.DatabaseID != *r.TeamID {
		t.Errorf("after updateEventResource: %+v", g)
	}
	want := `[{"op":"replace","path":"/label","value":"Finalist"},{"op":"remove","path":"/description"},` +
		`{"op":"replace","path":"/isAnonymous","value":false}]`
	if got := lastBody(e, http.MethodPatch); got != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", got, want)
	}
	if held := e.sandbox.Data().EventResource(division, resource); held.Label == nil || *held.Label != "Finalist" {
		t.Errorf("the sandbox holds %+v", held)
	}

	const set = `mutation($id: ID!) { updateEventResourceReservedField(input: { key: { id: $id }, index: 1,
		content: "Seed 1" }) { resource { reservedFields { index content } } } }`
	wantError(t, e.query(set, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var seeded struct {
		UpdateEventResourceReservedField struct {
			Resource struct {
				ReservedFields []struct {
					Index   int
					Content *string
				}
			}
		}
	}
	e.mustQueryAs(set, vars, admin, &seeded)
	if f := seeded.UpdateEventResourceReservedField.Resource.ReservedFields; len(f) == 0 || f[0].Index != 1 ||
		f[0].Content == nil || *f[0].Content != "Seed 1" {
		t.Errorf("after updateEventResourceReservedField: %+v", f)
	}
	if _, byRoute := e.calls(); byRoute["POST /events/resources/{divisionId}/{resourceId}/reservedFields/{index}"] != 1 {
		t.Errorf("updateEventResourceReservedField calls = %v", byRoute)
	}
	prompt := pick(t, "prompt", d.Areas.Events.Resources, func(r *sandbox.EventResource) bool {
		return r.Type == sandbox.ResourcePrompt
	})
	wantError(t, e.query(set, map[string]any{"id": globalid.Encode("EventResource", prompt.DivisionID+":"+
		prompt.ResourceID)}, admin, nil), "BAD_USER_INPUT", "InvalidOperation")

	const remove = `mutation($id: ID!) { deleteEventResource(input: { id: $id }) {
		deletedEventResourceId division { databaseId } } }`
	wantError(t, e.query(remove, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var removed struct {
		DeleteEventResource struct {
			DeletedEventResourceID string
			Division               struct{ DatabaseID string }
		}
	}
	e.mustQueryAs(remove, vars, admin, &removed)
	if g := removed.DeleteEventResource; g.DeletedEventResourceID != gid || g.Division.DatabaseID != division {
		t.Errorf("deleteEventResource answered %+v", g)
	}
	if e.sandbox.Data().EventResource(division, resource) != nil {
		t.Error("the sandbox still holds the resource")
	}
	wantError(t, e.query(`query($id: ID!) { node(id: $id) { id } }`, vars, admin, nil), "NOT_FOUND", "")
}

// Every write of this file checks the caller and its IDs before any
// upstream call.
func TestTeamWritesCheckFirst(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	const guid = "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	docs := map[string]string{
		"createEventTeam": `createEventTeam(input: { divisionId: $id, name: "x", claimedParticipantCount: 1,
			claimedSubmissionCount: 1 }) { __typename }`,
		"updateEventTeam":       `updateEventTeam(input: { teamId: $id, name: "x" }) { __typename }`,
		"removeEventTeamIcon":   `removeEventTeamIcon(input: { teamId: $id }) { __typename }`,
		"deleteEventTeam":       `deleteEventTeam(input: { teamId: $id }) { __typename }`,
		"createEventTeamInvite": `createEventTeamInvite(input: { teamId: $id }) { __typename }`,
		"updateParticipation": `updateParticipation(input: { teamId: $id, participantId: "2",
			position: "x" }) { __typename }`,
		"deleteParticipation": `deleteParticipation(input: { teamId: $id, participantId: "2" }) { __typename }`,
		"updateEventTeamReservedField": `updateEventTeamReservedField(input: { teamId: $id, index: 1,
			content: "x" }) { __typename }`,
		"updateEventResource": `updateEventResource(input: { key: { divisionId: $id, resourceId: "` + guid + `" },
			label: "x" }) { __typename }`,
		"deleteEventResource": `deleteEventResource(input: { id: $id }) { __typename }`,
		"updateEventResourceReservedField": `updateEventResourceReservedField(input: {
			key: { divisionId: "` + guid + `", resourceId: $id }, index: 1, content: "x" }) { __typename }`,
	}
	type check struct{ name, doc, token, id, code string }
	var tests []check
	for name, doc := range docs {
		doc = `mutation($id: ID!) { ` + doc + ` }`
		id := guid
		if name == "deleteEventResource" {
			id = globalid.Encode("EventResource", guid+":"+guid)
		}
		tests = append(tests, check{name + " without a token", doc, "", id, "UNAUTHENTICATED"},
			check{name + " with a bad ID", doc, alice, "not-an-id", "BAD_USER_INPUT"})
	}
	for _, w := range []struct{ name, doc string }{
		{"acceptEventTeamInvite", `mutation { acceptEventTeamInvite(input: { code: "a/b" }) { __typename } }`},
		{"updateEventTeam with nothing to change", `mutation { updateEventTeam(input: { teamId: "` + guid + `" }) {
			__typename } }`},
		{"createEventTeam with a negative claim", `mutation { createEventTeam(input: { divisionId: "` + guid + `",
			name: "x", claimedParticipantCount: -1, claimedSubmissionCount: 1 }) { __typename } }`},
		{"updateEventTeamReservedField at index 0", `mutation { updateEventTeamReservedField(input: {
			teamId: "` + guid + `", index: 0 }) { __typename } }`},
		{"updateParticipation with a long position", `mutation { updateParticipation(input: { teamId: "` + guid + `",
			participantId: "2", position: "` + strings.Repeat("x", 101) + `" }) { __typename } }`},
		{"deleteEventResource with a half key", `mutation { deleteEventResource(input: { divisionId: "` + guid + `" }) {
			__typename } }`},
		{"deleteEventResource with a chart's ID", `mutation { deleteEventResource(input: { id: "` +
			globalid.Encode("Chart", guid) + `" }) { __typename } }`},
	} {
		noToken := "UNAUTHENTICATED"
		if strings.Contains(w.name, "index 0") || strings.Contains(w.name, "long position") {
			// Bounds declared in the schema are checked as the
			// arguments are read, before the resolver runs.
			noToken = "BAD_USER_INPUT"
		}
		tests = append(tests, check{w.name + " without a token", w.doc, "", "x", noToken},
			check{w.name + " with bad input", w.doc, alice, "x", "BAD_USER_INPUT"})
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			wantError(t, e.query(tt.doc, map[string]any{"id": tt.id}, tt.token, nil), tt.code, "")
			if n, _ := e.calls(); n != 0 {
				t.Errorf("%d upstream calls, want none", n)
			}
		})
	}
}
