package scalars

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
)

// GraphQL's Int is a signed 32-bit integer; an input outside that range
// must be refused (GraphQL specification, section 3.5.1). gqlgen's own Int
// takes any 64-bit value, which the facade would forward upstream.

// MarshalInt writes i as a GraphQL Int.
func MarshalInt(i int) graphql.ContextMarshaler { return marshalInt(int64(i)) }

// UnmarshalInt reads a GraphQL Int input, refusing a value outside the
// signed 32-bit range with BAD_USER_INPUT on the argument being read.
func UnmarshalInt(ctx context.Context, v any) (int, error) {
	n, err := unmarshalInt32(ctx, v)
	return int(n), err
}

// MarshalInt64 writes i, a Go int64 bound to GraphQL's Int, as it is.
func MarshalInt64(i int64) graphql.ContextMarshaler { return marshalInt(i) }

// UnmarshalInt64 is UnmarshalInt for Go int64 fields (filters on counts):
// the GraphQL type is Int all the same, so the range is 32 bits.
func UnmarshalInt64(ctx context.Context, v any) (int64, error) {
	n, err := unmarshalInt32(ctx, v)
	return int64(n), err
}

func marshalInt(i int64) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, strconv.FormatInt(i, 10))
		return err
	})
}

func unmarshalInt32(ctx context.Context, v any) (int32, error) {
	n, err := graphql.UnmarshalInt64(v)
	if err != nil || n < math.MinInt32 || n > math.MaxInt32 {
		return 0, BadInput(ctx, "must be an Int, a 32-bit integer from %d to %d, got %v",
			math.MinInt32, math.MaxInt32, shorten(fmt.Sprint(v)))
	}
	return int32(n), nil
}
