package upstream_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

// Each method of the catalog and social area asks its route with its
// query.
func TestCatalogRequests(t *testing.T) {
	ctx := context.Background()
	id := "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	tests := []struct {
		name      string
		call      func(c *upstream.Client) error
		path, raw string
	}{
		{"chapters", func(c *upstream.Client) error {
			opts := upstream.ChapterListOptions{ListOptions: upstream.ListOptions{PerPage: 5}}
			part := "Part"
			opts.ContainsSubtitle = &part
			_, _, err := c.ListChapters(ctx, opts)
			return err
		}, "/chapters", "ContainsSubtitle=Part&PerPage=5"},
		{"songs of a chapter", func(c *upstream.Client) error {
			opts := upstream.AdmissionListOptions{}
			opts.RangeStatus = []upstream.RequestStatus{upstream.RequestStatusApproved}
			_, _, err := c.ListChapterSongs(ctx, id, opts)
			return err
		}, "/chapters/" + id + "/songs", "RangeStatus=1"},
		{"admission to a collection", func(c *upstream.Client) error {
			_, err := c.GetChartCollection(ctx, id, id)
			return err
		}, "/charts/" + id + "/collections/" + id, ""},
		{"likes", func(c *upstream.Client) error {
			_, _, err := c.ListLikes(ctx, "/events/teams/{id}/likes", id, upstream.ListOptions{Page: 2})
			return err
		}, "/events/teams/" + id + "/likes", "Page=2"},
		{"relation", func(c *upstream.Client) error {
			_, err := c.GetUserRelation(ctx, 2, 3)
			return err
		}, "/userRelations/2/3", ""},
		{"read notifications", func(c *upstream.Client) error {
			opts := upstream.NotificationListOptions{GetRead: true}
			opts.RangeType = []upstream.NotificationType{upstream.NotificationTypeLikes}
			_, _, err := c.ListNotifications(ctx, opts)
			return err
		}, "/notifications", "GetRead=true&RangeType=2"},
		{"tag by name", func(c *upstream.Client) error {
			_, err := c.GetTag(ctx, "Hard Mode/EX")
			return err
		}, "/tags/Hard%20Mode%2FEX", ""},
		{"abstract", func(c *upstream.Client) error {
			_, err := c.GetAbstract(ctx)
			return err
		}, "/", ""},
		{"objective questions", func(c *upstream.Client) error {
			_, err := c.ListPetObjectiveQuestions(ctx)
			return err
		}, "/pet/objective", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := newTestClient(t, reply(http.StatusOK, okEmpty))
			if err := ignoreNoData(tc.call(c)); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != http.MethodGet || got.path != tc.path || got.rawQuery != tc.raw {
				t.Errorf("request = %s %s?%s, want GET %s?%s", got.method, got.path, got.rawQuery, tc.path, tc.raw)
			}
		})
	}
}

// An unknown enum integer decodes and shows as UNKNOWN.
func TestCatalogUnknownEnums(t *testing.T) {
	body := `{"status":0,"code":"Ok","data":{"id":"x","type":42,"content":"hi","ownerId":1,
		"dateCreated":"2025-01-01T00:00:00+08:00"}}`
	c, _ := newTestClient(t, reply(http.StatusOK, body))
	n, err := c.GetNotification(context.Background(), "x")
	if err != nil {
		t.Fatalf("GetNotification: %v", err)
	}
	if n.Type.String() != upstream.Unknown {
		t.Errorf("type = %s, want %s", n.Type, upstream.Unknown)
	}
}
