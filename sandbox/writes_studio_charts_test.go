package sandbox

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"
)

// sendChartSubmissionForm serves a write with a multipart form: fields,
// then files by field name.
func sendChartSubmissionForm(s *Server, method, target string, fields map[string]string,
	files map[string]string, opts ...opt,
) answer {
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
	a := answer{code: rec.Code, raw: rec.Body.Bytes()}
	if len(a.raw) > 0 {
		_ = json.Unmarshal(a.raw, &a)
	}
	return a
}

// Chart submission writes follow ChartSubmissionController: 401 without
// a token, 404 for an unknown submission (ParentNotFound on asset routes),
// 403 for the unactivated and for members who do not own it; moderators
// may change anyone's.
func TestChartSubmissionWriteRules(t *testing.T) {
	s := New()
	alice, bob := token("sandbox-alice-token"), token("sandbox-bob-token")
	var own, moderatorToken, unactivatedToken string
	var moderator, unactivated int
	s.Update(func(d *Data) {
		for _, v := range d.Areas.Studio.ChartSubmissions {
			if v.OwnerID == 2 && own == "" {
				own = v.ID
			}
		}
		moderator, unactivated = d.Users[4].ID, d.Users[5].ID
		d.Users[4].Role = RoleModerator
	})
	if tok, err := s.SignInAs(moderator); err == nil {
		moderatorToken = tok.AccessToken
	}
	if tok, err := s.SignInAs(unactivated); err == nil {
		unactivatedToken = tok.AccessToken
	}
	s.Update(func(d *Data) { d.Users[5].Role = RoleUnactivated })
	const unknown = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	patch := `[{"op":"replace","path":"/level","value":"SP"}]`

	tests := []struct {
		name, method, target, body string
		opts                       []opt
		code                       int
		word                       string
	}{
		{"anonymous update", http.MethodPatch, "/studio/charts/" + own, patch, nil, 401, ""},
		{"unknown update", http.MethodPatch, "/studio/charts/" + unknown, patch, []opt{alice}, 404, codeResourceNotFound},
		{"unactivated update", http.MethodPatch, "/studio/charts/" + own, patch,
			[]opt{token(unactivatedToken)}, 403, codeInsufficientPermission},
		{"someone else's update", http.MethodPatch, "/studio/charts/" + own, patch, []opt{bob}, 403,
			codeInsufficientPermission},
		{"a moderator's update", http.MethodPatch, "/studio/charts/" + own, patch, []opt{token(moderatorToken)}, 204, ""},
		{"an empty level", http.MethodPatch, "/studio/charts/" + own, `[{"op":"replace","path":"/level","value":""}]`,
			[]opt{alice}, 400, codeInvalidData},
		{"a rename of an unknown submission's asset", http.MethodPatch,
			"/studio/charts/" + unknown + "/assets/" + unknown, `[]`, []opt{alice}, 404, codeParentNotFound},
		{"an unknown asset", http.MethodDelete, "/studio/charts/" + own + "/assets/" + unknown, "", []opt{alice}, 404,
			codeResourceNotFound},
		{"someone else's illustration", http.MethodDelete, "/studio/charts/" + own + "/illustration", "",
			[]opt{bob}, 403, codeInsufficientPermission},
		{"an invitation of an unknown user", http.MethodPost, "/studio/charts/" + own + "/collaborations",
			`{"inviteeId":999999}`, []opt{alice}, 404, codeUserNotFound},
		{"an invitation without an invitee", http.MethodPost, "/studio/charts/" + own + "/collaborations",
			`{}`, []opt{alice}, 400, codeInvalidData},
		{"an unknown service", http.MethodPost, "/studio/charts/" + own + "/useService/" + unknown,
			`{"parameters":{}}`, []opt{alice}, 404, codeResourceNotFound},
		{"an anonymous event check", http.MethodPost, "/studio/charts/checkEvent", `{"strings":[]}`, nil, 401, ""},
		{"an event check of no event", http.MethodPost, "/studio/charts/checkEvent", `{"strings":["none"]}`,
			[]opt{alice}, 200, codeOk},
		{"someone else's removal", http.MethodDelete, "/studio/charts/" + own, "", []opt{bob}, 403,
			codeInsufficientPermission},
		{"the owner's removal", http.MethodDelete, "/studio/charts/" + own, "", []opt{alice}, 204, ""},
		{"a removal of what is gone", http.MethodDelete, "/studio/charts/" + own, "", []opt{alice}, 404,
			codeResourceNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sendBody(s, tt.method, tt.target, tt.body, tt.opts...)
			if a.code != tt.code || a.Code != tt.word {
				t.Errorf("%s %s = %d %q, want %d %q", tt.method, tt.target, a.code, a.Code, tt.code, tt.word)
			}
		})
	}
}

// A new submission needs the caller credited, exactly one parent and a
// chart file the sandbox can read; it asks a song's owner to admit it
// when the song requires review.
func TestPostChartSubmissionRules(t *testing.T) {
	s := New()
	alice := token("sandbox-alice-token")
	var open, reviewed, private string
	var reviewer int
	for _, v := range s.Data().Songs {
		switch {
		case v.OwnerID == 2:
		case v.Accessibility == AllowAny && open == "":
			open = v.ID
		case v.Accessibility == RequireReview && reviewed == "":
			reviewed, reviewer = v.ID, v.OwnerID
		case v.Accessibility == RefuseAny && private == "":
			private = v.ID
		}
	}
	fields := func(song, author string) map[string]string {
		return map[string]string{
			"SongId": song, "LevelType": "2", "Level": "IN 13", "Difficulty": "13.5", "AuthorName": author,
			"Accessibility": "0", "IsRanked": "false",
		}
	}
	me := "[PZUser:2:Alice_Rhythm:PZRT]"
	tests := []struct {
		name   string
		fields map[string]string
		files  map[string]string
		code   int
		word   string
	}{
		{"no credit", fields(open, "[PZUser:3:BobCharts:PZRT]"), nil, 400, codeChartSubmissionAuthorInfo},
		{"no parent", fields("", me), nil, 400, codeInvalidData},
		{"a private song", fields(private, me), nil, 400, codeChartSubmissionParentPrivate},
		{"an unknown song", fields("0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", me), nil, 404, codeParentNotFound},
		{"a file that is no chart", fields(open, me), map[string]string{"File": "hello"}, 400, codeChartSubmissionFormat},
		{"a level out of range", map[string]string{"LevelType": "9", "Level": "X", "Difficulty": "1",
			"AuthorName": me, "Accessibility": "0", "IsRanked": "true", "SongId": open}, nil, 400, codeInvalidData},
		{"an open song", fields(open, me), map[string]string{"File": `{"META":{},"judgeLineList":[]}`}, 201, codeOk},
		{"a song that requires review", fields(reviewed, me), nil, 201, codeOk},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sendChartSubmissionForm(s, http.MethodPost, "/studio/charts", tt.fields, tt.files, alice)
			if a.code != tt.code || a.Code != tt.word {
				t.Errorf("POST /studio/charts = %d %q %s, want %d %q", a.code, a.Code, a.raw, tt.code, tt.word)
			}
		})
	}

	var admitted bool
	for _, v := range s.Data().Areas.Studio.Admissions {
		if v.AdmitterID == reviewed && v.RequesteeID == reviewer && v.RequesterID == 2 && v.Status == RequestWaiting {
			admitted = true
		}
	}
	if !admitted {
		t.Errorf("no admission asked of the owner (%d) of song %s", reviewer, reviewed)
	}
	if a := sendChartSubmissionForm(s, http.MethodPost, "/studio/charts", fields(open, me), nil); a.code != 401 {
		t.Errorf("anonymous: %d, want 401", a.code)
	}
}
