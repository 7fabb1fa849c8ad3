package upstream_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// Each write of events, divisions and tasks sends its method, path and
// body.
func TestEventWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001",`+
		`"code":"BDF123"}}`))
	ctx := context.Background()
	const a = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	position := "Judge"
	at := time.Date(2026, 12, 24, 12, 0, 0, 0, time.UTC)

	cases := []struct {
		name, method, path, body string
		call                     func() error
	}{
		{"update an event", "PATCH", "/events/" + a, `[{"op":"replace","path":"/title","value":"Winter"}]`,
			func() error {
				return c.UpdateEvent(ctx, a, []upstream.PatchOp{{Op: "replace", Path: "/title", Value: "Winter"}})
			}},
		{"remove an event", "DELETE", "/events/" + a, "", func() error { return c.DeleteEvent(ctx, a) }},
		{"invite a host", "POST", "/events/" + a + "/invite",
			`{"isAdmin":false,"isUnveiled":true,"permissions":[],"position":"Judge"}`, func() error {
				code, err := c.CreateEventHostInvite(ctx, a, upstream.NewEventHostInvite{IsUnveiled: true, Position: &position})
				if err == nil && code != "BDF123" {
					t.Errorf("CreateEventHostInvite returned %q", code)
				}
				return err
			}},
		{"update a division", "PATCH", "/events/divisions/" + a, `[{"op":"remove","path":"/tagId"}]`, func() error {
			return c.UpdateEventDivision(ctx, a, []upstream.PatchOp{{Op: "remove", Path: "/tagId"}})
		}},
		{"remove a division's illustration", "DELETE", "/events/divisions/" + a + "/illustration", "", func() error {
			return c.RemoveEventDivisionIllustration(ctx, a)
		}},
		{"remove a division", "DELETE", "/events/divisions/" + a, "", func() error { return c.DeleteEventDivision(ctx, a) }},
		{"create a task", "POST", "/events/tasks",
			`{"name":"Close","type":0,"code":null,"isHidden":true,"description":"Closes.","divisionId":"` + a +
				`","dateExecuted":"2026-12-24T12:00:00Z"}`, func() error {
				id, err := c.CreateEventTask(ctx, upstream.NewEventTask{
					Name: "Close", IsHidden: true, Description: "Closes.", DivisionID: a, DateExecuted: &at,
				})
				if err == nil && id != "c0ffee00-0000-4000-8000-000000000001" {
					t.Errorf("CreateEventTask returned %q", id)
				}
				return err
			}},
		{"update a task", "PATCH", "/events/tasks/" + a, `[{"op":"replace","path":"/isHidden","value":false}]`,
			func() error {
				return c.UpdateEventTask(ctx, a, []upstream.PatchOp{{Op: "replace", Path: "/isHidden", Value: false}})
			}},
		{"remove a task", "DELETE", "/events/tasks/" + a, "", func() error { return c.DeleteEventTask(ctx, a) }},
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

// Events and divisions are created from multipart forms under the DTOs'
// property names; a division's reserved fields repeat, empty for none.
func TestEventWriteForms(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const a = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	at := time.Date(2026, 12, 24, 12, 0, 0, 0, time.UTC)
	sub, note, four := "Second round", "bring snacks", 4

	cases := []struct {
		name, method, path string
		fields             url.Values
		files              map[string]string
		call               func() error
	}{
		{"create an event", "POST", "/events", url.Values{
			"Title": {"Winter"}, "Illustrator": {"Mika"}, "Accessibility": {"2"}, "IsHidden": {"false"},
			"IsLocked": {"true"}, "OwnerId": {"7"}, "DateUnveiled": {"2026-12-24T12:00:00Z"}, "Subtitle": {sub},
		}, map[string]string{"Illustration": "cover.png:\x89PNG"}, func() error {
			_, err := c.CreateEvent(ctx, upstream.NewEvent{
				Title: "Winter", Subtitle: &sub,
				Illustration: upstream.File{Name: "cover.png", Content: strings.NewReader("\x89PNG")},
				Illustrator:  "Mika", Accessibility: 2, IsLocked: true, OwnerID: 7, DateUnveiled: at,
			})
			return err
		}},
		{"create a division", "POST", "/events/divisions", url.Values{
			"EventId": {a}, "Title": {"Round 2"}, "Type": {"1"}, "Status": {"2"}, "Anonymization": {"true"},
			"Accessibility": {"0"}, "IsHidden": {"false"}, "IsLocked": {"false"}, "OwnerId": {"7"},
			"DateUnveiled": {"2026-12-24T12:00:00Z"}, "DateStarted": {"2026-12-24T12:00:00Z"},
			"DateEnded": {"2026-12-24T12:00:00Z"}, "MaxTeamCount": {"4"}, "Reserved": {"bring snacks", ""},
		}, nil, func() error {
			_, err := c.CreateEventDivision(ctx, upstream.NewEventDivision{
				EventID: a, Title: "Round 2", Type: 1, Status: 2, Anonymization: true, MaxTeamCount: &four,
				Reserved: []*string{&note, nil}, OwnerID: 7, DateUnveiled: at, DateStarted: at, DateEnded: at,
			})
			return err
		}},
		{"replace an event's illustration", "PATCH", "/events/" + a + "/illustration", url.Values{},
			map[string]string{"File": "cover.png:\x89PNG"}, func() error {
				return c.UpdateEventIllustration(ctx, a, "cover.png", strings.NewReader("\x89PNG"))
			}},
		{"replace a division's illustration", "PATCH", "/events/divisions/" + a + "/illustration", url.Values{},
			map[string]string{"File": "cover.png:\x89PNG"}, func() error {
				return c.UpdateEventDivisionIllustration(ctx, a, "cover.png", strings.NewReader("\x89PNG"))
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != tc.method || got.path != tc.path {
				t.Fatalf("request %s %s, want %s %s", got.method, got.path, tc.method, tc.path)
			}
			fields, files := readEventForm(t, got.header.Get("Content-Type"), got.body)
			if want := tc.fields.Encode(); fields.Encode() != want {
				t.Errorf("fields\n%s\nwant\n%s", fields.Encode(), want)
			}
			if len(files) != len(tc.files) {
				t.Errorf("files %q, want %q", files, tc.files)
			}
			for name, want := range tc.files {
				if files[name] != want {
					t.Errorf("file %s = %q, want %q", name, files[name], want)
				}
			}
		})
	}
}

// readEventForm splits a multipart body into its text fields and its
// files ("name:content" by field).
func readEventForm(t *testing.T, contentType, body string) (url.Values, map[string]string) {
	t.Helper()
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatalf("content type %q: %v", contentType, err)
	}
	fields, files := url.Values{}, map[string]string{}
	mr := multipart.NewReader(strings.NewReader(body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		content, _ := io.ReadAll(p)
		if p.FileName() != "" {
			files[p.FormName()] = p.FileName() + ":" + string(content)
			continue
		}
		fields.Add(p.FormName(), string(content))
	}
	return fields, files
}
