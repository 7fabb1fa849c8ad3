package upstream

import (
	"encoding"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// QueryValuer is implemented by types that choose their own query-string
// form, such as [TimeSpan]. [EncodeQuery] prefers it to every other rule.
type QueryValuer interface {
	QueryValue() string
}

// Page-size rules of the upstream's list routes (see [ListOptions.PerPage]).
const (
	// DefaultPerPage is the page size the upstream applies when PerPage is 0.
	DefaultPerPage = 30
	// MaxPerPage is the page size the upstream applies when PerPage is
	// outside 1..MaxPerPage-1, negative values included.
	MaxPerPage = 1000
)

// ListOptions holds the paging, ordering and search parameters that every
// list route takes. Each list route's options struct embeds it.
type ListOptions struct {
	// Page is the page number, from 1; 0 leaves it out (the upstream's
	// default is 1).
	Page int `query:"Page,omitempty"`
	// PerPage is the page size; 0 leaves it out, which means
	// [DefaultPerPage], and any value outside 1..999 (-1 included) means
	// [MaxPerPage]. See [ListOptions.EffectivePerPage].
	PerPage int `query:"PerPage,omitempty"`
	// Order lists the fields to sort by, such as "dateCreated".
	Order []string `query:"Order"`
	// Desc says, per entry of Order, whether that sort is descending.
	Desc []bool `query:"Desc"`
	// Search is a full-text query; empty leaves it out.
	Search string `query:"Search,omitempty"`
}

// EffectivePerPage returns the page size the upstream will apply for
// o.PerPage: [DefaultPerPage] for 0, o.PerPage for 1..999 and [MaxPerPage]
// for anything else.
func (o ListOptions) EffectivePerPage() int {
	switch {
	case o.PerPage == 0:
		return DefaultPerPage
	case o.PerPage > 0 && o.PerPage < MaxPerPage:
		return o.PerPage
	default:
		return MaxPerPage
	}
}

var (
	timeType        = reflect.TypeFor[time.Time]()
	queryValuerType = reflect.TypeFor[QueryValuer]()
	textType        = reflect.TypeFor[encoding.TextMarshaler]()
)

// EncodeQuery writes v, a struct or a pointer to one, as query parameters
// named by the fields' `query:"Name"` tags. Untagged fields and fields tagged
// `query:"-"` are skipped; embedded structs (and non-nil embedded pointers to
// structs) are flattened.
//
// Nil pointers and nil or empty slices are always left out; other zero values
// are left out when tagged `query:"Name,omitempty"`, but a non-nil pointer is
// written even when it points to a zero value (a *bool filter set to false). Slices become repeated
// keys (RangeId=a&RangeId=b). Values are written as follows: a [QueryValuer]
// by its QueryValue method; [time.Time] in RFC 3339 with its offset; an
// [encoding.TextMarshaler] (such as a UUID) by its text; bool as
// "true"/"false"; integers in decimal; floats with strconv's 'f' format and
// the shortest precision; strings as they are. Named types follow their
// underlying kind, so integer enums are written as numbers.
//
// A nil v gives an empty result. EncodeQuery panics when v is not a struct
// or holds a field of a type it cannot write: both are programming errors.
func EncodeQuery(v any) url.Values {
	out := url.Values{}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return out
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return out
	}
	if rv.Kind() != reflect.Struct {
		panic(fmt.Sprintf("upstream: EncodeQuery of %s, want a struct", rv.Type()))
	}
	encodeStruct(out, rv)
	return out
}

// encodeStruct adds the tagged fields of the struct rv to out.
func encodeStruct(out url.Values, rv reflect.Value) {
	rt := rv.Type()
	for i := range rt.NumField() {
		f := rt.Field(i)
		fv := rv.Field(i)
		tag, tagged := f.Tag.Lookup("query")
		if tag == "-" {
			continue
		}

		if f.Anonymous && !tagged {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() || fv.Type().Elem().Kind() != reflect.Struct {
					continue
				}
				fv = fv.Elem()
			}
			if fv.Kind() == reflect.Struct {
				encodeStruct(out, fv)
			}
			continue
		}
		if !tagged || !f.IsExported() {
			continue
		}

		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		omitEmpty := opts == "omitempty"
		encodeField(out, name, fv, omitEmpty, rt.Name()+"."+f.Name)
	}
}

// encodeField adds the value of one field, named name, to out.
func encodeField(out url.Values, name string, fv reflect.Value, omitEmpty bool, where string) {
	for fv.Kind() == reflect.Pointer || fv.Kind() == reflect.Interface {
		if fv.IsNil() {
			return
		}
		if ownForm(fv.Type()) {
			break // a pointer type with its own QueryValue or MarshalText
		}
		fv = fv.Elem()
		omitEmpty = false // a non-nil pointer is always written
	}

	// Arrays with their own form (a UUID is a [16]byte) are single values.
	if k := fv.Kind(); (k == reflect.Slice || k == reflect.Array) && !ownForm(fv.Type()) {
		for j := range fv.Len() {
			encodeField(out, name, fv.Index(j), false, where)
		}
		return
	}

	if omitEmpty && fv.IsZero() {
		return
	}
	s, ok := scalar(fv)
	if !ok {
		panic(fmt.Sprintf("upstream: EncodeQuery cannot write %s of type %s", where, fv.Type()))
	}
	out.Add(name, s)
}

// scalar returns the query form of fv, or false when fv is not a value
// EncodeQuery writes as one parameter.
func scalar(fv reflect.Value) (string, bool) {
	t := fv.Type()
	if t.Implements(queryValuerType) && !nilPointer(fv) {
		return fv.Interface().(QueryValuer).QueryValue(), true
	}
	if t == timeType {
		return fv.Interface().(time.Time).Format(time.RFC3339Nano), true
	}
	if t.Implements(textType) && !nilPointer(fv) {
		b, err := fv.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			panic(fmt.Sprintf("upstream: EncodeQuery: %s.MarshalText: %v", t, err))
		}
		return string(b), true
	}

	switch fv.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(fv.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(fv.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(fv.Uint(), 10), true
	case reflect.Float32:
		return strconv.FormatFloat(fv.Float(), 'f', -1, 32), true
	case reflect.Float64:
		return strconv.FormatFloat(fv.Float(), 'f', -1, 64), true
	case reflect.String:
		return fv.String(), true
	}
	return "", false
}

// ownForm reports whether values of t choose their own query form.
func ownForm(t reflect.Type) bool {
	return t == timeType || t.Implements(queryValuerType) || t.Implements(textType)
}

// nilPointer reports whether fv is a nil pointer or interface.
func nilPointer(fv reflect.Value) bool {
	k := fv.Kind()
	return (k == reflect.Pointer || k == reflect.Interface) && fv.IsNil()
}
