// Package loaders batches the upstream reads of one GraphQL request.
//
// A [Loaders] value is made per request by [Middleware] and reached with
// [For]; it is never shared between requests, since answers depend on the
// caller's token. Objects by ID are read in batches through the
// upstream's RangeId filter; the children of several parents (the
// comments of several charts, the replies of several comments) are read
// in one call through the parent filter (RangeResourceId, RangeCommentId,
// ...) and split back by parent. Batches are cut into chunks of at most
// [MaxBatch] IDs so that the request line stays well under the upstream's
// limit of about 8 KB. Failures are not cached, so a field that failed
// may be asked again.
package loaders
