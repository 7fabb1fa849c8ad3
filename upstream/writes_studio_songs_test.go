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

// Each song submission write sends its method, path, query and body.
func TestSongSubmissionWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const a, b = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	message, position := "Thanks!", "Mixing"

	cases := []struct {
		name, method, path, query, body string
		call                            func() error
	}{
		{"update", "PATCH", "/studio/songs/" + a, "", `[{"op":"replace","path":"/previewEnd","value":"00:00:30"}]`,
			func() error {
				return c.UpdateSongSubmission(ctx, a, []upstream.PatchOp{
					{Op: "replace", Path: "/previewEnd", Value: upstream.TimeSpan(30 * time.Second)},
				})
			}},
		{"remove the licence", "DELETE", "/studio/songs/" + a + "/license", "", "", func() error {
			return c.RemoveSongSubmissionFile(ctx, upstream.SongSubmissionLicense, a)
		}},
		{"remove the proof", "DELETE", "/studio/songs/" + a + "/originalityProof", "", "", func() error {
			return c.RemoveSongSubmissionFile(ctx, upstream.SongSubmissionOriginalityProof, a)
		}},
		{"delete", "DELETE", "/studio/songs/" + a, "", "", func() error { return c.DeleteSongSubmission(ctx, a) }},
		{"review", "POST", "/studio/songs/" + a + "/review", "",
			`{"status":1,"isOriginal":true,"isHidden":false,"isLocked":true,"message":"Thanks!"}`, func() error {
				return c.ReviewSongSubmission(ctx, a, upstream.SongSubmissionReview{
					Status: upstream.RequestStatusApproved, IsOriginal: true, IsLocked: true, Message: &message,
				})
			}},
		{"invite", "POST", "/studio/songs/" + a + "/collaborations", "", `{"inviteeId":9,"position":"Mixing"}`,
			func() error {
				id, err := c.CreateSongSubmissionCollaboration(ctx, a,
					upstream.NewSongSubmissionCollaboration{InviteeID: 9, Position: &position})
				if err == nil && id != "c0ffee00-0000-4000-8000-000000000001" {
					t.Errorf("CreateSongSubmissionCollaboration returned %q", id)
				}
				return err
			}},
		{"use a service", "POST", "/studio/songs/" + a + "/useService/" + b, "", `{"parameters":{}}`, func() error {
			_, err := c.UseSongSubmissionService(ctx, a, b, nil)
			return err
		}},
		{"check an event", "POST", "/studio/songs/checkEvent", "userId=7", `{"strings":["Jazz"]}`, func() error {
			_, err := c.CheckSongSubmissionEvent(ctx, []string{"Jazz"}, 7)
			return err
		}},
		{"check an event for the caller", "POST", "/studio/songs/checkEvent", "", `{"strings":[]}`, func() error {
			_, err := c.CheckSongSubmissionEvent(ctx, nil, 0)
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

// A new song submission goes up as the form SongSubmissionCreationDto
// binds: its fields under their property names, absent ones left out,
// tags repeated, and its files; a file of a file route goes up as "File".
func TestSongSubmissionForms(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const a = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	edition := "Extended Mix"

	id, err := c.CreateSongSubmission(ctx, upstream.NewSongSubmission{
		Title: "Glass Lanterns", EditionType: upstream.EditionType(1), Edition: &edition, AuthorName: "Mio",
		File: upstream.File{Name: "a.ogg", Content: strings.NewReader("OggS")}, Illustrator: "Ren",
		Illustration:  upstream.File{Name: "c.png", Content: strings.NewReader("PNG")},
		Accessibility: upstream.Accessibility(2), Bpm: 174.5, MinBpm: 87, MaxBpm: 174.5, Offset: -12,
		OriginalityProof: &upstream.File{Name: "p.zip", Content: strings.NewReader("PK")},
		PreviewStart:     upstream.TimeSpan(10500 * time.Millisecond), PreviewEnd: upstream.TimeSpan(30 * time.Second),
		Tags: []string{"Jazz", "Piano"},
	})
	if err != nil || id != "c0ffee00-0000-4000-8000-000000000001" {
		t.Fatalf("CreateSongSubmission = %q, %v", id, err)
	}
	got := rec.last()
	if got.method != "POST" || got.path != "/studio/songs" {
		t.Errorf("request %s %s", got.method, got.path)
	}
	want := "Accessibility=2 AuthorName=Mio Bpm=174.5 Edition=Extended Mix EditionType=1 Illustrator=Ren " +
		"MaxBpm=174.5 MinBpm=87 Offset=-12 PreviewEnd=00:00:30 PreviewStart=00:00:10.5000000 Tags=Jazz Tags=Piano " +
		"Title=Glass Lanterns File(a.ogg)=OggS Illustration(c.png)=PNG OriginalityProof(p.zip)=PK"
	if parts := songSubmissionFormParts(t, got.header.Get("Content-Type"), got.body); parts != want {
		t.Errorf("form\n%s\nwant\n%s", parts, want)
	}

	routes := map[upstream.SongSubmissionFile]string{
		upstream.SongSubmissionAudio: "file", upstream.SongSubmissionIllustration: "illustration",
		upstream.SongSubmissionLicense: "license", upstream.SongSubmissionOriginalityProof: "originalityProof",
	}
	for route, tail := range routes {
		if err := c.UpdateSongSubmissionFile(ctx, route, a, "x.bin", strings.NewReader("bytes")); err != nil {
			t.Fatalf("%s: %v", tail, err)
		}
		got := rec.last()
		if got.method != "PATCH" || got.path != "/studio/songs/"+a+"/"+tail {
			t.Errorf("request %s %s, want PATCH .../%s", got.method, got.path, tail)
		}
		if parts := songSubmissionFormParts(t, got.header.Get("Content-Type"), got.body); parts != "File(x.bin)=bytes" {
			t.Errorf("%s form %s", tail, parts)
		}
	}
}

// songSubmissionFormParts writes a multipart body as "name=value" and
// "name(filename)=content" in the order sent.
func songSubmissionFormParts(t *testing.T, contentType, body string) string {
	t.Helper()
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatalf("content type %q: %v", contentType, err)
	}
	r := multipart.NewReader(strings.NewReader(body), params["boundary"])
	var out []string
	for {
		p, err := r.NextPart()
		if err != nil {
			break
		}
		v, _ := io.ReadAll(p)
		name := p.FormName()
		if p.FileName() != "" {
			name += "(" + p.FileName() + ")"
		}
		out = append(out, name+"="+string(v))
	}
	return strings.Join(out, " ")
}
