package resolvers

import (
	"context"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/phizone/graphql-facade/loaders"
)

// A list field's items are remembered under the field's path, so that a
// relation of one item can be read for all the items at once (see
// loaders.Group). Lists read for a whole group of parents (the charts of
// each of 20 songs) are remembered together, under the path with every
// list index written [*]: the owners of all those charts are then one
// group, one call. Paths use response keys, so aliases are separate lists.

// rememberList records items as the list of the field being resolved,
// under its exact path.
func rememberList[T any](ctx context.Context, items []T) {
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		l, key := loaders.For(ctx), fc.Path().String()
		if hop, objects, ok := unwrap(items); ok {
			l.RememberList(key+"."+hop, objects)
		}
		l.RememberList(key, items)
	}
}

// rememberCousins records, once, the items of the field being resolved for
// every parent of its group, under the path with indices as [*]; all
// computes them.
func rememberCousins[T any](ctx context.Context, all func() []T) {
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		l, key := loaders.For(ctx), wildcard(fc.Path())
		l.RememberListOnce(key, func() any {
			items := all()
			if hop, objects, ok := unwrap(items); ok { // before the list: whoever sees it sees both
				l.RememberList(key+"."+hop, objects)
			}
			return items
		})
	}
}

// unwrap reads a list of wrappers, items whose first field embeds the
// object their GraphQL type leads to under its own name (an admittee's
// `chart`): it returns that field's name and the list of the objects, so
// that the objects' relations batch across the list too.
func unwrap[T any](items []T) (string, any, bool) {
	t := reflect.TypeFor[T]()
	if len(items) == 0 || t.Kind() != reflect.Struct || t.NumField() == 0 {
		return "", nil, false
	}
	f := t.Field(0)
	if !f.Anonymous || f.Type.Kind() != reflect.Struct {
		return "", nil, false
	}

	objects := reflect.MakeSlice(reflect.SliceOf(f.Type), len(items), len(items))
	for i := range items {
		objects.Index(i).Set(reflect.ValueOf(items[i]).Field(0))
	}
	return strings.ToLower(f.Name[:1]) + f.Name[1:], objects.Interface(), true
}

// groupOf returns the group of the field being resolved across the
// siblings (or cousins) of its parent object, with keyOf of each (those
// for which it reports false are left out). It is the zero Group when the
// parent is not an item of a remembered list of T.
func groupOf[T any, K comparable](ctx context.Context, keyOf func(*T) (K, bool)) loaders.Group[K] {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return loaders.Group[K]{}
	}

	list, hop, field, ok := listOfParent(fc.Path())
	if !ok {
		return loaders.Group[K]{}
	}

	l := loaders.For(ctx)
	key := wildcard(list) + hop
	items, ok := l.List(key).([]T)
	if !ok {
		key = list.String() + hop
		if items, ok = l.List(key).([]T); !ok {
			return loaders.Group[K]{}
		}
	}

	keys := make([]K, 0, len(items))
	for i := range items {
		if k, ok := keyOf(&items[i]); ok {
			keys = append(keys, k)
		}
	}
	return loaders.Group[K]{Key: key + "[*]." + field, Keys: keys}
}

// listOfParent reads the path of a field whose parent object is an item of
// a list, or the object an item wraps (items[i].chart): it returns the path
// of the field that returned the list (a connection, for items under nodes
// or edges.node), ".chart" for a wrapped object, and the field's own
// response key.
func listOfParent(path ast.Path) (ast.Path, string, string, bool) {
	if len(path) < 3 {
		return nil, "", "", false
	}
	field, ok := path[len(path)-1].(ast.PathName)
	if !ok {
		return nil, "", "", false
	}

	parent := path[:len(path)-1]
	if name, ok := parent[len(parent)-1].(ast.PathName); ok && name == "node" {
		parent = parent[:len(parent)-1] // edges[i].node
	}
	hop := ""
	if name, ok := parent[len(parent)-1].(ast.PathName); ok && len(parent) > 2 {
		if _, ok := parent[len(parent)-2].(ast.PathIndex); ok {
			hop, parent = "."+string(name), parent[:len(parent)-1] // items[i].chart
		}
	}
	if _, ok := parent[len(parent)-1].(ast.PathIndex); !ok {
		return nil, "", "", false
	}
	list := parent[:len(parent)-1]

	if name, ok := list[len(list)-1].(ast.PathName); ok && (name == "nodes" || name == "edges") && len(list) > 1 {
		list = list[:len(list)-1]
	}
	return list, hop, string(field), true
}

// wildcard writes path with every list index as [*].
func wildcard(path ast.Path) string {
	var out ast.Path
	for _, el := range path {
		if _, ok := el.(ast.PathIndex); ok {
			out = append(out, ast.PathName("[*]"))
			continue
		}
		out = append(out, el)
	}
	return out.String()
}
