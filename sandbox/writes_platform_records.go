package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Writes of resource records, with the rules of ResourceRecordController:
// moderators and above only. Their routes are in writes_platform.go.

// resourceRecordBody is ResourceRecordRequestDto. Media is checked but
// not kept: ResourceRecordDto does not show it.
type resourceRecordBody struct {
	Type           ResourceRecordType     `json:"type"`
	Title          string                 `json:"title"`
	EditionType    EditionType            `json:"editionType"`
	Edition        *string                `json:"edition"`
	AuthorName     string                 `json:"authorName"`
	Description    *string                `json:"description"`
	Strategy       ResourceRecordStrategy `json:"strategy"`
	Media          *string                `json:"media"`
	Source         string                 `json:"source"`
	CopyrightOwner string                 `json:"copyrightOwner"`
}

// validate applies the DTO's rules, naming fields after prefix (such as
// "[2]." in a batch).
func (b *resourceRecordBody) validate(prefix string) dtoChecks {
	var e dtoChecks
	e.text(prefix+"Title", b.Title, true, 200)
	e.between(prefix+"EditionType", float64(b.EditionType), 0, 5)
	e.optional(prefix+"Edition", b.Edition, 200)
	e.text(prefix+"AuthorName", b.AuthorName, true, 1600)
	e.optional(prefix+"Description", b.Description, 4000)
	e.between(prefix+"Strategy", float64(b.Strategy), 0, 4)
	e.url(prefix+"Media", b.Media, false, 4000)
	e.url(prefix+"Source", &b.Source, true, 4000)
	e.text(prefix+"CopyrightOwner", b.CopyrightOwner, true, 1600)
	return e
}

// addResourceRecord adds a resource record made of b and returns its ID.
func (c *call) addResourceRecord(b *resourceRecordBody) string {
	id, now := c.newID(), c.now()
	st := c.studio()
	st.ResourceRecords = append(st.ResourceRecords, ResourceRecord{
		ID: id, Type: b.Type, Title: b.Title, EditionType: b.EditionType, Edition: b.Edition,
		AuthorName: b.AuthorName, Description: b.Description, Strategy: b.Strategy, Source: b.Source,
		CopyrightOwner: b.CopyrightOwner, DateCreated: now, DateUpdated: now,
	})
	return id
}

// postResourceRecord is POST /resourceRecords: moderators and above, 201.
func (c *call) postResourceRecord() {
	if !c.hasCaller() {
		return
	}
	var b resourceRecordBody
	if !c.readJSON(&b) || !b.validate("").answer(c) || !c.roleAtLeast(RoleModerator) {
		return
	}
	id := c.addResourceRecord(&b)
	c.d.reindex()
	c.created(id)
}

// postResourceRecords is POST /resourceRecords/batch: moderators and
// above, 201 with the new IDs in the order given.
func (c *call) postResourceRecords() {
	if !c.hasCaller() {
		return
	}
	var bodies []resourceRecordBody
	if !c.readJSON(&bodies) {
		return
	}
	var e dtoChecks
	for i := range bodies {
		e = append(e, bodies[i].validate(fmt.Sprintf("[%d].", i))...)
	}
	if !e.answer(c) || !c.roleAtLeast(RoleModerator) {
		return
	}
	ids := []string{}
	for i := range bodies {
		ids = append(ids, c.addResourceRecord(&bodies[i]))
	}
	c.d.reindex()
	c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: map[string][]string{"id": ids}})
}

// moderatedResourceRecord finds resource record {id} for a change: 401,
// 404, then 403 below Moderator.
func (c *call) moderatedResourceRecord() *ResourceRecord {
	if !c.hasCaller() {
		return nil
	}
	st := c.studio()
	i := slices.IndexFunc(st.ResourceRecords, func(r ResourceRecord) bool { return r.ID == c.params["id"] })
	if i < 0 {
		c.notFound()
		return nil
	}
	if !c.roleAtLeast(RoleModerator) {
		return nil
	}
	return &st.ResourceRecords[i]
}

// patchResourceRecord is PATCH /resourceRecords/{id}: a JSON Patch over
// ResourceRecordRequestDto, 204.
func (c *call) patchResourceRecord() {
	r := c.moderatedResourceRecord()
	if r == nil {
		return
	}
	b := resourceRecordBody{r.Type, r.Title, r.EditionType, r.Edition, r.AuthorName, r.Description, r.Strategy,
		nil, r.Source, r.CopyrightOwner}
	fields := map[string]struct {
		dst      any
		nullable bool
	}{
		"type": {&b.Type, false}, "title": {&b.Title, false}, "editiontype": {&b.EditionType, false},
		"edition": {&b.Edition, true}, "authorname": {&b.AuthorName, false}, "description": {&b.Description, true},
		"strategy": {&b.Strategy, false}, "media": {&b.Media, true}, "source": {&b.Source, false},
		"copyrightowner": {&b.CopyrightOwner, false},
	}
	ok := c.applyPatch(func(op patchOp) string {
		f, known := fields[strings.ToLower(strings.TrimPrefix(op.Path, "/"))]
		if !known {
			return codeInvalidData
		}
		return patchField(op, f.dst, f.nullable)
	})
	if !ok || !b.validate("").answer(c) {
		return
	}

	r.Type, r.Title, r.EditionType, r.Edition, r.AuthorName = b.Type, b.Title, b.EditionType, b.Edition, b.AuthorName
	r.Description, r.Strategy, r.Source, r.CopyrightOwner = b.Description, b.Strategy, b.Source, b.CopyrightOwner
	r.DateUpdated = c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteResourceRecord is DELETE /resourceRecords/{id}: 204.
func (c *call) deleteResourceRecord() {
	if c.moderatedResourceRecord() == nil {
		return
	}
	st := c.studio()
	st.ResourceRecords = slices.DeleteFunc(st.ResourceRecords, func(r ResourceRecord) bool {
		return r.ID == c.params["id"]
	})
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
