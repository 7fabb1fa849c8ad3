package facade_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of the platform's announcements, applications and service
// scripts (the test, play configurations and resource records are in
// writes_platform_player_test.go). Each succeeds with its change visible in
// the fresh answer and in the sandbox, and fails as the upstream's rules
// say.

// platformStatus reads a sandbox route directly and returns its status.
func platformStatus(e *env, path string) int {
	e.t.Helper()
	resp, err := http.Get(e.rest.URL + path)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// platformFieldError checks that a failed with BAD_USER_INPUT and a field
// error code on field, as the facade names it.
func platformFieldError(t *testing.T, a answer, field, code string) {
	t.Helper()
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Fatalf("errors = %+v, want BAD_USER_INPUT", a.Errors)
	}
	fields, _ := a.Errors[0].Extensions["fieldErrors"].([]any)
	for _, f := range fields {
		m, _ := f.(map[string]any)
		if errs, _ := m["errors"].([]any); m["field"] == field && len(errs) > 0 && errs[0] == code {
			return
		}
	}
	t.Errorf("fieldErrors = %v, want %s %s", a.Errors[0].Extensions["fieldErrors"], field, code)
}

// platformNoCall checks that the last operation failed with code before
// reaching the upstream.
func platformNoCall(t *testing.T, e *env, a answer, code string) {
	t.Helper()
	wantError(t, a, code, "")
	if n, byRoute := e.calls(); n != 0 {
		t.Errorf("%d upstream calls, want none: %v", n, byRoute)
	}
}

func TestPlatformAnnouncementWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken

	const create = `mutation($title: String!) { createAnnouncement(input: { title: $title, content: "Servers rest at noon." }) {
		announcement { id databaseId title content likeCount owner { id } } } }`
	var got struct {
		CreateAnnouncement struct {
			Announcement struct {
				ID, DatabaseID, Title, Content string
				LikeCount                      int
				Owner                          struct{ ID string }
			}
		}
	}
	e.mustQueryAs(create, map[string]any{"title": "Maintenance"}, admin, &got)
	a := got.CreateAnnouncement.Announcement
	if a.Title != "Maintenance" || a.Content != "Servers rest at noon." || a.LikeCount != 0 ||
		a.Owner.ID != globalid.Encode("User", "1") || a.ID != globalid.Encode("Announcement", a.DatabaseID) {
		t.Errorf("after createAnnouncement: %+v", a)
	}
	if _, byRoute := e.calls(); byRoute["POST /announcements"] != 1 || byRoute["GET /announcements/{id}"] != 1 {
		t.Errorf("createAnnouncement calls = %v", byRoute)
	}

	// The owner of an event may announce about it; a plain member may not.
	d := e.sandbox.Data()
	event := pick(t, "event owned by a member", d.Events, func(ev *sandbox.Event) bool {
		u := d.User(ev.OwnerID)
		return u != nil && u.Role >= sandbox.RoleMember && u.Role < sandbox.RoleAdministrator
	})
	owner, err := e.sandbox.SignInAs(event.OwnerID)
	if err != nil {
		t.Fatal(err)
	}
	const about = `mutation($id: ID) { createAnnouncement(input: { title: "Finals", content: "Soon.",
		resourceType: EVENT, resourceId: $id }) { announcement { title } } }`
	var byOwner struct {
		CreateAnnouncement struct{ Announcement struct{ Title string } }
	}
	e.mustQueryAs(about, map[string]any{"id": globalid.Encode("Event", event.ID)}, owner.AccessToken, &byOwner)
	if byOwner.CreateAnnouncement.Announcement.Title != "Finals" {
		t.Errorf("the event's owner announced %+v", byOwner)
	}
	wantError(t, e.query(about, map[string]any{"id": event.ID}, alice, nil), "FORBIDDEN", "InsufficientPermission")

	const update = `mutation($id: ID!, $title: String) { updateAnnouncement(input: { announcementId: $id, title: $title }) {
		announcement { title content dateUpdated } } }`
	var updated struct {
		UpdateAnnouncement struct {
			Announcement struct{ Title, Content string }
		}
	}
	e.mustQueryAs(update, map[string]any{"id": a.ID, "title": "Maintenance, again"}, admin, &updated)
	if u := updated.UpdateAnnouncement.Announcement; u.Title != "Maintenance, again" || u.Content != "Servers rest at noon." {
		t.Errorf("after updateAnnouncement: %+v", u)
	}
	if got := lastBody(e, http.MethodPatch); got != `[{"op":"replace","path":"/title","value":"Maintenance, again"}]` {
		t.Errorf("the upstream received the patch %s", got)
	}
	stored := rest[struct{ Title string }](e, "/announcements/"+a.DatabaseID, nil)
	if stored.Title != "Maintenance, again" {
		t.Errorf("the sandbox holds the title %q", stored.Title)
	}

	t.Run("someone else's announcement", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"id": a.ID, "title": "Mine"}, alice, nil)
		wantError(t, a, "FORBIDDEN", "InsufficientPermission")
	})
	t.Run("a title too long", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"id": a.ID, "title": strings.Repeat("t", 1001)}, admin, nil)
		wantBound(t, e, a, "input.title")
	})
	t.Run("no token", func(t *testing.T) {
		e := e.in(t)
		platformNoCall(t, e, e.query(create, map[string]any{"title": "x"}, "", nil), "UNAUTHENTICATED")
	})
	t.Run("a bad ID", func(t *testing.T) {
		e := e.in(t)
		platformNoCall(t, e, e.query(update, map[string]any{"id": "nope", "title": "x"}, admin, nil), "BAD_USER_INPUT")
	})

	const del = `mutation($id: ID!) { deleteAnnouncement(input: { announcementId: $id }) { deletedAnnouncementId } }`
	wantError(t, e.query(del, map[string]any{"id": a.ID}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var deleted struct {
		DeleteAnnouncement struct{ DeletedAnnouncementID string }
	}
	e.mustQueryAs(del, map[string]any{"id": a.DatabaseID}, admin, &deleted)
	if deleted.DeleteAnnouncement.DeletedAnnouncementID != a.ID {
		t.Errorf("deleteAnnouncement answered %q, want %q", deleted.DeleteAnnouncement.DeletedAnnouncementID, a.ID)
	}
	if s := platformStatus(e, "/announcements/"+a.DatabaseID); s != http.StatusNotFound {
		t.Errorf("the removed announcement answers %d", s)
	}
}

// platformFiles posts a GraphQL multipart request whose variables named
// in files are uploads with those contents, and decodes the data into out.
func platformFiles(e *env, doc string, vars map[string]any, token string, files map[string][]byte, out any) []gqlError {
	e.t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	input, _ := vars["input"].(map[string]any)
	paths := map[string][]string{}
	i := 0
	for name := range files {
		input[name] = nil
		paths[string(rune('0'+i))] = []string{"variables.input." + name}
		i++
	}
	ops, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	_ = form.WriteField("operations", string(ops))
	m, _ := json.Marshal(paths)
	_ = form.WriteField("map", string(m))
	for key, p := range paths {
		name := strings.TrimPrefix(p[0], "variables.input.")
		part, _ := form.CreateFormFile(key, name+".png")
		_, _ = part.Write(files[name])
	}
	_ = form.Close()

	req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	e.sandbox.ResetRequests()
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
	if out != nil {
		_ = json.Unmarshal(a.Data, out)
	}
	return a.Errors
}

// platformSHA is the hex SHA-256 of b, as the sandbox records uploads.
func platformSHA(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func TestPlatformApplicationWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	avatar, illustration := bytes.Repeat([]byte("avatar "), 900), bytes.Repeat([]byte("illustration "), 1500)

	const create = `mutation($input: CreateApplicationInput!) { createApplication(input: $input) {
		application { id databaseId name avatar illustration illustrator homepage apiEndpoint type owner { id } } } }`
	input := func() map[string]any {
		return map[string]any{"input": map[string]any{
			"name": "Phira Web", "illustrator": "alice", "homepage": "https://phira.example.org",
			"apiEndpoint": "https://phira.example.org/api", "type": "WEB_PLAYER", "secret": "s3cret",
			"ownerId": globalid.Encode("User", "3"),
		}}
	}
	var got struct {
		CreateApplication struct {
			Application struct {
				ID, DatabaseID, Name, Avatar, Illustration, Illustrator, Homepage, Type string
				APIEndpoint                                                             *string
				Owner                                                                   struct{ ID string }
			}
		}
	}
	files := map[string][]byte{"avatar": avatar, "illustration": illustration}
	if errs := platformFiles(e, create, input(), admin, files, &got); len(errs) > 0 {
		t.Fatalf("createApplication: %+v", errs)
	}
	app := got.CreateApplication.Application
	if app.Name != "Phira Web" || app.Type != "WEB_PLAYER" || app.APIEndpoint == nil ||
		*app.APIEndpoint != "https://phira.example.org/api" || app.Owner.ID != globalid.Encode("User", "3") ||
		!strings.Contains(app.Avatar, platformSHA(avatar)) || !strings.Contains(app.Illustration, platformSHA(illustration)) {
		t.Errorf("after createApplication: %+v", app)
	}
	byField := map[string]sandbox.Upload{}
	for _, up := range e.sandbox.Uploads() {
		byField[up.Field] = up
	}
	if byField["Avatar"].SHA256 != platformSHA(avatar) || byField["Illustration"].SHA256 != platformSHA(illustration) ||
		byField["Avatar"].Route != "/applications" {
		t.Errorf("the upstream received %+v", e.sandbox.Uploads())
	}
	stored := rest[struct{ Name, Homepage string }](e, "/applications/"+app.DatabaseID, nil)
	if stored.Name != "Phira Web" || stored.Homepage != "https://phira.example.org" {
		t.Errorf("the sandbox holds %+v", stored)
	}
	if errs := platformFiles(e, create, input(), alice, files, nil); len(errs) != 1 || errs[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("createApplication by a member: %+v, want FORBIDDEN", errs)
	}

	const update = `mutation($input: UpdateApplicationInput!) { updateApplication(input: $input) {
		application { name description apiEndpoint type } } }`
	var updated struct {
		UpdateApplication struct {
			Application struct {
				Name, Type               string
				Description, APIEndpoint *string
			}
		}
	}
	e.mustQueryAs(update, map[string]any{"input": map[string]any{"applicationId": app.ID, "name": "Phira",
		"apiEndpoint": nil, "type": "DESKTOP_PLAYER", "description": "Plays charts."}}, admin, &updated)
	if u := updated.UpdateApplication.Application; u.Name != "Phira" || u.Type != "DESKTOP_PLAYER" ||
		u.APIEndpoint != nil || u.Description == nil || *u.Description != "Plays charts." {
		t.Errorf("after updateApplication: %+v", u)
	}
	t.Run("a homepage that is no URL", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"input": map[string]any{"applicationId": app.ID, "homepage": "phira"}}, admin, nil)
		platformFieldError(t, a, "homepage", "InvalidUrl")
	})
	t.Run("by a member", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"input": map[string]any{"applicationId": app.ID, "name": "x"}}, alice, nil)
		wantError(t, a, "FORBIDDEN", "InsufficientPermission")
	})
	t.Run("a bad owner", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"input": map[string]any{"applicationId": app.ID, "ownerId": "x"}}, admin, nil)
		platformNoCall(t, e, a, "BAD_USER_INPUT")
	})

	picture := bytes.Repeat([]byte("new picture "), 700)
	for _, tc := range []struct{ mutation, field, route string }{
		{"updateApplicationAvatar", "avatar", "/applications/{id}/avatar"},
		{"updateApplicationIllustration", "illustration", "/applications/{id}/illustration"},
	} {
		t.Run(tc.mutation, func(t *testing.T) {
			e := e.in(t)
			var out map[string]struct{ Application map[string]string }
			errs := upload(e, `mutation($id: ID!, $file: Upload!) { x: `+tc.mutation+`(input: { applicationId: $id,
				file: $file }) { application { `+tc.field+` } } }`, map[string]any{"id": app.ID}, admin, picture, &out)
			if len(errs) > 0 || !strings.Contains(out["x"].Application[tc.field], platformSHA(picture)) {
				t.Fatalf("%s: %v, errors %+v", tc.mutation, out, errs)
			}
			ups := e.sandbox.Uploads()
			if last := ups[len(ups)-1]; last.Route != tc.route || last.SHA256 != platformSHA(picture) {
				t.Errorf("the upstream received %+v", last)
			}
		})
	}

	const del = `mutation($id: ID!) { deleteApplication(input: { applicationId: $id }) { deletedApplicationId } }`
	wantError(t, e.query(del, map[string]any{"id": app.ID}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var deleted struct {
		DeleteApplication struct{ DeletedApplicationID string }
	}
	e.mustQueryAs(del, map[string]any{"id": app.DatabaseID}, admin, &deleted)
	if deleted.DeleteApplication.DeletedApplicationID != app.ID {
		t.Errorf("deleteApplication answered %+v", deleted)
	}
	if s := platformStatus(e, "/applications/"+app.DatabaseID); s != http.StatusNotFound {
		t.Errorf("the removed application answers %d", s)
	}
}

func TestPlatformServiceScriptWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken

	const create = `mutation { createServiceScript(input: { name: "Tagger", targetType: FREE,
		code: "return new ServiceResponseDto();", parameters: ["tag", "mode"] }) {
		serviceScript { id databaseId name targetType code parameters description } } }`
	var got struct {
		CreateServiceScript struct {
			ServiceScript struct {
				ID, DatabaseID, Name, TargetType, Code string
				Parameters                             []string
				Description                            *string
			}
		}
	}
	e.mustQueryAs(create, nil, admin, &got)
	s := got.CreateServiceScript.ServiceScript
	if s.Name != "Tagger" || s.TargetType != "FREE" || strings.Join(s.Parameters, ",") != "tag,mode" || s.Description != nil {
		t.Errorf("after createServiceScript: %+v", s)
	}
	wantError(t, e.query(create, nil, alice, nil), "FORBIDDEN", "InsufficientPermission")

	const update = `mutation($input: UpdateServiceScriptInput!) { updateServiceScript(input: $input) {
		serviceScript { name description parameters } } }`
	var updated struct {
		UpdateServiceScript struct {
			ServiceScript struct {
				Name        string
				Description *string
				Parameters  []string
			}
		}
	}
	e.mustQueryAs(update, map[string]any{"input": map[string]any{"serviceScriptId": s.ID,
		"description": "Tags things.", "parameters": []string{"tag"}}}, admin, &updated)
	if u := updated.UpdateServiceScript.ServiceScript; u.Name != "Tagger" || u.Description == nil ||
		*u.Description != "Tags things." || strings.Join(u.Parameters, ",") != "tag" {
		t.Errorf("after updateServiceScript: %+v", u)
	}
	t.Run("an empty name", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"input": map[string]any{"serviceScriptId": s.ID, "name": ""}}, admin, nil)
		platformFieldError(t, a, "name", "FieldEmpty")
	})

	const use = `mutation($id: ID!, $params: [ServiceScriptParameterInput!]!) {
		useServiceScript(input: { serviceScriptId: $id, parameters: $params }) {
		result { type message redirectUri } serviceScript { name } } }`
	tests := []struct {
		name   string
		params []map[string]string
		typ    string
		msg    string
	}{
		{"with its parameter", []map[string]string{{"name": "tag", "value": "jazz"}}, "SUCCESS",
			"Tagger ran with 1 parameters."},
		{"without it", []map[string]string{}, "FAILED", "The given key 'tag' was not present in the dictionary."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			var out struct {
				UseServiceScript struct {
					Result        struct{ Type, Message string }
					ServiceScript struct{ Name string }
				}
			}
			e.mustQueryAs(use, map[string]any{"id": s.ID, "params": tt.params}, alice, &out)
			if r := out.UseServiceScript; r.Result.Type != tt.typ || r.Result.Message != tt.msg || r.ServiceScript.Name != "Tagger" {
				t.Errorf("useServiceScript: %+v", r)
			}
			if _, byRoute := e.calls(); byRoute["POST /services/{id}/use"] != 1 {
				t.Errorf("useServiceScript calls = %v", byRoute)
			}
		})
	}
	t.Run("a parameter twice", func(t *testing.T) {
		e := e.in(t)
		params := []map[string]string{{"name": "tag", "value": "a"}, {"name": "tag", "value": "b"}}
		platformNoCall(t, e, e.query(use, map[string]any{"id": s.ID, "params": params}, alice, nil), "BAD_USER_INPUT")
	})
	t.Run("no token", func(t *testing.T) {
		e := e.in(t)
		platformNoCall(t, e, e.query(use, map[string]any{"id": s.ID, "params": []any{}}, "", nil), "UNAUTHENTICATED")
	})

	const del = `mutation($id: ID!) { deleteServiceScript(input: { serviceScriptId: $id }) { deletedServiceScriptId } }`
	wantError(t, e.query(del, map[string]any{"id": s.ID}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var deleted struct {
		DeleteServiceScript struct{ DeletedServiceScriptID string }
	}
	e.mustQueryAs(del, map[string]any{"id": s.ID}, admin, &deleted)
	if deleted.DeleteServiceScript.DeletedServiceScriptID != s.ID {
		t.Errorf("deleteServiceScript answered %+v", deleted)
	}
	if st := platformStatus(e, "/services/"+s.DatabaseID); st != http.StatusNotFound {
		t.Errorf("the removed script answers %d", st)
	}
	wantError(t, e.query(use, map[string]any{"id": s.ID, "params": []any{}}, alice, nil), "NOT_FOUND", "ResourceNotFound")
}
