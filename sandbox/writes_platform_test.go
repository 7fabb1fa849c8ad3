package sandbox

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"
)

// sendPlatformForm serves a write with a multipart form of fields and
// files (field name to content).
func sendPlatformForm(s *Server, method, target string, fields, files map[string]string, opts ...opt) answer {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	for k, v := range files {
		part, _ := w.CreateFormFile(k, k+".png")
		_, _ = part.Write([]byte(v))
	}
	_ = w.Close()
	r := httptest.NewRequest(method, target, &body)
	r.Header.Set("Content-Type", w.FormDataContentType())
	for _, o := range opts {
		o(r)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	a := answer{code: rec.Code, raw: rec.Body.Bytes(), head: rec.Header()}
	if len(a.raw) > 0 {
		_ = json.Unmarshal(a.raw, &a)
	}
	return a
}

// The platform's writes follow each controller's rules: who may write,
// what the DTOs take, and the test's order of steps.
func TestPlatformWriteRules(t *testing.T) {
	s := New()
	alice, bob, admin := token("sandbox-alice-token"), token("sandbox-bob-token"), token("sandbox-admin-token")
	d := s.Data()
	var division string
	s.Update(func(d *Data) {
		d.Divisions[0].OwnerID, division = 2, d.Divisions[0].ID
		d.Users[3].Role = RoleUnactivated // user 4, signed in below
	})
	unactivated := token(tokenFor(s, 4))
	announcement, application := d.Areas.Catalog.Announcements[0].ID, d.Areas.Catalog.Applications[0].ID
	script, record := d.Areas.Studio.ServiceScripts[0].ID, d.Areas.Studio.ResourceRecords[0].ID
	var aliceConfig, bobConfig, answer string
	var mirroring ChartMirroringMode
	for _, p := range d.Areas.Catalog.PlayConfigurations {
		switch {
		case p.OwnerID == 2 && aliceConfig == "":
			aliceConfig = p.ID
		case p.OwnerID == 3 && bobConfig == "":
			bobConfig, mirroring = p.ID, p.ChartMirroring
		}
	}
	answer = d.Areas.Catalog.PetAnswers[0].ID
	const unknown = "00000000-0000-4000-8000-000000000000"
	fifteen := "[" + strings.Repeat(`{"choices":[0]},`, 14) + `{"choices":[0]}]`
	rr := `{"type":0,"title":"T","editionType":0,"authorName":"A","strategy":0,"source":"https://s.example.org","copyrightOwner":"L"}`

	tests := []struct {
		name, method, target, body string
		who                        opt
		status                     int
		code                       string
	}{
		{"announce without a token", "POST", "/announcements", `{"title":"t","content":"c"}`, header("X", "y"), 401, ""},
		{"a member announces", "POST", "/announcements", `{"title":"t","content":"c"}`, alice, 403, "InsufficientPermission"},
		{"a division's owner announces about it", "POST", "/announcements",
			`{"title":"t","content":"c","resourceType":5,"resourceId":"` + division + `"}`, alice, 201, "Ok"},
		{"an empty title", "POST", "/announcements", `{"title":"","content":"c"}`, admin, 400, "InvalidData"},
		{"change someone else's announcement", "PATCH", "/announcements/" + announcement,
			`[{"op":"replace","path":"/title","value":"x"}]`, bob, 403, "InsufficientPermission"},
		{"change an unknown announcement", "PATCH", "/announcements/" + unknown,
			`[{"op":"replace","path":"/title","value":"x"}]`, admin, 404, "ResourceNotFound"},
		{"remove an announcement", "DELETE", "/announcements/" + announcement, "", admin, 204, ""},

		{"a member changes an application", "PATCH", "/applications/" + application,
			`[{"op":"replace","path":"/name","value":"x"}]`, alice, 403, "InsufficientPermission"},
		{"an update takes no auth provider type", "PATCH", "/applications/" + application,
			`[{"op":"replace","path":"/type","value":7}]`, admin, 400, "InvalidData"},
		{"remove an unknown application", "DELETE", "/applications/" + unknown, "", admin, 404, "ResourceNotFound"},

		{"a member creates a script", "POST", "/services",
			`{"name":"n","targetType":2,"code":"c","parameters":[]}`, alice, 403, "InsufficientPermission"},
		{"a script without parameters", "POST", "/services", `{"name":"n","targetType":2,"code":"c"}`, admin,
			400, "InvalidData"},
		{"run an unknown script", "POST", "/services/" + unknown + "/use", `{"parameters":{}}`, alice, 404,
			"ResourceNotFound"},
		{"run a script without parameters", "POST", "/services/" + script + "/use", `{}`, alice, 400, "InvalidData"},
		{"a member removes a script", "DELETE", "/services/" + script, "", alice, 403, "InsufficientPermission"},

		{"fourteen objective answers", "POST", "/pet/objective", "[" + strings.Repeat(`{"choices":[0]},`, 13) +
			`{"choices":[0]}]`, alice, 400, "InvalidData"},
		{"an unactivated user answers", "POST", "/pet/objective", fifteen, unactivated, 403, "InsufficientPermission"},
		{"answers without a test", "POST", "/pet/objective", fifteen, alice, 400, "InvalidOperation"},
		{"subjective answers without a test", "POST", "/pet/subjective",
			`{"answer1":"a","answer2":"b","answer3":"c","chart":"d"}`, bob, 400, "InvalidOperation"},
		{"an empty subjective answer", "POST", "/pet/subjective",
			`{"answer1":"","answer2":"b","answer3":"c","chart":"d"}`, bob, 400, "InvalidData"},
		{"a qualified user reviews", "PATCH", "/pet/answers/" + answer, `{"score":10}`, bob, 403,
			"InsufficientPermission"},
		{"a score of 61", "PATCH", "/pet/answers/" + answer, `{"score":61}`, admin, 400, "InvalidData"},
		{"review an unknown answer", "PATCH", "/pet/answers/" + unknown, `{"score":10}`, admin, 404, "ResourceNotFound"},

		{"an unactivated user saves a configuration", "POST", "/player/configurations", `{}`, unactivated, 403,
			"InsufficientPermission"},
		{"a perfect window wider than the good one", "POST", "/player/configurations",
			`{"perfectJudgment":200}`, alice, 418, ""},
		{"a note size of 3", "POST", "/player/configurations", `{"noteSize":3}`, alice, 400, "InvalidData"},
		{"change someone else's configuration", "PATCH", "/player/configurations/" + bobConfig,
			`[{"op":"replace","path":"/chartOffset","value":5}]`, alice, 403, "InsufficientPermission"},
		{"an administrator changes it", "PATCH", "/player/configurations/" + bobConfig,
			`[{"op":"replace","path":"/chartOffset","value":5},{"op":"replace","path":"/chartMirroring","value":3}]`,
			admin, 204, ""},
		{"remove one's own configuration", "DELETE", "/player/configurations/" + aliceConfig, "", alice, 204, ""},

		{"a member records a work", "POST", "/resourceRecords", rr, alice, 403, "InsufficientPermission"},
		{"a batch with an empty title", "POST", "/resourceRecords/batch",
			"[" + rr + "," + strings.Replace(rr, `"title":"T"`, `"title":""`, 1) + "]", admin, 400, "InvalidData"},
		{"a batch", "POST", "/resourceRecords/batch", "[" + rr + "," + rr + "]", admin, 201, "Ok"},
		{"a member removes a record", "DELETE", "/resourceRecords/" + record, "", alice, 403, "InsufficientPermission"},
		{"remove a record", "DELETE", "/resourceRecords/" + record, "", admin, 204, ""},
		{"remove it again", "DELETE", "/resourceRecords/" + record, "", admin, 404, "ResourceNotFound"},
	}
	for _, tt := range tests {
		a := sendBody(s, tt.method, tt.target, tt.body, tt.who)
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %q, want %d %q\n%s", tt.name, a.code, a.Code, tt.status, tt.code, a.raw)
		}
	}

	cat := &s.Data().Areas.Catalog
	if p := lookup(cat.PlayConfigurations, cat.idx.playConfigurations, bobConfig); p.ChartOffset != 5 ||
		p.ChartMirroring != mirroring {
		t.Errorf("bob's configuration after the administrator's change: %+v (mirroring %v kept)", p, mirroring)
	}
	a := sendBody(s, "POST", "/resourceRecords/batch", "["+rr+","+strings.Replace(rr, `"title":"T"`, `"title":""`, 1)+"]", admin)
	if len(a.Errors) != 1 || a.Errors[0].Field != "[1].Title" {
		t.Errorf("batch errors %+v, want [1].Title", a.Errors)
	}
}

// An application is created from a form with both pictures, by
// administrators only, and a picture route without a file changes nothing.
func TestPlatformApplicationForms(t *testing.T) {
	s := New()
	alice, admin := token("sandbox-alice-token"), token("sandbox-admin-token")
	fields := map[string]string{"Name": "Phira", "Illustrator": "i", "Homepage": "https://p.example.org",
		"Type": "0", "Secret": "s", "OwnerId": "2"}
	files := map[string]string{"Avatar": "AVATAR", "Illustration": "ILLUSTRATION"}

	if a := sendPlatformForm(s, "POST", "/applications", fields, files, alice); a.code != 403 {
		t.Errorf("a member registers an application: %d %s", a.code, a.raw)
	}
	if a := sendPlatformForm(s, "POST", "/applications", fields, map[string]string{"Avatar": "A"}, admin); a.code != 400 ||
		len(a.Errors) != 1 || a.Errors[0].Field != "Illustration" {
		t.Errorf("without an illustration: %d %s", a.code, a.raw)
	}
	fields["Homepage"] = "p.example.org"
	if a := sendPlatformForm(s, "POST", "/applications", fields, files, admin); a.code != 400 ||
		len(a.Errors) != 1 || a.Errors[0].Errors[0] != codeInvalidURL {
		t.Errorf("a homepage that is no URL: %d %s", a.code, a.raw)
	}
	fields["Homepage"] = "https://p.example.org"
	if a := sendPlatformForm(s, "POST", "/applications", fields, files, admin); a.code != 201 {
		t.Fatalf("an administrator registers it: %d %s", a.code, a.raw)
	}
	if up := s.Uploads(); len(up) != 2 || up[0].Field != "Avatar" || up[1].Size != int64(len("ILLUSTRATION")) {
		t.Errorf("uploads %+v", up)
	}

	app := s.Data().Areas.Catalog.Applications[0]
	if a := sendPlatformForm(s, "PATCH", "/applications/"+app.ID+"/avatar", nil, nil, admin); a.code != 204 {
		t.Errorf("an avatar route without a file: %d %s", a.code, a.raw)
	}
	if got := s.Data().Areas.Catalog.Applications[0]; got.Avatar != app.Avatar || got.DateUpdated != app.DateUpdated {
		t.Errorf("the application changed: %+v", got)
	}
}
