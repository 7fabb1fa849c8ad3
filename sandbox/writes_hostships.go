package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Writes of hostships, with HostshipController's rules: administrators,
// or hosts of the event who administer it or hold the right for the
// operation. Only the event's owner (or an administrator) grants isAdmin,
// only event admins grant permissions.

// Host permissions of hostships themselves (operation << 26 | scope << 28).
const (
	permCreateHostship uint32 = 1<<26 | 3<<28
	permUpdateHostship uint32 = 2<<26 | 3<<28
	permRemoveHostship uint32 = 3<<26 | 3<<28
)

func hostshipRoutes() []route {
	return []route{
		newRoute(http.MethodPost, "/events/hostships", (*call).postHostship),
		newRoute(http.MethodPatch, "/events/hostships/{eventId:guid}/{userId:int}", (*call).patchHostship),
		newRoute(http.MethodDelete, "/events/hostships/{eventId:guid}/{userId:int}", (*call).deleteHostship),
		newRoute(http.MethodPost, "/events/hostships/invites/{code}/accept", (*call).postHostInviteAccept),
	}
}

// hostshipBody is HostshipRequestDto.
type hostshipBody struct {
	EventID     string   `json:"eventId"`
	UserID      int      `json:"userId"`
	IsAdmin     bool     `json:"isAdmin"`
	IsUnveiled  bool     `json:"isUnveiled"`
	Permissions []uint32 `json:"permissions"`
	Position    *string  `json:"position"`
}

// hostRights reports whether the caller may run an operation on the
// hostships of event e, and whether they may grant isAdmin (as its owner)
// and permissions (as an event admin).
func (c *call) hostRights(e *Event, permission uint32) (allowed, owner, admin bool) {
	allowed = c.admin || c.d.hosts(c.caller, e.ID, permission)
	owner = c.admin || e.OwnerID == c.caller.ID
	admin = c.admin || slices.ContainsFunc(c.d.Hostships, func(h Hostship) bool {
		return h.EventID == e.ID && h.UserID == c.caller.ID && h.IsAdmin
	})
	return allowed, owner, admin
}

// findHostship returns the index of a user's hostship of an event, or -1.
func (d *Data) findHostship(eventID string, userID int) int {
	return slices.IndexFunc(d.Hostships, func(h Hostship) bool {
		return h.EventID == eventID && h.UserID == userID
	})
}

// postHostship is POST /events/hostships: 201 with no body. The upstream's
// database refuses a second hostship of the same user on an event (a 500
// there); the sandbox answers 400 AlreadyDone, and 404 UserNotFound for an
// unknown user.
func (c *call) postHostship() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var b hostshipBody
	if !c.readJSON(&b) {
		return
	}
	e := c.d.Event(strings.ToLower(b.EventID))
	if e == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	allowed, owner, admin := c.hostRights(e, permCreateHostship)
	switch {
	case !allowed:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	case c.d.User(b.UserID) == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	case c.d.findHostship(e.ID, b.UserID) >= 0:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}

	h := Hostship{EventID: e.ID, UserID: b.UserID, IsAdmin: owner && b.IsAdmin, IsUnveiled: b.IsUnveiled,
		Position: b.Position, Permissions: []uint32{}}
	if admin {
		h.Permissions = distinct(b.Permissions)
	}
	c.d.Hostships = append(c.d.Hostships, h)
	c.d.reindex()
	c.empty(http.StatusCreated)
}

func distinct(in []uint32) []uint32 {
	out := []uint32{}
	for _, v := range in {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// writableHostship finds the hostship of the route for an operation: 401,
// 404, then 403 without the right. It answers the failure itself when it
// returns nil.
func (c *call) writableHostship(permission uint32) (*Hostship, *Event, bool, bool) {
	if c.caller == nil {
		c.unauthorized()
		return nil, nil, false, false
	}
	user, _ := strconv.Atoi(c.params["userId"])
	i := c.d.findHostship(c.params["eventId"], user)
	if i < 0 {
		c.notFound()
		return nil, nil, false, false
	}
	h := &c.d.Hostships[i]
	e := c.d.Event(h.EventID)
	allowed, owner, admin := c.hostRights(e, permission)
	if !allowed {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil, nil, false, false
	}
	return h, e, owner, admin
}

// patchHostship is PATCH /events/hostships/{eventId}/{userId}: a JSON Patch
// over HostshipRequestDto, 204. isAdmin changes only for the event's owner,
// permissions only for event admins.
func (c *call) patchHostship() {
	h, _, owner, admin := c.writableHostship(permUpdateHostship)
	if h == nil {
		return
	}
	b := hostshipBody{h.EventID, h.UserID, h.IsAdmin, h.IsUnveiled, h.Permissions, h.Position}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/eventid":
			return patchField(op, &b.EventID, false)
		case "/userid":
			return patchField(op, &b.UserID, false)
		case "/isadmin":
			return patchField(op, &b.IsAdmin, false)
		case "/isunveiled":
			return patchField(op, &b.IsUnveiled, false)
		case "/permissions":
			return patchField(op, &b.Permissions, false)
		case "/position":
			return patchField(op, &b.Position, true)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}

	h.EventID, h.UserID, h.Position, h.IsUnveiled = strings.ToLower(b.EventID), b.UserID, b.Position, b.IsUnveiled
	if owner {
		h.IsAdmin = b.IsAdmin
	}
	if admin {
		h.Permissions = distinct(b.Permissions)
	}
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteHostship is DELETE /events/hostships/{eventId}/{userId}: 204; an
// admin host goes only by the event's owner or an administrator.
func (c *call) deleteHostship() {
	h, e, _, _ := c.writableHostship(permRemoveHostship)
	if h == nil {
		return
	}
	if h.IsAdmin && e.OwnerID != c.caller.ID && !c.admin {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	event, user := h.EventID, h.UserID
	c.d.Hostships = slices.DeleteFunc(c.d.Hostships, func(v Hostship) bool {
		return v.EventID == event && v.UserID == user
	})
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// postHostInviteAccept is POST /events/hostships/invites/{code}/accept:
// the caller becomes a host as the invitation says, 204; 404 for an
// unknown or expired code (the upstream keeps codes in Redis until they
// expire, and matches them exactly here), 400 InvalidOperation when the
// caller hosts the event already.
func (c *call) postHostInviteAccept() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	i := slices.IndexFunc(c.d.Areas.Events.HostInvites, func(inv HostInvite) bool {
		return inv.Code == c.params["code"] && inv.DateExpired.After(c.d.Now)
	})
	if i < 0 {
		c.notFound()
		return
	}
	inv := c.d.Areas.Events.HostInvites[i]
	if c.d.findHostship(inv.EventID, c.caller.ID) >= 0 {
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}

	c.d.Hostships = append(c.d.Hostships, Hostship{
		EventID: inv.EventID, UserID: c.caller.ID, IsAdmin: inv.IsAdmin, IsUnveiled: inv.IsUnveiled,
		Position: inv.Position, Permissions: distinct(inv.Permissions),
	})
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
