package sandbox

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// sendSongForm serves a write with a multipart form of fields and files
// (each file named after its field).
func sendSongForm(s *Server, method, target string, fields map[string]string, files map[string]string, opts ...opt) answer {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	for k, v := range files {
		part, _ := w.CreateFormFile(k, k+".bin")
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

// songFields is a valid SongCreationDto without its files.
func songFields() map[string]string {
	return map[string]string{
		"Title": "Night Drive", "EditionType": "0", "AuthorName": "Tiny Minim", "Illustrator": "Lyrica",
		"Accessibility": "1", "IsHidden": "false", "IsLocked": "false", "Bpm": "174", "MinBpm": "87",
		"MaxBpm": "174", "Offset": "0", "IsOriginal": "true", "PreviewStart": "00:00:10",
		"PreviewEnd": "00:00:40",
	}
}

// songFieldWith returns a copy of fields with k set to v ("" removes it).
func songFieldWith(fields map[string]string, k, v string) map[string]string {
	out := map[string]string{}
	for key, value := range fields {
		out[key] = value
	}
	if v == "" {
		delete(out, k)
	} else {
		out[k] = v
	}
	return out
}

// Songs and chapters are created, changed and removed by administrators
// only, with the DTOs' validation first for the forms.
func TestSongWriteRules(t *testing.T) {
	s := New()
	alice, admin := token("sandbox-alice-token"), token("sandbox-admin-token")
	files := map[string]string{"File": "OggS", "Illustration": "PNG"}
	song := s.Data().Songs[0].ID

	tests := []struct {
		name           string
		fields, files  map[string]string
		who            opt
		status         int
		code, errField string
	}{
		{"without a token", songFields(), files, header("Accept", "*/*"), 401, "", ""},
		{"a member", songFields(), files, alice, 403, "InsufficientPermission", ""},
		{"a member with a bad form", songFieldWith(songFields(), "Title", ""), files, alice, 400, "InvalidData", "Title"},
		{"no audio", songFields(), map[string]string{"Illustration": "PNG"}, admin, 400, "InvalidData", "File"},
		{"an edition type out of range", songFieldWith(songFields(), "EditionType", "6"), files, admin, 400, "InvalidData",
			"EditionType"},
		{"a negative tempo", songFieldWith(songFields(), "MinBpm", "-1"), files, admin, 400, "InvalidData", "MinBpm"},
		{"a bad preview", songFieldWith(songFields(), "PreviewEnd", "soon"), files, admin, 400, "InvalidData", "PreviewEnd"},
		{"a preview backwards", songFieldWith(songFields(), "PreviewEnd", "00:00:05"), files, admin, 400,
			"InvalidTimeRelation", ""},
		{"an administrator", songFields(), files, admin, 201, "Ok", ""},
	}
	for _, tt := range tests {
		a := sendSongForm(s, http.MethodPost, "/songs", tt.fields, tt.files, tt.who)
		if tt.name == "an administrator" {
			// Waiting for 4 bytes of audio: 4 ms of music, shorter than the
			// preview.
			w := sendSongForm(s, http.MethodPost, "/songs?wait=true", tt.fields, tt.files, tt.who)
			if w.code != 400 || w.Code != "InvalidTimeRelation" {
				t.Errorf("waiting, a preview past the audio: %d %q\n%s", w.code, w.Code, w.raw)
			}
		}
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %q, want %d %q\n%s", tt.name, a.code, a.Code, tt.status, tt.code, a.raw)
		}
		if tt.errField != "" && (len(a.Errors) != 1 || a.Errors[0].Field != tt.errField) {
			t.Errorf("%s: errors %+v, want one on %s", tt.name, a.Errors, tt.errField)
		}
	}

	for _, tt := range []struct {
		name, method, target, body string
		who                        opt
		status                     int
		code                       string
	}{
		{"patch as a member", http.MethodPatch, "/songs/" + song, `[]`, alice, 403, "InsufficientPermission"},
		{"patch an unknown song", http.MethodPatch, "/songs/00000000-0000-4000-8000-000000000000", `[]`, admin, 404,
			"ResourceNotFound"},
		{"patch an unknown field", http.MethodPatch, "/songs/" + song, `[{"op":"replace","path":"/file","value":"x"}]`,
			admin, 400, "InvalidData"},
		{"patch the title away", http.MethodPatch, "/songs/" + song, `[{"op":"remove","path":"/title"}]`, admin, 400,
			"InvalidData"},
		{"patch the preview past the end", http.MethodPatch, "/songs/" + song,
			`[{"op":"replace","path":"/previewEnd","value":"1.00:00:00"}]`, admin, 400, "InvalidTimeRelation"},
		{"remove the licence as a member", http.MethodDelete, "/songs/" + song + "/license", "", alice, 403,
			"InsufficientPermission"},
		{"remove the licence", http.MethodDelete, "/songs/" + song + "/license", "", admin, 204, ""},
		{"remove a song as a member", http.MethodDelete, "/songs/" + song, "", alice, 403, "InsufficientPermission"},
		{"remove a song without a token", http.MethodDelete, "/songs/" + song, "", header("Accept", "*/*"), 401, ""},
		{"remove a song", http.MethodDelete, "/songs/" + song, "", admin, 204, ""},
		{"remove it again", http.MethodDelete, "/songs/" + song, "", admin, 404, "ResourceNotFound"},
	} {
		a := sendBody(s, tt.method, tt.target, tt.body, tt.who)
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %q, want %d %q\n%s", tt.name, a.code, a.Code, tt.status, tt.code, a.raw)
		}
	}
	d := s.Data()
	if d.Song(song) != nil || slices.ContainsFunc(d.Charts, func(c Chart) bool { return c.SongID == song }) ||
		slices.ContainsFunc(d.Areas.Catalog.ChapterAdmissions, func(a Admission) bool { return a.AdmitteeID == song }) {
		t.Error("the removed song, its charts or its admissions are still there")
	}
}

// A song's admissions follow CollectSongIntoChapter and
// RemoveSongFromChapter: who may ask, the chapter's accessibility, repeats
// and the approved state.
func TestSongChapterRules(t *testing.T) {
	s := New()
	var song, owner, open, review, closed string
	var ownerID int
	s.Update(func(d *Data) {
		i := slices.IndexFunc(d.Songs, func(v Song) bool {
			u := d.User(v.OwnerID)
			return u != nil && u.Role == RoleMember
		})
		song, ownerID = d.Songs[i].ID, d.Songs[i].OwnerID
		d.Areas.Catalog.ChapterAdmissions = slices.DeleteFunc(d.Areas.Catalog.ChapterAdmissions,
			func(a Admission) bool { return a.AdmitteeID == song })
		chapters := d.Areas.Catalog.Chapters
		for j := range chapters {
			chapters[j].OwnerID = 1
		}
		chapters[0].Accessibility, chapters[1].Accessibility, chapters[2].Accessibility = AllowAny, RequireReview, RefuseAny
		open, review, closed = chapters[0].ID, chapters[1].ID, chapters[2].ID
	})
	owner = tokenFor(s, ownerID)
	stranger := 2
	if ownerID == 2 {
		stranger = 3
	}
	admin := token("sandbox-admin-token")
	body := func(chapter string) string { return `{"admitterId":"` + chapter + `"}` }
	notified := len(s.Data().Areas.Catalog.Notifications)

	for _, tt := range []struct {
		name, method, target, body string
		who                        opt
		status                     int
		code                       string
	}{
		{"without a token", http.MethodPost, "/songs/" + song + "/chapters", body(open), header("Accept", "*/*"), 401, ""},
		{"someone else's song", http.MethodPost, "/songs/" + song + "/chapters", body(open),
			token(tokenFor(s, stranger)), 403, "InsufficientPermission"},
		{"an unknown chapter", http.MethodPost, "/songs/" + song + "/chapters",
			body("00000000-0000-4000-8000-000000000000"), token(owner), 404, "ParentNotFound"},
		{"a closed chapter", http.MethodPost, "/songs/" + song + "/chapters", body(closed), token(owner), 400,
			"ParentIsPrivate"},
		{"a label too long", http.MethodPost, "/songs/" + song + "/chapters",
			`{"admitterId":"` + open + `","label":"` + string(bytes.Repeat([]byte("x"), 101)) + `"}`, token(owner),
			400, "InvalidData"},
		{"an open chapter", http.MethodPost, "/songs/" + song + "/chapters", body(open), token(owner), 204, ""},
		{"twice", http.MethodPost, "/songs/" + song + "/chapters", body(open), token(owner), 400, "AlreadyDone"},
		{"a chapter that reviews", http.MethodPost, "/songs/" + song + "/chapters", body(review), token(owner), 204, ""},
		{"a closed chapter as its owner", http.MethodPost, "/songs/" + song + "/chapters", body(closed), admin, 204, ""},
		{"take out someone else's song", http.MethodDelete, "/songs/" + song + "/chapters/" + open,
			"", token(tokenFor(s, stranger)), 403, "InsufficientPermission"},
		{"take out a waiting song", http.MethodDelete, "/songs/" + song + "/chapters/" + review, "", token(owner), 400,
			"InvalidOperation"},
		{"take out", http.MethodDelete, "/songs/" + song + "/chapters/" + open, "", token(owner), 204, ""},
		{"take out again", http.MethodDelete, "/songs/" + song + "/chapters/" + open, "", token(owner), 400,
			"AlreadyDone"},
	} {
		a := sendBody(s, tt.method, tt.target, tt.body, tt.who)
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %q, want %d %q\n%s", tt.name, a.code, a.Code, tt.status, tt.code, a.raw)
		}
	}
	statuses := map[string]RequestStatus{}
	for _, a := range s.Data().Areas.Catalog.ChapterAdmissions {
		if a.AdmitteeID == song {
			statuses[a.AdmitterID] = a.Status
		}
	}
	want := map[string]RequestStatus{review: RequestWaiting, closed: RequestApproved}
	if len(statuses) != 2 || statuses[review] != want[review] || statuses[closed] != want[closed] {
		t.Errorf("the song's admissions are %v, want %v", statuses, want)
	}
	var asked []string
	for _, n := range s.Data().Areas.Catalog.Notifications[notified:] {
		if n.Type == chapterAdmissionNotice && n.OperatorID != nil && *n.OperatorID == ownerID {
			asked = append(asked, n.Content)
		}
	}
	if len(asked) != 1 || !strings.Contains(asked[0], s.Data().Song(song).Title) {
		t.Errorf("the chapter's owner was notified %q, want once about the song", asked)
	}
}

// Chapters change by administrators only; removing one removes its
// admissions.
func TestChapterWriteRules(t *testing.T) {
	s := New()
	alice, admin := token("sandbox-alice-token"), token("sandbox-admin-token")
	fields := map[string]string{"Title": "Prologue", "Subtitle": "Start", "Illustrator": "Lyrica", "Accessibility": "0"}
	pic := map[string]string{"Illustration": "PNG"}

	for _, tt := range []struct {
		name   string
		fields map[string]string
		files  map[string]string
		who    opt
		status int
		code   string
	}{
		{"a member", fields, pic, alice, 403, "InsufficientPermission"},
		{"no subtitle", songFieldWith(fields, "Subtitle", ""), pic, admin, 400, "InvalidData"},
		{"no illustration", fields, nil, admin, 400, "InvalidData"},
		{"accessibility out of range", songFieldWith(fields, "Accessibility", "3"), pic, admin, 400, "InvalidData"},
		{"an administrator", fields, pic, admin, 201, "Ok"},
	} {
		a := sendSongForm(s, http.MethodPost, "/chapters", tt.fields, tt.files, tt.who)
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %q, want %d %q\n%s", tt.name, a.code, a.Code, tt.status, tt.code, a.raw)
		}
	}

	chapter := s.Data().Areas.Catalog.Chapters[0].ID
	if !slices.ContainsFunc(s.Data().Areas.Catalog.ChapterAdmissions, func(a Admission) bool {
		return a.AdmitterID == chapter
	}) {
		t.Fatal("the first chapter has no admissions to remove")
	}
	before := s.Data().Areas.Catalog.Chapters[0].DateUpdated
	for _, tt := range []struct {
		name, method, target, body string
		who                        opt
		status                     int
		code                       string
	}{
		{"patch as a member", http.MethodPatch, "/chapters/" + chapter, `[]`, alice, 403, "InsufficientPermission"},
		{"patch the title away", http.MethodPatch, "/chapters/" + chapter, `[{"op":"remove","path":"/title"}]`, admin,
			400, "InvalidData"},
		{"patch", http.MethodPatch, "/chapters/" + chapter, `[{"op":"replace","path":"/isLocked","value":true}]`, admin,
			204, ""},
		{"remove as a member", http.MethodDelete, "/chapters/" + chapter, "", alice, 403, "InsufficientPermission"},
		{"remove", http.MethodDelete, "/chapters/" + chapter, "", admin, 204, ""},
		{"remove again", http.MethodDelete, "/chapters/" + chapter, "", admin, 404, "ResourceNotFound"},
	} {
		if tt.name == "remove as a member" {
			if ch := s.Data().Chapter(chapter); !ch.IsLocked || !ch.DateUpdated.After(before.Add(-time.Second)) {
				t.Errorf("after the patch the chapter is %+v", ch)
			}
		}
		a := sendBody(s, tt.method, tt.target, tt.body, tt.who)
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %q, want %d %q\n%s", tt.name, a.code, a.Code, tt.status, tt.code, a.raw)
		}
	}
	if slices.ContainsFunc(s.Data().Areas.Catalog.ChapterAdmissions, func(a Admission) bool {
		return a.AdmitterID == chapter
	}) {
		t.Error("the removed chapter's admissions are still there")
	}
}
