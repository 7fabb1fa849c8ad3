package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// Relation is a read of one kind of key that areas of the API declare in
// their own files, made for each request on first use: by ID, children of
// parents, or one call per key.
type Relation[K comparable, V any] struct {
	name string
	make func(c *upstream.Client) dataloader.BatchFunc[K, V]
}

// Get answers key for the request's loaders, from g's batch when g is set.
func (r Relation[K, V]) Get(ctx context.Context, g Group[K], key K) (V, error) {
	l := For(ctx)
	v, ok := l.more.Load(r.name)
	if !ok {
		v, _ = l.more.LoadOrStore(r.name, newRelation(r.make(l.client), l.wait))
	}
	return v.(*relation[K, V]).get(ctx, l, g, key)
}

// Read is Get with the key before the group, the order of a child read.
func (r Relation[K, V]) Read(ctx context.Context, key K, g Group[K]) (V, error) {
	return r.Get(ctx, g, key)
}

// ByID declares a relation that reads resources by ID from a list route
// through its RangeId filter; idOf tells each resource's ID. name must be
// unique among relations.
func ByID[K comparable, V any](name, route string, idOf func(*V) K) Relation[K, *V] {
	return Relation[K, *V]{name: name, make: func(c *upstream.Client) dataloader.BatchFunc[K, *V] {
		return byIDBatch(c, route, idOf)
	}}
}

// Children declares a relation that reads windows of the children of
// parents from a list route whose parentParam filter names the parent;
// parentOf tells each child's parent. single, when not empty, is the
// parent's own route for its children ("/charts/{id}/likes"), read when a
// single parent is asked for.
func Children[T any](name, route, parentParam, single string, parentOf func(*T) string) Relation[ChildKey, paging.Slice[T]] {
	spec := childSpec[T]{route: route, parentParam: parentParam, parentOf: parentOf, single: single}
	return Relation[ChildKey, paging.Slice[T]]{name: name, make: func(c *upstream.Client) dataloader.BatchFunc[ChildKey, paging.Slice[T]] {
		return childBatch(c, spec)
	}}
}

// EachKey declares a relation the upstream answers for one key at a time:
// read runs for every key of a batch at once.
func EachKey[K comparable, V any](name string, read func(ctx context.Context, c *upstream.Client, key K) (V, error)) Relation[K, V] {
	return Relation[K, V]{name: name, make: func(c *upstream.Client) dataloader.BatchFunc[K, V] {
		return eachKey(func(ctx context.Context, k K) (V, error) { return read(ctx, c, k) })
	}}
}

// Batch declares a relation with a batch function of its own: batch gets
// the request's client and all the keys of a batch, and answers one
// result per key, in order.
func Batch[K comparable, V any](
	name string, batch func(ctx context.Context, c *upstream.Client, keys []K) []*dataloader.Result[V],
) Relation[K, V] {
	return Relation[K, V]{name: name, make: func(c *upstream.Client) dataloader.BatchFunc[K, V] {
		return func(ctx context.Context, keys []K) []*dataloader.Result[V] { return batch(ctx, c, keys) }
	}}
}
