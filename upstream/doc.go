// Package upstream is the typed REST client of the PhiZone API v2, the
// service the GraphQL facade reads from and writes to.
//
// # Calls
//
// A [Client] is built once with [New] for a base URL and shared. Each call
// names a route template such as "/charts/{id}" with [Params] for its
// placeholders and, for lists, a query built by [EncodeQuery] from an options
// struct that embeds [ListOptions]. A call flows in four steps:
//
//  1. the template is expanded, each parameter path-escaped into exactly one
//     segment, and the query is appended (arrays as repeated keys);
//  2. the request carries Accept: application/json and the context's
//     [Caller] headers, and ends at the context's deadline;
//  3. the answer's envelope ({status, code, message, errors, dateAvailable,
//     total, perPage, hasPrevious, hasNext, data}) is decoded, with body
//     reads capped;
//  4. the envelope's data is unmarshalled into the caller's value, and the
//     paging fields are returned as a [Page].
//
// [Client.Get] is the read form; [Client.Do] takes a [Request] with any
// method and body for writes. Every call is logged at Debug level with its
// method, route template, HTTP status and duration (and, under a cache,
// its outcome); never a path with values, a header or a body.
//
// # Caching
//
// [Client.WithCache] puts a [Cache] under the client, as a transport: GET
// answers are kept across requests, bounded in bytes, fresh for a TTL
// (single resources, which carry an ETag, are then revalidated with
// If-None-Match; lists are read again), keyed by the caller's scope so
// that a signed-in caller's answers reach no one else, with identical
// concurrent GETs collapsed into one request. Any write through the
// client that the upstream accepts drops every stored answer, unless it
// changes no data (the OAuth routes, mails). A fresh answer from the cache spends
// nothing of the request's budget of calls ([WithBudget]).
//
// # Errors
//
// Any non-2xx answer, a 2xx envelope whose status is not [Ok], a body
// that is not an envelope, and a success without what its route promises
// (no data from a single-resource route, no usable ID from a create) are
// returned as an [*Error] that carries the HTTP
// status, the envelope status and code word, the message, per-field
// validation errors and, for [ErrorTemporarilyUnavailable], the date it
// ends. Classify it with [errors.Is] and the sentinels [ErrNotFound],
// [ErrUnauthorized], [ErrForbidden] and [ErrNotModified] (a 304 that reached
// the client), or read it with [errors.As]. A failure to reach the
// upstream is returned wrapped with the method and route, so
// errors.Is(err, context.DeadlineExceeded) tells a passed deadline.
//
// # Callers
//
// The facade acts for the frontend that sent the GraphQL request. Middleware
// stores that frontend's Authorization and Accept-Language headers with
// [WithCaller]; the client reads them back with [CallerFrom] and forwards
// exactly those two on every call, nothing else of the frontend's request.
// A [Caller] logs with its token redacted. Upstream answers may depend on
// the caller, so anything cached must be keyed by it.
//
// # Wire types
//
// Upstream JSON is camelCase; dates are RFC 3339 with an offset and decode
// into [time.Time]; .NET TimeSpan strings decode into [TimeSpan].
package upstream
