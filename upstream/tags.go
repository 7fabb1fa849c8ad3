package upstream

import (
	"context"
	"time"
)

// Tag labels songs and charts (TagDto).
type Tag struct {
	ID             string    `json:"id"`
	Name           string    `json:"name"`
	NormalizedName string    `json:"normalizedName"`
	Description    *string   `json:"description"`
	DateCreated    time.Time `json:"dateCreated"`
}

// TagListOptions selects a page of tags.
type TagListOptions struct {
	ListOptions
	TagFilter
}

// ListTags reads a page of tags.
//
// GET /tags
func (c *Client) ListTags(ctx context.Context, opts TagListOptions) ([]Tag, Page, error) {
	return ListOf[Tag](ctx, c, "/tags", nil, opts)
}
