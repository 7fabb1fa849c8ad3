package sandbox

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// sessionFile is a file of a session's form: its field, name and bytes.
type sessionFile struct{ field, name, content string }

// sendSessionForm serves a POST with a multipart form of fields and files.
func sendSessionForm(s *Server, target string, fields map[string][]string, files []sessionFile,
	opts ...opt,
) answer {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			_ = w.WriteField(k, v)
		}
	}
	for _, f := range files {
		part, _ := w.CreateFormFile(f.field, f.name)
		_, _ = part.Write([]byte(f.content))
	}
	_ = w.Close()
	r := httptest.NewRequest(http.MethodPost, target, &body)
	r.Header.Set("Content-Type", w.FormDataContentType())
	for _, o := range opts {
		o(r)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	a := answer{code: rec.Code, raw: rec.Body.Bytes()}
	if len(a.raw) > 0 {
		_ = json.Unmarshal(a.raw, &a)
	}
	return a
}

// openSession opens a session as the caller of tok and returns its ID.
func openSession(t *testing.T, s *Server, tok opt) string {
	t.Helper()
	w := serve(s, http.MethodPost, "/studio/submissions", tok)
	var a answer
	_ = json.Unmarshal(w.Body.Bytes(), &a)
	var created struct{ ID string }
	if w.Code != http.StatusCreated || json.Unmarshal(a.Data, &created) != nil || created.ID == "" {
		t.Fatalf("POST /studio/submissions: %d %s", w.Code, w.Body)
	}
	return created.ID
}

// sessionSongForm is SessionSongCreationDto for Alice.
var sessionSongForm = map[string][]string{
	"Title": {"Session Song"}, "EditionType": {"0"}, "AuthorName": {"[PZUser:2:Alice_Rhythm:PZRT]"},
	"Illustrator": {"Alice"}, "Accessibility": {"0"}, "Bpm": {"170"}, "MinBpm": {"170"}, "MaxBpm": {"170"},
	"Offset": {"0"}, "PreviewStart": {"00:00:10"}, "PreviewEnd": {"00:00:25"}, "Tags": {"Session"},
}

// sessionChartForm is ChartSubmissionCreationDto for Alice on songSubmission.
func sessionChartForm(songSubmission string) map[string][]string {
	return map[string][]string{
		"SongSubmissionId": {songSubmission}, "LevelType": {"2"}, "Level": {"IN 13"}, "Difficulty": {"13.2"},
		"AuthorName": {"[PZUser:2:Alice_Rhythm:PZRT]"}, "Accessibility": {"0"}, "IsRanked": {"true"},
	}
}

// The whole session: each step refused out of its order with 400
// InvalidOperation, the song recognised by its file name, the submissions
// stored as POST /studio/songs and /studio/charts store them, and the
// session gone once the chart is created.
func TestSubmissionSessionFlow(t *testing.T) {
	s := New()
	alice := token("sandbox-alice-token")
	title := s.Data().Songs[0].Title
	id := openSession(t, s, alice)
	base := "/studio/submissions/" + id

	if a := sendSessionForm(s, base+"/song/new", sessionSongForm, nil, alice); a.code != 400 ||
		a.Code != codeInvalidOperation {
		t.Fatalf("song/new before the song: %d %s", a.code, a.Code)
	}
	if a := sendSessionForm(s, base+"/chart/assets", nil, nil, alice); a.code != 400 ||
		a.Code != codeInvalidOperation {
		t.Fatalf("asset before the chart: %d %s", a.code, a.Code)
	}

	song := sendSessionForm(s, base+"/song", nil, []sessionFile{
		{"Song", strings.ReplaceAll(title, " ", "_") + ".mp3", "ID3 audio"},
		{"Illustration", "cover.png", "PNG picture"},
	}, alice)
	var summary submissionSessionSummary
	if song.code != 201 || json.Unmarshal(song.Data, &summary) != nil {
		t.Fatalf("song: %d %s", song.code, song.raw)
	}
	if len(summary.SongMatches) == 0 || summary.SongMatches[0].Title != title ||
		summary.SongMatches[0].Score != 1 {
		t.Errorf("song matches for %q = %+v", title, summary.SongMatches)
	}

	long := map[string][]string{"PreviewEnd": {"00:03:00"}}
	for k, v := range sessionSongForm {
		if long[k] == nil {
			long[k] = v
		}
	}
	if a := sendSessionForm(s, base+"/song/new?wait=true", long, nil, alice); a.code != 400 ||
		a.Code != codeSongSubmissionTimeRelation {
		t.Fatalf("a preview beyond the song, processed first: %d %s", a.code, a.Code)
	}
	// A recorded work others may not upload is named as well; one anyone
	// may upload is not.
	var record, accepted ResourceRecord
	for _, r := range s.Data().Areas.Studio.ResourceRecords {
		if r.Strategy != sessionRecordAccept && record.ID == "" {
			record = r
		}
		if r.Strategy == sessionRecordAccept && accepted.ID == "" {
			accepted = r
		}
	}
	if record.ID == "" || accepted.ID == "" {
		t.Fatal("the data set lacks a resource record of each kind")
	}
	for _, tt := range []struct {
		r    ResourceRecord
		want bool
	}{{record, true}, {accepted, false}} {
		a := sendSessionForm(s, base+"/song", nil, []sessionFile{
			{"Song", tt.r.Title + ".flac", "FLAC audio"}, {"Illustration", "cover.png", "PNG picture"},
		}, alice)
		var got submissionSessionSummary
		_ = json.Unmarshal(a.Data, &got)
		found := false
		for _, m := range got.ResourceRecordMatches {
			found = found || m.ID == tt.r.ID && m.Score == 1
		}
		if a.code != 201 || found != tt.want {
			t.Errorf("record %q (strategy %d) named: %v, want %v; %s", tt.r.Title, tt.r.Strategy, found,
				tt.want, a.raw)
		}
	}

	created := sendSessionForm(s, base+"/song/new", sessionSongForm, nil, alice)
	var songSubmission struct{ ID string }
	if created.code != 201 || json.Unmarshal(created.Data, &songSubmission) != nil {
		t.Fatalf("song/new: %d %s", created.code, created.raw)
	}
	held := s.Data().Areas.Studio.songSubmission(songSubmission.ID)
	if held == nil || held.Title != "Session Song" || !strings.HasPrefix(held.File, resourceHost+"/songs/") ||
		!strings.Contains(held.Illustration, "/songs/illustrations/") || *held.OwnerID != 2 {
		t.Fatalf("song submission = %+v", held)
	}

	if a := sendSessionForm(s, base+"/chart", sessionChartForm(songSubmission.ID),
		[]sessionFile{{"File", "chart.json", `{"META":{},"judgeLineList":[{"notes":[{},{}]}]}`}}, alice); a.code != 201 {
		t.Fatalf("chart: %d %s", a.code, a.raw)
	}
	if a := sendSessionForm(s, base+"/chart", sessionChartForm(songSubmission.ID), nil, alice); a.code != 400 ||
		a.Code != codeInvalidOperation {
		t.Fatalf("a second chart: %d %s", a.code, a.Code)
	}
	if a := sendSessionForm(s, base+"/chart/assets", map[string][]string{"Type": {"0"}, "Name": {"bg.png"}},
		[]sessionFile{{"File", "bg.png", "background"}}, alice); a.code != 201 {
		t.Fatalf("asset: %d %s", a.code, a.raw)
	}
	if a := sendSessionForm(s, base+"/chart/assets/batch", map[string][]string{
		"dtos[0].Type": {"1"}, "dtos[0].Name": {"hit.wav"}, "dtos[1].Type": {"0"}, "dtos[1].Name": {"fg.png"},
	}, []sessionFile{{"dtos[0].File", "hit.wav", "sound"}, {"dtos[1].File", "fg.png", "foreground"}},
		alice); a.code != 201 {
		t.Fatalf("batch: %d %s", a.code, a.raw)
	}

	w := serve(s, http.MethodPost, base+"/chart/new", alice)
	var a answer
	_ = json.Unmarshal(w.Body.Bytes(), &a)
	var chart struct{ ID string }
	if w.Code != 201 || json.Unmarshal(a.Data, &chart) != nil {
		t.Fatalf("chart/new: %d %s", w.Code, w.Body)
	}
	c := s.Data().Areas.Studio.chartSubmission(chart.ID)
	if c == nil || c.Level != "IN 13" || c.NoteCount != 2 || c.Format != FormatRpeJSON ||
		c.SongSubmissionID == nil || *c.SongSubmissionID != songSubmission.ID ||
		c.AdmissionStatus != RequestApproved {
		t.Fatalf("chart submission = %+v", c)
	}
	var names []string
	for _, asset := range s.Data().Areas.Studio.AssetSubmissions {
		if asset.ChartSubmissionID == chart.ID {
			names = append(names, asset.Name)
		}
	}
	if strings.Join(names, ",") != "bg.png,hit.wav,fg.png" {
		t.Errorf("assets = %v", names)
	}
	if w := serve(s, http.MethodPost, base+"/chart/new", alice); w.Code != 400 {
		t.Errorf("chart/new once the session ended: %d", w.Code)
	}
}

// Sessions follow SubmissionController's rules: 401 without a token, 403
// below member, 400 InvalidOperation for an unknown or expired session. A
// session a day old on the sandbox's clock is over.
func TestSubmissionSessionRules(t *testing.T) {
	s := New()
	alice, bob := token("sandbox-alice-token"), token("sandbox-bob-token")
	var unactivatedToken string
	if tok, err := s.SignInAs(6); err == nil {
		unactivatedToken = tok.AccessToken
	}
	s.Update(func(d *Data) { d.Users[5].Role = RoleUnactivated })
	id := openSession(t, s, alice)
	const unknown = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"

	tests := []struct {
		name, target string
		opts         []opt
		code         int
		word         string
	}{
		{"anonymous open", "/studio/submissions", nil, 401, ""},
		{"unactivated open", "/studio/submissions", []opt{token(unactivatedToken)}, 403, codeInsufficientPermission},
		{"anonymous song", "/studio/submissions/" + id + "/song", nil, 401, ""},
		{"unknown session", "/studio/submissions/" + unknown + "/song", []opt{alice}, 400, codeInvalidOperation},
		{"unknown chart/new", "/studio/submissions/" + unknown + "/chart/new", []opt{alice}, 400,
			codeInvalidOperation},
		{"chart/new before the chart", "/studio/submissions/" + id + "/chart/new", []opt{alice}, 400,
			codeInvalidOperation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sendSessionForm(s, tt.target, nil, nil, tt.opts...)
			if a.code != tt.code || a.Code != tt.word {
				t.Errorf("got %d %q, want %d %q", a.code, a.Code, tt.code, tt.word)
			}
		})
	}

	// The upstream asks for the session's ID alone, so Bob may use
	// Alice's; each upload gives the session another day.
	files := []sessionFile{{"Song", "x.mp3", "audio"}, {"Illustration", "x.png", "picture"}}
	s.Update(func(d *Data) { d.Now = d.Now.Add(23 * time.Hour) })
	if a := sendSessionForm(s, "/studio/submissions/"+id+"/song", nil, files, bob); a.code != 201 {
		t.Fatalf("song 23 hours on, by someone else: %d %s", a.code, a.raw)
	}
	s.Update(func(d *Data) { d.Now = d.Now.Add(23 * time.Hour) })
	if a := sendSessionForm(s, "/studio/submissions/"+id+"/song", nil, files, alice); a.code != 201 {
		t.Fatalf("song 23 hours after the last upload: %d %s", a.code, a.raw)
	}
	s.Update(func(d *Data) { d.Now = d.Now.Add(25 * time.Hour) })
	if a := sendSessionForm(s, "/studio/submissions/"+id+"/song", nil, files, alice); a.code != 400 ||
		a.Code != codeInvalidOperation {
		t.Fatalf("song a day after the last upload: %d %s", a.code, a.raw)
	}
}
