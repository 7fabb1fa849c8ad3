package facade_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/phizone/graphql-facade/facade"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// countingBody counts the request body bytes the sandbox reads.
type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (c countingBody) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// newUploadEnv is an env whose facade allows uploadBytes of files per
// request, with a count of the body bytes the sandbox received.
func newUploadEnv(t *testing.T, uploadBytes int64) (*env, *atomic.Int64) {
	t.Helper()
	sb := sandbox.New()
	track(sb)
	var received atomic.Int64
	rest := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = countingBody{r.Body, &received}
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(rest.Close)
	client, err := upstream.New(rest.URL, rest.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(facade.New(facade.Options{
		Upstream: client, Credentials: upstream.Credentials{ClientID: sandbox.ClientID},
		MaxUploadBytes: uploadBytes,
	}))
	t.Cleanup(srv.Close)
	return &env{t: t, sandbox: sb, rest: rest, facade: srv}, &received
}

// postOneFile posts a multipart request whose map sends one file to paths.
func postOneFile(e *env, token, doc string, vars map[string]any, paths []string, file []byte) (int, answer) {
	e.t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	_ = form.WriteField("operations", string(ops))
	m, _ := json.Marshal(map[string][]string{"0": paths})
	_ = form.WriteField("map", string(m))
	part, _ := form.CreateFormFile("0", "bg.png")
	_, _ = part.Write(file)
	_ = form.Close()

	e.sandbox.ResetRequests()
	req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var a answer
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &a); err != nil {
		e.t.Fatalf("answer is not JSON (%d): %s", resp.StatusCode, raw)
	}
	return resp.StatusCode, a
}

// assetItems is n asset items of createChartSubmissionAssets, each with its
// own file variable slot, and the map's paths to them.
func assetItems(n int) ([]any, []string) {
	items := make([]any, n)
	paths := make([]string, n)
	for i := range items {
		items[i] = map[string]any{"type": "IMAGE", "name": fmt.Sprintf("bg%d.png", i), "file": nil}
		paths[i] = fmt.Sprintf("variables.assets.%d.file", i)
	}
	return items, paths
}

const createAssets = `mutation($id: ID!, $assets: [ChartSubmissionAssetFileInput!]!) {
	createChartSubmissionAssets(input: { chartSubmissionId: $id, assets: $assets }) { assets { name } } }`

// One file mapped to many places is sent upstream once per place: the map
// may give a file a few paths, and what the request sends upstream in
// files is bounded by its upload allowance, whichever way it is reused.
func TestUploadAmplificationIsBounded(t *testing.T) {
	const allowance = 256 << 10
	file := bytes.Repeat([]byte("x"), 100<<10)
	// Each case has its own sandbox, so that no late read of one counts
	// toward another.
	setup := func(t *testing.T) (*env, *atomic.Int64, string, string) {
		e, received := newUploadEnv(t, allowance)
		id := aliceChartSubmission(e)
		received.Store(0)
		return e, received, e.sandbox.Tokens()[1].AccessToken, id
	}

	t.Run("a file mapped to 200 items", func(t *testing.T) {
		e, received, alice, id := setup(t)
		items, paths := assetItems(200)
		status, a := postOneFile(e, alice, createAssets, map[string]any{"id": id, "assets": items}, paths, file)
		if status != http.StatusBadRequest || len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_REQUEST" ||
			!strings.Contains(a.Errors[0].Message, "200 paths") {
			t.Errorf("answer %d %+v, want 400 BAD_REQUEST naming 200 paths", status, a.Errors)
		}
		if n, _ := e.calls(); n != 0 || received.Load() != 0 {
			t.Errorf("%d upstream calls, %d bytes upstream; want none", n, received.Load())
		}
	})

	t.Run("a file mapped to 8 items, over the allowance", func(t *testing.T) {
		e, received, alice, id := setup(t)
		items, paths := assetItems(8)
		_, a := postOneFile(e, alice, createAssets, map[string]any{"id": id, "assets": items}, paths, file)
		if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
			a.Errors[0].Extensions["route"] != "POST /studio/charts/{id}/assets/batch" ||
			!strings.Contains(a.Errors[0].Message, "upload allowance") {
			t.Errorf("errors %+v, want BAD_USER_INPUT on the batch's route", a.Errors)
		}
		// The files' bytes the allowance lets through, and a little of
		// the form around them; never the 800 KiB the map asked for.
		if got := received.Load(); got > allowance+8<<10 {
			t.Errorf("the upstream received %d bytes, over the allowance %d", got, allowance)
		}
	})

	t.Run("aliases reusing one file", func(t *testing.T) {
		e, received, alice, id := setup(t)
		uploadsBefore := len(e.sandbox.Uploads())
		var doc strings.Builder
		doc.WriteString(`mutation($id: ID!, $file: Upload!) {`)
		for i := range 5 {
			fmt.Fprintf(&doc, ` a%d: createChartSubmissionAsset(input: { chartSubmissionId: $id, type: IMAGE,
				name: "alias%d.png", file: $file }) { asset { name } }`, i, i)
		}
		doc.WriteString(` }`)
		_, a := postOneFile(e, alice, doc.String(), map[string]any{"id": id, "file": nil},
			[]string{"variables.file"}, file)
		var refused []string
		for _, err := range a.Errors {
			if err.Extensions["code"] == "BAD_USER_INPUT" {
				refused = append(refused, fmt.Sprint(err.Path...))
			}
		}
		// Two copies fit in 256 KiB; the third and later are refused.
		if len(a.Errors) != 3 || len(refused) != 3 || refused[0] != "a2" {
			t.Errorf("errors %+v, want BAD_USER_INPUT on a2, a3, a4", a.Errors)
		}
		if got := received.Load(); got > allowance+16<<10 {
			t.Errorf("the upstream received %d bytes, over the allowance %d", got, allowance)
		}
		if got := len(e.sandbox.Uploads()) - uploadsBefore; got != 2 {
			t.Errorf("the sandbox took %d uploads, want the 2 aliases within the allowance", got)
		}
	})
}
