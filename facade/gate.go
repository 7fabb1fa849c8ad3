package facade

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/phizone/graphql-facade/resolvers"
)

// Bounds of the gate in front of the GraphQL handler.
const (
	// maxConcurrentUploads bounds the uploads read at once; each is held
	// in memory (at most the upload limit), never in temporary files.
	maxConcurrentUploads = 4
	// uploadSlotWait is how long an upload waits for a slot before 503.
	uploadSlotWait = 2 * time.Second
	// placeWait is how long a request waits for an in-flight place.
	placeWait = time.Second
	// bodyGrace and minBodyRate make the read deadline of a body: the
	// grace plus its length at the minimum rate, so that a body that
	// trickles in is cut off rather than kept open for the server's
	// ReadTimeout.
	bodyGrace   = 10 * time.Second
	minBodyRate = 64 << 10 // bytes per second
)

// limitBody is the gate of /graphql. It refuses methods GraphQL over HTTP
// does not use, an Authorization header that is not a Bearer token, and
// bodies over max. It reads a request's body (under a read deadline)
// before the request takes one of inFlight places, so that bodies that
// never finish hold no place. A multipart upload may be larger (up to
// max+uploadMax) but must come with a Bearer token (every upload is a
// write; only the upstream can tell whether the token is valid), name its
// length and find one of a few upload slots within uploadSlotWait; it is
// read under a deadline set by its length and takes no in-flight place,
// the slots bounding uploads on their own.
func limitBody(max, uploadMax int64, inFlight int, next http.Handler) http.Handler {
	places := make(chan struct{}, inFlight)
	slots := make(chan struct{}, maxConcurrentUploads)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodPost, http.MethodOptions:
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			writeRequestError(w, r, http.StatusMethodNotAllowed, resolvers.CodeBadRequest,
				"method not allowed: use GET or POST")
			return
		}
		if msg := checkAuthorization(r.Header); msg != "" {
			w.Header().Set("WWW-Authenticate", "Bearer")
			writeRequestError(w, r, http.StatusUnauthorized, resolvers.CodeUnauthenticated, msg)
			return
		}

		mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			mediaType = "" // not a type any transport takes: a small body
		}
		if r.Method == http.MethodPost && mediaType == "multipart/form-data" {
			serveUpload(w, r, max+uploadMax, slots, next)
			return
		}

		body, status, msg := readBody(w, r, max)
		if status != 0 {
			writeRequestError(w, r, status, resolvers.CodeBadRequest, msg)
			return
		}
		if r.Method == http.MethodPost && mediaType == "application/json" {
			if msg := checkJSONRequest(body); msg != "" {
				writeRequestError(w, r, http.StatusBadRequest, resolvers.CodeBadRequest, msg)
				return
			}
		}
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))

		select {
		case places <- struct{}{}:
		case <-time.After(placeWait):
			w.Header().Set("Retry-After", "1")
			writeRequestError(w, r, http.StatusServiceUnavailable, resolvers.CodeBusy,
				"the facade is busy; try again shortly")
			return
		case <-r.Context().Done():
			return
		}
		defer func() { <-places }()
		next.ServeHTTP(w, r)
	})
}

// serveUpload serves a multipart request of at most max bytes.
func serveUpload(w http.ResponseWriter, r *http.Request, max int64, slots chan struct{}, next http.Handler) {
	switch {
	case r.Header.Get("Authorization") == "":
		w.Header().Set("WWW-Authenticate", "Bearer")
		writeRequestError(w, r, http.StatusUnauthorized, resolvers.CodeUnauthenticated,
			"uploads need a signed-in caller: send Authorization: Bearer <token>")
		return
	case r.ContentLength < 0:
		writeRequestError(w, r, http.StatusLengthRequired, resolvers.CodeBadRequest,
			"an upload must send its Content-Length")
		return
	case r.ContentLength > max:
		writeRequestError(w, r, http.StatusRequestEntityTooLarge, resolvers.CodeBadRequest, "upload too large")
		return
	}

	wait := time.NewTimer(uploadSlotWait)
	defer wait.Stop()
	select {
	case slots <- struct{}{}:
		defer func() { <-slots }()
	case <-wait.C:
		w.Header().Set("Retry-After", "2")
		writeRequestError(w, r, http.StatusServiceUnavailable, resolvers.CodeBusy,
			"all upload slots are busy; try the upload again shortly")
		return
	case <-r.Context().Done():
		return
	}

	// The transport clears the read deadline once it has read the body.
	rc := http.NewResponseController(w)
	readBy := bodyDeadline(r.ContentLength)
	_ = rc.SetReadDeadline(readBy)
	_ = rc.SetWriteDeadline(readBy.Add(2 * time.Minute))
	r.Body = http.MaxBytesReader(w, r.Body, max)
	next.ServeHTTP(w, r)
}

// bodyDeadline is when a body of n bytes, read from now, must have
// arrived.
func bodyDeadline(n int64) time.Time {
	return time.Now().Add(bodyGrace + time.Duration(max(n, 0)/minBodyRate)*time.Second)
}

// readBody reads a body of at most max bytes before its deadline. A
// failure comes with its status and message.
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, int, string) {
	if r.ContentLength > max {
		return nil, http.StatusRequestEntityTooLarge, "request body too large"
	}
	rc := http.NewResponseController(w)
	n := r.ContentLength
	if n < 0 {
		n = max
	}
	_ = rc.SetReadDeadline(bodyDeadline(n))
	body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
	switch {
	case isTimeout(err):
		return nil, http.StatusRequestTimeout, "the request body did not arrive in time"
	case err != nil:
		return nil, http.StatusBadRequest, "could not read the request body"
	case int64(len(body)) > max:
		return nil, http.StatusRequestEntityTooLarge, "request body too large"
	}
	// The body is in: no deadline while the request runs, or a late one
	// would cancel it.
	_ = rc.SetReadDeadline(time.Time{})
	return body, 0, ""
}

// isTimeout reports whether err is a read deadline passing.
func isTimeout(err error) bool {
	var ne interface{ Timeout() bool }
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// checkAuthorization returns why the Authorization of h is refused, or ""
// when there is none or it is "Bearer <token>": the scheme in any case,
// one token of printable ASCII without spaces. Anything else would be
// forwarded upstream as if it were a credential.
func checkAuthorization(h http.Header) string {
	values := h.Values("Authorization")
	switch {
	case len(values) == 0 || len(values) == 1 && values[0] == "":
		return ""
	case len(values) > 1:
		return "send one Authorization header: Bearer <token>"
	}
	if _, ok := bearerToken(values[0]); !ok {
		return "the Authorization header must be Bearer <token> (a token of visible characters, no spaces)"
	}
	return ""
}

// bearerToken returns the token of a "Bearer <token>" header value.
func bearerToken(v string) (string, bool) {
	scheme, token, _ := strings.Cut(v, " ")
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	for i := range len(token) {
		if token[i] <= ' ' || token[i] >= 0x7f {
			return "", false
		}
	}
	return token, true
}

// checkJSONRequest returns what is wrong with a JSON body that is not a
// GraphQL request, without quoting it (it may hold a password), or "".
func checkJSONRequest(body []byte) string {
	var req struct {
		Query         string         `json:"query"`
		OperationName string         `json:"operationName"`
		Variables     map[string]any `json:"variables"`
		Extensions    map[string]any `json:"extensions"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	return describeJSONError(dec.Decode(&req), "the request body")
}

// describeJSONError says what err, from decoding what into a GraphQL
// request, found wrong, naming positions and fields but never quoting
// the input; "" for no error.
func describeJSONError(err error, what string) string {
	var (
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
	)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, io.EOF):
		return what + ` is empty: send {"query": "..."}`
	case errors.Is(err, io.ErrUnexpectedEOF):
		return what + " is not valid JSON (it ends too early)"
	case errors.As(err, &syntax):
		return fmt.Sprintf("%s is not valid JSON (syntax error at byte %d)", what, syntax.Offset)
	case errors.As(err, &typ) && typ.Field == "" && typ.Value == "array":
		return what + " is a batch (a JSON array): send one operation per request"
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Sprintf("%s is not a GraphQL request: %s must not be a JSON %s", what, typ.Field, typ.Value)
	case errors.As(err, &typ):
		return fmt.Sprintf("%s is not a GraphQL request: want a JSON object, got a %s", what, typ.Value)
	default:
		return what + " is not a GraphQL request object"
	}
}

// writeRequestError answers r, a request that cannot run, with a GraphQL
// error carrying code, in the media type r accepts.
func writeRequestError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	body, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{
		"message": msg, "extensions": map[string]any{"code": code},
	}}})
	contentType := "application/json"
	if strings.Contains(r.Header.Get("Accept"), "application/graphql-response+json") {
		contentType = "application/graphql-response+json"
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
