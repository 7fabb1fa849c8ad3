package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// short is a run of a few seconds with few callers: three signed in (the
// liker and one caller of each other user), three anonymous. Each caller
// goes on past d until it has checked an answer of each kind it reads, so
// that a loaded machine makes a run longer, never emptier; two minutes
// bound the run.
func short(d time.Duration) options {
	return options{latency: 5 * time.Millisecond, callers: 6, duration: d, requests: 100_000, maxMemory: 1 << 30,
		minChecks: 1, maxDuration: 2 * time.Minute}
}

// TestLoadChecksHold runs the command's core against the facade as it
// serves: no answer carries another caller's data, no request fails.
func TestLoadChecksHold(t *testing.T) {
	res, err := run(short(3 * time.Second))
	if err != nil {
		t.Fatal(err)
	}
	var report bytes.Buffer
	res.write(&report)
	t.Log("\n" + report.String())

	if f := res.failures(); len(f) > 0 {
		t.Errorf("checks failed: %v", f)
	}
	if res.violations != 0 || res.failed() != 0 {
		t.Errorf("%d cross-caller answers, %d failed requests", res.violations, res.failed())
	}
	if res.signedIn != 3 || len(res.users) != 3 {
		t.Errorf("%d callers signed in as %v, want 3 as 3 users", res.signedIn, res.users)
	}
	// The checks ran: every signed-in caller read me, everyone the liked chart.
	if res.meChecked < 3 || res.likedChecked < 6 {
		t.Errorf("checked %d me and %d dateLiked answers", res.meChecked, res.likedChecked)
	}
	if res.upstreamCalls == 0 || res.mem.samples == 0 || res.mem.peakSys == 0 {
		t.Errorf("upstream calls %d, memory samples %d, peak %d", res.upstreamCalls, res.mem.samples, res.mem.peakSys)
	}
	for _, op := range append(operationNames, opChartLiked, opMe) {
		if len(res.latencies[op]) == 0 {
			t.Errorf("no %s request was sent", op)
		}
	}
}

// TestLoadChecksOnASlowMachine stands for a loaded machine: the duration
// is over before any caller gets through its operations once. The callers
// still check an answer of each kind, and the run passes.
func TestLoadChecksOnASlowMachine(t *testing.T) {
	opts := short(time.Millisecond)
	opts.latency = 30 * time.Millisecond
	res, err := run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if f := res.failures(); len(f) > 0 {
		t.Errorf("checks failed: %v", f)
	}
	if res.meChecked < 3 || res.likedChecked < 6 {
		t.Errorf("checked %d me and %d dateLiked answers, want at least 3 and 6", res.meChecked, res.likedChecked)
	}
}

// TestLoadCatchesAnotherCallersData puts a GraphQL answer cache that
// ignores the caller in front of the facade: the run must see the leak.
func TestLoadCatchesAnotherCallersData(t *testing.T) {
	opts := short(time.Second)
	opts.wrap = func(next http.Handler) http.Handler {
		var mu sync.Mutex
		kept := map[string][]byte{}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			mu.Lock()
			ans, ok := kept[string(body)]
			mu.Unlock()
			if ok {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write(ans)
				return
			}
			rec := httptest.NewRecorder()
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(rec, r)
			mu.Lock()
			kept[string(body)] = rec.Body.Bytes()
			mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(rec.Code)
			_, _ = w.Write(rec.Body.Bytes())
		})
	}
	res, err := run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.violations == 0 || len(res.failures()) == 0 {
		t.Errorf("a caller-blind cache went unnoticed: %d violations, failures %v", res.violations, res.failures())
	}
}

// TestLoadCatchesFailedRequests fails some reads in front of the facade,
// with no upstream failure: the run must fail.
func TestLoadCatchesFailedRequests(t *testing.T) {
	opts := short(time.Second)
	var n atomic.Int64
	opts.wrap = func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if !bytes.Contains(body, []byte("mutation")) && n.Add(1)%7 == 0 {
				http.Error(w, "bad gateway", http.StatusBadGateway)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	res, err := run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.httpFailures == 0 || res.upstreamFailures != 0 || len(res.failures()) == 0 {
		t.Errorf("failed requests went unnoticed: %d HTTP failures, upstream %d, failures %v",
			res.httpFailures, res.upstreamFailures, res.failures())
	}
}

// TestLoadCatchesMemoryOverBound sets a bound the process is already over.
func TestLoadCatchesMemoryOverBound(t *testing.T) {
	opts := short(time.Second)
	opts.maxMemory = 1 << 20
	res, err := run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if f := res.failures(); len(f) != 1 || !strings.Contains(f[0], "memory") {
		t.Errorf("failures %v, want the memory bound's", f)
	}
}

// TestOperationsAreTheBenchs keeps the operations in step with cmd/bench.
func TestOperationsAreTheBenchs(t *testing.T) {
	bench, err := os.ReadFile("../bench/operations.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range operationNames {
		if !bytes.Contains(bench, []byte(operations[op])) {
			t.Errorf("%s differs from cmd/bench's", op)
		}
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]uint64{"512MiB": 512 << 20, "1GiB": 1 << 30, "4096": 4096, "64 KiB": 64 << 10} {
		if got, err := parseBytes(in); err != nil || got != want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1MiB", "12TB", "2TiB"} {
		if _, err := parseBytes(in); err == nil {
			t.Errorf("parseBytes(%q) took it", in)
		}
	}
}
