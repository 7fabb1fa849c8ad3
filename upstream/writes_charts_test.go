package upstream_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

// Each write of charts, collections and records sends its method, path
// and body: JSON, nothing, or a multipart form with the DTO's field names.
func TestChartWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const a, b = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	label, yes := "#1", true
	file := func() upstream.File { return upstream.File{Name: "x.bin", Content: strings.NewReader("bytes")} }

	cases := []struct {
		name, method, path, body string
		form                     map[string]string // multipart fields and files (by file name), when a form
		call                     func() error
	}{
		{"create a chart", "POST", "/charts", "", map[string]string{
			"SongId": a, "LevelType": "2", "Level": "IN", "Difficulty": "15.8", "AuthorName": "Tester",
			"Accessibility": "1", "IsHidden": "false", "IsLocked": "false", "IsRanked": "true", "Title": "Storm",
			"Tags": "Jazz", "File": "chart.json",
		}, func() error {
			title := "Storm"
			f := upstream.File{Name: "chart.json", Content: strings.NewReader("{}")}
			id, err := c.CreateChart(ctx, upstream.NewChart{
				SongID: a, Title: &title, LevelType: upstream.ChartLevelIN, Level: "IN", Difficulty: 15.8,
				AuthorName: "Tester", Accessibility: upstream.AccessibilityRequireReview, IsRanked: true,
				Tags: []string{"Jazz"}, File: &f,
			})
			if err == nil && id != "c0ffee00-0000-4000-8000-000000000001" {
				t.Errorf("CreateChart returned %q", id)
			}
			return err
		}},
		{"remove a chart", "DELETE", "/charts/" + a, "", nil, func() error { return c.DeleteChart(ctx, a) }},
		{"replace a chart's file", "PATCH", "/charts/" + a + "/file", "", map[string]string{"File": "x.bin"},
			func() error { return c.UpdateChartFile(ctx, a, file()) }},
		{"remove a chart's file", "DELETE", "/charts/" + a + "/file", "", nil, func() error { return c.RemoveChartFile(ctx, a) }},
		{"remove a chart's illustration", "DELETE", "/charts/" + a + "/illustration", "", nil,
			func() error { return c.RemoveChartIllustration(ctx, a) }},
		{"add an asset", "POST", "/charts/" + a + "/assets", "", map[string]string{"Type": "3", "Name": "fx", "File": "x.bin"},
			func() error {
				_, err := c.CreateChartAsset(ctx, a, upstream.NewChartAsset{Type: 3, Name: "fx", File: file()})
				return err
			}},
		{"change an asset", "PATCH", "/charts/" + a + "/assets/" + b, `[{"op":"replace","path":"/name","value":"fx"}]`, nil,
			func() error {
				return c.UpdateChartAsset(ctx, a, b, []upstream.PatchOp{{Op: "replace", Path: "/name", Value: "fx"}})
			}},
		{"replace an asset's file", "PATCH", "/charts/" + a + "/assets/" + b + "/file", "", map[string]string{"File": "x.bin"},
			func() error { return c.UpdateChartAssetFile(ctx, a, b, file()) }},
		{"remove an asset", "DELETE", "/charts/" + a + "/assets/" + b, "", nil,
			func() error { return c.DeleteChartAsset(ctx, a, b) }},
		{"collect a chart", "POST", "/charts/" + a + "/collections", `{"admitterId":"` + b + `","label":"#1"}`, nil,
			func() error { return c.CollectChart(ctx, a, upstream.AdmissionRequest{AdmitterID: b, Label: &label}) }},
		{"take a chart out", "DELETE", "/charts/" + a + "/collections/" + b, "", nil,
			func() error { return c.RemoveChartFromCollection(ctx, a, b) }},
		{"link a chart", "POST", "/charts/" + a + "/event", `{"divisionId":"` + b + `","type":1,"isAnonymous":true}`, nil,
			func() error {
				return c.LinkChartToEventDivision(ctx, a, upstream.NewEventLink{
					DivisionID: b, Type: upstream.EventResourceTypeEntry, IsAnonymous: &yes,
				})
			}},
		{"create a collection", "POST", "/collections", "", map[string]string{
			"Title": "Picks", "Subtitle": "1", "Illustrator": "N", "Accessibility": "0", "IsHidden": "true",
			"IsLocked": "false", "Illustration": "x.bin",
		}, func() error {
			_, err := c.CreateCollection(ctx, upstream.NewCollection{
				Title: "Picks", Subtitle: "1", Illustrator: "N", IsHidden: true, Illustration: file(),
			})
			return err
		}},
		{"change a collection", "PATCH", "/collections/" + a, `[{"op":"remove","path":"/description"}]`, nil,
			func() error {
				return c.UpdateCollection(ctx, a, []upstream.PatchOp{{Op: "remove", Path: "/description"}})
			}},
		{"replace a collection's illustration", "PATCH", "/collections/" + a + "/illustration", "",
			map[string]string{"File": "x.bin"}, func() error { return c.UpdateCollectionIllustration(ctx, a, file()) }},
		{"remove a collection", "DELETE", "/collections/" + a, "", nil, func() error { return c.DeleteCollection(ctx, a) }},
		{"remove a record", "DELETE", "/records/" + a, "", nil, func() error { return c.DeleteRecord(ctx, a) }},
		{"link a record", "POST", "/records/" + a + "/event", `{"divisionId":"` + b + `","type":1,"label":"#1"}`, nil,
			func() error {
				return c.LinkRecordToEventDivision(ctx, a, upstream.NewEventLink{DivisionID: b, Label: &label})
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != tc.method || got.path != tc.path {
				t.Errorf("request %s %s, want %s %s", got.method, got.path, tc.method, tc.path)
			}
			if tc.form == nil {
				if got.body != tc.body {
					t.Errorf("body %s, want %s", got.body, tc.body)
				}
				return
			}
			if parts := formParts(t, got.header.Get("Content-Type"), got.body); !equalMaps(parts, tc.form) {
				t.Errorf("form %v, want %v", parts, tc.form)
			}
		})
	}
}

// formParts reads a multipart body: fields by name with their value,
// files by name with their file name.
func formParts(t *testing.T, contentType, body string) map[string]string {
	t.Helper()
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatalf("content type %q: %v", contentType, err)
	}
	parts := map[string]string{}
	r := multipart.NewReader(strings.NewReader(body), params["boundary"])
	for {
		p, err := r.NextPart()
		if err != nil {
			break
		}
		v, _ := io.ReadAll(p)
		if p.FileName() != "" {
			v = []byte(p.FileName())
		}
		parts[p.FormName()] = string(v)
	}
	return parts
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A record's answer carries what the play earned.
func TestCreateRecordDecodesTheAnswer(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001",
		"score":1000000,"accuracy":1,"isFullCombo":true,"player":{"id":7,"userName":"alice"},"experienceDelta":20,
		"rksBefore":12.5,"dateCreated":"2025-06-01T12:00:00+08:00"}}`))
	got, err := c.CreateRecord(context.Background(), upstream.NewRecord{Token: "t", MaxCombo: 3, Perfect: 3, Hmac: "h", Checksum: "c"})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "c0ffee00-0000-4000-8000-000000000001" || got.Score != 1000000 || got.Player == nil || got.Player.ID != 7 ||
		got.ExperienceDelta != 20 || got.RksBefore != 12.5 {
		t.Errorf("CreateRecord returned %+v", got)
	}
	want := `{"token":"t","maxCombo":3,"perfect":3,"goodEarly":0,"goodLate":0,"bad":0,"miss":0,"stdDeviation":0,` +
		`"hmac":"h","checksum":"c"}`
	if l := rec.last(); l.method != "POST" || l.path != "/records" || l.body != want {
		t.Errorf("request %s %s %s, want POST /records %s", l.method, l.path, l.body, want)
	}

	tap, err := c.CreateTapTapRecord(context.Background(), upstream.NewRecord{Token: "t"})
	if err != nil || tap.Score != 1000000 || tap.ExperienceDelta != 20 || rec.last().path != "/records/tapTap" {
		t.Errorf("CreateTapTapRecord returned %+v, %v; path %s", tap, err, rec.last().path)
	}
}
