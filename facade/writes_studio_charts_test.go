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
)

// The chart submission writes, end to end through the facade on the
// sandbox: the studio's /studio/charts routes.

// chartSubmissionFile is a file of a GraphQL multipart request: the
// variable it fills ("variables.input.file") and its name and bytes.
type chartSubmissionFile struct {
	path, name string
	content    []byte
}

// chartSubmissionUpload posts a GraphQL multipart request
// (graphql-multipart-request-spec) with a token and decodes its data into
// out. The sandbox's request log is cleared first.
func chartSubmissionUpload(e *env, token, doc string, vars map[string]any, files []chartSubmissionFile, out any) answer {
	e.t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	_ = form.WriteField("operations", string(ops))
	paths := map[string][]string{}
	for i, f := range files {
		paths[strconv.Itoa(i)] = []string{f.path}
	}
	m, _ := json.Marshal(paths)
	_ = form.WriteField("map", string(m))
	for i, f := range files {
		part, _ := form.CreateFormFile(strconv.Itoa(i), f.name)
		_, _ = part.Write(f.content)
	}
	_ = form.Close()

	e.sandbox.ResetRequests()
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
	if err := json.Unmarshal(raw, &a); err != nil {
		e.t.Fatalf("answer is not JSON (%d): %s", resp.StatusCode, raw)
	}
	if out != nil && len(a.Data) > 0 && string(a.Data) != "null" {
		if err := json.Unmarshal(a.Data, out); err != nil {
			e.t.Fatalf("decode data: %v\n%s", err, a.Data)
		}
	}
	return a
}

// chartSubmissionREST reads the sandbox directly as the caller of token,
// for what it now holds; it answers the HTTP status and the envelope.
func chartSubmissionREST[T any](e *env, token, path string) (int, restEnvelope[T]) {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.rest.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	var env restEnvelope[T]
	_ = json.NewDecoder(resp.Body).Decode(&env)
	return resp.StatusCode, env
}

// heldChartSubmission is a chart submission as the sandbox answers it.
type heldChartSubmission struct {
	ID, Level, AuthorName                  string
	Title, Description, Illustration, File *string
	Tags                                   []string
	Format, NoteCount, Status, OwnerID     int
	AdmissionStatus, VolunteerStatus       int
	SongID                                 *string
}

// aliceChartSubmission returns the GUID of a chart submission of the
// sandbox's Alice that is approved by volunteers, so that a change shows
// in its volunteerStatus.
func aliceChartSubmission(e *env) string {
	e.t.Helper()
	alice := e.sandbox.Tokens()[1]
	_, env := chartSubmissionREST[[]heldChartSubmission](e, alice.AccessToken,
		"/studio/charts?PerPage=100&RangeOwnerId="+strconv.Itoa(alice.UserID))
	for _, s := range env.Data {
		if s.VolunteerStatus != 0 && len(s.Tags) == 0 {
			return s.ID
		}
	}
	e.t.Fatal("Alice has no reviewed chart submission without tags")
	return ""
}

// chartSubmissionSong returns a song the sandbox's Alice may chart on
// without review: someone else's, open to anyone.
func chartSubmissionSong(e *env) string {
	e.t.Helper()
	songs := rest[[]struct {
		ID            string
		OwnerID       int
		Accessibility int
	}](e, "/songs", map[string][]string{"PerPage": {"100"}})
	for _, s := range songs {
		if s.Accessibility == 0 && s.OwnerID != e.sandbox.Tokens()[1].UserID {
			return s.ID
		}
	}
	e.t.Fatal("no open song")
	return ""
}

// rpeChart is an RPE JSON chart of four notes on two judge lines.
var rpeChart = []byte(`{"META":{"RPEVersion":150,"name":"Test"},"judgeLineList":[{"notes":[{},{},{}]},{"notes":[{}]}]}`)

const createChartSubmission = `mutation($input: CreateChartSubmissionInput!) {
	createChartSubmission(input: $input) { chartSubmission {
		id databaseId title level levelType difficulty format noteCount file illustration authorName
		tags status volunteerStatus admissionStatus song { databaseId } owner { id }
	} } }`

func TestCreateChartSubmission(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	song := chartSubmissionSong(e)
	author := "[PZUser:2:Alice_Rhythm:PZRT] & [PZUser:3:BobCharts:PZRT]"
	picture := bytes.Repeat([]byte("\x89PNG submission picture "), 2048)
	input := map[string]any{
		"songId": song, "title": "Night Drive", "levelType": "IN", "level": "IN 14", "difficulty": 14.3,
		"authorName": author, "accessibility": "REQUIRE_REVIEW", "isRanked": true, "tags": []string{"Jazz", "Remix"},
		"file": nil, "illustration": nil,
	}

	var got struct {
		CreateChartSubmission struct {
			ChartSubmission struct {
				ID, DatabaseID, Level, LevelType, Format, AuthorName string
				Status, VolunteerStatus, AdmissionStatus             string
				Title, File, Illustration                            *string
				Difficulty                                           float64
				NoteCount                                            int
				Tags                                                 []string
				Song                                                 struct{ DatabaseID string }
				Owner                                                struct{ ID string }
			}
		}
	}
	a := chartSubmissionUpload(e, alice.AccessToken, createChartSubmission, map[string]any{"input": input},
		[]chartSubmissionFile{
			{"variables.input.file", "night.json", rpeChart},
			{"variables.input.illustration", "night.png", picture},
		}, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("createChartSubmission: %+v", a.Errors)
	}
	s := got.CreateChartSubmission.ChartSubmission
	if s.Title == nil || *s.Title != "Night Drive" || s.Level != "IN 14" || s.LevelType != "IN" ||
		s.Difficulty != 14.3 || s.Format != "RPE_JSON" || s.NoteCount != 4 || s.AuthorName != author ||
		s.Status != "WAITING" || s.VolunteerStatus != "WAITING" || s.AdmissionStatus != "APPROVED" ||
		s.Song.DatabaseID != song || strings.Join(s.Tags, ",") != "Jazz,Remix" || s.Owner.ID == "" {
		t.Fatalf("created submission = %+v", s)
	}
	if _, byRoute := e.calls(); byRoute["POST /studio/charts"] != 1 || byRoute["GET /studio/charts/{id}"] != 1 {
		t.Errorf("createChartSubmission calls = %v, want the form and one fresh read", byRoute)
	}

	// Both files reached the upstream byte for byte, under the DTO's names.
	uploads := map[string]string{}
	for _, u := range e.sandbox.Uploads() {
		uploads[u.Field] = u.SHA256
	}
	chartSum, pictureSum := sha256.Sum256(rpeChart), sha256.Sum256(picture)
	if uploads["File"] != hex.EncodeToString(chartSum[:]) ||
		uploads["Illustration"] != hex.EncodeToString(pictureSum[:]) {
		t.Errorf("the upstream received %+v", e.sandbox.Uploads())
	}
	if s.Illustration == nil || !strings.Contains(*s.Illustration, uploads["Illustration"]) {
		t.Errorf("illustration = %v", s.Illustration)
	}

	// The sandbox holds the submission, and Bob, credited too, is invited.
	status, held := chartSubmissionREST[heldChartSubmission](e, alice.AccessToken, "/studio/charts/"+s.DatabaseID)
	if status != http.StatusOK || held.Data.Level != "IN 14" || held.Data.NoteCount != 4 ||
		held.Data.OwnerID != alice.UserID {
		t.Errorf("the sandbox holds %d %+v", status, held.Data)
	}
	_, collabs := chartSubmissionREST[[]struct{ InviteeID, InviterID int }](e, alice.AccessToken,
		"/collaborations?RangeSubmissionId="+s.DatabaseID)
	if len(collabs.Data) != 1 || collabs.Data[0].InviteeID != 3 || collabs.Data[0].InviterID != alice.UserID {
		t.Errorf("collaborations of the new submission = %+v, want Bob invited by Alice", collabs.Data)
	}

	t.Run("errors", func(t *testing.T) {
		with := func(changes map[string]any) map[string]any {
			in := map[string]any{}
			for k, v := range input {
				if k != "file" && k != "illustration" {
					in[k] = v
				}
			}
			for k, v := range changes {
				in[k] = v
			}
			return map[string]any{"input": in}
		}
		tests := []struct {
			name, token string
			vars        map[string]any
			code        string
			calls       int
			upstream    string
		}{
			{"no token", "", with(nil), "UNAUTHENTICATED", 0, ""},
			{"both a song and a song submission", alice.AccessToken,
				with(map[string]any{"songSubmissionId": song}), "BAD_USER_INPUT", 0, ""},
			{"neither", alice.AccessToken, with(map[string]any{"songId": nil}), "BAD_USER_INPUT", 0, ""},
			{"a bad song ID", alice.AccessToken, with(map[string]any{"songId": "song-1"}), "BAD_USER_INPUT", 0, ""},
			{"an author name without the caller", alice.AccessToken,
				with(map[string]any{"authorName": "[PZUser:3:BobCharts:PZRT]"}), "BAD_USER_INPUT", 1, "InvalidAuthorInfo"},
			{"an unknown song", alice.AccessToken,
				with(map[string]any{"songId": "00000000-0000-4000-8000-000000000000"}), "NOT_FOUND", 1, "ParentNotFound"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				a := e.query(createChartSubmission, tt.vars, tt.token, nil)
				if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code ||
					tt.upstream != "" && a.Errors[0].Extensions["upstreamCode"] != tt.upstream {
					t.Errorf("errors = %+v, want %s %s", a.Errors, tt.code, tt.upstream)
				}
				if n, _ := e.calls(); n != tt.calls {
					t.Errorf("%d upstream calls, want %d", n, tt.calls)
				}
			})
		}

		a := e.query(createChartSubmission, with(map[string]any{"level": strings.Repeat("X", 21), "title": ""}),
			alice.AccessToken, nil)
		wantBound(t, e, a, "input.level")
		var bad struct{}
		a = chartSubmissionUpload(e, alice.AccessToken, createChartSubmission,
			map[string]any{"input": with(map[string]any{"file": nil})["input"]},
			[]chartSubmissionFile{{"variables.input.file", "notes.txt", []byte("not a chart")}}, &bad)
		if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "UnsupportedChartFormat" {
			t.Errorf("a file that is no chart: %+v, want UnsupportedChartFormat", a.Errors)
		}
	})
}

// chartSubmissionJSON is v as JSON, for matching parts of extensions.
func chartSubmissionJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestUpdateChartSubmission(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1].AccessToken, e.sandbox.Tokens()[2].AccessToken
	id := aliceChartSubmission(e)
	const update = `mutation($input: UpdateChartSubmissionInput!) { updateChartSubmission(input: $input) {
		chartSubmission { databaseId level difficulty description tags status volunteerStatus } } }`

	var got struct {
		UpdateChartSubmission struct {
			ChartSubmission struct {
				DatabaseID, Level, Status, VolunteerStatus string
				Difficulty                                 float64
				Description                                *string
				Tags                                       []string
			}
		}
	}
	e.mustQueryAs(update, map[string]any{"input": map[string]any{
		"chartSubmissionId": id, "level": "AT 15", "difficulty": 15.1, "description": nil, "tags": []string{"Calm"},
	}}, alice, &got)
	s := got.UpdateChartSubmission.ChartSubmission
	if s.DatabaseID != id || s.Level != "AT 15" || s.Difficulty != 15.1 || s.Description != nil ||
		strings.Join(s.Tags, ",") != "Calm" || s.Status != "WAITING" || s.VolunteerStatus != "WAITING" {
		t.Errorf("updated submission = %+v", s)
	}
	var body []byte
	for _, r := range e.sandbox.Requests() {
		if r.Method == http.MethodPatch {
			body = r.Body
		}
	}
	want := `[{"op":"replace","path":"/level","value":"AT 15"},{"op":"replace","path":"/difficulty","value":15.1},` +
		`{"op":"remove","path":"/description"},{"op":"replace","path":"/tags","value":["Calm"]}]`
	if string(body) != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", body, want)
	}
	_, held := chartSubmissionREST[heldChartSubmission](e, alice, "/studio/charts/"+id)
	if held.Data.Level != "AT 15" || held.Data.Description != nil || held.Data.VolunteerStatus != 0 {
		t.Errorf("the sandbox holds %+v", held.Data)
	}

	tests := []struct {
		name, token string
		input       map[string]any
		code        string
		calls       int
	}{
		{"no token", "", map[string]any{"chartSubmissionId": id, "level": "IN"}, "UNAUTHENTICATED", 0},
		{"someone else's submission", bob, map[string]any{"chartSubmissionId": id, "level": "IN"}, "FORBIDDEN", 1},
		{"a bad ID", alice, map[string]any{"chartSubmissionId": "12", "level": "IN"}, "BAD_USER_INPUT", 0},
		{"null for a required field", alice, map[string]any{"chartSubmissionId": id, "level": nil}, "BAD_USER_INPUT", 0},
		{"nothing to change", alice, map[string]any{"chartSubmissionId": id}, "BAD_USER_INPUT", 0},
		{"dropping the owner from the authors", alice,
			map[string]any{"chartSubmissionId": id, "authorName": "[PZUser:3:BobCharts:PZRT]"}, "BAD_USER_INPUT", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(update, map[string]any{"input": tt.input}, tt.token, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code {
				t.Errorf("errors = %+v, want %s", a.Errors, tt.code)
			}
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("%d upstream calls, want %d", n, tt.calls)
			}
		})
	}

	a := e.query(update, map[string]any{"input": map[string]any{"chartSubmissionId": id, "level": ""}}, alice, nil)
	if len(a.Errors) != 1 ||
		!strings.Contains(chartSubmissionJSON(a.Errors[0].Extensions["fieldErrors"]), `{"errors":["FieldEmpty"],"field":"level"}`) {
		t.Errorf("an empty level: %+v, want a field error on level", a.Errors)
	}
}

func TestChartSubmissionFileAndIllustration(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1].AccessToken, e.sandbox.Tokens()[2].AccessToken
	id := aliceChartSubmission(e)
	pec := []byte("120\nbp 0.000 120.000\nn1 0 64.000 1024 1\n#\n&1\nn2 0 65.000 65.500 512 1\n#\n&1\n")

	var file struct {
		UpdateChartSubmissionFile struct {
			ChartSubmission struct {
				Format, VolunteerStatus string
				NoteCount               int
				File                    string
			}
		}
	}
	a := chartSubmissionUpload(e, alice, `mutation($id: ID!, $file: Upload!) {
		updateChartSubmissionFile(input: { chartSubmissionId: $id, file: $file }) { chartSubmission { format noteCount file volunteerStatus } } }`,
		map[string]any{"id": id, "file": nil}, []chartSubmissionFile{{"variables.file", "chart.pec", pec}}, &file)
	sum := sha256.Sum256(pec)
	if f := file.UpdateChartSubmissionFile.ChartSubmission; len(a.Errors) > 0 || f.Format != "PEC" || f.NoteCount != 2 ||
		!strings.Contains(f.File, hex.EncodeToString(sum[:])) || f.VolunteerStatus != "WAITING" {
		t.Fatalf("after updateChartSubmissionFile: %+v %+v", a.Errors, f)
	}

	const illustrate = `mutation($id: ID!, $file: Upload!) {
		updateChartSubmissionIllustration(input: { chartSubmissionId: $id, file: $file }) { chartSubmission { illustration } } }`
	picture := []byte("\x89PNG new illustration")
	var pic struct {
		UpdateChartSubmissionIllustration struct {
			ChartSubmission struct{ Illustration *string }
		}
	}
	a = chartSubmissionUpload(e, alice, illustrate, map[string]any{"id": id, "file": nil},
		[]chartSubmissionFile{{"variables.file", "cover.png", picture}}, &pic)
	sum = sha256.Sum256(picture)
	if got := pic.UpdateChartSubmissionIllustration.ChartSubmission.Illustration; len(a.Errors) > 0 || got == nil ||
		!strings.Contains(*got, hex.EncodeToString(sum[:])) {
		t.Fatalf("after updateChartSubmissionIllustration: %+v %v", a.Errors, got)
	}
	a = chartSubmissionUpload(e, bob, illustrate, map[string]any{"id": id, "file": nil},
		[]chartSubmissionFile{{"variables.file", "cover.png", picture}}, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("Bob's illustration: %+v, want FORBIDDEN", a.Errors)
	}

	const remove = `mutation($id: ID!) { removeChartSubmissionIllustration(input: { chartSubmissionId: $id }) {
		chartSubmission { illustration } } }`
	var removed struct {
		RemoveChartSubmissionIllustration struct {
			ChartSubmission struct{ Illustration *string }
		}
	}
	e.mustQueryAs(remove, map[string]any{"id": id}, alice, &removed)
	if removed.RemoveChartSubmissionIllustration.ChartSubmission.Illustration != nil {
		t.Errorf("the illustration is still %v", removed.RemoveChartSubmissionIllustration.ChartSubmission.Illustration)
	}
	if _, held := chartSubmissionREST[heldChartSubmission](e, alice, "/studio/charts/"+id); held.Data.Illustration != nil {
		t.Errorf("the sandbox still holds the illustration %v", held.Data.Illustration)
	}
	if a := e.query(remove, map[string]any{"id": id}, "", nil); len(a.Errors) != 1 ||
		a.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("without a token: %+v", a.Errors)
	}
}

func TestDeleteChartSubmission(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1].AccessToken, e.sandbox.Tokens()[2].AccessToken
	id := aliceChartSubmission(e)
	const remove = `mutation($id: ID!) { deleteChartSubmission(input: { chartSubmissionId: $id }) { deletedChartSubmissionId } }`

	if a := e.query(remove, map[string]any{"id": id}, bob, nil); len(a.Errors) != 1 ||
		a.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("Bob deleting Alice's submission: %+v, want FORBIDDEN", a.Errors)
	}
	if a := e.query(remove, map[string]any{"id": "nope"}, alice, nil); len(a.Errors) != 1 ||
		a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("a bad ID: %+v, want BAD_USER_INPUT", a.Errors)
	} else if n, _ := e.calls(); n != 0 {
		t.Errorf("a bad ID cost %d upstream calls", n)
	}

	var got struct {
		DeleteChartSubmission struct{ DeletedChartSubmissionID string }
	}
	e.mustQueryAs(remove, map[string]any{"id": id}, alice, &got)
	if dbID(t, got.DeleteChartSubmission.DeletedChartSubmissionID) != id {
		t.Errorf("deletedChartSubmissionId = %q", got.DeleteChartSubmission.DeletedChartSubmissionID)
	}
	if status, _ := chartSubmissionREST[json.RawMessage](e, alice, "/studio/charts/"+id); status != http.StatusNotFound {
		t.Errorf("the sandbox answers %d for the removed submission, want 404", status)
	}
	if a := e.query(remove, map[string]any{"id": id}, alice, nil); len(a.Errors) != 1 ||
		a.Errors[0].Extensions["code"] != "NOT_FOUND" {
		t.Errorf("deleting twice: %+v, want NOT_FOUND", a.Errors)
	}
}
