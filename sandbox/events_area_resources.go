package sandbox

import (
	"net/http"
	"strconv"
	"strings"
)

// Routes of the events area beyond divisions: event resources, tasks, the
// reserved fields of teams, invitations and single hostships.

// resourceVisible applies the upstream's rule for event resources: hosts
// and administrators see all, others public entries and their teams'.
func (c *call) resourceVisible(r *EventResource) bool {
	if c.caller == nil {
		return false
	}
	if c.admin || c.resourceHost(r) {
		return true
	}
	return r.Type == ResourceEntry && (r.IsAnonymous != nil && !*r.IsAnonymous ||
		r.TeamID != nil && c.participates(*r.TeamID, c.caller.ID))
}

func (c *call) resourceHost(r *EventResource) bool {
	v := c.d.Division(r.DivisionID)
	return v != nil && c.d.hosts(c.caller, v.EventID, permRetrieveResource)
}

func (c *call) resourceEvent(r *EventResource) string {
	if v := c.d.Division(r.DivisionID); v != nil {
		return v.EventID
	}
	return ""
}

// getResources is GET /events/resources (EventResourceFilterDto).
func (c *call) getResources() {
	l, ok := c.bind(specFor[resourceFilter, EventResource](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Areas.Events.Resources, c.resourceVisible, nil)
	c.many(page, total, l.listParams)
}

// getResourcesReservedFields is GET /events/resources/reservedFields: the
// reserved fields of the resources the caller hosts, one list each.
func (c *call) getResourcesReservedFields() {
	l, ok := c.bind(specFor[resourceFilter, EventResource](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Areas.Events.Resources, func(r *EventResource) bool {
		return c.caller != nil && (c.admin || c.resourceHost(r))
	}, nil)
	c.many(mapList(page, func(r EventResource) []*ReservedField {
		return c.reservedFields(c.resourceEvent(&r), r.Reserved)
	}), total, l.listParams)
}

// routeResource returns the resource of the route when the caller may see
// it, or answers 404.
func (c *call) routeResource() *EventResource {
	r := c.d.EventResource(c.params["divisionId"], c.params["resourceId"])
	if r == nil || !c.resourceVisible(r) {
		c.notFound()
		return nil
	}
	return r
}

// getResource is GET /events/resources/{divisionId}/{resourceId}, under an
// ETag.
func (c *call) getResource() {
	if r := c.routeResource(); r != nil {
		c.one(*r)
	}
}

// getResourceReservedFields is GET
// /events/resources/{divisionId}/{resourceId}/reservedFields.
func (c *call) getResourceReservedFields() {
	if r := c.routeResource(); r != nil {
		c.plain(c.reservedFields(c.resourceEvent(r), r.Reserved))
	}
}

// taskVisible: tasks of unveiled divisions, or of events the caller hosts.
func (c *call) taskVisible(t *EventTask) bool {
	v := c.d.Division(t.DivisionID)
	return v != nil && (!v.DateUnveiled.After(c.d.Now) || c.admin || c.hostsAny(v.EventID))
}

// getTasks is GET /events/tasks (EventTaskFilterDto, Search).
func (c *call) getTasks() {
	l, ok := c.bind(specFor[taskFilter, EventTask](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Areas.Events.Tasks, c.taskVisible, taskText)
	c.many(page, total, l.listParams)
}

// getTask is GET /events/tasks/{id}, under an ETag.
func (c *call) getTask() {
	t := c.d.EventTask(c.params["id"])
	if t == nil || !c.taskVisible(t) {
		c.notFound()
		return
	}
	c.one(*t)
}

// getTeamsReservedFields is GET /events/teams/reservedFields: one list per
// team the caller may see, in list order.
func (c *call) getTeamsReservedFields() {
	l, ok := c.bind(specFor[teamFilter, EventTeam](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Teams, func(t *EventTeam) bool {
		v := c.d.Division(t.DivisionID)
		return c.caller != nil && v != nil && (c.admin || c.d.hosts(c.caller, v.EventID, permRetrieveTeam))
	}, nil)
	c.many(mapList(page, func(t EventTeam) []*ReservedField {
		return c.reservedFields(c.d.Division(t.DivisionID).EventID, c.d.Areas.Events.TeamReserved[t.ID])
	}), total, l.listParams)
}

// getTeamReservedFields is GET /events/teams/{teamId}/reservedFields;
// anonymous callers get 404.
func (c *call) getTeamReservedFields() {
	t := c.d.Team(c.params["teamId"])
	if t == nil || c.caller == nil {
		c.notFound()
		return
	}
	v := c.d.Division(t.DivisionID)
	if v == nil || !c.teamVisible(t) {
		c.notFound()
		return
	}
	c.plain(c.reservedFields(v.EventID, c.d.Areas.Events.TeamReserved[t.ID]))
}

// getTeamInvite is GET /events/teams/invites/{code}: 401 without a token,
// 404 for an unknown or expired code (codes are case-insensitive), 403 for
// a division not unveiled yet unless the caller owns the team or hosts.
func (c *call) getTeamInvite() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	for _, inv := range c.d.Areas.Events.TeamInvites {
		if !strings.EqualFold(inv.Code, c.params["code"]) || !inv.DateExpired.After(c.d.Now) {
			continue
		}
		t := c.d.Team(inv.TeamID)
		if t == nil {
			break
		}
		if v := c.d.Division(t.DivisionID); v != nil && v.DateUnveiled.Compare(c.d.Now) >= 0 &&
			c.caller.ID != t.OwnerID && !c.admin && !c.d.hosts(c.caller, v.EventID, permRetrieveTeam) {
			c.fail(http.StatusForbidden, codeInsufficientPermission)
			return
		}
		c.plain(map[string]any{
			"team": c.team(*t, false), "inviter": c.user(*c.d.User(inv.InviterID)), "dateExpired": inv.DateExpired,
		})
		return
	}
	c.notFound()
}

// getHostship is GET /events/hostships/{eventId}/{userId}, under an ETag.
func (c *call) getHostship() {
	user, _ := strconv.Atoi(c.params["userId"])
	for _, i := range c.d.idx.hostshipsByEvent[c.params["eventId"]] {
		h := c.d.Hostships[i]
		if h.UserID != user {
			continue
		}
		if !h.IsUnveiled && !c.admin && !c.d.hosts(c.caller, h.EventID, permRetrieveHostship) {
			break
		}
		c.one(c.hostship(h))
		return
	}
	c.notFound()
}

// getHostInvite is GET /events/hostships/invites/{code}: 401 without a
// token, 404 for an unknown or expired code.
func (c *call) getHostInvite() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	for _, inv := range c.d.Areas.Events.HostInvites {
		if !strings.EqualFold(inv.Code, c.params["code"]) || !inv.DateExpired.After(c.d.Now) {
			continue
		}
		e := c.d.Event(inv.EventID)
		if e == nil {
			break
		}
		c.plain(map[string]any{
			"event": c.event(*e), "inviter": c.user(*c.d.User(inv.InviterID)), "code": inv.Code,
			"dateExpired": inv.DateExpired, "isAdmin": inv.IsAdmin, "isUnveiled": inv.IsUnveiled,
			"position": inv.Position, "permissions": nonNil(inv.Permissions),
		})
		return
	}
	c.notFound()
}
