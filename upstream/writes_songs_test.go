package upstream_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// Each write of songs and chapters sends its method, path and body.
func TestSongWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const a, b = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	label, anonymous := "#3", true

	cases := []struct {
		name, method, path, body string
		call                     func() error
	}{
		{"update a song", "PATCH", "/songs/" + a, `[{"op":"replace","path":"/previewEnd","value":"00:00:30"}]`,
			func() error {
				return c.UpdateSong(ctx, a, []upstream.PatchOp{
					{Op: "replace", Path: "/previewEnd", Value: upstream.TimeSpan(30 * time.Second)},
				})
			}},
		{"remove a song", "DELETE", "/songs/" + a, "", func() error { return c.DeleteSong(ctx, a) }},
		{"remove a licence", "DELETE", "/songs/" + a + "/license", "", func() error { return c.RemoveSongLicense(ctx, a) }},
		{"add to a chapter", "POST", "/songs/" + a + "/chapters", `{"admitterId":"` + b + `","label":"#3"}`,
			func() error {
				return c.AddSongToChapter(ctx, a, upstream.AdmissionRequest{AdmitterID: b, Label: &label})
			}},
		{"remove from a chapter", "DELETE", "/songs/" + a + "/chapters/" + b, "", func() error {
			return c.RemoveSongFromChapter(ctx, a, b)
		}},
		{"link to a division", "POST", "/songs/" + a + "/event",
			`{"divisionId":"` + b + `","type":1,"isAnonymous":true}`, func() error {
				return c.LinkSongToEventDivision(ctx, a, upstream.NewEventLink{
					DivisionID: b, Type: upstream.EventResourceTypeEntry, IsAnonymous: &anonymous,
				})
			}},
		{"update a chapter", "PATCH", "/chapters/" + a, `[{"op":"remove","path":"/description"}]`, func() error {
			return c.UpdateChapter(ctx, a, []upstream.PatchOp{{Op: "remove", Path: "/description"}})
		}},
		{"remove a chapter", "DELETE", "/chapters/" + a, "", func() error { return c.DeleteChapter(ctx, a) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != tc.method || got.path != tc.path || got.body != tc.body {
				t.Errorf("request %s %s %s, want %s %s %s", got.method, got.path, got.body, tc.method, tc.path, tc.body)
			}
		})
	}
}

// songFormParts reads the multipart body of the last request: text fields by
// name (repeated ones joined by "|"), and files as "filename: content".
func songFormParts(t *testing.T, rec *seen) map[string]string {
	t.Helper()
	got := rec.last()
	_, params, err := mime.ParseMediaType(got.header.Get("Content-Type"))
	if err != nil {
		t.Fatalf("content type %q: %v", got.header.Get("Content-Type"), err)
	}
	parts := map[string]string{}
	r := multipart.NewReader(strings.NewReader(got.body), params["boundary"])
	for {
		p, err := r.NextPart()
		if err != nil {
			break
		}
		body, _ := io.ReadAll(p)
		v := string(body)
		if p.FileName() != "" {
			v = p.FileName() + ": " + v
		}
		if old, ok := parts[p.FormName()]; ok {
			v = old + "|" + v
		}
		parts[p.FormName()] = v
	}
	return parts
}

// A new song and a new chapter go up as the multipart forms of their
// [FromForm] DTOs, under the DTOs' property names.
func TestSongAndChapterForms(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	edition := "Extended"

	id, err := c.CreateSong(ctx, upstream.NewSong{
		Title: "Rrhar'il", EditionType: upstream.EditionType(1), Edition: &edition, AuthorName: "Team Grimoire",
		Illustrator: "Lyrica", Accessibility: upstream.Accessibility(2), IsOriginal: true,
		Bpm: 190.5, MinBpm: 95, MaxBpm: 190.5, Offset: -20,
		PreviewStart: upstream.TimeSpan(1500 * time.Millisecond), PreviewEnd: upstream.TimeSpan(time.Minute),
		Tags:         []string{"Hardcore", "Boss"},
		File:         upstream.File{Name: "song.ogg", Content: strings.NewReader("OggS")},
		Illustration: upstream.File{Name: "cover.png", Content: strings.NewReader("PNG")},
	}, false)
	if err != nil || id != "c0ffee00-0000-4000-8000-000000000001" {
		t.Fatalf("CreateSong = %q, %v", id, err)
	}
	if got := rec.last(); got.method != "POST" || got.path != "/songs" || got.rawQuery != "" {
		t.Errorf("request %s %s?%s", got.method, got.path, got.rawQuery)
	}
	want := map[string]string{
		"Title": "Rrhar'il", "EditionType": "1", "Edition": "Extended", "AuthorName": "Team Grimoire",
		"Illustrator": "Lyrica", "Accessibility": "2", "IsHidden": "false", "IsLocked": "false",
		"IsOriginal": "true", "Bpm": "190.5", "MinBpm": "95", "MaxBpm": "190.5", "Offset": "-20",
		"PreviewStart": "00:00:01.5000000", "PreviewEnd": "00:01:00", "Tags": "Hardcore|Boss",
		"File": "song.ogg: OggS", "Illustration": "cover.png: PNG",
	}
	songAssertParts(t, songFormParts(t, rec), want)

	if _, err := c.CreateChapter(ctx, upstream.NewChapter{
		Title: "Chapter 8", Subtitle: "Rrharil", Illustrator: "Lyrica", IsHidden: true,
		Illustration: upstream.File{Name: "ch8.png", Content: strings.NewReader("PNG8")},
	}); err != nil {
		t.Fatalf("CreateChapter: %v", err)
	}
	songAssertParts(t, songFormParts(t, rec), map[string]string{
		"Title": "Chapter 8", "Subtitle": "Rrharil", "Illustrator": "Lyrica", "Accessibility": "0",
		"IsHidden": "true", "IsLocked": "false", "Illustration": "ch8.png: PNG8",
	})

	if err := c.UpdateChapterIllustration(ctx, "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e",
		upstream.File{Name: "new.png", Content: strings.NewReader("PNG9")}); err != nil {
		t.Fatalf("UpdateChapterIllustration: %v", err)
	}
	songAssertParts(t, songFormParts(t, rec), map[string]string{"File": "new.png: PNG9"})

	// Waiting for the audio is the query wait=true, on both routes that
	// take it.
	audio := func() upstream.File { return upstream.File{Name: "a.ogg", Content: strings.NewReader("OggS")} }
	if _, err := c.CreateSong(ctx, upstream.NewSong{File: audio(), Illustration: audio()}, true); err != nil {
		t.Fatalf("CreateSong: %v", err)
	}
	if got := rec.last(); got.path != "/songs" || got.rawQuery != "wait=true" {
		t.Errorf("request %s?%s, want /songs?wait=true", got.path, got.rawQuery)
	}
	for _, wait := range []bool{true, false} {
		if err := c.UpdateSongFile(ctx, "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", audio(), wait); err != nil {
			t.Fatalf("UpdateSongFile: %v", err)
		}
		want := map[bool]string{true: "wait=true", false: ""}[wait]
		if got := rec.last(); got.method != "PATCH" || got.rawQuery != want {
			t.Errorf("request %s ?%s, want PATCH ?%s", got.method, got.rawQuery, want)
		}
		songAssertParts(t, songFormParts(t, rec), map[string]string{"File": "a.ogg: OggS"})
	}
}

// songAssertParts compares the parts of a form with want, field by field.
func songAssertParts(t *testing.T, got, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("form field %s = %q, want %q", k, got[k], v)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("form has an unexpected field %s = %q", k, got[k])
		}
	}
}
