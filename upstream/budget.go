package upstream

import (
	"context"
	"fmt"
	"sync/atomic"
)

// A budget bounds the upstream calls one GraphQL request may make, so
// that no document, however it nests its lists, can turn into an
// unbounded number of calls. It bounds work: a GET that a [Cache] answers
// from a fresh stored answer spends nothing; every other call spends one,
// in [Client.Do] or, for GETs under a cache, in the cache's transport
// before it joins or starts an upstream request.

type budgetKey struct{}

// WithBudget returns ctx allowing at most calls upstream calls; calls
// beyond fail with a [*BudgetError] without reaching the upstream.
func WithBudget(ctx context.Context, calls int64) context.Context {
	left := new(atomic.Int64)
	left.Store(calls)
	return context.WithValue(ctx, budgetKey{}, left)
}

// BudgetError is the error of a call made after the request's budget of
// upstream calls was spent.
type BudgetError struct {
	Method, Route string
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("upstream %s %s: this request has spent its budget of upstream calls", e.Method, e.Route)
}

// spend takes one call from ctx's budget, if it has one. The route is the
// template the error names.
func spend(ctx context.Context, method, route string) error {
	left, ok := ctx.Value(budgetKey{}).(*atomic.Int64)
	if ok && left.Add(-1) < 0 {
		return &BudgetError{Method: method, Route: route}
	}
	return nil
}
