package loaders

import (
	"context"
	"net/url"
	"strconv"
	"sync"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// ChildKey asks for one window of the children of one parent. Query is the
// encoded filter and order (url.Values.Encode, so equal queries are equal
// strings); keys that share it are read together.
type ChildKey struct {
	Parent string
	Query  string
	Window paging.Window
}

// childSpec says how to read the children of many parents from one list
// route: which filter names the parents, and which parent an item has.
type childSpec[T any] struct {
	route       string
	parentParam string
	parentOf    func(*T) string
	// single, when set, is the parent's own route for its children, such
	// as "/charts/{id}/comments", read when one parent is asked for.
	single string
}

// childBatch answers child keys grouped by query. A group with one parent
// reads its window directly. A group with several reads all their children
// at once (up to the upstream's largest page) and cuts each parent's
// window in memory; when that page is not the whole answer, each parent
// falls back to its own call.
func childBatch[T any](c *upstream.Client, spec childSpec[T]) dataloader.BatchFunc[ChildKey, paging.Slice[T]] {
	return func(ctx context.Context, keys []ChildKey) []*dataloader.Result[paging.Slice[T]] {
		results := make([]*dataloader.Result[paging.Slice[T]], len(keys))
		groups := map[string][]int{}
		for i, k := range keys {
			groups[k.Query] = append(groups[k.Query], i)
		}

		var wg sync.WaitGroup
		for query, idx := range groups {
			wg.Go(Guard(func() { spec.answerGroup(ctx, c, query, keys, idx, results) }))
		}
		wg.Wait()

		for i := range results {
			if results[i] == nil { // its goroutine panicked
				results[i] = &dataloader.Result[paging.Slice[T]]{Error: ErrInternal}
			}
		}
		return results
	}
}

// answerGroup fills results[i] for every i in idx; all share query.
func (s childSpec[T]) answerGroup(
	ctx context.Context, c *upstream.Client, query string, keys []ChildKey, idx []int,
	results []*dataloader.Result[paging.Slice[T]],
) {
	base, _ := url.ParseQuery(query)
	parents := make([]string, 0, len(idx))
	for _, i := range idx {
		parents = append(parents, keys[i].Parent)
	}

	byParent := map[string][]T{}
	complete := map[string]bool{}
	if distinct(parents) > 1 {
		for chunk := range chunks(parents, MaxBatch) {
			if err := s.readAll(ctx, c, base, chunk, byParent, complete); err != nil {
				for _, i := range idx {
					results[i] = &dataloader.Result[paging.Slice[T]]{Error: err}
				}
				return
			}
		}
	}

	var wg sync.WaitGroup
	for _, i := range idx {
		k := keys[i]
		if complete[k.Parent] {
			results[i] = &dataloader.Result[paging.Slice[T]]{Data: paging.Cut(byParent[k.Parent], k.Window)}
			continue
		}
		wg.Go(Guard(func() {
			slice, err := s.readOne(ctx, c, base, k)
			results[i] = &dataloader.Result[paging.Slice[T]]{Data: slice, Error: err}
		}))
	}
	wg.Wait()
}

// readOne reads the window of one parent: through the parent's own route
// when there is one, or the list route filtered to that parent.
func (s childSpec[T]) readOne(ctx context.Context, c *upstream.Client, base url.Values, k ChildKey) (paging.Slice[T], error) {
	q := cloneQuery(base)
	if s.single != "" {
		return Window[T](ctx, c, s.single, upstream.Params{"id": k.Parent}, q, k.Window)
	}

	q[s.parentParam] = []string{k.Parent}
	return Window[T](ctx, c, s.route, nil, q, k.Window)
}

// readAll reads every child of parents in one call and files them by
// parent. The parents are marked complete only when the page held the
// whole answer; otherwise each parent is read alone afterwards.
func (s childSpec[T]) readAll(
	ctx context.Context, c *upstream.Client, base url.Values, parents []string,
	byParent map[string][]T, complete map[string]bool,
) error {
	q := cloneQuery(base)
	q[s.parentParam] = parents
	q.Set("Page", "1")
	q.Set("PerPage", strconv.Itoa(paging.MaxUpstreamPerPage))

	var items []T
	p, err := c.Get(ctx, s.route, nil, q, &items)
	if err != nil {
		return err
	}
	if p.HasNext {
		return nil
	}

	for i := range items {
		parent := s.parentOf(&items[i])
		byParent[parent] = append(byParent[parent], items[i])
	}
	for _, parent := range parents {
		complete[parent] = true
	}

	return nil
}

// distinct counts the different values of ss.
func distinct(ss []string) int {
	seen := map[string]bool{}
	for _, s := range ss {
		seen[s] = true
	}
	return len(seen)
}
