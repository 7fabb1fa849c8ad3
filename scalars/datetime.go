// Package scalars implements the facade's own GraphQL scalars. gqlgen
// finds MarshalX and UnmarshalX here for a scalar X bound to this package.
package scalars

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// InputError is a value from the caller that a scalar cannot take; the
// facade shows it as bad user input.
type InputError struct{ msg string }

func (e *InputError) Error() string { return e.msg }

// BadInput marks the error as the caller's.
func (e *InputError) BadInput() bool { return true }

// dateLayouts are the forms a DateTime input may take: RFC 3339 with an
// offset, or a calendar date, which means its midnight in UTC.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02"}

// MarshalDateTime writes t as an RFC 3339 string with its offset.
func MarshalDateTime(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.Format(time.RFC3339Nano)))
	})
}

// UnmarshalDateTime reads an RFC 3339 string ("2024-03-01T12:00:00+08:00")
// or a date ("2024-03-01", midnight UTC).
func UnmarshalDateTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, &InputError{fmt.Sprintf("a DateTime must be a string, not %T", v)}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, &InputError{fmt.Sprintf(
		"%q is not a DateTime: write it as 2024-03-01T12:00:00+08:00 (RFC 3339) or 2024-03-01", s)}
}
