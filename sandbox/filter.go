package sandbox

import (
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The filter engine follows the upstream's FilterService: every property of
// a filter DTO is a query parameter whose name prefix says what it does to
// the entity property named by the rest:
//
//	MinX, MaxX          X >= v, X <= v (numbers, time spans)
//	RangeX              X is one of the values (repeated keys)
//	IsX                 the boolean property IsX equals v (the full name)
//	HasX                the boolean property X equals v
//	EqualsX, ContainsX  case-insensitive string equality and substring
//	EarliestX, LatestX  X >= v, X <= v for dates
//
// A null entity value never matches. Resources with IsHidden lose their
// hidden rows unless the caller is an administrator or the query has RangeId.

// A query holds the request's query parameters with names folded to lower
// case, as the upstream binds them case-insensitively.
type query map[string][]string

func foldQuery(v url.Values) query {
	q := query{}
	for k, vs := range v {
		k = strings.ToLower(k)
		q[k] = append(q[k], vs...)
	}
	return q
}

// values returns a parameter's values, empty ones dropped.
func (q query) values(name string) []string {
	var out []string
	for _, v := range q[strings.ToLower(name)] {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}

// A fieldError is one entry of the envelope's errors: a field and its
// messages.
type fieldError struct {
	Field  string   `json:"field"`
	Errors []string `json:"errors"`
}

func invalidValue(field, value string) fieldError {
	return fieldError{Field: field, Errors: []string{
		fmt.Sprintf("The value '%s' is not valid for %s.", value, field),
	}}
}

// guid is a GUID-typed filter value.
type guid string

var (
	timeType     = reflect.TypeFor[time.Time]()
	timeSpanType = reflect.TypeFor[TimeSpan]()
	guidType     = reflect.TypeFor[guid]()
	enumIface    = reflect.TypeFor[enum]()
)

// parseScalar reads one query value as type t; it reports false when the
// upstream's model binder would reject the value.
func parseScalar(t reflect.Type, s string) (reflect.Value, bool) {
	s = strings.TrimSpace(s)
	v := reflect.New(t).Elem()
	switch {
	case t == timeType:
		d, err := parseDate(s)
		if err != nil {
			return v, false
		}
		v.Set(reflect.ValueOf(d))
	case t == timeSpanType:
		d, err := parseTimeSpan(s)
		if err != nil {
			return v, false
		}
		v.SetInt(int64(d))
	case t == guidType:
		g, ok := parseGUID(s)
		if !ok {
			return v, false
		}
		v.SetString(g)
	case t.Implements(enumIface):
		n, ok := parseEnum(reflect.Zero(t).Interface().(enum), s)
		if !ok {
			return v, false
		}
		v.SetInt(int64(n))
	default:
		return parseBasic(v, s)
	}
	return v, true
}

func parseBasic(v reflect.Value, s string) (reflect.Value, bool) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		b, ok := map[string]bool{"true": true, "false": false}[strings.ToLower(s)]
		if !ok {
			return v, false
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, v.Type().Bits())
		if err != nil {
			return v, false
		}
		v.SetInt(n)
	case reflect.Uint64, reflect.Uint32:
		n, err := strconv.ParseUint(s, 10, v.Type().Bits())
		if err != nil {
			return v, false
		}
		v.SetUint(n)
	case reflect.Float64:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return v, false
		}
		v.SetFloat(f)
	default:
		return v, false
	}
	return v, true
}

// parseEnum reads an enum by name (any case) or number; the value must be
// defined.
func parseEnum(e enum, s string) (int, bool) {
	names := e.names()
	for i, n := range names {
		if strings.EqualFold(n, s) {
			return i, true
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n < len(names)
}

// A filterField is one property of a filter DTO, bound to the entity
// property it acts on.
type filterField struct {
	name   string
	action string
	elem   reflect.Type
	list   bool
	path   []int
}

// A filterSpec is a filter DTO bound to an entity type.
type filterSpec struct {
	fields   []filterField
	hideable []int
}

var actions = []string{
	"Min", "Max", "Range", "Is", "Has", "Equals", "Contains", "Earliest", "Latest",
}

var specs sync.Map

// specFor builds (once) the spec of filter DTO F over entity E. A filter
// whose stripped name is no property of E acts on the property of its full
// name (the upstream's RecordFilterDto.MaxCombo is such a case).
func specFor[F, E any]() *filterSpec {
	key := [2]reflect.Type{reflect.TypeFor[F](), reflect.TypeFor[E]()}
	if s, ok := specs.Load(key); ok {
		return s.(*filterSpec)
	}
	ft, et := key[0], key[1]
	spec := &filterSpec{}
	for _, f := range reflect.VisibleFields(ft) {
		if f.Anonymous {
			continue
		}
		name := f.Tag.Get("query")
		if name == "" {
			name = f.Name
		}
		ff := filterField{name: name, elem: f.Type.Elem(), list: f.Type.Kind() == reflect.Slice}
		for _, a := range actions {
			if strings.HasPrefix(name, a) {
				ff.action = a
				break
			}
		}
		target := strings.TrimPrefix(name, ff.action)
		if ff.action == "Is" {
			target = name
		}
		path, ok := fieldPath(et, target)
		if !ok {
			path, ok = fieldPath(et, name)
		}
		if !ok || ff.action == "" {
			panic(fmt.Sprintf("sandbox: filter %s.%s has no target in %s", ft.Name(), name, et.Name()))
		}
		ff.path = path
		spec.fields = append(spec.fields, ff)
	}
	if path, ok := fieldPath(et, "IsHidden"); ok {
		spec.hideable = path
	}
	specs.Store(key, spec)
	return spec
}

// fieldPath finds an entity property by its upstream name, ignoring case;
// "XId" also finds the Id of an embedded X (a user's RegionId).
func fieldPath(t reflect.Type, name string) ([]int, bool) {
	for _, f := range reflect.VisibleFields(t) {
		if !f.Anonymous && strings.EqualFold(f.Name, name) {
			return f.Index, true
		}
	}
	if len(name) > 2 && strings.EqualFold(name[len(name)-2:], "id") {
		if outer, ok := fieldPath(t, name[:len(name)-2]); ok {
			if ot := t.FieldByIndex(outer).Type; ot.Kind() == reflect.Struct && ot != timeType {
				if inner, ok := fieldPath(ot, "id"); ok {
					return append(append([]int{}, outer...), inner...), true
				}
			}
		}
	}
	return nil, false
}

// A condition tests one entity (a struct value).
type condition func(e reflect.Value) bool

// bind parses the filter's parameters from q. It returns the entity test
// and the binding errors, one per bad parameter.
func (s *filterSpec) bind(q query, admin bool) (condition, []fieldError) {
	var conds []condition
	var errs []fieldError
	rangeID := false
	for _, f := range s.fields {
		raw := q.values(f.name)
		if len(raw) == 0 {
			continue
		}
		if !f.list {
			raw = raw[:1]
		}
		var vals []any
		bad := false
		for _, r := range raw {
			v, ok := parseScalar(f.elem, r)
			if !ok {
				errs = append(errs, invalidValue(f.name, r))
				bad = true
				break
			}
			vals = append(vals, comparable(v))
		}
		if bad {
			continue
		}
		rangeID = rangeID || f.name == "RangeId"
		conds = append(conds, f.condition(vals))
	}
	if s.hideable != nil && !admin && !rangeID {
		path := s.hideable
		conds = append(conds, func(e reflect.Value) bool { return !e.FieldByIndex(path).Bool() })
	}
	return func(e reflect.Value) bool {
		for _, c := range conds {
			if !c(e) {
				return false
			}
		}
		return true
	}, errs
}

func (f filterField) condition(vals []any) condition {
	path, action := f.path, f.action
	return func(e reflect.Value) bool {
		got, ok := entityValue(e.FieldByIndex(path))
		if !ok {
			return false
		}
		switch action {
		case "Min", "Earliest":
			return compare(got, vals[0]) >= 0
		case "Max", "Latest":
			return compare(got, vals[0]) <= 0
		case "Range":
			for _, v := range vals {
				if compare(got, v) == 0 {
					return true
				}
			}
			return false
		case "Is", "Has":
			return compare(got, vals[0]) == 0
		case "Equals":
			gs, ok := got.(string)
			return ok && strings.EqualFold(gs, vals[0].(string))
		case "Contains":
			gs, ok := got.(string)
			return ok && strings.Contains(strings.ToUpper(gs), strings.ToUpper(vals[0].(string)))
		}
		return false
	}
}

// entityValue dereferences a property; a nil pointer is absent.
func entityValue(v reflect.Value) (any, bool) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil, false
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct, reflect.Slice, reflect.Map:
		if v.Type() != timeType {
			return nil, false
		}
	}
	return comparable(v), true
}

// comparable maps a scalar to float64 (numbers, enums, spans), string,
// bool or time.Time.
func comparable(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Int, reflect.Int32, reflect.Int64:
		return float64(v.Int())
	case reflect.Uint, reflect.Uint32, reflect.Uint64:
		return float64(v.Uint())
	case reflect.Float64:
		return v.Float()
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	}
	return v.Interface()
}

// compare orders two comparable values of the same kind.
func compare(a, b any) int {
	switch a := a.(type) {
	case float64:
		b, _ := b.(float64)
		return cmp3(a < b, a > b)
	case string:
		b, _ := b.(string)
		return strings.Compare(a, b)
	case bool:
		b, _ := b.(bool)
		return cmp3(!a && b, a && !b)
	case time.Time:
		b, _ := b.(time.Time)
		return a.Compare(b)
	}
	return 0
}

func cmp3(less, more bool) int {
	switch {
	case less:
		return -1
	case more:
		return 1
	}
	return 0
}
