package sandbox

import (
	"net/http"
	"strconv"
	"strings"
)

// Writes of reserved fields and event resources, with the rules of
// EventTeamController and EventResourceController: reserved fields for
// administrators, event admins, and hosts with the right to update the
// team or resource who hold the right to update that field (or all).

// reservedFieldBody is StringDto.
type reservedFieldBody struct {
	Content *string `json:"content"`
}

// reservedWriter checks the caller of a reserved field write on event e
// of division v: 404 for non-hosts before the division is unveiled, 403
// unless the caller is an administrator, an event admin, or a host with
// permission who holds the right to update reserved fields (all, or the
// route's index). It returns the field's index, or 0 when it answered.
func (c *call) reservedWriter(v *EventDivision, permission uint32) int {
	host := c.admin || c.d.hosts(c.caller, v.EventID, permission)
	if !host && v.DateUnveiled.Compare(c.d.Now) >= 0 {
		c.notFound()
		return 0
	}
	index, _ := strconv.Atoi(c.params["index"])
	if !c.admin && !c.eventAdmin(v.EventID) &&
		!(c.d.hosts(c.caller, v.EventID, permission) && c.holdsField(v.EventID, index)) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return 0
	}
	if index < 1 {
		// The upstream fails here with a 500 (an index before the list).
		c.invalid([]fieldError{{Field: "Index", Errors: []string{codeValueOutOfRange}}})
		return 0
	}
	return index
}

// holdsField reports whether the caller's hostship of the event holds the
// right to update every reserved field or the one at index.
func (c *call) holdsField(eventID string, index int) bool {
	for _, i := range c.d.idx.hostshipsByEvent[eventID] {
		h := c.d.Hostships[i]
		if h.UserID != c.caller.ID {
			continue
		}
		for _, p := range h.Permissions {
			if p == permUpdateReservedField || index > 0 && p == permUpdateReservedField|uint32(index) {
				return true
			}
		}
	}
	return false
}

// setReserved reads a StringDto and sets fields[index-1], growing the list
// with empty fields; it answers 400 itself.
func (c *call) setReserved(fields []*string, index int) ([]*string, bool) {
	var b reservedFieldBody
	if !c.readJSON(&b) {
		return nil, false
	}
	if errs := tooLong(nil, "Content", b.Content, 20000); len(errs) > 0 {
		c.invalid(errs)
		return nil, false
	}
	for len(fields) < index {
		fields = append(fields, nil)
	}
	fields[index-1] = b.Content
	return fields, true
}

// postTeamReservedField is POST /events/teams/{teamId}/reservedFields/
// {index}: a StringDto, 204.
func (c *call) postTeamReservedField() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	t := c.d.Team(c.params["teamId"])
	if t == nil {
		c.notFound()
		return
	}
	index := c.reservedWriter(c.d.Division(t.DivisionID), permUpdateTeam)
	if index == 0 {
		return
	}
	fields, ok := c.setReserved(c.d.Areas.Events.TeamReserved[t.ID], index)
	if !ok {
		return
	}
	c.d.Areas.Events.TeamReserved[t.ID] = fields
	c.empty(http.StatusNoContent)
}

// routeResourceFor finds the event resource of the route for a write:
// 401, 404. It answers the failure itself when it returns nil.
func (c *call) routeResourceFor() (*EventResource, *EventDivision) {
	if c.caller == nil {
		c.unauthorized()
		return nil, nil
	}
	r := c.d.EventResource(c.params["divisionId"], c.params["resourceId"])
	if r == nil {
		c.notFound()
		return nil, nil
	}
	return r, c.d.Division(r.DivisionID)
}

// postResourceReservedField is POST /events/resources/{divisionId}/
// {resourceId}/reservedFields/{index}: a StringDto, 204; only entries of a
// team have reserved fields (else 400 InvalidOperation).
func (c *call) postResourceReservedField() {
	r, v := c.routeResourceFor()
	if r == nil {
		return
	}
	if r.TeamID == nil {
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}
	index := c.reservedWriter(v, permUpdateResource)
	if index == 0 {
		return
	}
	fields, ok := c.setReserved(r.Reserved, index)
	if !ok {
		return
	}
	r.Reserved = fields
	c.empty(http.StatusNoContent)
}

// resourceBody is EventResourceRequestDto. Score and Reserved are part of
// it but the upstream does not apply them.
type resourceBody struct {
	DivisionID  string            `json:"divisionId"`
	Type        EventResourceType `json:"type"`
	Label       *string           `json:"label"`
	Description *string           `json:"description"`
	IsAnonymous *bool             `json:"isAnonymous"`
	Score       *float64          `json:"score"`
	Reserved    []*string         `json:"reserved"`
	TeamID      *string           `json:"teamId"`
}

// patchResource is PATCH /events/resources/{divisionId}/{resourceId}: a
// JSON Patch over EventResourceRequestDto, for administrators and hosts
// with the right to update resources; 204. An unknown division answers 404
// ParentNotFound; the sandbox answers the same for an unknown team, where
// the upstream's database fails with a 500. A new divisionId moves the
// resource here; the upstream's database refuses to change that part of
// its key (a 500), so the facade never sends one.
func (c *call) patchResource() {
	r, v := c.routeResourceFor()
	if r == nil {
		return
	}
	if !c.admin && !c.d.hosts(c.caller, v.EventID, permUpdateResource) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	b := resourceBody{r.DivisionID, r.Type, r.Label, r.Description, r.IsAnonymous, r.Score, r.Reserved, r.TeamID}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/divisionid":
			return patchField(op, &b.DivisionID, false)
		case "/type":
			if code := patchField(op, &b.Type, false); code != "" {
				return code
			}
			if b.Type < ResourcePrompt || b.Type > ResourceTag {
				return codeInvalidData
			}
			return ""
		case "/label":
			return patchField(op, &b.Label, true)
		case "/description":
			return patchField(op, &b.Description, true)
		case "/isanonymous":
			return patchField(op, &b.IsAnonymous, true)
		case "/score":
			return patchField(op, &b.Score, true)
		case "/reserved":
			return patchField(op, &b.Reserved, false)
		case "/teamid":
			return patchField(op, &b.TeamID, true)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	division, _ := parseGUID(b.DivisionID)
	if c.d.Division(division) == nil || b.TeamID != nil && c.d.Team(strings.ToLower(*b.TeamID)) == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}

	r.DivisionID, r.Type, r.Label, r.Description, r.IsAnonymous = division, b.Type, b.Label, b.Description, b.IsAnonymous
	r.TeamID = nil
	if b.TeamID != nil {
		r.TeamID = ptr(strings.ToLower(*b.TeamID))
	}
	r.DateUpdated = c.now()
	c.empty(http.StatusNoContent)
}

// deleteResource is DELETE /events/resources/{divisionId}/{resourceId}:
// administrators and hosts with the right to remove resources; 204.
func (c *call) deleteResource() {
	r, v := c.routeResourceFor()
	if r == nil {
		return
	}
	if !c.admin && !c.d.hosts(c.caller, v.EventID, permRemoveResource) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	a := &c.d.Areas.Events
	for i := range a.Resources {
		if &a.Resources[i] == r {
			a.Resources = append(a.Resources[:i], a.Resources[i+1:]...)
			break
		}
	}
	c.empty(http.StatusNoContent)
}
