package sandbox

import (
	"crypto/sha256"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Writes of events and invitations to host them, with EventController's
// rules: administrators create events; the event's owner or an
// administrator changes and removes one. Divisions and tasks are in
// writes_events_divisions.go.
//
// Bodies are validated before the rights are checked, as the upstream's
// ModelValidationFilter does for POST bodies and forms; JSON Patches are
// applied and validated after them, as its actions do.

func init() {
	areaRoutes["writes-events"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/events", (*call).postEvent),
			newRoute(http.MethodPatch, "/events/{id:guid}", (*call).patchEvent),
			newRoute(http.MethodPatch, "/events/{id:guid}/illustration", (*call).patchEventIllustration),
			newRoute(http.MethodDelete, "/events/{id:guid}", (*call).deleteEvent),
			newRoute(http.MethodPost, "/events/{id:guid}/invite", (*call).postEventHostInvite),
			newRoute(http.MethodPost, "/events/divisions", (*call).postEventDivision),
			newRoute(http.MethodPatch, "/events/divisions/{id:guid}", (*call).patchEventDivision),
			newRoute(http.MethodPatch, "/events/divisions/{id:guid}/illustration", (*call).patchEventDivisionIllustration),
			newRoute(http.MethodDelete, "/events/divisions/{id:guid}/illustration", (*call).deleteEventDivisionIllustration),
			newRoute(http.MethodDelete, "/events/divisions/{id:guid}", (*call).deleteEventDivision),
			newRoute(http.MethodPost, "/events/tasks", (*call).postEventTask),
			newRoute(http.MethodPatch, "/events/tasks/{id:guid}", (*call).patchEventTask),
			newRoute(http.MethodDelete, "/events/tasks/{id:guid}", (*call).deleteEventTask),
		}
	}
}

// eventDto is EventUpdateDto: what an event's creation (from a form) and
// its updates (a JSON Patch) set.
type eventDto struct {
	Title         string        `json:"title"`
	Subtitle      *string       `json:"subtitle"`
	Illustrator   string        `json:"illustrator"`
	Description   *string       `json:"description"`
	Accessibility Accessibility `json:"accessibility"`
	IsHidden      bool          `json:"isHidden"`
	IsLocked      bool          `json:"isLocked"`
	OwnerID       int           `json:"ownerId"`
	DateUnveiled  time.Time     `json:"dateUnveiled"`
}

// validate applies EventUpdateDto's rules.
func (b *eventDto) validate() []fieldError {
	var errs []fieldError
	errs = eventRequired(errs, "Title", b.Title, 40)
	errs = tooLong(errs, "Subtitle", b.Subtitle, 80)
	errs = eventRequired(errs, "Illustrator", b.Illustrator, 200)
	errs = tooLong(errs, "Description", b.Description, 2000)
	errs = eventInRange(errs, "Accessibility", int(b.Accessibility), 2)
	return errs
}

// eventRequired adds FieldEmpty for an empty s, ValueTooLong for one over
// limit runes.
func eventRequired(errs []fieldError, field, s string, limit int) []fieldError {
	if strings.TrimSpace(s) == "" {
		return append(errs, fieldError{Field: field, Errors: []string{codeFieldEmpty}})
	}
	return tooLong(errs, field, &s, limit)
}

// eventInRange adds ValueOutOfRange for v outside 0..highest.
func eventInRange(errs []fieldError, field string, v, highest int) []fieldError {
	if v < 0 || v > highest {
		errs = append(errs, fieldError{Field: field, Errors: []string{codeValueOutOfRange}})
	}
	return errs
}

// eventForm reads the text fields of a [FromForm] DTO after readForm,
// gathering the field errors of the upstream's binding and validation.
type eventForm struct {
	c    *call
	errs []fieldError
}

func (f *eventForm) fail(field, code string) {
	f.errs = append(f.errs, fieldError{Field: field, Errors: []string{code}})
}

// value returns the field's first value and whether the form has it.
func (f *eventForm) value(name string) (string, bool) {
	v, ok := f.c.r.MultipartForm.Value[name]
	if !ok || len(v) == 0 {
		return "", false
	}
	return v[0], true
}

// text reads an optional text field; an empty value binds as null.
func (f *eventForm) text(name string) *string {
	if v, ok := f.value(name); ok && v != "" {
		return &v
	}
	return nil
}

// number reads an optional integer field.
func (f *eventForm) number(name string) *int {
	v, ok := f.value(name)
	if !ok || v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.fail(name, codeInvalidData)
		return nil
	}
	return &n
}

// eventMandatory reads a required field through parse: FieldEmpty when it is
// missing, InvalidData when parse refuses it.
func eventMandatory[T any](f *eventForm, name string, parse func(string) (T, error)) T {
	var zero T
	v, ok := f.value(name)
	if !ok || v == "" {
		f.fail(name, codeFieldEmpty)
		return zero
	}
	out, err := parse(v)
	if err != nil {
		f.fail(name, codeInvalidData)
		return zero
	}
	return out
}

// postEvent is POST /events: a multipart EventCreationDto, administrators
// only; the owner becomes the event's first host, an unveiled admin.
func (c *call) postEvent() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	if !c.readForm() {
		return
	}
	f := &eventForm{c: c}
	b := eventDto{
		Title: deref(f.text("Title")), Subtitle: f.text("Subtitle"), Illustrator: deref(f.text("Illustrator")),
		Description:   f.text("Description"),
		Accessibility: Accessibility(eventMandatory(f, "Accessibility", strconv.Atoi)),
		IsHidden:      eventMandatory(f, "IsHidden", strconv.ParseBool),
		IsLocked:      eventMandatory(f, "IsLocked", strconv.ParseBool),
		OwnerID:       eventMandatory(f, "OwnerId", strconv.Atoi),
		DateUnveiled:  eventMandatory(f, "DateUnveiled", parseDate),
	}
	if _, _, err := c.r.FormFile("Illustration"); err != nil {
		f.fail("Illustration", codeFieldEmpty)
	}
	if errs := append(f.errs, b.validate()...); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	switch {
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	case c.d.User(b.OwnerID) == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	}

	id := c.newID()
	illustration, _, ok := c.formFile("Illustration", id, "events", ".webp")
	if !ok {
		return
	}
	now := c.now()
	c.d.Events = append(c.d.Events, Event{
		ID: id, Title: b.Title, Subtitle: b.Subtitle, Illustration: illustration, Illustrator: b.Illustrator,
		Description: b.Description, Accessibility: b.Accessibility, IsHidden: b.IsHidden, IsLocked: b.IsLocked,
		OwnerID: b.OwnerID, DateCreated: now, DateUpdated: now, DateUnveiled: b.DateUnveiled,
	})
	c.d.Hostships = append(c.d.Hostships, Hostship{
		EventID: id, UserID: b.OwnerID, IsAdmin: true, IsUnveiled: true, Permissions: []uint32{},
	})
	c.d.reindex()
	c.created(id)
}

// ownedEvent finds the event of the route for its owner or an
// administrator: 401, 404, then 403. It answers the failure itself when
// it returns nil.
func (c *call) ownedEvent() *Event {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	e := c.d.Event(c.params["id"])
	switch {
	case e == nil:
		c.notFound()
		return nil
	case !c.admin && e.OwnerID != c.caller.ID:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return e
}

// patchEvent is PATCH /events/{id}: a JSON Patch over EventUpdateDto, 204.
func (c *call) patchEvent() {
	e := c.ownedEvent()
	if e == nil {
		return
	}
	b := eventDto{e.Title, e.Subtitle, e.Illustrator, e.Description, e.Accessibility, e.IsHidden, e.IsLocked,
		e.OwnerID, e.DateUnveiled}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/title":
			return patchField(op, &b.Title, false)
		case "/subtitle":
			return patchField(op, &b.Subtitle, true)
		case "/illustrator":
			return patchField(op, &b.Illustrator, false)
		case "/description":
			return patchField(op, &b.Description, true)
		case "/accessibility":
			return patchField(op, &b.Accessibility, false)
		case "/ishidden":
			return patchField(op, &b.IsHidden, false)
		case "/islocked":
			return patchField(op, &b.IsLocked, false)
		case "/ownerid":
			return patchField(op, &b.OwnerID, false)
		case "/dateunveiled":
			return patchField(op, &b.DateUnveiled, false)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if errs := b.validate(); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if c.d.User(b.OwnerID) == nil {
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	}

	e.Title, e.Subtitle, e.Illustrator, e.Description = b.Title, b.Subtitle, b.Illustrator, b.Description
	e.Accessibility, e.IsHidden, e.IsLocked = b.Accessibility, b.IsHidden, b.IsLocked
	e.OwnerID, e.DateUnveiled, e.DateUpdated = b.OwnerID, b.DateUnveiled, c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchEventIllustration is PATCH /events/{id}/illustration: a multipart
// form with the picture as File, 204; without a file nothing changes.
func (c *call) patchEventIllustration() {
	e := c.ownedEvent()
	if e == nil || !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", e.ID, "events", ".webp")
	if !ok {
		return
	}
	if present {
		e.Illustration, e.DateUpdated = url, c.now()
	}
	c.empty(http.StatusNoContent)
}

// deleteEvent is DELETE /events/{id}: 204; the event's divisions (with
// what they hold), hostships and invitations go with it, as the
// upstream's database cascades.
func (c *call) deleteEvent() {
	e := c.ownedEvent()
	if e == nil {
		return
	}
	id := e.ID
	var divisions []string
	for _, v := range c.d.Divisions {
		if v.EventID == id {
			divisions = append(divisions, v.ID)
		}
	}
	c.removeEventDivisions(divisions)
	c.d.Events = slices.DeleteFunc(c.d.Events, func(v Event) bool { return v.ID == id })
	c.d.Hostships = slices.DeleteFunc(c.d.Hostships, func(h Hostship) bool { return h.EventID == id })
	a := &c.d.Areas.Events
	a.HostInvites = slices.DeleteFunc(a.HostInvites, func(inv HostInvite) bool { return inv.EventID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// eventHostInviteBody is EventHostInviteRequestDto.
type eventHostInviteBody struct {
	IsAdmin     bool     `json:"isAdmin"`
	IsUnveiled  bool     `json:"isUnveiled"`
	Permissions []uint32 `json:"permissions"`
	Position    *string  `json:"position"`
}

// postEventHostInvite is POST /events/{id}/invite: 201 with CodeDto. The
// event's owner, administrators, and hosts who administer it or hold the
// right to create hostships; isAdmin counts from the owner (or an
// administrator) only, permissions from event admins only. The invitation
// lasts six hours.
func (c *call) postEventHostInvite() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var b eventHostInviteBody
	if !c.readJSON(&b) {
		return
	}
	e := c.d.Event(c.params["id"])
	if e == nil {
		c.notFound()
		return
	}
	allowed, owner, admin := c.hostRights(e, permCreateHostship)
	if !allowed && e.OwnerID != c.caller.ID {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	inv := HostInvite{
		Code: c.eventHostInviteCode(), EventID: e.ID, InviterID: c.caller.ID, DateExpired: c.now().Add(6 * time.Hour),
		IsAdmin: owner && b.IsAdmin, IsUnveiled: b.IsUnveiled, Position: b.Position, Permissions: []uint32{},
	}
	if admin {
		inv.Permissions = distinct(b.Permissions)
	}
	c.d.Areas.Events.HostInvites = append(c.d.Areas.Events.HostInvites, inv)
	c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: map[string]string{"code": inv.Code}})
}

// eventHostInviteCode draws a fresh six-character code from the
// upstream's alphabet of invitation codes, unused by any invitation.
func (c *call) eventHostInviteCode() string {
	for {
		sum := sha256.Sum256([]byte(c.newID()))
		code := make([]byte, 6)
		for i := range code {
			code[i] = inviteAlphabet[int(sum[i])%len(inviteAlphabet)]
		}
		taken := slices.ContainsFunc(c.d.Areas.Events.HostInvites, func(inv HostInvite) bool {
			return inv.Code == string(code)
		})
		if !taken {
			return string(code)
		}
	}
}
