package sandbox

import (
	"reflect"
	"strings"
)

var boolType = reflect.TypeFor[bool]()

func lower(s string) string { return strings.ToLower(s) }

func trim(s string) string { return strings.TrimSpace(s) }

// A listing is a bound list request: paging, the filter's test, and the
// tag lists of TagsToInclude/TagsToExclude (normalized; nil when absent).
type listing struct {
	listParams
	match            condition
	include, exclude []string
}

// bind binds a list request's parameters. spec may be nil for routes that
// take no filter; tags says whether the route takes TagsToInclude and
// TagsToExclude. On binding errors it answers 400 InvalidData with all of
// them and reports false.
func (c *call) bind(spec *filterSpec, tags bool) (*listing, bool) {
	p, errs := c.bindList()
	l := &listing{listParams: p}
	if spec != nil {
		m, ferrs := spec.bind(c.q, c.admin)
		l.match, errs = m, append(errs, ferrs...)
	}
	if tags {
		l.include = normalizeAll(c.q.values("TagsToInclude"))
		l.exclude = normalizeAll(c.q.values("TagsToExclude"))
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return nil, false
	}
	return l, true
}

func normalizeAll(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = normalize(n)
	}
	return out
}

// tagsMatch applies TagsToInclude (any tag of any set is listed) and
// TagsToExclude (no tag of any set is listed).
func (l *listing) tagsMatch(sets ...[]Tag) bool {
	has := func(names []string) bool {
		for _, set := range sets {
			for _, t := range set {
				for _, n := range names {
					if t.NormalizedName == n {
						return true
					}
				}
			}
		}
		return false
	}
	if l.include != nil && !has(l.include) {
		return false
	}
	return l.exclude == nil || !has(l.exclude)
}

// collect filters, searches, orders and pages items. keep is the route's
// own condition (parent, visibility) and may be nil; text gives the fields
// Search looks in (a case-insensitive substring), nil where the route
// ignores Search. It returns the page and the total before paging.
func collect[T any](l *listing, items []T, keep func(*T) bool, text func(*T) []string) ([]T, int) {
	var out []T
	needle := strings.ToUpper(l.search)
	for i := range items {
		it := &items[i]
		if keep != nil && !keep(it) {
			continue
		}
		if l.match != nil && !l.match(reflect.ValueOf(it).Elem()) {
			continue
		}
		if needle != "" && text != nil && !containsAny(text(it), needle) {
			continue
		}
		out = append(out, *it)
	}
	sortItems(out, l.order, l.desc)

	total := len(out)
	start := min(l.perPage*(l.page-1), total)
	end := min(start+l.perPage, total)
	return out[start:end], total
}

func containsAny(fields []string, upperNeedle string) bool {
	for _, f := range fields {
		if strings.Contains(strings.ToUpper(f), upperNeedle) {
			return true
		}
	}
	return false
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// mapList renders each item of a page.
func mapList[T, U any](items []T, f func(T) U) []U {
	out := make([]U, len(items))
	for i, it := range items {
		out[i] = f(it)
	}
	return out
}
