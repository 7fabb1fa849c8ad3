package sandbox

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Server is the in-process PhiZone API double. It is an [http.Handler] and
// safe for concurrent use. The zero value is not usable; call [New].
type Server struct {
	mu   sync.RWMutex
	data *Data

	auth authState

	latency atomic.Int64                // nanoseconds every answer waits, as a distant upstream would
	logger  atomic.Pointer[slog.Logger] // nil: slog.Default(); see SetLogger
	faults  faults                      // injected failures by route; see InjectFault
	started time.Time                   // when New made the server; the sandbox's clock runs from Data.Now since then
	created int                         // resources created so far, for fresh IDs
	uploads []Upload                    // files received by writes

	playMu sync.Mutex      // guards plays and played: GET /player/play writes under the read lock
	plays  map[string]play // play sessions by token, for POST /records; see StartPlay
	played int             // sessions GET /player/play started, for fresh tokens
	skew   atomic.Int64    // nanoseconds Advance moved the clock forward

	logMu  sync.Mutex
	log    []Request
	served map[string]int // "GET /charts/{id}" → answers below 500, never reset

	routes []route
}

// Request is one request the server answered, as kept in its log.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the request path as received.
	Path string
	// Route is the matched route template with its constraints dropped, e.g.
	// "/charts/{id}" or "/users/{id}/followers"; empty when nothing matched.
	Route string
	// Query is the request's query, keys as sent.
	Query url.Values
	// Status is the HTTP status of the answer.
	Status int
	// Body is the JSON body of a write, as received (at most 64 KiB); nil
	// for reads and other bodies.
	Body []byte
	// Authenticated says whether the request carried a valid access token.
	Authenticated bool
}

// New returns a server over a freshly generated data set. Every call
// generates the same data (the generator has a fixed seed), with the
// seeded sign-ins of [Server.Tokens].
func New() *Server {
	s := &Server{data: generate(), started: time.Now()}
	s.auth.init(s.clock, s.data)
	s.routes = s.routeTable()
	return s
}

// Data returns the live data set. Read it while no request is being served,
// or copy what you need; change it only through [Server.Update].
func (s *Server) Data() *Data {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.data
}

// Update runs fn on the data set under the server's write lock, then
// rebuilds the lookup indexes, so later answers see the change.
func (s *Server) Update(fn func(d *Data)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s.data)
	s.data.reindex()
}

// Requests returns a copy of the request log since the last
// [Server.ResetRequests], oldest first.
func (s *Server) Requests() []Request {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	out := make([]Request, len(s.log))
	copy(out, s.log)
	return out
}

// SetLatency makes every answer wait d before it is computed, as the
// public API's round trip would; 0 answers at once. For benchmarks.
func (s *Server) SetLatency(d time.Duration) { s.latency.Store(int64(d)) }

// SetLogger makes the server log to l (requests at Debug, the mail it
// would send at Info); nil, the default, logs to [slog.Default].
func (s *Server) SetLogger(l *slog.Logger) { s.logger.Store(l) }

func (s *Server) logTo() *slog.Logger {
	if l := s.logger.Load(); l != nil {
		return l
	}
	return slog.Default()
}

// Served returns how many answers below 500 each route gave since the
// server was made, keyed "GET /charts/{id}"; ResetRequests leaves it be.
func (s *Server) Served() map[string]int {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	out := make(map[string]int, len(s.served))
	for k, v := range s.served {
		out[k] = v
	}
	return out
}

// ResetRequests empties the request log.
func (s *Server) ResetRequests() {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	s.log = nil
}

// ServeHTTP answers one request as the upstream would, logs it at Debug
// level (method, route, status; never the token) and appends it to the
// request log.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if d := time.Duration(s.latency.Load()); d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	}

	path := strings.TrimSuffix(r.URL.Path, "/")
	rt, params, allowed := s.match(r.Method, path)
	name := ""
	if rt != nil {
		name = rt.name
	}

	if ft, ok := s.faults.take(r.Method, name); ok && (ft.Reset || ft.Status != 0) {
		s.logMu.Lock() // logged first: the answer may never come
		s.log = append(s.log, Request{Method: r.Method, Path: r.URL.Path, Route: name, Query: r.URL.Query(),
			Status: ft.Status})
		s.logMu.Unlock()
		ft.apply(w, r)
		return
	} else if ok && ft.apply(w, r) {
		return
	}

	// The request is logged when its status is written, before the client
	// can read the answer, so a test that reads the log after an answer
	// always finds it.
	var body []byte
	if r.Method != http.MethodGet && strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		body, _ = io.ReadAll(io.LimitReader(r.Body, 64<<10))
		r.Body = io.NopCloser(bytes.NewReader(body))
	}

	var authenticated bool
	rec := &statusWriter{ResponseWriter: w}
	rec.onStatus = func(status int) {
		s.logTo().DebugContext(r.Context(), "sandbox request", "method", r.Method, "route", name, "status", status)
		s.logMu.Lock()
		s.log = append(s.log, Request{
			Method: r.Method, Path: r.URL.Path, Route: name, Query: r.URL.Query(),
			Status: status, Authenticated: authenticated, Body: body,
		})
		if name != "" && status < 500 {
			if s.served == nil {
				s.served = map[string]int{}
			}
			s.served[r.Method+" "+name]++
		}
		s.logMu.Unlock()
	}

	s.answer(rec, r, rt, params, allowed, &authenticated)
	rec.status(http.StatusOK)
}

// answer runs the matched route under the read lock and reports whether
// the caller was authenticated.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, rt *route, params map[string]string,
	allowed []string, authenticated *bool,
) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		s.mu.RLock()
		defer s.mu.RUnlock()
	} else {
		s.mu.Lock() // writes change the data set
		defer s.mu.Unlock()
	}

	c := &call{s: s, d: s.data, w: w, r: r, q: foldQuery(r.URL.Query()), params: params}
	c.caller, c.authenticated = s.auth.caller(s.data, r)
	*authenticated = c.authenticated
	c.admin = isAdministrator(c.caller)
	switch {
	case rt != nil:
		c.route = rt.name
		rt.handle(c)
	case len(allowed) > 0:
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		c.empty(http.StatusMethodNotAllowed)
	default:
		c.empty(http.StatusNotFound)
	}
}

type statusWriter struct {
	http.ResponseWriter
	onStatus func(int)
	written  bool
}

// status calls onStatus with the first status written.
func (w *statusWriter) status(code int) {
	if !w.written {
		w.written = true
		w.onStatus(code)
	}
}

// WriteHeader records the first status written.
func (w *statusWriter) WriteHeader(code int) {
	w.status(code)
	w.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200.
func (w *statusWriter) Write(b []byte) (int, error) {
	w.status(http.StatusOK)
	return w.ResponseWriter.Write(b)
}

// A route is one upstream endpoint. Its template's segments are literals
// (matched ignoring case) or parameters, optionally constrained as
// {id:guid} or {id:int}.
type route struct {
	method   string
	template string
	name     string
	segments []string
	handle   func(c *call)
}

func newRoute(method, template string, handle func(c *call)) route {
	segs := strings.Split(strings.Trim(template, "/"), "/")
	names := make([]string, len(segs))
	for i, s := range segs {
		names[i] = s
		if j := strings.Index(s, ":"); strings.HasPrefix(s, "{") && j > 0 {
			names[i] = s[:j] + "}"
		}
	}
	return route{
		method: method, template: template, segments: segs, handle: handle,
		name: "/" + strings.Join(names, "/"),
	}
}

// match finds the route for a request by the upstream's precedence: per
// segment, a literal beats a constrained parameter, which beats a plain
// one. When only other methods match the path it returns them.
func (s *Server) match(method, path string) (*route, map[string]string, []string) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	var best *route
	var bestParams map[string]string
	var bestRank string
	var allowed []string
	for i := range s.routes {
		rt := &s.routes[i]
		params, rank, ok := rt.bind(parts)
		if !ok {
			continue
		}
		if rt.method != method {
			if !slices.Contains(allowed, rt.method) {
				allowed = append(allowed, rt.method)
			}
			continue
		}
		if best == nil || rank < bestRank {
			best, bestParams, bestRank = rt, params, rank
		}
	}
	return best, bestParams, allowed
}

func (rt *route) bind(parts []string) (map[string]string, string, bool) {
	if len(parts) != len(rt.segments) {
		return nil, "", false
	}
	params := map[string]string{}
	rank := make([]byte, len(parts))
	for i, seg := range rt.segments {
		p, err := url.PathUnescape(parts[i])
		if err != nil {
			return nil, "", false
		}
		if !strings.HasPrefix(seg, "{") {
			if !strings.EqualFold(seg, p) {
				return nil, "", false
			}
			rank[i] = '1'
			continue
		}
		name, constraint, _ := strings.Cut(strings.Trim(seg, "{}"), ":")
		rank[i] = '2'
		switch constraint {
		case "guid":
			g, ok := parseGUID(p)
			if !ok {
				return nil, "", false
			}
			p = g
		case "int":
			if _, err := strconv.ParseInt(p, 10, 32); err != nil {
				return nil, "", false
			}
		default:
			rank[i] = '3'
		}
		if p == "" {
			return nil, "", false
		}
		params[name] = p
	}
	return params, string(rank), true
}
