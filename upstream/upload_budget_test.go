package upstream

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A form whose files would pass the request's upload budget fails with
// an UploadBudgetError and sends nothing beyond it; a file used twice is
// sent whole each time and charged each time.
func TestFormsSpendTheUploadBudget(t *testing.T) {
	var received atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := io.Copy(io.Discard, r.Body)
		received.Add(n)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, err := New(srv.URL, srv.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	file := strings.NewReader(strings.Repeat("x", 1000))
	ctx := WithUploadBudget(context.Background(), 2500)

	for i := range 2 {
		if err := c.UpdateChartIllustration(ctx, "c1", "a.png", file); err != nil {
			t.Fatalf("use %d: %v", i, err)
		}
	}
	if got := received.Load(); got < 2000 {
		t.Errorf("two uses sent %d bytes, want the file whole each time", got)
	}

	before := received.Load()
	err = c.UpdateChartIllustration(ctx, "c1", "a.png", file)
	var over *UploadBudgetError
	if !errors.As(err, &over) || over.Limit != 2500 || over.Route != "/charts/{id}/illustration" {
		t.Fatalf("third use: %v, want an UploadBudgetError", err)
	}
	if sent := received.Load() - before; sent >= 1000 {
		t.Errorf("the refused use sent %d bytes, want none of its file", sent)
	}
}

// A request with NoRetry is sent once, whatever the failure.
func TestNoRetryIsSentOnce(t *testing.T) {
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusGatewayTimeout)
	}))
	defer srv.Close()
	c, err := New(srv.URL, srv.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		noRetry bool
		want    int64
	}{{true, 1}, {false, 2}} {
		calls.Store(0)
		_, err := c.Do(context.Background(), Request{Route: "/player/play", NoRetry: tt.noRetry}, nil)
		var uerr *Error
		if !errors.As(err, &uerr) || uerr.HTTPStatus != http.StatusGatewayTimeout || calls.Load() != tt.want {
			t.Errorf("NoRetry %v: %v after %d calls, want a 504 after %d", tt.noRetry, err, calls.Load(), tt.want)
		}
	}
}
