// Package sandbox is an in-process double of the PhiZone API v2: an
// [http.Handler] that answers the read routes of charts, songs, users,
// regions, tags, authorships, records, comments, replies and events, and
// the token endpoint, over a generated data set. It serves the facade's
// -sandbox mode and its tests.
//
// The package imports nothing else from this module: its response structs
// are written from the upstream's DTOs on their own, so that a mistake in
// the facade's client shows up against it instead of being shared.
//
// # Data
//
// [New] generates the same data set every time (a PCG stream with a fixed
// seed): 240 users in 12 regions, 40 tags, 320 songs, 1,100 charts over all
// nine level types, their authorships, 5,000 records, 2,000 comments on
// charts, songs and events, 3,000 replies, 12 events with 34 divisions,
// their teams and hostships, 1,500 follow relations and some likes of the
// seeded users. Counts that the upstream derives (followerCount,
// replyCount, teamCount, chartLevels, user rks) agree with the rows.
// [Data.Now] is the data set's present (2025-06-01 12:00 UTC+8); visibility
// by date never depends on the wall clock. The play divisions of the latest
// event that has any are running at that present; the other divisions have
// ended or are still to come. The sandbox's clock starts at Data.Now when
// [New] returns and runs from there: every rule of time (cooldowns, codes,
// sessions, a play's end) and every date a write stamps is on it, and
// [Server.Advance] moves it forward. Tests read the rows through
// [Server.Data] and change them through [Server.Update].
//
// # Contract
//
// Every JSON answer but the token endpoint's is the upstream envelope
// {status, code, message, errors, dateAvailable, total, perPage,
// hasPrevious, hasNext, data}; lists fill the paging fields, single
// resources leave them null. Lists bind Page, PerPage (0 means 30, outside
// 1..999 means 1000), Order and Desc (parallel; default DateCreated, or Id
// where there is no date), Search (a case-insensitive substring here, where
// the upstream runs a search engine) and the filters of the upstream's
// filter DTOs, all case-insensitively, arrays as repeated keys. A value
// that does not bind answers 400 InvalidData with the field errors.
// Hidden charts, songs and events are listed to administrators only,
// unless the query names them by RangeId, as upstream.
//
// Single resources carry an ETag (a hash of the answer) and answer 304
// with no body to a matching If-None-Match. A missing resource answers 404
// ResourceNotFound (UserNotFound for users); a route id that breaks its
// {id:guid} or {id:int} constraint matches no route and answers 404 with an
// empty body, as the upstream's router does. GET /me without a valid token
// answers 401 with an empty body.
//
// # Authentication
//
// POST /auth/token takes the RFC 6749 password grant (username is the
// email address) and the refresh-token grant with client_id "public", and
// answers {access_token, token_type, expires_in, scope, refresh_token} or
// {error, error_description} with 400. [Server.Tokens] lists the seeded
// accounts with fixed, never-expiring access tokens: an administrator, a
// member, a qualified member, a volunteer and a moderator. A request's caller
// changes dateLiked, dateFollowed, personal bests and what is visible.
// The token endpoint also takes the upstream's login-token, provider and
// TapTap grants (selected by the query), and the account routes (sign-up,
// codes by mail, bindings) run with no outside service: mails go to
// [Server.Mailbox] and to the log (Info, "sandbox mail" with the address,
// purpose and code), and GitHub, Phira and TapTap are played with the
// fixed codes [ProviderCodeNew], [TapTapAccessToken] and their kin.
//
// # Plays
//
// GET /player/play and /player/play/tapTap start play sessions, as upstream
// (GET routes that write); so does [Server.StartPlay] for tests. POST
// /records ends one once the song's duration has passed, signed with
// [Server.ApplicationSecret].
//
// # Observing requests
//
// Each request is logged with log/slog at Debug (method, route template,
// status; to [slog.Default] unless [Server.SetLogger] says otherwise) and kept in a log that [Server.Requests] returns, so tests can
// count upstream calls per route.
package sandbox
