package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"path"
)

// Files come to the sandbox as the upstream's [FromForm] routes take them:
// multipart form data with text fields under the DTO's names and files
// under theirs. The sandbox keeps no bytes: it records each file's size
// and SHA-256 in Uploads and answers with an address derived from the hash.

// Upload is a file the sandbox received.
type Upload struct {
	Route, Resource string
	Field           string // the form field it came in, such as "File"
	Size            int64
	SHA256          string
}

// Uploads returns the files received so far, oldest first.
func (s *Server) Uploads() []Upload {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]Upload(nil), s.uploads...)
}

// readForm parses the request's multipart form, of at most
// maxUploadBytes, answering 400 itself when there is none.
func (c *call) readForm() bool {
	c.r.Body = http.MaxBytesReader(nil, c.r.Body, maxUploadBytes)
	if err := c.r.ParseMultipartForm(maxUploadBytes); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return false
	}
	return true
}

// formFile receives the file of the form's field for resource, after
// readForm: it records the upload under the call's route and returns the
// file's address under folder of the resource host, keeping the file's
// extension (ext when it has none). present is false when the form has no
// such field; ok is false when the sandbox answered (400 for an empty or
// unreadable file).
func (c *call) formFile(field, resource, folder, ext string) (address string, present, ok bool) {
	file, header, err := c.r.FormFile(field)
	if err != nil {
		return "", false, true
	}
	defer file.Close()

	sum := sha256.New()
	n, err := io.Copy(sum, file)
	if err != nil || n == 0 {
		c.invalid([]fieldError{{Field: field, Errors: []string{codeInvalidData}}})
		return "", true, false
	}

	if e := path.Ext(header.Filename); e != "" {
		ext = e
	}
	hash := hex.EncodeToString(sum.Sum(nil))
	c.s.uploads = append(c.s.uploads, Upload{Route: c.route, Resource: resource, Field: field, Size: n, SHA256: hash})
	return resourceHost + "/" + folder + "/" + hash + ext, true, true
}
