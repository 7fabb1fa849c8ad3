package upstream

import (
	"context"
	"time"
)

// Hostship makes a user a host of an event (HostshipDto). It has no ID of
// its own: EventID and UserID name it. Permissions are the upstream's
// encoded host permissions (operation, scope and index bits).
type Hostship struct {
	EventID     string   `json:"eventId"`
	UserID      int      `json:"userId"`
	IsAdmin     bool     `json:"isAdmin"`
	Position    *string  `json:"position"`
	IsUnveiled  bool     `json:"isUnveiled"`
	Permissions []uint32 `json:"permissions"`
}

// EventHostInvite is a pending invitation to host an event
// (EventHostInviteDto), with the hostship it would create.
type EventHostInvite struct {
	Event       Event     `json:"event"`
	Inviter     User      `json:"inviter"`
	Code        string    `json:"code"`
	DateExpired time.Time `json:"dateExpired"`
	IsAdmin     bool      `json:"isAdmin"`
	IsUnveiled  bool      `json:"isUnveiled"`
	Position    *string   `json:"position"`
	Permissions []uint32  `json:"permissions"`
}

// HostshipListOptions selects a page of hostships.
type HostshipListOptions struct {
	ListOptions
	HostshipFilter
}

// ListHostships reads a page of the hostships the caller may see: the
// unveiled ones, and all of the events they host with that right.
//
// GET /events/hostships
func (c *Client) ListHostships(ctx context.Context, opts HostshipListOptions) ([]Hostship, Page, error) {
	return ListOf[Hostship](ctx, c, "/events/hostships", nil, opts)
}

// GetHostship reads the hostship of one user on one event.
//
// GET /events/hostships/{eventId}/{userId}
func (c *Client) GetHostship(ctx context.Context, eventID string, userID int) (*Hostship, error) {
	return GetOf[Hostship](ctx, c, "/events/hostships/{eventId}/{userId}",
		Params{"eventId": eventID, "userId": itoa(userID)})
}

// GetEventHostInvite reads an invitation to host an event by its code; it
// needs a signed-in caller.
//
// GET /events/hostships/invites/{code}
func (c *Client) GetEventHostInvite(ctx context.Context, code string) (*EventHostInvite, error) {
	return GetOf[EventHostInvite](ctx, c, "/events/hostships/invites/{code}", Params{"code": code})
}
