package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// Links of charts to collections and of charts and records to event
// divisions (ChartController, RecordController).

// chartAdmissionBody is AdmissionRequestDto.
type chartAdmissionBody struct {
	AdmitterID string  `json:"admitterId"`
	Label      *string `json:"label"`
}

// chartOwnerOr finds chart {id} for a write of its owner (members and
// above) or of role for anyone's: 401, 404, 403. It answers the failure
// itself when it returns nil.
func (c *call) chartOwnerOr(role UserRole) *Chart {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	chart := c.d.Chart(c.params["id"])
	switch {
	case chart == nil:
		c.notFound()
		return nil
	case chart.OwnerID == c.caller.ID && !c.hasRole(RoleMember), chart.OwnerID != c.caller.ID && !c.hasRole(role):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return chart
}

// postChartCollection is POST /charts/{id}/collections: asks collection
// admitterId to admit the chart. 404 ParentNotFound for an unknown
// collection, 400 AlreadyDone for a second request, 400 ParentIsPrivate
// for someone else's collection that refuses any; approved at once when
// the collection allows any or the caller owns it. 204.
func (c *call) postChartCollection() {
	chart := c.chartOwnerOr(RoleModerator)
	if chart == nil {
		return
	}
	var b chartAdmissionBody
	if !c.readJSON(&b) {
		return
	}
	if errs := tooLong(nil, "Label", b.Label, 100); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	co := c.d.Collection(strings.ToLower(b.AdmitterID))
	cat := &c.d.Areas.Catalog
	switch {
	case co == nil:
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	case findAdmission(cat.CollectionAdmits, co.ID, chart.ID) != nil:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	case co.OwnerID != c.caller.ID && co.Accessibility == RefuseAny:
		c.fail(http.StatusBadRequest, codeChartsParentIsPrivate)
		return
	}

	status := RequestWaiting
	if co.Accessibility == AllowAny || co.OwnerID == c.caller.ID {
		status = RequestApproved
	}
	cat.CollectionAdmits = append(cat.CollectionAdmits, Admission{
		AdmitterID: co.ID, AdmitteeID: chart.ID, Status: status, Label: b.Label,
		RequesterID: c.caller.ID, RequesteeID: co.OwnerID, DateCreated: c.now(),
	})
	c.empty(http.StatusNoContent)
}

// deleteChartCollection is DELETE /charts/{id}/collections/{collectionId}:
// the chart's owner or administrators. 404 ParentNotFound for an unknown
// collection, 400 AlreadyDone when the chart is not in it, 400
// InvalidOperation while the admission is not approved. 204.
func (c *call) deleteChartCollection() {
	chart := c.chartOwnerOr(RoleAdministrator)
	if chart == nil {
		return
	}
	co := c.d.Collection(c.params["collectionId"])
	if co == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	cat := &c.d.Areas.Catalog
	a := findAdmission(cat.CollectionAdmits, co.ID, chart.ID)
	switch {
	case a == nil:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	case a.Status != RequestApproved:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}
	cat.CollectionAdmits = slices.DeleteFunc(cat.CollectionAdmits, func(v Admission) bool {
		return v.AdmitterID == co.ID && v.AdmitteeID == chart.ID
	})
	c.empty(http.StatusNoContent)
}

// eventLinkBody is EventResourceRequestDto.
type eventLinkBody struct {
	DivisionID  string            `json:"divisionId"`
	Type        EventResourceType `json:"type"`
	Label       *string           `json:"label"`
	Description *string           `json:"description"`
	IsAnonymous *bool             `json:"isAnonymous"`
	TeamID      *string           `json:"teamId"`
}

// postEventLink is POST /{songs|charts|records|tags}/{id}/event: links
// resource id ("" when there is none: 404) to a division, 201 with no
// body; 404 ParentNotFound for an unknown division; administrators and
// hosts with the right to create resources. The resource's type is the
// body's, or forced when given (records are entries, tags tags). The
// upstream's database refuses a second link (a 500 there); the sandbox
// answers 400 AlreadyDone.
func (c *call) postEventLink(id string, forced *EventResourceType) {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var b eventLinkBody
	if !c.readJSON(&b) {
		return
	}
	if id == "" {
		c.notFound()
		return
	}
	v := c.d.Division(strings.ToLower(b.DivisionID))
	switch {
	case v == nil:
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	case !c.admin && !c.d.hosts(c.caller, v.EventID, permCreateResource):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	ev := &c.d.Areas.Events
	if slices.ContainsFunc(ev.Resources, func(r EventResource) bool { return r.DivisionID == v.ID && r.ResourceID == id }) {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	if forced != nil {
		b.Type = *forced
	}

	now := c.now()
	ev.Resources = append(ev.Resources, EventResource{
		DivisionID: v.ID, ResourceID: id, Type: b.Type, Label: b.Label, Description: b.Description,
		IsAnonymous: b.IsAnonymous, TeamID: b.TeamID, DateCreated: now, DateUpdated: now,
	})
	c.d.reindex()
	c.empty(http.StatusCreated)
}

// idOf is the ID of a resource the sandbox found, or "" for none.
func idOf[T any](v *T, id func(*T) string) string {
	if v == nil {
		return ""
	}
	return id(v)
}
