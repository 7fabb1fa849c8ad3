// Command load runs the facade under sustained load in one process, on
// loopback only: it starts the sandbox with an injected upstream latency and
// the facade over it with the cross-request cache on (as `go run .
// -sandbox` serves it), then runs concurrent callers, half of them signed
// in, each looping over the reference operations of cmd/bench, `me` (the
// signed-in ones) and a chart's `dateLiked`, until the duration or the
// request count is reached.
//
// It checks that no answer carries another caller's data (every `me` names
// the caller's user; a chart one caller liked shows `dateLiked` to that
// caller only), that no request fails that the upstream did not fail, and
// that the process's memory (runtime.MemStats, sampled every second) stays
// under a bound. It prints a markdown report with throughput, p50 and p99
// per operation and the upstream calls made, and exits 1 when a check
// fails.
//
//	go run ./cmd/load                          # 64 callers, 60 s, 20 ms a call
//	go run ./cmd/load -callers 16 -duration 10s -max-memory 256MiB
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	var opts options
	flag.DurationVar(&opts.latency, "latency", 20*time.Millisecond, "latency the sandbox adds to every upstream call")
	flag.IntVar(&opts.callers, "callers", 64, "concurrent callers, half of them signed in")
	flag.DurationVar(&opts.duration, "duration", 60*time.Second, "how long the callers run")
	flag.IntVar(&opts.requests, "requests", 1_000_000, "the most requests the callers send in all")
	maxMemory := flag.String("max-memory", "512MiB", "bound of the process's memory (runtime.MemStats.Sys), in bytes or KiB, MiB, GiB")
	flag.Parse()

	var err error
	opts.maxMemory, err = parseBytes(*maxMemory)
	switch {
	case err != nil:
	case opts.callers < 2 || opts.callers > 1024:
		err = fmt.Errorf("callers %d: want 2 to 1024", opts.callers)
	case opts.duration <= 0 || opts.duration > 10*time.Minute:
		err = fmt.Errorf("duration %s: want (0, 10m]", opts.duration)
	case opts.requests < 1:
		err = fmt.Errorf("requests %d: want at least 1", opts.requests)
	case opts.latency < 0 || opts.latency > 10*time.Second:
		err = fmt.Errorf("latency %s: want 0 to 10s", opts.latency)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(2)
	}

	res, err := run(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	res.write(os.Stdout)
	if len(res.failures()) > 0 {
		os.Exit(1)
	}
}

// parseBytes reads a size: an integer with an optional suffix B, KiB, MiB
// or GiB.
func parseBytes(s string) (uint64, error) {
	num, shift := strings.TrimSpace(s), uint(0)
	for _, u := range []struct {
		suffix string
		shift  uint
	}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"B", 0}} {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, shift = strings.TrimSpace(n), u.shift
			break
		}
	}
	n, err := strconv.ParseUint(num, 10, 64)
	if err != nil || n == 0 || n > (1<<40)>>shift {
		return 0, fmt.Errorf("size %q: want bytes from 1 to 1TiB, such as 512MiB", s)
	}
	return n << shift, nil
}
