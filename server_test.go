package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestParseConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}

	tests := []struct {
		name string
		args []string
		env  map[string]string
		want config
	}{
		{
			name: "defaults",
			want: config{Introspection: true, Playground: true, MaxCost: 250, MaxDepth: 15, Addr: ":8080", Upstream: "https://api.phizone.cn", AllowedOrigins: "*",
				BatchWait: 500 * time.Microsecond, LogLevel: "info", UpstreamTimeout: 15 * time.Second,
				CacheBytes: 64 << 20, CacheTTL: 30 * time.Second, CacheListTTL: 10 * time.Second},
		},
		{
			name: "environment",
			env: map[string]string{"PHIZONE_ADDR": ":9000", "PHIZONE_UPSTREAM": "http://127.0.0.1:5000",
				"PHIZONE_SANDBOX": "true", "PHIZONE_CORS_ORIGINS": "https://a.example", "PHIZONE_BATCH_WAIT": "5ms",
				"PHIZONE_LOG_LEVEL": "debug"},
			want: config{Introspection: true, Playground: true, MaxCost: 250, MaxDepth: 15, Addr: ":9000", Upstream: "http://127.0.0.1:5000", Sandbox: true,
				AllowedOrigins: "https://a.example", BatchWait: 5 * time.Millisecond, LogLevel: "debug",
				UpstreamTimeout: 15 * time.Second,
				CacheBytes:      64 << 20, CacheTTL: 30 * time.Second, CacheListTTL: 10 * time.Second},
		},
		{
			name: "the sandbox listens on loopback by default",
			args: []string{"-sandbox"},
			want: config{Introspection: true, Playground: true, MaxCost: 250, MaxDepth: 15, Addr: "127.0.0.1:8080", Upstream: "https://api.phizone.cn", Sandbox: true, AllowedOrigins: "*",
				BatchWait: 500 * time.Microsecond, LogLevel: "info", UpstreamTimeout: 15 * time.Second,
				CacheBytes: 64 << 20, CacheTTL: 30 * time.Second, CacheListTTL: 10 * time.Second},
		},
		{
			name: "the cache from the environment and flags",
			args: []string{"-cache-bytes", "0", "-cache-ttl", "1m"},
			env: map[string]string{"PHIZONE_CACHE_BYTES": "8MiB", "PHIZONE_CACHE_TTL": "5s",
				"PHIZONE_CACHE_LIST_TTL": "2s"},
			want: config{Introspection: true, Playground: true, MaxCost: 250, MaxDepth: 15, Addr: ":8080", Upstream: "https://api.phizone.cn", AllowedOrigins: "*",
				BatchWait: 500 * time.Microsecond, LogLevel: "info", UpstreamTimeout: 15 * time.Second,
				CacheBytes: 0, CacheTTL: time.Minute, CacheListTTL: 2 * time.Second},
		},
		{
			name: "cache sizes take units",
			args: []string{"-cache-bytes", "512KiB"},
			want: config{Introspection: true, Playground: true, MaxCost: 250, MaxDepth: 15, Addr: ":8080", Upstream: "https://api.phizone.cn", AllowedOrigins: "*",
				BatchWait: 500 * time.Microsecond, LogLevel: "info", UpstreamTimeout: 15 * time.Second,
				CacheBytes: 512 << 10, CacheTTL: 30 * time.Second, CacheListTTL: 10 * time.Second},
		},
		{
			name: "flags win over the environment",
			args: []string{"-addr", "127.0.0.1:7000", "-sandbox=false"},
			env:  map[string]string{"PHIZONE_ADDR": ":9000", "PHIZONE_SANDBOX": "1"},
			want: config{Introspection: true, Playground: true, MaxCost: 250, MaxDepth: 15, Addr: "127.0.0.1:7000", Upstream: "https://api.phizone.cn", AllowedOrigins: "*",
				BatchWait: 500 * time.Microsecond, LogLevel: "info", UpstreamTimeout: 15 * time.Second,
				CacheBytes: 64 << 20, CacheTTL: 30 * time.Second, CacheListTTL: 10 * time.Second},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig(tt.args, env(tt.env))
			if err != nil {
				t.Fatalf("parseConfig: %v", err)
			}
			if got != tt.want {
				t.Errorf("parseConfig = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestIntrospectionAndPlaygroundCanBeOff(t *testing.T) {
	cfg, err := parseConfig([]string{"-playground=false"}, func(k string) string {
		return map[string]string{"PHIZONE_INTROSPECTION": "false"}[k]
	})
	if err != nil || cfg.Introspection || cfg.Playground {
		t.Errorf("parseConfig = %+v, %v; want both off", cfg, err)
	}
}

func TestParseConfigReportsEveryProblem(t *testing.T) {
	env := map[string]string{"PHIZONE_SANDBOX": "maybe", "PHIZONE_BATCH_WAIT": "soon", "PHIZONE_LOG_LEVEL": "loud",
		"PHIZONE_CACHE_BYTES": "lots", "PHIZONE_CACHE_LIST_TTL": "-1s"}
	_, err := parseConfig(nil, func(k string) string { return env[k] })
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{"PHIZONE_SANDBOX", "PHIZONE_BATCH_WAIT", "loud", "PHIZONE_CACHE_BYTES", "cache list TTL"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

func TestOrigins(t *testing.T) {
	c := config{AllowedOrigins: " https://a.example, ,https://b.example "}
	got := c.origins()
	if len(got) != 2 || got[0] != "https://a.example" || got[1] != "https://b.example" {
		t.Errorf("origins = %q", got)
	}
}

// `go run . -sandbox` serves the whole product: the facade over a sandbox
// on loopback, until its context ends.
func TestRunOnSandbox(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	cfg, err := parseConfig([]string{"-sandbox", "-addr", addr}, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg, slog.New(slog.DiscardHandler)) }()

	var body []byte
	for range 100 {
		resp, err := http.Post("http://"+addr+"/graphql", "application/json",
			strings.NewReader(`{"query":"{ charts(first: 1) { totalCount } }"}`))
		if err == nil {
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(string(body), `"totalCount":`) {
		t.Errorf("the facade on the sandbox answered %s", body)
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("run after shutdown: %v", err)
	}
}
