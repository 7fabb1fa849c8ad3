package resolvers

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/loaders"
)

// maxNodes is the most IDs nodes(ids:) takes.
const maxNodes = 100

// nodeFetcher reads the object of type whose upstream ID is id; all holds
// the IDs of that type asked for in the same field, to read them together.
type nodeFetcher func(ctx context.Context, id string, all []string) (globalid.Node, error)

var (
	nodeTypesMu sync.RWMutex
	nodeTypes   = map[string]nodeFetcher{}
)

// registerNode declares how node(id:) reads objects of a type. Every type
// that implements Node registers itself from its file's init function.
func registerNode(typeName string, fetch nodeFetcher) {
	nodeTypesMu.Lock()
	defer nodeTypesMu.Unlock()
	nodeTypes[typeName] = fetch
}

func nodeFetcherOf(typeName string) nodeFetcher {
	nodeTypesMu.RLock()
	defer nodeTypesMu.RUnlock()
	return nodeTypes[typeName]
}

// decodeNodeID checks a global ID of argument and returns its type and
// upstream ID.
func decodeNodeID(argument, gid string) (string, string, error) {
	typeName, id, err := globalid.Decode(gid)
	if err != nil || nodeFetcherOf(typeName) == nil {
		return "", "", badInput(argument, "%s: %q is not a global ID of this API", argument, gid)
	}
	return typeName, id, nil
}

// Node reads any object by its global ID.
func (r *queryResolver) Node(ctx context.Context, id string) (globalid.Node, error) {
	typeName, local, err := decodeNodeID("id", id)
	if err != nil {
		return nil, err
	}
	return nodeFetcherOf(typeName)(ctx, local, nil)
}

// Nodes reads objects by their global IDs, one batch per type. An ID that
// fails gives null at its place and an error on its index.
func (r *queryResolver) Nodes(ctx context.Context, ids []string) ([]globalid.Node, error) {
	if len(ids) > maxNodes {
		return nil, badInput("ids", "ids takes at most %d IDs, got %d", maxNodes, len(ids))
	}

	out := make([]globalid.Node, len(ids))
	types := make([]string, len(ids))
	locals := make([]string, len(ids))
	byType := map[string][]string{}
	for i, gid := range ids {
		typeName, local, err := decodeNodeID("ids", gid)
		if err != nil { // null at its place; the others are read
			graphql.AddError(ctx, indexedError(ctx, i, err))
			continue
		}
		types[i], locals[i] = typeName, local
		byType[typeName] = append(byType[typeName], local)
	}

	var wg sync.WaitGroup
	for i := range ids {
		if types[i] == "" {
			continue
		}
		wg.Go(loaders.Guard(func() {
			node, err := nodeFetcherOf(types[i])(ctx, locals[i], byType[types[i]])
			if err != nil {
				graphql.AddError(ctx, indexedError(ctx, i, err))
				return
			}
			out[i] = node
		}))
	}
	wg.Wait()

	return out, nil
}

// indexedError places err on element i of the field's list.
func indexedError(ctx context.Context, i int, err error) error {
	e := PresentError(ctx, err)
	path := graphql.GetPath(ctx)
	e.Path = append(append(ast.Path{}, path...), ast.PathIndex(i))
	return e
}

// nodeGroup is the batch of the objects of one type asked for by nodes.
func nodeGroup[K comparable](ctx context.Context, typeName string, all []K) loaders.Group[K] {
	if all == nil {
		return loaders.Group[K]{}
	}
	return loaders.Group[K]{Key: graphql.GetPath(ctx).String() + ":" + typeName, Keys: all}
}
