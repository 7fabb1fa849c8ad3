package resolvers

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// sortKey is one upstream sort key: a field name as the upstream spells
// it, such as "DateCreated", and its direction.
type sortKey struct {
	field string
	desc  bool
}

// sortKeys reads a GraphQL orderBy list; field names go from UPPER_SNAKE
// (DATE_CREATED) to the upstream's PascalCase (DateCreated).
func sortKeys[O any](orderBy []O, get func(O) (string, model.OrderDirection)) []sortKey {
	keys := make([]sortKey, 0, len(orderBy))
	for _, o := range orderBy {
		field, dir := get(o)
		keys = append(keys, sortKey{field: pascal(field), desc: dir == model.OrderDirectionDesc})
	}
	return keys
}

func pascal(upperSnake string) string {
	var b strings.Builder
	for _, word := range strings.Split(upperSnake, "_") {
		if word == "" {
			continue
		}
		b.WriteString(word[:1])
		b.WriteString(strings.ToLower(word[1:]))
	}
	return b.String()
}

// maxSearch is the longest search string a list takes.
const maxSearch = 200

// listQuery builds the query of a list: the filter's parameters, the sort
// keys (or def when none are given) closed by the ID so that the order is
// total and can be reversed, and the search string. ID filters take
// global IDs as well as upstream IDs; anything else there is refused
// before any upstream call.
func listQuery(filter any, keys, def []sortKey, search *string) (url.Values, error) {
	q := upstream.EncodeQuery(filter)
	if err := localizeIDs(q); err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		keys = def
	}

	hasID := false
	for _, k := range keys {
		q.Add("Order", k.field)
		q.Add("Desc", boolString(k.desc))
		hasID = hasID || k.field == "Id"
	}
	if !hasID && len(keys) > 0 && sortsByID(def) {
		q.Add("Order", "Id")
		q.Add("Desc", boolString(keys[0].desc))
	}

	if search != nil && *search != "" {
		if n := len([]rune(*search)); n > maxSearch {
			return nil, badInput("search", "search takes at most %d characters, got %d", maxSearch, n)
		}
		q.Set("Search", *search)
	}

	return q, nil
}

// localizeIDs rewrites the global IDs among the values of ID filters
// (RangeId, RangeSongId, MinOwnerId, ...) as upstream IDs and checks that
// every value is a GUID or an integer.
func localizeIDs(q url.Values) error {
	for key, values := range q {
		if !strings.HasSuffix(key, "Id") {
			continue
		}
		for i, v := range values {
			if _, local, err := globalid.Decode(v); err == nil && !guidPattern.MatchString(v) {
				v = local
			}
			if _, err := strconv.Atoi(v); err != nil && !guidPattern.MatchString(v) {
				arg := "filter." + strings.ToLower(key[:1]) + key[1:]
				return badInput(arg, "%s takes IDs (global IDs, GUIDs or integers), got %q", arg, values[i])
			}
			values[i] = v
		}
	}
	return nil
}

func sortsByID(keys []sortKey) bool {
	for _, k := range keys {
		if k.field == "Id" {
			return true
		}
	}
	return false
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// childQuery is listQuery for the children of a parent: the parent's own
// filter parameter is dropped from what the caller gave, since the loader
// sets it.
func childQuery(filter any, keys, def []sortKey, parentParam string) (url.Values, error) {
	q, err := listQuery(filter, keys, def, nil)
	if err != nil {
		return nil, err
	}
	q.Del(parentParam)
	return q, nil
}

// args bundles the Relay arguments of a field.
func args(first *int, after *string, last *int, before *string, offset *int) paging.Args {
	return paging.Args{First: first, After: after, Last: last, Before: before, Offset: offset}
}

// rootList reads a window of a top-level list route.
func rootList[T any](ctx context.Context, route string, params upstream.Params, q url.Values, a paging.Args) (paging.Slice[T], error) {
	w, err := paging.Resolve(a)
	if err != nil {
		return paging.Slice[T]{}, err
	}

	s, err := loaders.Window[T](ctx, loaders.For(ctx).Client(), route, params, q, w)
	if err == nil {
		rememberList(ctx, s.Items)
	}
	return s, err
}

// childList reads a window of the children of a parent of type P through
// read, one of the loaders' batched child reads; parentID names a parent.
// When the parent is one of a list, the windows of all its siblings are
// read together.
func childList[P, T any](
	ctx context.Context, parent *P, parentID func(*P) string, q url.Values, a paging.Args,
	read func(context.Context, loaders.ChildKey, loaders.Group[loaders.ChildKey]) (paging.Slice[T], error),
) (paging.Slice[T], error) {
	w, err := paging.Resolve(a)
	if err != nil {
		return paging.Slice[T]{}, err
	}

	query := q.Encode()
	g := groupOf(ctx, func(p *P) (loaders.ChildKey, bool) {
		return loaders.ChildKey{Parent: parentID(p), Query: query, Window: w}, true
	})
	s, err := read(ctx, loaders.ChildKey{Parent: parentID(parent), Query: query, Window: w}, g)
	if err != nil {
		return s, err
	}

	if g.Key == "" {
		rememberList(ctx, s.Items)
		return s, nil
	}
	rememberCousins(ctx, func() []T {
		var all []T
		for _, k := range g.Keys { // answered from the group's batch
			if cousin, err := read(ctx, k, g); err == nil {
				all = append(all, cousin.Items...)
			}
		}
		return all
	})
	return s, nil
}

// relay returns the edges and page info of a slice.
func relay[T, E any](s paging.Slice[T], edge func(cursor string, node *T) E) ([]E, *model.PageInfo) {
	edges := make([]E, len(s.Items))
	for i := range s.Items {
		edges[i] = edge(s.Cursor(i), &s.Items[i])
	}

	info := &model.PageInfo{HasNextPage: s.HasNext(), HasPreviousPage: s.HasPrevious()}
	if n := len(s.Items); n > 0 {
		first, last := s.Cursor(0), s.Cursor(n-1)
		info.StartCursor, info.EndCursor = &first, &last
	}

	return edges, info
}
