package facade_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
)

// Anonymous GET answers carry an ETag and honour If-None-Match.
func TestETagOnAnonymousGET(t *testing.T) {
	e := newEnv(t)
	u := e.facade.URL + "/graphql?" + url.Values{"query": {`{ charts(first: 3) { nodes { id } } }`}}.Encode()

	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != 200 || etag == "" || len(body) == 0 {
		t.Fatalf("first GET: %d, ETag %q", resp.StatusCode, etag)
	}

	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("If-None-Match", etag)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified || len(again) != 0 {
		t.Errorf("conditional GET: %d with %d bytes, want 304 and none", resp.StatusCode, len(again))
	}

	req, _ = http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Authorization", "Bearer "+e.sandbox.Tokens()[1].AccessToken)
	req.Header.Set("If-None-Match", etag)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("ETag") != "" || resp.Header.Get("Cache-Control") != "private, no-store" {
		t.Errorf("signed-in GET: %d, ETag %q, Cache-Control %q; want a private answer without ETag",
			resp.StatusCode, resp.Header.Get("ETag"), resp.Header.Get("Cache-Control"))
	}
}

// Automatic persisted queries: a client sends the hash alone once the
// facade knows the document.
func TestAutomaticPersistedQueries(t *testing.T) {
	e := newEnv(t)
	doc := `{ charts(first: 2) { totalCount } }`
	sum := sha256.Sum256([]byte(doc))
	ext := `{"persistedQuery":{"version":1,"sha256Hash":"` + hex.EncodeToString(sum[:]) + `"}}`

	get := func(withQuery bool) map[string]any {
		q := url.Values{"extensions": {ext}}
		if withQuery {
			q.Set("query", doc)
		}
		resp, err := http.Get(e.facade.URL + "/graphql?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var a map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&a)
		return a
	}

	if a := get(false); a["errors"] == nil {
		t.Fatalf("an unknown hash answered %v, want PersistedQueryNotFound", a)
	}
	if a := get(true); a["data"] == nil {
		t.Fatalf("registering the query answered %v", a)
	}
	if a := get(false); a["data"] == nil {
		t.Errorf("the hash alone answered %v, want the data", a)
	}
}
