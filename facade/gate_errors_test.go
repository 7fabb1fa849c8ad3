package facade_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// The gate's own refusals are GraphQL errors with a code, like its other
// refusals, under their HTTP statuses.
func TestGateRefusalsAreGraphQLErrors(t *testing.T) {
	e, _ := newUploadEnv(t, 1<<10)
	token := "Bearer " + e.sandbox.Tokens()[1].AccessToken
	small, ct := form(`{"query":"{ __typename }"}`, `{}`, nil)
	large, largeCT := form(`{"query":"{ __typename }"}`, `{}`, map[string][]byte{"0": bytes.Repeat([]byte("x"), 2<<20)})

	for _, tt := range []struct {
		name          string
		method        string
		body          []byte
		contentType   string
		authorization string
		chunked       bool
		status        int
		code          string
	}{
		{"an upload without a token", http.MethodPost, small, ct, "", false, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"an upload without a length", http.MethodPost, small, ct, token, true, http.StatusLengthRequired, "BAD_REQUEST"},
		{"an upload too large", http.MethodPost, large, largeCT, token, false, http.StatusRequestEntityTooLarge,
			"BAD_REQUEST"},
		{"a PUT", http.MethodPut, []byte(`{"query":"{ __typename }"}`), "application/json", "", false,
			http.StatusMethodNotAllowed, "BAD_REQUEST"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var req *http.Request
			if tt.chunked {
				req, _ = http.NewRequest(tt.method, e.facade.URL+"/graphql", struct{ *bytes.Reader }{bytes.NewReader(tt.body)})
			} else {
				req, _ = http.NewRequest(tt.method, e.facade.URL+"/graphql", bytes.NewReader(tt.body))
			}
			req.Header.Set("Content-Type", tt.contentType)
			if tt.authorization != "" {
				req.Header.Set("Authorization", tt.authorization)
			}
			a := e.do(req)
			if a.status != tt.status || a.code() != tt.code ||
				!strings.HasPrefix(a.header.Get("Content-Type"), "application/json") {
				t.Errorf("%d %s %q, want %d with %s", a.status, a.header.Get("Content-Type"), a.body, tt.status, tt.code)
			}
			if n, _ := e.calls(); n != 0 {
				t.Errorf("%d upstream calls, want none", n)
			}
			wantAuth := ""
			if tt.status == http.StatusUnauthorized {
				wantAuth = "Bearer"
			}
			if got := a.header.Get("WWW-Authenticate"); got != wantAuth {
				t.Errorf("WWW-Authenticate %q, want %q", got, wantAuth)
			}
		})
	}
}
