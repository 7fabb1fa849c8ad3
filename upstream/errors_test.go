package upstream_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

func TestErrors(t *testing.T) {
	available := time.Date(2024, 6, 1, 12, 0, 0, 123456700, time.FixedZone("", 8*3600))
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    upstream.Error // Method and Route are always GET /charts/{id}
		is      error          // a sentinel err must match, or nil
		text    string         // a substring of err.Error()
	}{
		{
			name: "400 detailed",
			handler: reply(400, `{"status":2,"code":"InvalidData","errors":[
				{"field":"Title","errors":["ValueTooLong"]},
				{"field":"Level","errors":["FieldEmpty"]}]}`),
			want: upstream.Error{
				HTTPStatus: 400, Status: upstream.ErrorDetailed, Code: "InvalidData",
				Fields: []upstream.FieldError{
					{Field: "Title", Errors: []string{"ValueTooLong"}},
					{Field: "Level", Errors: []string{"FieldEmpty"}},
				}},
			text: "400 InvalidData (fields: Title, Level)",
		},
		{
			name: "401 empty text body",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/plain")
				w.WriteHeader(401)
			},
			want: upstream.Error{HTTPStatus: 401},
			is:   upstream.ErrUnauthorized,
			text: "upstream GET /charts/{id}: 401 Unauthorized",
		},
		{
			name:    "403",
			handler: reply(403, `{"status":1,"code":"InsufficientPermission"}`),
			want: upstream.Error{HTTPStatus: 403, Status: upstream.ErrorBrief,
				Code: "InsufficientPermission"},
			is:   upstream.ErrForbidden,
			text: "403 InsufficientPermission",
		},
		{
			name:    "404",
			handler: reply(404, `{"status":1,"code":"ResourceNotFound","data":null}`),
			want: upstream.Error{HTTPStatus: 404, Status: upstream.ErrorBrief,
				Code: "ResourceNotFound"},
			is:   upstream.ErrNotFound,
			text: "upstream GET /charts/{id}: 404 ResourceNotFound",
		},
		{
			name:    "500 envelope",
			handler: reply(500, `{"status":6,"code":"InternalError","message":"boom"}`),
			want: upstream.Error{HTTPStatus: 500, Status: upstream.Failed, Code: "InternalError",
				Message: "boom"},
			text: "500 InternalError: boom",
		},
		{
			name: "500 not JSON",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(500)
				io.WriteString(w, "<html>oops</html>")
			},
			want: upstream.Error{HTTPStatus: 500,
				Message: "response is not JSON (text/html, 17 bytes)"},
			text: "500 Internal Server Error: response is not JSON",
		},
		{
			name:    "502 empty",
			handler: reply(502, ""),
			want:    upstream.Error{HTTPStatus: 502},
			text:    "upstream GET /charts/{id}: 502 Bad Gateway",
		},
		{
			name: "temporarily unavailable",
			handler: reply(400, `{"status":4,"code":"UserNameCooldown",
				"dateAvailable":"2024-06-01T12:00:00.1234567+08:00"}`),
			want: upstream.Error{HTTPStatus: 400, Status: upstream.ErrorTemporarilyUnavailable,
				Code: "UserNameCooldown", DateAvailable: &available},
			text: "(available at 2024-06-01T12:00:00+08:00)",
		},
		{
			name:    "200 with a non-Ok envelope",
			handler: reply(200, `{"status":1,"code":"AlreadyDone"}`),
			want: upstream.Error{HTTPStatus: 200, Status: upstream.ErrorBrief,
				Code: "AlreadyDone"},
			text: "200 AlreadyDone",
		},
		{
			name: "200 not JSON",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				io.WriteString(w, "Hello")
			},
			want: upstream.Error{HTTPStatus: 200,
				Message: "response is not JSON (text/plain; charset=utf-8, 5 bytes)"},
		},
		{
			name:    "200 JSON without envelope",
			handler: reply(200, `{"access_token":"secret","token_type":"Bearer"}`),
			want: upstream.Error{HTTPStatus: 200,
				Message: "response is JSON but not an envelope " +
					"(application/json; charset=utf-8, 47 bytes)"},
		},
		{
			name:    "304",
			handler: reply(304, ""),
			want:    upstream.Error{HTTPStatus: 304},
			is:      upstream.ErrNotModified,
			text:    "304 Not Modified",
		},
		{
			name: "oversized error body",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(500)
				w.Write(bytes.Repeat([]byte("x"), 1<<20+1))
			},
			want: upstream.Error{HTTPStatus: 500, Message: "error body exceeds 1 MiB"},
		},
	}
	sentinels := []error{upstream.ErrNotFound, upstream.ErrUnauthorized,
		upstream.ErrForbidden, upstream.ErrNotModified}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, tt.handler)

			params := upstream.Params{"id": "c1"}
			_, err := c.Get(context.Background(), "/charts/{id}", params, nil, nil)

			var got *upstream.Error
			if !errors.As(err, &got) {
				t.Fatalf("err = %v (%T), want *upstream.Error", err, err)
			}
			want := tt.want
			want.Method, want.Route = "GET", "/charts/{id}"
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("error = %+v\nwant    %+v", *got, want)
			}
			for _, s := range sentinels {
				if errors.Is(err, s) != (s == tt.is) {
					t.Errorf("errors.Is(err, %v) = %v", s, !(s == tt.is))
				}
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("Error() = %q, want it to contain %q", err.Error(), tt.text)
			}
		})
	}
}
