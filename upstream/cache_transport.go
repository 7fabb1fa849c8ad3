package upstream

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// WithCache returns a copy of c whose GET requests go through cache (see
// [Cache]); nil returns a copy without a cache. The cache wraps the
// transport of c's HTTP client (nil: [http.DefaultTransport]); the
// client itself is copied, never changed.
func (c *Client) WithCache(cache *Cache) *Client {
	cp := *c
	hc := *c.http
	next := hc.Transport
	if ct, ok := next.(*cacheTransport); ok {
		next = ct.next
	}
	if next == nil {
		next = http.DefaultTransport
	}
	hc.Transport = next
	if cache != nil {
		hc.Transport = &cacheTransport{cache: cache, next: next}
	}
	cp.http = &hc
	cp.cache = cache
	return &cp
}

// Cache returns the client's cache, nil when it has none.
func (c *Client) Cache() *Cache { return c.cache }

// Outcomes of a GET through the cache, as logged with each call.
const (
	cacheHit         = "hit"         // a fresh stored answer; nothing sent
	cacheMiss        = "miss"        // read from the upstream
	cacheRevalidated = "revalidated" // the upstream answered 304 to If-None-Match
	cacheBypass      = "bypass"      // not a request the cache takes
)

// callNote passes what one [Client.Do] call knows to the cache transport
// (the route template, for budget errors) and the cache's outcome back.
type callNote struct {
	route   string
	outcome string
	shared  bool // the answer came from a request other callers waited on too
}

type callNoteKey struct{}

// noteFrom returns the call's note; a request made without one (not by
// [Client.Do]) gets a note that goes nowhere.
func noteFrom(ctx context.Context) *callNote {
	if n, ok := ctx.Value(callNoteKey{}).(*callNote); ok {
		return n
	}
	return &callNote{}
}

// cacheTransport is the [http.RoundTripper] of a [Cache] over the
// transport that reaches the upstream.
type cacheTransport struct {
	cache *Cache
	next  http.RoundTripper
}

// cachedAnswer is an answer read whole, to be handed out as many times as
// there are waiters.
type cachedAnswer struct {
	status  int
	header  http.Header
	body    []byte
	outcome string
}

// noPurgeKey marks the context of a request that changes no data the
// cache holds, although its method is not GET: the OAuth routes.
type noPurgeKey struct{}

// changesNoData marks ctx's requests as changing no data the cache holds:
// the cache lets them pass without purging.
func changesNoData(ctx context.Context) context.Context {
	return context.WithValue(ctx, noPurgeKey{}, true)
}

// purges reports whether a write's answer empties the cache: the upstream
// accepted it (2xx) and it may change data (not an OAuth route). A refused
// write changed nothing, and purging for it would let anyone empty the
// cache of every caller with junk requests.
func purges(req *http.Request, resp *http.Response, err error) bool {
	if err != nil || resp.StatusCode/100 != 2 {
		return false
	}
	noPurge, _ := req.Context().Value(noPurgeKey{}).(bool)
	return !noPurge
}

// RoundTrip answers a GET from the cache when it can, and otherwise from
// one upstream request per key at a time. HEAD and OPTIONS pass through;
// any other method (a write) passes through and then purges the cache when
// the upstream accepted it (see purges).
func (t *cacheTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	note := noteFrom(ctx)
	switch req.Method {
	case http.MethodGet:
	case http.MethodHead, http.MethodOptions:
		return t.next.RoundTrip(req)
	default:
		resp, err := t.next.RoundTrip(req)
		if purges(req, resp, err) {
			t.cache.Purge()
		}
		return resp, err
	}

	if !cacheable(req) {
		note.outcome = cacheBypass
		if err := spend(ctx, http.MethodGet, note.route); err != nil {
			return nil, err
		}
		return t.next.RoundTrip(req)
	}

	key := cacheKey(req)
	if e, fresh := t.cache.lookup(key, t.cache.now()); fresh {
		note.outcome = cacheHit
		return answerOf(e, cacheHit).response(req), nil
	}
	if err := spend(ctx, http.MethodGet, note.route); err != nil {
		return nil, err
	}

	gen := t.cache.generation()
	flight := t.cache.flights.DoChan(strconv.FormatUint(gen, 10)+"\x00"+key, func() (a any, err error) {
		// A panic in a flight would crash the process (singleflight
		// re-raises it on a goroutine of its own): make it an error.
		defer func() {
			if p := recover(); p != nil {
				a, err = nil, fmt.Errorf("cache: reading the answer panicked: %v", p)
			}
		}()
		return t.fetch(req, key, gen)
	})
	select {
	case r := <-flight:
		if r.Err != nil {
			return nil, r.Err
		}
		a := r.Val.(*cachedAnswer)
		note.outcome, note.shared = a.outcome, r.Shared
		return a.response(req), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fetch reads the answer under key for every waiter of a flight: from the
// cache if a flight that just ended stored it, by revalidation if the
// stored answer has an ETag, or whole from the upstream. It stores what it
// may under generation gen.
func (t *cacheTransport) fetch(req *http.Request, key string, gen uint64) (*cachedAnswer, error) {
	now := t.cache.now()
	stored, fresh := t.cache.lookup(key, now)
	if fresh {
		return answerOf(stored, cacheHit), nil
	}

	// The request is shared: the caller that started it may go away, the
	// others still wait. It ends at its starter's deadline.
	ctx := context.WithoutCancel(req.Context())
	if deadline, ok := req.Context().Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline)
		defer cancel()
	}
	out := req.Clone(ctx)
	if stored != nil && stored.etag != "" {
		out.Header.Set("If-None-Match", stored.etag)
	}

	resp, err := t.next.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()

	if resp.StatusCode == http.StatusNotModified && stored != nil && stored.etag != "" {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBody))
		e := stored.revalidated(resp.Header, now)
		t.cache.store(e, gen)
		return answerOf(e, cacheRevalidated), nil
	}

	// One byte past the cap lets the client report an answer too large.
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxSuccessBody+1))
	if err != nil {
		return nil, err
	}
	a := &cachedAnswer{status: resp.StatusCode, header: resp.Header.Clone(), body: body, outcome: cacheMiss}
	if resp.StatusCode == http.StatusOK && len(body) <= maxSuccessBody && !noStore(resp.Header) {
		t.cache.store(newEntry(key, resp.Header, body, now), gen)
	} else if stored != nil {
		t.cache.remove(key, gen) // the stored answer is no longer the upstream's
	}
	return a, nil
}

// cacheable reports whether the cache may answer req: a GET without a
// body, with no conditional, range or cache-control headers of its own.
func cacheable(req *http.Request) bool {
	if req.Body != nil && req.Body != http.NoBody {
		return false
	}
	for _, name := range []string{
		"If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range",
		"Range", "Cache-Control",
	} {
		if req.Header.Get(name) != "" {
			return false
		}
	}
	return true
}

// noStore reports whether an answer's Cache-Control forbids keeping it.
func noStore(h http.Header) bool {
	for _, v := range h.Values("Cache-Control") {
		for _, directive := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(directive), "no-store") {
				return true
			}
		}
	}
	return false
}

// answerOf is the 200 answer of a stored entry.
func answerOf(e *cacheEntry, outcome string) *cachedAnswer {
	return &cachedAnswer{status: http.StatusOK, header: e.header, body: e.body, outcome: outcome}
}

// response makes an HTTP response of a for req, with its own copy of the
// body and headers.
func (a *cachedAnswer) response(req *http.Request) *http.Response {
	body := bytes.Clone(a.body)
	header := a.header.Clone()
	header.Set("Content-Length", strconv.Itoa(len(body)))
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", a.status, http.StatusText(a.status)),
		StatusCode:    a.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}
}
