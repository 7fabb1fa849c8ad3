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
	b := &budget{limit: calls}
	b.left.Store(calls)
	return context.WithValue(ctx, budgetKey{}, b)
}

// budget is a request's allowance of upstream calls.
type budget struct {
	limit int64
	left  atomic.Int64
}

// Spent returns how many upstream calls the request of ctx has made so far
// (calls answered from the cache are not calls); 0 without a budget.
func Spent(ctx context.Context) int64 {
	b, ok := ctx.Value(budgetKey{}).(*budget)
	if !ok {
		return 0
	}
	return min(b.limit, b.limit-b.left.Load())
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
	b, ok := ctx.Value(budgetKey{}).(*budget)
	if ok && b.left.Add(-1) < 0 {
		return &BudgetError{Method: method, Route: route}
	}
	return nil
}
