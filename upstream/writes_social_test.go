package upstream_test

import (
	"context"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

// Each social write sends its method, path and body.
func TestSocialWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	ctx := context.Background()
	const a = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"

	cases := []struct {
		name, method, path, body string
		call                     func() error
	}{
		{"like a division", "POST", "/events/divisions/" + a + "/likes", "", func() error {
			return c.Like(ctx, upstream.EventDivisionLikes, a)
		}},
		{"unlike an application", "DELETE", "/applications/" + a + "/likes", "", func() error {
			return c.Unlike(ctx, upstream.ApplicationLikes, a)
		}},
		{"comment on a record", "POST", "/records/" + a + "/comments", `{"content":"gg","language":"en"}`,
			func() error {
				id, err := c.CommentOn(ctx, upstream.RecordComments, a, upstream.NewComment{Content: "gg", Language: "en"})
				if err == nil && id != "c0ffee00-0000-4000-8000-000000000001" {
					t.Errorf("CommentOn returned %q", id)
				}
				return err
			}},
		{"delete a comment", "DELETE", "/comments/" + a, "", func() error { return c.DeleteComment(ctx, a) }},
		{"delete a reply", "DELETE", "/replies/" + a, "", func() error { return c.DeleteReply(ctx, a) }},
		{"vote", "POST", "/charts/" + a + "/votes",
			`{"arrangement":1,"gameplay":2,"visualEffects":3,"creativity":4,"concord":5,"impression":0}`,
			func() error {
				return c.VoteChart(ctx, a, upstream.NewVote{
					Arrangement: 1, Gameplay: 2, VisualEffects: 3, Creativity: 4, Concord: 5,
				})
			}},
		{"unvote", "DELETE", "/charts/" + a + "/votes", "", func() error { return c.UnvoteChart(ctx, a) }},
		{"volunteer vote", "POST", "/studio/charts/" + a + "/votes",
			`{"score":-1.5,"suggestedDifficulty":12.3,"message":"offsync"}`, func() error {
				vote := upstream.NewVolunteerVote{Score: -1.5, SuggestedDifficulty: 12.3, Message: "offsync"}
				return c.VoteChartSubmission(ctx, a, vote)
			}},
		{"volunteer unvote", "DELETE", "/studio/charts/" + a + "/votes", "", func() error {
			return c.UnvoteChartSubmission(ctx, a)
		}},
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
