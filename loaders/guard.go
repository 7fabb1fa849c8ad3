package loaders

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
)

// ErrInternal is what a read that panicked answers: the panic is logged
// with its stack, the caller sees no detail.
var ErrInternal = errors.New("internal error while reading from the upstream")

// Guard returns fn wrapped so that a panic in it, in a goroutine of its own
// that no GraphQL recover hook watches, is logged instead of ending the
// process.
func Guard(fn func()) func() {
	return func() {
		defer func() {
			if r := recover(); r != nil {
				slog.Error("loader goroutine panicked", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			}
		}()
		fn()
	}
}
