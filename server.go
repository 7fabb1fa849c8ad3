// Command graphql-facade serves the PhiZone API v2 as one GraphQL
// endpoint. Run it on the embedded sandbox with `go run . -sandbox`, or in
// front of an upstream that keeps PhiZone's contract with -upstream.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// config is the facade's configuration: each field comes from a flag, or
// from its environment variable when the flag is not given.
type config struct {
	// Addr is where the facade listens (-addr, PHIZONE_ADDR; ":8080", or
	// "127.0.0.1:8080" with the sandbox, whose tokens are public).
	Addr string
	// Upstream is the base URL of the PhiZone API (-upstream,
	// PHIZONE_UPSTREAM; "https://api.phizone.cn").
	Upstream string
	// Sandbox serves the embedded sandbox on loopback and points the facade
	// at it, ignoring Upstream (-sandbox, PHIZONE_SANDBOX; false).
	Sandbox bool
	// AllowedOrigins lists the origins browsers may call from, comma
	// separated (-cors-origins, PHIZONE_CORS_ORIGINS; "*", any).
	AllowedOrigins string
	// BatchWait is how long loaders gather keys (-batch-wait,
	// PHIZONE_BATCH_WAIT; 500µs).
	BatchWait time.Duration
	// LogLevel is debug, info, warn or error (-log-level,
	// PHIZONE_LOG_LEVEL; info).
	LogLevel string
	// UpstreamTimeout bounds each upstream call (-upstream-timeout,
	// PHIZONE_UPSTREAM_TIMEOUT; 15s).
	UpstreamTimeout time.Duration
	// CacheBytes bounds the cache of upstream GET answers, in bytes; 0
	// turns it off (-cache-bytes, PHIZONE_CACHE_BYTES; 64MiB). Sizes take
	// a suffix B, KiB, MiB or GiB.
	CacheBytes int64
	// CacheTTL is how long a cached single resource (an answer with an
	// ETag) is served before it is revalidated (-cache-ttl,
	// PHIZONE_CACHE_TTL; 30s).
	CacheTTL time.Duration
	// CacheListTTL is how long a cached list (an answer without an ETag) is
	// served before it is read again (-cache-list-ttl,
	// PHIZONE_CACHE_LIST_TTL; 10s).
	CacheListTTL time.Duration
	// MaxCost bounds the upstream calls an operation is estimated to make
	// (-max-cost, PHIZONE_MAX_COST; 250), and MaxDepth how deep it nests
	// (-max-depth, PHIZONE_MAX_DEPTH; 15).
	MaxCost, MaxDepth int
	// Introspection and Playground turn on __schema queries and the
	// GraphiQL page (-introspection, PHIZONE_INTROSPECTION; -playground,
	// PHIZONE_PLAYGROUND; both true).
	Introspection, Playground bool
	// ClientID and ClientSecret identify the OAuth client that login signs
	// users in as (-client-id, PHIZONE_CLIENT_ID; -client-secret,
	// PHIZONE_CLIENT_SECRET; both empty, which on the sandbox means its own).
	ClientID, ClientSecret string
}

// parseConfig reads the flags of args with environment fallbacks from
// getenv and reports every problem at once.
func parseConfig(args []string, getenv func(string) string) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("graphql-facade", flag.ContinueOnError)
	fs.StringVar(&cfg.Addr, "addr", getenv("PHIZONE_ADDR"), `listen address (default ":8080", "127.0.0.1:8080" with -sandbox)`)
	fs.StringVar(&cfg.Upstream, "upstream", envOr(getenv, "PHIZONE_UPSTREAM", "https://api.phizone.cn"),
		"base URL of the PhiZone API v2")
	fs.StringVar(&cfg.AllowedOrigins, "cors-origins", envOr(getenv, "PHIZONE_CORS_ORIGINS", "*"),
		"comma-separated origins browsers may call from, * for any")
	fs.StringVar(&cfg.LogLevel, "log-level", envOr(getenv, "PHIZONE_LOG_LEVEL", "info"), "debug, info, warn or error")
	fs.StringVar(&cfg.ClientID, "client-id", envOr(getenv, "PHIZONE_CLIENT_ID", ""), "OAuth client ID for login")
	fs.StringVar(&cfg.ClientSecret, "client-secret", envOr(getenv, "PHIZONE_CLIENT_SECRET", ""),
		"OAuth client secret for login (prefer the environment variable)")

	var problems []error
	sandboxDefault, err := strconv.ParseBool(envOr(getenv, "PHIZONE_SANDBOX", "false"))
	if err != nil {
		problems = append(problems, fmt.Errorf("PHIZONE_SANDBOX: %w", err))
	}
	fs.BoolVar(&cfg.Sandbox, "sandbox", sandboxDefault, "serve the embedded sandbox upstream and use it")
	for _, n := range []struct {
		dst       *int
		flag, env string
		def       string
		usage     string
	}{
		{&cfg.MaxCost, "max-cost", "PHIZONE_MAX_COST", "250", "the most upstream calls an operation may be estimated to make"},
		{&cfg.MaxDepth, "max-depth", "PHIZONE_MAX_DEPTH", "15", "how deep an operation may nest"},
	} {
		def, err := strconv.Atoi(envOr(getenv, n.env, n.def))
		if err != nil || def < 1 {
			problems = append(problems, fmt.Errorf("%s: want a positive integer, got %q", n.env, envOr(getenv, n.env, n.def)))
		}
		fs.IntVar(n.dst, n.flag, def, n.usage)
	}
	for _, b := range []struct {
		dst       *bool
		flag, env string
		usage     string
	}{
		{&cfg.Introspection, "introspection", "PHIZONE_INTROSPECTION", "answer __schema and __type queries"},
		{&cfg.Playground, "playground", "PHIZONE_PLAYGROUND", "serve the GraphiQL playground at /"},
	} {
		def, err := strconv.ParseBool(envOr(getenv, b.env, "true"))
		if err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", b.env, err))
		}
		fs.BoolVar(b.dst, b.flag, def, b.usage)
	}
	waitDefault, err := time.ParseDuration(envOr(getenv, "PHIZONE_BATCH_WAIT", "500us"))
	if err != nil {
		problems = append(problems, fmt.Errorf("PHIZONE_BATCH_WAIT: %w", err))
	}
	fs.DurationVar(&cfg.BatchWait, "batch-wait", waitDefault, "how long loaders gather keys before calling upstream")
	timeoutDefault, err := time.ParseDuration(envOr(getenv, "PHIZONE_UPSTREAM_TIMEOUT", "15s"))
	if err != nil {
		problems = append(problems, fmt.Errorf("PHIZONE_UPSTREAM_TIMEOUT: %w", err))
	}
	fs.DurationVar(&cfg.UpstreamTimeout, "upstream-timeout", timeoutDefault, "the longest one upstream call may take")
	cacheBytes := byteSize(upstream.DefaultCacheBytes)
	if v := getenv("PHIZONE_CACHE_BYTES"); v != "" {
		if err := cacheBytes.Set(v); err != nil {
			problems = append(problems, fmt.Errorf("PHIZONE_CACHE_BYTES: %w", err))
		}
	}
	fs.Var(&cacheBytes, "cache-bytes", "bound of the cache of upstream answers in bytes (or KiB, MiB, GiB); 0 turns it off")
	ttlDefault, err := time.ParseDuration(envOr(getenv, "PHIZONE_CACHE_TTL", "30s"))
	if err != nil {
		problems = append(problems, fmt.Errorf("PHIZONE_CACHE_TTL: %w", err))
	}
	fs.DurationVar(&cfg.CacheTTL, "cache-ttl", ttlDefault, "how long a cached single resource is served before it is revalidated")
	listTTLDefault, err := time.ParseDuration(envOr(getenv, "PHIZONE_CACHE_LIST_TTL", "10s"))
	if err != nil {
		problems = append(problems, fmt.Errorf("PHIZONE_CACHE_LIST_TTL: %w", err))
	}
	fs.DurationVar(&cfg.CacheListTTL, "cache-list-ttl", listTTLDefault, "how long a cached list is served before it is read again")

	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	cfg.CacheBytes = int64(cacheBytes)
	if cfg.Addr == "" {
		cfg.Addr = ":8080"
		if cfg.Sandbox {
			cfg.Addr = "127.0.0.1:8080"
		}
	}
	if _, err := parseLevel(cfg.LogLevel); err != nil {
		problems = append(problems, err)
	}
	if cfg.UpstreamTimeout <= 0 || cfg.UpstreamTimeout > 10*time.Minute {
		problems = append(problems, fmt.Errorf("upstream timeout %s is outside (0, 10m]", cfg.UpstreamTimeout))
	}
	if cfg.BatchWait < 0 || cfg.BatchWait > time.Second {
		problems = append(problems, fmt.Errorf("batch wait %s is outside 0..1s", cfg.BatchWait))
	}
	if cfg.CacheTTL <= 0 || cfg.CacheTTL > 24*time.Hour {
		problems = append(problems, fmt.Errorf("cache TTL %s is outside (0, 24h]", cfg.CacheTTL))
	}
	if cfg.CacheListTTL <= 0 || cfg.CacheListTTL > 24*time.Hour {
		problems = append(problems, fmt.Errorf("cache list TTL %s is outside (0, 24h]", cfg.CacheListTTL))
	}

	return cfg, errors.Join(problems...)
}

// byteSize is a flag value of bytes: an integer with an optional suffix
// B, KiB, MiB or GiB (KB, MB and GB mean the same powers of two).
type byteSize int64

// String writes the size in the largest unit that divides it.
func (b *byteSize) String() string {
	n := int64(*b)
	for _, u := range []struct {
		suffix string
		shift  uint
	}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}} {
		if n > 0 && n%(1<<u.shift) == 0 {
			return strconv.FormatInt(n>>u.shift, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

// Set parses s as a size.
func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		shift  uint
	}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"KB", 10}, {"MB", 20}, {"GB", 30}, {"B", 0}}
	num, shift := strings.TrimSpace(s), uint(0)
	for _, u := range units {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, shift = strings.TrimSpace(n), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 || n > (1<<40)>>shift {
		return fmt.Errorf("size %q: want bytes from 0 to 1TiB, such as 64MiB", s)
	}
	*b = byteSize(n << shift)
	return nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func parseLevel(s string) (slog.Level, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("log level %q: want debug, info, warn or error", s)
	}
	return level, nil
}

func (c config) origins() []string {
	var out []string
	for _, o := range strings.Split(c.AllowedOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}

func main() {
	cfg, err := parseConfig(os.Args[1:], os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "graphql-facade:", err)
		os.Exit(2)
	}

	level, _ := parseLevel(cfg.LogLevel)
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := run(ctx, cfg, logger); err != nil {
		logger.Error("facade stopped", "err", err)
		os.Exit(1)
	}
}

// run serves the facade until ctx ends, then shuts down gracefully.
func run(ctx context.Context, cfg config, logger *slog.Logger) error {
	base := cfg.Upstream
	credentials := upstream.Credentials{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret}
	if cfg.Sandbox {
		url, stopSandbox, err := serveSandbox(logger)
		if err != nil {
			return err
		}
		defer stopSandbox()
		base = url
		if credentials.ClientID == "" {
			credentials.ClientID = sandbox.ClientID
		}
	}

	client, err := upstream.New(base, nil, logger)
	if err != nil {
		return err
	}
	client = client.WithCallTimeout(cfg.UpstreamTimeout)
	if cfg.CacheBytes > 0 {
		client = client.WithCache(upstream.NewCache(upstream.CacheOptions{
			MaxBytes: cfg.CacheBytes, TTL: cfg.CacheTTL, ListTTL: cfg.CacheListTTL,
		}))
	}

	srv := &http.Server{
		Addr: cfg.Addr,
		Handler: facade.New(facade.Options{
			Upstream:        client,
			Credentials:     credentials,
			NoIntrospection: !cfg.Introspection,
			Limits:          facade.Limits{MaxCost: int64(cfg.MaxCost), MaxDepth: cfg.MaxDepth, UpstreamCalls: int64(max(cfg.MaxCost, 250))},
			NoPlayground:    !cfg.Playground,
			AllowedOrigins:  cfg.origins(),
			BatchWait:       cfg.BatchWait,
			Logger:          logger,
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	logger.Info("facade listening", "addr", ln.Addr().String(), "upstream", base, "sandbox", cfg.Sandbox,
		"cache_bytes", cfg.CacheBytes)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}

	logger.Info("facade shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

// serveSandbox serves a new sandbox on a loopback port and returns its
// base URL and a function that stops it.
func serveSandbox(logger *slog.Logger) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("sandbox listen: %w", err)
	}

	sb := sandbox.New()
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	for _, t := range sb.Tokens() {
		logger.Info("sandbox sign-in", "user_id", t.UserID, "user_name", t.UserName)
	}

	url := "http://" + ln.Addr().String()
	return url, func() { _ = srv.Close() }, nil
}
