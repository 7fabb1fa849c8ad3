package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// Reviews and withdrawals of admissions and collaborations, with the rules
// of AdmissionController and CollaborationController: members and above
// only; the party asked reviews (or moderators, administrators for song
// admissions), the party asking withdraws (or administrators). Admissions
// change in Studio.Admissions, which the admission routes serve.

// admissionRoute is one kind of admission as its write routes name it.
type admissionRoute struct {
	kind                         AdmitterType
	path                         string // such as "/admissions/chapters/{chapterId:guid}/{songId:guid}"
	admitterParam, admitteeParam string
	reviewer                     UserRole // who reviews besides the requestee
}

var admissionRoutes = []admissionRoute{
	{AdmitterChapter, "/admissions/chapters/{chapterId:guid}/{songId:guid}", "chapterId", "songId", RoleModerator},
	{AdmitterCollection, "/admissions/collections/{collectionId:guid}/{chartId:guid}", "collectionId", "chartId",
		RoleModerator},
	{AdmitterSong, "/admissions/songs/{songId:guid}/{chartId:guid}", "songId", "chartId", RoleAdministrator},
	{AdmitterSongSubmission, "/admissions/songSubmissions/{songSubmissionId:guid}/{chartId:guid}",
		"songSubmissionId", "chartId", RoleModerator},
}

func requestRoutes() []route {
	var routes []route
	for _, k := range admissionRoutes {
		routes = append(routes, newRoute(http.MethodPost, k.path+"/review", func(c *call) { c.reviewAdmission(k) }))
		if k.kind == AdmitterChapter || k.kind == AdmitterCollection {
			routes = append(routes, newRoute(http.MethodDelete, k.path, func(c *call) { c.deleteAdmission(k) }))
		}
	}
	return append(routes,
		newRoute(http.MethodPatch, "/collaborations/{id:guid}", (*call).patchCollaboration),
		newRoute(http.MethodPost, "/collaborations/{id:guid}/review", (*call).reviewCollaboration),
		newRoute(http.MethodDelete, "/collaborations/{id:guid}", (*call).deleteCollaboration),
	)
}

// reviewBody is RequestReviewDto.
type reviewBody struct {
	Approve bool `json:"approve"`
}

// findAdmissionFor finds the admission of the route: 404 ParentNotFound
// for an unknown admitter, 404 for an unknown admittee, 404 with missing
// for no admission. It answers the failure itself when it returns nil.
func (c *call) findAdmissionFor(k admissionRoute, missing string) *StudioAdmission {
	admitter, admittee := c.params[k.admitterParam], c.params[k.admitteeParam]
	switch {
	case !c.admitterExists(k.kind, admitter):
		c.fail(http.StatusNotFound, codeParentNotFound)
		return nil
	case !c.admitteeExists(k.kind, admittee):
		c.notFound()
		return nil
	}
	a := c.studio().admission(k.kind, admitter, admittee)
	if a == nil {
		c.fail(http.StatusNotFound, missing)
	}
	return a
}

// reviewAdmission is POST /admissions/{kind}/{admitterId}/{admitteeId}/review:
// 204. Reviewing a chart submission's admission sets its admissionStatus;
// a rejection rejects the submission. (Upstream, an approval of a
// submission the volunteers approved publishes the chart; the sandbox
// publishes nothing.)
func (c *call) reviewAdmission(k admissionRoute) {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var b reviewBody
	if !c.readJSON(&b) {
		return
	}
	a := c.findAdmissionFor(k, codeResourceNotFound)
	switch {
	case a == nil:
		return
	case a.Status != RequestWaiting:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	case c.caller.Role < RoleMember, a.RequesteeID != c.caller.ID && c.caller.Role < k.reviewer:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	status := RequestRejected
	if b.Approve {
		status = RequestApproved
	}
	a.Status = status
	if k.kind == AdmitterSong || k.kind == AdmitterSongSubmission {
		if sub := c.studio().chartSubmission(a.AdmitteeID); sub != nil {
			sub.AdmissionStatus = status
			if !b.Approve {
				sub.Status = RequestRejected
			}
			sub.DateUpdated = c.now()
		}
	}
	c.empty(http.StatusNoContent)
}

// deleteAdmission is DELETE /admissions/{chapters|collections}/{admitterId}/{admitteeId}:
// 204; 404 AlreadyDone when there is no such admission, 400
// InvalidOperation once it is approved.
func (c *call) deleteAdmission(k admissionRoute) {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	a := c.findAdmissionFor(k, codeAlreadyDone)
	switch {
	case a == nil:
		return
	case c.caller.Role < RoleMember, a.RequesterID != c.caller.ID && !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	case a.Status == RequestApproved:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}

	gone := *a
	st := c.studio()
	st.Admissions = slices.DeleteFunc(st.Admissions, func(v StudioAdmission) bool {
		return v.AdmitterType == gone.AdmitterType && v.AdmitterID == gone.AdmitterID &&
			v.AdmitteeID == gone.AdmitteeID
	})
	c.empty(http.StatusNoContent)
}

// writableCollaboration finds collaboration {id} for a write: 401, 404,
// 403 below members, then 403 unless the caller is the party (inviter or
// invitee, as party says) or an administrator.
func (c *call) writableCollaboration(party func(*Collaboration) int) *Collaboration {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	st := c.studio()
	i := slices.IndexFunc(st.Collaborations, func(v Collaboration) bool { return v.ID == c.params["id"] })
	if i < 0 {
		c.notFound()
		return nil
	}
	v := &st.Collaborations[i]
	if c.caller.Role < RoleMember || party(v) != c.caller.ID && !c.admin {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return v
}

func inviter(v *Collaboration) int { return v.InviterID }
func invitee(v *Collaboration) int { return v.InviteeID }

// representation returns the published resource of an approved
// submission, or "".
func (c *call) representation(submissionID string) string {
	st := c.studio()
	if s := st.chartSubmission(submissionID); s != nil && s.Status == RequestApproved && s.RepresentationID != nil {
		return *s.RepresentationID
	}
	if s := st.songSubmission(submissionID); s != nil && s.Status == RequestApproved && s.RepresentationID != nil {
		return *s.RepresentationID
	}
	return ""
}

// authorshipOf returns the index of a user's authorship of a resource, or -1.
func (d *Data) authorshipOf(resource string, author int) int {
	return slices.IndexFunc(d.Authorships, func(a Authorship) bool {
		return a.ResourceID == resource && a.AuthorID == author
	})
}

// patchCollaboration is PATCH /collaborations/{id}: a JSON Patch over
// CollaborationUpdateDto (the position), by the inviter; 204. An accepted
// collaboration's authorship takes the new position.
func (c *call) patchCollaboration() {
	v := c.writableCollaboration(inviter)
	if v == nil {
		return
	}
	position := v.Position
	ok := c.applyPatch(func(op patchOp) string {
		if strings.ToLower(op.Path) != "/position" {
			return codeInvalidData
		}
		return patchField(op, &position, true)
	})
	if !ok {
		return
	}
	if errs := tooLong(nil, "Position", position, 100); len(errs) > 0 {
		c.invalid(errs)
		return
	}

	v.Position = position
	if r := c.representation(v.SubmissionID); r != "" && v.Status == RequestApproved {
		if i := c.d.authorshipOf(r, v.InviteeID); i >= 0 {
			c.d.Authorships[i].Position = position
		}
	}
	c.empty(http.StatusNoContent)
}

// reviewCollaboration is POST /collaborations/{id}/review: the invitee
// accepts or declines, 204; 400 InvalidOperation once answered. Accepting
// credits the invitee on the submission's published resource.
func (c *call) reviewCollaboration() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var b reviewBody
	if !c.readJSON(&b) {
		return
	}
	st := c.studio()
	i := slices.IndexFunc(st.Collaborations, func(v Collaboration) bool { return v.ID == c.params["id"] })
	switch {
	case i < 0:
		c.notFound()
		return
	case st.Collaborations[i].Status != RequestWaiting:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}
	v := c.writableCollaboration(invitee)
	if v == nil {
		return
	}

	if !b.Approve {
		v.Status = RequestRejected
		c.empty(http.StatusNoContent)
		return
	}
	v.Status = RequestApproved
	if r := c.representation(v.SubmissionID); r != "" {
		if j := c.d.authorshipOf(r, v.InviteeID); j >= 0 {
			c.d.Authorships[j].Position = v.Position
		} else {
			c.d.Authorships = append(c.d.Authorships, Authorship{
				ID: c.newID(), ResourceID: r, AuthorID: v.InviteeID, Position: v.Position, DateCreated: c.now(),
			})
		}
		c.d.reindex()
	}
	c.empty(http.StatusNoContent)
}

// deleteCollaboration is DELETE /collaborations/{id}: by the inviter, 204;
// an accepted collaboration's authorship goes with it. (Upstream, the
// tasks of an event the submission competes in also run.)
func (c *call) deleteCollaboration() {
	v := c.writableCollaboration(inviter)
	if v == nil {
		return
	}
	gone := *v
	if r := c.representation(gone.SubmissionID); r != "" && gone.Status == RequestApproved {
		c.d.Authorships = slices.DeleteFunc(c.d.Authorships, func(a Authorship) bool {
			return a.ResourceID == r && a.AuthorID == gone.InviteeID
		})
	}
	st := c.studio()
	st.Collaborations = slices.DeleteFunc(st.Collaborations, func(v Collaboration) bool { return v.ID == gone.ID })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
