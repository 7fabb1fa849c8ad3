package upstream

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// PatchOp is one operation of a JSON Patch document (RFC 6902), the body
// of the upstream's PATCH routes. Value is left out of "remove".
type PatchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value,omitempty"`
}

// Created is the answer to a POST that creates a resource: its ID.
type Created struct {
	ID string `json:"id"`
}

// sendJSON sends v as a JSON body with method to route.
func (c *Client) sendJSON(ctx context.Context, method, route string, params Params, v any, out any) error {
	return c.sendJSONQuery(ctx, method, route, params, nil, v, out)
}

// sendJSONQuery is sendJSON with a query string; nil means none.
func (c *Client) sendJSONQuery(
	ctx context.Context, method, route string, params Params, query url.Values, v, out any,
) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("upstream %s %s: encode body: %w", method, route, err)
	}
	_, err = c.Do(ctx, Request{
		Method: method, Route: route, Params: params, Query: query, Body: bytes.NewReader(body),
		ContentType: "application/json",
	}, out)
	return err
}

// send sends a request with no body.
func (c *Client) send(ctx context.Context, method, route string, params Params) error {
	_, err := c.Do(ctx, Request{Method: method, Route: route, Params: params}, nil)
	return err
}

// File is one file of a multipart form: its name and its content, read
// once as the form is sent.
type File struct {
	Name    string
	Content io.Reader
}

// Form is a multipart form of the upstream's [FromForm] routes: text
// fields under their DTO names (such as "Title", "AuthorName") and files
// (such as "File", "Illustration"). A field with several values (a list
// of the DTO) repeats its name.
type Form struct {
	Fields url.Values
	Files  map[string]File
}

// sendFile streams one file as the multipart form field field to route.
func (c *Client) sendFile(ctx context.Context, method, route string, params Params, field, filename string, file io.Reader) error {
	form := Form{Files: map[string]File{field: {Name: filename, Content: file}}}
	return c.sendForm(ctx, method, route, params, form, nil)
}

// sendForm streams form as multipart form data to route without holding
// its files in memory: the form is written into a pipe as the request
// reads it. Fields and files go out in sorted order, so that a request's
// body is the same every time.
func (c *Client) sendForm(ctx context.Context, method, route string, params Params, form Form, out any) error {
	return c.sendFormQuery(ctx, method, route, params, nil, form, out)
}

// sendFormQuery is sendForm with a query string; nil means none.
func (c *Client) sendFormQuery(
	ctx context.Context, method, route string, params Params, query url.Values, form Form, out any,
) error {
	pr, pw := io.Pipe()
	w := multipart.NewWriter(pw)
	spent := func(n int64) error { return spendUpload(ctx, method, route, n) }
	written := make(chan error, 1)
	go func() {
		err := writeForm(w, form, spent)
		pw.CloseWithError(err)
		written <- err
	}()

	_, err := c.Do(ctx, Request{
		Method: method, Route: route, Params: params, Query: query, Body: pr, ContentType: w.FormDataContentType(),
	}, out)
	pr.CloseWithError(err) // stops the writer if the request ended early
	// A form cut off by the request's upload budget fails as that, not as
	// the broken request the upstream saw.
	var over *UploadBudgetError
	if werr := <-written; errors.As(werr, &over) {
		return over
	}
	return err
}

// writeForm writes the fields, then the files of form, and closes w. It
// calls spend with the size of each piece of file content before writing
// it, and stops at spend's error.
func writeForm(w *multipart.Writer, form Form, spend func(n int64) error) error {
	for _, name := range slices.Sorted(maps.Keys(form.Fields)) {
		for _, v := range form.Fields[name] {
			if err := w.WriteField(name, v); err != nil {
				return err
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(form.Files)) {
		f := form.Files[name]
		part, err := w.CreateFormFile(name, f.Name)
		if err != nil {
			return err
		}
		// One file may fill several places of a request (aliases reusing
		// a variable): each use sends it whole, from its start.
		if seeker, ok := f.Content.(io.Seeker); ok {
			if _, err := seeker.Seek(0, io.SeekStart); err != nil {
				return err
			}
		}
		if _, err := io.Copy(spendingWriter{part, spend}, f.Content); err != nil {
			return err
		}
	}
	return w.Close()
}

// spendingWriter writes to w what spend allows.
type spendingWriter struct {
	w     io.Writer
	spend func(n int64) error
}

func (s spendingWriter) Write(p []byte) (int, error) {
	if err := s.spend(int64(len(p))); err != nil {
		return 0, err
	}
	return s.w.Write(p)
}

// NewComment is the body of a comment or a reply (CommentCreationDto):
// PhiZone rich text and its language, such as "zh-CN".
type NewComment struct {
	Content  string `json:"content"`
	Language string `json:"language"`
}

// ReplyToComment posts a reply to a comment and returns its ID.
//
// POST /comments/{id}/replies
func (c *Client) ReplyToComment(ctx context.Context, id string, reply NewComment) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/comments/{id}/replies", Params{"id": id}, reply, &created)
	return created.ID, err
}

// FollowUser makes the caller follow user id.
//
// POST /users/{id}/follow
func (c *Client) FollowUser(ctx context.Context, id int) error {
	return c.send(ctx, http.MethodPost, "/users/{id}/follow", Params{"id": strconv.Itoa(id)})
}

// UnfollowUser makes the caller stop following user id.
//
// POST /users/{id}/unfollow
func (c *Client) UnfollowUser(ctx context.Context, id int) error {
	return c.send(ctx, http.MethodPost, "/users/{id}/unfollow", Params{"id": strconv.Itoa(id)})
}

// UpdateChart applies a JSON Patch to a chart (ChartUpdateDto's fields).
//
// PATCH /charts/{id}
func (c *Client) UpdateChart(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/charts/{id}", Params{"id": id}, patch, nil)
}

// UpdateChartIllustration replaces a chart's illustration with the picture
// read from file.
//
// PATCH /charts/{id}/illustration
func (c *Client) UpdateChartIllustration(ctx context.Context, id, filename string, file io.Reader) error {
	return c.sendFile(ctx, http.MethodPatch, "/charts/{id}/illustration", Params{"id": id}, "File", filename, file)
}
