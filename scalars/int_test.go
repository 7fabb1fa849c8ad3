package scalars

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// argumentContext is the context of reading the input field at path, as
// the generated code builds it.
func argumentContext(path ...any) context.Context {
	ctx := context.Background()
	for _, p := range path {
		switch p := p.(type) {
		case string:
			ctx = graphql.WithPathContext(ctx, graphql.NewPathWithField(p))
		case int:
			ctx = graphql.WithPathContext(ctx, graphql.NewPathWithIndex(p))
		}
	}
	return ctx
}

// wantBadInput checks that err is BAD_USER_INPUT naming argument.
func wantBadInput(t *testing.T, err error, argument string) {
	t.Helper()
	var gerr *gqlerror.Error
	if !errors.As(err, &gerr) || gerr.Extensions["code"] != "BAD_USER_INPUT" ||
		gerr.Extensions["argument"] != argument || !strings.HasPrefix(gerr.Message, argument+" ") {
		t.Errorf("error = %#v, want BAD_USER_INPUT on %s", err, argument)
	}
}

func TestUnmarshalInt(t *testing.T) {
	tests := []struct {
		in   any
		want int
		ok   bool
	}{
		{int64(5), 5, true},
		{json.Number("-7"), -7, true},
		{int64(math.MaxInt32), math.MaxInt32, true},
		{int64(math.MinInt32), math.MinInt32, true},
		{int64(math.MaxInt32) + 1, 0, false},
		{int64(math.MinInt32) - 1, 0, false},
		{int64(1) << 40, 0, false},
		{json.Number("1099511627776"), 0, false},
		{json.Number("99999999999999999999999"), 0, false},
		{json.Number("1.5"), 0, false},
		{"many", 0, false},
	}
	ctx := argumentContext("input", "records", 2, "index")
	for _, tt := range tests {
		got, err := UnmarshalInt(ctx, tt.in)
		if tt.ok && (err != nil || got != tt.want) {
			t.Errorf("UnmarshalInt(%v) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		if !tt.ok {
			wantBadInput(t, err, "input.records[2].index")
		}
		got64, err := UnmarshalInt64(ctx, tt.in)
		if tt.ok && (err != nil || got64 != int64(tt.want)) {
			t.Errorf("UnmarshalInt64(%v) = %d, %v; want %d", tt.in, got64, err, tt.want)
		}
		if !tt.ok {
			wantBadInput(t, err, "input.records[2].index")
		}
	}
}

func TestMarshalInt(t *testing.T) {
	var buf bytes.Buffer
	_ = MarshalInt(-42).MarshalGQLContext(context.Background(), &buf)
	_ = MarshalInt64(1<<40).MarshalGQLContext(context.Background(), &buf)
	if buf.String() != "-421099511627776" {
		t.Errorf("MarshalInt, MarshalInt64 wrote %s", buf.String())
	}
}

func TestArgumentPath(t *testing.T) {
	if got := ArgumentPath(context.Background()); got != "" {
		t.Errorf("outside arguments: %q", got)
	}
	if got := ArgumentPath(argumentContext("arrangement")); got != "arrangement" {
		t.Errorf("an argument: %q", got)
	}
	err := BadInput(context.Background(), "must be %d", 1)
	if gerr := (*gqlerror.Error)(nil); !errors.As(err, &gerr) || gerr.Message != "the value must be 1" ||
		gerr.Extensions["argument"] != nil {
		t.Errorf("BadInput outside arguments = %#v", err)
	}
}
