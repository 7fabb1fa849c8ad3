package sandbox

import "net/http"

// Admissions, collaborations, resource records and service scripts of the
// studio area.

// allParam reads the `all` switch of the admission and collaboration
// lists; it answers 400 and reports false when the value is no boolean.
func (c *call) allParam() (bool, bool) {
	raw := c.q.values("all")
	if len(raw) == 0 {
		return false, true
	}
	v, ok := parseScalar(boolType, raw[0])
	if !ok {
		c.invalid([]fieldError{invalidValue("all", raw[0])})
		return false, false
	}
	return v.Bool(), true
}

// admissionList answers the admissions of one kind (AdmissionFilterDto):
// those the caller requested or received, or, for moderators asking for
// all, every one. requesterView lists only those the caller requested
// (GET /admissions/charts, the chart submissions' side).
func admissionList(kind AdmitterType, requesterView bool) func(c *call) {
	return func(c *call) {
		if !c.member() {
			return
		}
		all, ok := c.allParam()
		if !ok {
			return
		}
		l, ok := c.bind(specFor[studioAdmissionFilter, StudioAdmission](), false)
		if !ok {
			return
		}
		everyone := all && c.hasRole(RoleModerator)
		page, total := collect(l, c.studio().Admissions, func(a *StudioAdmission) bool {
			mine := a.RequesterID == c.caller.ID || !requesterView && a.RequesteeID == c.caller.ID
			return a.AdmitterType == kind && (everyone || mine)
		}, nil)
		c.many(mapList(page, c.admission), total, l.listParams)
	}
}

// admissionOne answers one admission of a kind, named by the route
// parameters of its admitter and admittee, under an ETag. A pending or
// rejected admission is shown to its parties and moderators only.
func admissionOne(kind AdmitterType, admitterParam, admitteeParam string) func(c *call) {
	return func(c *call) {
		if c.caller == nil {
			c.unauthorized()
			return
		}
		admitter, admittee := c.params[admitterParam], c.params[admitteeParam]
		if !c.admitteeExists(kind, admittee) {
			c.notFound()
			return
		}
		if !c.admitterExists(kind, admitter) {
			c.fail(http.StatusNotFound, codeParentNotFound)
			return
		}
		a := c.studio().admission(kind, admitter, admittee)
		if a == nil {
			c.fail(http.StatusNotFound, codeRelationNotFound)
			return
		}
		if !c.member() {
			return
		}
		party := a.RequesterID == c.caller.ID || a.RequesteeID == c.caller.ID
		if !party && !c.hasRole(RoleModerator) && a.Status != RequestApproved {
			c.fail(http.StatusForbidden, codeInsufficientPermission)
			return
		}
		c.one(c.admission(*a))
	}
}

// getChartAdmission is GET /admissions/charts/{chartId}/{songId}: the
// admission a chart submission requested of a song, shown to the
// submission's owner when qualified, and to moderators.
func (c *call) getChartAdmission() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	sub := c.studio().chartSubmission(c.params["chartId"])
	if sub == nil {
		c.notFound()
		return
	}
	if c.d.Song(c.params["songId"]) == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	a := c.studio().admission(AdmitterSong, c.params["songId"], sub.ID)
	if a == nil {
		c.fail(http.StatusNotFound, codeRelationNotFound)
		return
	}
	owner := sub.OwnerID == c.caller.ID
	if owner && !c.hasRole(RoleQualified) || !owner && !c.hasRole(RoleModerator) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	c.one(c.admission(*a))
}

func (st *Studio) admission(kind AdmitterType, admitter, admittee string) *StudioAdmission {
	for i, a := range st.Admissions {
		if a.AdmitterType == kind && a.AdmitterID == admitter && a.AdmitteeID == admittee {
			return &st.Admissions[i]
		}
	}
	return nil
}

func (c *call) admitterExists(kind AdmitterType, id string) bool {
	st := c.studio()
	switch kind {
	case AdmitterChapter:
		return lookup(st.Chapters, st.idx.chapters, id) != nil
	case AdmitterCollection:
		return lookup(st.Collections, st.idx.collections, id) != nil
	case AdmitterSong:
		return c.d.Song(id) != nil
	}
	return st.songSubmission(id) != nil
}

func (c *call) admitteeExists(kind AdmitterType, id string) bool {
	switch kind {
	case AdmitterChapter:
		return c.d.Song(id) != nil
	case AdmitterCollection:
		return c.d.Chart(id) != nil
	}
	return c.studio().chartSubmission(id) != nil
}

// admission renders an admission with its admitter and admittee.
func (c *call) admission(a StudioAdmission) AdmissionView {
	st := c.studio()
	v := AdmissionView{
		Status: a.Status, Label: a.Label, RequesterID: a.RequesterID, RequesteeID: a.RequesteeID,
		DateCreated: a.DateCreated,
	}
	switch a.AdmitterType {
	case AdmitterChapter:
		v.Admitter = lookup(st.Chapters, st.idx.chapters, a.AdmitterID)
	case AdmitterCollection:
		v.Admitter = lookup(st.Collections, st.idx.collections, a.AdmitterID)
	case AdmitterSong:
		if s := c.d.Song(a.AdmitterID); s != nil {
			v.Admitter = c.song(*s, true)
		}
	default:
		if s := st.songSubmission(a.AdmitterID); s != nil {
			v.Admitter = songSubmissionView(*s)
		}
	}
	switch a.AdmitterType {
	case AdmitterChapter:
		if s := c.d.Song(a.AdmitteeID); s != nil {
			v.Admittee = c.song(*s, true)
		}
	case AdmitterCollection:
		if ch := c.d.Chart(a.AdmitteeID); ch != nil {
			v.Admittee = c.chart(*ch)
		}
	default:
		if s := st.chartSubmission(a.AdmitteeID); s != nil {
			v.Admittee = c.chartSubmission(*s)
		}
	}
	return v
}

// getCollaborations is GET /collaborations (CollaborationFilterDto): those
// the caller invited to or was invited to, or every one for volunteers
// asking for all.
func (c *call) getCollaborations() {
	if !c.member() {
		return
	}
	all, ok := c.allParam()
	if !ok {
		return
	}
	l, ok := c.bind(specFor[collaborationFilter, Collaboration](), false)
	if !ok {
		return
	}
	everyone := all && c.hasRole(RoleVolunteer)
	page, total := collect(l, c.studio().Collaborations, func(v *Collaboration) bool {
		return everyone || v.InviterID == c.caller.ID || v.InviteeID == c.caller.ID
	}, nil)
	c.many(page, total, l.listParams)
}

// getCollaboration is GET /collaborations/{id}, under an ETag: for its
// inviter, its invitee and volunteers.
func (c *call) getCollaboration() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	for _, v := range c.studio().Collaborations {
		if v.ID != c.params["id"] {
			continue
		}
		if !c.member() {
			return
		}
		if v.InviterID != c.caller.ID && v.InviteeID != c.caller.ID && !c.hasRole(RoleVolunteer) {
			c.fail(http.StatusForbidden, codeInsufficientPermission)
			return
		}
		c.one(v)
		return
	}
	c.notFound()
}

// getResourceRecords is GET /resourceRecords (ResourceRecordFilterDto,
// Search on title, author and source).
func (c *call) getResourceRecords() {
	l, ok := c.bind(specFor[resourceRecordFilter, ResourceRecord](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.studio().ResourceRecords, nil,
		func(r *ResourceRecord) []string { return []string{r.Title, r.AuthorName, r.Source} })
	c.many(page, total, l.listParams)
}

// getResourceRecord is GET /resourceRecords/{id}, under an ETag.
func (c *call) getResourceRecord() {
	for _, r := range c.studio().ResourceRecords {
		if r.ID == c.params["id"] {
			c.one(r)
			return
		}
	}
	c.notFound()
}

// getServiceScripts is GET /services (ServiceScriptFilterDto, Search on
// name and description).
func (c *call) getServiceScripts() {
	l, ok := c.bind(specFor[serviceScriptFilter, ServiceScript](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.studio().ServiceScripts, nil,
		func(s *ServiceScript) []string { return []string{s.Name, deref(s.Description)} })
	c.many(page, total, l.listParams)
}

// getServiceScript is GET /services/{id}, under an ETag.
func (c *call) getServiceScript() {
	for _, s := range c.studio().ServiceScripts {
		if s.ID == c.params["id"] {
			c.one(s)
			return
		}
	}
	c.notFound()
}

// getServiceRecords is GET /services/records (ServiceRecordFilterDto): the
// caller's runs, or everyone's for administrators. The upstream reads the
// caller unchecked; without one the sandbox answers 401.
func (c *call) getServiceRecords() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	l, ok := c.bind(specFor[serviceRecordFilter, ServiceRecord](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.studio().ServiceRecords, func(r *ServiceRecord) bool {
		return c.admin || r.OwnerID == c.caller.ID
	}, nil)
	c.many(page, total, l.listParams)
}

// getServiceRecord is GET /services/records/{id}, under an ETag: another
// user's record is not found, except for administrators.
func (c *call) getServiceRecord() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	for _, r := range c.studio().ServiceRecords {
		if r.ID == c.params["id"] && (c.admin || r.OwnerID == c.caller.ID) {
			c.one(r)
			return
		}
	}
	c.notFound()
}
