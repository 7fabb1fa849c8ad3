package upstream

import (
	"context"
	"net/http"
)

// A LikeRoute is the likes route of one kind of resource: POST likes the
// resource as the caller, DELETE removes that like.
type LikeRoute string

// The likes routes of every likeable kind.
const (
	ChartLikes         LikeRoute = "/charts/{id}/likes"
	SongLikes          LikeRoute = "/songs/{id}/likes"
	CommentLikes       LikeRoute = "/comments/{id}/likes"
	ReplyLikes         LikeRoute = "/replies/{id}/likes"
	RecordLikes        LikeRoute = "/records/{id}/likes"
	EventLikes         LikeRoute = "/events/{id}/likes"
	EventDivisionLikes LikeRoute = "/events/divisions/{id}/likes"
	EventTeamLikes     LikeRoute = "/events/teams/{id}/likes"
	ChapterLikes       LikeRoute = "/chapters/{id}/likes"
	CollectionLikes    LikeRoute = "/collections/{id}/likes"
	AnnouncementLikes  LikeRoute = "/announcements/{id}/likes"
	ApplicationLikes   LikeRoute = "/applications/{id}/likes"
)

// A CommentRoute is the comments route of one kind of resource: POST
// comments on the resource as the caller.
type CommentRoute string

// The comments routes of every commentable kind.
const (
	ChartComments         CommentRoute = "/charts/{id}/comments"
	SongComments          CommentRoute = "/songs/{id}/comments"
	RecordComments        CommentRoute = "/records/{id}/comments"
	EventComments         CommentRoute = "/events/{id}/comments"
	EventDivisionComments CommentRoute = "/events/divisions/{id}/comments"
	ChapterComments       CommentRoute = "/chapters/{id}/comments"
	CollectionComments    CommentRoute = "/collections/{id}/comments"
	AnnouncementComments  CommentRoute = "/announcements/{id}/comments"
	ApplicationComments   CommentRoute = "/applications/{id}/comments"
)

// Like likes the resource id as the caller; route names its kind.
//
// POST /{kind}/{id}/likes
func (c *Client) Like(ctx context.Context, route LikeRoute, id string) error {
	return c.send(ctx, http.MethodPost, string(route), Params{"id": id})
}

// Unlike removes the caller's like from the resource id.
//
// DELETE /{kind}/{id}/likes
func (c *Client) Unlike(ctx context.Context, route LikeRoute, id string) error {
	return c.send(ctx, http.MethodDelete, string(route), Params{"id": id})
}

// CommentOn posts a comment on the resource id and returns the comment's
// ID; route names the resource's kind.
//
// POST /{kind}/{id}/comments
func (c *Client) CommentOn(
	ctx context.Context, route CommentRoute, id string, comment NewComment,
) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, string(route), Params{"id": id}, comment, &created)
	return created.ID, err
}

// DeleteComment removes a comment: the caller's own, or anyone's for a
// moderator.
//
// DELETE /comments/{id}
func (c *Client) DeleteComment(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/comments/{id}", Params{"id": id})
}

// DeleteReply removes a reply: the caller's own, or anyone's for a
// moderator.
//
// DELETE /replies/{id}
func (c *Client) DeleteReply(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/replies/{id}", Params{"id": id})
}

// NewVote is the body of a chart vote (VoteRequestDto): each aspect from
// 0 to 5.
type NewVote struct {
	Arrangement   int `json:"arrangement"`
	Gameplay      int `json:"gameplay"`
	VisualEffects int `json:"visualEffects"`
	Creativity    int `json:"creativity"`
	Concord       int `json:"concord"`
	Impression    int `json:"impression"`
}

// VoteChart rates a chart as the caller, replacing the caller's earlier
// vote on it.
//
// POST /charts/{id}/votes
func (c *Client) VoteChart(ctx context.Context, id string, vote NewVote) error {
	return c.sendJSON(ctx, http.MethodPost, "/charts/{id}/votes", Params{"id": id}, vote, nil)
}

// UnvoteChart removes the caller's vote from a chart.
//
// DELETE /charts/{id}/votes
func (c *Client) UnvoteChart(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/charts/{id}/votes", Params{"id": id})
}

// NewVolunteerVote is the body of a volunteer's vote on a chart submission
// (VolunteerVoteRequestDto).
type NewVolunteerVote struct {
	// Score is from -3 to 3.
	Score               float64 `json:"score"`
	SuggestedDifficulty float64 `json:"suggestedDifficulty"`
	// Message is at most 2,000 characters, and not empty.
	Message string `json:"message"`
}

// VoteChartSubmission reviews a chart submission as a volunteer, replacing
// the caller's earlier vote on it.
//
// POST /studio/charts/{id}/votes
func (c *Client) VoteChartSubmission(ctx context.Context, id string, vote NewVolunteerVote) error {
	return c.sendJSON(ctx, http.MethodPost, "/studio/charts/{id}/votes", Params{"id": id}, vote, nil)
}

// UnvoteChartSubmission removes the caller's volunteer vote from a chart
// submission.
//
// DELETE /studio/charts/{id}/votes
func (c *Client) UnvoteChartSubmission(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/studio/charts/{id}/votes", Params{"id": id})
}
