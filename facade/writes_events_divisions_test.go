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

// The writes of event divisions and event tasks, with the helpers of
// writes_events_test.go.

// restDivision is the part of EventDivisionDto the tests compare.
type restDivision struct {
	ID, Title, EventID string
	Subtitle           *string
	Status             int
	Illustration       *string
	MaxTeamCount       *int
	TagID              *string
}

func TestEventDivisionWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice, bob := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	d := e.sandbox.Data()
	event := unhostedEvent(t, d, alice.UserID, bob.UserID)
	tag := d.Tags[0]
	grantHost(e, event.ID, alice.UserID, hostCreateDivision, hostUpdateDivision)
	at := d.Now.Add(-time.Hour)
	vars := map[string]any{
		"event": globalid.Encode("Event", event.ID), "tag": globalid.Encode("Tag", tag.ID),
		"owner": strconv.Itoa(alice.UserID), "unveiled": at.Format(time.RFC3339),
		"started": at.Format(time.RFC3339), "ended": at.Add(30 * 24 * time.Hour).Format(time.RFC3339),
	}
	const create = `mutation($event: ID!, $tag: ID, $owner: ID!, $unveiled: DateTime!, $started: DateTime!,
		$ended: DateTime!, $title: String! = "Round 2") {
		createEventDivision(input: { eventId: $event, title: $title, type: CHART, status: STARTED, tagId: $tag,
			maxTeamCount: 4, reserved: ["judges only", null, "prize"], ownerId: $owner, dateUnveiled: $unveiled,
			dateStarted: $started, dateEnded: $ended }) {
		division { databaseId title type status maxTeamCount tag { databaseId } event { databaseId }
			reservedFields { index content } } } }`
	type created struct {
		CreateEventDivision struct {
			Division struct {
				DatabaseID, Title, Type, Status string
				MaxTeamCount                    *int
				Tag, Event                      struct{ DatabaseID string }
				ReservedFields                  []*struct {
					Index   int
					Content *string
				}
			}
		}
	}

	wantError(t, e.query(create, vars, bob.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var got created
	e.mustQueryAs(create, vars, alice.AccessToken, &got)
	v := got.CreateEventDivision.Division
	if v.Title != "Round 2" || v.Type != "CHART" || v.Status != "STARTED" || v.MaxTeamCount == nil ||
		*v.MaxTeamCount != 4 || v.Tag.DatabaseID != tag.ID || v.Event.DatabaseID != event.ID {
		t.Fatalf("after createEventDivision: %+v", v)
	}
	if _, byRoute := e.calls(); byRoute["POST /events/divisions"] != 1 || byRoute["GET /events/divisions/{id}"] != 1 {
		t.Errorf("createEventDivision calls = %v", byRoute)
	}
	var fields struct {
		EventDivision struct {
			ReservedFields []*struct {
				Index   int
				Content *string
			}
		}
	}
	e.mustQueryAs(`query($id: ID!) { eventDivision(id: $id) { reservedFields { index content } } }`,
		map[string]any{"id": v.DatabaseID}, admin, &fields)
	if r := fields.EventDivision.ReservedFields; len(r) != 3 || r[0] == nil || r[0].Content == nil ||
		*r[0].Content != "judges only" || r[1] == nil || r[1].Content != nil || r[2].Index != 3 {
		t.Errorf("the new division's reserved fields: %+v", r)
	}

	t.Run("validation", func(t *testing.T) {
		e := e.in(t)
		long := map[string]any{"title": strings.Repeat("x", 41)}
		for k, v := range vars {
			long[k] = v
		}
		wantBound(t, e, e.query(create, long, alice.AccessToken, nil), "input.title")
		unknownTag := map[string]any{"tag": "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"}
		for k, v := range vars {
			if k != "tag" {
				unknownTag[k] = v
			}
		}
		wantFieldError(t, e.query(create, unknownTag, alice.AccessToken, nil), "tagId", "InvalidData")
	})

	id := map[string]any{"id": globalid.Encode("EventDivision", v.DatabaseID)}
	const update = `mutation($id: ID!) { updateEventDivision(input: { divisionId: $id, title: "Final",
		status: ENDED, maxTeamCount: null, tagId: null, reserved: ["done"] }) {
		division { title status maxTeamCount tag { id } } } }`
	var updated struct {
		UpdateEventDivision struct {
			Division struct {
				Title, Status string
				MaxTeamCount  *int
				Tag           *struct{ ID string }
			}
		}
	}
	e.mustQueryAs(update, id, alice.AccessToken, &updated)
	if u := updated.UpdateEventDivision.Division; u.Title != "Final" || u.Status != "ENDED" || u.MaxTeamCount != nil ||
		u.Tag != nil {
		t.Errorf("after updateEventDivision: %+v", u)
	}
	want := `[{"op":"replace","path":"/title","value":"Final"},{"op":"replace","path":"/status","value":3},` +
		`{"op":"remove","path":"/tagId"},{"op":"remove","path":"/maxTeamCount"},` +
		`{"op":"replace","path":"/reserved","value":["done"]}]`
	if body := lastBody(e, http.MethodPatch); body != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", body, want)
	}
	if stored, _ := restAs[restDivision](e, admin, "/events/divisions/"+v.DatabaseID, nil); stored.Title != "Final" ||
		stored.Status != 3 || stored.MaxTeamCount != nil || stored.TagID != nil {
		t.Errorf("the sandbox holds %+v", stored)
	}
	if r := e.sandbox.Data().Areas.Events.DivisionReserved[v.DatabaseID]; len(r) != 1 || *r[0] != "done" {
		t.Errorf("the sandbox holds the reserved fields %v", r)
	}
	wantError(t, e.query(update, id, bob.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	wantError(t, e.query(`mutation($id: ID!) { updateEventDivision(input: { divisionId: $id, reserved: null }) {
		division { id } } }`, id, alice.AccessToken, nil), "BAD_USER_INPUT", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("a null reserved list made %d upstream calls", n)
	}

	picture := bytes.Repeat([]byte("\x89PNG division cover "), 512)
	sum := sha256.Sum256(picture)
	var pictured struct {
		UpdateEventDivisionIllustration struct {
			Division struct{ Illustration *string }
		}
	}
	errs := upload(e, `mutation($id: ID!, $file: Upload!) { updateEventDivisionIllustration(input: { divisionId: $id,
		file: $file }) { division { illustration } } }`, map[string]any{"id": v.DatabaseID}, alice.AccessToken, picture,
		&pictured)
	if ill := pictured.UpdateEventDivisionIllustration.Division.Illustration; len(errs) > 0 || ill == nil ||
		!strings.Contains(*ill, hex.EncodeToString(sum[:])) {
		t.Errorf("after updateEventDivisionIllustration: %v, errors %+v", ill, errs)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/events/divisions/{id}/illustration" ||
		up[0].Resource != v.DatabaseID || up[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("the upstream received %+v", up)
	}

	var bare struct {
		RemoveEventDivisionIllustration struct {
			Division struct{ Illustration *string }
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { removeEventDivisionIllustration(input: { divisionId: $id }) {
		division { illustration } } }`, id, alice.AccessToken, &bare)
	if ill := bare.RemoveEventDivisionIllustration.Division.Illustration; ill != nil {
		t.Errorf("after removeEventDivisionIllustration the illustration is %q", *ill)
	}
	if stored, _ := restAs[restDivision](e, admin, "/events/divisions/"+v.DatabaseID, nil); stored.Illustration != nil {
		t.Errorf("the sandbox holds the illustration %q", *stored.Illustration)
	}

	const remove = `mutation($id: ID!) { deleteEventDivision(input: { divisionId: $id }) {
		deletedEventDivisionId event { databaseId divisions(first: 100) { nodes { databaseId } } } } }`
	// alice may create and update divisions, not remove them.
	wantError(t, e.query(remove, id, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var removed struct {
		DeleteEventDivision struct {
			DeletedEventDivisionID string
			Event                  struct {
				DatabaseID string
				Divisions  struct{ Nodes []struct{ DatabaseID string } }
			}
		}
	}
	e.mustQueryAs(remove, id, admin, &removed)
	r := removed.DeleteEventDivision
	if r.DeletedEventDivisionID != id["id"] || r.Event.DatabaseID != event.ID ||
		slices.ContainsFunc(r.Event.Divisions.Nodes, func(n struct{ DatabaseID string }) bool {
			return n.DatabaseID == v.DatabaseID
		}) {
		t.Errorf("deleteEventDivision answered %+v", r)
	}
	if status := eventRestStatus(e, admin, "/events/divisions/"+v.DatabaseID); status != http.StatusNotFound {
		t.Errorf("the removed division answers %d", status)
	}
}

// restTask is the part of EventTaskDto the tests compare.
type restTask struct {
	ID, Name, Description, DivisionID string
	Type                              int
	Code                              *string
	DateExecuted                      *time.Time
}

func TestEventTaskWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice, bob := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	d := e.sandbox.Data()
	event := unhostedEvent(t, d, alice.UserID, bob.UserID)
	division := *pick(t, "division of the event", d.Divisions, func(v *sandbox.EventDivision) bool {
		return v.EventID == event.ID
	})
	at := d.Now.Add(48 * time.Hour).UTC().Truncate(time.Second)
	vars := map[string]any{"division": globalid.Encode("EventDivision", division.ID), "at": at.Format(time.RFC3339)}
	const create = `mutation($division: ID!, $at: DateTime) { createEventTask(input: { divisionId: $division,
		name: "Close submissions", type: SCHEDULED, code: "return true;", isHidden: true,
		description: "Closes the division.", dateExecuted: $at }) {
		task { databaseId name type code isHidden description dateExecuted division { databaseId } } } }`

	// Any host of the event may write its tasks, whatever their rights.
	wantError(t, e.query(create, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	grantHost(e, event.ID, alice.UserID)
	var got struct {
		CreateEventTask struct {
			Task struct {
				DatabaseID, Name, Type, Description string
				Code                                *string
				IsHidden                            bool
				DateExecuted                        *time.Time
				Division                            struct{ DatabaseID string }
			}
		}
	}
	e.mustQueryAs(create, vars, alice.AccessToken, &got)
	task := got.CreateEventTask.Task
	if task.Name != "Close submissions" || task.Type != "SCHEDULED" || task.Code == nil || *task.Code != "return true;" ||
		!task.IsHidden || task.Description != "Closes the division." || task.DateExecuted == nil ||
		!task.DateExecuted.Equal(at) || task.Division.DatabaseID != division.ID {
		t.Fatalf("after createEventTask: %+v", task)
	}
	if _, byRoute := e.calls(); byRoute["POST /events/tasks"] != 1 || byRoute["GET /events/tasks/{id}"] != 1 {
		t.Errorf("createEventTask calls = %v", byRoute)
	}
	stored, _ := restAs[restTask](e, admin, "/events/tasks/"+task.DatabaseID, nil)
	if stored.Name != "Close submissions" ||
		stored.DivisionID != division.ID || stored.Type != 0 {
		t.Errorf("the sandbox holds %+v", stored)
	}

	id := map[string]any{"id": globalid.Encode("EventTask", task.DatabaseID)}
	var updated struct {
		UpdateEventTask struct {
			Task struct {
				Name, Type   string
				Code         *string
				DateExecuted *time.Time
			}
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { updateEventTask(input: { taskId: $id, name: "Approve", type: ON_APPROVAL,
		code: null, dateExecuted: null }) { task { name type code dateExecuted } } }`, id, alice.AccessToken, &updated)
	if u := updated.UpdateEventTask.Task; u.Name != "Approve" || u.Type != "ON_APPROVAL" || u.Code != nil ||
		u.DateExecuted != nil {
		t.Errorf("after updateEventTask: %+v", u)
	}
	want := `[{"op":"replace","path":"/name","value":"Approve"},{"op":"replace","path":"/type","value":15},` +
		`{"op":"remove","path":"/code"},{"op":"remove","path":"/dateExecuted"}]`
	if body := lastBody(e, http.MethodPatch); body != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", body, want)
	}
	if stored, _ := restAs[restTask](e, admin, "/events/tasks/"+task.DatabaseID, nil); stored.Name != "Approve" ||
		stored.Type != 15 || stored.Code != nil || stored.DateExecuted != nil {
		t.Errorf("the sandbox holds %+v", stored)
	}

	tests := []struct {
		name, token, doc, code, upstreamCode string
		vars                                 map[string]any
	}{
		{"a task of an event one does not host", bob.AccessToken,
			`mutation($id: ID!) { updateEventTask(input: { taskId: $id, name: "x" }) { task { id } } }`,
			"FORBIDDEN", "InsufficientPermission", id},
		{"an unknown division", admin,
			`mutation($division: ID!) { createEventTask(input: { divisionId: $division, name: "x", type: SCHEDULED,
				description: "x" }) { task { id } } }`, "NOT_FOUND", "ParentNotFound",
			map[string]any{"division": "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"}},
		{"moving to an unknown division", alice.AccessToken,
			`mutation($id: ID!) { updateEventTask(input: { taskId: $id,
				divisionId: "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c" }) { task { id } } }`, "NOT_FOUND", "ParentNotFound", id},
		{"null for a required field", alice.AccessToken,
			`mutation($id: ID!) { updateEventTask(input: { taskId: $id, description: null }) { task { id } } }`,
			"BAD_USER_INPUT", "", id},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, e.in(t).query(tt.doc, tt.vars, tt.token, nil), tt.code, tt.upstreamCode)
		})
	}
	t.Run("an empty description", func(t *testing.T) {
		a := e.in(t).query(`mutation($id: ID!) { updateEventTask(input: { taskId: $id, description: "" }) {
			task { id } } }`, id, alice.AccessToken, nil)
		wantFieldError(t, a, "description", "FieldEmpty")
	})

	const remove = `mutation($id: ID!) { deleteEventTask(input: { taskId: $id }) { deletedEventTaskId } }`
	wantError(t, e.query(remove, id, bob.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var removed struct {
		DeleteEventTask struct{ DeletedEventTaskID string }
	}
	e.mustQueryAs(remove, id, alice.AccessToken, &removed)
	if removed.DeleteEventTask.DeletedEventTaskID != id["id"] {
		t.Errorf("deleteEventTask answered %+v", removed)
	}
	if status := eventRestStatus(e, admin, "/events/tasks/"+task.DatabaseID); status != http.StatusNotFound {
		t.Errorf("the removed task answers %d", status)
	}
}

// A division's illustration can come with its creation, and a host who
// may remove divisions removes one they may not see yet.
func TestCreateEventDivisionWithIllustration(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	event := unhostedEvent(t, d, alice.UserID)
	grantHost(e, event.ID, alice.UserID, hostRemoveDivision)
	picture := bytes.Repeat([]byte("\x89PNG round cover "), 256)
	sum := sha256.Sum256(picture)
	later := d.Now.Add(7 * 24 * time.Hour).Format(time.RFC3339)

	var got struct {
		CreateEventDivision struct {
			Division struct {
				DatabaseID   string
				Illustration *string
			}
		}
	}
	errs := upload(e, `mutation($event: ID!, $file: Upload!, $at: DateTime!) { createEventDivision(input: {
		eventId: $event, title: "Hidden round", type: SONG, illustration: $file, ownerId: "1", dateUnveiled: $at,
		dateStarted: $at, dateEnded: $at }) { division { databaseId illustration } } }`,
		map[string]any{"event": event.ID, "at": later}, admin, picture, &got)
	v := got.CreateEventDivision.Division
	if len(errs) > 0 || v.Illustration == nil || !strings.Contains(*v.Illustration, hex.EncodeToString(sum[:])) {
		t.Fatalf("after createEventDivision: %+v, errors %+v", v, errs)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/events/divisions" || up[0].Field != "Illustration" ||
		up[0].Resource != v.DatabaseID || up[0].Size != int64(len(picture)) {
		t.Errorf("the upstream received %+v", up)
	}

	// alice may remove divisions of the event but not see this one yet.
	if status := eventRestStatus(e, alice.AccessToken, "/events/divisions/"+v.DatabaseID); status != http.StatusNotFound {
		t.Fatalf("alice sees the hidden division (%d)", status)
	}
	var removed struct {
		DeleteEventDivision struct {
			DeletedEventDivisionID string
			Event                  *struct{ ID string }
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { deleteEventDivision(input: { divisionId: $id }) { deletedEventDivisionId
		event { id } } }`, map[string]any{"id": v.DatabaseID}, alice.AccessToken, &removed)
	if r := removed.DeleteEventDivision; r.DeletedEventDivisionID != globalid.Encode("EventDivision", v.DatabaseID) ||
		r.Event != nil {
		t.Errorf("deleteEventDivision answered %+v", r)
	}
	if e.sandbox.Data().Division(v.DatabaseID) != nil {
		t.Errorf("the division is still there")
	}
}
