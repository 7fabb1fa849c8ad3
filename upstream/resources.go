package upstream

import (
	"context"
	"net/http"
)

// ListOf reads one page of a list route into a slice of T: route is a
// template such as "/charts", params fill it, and opts (a struct with query
// tags, usually embedding ListOptions and a filter) becomes the query.
func ListOf[T any](ctx context.Context, c *Client, route string, params Params, opts any) ([]T, Page, error) {
	var items []T
	page, err := c.Get(ctx, route, params, EncodeQuery(opts), &items)
	if err != nil {
		return nil, Page{}, err
	}

	return items, page, nil
}

// GetOf reads one resource of type T from a single-resource route. A
// success without data (null or absent) is an [*Error]: the route
// promises an object, and an empty one made up here would pass for the
// upstream's.
func GetOf[T any](ctx context.Context, c *Client, route string, params Params) (*T, error) {
	var item *T
	if _, err := c.Get(ctx, route, params, nil, &item); err != nil {
		return nil, err
	}
	if item == nil {
		return nil, &Error{HTTPStatus: http.StatusOK, Method: http.MethodGet, Route: route,
			Message: "the upstream answered without the resource its route promises"}
	}

	return item, nil
}
