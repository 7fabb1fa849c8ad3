package sandbox

import (
	"reflect"
	"slices"
	"strings"
)

// sortItems orders a list as the upstream's LinqUtil.OrderBy does: by the
// Order fields in turn, each descending when the Desc at its index is true;
// no fields means DateCreated. A field is found by name ignoring case; an
// unknown (or unorderable) field falls back to Id, else to the first
// property. Null sorts last ascending and first descending, as PostgreSQL
// does; ties keep the table's order.
func sortItems[T any](items []T, order []string, desc []bool) {
	if len(order) == 0 {
		order = []string{"DateCreated"}
	}
	t := reflect.TypeFor[T]()
	type key struct {
		path []int
		desc bool
	}
	var keys []key
	for i, name := range order {
		if strings.TrimSpace(name) == "" {
			continue
		}
		keys = append(keys, key{orderPath(t, strings.TrimSpace(name)), i < len(desc) && desc[i]})
	}
	type row struct {
		item T
		vals []any
		ok   []bool
	}
	rows := make([]row, len(items))
	for i := range items {
		v := reflect.ValueOf(&items[i]).Elem()
		r := row{item: items[i], vals: make([]any, len(keys)), ok: make([]bool, len(keys))}
		for j, k := range keys {
			r.vals[j], r.ok[j] = entityValue(v.FieldByIndex(k.path))
		}
		rows[i] = r
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		for j, k := range keys {
			c := 0
			switch {
			case !a.ok[j] && !b.ok[j]:
			case !a.ok[j]:
				c = 1
			case !b.ok[j]:
				c = -1
			default:
				c = compare(a.vals[j], b.vals[j])
			}
			if k.desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	for i, r := range rows {
		items[i] = r.item
	}
}

func orderPath(t reflect.Type, name string) []int {
	for _, n := range []string{name, "Id"} {
		if p, ok := fieldPath(t, n); ok && orderable(t.FieldByIndex(p).Type) {
			return p
		}
	}
	return []int{0}
}

func orderable(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		return t == timeType
	case reflect.Slice, reflect.Map, reflect.Interface:
		return false
	}
	return true
}
