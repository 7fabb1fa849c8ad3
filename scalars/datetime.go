// Package scalars implements the facade's own GraphQL scalars. gqlgen
// finds MarshalX and UnmarshalX here for a scalar X bound to this package.
// Their Unmarshal functions take the context, so that an input they refuse
// names its argument (see [BadInput]).
package scalars

import (
	"context"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// dateLayouts are the forms a DateTime input may take: RFC 3339 with an
// offset, or a calendar date, which means its midnight in UTC.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02"}

// MarshalDateTime writes t as an RFC 3339 string with its offset.
func MarshalDateTime(t time.Time) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, strconv.Quote(t.Format(time.RFC3339Nano)))
		return err
	})
}

// UnmarshalDateTime reads an RFC 3339 string ("2024-03-01T12:00:00+08:00")
// or a date ("2024-03-01", midnight UTC); anything else fails with
// BAD_USER_INPUT on the argument being read.
func UnmarshalDateTime(ctx context.Context, v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, BadInput(ctx, "must be a DateTime string, not %T", v)
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, BadInput(ctx,
		"must be a DateTime, written as 2024-03-01T12:00:00+08:00 (RFC 3339) or 2024-03-01 (midnight UTC), got %q",
		shorten(s))
}
