package sandbox

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"
)

// sendEventForm serves a write with a multipart form of fields and, when
// picture is not nil, the file field file.
func sendEventForm(s *Server, method, target string, fields map[string][]string, file string, picture []byte,
	opts ...opt,
) answer {
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	for name, values := range fields {
		for _, v := range values {
			_ = form.WriteField(name, v)
		}
	}
	if picture != nil {
		part, _ := form.CreateFormFile(file, "cover.png")
		_, _ = part.Write(picture)
	}
	_ = form.Close()
	r := httptest.NewRequest(method, target, &body)
	r.Header.Set("Content-Type", form.FormDataContentType())
	for _, o := range opts {
		o(r)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	a := answer{code: w.Code, raw: w.Body.Bytes(), head: w.Header()}
	if len(a.raw) > 0 {
		_ = json.Unmarshal(a.raw, &a)
	}
	return a
}

// eventWriteCheck is one write and the answer the rules give it.
type eventWriteCheck struct {
	name, method, target, body string
	form                       map[string][]string
	picture                    []byte
	who                        opt
	status                     int
	code                       string
}

func (c eventWriteCheck) run(t *testing.T, s *Server) answer {
	t.Helper()
	var a answer
	switch {
	case c.form != nil:
		file := "Illustration"
		if c.method == http.MethodPatch {
			file = "File"
		}
		a = sendEventForm(s, c.method, c.target, c.form, file, c.picture, c.who)
	default:
		a = sendBody(s, c.method, c.target, c.body, c.who)
	}
	if a.code != c.status || c.code != "" && a.Code != c.code {
		t.Errorf("%s: %s %s answered %d %s %v, want %d %s", c.name, c.method, c.target, a.code, a.Code, a.Errors,
			c.status, c.code)
	}
	return a
}

// strangerOf signs in user 4, a member the tests strip of hostships.
func strangerOf(t *testing.T, s *Server) opt {
	t.Helper()
	s.Update(func(d *Data) { d.Users[3].Role = RoleMember })
	tok, err := s.SignInAs(4)
	if err != nil {
		t.Fatal(err)
	}
	return token(tok.AccessToken)
}

// Events: administrators create them; their owner or an administrator
// changes and removes them, whatever hostships say; invitations follow
// HostshipController's rights, with the owner allowed as well.
func TestEventWriteRules(t *testing.T) {
	s := New()
	admin, alice, bob := token("sandbox-admin-token"), token("sandbox-alice-token"), token("sandbox-bob-token")
	none := func(*http.Request) {}
	stranger := strangerOf(t, s)
	var event string
	s.Update(func(d *Data) {
		e := &d.Events[0]
		event = e.ID
		e.OwnerID = 3 // bob owns it, hosting nothing
		d.Hostships = slices.DeleteFunc(d.Hostships, func(h Hostship) bool {
			return h.EventID == event && h.UserID <= 4
		})
		d.Hostships = append(d.Hostships, Hostship{EventID: event, UserID: 2, IsAdmin: true, Permissions: []uint32{}})
	})
	picture := []byte("\x89PNG a cover")
	form := map[string][]string{
		"Title": {"Snowfall Cup"}, "Illustrator": {"Mika"}, "Accessibility": {"0"}, "IsHidden": {"false"},
		"IsLocked": {"false"}, "OwnerId": {"2"}, "DateUnveiled": {"2026-01-01T00:00:00Z"},
	}
	untitled := map[string][]string{"Illustrator": {"Mika"}}

	checks := []eventWriteCheck{
		{name: "anonymous creation", method: "POST", target: "/events", form: form, picture: picture, who: none,
			status: 401},
		{name: "a member's creation", method: "POST", target: "/events", form: form, picture: picture, who: alice,
			status: 403, code: codeInsufficientPermission},
		{name: "an invalid form before the rights", method: "POST", target: "/events", form: untitled, who: alice,
			status: 400, code: codeInvalidData},
		{name: "no illustration", method: "POST", target: "/events", form: form, who: admin, status: 400,
			code: codeInvalidData},
		{name: "an event admin's update", method: "PATCH", target: "/events/" + event,
			body: `[{"op":"replace","path":"/title","value":"x"}]`, who: alice, status: 403},
		{name: "the owner's update", method: "PATCH", target: "/events/" + event,
			body: `[{"op":"replace","path":"/title","value":"Renamed"}]`, who: bob, status: 204},
		{name: "removing a required field", method: "PATCH", target: "/events/" + event,
			body: `[{"op":"remove","path":"/illustrator"}]`, who: bob, status: 400, code: codeInvalidData},
		{name: "an unknown owner", method: "PATCH", target: "/events/" + event,
			body: `[{"op":"replace","path":"/ownerId","value":999999}]`, who: bob, status: 404, code: codeUserNotFound},
		{name: "an event admin's illustration", method: "PATCH", target: "/events/" + event + "/illustration",
			form: map[string][]string{}, picture: picture, who: alice, status: 403},
		{name: "the owner's illustration", method: "PATCH", target: "/events/" + event + "/illustration",
			form: map[string][]string{}, picture: picture, who: bob, status: 204},
		{name: "an invitation by the owner", method: "POST", target: "/events/" + event + "/invite",
			body: `{"isAdmin":true,"permissions":[7,7]}`, who: bob, status: 201},
		{name: "an invitation by an event admin", method: "POST", target: "/events/" + event + "/invite",
			body: `{"isAdmin":true,"permissions":[7,7]}`, who: alice, status: 201},
		{name: "an invitation by a stranger", method: "POST", target: "/events/" + event + "/invite",
			body: `{}`, who: stranger, status: 403, code: codeInsufficientPermission},
		{name: "an anonymous invitation", method: "POST", target: "/events/" + event + "/invite",
			body: `{}`, who: none, status: 401},
		{name: "an event admin's removal", method: "DELETE", target: "/events/" + event, who: alice, status: 403},
	}
	for _, c := range checks {
		c.run(t, s)
	}

	// The invitations: the owner offers admin rights but, hosting nothing,
	// no permissions; the event admin the permissions but not admin rights.
	invites := s.Data().Areas.Events.HostInvites
	byOwner, byAdmin := invites[len(invites)-2], invites[len(invites)-1]
	if !byOwner.IsAdmin || len(byOwner.Permissions) != 0 || byOwner.InviterID != 3 ||
		byAdmin.IsAdmin || !slices.Equal(byAdmin.Permissions, []uint32{7}) ||
		!byAdmin.DateExpired.After(s.Data().Now.Add(5*time.Hour)) || len(byAdmin.Code) != 6 {
		t.Errorf("invitations %+v and %+v", byOwner, byAdmin)
	}
	if e := s.Data().Event(event); e.Title != "Renamed" || e.OwnerID != 3 {
		t.Errorf("the event after the owner's update: %+v", e)
	}
	if up := s.Uploads(); len(up) != 1 || up[0].Route != "/events/{id}/illustration" || up[0].Resource != event {
		t.Errorf("uploads %+v", up)
	}

	created := eventWriteCheck{name: "an administrator's creation", method: "POST", target: "/events", form: form,
		picture: picture, who: admin, status: 201}.run(t, s)
	var id struct{ ID string }
	_ = json.Unmarshal(created.Data, &id)
	if i := s.Data().findHostship(id.ID, 2); i < 0 || !s.Data().Hostships[i].IsAdmin {
		t.Errorf("the new event's owner is not its admin host")
	}

	eventWriteCheck{name: "the owner's removal", method: "DELETE", target: "/events/" + event, who: bob,
		status: 204}.run(t, s)
	d := s.Data()
	left := slices.ContainsFunc(d.Divisions, func(v EventDivision) bool { return v.EventID == event }) ||
		slices.ContainsFunc(d.Hostships, func(h Hostship) bool { return h.EventID == event })
	if d.Event(event) != nil || left {
		t.Errorf("the removed event left itself, its divisions or its hostships")
	}
}

// Divisions follow the host permissions of their operation; tasks take
// any host of the event.
func TestEventDivisionAndTaskWriteRules(t *testing.T) {
	s := New()
	admin, alice, bob := token("sandbox-admin-token"), token("sandbox-alice-token"), token("sandbox-bob-token")
	stranger := strangerOf(t, s)
	var event, division string
	s.Update(func(d *Data) {
		v := d.Divisions[0]
		event, division = v.EventID, v.ID
		d.Hostships = slices.DeleteFunc(d.Hostships, func(h Hostship) bool {
			return h.EventID == event && h.UserID <= 4
		})
		d.Events[d.idx.events[event]].OwnerID = 1
		d.Hostships = append(d.Hostships,
			Hostship{EventID: event, UserID: 2, Permissions: []uint32{permCreateDivision, permUpdateDivision}},
			Hostship{EventID: event, UserID: 3, Permissions: []uint32{permRemoveDivision}})
	})
	form := map[string][]string{
		"EventId": {event}, "Title": {"Round 2"}, "Type": {"1"}, "Status": {"0"}, "Anonymization": {"false"},
		"Accessibility": {"0"}, "IsHidden": {"false"}, "IsLocked": {"false"}, "OwnerId": {"2"},
		"DateUnveiled": {"2026-01-01T00:00:00Z"}, "DateStarted": {"2026-01-01T00:00:00Z"},
		"DateEnded": {"2026-02-01T00:00:00Z"}, "Reserved": {"a", "", "c"},
	}
	unknownEvent := map[string][]string{}
	for k, v := range form {
		unknownEvent[k] = v
	}
	unknownEvent["EventId"] = []string{"6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"}
	task := `{"name":"Close","type":0,"description":"Closes.","divisionId":"` + division + `"}`

	checks := []eventWriteCheck{
		{name: "a division by a host who may create them", method: "POST", target: "/events/divisions", form: form,
			who: alice, status: 201},
		{name: "a division by a host who may not", method: "POST", target: "/events/divisions", form: form, who: bob,
			status: 403, code: codeInsufficientPermission},
		{name: "a division of an unknown event", method: "POST", target: "/events/divisions", form: unknownEvent,
			who: admin, status: 404, code: codeParentNotFound},
		{name: "an update by a host who may", method: "PATCH", target: "/events/divisions/" + division,
			body: `[{"op":"replace","path":"/status","value":3},{"op":"remove","path":"/maxTeamCount"}]`,
			who:  alice, status: 204},
		{name: "an update by a host who may not", method: "PATCH", target: "/events/divisions/" + division,
			body: `[{"op":"replace","path":"/status","value":3}]`, who: bob, status: 403},
		{name: "a status out of range", method: "PATCH", target: "/events/divisions/" + division,
			body: `[{"op":"replace","path":"/status","value":9}]`, who: alice, status: 400, code: codeInvalidData},
		{name: "an illustration removed by a host who may update", method: "DELETE",
			target: "/events/divisions/" + division + "/illustration", who: alice, status: 204},
		{name: "a task by a host without rights", method: "POST", target: "/events/tasks", body: task, who: bob,
			status: 201},
		{name: "a task by a stranger", method: "POST", target: "/events/tasks", body: task,
			who: stranger, status: 403, code: codeInsufficientPermission},
		{name: "a task without a description", method: "POST", target: "/events/tasks",
			body: `{"name":"Close","type":0,"divisionId":"` + division + `"}`, who: bob, status: 400,
			code: codeInvalidData},
		{name: "a task of an unknown division", method: "POST", target: "/events/tasks",
			body: `{"name":"Close","type":0,"description":"x","divisionId":"6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"}`,
			who:  bob, status: 404, code: codeParentNotFound},
		{name: "a removal by a host who may only update", method: "DELETE", target: "/events/divisions/" + division,
			who: alice, status: 403},
	}
	for _, c := range checks {
		c.run(t, s)
	}

	d := s.Data()
	var created *EventDivision
	for i := range d.Divisions {
		if d.Divisions[i].Title == "Round 2" && d.Divisions[i].EventID == event {
			created = &d.Divisions[i]
		}
	}
	if created == nil || created.Type != DivisionChart || created.OwnerID != 2 || created.Illustration != nil {
		t.Fatalf("the created division: %+v", created)
	}
	if r := d.Areas.Events.DivisionReserved[created.ID]; len(r) != 3 || *r[0] != "a" || r[1] != nil || *r[2] != "c" {
		t.Errorf("the created division's reserved fields: %v", r)
	}
	if v := d.Division(division); v.Status != DivisionEnded || v.MaxTeamCount != nil || v.Illustration != nil {
		t.Errorf("the updated division: %+v", v)
	}
	tasks := slices.ContainsFunc(d.Areas.Events.Tasks, func(t EventTask) bool { return t.DivisionID == division })
	if !tasks {
		t.Fatalf("the division has no task")
	}

	eventWriteCheck{name: "a removal by a host who may", method: "DELETE", target: "/events/divisions/" + division,
		who: bob, status: 204}.run(t, s)
	d = s.Data()
	if d.Division(division) != nil ||
		slices.ContainsFunc(d.Areas.Events.Tasks, func(t EventTask) bool { return t.DivisionID == division }) ||
		slices.ContainsFunc(d.Teams, func(t EventTeam) bool { return t.DivisionID == division }) {
		t.Errorf("the removed division left itself, its tasks or its teams")
	}
}
