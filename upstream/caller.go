package upstream

import (
	"context"
	"log/slog"
	"strings"
)

// Caller is who a request to the facade acts for: the headers forwarded from
// the frontend to the upstream on every call made under its context. The zero
// Caller is an anonymous caller with no language preference.
type Caller struct {
	// Authorization is the frontend's Authorization header, such as
	// "Bearer <token>", forwarded unchanged; empty for anonymous callers.
	Authorization string
	// AcceptLanguage is the frontend's Accept-Language header, forwarded
	// unchanged; empty to let the upstream choose.
	AcceptLanguage string
}

// LogValue implements [slog.LogValuer]. It never logs the token: the
// authorization reads "Bearer [redacted]" for a Bearer token, "[redacted]"
// for any other non-empty value and "" when there is none.
func (c Caller) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("authorization", redact(c.Authorization)),
		slog.String("accept_language", c.AcceptLanguage),
	)
}

// redact hides the credentials of an Authorization header value, keeping
// only a Bearer scheme name.
func redact(authorization string) string {
	switch {
	case strings.TrimSpace(authorization) == "":
		return ""
	case len(authorization) > len("Bearer ") &&
		strings.EqualFold(authorization[:len("Bearer ")], "Bearer "):
		return "Bearer [redacted]"
	default:
		return "[redacted]"
	}
}

// SignedIn reports whether c carries credentials. It does not check them:
// only the upstream can.
func (c Caller) SignedIn() bool {
	return strings.TrimSpace(c.Authorization) != ""
}

// callerKey is the context key of the [Caller]; unexported so that only
// [WithCaller] can set it.
type callerKey struct{}

// WithCaller returns a copy of ctx that carries c. Every [Client] call made
// with the returned context forwards c's headers.
func WithCaller(ctx context.Context, c Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// CallerFrom returns the [Caller] stored in ctx by [WithCaller], or the zero
// (anonymous) Caller when there is none.
func CallerFrom(ctx context.Context) Caller {
	c, _ := ctx.Value(callerKey{}).(Caller)
	return c
}
