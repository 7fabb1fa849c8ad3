package facade

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/phizone/graphql-facade/resolvers"
)

// multipartForm serves the GraphQL multipart request
// (https://github.com/jaydenseric/graphql-multipart-request-spec) as
// gqlgen's transport.MultipartForm does, held to the facade's limits: the
// operations and map parts obey the bound of a JSON body (only files may
// be larger), every path of the map must name a null in the variables
// before a file goes there, and every fault of the form is BAD_REQUEST.
// Files are read into memory; the gate bounds the whole body.
type multipartForm struct {
	// maxPart bounds the operations and the map parts.
	maxPart int64
}

// maxPathsPerFile bounds the paths the map may give one file: a file
// used in many places would be sent upstream once per place.
const maxPathsPerFile = 8

// formError is a fault of a multipart request, answered with its status.
type formError struct {
	status int
	msg    string
}

func badForm(format string, a ...any) *formError {
	return &formError{http.StatusBadRequest, fmt.Sprintf(format, a...)}
}

// Supports takes the POSTs gqlgen's multipart transport takes.
func (f multipartForm) Supports(r *http.Request) bool {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && r.Header.Get("Upgrade") == "" && r.Method == http.MethodPost &&
		mediaType == "multipart/form-data"
}

// Do reads the form, then runs its operation.
func (f multipartForm) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	params, ferr := f.read(r)
	if ferr != nil {
		writeRequestError(w, r, ferr.status, resolvers.CodeBadRequest, ferr.msg)
		return
	}
	// The body is in: no read deadline while the operation runs.
	_ = http.NewResponseController(w).SetReadDeadline(time.Time{})
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	w.Header().Set("Content-Type", "application/json")
	ctx := r.Context()
	op, gerr := exec.CreateOperationContext(ctx, params)
	if gerr != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, op), gerr)
		if errcode.GetErrorKind(gerr) == errcode.KindProtocol {
			w.WriteHeader(http.StatusUnprocessableEntity)
		}
		writeResponse(w, resp)
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, op)
	writeResponse(w, responses(ctx))
}

// read reads the operations, the map and the files of r.
func (f multipartForm) read(r *http.Request) (*graphql.RawParams, *formError) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, badForm("the body is not a multipart/form-data request with a boundary")
	}

	part, err := mr.NextPart()
	if err != nil {
		return nil, partError(err, "the operations part")
	}
	if part.FormName() != "operations" {
		return nil, badForm("the first part must be operations (GraphQL multipart request spec)")
	}
	ops, ferr := f.readPart(part, "the operations part")
	if ferr != nil {
		return nil, ferr
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(ops))
	dec.UseNumber()
	if msg := describeJSONError(dec.Decode(&params), "the operations part"); msg != "" {
		return nil, badForm("%s", msg)
	}

	part, err = mr.NextPart()
	if err != nil {
		return nil, partError(err, "the map part")
	}
	if part.FormName() != "map" {
		return nil, badForm("the second part must be map (GraphQL multipart request spec)")
	}
	raw, ferr := f.readPart(part, "the map part")
	if ferr != nil {
		return nil, ferr
	}
	files := map[string][]string{}
	if err := json.Unmarshal(raw, &files); err != nil {
		return nil, badForm(`the map part must be a JSON object of file keys to lists of paths, ` +
			`such as {"0": ["variables.file"]}`)
	}
	for _, key := range slices.Sorted(maps.Keys(files)) {
		if len(files[key]) == 0 {
			return nil, badForm("the map gives file %q no path", key)
		}
		if len(files[key]) > maxPathsPerFile {
			return nil, badForm("the map gives file %q %d paths, over %d: send a file once per use",
				key, len(files[key]), maxPathsPerFile)
		}
		for _, path := range files[key] {
			if err := checkUploadPath(params.Variables, path); err != "" {
				return nil, badForm("the map's path %q for file %q %s", path, key, err)
			}
		}
	}

	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, partError(err, "a file part")
		}
		key := part.FormName()
		paths, ok := files[key]
		if !ok {
			return nil, badForm("the part %q is not in the map, or comes twice", key)
		}
		delete(files, key)
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, partError(err, fmt.Sprintf("the file %q", key))
		}
		for _, path := range paths {
			upload := graphql.Upload{
				File: bytes.NewReader(data), Size: int64(len(data)),
				Filename: part.FileName(), ContentType: part.Header.Get("Content-Type"),
			}
			if gerr := params.AddUpload(upload, key, path); gerr != nil {
				return nil, badForm("the map's path %q for file %q: %s", path, key, gerr.Message)
			}
		}
	}
	if len(files) > 0 {
		return nil, badForm("the map names file %q, but no part carries it", slices.Sorted(maps.Keys(files))[0])
	}
	return &params, nil
}

// readPart reads an operations or map part of at most maxPart bytes.
func (f multipartForm) readPart(part io.Reader, what string) ([]byte, *formError) {
	data, err := io.ReadAll(io.LimitReader(part, f.maxPart+1))
	if err != nil {
		return nil, partError(err, what)
	}
	if int64(len(data)) > f.maxPart {
		return nil, &formError{http.StatusRequestEntityTooLarge, fmt.Sprintf(
			"%s is over %d bytes, the bound of a JSON body: only files may be larger", what, f.maxPart)}
	}
	return data, nil
}

// partError is the fault of a part that could not be read.
func partError(err error, what string) *formError {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return &formError{http.StatusRequestEntityTooLarge, "upload too large"}
	case isTimeout(err):
		return &formError{http.StatusRequestTimeout, "the upload did not arrive in time"}
	case errors.Is(err, io.EOF):
		return badForm("%s is missing", what)
	default:
		return badForm("%s could not be read as multipart/form-data", what)
	}
}

// checkUploadPath says what is wrong with path, a path of the map, in
// vars: it must be "variables." and then keys and list indexes that lead
// to a null, where the file goes. "" when it does.
func checkUploadPath(vars map[string]any, path string) string {
	rest, ok := strings.CutPrefix(path, "variables.")
	if !ok {
		return `must start with "variables."`
	}
	var slot any = vars
	for _, step := range strings.Split(rest, ".") {
		// graphql.RawParams.AddUpload takes every number for an index.
		if i, err := strconv.Atoi(step); err == nil {
			list, ok := slot.([]any)
			if !ok || i < 0 || i >= len(list) {
				return fmt.Sprintf("has index %s where the variables have no list of that length", step)
			}
			slot = list[i]
			continue
		}
		obj, ok := slot.(map[string]any)
		if !ok {
			return fmt.Sprintf("has key %q where the variables have no object", step)
		}
		if slot, ok = obj[step]; !ok {
			return fmt.Sprintf("names %q, which the variables do not hold", step)
		}
	}
	if slot != nil {
		return "must lead to a null in the variables, the file's place"
	}
	return ""
}

// writeResponse writes a GraphQL response as JSON.
func writeResponse(w io.Writer, resp *graphql.Response) {
	body, err := json.Marshal(resp)
	if err != nil {
		body, _ = json.Marshal(graphql.Response{Errors: gqlerror.List{{
			Message: "internal server error", Extensions: map[string]any{"code": resolvers.CodeInternal},
		}}})
	}
	_, _ = w.Write(body)
}
