package resolvers

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/scalars"
)

// directives implements the schema's directives on inputs
// (schema/directives.graphqls). They run while the arguments are read, so
// a value out of bounds fails its field before any upstream call.
var directives = graph.DirectiveRoot{Length: Length, EachLength: EachLength, Range: Range}

// Length implements @length(min, max): the characters (code points) of a
// string, or the items of a list, must number from min to max. A null or
// omitted input passes; the schema's nullability decides about those.
func Length(ctx context.Context, _ any, next graphql.Resolver, minN, maxN *int) (any, error) {
	v, err := next(ctx)
	if err != nil {
		return v, err
	}
	if err := checkLength(ctx, v, minN, maxN); err != nil {
		return nil, err
	}
	return v, nil
}

// EachLength implements @eachLength(min, max): each string of a list must
// have from min to max characters (code points); the error names the item
// (input.tags[3]). A null or omitted list passes.
func EachLength(ctx context.Context, _ any, next graphql.Resolver, minN, maxN *int) (any, error) {
	v, err := next(ctx)
	if err != nil {
		return v, err
	}
	x, ok := present(v)
	if !ok {
		return v, nil
	}
	if x.Kind() != reflect.Slice {
		return nil, fmt.Errorf("@eachLength on %s, which is not a list", x.Type())
	}

	for i := range x.Len() {
		item := graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i))
		if err := checkLength(item, x.Index(i).Interface(), minN, maxN); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// checkLength fails when the string or list v is shorter than minN or
// longer than maxN.
func checkLength(ctx context.Context, v any, minN, maxN *int) error {
	x, ok := present(v)
	if !ok {
		return nil
	}

	var n int
	unit := "characters"
	switch {
	case x.Kind() == reflect.String:
		n = utf8.RuneCountInString(x.String())
	case x.Kind() == reflect.Slice:
		n, unit = x.Len(), "items"
	default:
		return fmt.Errorf("@length on %s, which is neither a string nor a list", x.Type())
	}

	if (minN != nil && n < *minN) || (maxN != nil && n > *maxN) {
		return scalars.BadInput(ctx, "takes %s %s, got %d", bounds(toFloat(minN), toFloat(maxN)), unit, n)
	}
	return nil
}

// Range implements @range(min, max): a number, or each number of a list,
// must lie from min to max. A null or omitted input passes.
func Range(ctx context.Context, _ any, next graphql.Resolver, minV, maxV *float64) (any, error) {
	v, err := next(ctx)
	if err != nil {
		return v, err
	}
	x, ok := present(v)
	if !ok {
		return v, nil
	}

	if x.Kind() != reflect.Slice {
		return v, checkRange(ctx, x, minV, maxV)
	}
	for i := range x.Len() {
		item := graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i))
		if err := checkRange(item, x.Index(i), minV, maxV); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// checkRange fails when the number x lies outside [minV, maxV].
func checkRange(ctx context.Context, x reflect.Value, minV, maxV *float64) error {
	x, ok := present(x.Interface())
	if !ok {
		return nil
	}

	var f float64
	switch s, isSeconds := x.Interface().(interface{ Seconds() float64 }); {
	case isSeconds:
		f = s.Seconds()
	case x.CanInt():
		f = float64(x.Int())
	case x.CanFloat():
		f = x.Float()
	default:
		return fmt.Errorf("@range on %s, which is not a number", x.Type())
	}

	if (minV != nil && f < *minV) || (maxV != nil && f > *maxV) {
		return scalars.BadInput(ctx, "must be %s, got %s", bounds(minV, maxV), formatNumber(f))
	}
	return nil
}

// present unwraps pointers and graphql.Omittable; ok is false for a value
// that is null or left out.
func present(v any) (reflect.Value, bool) {
	x := reflect.ValueOf(v)
	for x.IsValid() {
		switch {
		case x.Kind() == reflect.Pointer || x.Kind() == reflect.Interface:
			if x.IsNil() {
				return x, false
			}
			x = x.Elem()
		case x.Kind() == reflect.Struct && x.MethodByName("ValueOK").IsValid():
			// graphql.Omittable[T]
			out := x.MethodByName("ValueOK").Call(nil)
			if !out[1].Bool() {
				return x, false
			}
			x = out[0]
		default:
			return x, true
		}
	}
	return x, false
}

// bounds says "from 1 to 5", "at least 0" or "at most 100".
func bounds(lo, hi *float64) string {
	switch {
	case lo != nil && hi != nil:
		return "from " + formatNumber(*lo) + " to " + formatNumber(*hi)
	case lo != nil:
		return "at least " + formatNumber(*lo)
	case hi != nil:
		return "at most " + formatNumber(*hi)
	}
	return "any value"
}

func toFloat(n *int) *float64 {
	if n == nil {
		return nil
	}
	f := float64(*n)
	return &f
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
