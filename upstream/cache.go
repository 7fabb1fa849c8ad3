package upstream

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net/http"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/sync/singleflight"
)

// Defaults of [CacheOptions].
const (
	DefaultCacheBytes   = 64 << 20         // 64 MiB
	DefaultCacheTTL     = 30 * time.Second // answers with an ETag
	DefaultCacheListTTL = 10 * time.Second // answers without one
)

// CacheOptions configures a [Cache]. A zero field takes its default.
type CacheOptions struct {
	// MaxBytes bounds what the cache holds: the bodies, keys and kept
	// headers of its answers. 0 means [DefaultCacheBytes].
	MaxBytes int64
	// TTL is how long an answer that carries an ETag (a single resource,
	// such as GET /charts/{id}) is served without asking the upstream;
	// after it the answer is revalidated with If-None-Match. 0 means
	// [DefaultCacheTTL].
	TTL time.Duration
	// ListTTL is how long an answer without an ETag (a list) is served;
	// after it the list is read again. 0 means [DefaultCacheListTTL].
	ListTTL time.Duration
	// Now tells the time; nil means [time.Now]. Tests set it to age
	// answers without sleeping.
	Now func() time.Time
}

// A Cache keeps upstream answers to GET requests across the facade's
// requests. It is attached under a [Client] with [Client.WithCache] and
// works as an [http.RoundTripper] there, below the envelope decoding: it
// sees requests and answers, not GraphQL.
//
// What is kept: 200 answers to GET, in a least-recently-used list bounded
// in bytes (an answer larger than the bound is not kept); an answer marked
// Cache-Control: no-store is not kept, and a request that carries
// conditional or range headers of its own passes by the cache.
//
// Freshness: an answer with an ETag is served as stored for
// [CacheOptions.TTL], then revalidated with If-None-Match; a 304 serves the
// stored body again and makes it fresh for another TTL, with nothing
// downloaded. An answer without an ETag (lists) is served for
// [CacheOptions.ListTTL] and then read again.
//
// Isolation: answers are keyed by the URL and the caller's scope. Anonymous
// callers share answers (per Accept-Language). The answers of a signed-in
// caller are keyed by a SHA-256 of their Authorization header (the token
// itself is never kept) and their Accept-Language, so they are served to
// the holder of that same header only: dateLiked, personal bests and
// hidden resources never leak to another caller.
//
// Collapsing: identical GETs of one scope that miss at the same time make
// one upstream request; every waiter gets its own copy of the answer. A
// waiter stops waiting when its own context ends; the shared request runs
// until the deadline of the request that started it.
//
// Invalidation: any write through the client (any method but GET, HEAD
// and OPTIONS) that the upstream accepts with a 2xx drops every stored
// answer of every scope once it is answered, and answers read while it
// ran are not stored. A refused or failed write, and the writes that
// change no data the cache holds (the OAuth routes, mails, the provider
// and TapTap look-ups), purge nothing: else anyone could empty every
// caller's cache. Correctness before
// cleverness: the facade cannot tell which cached lists or resources a
// write changes (a like changes a chart's likeCount, a comment its
// parent's counts, ...), so it forgets them all. Writes made to the
// upstream by anyone else are seen when the answers age out.
//
// Budget: a request's budget of upstream calls ([WithBudget]) bounds work,
// so a fresh answer from the cache spends nothing. Every GET the cache
// cannot answer at once spends one call, whether it reaches the upstream
// itself, revalidates, or waits on an identical request in flight: a
// request's cost then never depends on what other requests run beside it.
//
// A Cache is safe for concurrent use. Its zero value is not usable; make
// one with [NewCache].
type Cache struct {
	maxBytes     int64
	ttl, listTTL time.Duration
	now          func() time.Time

	mu    sync.Mutex
	lru   *simplelru.LRU[string, *cacheEntry]
	bytes int64  // sum of the entries' sizes
	gen   uint64 // bumped by every purge; a fetch begun before one stores nothing

	flights singleflight.Group
}

// cacheEntry is one stored answer. Entries are never changed once stored:
// a revalidation stores a new entry that shares the body.
type cacheEntry struct {
	key    string
	header http.Header // Content-Type and ETag
	body   []byte
	etag   string
	fresh  time.Time // when the answer was stored or last revalidated
	size   int64
}

// NewCache returns an empty cache configured by opts.
func NewCache(opts CacheOptions) *Cache {
	c := &Cache{maxBytes: opts.MaxBytes, ttl: opts.TTL, listTTL: opts.ListTTL, now: opts.Now}
	if c.maxBytes <= 0 {
		c.maxBytes = DefaultCacheBytes
	}
	if c.ttl <= 0 {
		c.ttl = DefaultCacheTTL
	}
	if c.listTTL <= 0 {
		c.listTTL = DefaultCacheListTTL
	}
	if c.now == nil {
		c.now = time.Now
	}
	// The bound is in bytes, enforced by store; the entry count is not bounded.
	c.lru, _ = simplelru.NewLRU(math.MaxInt, func(_ string, e *cacheEntry) {
		c.bytes -= e.size
	})
	return c
}

// Size returns the bytes the cache holds: never more than its MaxBytes.
func (c *Cache) Size() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// Len returns the number of answers the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}

// Purge drops every stored answer, of every scope; answers being read
// while it runs are not stored.
func (c *Cache) Purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.lru.Purge()
}

// generation returns the current generation, which every purge changes.
func (c *Cache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// lookup returns the entry under key, marking it recently used, and
// whether it is fresh at now.
func (c *Cache) lookup(key string, now time.Time) (*cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.lru.Get(key)
	if !ok {
		return nil, false
	}
	return e, now.Sub(e.fresh) < c.ttlOf(e)
}

// ttlOf is how long e stays fresh: by its kind of route, told by its ETag.
func (c *Cache) ttlOf(e *cacheEntry) time.Duration {
	if e.etag != "" {
		return c.ttl
	}
	return c.listTTL
}

// store keeps e, replacing what its key held, unless a purge came after
// generation gen; then it evicts the least recently used answers until
// the cache is within its bound. An entry larger than the bound only
// removes the key's older answer.
func (c *Cache) store(e *cacheEntry, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	c.lru.Remove(e.key) // the eviction callback takes its size off
	if e.size > c.maxBytes {
		return
	}

	c.lru.Add(e.key, e)
	c.bytes += e.size
	for c.bytes > c.maxBytes {
		c.lru.RemoveOldest()
	}
}

// remove drops the answer under key, unless a purge came after gen (it is
// gone then anyway).
func (c *Cache) remove(key string, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen == gen {
		c.lru.Remove(key)
	}
}

// newEntry makes the entry of a 200 answer, keeping of its headers only
// those the client reads.
func newEntry(key string, header http.Header, body []byte, fresh time.Time) *cacheEntry {
	kept := http.Header{}
	for _, name := range []string{"Content-Type", "Etag"} {
		if v := header.Get(name); v != "" {
			kept.Set(name, v)
		}
	}
	e := &cacheEntry{key: key, header: kept, body: body, etag: kept.Get("Etag"), fresh: fresh}
	e.size = int64(len(key) + len(body))
	for name, values := range kept {
		for _, v := range values {
			e.size += int64(len(name) + len(v))
		}
	}
	return e
}

// revalidated is e made fresh at now by a 304, whose ETag, if any,
// replaces e's.
func (e *cacheEntry) revalidated(header http.Header, now time.Time) *cacheEntry {
	h := e.header.Clone()
	if tag := header.Get("Etag"); tag != "" {
		h.Set("Etag", tag)
	}
	return newEntry(e.key, h, e.body, now)
}

// cacheKey is the key of a GET: its scope, then its URL. The scope of a
// signed-in caller is a SHA-256 of the Authorization header, never the
// header itself.
func cacheKey(req *http.Request) string {
	scope := "anonymous"
	if auth := req.Header.Get("Authorization"); auth != "" {
		sum := sha256.Sum256([]byte(auth))
		scope = "caller " + hex.EncodeToString(sum[:])
	}
	return scope + "\x00" + req.Header.Get("Accept-Language") + "\x00" + req.URL.String()
}
