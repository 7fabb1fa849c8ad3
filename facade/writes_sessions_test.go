package facade_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/sandbox"
)

// The submission session writes, end to end through the facade on the
// sandbox: the studio's upload wizard (studio/submissions), newer than
// the route table.

func init() {
	newerWrites = append(newerWrites,
		"POST /studio/submissions",
		"POST /studio/submissions/{id}/song",
		"POST /studio/submissions/{id}/song/new",
		"POST /studio/submissions/{id}/chart",
		"POST /studio/submissions/{id}/chart/assets",
		"POST /studio/submissions/{id}/chart/assets/batch",
		"POST /studio/submissions/{id}/chart/new",
	)
}

const (
	createSubmissionSession = `mutation { createSubmissionSession { sessionId status } }`
	uploadSessionSong       = `mutation($input: UploadSubmissionSessionSongInput!) {
		uploadSubmissionSessionSong(input: $input) { sessionId status recognition {
			songMatches { score song { databaseId title } }
			songSubmissionMatches { score songSubmission { databaseId title } }
			resourceRecordMatches { score resourceRecord { databaseId title } }
		} } }`
	createSessionSong = `mutation($input: CreateSubmissionSessionSongInput!) {
		createSubmissionSessionSong(input: $input) { songSubmission {
			databaseId title authorName file illustration status tags previewStart previewEnd
		} } }`
	uploadSessionChart = `mutation($input: UploadSubmissionSessionChartInput!) {
		uploadSubmissionSessionChart(input: $input) { sessionId status } }`
	createSessionAsset = `mutation($input: CreateSubmissionSessionAssetInput!) {
		createSubmissionSessionAsset(input: $input) { sessionId status } }`
	createSessionAssets = `mutation($input: CreateSubmissionSessionAssetsInput!) {
		createSubmissionSessionAssets(input: $input) { sessionId status } }`
	createSessionChart = `mutation($input: SubmissionSessionInput!) {
		createSubmissionSessionChart(input: $input) { chartSubmission {
			databaseId level levelType difficulty format noteCount file authorName status admissionStatus
			songSubmission { databaseId }
		} } }`
)

// sessionStep is a step's payload.
type sessionStep struct {
	SessionID, Status string
}

// openSubmissionSession opens a session as the caller of token.
func openSubmissionSession(t *testing.T, e *env, token string) string {
	t.Helper()
	var got struct{ CreateSubmissionSession sessionStep }
	e.mustQueryAs(createSubmissionSession, nil, token, &got)
	if s := got.CreateSubmissionSession; s.Status != "WAITING" || len(s.SessionID) != 36 {
		t.Fatalf("createSubmissionSession = %+v", s)
	}
	return got.CreateSubmissionSession.SessionID
}

// sessionSongInput is the details of a session's song submission.
func sessionSongInput(session string) map[string]any {
	return map[string]any{
		"sessionId": session, "title": "Session Song", "editionType": "ORIGINAL",
		"authorName": "[PZUser:2:Alice_Rhythm:PZRT]", "illustrator": "Alice", "accessibility": "ALLOW_ANY",
		"bpm": 170.0, "minBpm": 170.0, "maxBpm": 170.0, "offset": 0, "previewStart": 10.0, "previewEnd": 25.0,
		"tags": []string{"Session"},
	}
}

// uploadedSum is the SHA-256 the sandbox recorded for the last upload of
// a form field.
func uploadedSum(e *env, field string) string {
	e.t.Helper()
	uploads := e.sandbox.Uploads()
	for i := len(uploads) - 1; i >= 0; i-- {
		if uploads[i].Field == field {
			return uploads[i].SHA256
		}
	}
	e.t.Fatalf("no upload of %s among %+v", field, uploads)
	return ""
}

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// The whole wizard: each step through the facade, each answered with
// real values, and what the sandbox then holds.
func TestSubmissionSessionFlow(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	song := e.sandbox.Data().Songs[0]
	session := openSubmissionSession(t, e, alice)
	if _, byRoute := e.calls(); byRoute["POST /studio/submissions"] != 1 || len(byRoute) != 1 {
		t.Errorf("createSubmissionSession calls = %v", byRoute)
	}

	// The song: the sandbox's recognition takes the file's name for the
	// song heard, so a file named after a song matches it fully.
	audio, picture := bytes.Repeat([]byte("ID3 session audio "), 512), bytes.Repeat([]byte("PNG cover "), 256)
	var uploaded struct {
		UploadSubmissionSessionSong struct {
			SessionID, Status string
			Recognition       struct {
				SongMatches []struct {
					Score float64
					Song  struct{ DatabaseID, Title string }
				}
				SongSubmissionMatches, ResourceRecordMatches []struct{ Score float64 }
			}
		}
	}
	a := chartSubmissionUpload(e, alice, uploadSessionSong, map[string]any{"input": map[string]any{
		"sessionId": session, "song": nil, "illustration": nil,
	}}, []chartSubmissionFile{
		{"variables.input.song", strings.ReplaceAll(song.Title, " ", "_") + ".mp3", audio},
		{"variables.input.illustration", "cover.png", picture},
	}, &uploaded)
	if len(a.Errors) > 0 {
		t.Fatalf("uploadSubmissionSessionSong: %+v", a.Errors)
	}
	u := uploaded.UploadSubmissionSessionSong
	if u.SessionID != session || u.Status != "SONG_FINISHED" || len(u.Recognition.SongMatches) == 0 ||
		u.Recognition.SongMatches[0].Song.DatabaseID != song.ID || u.Recognition.SongMatches[0].Score != 1 {
		t.Fatalf("uploadSubmissionSessionSong = %+v", u)
	}
	if uploadedSum(e, "Song") != sha(audio) || uploadedSum(e, "Illustration") != sha(picture) {
		t.Errorf("the upstream received %+v", e.sandbox.Uploads())
	}

	// The song submission, of the session's files.
	var songGot struct {
		CreateSubmissionSessionSong struct {
			SongSubmission struct {
				DatabaseID, Title, AuthorName, File, Illustration, Status string
				Tags                                                      []string
				PreviewStart, PreviewEnd                                  float64
			}
		}
	}
	e.mustQueryAs(createSessionSong, map[string]any{"input": sessionSongInput(session)}, alice, &songGot)
	ss := songGot.CreateSubmissionSessionSong.SongSubmission
	if ss.Title != "Session Song" || ss.Status != "WAITING" || !strings.Contains(ss.File, sha(audio)) ||
		!strings.Contains(ss.Illustration, sha(picture)) || ss.PreviewStart != 10 || ss.PreviewEnd != 25 ||
		strings.Join(ss.Tags, ",") != "Session" {
		t.Fatalf("createSubmissionSessionSong = %+v", ss)
	}
	if _, byRoute := e.calls(); byRoute["POST /studio/submissions/{id}/song/new"] != 1 ||
		byRoute["GET /studio/songs/{id}"] != 1 {
		t.Errorf("createSubmissionSessionSong calls = %v", byRoute)
	}
	_, held := chartSubmissionREST[struct{ Title, File string }](e, alice, "/studio/songs/"+ss.DatabaseID)
	if held.Data.Title != "Session Song" || held.Data.File != ss.File {
		t.Errorf("the sandbox holds %+v", held.Data)
	}

	// The chart and its assets, kept by the session.
	var step struct {
		UploadSubmissionSessionChart, CreateSubmissionSessionAsset, CreateSubmissionSessionAssets sessionStep
	}
	a = chartSubmissionUpload(e, alice, uploadSessionChart, map[string]any{"input": map[string]any{
		"sessionId": session, "chart": map[string]any{
			"songSubmissionId": ss.DatabaseID, "levelType": "IN", "level": "IN 13", "difficulty": 13.2,
			"authorName": "[PZUser:2:Alice_Rhythm:PZRT]", "accessibility": "ALLOW_ANY", "isRanked": true,
			"file": nil,
		},
	}}, []chartSubmissionFile{{"variables.input.chart.file", "chart.json", rpeChart}}, &step)
	if len(a.Errors) > 0 || step.UploadSubmissionSessionChart.Status != "CHART_FINISHED" {
		t.Fatalf("uploadSubmissionSessionChart = %+v, %+v", step, a.Errors)
	}
	background, hit, front := []byte("background picture"), []byte("hit sound"), []byte("front picture")
	a = chartSubmissionUpload(e, alice, createSessionAsset, map[string]any{"input": map[string]any{
		"sessionId": session, "asset": map[string]any{"type": "IMAGE", "name": "bg.png", "file": nil},
	}}, []chartSubmissionFile{{"variables.input.asset.file", "bg.png", background}}, &step)
	if len(a.Errors) > 0 || step.CreateSubmissionSessionAsset.Status != "CHART_FINISHED" {
		t.Fatalf("createSubmissionSessionAsset = %+v, %+v", step, a.Errors)
	}
	a = chartSubmissionUpload(e, alice, createSessionAssets, map[string]any{"input": map[string]any{
		"sessionId": session, "assets": []map[string]any{
			{"type": "AUDIO", "name": "hit.wav", "file": nil}, {"type": "IMAGE", "name": "fg.png", "file": nil},
		},
	}}, []chartSubmissionFile{
		{"variables.input.assets.0.file", "hit.wav", hit}, {"variables.input.assets.1.file", "fg.png", front},
	}, &step)
	if len(a.Errors) > 0 || step.CreateSubmissionSessionAssets.Status != "CHART_FINISHED" {
		t.Fatalf("createSubmissionSessionAssets = %+v, %+v", step, a.Errors)
	}
	if _, byRoute := e.calls(); byRoute["POST /studio/submissions/{id}/chart/assets/batch"] != 1 || len(byRoute) != 1 {
		t.Errorf("createSubmissionSessionAssets calls = %v", byRoute)
	}

	// The chart submission, with the assets, which ends the session.
	var chartGot struct {
		CreateSubmissionSessionChart struct {
			ChartSubmission struct {
				DatabaseID, Level, LevelType, Format, File, AuthorName, Status, AdmissionStatus string
				Difficulty                                                                      float64
				NoteCount                                                                       int
				SongSubmission                                                                  struct{ DatabaseID string }
			}
		}
	}
	e.mustQueryAs(createSessionChart, map[string]any{"input": map[string]any{"sessionId": session}}, alice,
		&chartGot)
	c := chartGot.CreateSubmissionSessionChart.ChartSubmission
	if c.Level != "IN 13" || c.LevelType != "IN" || c.Difficulty != 13.2 || c.Format != "RPE_JSON" ||
		c.NoteCount != 4 || !strings.Contains(c.File, sha(rpeChart)) || c.Status != "WAITING" ||
		c.AdmissionStatus != "APPROVED" || c.SongSubmission.DatabaseID != ss.DatabaseID {
		t.Fatalf("createSubmissionSessionChart = %+v", c)
	}
	if _, byRoute := e.calls(); byRoute["POST /studio/submissions/{id}/chart/new"] != 1 ||
		byRoute["GET /studio/charts/{id}"] != 1 {
		t.Errorf("createSubmissionSessionChart calls = %v", byRoute)
	}
	_, heldChart := chartSubmissionREST[heldChartSubmission](e, alice, "/studio/charts/"+c.DatabaseID)
	if heldChart.Data.Level != "IN 13" || heldChart.Data.NoteCount != 4 || heldChart.Data.File == nil ||
		*heldChart.Data.File != c.File {
		t.Errorf("the sandbox holds %+v", heldChart.Data)
	}
	_, assets := chartSubmissionREST[[]struct{ Name, File string }](e, alice,
		"/studio/charts/"+c.DatabaseID+"/assets")
	var got []string
	for _, asset := range assets.Data {
		got = append(got, asset.Name+"="+asset.File[strings.LastIndex(asset.File, "/")+1:])
	}
	slices.Sort(got)
	want := []string{"bg.png=" + sha(background) + ".png", "fg.png=" + sha(front) + ".png",
		"hit.wav=" + sha(hit) + ".wav"}
	if !slices.Equal(got, want) {
		t.Errorf("assets = %v, want %v", got, want)
	}

	// The session is over.
	a = e.query(createSessionChart, map[string]any{"input": map[string]any{"sessionId": session}}, alice, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "InvalidOperation" {
		t.Errorf("a second createSubmissionSessionChart: %+v", a.Errors)
	}
}

// The errors that matter: no token and bad IDs stop at the facade; an
// unknown session and a step out of its order fail upstream with
// InvalidOperation; the unactivated may not open one.
func TestSubmissionSessionErrors(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	bob := e.sandbox.Tokens()[2].AccessToken
	session := openSubmissionSession(t, e, alice)
	const unknown = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	chart := map[string]any{
		"songSubmissionId": unknown, "levelType": "IN", "level": "IN 13", "difficulty": 13.2,
		"authorName": "[PZUser:2:Alice_Rhythm:PZRT]", "accessibility": "ALLOW_ANY", "isRanked": true,
	}

	tests := []struct {
		name, doc      string
		input          map[string]any
		token          string
		code, upstream string
		calls          int
	}{
		{"no token", createSubmissionSession, nil, "", "UNAUTHENTICATED", "", 0},
		{"no token for a step", createSessionChart, map[string]any{"sessionId": session}, "", "UNAUTHENTICATED", "", 0},
		{"a session ID that is no GUID", createSessionChart, map[string]any{"sessionId": "session-1"}, alice,
			"BAD_USER_INPUT", "", 0},
		{"a bad song submission ID", uploadSessionChart, map[string]any{"sessionId": session,
			"chart": map[string]any{"songSubmissionId": "nope", "levelType": "IN", "level": "IN 13",
				"difficulty": 13.2, "authorName": "A", "accessibility": "ALLOW_ANY", "isRanked": true}},
			alice, "BAD_USER_INPUT", "", 0},
		{"an unknown session", createSessionChart, map[string]any{"sessionId": unknown}, alice,
			"BAD_USER_INPUT", "InvalidOperation", 1},
		{"the song submission before the song", createSessionSong, sessionSongInput(session), alice,
			"BAD_USER_INPUT", "InvalidOperation", 1},
		{"the chart before the song", uploadSessionChart, map[string]any{"sessionId": session, "chart": chart},
			alice, "BAD_USER_INPUT", "InvalidOperation", 1},
		{"the chart submission before the chart, by a stranger", createSessionChart, map[string]any{"sessionId": session},
			bob, "BAD_USER_INPUT", "InvalidOperation", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]any{}
			if tt.input != nil {
				vars["input"] = tt.input
			}
			a := e.query(tt.doc, vars, tt.token, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code ||
				tt.upstream != "" && a.Errors[0].Extensions["upstreamCode"] != tt.upstream {
				t.Fatalf("errors = %+v, want %s %s", a.Errors, tt.code, tt.upstream)
			}
			if n, byRoute := e.calls(); n != tt.calls {
				t.Errorf("upstream calls = %v, want %d", byRoute, tt.calls)
			}
		})
	}

	// The upstream ties no session to its opener: Bob may give Alice's
	// session its song, as its ID is all the upstream asks for.
	var step struct{ UploadSubmissionSessionSong sessionStep }
	a := chartSubmissionUpload(e, bob, uploadSessionSong, map[string]any{"input": map[string]any{
		"sessionId": session, "song": nil, "illustration": nil,
	}}, []chartSubmissionFile{
		{"variables.input.song", "tune.mp3", []byte("audio")},
		{"variables.input.illustration", "tune.png", []byte("picture")},
	}, &step)
	if len(a.Errors) > 0 || step.UploadSubmissionSessionSong.Status != "SONG_FINISHED" {
		t.Fatalf("Bob's upload to Alice's session = %+v, %+v", step, a.Errors)
	}

	// A title over its length is refused before any call, naming the field.
	e.calls()
	input := sessionSongInput(session)
	input["title"] = strings.Repeat("t", 101)
	a = e.query(createSessionSong, map[string]any{"input": input}, alice, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
		a.Errors[0].Extensions["argument"] != "input.title" {
		t.Errorf("a title too long: %+v", a.Errors)
	}
	if n, _ := e.calls(); n != 0 {
		t.Errorf("a title too long made %d upstream calls", n)
	}

	// With waitForAudio the upstream processes the song first (wait=true)
	// and checks the preview against its length: the sandbox's songs last
	// 2:30.
	input = sessionSongInput(session)
	input["previewEnd"], input["waitForAudio"] = 200.0, true
	a = e.query(createSessionSong, map[string]any{"input": input}, alice, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "InvalidTimeRelation" {
		t.Errorf("a preview beyond the song: %+v", a.Errors)
	}
	if reqs := e.sandbox.Requests(); len(reqs) != 1 || reqs[0].Query.Get("wait") != "true" {
		t.Errorf("requests = %+v, want one with wait=true", reqs)
	}

	// A day after its last upload, on the sandbox's clock, the session is over.
	e.sandbox.Update(func(d *sandbox.Data) { d.Now = d.Now.Add(25 * time.Hour) })
	a = e.query(createSessionSong, map[string]any{"input": sessionSongInput(session)}, alice, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "InvalidOperation" {
		t.Errorf("a session a day old: %+v", a.Errors)
	}

	// The unactivated may not open a session.
	unactivated, err := e.sandbox.SignInAs(6)
	if err != nil {
		t.Fatal(err)
	}
	e.sandbox.Update(func(d *sandbox.Data) { d.Users[5].Role = sandbox.RoleUnactivated })
	if a := e.query(createSubmissionSession, nil, unactivated.AccessToken, nil); len(a.Errors) != 1 ||
		a.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("an unactivated user's session: %+v", a.Errors)
	}
}
