package sandbox

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Writes of chapters (ChapterController: administrators only), of a
// song's admissions into chapters and of its links to event divisions
// (SongController). Admissions change in Catalog.ChapterAdmissions, which
// the chapter and song routes serve.

// chapterAdmissionNotice is the type of the notice a chapter owner gets for
// a song waiting for review: the upstream's NotificationType.Requests.
const chapterAdmissionNotice NotificationType = 3

// chapterAdmissionBody is AdmissionRequestDto.
type chapterAdmissionBody struct {
	AdmitterID string  `json:"admitterId"`
	Label      *string `json:"label"`
}

// postSongChapter is POST /songs/{id}/chapters: the song's owner (members
// and above) or moderators; 404 ParentNotFound for an unknown chapter, 400
// AlreadyDone for a second request, 400 ParentIsPrivate for a chapter that
// takes no songs from others. The admission is approved at once when the
// chapter takes any song or the caller owns it; otherwise it waits and the
// chapter's owner is notified (a Requests notification). 204.
func (c *call) postSongChapter() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var b chapterAdmissionBody
	if !c.readJSON(&b) {
		return
	}
	if errs := tooLong(nil, "Label", b.Label, 100); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	s := c.d.Song(c.params["id"])
	if s == nil {
		c.notFound()
		return
	}
	if !c.songOwnerOr(s, RoleModerator) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	cat := &c.d.Areas.Catalog
	ch := c.d.Chapter(strings.ToLower(b.AdmitterID))
	switch {
	case ch == nil:
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	case findAdmission(cat.ChapterAdmissions, ch.ID, s.ID) != nil:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	case ch.OwnerID != c.caller.ID && ch.Accessibility == RefuseAny:
		c.fail(http.StatusBadRequest, codeParentIsPrivate)
		return
	}

	status := RequestWaiting
	if ch.Accessibility == AllowAny || ch.OwnerID == c.caller.ID {
		status = RequestApproved
	}
	now := c.now()
	cat.ChapterAdmissions = append(cat.ChapterAdmissions, Admission{
		AdmitterID: ch.ID, AdmitteeID: s.ID, Status: status, Label: b.Label,
		RequesterID: c.caller.ID, RequesteeID: ch.OwnerID, DateCreated: now,
	})
	if status == RequestWaiting {
		cat.Notifications = append(cat.Notifications, Notification{
			ID: c.newID(), Type: chapterAdmissionNotice, OwnerID: ch.OwnerID, OperatorID: &c.caller.ID,
			Content: c.caller.UserName + " asks to put " + s.Title + " into " + ch.Title, DateCreated: now,
		})
	}
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// songOwnerOr reports whether the caller may change what song s belongs
// to: its owner as a member or above, anyone else with role.
func (c *call) songOwnerOr(s *Song, role UserRole) bool {
	if s.OwnerID == c.caller.ID {
		return c.caller.Role >= RoleMember
	}
	return c.caller.Role >= role
}

// deleteSongChapter is DELETE /songs/{id}/chapters/{chapterId}: the song's
// owner (members and above) or administrators; 404 ParentNotFound for an
// unknown chapter, 400 AlreadyDone when the song is not in it, 400
// InvalidOperation while the admission is not approved. 204.
func (c *call) deleteSongChapter() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	s := c.d.Song(c.params["id"])
	if s == nil {
		c.notFound()
		return
	}
	if !c.songOwnerOr(s, RoleAdministrator) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	cat := &c.d.Areas.Catalog
	ch := c.d.Chapter(c.params["chapterId"])
	if ch == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	a := findAdmission(cat.ChapterAdmissions, ch.ID, s.ID)
	switch {
	case a == nil:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	case a.Status != RequestApproved:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}

	cat.ChapterAdmissions = slices.DeleteFunc(cat.ChapterAdmissions, func(v Admission) bool {
		return v.AdmitterID == ch.ID && v.AdmitteeID == s.ID
	})
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// chapterDto is ChapterCreationDto and ChapterUpdateDto without the
// illustration.
type chapterDto struct {
	Title, Subtitle, Illustrator string
	Description                  *string
	Accessibility                Accessibility
	IsHidden, IsLocked           bool
}

// validate applies the DTO's attributes.
func (dto *chapterDto) validate() []fieldError {
	var errs []fieldError
	for _, f := range []struct {
		name, value string
		limit       int
	}{{"Title", dto.Title, 100}, {"Subtitle", dto.Subtitle, 200}, {"Illustrator", dto.Illustrator, 200}} {
		if strings.TrimSpace(f.value) == "" {
			errs = append(errs, fieldError{Field: f.name, Errors: []string{codeFieldEmpty}})
		} else {
			errs = tooLong(errs, f.name, &f.value, f.limit)
		}
	}
	errs = tooLong(errs, "Description", dto.Description, 2000)
	if dto.Accessibility < 0 || dto.Accessibility > 2 {
		errs = append(errs, fieldError{Field: "Accessibility", Errors: []string{codeValueOutOfRange}})
	}
	return errs
}

// postChapter is POST /chapters: ChapterCreationDto as a multipart form,
// validated before the administrators-only check; 201 with the chapter's
// ID.
func (c *call) postChapter() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	if !c.readForm() {
		return
	}
	f := &songForm{c: c}
	var dto chapterDto
	for field, dst := range map[string]*string{"Title": &dto.Title, "Subtitle": &dto.Subtitle,
		"Illustrator": &dto.Illustrator} {
		if v, _ := f.raw(field); v != "" {
			*dst = v
		}
	}
	dto.Description = f.text("Description", false, 2000)
	dto.Accessibility = Accessibility(f.integer("Accessibility"))
	dto.IsHidden, dto.IsLocked = f.boolean("IsHidden"), f.boolean("IsLocked")
	f.file("Illustration")
	errs := append(f.errs, dto.validate()...)
	slices.SortFunc(errs, func(a, b fieldError) int { return strings.Compare(a.Field, b.Field) })
	switch {
	case len(errs) > 0:
		c.invalid(errs)
		return
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	id := c.newID()
	illustration, _, ok := c.formFile("Illustration", id, "chapters/illustrations", ".webp")
	if !ok {
		return
	}
	now := c.now()
	ch := Chapter{ID: id, Illustration: illustration, OwnerID: c.caller.ID, DateCreated: now}
	dto.apply(&ch, now)
	c.d.Areas.Catalog.Chapters = append(c.d.Areas.Catalog.Chapters, ch)
	c.d.reindex()
	c.created(id)
}

// apply copies the DTO's values onto ch, changed at now.
func (dto *chapterDto) apply(ch *Chapter, now time.Time) {
	ch.Title, ch.Subtitle, ch.Illustrator = dto.Title, dto.Subtitle, dto.Illustrator
	ch.Description = dto.Description
	ch.Accessibility, ch.IsHidden, ch.IsLocked = dto.Accessibility, dto.IsHidden, dto.IsLocked
	ch.DateUpdated = now
}

// adminChapter finds chapter {id} for an administrators-only write: 401,
// 404, then 403. It answers the failure itself when it returns nil.
func (c *call) adminChapter() *Chapter {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	ch := c.d.Chapter(c.params["id"])
	switch {
	case ch == nil:
		c.notFound()
		return nil
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return ch
}

// patchChapter is PATCH /chapters/{id}: a JSON Patch over
// ChapterUpdateDto, 204.
func (c *call) patchChapter() {
	ch := c.adminChapter()
	if ch == nil {
		return
	}
	dto := chapterDto{
		Title: ch.Title, Subtitle: ch.Subtitle, Illustrator: ch.Illustrator, Description: ch.Description,
		Accessibility: ch.Accessibility, IsHidden: ch.IsHidden, IsLocked: ch.IsLocked,
	}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/title":
			return patchField(op, &dto.Title, false)
		case "/subtitle":
			return patchField(op, &dto.Subtitle, false)
		case "/illustrator":
			return patchField(op, &dto.Illustrator, false)
		case "/description":
			return patchField(op, &dto.Description, true)
		case "/accessibility":
			return patchField(op, &dto.Accessibility, false)
		case "/ishidden":
			return patchField(op, &dto.IsHidden, false)
		case "/islocked":
			return patchField(op, &dto.IsLocked, false)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if errs := dto.validate(); len(errs) > 0 {
		c.invalid(errs)
		return
	}

	dto.apply(ch, c.now())
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteChapter is DELETE /chapters/{id}: administrators only, 204; the
// chapter's admissions and likes go with it.
func (c *call) deleteChapter() {
	ch := c.adminChapter()
	if ch == nil {
		return
	}
	id, cat := ch.ID, &c.d.Areas.Catalog
	cat.Chapters = slices.DeleteFunc(cat.Chapters, func(v Chapter) bool { return v.ID == id })
	cat.ChapterAdmissions = slices.DeleteFunc(cat.ChapterAdmissions, func(v Admission) bool {
		return v.AdmitterID == id
	})
	c.d.Likes = slices.DeleteFunc(c.d.Likes, func(v Like) bool { return v.ResourceID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchChapterIllustration is PATCH /chapters/{id}/illustration: the
// picture as File, administrators only; a form without File changes
// nothing, as upstream. 204.
func (c *call) patchChapterIllustration() {
	ch := c.adminChapter()
	if ch == nil || !c.readForm() {
		return
	}
	address, present, ok := c.formFile("File", ch.ID, "chapters/illustrations", ".webp")
	if !ok {
		return
	}
	if present {
		ch.Illustration, ch.DateUpdated = address, c.now()
		c.d.reindex()
	}
	c.empty(http.StatusNoContent)
}
