package facade

import (
	"context"
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits bound what one request may ask, checked before any upstream call.
// A zero field takes its default.
type Limits struct {
	// MaxBodyBytes bounds a request body other than a multipart upload
	// (default 1 MiB); a larger one is refused with 413.
	MaxBodyBytes int64
	// MaxTokens bounds the tokens of a GraphQL document (default 15,000).
	MaxTokens int
	// MaxDepth bounds how deep selections nest, fragments included
	// (default 15).
	MaxDepth int
	// MaxFields bounds the fields a document selects, aliases and
	// fragments expanded (default 500; a whole page asks for 50 or so).
	MaxFields int
	// UpstreamCalls bounds the upstream calls of one request while it runs
	// (default 250).
	UpstreamCalls int64
	// MaxCost bounds the upstream calls an operation is estimated to make,
	// checked before it runs (default UpstreamCalls).
	MaxCost int64
	// MaxDirectives bounds the directives of a document (default 50).
	MaxDirectives int
	// RequestTimeout bounds the time one request may take, all its upstream
	// calls together (default 30 s); fields still waiting then fail with
	// UPSTREAM_TIMEOUT.
	RequestTimeout time.Duration
	// MaxInFlight bounds the GraphQL requests served at once (default 256);
	// more wait up to a second for a place, then get 503, so that a slow
	// upstream cannot pile up work without bound. A request takes a place
	// only once its body has arrived, and uploads take none (they have
	// slots of their own), so slow bodies cannot fill the places.
	MaxInFlight int
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxTokens, 15_000)
	def(&l.MaxDepth, 15)
	def(&l.MaxFields, 500)
	def(&l.MaxDirectives, 50)
	def(&l.MaxInFlight, 256)
	if l.MaxBodyBytes <= 0 {
		l.MaxBodyBytes = 1 << 20
	}
	if l.UpstreamCalls <= 0 {
		l.UpstreamCalls = 250
	}
	if l.MaxCost <= 0 {
		l.MaxCost = l.UpstreamCalls
	}
	if l.RequestTimeout <= 0 {
		l.RequestTimeout = 30 * time.Second
	}
	return l
}

// CodeQueryTooComplex is the error code of a document over a limit.
const CodeQueryTooComplex = "QUERY_TOO_COMPLEX"

// checkShape refuses an operation that nests deeper than MaxDepth or
// selects more than MaxFields fields, before it runs.
func checkShape(l Limits) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		op := graphql.GetOperationContext(ctx)
		m := measure{doc: op.Doc, maxFields: l.MaxFields, fragments: map[string]shape{}}
		s := m.selections(op.Operation.SelectionSet, 0)

		var msg string
		switch {
		case countDirectives(op.Doc) > l.MaxDirectives:
			msg = fmt.Sprintf("the document holds more than %d directives", l.MaxDirectives)
		case s.depth > l.MaxDepth:
			msg = fmt.Sprintf("the operation nests %d levels deep; the limit is %d", s.depth, l.MaxDepth)
		case s.fields > l.MaxFields:
			msg = fmt.Sprintf("the operation selects more than %d fields, aliases and fragments counted", l.MaxFields)
		default:
			return next(ctx)
		}
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
			Message:    msg,
			Extensions: map[string]any{"code": CodeQueryTooComplex},
		}}})
	}
}

// shape is the depth and field count of a selection set.
type shape struct{ depth, fields int }

// measure walks a document, counting each fragment once and stopping to
// count at maxFields, so that fragment bombs cost little.
type measure struct {
	doc       *ast.QueryDocument
	maxFields int
	fragments map[string]shape
}

func (m *measure) selections(set ast.SelectionSet, seen int) shape {
	var s shape
	for _, sel := range set {
		var inner shape
		switch sel := sel.(type) {
		case *ast.Field:
			inner = m.selections(sel.SelectionSet, s.fields+seen)
			inner.depth++
			inner.fields++
		case *ast.InlineFragment:
			inner = m.selections(sel.SelectionSet, s.fields+seen)
		case *ast.FragmentSpread:
			inner = m.fragment(sel.Name, s.fields+seen)
		}
		s.depth = max(s.depth, inner.depth)
		s.fields = min(s.fields+inner.fields, m.maxFields+1)
		if s.fields+seen > m.maxFields {
			return s
		}
	}
	return s
}

func (m *measure) fragment(name string, seen int) shape {
	if s, ok := m.fragments[name]; ok {
		return s
	}
	m.fragments[name] = shape{} // validation refuses cycles; this ends them here too
	def := m.doc.Fragments.ForName(name)
	if def == nil {
		return shape{}
	}
	s := m.selections(def.SelectionSet, seen)
	m.fragments[name] = s
	return s
}

// countDirectives counts the directives written in a document.
func countDirectives(doc *ast.QueryDocument) int {
	n := 0
	var walk func(set ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				n += len(sel.Directives)
				walk(sel.SelectionSet)
			case *ast.InlineFragment:
				n += len(sel.Directives)
				walk(sel.SelectionSet)
			case *ast.FragmentSpread:
				n += len(sel.Directives)
			}
		}
	}
	for _, op := range doc.Operations {
		n += len(op.Directives)
		walk(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		n += len(f.Directives)
		walk(f.SelectionSet)
	}
	return n
}
