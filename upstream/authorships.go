package upstream

import "context"

// AuthorshipListOptions selects a page of authorships.
type AuthorshipListOptions struct {
	ListOptions
	AuthorshipFilter
}

// ListAuthorships reads a page of authorships as the authors they name,
// each with their position. The answer does not say which resource each
// authorship belongs to, so a batch over several resources cannot be
// split back by resource.
//
// GET /authorships
func (c *Client) ListAuthorships(ctx context.Context, opts AuthorshipListOptions) ([]PositionalUser, Page, error) {
	return ListOf[PositionalUser](ctx, c, "/authorships", nil, opts)
}

// GetAuthorship reads one authorship as the author it names, with their
// position (PositionalUserDto).
//
// GET /authorships/{id}
func (c *Client) GetAuthorship(ctx context.Context, id string) (*PositionalUser, error) {
	return GetOf[PositionalUser](ctx, c, "/authorships/{id}", Params{"id": id})
}
