package sandbox

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http/httptest"
	"slices"
	"testing"
)

// sendMultipart serves a write with a multipart form of fields and files
// (field name → content).
func sendMultipart(s *Server, method, target string, fields, files map[string]string, opts ...opt) answer {
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

// A write of the table: a JSON body (or none), or a multipart form.
type writeCase struct {
	name, method, target, body string
	fields, files              map[string]string
	who                        opt
	status                     int
	code                       string
}

func runWrites(t *testing.T, s *Server, tests []writeCase) {
	t.Helper()
	for _, tt := range tests {
		var a answer
		if tt.fields != nil || tt.files != nil {
			a = sendMultipart(s, tt.method, tt.target, tt.fields, tt.files, tt.who)
		} else {
			a = sendBody(s, tt.method, tt.target, tt.body, tt.who)
		}
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %q, want %d %q\n%s", tt.name, a.code, a.Code, tt.status, tt.code, a.raw)
		}
	}
}

// Charts, their files and assets are the administrators'; owners ask
// collections to take their charts.
func TestChartWriteRules(t *testing.T) {
	s := New()
	alice, bob, admin := token("sandbox-alice-token"), token("sandbox-bob-token"), token("sandbox-admin-token")
	d := s.Data()
	song, chart := d.Songs[0].ID, d.Charts[0].ID
	var mine string
	for _, c := range d.Charts {
		if c.OwnerID == 2 && mine == "" {
			mine = c.ID
		}
	}
	var open, closed, reviewed string
	for _, co := range d.Areas.Catalog.Collections {
		switch {
		case co.OwnerID == 2:
		case co.Accessibility == AllowAny && open == "":
			open = co.ID
		case co.Accessibility == RefuseAny && closed == "":
			closed = co.ID
		case co.Accessibility == RequireReview && reviewed == "":
			reviewed = co.ID
		}
	}
	if mine == "" || open == "" || closed == "" || reviewed == "" {
		t.Fatalf("the data set lacks a chart of Alice or a kind of collection: %q %q %q %q", mine, open, closed, reviewed)
	}
	s.Update(func(d *Data) {
		cat := &d.Areas.Catalog
		cat.CollectionAdmits = slices.DeleteFunc(cat.CollectionAdmits, func(a Admission) bool { return a.AdmitteeID == mine })
	})
	chartForm := map[string]string{
		"SongId": song, "LevelType": "2", "Level": "IN", "Difficulty": "14.5", "AuthorName": "Tester",
		"Accessibility": "0", "IsHidden": "false", "IsLocked": "false", "IsRanked": "true",
	}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for a, b := range chartForm {
			m[a] = b
		}
		m[k] = v
		return m
	}
	pec := "0\nn1 0 4.000 1.000 1 1.000 1.000\n"
	asset := func(rest string) string { return "/charts/" + chart + "/assets" + rest }
	unknown := "00000000-0000-4000-8000-000000000000"

	runWrites(t, s, []writeCase{
		{name: "create without a token", method: "POST", target: "/charts", fields: chartForm, who: header("X", "y"), status: 401},
		{name: "create as a member", method: "POST", target: "/charts", fields: chartForm, who: alice, status: 403,
			code: "InsufficientPermission"},
		{name: "create for an unknown song", method: "POST", target: "/charts", fields: with("SongId", unknown), who: admin,
			status: 404, code: "ParentNotFound"},
		{name: "create without a level", method: "POST", target: "/charts", fields: with("Level", ""), who: admin,
			status: 400, code: "InvalidData"},
		{name: "create with a level type out of range", method: "POST", target: "/charts", fields: with("LevelType", "9"),
			who: admin, status: 400, code: "InvalidData"},
		{name: "create with an unreadable file", method: "POST", target: "/charts", fields: chartForm,
			files: map[string]string{"File": "hello"}, who: admin, status: 400, code: "UnsupportedChartFormat"},
		{name: "create", method: "POST", target: "/charts", fields: chartForm, files: map[string]string{"File": pec},
			who: admin, status: 201, code: "Ok"},
		{name: "replace a file as a member", method: "PATCH", target: "/charts/" + chart + "/file",
			files: map[string]string{"File": pec}, who: alice, status: 403, code: "InsufficientPermission"},
		{name: "replace the file of an unknown chart", method: "PATCH", target: "/charts/" + unknown + "/file",
			files: map[string]string{"File": pec}, who: admin, status: 404, code: "ResourceNotFound"},
		{name: "remove a file as a member", method: "DELETE", target: "/charts/" + chart + "/file", who: alice,
			status: 403, code: "InsufficientPermission"},
		{name: "remove an illustration", method: "DELETE", target: "/charts/" + chart + "/illustration", who: admin,
			status: 204},

		{name: "an asset without a token", method: "POST", target: asset(""), fields: map[string]string{"Type": "0"},
			who: header("X", "y"), status: 401},
		{name: "an asset of an unknown chart", method: "POST", target: "/charts/" + unknown + "/assets",
			fields: map[string]string{"Type": "0", "Name": "a"}, who: admin, status: 404, code: "ParentNotFound"},
		{name: "an asset as a member", method: "POST", target: asset(""), fields: map[string]string{"Type": "0", "Name": "a"},
			files: map[string]string{"File": "x"}, who: alice, status: 403, code: "InsufficientPermission"},
		{name: "an asset without a file", method: "POST", target: asset(""), fields: map[string]string{"Type": "0", "Name": "a"},
			who: admin, status: 400, code: "InvalidData"},
		{name: "an asset of a kind out of range", method: "POST", target: asset(""),
			fields: map[string]string{"Type": "6", "Name": "a"}, files: map[string]string{"File": "x"}, who: admin,
			status: 400, code: "InvalidData"},
		{name: "an asset", method: "POST", target: asset(""), fields: map[string]string{"Type": "0", "Name": "a"},
			files: map[string]string{"File": "x"}, who: admin, status: 201, code: "Ok"},
		{name: "an asset of a name taken", method: "POST", target: asset(""), fields: map[string]string{"Type": "1", "Name": "a"},
			files: map[string]string{"File": "y"}, who: admin, status: 400, code: "NameOccupied"},
		{name: "change an unknown asset", method: "PATCH", target: asset("/" + unknown),
			body: `[{"op":"replace","path":"/name","value":"b"}]`, who: admin, status: 404, code: "ResourceNotFound"},

		{name: "collect someone else's chart as a member", method: "POST", target: "/charts/" + mine + "/collections",
			body: `{"admitterId":"` + open + `"}`, who: bob, status: 403, code: "InsufficientPermission"},
		{name: "collect into an unknown collection", method: "POST", target: "/charts/" + mine + "/collections",
			body: `{"admitterId":"` + unknown + `"}`, who: alice, status: 404, code: "ParentNotFound"},
		{name: "collect into a closed collection", method: "POST", target: "/charts/" + mine + "/collections",
			body: `{"admitterId":"` + closed + `"}`, who: alice, status: 400, code: "ParentIsPrivate"},
		{name: "collect into an open collection", method: "POST", target: "/charts/" + mine + "/collections",
			body: `{"admitterId":"` + open + `"}`, who: alice, status: 204},
		{name: "collect twice", method: "POST", target: "/charts/" + mine + "/collections",
			body: `{"admitterId":"` + open + `"}`, who: alice, status: 400, code: "AlreadyDone"},
		{name: "collect into a reviewed collection", method: "POST", target: "/charts/" + mine + "/collections",
			body: `{"admitterId":"` + reviewed + `"}`, who: alice, status: 204},
		{name: "take out before review", method: "DELETE", target: "/charts/" + mine + "/collections/" + reviewed,
			who: alice, status: 400, code: "InvalidOperation"},
		{name: "take out someone else's chart", method: "DELETE", target: "/charts/" + mine + "/collections/" + open,
			who: bob, status: 403, code: "InsufficientPermission"},
		{name: "take out", method: "DELETE", target: "/charts/" + mine + "/collections/" + open, who: alice, status: 204},
		{name: "take out again", method: "DELETE", target: "/charts/" + mine + "/collections/" + open, who: alice,
			status: 400, code: "AlreadyDone"},

		{name: "remove a chart as a member", method: "DELETE", target: "/charts/" + chart, who: alice, status: 403,
			code: "InsufficientPermission"},
		{name: "remove a chart", method: "DELETE", target: "/charts/" + chart, who: admin, status: 204},
		{name: "remove it again", method: "DELETE", target: "/charts/" + chart, who: admin, status: 404,
			code: "ResourceNotFound"},
	})
	for _, a := range s.Data().Areas.Studio.ChartAssets {
		if a.ChartID == chart {
			t.Errorf("asset %s outlived its chart", a.ID)
		}
	}
}

// Collections are the administrators'; records come from play sessions
// and are removed by administrators.
func TestCollectionAndRecordWriteRules(t *testing.T) {
	s := New()
	alice, admin := token("sandbox-alice-token"), token("sandbox-admin-token")
	d := s.Data()
	collection, record := d.Areas.Catalog.Collections[0].ID, d.Records[0].ID
	var chart *Chart
	for i, c := range d.Charts {
		if c.FileChecksum != nil && c.Accessibility != RefuseAny && c.NoteCount > 0 {
			chart = &d.Charts[i]
			break
		}
	}
	app, conf := d.Areas.Catalog.Applications[0].ID, d.Areas.Catalog.PlayConfigurations[0].ID
	collectionForm := map[string]string{
		"Title": "Picks", "Subtitle": "1", "Illustrator": "N", "Accessibility": "0", "IsHidden": "false", "IsLocked": "false",
	}
	recordOf := func(tokenValue, mac string, perfect int) string {
		return fmt.Sprintf(`{"token":%q,"maxCombo":%d,"perfect":%d,"hmac":%q,"checksum":%q}`,
			tokenValue, perfect, perfect, mac, *chart.FileChecksum)
	}
	signed := func(perfect int) string {
		tok, stamp := s.StartPlay(2, chart.ID, conf, app)
		digest := fmt.Sprintf("%s:%s:2:%d:%d:0:0:0:0:%d", chart.ID, conf, perfect, perfect, stamp)
		mac := hmac.New(sha256.New, []byte(s.ApplicationSecret(app)))
		mac.Write([]byte(digest))
		return recordOf(tok, base64.StdEncoding.EncodeToString(mac.Sum(nil)), perfect)
	}
	unsigned, _ := s.StartPlay(2, chart.ID, conf, app)
	n := chart.NoteCount

	runWrites(t, s, []writeCase{
		{name: "create a collection as a member", method: "POST", target: "/collections", fields: collectionForm,
			files: map[string]string{"Illustration": "x"}, who: alice, status: 403, code: "InsufficientPermission"},
		{name: "create a collection without an illustration", method: "POST", target: "/collections",
			fields: collectionForm, who: admin, status: 400, code: "InvalidData"},
		{name: "create a collection", method: "POST", target: "/collections", fields: collectionForm,
			files: map[string]string{"Illustration": "x"}, who: admin, status: 201, code: "Ok"},
		{name: "remove a title", method: "PATCH", target: "/collections/" + collection,
			body: `[{"op":"remove","path":"/title"}]`, who: admin, status: 400, code: "InvalidData"},
		{name: "change a collection as a member", method: "PATCH", target: "/collections/" + collection,
			body: `[{"op":"replace","path":"/title","value":"x"}]`, who: alice, status: 403, code: "InsufficientPermission"},
		{name: "remove a collection", method: "DELETE", target: "/collections/" + collection, who: admin, status: 204},

		{name: "a record of an unknown play", method: "POST", target: "/records",
			body: recordOf("00000000-0000-4000-8000-000000000000", "x", n), who: header("X", "y"), status: 404,
			code: "InvalidToken"},
		{name: "a record with a wrong HMAC", method: "POST", target: "/records", body: recordOf(unsigned, "x", n),
			who: header("X", "y"), status: 400, code: "InvalidData"},
		{name: "a record short of notes", method: "POST", target: "/records", body: signed(n - 1), who: header("X", "y"),
			status: 400, code: "InvalidData"},
		{name: "a PhiZone play as a TapTap one", method: "POST", target: "/records/tapTap", body: signed(n),
			who: header("X", "y"), status: 404, code: "InvalidToken"},
		{name: "a record", method: "POST", target: "/records", body: signed(n), who: header("X", "y"), status: 201,
			code: "Ok"},
		{name: "remove a record as a member", method: "DELETE", target: "/records/" + record, who: alice, status: 403,
			code: "InsufficientPermission"},
		{name: "remove a record", method: "DELETE", target: "/records/" + record, who: admin, status: 204},
		{name: "link an unknown record", method: "POST", target: "/records/" + record + "/event",
			body: `{"divisionId":"` + d.Divisions[0].ID + `"}`, who: admin, status: 404, code: "ResourceNotFound"},
	})
	if got := s.Data().Records[len(s.Data().Records)-1]; got.Score != 1_000_000 || got.OwnerID != 2 ||
		got.ApplicationID != app || !got.IsFullCombo {
		t.Errorf("the new record: %+v", got)
	}
	if s.Data().User(2).Experience == 0 {
		t.Error("the player earned no experience")
	}
}
