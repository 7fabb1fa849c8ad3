package facade_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// newLimitedEnv is an env whose facade has limits.
func newLimitedEnv(t *testing.T, limits facade.Limits) *env {
	t.Helper()
	sb := sandbox.New()
	rest := httptest.NewServer(sb)
	t.Cleanup(rest.Close)
	client, err := upstream.New(rest.URL, rest.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(facade.New(facade.Options{
		Upstream: client, Credentials: upstream.Credentials{ClientID: sandbox.ClientID}, Limits: limits,
	}))
	t.Cleanup(srv.Close)
	return &env{t: t, sandbox: sb, rest: rest, facade: srv}
}

// patient is a client that gives up on a hung answer, so that a gate that
// regresses fails its test rather than stalls it.
var patient = &http.Client{Timeout: 30 * time.Second}

// httpAnswer is an answer of a request sent by hand.
type httpAnswer struct {
	status int
	header http.Header
	body   []byte
	answer answer
}

// code is the code of the answer's first error, or "".
func (a httpAnswer) code() string {
	if len(a.answer.Errors) == 0 {
		return ""
	}
	code, _ := a.answer.Errors[0].Extensions["code"].(string)
	return code
}

// do sends req to the facade, the sandbox's request log cleared first.
func (e *env) do(req *http.Request) httpAnswer {
	e.t.Helper()
	e.sandbox.ResetRequests()
	resp, err := patient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := httpAnswer{status: resp.StatusCode, header: resp.Header, body: raw}
	_ = json.Unmarshal(raw, &a.answer)
	return a
}

// postRaw posts body with a content type and an Authorization header
// (none when empty).
func (e *env) postRaw(contentType, authorization string, body []byte) httpAnswer {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	return e.do(req)
}

// form is a multipart request: its operations, its map and its files.
func form(operations, mapping string, files map[string][]byte) ([]byte, string) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("operations", operations)
	_ = w.WriteField("map", mapping)
	for name, content := range files {
		part, _ := w.CreateFormFile(name, "picture.png")
		_, _ = part.Write(content)
	}
	_ = w.Close()
	return body.Bytes(), w.FormDataContentType()
}

// unfinished opens a connection that sends the head of a POST and part of
// its body, then waits; it is closed when the test ends.
func unfinished(t *testing.T, url string, header string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	head := "POST /graphql HTTP/1.1\r\nHost: facade\r\n" + header + "Content-Length: 100000\r\n\r\n"
	if _, err := io.WriteString(conn, head+`{"query":`); err != nil {
		t.Fatal(err)
	}
}

const countCharts = `{"query":"{ charts(first: 1) { totalCount } }"}`

// Bodies that never finish take no in-flight place: as many as there
// are places do not stop a query.
func TestUnfinishedBodiesHoldNoPlace(t *testing.T) {
	const places = 4
	e := newLimitedEnv(t, facade.Limits{MaxInFlight: places})
	for range places {
		unfinished(t, e.facade.URL, "Content-Type: application/json\r\n")
	}
	time.Sleep(100 * time.Millisecond) // let the server start on them

	a := e.postRaw("application/json", "", []byte(countCharts))
	if n, _ := e.calls(); a.status != http.StatusOK || len(a.answer.Errors) > 0 || n != 1 {
		t.Errorf("a query beside %d unfinished bodies: %d %s, %d upstream calls; want 200 and 1 call",
			places, a.status, a.body, n)
	}
}

// Uploads wait a bounded time for one of four slots, then get 503, and
// hold no in-flight place while they wait or read.
func TestUploadSlotsAreBounded(t *testing.T) {
	e := newLimitedEnv(t, facade.Limits{MaxInFlight: 2})
	for range 4 {
		unfinished(t, e.facade.URL, "Content-Type: multipart/form-data; boundary=x\r\nAuthorization: Bearer junk\r\n")
	}
	time.Sleep(100 * time.Millisecond)

	ops := `{"query":"mutation($f: Upload!) { updateUserAvatar(input: { userId: \"2\", file: $f }) { user { id } } }",` +
		`"variables":{"f":null}}`
	body, ct := form(ops, `{"0":["variables.f"]}`, map[string][]byte{"0": []byte("picture")})
	var wg sync.WaitGroup
	waiting := make([]httpAnswer, 2)
	for i := range waiting {
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", ct)
			req.Header.Set("Authorization", "Bearer "+e.sandbox.Tokens()[1].AccessToken)
			resp, err := patient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			waiting[i] = httpAnswer{status: resp.StatusCode, header: resp.Header, body: raw}
		})
	}
	time.Sleep(100 * time.Millisecond)

	// Two uploads wait for a slot and four are being read; the two
	// in-flight places are free for queries.
	for range 2 {
		if a := e.postRaw("application/json", "", []byte(countCharts)); a.status != http.StatusOK {
			t.Errorf("a query while uploads wait: %d %s, want 200", a.status, a.body)
		}
	}
	wg.Wait()
	for _, a := range waiting {
		if a.status != http.StatusServiceUnavailable || !strings.Contains(string(a.body), "upload slots are busy") ||
			a.header.Get("Retry-After") == "" || !strings.Contains(string(a.body), `"code":"BUSY"`) {
			t.Errorf("an upload finding no slot: %d %s, want 503 BUSY with Retry-After", a.status, a.body)
		}
	}
}

// The operations part of a multipart request obeys the bound of a JSON
// body; only files may be larger.
func TestMultipartOperationsAreBounded(t *testing.T) {
	e := newEnv(t)
	alice := "Bearer " + e.sandbox.Tokens()[1].AccessToken
	bio := strings.Repeat("x", 2<<20)
	ops, _ := json.Marshal(map[string]any{
		"query":     `mutation($b: String) { updateUser(input: { id: "2", biography: $b }) { user { id } } }`,
		"variables": map[string]any{"b": bio},
	})
	body, ct := form(string(ops), `{}`, nil)
	a := e.postRaw(ct, alice, body)
	if n, _ := e.calls(); a.status != http.StatusRequestEntityTooLarge || a.code() != "BAD_REQUEST" || n != 0 {
		t.Errorf("operations of 2 MiB: %d %.200s, %d upstream calls; want 413 BAD_REQUEST and none", a.status, a.body, n)
	}

	picture := bytes.Repeat([]byte("\x89PNG large "), (2<<20)/11)
	ops = []byte(`{"query":"mutation($f: Upload!) { updateUserAvatar(input: { userId: \"2\", file: $f }) ` +
		`{ user { avatar } } }","variables":{"f":null}}`)
	body, ct = form(string(ops), `{"0":["variables.f"]}`, map[string][]byte{"0": picture})
	a = e.postRaw(ct, alice, body)
	if up := e.sandbox.Uploads(); a.status != http.StatusOK || len(a.answer.Errors) > 0 ||
		len(up) != 1 || up[0].Size != int64(len(picture)) {
		t.Errorf("a file of 2 MiB: %d %.200s, uploads %+v; want it upstream", a.status, a.body, up)
	}
}

// Media types are case-insensitive: a capitalised multipart request
// meets the upload gate.
func TestMultipartMediaTypeIgnoresCase(t *testing.T) {
	e := newEnv(t)
	body, ct := form(`{"query":"{ __typename }"}`, `{}`, nil)
	for _, tt := range []struct {
		authorization string
		status        int
	}{{"", http.StatusUnauthorized}, {"Bearer " + e.sandbox.Tokens()[1].AccessToken, http.StatusLengthRequired}} {
		req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", struct{ io.Reader }{bytes.NewReader(body)})
		req.Header.Set("Content-Type", strings.Replace(ct, "multipart/form-data", "Multipart/Form-Data", 1))
		if tt.authorization != "" {
			req.Header.Set("Authorization", tt.authorization)
		}
		if a := e.do(req); a.status != tt.status {
			t.Errorf("a chunked Multipart/Form-Data body, Authorization %.10q: %d %s, want %d",
				tt.authorization, a.status, a.body, tt.status)
		}
	}
}

// errorLogs counts the records at Error of the default logger while the
// test runs.
func errorLogs(t *testing.T) func() int {
	var mu sync.Mutex
	n := 0
	prev, prevOut, prevFlags := slog.Default(), log.Writer(), log.Flags()
	// A handler of its own: SetDefault sends package log's output to it,
	// so wrapping the default handler (which writes through package log)
	// would loop.
	slog.SetDefault(slog.New(countingHandler{Handler: slog.NewTextHandler(os.Stderr, nil),
		count: func() { mu.Lock(); n++; mu.Unlock() }}))
	t.Cleanup(func() {
		slog.SetDefault(prev) // leaves package log's output as it is
		log.SetOutput(prevOut)
		log.SetFlags(prevFlags)
	})
	return func() int { mu.Lock(); defer mu.Unlock(); return n }
}

type countingHandler struct {
	slog.Handler
	count func()
}

func (h countingHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		h.count()
	}
	return h.Handler.Handle(ctx, r)
}

// A multipart request whose form is wrong is BAD_REQUEST, never a panic
// and a 500, and makes no upstream call.
func TestMultipartFormErrors(t *testing.T) {
	e := newEnv(t)
	errors := errorLogs(t)
	alice := "Bearer " + e.sandbox.Tokens()[1].AccessToken
	mutation := func(vars string) string {
		return `{"query":"mutation($f: Upload!, $id: ID!) { updateUserAvatar(input: { userId: $id, file: $f }) ` +
			`{ user { id } } }","variables":` + vars + `}`
	}
	file := map[string][]byte{"0": []byte("picture")}
	tests := []struct {
		name, operations, mapping string
		files                     map[string][]byte
		want                      string
	}{
		{"a file the map names is missing", mutation(`{"f":null,"id":"2"}`), `{"0":["variables.f"]}`, nil, `"0"`},
		{"an index past a list", mutation(`{"f":[],"id":"2"}`), `{"0":["variables.f.5"]}`, file, "index 5"},
		{"an index into a string", mutation(`{"f":"str","id":"2"}`), `{"0":["variables.f.0"]}`, file, "index 0"},
		{"an index into an ID", mutation(`{"f":null,"id":"2"}`), `{"0":["variables.id.0"]}`, file, "index 0"},
		{"a path to a value", mutation(`{"f":null,"id":"2"}`), `{"0":["variables.id"]}`, file, "null"},
		{"a path to nothing", mutation(`{"id":"2"}`), `{"0":["variables.f"]}`, file, "do not hold"},
		{"a key into a list", mutation(`{"f":[null],"id":"2"}`), `{"0":["variables.f.x"]}`, file, "no object"},
		{"a path outside the variables", mutation(`{"f":null,"id":"2"}`), `{"0":["query"]}`, file, "variables."},
		{"a map that is not JSON", mutation(`{"f":null,"id":"2"}`), `{0: x}`, file, "map part"},
		{"a map with no path", mutation(`{"f":null,"id":"2"}`), `{"0":[]}`, file, "no path"},
		{"a part the map lacks", mutation(`{"f":null,"id":"2"}`), `{}`, file, "not in the map"},
		{"batched operations", `[` + mutation(`{"f":null,"id":"2"}`) + `]`, `{"0":["0.variables.f"]}`, file, "batch"},
		{"operations that are not JSON", `{"query": password=hunter2`, `{}`, nil, "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := errors()
			body, ct := form(tt.operations, tt.mapping, tt.files)
			a := e.postRaw(ct, alice, body)
			n, _ := e.calls()
			if a.status != http.StatusBadRequest || a.code() != "BAD_REQUEST" || n != 0 ||
				!strings.Contains(a.answer.Errors[0].Message, tt.want) {
				t.Errorf("%d %s, %d upstream calls; want 400 BAD_REQUEST naming %s and no call", a.status, a.body, n, tt.want)
			}
			if strings.Contains(string(a.body), "hunter2") {
				t.Errorf("the answer quotes the body: %s", a.body)
			}
			if got := errors() - before; got != 0 {
				t.Errorf("%d records logged at Error", got)
			}
		})
	}

	// Paths that lead to nulls in lists and objects take their files.
	body, ct := form(mutation(`{"f":null,"id":"2","more":{"list":[null]}}`),
		`{"0":["variables.f","variables.more.list.0"]}`, file)
	if a := e.postRaw(ct, alice, body); a.status != http.StatusOK || a.code() != "" {
		t.Errorf("a file for two paths: %d %s, want 200", a.status, a.body)
	}
}

// An Upload sent as a JSON value is the caller's mistake, named.
func TestUploadAsJSONValue(t *testing.T) {
	e := newEnv(t)
	a := e.query(`mutation($f: Upload!) { updateUserAvatar(input: { userId: "2", file: $f }) { user { id } } }`,
		map[string]any{"f": "abc"}, e.sandbox.Tokens()[1].AccessToken, nil)
	n, _ := e.calls()
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
		a.Errors[0].Extensions["argument"] != "input.file" || n != 0 {
		t.Errorf("errors %+v, %d upstream calls; want BAD_USER_INPUT on input.file and none", a.Errors, n)
	}
}

// A body that is not a GraphQL request says what is wrong without
// quoting it.
func TestMalformedJSONIsNotEchoed(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ name, body, want string }{
		{"a syntax error", `{"query":"mutation { login(input: {password: \"hunter2\"}) }",`, "not valid JSON"},
		{"a batch", `[{"query":"{ __typename }","variables":{"password":"hunter2"}}]`, "batch"},
		{"a query that is not a string", `{"query":5,"variables":{"password":"hunter2"}}`, "query"},
		{"variables that are not an object", `{"query":"{ __typename }","variables":"hunter2"}`, "variables"},
		{"an empty body", ``, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.postRaw("application/json", "", []byte(tt.body))
			if a.status != http.StatusBadRequest || a.code() != "BAD_REQUEST" ||
				!strings.Contains(a.answer.Errors[0].Message, tt.want) {
				t.Errorf("%d %s; want 400 BAD_REQUEST saying %q", a.status, a.body, tt.want)
			}
			if strings.Contains(string(a.body), "hunter2") {
				t.Errorf("the answer quotes the body: %s", a.body)
			}
		})
	}
}

// Preflights allow the headers the facade forwards and those common
// GraphQL clients send.
func TestCORSPreflightHeaders(t *testing.T) {
	e := newEnv(t)
	headers := []string{"authorization", "content-type", "accept-language", "apollographql-client-name",
		"apollographql-client-version", "apollo-require-preflight", "x-request-id", "traceparent"}
	req, _ := http.NewRequest(http.MethodOptions, e.facade.URL+"/graphql", nil)
	req.Header.Set("Origin", "https://app.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	slices.Sort(headers) // as browsers send them
	req.Header.Set("Access-Control-Request-Headers", strings.Join(headers, ","))
	a := e.do(req)
	allowed := strings.ToLower(a.header.Get("Access-Control-Allow-Headers"))
	for _, h := range headers {
		if !strings.Contains(allowed, h) {
			t.Errorf("preflight allows %q, not %s", allowed, h)
		}
	}
}

// Only "Bearer <token>" is a credential; anything else is refused before
// any upstream call, and a Bearer token in any case is forwarded.
func TestAuthorizationMustBeBearer(t *testing.T) {
	e := newEnv(t)
	token := e.sandbox.Tokens()[1].AccessToken
	for _, auth := range []string{
		"Basic dXNlcjpwYXNz", "Bearer", "Bearer  " + token, "Bearer a b", "Token " + token, token,
		"Bearer\t" + token,
	} {
		t.Run(fmt.Sprintf("%q", auth), func(t *testing.T) {
			a := e.postRaw("application/json", auth, []byte(countCharts))
			n, _ := e.calls()
			if a.status != http.StatusUnauthorized || a.code() != "UNAUTHENTICATED" || n != 0 ||
				a.header.Get("WWW-Authenticate") != "Bearer" {
				t.Errorf("%d %s, %d upstream calls; want 401 UNAUTHENTICATED and none", a.status, a.body, n)
			}
		})
	}

	a := e.postRaw("application/json", "bEARER "+token, []byte(`{"query":"{ me { id } }"}`))
	var got struct{ Me struct{ ID string } }
	_ = json.Unmarshal(a.answer.Data, &got)
	if a.status != http.StatusOK || len(a.answer.Errors) > 0 || got.Me.ID == "" {
		t.Errorf("a token after bEARER: %d %s, want the caller", a.status, a.body)
	}
}

// An answer to a document that does not validate says it cost nothing,
// as every answer of gqlgen's does.
func TestValidationErrorsCarryEstimate(t *testing.T) {
	e := newEnv(t)
	a := e.postRaw("application/json", "", []byte(`{"query":"{ nope }"}`))
	if a.status != http.StatusUnprocessableEntity || a.answer.Extensions["estimatedUpstreamCalls"] != float64(0) ||
		a.answer.Extensions["upstreamCalls"] != float64(0) {
		t.Errorf("%d %s; want 422 with estimatedUpstreamCalls and upstreamCalls 0", a.status, a.body)
	}
}
