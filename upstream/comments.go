package upstream

import (
	"context"
	"time"
)

// Comment is a comment on a resource such as a chart, song or event
// (CommentDto); its content is PhiZone rich text.
type Comment struct {
	ID          string     `json:"id"`
	ResourceID  string     `json:"resourceId"`
	Content     string     `json:"content"`
	Language    string     `json:"language"`
	ReplyCount  int        `json:"replyCount"`
	LikeCount   int        `json:"likeCount"`
	OwnerID     int        `json:"ownerId"`
	Owner       *User      `json:"owner"`
	DateCreated time.Time  `json:"dateCreated"`
	DateLiked   *time.Time `json:"dateLiked"`
}

// Reply answers a comment (ReplyDto).
type Reply struct {
	ID          string     `json:"id"`
	CommentID   string     `json:"commentId"`
	Content     string     `json:"content"`
	Language    string     `json:"language"`
	LikeCount   int        `json:"likeCount"`
	OwnerID     int        `json:"ownerId"`
	Owner       *User      `json:"owner"`
	DateCreated time.Time  `json:"dateCreated"`
	DateLiked   *time.Time `json:"dateLiked"`
}

// CommentListOptions selects a page of comments.
type CommentListOptions struct {
	ListOptions
	CommentFilter
}

// ReplyListOptions selects a page of replies.
type ReplyListOptions struct {
	ListOptions
	ReplyFilter
}

// ListComments reads a page of comments; each embeds its owner.
//
// GET /comments
func (c *Client) ListComments(ctx context.Context, opts CommentListOptions) ([]Comment, Page, error) {
	return ListOf[Comment](ctx, c, "/comments", nil, opts)
}

// GetComment reads one comment.
//
// GET /comments/{id}
func (c *Client) GetComment(ctx context.Context, id string) (*Comment, error) {
	return GetOf[Comment](ctx, c, "/comments/{id}", Params{"id": id})
}

// ListReplies reads a page of replies; each embeds its owner.
//
// GET /replies
func (c *Client) ListReplies(ctx context.Context, opts ReplyListOptions) ([]Reply, Page, error) {
	return ListOf[Reply](ctx, c, "/replies", nil, opts)
}

// GetReply reads one reply.
//
// GET /replies/{id}
func (c *Client) GetReply(ctx context.Context, id string) (*Reply, error) {
	return GetOf[Reply](ctx, c, "/replies/{id}", Params{"id": id})
}
