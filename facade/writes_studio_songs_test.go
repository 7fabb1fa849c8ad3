package facade_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of song submissions in the studio: each succeeds with its
// change in the fresh answer and in what the sandbox holds, and fails as
// SongSubmissionController's rules say.

// songSubmissionFile is one file of a GraphQL multipart request: the
// variable it fills, its name and its bytes.
type songSubmissionFile struct {
	variable, name string
	content        []byte
}

// sha is the hex SHA-256 of the file's bytes, as sandbox Uploads records it.
func (f songSubmissionFile) sha() string {
	sum := sha256.Sum256(f.content)
	return hex.EncodeToString(sum[:])
}

// songSubmissionMultipart posts doc as a GraphQL multipart request (the
// files filling their variables) as token, after clearing the sandbox's
// request log, and decodes the answer's data into out. The facade refuses
// uploads without a token before GraphQL: that answer is 401 with no
// GraphQL body, which the test reads from the status.
func songSubmissionMultipart(
	e *env, token, doc string, vars map[string]any, files []songSubmissionFile, out any,
) (answer, int) {
	e.t.Helper()
	e.sandbox.ResetRequests()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	paths := map[string][]string{}
	for i, f := range files {
		paths[strconv.Itoa(i)] = []string{"variables." + f.variable}
		songSubmissionPlaceholder(vars, f.variable)
	}
	ops, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	mapping, _ := json.Marshal(paths)
	_ = form.WriteField("operations", string(ops))
	_ = form.WriteField("map", string(mapping))
	for i, f := range files {
		part, _ := form.CreateFormFile(strconv.Itoa(i), f.name)
		_, _ = part.Write(f.content)
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

	var a answer
	if resp.StatusCode == http.StatusUnauthorized {
		return a, resp.StatusCode
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		e.t.Fatalf("answer is not JSON (%d): %s", resp.StatusCode, raw)
	}
	if out != nil && len(a.Data) > 0 && string(a.Data) != "null" {
		if err := json.Unmarshal(a.Data, out); err != nil {
			e.t.Fatalf("decode data: %v\n%s", err, a.Data)
		}
	}
	return a, resp.StatusCode
}

// songSubmissionPlaceholder sets the variable at a dotted path ("input.file") to null, the
// placeholder of a multipart request's file.
func songSubmissionPlaceholder(vars map[string]any, path string) {
	keys := strings.Split(path, ".")
	m := vars
	for _, k := range keys[:len(keys)-1] {
		m = m[k].(map[string]any)
	}
	m[keys[len(keys)-1]] = nil
}

// restSongSubmission is the part of SongSubmissionDto the tests compare.
type restSongSubmission struct {
	ID               string  `json:"id"`
	Title            string  `json:"title"`
	Edition          *string `json:"edition"`
	AuthorName       string  `json:"authorName"`
	File             string  `json:"file"`
	Illustration     string  `json:"illustration"`
	License          *string `json:"license"`
	OriginalityProof *string `json:"originalityProof"`
	Accessibility    int     `json:"accessibility"`
	Status           int     `json:"status"`
	PreviewStart     string  `json:"previewStart"`
	PreviewEnd       string  `json:"previewEnd"`
	Duration         string  `json:"duration"`
	RepresentationID *string `json:"representationId"`
	ReviewerID       *int    `json:"reviewerId"`
	Message          *string `json:"message"`
	Tags             []string
	OwnerID          int `json:"ownerId"`
}

// gqlSongSubmission is the part of SongSubmission the tests read.
type gqlSongSubmission struct {
	ID               string
	DatabaseID       string
	Title            string
	Edition          *string
	AuthorName       string
	File             string
	Illustration     string
	License          *string
	OriginalityProof *string
	Accessibility    string
	Status           string
	PreviewStart     float64
	PreviewEnd       float64
	Duration         float64
	Tags             []string
	Message          *string
	Owner            struct{ DatabaseID string }
	Reviewer         *struct{ DatabaseID string }
	Representation   *struct {
		DatabaseID string
		Title      string
		IsOriginal bool
		IsHidden   bool
	}
}

// songSubmissionFields selects gqlSongSubmission.
const songSubmissionFields = `songSubmission { id databaseId title edition authorName file illustration
  license originalityProof accessibility status previewStart previewEnd duration tags message
  owner { databaseId } reviewer { databaseId }
  representation { databaseId title isOriginal isHidden } }`

// songSubmissionOf returns a submission of the data set that ok accepts.
func songSubmissionOf(t *testing.T, e *env, ok func(*sandbox.SongSubmission) bool) *sandbox.SongSubmission {
	t.Helper()
	return pick(t, "such song submission", e.sandbox.Data().Areas.Studio.SongSubmissions, ok)
}

// songSubmissionOwnedBy accepts a submission of user that has not become a song.
func songSubmissionOwnedBy(user int) func(*sandbox.SongSubmission) bool {
	return func(s *sandbox.SongSubmission) bool {
		return s.OwnerID != nil && *s.OwnerID == user && s.RepresentationID == nil
	}
}

func TestCreateSongSubmission(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	const doc = `mutation($input: CreateSongSubmissionInput!) { createSongSubmission(input: $input) { ` +
		songSubmissionFields + ` } }`
	input := func() map[string]any {
		return map[string]any{
			"title": "Glass Lanterns", "editionType": "ORIGINAL", "edition": "Extended Mix",
			"authorName":  fmt.Sprintf("[PZUser:%d:%s:PZRT] & [PZUser:%d:%s:PZRT]", alice.UserID, alice.UserName, bob.UserID, bob.UserName),
			"illustrator": "Mio", "accessibility": "REFUSE_ANY", "bpm": 174.5, "minBpm": 87, "maxBpm": 174.5,
			"offset": -12, "previewStart": 10.5, "previewEnd": 30, "tags": []string{"Drum and Bass", "Original"},
		}
	}
	audio := songSubmissionFile{"input.file", "lanterns.ogg", bytes.Repeat([]byte("OggS fake audio "), 2048)}
	picture := songSubmissionFile{"input.illustration", "lanterns.png", bytes.Repeat([]byte("\x89PNG cover "), 1024)}
	proof := songSubmissionFile{"input.originalityProof", "project.zip", []byte("PK project files")}

	t.Run("uploads every file and invites the mentioned authors", func(t *testing.T) {
		var out struct {
			CreateSongSubmission struct{ SongSubmission gqlSongSubmission }
		}
		a, _ := songSubmissionMultipart(e, alice.AccessToken, doc, map[string]any{"input": input()},
			[]songSubmissionFile{audio, picture, proof}, &out)
		if len(a.Errors) > 0 {
			t.Fatalf("errors: %+v", a.Errors)
		}
		got := out.CreateSongSubmission.SongSubmission
		if got.Title != "Glass Lanterns" || got.Edition == nil || *got.Edition != "Extended Mix" ||
			got.Status != "WAITING" || got.Accessibility != "REFUSE_ANY" || got.PreviewStart != 10.5 ||
			got.PreviewEnd != 30 || got.Owner.DatabaseID != strconv.Itoa(alice.UserID) ||
			strings.Join(got.Tags, ",") != "Drum and Bass,Original" {
			t.Errorf("created %+v", got)
		}
		if !strings.Contains(got.File, audio.sha()) || !strings.Contains(got.Illustration, picture.sha()) ||
			got.OriginalityProof == nil || !strings.Contains(*got.OriginalityProof, proof.sha()) || got.License != nil {
			t.Errorf("files: %s %s %v %v", got.File, got.Illustration, got.OriginalityProof, got.License)
		}

		uploads := map[string]sandbox.Upload{}
		for _, u := range e.sandbox.Uploads() {
			uploads[u.Field] = u
		}
		for field, f := range map[string]songSubmissionFile{"File": audio, "Illustration": picture, "OriginalityProof": proof} {
			if u := uploads[field]; u.SHA256 != f.sha() || u.Size != int64(len(f.content)) || u.Resource != got.DatabaseID {
				t.Errorf("upload %s = %+v, want %d bytes with sha256 %s", field, u, len(f.content), f.sha())
			}
		}
		if _, byRoute := e.calls(); byRoute["POST /studio/songs"] != 1 || byRoute["GET /studio/songs/{id}"] != 1 {
			t.Errorf("upstream calls %v, want the creation and one read", byRoute)
		}

		stored, _ := restAs[restSongSubmission](e, alice.AccessToken, "/studio/songs/"+got.DatabaseID, nil)
		if stored.Title != "Glass Lanterns" || stored.PreviewStart != "00:00:10.5000000" || stored.OwnerID != alice.UserID {
			t.Errorf("the sandbox holds %+v", stored)
		}
		invites := 0
		for _, c := range e.sandbox.Data().Areas.Studio.Collaborations {
			if c.SubmissionID == got.DatabaseID {
				invites++
				if c.InviteeID != bob.UserID || c.InviterID != alice.UserID {
					t.Errorf("collaboration %+v, want alice inviting bob", c)
				}
			}
		}
		if invites != 1 {
			t.Errorf("%d collaborations, want bob's", invites)
		}
	})

	t.Run("without an originality proof anyone may chart it", func(t *testing.T) {
		var out struct {
			CreateSongSubmission struct{ SongSubmission gqlSongSubmission }
		}
		a, _ := songSubmissionMultipart(e, alice.AccessToken, doc, map[string]any{"input": input()},
			[]songSubmissionFile{audio, picture}, &out)
		if len(a.Errors) > 0 || out.CreateSongSubmission.SongSubmission.Accessibility != "ALLOW_ANY" {
			t.Errorf("errors %+v, created %+v", a.Errors, out.CreateSongSubmission.SongSubmission)
		}
	})

	cases := []struct {
		name, token  string
		change       func(map[string]any)
		files        []songSubmissionFile
		code, reason string
		calls        int
	}{
		{"no token", "", nil, []songSubmissionFile{audio, picture}, "UNAUTHENTICATED", "", 0},
		{"preview ends before it starts", alice.AccessToken, func(m map[string]any) { m["previewEnd"] = 5 },
			[]songSubmissionFile{audio, picture}, "BAD_USER_INPUT", "", 0},
		{"empty title", alice.AccessToken, func(m map[string]any) { m["title"] = " " },
			[]songSubmissionFile{audio, picture}, "BAD_USER_INPUT", "InvalidData", 1},
		{"proof without the caller among the authors", bob.AccessToken, func(m map[string]any) {
			m["authorName"] = fmt.Sprintf("[PZUser:%d:%s:PZRT]", alice.UserID, alice.UserName)
		}, []songSubmissionFile{audio, picture, proof}, "BAD_USER_INPUT", "InvalidAuthorInfo", 1},
		{"an author who does not exist", alice.AccessToken, func(m map[string]any) {
			m["authorName"] = "[PZUser:999999:Nobody:PZRT]"
		}, []songSubmissionFile{audio, picture}, "BAD_USER_INPUT", "UserNotFound", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := input()
			if tc.change != nil {
				tc.change(in)
			}
			a, status := songSubmissionMultipart(e, tc.token, doc, map[string]any{"input": in}, tc.files, nil)
			if tc.code == "UNAUTHENTICATED" {
				if status != http.StatusUnauthorized {
					t.Errorf("status %d without a token, want 401", status)
				}
			} else {
				wantError(t, a, tc.code, tc.reason)
			}
			if n, _ := e.calls(); n != tc.calls {
				t.Errorf("%d upstream calls, want %d", n, tc.calls)
			}
			if tc.name == "empty title" && len(a.Errors) == 1 {
				fields, _ := json.Marshal(a.Errors[0].Extensions["fieldErrors"])
				if !strings.Contains(string(fields), `"field":"title"`) {
					t.Errorf("field errors %s, want one on title", fields)
				}
			}
		})
	}
}

func TestUpdateSongSubmission(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	mine := songSubmissionOf(t, e, songSubmissionOwnedBy(alice.UserID))
	id := globalid.Encode("SongSubmission", mine.ID)
	const doc = `mutation($input: UpdateSongSubmissionInput!) { updateSongSubmission(input: $input) { ` +
		songSubmissionFields + ` } }`

	var out struct {
		UpdateSongSubmission struct{ SongSubmission gqlSongSubmission }
	}
	e.mustQueryAs(doc, map[string]any{"input": map[string]any{
		"songSubmissionId": id, "title": "Renamed", "edition": nil, "previewStart": 1, "previewEnd": 2.5,
		"tags": []string{"Calm"},
	}}, alice.AccessToken, &out)
	got := out.UpdateSongSubmission.SongSubmission
	if got.Title != "Renamed" || got.Edition != nil || got.PreviewStart != 1 || got.PreviewEnd != 2.5 ||
		strings.Join(got.Tags, ",") != "Calm" || got.Status != "WAITING" {
		t.Errorf("updated %+v", got)
	}
	want := `[{"op":"replace","path":"/title","value":"Renamed"},{"op":"remove","path":"/edition"},` +
		`{"op":"replace","path":"/previewStart","value":"00:00:01"},` +
		`{"op":"replace","path":"/previewEnd","value":"00:00:02.5000000"},` +
		`{"op":"replace","path":"/tags","value":["Calm"]}]`
	if body := lastBody(e, http.MethodPatch); body != want {
		t.Errorf("patch %s, want %s", body, want)
	}
	stored, _ := restAs[restSongSubmission](e, alice.AccessToken, "/studio/songs/"+mine.ID, nil)
	if stored.Title != "Renamed" || stored.Edition != nil || stored.PreviewEnd != "00:00:02.5000000" {
		t.Errorf("the sandbox holds %+v", stored)
	}

	cases := []struct {
		name, token   string
		input         map[string]any
		code, reason  string
		calls         int
		fieldErrorsOn string
	}{
		{"no token", "", map[string]any{"songSubmissionId": id, "title": "X"}, "UNAUTHENTICATED", "", 0, ""},
		{"someone else's", bob.AccessToken, map[string]any{"songSubmissionId": id, "title": "X"}, "FORBIDDEN",
			"InsufficientPermission", 1, ""},
		{"a bad ID", alice.AccessToken, map[string]any{"songSubmissionId": "nope", "title": "X"}, "BAD_USER_INPUT",
			"", 0, ""},
		{"nothing to change", alice.AccessToken, map[string]any{"songSubmissionId": id}, "BAD_USER_INPUT", "", 0, ""},
		{"a title too long", alice.AccessToken, map[string]any{"songSubmissionId": id, "title": strings.Repeat("t", 101)},
			"BAD_USER_INPUT", "", 0, ""},
		{"a preview past the song's end", alice.AccessToken,
			map[string]any{"songSubmissionId": id, "previewEnd": 100000}, "BAD_USER_INPUT", "InvalidTimeRelation", 1, ""},
		{"an unknown submission", alice.AccessToken,
			map[string]any{"songSubmissionId": "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "title": "X"}, "NOT_FOUND",
			"ResourceNotFound", 1, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := e.query(doc, map[string]any{"input": tc.input}, tc.token, nil)
			wantError(t, a, tc.code, tc.reason)
			if n, _ := e.calls(); n != tc.calls {
				t.Errorf("%d upstream calls, want %d", n, tc.calls)
			}
			if tc.fieldErrorsOn != "" && len(a.Errors) == 1 {
				fields, _ := json.Marshal(a.Errors[0].Extensions["fieldErrors"])
				if !strings.Contains(string(fields), `"field":"`+tc.fieldErrorsOn+`"`) {
					t.Errorf("field errors %s, want one on %s", fields, tc.fieldErrorsOn)
				}
			}
		})
	}
}

func TestSongSubmissionFiles(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	mine := songSubmissionOf(t, e, songSubmissionOwnedBy(alice.UserID))
	id := globalid.Encode("SongSubmission", mine.ID)
	file := songSubmissionFile{"input.file", "new.bin", bytes.Repeat([]byte("new file bytes "), 512)}

	uploads := []struct {
		mutation, route, field string
		value                  func(gqlSongSubmission) string
	}{
		{"updateSongSubmissionFile", "PATCH /studio/songs/{id}/file", "file",
			func(s gqlSongSubmission) string { return s.File }},
		{"updateSongSubmissionIllustration", "PATCH /studio/songs/{id}/illustration", "illustration",
			func(s gqlSongSubmission) string { return s.Illustration }},
		{"updateSongSubmissionLicense", "PATCH /studio/songs/{id}/license", "license",
			func(s gqlSongSubmission) string { return songSubmissionText(s.License) }},
		{"updateSongSubmissionOriginalityProof", "PATCH /studio/songs/{id}/originalityProof", "originalityProof",
			func(s gqlSongSubmission) string { return songSubmissionText(s.OriginalityProof) }},
	}
	for _, u := range uploads {
		t.Run(u.mutation, func(t *testing.T) {
			doc := `mutation($input: SongSubmissionFileInput!) { ` + u.mutation + `(input: $input) { ` +
				songSubmissionFields + ` } }`
			before := len(e.sandbox.Uploads())
			var out map[string]struct{ SongSubmission gqlSongSubmission }
			a, _ := songSubmissionMultipart(e, alice.AccessToken, doc,
				map[string]any{"input": map[string]any{"songSubmissionId": id}}, []songSubmissionFile{file}, &out)
			if len(a.Errors) > 0 {
				t.Fatalf("errors: %+v", a.Errors)
			}
			got := out[u.mutation].SongSubmission
			if !strings.Contains(u.value(got), file.sha()) || got.Status != "WAITING" {
				t.Errorf("%s is %q, status %s; want the new file's address", u.field, u.value(got), got.Status)
			}
			all := e.sandbox.Uploads()
			if len(all) != before+1 || all[before].SHA256 != file.sha() || all[before].Resource != mine.ID {
				t.Errorf("the upstream received %+v", all[before:])
			}
			if _, byRoute := e.calls(); byRoute[u.route] != 1 {
				t.Errorf("upstream calls %v, want %s", byRoute, u.route)
			}

			a, _ = songSubmissionMultipart(e, bob.AccessToken, doc,
				map[string]any{"input": map[string]any{"songSubmissionId": id}}, []songSubmissionFile{file}, nil)
			wantError(t, a, "FORBIDDEN", "InsufficientPermission")
		})
	}

	removals := []struct{ mutation, route string }{
		{"removeSongSubmissionLicense", "DELETE /studio/songs/{id}/license"},
		{"removeSongSubmissionOriginalityProof", "DELETE /studio/songs/{id}/originalityProof"},
	}
	for _, r := range removals {
		t.Run(r.mutation, func(t *testing.T) {
			doc := `mutation($id: ID!) { ` + r.mutation + `(input: { songSubmissionId: $id }) { ` +
				songSubmissionFields + ` } }`
			a := e.query(doc, map[string]any{"id": id}, "", nil)
			wantError(t, a, "UNAUTHENTICATED", "")
			if n, _ := e.calls(); n != 0 {
				t.Errorf("%d upstream calls without a token", n)
			}

			var out map[string]struct{ SongSubmission gqlSongSubmission }
			e.mustQueryAs(doc, map[string]any{"id": id}, alice.AccessToken, &out)
			got := out[r.mutation].SongSubmission
			if strings.Contains(r.mutation, "License") && got.License != nil ||
				strings.Contains(r.mutation, "Proof") && got.OriginalityProof != nil {
				t.Errorf("after %s: %+v", r.mutation, got)
			}
			if _, byRoute := e.calls(); byRoute[r.route] != 1 {
				t.Errorf("upstream calls %v, want %s", byRoute, r.route)
			}
		})
	}
	stored, _ := restAs[restSongSubmission](e, alice.AccessToken, "/studio/songs/"+mine.ID, nil)
	if stored.License != nil || stored.OriginalityProof != nil || !strings.Contains(stored.File, file.sha()) ||
		stored.Duration != "00:02:30" {
		t.Errorf("the sandbox holds %+v", stored)
	}
}

func songSubmissionText(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestDeleteSongSubmission(t *testing.T) {
	e := newEnv(t)
	admin, alice, bob := e.sandbox.Tokens()[0], e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	mine := songSubmissionOf(t, e, songSubmissionOwnedBy(alice.UserID)).ID
	published := songSubmissionOf(t, e, func(s *sandbox.SongSubmission) bool {
		return s.OwnerID != nil && *s.OwnerID == bob.UserID && s.RepresentationID != nil
	}).ID
	const doc = `mutation($id: ID!) { deleteSongSubmission(input: { songSubmissionId: $id }) { deletedSongSubmissionId } }`

	a := e.query(doc, map[string]any{"id": mine}, bob.AccessToken, nil)
	wantError(t, a, "FORBIDDEN", "InsufficientPermission")
	a = e.query(doc, map[string]any{"id": published}, bob.AccessToken, nil)
	wantError(t, a, "FORBIDDEN", "InsufficientPermission")
	a = e.query(doc, map[string]any{"id": "12"}, alice.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("%d upstream calls for a bad ID", n)
	}

	for _, tc := range []struct{ token, id string }{{alice.AccessToken, mine}, {admin.AccessToken, published}} {
		var out struct {
			DeleteSongSubmission struct{ DeletedSongSubmissionID string }
		}
		e.mustQueryAs(doc, map[string]any{"id": globalid.Encode("SongSubmission", tc.id)}, tc.token, &out)
		if want := globalid.Encode("SongSubmission", tc.id); out.DeleteSongSubmission.DeletedSongSubmissionID != want {
			t.Errorf("deleted %q, want %q", out.DeleteSongSubmission.DeletedSongSubmissionID, want)
		}
		a := e.query(`query($id: ID!) { songSubmission(id: $id) { title } }`, map[string]any{"id": tc.id},
			admin.AccessToken, nil)
		wantError(t, a, "NOT_FOUND", "ResourceNotFound")
	}
}

func TestReviewSongSubmission(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0], e.sandbox.Tokens()[1]
	mine := songSubmissionOf(t, e, songSubmissionOwnedBy(alice.UserID))
	id := globalid.Encode("SongSubmission", mine.ID)
	const doc = `mutation($input: ReviewSongSubmissionInput!) { reviewSongSubmission(input: $input) { ` +
		songSubmissionFields + ` } }`
	review := func(status string, message any) map[string]any {
		return map[string]any{"input": map[string]any{
			"songSubmissionId": id, "status": status, "isOriginal": true, "isHidden": false, "isLocked": false,
			"message": message,
		}}
	}

	a := e.query(doc, review("APPROVED", nil), alice.AccessToken, nil)
	wantError(t, a, "FORBIDDEN", "InsufficientPermission")
	a = e.query(doc, review("REJECTED", nil), admin.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("%d upstream calls for a rejection without a message", n)
	}

	var out struct {
		ReviewSongSubmission struct{ SongSubmission gqlSongSubmission }
	}
	e.mustQueryAs(doc, review("APPROVED", "Welcome aboard."), admin.AccessToken, &out)
	got := out.ReviewSongSubmission.SongSubmission
	if got.Status != "APPROVED" || songSubmissionText(got.Message) != "Welcome aboard." || got.Reviewer == nil ||
		got.Reviewer.DatabaseID != strconv.Itoa(admin.UserID) || got.Representation == nil ||
		got.Representation.Title != mine.Title || !got.Representation.IsOriginal {
		t.Fatalf("reviewed %+v (representation %+v)", got, got.Representation)
	}
	song := rest[struct {
		Title   string `json:"title"`
		OwnerID int    `json:"ownerId"`
		Tags    []struct {
			Name string `json:"name"`
		} `json:"tags"`
	}](e, "/songs/"+got.Representation.DatabaseID, nil)
	if song.Title != mine.Title || song.OwnerID != alice.UserID || len(song.Tags) != len(mine.Tags) {
		t.Errorf("the published song is %+v, want %q by %d with %v", song, mine.Title, alice.UserID, mine.Tags)
	}

	e.mustQueryAs(doc, review("REJECTED", "Withdrawn after all."), admin.AccessToken, &out)
	if got := out.ReviewSongSubmission.SongSubmission; got.Status != "REJECTED" || songSubmissionText(got.Message) != "Withdrawn after all." {
		t.Errorf("rejected %+v", got)
	}
	stored, _ := restAs[restSongSubmission](e, admin.AccessToken, "/studio/songs/"+mine.ID, nil)
	if stored.Status != 2 || stored.ReviewerID == nil || *stored.ReviewerID != admin.UserID {
		t.Errorf("the sandbox holds %+v", stored)
	}
}

func TestCreateSongSubmissionCollaboration(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	mine := *songSubmissionOf(t, e, songSubmissionOwnedBy(alice.UserID))
	setProof := func(proof *string) {
		e.sandbox.Update(func(d *sandbox.Data) {
			for i := range d.Areas.Studio.SongSubmissions {
				if s := &d.Areas.Studio.SongSubmissions[i]; s.ID == mine.ID {
					s.OriginalityProof = proof
				}
			}
		})
	}
	setProof(nil)
	id := globalid.Encode("SongSubmission", mine.ID)
	invitee := pick(t, "member to invite", e.sandbox.Data().Users, func(u *sandbox.User) bool {
		return u.Role >= sandbox.RoleMember && u.ID > 3
	})
	const doc = `mutation($input: CreateSongSubmissionCollaborationInput!) {
  createSongSubmissionCollaboration(input: $input) {
    collaboration { databaseId submissionId position status inviter { databaseId } invitee { databaseId } }
    songSubmission { databaseId } } }`
	input := func(user string) map[string]any {
		return map[string]any{"input": map[string]any{"songSubmissionId": id, "inviteeId": user, "position": "Mixing"}}
	}
	who := strconv.Itoa(invitee.ID)

	a := e.query(doc, input(who), alice.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "InvalidOperation")

	proof := "https://res.example/proof.zip"
	setProof(&proof)
	a = e.query(doc, input(who), bob.AccessToken, nil)
	wantError(t, a, "FORBIDDEN", "InsufficientPermission")
	a = e.query(doc, input("someone"), alice.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("%d upstream calls for a bad invitee", n)
	}
	a = e.query(doc, input("999999"), alice.AccessToken, nil)
	wantError(t, a, "NOT_FOUND", "UserNotFound")

	var out struct {
		CreateSongSubmissionCollaboration struct {
			Collaboration struct {
				DatabaseID, SubmissionID, Position, Status string
				Inviter, Invitee                           struct{ DatabaseID string }
			}
			SongSubmission struct{ DatabaseID string }
		}
	}
	e.mustQueryAs(doc, input(globalid.Encode("User", who)), alice.AccessToken, &out)
	got := out.CreateSongSubmissionCollaboration
	if got.Collaboration.SubmissionID != mine.ID || got.Collaboration.Position != "Mixing" ||
		got.Collaboration.Status != "WAITING" || got.Collaboration.Inviter.DatabaseID != strconv.Itoa(alice.UserID) ||
		got.Collaboration.Invitee.DatabaseID != who || got.SongSubmission.DatabaseID != mine.ID {
		t.Errorf("invited %+v", got)
	}
	stored, _ := restAs[struct {
		InviteeID int `json:"inviteeId"`
	}](e, alice.AccessToken, "/collaborations/"+got.Collaboration.DatabaseID, nil)
	if stored.InviteeID != invitee.ID {
		t.Errorf("the sandbox holds %+v", stored)
	}

	a = e.query(doc, input(who), alice.AccessToken, nil)
	wantError(t, a, "CONFLICT", "AlreadyDone")
}

func TestUseSongSubmissionService(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	mine := songSubmissionOf(t, e, songSubmissionOwnedBy(alice.UserID))
	scripts := e.sandbox.Data().Areas.Studio.ServiceScripts
	forSongs := pick(t, "song script with a parameter", scripts, func(s *sandbox.ServiceScript) bool {
		return s.TargetType == 0 && len(s.Parameters) == 1
	})
	forCharts := pick(t, "chart script", scripts, func(s *sandbox.ServiceScript) bool { return s.TargetType == 1 })
	const doc = `mutation($input: UseSongSubmissionServiceInput!) { useSongSubmissionService(input: $input) {
  result { type redirectUri message } songSubmission { databaseId } } }`
	run := func(service string, params []map[string]string) map[string]any {
		return map[string]any{"input": map[string]any{
			"songSubmissionId": mine.ID, "serviceId": service, "parameters": params,
		}}
	}

	var out struct {
		UseSongSubmissionService struct {
			Result struct {
				Type, Message string
				RedirectURI   *string
			}
			SongSubmission struct{ DatabaseID string }
		}
	}
	e.mustQueryAs(doc, run(forSongs.ID, []map[string]string{{"name": forSongs.Parameters[0], "value": "5"}}),
		alice.AccessToken, &out)
	got := out.UseSongSubmissionService
	if got.Result.Type != "SUCCESS" || got.Result.Message != forSongs.Name+" ran on "+mine.Title+"." ||
		got.SongSubmission.DatabaseID != mine.ID || got.Result.RedirectURI != nil {
		t.Errorf("ran %+v", got)
	}
	want := `{"parameters":{"` + forSongs.Parameters[0] + `":"5"}}`
	if body := lastBody(e, http.MethodPost); body != want {
		t.Errorf("body %s, want %s", body, want)
	}

	e.mustQueryAs(doc, run(forSongs.ID, []map[string]string{}), alice.AccessToken, &out)
	if got := out.UseSongSubmissionService.Result; got.Type != "ERROR" ||
		!strings.Contains(got.Message, forSongs.Parameters[0]) {
		t.Errorf("ran without its parameter: %+v", got)
	}

	a := e.query(doc, run(forCharts.ID, []map[string]string{}), alice.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "InvalidOperation")
	a = e.query(doc, run(forSongs.ID, []map[string]string{{"name": "x", "value": "1"}, {"name": "x", "value": "2"}}),
		alice.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "")
	a = e.query(doc, run("not-a-guid", []map[string]string{}), alice.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("%d upstream calls for a bad service ID", n)
	}
}

func TestCheckSongSubmissionEvent(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	division := pick(t, "song division", d.Divisions, func(v *sandbox.EventDivision) bool {
		return v.Type == sandbox.DivisionSong && v.TagID != nil
	})
	var tag string
	for _, x := range d.Tags {
		if x.ID == *division.TagID {
			tag = x.Name
		}
	}
	team := pick(t, "team of the division", d.Teams, func(x *sandbox.EventTeam) bool { return x.DivisionID == division.ID })
	var member int
	for _, p := range d.Participations {
		if p.TeamID == team.ID {
			member = p.ParticipantID
		}
	}
	const doc = `mutation($input: CheckSongSubmissionEventInput!) { checkSongSubmissionEvent(input: $input) {
  division { databaseId } team { databaseId } } }`
	var out struct {
		CheckSongSubmissionEvent struct {
			Division, Team *struct{ DatabaseID string }
		}
	}

	e.mustQueryAs(doc, map[string]any{"input": map[string]any{"tags": []string{"Unrelated"}}}, alice.AccessToken, &out)
	if out.CheckSongSubmissionEvent.Division != nil || out.CheckSongSubmissionEvent.Team != nil {
		t.Errorf("unrelated tags matched %+v", out.CheckSongSubmissionEvent)
	}

	e.sandbox.Update(func(d *sandbox.Data) {
		v := d.Division(division.ID)
		v.Status, v.DateEnded = sandbox.DivisionStarted, d.Now.AddDate(0, 1, 0)
	})
	spaced := strings.ToLower(strings.Join(strings.Split(tag, ""), " "))
	e.mustQueryAs(doc, map[string]any{"input": map[string]any{"tags": []string{spaced}, "userId": strconv.Itoa(member)}},
		alice.AccessToken, &out)
	got := out.CheckSongSubmissionEvent
	if got.Division == nil || got.Division.DatabaseID != division.ID || got.Team == nil || got.Team.DatabaseID != team.ID {
		t.Errorf("checked %+v, want division %s and team %s", got, division.ID, team.ID)
	}
	if q := e.sandbox.Requests()[0].Query; q.Get("userId") != strconv.Itoa(member) {
		t.Errorf("query %v, want userId %d", q, member)
	}

	a := e.query(doc, map[string]any{"input": map[string]any{"tags": []string{tag}, "userId": "999999"}}, alice.AccessToken, nil)
	wantError(t, a, "NOT_FOUND", "UserNotFound")
	outsider := pick(t, "user outside the division", d.Users, func(u *sandbox.User) bool {
		for _, p := range d.Participations {
			if p.ParticipantID == u.ID && d.Team(p.TeamID).DivisionID == division.ID {
				return false
			}
		}
		return true
	})
	a = e.query(doc, map[string]any{"input": map[string]any{"tags": []string{tag}, "userId": strconv.Itoa(outsider.ID)}},
		alice.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "NotEnrolled")
	a = e.query(doc, map[string]any{"input": map[string]any{"tags": []string{tag}}}, "", nil)
	wantError(t, a, "UNAUTHENTICATED", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("%d upstream calls without a token", n)
	}
}
