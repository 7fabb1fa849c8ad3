package facade

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// overHTTP adjusts gqlgen's answers to requests that fail before their
// operation runs (a body that is not a GraphQL request, a document that
// does not parse or validate, a mutation sent with GET) to the GraphQL
// over HTTP specification:
//
//   - the answer carries no data entry (gqlgen writes "data": null), as
//     the GraphQL specification asks of errors raised before execution;
//   - a mutation sent with GET is 405 Method Not Allowed with Allow: POST
//     (gqlgen answers 406).
//
// gqlgen marks each such answer with a 4xx status before writing its
// body in one Write; answers with 200 pass through untouched.
func overHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(&requestErrorWriter{ResponseWriter: w}, r)
	})
}

// requestErrorWriter rewrites the answer to a request that did not run.
type requestErrorWriter struct {
	http.ResponseWriter
	failed bool // a 4xx status was written: the operation never ran
}

func (w *requestErrorWriter) WriteHeader(status int) {
	if status == http.StatusNotAcceptable { // gqlgen's only 406: a mutation with GET
		status = http.StatusMethodNotAllowed
		w.Header().Set("Allow", "POST")
	}
	w.failed = status >= 400 && status < 500
	w.ResponseWriter.WriteHeader(status)
}

func (w *requestErrorWriter) Write(p []byte) (int, error) {
	if !w.failed {
		return w.ResponseWriter.Write(p)
	}
	if _, err := w.ResponseWriter.Write(withoutNullData(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *requestErrorWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// withoutNullData drops "data": null from a GraphQL response that has only
// errors, data and extensions; anything else comes back as it was.
func withoutNullData(body []byte) []byte {
	var resp struct {
		Errors     json.RawMessage `json:"errors,omitempty"`
		Data       json.RawMessage `json:"data,omitempty"`
		Extensions json.RawMessage `json:"extensions,omitempty"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&resp); err != nil || dec.More() || string(resp.Data) != "null" || len(resp.Errors) == 0 {
		return body
	}
	resp.Data = nil
	out, err := json.Marshal(resp)
	if err != nil {
		return body
	}
	return out
}
