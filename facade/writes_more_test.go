package facade_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of profiles, notifications, tags, authorships, admissions,
// collaborations and hostships: each succeeds with its change visible in
// the fresh answer, and fails as the upstream's rules say.

// pick returns the first item ok accepts, failing the test when none does.
func pick[T any](t *testing.T, what string, items []T, ok func(*T) bool) *T {
	t.Helper()
	for i := range items {
		if ok(&items[i]) {
			return &items[i]
		}
	}
	t.Fatalf("the data set has no %s", what)
	return nil
}

// wantError checks that a answered one error with code and, when
// upstreamCode is set, that upstream code word.
func wantError(t *testing.T, a answer, code, upstreamCode string) {
	t.Helper()
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != code ||
		upstreamCode != "" && a.Errors[0].Extensions["upstreamCode"] != upstreamCode {
		t.Errorf("errors = %+v, want %s %s", a.Errors, code, upstreamCode)
	}
}

// lastBody returns the JSON body of the last request with method.
func lastBody(e *env, method string) string {
	var body []byte
	for _, r := range e.sandbox.Requests() {
		if r.Method == method {
			body = r.Body
		}
	}
	return string(body)
}

func TestUpdateUser(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	d := e.sandbox.Data()
	me := d.User(alice.UserID)
	region := pick(t, "other region", d.Regions, func(r *sandbox.Region) bool { return r.Code != me.Region.Code })

	const update = `mutation($id: ID!, $region: String) { updateUser(input: { userId: $id,
		biography: "Charts on weekends.", gender: FEMALE, regionCode: $region, dateOfBirth: null }) {
		user { databaseId biography gender region { code } dateOfBirth } } }`
	var got struct {
		UpdateUser struct {
			User struct {
				DatabaseID, Gender string
				Biography          *string
				Region             struct{ Code string }
				DateOfBirth        *string
			}
		}
	}
	e.mustQueryAs(update, map[string]any{"id": globalid.Encode("User", "2"), "region": region.Code},
		alice.AccessToken, &got)
	u := got.UpdateUser.User
	if u.DatabaseID != "2" || u.Biography == nil || *u.Biography != "Charts on weekends." || u.Gender != "FEMALE" ||
		u.Region.Code != region.Code || u.DateOfBirth != nil {
		t.Errorf("after updateUser: %+v", u)
	}
	want := `[{"op":"replace","path":"/gender","value":2},` +
		`{"op":"replace","path":"/biography","value":"Charts on weekends."},{"op":"replace","path":"/regionCode","value":"` + region.Code +
		`"},{"op":"remove","path":"/dateOfBirth"}]`
	if got := lastBody(e, http.MethodPatch); got != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", got, want)
	}
	if _, byRoute := e.calls(); byRoute["PATCH /users/{id}"] != 1 || byRoute["GET /users/{id}"] != 1 {
		t.Errorf("updateUser calls = %v", byRoute)
	}

	tests := []struct {
		name, token, id, doc, code, upstreamCode string
	}{
		{"someone else's profile", alice.AccessToken, "3",
			`mutation($id: ID!) { updateUser(input: { userId: $id, biography: "x" }) { user { id } } }`, "FORBIDDEN", ""},
		{"a name in use", alice.AccessToken, "2",
			`mutation($id: ID!) { updateUser(input: { userId: $id, userName: "` + bob.UserName + `" }) { user { id } } }`,
			"BAD_USER_INPUT", "UserNameOccupied"},
		{"a bad region", alice.AccessToken, "2",
			`mutation($id: ID!) { updateUser(input: { userId: $id, regionCode: "ZZ" }) { user { id } } }`,
			"BAD_USER_INPUT", "InvalidData"},
		{"null for a required field", alice.AccessToken, "2",
			`mutation($id: ID!) { updateUser(input: { userId: $id, language: null }) { user { id } } }`, "BAD_USER_INPUT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, e.in(t).query(tt.doc, map[string]any{"id": tt.id}, tt.token, nil), tt.code, tt.upstreamCode)
		})
	}
}

// upload posts a GraphQL multipart request whose variable file is
// picture, and decodes the answer's data into out.
func upload(e *env, doc string, vars map[string]any, token string, picture []byte, out any) []gqlError {
	e.t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	vars["file"] = nil
	ops, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	_ = form.WriteField("operations", string(ops))
	_ = form.WriteField("map", `{"0": ["variables.file"]}`)
	part, _ := form.CreateFormFile("0", "avatar.png")
	_, _ = part.Write(picture)
	_ = form.Close()

	req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var a struct {
		Data   json.RawMessage
		Errors []gqlError
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		e.t.Fatalf("upload answered %s", raw)
	}
	_ = json.Unmarshal(a.Data, out)
	return a.Errors
}

func TestUserAvatar(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	picture := bytes.Repeat([]byte("\x89PNG avatar "), 2048)
	sum := sha256.Sum256(picture)

	var got struct {
		UpdateUserAvatar struct{ User struct{ Avatar *string } }
	}
	errs := upload(e, `mutation($id: ID!, $file: Upload!) { updateUserAvatar(input: { userId: $id, file: $file }) {
		user { avatar } } }`, map[string]any{"id": "2"}, alice, picture, &got)
	if a := got.UpdateUserAvatar.User.Avatar; len(errs) > 0 || a == nil || !strings.Contains(*a, hex.EncodeToString(sum[:])) {
		t.Fatalf("after updateUserAvatar: %v, errors %+v", a, errs)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/users/{id}/avatar" || up[0].Size != int64(len(picture)) {
		t.Errorf("the upstream received %+v", up)
	}

	errs = upload(e, `mutation($id: ID!, $file: Upload!) { updateUserAvatar(input: { userId: $id, file: $file }) {
		user { avatar } } }`, map[string]any{"id": "3"}, alice, picture, nil)
	if len(errs) != 1 || errs[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("someone else's avatar: %+v, want FORBIDDEN", errs)
	}

	var removed struct {
		RemoveUserAvatar struct{ User struct{ Avatar *string } }
	}
	e.mustQueryAs(`mutation { removeUserAvatar(input: { userId: "2" }) { user { avatar } } }`, nil, alice, &removed)
	if a := removed.RemoveUserAvatar.User.Avatar; a != nil {
		t.Errorf("after removeUserAvatar the avatar is %q", *a)
	}
	if _, byRoute := e.calls(); byRoute["DELETE /users/{id}/avatar"] != 1 {
		t.Errorf("removeUserAvatar calls = %v", byRoute)
	}
}

func TestNotificationWrites(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	var unread []string
	for _, n := range e.sandbox.Data().Areas.Catalog.Notifications {
		if n.OwnerID == alice.UserID && n.DateRead == nil {
			unread = append(unread, n.ID)
		}
	}
	if len(unread) < 5 {
		t.Fatalf("alice has %d unread notifications, want 5 or more", len(unread))
	}
	count := func() int {
		var me struct{ Me struct{ Notifications int } }
		e.mustQueryAs(`{ me { notifications } }`, nil, alice.AccessToken, &me)
		return me.Me.Notifications
	}
	before := count()
	if before != len(unread) {
		t.Fatalf("me { notifications } = %d, want %d", before, len(unread))
	}

	vars := map[string]any{"id": unread[0]}
	const read = `mutation($id: ID!) { markNotificationRead(input: { notificationId: $id }) {
		notification { databaseId dateRead } } }`
	wantError(t, e.query(read, vars, bob.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct {
		MarkNotificationRead struct {
			Notification struct {
				DatabaseID string
				DateRead   *string
			}
		}
	}
	e.mustQueryAs(read, vars, alice.AccessToken, &got)
	if n := got.MarkNotificationRead.Notification; n.DatabaseID != unread[0] || n.DateRead == nil {
		t.Errorf("after markNotificationRead: %+v", n)
	}

	var all struct {
		MarkNotificationsRead struct{ Viewer struct{ Notifications int } }
	}
	e.mustQueryAs(`mutation { markNotificationsRead(input: { perPage: 2 }) { viewer { notifications } } }`,
		nil, alice.AccessToken, &all)
	if n := all.MarkNotificationsRead.Viewer.Notifications; n != before-3 {
		t.Errorf("after markNotificationsRead(2): %d unread, want %d", n, before-3)
	}
	if r := e.sandbox.Requests(); len(r) == 0 || r[0].Query.Get("PerPage") != "2" {
		t.Errorf("markNotificationsRead sent %+v, want PerPage=2", r)
	}

	const remove = `mutation($id: ID!) { deleteNotification(input: { notificationId: $id }) { deletedNotificationId } }`
	var removed struct {
		DeleteNotification struct{ DeletedNotificationID string }
	}
	e.mustQueryAs(remove, vars, alice.AccessToken, &removed)
	if removed.DeleteNotification.DeletedNotificationID != unread[0] {
		t.Errorf("deleteNotification answered %+v", removed)
	}
	wantError(t, e.query(`query($id: ID!) { notification(id: $id) { dateRead } }`, vars, alice.AccessToken, nil),
		"NOT_FOUND", "ResourceNotFound")
}

func TestTagWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice, bob := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken,
		e.sandbox.Tokens()[2].AccessToken

	const create = `mutation { createTag(input: { name: "Sandbox", description: "Made in tests." }) {
		tag { id name normalizedName description } } }`
	wantError(t, e.query(create, nil, bob, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct {
		CreateTag struct {
			Tag struct {
				ID, Name, NormalizedName string
				Description              *string
			}
		}
	}
	e.mustQueryAs(create, nil, admin, &got)
	tag := got.CreateTag.Tag
	if tag.Name != "Sandbox" || tag.NormalizedName != "SANDBOX" || tag.Description == nil ||
		*tag.Description != "Made in tests." {
		t.Fatalf("new tag = %+v", tag)
	}
	if _, byRoute := e.calls(); byRoute["POST /tags"] != 1 || byRoute["GET /tags/{id}"] != 1 {
		t.Errorf("createTag calls = %v", byRoute)
	}
	long := e.query(`mutation { createTag(input: { name: "a name of more than twenty" }) { tag { id } } }`, nil, admin, nil)
	wantBound(t, e, long, "input.name")

	vars := map[string]any{"id": tag.ID}
	const update = `mutation($id: ID!) { updateTag(input: { tagId: $id, name: "Sandboxed", description: null }) {
		tag { name description } } }`
	wantError(t, e.query(update, vars, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var updated struct {
		UpdateTag struct {
			Tag struct {
				Name        string
				Description *string
			}
		}
	}
	e.mustQueryAs(update, vars, admin, &updated)
	if u := updated.UpdateTag.Tag; u.Name != "Sandboxed" || u.Description != nil {
		t.Errorf("after updateTag: %+v", u)
	}

	var removed struct{ DeleteTag struct{ DeletedTagID string } }
	e.mustQueryAs(`mutation($id: ID!) { deleteTag(input: { tagId: $id }) { deletedTagId } }`, vars, admin, &removed)
	if removed.DeleteTag.DeletedTagID != tag.ID {
		t.Errorf("deleteTag answered %q, want %q", removed.DeleteTag.DeletedTagID, tag.ID)
	}
	wantError(t, e.query(`query($id: ID!) { tag(id: $id) { id } }`, vars, "", nil), "NOT_FOUND", "")
}

func TestLinkTagToEventDivision(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	d := e.sandbox.Data()
	tag, division := d.Tags[0], d.Divisions[0]
	vars := map[string]any{"tag": globalid.Encode("Tag", tag.ID), "division": division.ID}

	const link = `mutation($tag: ID!, $division: ID!) { linkTagToEventDivision(input: { tagId: $tag,
		divisionId: $division, label: "Theme" }) { resource { type resourceId divisionId label } } }`
	wantError(t, e.query(link, vars, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct {
		LinkTagToEventDivision struct {
			Resource struct{ Type, ResourceID, DivisionID, Label string }
		}
	}
	e.mustQueryAs(link, vars, admin, &got)
	if r := got.LinkTagToEventDivision.Resource; r.Type != "TAG" || r.ResourceID != tag.ID ||
		r.DivisionID != division.ID || r.Label != "Theme" {
		t.Errorf("after linkTagToEventDivision: %+v", r)
	}
	if body := lastBody(e, http.MethodPost); body != `{"divisionId":"`+division.ID+`","type":2,"label":"Theme"}` {
		t.Errorf("the upstream received %s", body)
	}
	wantError(t, e.query(link, vars, admin, nil), "CONFLICT", "AlreadyDone")
}

func TestAuthorshipWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	d := e.sandbox.Data()
	chart, song := d.Charts[0], d.Songs[0]

	type credited struct {
		AuthorshipID string
		Authorship   struct {
			Position *string
			User     struct{ DatabaseID string }
		}
	}
	const onChart = `mutation($id: ID!) { x: createChartAuthorship(input: { chartId: $id, authorId: "200",
		position: "Illustrator" }) { authorshipId authorship { position user { databaseId } } } }`
	wantError(t, e.query(onChart, map[string]any{"id": chart.ID}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct{ X credited }
	e.mustQueryAs(onChart, map[string]any{"id": globalid.Encode("Chart", chart.ID)}, admin, &got)
	if a := got.X; a.AuthorshipID == "" || a.Authorship.User.DatabaseID != "200" || a.Authorship.Position == nil ||
		*a.Authorship.Position != "Illustrator" {
		t.Fatalf("createChartAuthorship = %+v", a)
	}
	wantError(t, e.query(onChart, map[string]any{"id": chart.ID}, admin, nil), "CONFLICT", "AlreadyDone")

	got.X = credited{}
	e.mustQueryAs(`mutation($id: ID!) { x: createSongAuthorship(input: { songId: $id, authorId: "201" }) {
		authorshipId authorship { position user { databaseId } } } }`, map[string]any{"id": song.ID}, admin, &got)
	if a := got.X; a.Authorship.User.DatabaseID != "201" || a.Authorship.Position != nil {
		t.Errorf("createSongAuthorship = %+v", a)
	}
	if _, byRoute := e.calls(); byRoute["POST /songs/{id}/authorships"] != 1 || byRoute["GET /authorships/{id}"] != 1 {
		t.Errorf("createSongAuthorship calls = %v", byRoute)
	}

	vars := map[string]any{"id": got.X.AuthorshipID}
	got.X = credited{}
	e.mustQueryAs(`mutation($id: ID!) { x: updateAuthorship(input: { authorshipId: $id, authorId: "202",
		position: "Composer" }) { authorshipId authorship { position user { databaseId } } } }`, vars, admin, &got)
	if a := got.X; a.Authorship.User.DatabaseID != "202" || a.Authorship.Position == nil || *a.Authorship.Position != "Composer" {
		t.Errorf("updateAuthorship = %+v", a)
	}
	wantError(t, e.query(`mutation($id: ID!) { updateAuthorship(input: { authorshipId: $id, authorId: "99999" }) {
		authorshipId } }`, vars, admin, nil), "NOT_FOUND", "UserNotFound")

	const remove = `mutation($id: ID!) { deleteAuthorship(input: { authorshipId: $id }) { deletedAuthorshipId } }`
	wantError(t, e.query(remove, vars, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var removed struct {
		DeleteAuthorship struct{ DeletedAuthorshipID string }
	}
	e.mustQueryAs(remove, vars, admin, &removed)
	if removed.DeleteAuthorship.DeletedAuthorshipID != vars["id"] {
		t.Errorf("deleteAuthorship answered %+v", removed)
	}
	wantError(t, e.query(`query($id: ID!) { authorship(id: $id) { position } }`, vars, "", nil), "NOT_FOUND", "")
}

func TestReviewAdmissions(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	kinds := []struct {
		kind                 sandbox.AdmitterType
		mutation, admitter   string
		admitterT, admitteeT string
		admittee             string
		approve              bool
		fields               string
	}{
		{sandbox.AdmitterChapter, "reviewChapterAdmission", "chapterId", "Chapter", "Song", "songId", true, ""},
		{sandbox.AdmitterCollection, "reviewCollectionAdmission", "collectionId", "Collection", "Chart", "chartId",
			true, ""},
		{sandbox.AdmitterSong, "reviewSongAdmission", "songId", "Song", "ChartSubmission", "chartSubmissionId",
			false, "admittee { status admissionStatus }"},
		{sandbox.AdmitterSongSubmission, "reviewSongSubmissionAdmission", "songSubmissionId", "SongSubmission",
			"ChartSubmission", "chartSubmissionId", true, "admittee { admissionStatus }"},
	}
	for _, k := range kinds {
		t.Run(k.mutation, func(t *testing.T) {
			e := e.in(t)
			a := pick(t, "waiting admission", e.sandbox.Data().Areas.Studio.Admissions, func(a *sandbox.StudioAdmission) bool {
				return a.AdmitterType == k.kind && a.Status == sandbox.RequestWaiting && a.RequesteeID != alice.UserID
			})
			vars := map[string]any{
				"a": globalid.Encode(k.admitterT, a.AdmitterID), "b": globalid.Encode(k.admitteeT, a.AdmitteeID),
				"approve": k.approve,
			}
			doc := `mutation($a: ID!, $b: ID!, $approve: Boolean!) { x: ` + k.mutation + `(input: { ` + k.admitter +
				`: $a, ` + k.admittee + `: $b, approve: $approve }) { admission { id status ` + k.fields + ` } } }`
			wantError(t, e.query(doc, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")

			var got struct {
				X struct {
					Admission struct {
						ID, Status string
						Admittee   struct{ Status, AdmissionStatus string }
					}
				}
			}
			e.mustQueryAs(doc, vars, admin, &got)
			want := "REJECTED"
			if k.approve {
				want = "APPROVED"
			}
			adm := got.X.Admission
			if adm.Status != want || k.fields != "" && adm.Admittee.AdmissionStatus != want ||
				!k.approve && adm.Admittee.Status != "REJECTED" {
				t.Errorf("after %s: %+v, want %s", k.mutation, adm, want)
			}
			if n, _ := e.calls(); n != 2 {
				t.Errorf("%s made %d upstream calls, want the review and a fresh read", k.mutation, n)
			}
			wantError(t, e.query(doc, vars, admin, nil), "BAD_USER_INPUT", "InvalidOperation")
		})
	}
}

func TestDeleteAdmissions(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	for _, k := range []struct {
		kind                           sandbox.AdmitterType
		mutation, query, admitter, typ string
		admittee, admitterT, admitteeT string
	}{
		{sandbox.AdmitterChapter, "deleteChapterAdmission", "chapterAdmission", "chapterId", "ChapterAdmission",
			"songId", "Chapter", "Song"},
		{sandbox.AdmitterCollection, "deleteCollectionAdmission", "collectionAdmission", "collectionId",
			"CollectionAdmission", "chartId", "Collection", "Chart"},
	} {
		t.Run(k.mutation, func(t *testing.T) {
			e := e.in(t)
			a := *pick(t, "pending admission", e.sandbox.Data().Areas.Studio.Admissions, func(a *sandbox.StudioAdmission) bool {
				return a.AdmitterType == k.kind && a.Status != sandbox.RequestApproved && a.RequesterID != alice.UserID
			})
			vars := map[string]any{"a": a.AdmitterID, "b": a.AdmitteeID}
			doc := `mutation($a: ID!, $b: ID!) { ` + k.mutation + `(input: { ` + k.admitter + `: $a, ` + k.admittee +
				`: $b }) { deletedAdmissionId } }`
			wantError(t, e.query(doc, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")

			var got map[string]struct{ DeletedAdmissionID string }
			e.mustQueryAs(doc, vars, admin, &got)
			if id := got[k.mutation].DeletedAdmissionID; id != globalid.Encode(k.typ, a.AdmitterID+":"+a.AdmitteeID) {
				t.Errorf("%s answered %q", k.mutation, id)
			}
			wantError(t, e.query(doc, vars, admin, nil), "NOT_FOUND", "AlreadyDone")
			read := `query($a: ID!, $b: ID!) { ` + k.query + `(` + k.admitter + `: $a, ` + k.admittee + `: $b) { status } }`
			wantError(t, e.query(read, vars, admin, nil), "NOT_FOUND", "")
		})
	}
}

func TestCollaborationWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	c := pick(t, "waiting collaboration", e.sandbox.Data().Areas.Studio.Collaborations, func(c *sandbox.Collaboration) bool {
		return c.Status == sandbox.RequestWaiting && c.InviterID != alice.UserID && c.InviteeID != alice.UserID
	})
	vars := map[string]any{"id": globalid.Encode("Collaboration", c.ID)}
	type collab struct {
		Position *string
		Status   string
	}

	const update = `mutation($id: ID!) { updateCollaboration(input: { collaborationId: $id, position: "Illustrator" }) {
		collaboration { position status } } }`
	wantError(t, e.query(update, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var updated struct {
		UpdateCollaboration struct{ Collaboration collab }
	}
	e.mustQueryAs(update, vars, admin, &updated)
	if u := updated.UpdateCollaboration.Collaboration; u.Position == nil || *u.Position != "Illustrator" {
		t.Errorf("after updateCollaboration: %+v", u)
	}
	if got := lastBody(e, http.MethodPatch); got != `[{"op":"replace","path":"/position","value":"Illustrator"}]` {
		t.Errorf("the upstream received the patch %s", got)
	}

	const review = `mutation($id: ID!) { reviewCollaboration(input: { collaborationId: $id, approve: true }) {
		collaboration { position status } } }`
	wantError(t, e.query(review, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var reviewed struct {
		ReviewCollaboration struct{ Collaboration collab }
	}
	e.mustQueryAs(review, vars, admin, &reviewed)
	if s := reviewed.ReviewCollaboration.Collaboration.Status; s != "APPROVED" {
		t.Errorf("after reviewCollaboration the status is %s", s)
	}
	wantError(t, e.query(review, vars, admin, nil), "BAD_USER_INPUT", "InvalidOperation")

	const remove = `mutation($id: ID!) { deleteCollaboration(input: { collaborationId: $id }) { deletedCollaborationId } }`
	wantError(t, e.query(remove, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var removed struct {
		DeleteCollaboration struct{ DeletedCollaborationID string }
	}
	e.mustQueryAs(remove, vars, admin, &removed)
	if removed.DeleteCollaboration.DeletedCollaborationID != vars["id"] {
		t.Errorf("deleteCollaboration answered %+v", removed)
	}
	wantError(t, e.query(`query($id: ID!) { node(id: $id) { id } }`, vars, admin, nil), "NOT_FOUND", "")
}

func TestHostshipWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	event := pick(t, "event", d.Events, func(v *sandbox.Event) bool {
		for _, h := range d.Hostships {
			if h.EventID == v.ID && (h.UserID == alice.UserID || h.UserID == 200) {
				return false
			}
		}
		return v.OwnerID != alice.UserID
	})
	vars := map[string]any{"event": globalid.Encode("Event", event.ID), "user": "200"}
	type hosted struct {
		ID, Position string
		IsAdmin      bool
		IsUnveiled   bool
		Permissions  []int
		User         struct{ DatabaseID string }
	}

	const create = `mutation($event: ID!, $user: ID!) { createHostship(input: { eventId: $event, userId: $user,
		isAdmin: true, isUnveiled: true, permissions: [805306368, 805306368], position: "Judge" }) {
		hostship { id position isAdmin isUnveiled permissions user { databaseId } } } }`
	wantError(t, e.query(create, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct{ CreateHostship struct{ Hostship hosted } }
	e.mustQueryAs(create, vars, admin, &got)
	if h := got.CreateHostship.Hostship; h.Position != "Judge" || !h.IsAdmin || !h.IsUnveiled ||
		len(h.Permissions) != 1 || h.Permissions[0] != 805306368 || h.User.DatabaseID != "200" {
		t.Fatalf("after createHostship: %+v", h)
	}
	if _, byRoute := e.calls(); byRoute["POST /events/hostships"] != 1 ||
		byRoute["GET /events/hostships/{eventId}/{userId}"] != 1 {
		t.Errorf("createHostship calls = %v", byRoute)
	}
	wantError(t, e.query(create, vars, admin, nil), "CONFLICT", "AlreadyDone")

	var updated struct{ UpdateHostship struct{ Hostship hosted } }
	e.mustQueryAs(`mutation($event: ID!, $user: ID!) { updateHostship(input: { eventId: $event, userId: $user,
		isUnveiled: false, permissions: [] }) { hostship { position isUnveiled permissions } } }`, vars, admin, &updated)
	if h := updated.UpdateHostship.Hostship; h.IsUnveiled || len(h.Permissions) != 0 || h.Position != "Judge" {
		t.Errorf("after updateHostship: %+v", h)
	}

	const remove = `mutation($event: ID!, $user: ID!) { deleteHostship(input: { eventId: $event, userId: $user }) {
		deletedHostshipId } }`
	wantError(t, e.query(remove, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var removed struct {
		DeleteHostship struct{ DeletedHostshipID string }
	}
	e.mustQueryAs(remove, vars, admin, &removed)
	if removed.DeleteHostship.DeletedHostshipID != got.CreateHostship.Hostship.ID {
		t.Errorf("deleteHostship answered %+v", removed)
	}
	wantError(t, e.query(`query($event: ID!, $user: ID!) { hostship(eventId: $event, userId: $user) { id } }`,
		vars, admin, nil), "NOT_FOUND", "")
}

func TestAcceptEventHostInvite(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	inv := pick(t, "invitation", d.Areas.Events.HostInvites, func(v *sandbox.HostInvite) bool {
		for _, h := range d.Hostships {
			if h.EventID == v.EventID && h.UserID == alice.UserID {
				return false
			}
		}
		return v.IsUnveiled && v.DateExpired.After(d.Now)
	})

	const accept = `mutation($code: String!) { acceptEventHostInvite(input: { code: $code }) {
		hostship { isUnveiled event { databaseId } user { databaseId } } } }`
	var got struct {
		AcceptEventHostInvite struct {
			Hostship struct {
				IsUnveiled bool
				Event      struct{ DatabaseID string }
				User       struct{ DatabaseID string }
			}
		}
	}
	e.mustQueryAs(accept, map[string]any{"code": inv.Code}, alice.AccessToken, &got)
	if h := got.AcceptEventHostInvite.Hostship; !h.IsUnveiled || h.Event.DatabaseID != inv.EventID ||
		h.User.DatabaseID != strconv.Itoa(alice.UserID) {
		t.Errorf("after acceptEventHostInvite: %+v", h)
	}
	wantError(t, e.query(accept, map[string]any{"code": inv.Code}, alice.AccessToken, nil),
		"BAD_USER_INPUT", "InvalidOperation")
	wantError(t, e.query(accept, map[string]any{"code": "NOPE"}, alice.AccessToken, nil), "NOT_FOUND", "ResourceNotFound")
}

// Every write of this file checks the caller and its IDs before any
// upstream call.
func TestMoreWritesCheckFirst(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	const guid = "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	docs := map[string]string{
		"updateUser":           `updateUser(input: { userId: $id, biography: "x" }) { __typename }`,
		"removeUserAvatar":     `removeUserAvatar(input: { userId: $id }) { __typename }`,
		"markNotificationRead": `markNotificationRead(input: { notificationId: $id }) { __typename }`,
		"deleteNotification":   `deleteNotification(input: { notificationId: $id }) { __typename }`,
		"updateTag":            `updateTag(input: { tagId: $id, name: "x" }) { __typename }`,
		"deleteTag":            `deleteTag(input: { tagId: $id }) { __typename }`,
		"linkTagToEventDivision": `linkTagToEventDivision(input: { tagId: $id, divisionId: "` + guid +
			`" }) { __typename }`,
		"createChartAuthorship":     `createChartAuthorship(input: { chartId: $id, authorId: "2" }) { __typename }`,
		"createSongAuthorship":      `createSongAuthorship(input: { songId: $id, authorId: "2" }) { __typename }`,
		"updateAuthorship":          `updateAuthorship(input: { authorshipId: $id, position: "x" }) { __typename }`,
		"deleteAuthorship":          `deleteAuthorship(input: { authorshipId: $id }) { __typename }`,
		"reviewChapterAdmission":    `reviewChapterAdmission(input: { chapterId: $id, songId: "` + guid + `", approve: true }) { __typename }`,
		"reviewCollectionAdmission": `reviewCollectionAdmission(input: { collectionId: $id, chartId: "` + guid + `", approve: true }) { __typename }`,
		"reviewSongAdmission":       `reviewSongAdmission(input: { songId: $id, chartSubmissionId: "` + guid + `", approve: true }) { __typename }`,
		"reviewSongSubmissionAdmission": `reviewSongSubmissionAdmission(input: { songSubmissionId: $id,
			chartSubmissionId: "` + guid + `", approve: true }) { __typename }`,
		"deleteChapterAdmission":    `deleteChapterAdmission(input: { chapterId: $id, songId: "` + guid + `" }) { __typename }`,
		"deleteCollectionAdmission": `deleteCollectionAdmission(input: { collectionId: $id, chartId: "` + guid + `" }) { __typename }`,
		"updateCollaboration":       `updateCollaboration(input: { collaborationId: $id, position: "x" }) { __typename }`,
		"reviewCollaboration":       `reviewCollaboration(input: { collaborationId: $id, approve: true }) { __typename }`,
		"deleteCollaboration":       `deleteCollaboration(input: { collaborationId: $id }) { __typename }`,
		"createHostship":            `createHostship(input: { eventId: $id, userId: "2" }) { __typename }`,
		"updateHostship":            `updateHostship(input: { eventId: $id, userId: "2", position: "x" }) { __typename }`,
		"deleteHostship":            `deleteHostship(input: { eventId: $id, userId: "2" }) { __typename }`,
	}
	type check struct{ name, doc, token, id, code string }
	var tests []check
	for name, doc := range docs {
		doc = `mutation($id: ID!) { ` + doc + ` }`
		tests = append(tests, check{name + " without a token", doc, "", guid, "UNAUTHENTICATED"},
			check{name + " with a bad ID", doc, alice, "not-an-id", "BAD_USER_INPUT"})
	}
	for _, w := range []struct{ name, doc string }{
		{"createTag", `mutation { createTag(input: { name: "x" }) { __typename } }`},
		{"markNotificationsRead", `mutation { markNotificationsRead(input: { perPage: 0 }) { viewer { id } } }`},
		{"acceptEventHostInvite", `mutation { acceptEventHostInvite(input: { code: "" }) { __typename } }`},
	} {
		noToken := "UNAUTHENTICATED"
		if w.name == "markNotificationsRead" {
			// Bounds declared in the schema (perPage from 1) are checked
			// as the arguments are read, before the resolver runs.
			noToken = "BAD_USER_INPUT"
		}
		tests = append(tests, check{w.name + " without a token", w.doc, "", "x", noToken})
		if w.name != "createTag" {
			tests = append(tests, check{w.name + " with bad input", w.doc, alice, "x", "BAD_USER_INPUT"})
		}
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
