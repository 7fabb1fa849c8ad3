package upstream

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// Writes of the User, Notification, Tag, Authorship and Hostship tags.

// UpdateUser applies a JSON Patch to a user's profile (UserUpdateDto's
// fields).
//
// PATCH /users/{id}
func (c *Client) UpdateUser(ctx context.Context, id int, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/users/{id}", Params{"id": itoa(id)}, patch, nil)
}

// UpdateUserAvatar replaces a user's avatar with the picture read from
// file.
//
// PATCH /users/{id}/avatar
func (c *Client) UpdateUserAvatar(ctx context.Context, id int, filename string, file io.Reader) error {
	return c.sendFile(ctx, http.MethodPatch, "/users/{id}/avatar", Params{"id": itoa(id)}, "File", filename, file)
}

// RemoveUserAvatar removes a user's avatar.
//
// DELETE /users/{id}/avatar
func (c *Client) RemoveUserAvatar(ctx context.Context, id int) error {
	return c.send(ctx, http.MethodDelete, "/users/{id}/avatar", Params{"id": itoa(id)})
}

// ReadNotifications marks one page of the caller's unread notifications
// read, newest first; perPage 0 means the upstream's default page (30).
//
// POST /notifications/read
func (c *Client) ReadNotifications(ctx context.Context, perPage int) error {
	var q url.Values
	if perPage != 0 {
		q = url.Values{"PerPage": {strconv.Itoa(perPage)}}
	}
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Route: "/notifications/read", Query: q}, nil)
	return err
}

// ReadNotification marks one notification read.
//
// POST /notifications/{id}/read
func (c *Client) ReadNotification(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodPost, "/notifications/{id}/read", Params{"id": id})
}

// DeleteNotification removes a notification.
//
// DELETE /notifications/{id}
func (c *Client) DeleteNotification(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/notifications/{id}", Params{"id": id})
}

// NewTag is the body of a new tag (TagRequestDto).
type NewTag struct {
	// Name is at most 20 characters.
	Name string `json:"name"`
	// Description is at most 2,000 characters.
	Description *string `json:"description,omitempty"`
}

// CreateTag creates a tag and returns its ID.
//
// POST /tags
func (c *Client) CreateTag(ctx context.Context, tag NewTag) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/tags", nil, tag, &created)
	return created.ID, err
}

// UpdateTag applies a JSON Patch to a tag (TagRequestDto's fields).
//
// PATCH /tags/{id}
func (c *Client) UpdateTag(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/tags/{id}", Params{"id": id}, patch, nil)
}

// DeleteTag removes a tag.
//
// DELETE /tags/{id}
func (c *Client) DeleteTag(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/tags/{id}", Params{"id": id})
}

// LinkTagToEventDivision attaches tag id to an event division as one of
// its resources.
//
// POST /tags/{id}/event
func (c *Client) LinkTagToEventDivision(ctx context.Context, id string, resource NewEventLink) error {
	resource.Type = EventResourceTypeTag
	return c.sendJSON(ctx, http.MethodPost, "/tags/{id}/event", Params{"id": id}, resource, nil)
}

// NewAuthorship is the body of a new credit (AuthorshipRequestDto).
type NewAuthorship struct {
	AuthorID int `json:"authorId"`
	// Position is at most 100 characters.
	Position *string `json:"position,omitempty"`
}

// An AuthorshipRoute is the authorships route of a kind of resource: POST
// credits a user on the resource.
type AuthorshipRoute string

// The authorships routes of charts and songs.
const (
	ChartAuthorships AuthorshipRoute = "/charts/{id}/authorships"
	SongAuthorships  AuthorshipRoute = "/songs/{id}/authorships"
)

// CreateAuthorship credits a user on the resource id and returns the
// authorship's ID; route names the resource's kind.
//
// POST /{kind}/{id}/authorships
func (c *Client) CreateAuthorship(
	ctx context.Context, route AuthorshipRoute, id string, authorship NewAuthorship,
) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, string(route), Params{"id": id}, authorship, &created)
	return created.ID, err
}

// UpdateAuthorship applies a JSON Patch to an authorship
// (AuthorshipRequestDto's fields).
//
// PATCH /authorships/{id}
func (c *Client) UpdateAuthorship(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/authorships/{id}", Params{"id": id}, patch, nil)
}

// DeleteAuthorship removes an authorship.
//
// DELETE /authorships/{id}
func (c *Client) DeleteAuthorship(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/authorships/{id}", Params{"id": id})
}

// NewHostship is the body of a new hostship (HostshipRequestDto).
// IsAdmin counts only from the event's owner or an administrator,
// Permissions only from event admins.
type NewHostship struct {
	EventID     string   `json:"eventId"`
	UserID      int      `json:"userId"`
	IsAdmin     bool     `json:"isAdmin"`
	IsUnveiled  bool     `json:"isUnveiled"`
	Permissions []uint32 `json:"permissions"`
	Position    *string  `json:"position,omitempty"`
}

// CreateHostship makes a user a host of an event.
//
// POST /events/hostships
func (c *Client) CreateHostship(ctx context.Context, hostship NewHostship) error {
	return c.sendJSON(ctx, http.MethodPost, "/events/hostships", nil, hostship, nil)
}

// UpdateHostship applies a JSON Patch to a hostship (HostshipRequestDto's
// fields).
//
// PATCH /events/hostships/{eventId}/{userId}
func (c *Client) UpdateHostship(ctx context.Context, eventID string, userID int, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/events/hostships/{eventId}/{userId}",
		Params{"eventId": eventID, "userId": itoa(userID)}, patch, nil)
}

// DeleteHostship removes a hostship.
//
// DELETE /events/hostships/{eventId}/{userId}
func (c *Client) DeleteHostship(ctx context.Context, eventID string, userID int) error {
	return c.send(ctx, http.MethodDelete, "/events/hostships/{eventId}/{userId}",
		Params{"eventId": eventID, "userId": itoa(userID)})
}

// AcceptEventHostInvite makes the caller a host of the event an
// invitation names.
//
// POST /events/hostships/invites/{code}/accept
func (c *Client) AcceptEventHostInvite(ctx context.Context, code string) error {
	return c.send(ctx, http.MethodPost, "/events/hostships/invites/{code}/accept", Params{"code": code})
}
