package facade

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
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
	// upstream cannot pile up work without bound.
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

// limitBody refuses methods GraphQL over HTTP does not use and bodies over
// max. A multipart upload may be larger (up to uploadMax) but must name its
// length, come from a signed-in caller (every upload is a write), and wait
// for one of a few slots, so that uploads cannot exhaust memory or files.
func limitBody(max, uploadMax int64, next http.Handler) http.Handler {
	slots := make(chan struct{}, maxConcurrentUploads)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodPost, http.MethodOptions:
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			http.Error(w, "method not allowed: use GET or POST", http.StatusMethodNotAllowed)
			return
		}

		if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
			if r.ContentLength < 0 {
				// Chunked: read it here, or a body over max would reach
				// gqlgen as a read error, which it answers with 200.
				body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
				if err != nil {
					http.Error(w, "could not read the request body", http.StatusBadRequest)
					return
				}
				r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
			}
			if r.ContentLength > max {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, max)
			next.ServeHTTP(w, r)
			return
		}

		switch {
		case r.Header.Get("Authorization") == "":
			http.Error(w, "uploads need a signed-in caller: send Authorization: Bearer <token>", http.StatusUnauthorized)
			return
		case r.ContentLength < 0:
			http.Error(w, "an upload must send its Content-Length", http.StatusLengthRequired)
			return
		case r.ContentLength > max+uploadMax:
			http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
			return
		}
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		case <-r.Context().Done():
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max+uploadMax)
		next.ServeHTTP(w, r)
	})
}

// maxConcurrentUploads bounds the uploads read at once; each is held in
// memory (at most the upload limit), never in temporary files.
const maxConcurrentUploads = 4

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

// limitInFlight serves at most n requests at once; a request that finds no
// place within a second gets 503 with Retry-After.
func limitInFlight(n int, next http.Handler) http.Handler {
	places := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case places <- struct{}{}:
		case <-time.After(time.Second):
			w.Header().Set("Retry-After", "1")
			http.Error(w, "the facade is busy; try again shortly", http.StatusServiceUnavailable)
			return
		case <-r.Context().Done():
			return
		}
		defer func() { <-places }()
		next.ServeHTTP(w, r)
	})
}
