package upstream_test

import (
	"context"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

// Each write of people and requests sends its method, path, query and
// body.
func TestMoreWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const a, b = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "6f1c2b3a-4d5e-4a43-9d8e-0b5d7a6e2f7c"
	position := "Judge"

	cases := []struct {
		name, method, path, query, body string
		call                            func() error
	}{
		{"update a user", "PATCH", "/users/7", "", `[{"op":"remove","path":"/biography"}]`, func() error {
			return c.UpdateUser(ctx, 7, []upstream.PatchOp{{Op: "remove", Path: "/biography"}})
		}},
		{"remove an avatar", "DELETE", "/users/7/avatar", "", "", func() error { return c.RemoveUserAvatar(ctx, 7) }},
		{"read a page of notifications", "POST", "/notifications/read", "PerPage=5", "", func() error {
			return c.ReadNotifications(ctx, 5)
		}},
		{"read notifications", "POST", "/notifications/read", "", "", func() error { return c.ReadNotifications(ctx, 0) }},
		{"read a notification", "POST", "/notifications/" + a + "/read", "", "", func() error {
			return c.ReadNotification(ctx, a)
		}},
		{"create a tag", "POST", "/tags", "", `{"name":"Jazz"}`, func() error {
			_, err := c.CreateTag(ctx, upstream.NewTag{Name: "Jazz"})
			return err
		}},
		{"link a tag", "POST", "/tags/" + a + "/event", "", `{"divisionId":"` + b + `","type":2}`, func() error {
			return c.LinkTagToEventDivision(ctx, a, upstream.NewEventLink{DivisionID: b})
		}},
		{"credit on a song", "POST", "/songs/" + a + "/authorships", "", `{"authorId":9,"position":"Judge"}`,
			func() error {
				id, err := c.CreateAuthorship(ctx, upstream.SongAuthorships, a,
					upstream.NewAuthorship{AuthorID: 9, Position: &position})
				if err == nil && id != "c0ffee00-0000-4000-8000-000000000001" {
					t.Errorf("CreateAuthorship returned %q", id)
				}
				return err
			}},
		{"review a song submission admission", "POST", "/admissions/songSubmissions/" + a + "/" + b + "/review", "",
			`{"approve":true}`, func() error {
				return c.ReviewAdmission(ctx, upstream.SongSubmissionAdmissions, a, b, upstream.Review{Approve: true})
			}},
		{"withdraw a collection admission", "DELETE", "/admissions/collections/" + a + "/" + b, "", "", func() error {
			return c.DeleteAdmission(ctx, upstream.CollectionAdmissions, a, b)
		}},
		{"review a collaboration", "POST", "/collaborations/" + a + "/review", "", `{"approve":false}`, func() error {
			return c.ReviewCollaboration(ctx, a, upstream.Review{})
		}},
		{"create a hostship", "POST", "/events/hostships", "",
			`{"eventId":"` + a + `","userId":9,"isAdmin":false,"isUnveiled":true,"permissions":[805306368]}`,
			func() error {
				return c.CreateHostship(ctx, upstream.NewHostship{
					EventID: a, UserID: 9, IsUnveiled: true, Permissions: []uint32{3 << 28},
				})
			}},
		{"remove a hostship", "DELETE", "/events/hostships/" + a + "/9", "", "", func() error {
			return c.DeleteHostship(ctx, a, 9)
		}},
		{"accept an invitation", "POST", "/events/hostships/invites/AB12%2FCD/accept", "", "", func() error {
			return c.AcceptEventHostInvite(ctx, "AB12/CD")
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
