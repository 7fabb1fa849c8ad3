package loaders

import (
	"context"
	"net/url"
	"strconv"

	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// Window reads window w of the list at route (with params and query, which
// holds the filters and an explicit Order and Desc) in one upstream call.
// A window that no upstream page holds (none was found for any offset below
// three million) is refused as bad arguments.
//
// A window at the end of the list (last without before) is read in the
// reverse order, so it too costs one call; it needs an explicit order and
// cannot be combined with a search, whose order is the upstream's own.
func Window[T any](
	ctx context.Context, c *upstream.Client, route string, params upstream.Params, query url.Values, w paging.Window,
) (paging.Slice[T], error) {
	if w.FromEnd {
		return fromEnd[T](ctx, c, route, params, query, w)
	}

	page, perPage, skip, ok := paging.UpstreamPage(w.Start, w.Count)
	if !ok {
		return paging.Slice[T]{}, paging.BadArgs("no upstream page holds %d items from position %d", w.Count, w.Start)
	}

	items, p, err := readPage[T](ctx, c, route, params, query, page, perPage)
	if err != nil {
		return paging.Slice[T]{}, err
	}

	return cut(items, skip, w.Count, w.Start, p.Total), nil
}

// fromEnd reads the last w.Count items by reversing the order.
func fromEnd[T any](
	ctx context.Context, c *upstream.Client, route string, params upstream.Params, query url.Values, w paging.Window,
) (paging.Slice[T], error) {
	if query.Get("Search") != "" {
		return paging.Slice[T]{}, paging.BadArgs("last without before cannot be combined with search")
	}

	reversed := cloneQuery(query)
	for i, d := range reversed["Desc"] {
		reversed["Desc"][i] = strconv.FormatBool(d != "true")
	}

	items, p, err := readPage[T](ctx, c, route, params, reversed, 1, max(w.Count, 1))
	if err != nil {
		return paging.Slice[T]{}, err
	}
	if w.Count == 0 {
		items = nil
	}

	return paging.FromEndPage(items, p.Total, w), nil
}

// readPage reads one page of the list.
func readPage[T any](
	ctx context.Context, c *upstream.Client, route string, params upstream.Params, query url.Values, page, perPage int,
) ([]T, upstream.Page, error) {
	q := cloneQuery(query)
	q.Set("Page", strconv.Itoa(page))
	q.Set("PerPage", strconv.Itoa(perPage))

	var items []T
	p, err := c.Get(ctx, route, params, q, &items)
	return items, p, err
}

// cut keeps count items from skip of a page whose first item is at
// position start-skip.
func cut[T any](items []T, skip, count, start, total int) paging.Slice[T] {
	skip = min(max(skip, 0), len(items))
	end := min(skip+count, len(items))
	return paging.Slice[T]{Items: items[skip:end], Start: start, Total: total}
}

// cloneQuery copies q deeply, so that callers' values stay untouched.
func cloneQuery(q url.Values) url.Values {
	out := make(url.Values, len(q)+3)
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}
