package sandbox

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"
)

// sendSongSubmissionForm serves a write with a multipart form of fields
// and files (field name to content).
func sendSongSubmissionForm(
	s *Server, method, target string, fields map[string][]string, files map[string]string, opts ...opt,
) answer {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for name, values := range fields {
		for _, v := range values {
			_ = w.WriteField(name, v)
		}
	}
	for name, content := range files {
		part, _ := w.CreateFormFile(name, name+".bin")
		_, _ = part.Write([]byte(content))
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

// Song submission writes follow SongSubmissionController: who may change
// a submission, what only administrators may do, the review's rules, the
// checks of time, authors and events.
func TestSongSubmissionWriteRules(t *testing.T) {
	s := New()
	d := s.Data()
	alice, bob, admin := token("sandbox-alice-token"), token("sandbox-bob-token"), token("sandbox-admin-token")

	var mine, published, moderatorsOwn string
	var moderator int
	for _, v := range d.Areas.Studio.SongSubmissions {
		owner := *v.OwnerID
		switch {
		case owner == 2 && v.RepresentationID == nil && mine == "":
			mine = v.ID
		case owner == 3 && v.RepresentationID != nil && published == "":
			published = v.ID
		case d.User(owner).Role == RoleModerator && moderatorsOwn == "":
			moderatorsOwn, moderator = v.ID, owner
		}
	}
	if mine == "" || published == "" || moderatorsOwn == "" {
		t.Fatalf("the data set lacks submissions: %q %q %q", mine, published, moderatorsOwn)
	}
	var started, unveiled, tagOfStarted, tagOfUnveiled string
	s.Update(func(d *Data) {
		for i := range d.Divisions {
			v := &d.Divisions[i]
			if v.Type != DivisionSong || v.TagID == nil {
				continue
			}
			v.DateEnded = d.Now.AddDate(0, 1, 0)
			switch {
			case started == "":
				v.Status, started = DivisionStarted, v.ID
				tagOfStarted = d.Tags[d.idx.tags[*v.TagID]].Name
			case unveiled == "":
				// a tag of its own: divisions of the data set may share one
				tagOfUnveiled = "Sandbox Premiere"
				d.Tags = append(d.Tags, Tag{
					ID: "5a0d0b0e-0000-4000-8000-00000000f00d", Name: tagOfUnveiled,
					NormalizedName: normalize(tagOfUnveiled),
				})
				v.Status, v.TagID, unveiled = DivisionUnveiled, ptr(d.Tags[len(d.Tags)-1].ID), v.ID
			}
		}
		d.Users[3].Role = RoleUnactivated // user 4, signed in below
	})
	// a submission whose owner is in no team of the started division, tagged for it
	var outside string
	licence := "https://res.phizone.test/songs/licenses/kept.pdf"
	s.Update(func(d *Data) {
		for i := range d.Areas.Studio.SongSubmissions {
			v := &d.Areas.Studio.SongSubmissions[i]
			enrolled := false
			for _, t := range d.idx.teamsByDivision[started] {
				for _, p := range d.idx.participationsByTeam[d.Teams[t].ID] {
					enrolled = enrolled || d.Participations[p].ParticipantID == *v.OwnerID
				}
			}
			if !enrolled && v.ID != mine && v.ID != published && v.ID != moderatorsOwn {
				v.Tags, v.License, outside = []string{tagOfStarted}, &licence, v.ID
				return
			}
		}
	})
	unactivated := token(tokenFor(s, 4))
	mod := token(tokenFor(s, moderator))
	base := "/studio/songs/"

	fields := func(change func(map[string][]string)) map[string][]string {
		f := map[string][]string{
			"Title": {"Lanterns"}, "EditionType": {"0"}, "AuthorName": {"[PZUser:2:Alice_Rhythm:PZRT]"},
			"Illustrator": {"Mio"}, "Accessibility": {"1"}, "Bpm": {"120"}, "MinBpm": {"120"}, "MaxBpm": {"120"},
			"Offset": {"0"}, "PreviewStart": {"00:00:05"}, "PreviewEnd": {"00:00:20"}, "Tags": {"Calm"},
		}
		if change != nil {
			change(f)
		}
		return f
	}
	files := map[string]string{"File": "audio", "Illustration": "picture"}
	forms := []struct {
		name   string
		fields map[string][]string
		files  map[string]string
		who    opt
		status int
		code   string
	}{
		{"create without a token", fields(nil), files, header("Accept", "application/json"), 401, ""},
		{"create unactivated", fields(nil), files, unactivated, 403, "InsufficientPermission"},
		{"create", fields(nil), files, alice, 201, "Ok"},
		{"create without audio", fields(nil), map[string]string{"Illustration": "picture"}, alice, 400, "InvalidData"},
		{"create with a bad preview", fields(func(f map[string][]string) { f["PreviewEnd"] = []string{"00:00:01"} }),
			files, alice, 400, "InvalidTimeRelation"},
		{"create a proof of someone else's music", fields(nil),
			map[string]string{"File": "a", "Illustration": "p", "OriginalityProof": "x"}, bob, 400, "InvalidAuthorInfo"},
		{"create for a division not started", fields(func(f map[string][]string) { f["Tags"] = []string{tagOfUnveiled} }),
			files, alice, 400, "DivisionNotStarted"},
		{"create for a division without a team", fields(func(f map[string][]string) { f["Tags"] = []string{tagOfStarted} }),
			files, admin, 400, "NotEnrolled"},
	}
	for _, tc := range forms {
		t.Run(tc.name, func(t *testing.T) {
			a := sendSongSubmissionForm(s, http.MethodPost, base, tc.fields, tc.files, tc.who)
			if a.code != tc.status || a.Code != tc.code {
				t.Errorf("got %d %q, want %d %q: %s", a.code, a.Code, tc.status, tc.code, a.raw)
			}
		})
	}

	tests := []struct {
		name, method, target, body string
		who                        opt
		status                     int
		code                       string
	}{
		{"update without a token", "PATCH", base + mine, `[]`, header("Accept", "application/json"), 401, ""},
		{"update an unknown one", "PATCH", base + "00000000-0000-4000-8000-000000000000", `[]`, alice, 404,
			"ResourceNotFound"},
		{"update someone else's", "PATCH", base + mine, `[]`, bob, 403, "InsufficientPermission"},
		{"update as a moderator", "PATCH", base + mine, `[{"op":"replace","path":"/title","value":"T"}]`, mod, 204, ""},
		{"update with an empty title", "PATCH", base + mine, `[{"op":"replace","path":"/title","value":""}]`, alice,
			400, "InvalidData"},
		{"update past the song's end", "PATCH", base + mine, `[{"op":"replace","path":"/previewEnd","value":"01:00:00"}]`,
			alice, 400, "InvalidTimeRelation"},
		{"retag into a division not started", "PATCH", base + mine,
			`[{"op":"replace","path":"/tags","value":["` + tagOfUnveiled + `"]}]`, alice, 400, "DivisionNotStarted"},
		{"remove a licence of a song that cannot enter its division", "DELETE", base + outside + "/license", "",
			admin, 400, "NotEnrolled"},
		{"remove someone else's licence", "DELETE", base + mine + "/license", "", bob, 403, "InsufficientPermission"},
		{"remove the licence", "DELETE", base + mine + "/license", "", alice, 204, ""},
		{"invite without a proof", "POST", base + mine + "/collaborations", `{"inviteeId":3}`, bob, 400,
			"InvalidOperation"},
		{"review as a member", "POST", base + mine + "/review", `{"status":1}`, alice, 403, "InsufficientPermission"},
		{"review one's own as a moderator", "POST", base + moderatorsOwn + "/review", `{"status":1}`, mod, 403,
			"InsufficientPermission"},
		{"reject without a message", "POST", base + mine + "/review", `{"status":2}`, mod, 400, "InvalidData"},
		{"review out of range", "POST", base + mine + "/review", `{"status":7}`, mod, 400, "InvalidData"},
		{"approve", "POST", base + mine + "/review", `{"status":1,"isOriginal":true}`, mod, 204, ""},
		{"delete a published one as its owner", "DELETE", base + published, "", bob, 403, "InsufficientPermission"},
		{"delete someone else's", "DELETE", base + mine, "", bob, 403, "InsufficientPermission"},
		{"delete a published one as an administrator", "DELETE", base + published, "", admin, 204, ""},
		{"delete it again", "DELETE", base + published, "", admin, 404, "ResourceNotFound"},
		{"use an unknown service", "POST", base + mine + "/useService/00000000-0000-4000-8000-000000000000",
			`{"parameters":{}}`, alice, 404, "ResourceNotFound"},
		{"check an event for nobody", "POST", base + "checkEvent?userId=999999", `{"strings":[]}`, alice, 404,
			"UserNotFound"},
		{"check a division not started", "POST", base + "checkEvent", `{"strings":["` + tagOfUnveiled + `"]}`, alice,
			400, "DivisionNotStarted"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := sendBody(s, tc.method, tc.target, tc.body, tc.who)
			if a.code != tc.status || a.Code != tc.code {
				t.Errorf("got %d %q, want %d %q: %s", a.code, a.Code, tc.status, tc.code, a.raw)
			}
		})
	}

	if kept := s.Data().Areas.Studio.songSubmission(outside); kept.License == nil || *kept.License != licence {
		t.Errorf("a refused removal changed the licence to %v", kept.License)
	}

	approved := s.Data().Areas.Studio.songSubmission(mine)
	if approved.Status != RequestApproved || approved.RepresentationID == nil ||
		*approved.ReviewerID != moderator || s.Data().Song(*approved.RepresentationID) == nil {
		t.Errorf("after approval: %+v", approved)
	}
	if song := s.Data().Song(*approved.RepresentationID); song.Title != "T" || !song.IsOriginal || song.OwnerID != 2 {
		t.Errorf("the published song is %+v", song)
	}
	songs := len(s.Data().Songs)
	if a := sendBody(s, "POST", base+mine+"/review", `{"status":1,"isHidden":true}`, mod); a.code != 204 {
		t.Fatalf("approving again: %d %s", a.code, a.raw)
	}
	if song := s.Data().Song(*approved.RepresentationID); !song.IsHidden || len(s.Data().Songs) != songs {
		t.Errorf("approving again made another song or left it: %+v", song)
	}
}
