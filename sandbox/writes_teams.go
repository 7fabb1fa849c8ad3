package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Writes of event teams, their members and invitations, with
// EventTeamController's rules: a team's owner, administrators, and hosts
// of the event who administer it or hold the right for the operation.
// Reserved fields and event resources are in writes_teams_resources.go.

// Host permissions of teams, resources and reserved fields (operation <<
// 26 | scope << 28; a reserved field's permission may add its index).
const (
	permCreateTeam          uint32 = 1<<26 | 1<<28
	permUpdateTeam          uint32 = 2<<26 | 1<<28
	permRemoveTeam          uint32 = 3<<26 | 1<<28
	permUpdateResource      uint32 = 2<<26 | 2<<28
	permRemoveResource      uint32 = 3<<26 | 2<<28
	permUpdateReservedField uint32 = 2<<26 | 4<<28
)

const codeDivisionUnavailable = "DivisionUnavailable"

// teamInviteLifetime is how long an invitation into a team stays valid.
const teamInviteLifetime = 12 * time.Hour

func init() {
	areaRoutes["writes-teams"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/events/teams", (*call).postTeam),
			newRoute(http.MethodPatch, "/events/teams/{id:guid}", (*call).patchTeam),
			newRoute(http.MethodDelete, "/events/teams/{id:guid}", (*call).deleteTeam),
			newRoute(http.MethodPatch, "/events/teams/{id:guid}/icon", (*call).patchTeamIcon),
			newRoute(http.MethodDelete, "/events/teams/{id:guid}/icon", (*call).deleteTeamIcon),
			newRoute(http.MethodPost, "/events/teams/{id:guid}/invite", (*call).postTeamInvite),
			newRoute(http.MethodPost, "/events/teams/invites/{code}/accept", (*call).postTeamInviteAccept),
			newRoute(http.MethodPatch, "/events/teams/{teamId:guid}/participants/{participantId:int}",
				(*call).patchParticipation),
			newRoute(http.MethodDelete, "/events/teams/{teamId:guid}/participants/{participantId:int}",
				(*call).deleteParticipation),
			newRoute(http.MethodPost, "/events/teams/{teamId:guid}/reservedFields/{index:int}",
				(*call).postTeamReservedField),
			newRoute(http.MethodPatch, "/events/resources/{divisionId:guid}/{resourceId:guid}",
				(*call).patchResource),
			newRoute(http.MethodDelete, "/events/resources/{divisionId:guid}/{resourceId:guid}",
				(*call).deleteResource),
			newRoute(http.MethodPost,
				"/events/resources/{divisionId:guid}/{resourceId:guid}/reservedFields/{index:int}",
				(*call).postResourceReservedField),
		}
	}
}

// failWithMessage answers an ErrorWithMessage envelope.
func (c *call) failWithMessage(status int, code, message string) {
	c.writeJSON(status, envelope{Status: StatusErrorWithMessage, Code: code, Message: &message})
}

// teamFields are the fields of EventTeamCreationDto and EventTeamUpdateDto.
type teamFields struct {
	Name                    string  `json:"name"`
	Description             *string `json:"description"`
	ClaimedParticipantCount int     `json:"claimedParticipantCount"`
	ClaimedSubmissionCount  int     `json:"claimedSubmissionCount"`
}

// validate applies the DTOs' attributes.
func (b teamFields) validate() []fieldError {
	var errs []fieldError
	add := func(field, code string) { errs = append(errs, fieldError{Field: field, Errors: []string{code}}) }
	if strings.TrimSpace(b.Name) == "" {
		add("Name", codeFieldEmpty)
	}
	errs = tooLong(errs, "Name", &b.Name, 40)
	errs = tooLong(errs, "Description", b.Description, 2000)
	if b.ClaimedParticipantCount < 0 {
		add("ClaimedParticipantCount", codeValueOutOfRange)
	}
	if b.ClaimedSubmissionCount < 0 {
		add("ClaimedSubmissionCount", codeValueOutOfRange)
	}
	return errs
}

// outside reports whether n lies outside [lo, hi]; a missing bound, like
// a null in the upstream's comparison, bounds nothing.
func outside(n int, lo, hi *int) bool {
	return lo != nil && n < *lo || hi != nil && n > *hi
}

// claimsRefused answers the upstream's refusal of claimed counts outside
// the division's ranges with status, and reports whether it did.
func (c *call) claimsRefused(status int, v *EventDivision, b teamFields) bool {
	switch {
	case outside(b.ClaimedParticipantCount, v.MinParticipantPerTeamCount, v.MaxParticipantPerTeamCount):
		c.failWithMessage(status, codeInvalidData, "The claimed number of participants is not within the allowed range.")
	case outside(b.ClaimedSubmissionCount, v.MinSubmissionCount, v.MaxSubmissionCount):
		c.failWithMessage(status, codeInvalidData, "The claimed number of submissions is not within the allowed range.")
	default:
		return false
	}
	return true
}

// inDivisionTeam reports whether the user is a member of a team of the
// division.
func (c *call) inDivisionTeam(divisionID string, user int) bool {
	for _, i := range c.d.idx.teamsByDivision[divisionID] {
		if c.participates(c.d.Teams[i].ID, user) {
			return true
		}
	}
	return false
}

// readTeamForm binds EventTeamCreationDto from the multipart form,
// answering 400 itself.
func (c *call) readTeamForm() (teamFields, string, bool) {
	if !c.readForm() {
		return teamFields{}, "", false
	}
	var errs []fieldError
	b := teamFields{Name: c.r.FormValue("Name")}
	if _, ok := c.r.MultipartForm.Value["Description"]; ok {
		b.Description = ptr(c.r.FormValue("Description"))
	}
	for name, into := range map[string]*int{
		"ClaimedParticipantCount": &b.ClaimedParticipantCount, "ClaimedSubmissionCount": &b.ClaimedSubmissionCount,
	} {
		if raw := c.r.FormValue(name); raw != "" {
			n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 32)
			if err != nil {
				errs = append(errs, invalidValue(name, raw))
				continue
			}
			*into = int(n)
		}
	}
	division, ok := parseGUID(strings.TrimSpace(c.r.FormValue("DivisionId")))
	if !ok {
		errs = append(errs, fieldError{Field: "DivisionId", Errors: []string{codeFieldEmpty}})
	}
	errs = append(errs, b.validate()...)
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b fieldError) int { return strings.Compare(a.Field, b.Field) })
		c.invalid(errs)
		return b, "", false
	}
	return b, division, true
}

// postTeam is POST /events/teams: a multipart form (EventTeamCreationDto)
// with an optional Icon; the caller owns the team and joins it as its
// Leader; 201 with the team's ID.
func (c *call) postTeam() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	b, divisionID, ok := c.readTeamForm()
	if !ok {
		return
	}
	v := c.d.Division(divisionID)
	if v == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	host := c.admin || c.d.hosts(c.caller, v.EventID, permCreateTeam)
	teams := 0
	for _, i := range c.d.idx.teamsByDivision[v.ID] {
		if c.d.Teams[i].Status != TeamBanned {
			teams++
		}
	}
	switch {
	case !host && v.DateUnveiled.Compare(c.d.Now) >= 0:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	case c.inDivisionTeam(v.ID, c.caller.ID):
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	case v.MaxTeamCount != nil && teams >= *v.MaxTeamCount:
		c.failWithMessage(http.StatusForbidden, codeInvalidOperation, "No new teams can be registered for this division.")
		return
	case c.claimsRefused(http.StatusBadRequest, v, b):
		return
	}

	id := c.newID()
	icon := c.caller.Avatar
	url, present, ok := c.formFile("Icon", id, "teams/icons", ".webp")
	if !ok {
		return
	}
	if present {
		icon = &url
	}
	status := TeamRegistered
	if b.ClaimedParticipantCount == 1 {
		status = TeamPrepared
	}
	now := c.now()
	c.d.Teams = append(c.d.Teams, EventTeam{
		ID: id, Name: b.Name, Icon: icon, Description: b.Description, Status: status,
		ClaimedParticipantCount: b.ClaimedParticipantCount, ClaimedSubmissionCount: b.ClaimedSubmissionCount,
		DivisionID: v.ID, OwnerID: c.caller.ID, DateCreated: now,
	})
	c.d.Participations = append(c.d.Participations, Participation{
		TeamID: id, ParticipantID: c.caller.ID, Position: ptr("Leader"), DateCreated: now,
	})
	c.d.reindex()
	c.created(id)
}

// writableTeam finds the team of the route for a change: 401, 404, then
// 403 unless the caller owns it, is an administrator or hosts the event
// with the permission, then 400 DivisionUnavailable for an owner while the
// division is neither unveiled nor started (when available is set). It
// answers the failure itself when it returns nil.
func (c *call) writableTeam(permission uint32, available bool) (*EventTeam, *EventDivision) {
	if c.caller == nil {
		c.unauthorized()
		return nil, nil
	}
	t := c.d.Team(c.params["id"])
	if t == nil {
		c.notFound()
		return nil, nil
	}
	v := c.d.Division(t.DivisionID)
	host := c.admin || c.d.hosts(c.caller, v.EventID, permission)
	switch {
	case t.OwnerID != c.caller.ID && !host:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil, nil
	case available && !host && v.Status != DivisionUnveiled && v.Status != DivisionStarted:
		c.fail(http.StatusBadRequest, codeDivisionUnavailable)
		return nil, nil
	}
	return t, v
}

// settleTeam updates a team's status as ResourceService.IsPreparedOrFinished
// does: Finished once it entered as many entries as it claimed, Prepared
// once it has as many members as it claimed.
func (c *call) settleTeam(t *EventTeam) {
	members := len(c.d.idx.participationsByTeam[t.ID])
	entries := 0
	for _, r := range c.d.Areas.Events.Resources {
		if r.DivisionID == t.DivisionID && r.Type == ResourceEntry && r.TeamID != nil && *r.TeamID == t.ID {
			entries++
		}
	}
	switch {
	case t.ClaimedSubmissionCount == entries:
		t.Status = TeamFinished
	case t.ClaimedParticipantCount == members:
		t.Status = TeamPrepared
	}
}

// patchTeam is PATCH /events/teams/{id}: a JSON Patch over
// EventTeamUpdateDto, 204. Claimed counts outside the division's ranges
// are refused with 403, as the upstream does here.
func (c *call) patchTeam() {
	t, v := c.writableTeam(permUpdateTeam, true)
	if t == nil {
		return
	}
	b := teamFields{t.Name, t.Description, t.ClaimedParticipantCount, t.ClaimedSubmissionCount}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/name":
			return patchField(op, &b.Name, false)
		case "/description":
			return patchField(op, &b.Description, true)
		case "/claimedparticipantcount":
			return patchField(op, &b.ClaimedParticipantCount, false)
		case "/claimedsubmissioncount":
			return patchField(op, &b.ClaimedSubmissionCount, false)
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
	if c.claimsRefused(http.StatusForbidden, v, b) {
		return
	}

	t.Name, t.Description = b.Name, b.Description
	t.ClaimedParticipantCount, t.ClaimedSubmissionCount = b.ClaimedParticipantCount, b.ClaimedSubmissionCount
	c.settleTeam(t)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchTeamIcon is PATCH /events/teams/{id}/icon: a multipart form whose
// File, when there is one, becomes the icon; 204.
func (c *call) patchTeamIcon() {
	t, _ := c.writableTeam(permUpdateTeam, true)
	if t == nil || !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", t.ID, "teams/icons", ".webp")
	if !ok {
		return
	}
	if present {
		t.Icon = &url
	}
	c.empty(http.StatusNoContent)
}

// deleteTeamIcon is DELETE /events/teams/{id}/icon: 204.
func (c *call) deleteTeamIcon() {
	t, _ := c.writableTeam(permUpdateTeam, true)
	if t == nil {
		return
	}
	t.Icon = nil
	c.empty(http.StatusNoContent)
}

// deleteTeam is DELETE /events/teams/{id}: every member leaves, then the
// team goes with its reserved fields and invitations; 204.
func (c *call) deleteTeam() {
	t, _ := c.writableTeam(permRemoveTeam, false)
	if t == nil {
		return
	}
	id := t.ID
	c.d.Participations = slices.DeleteFunc(c.d.Participations, func(p Participation) bool { return p.TeamID == id })
	c.d.Teams = slices.DeleteFunc(c.d.Teams, func(v EventTeam) bool { return v.ID == id })
	a := &c.d.Areas.Events
	delete(a.TeamReserved, id)
	a.TeamInvites = slices.DeleteFunc(a.TeamInvites, func(inv TeamInvite) bool { return inv.TeamID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// teamInviteCode returns a new code of six characters of the alphabet of
// the generated invitations.
func (c *call) teamInviteCode() string {
	for {
		seed := strings.ReplaceAll(c.newID(), "-", "")
		b := make([]byte, 6)
		for i := range b {
			n, _ := strconv.ParseUint(seed[2*i:2*i+2], 16, 8)
			b[i] = inviteAlphabet[int(n)%len(inviteAlphabet)]
		}
		code := string(b)
		if !slices.ContainsFunc(c.d.Areas.Events.TeamInvites, func(inv TeamInvite) bool { return inv.Code == code }) {
			return code
		}
	}
}

// postTeamInvite is POST /events/teams/{id}/invite: the team's owner,
// administrators and hosts with the right to update teams; 201 with the
// code (CodeDto), valid for 12 hours.
func (c *call) postTeamInvite() {
	t, _ := c.writableTeam(permUpdateTeam, false)
	if t == nil {
		return
	}
	code := c.teamInviteCode()
	c.d.Areas.Events.TeamInvites = append(c.d.Areas.Events.TeamInvites, TeamInvite{
		Code: code, TeamID: t.ID, InviterID: c.caller.ID, DateExpired: c.now().Add(teamInviteLifetime),
	})
	c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: map[string]string{"code": code}})
}

// postTeamInviteAccept is POST /events/teams/invites/{code}/accept with an
// optional position in the query: the caller joins the team, 204. 404 for
// an unknown or expired code (matched exactly, as the upstream's Redis
// key is), 403 before the division is unveiled unless the caller owns the
// team or hosts, 400 InvalidOperation when they are in a team of the
// division already.
func (c *call) postTeamInviteAccept() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	i := slices.IndexFunc(c.d.Areas.Events.TeamInvites, func(inv TeamInvite) bool {
		return inv.Code == c.params["code"] && inv.DateExpired.After(c.d.Now)
	})
	if i < 0 {
		c.notFound()
		return
	}
	t := c.d.Team(c.d.Areas.Events.TeamInvites[i].TeamID)
	v := c.d.Division(t.DivisionID)
	switch {
	case c.caller.ID != t.OwnerID && !c.admin && !c.d.hosts(c.caller, v.EventID, permRetrieveTeam) &&
		v.DateUnveiled.Compare(c.d.Now) >= 0:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	case c.inDivisionTeam(v.ID, c.caller.ID):
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}

	var position *string
	if p := c.q.values("position"); len(p) > 0 {
		position = &p[0]
	}
	c.d.Participations = append(c.d.Participations, Participation{
		TeamID: t.ID, ParticipantID: c.caller.ID, Position: position, DateCreated: c.now(),
	})
	c.d.reindex()
	c.settleTeam(t)
	c.empty(http.StatusNoContent)
}

// writableParticipation finds the membership of the route: 401, 404, then
// 403 unless the caller is the member, the team's owner, an administrator
// or a host with the right to update teams. It answers the failure itself
// when it returns -1.
func (c *call) writableParticipation() (int, *EventTeam) {
	if c.caller == nil {
		c.unauthorized()
		return -1, nil
	}
	user, _ := strconv.Atoi(c.params["participantId"])
	i := slices.IndexFunc(c.d.Participations, func(p Participation) bool {
		return p.TeamID == c.params["teamId"] && p.ParticipantID == user
	})
	if i < 0 {
		c.notFound()
		return -1, nil
	}
	t := c.d.Team(c.d.Participations[i].TeamID)
	v := c.d.Division(t.DivisionID)
	if c.caller.ID != user && c.caller.ID != t.OwnerID && !c.admin && !c.d.hosts(c.caller, v.EventID, permUpdateTeam) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return -1, nil
	}
	return i, t
}

// patchParticipation is PATCH /events/teams/{teamId}/participants/
// {participantId}: a JSON Patch over ParticipationUpdateDto, 204.
func (c *call) patchParticipation() {
	i, _ := c.writableParticipation()
	if i < 0 {
		return
	}
	position := c.d.Participations[i].Position
	ok := c.applyPatch(func(op patchOp) string {
		if strings.ToLower(op.Path) == "/position" {
			return patchField(op, &position, true)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if errs := tooLong(nil, "Position", position, 100); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	c.d.Participations[i].Position = position
	c.empty(http.StatusNoContent)
}

// deleteParticipation is DELETE /events/teams/{teamId}/participants/
// {participantId}: 204; the team's owner cannot leave (400
// InvalidOperation).
func (c *call) deleteParticipation() {
	i, t := c.writableParticipation()
	if i < 0 {
		return
	}
	if c.d.Participations[i].ParticipantID == t.OwnerID {
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}
	c.d.Participations = slices.Delete(c.d.Participations, i, i+1)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
