package upstream_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

func TestCaller(t *testing.T) {
	tests := []struct {
		caller   upstream.Caller
		signedIn bool
		logged   string
	}{
		{upstream.Caller{}, false, ""},
		{upstream.Caller{Authorization: "Bearer abc"}, true, "Bearer [redacted]"},
		{upstream.Caller{Authorization: "bearer abc"}, true, "Bearer [redacted]"},
		{upstream.Caller{Authorization: "abc"}, true, "[redacted]"},
		{upstream.Caller{Authorization: "  "}, false, ""},
	}
	for _, tt := range tests {
		if got := tt.caller.SignedIn(); got != tt.signedIn {
			t.Errorf("%+v.SignedIn() = %v, want %v", tt.caller, got, tt.signedIn)
		}
		attrs := tt.caller.LogValue().Group()
		if got := attrs[0].Value.String(); got != tt.logged {
			t.Errorf("%+v logs authorization %q, want %q", tt.caller, got, tt.logged)
		}
	}

	if got := upstream.CallerFrom(context.Background()); got != (upstream.Caller{}) {
		t.Errorf("CallerFrom(empty) = %+v, want zero", got)
	}
	c := upstream.Caller{Authorization: "Bearer x", AcceptLanguage: "ja-JP"}
	if got := upstream.CallerFrom(upstream.WithCaller(context.Background(), c)); got != c {
		t.Errorf("CallerFrom = %+v, want %+v", got, c)
	}
}

func TestLogging(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := httptest.NewServer(reply(404, `{"status":1,"code":"ResourceNotFound"}`))
	defer srv.Close()
	c, err := upstream.New(srv.URL, srv.Client(), logger)
	if err != nil {
		t.Fatal(err)
	}
	caller := upstream.Caller{Authorization: "Bearer s3cr3t", AcceptLanguage: "en-US"}
	ctx := upstream.WithCaller(context.Background(), caller)

	_, _ = c.Get(ctx, "/charts/{id}", upstream.Params{"id": "private-id"}, nil, nil)
	logger.InfoContext(ctx, "request", "caller", caller)

	out := buf.String()
	for _, want := range []string{"method=GET", "route=/charts/{id}", "status=404", "duration=",
		"code=ResourceNotFound", `caller.authorization="Bearer [redacted]"`} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	for _, leak := range []string{"s3cr3t", "private-id"} {
		if strings.Contains(out, leak) {
			t.Errorf("log leaks %q:\n%s", leak, out)
		}
	}
}
