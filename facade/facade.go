// Package facade assembles the GraphQL facade as one http.Handler: the
// GraphQL endpoint, the playground, the health check and CORS, over an
// upstream client. The server in package main only configures and runs it;
// tests and other programs can embed it.
package facade

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/resolvers"
	"github.com/phizone/graphql-facade/upstream"
)

// Options configures the facade's handler. The zero value of every field
// but Upstream is a sensible default.
type Options struct {
	// Upstream is the client of the PhiZone API the facade reads from.
	Upstream *upstream.Client
	// Credentials identify the OAuth client that login signs users in as;
	// the zero value sends client_id "" and fails upstream.
	Credentials upstream.Credentials
	// AllowedOrigins lists the origins browsers may call the facade from;
	// nil or empty allows any origin ("*"). Credentials (cookies) are never
	// allowed: callers send their token in the Authorization header.
	AllowedOrigins []string
	// Unbatched reads every relation of every object with a call of its
	// own, as a REST client would: a benchmark's baseline, never for
	// serving.
	Unbatched bool
	// BatchWait is how long loaders gather keys before calling the
	// upstream; 0 means loaders.DefaultWait.
	BatchWait time.Duration
	// MaxUploadBytes bounds the files of a multipart request; 0 means
	// DefaultMaxUploadBytes.
	MaxUploadBytes int64
	// Limits bound each request; zero fields take their defaults.
	Limits Limits
	// NoIntrospection refuses __schema and __type queries, for production
	// setups that do not publish their schema.
	NoIntrospection bool
	// NoPlayground serves nothing at /.
	NoPlayground bool
	// Logger receives the facade's logs; nil means slog.Default().
	Logger *slog.Logger
}

// DefaultMaxUploadBytes is the default bound of a multipart request's files.
const DefaultMaxUploadBytes = 32 << 20

// New returns the facade's handler: GraphQL over HTTP at /graphql (POST,
// and GET for queries), the GraphiQL playground at /, and /healthz.
func New(opts Options) http.Handler {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.MaxUploadBytes <= 0 {
		opts.MaxUploadBytes = DefaultMaxUploadBytes
	}
	limits := opts.Limits.withDefaults()

	gql := handler.New(graph.NewExecutableSchema(resolvers.Config(opts.Credentials)))
	gql.AddTransport(transport.Options{})
	gql.AddTransport(transport.GET{})
	gql.AddTransport(transport.POST{})
	gql.AddTransport(multipartForm{maxPart: limits.MaxBodyBytes})
	gql.SetQueryCache(lru.New[*ast.QueryDocument](256))
	gql.SetParserTokenLimit(limits.MaxTokens)
	if !opts.NoIntrospection {
		gql.Use(extension.Introspection{})
	}
	gql.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	gql.SetErrorPresenter(resolvers.PresentError)
	gql.SetRecoverFunc(resolvers.Recover)
	gql.AroundOperations(logOperation(opts.Logger))
	gql.AroundOperations(checkShape(limits))
	gql.AroundOperations(checkCost(limits.MaxCost))
	gql.AroundResponses(reportCalls)

	api := withCaller(limits.UpstreamCalls, opts.MaxUploadBytes, limits.RequestTimeout,
		loaders.Middleware(opts.Upstream, opts.BatchWait, opts.Unbatched)(overHTTP(gql)))

	mux := http.NewServeMux()
	mux.Handle("/graphql", limitBody(limits.MaxBodyBytes, opts.MaxUploadBytes, limits.MaxInFlight,
		etagForAnonymousGET(api)))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	if !opts.NoPlayground {
		mux.Handle("GET /{$}", playground.Handler("PhiZone GraphQL", "/graphql"))
	}

	return corsFor(opts.AllowedOrigins).Handler(mux)
}

// withCaller puts the caller's Bearer token (as "Bearer <token>") and
// Accept-Language header in the request context, the only headers forwarded upstream, with the
// request's budget of upstream calls, its allowance of file bytes sent
// upstream (uploadBytes: a file used twice counts twice) and its deadline.
func withCaller(budget, uploadBytes int64, timeout time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		caller := upstream.Caller{AcceptLanguage: r.Header.Get("Accept-Language")}
		if token, ok := bearerToken(r.Header.Get("Authorization")); ok { // the gate refused other values
			caller.Authorization = "Bearer " + token
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		ctx = upstream.WithBudget(upstream.WithCaller(ctx, caller), budget)
		ctx = upstream.WithUploadBudget(ctx, uploadBytes)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// corsHeaders are the request headers browsers may send: those the facade
// reads or forwards, and those common GraphQL clients add (Apollo's client
// name and version and its CSRF-prevention headers, request IDs and W3C
// trace context).
var corsHeaders = []string{
	"Authorization", "Content-Type", "Accept", "Accept-Language",
	"Apollographql-Client-Name", "Apollographql-Client-Version",
	"Apollo-Require-Preflight", "X-Apollo-Operation-Name",
	"X-Request-Id", "Traceparent", "Tracestate",
}

// corsFor allows browsers on origins to send GraphQL requests with an
// Authorization header and the other corsHeaders.
func corsFor(origins []string) *cors.Cors {
	if len(origins) == 0 {
		origins = []string{"*"}
	}

	return cors.New(cors.Options{
		AllowedOrigins: origins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: corsHeaders,
		ExposedHeaders: []string{"ETag"},
		MaxAge:         600,
	})
}

// reportCalls tells the caller what the operation cost upstream:
// extensions.upstreamCalls counts the calls it made (answers from the
// cache are not calls), beside extensions.estimatedUpstreamCalls.
func reportCalls(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil {
		return nil
	}
	if resp.Extensions == nil {
		resp.Extensions = map[string]any{}
	}
	resp.Extensions["upstreamCalls"] = upstream.Spent(ctx)
	if _, ok := resp.Extensions["estimatedUpstreamCalls"]; !ok {
		// An answer without checkCost's estimate (a document that does
		// not validate) never ran: it was expected to cost nothing. For
		// the others checkCost sets the estimate after this.
		resp.Extensions["estimatedUpstreamCalls"] = 0
	}
	return resp
}

// logOperation logs each operation at Debug with its name and how long it
// took; never its variables.
func logOperation(logger *slog.Logger) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		op := graphql.GetOperationContext(ctx)
		name := op.OperationName
		if name == "" && op.Operation != nil {
			name = op.Operation.Name
		}
		start := time.Now()
		respond := next(ctx)

		return func(ctx context.Context) *graphql.Response {
			resp := respond(ctx)
			if resp != nil {
				logger.DebugContext(ctx, "graphql operation served",
					"operation_name", name,
					"errors", len(resp.Errors),
					"duration", time.Since(start))
			}
			return resp
		}
	}
}
