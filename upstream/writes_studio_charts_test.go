package upstream_test

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

// Each JSON write of chart submissions sends its method, path, query and
// body.
func TestChartSubmissionWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const a, b = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	position := "Artist"

	cases := []struct {
		name, method, path, query, body string
		call                            func() error
	}{
		{"update a submission", "PATCH", "/studio/charts/" + a, "", `[{"op":"replace","path":"/tags","value":["Jazz"]}]`,
			func() error {
				return c.UpdateChartSubmission(ctx, a, []upstream.PatchOp{{Op: "replace", Path: "/tags", Value: []string{"Jazz"}}})
			}},
		{"remove an illustration", "DELETE", "/studio/charts/" + a + "/illustration", "", "", func() error {
			return c.RemoveChartSubmissionIllustration(ctx, a)
		}},
		{"remove a submission", "DELETE", "/studio/charts/" + a, "", "", func() error {
			return c.DeleteChartSubmission(ctx, a)
		}},
		{"rename an asset", "PATCH", "/studio/charts/" + a + "/assets/" + b, "",
			`[{"op":"replace","path":"/name","value":"bg.png"}]`, func() error {
				return c.UpdateChartSubmissionAsset(ctx, a, b, []upstream.PatchOp{{Op: "replace", Path: "/name", Value: "bg.png"}})
			}},
		{"remove an asset", "DELETE", "/studio/charts/" + a + "/assets/" + b, "", "", func() error {
			return c.DeleteChartSubmissionAsset(ctx, a, b)
		}},
		{"invite a collaborator", "POST", "/studio/charts/" + a + "/collaborations", "",
			`{"inviteeId":9,"position":"Artist"}`, func() error {
				id, err := c.CreateChartSubmissionCollaboration(ctx, a,
					upstream.NewChartSubmissionCollaboration{InviteeID: 9, Position: &position})
				if err == nil && id != "c0ffee00-0000-4000-8000-000000000001" {
					t.Errorf("CreateChartSubmissionCollaboration returned %q", id)
				}
				return err
			}},
		{"use a service without parameters", "POST", "/studio/charts/" + a + "/useService/" + b, "",
			`{"parameters":{}}`, func() error {
				_, err := c.UseChartSubmissionService(ctx, a, b, nil)
				return err
			}},
		{"check for an event", "POST", "/studio/charts/checkEvent", "userId=7", `{"strings":["Jazz"]}`, func() error {
			_, err := c.CheckChartSubmissionEvent(ctx, []string{"Jazz"}, 7)
			return err
		}},
		{"check for an event as the caller", "POST", "/studio/charts/checkEvent", "", `{"strings":[]}`, func() error {
			_, err := c.CheckChartSubmissionEvent(ctx, nil, 0)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != tc.method || got.path != tc.path || got.rawQuery != tc.query || got.body != tc.body {
				t.Errorf("request %s %s?%s %s, want %s %s?%s %s", got.method, got.path, got.rawQuery, got.body,
					tc.method, tc.path, tc.query, tc.body)
			}
		})
	}
}

// chartSubmissionFormParts reads the last request's multipart form as "name=value" for
// fields and "name:filename=content" for files, in order.
func chartSubmissionFormParts(t *testing.T, rec *seen) []string {
	t.Helper()
	got := rec.last()
	_, params, err := mime.ParseMediaType(got.header.Get("Content-Type"))
	if err != nil {
		t.Fatalf("content type: %v", err)
	}
	var parts []string
	r := multipart.NewReader(strings.NewReader(got.body), params["boundary"])
	for {
		p, err := r.NextPart()
		if err != nil {
			break
		}
		body, _ := io.ReadAll(p)
		if p.FileName() != "" {
			parts = append(parts, p.FormName()+":"+p.FileName()+"="+string(body))
		} else {
			parts = append(parts, p.FormName()+"="+string(body))
		}
	}
	return parts
}

// A new submission and a batch of assets go up as forms under the DTOs'
// property names.
func TestChartSubmissionForms(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	song, title := "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "Night"

	id, err := c.CreateChartSubmission(ctx, upstream.NewChartSubmission{
		SongID: &song, Title: &title, LevelType: 2, Level: "IN 14", Difficulty: 14.3, AuthorName: "[PZUser:2:A:PZRT]",
		Accessibility: 1, IsRanked: true, Tags: []string{"Jazz", "Piano"},
		File: &upstream.File{Name: "c.json", Content: strings.NewReader("{}")},
	})
	if err != nil || id != "c0ffee00-0000-4000-8000-000000000001" {
		t.Fatalf("CreateChartSubmission = %q, %v", id, err)
	}
	want := "Accessibility=1|AuthorName=[PZUser:2:A:PZRT]|Difficulty=14.3|IsRanked=true|Level=IN 14|LevelType=2|" +
		"SongId=" + song + "|Tags=Jazz|Tags=Piano|Title=Night|File:c.json={}"
	if got := strings.Join(chartSubmissionFormParts(t, rec), "|"); got != want || rec.last().path != "/studio/charts" {
		t.Errorf("form %s to %s\nwant %s", got, rec.last().path, want)
	}

	c, rec = newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":["a","b"]}}`))
	ids, err := c.CreateChartSubmissionAssets(ctx, song, []upstream.NewChartAssetSubmission{
		{Type: upstream.ChartAssetTypeImage, Name: "bg.png", File: upstream.File{Name: "bg.png", Content: strings.NewReader("P")}},
		{Type: upstream.ChartAssetTypeAudio, Name: "hit.ogg", File: upstream.File{Name: "h.ogg", Content: strings.NewReader("O")}},
	})
	if err != nil || strings.Join(ids, ",") != "a,b" {
		t.Fatalf("CreateChartSubmissionAssets = %v, %v", ids, err)
	}
	want = "dtos[0].Name=bg.png|dtos[0].Type=0|dtos[1].Name=hit.ogg|dtos[1].Type=1|" +
		"dtos[0].File:bg.png=P|dtos[1].File:h.ogg=O"
	if got := strings.Join(chartSubmissionFormParts(t, rec), "|"); got != want || rec.last().path != "/studio/charts/"+song+"/assets/batch" {
		t.Errorf("form %s to %s\nwant %s", got, rec.last().path, want)
	}
}

// A batch of chart submission assets must answer one usable ID per asset:
// anything else is the upstream's error, after the write.
func TestCreateChartSubmissionAssetsNeedsAnIDEach(t *testing.T) {
	assets := []upstream.NewChartAssetSubmission{
		{Name: "hit", File: upstream.File{Name: "hit.wav", Content: strings.NewReader("RIFF")}},
		{Name: "bg", File: upstream.File{Name: "bg.png", Content: strings.NewReader("PNG")}},
	}
	for _, tc := range []struct {
		name, data string
		ok         bool
	}{
		{"one each", `{"id":["a1","b2"]}`, true},
		{"too few", `{"id":["a1"]}`, false},
		{"none", `null`, false},
		{"unusable", `{"id":["a1",".."]}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":`+tc.data+`}`))
			ids, err := c.CreateChartSubmissionAssets(context.Background(), "c0ffee00-0000-4000-8000-000000000001", assets)
			var upErr *upstream.Error
			switch {
			case tc.ok && (err != nil || len(ids) != 2):
				t.Errorf("= %v, %v", ids, err)
			case !tc.ok && (!errors.As(err, &upErr) || !strings.Contains(err.Error(), "the write happened")):
				t.Errorf("= %v, %v; want the upstream's error", ids, err)
			}
		})
	}
}
