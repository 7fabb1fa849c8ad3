package facade

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
)

// etagForAnonymousGET tags the answers to anonymous GraphQL GET requests
// with an ETag of their body and answers 304 when If-None-Match carries
// it, so that browsers and CDNs can cache whole answers. Answers to a
// signed-in caller, and POSTs, pass through untouched and say so with
// Cache-Control: private.
func etagForAnonymousGET(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.Header.Get("Authorization") != "" {
			w.Header().Set("Cache-Control", "private, no-store")
			next.ServeHTTP(w, r)
			return
		}

		rec := &bufferedWriter{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(rec, r)

		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.Header().Add("Vary", "Accept-Language")
		if rec.status != http.StatusOK {
			w.WriteHeader(rec.status)
			_, _ = w.Write(rec.body.Bytes())
			return
		}

		sum := sha256.Sum256(rec.body.Bytes())
		etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "public, no-cache") // revalidate every time: answers change upstream
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		_, _ = w.Write(rec.body.Bytes())
	})
}

// bufferedWriter holds an answer until its ETag is known.
type bufferedWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header         { return b.header }
func (b *bufferedWriter) WriteHeader(status int)      { b.status = status }
func (b *bufferedWriter) Write(p []byte) (int, error) { return b.body.Write(p) }
