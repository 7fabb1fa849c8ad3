package loaders

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/graph-gophers/dataloader/v7"
)

// Group is the batch a key belongs to when its parent object is one of a
// list of siblings: Key names the field across the list (its path with the
// list index left out), and Keys holds the key of every sibling. The first
// sibling to ask reads the keys of all of them in one batch, at once;
// the others wait for that batch. Unlike the loaders' timed batches this
// does not depend on when the siblings ask, so a list of any length costs
// one call per relation. The zero Group means the parent is not in a list
// and the key goes through the timed loader.
type Group[K comparable] struct {
	Key  string
	Keys []K
}

// groupCall is the one batch of a group.
type groupCall struct {
	once    sync.Once
	results any // map[K]*dataloader.Result[V]
}

// dedupe returns keys without repeats, in order of first appearance.
func dedupe[K comparable](keys []K) []K {
	seen := make(map[K]bool, len(keys))
	out := make([]K, 0, len(keys))
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// relation reads one kind of key: through its timed loader, or with its
// batch function for a whole group of siblings.
type relation[K comparable, V any] struct {
	batch  dataloader.BatchFunc[K, V]
	loader *dataloader.Loader[K, V]
}

func newRelation[K comparable, V any](batch dataloader.BatchFunc[K, V], wait time.Duration) *relation[K, V] {
	return &relation[K, V]{batch: batch, loader: newLoader(batch, wait)}
}

// get answers key, from g's batch when g is set. Groups are kept per
// relation: two relations asked from one path (aliases in fragments of a
// union) never share a batch.
func (r *relation[K, V]) get(ctx context.Context, l *Loaders, g Group[K], key K) (V, error) {
	if l.unbatched {
		res := r.batch(ctx, []K{key})[0]
		return res.Data, res.Error
	}
	if g.Key != "" {
		g.Key = fmt.Sprintf("%p|%s", r, g.Key)
	}
	return groupLoad(ctx, l, g, r.batch, r.loader, key)
}

// groupLoad answers key from the batch of group g, reading it on the first
// ask; a key that is not in the group falls back to the loader fallback.
func groupLoad[K comparable, V any](
	ctx context.Context, l *Loaders, g Group[K], batch dataloader.BatchFunc[K, V],
	fallback *dataloader.Loader[K, V], key K,
) (V, error) {
	if g.Key == "" {
		return load(ctx, fallback, key)
	}

	v, _ := l.groups.LoadOrStore(g.Key, &groupCall{})
	call := v.(*groupCall)
	call.once.Do(func() {
		keys := dedupe(append(g.Keys, key))

		results := batch(ctx, keys)
		byKey := make(map[K]*dataloader.Result[V], len(keys))
		for i, k := range keys {
			byKey[k] = results[i]
		}
		call.results = byKey
	})

	if r, ok := call.results.(map[K]*dataloader.Result[V])[key]; ok {
		return r.Data, r.Error
	}
	return load(ctx, fallback, key)
}

// RememberList records the items of a list field at path, so that the
// relations of its items can be read for all of them at once.
func (l *Loaders) RememberList(path string, items any) {
	l.lists.Store(path, items)
}

// RememberListOnce records the items make returns for path, unless items
// are recorded for it already.
func (l *Loaders) RememberListOnce(path string, make func() any) {
	if _, ok := l.lists.Load(path); !ok {
		l.lists.LoadOrStore(path, make())
	}
}

// List returns the items recorded for path, or nil.
func (l *Loaders) List(path string) any {
	v, _ := l.lists.Load(path)
	return v
}
