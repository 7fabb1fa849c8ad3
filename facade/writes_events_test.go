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
	"time"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of events, their divisions and tasks, and invitations to
// host an event: each succeeds with its change visible in the fresh answer
// and in the sandbox, and fails as the upstream's controllers say.

// Host permissions as the upstream encodes them (operation << 26 | scope << 28).
const (
	hostCreateDivision = 1 << 26
	hostUpdateDivision = 2 << 26
	hostRemoveDivision = 3 << 26
	hostCreateHostship = 1<<26 | 3<<28
)

// eventRestStatus reads path of the sandbox as token and returns the
// status only.
func eventRestStatus(e *env, token, path string) int {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.rest.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// unhostedEvent picks (a copy of) an unveiled event owned by a member who
// is not an administrator, which none of users owns or hosts.
func unhostedEvent(t *testing.T, d *sandbox.Data, users ...int) sandbox.Event {
	t.Helper()
	return *pick(t, "event without these hosts", d.Events, func(v *sandbox.Event) bool {
		for _, h := range d.Hostships {
			if h.EventID == v.ID && slices.Contains(users, h.UserID) {
				return false
			}
		}
		owner := d.User(v.OwnerID)
		return !slices.Contains(users, v.OwnerID) && v.DateUnveiled.Before(d.Now) &&
			owner != nil && owner.Role >= sandbox.RoleMember && owner.Role < sandbox.RoleAdministrator
	})
}

// grantHost makes user a host of event with permissions (not an admin).
func grantHost(e *env, event string, user int, permissions ...uint32) {
	e.sandbox.Update(func(d *sandbox.Data) {
		d.Hostships = append(d.Hostships, sandbox.Hostship{
			EventID: event, UserID: user, IsUnveiled: true, Permissions: append([]uint32{}, permissions...),
		})
	})
}

// wantFieldError checks that a failed with BAD_USER_INPUT and an upstream
// field error on field.
func wantFieldError(t *testing.T, a answer, field, code string) {
	t.Helper()
	wantError(t, a, "BAD_USER_INPUT", "InvalidData")
	if len(a.Errors) == 0 {
		return
	}
	fields, _ := a.Errors[0].Extensions["fieldErrors"].([]any)
	for _, f := range fields {
		m, _ := f.(map[string]any)
		errs, _ := m["errors"].([]any)
		if m["field"] == field && slices.Contains(errs, any(code)) {
			return
		}
	}
	t.Errorf("fieldErrors = %v, want %s on %s", a.Errors[0].Extensions["fieldErrors"], code, field)
}

// restEvent is the part of EventDto the tests compare.
type restEvent struct {
	ID, Title, Illustration, Illustrator string
	Subtitle                             *string
	Accessibility                        int
	IsLocked                             bool
	OwnerID                              int
	Hosts                                []struct{ ID int }
}

func TestCreateEvent(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	picture := bytes.Repeat([]byte("\x89PNG event cover "), 1024)
	sum := sha256.Sum256(picture)
	unveiled := e.sandbox.Data().Now.Add(-time.Hour).Format(time.RFC3339)

	const create = `mutation($file: Upload!, $title: String!, $owner: ID!, $at: DateTime!) {
		createEvent(input: { title: $title, subtitle: "Winter round", illustration: $file, illustrator: "Mika",
			accessibility: REFUSE_ANY, isLocked: true, ownerId: $owner, dateUnveiled: $at }) {
		event { databaseId title subtitle illustration illustrator accessibility isLocked isHidden
			owner { databaseId } hosts { user { databaseId } } } } }`
	vars := func(title string) map[string]any {
		return map[string]any{"title": title, "owner": globalid.Encode("User", strconv.Itoa(alice.UserID)), "at": unveiled}
	}
	var got struct {
		CreateEvent struct {
			Event struct {
				DatabaseID, Title, Illustration, Illustrator, Accessibility string
				Subtitle                                                    *string
				IsLocked, IsHidden                                          bool
				Owner                                                       struct{ DatabaseID string }
				Hosts                                                       []struct{ User struct{ DatabaseID string } }
			}
		}
	}
	if errs := upload(e, create, vars("Snowfall Cup"), admin, picture, &got); len(errs) > 0 {
		t.Fatalf("createEvent: %+v", errs)
	}
	ev := got.CreateEvent.Event
	me := strconv.Itoa(alice.UserID)
	if ev.Title != "Snowfall Cup" || ev.Subtitle == nil || *ev.Subtitle != "Winter round" || ev.Illustrator != "Mika" ||
		ev.Accessibility != "REFUSE_ANY" || !ev.IsLocked || ev.IsHidden || ev.Owner.DatabaseID != me ||
		len(ev.Hosts) != 1 || ev.Hosts[0].User.DatabaseID != me ||
		!strings.Contains(ev.Illustration, hex.EncodeToString(sum[:])) {
		t.Fatalf("after createEvent: %+v", ev)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/events" || up[0].Field != "Illustration" ||
		up[0].Resource != ev.DatabaseID || up[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("the upstream received %+v", up)
	}
	if _, byRoute := e.calls(); byRoute["POST /events"] != 1 || byRoute["GET /events/{id}"] != 1 {
		t.Errorf("createEvent calls = %v", byRoute)
	}
	stored, _ := restAs[restEvent](e, admin, "/events/"+ev.DatabaseID, nil)
	if stored.Title != "Snowfall Cup" || stored.OwnerID != alice.UserID || stored.Accessibility != 2 ||
		len(stored.Hosts) != 1 || stored.Hosts[0].ID != alice.UserID {
		t.Errorf("the sandbox holds %+v", stored)
	}

	errs := upload(e, create, vars("Not mine to make"), alice.AccessToken, picture, nil)
	if len(errs) != 1 || errs[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("a member creating an event: %+v, want FORBIDDEN", errs)
	}
	e.sandbox.ResetRequests()
	errs = upload(e, create, vars(strings.Repeat("x", 41)), admin, picture, nil)
	wantBound(t, e, answer{Errors: errs}, "input.title")
	errs = upload(e, create, map[string]any{"title": "x", "owner": "nobody", "at": unveiled}, admin, picture, nil)
	if len(errs) != 1 || errs[0].Extensions["code"] != "BAD_USER_INPUT" ||
		errs[0].Extensions["argument"] != "input.ownerId" {
		t.Errorf("a bad owner ID: %+v, want BAD_USER_INPUT on input.ownerId", errs)
	}
}

func TestUpdateEvent(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	event := unhostedEvent(t, d, alice.UserID)
	owner, err := e.sandbox.SignInAs(event.OwnerID)
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]any{"id": globalid.Encode("Event", event.ID)}

	const update = `mutation($id: ID!) { updateEvent(input: { eventId: $id, title: "Renamed", subtitle: null,
		accessibility: REQUIRE_REVIEW, isLocked: true }) {
		event { databaseId title subtitle accessibility isLocked dateUpdated } } }`
	var got struct {
		UpdateEvent struct {
			Event struct {
				DatabaseID, Title, Accessibility string
				Subtitle                         *string
				IsLocked                         bool
			}
		}
	}
	e.mustQueryAs(update, vars, owner.AccessToken, &got)
	if ev := got.UpdateEvent.Event; ev.DatabaseID != event.ID || ev.Title != "Renamed" || ev.Subtitle != nil ||
		ev.Accessibility != "REQUIRE_REVIEW" || !ev.IsLocked {
		t.Errorf("after updateEvent: %+v", ev)
	}
	want := `[{"op":"replace","path":"/title","value":"Renamed"},{"op":"remove","path":"/subtitle"},` +
		`{"op":"replace","path":"/accessibility","value":1},{"op":"replace","path":"/isLocked","value":true}]`
	if body := lastBody(e, http.MethodPatch); body != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", body, want)
	}
	if _, byRoute := e.calls(); byRoute["PATCH /events/{id}"] != 1 || byRoute["GET /events/{id}"] != 1 {
		t.Errorf("updateEvent calls = %v", byRoute)
	}
	if stored, _ := restAs[restEvent](e, admin, "/events/"+event.ID, nil); stored.Title != "Renamed" ||
		stored.Subtitle != nil || stored.Accessibility != 1 {
		t.Errorf("the sandbox holds %+v", stored)
	}

	var moved struct {
		UpdateEvent struct {
			Event struct{ Owner struct{ DatabaseID string } }
		}
	}
	e.mustQueryAs(`mutation($id: ID!, $owner: ID!) { updateEvent(input: { eventId: $id, ownerId: $owner }) {
		event { owner { databaseId } } } }`, map[string]any{"id": event.ID, "owner": strconv.Itoa(alice.UserID)},
		admin, &moved)
	if o := moved.UpdateEvent.Event.Owner.DatabaseID; o != strconv.Itoa(alice.UserID) {
		t.Errorf("after moving the event its owner is %s", o)
	}

	tests := []struct {
		name, token, doc, code, upstreamCode string
	}{
		{"someone else's event", owner.AccessToken,
			`mutation($id: ID!) { updateEvent(input: { eventId: $id, title: "x" }) { event { id } } }`,
			"FORBIDDEN", "InsufficientPermission"},
		{"null for a required field", alice.AccessToken,
			`mutation($id: ID!) { updateEvent(input: { eventId: $id, illustrator: null }) { event { id } } }`,
			"BAD_USER_INPUT", ""},
		{"nothing to change", alice.AccessToken,
			`mutation($id: ID!) { updateEvent(input: { eventId: $id }) { event { id } } }`, "BAD_USER_INPUT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, e.in(t).query(tt.doc, vars, tt.token, nil), tt.code, tt.upstreamCode)
		})
	}
	t.Run("a title too long", func(t *testing.T) {
		e := e.in(t)
		a := e.query(`mutation($id: ID!, $title: String!) { updateEvent(input: { eventId: $id, title: $title }) {
			event { id } } }`, map[string]any{"id": event.ID, "title": strings.Repeat("x", 41)}, alice.AccessToken, nil)
		wantBound(t, e, a, "input.title")
	})
}

func TestEventIllustration(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	d := e.sandbox.Data()
	event := unhostedEvent(t, d, alice.UserID, bob.UserID)
	owner, err := e.sandbox.SignInAs(event.OwnerID)
	if err != nil {
		t.Fatal(err)
	}
	picture := bytes.Repeat([]byte("\x89PNG new event cover "), 512)
	sum := sha256.Sum256(picture)

	const change = `mutation($id: ID!, $file: Upload!) { updateEventIllustration(input: { eventId: $id, file: $file }) {
		event { illustration } } }`
	var got struct {
		UpdateEventIllustration struct{ Event struct{ Illustration string } }
	}
	if errs := upload(e, change, map[string]any{"id": event.ID}, owner.AccessToken, picture, &got); len(errs) > 0 {
		t.Fatalf("updateEventIllustration: %+v", errs)
	}
	if ill := got.UpdateEventIllustration.Event.Illustration; !strings.Contains(ill, hex.EncodeToString(sum[:])) {
		t.Errorf("after updateEventIllustration the illustration is %q", ill)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/events/{id}/illustration" ||
		up[0].Resource != event.ID ||
		up[0].Size != int64(len(picture)) || up[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("the upstream received %+v", up)
	}
	errs := upload(e, change, map[string]any{"id": event.ID}, bob.AccessToken, picture, nil)
	if len(errs) != 1 || errs[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("someone else's event: %+v, want FORBIDDEN", errs)
	}
}

func TestDeleteEvent(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	event := *pick(t, "event with divisions", d.Events, func(v *sandbox.Event) bool {
		return v.OwnerID != alice.UserID && slices.ContainsFunc(d.Divisions, func(x sandbox.EventDivision) bool {
			return x.EventID == v.ID
		})
	})
	grantHost(e, event.ID, alice.UserID, hostRemoveDivision)
	vars := map[string]any{"id": globalid.Encode("Event", event.ID)}
	const remove = `mutation($id: ID!) { deleteEvent(input: { eventId: $id }) { deletedEventId } }`

	wantError(t, e.query(remove, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct {
		DeleteEvent struct{ DeletedEventID string }
	}
	e.mustQueryAs(remove, vars, admin, &got)
	if got.DeleteEvent.DeletedEventID != vars["id"] {
		t.Errorf("deleteEvent answered %+v", got)
	}
	if n, byRoute := e.calls(); n != 1 || byRoute["DELETE /events/{id}"] != 1 {
		t.Errorf("deleteEvent calls = %v", byRoute)
	}
	if status := eventRestStatus(e, admin, "/events/"+event.ID); status != http.StatusNotFound {
		t.Errorf("the removed event answers %d", status)
	}
	for _, v := range e.sandbox.Data().Divisions {
		if v.EventID == event.ID {
			t.Errorf("division %s of the removed event is left", v.ID)
		}
	}
	wantError(t, e.query(remove, vars, admin, nil), "NOT_FOUND", "ResourceNotFound")
}

func TestCreateEventHostInvite(t *testing.T) {
	e := newEnv(t)
	admin, alice, bob := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	d := e.sandbox.Data()
	event := unhostedEvent(t, d, alice.UserID, bob.UserID)
	grantHost(e, event.ID, alice.UserID, hostCreateHostship)
	vars := map[string]any{"id": globalid.Encode("Event", event.ID)}

	const invite = `mutation($id: ID!) { createEventHostInvite(input: { eventId: $id, isAdmin: true, isUnveiled: true,
		permissions: [134217728, 134217728], position: "Judge" }) {
		code invite { code isAdmin isUnveiled position permissions event { databaseId } inviter { databaseId } } } }`
	type invited struct {
		CreateEventHostInvite struct {
			Code   string
			Invite struct {
				Code, Position      string
				IsAdmin, IsUnveiled bool
				Permissions         []int
				Event, Inviter      struct{ DatabaseID string }
			}
		}
	}

	// A host with the right to create hostships invites, but offers
	// neither admin rights nor permissions: only the owner and event admins do.
	var got invited
	e.mustQueryAs(invite, vars, alice.AccessToken, &got)
	inv := got.CreateEventHostInvite
	if len(inv.Code) != 6 || inv.Invite.Code != inv.Code || inv.Invite.IsAdmin || !inv.Invite.IsUnveiled ||
		inv.Invite.Position != "Judge" || len(inv.Invite.Permissions) != 0 || inv.Invite.Event.DatabaseID != event.ID ||
		inv.Invite.Inviter.DatabaseID != strconv.Itoa(alice.UserID) {
		t.Fatalf("after createEventHostInvite: %+v", inv)
	}
	if _, byRoute := e.calls(); byRoute["POST /events/{id}/invite"] != 1 ||
		byRoute["GET /events/hostships/invites/{code}"] != 1 {
		t.Errorf("createEventHostInvite calls = %v", byRoute)
	}

	var accepted struct {
		AcceptEventHostInvite struct{ Hostship struct{ Position string } }
	}
	e.mustQueryAs(`mutation($code: String!) { acceptEventHostInvite(input: { code: $code }) { hostship { position } } }`,
		map[string]any{"code": inv.Code}, bob.AccessToken, &accepted)
	if p := accepted.AcceptEventHostInvite.Hostship.Position; p != "Judge" {
		t.Errorf("the accepted invitation made a hostship with position %q", p)
	}

	var byAdmin invited
	e.mustQueryAs(invite, vars, admin, &byAdmin)
	if a := byAdmin.CreateEventHostInvite.Invite; !a.IsAdmin || len(a.Permissions) != 1 || a.Permissions[0] != 134217728 {
		t.Errorf("an administrator's invitation offers %+v", a)
	}

	// bob hosts the event now, without the right to invite.
	wantError(t, e.query(invite, vars, bob.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	wantError(t, e.query(invite, map[string]any{"id": "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"}, admin, nil),
		"NOT_FOUND", "ResourceNotFound")
}

// Every write of events, divisions and tasks checks the caller and its
// IDs before any upstream call.
func TestEventWritesCheckFirst(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	const guid = "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	const dates = `ownerId: "2", dateUnveiled: "2026-01-01T00:00:00Z", dateStarted: "2026-01-01T00:00:00Z",
		dateEnded: "2026-02-01T00:00:00Z"`
	docs := map[string]string{
		"updateEvent":           `updateEvent(input: { eventId: $id, title: "x" }) { __typename }`,
		"deleteEvent":           `deleteEvent(input: { eventId: $id }) { __typename }`,
		"createEventHostInvite": `createEventHostInvite(input: { eventId: $id }) { __typename }`,
		"createEventDivision": `createEventDivision(input: { eventId: $id, title: "x", type: SONG,
			` + dates + ` }) { __typename }`,
		"updateEventDivision":             `updateEventDivision(input: { divisionId: $id, title: "x" }) { __typename }`,
		"removeEventDivisionIllustration": `removeEventDivisionIllustration(input: { divisionId: $id }) { __typename }`,
		"deleteEventDivision":             `deleteEventDivision(input: { divisionId: $id }) { __typename }`,
		"createEventTask": `createEventTask(input: { divisionId: $id, name: "x", type: SCHEDULED,
			description: "x" }) { __typename }`,
		"updateEventTask": `updateEventTask(input: { taskId: $id, name: "x" }) { __typename }`,
		"deleteEventTask": `deleteEventTask(input: { taskId: $id }) { __typename }`,
	}
	type check struct{ name, doc, token, id, code string }
	var tests []check
	for name, doc := range docs {
		doc = `mutation($id: ID!) { ` + doc + ` }`
		tests = append(tests, check{name + " without a token", doc, "", guid, "UNAUTHENTICATED"},
			check{name + " with a bad ID", doc, alice, "not-an-id", "BAD_USER_INPUT"},
			check{name + " with another type's global ID", doc, alice, globalid.Encode("Chart", guid), "BAD_USER_INPUT"})
	}
	for _, w := range []struct{ name, doc string }{
		{"a bad owner", `mutation($id: ID!) { createEventDivision(input: { eventId: "` + guid + `", title: "x", type: SONG,
			ownerId: $id, dateUnveiled: "2026-01-01T00:00:00Z", dateStarted: "2026-01-01T00:00:00Z",
			dateEnded: "2026-02-01T00:00:00Z" }) { __typename } }`},
		{"a bad tag", `mutation($id: ID!) { createEventDivision(input: { eventId: "` + guid + `", title: "x", type: SONG,
			tagId: $id, ` + dates + ` }) { __typename } }`},
		{"a bad new event", `mutation($id: ID!) { updateEventDivision(input: { divisionId: "` + guid + `",
			eventId: $id }) { __typename } }`},
		{"a bad new owner", `mutation($id: ID!) { updateEvent(input: { eventId: "` + guid + `", ownerId: $id }) {
			__typename } }`},
	} {
		tests = append(tests, check{w.name, w.doc, alice, "x", "BAD_USER_INPUT"})
	}
	tests = append(tests, check{"a permission out of range", `mutation($id: ID!) { createEventHostInvite(input: {
		eventId: $id, permissions: [-1] }) { __typename } }`, alice, guid, "BAD_USER_INPUT"})

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
