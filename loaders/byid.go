package loaders

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/phizone/graphql-facade/upstream"
)

// MaxBatch is the most IDs one upstream call carries. A GUID costs about
// 45 bytes of query string ("RangeId=" and 36 characters), so 100 of them
// stay near 4.5 KB.
const MaxBatch = 100

// MissingError is the error of a key a batch did not return: the
// resource does not exist, or the caller may not see it. The upstream
// answered the batch itself with 200.
type MissingError struct {
	// Route is the list route the batch read, such as "/users".
	Route string
	// Key is the ID that was missing.
	Key any
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("no resource with ID %v at GET %s", e.Key, e.Route)
}

// byIDBatch reads the resources of keys from a list route through its
// RangeId filter, in chunks of MaxBatch, and answers in key order.
func byIDBatch[K comparable, V any](c *upstream.Client, route string, idOf func(*V) K) dataloader.BatchFunc[K, *V] {
	return func(ctx context.Context, keys []K) []*dataloader.Result[*V] {
		found := make(map[K]*V, len(keys))
		failed := make(map[K]error)

		for chunk := range chunks(keys, MaxBatch) {
			query := url.Values{
				"PerPage": {strconv.Itoa(len(chunk))},
				"RangeId": make([]string, 0, len(chunk)),
			}
			for _, k := range chunk {
				query["RangeId"] = append(query["RangeId"], fmt.Sprint(k))
			}

			var items []V
			if _, err := c.Get(ctx, route, nil, query, &items); err != nil {
				for _, k := range chunk {
					failed[k] = err
				}
				continue
			}
			for i := range items {
				found[idOf(&items[i])] = &items[i]
			}
		}

		results := make([]*dataloader.Result[*V], len(keys))
		for i, k := range keys {
			switch {
			case found[k] != nil:
				results[i] = &dataloader.Result[*V]{Data: found[k]}
			case failed[k] != nil:
				results[i] = &dataloader.Result[*V]{Error: failed[k]}
			default:
				results[i] = &dataloader.Result[*V]{Error: &MissingError{Route: route, Key: k}}
			}
		}

		return results
	}
}

// chunks yields keys in runs of at most n, without repeating a key.
func chunks[K comparable](keys []K, n int) func(yield func([]K) bool) {
	return func(yield func([]K) bool) {
		seen := make(map[K]bool, len(keys))
		chunk := make([]K, 0, min(n, len(keys)))
		for _, k := range keys {
			if seen[k] {
				continue
			}
			seen[k] = true
			chunk = append(chunk, k)
			if len(chunk) == n {
				if !yield(chunk) {
					return
				}
				chunk = make([]K, 0, n)
			}
		}
		if len(chunk) > 0 {
			yield(chunk)
		}
	}
}

// newLoader makes a loader that batches the keys asked for within wait.
func newLoader[K comparable, V any](batch dataloader.BatchFunc[K, V], wait time.Duration) *dataloader.Loader[K, V] {
	return dataloader.NewBatchedLoader(batch,
		dataloader.WithWait[K, V](wait),
		dataloader.WithCache[K, V](dataloader.NewCache[K, V]()),
	)
}

// load asks l for key and waits for the answer. A failure is dropped from
// the loader's cache, so only successes are reused within the request.
func load[K comparable, V any](ctx context.Context, l *dataloader.Loader[K, V], key K) (V, error) {
	v, err := l.Load(ctx, key)()
	if err != nil {
		l.Clear(ctx, key)
	}

	return v, err
}
