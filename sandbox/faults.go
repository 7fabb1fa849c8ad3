package sandbox

import (
	"net/http"
	"sync"
	"time"
)

// Fault is what a route answers instead of its data, for tests of how the
// facade takes upstream failures. The zero fields do nothing.
type Fault struct {
	// Status, when not 0, is answered with Body as it is (not an envelope).
	Status int
	// Body is the raw body sent with Status.
	Body string
	// Delay holds the answer back this long first.
	Delay time.Duration
	// Reset closes the connection without an answer.
	Reset bool
	// Times is how many requests the fault hits before it lifts; 0 means
	// every request until ClearFaults.
	Times int
}

// faults holds the injected faults by "GET /users" (method and route).
type faults struct {
	mu sync.Mutex
	by map[string]*Fault
}

// InjectFault makes route (a route template as the request log names it,
// such as "/users", for method) answer with f.
func (s *Server) InjectFault(method, route string, f Fault) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	if s.faults.by == nil {
		s.faults.by = map[string]*Fault{}
	}
	s.faults.by[method+" "+route] = &f
}

// ClearFaults lifts every injected fault.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.by = nil
}

// take returns the fault for a request to route, counting it down.
func (f *faults) take(method, route string) (Fault, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ft, ok := f.by[method+" "+route]
	if !ok {
		return Fault{}, false
	}
	if ft.Times > 0 {
		ft.Times--
		if ft.Times == 0 {
			delete(f.by, method+" "+route)
		}
	}
	return *ft, true
}

// apply answers the request with the fault; it reports false when the
// request should go on to its route (a delay alone).
func (ft Fault) apply(w http.ResponseWriter, r *http.Request) bool {
	if ft.Delay > 0 {
		select {
		case <-time.After(ft.Delay):
		case <-r.Context().Done():
			return true
		}
	}
	switch {
	case ft.Reset:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler) // net/http resets the stream
	case ft.Status != 0:
		w.WriteHeader(ft.Status)
		_, _ = w.Write([]byte(ft.Body))
		return true
	}
	return false
}
