package facade_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of songs and chapters: each succeeds with its change visible
// in the fresh answer and in what the sandbox holds, and fails as
// SongController and ChapterController say.

// songUpload posts a GraphQL multipart request whose variables named in
// files are uploads with those bytes, and decodes the answer's data into
// out.
func songUpload(e *env, doc string, vars map[string]any, token string, files map[string][]byte, out any) []gqlError {
	e.t.Helper()
	_, raw := postSongUpload(e, doc, vars, token, files)
	var a struct {
		Data   json.RawMessage
		Errors []gqlError
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		e.t.Fatalf("upload answered %s", raw)
	}
	if out != nil && len(a.Data) > 0 && string(a.Data) != "null" {
		_ = json.Unmarshal(a.Data, out)
	}
	return a.Errors
}

// postSongUpload posts the multipart request of songUpload, with no
// Authorization header for an empty token, and returns the HTTP status
// and body of the answer. The sandbox's request log is cleared first.
func postSongUpload(e *env, doc string, vars map[string]any, token string, files map[string][]byte) (int, []byte) {
	e.t.Helper()
	e.sandbox.ResetRequests()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	names := slices.Sorted(maps.Keys(files))
	paths := map[string][]string{}
	for i, name := range names {
		vars[name] = nil
		paths[fmt.Sprint(i)] = []string{"variables." + name}
	}
	ops, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	mapping, _ := json.Marshal(paths)
	_ = form.WriteField("operations", string(ops))
	_ = form.WriteField("map", string(mapping))
	for i, name := range names {
		part, _ := form.CreateFormFile(fmt.Sprint(i), name+".bin")
		_, _ = part.Write(files[name])
	}
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
	return resp.StatusCode, raw
}

// wantSongUploadRefused checks that an upload without a token is refused with
// 401 before any upstream call.
func wantSongUploadRefused(t *testing.T, e *env, doc string, vars map[string]any, files map[string][]byte) {
	t.Helper()
	if status, raw := postSongUpload(e, doc, vars, "", files); status != http.StatusUnauthorized {
		t.Errorf("an upload without a token answered %d %s, want 401", status, raw)
	}
	if n, _ := e.calls(); n != 0 {
		t.Errorf("%d upstream calls, want none", n)
	}
}

// songSum returns the SHA-256 of b in hex.
func songSum(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// songRestStatus answers the status of a GET of the sandbox, as an anonymous
// REST client sees it.
func songRestStatus(e *env, path string) int {
	e.t.Helper()
	resp, err := http.Get(e.rest.URL + path)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// songFieldErrors returns the fields of the upstream field errors of a.
func songFieldErrors(a []gqlError) []string {
	var fields []string
	if len(a) == 1 {
		list, _ := a[0].Extensions["fieldErrors"].([]any)
		for _, f := range list {
			m, _ := f.(map[string]any)
			fields = append(fields, fmt.Sprint(m["field"]))
		}
	}
	return fields
}

const createSongDoc = `mutation($title: String!, $start: Float!, $end: Float!, $file: Upload!,
	$illustration: Upload!, $license: Upload, $wait: Boolean) {
	createSong(input: { title: $title, editionType: EDITED_BY_AUTHOR, authorName: "Tiny Minim",
		file: $file, illustration: $illustration, license: $license, illustrator: "Lyrica",
		description: "A night drive.", accessibility: REQUIRE_REVIEW, isHidden: false, isLocked: false,
		bpm: 174, minBpm: 87, maxBpm: 174.5, offset: -12, isOriginal: true,
		previewStart: $start, previewEnd: $end, tags: ["Drum and Bass", "Night Drive"], waitForAudio: $wait }) {
		song { databaseId title editionType authorName file fileChecksum illustration license
			accessibility bpm maxBpm offset isOriginal previewStart previewEnd duration tags { name }
			owner { databaseId } } } }`

func TestCreateSong(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0], e.sandbox.Tokens()[1]
	audio := bytes.Repeat([]byte("OggS fake audio "), 8192)
	picture := bytes.Repeat([]byte("\x89PNG cover "), 2048)
	license := []byte("%PDF-1.7 licence")
	files := map[string][]byte{"file": audio, "illustration": picture, "license": license}

	var got struct {
		CreateSong struct {
			Song struct {
				DatabaseID, Title, EditionType, File, FileChecksum, Illustration, Accessibility string
				AuthorName, License                                                             *string
				Bpm, MaxBpm, PreviewStart, PreviewEnd, Duration                                 float64
				Offset                                                                          int
				IsOriginal                                                                      bool
				Tags                                                                            []struct{ Name string }
				Owner                                                                           struct{ DatabaseID string }
			}
		}
	}
	vars := map[string]any{"title": "Midnight Run", "start": 12.5, "end": 42}
	if errs := songUpload(e, createSongDoc, vars, admin.AccessToken, files, &got); len(errs) > 0 {
		t.Fatalf("createSong: %+v", errs)
	}
	s := got.CreateSong.Song
	if s.Title != "Midnight Run" || s.EditionType != "EDITED_BY_AUTHOR" || s.AuthorName == nil ||
		*s.AuthorName != "Tiny Minim" || s.Accessibility != "REQUIRE_REVIEW" || s.Bpm != 174 || s.MaxBpm != 174.5 ||
		s.Offset != -12 || !s.IsOriginal || s.PreviewStart != 12.5 || s.PreviewEnd != 42 ||
		s.Duration != float64(len(audio))/1000 ||
		s.Owner.DatabaseID != fmt.Sprint(admin.UserID) {
		t.Errorf("created song = %+v", s)
	}
	if len(s.Tags) != 2 || s.Tags[0].Name != "Drum and Bass" || s.Tags[1].Name != "Night Drive" {
		t.Errorf("created song's tags = %+v", s.Tags)
	}
	if s.FileChecksum != songSum(audio) || !strings.Contains(s.File, songSum(audio)) ||
		!strings.Contains(s.Illustration, songSum(picture)) || s.License == nil || !strings.Contains(*s.License, songSum(license)) {
		t.Errorf("created song's files = %q %q %q %v", s.File, s.FileChecksum, s.Illustration, s.License)
	}
	var fields []string
	for _, up := range e.sandbox.Uploads() {
		if up.Route != "/songs" || up.Resource != s.DatabaseID || up.SHA256 != songSum(files[strings.ToLower(up.Field)]) {
			t.Errorf("the upstream received %+v", up)
		}
		fields = append(fields, up.Field)
	}
	if slices.Sort(fields); !slices.Equal(fields, []string{"File", "Illustration", "License"}) {
		t.Errorf("the upstream received the files %v", fields)
	}
	if _, byRoute := e.calls(); byRoute["POST /songs"] != 1 || byRoute["GET /songs/{id}"] != 1 {
		t.Errorf("createSong calls = %v", byRoute)
	}
	held := rest[struct {
		Title, Illustrator string
		Description        *string
	}](e, "/songs/"+s.DatabaseID, nil)
	if held.Title != "Midnight Run" || held.Illustrator != "Lyrica" || held.Description == nil ||
		*held.Description != "A night drive." {
		t.Errorf("the sandbox holds %+v", held)
	}

	t.Run("no token", func(t *testing.T) {
		wantSongUploadRefused(t, e.in(t), createSongDoc, map[string]any{"title": "x", "start": 0, "end": 1}, files)
	})
	t.Run("a member", func(t *testing.T) {
		errs := songUpload(e.in(t), createSongDoc, map[string]any{"title": "x", "start": 0, "end": 1},
			alice.AccessToken, files, nil)
		wantError(t, answer{Errors: errs}, "FORBIDDEN", "InsufficientPermission")
	})
	t.Run("an empty title", func(t *testing.T) {
		errs := songUpload(e.in(t), createSongDoc, map[string]any{"title": " ", "start": 0, "end": 1},
			admin.AccessToken, files, nil)
		wantError(t, answer{Errors: errs}, "BAD_USER_INPUT", "InvalidData")
		if got := songFieldErrors(errs); !slices.Equal(got, []string{"title"}) {
			t.Errorf("field errors on %v, want title", got)
		}
	})
	t.Run("a preview that ends before it starts", func(t *testing.T) {
		errs := songUpload(e.in(t), createSongDoc, map[string]any{"title": "x", "start": 30, "end": 10},
			admin.AccessToken, files, nil)
		wantError(t, answer{Errors: errs}, "BAD_USER_INPUT", "InvalidTimeRelation")
	})
	t.Run("waiting for the audio", func(t *testing.T) {
		e := e.in(t)
		vars := map[string]any{"title": "x", "start": 0, "end": 100, "wait": true}
		var got struct {
			CreateSong struct{ Song struct{ Duration float64 } }
		}
		if errs := songUpload(e, createSongDoc, vars, admin.AccessToken, files, &got); len(errs) > 0 {
			t.Fatalf("createSong: %+v", errs)
		}
		if got.CreateSong.Song.Duration != float64(len(audio))/1000 {
			t.Errorf("the song lasts %v s", got.CreateSong.Song.Duration)
		}
		for _, r := range e.sandbox.Requests() {
			if r.Method == http.MethodPost && r.Query.Encode() != "wait=true" {
				t.Errorf("the upstream received the query %q, want wait=true", r.Query.Encode())
			}
		}
	})
	t.Run("waiting, a preview beyond the audio", func(t *testing.T) {
		vars := map[string]any{"title": "x", "start": 0, "end": 200, "wait": true}
		errs := songUpload(e.in(t), createSongDoc, vars, admin.AccessToken, files, nil)
		wantError(t, answer{Errors: errs}, "BAD_USER_INPUT", "InvalidTimeRelation")
	})
	t.Run("a negative preview", func(t *testing.T) {
		e := e.in(t)
		errs := songUpload(e, createSongDoc, map[string]any{"title": "x", "start": -1, "end": 10},
			admin.AccessToken, files, nil)
		wantError(t, answer{Errors: errs}, "BAD_USER_INPUT", "")
		if n, _ := e.calls(); n != 0 {
			t.Errorf("%d upstream calls, want none", n)
		}
	})
}

// songWithDuration picks a song that lasts a minute or more.
func songWithDuration(t *testing.T, d *sandbox.Data) *sandbox.Song {
	return pick(t, "song of a minute or more", d.Songs, func(s *sandbox.Song) bool {
		return time.Duration(s.Duration) >= time.Minute && len(s.Tags) > 0
	})
}

func TestUpdateSong(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	song := songWithDuration(t, e.sandbox.Data())
	vars := map[string]any{"id": globalid.Encode("Song", song.ID)}

	const update = `mutation($id: ID!) { updateSong(input: { songId: $id, title: "Second Wind", edition: null,
		bpm: 128.5, isLocked: true, previewStart: 1.5, previewEnd: 20, tags: ["Chill", "chill", "Piano"] }) {
		song { title edition bpm isLocked previewStart previewEnd tags { name } } } }`
	var got struct {
		UpdateSong struct {
			Song struct {
				Title, Edition           string
				Bpm                      float64
				IsLocked                 bool
				PreviewStart, PreviewEnd float64
				Tags                     []struct{ Name string }
			}
		}
	}
	e.mustQueryAs(update, vars, admin, &got)
	s := got.UpdateSong.Song
	if s.Title != "Second Wind" || s.Edition != "" || s.Bpm != 128.5 || !s.IsLocked || s.PreviewStart != 1.5 ||
		s.PreviewEnd != 20 || len(s.Tags) != 2 || s.Tags[0].Name != "Chill" || s.Tags[1].Name != "Piano" {
		t.Errorf("after updateSong: %+v", s)
	}
	want := `[{"op":"replace","path":"/title","value":"Second Wind"},{"op":"remove","path":"/edition"},` +
		`{"op":"replace","path":"/isLocked","value":true},{"op":"replace","path":"/bpm","value":128.5},` +
		`{"op":"replace","path":"/previewStart","value":"00:00:01.5000000"},` +
		`{"op":"replace","path":"/previewEnd","value":"00:00:20"},` +
		`{"op":"replace","path":"/tags","value":["Chill","chill","Piano"]}]`
	if got := lastBody(e, http.MethodPatch); got != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", got, want)
	}
	if _, byRoute := e.calls(); byRoute["PATCH /songs/{id}"] != 1 || byRoute["GET /songs/{id}"] != 1 {
		t.Errorf("updateSong calls = %v", byRoute)
	}
	if held := rest[struct{ Title, PreviewEnd string }](e, "/songs/"+song.ID, nil); held.Title != "Second Wind" ||
		held.PreviewEnd != "00:00:20" {
		t.Errorf("the sandbox holds %+v", held)
	}

	beyond := time.Duration(song.Duration).Seconds() + 5
	tests := []struct {
		name, token, doc, code, upstreamCode string
		field                                string
	}{
		{"no token", "", `mutation($id: ID!) { updateSong(input: { songId: $id, bpm: 1 }) { song { id } } }`,
			"UNAUTHENTICATED", "", ""},
		{"a member", alice, `mutation($id: ID!) { updateSong(input: { songId: $id, bpm: 1 }) { song { id } } }`,
			"FORBIDDEN", "InsufficientPermission", ""},
		{"a title too long", admin, `mutation($id: ID!) { updateSong(input: { songId: $id, title: "` +
			strings.Repeat("x", 101) + `" }) { song { id } } }`, "BAD_USER_INPUT", "", ""},
		{"a negative tempo", admin, `mutation($id: ID!) { updateSong(input: { songId: $id, minBpm: -1 }) { song { id } } }`,
			"BAD_USER_INPUT", "", ""},
		{"a preview beyond the song", admin, fmt.Sprintf(`mutation($id: ID!) { updateSong(input: { songId: $id,
			previewEnd: %v }) { song { id } } }`, beyond), "BAD_USER_INPUT", "InvalidTimeRelation", ""},
		{"null tags", admin, `mutation($id: ID!) { updateSong(input: { songId: $id, tags: null }) { song { id } } }`,
			"BAD_USER_INPUT", "", ""},
		{"null for a required field", admin, `mutation($id: ID!) { updateSong(input: { songId: $id, title: null }) {
			song { id } } }`, "BAD_USER_INPUT", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.in(t).query(tt.doc, vars, tt.token, nil)
			wantError(t, a, tt.code, tt.upstreamCode)
			if tt.field != "" && !slices.Equal(songFieldErrors(a.Errors), []string{tt.field}) {
				t.Errorf("field errors on %v, want %s", songFieldErrors(a.Errors), tt.field)
			}
		})
	}
}

func TestSongFiles(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	song := songWithDuration(t, e.sandbox.Data())
	content := []byte("new bytes for the song's files")

	for _, tt := range []struct{ mutation, route, field string }{
		{"updateSongFile", "/songs/{id}/file", "file"},
		{"updateSongIllustration", "/songs/{id}/illustration", "illustration"},
		{"updateSongLicense", "/songs/{id}/license", "license"},
	} {
		t.Run(tt.mutation, func(t *testing.T) {
			e := e.in(t)
			content = append(content, '!')
			doc := `mutation($id: ID!, $file: Upload!) { x: ` + tt.mutation + `(input: { songId: $id, file: $file }) {
				song { file illustration license } } }`
			vars := map[string]any{"id": song.ID}
			var got struct {
				X struct{ Song map[string]*string }
			}
			if errs := songUpload(e, doc, vars, admin, map[string][]byte{"file": content}, &got); len(errs) > 0 {
				t.Fatalf("%s: %+v", tt.mutation, errs)
			}
			if v := got.X.Song[tt.field]; v == nil || !strings.Contains(*v, songSum(content)) {
				t.Errorf("the song's %s is %v, want the upload's address", tt.field, v)
			}
			if tt.field == "file" {
				held := rest[struct{ Duration, PreviewEnd string }](e, "/songs/"+song.ID, nil)
				if held.Duration != "00:00:00.0310000" || held.PreviewEnd != held.Duration {
					t.Errorf("after new audio of %d bytes the song lasts %s, its preview ends at %s",
						len(content), held.Duration, held.PreviewEnd)
				}
			}
			up := e.sandbox.Uploads()
			if last := up[len(up)-1]; last.Route != tt.route || last.Resource != song.ID || last.SHA256 != songSum(content) {
				t.Errorf("the upstream received %+v", last)
			}
			held := rest[map[string]any](e, "/songs/"+song.ID, nil)
			if v, _ := held[tt.field].(string); !strings.Contains(v, songSum(content)) {
				t.Errorf("the sandbox holds %s %q", tt.field, v)
			}

			errs := songUpload(e, doc, vars, alice, map[string][]byte{"file": content}, nil)
			wantError(t, answer{Errors: errs}, "FORBIDDEN", "InsufficientPermission")
			wantSongUploadRefused(t, e, doc, vars, map[string][]byte{"file": content})
		})
	}

	const remove = `mutation($id: ID!) { removeSongLicense(input: { songId: $id }) { song { license } } }`
	wantError(t, e.query(remove, map[string]any{"id": song.ID}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var removed struct {
		RemoveSongLicense struct{ Song struct{ License *string } }
	}
	e.mustQueryAs(remove, map[string]any{"id": song.ID}, admin, &removed)
	if l := removed.RemoveSongLicense.Song.License; l != nil {
		t.Errorf("after removeSongLicense the licence is %q", *l)
	}
	if held := rest[struct{ License *string }](e, "/songs/"+song.ID, nil); held.License != nil {
		t.Errorf("the sandbox still holds the licence %q", *held.License)
	}
}

func TestDeleteSong(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	d := e.sandbox.Data()
	song := pick(t, "song with charts", d.Songs, func(s *sandbox.Song) bool {
		return slices.ContainsFunc(d.Charts, func(c sandbox.Chart) bool { return c.SongID == s.ID })
	})
	chart := d.Charts[slices.IndexFunc(d.Charts, func(c sandbox.Chart) bool { return c.SongID == song.ID })].ID
	id := song.ID
	const del = `mutation($id: ID!) { deleteSong(input: { songId: $id }) { deletedSongId } }`

	wantError(t, e.query(del, map[string]any{"id": id}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct {
		DeleteSong struct{ DeletedSongID string }
	}
	e.mustQueryAs(del, map[string]any{"id": id}, admin, &got)
	if got.DeleteSong.DeletedSongID != globalid.Encode("Song", id) {
		t.Errorf("deletedSongId = %q", got.DeleteSong.DeletedSongID)
	}
	if _, byRoute := e.calls(); byRoute["DELETE /songs/{id}"] != 1 || len(byRoute) != 1 {
		t.Errorf("deleteSong calls = %v", byRoute)
	}
	if s, c := songRestStatus(e, "/songs/"+id), songRestStatus(e, "/charts/"+chart); s != http.StatusNotFound ||
		c != http.StatusNotFound {
		t.Errorf("after deleteSong the song answers %d and its chart %d, want 404", s, c)
	}
	wantError(t, e.query(del, map[string]any{"id": id}, admin, nil), "NOT_FOUND", "ResourceNotFound")
}

// songOwnedByMember picks a song whose owner is a plain member and signs
// them in.
func songOwnedByMember(t *testing.T, e *env) (*sandbox.Song, string) {
	t.Helper()
	d := e.sandbox.Data()
	song := pick(t, "song of a member", d.Songs, func(s *sandbox.Song) bool {
		u := d.User(s.OwnerID)
		return u != nil && u.Role == sandbox.RoleMember
	})
	owner, err := e.sandbox.SignInAs(song.OwnerID)
	if err != nil {
		t.Fatal(err)
	}
	return song, owner.AccessToken
}

func TestSongChapters(t *testing.T) {
	e := newEnv(t)
	admin := e.sandbox.Tokens()[0].AccessToken
	song, owner := songOwnedByMember(t, e)
	var open, reviewed, closed string
	e.sandbox.Update(func(d *sandbox.Data) {
		var free []*sandbox.Chapter
		for i := range d.Areas.Catalog.Chapters {
			ch := &d.Areas.Catalog.Chapters[i]
			if ch.OwnerID != song.OwnerID && !slices.ContainsFunc(d.Areas.Catalog.ChapterAdmissions,
				func(a sandbox.Admission) bool { return a.AdmitterID == ch.ID && a.AdmitteeID == song.ID }) {
				free = append(free, ch)
			}
		}
		if len(free) < 3 {
			t.Fatalf("the data set has %d chapters without the song, want 3", len(free))
		}
		free[0].Accessibility, free[1].Accessibility, free[2].Accessibility =
			sandbox.AllowAny, sandbox.RequireReview, sandbox.RefuseAny
		open, reviewed, closed = free[0].ID, free[1].ID, free[2].ID
	})

	const add = `mutation($song: ID!, $chapter: ID!) { addSongToChapter(input: { songId: $song, chapterId: $chapter,
		label: "#7" }) { admission { status label admitter { databaseId } admittee { databaseId } } } }`
	type admitted struct {
		AddSongToChapter struct {
			Admission struct {
				Status, Label string
				Admitter      struct{ DatabaseID string }
				Admittee      struct{ DatabaseID string }
			}
		}
	}
	for _, tt := range []struct{ name, chapter, status string }{
		{"a chapter open to all", open, "APPROVED"}, {"a chapter that reviews", reviewed, "WAITING"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			vars := map[string]any{"song": globalid.Encode("Song", song.ID), "chapter": globalid.Encode("Chapter", tt.chapter)}
			var got admitted
			e.mustQueryAs(add, vars, owner, &got)
			if a := got.AddSongToChapter.Admission; a.Status != tt.status || a.Label != "#7" ||
				a.Admitter.DatabaseID != tt.chapter || a.Admittee.DatabaseID != song.ID {
				t.Errorf("admission = %+v", a)
			}
			if body := lastBody(e, http.MethodPost); body != `{"admitterId":"`+tt.chapter+`","label":"#7"}` {
				t.Errorf("the upstream received %s", body)
			}
			wantError(t, e.query(add, vars, owner, nil), "CONFLICT", "AlreadyDone")
		})
	}
	if n := restTotal(e, "/chapters/"+open+"/songs", nil); n == 0 ||
		!slices.ContainsFunc(rest[[]struct{ ID string }](e, "/chapters/"+open+"/songs", map[string][]string{
			"PerPage": {"1000"}}), func(s struct{ ID string }) bool { return s.ID == song.ID }) {
		t.Errorf("the open chapter does not list the song")
	}

	other := e.sandbox.Tokens()[2].AccessToken
	if e.sandbox.Tokens()[2].UserID == song.OwnerID {
		other = e.sandbox.Tokens()[1].AccessToken
	}
	fail := []struct{ name, token, chapter, code, upstreamCode string }{
		{"a chapter that takes no songs", owner, closed, "BAD_USER_INPUT", "ParentIsPrivate"},
		{"an unknown chapter", owner, "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c", "NOT_FOUND", "ParentNotFound"},
		{"someone else's song", other, closed, "FORBIDDEN", "InsufficientPermission"},
	}
	for _, tt := range fail {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, e.in(t).query(add, map[string]any{"song": song.ID, "chapter": tt.chapter}, tt.token, nil),
				tt.code, tt.upstreamCode)
		})
	}

	const remove = `mutation($song: ID!, $chapter: ID!) { removeSongFromChapter(input: { songId: $song,
		chapterId: $chapter }) { deletedAdmissionId } }`
	wantError(t, e.query(remove, map[string]any{"song": song.ID, "chapter": open}, other, nil),
		"FORBIDDEN", "InsufficientPermission")
	wantError(t, e.query(remove, map[string]any{"song": song.ID, "chapter": reviewed}, owner, nil),
		"BAD_USER_INPUT", "InvalidOperation")
	var removed struct {
		RemoveSongFromChapter struct{ DeletedAdmissionID string }
	}
	e.mustQueryAs(remove, map[string]any{"song": song.ID, "chapter": open}, owner, &removed)
	if got, want := removed.RemoveSongFromChapter.DeletedAdmissionID,
		globalid.Encode("ChapterAdmission", open+":"+song.ID); got != want {
		t.Errorf("deletedAdmissionId = %q, want %q", got, want)
	}
	if songRestStatus(e, "/songs/"+song.ID+"/chapters/"+open) != http.StatusNotFound {
		t.Errorf("the song is still in the chapter")
	}
	wantError(t, e.query(remove, map[string]any{"song": song.ID, "chapter": open}, admin, nil),
		"CONFLICT", "AlreadyDone")
}

func TestLinkSongToEventDivision(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	division := pick(t, "division alice does not host", d.Divisions, func(v *sandbox.EventDivision) bool {
		return !slices.ContainsFunc(d.Hostships, func(h sandbox.Hostship) bool {
			return h.EventID == v.EventID && h.UserID == alice.UserID
		})
	})
	song := pick(t, "song not in the division", d.Songs, func(s *sandbox.Song) bool {
		return !slices.ContainsFunc(d.Areas.Events.Resources, func(r sandbox.EventResource) bool {
			return r.DivisionID == division.ID && r.ResourceID == s.ID
		})
	})
	vars := map[string]any{"song": globalid.Encode("Song", song.ID), "division": globalid.Encode("EventDivision", division.ID)}

	const link = `mutation($song: ID!, $division: ID!) { linkSongToEventDivision(input: { songId: $song,
		divisionId: $division, type: ENTRY, label: "Finals", isAnonymous: true }) {
		resource { type resourceId divisionId label isAnonymous } } }`
	wantError(t, e.query(link, vars, alice.AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var got struct {
		LinkSongToEventDivision struct {
			Resource struct {
				Type, ResourceID, DivisionID, Label string
				IsAnonymous                         bool
			}
		}
	}
	e.mustQueryAs(link, vars, admin, &got)
	if r := got.LinkSongToEventDivision.Resource; r.Type != "ENTRY" || r.ResourceID != song.ID ||
		r.DivisionID != division.ID || r.Label != "Finals" || !r.IsAnonymous {
		t.Errorf("after linkSongToEventDivision: %+v", r)
	}
	want := `{"divisionId":"` + division.ID + `","type":1,"label":"Finals","isAnonymous":true}`
	if body := lastBody(e, http.MethodPost); body != want {
		t.Errorf("the upstream received %s, want %s", body, want)
	}
	if held := e.sandbox.Data().EventResource(division.ID, song.ID); held == nil || held.Type != sandbox.ResourceEntry ||
		held.Label == nil || *held.Label != "Finals" {
		t.Errorf("the sandbox holds %+v", held)
	}
	wantError(t, e.query(link, vars, admin, nil), "CONFLICT", "AlreadyDone")
	wantError(t, e.query(link, map[string]any{"song": song.ID, "division": "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"},
		admin, nil), "NOT_FOUND", "ParentNotFound")
}

func TestChapterWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0], e.sandbox.Tokens()[1].AccessToken
	picture := bytes.Repeat([]byte("\x89PNG chapter "), 1024)

	const create = `mutation($title: String!, $illustration: Upload!) { createChapter(input: { title: $title,
		subtitle: "Where it starts", illustration: $illustration, illustrator: "Lyrica", accessibility: ALLOW_ANY,
		isHidden: false, isLocked: false }) { chapter { databaseId title subtitle illustration accessibility
		owner { databaseId } } } }`
	var created struct {
		CreateChapter struct {
			Chapter struct {
				DatabaseID, Title, Subtitle, Illustration, Accessibility string
				Owner                                                    struct{ DatabaseID string }
			}
		}
	}
	files := map[string][]byte{"illustration": picture}
	if errs := songUpload(e, create, map[string]any{"title": "Prologue"}, admin.AccessToken, files, &created); len(errs) > 0 {
		t.Fatalf("createChapter: %+v", errs)
	}
	ch := created.CreateChapter.Chapter
	if ch.Title != "Prologue" || ch.Subtitle != "Where it starts" || ch.Accessibility != "ALLOW_ANY" ||
		!strings.Contains(ch.Illustration, songSum(picture)) || ch.Owner.DatabaseID != fmt.Sprint(admin.UserID) {
		t.Errorf("created chapter = %+v", ch)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/chapters" || up[0].Field != "Illustration" ||
		up[0].SHA256 != songSum(picture) {
		t.Errorf("the upstream received %+v", up)
	}
	if held := rest[struct{ Title, Illustrator string }](e, "/chapters/"+ch.DatabaseID, nil); held.Title != "Prologue" ||
		held.Illustrator != "Lyrica" {
		t.Errorf("the sandbox holds %+v", held)
	}
	errs := songUpload(e, create, map[string]any{"title": "x"}, alice, files, nil)
	wantError(t, answer{Errors: errs}, "FORBIDDEN", "InsufficientPermission")
	errs = songUpload(e, create, map[string]any{"title": ""}, admin.AccessToken, files, nil)
	if wantError(t, answer{Errors: errs}, "BAD_USER_INPUT", "InvalidData"); !slices.Equal(songFieldErrors(errs),
		[]string{"title"}) {
		t.Errorf("field errors on %v, want title", songFieldErrors(errs))
	}

	vars := map[string]any{"id": globalid.Encode("Chapter", ch.DatabaseID)}
	const update = `mutation($id: ID!) { updateChapter(input: { chapterId: $id, subtitle: "Where it ends",
		description: null, accessibility: REFUSE_ANY, isHidden: true }) {
		chapter { subtitle description accessibility isHidden } } }`
	var updated struct {
		UpdateChapter struct {
			Chapter struct {
				Subtitle, Accessibility string
				Description             *string
				IsHidden                bool
			}
		}
	}
	e.mustQueryAs(update, vars, admin.AccessToken, &updated)
	if u := updated.UpdateChapter.Chapter; u.Subtitle != "Where it ends" || u.Accessibility != "REFUSE_ANY" ||
		u.Description != nil || !u.IsHidden {
		t.Errorf("after updateChapter: %+v", u)
	}
	want := `[{"op":"replace","path":"/subtitle","value":"Where it ends"},{"op":"remove","path":"/description"},` +
		`{"op":"replace","path":"/accessibility","value":2},{"op":"replace","path":"/isHidden","value":true}]`
	if got := lastBody(e, http.MethodPatch); got != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", got, want)
	}
	wantError(t, e.query(update, vars, alice, nil), "FORBIDDEN", "InsufficientPermission")
	long := `mutation($id: ID!) { updateChapter(input: { chapterId: $id, subtitle: "` + strings.Repeat("x", 201) +
		`" }) { chapter { id } } }`
	wantBound(t, e, e.query(long, vars, admin.AccessToken, nil), "input.subtitle")

	const illustrate = `mutation($id: ID!, $file: Upload!) { updateChapterIllustration(input: { chapterId: $id,
		file: $file }) { chapter { illustration } } }`
	another := append(bytes.Clone(picture), "v2"...)
	var illustrated struct {
		UpdateChapterIllustration struct{ Chapter struct{ Illustration string } }
	}
	if errs := songUpload(e, illustrate, map[string]any{"id": ch.DatabaseID}, admin.AccessToken,
		map[string][]byte{"file": another}, &illustrated); len(errs) > 0 {
		t.Fatalf("updateChapterIllustration: %+v", errs)
	}
	if got := illustrated.UpdateChapterIllustration.Chapter.Illustration; !strings.Contains(got, songSum(another)) {
		t.Errorf("after updateChapterIllustration the illustration is %q", got)
	}
	up := e.sandbox.Uploads()
	if last := up[len(up)-1]; last.Route != "/chapters/{id}/illustration" || last.SHA256 != songSum(another) {
		t.Errorf("the upstream received %+v", last)
	}
	errs = songUpload(e, illustrate, map[string]any{"id": ch.DatabaseID}, alice, map[string][]byte{"file": another}, nil)
	wantError(t, answer{Errors: errs}, "FORBIDDEN", "InsufficientPermission")

	const del = `mutation($id: ID!) { deleteChapter(input: { chapterId: $id }) { deletedChapterId } }`
	wantError(t, e.query(del, vars, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var deleted struct {
		DeleteChapter struct{ DeletedChapterID string }
	}
	e.mustQueryAs(del, vars, admin.AccessToken, &deleted)
	if deleted.DeleteChapter.DeletedChapterID != vars["id"] {
		t.Errorf("deletedChapterId = %q", deleted.DeleteChapter.DeletedChapterID)
	}
	if s := songRestStatus(e, "/chapters/"+ch.DatabaseID); s != http.StatusNotFound {
		t.Errorf("after deleteChapter the chapter answers %d", s)
	}
}

// Every song and chapter write checks the caller and its IDs before it
// calls the upstream.
func TestSongWritesCheckFirst(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	const guid = "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	docs := map[string]string{
		"updateSong":        `updateSong(input: { songId: $id, bpm: 1 }) { __typename }`,
		"deleteSong":        `deleteSong(input: { songId: $id }) { __typename }`,
		"removeSongLicense": `removeSongLicense(input: { songId: $id }) { __typename }`,
		"addSongToChapter":  `addSongToChapter(input: { songId: $id, chapterId: "` + guid + `" }) { __typename }`,
		"removeSongFromChapter": `removeSongFromChapter(input: { chapterId: "` + guid + `", songId: $id }) {
			__typename }`,
		"linkSongToEventDivision": `linkSongToEventDivision(input: { songId: $id, divisionId: "` + guid +
			`", type: PROMPT }) { __typename }`,
		"updateChapter": `updateChapter(input: { chapterId: $id, title: "x" }) { __typename }`,
		"deleteChapter": `deleteChapter(input: { chapterId: $id }) { __typename }`,
	}
	type check struct{ name, doc, token, id, code string }
	var tests []check
	for name, doc := range docs {
		doc = `mutation($id: ID!) { ` + doc + ` }`
		tests = append(tests, check{name + " without a token", doc, "", guid, "UNAUTHENTICATED"},
			check{name + " with a bad ID", doc, alice, "not-an-id", "BAD_USER_INPUT"},
			check{name + " with another type's ID", doc, alice, globalid.Encode("Chart", guid), "BAD_USER_INPUT"})
	}
	tests = append(tests, check{"updateSong with nothing to change", `mutation($id: ID!) {
		updateSong(input: { songId: $id }) { __typename } }`, alice, guid, "BAD_USER_INPUT"},
		check{"a label too long", `mutation($id: ID!) { addSongToChapter(input: { songId: $id, chapterId: "` + guid +
			`", label: "` + strings.Repeat("x", 101) + `" }) { __typename } }`, alice, guid, "BAD_USER_INPUT"})

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			wantError(t, e.query(tt.doc, map[string]any{"id": tt.id}, tt.token, nil), tt.code, "")
			if n, _ := e.calls(); n != 0 {
				t.Errorf("%d upstream calls, want none", n)
			}
		})
	}
	for _, name := range []string{"updateSongFile", "updateSongIllustration", "updateSongLicense"} {
		t.Run(name+" with a bad ID", func(t *testing.T) {
			e := e.in(t)
			doc := `mutation($id: ID!, $file: Upload!) { ` + name + `(input: { songId: $id, file: $file }) { __typename } }`
			errs := songUpload(e, doc, map[string]any{"id": "x"}, alice, map[string][]byte{"file": []byte("x")}, nil)
			wantError(t, answer{Errors: errs}, "BAD_USER_INPUT", "")
			if n, _ := e.calls(); n != 0 {
				t.Errorf("%d upstream calls, want none", n)
			}
		})
	}
}
