package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"time"
)

// result is what a run saw.
type result struct {
	opts      options
	elapsed   time.Duration
	callers   int
	signedIn  int
	users     []string // the distinct users signed in
	latencies map[string][]time.Duration
	mem       memory

	meChecked, likedChecked int
	violations              int
	leaks                   []string
	graphqlErrors           int
	httpFailures            int
	samples                 []string

	upstreamCalls, upstreamFailures int64
	cacheBytes                      int64
}

func (l *load) result(callers []*caller, elapsed time.Duration, mem memory) *result {
	r := &result{
		opts: l.opts, elapsed: elapsed, callers: len(callers), mem: mem,
		latencies:        map[string][]time.Duration{},
		upstreamCalls:    l.upstreamCalls.Load(),
		upstreamFailures: l.upstreamFailures.Load(),
		cacheBytes:       l.cache.Size(),
	}
	for _, c := range callers {
		if c.user != "" {
			r.signedIn++
			if !slices.Contains(r.users, c.user) {
				r.users = append(r.users, c.user)
			}
		}
		for op, d := range c.latencies {
			r.latencies[op] = append(r.latencies[op], d...)
		}
		r.meChecked += c.seenMe
		r.likedChecked += c.seenLiked
		r.violations += c.violations
		r.graphqlErrors += c.graphql
		r.httpFailures += c.http
		if len(r.leaks) < 5 {
			r.leaks = append(r.leaks, c.leaks...)
		}
		if len(r.samples) < 5 {
			r.samples = append(r.samples, c.samples...)
		}
	}
	return r
}

// requests is the number of requests the callers sent.
func (r *result) requests() int {
	n := 0
	for _, d := range r.latencies {
		n += len(d)
	}
	return n
}

// failed is the number of requests that failed: with GraphQL errors, or
// at the HTTP level.
func (r *result) failed() int { return r.graphqlErrors + r.httpFailures }

// failures says which checks failed; none when the run passed.
func (r *result) failures() []string {
	var out []string
	if r.violations > 0 {
		out = append(out, fmt.Sprintf("%d answers carried another caller's data", r.violations))
	}
	if r.meChecked == 0 || r.likedChecked == 0 {
		out = append(out, "no me or dateLiked answer was checked")
	}
	// A request may fail when the upstream failed a call of it; every
	// other failure is the facade's.
	if int64(r.failed()) > r.upstreamFailures {
		out = append(out, fmt.Sprintf("%d requests failed, the upstream failed %d calls", r.failed(), r.upstreamFailures))
	}
	if r.mem.peakSys > r.opts.maxMemory {
		out = append(out, fmt.Sprintf("peak memory %s passed the bound %s", mib(r.mem.peakSys), mib(r.opts.maxMemory)))
	}
	return out
}

// write prints the report in markdown.
func (r *result) write(w io.Writer) {
	fmt.Fprintf(w, "Load: %d callers for %s (%d signed in as %d users, each with a token of its own; %d anonymous), "+
		"upstream latency %s a call, cache on (the defaults: 64MiB, 30s, 10s for lists).\n\n",
		r.callers, r.elapsed.Round(100*time.Millisecond), r.signedIn, len(r.users), r.callers-r.signedIn, r.opts.latency)

	pass := func(ok bool) string {
		if ok {
			return "pass"
		}
		return "**FAIL**"
	}
	fmt.Fprintln(w, "| check | figure | result |")
	fmt.Fprintln(w, "| --- | --- | --- |")
	fmt.Fprintf(w, "| no answer carries another caller's data | %d violations in %d `me` and %d `dateLiked` answers | %s |\n",
		r.violations, r.meChecked, r.likedChecked, pass(r.violations == 0 && r.meChecked > 0 && r.likedChecked > 0))
	fmt.Fprintf(w, "| no request fails that the upstream did not fail | %d failed of %d (%d with GraphQL errors, %d HTTP failures); upstream failed %d calls | %s |\n",
		r.failed(), r.requests(), r.graphqlErrors, r.httpFailures, r.upstreamFailures, pass(int64(r.failed()) <= r.upstreamFailures))
	fmt.Fprintf(w, "| memory under %s | peak Sys %s, peak HeapInuse %s (before the load: %s, %s; %d samples) | %s |\n",
		mib(r.opts.maxMemory), mib(r.mem.peakSys), mib(r.mem.peakHeap), mib(r.mem.baseSys), mib(r.mem.baseHeap),
		r.mem.samples, pass(r.mem.peakSys <= r.opts.maxMemory))
	fmt.Fprintln(w)

	fmt.Fprintln(w, "| operation | requests | requests/s | p50 | p99 |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: |")
	var all []time.Duration
	for _, op := range append(append([]string(nil), operationNames...), opChartLiked, opMe) {
		lat := r.latencies[op]
		if len(lat) == 0 {
			continue
		}
		all = append(all, lat...)
		fmt.Fprintf(w, "| %s | %d | %.0f | %s | %s |\n", op, len(lat), float64(len(lat))/r.elapsed.Seconds(),
			ms(percentile(lat, 50)), ms(percentile(lat, 99)))
	}
	if len(all) > 0 {
		fmt.Fprintf(w, "| all | %d | %.0f | %s | %s |\n", len(all), float64(len(all))/r.elapsed.Seconds(),
			ms(percentile(all, 50)), ms(percentile(all, 99)))
	}
	fmt.Fprintln(w)

	fmt.Fprintf(w, "Upstream calls: %d (%.0f/s, %.2f a request); the cache holds %s at the end.\n",
		r.upstreamCalls, float64(r.upstreamCalls)/r.elapsed.Seconds(),
		float64(r.upstreamCalls)/float64(max(1, r.requests())), mib(uint64(r.cacheBytes)))
	for _, s := range r.leaks {
		fmt.Fprintf(w, "\n- another caller's data: %s", s)
	}
	for _, s := range r.samples {
		fmt.Fprintf(w, "\n- failed: %s", s)
	}
	if len(r.leaks)+len(r.samples) > 0 {
		fmt.Fprintln(w)
	}
	if f := r.failures(); len(f) > 0 {
		fmt.Fprintf(w, "\nFAILED: %d checks.\n", len(f))
	} else {
		fmt.Fprintln(w, "\nEvery check passed.")
	}
}

func percentile(d []time.Duration, p int) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mib(b uint64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
