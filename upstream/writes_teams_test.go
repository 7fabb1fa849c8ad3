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

// Each write of teams, members, invitations, reserved fields and event
// resources sends its method, path, query and body.
func TestTeamWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"code":"BD3F7Z"}}`))
	ctx := context.Background()
	const a, b = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	note, position := "Checked", "Vocal"

	cases := []struct {
		name, method, path, query, body string
		call                            func() error
	}{
		{"update a team", "PATCH", "/events/teams/" + a, "", `[{"op":"replace","path":"/name","value":"Blue"}]`,
			func() error {
				return c.UpdateEventTeam(ctx, a, []upstream.PatchOp{{Op: "replace", Path: "/name", Value: "Blue"}})
			}},
		{"remove an icon", "DELETE", "/events/teams/" + a + "/icon", "", "", func() error {
			return c.RemoveEventTeamIcon(ctx, a)
		}},
		{"disband a team", "DELETE", "/events/teams/" + a, "", "", func() error { return c.DeleteEventTeam(ctx, a) }},
		{"invite", "POST", "/events/teams/" + a + "/invite", "", "", func() error {
			code, err := c.CreateEventTeamInvite(ctx, a)
			if err == nil && code != "BD3F7Z" {
				t.Errorf("CreateEventTeamInvite returned %q", code)
			}
			return err
		}},
		{"accept an invitation", "POST", "/events/teams/invites/BD3F7Z/accept", "position=Vocal", "", func() error {
			return c.AcceptEventTeamInvite(ctx, "BD3F7Z", &position)
		}},
		{"accept without a position", "POST", "/events/teams/invites/BD3F7Z/accept", "", "", func() error {
			return c.AcceptEventTeamInvite(ctx, "BD3F7Z", nil)
		}},
		{"update a member", "PATCH", "/events/teams/" + a + "/participants/9", "",
			`[{"op":"remove","path":"/position"}]`, func() error {
				return c.UpdateParticipation(ctx, a, 9, []upstream.PatchOp{{Op: "remove", Path: "/position"}})
			}},
		{"remove a member", "DELETE", "/events/teams/" + a + "/participants/9", "", "", func() error {
			return c.DeleteParticipation(ctx, a, 9)
		}},
		{"set a team's reserved field", "POST", "/events/teams/" + a + "/reservedFields/2", "",
			`{"content":"Checked"}`, func() error {
				return c.UpdateEventTeamReservedField(ctx, a, 2, upstream.ReservedFieldContent{Content: &note})
			}},
		{"empty a team's reserved field", "POST", "/events/teams/" + a + "/reservedFields/1", "",
			`{"content":null}`, func() error {
				return c.UpdateEventTeamReservedField(ctx, a, 1, upstream.ReservedFieldContent{})
			}},
		{"update a resource", "PATCH", "/events/resources/" + a + "/" + b, "",
			`[{"op":"replace","path":"/isAnonymous","value":true}]`, func() error {
				return c.UpdateEventResource(ctx, a, b, []upstream.PatchOp{{Op: "replace", Path: "/isAnonymous", Value: true}})
			}},
		{"remove a resource", "DELETE", "/events/resources/" + a + "/" + b, "", "", func() error {
			return c.DeleteEventResource(ctx, a, b)
		}},
		{"set a resource's reserved field", "POST", "/events/resources/" + a + "/" + b + "/reservedFields/3", "",
			`{"content":"Checked"}`, func() error {
				return c.UpdateEventResourceReservedField(ctx, a, b, 3, upstream.ReservedFieldContent{Content: &note})
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

// A new team goes up as a multipart form under EventTeamCreationDto's
// names, with its icon as the file Icon.
func TestCreateEventTeamForm(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	const division = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	about := "We chart."

	id, err := c.CreateEventTeam(context.Background(), upstream.NewEventTeam{
		DivisionID: division, Name: "Blue", Description: &about, ClaimedParticipantCount: 2,
		ClaimedSubmissionCount: 1, Icon: &upstream.File{Name: "icon.png", Content: strings.NewReader("PNG")},
	})
	if err != nil || id != "c0ffee00-0000-4000-8000-000000000001" {
		t.Fatalf("CreateEventTeam = %q, %v", id, err)
	}

	got := rec.last()
	_, params, _ := mime.ParseMediaType(got.header.Get("Content-Type"))
	r := multipart.NewReader(strings.NewReader(got.body), params["boundary"])
	parts := map[string]string{}
	for {
		p, err := r.NextPart()
		if err != nil {
			break
		}
		v, _ := io.ReadAll(p)
		parts[p.FormName()] = string(v)
		if p.FormName() == "Icon" && p.FileName() != "icon.png" {
			t.Errorf("the icon's file name is %q", p.FileName())
		}
	}
	want := map[string]string{
		"DivisionId": division, "Name": "Blue", "Description": about, "ClaimedParticipantCount": "2",
		"ClaimedSubmissionCount": "1", "Icon": "PNG",
	}
	if got.method != "POST" || got.path != "/events/teams" || len(parts) != len(want) {
		t.Fatalf("request %s %s with parts %v", got.method, got.path, parts)
	}
	for k, v := range want {
		if parts[k] != v {
			t.Errorf("part %s = %q, want %q", k, parts[k], v)
		}
	}
}
