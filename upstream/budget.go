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

// An upload budget bounds the file bytes one GraphQL request may send
// upstream. A multipart request may map one file to many variables, and
// an operation may pass one file variable to many fields; without a
// bound, each use would stream the file again. Forms charge their files'
// bytes as they copy them, before the bytes leave.

type uploadBudgetKey struct{}

// WithUploadBudget returns ctx allowing its forms to send at most n bytes
// of files upstream in all; a form that would send more fails with an
// [*UploadBudgetError] and sends nothing beyond.
func WithUploadBudget(ctx context.Context, n int64) context.Context {
	b := &uploadBudget{limit: n}
	b.left.Store(n)
	return context.WithValue(ctx, uploadBudgetKey{}, b)
}

// uploadBudget is a request's allowance of file bytes sent upstream.
type uploadBudget struct {
	limit int64
	left  atomic.Int64
}

// UploadBudgetError is the error of a form whose files would take the
// request past its allowance of file bytes sent upstream.
type UploadBudgetError struct {
	Method, Route string
	// Limit is the request's allowance in bytes.
	Limit int64
}

func (e *UploadBudgetError) Error() string {
	return fmt.Sprintf("upstream %s %s: the files of this request would send more than %d bytes upstream, "+
		"its upload allowance: use each file once", e.Method, e.Route, e.Limit)
}

// spendUpload takes n bytes from ctx's upload budget, if it has one. It
// fails, taking nothing, when fewer than n are left.
func spendUpload(ctx context.Context, method, route string, n int64) error {
	b, ok := ctx.Value(uploadBudgetKey{}).(*uploadBudget)
	if !ok {
		return nil
	}
	for {
		left := b.left.Load()
		if left < n {
			return &UploadBudgetError{Method: method, Route: route, Limit: b.limit}
		}
		if b.left.CompareAndSwap(left, left-n) {
			return nil
		}
	}
}

// charge spends the extra upstream attempts a transport made for one call
// (a request it replayed on a fresh connection) from ctx's budget. It
// never fails: the attempts were made.
func charge(ctx context.Context, n int64) {
	if b, ok := ctx.Value(budgetKey{}).(*budget); ok && n > 0 {
		b.left.Add(-n)
	}
}
