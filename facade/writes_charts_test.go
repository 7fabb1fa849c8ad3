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
	"sort"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of charts, their files, assets and collections: each
// succeeds with its change in the fresh answer and in what the sandbox
// holds, and fails as ChartController's rules say.

// rpeChartFile is a chart file in Re:PhiEdit's JSON with three notes.
var rpeChartFile = []byte(`{"META":{"RPEVersion":150},"judgeLineList":[{"notes":[{"type":1},{"type":2}]},{"notes":[{"type":1}]}]}`)

// pecChartFile is a chart file in PhiEditer's text format with two notes.
var pecChartFile = []byte("0\nbp 0.000 120.000\nn1 0 4.000 1.000 1 1.000 1.000\nn2 0 5.000 6.000 2.000 1 1.000 1.000\n")

// uploadFiles posts a GraphQL multipart request with one file per variable
// of files (name → filename and bytes) and decodes the answer's data into
// out.
func uploadFiles(e *env, doc string, vars map[string]any, token string, files map[string]namedBytes, out any) []gqlError {
	e.t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
		setVar(vars, name)
	}
	sort.Strings(names)
	ops, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	_ = form.WriteField("operations", string(ops))
	m := map[string][]string{}
	for i, name := range names {
		m[fmt.Sprint(i)] = []string{"variables." + name}
	}
	mapping, _ := json.Marshal(m)
	_ = form.WriteField("map", string(mapping))
	for i, name := range names {
		part, _ := form.CreateFormFile(fmt.Sprint(i), files[name].name)
		_, _ = part.Write(files[name].content)
	}
	_ = form.Close()

	req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	e.sandbox.ResetRequests()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
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

// namedBytes is a file of a multipart request.
type namedBytes struct {
	name    string
	content []byte
}

// setVar sets the variable at path ("file" or "input.file") to null.
func setVar(vars map[string]any, path string) {
	if _, ok := vars[path]; !ok {
		vars[path] = nil
	}
}

// hexSHA256 is the hex SHA-256 of b.
func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// wantErrors is wantError for an upload's errors.
func wantErrors(t *testing.T, errs []gqlError, code, upstreamCode string) {
	t.Helper()
	wantError(t, answer{Errors: errs}, code, upstreamCode)
}

// storedChart is a chart as the sandbox answers GET /charts/{id}.
type storedChart struct {
	ID, Level, SongID string
	Title, File       *string
	FileChecksum      *string
	Illustration      *string
	Format, NoteCount int
	Tags              []struct{ Name string }
}

const createChart = `mutation($song: ID!, $file: Upload, $illustration: Upload, $level: String!) {
	createChart(input: { songId: $song, title: "Sandbox Storm", levelType: IN, level: $level, difficulty: 15.8,
		authorName: "Tester", file: $file, illustration: $illustration, illustrator: "Nobody", isRanked: true,
		tags: ["Jazz", "Brand New Tag"] }) {
		chart { id databaseId title level levelType difficulty format noteCount file fileChecksum illustration
			isRanked owner { databaseId } song { databaseId } tags { name } } } }`

func TestCreateChart(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0], e.sandbox.Tokens()[1].AccessToken
	song := e.sandbox.Data().Songs[0]
	picture := bytes.Repeat([]byte("\x89PNG chart cover "), 512)
	vars := func() map[string]any {
		return map[string]any{"song": globalid.Encode("Song", song.ID), "level": "IN"}
	}

	var got struct {
		CreateChart struct {
			Chart struct {
				ID, DatabaseID, Level, LevelType, Format string
				Title, File, FileChecksum, Illustration  *string
				Difficulty                               float64
				NoteCount                                int
				IsRanked                                 bool
				Owner, Song                              struct{ DatabaseID string }
				Tags                                     []struct{ Name string }
			}
		}
	}
	errs := uploadFiles(e, createChart, vars(), admin.AccessToken, map[string]namedBytes{
		"file": {"storm.json", rpeChartFile}, "illustration": {"storm.png", picture},
	}, &got)
	if len(errs) > 0 {
		t.Fatalf("createChart: %+v", errs)
	}
	c := got.CreateChart.Chart
	if c.Title == nil || *c.Title != "Sandbox Storm" || c.Level != "IN" || c.LevelType != "IN" || c.Difficulty != 15.8 ||
		c.Format != "RPE_JSON" || c.NoteCount != 3 || !c.IsRanked || c.Owner.DatabaseID != fmt.Sprint(admin.UserID) ||
		c.Song.DatabaseID != song.ID || len(c.Tags) != 2 {
		t.Errorf("the new chart: %+v", c)
	}
	if c.File == nil || !strings.Contains(*c.File, hexSHA256(rpeChartFile)) || c.FileChecksum == nil || *c.FileChecksum != hexSHA256(rpeChartFile) ||
		c.Illustration == nil || !strings.Contains(*c.Illustration, hexSHA256(picture)) {
		t.Errorf("the new chart's files: %v %v %v", c.File, c.FileChecksum, c.Illustration)
	}
	if _, byRoute := e.calls(); byRoute["POST /charts"] != 1 || byRoute["GET /charts/{id}"] != 1 {
		t.Errorf("createChart calls = %v", byRoute)
	}
	stored := rest[storedChart](e, "/charts/"+c.DatabaseID, nil)
	if stored.NoteCount != 3 || stored.Format != 0 || stored.SongID != song.ID || len(stored.Tags) != 2 ||
		stored.Tags[1].Name != "Brand New Tag" {
		t.Errorf("the sandbox holds %+v", stored)
	}
	uploads := e.sandbox.Uploads()
	if len(uploads) != 2 || uploads[0].Field != "File" || uploads[0].SHA256 != hexSHA256(rpeChartFile) ||
		uploads[1].Field != "Illustration" || uploads[1].Size != int64(len(picture)) || uploads[1].Resource != c.DatabaseID {
		t.Errorf("the upstream received %+v", uploads)
	}

	t.Run("no token", func(t *testing.T) {
		wantError(t, e.in(t).query(createChart, vars(), "", nil), "UNAUTHENTICATED", "")
		if n, _ := e.calls(); n != 0 {
			t.Errorf("%d upstream calls, want none", n)
		}
	})
	t.Run("not an administrator", func(t *testing.T) {
		wantErrors(t, uploadFiles(e, createChart, vars(), alice, nil, nil), "FORBIDDEN", "InsufficientPermission")
	})
	t.Run("a bad song ID", func(t *testing.T) {
		v := vars()
		v["song"] = "not-a-song"
		wantErrors(t, uploadFiles(e, createChart, v, admin.AccessToken, nil, nil), "BAD_USER_INPUT", "")
		if n, _ := e.calls(); n != 0 {
			t.Errorf("%d upstream calls, want none", n)
		}
	})
	t.Run("an unknown song", func(t *testing.T) {
		v := vars()
		v["song"] = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
		wantErrors(t, uploadFiles(e, createChart, v, admin.AccessToken, nil, nil), "NOT_FOUND", "ParentNotFound")
	})
	t.Run("a file of no known format", func(t *testing.T) {
		errs := uploadFiles(e, createChart, vars(), admin.AccessToken,
			map[string]namedBytes{"file": {"notes.txt", []byte("just some words")}}, nil)
		wantErrors(t, errs, "BAD_USER_INPUT", "UnsupportedChartFormat")
	})
	t.Run("a level too long", func(t *testing.T) {
		v := vars()
		v["level"] = strings.Repeat("X", 21)
		e.sandbox.ResetRequests()
		errs := uploadFiles(e, createChart, v, admin.AccessToken, nil, nil)
		wantBound(t, e, answer{Errors: errs}, "input.level")
	})
}

// chartOf returns a chart of the sandbox that ok accepts, as a global ID
// and a GUID.
func chartOf(t *testing.T, e *env, what string, ok func(*sandbox.Chart) bool) (string, string) {
	t.Helper()
	c := pick(t, what, e.sandbox.Data().Charts, ok)
	return globalid.Encode("Chart", c.ID), c.ID
}

func TestChartFileWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	chart, id := chartOf(t, e, "chart with a file and an illustration", func(c *sandbox.Chart) bool {
		return c.File != nil && c.Illustration != nil && c.Format != 1
	})

	const update = `mutation($id: ID!, $file: Upload!) { updateChartFile(input: { chartId: $id, file: $file }) {
		chart { format noteCount file fileChecksum } } }`
	var got struct {
		UpdateChartFile struct {
			Chart struct {
				Format             string
				NoteCount          int
				File, FileChecksum *string
			}
		}
	}
	errs := uploadFiles(e, update, map[string]any{"id": chart}, admin,
		map[string]namedBytes{"file": {"chart.pec", pecChartFile}}, &got)
	if c := got.UpdateChartFile.Chart; len(errs) > 0 || c.Format != "PEC" || c.NoteCount != 2 || c.File == nil ||
		!strings.Contains(*c.File, hexSHA256(pecChartFile)) || c.FileChecksum == nil || *c.FileChecksum != hexSHA256(pecChartFile) {
		t.Fatalf("after updateChartFile: %+v, errors %+v", c, errs)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/charts/{id}/file" || up[0].Resource != id ||
		up[0].SHA256 != hexSHA256(pecChartFile) {
		t.Errorf("the upstream received %+v", up)
	}
	wantErrors(t, uploadFiles(e, update, map[string]any{"id": chart}, alice,
		map[string]namedBytes{"file": {"chart.pec", pecChartFile}}, nil), "FORBIDDEN", "InsufficientPermission")
	wantErrors(t, uploadFiles(e, update, map[string]any{"id": chart}, admin,
		map[string]namedBytes{"file": {"chart.bin", []byte("\x00\x01")}}, nil), "BAD_USER_INPUT", "UnsupportedChartFormat")

	var removed struct {
		RemoveChartFile         struct{ Chart struct{ File *string } }
		RemoveChartIllustration struct {
			Chart struct{ Illustration *string }
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { removeChartFile(input: { chartId: $id }) { chart { file } }
		removeChartIllustration(input: { chartId: $id }) { chart { illustration } } }`,
		map[string]any{"id": chart}, admin, &removed)
	if removed.RemoveChartFile.Chart.File != nil || removed.RemoveChartIllustration.Chart.Illustration != nil {
		t.Errorf("after the removals: %+v", removed)
	}
	if _, byRoute := e.calls(); byRoute["DELETE /charts/{id}/file"] != 1 || byRoute["DELETE /charts/{id}/illustration"] != 1 {
		t.Errorf("removal calls = %v", byRoute)
	}
	if stored := rest[storedChart](e, "/charts/"+id, nil); stored.File != nil || stored.Illustration != nil {
		t.Errorf("the sandbox holds %+v", stored)
	}

	tests := []struct{ name, token, id, doc, code string }{
		{"no token", "", chart, `mutation($id: ID!) { removeChartFile(input: { chartId: $id }) { chart { id } } }`,
			"UNAUTHENTICATED"},
		{"not an administrator", alice, chart,
			`mutation($id: ID!) { removeChartIllustration(input: { chartId: $id }) { chart { id } } }`, "FORBIDDEN"},
		{"a bad ID", admin, "chart-1", `mutation($id: ID!) { removeChartFile(input: { chartId: $id }) { chart { id } } }`,
			"BAD_USER_INPUT"},
		{"an unknown chart", admin, "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e",
			`mutation($id: ID!) { removeChartFile(input: { chartId: $id }) { chart { id } } }`, "NOT_FOUND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, e.in(t).query(tt.doc, map[string]any{"id": tt.id}, tt.token, nil), tt.code, "")
		})
	}
}

func TestDeleteChart(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	chart, id := chartOf(t, e, "chart with records", func(c *sandbox.Chart) bool {
		return len(e.sandbox.Data().Leaderboard(c.ID)) > 0
	})
	const del = `mutation($id: ID!) { deleteChart(input: { chartId: $id }) { deletedChartId } }`

	wantError(t, e.query(del, map[string]any{"id": chart}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	wantError(t, e.query(del, map[string]any{"id": "12"}, admin, nil), "BAD_USER_INPUT", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("a bad ID made %d upstream calls", n)
	}
	var got struct {
		DeleteChart struct{ DeletedChartID string }
	}
	e.mustQueryAs(del, map[string]any{"id": id}, admin, &got)
	if got.DeleteChart.DeletedChartID != chart {
		t.Errorf("deletedChartId = %q, want %q", got.DeleteChart.DeletedChartID, chart)
	}
	if e.sandbox.Data().Chart(id) != nil || len(e.sandbox.Data().Leaderboard(id)) != 0 {
		t.Error("the sandbox still holds the chart or its records")
	}
	wantError(t, e.query(`query($id: ID!) { chart(id: $id) { id } }`, map[string]any{"id": chart}, "", nil), "NOT_FOUND", "")
	wantError(t, e.query(del, map[string]any{"id": chart}, admin, nil), "NOT_FOUND", "ResourceNotFound")
}

func TestCollectChart(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0], e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	chart, chartID := chartOf(t, e, "chart of Alice", func(c *sandbox.Chart) bool { return c.OwnerID == alice.UserID })
	notIn := func(a sandbox.Accessibility) func(*sandbox.Collection) bool {
		return func(co *sandbox.Collection) bool {
			if co.Accessibility != a || co.OwnerID == alice.UserID {
				return false
			}
			for _, ad := range d.Areas.Catalog.CollectionAdmits {
				if ad.AdmitterID == co.ID && ad.AdmitteeID == chartID {
					return false
				}
			}
			return true
		}
	}
	open := pick(t, "open collection", d.Areas.Catalog.Collections, notIn(sandbox.AllowAny))
	reviewed := pick(t, "reviewed collection", d.Areas.Catalog.Collections, notIn(sandbox.RequireReview))
	closed := pick(t, "closed collection", d.Areas.Catalog.Collections, notIn(sandbox.RefuseAny))

	const collect = `mutation($chart: ID!, $collection: ID!) { collectChart(input: { chartId: $chart,
		collectionId: $collection, label: "#1" }) { admission { status label admitter { databaseId }
		admittee { databaseId } requester { databaseId } } } }`
	type admission struct {
		Status             string
		Label              *string
		Admitter, Admittee struct{ DatabaseID string }
		Requester          struct{ DatabaseID string }
	}
	var got struct{ CollectChart struct{ Admission admission } }
	e.mustQueryAs(collect, map[string]any{"chart": chart, "collection": globalid.Encode("Collection", open.ID)},
		alice.AccessToken, &got)
	if a := got.CollectChart.Admission; a.Status != "APPROVED" || a.Label == nil || *a.Label != "#1" ||
		a.Admitter.DatabaseID != open.ID || a.Admittee.DatabaseID != chartID || a.Requester.DatabaseID != "2" {
		t.Errorf("collecting into an open collection: %+v", a)
	}
	if body := lastBody(e, http.MethodPost); body != `{"admitterId":"`+open.ID+`","label":"#1"}` {
		t.Errorf("the upstream received %s", body)
	}
	e.mustQueryAs(collect, map[string]any{"chart": chartID, "collection": reviewed.ID}, alice.AccessToken, &got)
	if a := got.CollectChart.Admission; a.Status != "WAITING" {
		t.Errorf("collecting into a reviewed collection: %+v", a)
	}
	if n := restTotal(e, "/collections/"+open.ID+"/charts", nil); n == 0 {
		t.Error("the open collection lists no charts")
	}

	tests := []struct{ name, token, chart, collection, code, upstreamCode string }{
		{"no token", "", chart, open.ID, "UNAUTHENTICATED", ""},
		{"twice", alice.AccessToken, chart, open.ID, "CONFLICT", "AlreadyDone"},
		{"a closed collection", alice.AccessToken, chart, closed.ID, "BAD_USER_INPUT", "ParentIsPrivate"},
		{"someone else's chart", e.sandbox.Tokens()[2].AccessToken, chart, closed.ID, "FORBIDDEN", ""},
		{"a bad collection ID", alice.AccessToken, chart, "c-1", "BAD_USER_INPUT", ""},
		{"an unknown collection", alice.AccessToken, chart, "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "NOT_FOUND",
			"ParentNotFound"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.in(t).query(collect, map[string]any{"chart": tt.chart, "collection": tt.collection}, tt.token, nil)
			wantError(t, a, tt.code, tt.upstreamCode)
		})
	}

	const remove = `mutation($chart: ID!, $collection: ID!) { removeChartFromCollection(input: { chartId: $chart,
		collectionId: $collection }) { deletedAdmissionId } }`
	wantError(t, e.query(remove, map[string]any{"chart": chart, "collection": reviewed.ID}, alice.AccessToken, nil),
		"BAD_USER_INPUT", "InvalidOperation")
	wantError(t, e.query(remove, map[string]any{"chart": chart, "collection": open.ID},
		e.sandbox.Tokens()[2].AccessToken, nil), "FORBIDDEN", "InsufficientPermission")
	var removed struct {
		RemoveChartFromCollection struct{ DeletedAdmissionID string }
	}
	e.mustQueryAs(remove, map[string]any{"chart": chart, "collection": open.ID}, admin.AccessToken, &removed)
	if id := removed.RemoveChartFromCollection.DeletedAdmissionID; dbID(t, id) != open.ID+":"+chartID {
		t.Errorf("deletedAdmissionId = %q", id)
	}
	wantError(t, e.query(remove, map[string]any{"chart": chart, "collection": open.ID}, alice.AccessToken, nil),
		"CONFLICT", "AlreadyDone")
}

func TestLinkChartAndRecordToEventDivision(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	d := e.sandbox.Data()
	division := d.Divisions[0]
	linked := func(id string) bool {
		for _, r := range d.Areas.Events.Resources {
			if r.DivisionID == division.ID && r.ResourceID == id {
				return true
			}
		}
		return false
	}
	chart := pick(t, "unlinked chart", d.Charts, func(c *sandbox.Chart) bool { return !linked(c.ID) })
	record := pick(t, "unlinked record", d.Records, func(r *sandbox.Record) bool { return !linked(r.ID) })

	const linkChart = `mutation($id: ID!, $division: ID!) { linkChartToEventDivision(input: { chartId: $id,
		divisionId: $division, type: PROMPT, label: "Theme", isAnonymous: true }) {
		resource { type resourceId divisionId label isAnonymous } } }`
	vars := map[string]any{"id": globalid.Encode("Chart", chart.ID), "division": globalid.Encode("EventDivision", division.ID)}
	wantError(t, e.query(linkChart, vars, alice, nil), "FORBIDDEN", "InsufficientPermission")
	type resource struct {
		Type, ResourceID, DivisionID, Label string
		IsAnonymous                         *bool
	}
	var got struct{ LinkChartToEventDivision struct{ Resource resource } }
	e.mustQueryAs(linkChart, vars, admin, &got)
	if r := got.LinkChartToEventDivision.Resource; r.Type != "PROMPT" || r.ResourceID != chart.ID ||
		r.DivisionID != division.ID || r.Label != "Theme" || r.IsAnonymous == nil || !*r.IsAnonymous {
		t.Errorf("after linkChartToEventDivision: %+v", r)
	}
	if body := lastBody(e, http.MethodPost); body != `{"divisionId":"`+division.ID+`","type":0,"label":"Theme","isAnonymous":true}` {
		t.Errorf("the upstream received %s", body)
	}
	wantError(t, e.query(linkChart, vars, admin, nil), "CONFLICT", "AlreadyDone")
	wantError(t, e.query(linkChart, map[string]any{"id": chart.ID, "division": "d-1"}, admin, nil), "BAD_USER_INPUT", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("a bad division ID made %d upstream calls", n)
	}

	const linkRecord = `mutation($id: ID!, $division: ID!) { linkRecordToEventDivision(input: { recordId: $id,
		divisionId: $division, label: "Run" }) { resource { type resourceId divisionId label } } }`
	var rec struct{ LinkRecordToEventDivision struct{ Resource resource } }
	e.mustQueryAs(linkRecord, map[string]any{"id": record.ID, "division": division.ID}, admin, &rec)
	if r := rec.LinkRecordToEventDivision.Resource; r.Type != "ENTRY" || r.ResourceID != record.ID || r.Label != "Run" {
		t.Errorf("after linkRecordToEventDivision: %+v", r)
	}
	if !linked(record.ID) {
		t.Error("the sandbox holds no link of the record")
	}
	wantError(t, e.query(linkRecord, map[string]any{"id": record.ID, "division": division.ID}, "", nil),
		"UNAUTHENTICATED", "")
}
