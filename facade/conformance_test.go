package facade_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The GraphQL over HTTP specification, as graphql-http's audit
// (audit/run.sh) checks it, in Go: what the facade answers to requests
// that cannot run, under each media type a client may accept.

const graphqlResponseJSON = "application/graphql-response+json"

// rawAnswer is an HTTP answer of /graphql with its body's top-level keys.
type rawAnswer struct {
	status      int
	contentType string
	allow       string
	body        map[string]json.RawMessage
}

// send makes a request of /graphql: a POST of body with contentType when
// body is not empty, a GET with query otherwise.
func (e *env) send(accept, contentType, body string, query url.Values) rawAnswer {
	e.t.Helper()
	method, target, reader := http.MethodGet, e.facade.URL+"/graphql?"+query.Encode(), io.Reader(nil)
	if body != "" {
		method, target, reader = http.MethodPost, e.facade.URL+"/graphql", strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, target, reader)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	a := rawAnswer{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), allow: resp.Header.Get("Allow")}
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &a.body); err != nil {
		e.t.Fatalf("%s %s: the body is not a JSON object: %s", method, target, raw)
	}
	return a
}

// code is the extensions.code of the answer's first error.
func (a rawAnswer) code() string {
	var errs []gqlError
	_ = json.Unmarshal(a.body["errors"], &errs)
	if len(errs) == 0 {
		return ""
	}
	code, _ := errs[0].Extensions["code"].(string)
	return code
}

// A request that fails before its operation runs is answered with errors
// and no data entry; its status is 400 for clients that accept
// application/graphql-response+json, and for those that accept
// application/json the 422 the README documents (a body that is not
// JSON, or not a JSON object, is 400 for both).
func TestRequestErrorsHaveNoData(t *testing.T) {
	e := newEnv(t)
	const js = "application/json"
	tests := []struct {
		name   string
		body   string // POSTed as application/json; GET when empty
		query  url.Values
		code   string
		json   int // status when the client accepts application/json
		gqlRes int // status when it accepts application/graphql-response+json
	}{
		{"a document that does not parse", `{"query":"{"}`, nil, "GRAPHQL_PARSE_FAILED", 422, 400},
		{"a document that does not validate", `{"query":"{ noSuchField }"}`, nil, "GRAPHQL_VALIDATION_FAILED", 422, 400},
		{"a variable that cannot be coerced", `{"query":"query Q($id: ID!) { node(id: $id) { id } }","variables":{"id":null}}`, nil, "GRAPHQL_VALIDATION_FAILED", 422, 400},
		{"a POST without a query", `{"qeury":"{ __typename }"}`, nil, "GRAPHQL_VALIDATION_FAILED", 422, 400},
		{"a GET without a query", "", url.Values{}, "GRAPHQL_VALIDATION_FAILED", 422, 400},
		{"a body that is not JSON", `{"query":`, nil, "BAD_REQUEST", 400, 400},
		{"a JSON array", `[{"query":"{ __typename }"}]`, nil, "BAD_REQUEST", 400, 400},
		{"a JSON string", `"{ __typename }"`, nil, "BAD_REQUEST", 400, 400},
		{"a JSON number", `1`, nil, "BAD_REQUEST", 400, 400},
		{"a query that is not a string", `{"query":{"a":1}}`, nil, "BAD_REQUEST", 400, 400},
	}
	for _, tt := range tests {
		for _, accept := range []string{js, graphqlResponseJSON} {
			t.Run(tt.name+", accepting "+accept, func(t *testing.T) {
				want := tt.json
				if accept == graphqlResponseJSON {
					want = tt.gqlRes
				}
				a := e.send(accept, js, tt.body, tt.query)
				if a.status != want || a.contentType != accept {
					t.Errorf("%d %s, want %d %s", a.status, a.contentType, want, accept)
				}
				if _, ok := a.body["data"]; ok {
					t.Errorf("the answer has a data entry: %s", a.body["data"])
				}
				if a.code() != tt.code {
					t.Errorf("code %q, want %q", a.code(), tt.code)
				}
			})
		}
	}
	if n, _ := e.calls(); n != 0 {
		t.Errorf("requests that could not run made %d upstream calls", n)
	}
}

// Answers whose operation ran keep their data entry, null or not, and
// name the media type the client accepts (application/json without
// Accept, or with */*).
func TestExecutedAnswersKeepData(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		accept, want, body string
		data               string
	}{
		{"", "application/json", `{"query":"{ __typename }"}`, `{"__typename":"Query"}`},
		{"*/*", "application/json", `{"query":"{ __typename }"}`, `{"__typename":"Query"}`},
		{graphqlResponseJSON, graphqlResponseJSON, `{"query":"{ __typename }"}`, `{"__typename":"Query"}`},
		{graphqlResponseJSON, graphqlResponseJSON, `{"query":"{ me { id } }"}`, `{"me":null}`}, // a field error: UNAUTHENTICATED
		{"application/json", "application/json", `{"query":"{ me { id } }"}`, `{"me":null}`},
	}
	for _, tt := range tests {
		a := e.send(tt.accept, "application/json", tt.body, nil)
		if a.status != http.StatusOK || a.contentType != tt.want || string(a.body["data"]) != tt.data {
			t.Errorf("Accept %q, %s: %d %s, data %s; want 200 %s, data %s",
				tt.accept, tt.body, a.status, a.contentType, a.body["data"], tt.want, tt.data)
		}
	}
}

// A mutation sent with GET does not run: 405 with Allow: POST, as the
// GraphQL over HTTP specification asks.
func TestMutationOverGETIs405(t *testing.T) {
	e := newEnv(t)
	a := e.send("", "", "", url.Values{"query": {`mutation { likeChart(input: { chartId: "00000000-0000-0000-0000-000000000001" }) { chart { id } } }`}})
	if a.status != http.StatusMethodNotAllowed || a.allow != "POST" {
		t.Errorf("%d, Allow %q; want 405, Allow POST", a.status, a.allow)
	}
	if _, ok := a.body["data"]; ok {
		t.Errorf("the answer has a data entry: %s", a.body["data"])
	}
	if n, _ := e.calls(); n != 0 {
		t.Errorf("a mutation over GET made %d upstream calls", n)
	}
}
