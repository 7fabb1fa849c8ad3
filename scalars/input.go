package scalars

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// ArgumentPath names the argument or input field being read in ctx, from
// the field's argument down: "input.title", "input.records[2].title",
// "arrangement". It is empty outside the reading of arguments.
func ArgumentPath(ctx context.Context) string {
	var parts []string
	for pc := graphql.GetPathContext(ctx); pc != nil; pc = pc.Parent {
		switch {
		case pc.Index != nil:
			parts = append(parts, "["+strconv.Itoa(*pc.Index)+"]")
		case pc.Field != nil:
			parts = append(parts, "."+*pc.Field)
		}
	}

	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return strings.TrimPrefix(b.String(), ".")
}

// BadInput is the error of a value the caller gave for the argument being
// read in ctx: BAD_USER_INPUT, with extensions.argument naming it. The
// message starts with that name. The facade's error presenter keeps the
// code and argument set here.
func BadInput(ctx context.Context, format string, a ...any) error {
	arg := ArgumentPath(ctx)
	subject := arg
	if subject == "" {
		subject = "the value"
	}
	msg := subject + " " + fmt.Sprintf(format, a...)

	ext := map[string]any{"code": "BAD_USER_INPUT"}
	if arg != "" {
		ext["argument"] = arg
	}
	return &gqlerror.Error{Message: msg, Extensions: ext}
}

// shorten cuts a value echoed in an error message to 40 characters.
func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
