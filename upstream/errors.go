package upstream

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// ResponseStatus is the integer status of an upstream envelope. It refines the
// HTTP status: it says which of the envelope's error fields are meaningful.
type ResponseStatus int

// The envelope statuses the upstream writes. Values past [Failed] may appear
// in newer upstream versions; they are kept as plain numbers.
const (
	// Ok means success; the envelope's data holds the answer.
	Ok ResponseStatus = iota
	// ErrorBrief is a failure described by its code alone.
	ErrorBrief
	// ErrorDetailed is a validation failure with per-field errors.
	ErrorDetailed
	// ErrorWithMessage is a failure with a human-readable message.
	ErrorWithMessage
	// ErrorTemporarilyUnavailable is a failure that ends at dateAvailable.
	ErrorTemporarilyUnavailable
	// ErrorWithData is a failure whose data field carries details.
	ErrorWithData
	// Failed is an unexpected failure, usually with an exception message.
	Failed
)

// String returns the upstream's name for s, or "ResponseStatus(n)" for a
// value this package does not know.
func (s ResponseStatus) String() string {
	switch s {
	case Ok:
		return "Ok"
	case ErrorBrief:
		return "ErrorBrief"
	case ErrorDetailed:
		return "ErrorDetailed"
	case ErrorWithMessage:
		return "ErrorWithMessage"
	case ErrorTemporarilyUnavailable:
		return "ErrorTemporarilyUnavailable"
	case ErrorWithData:
		return "ErrorWithData"
	case Failed:
		return "Failed"
	}
	return fmt.Sprintf("ResponseStatus(%d)", int(s))
}

// FieldError is one entry of an [ErrorDetailed] envelope: the request field
// that failed validation and the upstream's error codes for it.
type FieldError struct {
	// Field is the name of the request field, as the upstream spells it.
	Field string `json:"field"`
	// Errors holds code words such as "ValueTooLong" or "FieldEmpty".
	Errors []string `json:"errors"`
}

// Error is an upstream answer that is not a success: any non-2xx status, or a
// 2xx whose envelope status is not [Ok]. Use [errors.As] to read it and
// [errors.Is] with [ErrNotFound], [ErrUnauthorized], [ErrForbidden] or
// [ErrNotModified] to classify it.
type Error struct {
	// HTTPStatus is the HTTP status code of the answer.
	HTTPStatus int
	// Status is the envelope status; zero when the body was not an envelope.
	Status ResponseStatus
	// Code is the envelope's code word, such as "ResourceNotFound"; empty
	// when the body was empty or not an envelope.
	Code string
	// Message is the envelope's message, or this package's description of a
	// body that could not be read as an envelope.
	Message string
	// Fields holds the per-field errors of an [ErrorDetailed] envelope.
	Fields []FieldError
	// DateAvailable is when an [ErrorTemporarilyUnavailable] condition ends;
	// nil otherwise.
	DateAvailable *time.Time
	// Method and Route are the HTTP method and the route template of the
	// call, such as "GET" and "/charts/{id}"; never the expanded path.
	Method, Route string
}

// Error returns a one-line description such as
// "upstream GET /charts/{id}: 404 ResourceNotFound".
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "upstream %s %s: %d", e.Method, e.Route, e.HTTPStatus)
	switch {
	case e.Code != "":
		b.WriteString(" " + e.Code)
	case http.StatusText(e.HTTPStatus) != "":
		b.WriteString(" " + http.StatusText(e.HTTPStatus))
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if len(e.Fields) > 0 {
		names := make([]string, len(e.Fields))
		for i, f := range e.Fields {
			names[i] = f.Field
		}
		fmt.Fprintf(&b, " (fields: %s)", strings.Join(names, ", "))
	}
	if e.DateAvailable != nil {
		fmt.Fprintf(&b, " (available at %s)", e.DateAvailable.Format(time.RFC3339))
	}
	return b.String()
}

// Is reports whether e matches one of the package's sentinels:
// [ErrNotFound] (404 or code ResourceNotFound), [ErrUnauthorized] (401),
// [ErrForbidden] (403 or code InsufficientPermission) and [ErrNotModified]
// (304).
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.HTTPStatus == http.StatusNotFound || e.Code == "ResourceNotFound"
	case ErrUnauthorized:
		return e.HTTPStatus == http.StatusUnauthorized
	case ErrForbidden:
		return e.HTTPStatus == http.StatusForbidden || e.Code == "InsufficientPermission"
	case ErrNotModified:
		return e.HTTPStatus == http.StatusNotModified
	}
	return false
}

// Sentinels for [errors.Is]. An [*Error] matches them as its Is method says;
// they are never returned bare.
var (
	// ErrNotFound matches a missing resource (HTTP 404).
	ErrNotFound = errors.New("upstream: not found")
	// ErrUnauthorized matches a missing, expired or invalid token (HTTP 401).
	ErrUnauthorized = errors.New("upstream: unauthorized")
	// ErrForbidden matches a caller without the needed permission (HTTP 403).
	ErrForbidden = errors.New("upstream: forbidden")
	// ErrNotModified matches a 304 answer to a request with If-None-Match:
	// the cached copy is still current.
	ErrNotModified = errors.New("upstream: not modified")
)

// TransportError is a failure to reach the upstream or to read its answer
// for one route. It matches ErrTransport and wraps the cause, so that
// errors.Is(err, context.DeadlineExceeded) holds for a timeout.
type TransportError struct {
	Method, Route string
	Err           error
}

func (e *TransportError) Error() string {
	return fmt.Sprintf("upstream %s %s: %v", e.Method, e.Route, e.Err)
}

// Unwrap returns ErrTransport and the cause.
func (e *TransportError) Unwrap() []error { return []error{ErrTransport, e.Err} }

// ErrTransport matches every failure to reach the upstream or to read its
// answer: refused or reset connections, timeouts, broken bodies. The
// underlying error is wrapped beside it.
var ErrTransport = errors.New("upstream unreachable")
