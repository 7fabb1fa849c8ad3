package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Writes of event divisions and event tasks, with the rules of
// EventDivisionController and EventTaskController: administrators, and
// hosts of the division's event who administer it or hold the right for
// the operation; any host of the event for tasks.

// Host permissions of divisions (operation << 26, scope 0).
const (
	permCreateDivision uint32 = 1 << 26
	permRemoveDivision uint32 = 3 << 26
)

// divisionDto is EventDivisionUpdateDto: what a division's creation (from
// a form) and its updates (a JSON Patch) set.
type divisionDto struct {
	Title                      string              `json:"title"`
	Subtitle                   *string             `json:"subtitle"`
	Type                       EventDivisionType   `json:"type"`
	Status                     EventDivisionStatus `json:"status"`
	Illustrator                *string             `json:"illustrator"`
	Description                *string             `json:"description"`
	TagID                      *string             `json:"tagId"`
	MinTeamCount               *int                `json:"minTeamCount"`
	MaxTeamCount               *int                `json:"maxTeamCount"`
	MinParticipantPerTeamCount *int                `json:"minParticipantPerTeamCount"`
	MaxParticipantPerTeamCount *int                `json:"maxParticipantPerTeamCount"`
	MinSubmissionCount         *int                `json:"minSubmissionCount"`
	MaxSubmissionCount         *int                `json:"maxSubmissionCount"`
	Anonymization              bool                `json:"anonymization"`
	SuggestedEntrySearch       *string             `json:"suggestedEntrySearch"`
	Reserved                   []*string           `json:"reserved"`
	Accessibility              Accessibility       `json:"accessibility"`
	IsHidden                   bool                `json:"isHidden"`
	IsLocked                   bool                `json:"isLocked"`
	EventID                    string              `json:"eventId"`
	OwnerID                    int                 `json:"ownerId"`
	DateUnveiled               time.Time           `json:"dateUnveiled"`
	DateStarted                time.Time           `json:"dateStarted"`
	DateEnded                  time.Time           `json:"dateEnded"`
}

// validate applies EventDivisionUpdateDto's rules.
func (b *divisionDto) validate() []fieldError {
	var errs []fieldError
	errs = eventRequired(errs, "Title", b.Title, 40)
	errs = tooLong(errs, "Subtitle", b.Subtitle, 80)
	errs = eventInRange(errs, "Type", int(b.Type), 2)
	errs = eventInRange(errs, "Status", int(b.Status), 3)
	errs = tooLong(errs, "Illustrator", b.Illustrator, 200)
	errs = tooLong(errs, "Description", b.Description, 2000)
	errs = tooLong(errs, "SuggestedEntrySearch", b.SuggestedEntrySearch, 4000)
	errs = eventInRange(errs, "Accessibility", int(b.Accessibility), 2)
	return errs
}

// divisionReferences checks what the DTO names: its event (404 ParentNotFound),
// owner (404 UserNotFound) and tag (400 on TagId). The upstream's
// database refuses unknown ones with a 500; the sandbox says which.
func (c *call) divisionReferences(b *divisionDto) bool {
	b.EventID = strings.ToLower(b.EventID)
	switch {
	case c.d.Event(b.EventID) == nil:
		c.fail(http.StatusNotFound, codeParentNotFound)
	case c.d.User(b.OwnerID) == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
	case b.TagID != nil && lookup(c.d.Tags, c.d.idx.tags, strings.ToLower(*b.TagID)) == nil:
		c.invalid([]fieldError{{Field: "TagId", Errors: []string{codeInvalidData}}})
	default:
		if b.TagID != nil {
			b.TagID = ptr(strings.ToLower(*b.TagID))
		}
		return true
	}
	return false
}

// eventFormGUID reads a GUID form value as the upstream binds it.
func eventFormGUID(s string) (string, error) {
	if g, ok := parseGUID(s); ok {
		return g, nil
	}
	return "", strconv.ErrSyntax
}

// postEventDivision is POST /events/divisions: a multipart
// EventDivisionCreationDto with an optional Illustration, 201.
func (c *call) postEventDivision() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	if !c.readForm() {
		return
	}
	f := &eventForm{c: c}
	b := divisionDto{
		Title: deref(f.text("Title")), Subtitle: f.text("Subtitle"),
		Type:        EventDivisionType(eventMandatory(f, "Type", strconv.Atoi)),
		Status:      EventDivisionStatus(eventMandatory(f, "Status", strconv.Atoi)),
		Illustrator: f.text("Illustrator"), Description: f.text("Description"), TagID: f.text("TagId"),
		MinTeamCount: f.number("MinTeamCount"), MaxTeamCount: f.number("MaxTeamCount"),
		MinParticipantPerTeamCount: f.number("MinParticipantPerTeamCount"),
		MaxParticipantPerTeamCount: f.number("MaxParticipantPerTeamCount"),
		MinSubmissionCount:         f.number("MinSubmissionCount"),
		MaxSubmissionCount:         f.number("MaxSubmissionCount"),
		Anonymization:              eventMandatory(f, "Anonymization", strconv.ParseBool),
		SuggestedEntrySearch:       f.text("SuggestedEntrySearch"),
		Accessibility:              Accessibility(eventMandatory(f, "Accessibility", strconv.Atoi)),
		IsHidden:                   eventMandatory(f, "IsHidden", strconv.ParseBool),
		IsLocked:                   eventMandatory(f, "IsLocked", strconv.ParseBool),
		EventID:                    eventMandatory(f, "EventId", eventFormGUID),
		OwnerID:                    eventMandatory(f, "OwnerId", strconv.Atoi),
		DateUnveiled:               eventMandatory(f, "DateUnveiled", parseDate),
		DateStarted:                eventMandatory(f, "DateStarted", parseDate),
		DateEnded:                  eventMandatory(f, "DateEnded", parseDate),
	}
	for _, r := range c.r.MultipartForm.Value["Reserved"] {
		if r == "" {
			b.Reserved = append(b.Reserved, nil)
			continue
		}
		b.Reserved = append(b.Reserved, ptr(r))
	}
	if errs := append(f.errs, b.validate()...); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if !c.divisionReferences(&b) {
		return
	}
	if !c.admin && !c.d.hosts(c.caller, b.EventID, permCreateDivision) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	id := c.newID()
	url, present, ok := c.formFile("Illustration", id, "events/divisions", ".webp")
	if !ok {
		return
	}
	v := EventDivision{ID: id, DateCreated: c.now()}
	b.apply(&v, v.DateCreated)
	if present {
		v.Illustration = &url
	}
	c.d.Divisions = append(c.d.Divisions, v)
	c.d.Areas.Events.DivisionReserved[id] = b.Reserved
	c.d.reindex()
	c.created(id)
}

// apply sets the DTO's values on a division.
func (b *divisionDto) apply(v *EventDivision, now time.Time) {
	v.Title, v.Subtitle, v.Type, v.Status = b.Title, b.Subtitle, b.Type, b.Status
	v.Illustrator, v.Description, v.TagID = b.Illustrator, b.Description, b.TagID
	v.MinTeamCount, v.MaxTeamCount = b.MinTeamCount, b.MaxTeamCount
	v.MinParticipantPerTeamCount, v.MaxParticipantPerTeamCount = b.MinParticipantPerTeamCount, b.MaxParticipantPerTeamCount
	v.MinSubmissionCount, v.MaxSubmissionCount = b.MinSubmissionCount, b.MaxSubmissionCount
	v.Anonymization, v.SuggestedEntrySearch = b.Anonymization, b.SuggestedEntrySearch
	v.Accessibility, v.IsHidden, v.IsLocked = b.Accessibility, b.IsHidden, b.IsLocked
	v.EventID, v.OwnerID = b.EventID, b.OwnerID
	v.DateUnveiled, v.DateStarted, v.DateEnded, v.DateUpdated = b.DateUnveiled, b.DateStarted, b.DateEnded, now
}

// hostedDivision finds the division of the route for an operation: 401,
// 404, then 403 unless the caller is an administrator or hosts the
// division's event with the right. It answers the failure itself when it
// returns nil.
func (c *call) hostedDivision(permission uint32) *EventDivision {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	v := c.d.Division(c.params["id"])
	switch {
	case v == nil:
		c.notFound()
		return nil
	case !c.admin && !c.d.hosts(c.caller, v.EventID, permission):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return v
}

// patchEventDivision is PATCH /events/divisions/{id}: a JSON Patch over
// EventDivisionUpdateDto, 204.
func (c *call) patchEventDivision() {
	v := c.hostedDivision(permUpdateDivision)
	if v == nil {
		return
	}
	b := divisionDto{
		v.Title, v.Subtitle, v.Type, v.Status, v.Illustrator, v.Description, v.TagID,
		v.MinTeamCount, v.MaxTeamCount, v.MinParticipantPerTeamCount, v.MaxParticipantPerTeamCount,
		v.MinSubmissionCount, v.MaxSubmissionCount, v.Anonymization, v.SuggestedEntrySearch,
		c.d.Areas.Events.DivisionReserved[v.ID], v.Accessibility, v.IsHidden, v.IsLocked, v.EventID, v.OwnerID,
		v.DateUnveiled, v.DateStarted, v.DateEnded,
	}
	fields := map[string]struct {
		dst      any
		nullable bool
	}{
		"/title": {&b.Title, false}, "/subtitle": {&b.Subtitle, true}, "/type": {&b.Type, false},
		"/status": {&b.Status, false}, "/illustrator": {&b.Illustrator, true},
		"/description": {&b.Description, true}, "/tagid": {&b.TagID, true},
		"/minteamcount": {&b.MinTeamCount, true}, "/maxteamcount": {&b.MaxTeamCount, true},
		"/minparticipantperteamcount": {&b.MinParticipantPerTeamCount, true},
		"/maxparticipantperteamcount": {&b.MaxParticipantPerTeamCount, true},
		"/minsubmissioncount":         {&b.MinSubmissionCount, true},
		"/maxsubmissioncount":         {&b.MaxSubmissionCount, true},
		"/anonymization":              {&b.Anonymization, false},
		"/suggestedentrysearch":       {&b.SuggestedEntrySearch, true}, "/reserved": {&b.Reserved, false},
		"/accessibility": {&b.Accessibility, false}, "/ishidden": {&b.IsHidden, false},
		"/islocked": {&b.IsLocked, false}, "/eventid": {&b.EventID, false}, "/ownerid": {&b.OwnerID, false},
		"/dateunveiled": {&b.DateUnveiled, false}, "/datestarted": {&b.DateStarted, false},
		"/dateended": {&b.DateEnded, false},
	}
	ok := c.applyPatch(func(op patchOp) string {
		field, known := fields[strings.ToLower(op.Path)]
		if !known {
			return codeInvalidData
		}
		return patchField(op, field.dst, field.nullable)
	})
	if !ok {
		return
	}
	if errs := b.validate(); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if !c.divisionReferences(&b) {
		return
	}

	b.apply(v, c.now())
	c.d.Areas.Events.DivisionReserved[v.ID] = b.Reserved
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchEventDivisionIllustration is PATCH
// /events/divisions/{id}/illustration: a multipart form with the picture
// as File, 204; without a file nothing changes.
func (c *call) patchEventDivisionIllustration() {
	v := c.hostedDivision(permUpdateDivision)
	if v == nil || !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", v.ID, "events/divisions", ".webp")
	if !ok {
		return
	}
	if present {
		v.Illustration, v.DateUpdated = &url, c.now()
	}
	c.empty(http.StatusNoContent)
}

// deleteEventDivisionIllustration is DELETE
// /events/divisions/{id}/illustration: 204.
func (c *call) deleteEventDivisionIllustration() {
	v := c.hostedDivision(permUpdateDivision)
	if v == nil {
		return
	}
	v.Illustration, v.DateUpdated = nil, c.now()
	c.empty(http.StatusNoContent)
}

// deleteEventDivision is DELETE /events/divisions/{id}: 204.
func (c *call) deleteEventDivision() {
	v := c.hostedDivision(permRemoveDivision)
	if v == nil {
		return
	}
	c.removeEventDivisions([]string{v.ID})
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// removeEventDivisions removes divisions with their teams (and the teams'
// participations, reserved fields and invitations), tasks, resources and
// reserved fields, as the upstream's database cascades. The caller
// reindexes.
func (c *call) removeEventDivisions(ids []string) {
	a := &c.d.Areas.Events
	var teams []string
	for _, t := range c.d.Teams {
		if slices.Contains(ids, t.DivisionID) {
			teams = append(teams, t.ID)
		}
	}
	c.d.Divisions = slices.DeleteFunc(c.d.Divisions, func(v EventDivision) bool { return slices.Contains(ids, v.ID) })
	c.d.Teams = slices.DeleteFunc(c.d.Teams, func(t EventTeam) bool { return slices.Contains(teams, t.ID) })
	c.d.Participations = slices.DeleteFunc(c.d.Participations, func(p Participation) bool {
		return slices.Contains(teams, p.TeamID)
	})
	a.Tasks = slices.DeleteFunc(a.Tasks, func(t EventTask) bool { return slices.Contains(ids, t.DivisionID) })
	a.Resources = slices.DeleteFunc(a.Resources, func(r EventResource) bool { return slices.Contains(ids, r.DivisionID) })
	a.TeamInvites = slices.DeleteFunc(a.TeamInvites, func(inv TeamInvite) bool {
		return slices.Contains(teams, inv.TeamID)
	})
	for _, id := range ids {
		delete(a.DivisionReserved, id)
	}
	for _, id := range teams {
		delete(a.TeamReserved, id)
	}
}

// eventTaskDto is EventTaskRequestDto, the body of a new task and what
// its updates (a JSON Patch) set.
type eventTaskDto struct {
	Name         string        `json:"name"`
	Type         EventTaskType `json:"type"`
	Code         *string       `json:"code"`
	IsHidden     bool          `json:"isHidden"`
	Description  string        `json:"description"`
	DivisionID   string        `json:"divisionId"`
	DateExecuted *time.Time    `json:"dateExecuted"`
}

// validate applies EventTaskRequestDto's rules; Description is required
// as a non-nullable string.
func (b *eventTaskDto) validate() []fieldError {
	var errs []fieldError
	errs = eventRequired(errs, "Name", b.Name, 40)
	errs = eventInRange(errs, "Type", int(b.Type), len(eventTaskTypeNames)-1)
	errs = tooLong(errs, "Code", b.Code, 50000)
	errs = eventRequired(errs, "Description", b.Description, 2000)
	return errs
}

// taskHost reports whether the caller may write the tasks of a division:
// administrators, and any host of its event.
func (c *call) taskHost(v *EventDivision) bool { return c.admin || c.hostsAny(v.EventID) }

// postEventTask is POST /events/tasks: 201; 404 ParentNotFound for an
// unknown division.
func (c *call) postEventTask() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var b eventTaskDto
	if !c.readJSON(&b) {
		return
	}
	if errs := b.validate(); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	v := c.d.Division(strings.ToLower(b.DivisionID))
	switch {
	case v == nil:
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	case !c.taskHost(v):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	now := c.now()
	t := EventTask{ID: c.newID(), DateCreated: now}
	b.DivisionID = v.ID
	b.apply(&t, now)
	c.d.Areas.Events.Tasks = append(c.d.Areas.Events.Tasks, t)
	c.d.reindex()
	c.created(t.ID)
}

// apply sets the DTO's values on a task.
func (b *eventTaskDto) apply(t *EventTask, now time.Time) {
	t.Name, t.Type, t.Code, t.IsHidden = b.Name, b.Type, b.Code, b.IsHidden
	t.Description, t.DivisionID, t.DateExecuted, t.DateUpdated = b.Description, b.DivisionID, b.DateExecuted, now
}

// hostedTask finds the task of the route: 401, 404, then 403 unless the
// caller may write its division's tasks. It answers the failure itself
// when it returns nil.
func (c *call) hostedTask() *EventTask {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	t := c.d.EventTask(c.params["id"])
	if t == nil {
		c.notFound()
		return nil
	}
	if v := c.d.Division(t.DivisionID); v == nil || !c.taskHost(v) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return t
}

// patchEventTask is PATCH /events/tasks/{id}: a JSON Patch over
// EventTaskRequestDto, 204; 404 ParentNotFound when it names an unknown
// division (the upstream does not check the caller hosts that one).
func (c *call) patchEventTask() {
	t := c.hostedTask()
	if t == nil {
		return
	}
	b := eventTaskDto{t.Name, t.Type, t.Code, t.IsHidden, t.Description, t.DivisionID, t.DateExecuted}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/name":
			return patchField(op, &b.Name, false)
		case "/type":
			return patchField(op, &b.Type, false)
		case "/code":
			return patchField(op, &b.Code, true)
		case "/ishidden":
			return patchField(op, &b.IsHidden, false)
		case "/description":
			return patchField(op, &b.Description, false)
		case "/divisionid":
			return patchField(op, &b.DivisionID, false)
		case "/dateexecuted":
			return patchField(op, &b.DateExecuted, true)
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
	v := c.d.Division(strings.ToLower(b.DivisionID))
	if v == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}

	b.DivisionID = v.ID
	b.apply(t, c.now())
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteEventTask is DELETE /events/tasks/{id}: 204.
func (c *call) deleteEventTask() {
	t := c.hostedTask()
	if t == nil {
		return
	}
	id := t.ID
	c.d.Areas.Events.Tasks = slices.DeleteFunc(c.d.Areas.Events.Tasks, func(t EventTask) bool { return t.ID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
