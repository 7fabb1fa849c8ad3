package upstream

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// Body-size caps: an answer larger than these fails instead of exhausting
// memory.
const (
	maxErrorBody   = 1 << 20  // 1 MiB for non-2xx bodies
	maxSuccessBody = 64 << 20 // 64 MiB for 2xx bodies
)

// Client talks to one PhiZone API v2 base URL. It is safe for concurrent
// use; build one per process and share it.
type Client struct {
	base        string // scheme://host[/path], escaped, without a trailing slash
	http        *http.Client
	logger      *slog.Logger
	callTimeout time.Duration // 0: the caller's deadline alone
	cache       *Cache        // nil: every GET reaches the upstream; see WithCache
}

// WithCallTimeout returns a copy of c whose every call ends after d at the
// latest, whatever the caller's deadline; 0 leaves calls to the caller's.
func (c *Client) WithCallTimeout(d time.Duration) *Client {
	cp := *c
	cp.callTimeout = d
	return &cp
}

// New returns a [Client] for baseURL, an absolute http or https URL such as
// "https://api.phizone.cn" (a path prefix is kept; user info, query and
// fragment are refused). A nil httpClient gets a default that follows no
// redirects and has a 60 s overall timeout as a backstop to the callers'
// deadlines; a nil logger discards.
func New(baseURL string, httpClient *http.Client, logger *slog.Logger) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("upstream: base URL: %w", err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("upstream: base URL %q: scheme must be http or https", baseURL)
	case u.Host == "":
		return nil, fmt.Errorf("upstream: base URL %q: no host", baseURL)
	case u.User != nil:
		return nil, errors.New("upstream: base URL must not carry user info")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return nil, fmt.Errorf("upstream: base URL %q: no query or fragment allowed", baseURL)
	}

	if httpClient == nil {
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.MaxIdleConnsPerHost = 64
		transport.MaxConnsPerHost = 128 // however many callers, a bounded load upstream
		httpClient = &http.Client{
			Transport: transport,
			Timeout:   60 * time.Second,
			// A redirect is answered as the 3xx [*Error] it is: the API
			// has no reason to send a caller's token anywhere else.
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			},
		}
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}

	return &Client{
		base:   u.Scheme + "://" + u.Host + strings.TrimSuffix(u.EscapedPath(), "/"),
		http:   httpClient,
		logger: logger,
	}, nil
}

// Params fills the {name} placeholders of a route template.
type Params map[string]string

// Request describes one upstream call for [Client.Do].
type Request struct {
	// Method is the HTTP method; empty means GET.
	Method string
	// Route is a path template relative to the base URL, such as
	// "/charts/{id}". It is what logs and errors show.
	Route string
	// Params fills Route's placeholders; each value is path-escaped, so it
	// stays one path segment. A missing or unused parameter is an error.
	Params Params
	// Query is appended as the query string; nil means none.
	Query url.Values
	// Body is the request body; nil means none.
	Body io.Reader
	// ContentType is the body's media type, sent when Body is not nil.
	ContentType string
	// NoRetry sends the request once, for a GET that writes (starting a
	// play session): [Client.Do] does not ask it again, and the
	// transport may not replay it on a fresh connection after a reused
	// one broke. False lets a GET be retried (see [Client.Do]).
	NoRetry bool
	// Header holds extra headers set by this program, such as
	// If-None-Match. Accept, Authorization and Accept-Language in it are
	// ignored: those come from the client and the context's [Caller].
	Header http.Header
}

// Get reads route with params substituted and query appended, decodes the
// envelope and unmarshals its data into out (out may be nil). It returns the
// page information of list answers. See [Client.Do] for the details.
func (c *Client) Get(
	ctx context.Context, route string, params Params, query url.Values, out any,
) (Page, error) {
	req := Request{Method: http.MethodGet, Route: route, Params: params, Query: query}
	return c.Do(ctx, req, out)
}

// Do sends req and decodes the answer. The request carries
// Accept: application/json and the Authorization and Accept-Language of
// the context's [Caller]; its deadline is the context's.
//
// A 2xx answer whose envelope status is [Ok] unmarshals the envelope's data
// into out (when out and data are not nil); 201 with {data: {id}} and 204
// with no body are successes too. Any other status, a non-Ok envelope or a
// body that is not an envelope gives an [*Error]; 304 gives an [*Error]
// matching [ErrNotModified]. Failures to reach the upstream or read its
// answer are returned wrapped, so errors.Is(err, context.DeadlineExceeded)
// holds when the deadline passed.
//
// Each call spends one of the context's budget of upstream calls
// ([WithBudget]), except a GET that the client's [Cache] answers from a
// fresh stored answer: the cache spends for the GETs it passes on.
func (c *Client) Do(ctx context.Context, req Request, out any) (Page, error) {
	if req.Method == "" {
		req.Method = http.MethodGet
	}

	page, err := c.once(ctx, req, out)
	if req.Method != http.MethodGet || req.NoRetry || !retryable(ctx, err) {
		return page, err
	}

	// A GET is safe to ask again: once, after a short pause, when the
	// connection broke or a gateway failed. The retry spends from the
	// request's budget like any call.
	c.logger.LogAttrs(ctx, slog.LevelWarn, "upstream call retried",
		slog.String("route", req.Route), slog.String("error", err.Error()))
	select {
	case <-time.After(retryPause + time.Duration(rand.Int64N(int64(retryPause)))):
	case <-ctx.Done():
		return page, err
	}
	return c.once(ctx, req, out)
}

// retryPause is the least pause before a retry; up to twice as long with
// jitter.
const retryPause = 50 * time.Millisecond

// retryable reports whether a failed GET may be asked again: a broken
// connection (not the caller's deadline) or a 502, 503 or 504.
func retryable(ctx context.Context, err error) bool {
	if err == nil || ctx.Err() != nil {
		return false
	}
	var uerr *Error
	if errors.As(err, &uerr) {
		return uerr.Status == Ok && (uerr.HTTPStatus == http.StatusBadGateway ||
			uerr.HTTPStatus == http.StatusServiceUnavailable || uerr.HTTPStatus == http.StatusGatewayTimeout)
	}
	var terr *TransportError
	return errors.As(err, &terr) && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled)
}

// once sends req once and decodes the answer.
func (c *Client) once(ctx context.Context, req Request, out any) (Page, error) {
	method := req.Method
	note := &callNote{route: req.Route}
	if c.cache != nil && method == http.MethodGet {
		ctx = context.WithValue(ctx, callNoteKey{}, note)
	} else if err := spend(ctx, method, req.Route); err != nil {
		return Page{}, err
	}
	if c.callTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.callTimeout)
		defer cancel()
	}

	// The transport may send a GET again on a fresh connection when a
	// reused one broke; each request written is an upstream call.
	var attempts atomic.Int64
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				attempts.Add(1)
			}
		},
	})
	hreq, err := c.newRequest(ctx, method, req)
	if err != nil {
		return Page{}, fmt.Errorf("upstream %s %s: %w", method, req.Route, err)
	}
	if req.NoRetry && req.Body == nil {
		// The transport replays only requests it deems replayable: a GET
		// without a body, or one it can rewind (net/http's
		// Request.isReplayable). An empty body it cannot rewind, sent as
		// no body at all, keeps it from starting a second play session.
		hreq.Body, hreq.GetBody, hreq.ContentLength = io.NopCloser(strings.NewReader("")), nil, 0
	}

	start := time.Now()
	resp, err := c.http.Do(hreq)
	charge(ctx, attempts.Load()-1) // the transport's replays are calls too
	if budget := (*BudgetError)(nil); errors.As(err, &budget) {
		return Page{}, budget // spent by the cache, before any request
	}
	if err != nil {
		err = transportError(method, req.Route, err)
		c.logCall(ctx, method, req.Route, 0, start, err, note)
		return Page{}, err
	}
	defer resp.Body.Close()
	page, err := decode(resp, method, req.Route, out)
	c.logCall(ctx, method, req.Route, resp.StatusCode, start, err, note)

	return page, err
}

// newRequest builds the HTTP request for req: URL, body and headers.
func (c *Client) newRequest(
	ctx context.Context, method string, req Request,
) (*http.Request, error) {
	path, err := expand(req.Route, req.Params)
	if err != nil {
		return nil, err
	}
	target := c.base + path
	if len(req.Query) > 0 {
		target += "?" + req.Query.Encode()
	}

	hreq, err := http.NewRequestWithContext(ctx, method, target, req.Body)
	if err != nil {
		return nil, err
	}

	for name, values := range req.Header {
		switch http.CanonicalHeaderKey(name) {
		case "Accept", "Authorization", "Accept-Language":
			continue
		}
		for _, v := range values {
			hreq.Header.Add(name, v)
		}
	}
	hreq.Header.Set("Accept", "application/json")
	if req.Body != nil && req.ContentType != "" {
		hreq.Header.Set("Content-Type", req.ContentType)
	}
	caller := CallerFrom(ctx)
	if caller.Authorization != "" {
		hreq.Header.Set("Authorization", caller.Authorization)
	}
	if caller.AcceptLanguage != "" {
		hreq.Header.Set("Accept-Language", caller.AcceptLanguage)
	}
	return hreq, nil
}

// expand substitutes params into the route template, path-escaping each
// value. Every placeholder must have a value and every value a placeholder.
func expand(route string, params Params) (string, error) {
	if !strings.HasPrefix(route, "/") || strings.ContainsAny(route, "?# \t\r\n") {
		return "", fmt.Errorf("route %q must be a path starting with /", route)
	}

	var b strings.Builder
	used := make(map[string]bool, len(params))
	rest := route
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			if strings.IndexByte(rest, '}') >= 0 {
				return "", fmt.Errorf("route %q: unbalanced }", route)
			}
			b.WriteString(rest)
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 || strings.IndexByte(rest[:open], '}') >= 0 {
			return "", fmt.Errorf("route %q: unbalanced braces", route)
		}
		name := rest[open+1 : open+end]
		value, ok := params[name]
		switch {
		case name == "" || strings.ContainsAny(name, "{/"):
			return "", fmt.Errorf("route %q: bad placeholder %q", route, name)
		case !ok:
			return "", fmt.Errorf("route %q: no value for {%s}", route, name)
		case value == "" || value == "." || value == "..":
			// The resolvers check the caller's values before any call, so
			// a value that gets here is the upstream's (a code or an ID it
			// answered) or a bug: not the caller's to fix.
			return "", fmt.Errorf("route %q: %q cannot name a resource", route, value)
		}
		used[name] = true
		b.WriteString(rest[:open])
		b.WriteString(url.PathEscape(value))
		rest = rest[open+end+1:]
	}

	for name := range params {
		if !used[name] {
			return "", fmt.Errorf("route %q: unused parameter %q", route, name)
		}
	}
	return b.String(), nil
}

// decode turns resp into page information, data in out, or an error.
func decode(resp *http.Response, method, route string, out any) (Page, error) {
	status := resp.StatusCode
	if status < 200 || status > 299 {
		return Page{}, errorFrom(resp, method, route)
	}

	body, err := readCapped(resp.Body, maxSuccessBody)
	if errors.Is(err, errTooLarge) {
		return Page{}, &Error{HTTPStatus: status, Method: method, Route: route,
			Message: "response body exceeds 64 MiB"}
	}
	if err != nil {
		return Page{}, transportError(method, route, err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return Page{}, checkCreated(out, status, method, route) // 204, or any success without a body
	}

	env, e := parseEnvelope(body, resp.Header.Get("Content-Type"))
	if e != nil {
		e.HTTPStatus, e.Method, e.Route = status, method, route
		return Page{}, e
	}
	if env.Status != Ok {
		return Page{}, envelopeError(env, status, method, route)
	}
	if out != nil && env.hasData() {
		if err := json.Unmarshal(env.Data, out); err != nil {
			return Page{}, &Error{HTTPStatus: status, Method: method, Route: route,
				Message: "the upstream's data does not have the shape of its contract: " + err.Error()}
		}
	}
	if err := checkCreated(out, status, method, route); err != nil {
		return Page{}, err
	}
	return env.page(), nil
}

// naming is the answer of a write that makes something the facade then
// reads by what the answer names: a new resource's ID, an invitation's
// code.
type naming interface{ name() string }

func (c *Created) name() string             { return c.ID }
func (c *eventHostInviteCode) name() string { return c.Code }
func (c *newCode) name() string             { return c.Code }

// checkCreated fails a success whose out is a [naming] answer without a
// usable name: the write happened, but nothing names what it made.
func checkCreated(out any, status int, method, route string) error {
	if created, ok := out.(naming); ok && !usableID(created.name()) {
		return &Error{HTTPStatus: status, Method: method, Route: route,
			Message: "the upstream did not return the new resource's ID; the write happened"}
	}
	return nil
}

// usableID reports whether id, from an upstream answer, can name a
// resource in a route: not empty, not a dot segment, no control character.
func usableID(id string) bool {
	if strings.TrimSpace(id) == "" || id == "." || id == ".." {
		return false
	}
	return !strings.ContainsFunc(id, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// errorFrom builds the error for a non-2xx answer. A failure to read the
// body is returned as a transport error.
func errorFrom(resp *http.Response, method, route string) error {
	e := &Error{HTTPStatus: resp.StatusCode, Method: method, Route: route}
	body, err := readCapped(resp.Body, maxErrorBody)
	switch {
	case errors.Is(err, errTooLarge):
		e.Message = "error body exceeds 1 MiB"
		return e
	case err != nil:
		return transportError(method, route, err)
	case len(bytes.TrimSpace(body)) == 0:
		return e // 304, 401 and proxies' bare statuses
	}

	env, perr := parseEnvelope(body, resp.Header.Get("Content-Type"))
	if perr != nil {
		e.Message = perr.Message
		return e
	}
	return envelopeError(env, resp.StatusCode, method, route)
}

// parseEnvelope decodes body as an envelope. Its error, when the body is
// not one, describes the body without quoting it.
func parseEnvelope(body []byte, contentType string) (*Envelope, *Error) {
	if contentType == "" {
		contentType = "no content type"
	}
	var env Envelope
	if err := json.Unmarshal(body, &env); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return nil, &Error{Message: fmt.Sprintf("response is not JSON (%s, %d bytes)",
				contentType, len(body))}
		}
		return nil, &Error{Message: fmt.Sprintf("response is not a valid envelope (%s): %v",
			contentType, err)}
	}
	if env.Code == "" {
		return nil, &Error{Message: fmt.Sprintf(
			"response is JSON but not an envelope (%s, %d bytes)", contentType, len(body))}
	}
	return &env, nil
}

// envelopeError copies the error fields of env into an [*Error].
func envelopeError(env *Envelope, status int, method, route string) *Error {
	e := &Error{
		HTTPStatus:    status,
		Status:        env.Status,
		Code:          env.Code,
		Fields:        env.Errors,
		DateAvailable: env.DateAvailable,
		Method:        method,
		Route:         route,
	}
	if env.Message != nil {
		e.Message = *env.Message
	}
	return e
}

// errTooLarge reports a body over its cap.
var errTooLarge = errors.New("body too large")

// readCapped reads r to its end, failing with errTooLarge past limit bytes.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, errTooLarge
	}
	return body, nil
}

// transportError wraps a failure to exchange with the upstream. It drops
// the *url.Error layer, which would repeat the expanded URL, and keeps the
// cause for errors.Is (context.DeadlineExceeded, context.Canceled).
func transportError(method, route string, err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	return &TransportError{Method: method, Route: route, Err: err}
}

// logCall logs one upstream call at Debug: the route template, never the
// expanded path, and never a header; with the cache's outcome when note
// has one.
func (c *Client) logCall(
	ctx context.Context, method, route string, status int, start time.Time, err error, note *callNote,
) {
	// A failure of the upstream itself (5xx, unreachable) is an error the
	// caller sees; anything else is routine.
	level := slog.LevelDebug
	if status >= 500 || (err != nil && status == 0) {
		level = slog.LevelError
	}
	if !c.logger.Enabled(ctx, level) {
		return
	}

	attrs := []slog.Attr{
		slog.String("method", method),
		slog.String("route", route),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
	}
	if note != nil && note.outcome != "" {
		attrs = append(attrs, slog.String("cache", note.outcome))
		if note.shared {
			attrs = append(attrs, slog.Bool("cache_shared", true))
		}
	}
	var uerr *Error
	switch {
	case errors.As(err, &uerr):
		attrs = append(attrs, slog.String("code", uerr.Code))
	case err != nil:
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	msg := "upstream call"
	if level == slog.LevelError {
		msg = "upstream call failed"
	}
	c.logger.LogAttrs(ctx, level, msg, attrs...)
}
