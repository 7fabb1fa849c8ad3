// Command bench measures the facade against the sandbox with an injected
// upstream latency, on loopback only: for each reference operation it
// prints upstream calls, p50 and p99 latency and throughput at several
// concurrencies, with a cold cache, a warm cache, loaders disabled, and the
// REST waterfall the PhiZone web client makes for the same page.
//
//	go run ./cmd/bench                 # 20 ms a call, the defaults
//	go run ./cmd/bench -latency 50ms -requests 40
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

func main() {
	latency := flag.Duration("latency", 20*time.Millisecond, "latency the sandbox adds to every upstream call")
	requests := flag.Int("requests", 24, "requests per cell at concurrency 1 (more at higher concurrency)")
	concurrency := flag.String("concurrency", "1,16,64", "comma-separated concurrencies")
	flag.Parse()

	levels, err := parseLevels(*concurrency)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}

	b := newBench(*latency)
	defer b.close()
	b.run(os.Stdout, levels, *requests)
}

func parseLevels(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 256 {
			return nil, fmt.Errorf("concurrency %q: want integers from 1 to 256", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// bench holds the sandbox and one facade per mode, all on loopback.
type bench struct {
	latency time.Duration
	sb      *sandbox.Server
	rest    *httptest.Server
	modes   map[string]*httptest.Server
	warm    *upstream.Cache
	vars    map[string]map[string]any
}

// The modes of the table, in order.
var modeNames = []string{"cold cache", "warm cache", "loaders off", "REST waterfall"}

func newBench(latency time.Duration) *bench {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	b := &bench{latency: latency, sb: sandbox.New(), modes: map[string]*httptest.Server{}}
	b.rest = httptest.NewServer(b.sb)

	facadeOn := func(cache *upstream.Cache, unbatched bool) *httptest.Server {
		c, err := upstream.New(b.rest.URL, nil, nil)
		if err != nil {
			panic(err)
		}
		if cache != nil {
			c = c.WithCache(cache)
		}
		return httptest.NewServer(facade.New(facade.Options{
			Upstream: c, Unbatched: unbatched,
			Limits: facade.Limits{UpstreamCalls: 10_000},
		}))
	}
	b.warm = upstream.NewCache(upstream.CacheOptions{TTL: time.Hour, ListTTL: time.Hour})
	b.modes["cold cache"] = facadeOn(nil, false)
	b.modes["warm cache"] = facadeOn(b.warm, false)
	b.modes["loaders off"] = facadeOn(nil, true)

	b.vars = b.pickVariables()
	b.sb.SetLatency(latency)
	return b
}

func (b *bench) close() {
	for _, s := range b.modes {
		s.Close()
	}
	b.rest.Close()
}

// pickVariables finds the objects the operations read: a chart with
// threads, a user with followers and charts, an event with divisions.
func (b *bench) pickVariables() map[string]map[string]any {
	d := b.sb.Data()
	chart := d.Charts[0].ID
	threads := map[string]int{}
	for _, c := range d.Comments {
		if c.ReplyCount > 0 {
			threads[c.ResourceID]++
		}
	}
	for _, ch := range d.Charts {
		if threads[ch.ID] >= 3 && !ch.IsLocked && !ch.IsHidden {
			chart = ch.ID
			break
		}
	}
	owned := map[int]int{}
	for _, ch := range d.Charts {
		owned[ch.OwnerID]++
	}
	user := 1
	for _, u := range d.Users {
		if u.FollowerCount >= 5 && owned[u.ID] >= 10 {
			user = u.ID
			break
		}
	}
	return map[string]map[string]any{
		"ChartList": nil,
		"ChartPage": {"id": chart},
		"UserPage":  {"id": strconv.Itoa(user)},
		"EventPage": {"id": d.Events[0].ID},
	}
}

// run prints the table.
func (b *bench) run(w io.Writer, levels []int, requests int) {
	fmt.Fprintf(w, "Upstream latency %s a call; requests per cell: %d × concurrency (at least %d).\n\n",
		b.latency, 2, requests)
	fmt.Fprintln(w, "| operation | mode | upstream calls | concurrency | p50 | p99 | requests/s |")
	fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: | ---: | ---: |")

	for _, op := range operationNames {
		for _, mode := range modeNames {
			if mode == "REST waterfall" && b.waterfall(op) == nil {
				continue
			}
			calls := b.countCalls(op, mode)
			for _, c := range levels {
				n := max(requests, 2*c)
				lat, elapsed := b.measure(op, mode, c, n)
				fmt.Fprintf(w, "| %s | %s | %d | %d | %s | %s | %.0f |\n", op, mode, calls, c,
					ms(percentile(lat, 50)), ms(percentile(lat, 99)), float64(n)/elapsed.Seconds())
			}
		}
	}
}

// countCalls runs op once in mode (after a warming run for the warm cache)
// and counts the upstream requests it made.
func (b *bench) countCalls(op, mode string) int {
	if mode == "warm cache" {
		b.once(op, mode)
	}
	b.sb.ResetRequests()
	b.once(op, mode)
	return len(b.sb.Requests())
}

// measure runs op n times in mode with c callers at once.
func (b *bench) measure(op, mode string, c, n int) ([]time.Duration, time.Duration) {
	if mode == "warm cache" {
		b.once(op, mode)
	}
	lat := make([]time.Duration, n)
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)

	start := time.Now()
	var wg sync.WaitGroup
	for range c {
		wg.Go(func() {
			for i := range next {
				t := time.Now()
				b.once(op, mode)
				lat[i] = time.Since(t)
			}
		})
	}
	wg.Wait()
	return lat, time.Since(start)
}

// once runs op in mode: a GraphQL request, or the REST waterfall.
func (b *bench) once(op, mode string) {
	if mode == "REST waterfall" {
		b.waterfall(op)(b.vars[op])
		return
	}
	body, _ := json.Marshal(map[string]any{"query": operations[op], "variables": b.vars[op]})
	resp, err := http.Post(b.modes[mode].URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func percentile(d []time.Duration, p int) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
