package upstream

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
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
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("upstream %s %s: encode body: %w", method, route, err)
	}
	_, err = c.Do(ctx, Request{
		Method: method, Route: route, Params: params, Body: bytes.NewReader(body), ContentType: "application/json",
	}, out)
	return err
}

// send sends a request with no body.
func (c *Client) send(ctx context.Context, method, route string, params Params) error {
	_, err := c.Do(ctx, Request{Method: method, Route: route, Params: params}, nil)
	return err
}

// sendFile streams one file as the multipart form field field to route,
// without holding it in memory: the form is written into a pipe as the
// request reads it.
func (c *Client) sendFile(ctx context.Context, method, route string, params Params, field, filename string, file io.Reader) error {
	pr, pw := io.Pipe()
	form := multipart.NewWriter(pw)
	go func() {
		part, err := form.CreateFormFile(field, filename)
		if err == nil {
			_, err = io.Copy(part, file)
		}
		if err == nil {
			err = form.Close()
		}
		pw.CloseWithError(err)
	}()

	_, err := c.Do(ctx, Request{
		Method: method, Route: route, Params: params, Body: pr, ContentType: form.FormDataContentType(),
	}, nil)
	pr.CloseWithError(err) // stops the writer if the request ended early
	return err
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
