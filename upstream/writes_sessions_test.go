package upstream_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// Each write of a submission session sends its method, path, query and
// form, under the DTOs' property names.
func TestSubmissionSessionRequests(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const id = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	songSubmission := id // any GUID will do
	base := "/studio/submissions/" + id
	file := func(name, content string) upstream.File {
		return upstream.File{Name: name, Content: strings.NewReader(content)}
	}
	song := upstream.NewSongSubmission{
		Title: "Night", AuthorName: "[PZUser:2:A:PZRT]", Illustrator: "A", Bpm: 170, MinBpm: 170, MaxBpm: 170,
		PreviewStart: upstream.TimeSpan(10 * time.Second), PreviewEnd: upstream.TimeSpan(25 * time.Second),
		Tags: []string{"Jazz"}, License: &upstream.File{Name: "l.pdf", Content: strings.NewReader("L")},
	}
	songForm := "Accessibility=0|AuthorName=[PZUser:2:A:PZRT]|Bpm=170|EditionType=0|Illustrator=A|MaxBpm=170|" +
		"MinBpm=170|Offset=0|PreviewEnd=00:00:25|PreviewStart=00:00:10|Tags=Jazz|Title=Night|License:l.pdf=L"
	asset := func(name string) upstream.NewChartAssetSubmission {
		return upstream.NewChartAssetSubmission{Type: upstream.ChartAssetTypeImage, Name: name, File: file(name, "P")}
	}

	cases := []struct {
		name, path, query, form string
		call                    func() error
	}{
		{"open a session", "/studio/submissions", "", "", func() error {
			got, err := c.CreateSubmissionSession(ctx)
			if err == nil && got != "c0ffee00-0000-4000-8000-000000000001" {
				t.Errorf("CreateSubmissionSession returned %q", got)
			}
			return err
		}},
		{"upload the song", base + "/song", "", "Illustration:i.png=I|Song:s.mp3=S", func() error {
			_, err := c.UploadSubmissionSessionSong(ctx, id, file("s.mp3", "S"), file("i.png", "I"))
			return err
		}},
		{"create the song submission", base + "/song/new", "", songForm, func() error {
			_, err := c.CreateSubmissionSessionSong(ctx, id, song, false)
			return err
		}},
		{"create it once the audio is processed", base + "/song/new", "wait=true", songForm, func() error {
			song.License.Content = strings.NewReader("L")
			_, err := c.CreateSubmissionSessionSong(ctx, id, song, true)
			return err
		}},
		{"upload the chart", base + "/chart", "",
			"Accessibility=0|AuthorName=A|Difficulty=13|IsRanked=false|Level=IN 13|LevelType=2|SongSubmissionId=" + id +
				"|File:c.json={}", func() error {
				return c.UploadSubmissionSessionChart(ctx, id, upstream.NewChartSubmission{
					SongSubmissionID: &songSubmission, LevelType: 2, Level: "IN 13", Difficulty: 13, AuthorName: "A",
					File: &upstream.File{Name: "c.json", Content: strings.NewReader("{}")},
				})
			}},
		{"add an asset", base + "/chart/assets", "", "Name=bg.png|Type=0|File:bg.png=P", func() error {
			return c.CreateSubmissionSessionAsset(ctx, id, asset("bg.png"))
		}},
		{"add assets", base + "/chart/assets/batch", "",
			"dtos[0].Name=a.png|dtos[0].Type=0|dtos[1].Name=b.png|dtos[1].Type=0|dtos[0].File:a.png=P|dtos[1].File:b.png=P",
			func() error {
				return c.CreateSubmissionSessionAssets(ctx, id, []upstream.NewChartAssetSubmission{asset("a.png"), asset("b.png")})
			}},
		{"create the chart submission", base + "/chart/new", "", "", func() error {
			_, err := c.CreateSubmissionSessionChart(ctx, id)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != "POST" || got.path != tc.path || got.rawQuery != tc.query {
				t.Errorf("request %s %s?%s, want POST %s?%s", got.method, got.path, got.rawQuery, tc.path, tc.query)
			}
			if tc.form != "" {
				if form := strings.Join(chartSubmissionFormParts(t, rec), "|"); form != tc.form {
					t.Errorf("form %s\nwant %s", form, tc.form)
				}
			}
		})
	}
}

// A recognition summary reads each match's resource and score.
func TestSubmissionSessionRecognition(t *testing.T) {
	c, _ := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{
		"songMatches":[{"id":"s1","title":"Night","score":0.9}],
		"songSubmissionMatches":[{"id":"u1","title":"Nights","score":0.5}],
		"resourceRecordMatches":[{"id":"r1","title":"Night Drive","score":0.25}]}}`))
	got, err := c.UploadSubmissionSessionSong(context.Background(), "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e",
		upstream.File{Name: "s.mp3", Content: strings.NewReader("S")},
		upstream.File{Name: "i.png", Content: strings.NewReader("I")})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.SongMatches) != 1 || got.SongMatches[0].Song.Title != "Night" || got.SongMatches[0].Score != 0.9 ||
		got.SongSubmissionMatches[0].SongSubmission.Title != "Nights" || got.SongSubmissionMatches[0].Score != 0.5 ||
		got.ResourceRecordMatches[0].ResourceRecord.Title != "Night Drive" ||
		got.ResourceRecordMatches[0].Score != 0.25 {
		t.Errorf("recognition = %+v", got)
	}
}
