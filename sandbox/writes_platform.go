package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Writes of announcements and applications, with the rules of
// AnnouncementController and ApplicationController, the routes of every
// write of the platform and the checks their DTOs share. Service scripts
// are in writes_platform_services.go, the test and play configurations in
// writes_platform_player.go, resource records in writes_platform_records.go.
//
// As with ASP.NET's model binding, a creation's body is validated before
// the controller checks the caller's role; an update's patch after.

const codeInvalidURL = "InvalidUrl"

func init() {
	areaRoutes["writes-platform"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/announcements", (*call).postAnnouncement),
			newRoute(http.MethodPatch, "/announcements/{id:guid}", (*call).patchAnnouncement),
			newRoute(http.MethodDelete, "/announcements/{id:guid}", (*call).deleteAnnouncement),
			newRoute(http.MethodPost, "/applications", (*call).postApplication),
			newRoute(http.MethodPatch, "/applications/{id:guid}", (*call).patchApplication),
			newRoute(http.MethodPatch, "/applications/{id:guid}/avatar", func(c *call) {
				c.patchApplicationPicture("applications/avatars", func(a *Application) *string { return &a.Avatar })
			}),
			newRoute(http.MethodPatch, "/applications/{id:guid}/illustration", func(c *call) {
				c.patchApplicationPicture("applications", func(a *Application) *string { return &a.Illustration })
			}),
			newRoute(http.MethodDelete, "/applications/{id:guid}", (*call).deleteApplication),
			newRoute(http.MethodPost, "/services", (*call).postServiceScript),
			newRoute(http.MethodPatch, "/services/{id:guid}", (*call).patchServiceScript),
			newRoute(http.MethodDelete, "/services/{id:guid}", (*call).deleteServiceScript),
			newRoute(http.MethodPost, "/services/{id:guid}/use", (*call).postServiceScriptUse),
			newRoute(http.MethodPost, "/pet/objective", (*call).postPetObjective),
			newRoute(http.MethodPost, "/pet/subjective", (*call).postPetSubjective),
			newRoute(http.MethodPatch, "/pet/answers/{id:guid}", (*call).patchPetAnswer),
			newRoute(http.MethodPost, "/player/configurations", (*call).postPlayConfiguration),
			newRoute(http.MethodPatch, "/player/configurations/{id:guid}", (*call).patchPlayConfiguration),
			newRoute(http.MethodDelete, "/player/configurations/{id:guid}", (*call).deletePlayConfiguration),
			newRoute(http.MethodPost, "/resourceRecords", (*call).postResourceRecord),
			newRoute(http.MethodPost, "/resourceRecords/batch", (*call).postResourceRecords),
			newRoute(http.MethodPatch, "/resourceRecords/{id:guid}", (*call).patchResourceRecord),
			newRoute(http.MethodDelete, "/resourceRecords/{id:guid}", (*call).deleteResourceRecord),
		}
	}
}

// hasCaller answers 401 itself when the call has no caller.
func (c *call) hasCaller() bool {
	if c.caller == nil {
		c.unauthorized()
		return false
	}
	return true
}

// roleAtLeast answers 403 InsufficientPermission itself when the caller's role
// is below role.
func (c *call) roleAtLeast(role UserRole) bool {
	if c.caller.Role < role {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return false
	}
	return true
}

// dtoChecks gathers the field errors of a DTO's validation.
type dtoChecks []fieldError

func (e *dtoChecks) add(field, code string) {
	*e = append(*e, fieldError{Field: field, Errors: []string{code}})
}

// text checks a string field: required (not empty) and at most limit
// runes; limit 0 means no limit.
func (e *dtoChecks) text(field, s string, required bool, limit int) {
	switch {
	case required && s == "":
		e.add(field, codeFieldEmpty)
	case limit > 0 && len([]rune(s)) > limit:
		e.add(field, codeValueTooLong)
	}
}

// optional checks a nullable string field of at most limit runes.
func (e *dtoChecks) optional(field string, s *string, limit int) {
	if s != nil {
		e.text(field, *s, false, limit)
	}
}

// url checks a URL field as .NET's [Url] does (an http, https or ftp
// address) and its length.
func (e *dtoChecks) url(field string, s *string, required bool, limit int) {
	switch {
	case s == nil || *s == "":
		if required {
			e.add(field, codeFieldEmpty)
		}
	case !hasURLScheme(*s):
		e.add(field, codeInvalidURL)
	default:
		e.text(field, *s, false, limit)
	}
}

func hasURLScheme(s string) bool {
	s = strings.ToLower(s)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "ftp://")
}

// between checks that n is within lo..hi.
func (e *dtoChecks) between(field string, n, lo, hi float64) {
	if n < lo || n > hi {
		e.add(field, codeValueOutOfRange)
	}
}

// answer answers 400 with the errors and reports false when there are any.
func (e dtoChecks) answer(c *call) bool {
	if len(e) > 0 {
		c.invalid(e)
		return false
	}
	return true
}

// announcementBody is AnnouncementRequestDto.
type announcementBody struct {
	Title        string             `json:"title"`
	Content      string             `json:"content"`
	ResourceID   *string            `json:"resourceId"`
	ResourceType PublicResourceType `json:"resourceType"`
}

func (b *announcementBody) validate() dtoChecks {
	var e dtoChecks
	e.text("Title", b.Title, true, 1000)
	e.text("Content", b.Content, true, 30000)
	return e
}

// postAnnouncement is POST /announcements: administrators, and the owner
// of the event or event division the announcement names. Like the source
// snapshot of the upstream, the announcement keeps neither resourceId nor
// resourceType.
func (c *call) postAnnouncement() {
	if !c.hasCaller() {
		return
	}
	var b announcementBody
	if !c.readJSON(&b) || !b.validate().answer(c) {
		return
	}
	if !c.admin && !c.ownsEventResource(b.ResourceType, b.ResourceID) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	id, now := c.newID(), c.now()
	cat := &c.d.Areas.Catalog
	cat.Announcements = append(cat.Announcements, Announcement{
		ID: id, Title: b.Title, Content: b.Content, OwnerID: c.caller.ID, DateCreated: now, DateUpdated: now,
	})
	c.d.reindex()
	c.created(id)
}

// ownsEventResource reports whether the caller owns the event (4) or event
// division (5) named; an unknown one is owned by nobody.
func (c *call) ownsEventResource(kind PublicResourceType, id *string) bool {
	switch {
	case id == nil:
		return false
	case kind == 4:
		e := c.d.Event(*id)
		return e != nil && e.OwnerID == c.caller.ID
	case kind == 5:
		d := c.d.Division(*id)
		return d != nil && d.OwnerID == c.caller.ID
	}
	return false
}

// ownAnnouncement finds announcement {id} for a change: 401, 404, then 403
// unless the caller wrote it or is an administrator.
func (c *call) ownAnnouncement() *Announcement {
	if !c.hasCaller() {
		return nil
	}
	cat := &c.d.Areas.Catalog
	a := lookup(cat.Announcements, cat.idx.announcements, c.params["id"])
	switch {
	case a == nil:
		c.notFound()
		return nil
	case !c.admin && a.OwnerID != c.caller.ID:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return a
}

// patchAnnouncement is PATCH /announcements/{id}: a JSON Patch over the
// title and content, 204.
func (c *call) patchAnnouncement() {
	a := c.ownAnnouncement()
	if a == nil {
		return
	}
	b := announcementBody{Title: a.Title, Content: a.Content, ResourceID: a.ResourceID, ResourceType: a.ResourceType}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/title":
			return patchField(op, &b.Title, false)
		case "/content":
			return patchField(op, &b.Content, false)
		}
		return codeInvalidData
	})
	if !ok || !b.validate().answer(c) {
		return
	}

	a.Title, a.Content, a.DateUpdated = b.Title, b.Content, c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteAnnouncement is DELETE /announcements/{id}: 204.
func (c *call) deleteAnnouncement() {
	a := c.ownAnnouncement()
	if a == nil {
		return
	}
	cat := &c.d.Areas.Catalog
	cat.Announcements = slices.DeleteFunc(cat.Announcements, func(v Announcement) bool { return v.ID == a.ID })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// applicationBody is ApplicationCreationDto and ApplicationUpdateDto
// without the pictures. Secret is never shown, so the sandbox keeps none.
type applicationBody struct {
	Name        string          `json:"name"`
	Illustrator string          `json:"illustrator"`
	Description *string         `json:"description"`
	Homepage    string          `json:"homepage"`
	APIEndpoint *string         `json:"apiEndpoint"`
	Type        ApplicationType `json:"type"`
	Secret      string          `json:"secret"`
	OwnerID     int             `json:"ownerId"`
}

// validate applies the DTO's rules; maxType is 7 on creation, 6 on update
// (so the upstream has it).
func (b *applicationBody) validate(maxType ApplicationType) dtoChecks {
	var e dtoChecks
	e.text("Name", b.Name, true, 40)
	e.text("Illustrator", b.Illustrator, true, 200)
	e.optional("Description", b.Description, 2000)
	e.url("Homepage", &b.Homepage, true, 2000)
	e.url("ApiEndpoint", b.APIEndpoint, false, 2000)
	e.between("Type", float64(b.Type), 0, float64(maxType))
	e.text("Secret", b.Secret, true, 2000)
	return e
}

// formString returns the form's value of field, or nil when it is absent.
func (c *call) formString(field string) *string {
	if v, ok := c.r.MultipartForm.Value[field]; ok && len(v) > 0 {
		return &v[0]
	}
	return nil
}

// postApplication is POST /applications: ApplicationCreationDto as a
// multipart form with the pictures Avatar and Illustration, for
// administrators only.
func (c *call) postApplication() {
	if !c.hasCaller() || !c.readForm() {
		return
	}
	text := func(field string) string { return deref(c.formString(field)) }
	b := applicationBody{
		Name: text("Name"), Illustrator: text("Illustrator"), Description: c.formString("Description"),
		Homepage: text("Homepage"), APIEndpoint: c.formString("ApiEndpoint"), Secret: text("Secret"),
	}
	var e dtoChecks
	if v, err := strconv.Atoi(text("Type")); err != nil {
		e.add("Type", codeInvalidData)
	} else {
		b.Type = ApplicationType(v)
	}
	if v, err := strconv.Atoi(text("OwnerId")); err != nil {
		e.add("OwnerId", codeFieldEmpty)
	} else {
		b.OwnerID = v
	}
	e = append(e, b.validate(7)...)
	for _, field := range []string{"Avatar", "Illustration"} {
		if _, ok := c.r.MultipartForm.File[field]; !ok {
			e.add(field, codeFieldEmpty)
		}
	}
	if !e.answer(c) || !c.roleAtLeast(RoleAdministrator) {
		return
	}

	id := c.newID()
	avatar, _, ok := c.formFile("Avatar", id, "applications/avatars", ".webp")
	if !ok {
		return
	}
	illustration, _, ok := c.formFile("Illustration", id, "applications", ".webp")
	if !ok {
		return
	}
	now := c.now()
	cat := &c.d.Areas.Catalog
	cat.Applications = append(cat.Applications, Application{
		ID: id, Avatar: avatar, Name: b.Name, Illustration: illustration, Illustrator: b.Illustrator,
		Description: b.Description, Homepage: b.Homepage, APIEndpoint: b.APIEndpoint, Type: b.Type,
		OwnerID: b.OwnerID, DateCreated: now, DateUpdated: now,
	})
	c.d.reindex()
	c.created(id)
}

// adminApplication finds application {id} for a change: 401, 404, then 403
// for anyone but administrators.
func (c *call) adminApplication() *Application {
	if !c.hasCaller() {
		return nil
	}
	cat := &c.d.Areas.Catalog
	a := lookup(cat.Applications, cat.idx.applications, c.params["id"])
	if a == nil {
		c.notFound()
		return nil
	}
	if !c.roleAtLeast(RoleAdministrator) {
		return nil
	}
	return a
}

// patchApplication is PATCH /applications/{id}: a JSON Patch over
// ApplicationUpdateDto, 204.
func (c *call) patchApplication() {
	a := c.adminApplication()
	if a == nil {
		return
	}
	b := applicationBody{a.Name, a.Illustrator, a.Description, a.Homepage, a.APIEndpoint, a.Type, "", a.OwnerID}
	secretGiven := false
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/name":
			return patchField(op, &b.Name, false)
		case "/illustrator":
			return patchField(op, &b.Illustrator, false)
		case "/description":
			return patchField(op, &b.Description, true)
		case "/homepage":
			return patchField(op, &b.Homepage, false)
		case "/apiendpoint":
			return patchField(op, &b.APIEndpoint, true)
		case "/type":
			return patchField(op, &b.Type, false)
		case "/secret":
			secretGiven = true
			return patchField(op, &b.Secret, false)
		case "/ownerid":
			return patchField(op, &b.OwnerID, false)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if !secretGiven {
		b.Secret = "kept" // the application's own secret, which the sandbox does not keep
	}
	if !b.validate(6).answer(c) {
		return
	}

	a.Name, a.Illustrator, a.Description, a.Homepage = b.Name, b.Illustrator, b.Description, b.Homepage
	a.APIEndpoint, a.Type, a.OwnerID, a.DateUpdated = b.APIEndpoint, b.Type, b.OwnerID, c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchApplicationPicture is PATCH /applications/{id}/avatar and
// /illustration: a multipart form whose File, when present, replaces the
// picture picture points to; 204 either way.
func (c *call) patchApplicationPicture(folder string, picture func(*Application) *string) {
	a := c.adminApplication()
	if a == nil || !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", a.ID, folder, ".webp")
	if !ok {
		return
	}
	if present {
		*picture(a) = url
		a.DateUpdated = c.now()
	}
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteApplication is DELETE /applications/{id}: 204.
func (c *call) deleteApplication() {
	a := c.adminApplication()
	if a == nil {
		return
	}
	cat := &c.d.Areas.Catalog
	cat.Applications = slices.DeleteFunc(cat.Applications, func(v Application) bool { return v.ID == a.ID })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
