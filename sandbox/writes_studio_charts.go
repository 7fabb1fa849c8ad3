package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
)

// Writes of chart submissions, as ChartSubmissionController keeps them:
// members submit charts on songs or song submissions; the owner of a
// submission or a moderator changes it, and every change sends it back to
// waiting for review. Tags that name a chart event division tie the
// submission to the owner's team in it; the sandbox runs no event task
// scripts, so a division's tasks never refuse a submission.

// Response codes of the chart submission writes.
const (
	codeChartSubmissionAuthorInfo    = "InvalidAuthorInfo"
	codeChartSubmissionParentPrivate = "ParentIsPrivate"
	codeChartSubmissionFormat        = "UnsupportedChartFormat"
	codeChartSubmissionNameOccupied  = "NameOccupied"
	codeChartSubmissionNotStarted    = "DivisionNotStarted"
	codeChartSubmissionNotEnrolled   = "NotEnrolled"
)

func init() {
	areaRoutes["writes-studio-charts"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/studio/charts", (*call).postChartSubmission),
			newRoute(http.MethodPost, "/studio/charts/checkEvent", (*call).postChartSubmissionCheckEvent),
			newRoute(http.MethodPatch, "/studio/charts/{id:guid}", (*call).patchChartSubmission),
			newRoute(http.MethodDelete, "/studio/charts/{id:guid}", (*call).deleteChartSubmission),
			newRoute(http.MethodPatch, "/studio/charts/{id:guid}/file", (*call).patchChartSubmissionFile),
			newRoute(http.MethodPatch, "/studio/charts/{id:guid}/illustration",
				(*call).patchChartSubmissionIllustration),
			newRoute(http.MethodDelete, "/studio/charts/{id:guid}/illustration",
				(*call).deleteChartSubmissionIllustration),
			newRoute(http.MethodPost, "/studio/charts/{id:guid}/assets", (*call).postChartSubmissionAsset),
			newRoute(http.MethodPost, "/studio/charts/{id:guid}/assets/batch", (*call).postChartSubmissionAssets),
			newRoute(http.MethodPatch, "/studio/charts/{id:guid}/assets/{assetId:guid}",
				(*call).patchChartSubmissionAsset),
			newRoute(http.MethodPatch, "/studio/charts/{id:guid}/assets/{assetId:guid}/file",
				(*call).patchChartSubmissionAssetFile),
			newRoute(http.MethodDelete, "/studio/charts/{id:guid}/assets/{assetId:guid}",
				(*call).deleteChartSubmissionAsset),
			newRoute(http.MethodPost, "/studio/charts/{id:guid}/collaborations",
				(*call).postChartSubmissionCollaboration),
			newRoute(http.MethodPost, "/studio/charts/{id:guid}/useService/{serviceId:guid}",
				(*call).postChartSubmissionService),
		}
	}
}

// editedChartSubmission finds the submission a write names and checks
// that the caller may change it: signed in (401), the submission exists
// (404 with missing as its code), a member (403), and its owner or a
// moderator (403). It answers the failure itself when it returns nil.
func (c *call) editedChartSubmission(missing string) *ChartSubmission {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	s := c.studio().chartSubmission(c.params["id"])
	switch {
	case s == nil:
		c.fail(http.StatusNotFound, missing)
		return nil
	case !c.hasRole(RoleMember), s.OwnerID != c.caller.ID && !c.hasRole(RoleModerator):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return s
}

// resubmitChartSubmission sends a changed submission back to waiting for
// review.
func (c *call) resubmitChartSubmission(s *ChartSubmission) {
	s.Status, s.VolunteerStatus = RequestWaiting, RequestWaiting
	s.DateUpdated = c.now()
}

// postChartSubmission is POST /studio/charts: a multipart form of
// ChartSubmissionCreationDto, answered 201 with the new ID.
func (c *call) postChartSubmission() {
	if !c.member() || !c.readForm() {
		return
	}
	s, ok := c.readNewChartSubmission()
	if !ok {
		return
	}
	c.addChartSubmission(s)
	c.created(s.ID)
}

// readNewChartSubmission binds and checks the form of a new chart
// submission of the caller (ChartSubmissionCreationDto), after readForm,
// and receives its files: the submission as it is to be stored. It
// answers the failure itself when ok is false.
func (c *call) readNewChartSubmission() (s ChartSubmission, ok bool) {
	f, ok := c.readChartSubmissionForm()
	if !ok {
		return s, false
	}
	authors := chartSubmissionAuthors(f.authorName)
	if !slices.Contains(authors, c.caller.ID) {
		c.fail(http.StatusBadRequest, codeChartSubmissionAuthorInfo)
		return s, false
	}

	var song *Song
	var songSubmission *SongSubmission
	if f.songID != nil {
		if song = c.d.Song(*f.songID); song == nil {
			c.fail(http.StatusNotFound, codeParentNotFound)
			return s, false
		}
		if song.OwnerID != c.caller.ID && song.Accessibility == RefuseAny {
			c.fail(http.StatusBadRequest, codeChartSubmissionParentPrivate)
			return s, false
		}
	}
	if f.songSubmissionID != nil {
		if songSubmission = c.studio().songSubmission(*f.songSubmissionID); songSubmission == nil {
			c.fail(http.StatusNotFound, codeParentNotFound)
			return s, false
		}
		if chartSubmissionParentOwner(songSubmission) != c.caller.ID &&
			songSubmission.Accessibility == RefuseAny {
			c.fail(http.StatusBadRequest, codeChartSubmissionParentPrivate)
			return s, false
		}
		if songSubmission.RepresentationID != nil {
			song, songSubmission = c.d.Song(*songSubmission.RepresentationID), nil
		}
	}
	if (song == nil) == (songSubmission == nil) {
		c.writeJSON(http.StatusBadRequest, envelope{
			Status: StatusErrorWithMessage, Code: codeInvalidData,
			Message: ptr("Must enter one and only one field between song and song submission."),
		})
		return s, false
	}
	if _, _, ok := c.chartSubmissionEvent(f.tags, c.caller.ID, true); !ok {
		return s, false
	}
	// The upstream fails here only after saving the submission; the sandbox
	// refuses it whole.
	for _, id := range authors {
		if c.d.User(id) == nil {
			c.fail(http.StatusBadRequest, codeUserNotFound)
			return s, false
		}
	}

	now := c.now()
	s = ChartSubmission{
		ID: c.newID(), Title: f.title, LevelType: f.levelType, Level: f.level, Difficulty: f.difficulty,
		Format: FormatUnsupported, AuthorName: f.authorName, Illustrator: f.illustrator, Description: f.description,
		Accessibility: f.accessibility, IsRanked: f.isRanked, Tags: f.tags,
		Status: RequestWaiting, VolunteerStatus: RequestWaiting, AdmissionStatus: RequestWaiting,
		OwnerID: c.caller.ID, DateCreated: now, DateFileUpdated: now, DateUpdated: now,
	}
	if illustration, present, ok := c.formFile("Illustration", s.ID, "charts/illustrations", ".webp"); !ok {
		return s, false
	} else if present {
		s.Illustration = &illustration
	}
	if file, format, notes, present, ok := c.readChartSubmissionFile("File", s.ID); !ok {
		return s, false
	} else if present {
		s.File, s.Format, s.NoteCount = &file, format, notes
	}
	if song != nil {
		s.SongID = &song.ID
	} else {
		s.SongSubmissionID = &songSubmission.ID
	}
	// A chart on one's own or an open resource is admitted at once.
	if owner, access, _, _ := c.chartSubmissionAdmitter(s); owner == c.caller.ID || access == AllowAny {
		s.AdmissionStatus = RequestApproved
	}
	return s, true
}

// chartSubmissionAdmitter is the song or song submission s is on: its
// owner, accessibility, ID and kind.
func (c *call) chartSubmissionAdmitter(
	s ChartSubmission,
) (owner int, access Accessibility, id string, kind AdmitterType) {
	if s.SongID != nil {
		if song := c.d.Song(*s.SongID); song != nil {
			return song.OwnerID, song.Accessibility, song.ID, AdmitterSong
		}
		return 0, AllowAny, "", AdmitterSong
	}
	if parent := c.studio().songSubmission(*s.SongSubmissionID); parent != nil {
		return chartSubmissionParentOwner(parent), parent.Accessibility, parent.ID, AdmitterSongSubmission
	}
	return 0, AllowAny, "", AdmitterSongSubmission
}

// addChartSubmission stores a new chart submission of the caller. The
// owner of the song it is on is asked to admit it when the song requires
// review, and the users its author name credits besides the caller are
// invited to collaborate.
func (c *call) addChartSubmission(s ChartSubmission) {
	st := c.studio()
	st.ChartSubmissions = append(st.ChartSubmissions, s)
	owner, access, admitter, kind := c.chartSubmissionAdmitter(s)
	if owner != c.caller.ID && access == RequireReview {
		st.Admissions = append(st.Admissions, StudioAdmission{
			AdmitterID: admitter, AdmitteeID: s.ID, AdmitterType: kind, Status: RequestWaiting,
			RequesterID: c.caller.ID, RequesteeID: owner, DateCreated: s.DateCreated,
		})
	}
	for _, id := range chartSubmissionAuthors(s.AuthorName) {
		if id != c.caller.ID && !c.chartSubmissionCollaborates(s.ID, id) {
			c.inviteChartSubmissionCollaborator(s.ID, id, nil)
		}
	}
	c.d.reindex()
}

// chartSubmissionParentOwner is a song submission's owner, 0 when it has none.
func chartSubmissionParentOwner(s *SongSubmission) int {
	if s.OwnerID == nil {
		return 0
	}
	return *s.OwnerID
}

// patchChartSubmission is PATCH /studio/charts/{id}: a JSON Patch over
// ChartSubmissionUpdateDto, answered 204.
func (c *call) patchChartSubmission() {
	s := c.editedChartSubmission(codeResourceNotFound)
	if s == nil {
		return
	}
	var ops []patchOp
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&ops); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return
	}
	next := *s
	next.Tags = slices.Clone(s.Tags)
	var errs []fieldError
	for _, op := range ops {
		if err := applyChartSubmissionOp(&next, op); err != "" {
			errs = append(errs, fieldError{Field: fieldName(op.Path), Errors: []string{err}})
		}
	}
	errs = append(errs, validateChartSubmission(&next)...)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if c.caller.ID == s.OwnerID && !slices.Contains(chartSubmissionAuthors(next.AuthorName), c.caller.ID) {
		c.fail(http.StatusBadRequest, codeChartSubmissionAuthorInfo)
		return
	}
	tagChanged := !sameChartSubmissionTags(s.Tags, next.Tags)
	if _, _, ok := c.chartSubmissionEvent(next.Tags, s.OwnerID, tagChanged); !ok {
		return
	}

	c.resubmitChartSubmission(&next)
	*s = next
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// sameChartSubmissionTags reports whether two tag lists hold the same tags.
func sameChartSubmissionTags(a, b []string) bool {
	set := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, t := range l {
			m[t] = true
		}
		return m
	}
	x, y := set(a), set(b)
	if len(x) != len(y) {
		return false
	}
	for t := range x {
		if !y[t] {
			return false
		}
	}
	return true
}

// applyChartSubmissionOp applies one operation to a submission, returning
// an error code.
func applyChartSubmissionOp(s *ChartSubmission, op patchOp) string {
	switch strings.ToLower(op.Path) {
	case "/tags":
		if op.Op == "remove" {
			return codeInvalidOperation
		}
		var tags []string
		if json.Unmarshal(op.Value, &tags) != nil {
			return codeInvalidData
		}
		s.Tags = nonNil(tags)
		return ""
	case "/authorname":
		var name string
		if op.Op == "remove" || json.Unmarshal(op.Value, &name) != nil {
			return codeInvalidData
		}
		s.AuthorName = name
		return ""
	case "/level", "/leveltype", "/difficulty", "/title", "/illustrator", "/description", "/accessibility",
		"/isranked":
		// The fields ChartSubmissionUpdateDto shares with ChartUpdateDto.
		ch := Chart{
			Title: s.Title, LevelType: s.LevelType, Level: s.Level, Difficulty: s.Difficulty,
			Illustrator: s.Illustrator, Description: s.Description, Accessibility: s.Accessibility,
			IsRanked: s.IsRanked,
		}
		if err := applyChartOp(&ch, op); err != "" {
			return err
		}
		s.Title, s.LevelType, s.Level, s.Difficulty = ch.Title, ch.LevelType, ch.Level, ch.Difficulty
		s.Illustrator, s.Description, s.Accessibility, s.IsRanked = ch.Illustrator, ch.Description,
			ch.Accessibility, ch.IsRanked
		return ""
	default:
		return codeInvalidData
	}
}

// validateChartSubmission applies ChartSubmissionUpdateDto's rules.
func validateChartSubmission(s *ChartSubmission) []fieldError {
	var errs []fieldError
	add := func(field, code string) { errs = append(errs, fieldError{Field: field, Errors: []string{code}}) }
	long := func(v *string, n int) bool { return v != nil && len([]rune(*v)) > n }
	if long(s.Title, 100) {
		add("Title", codeValueTooLong)
	}
	if s.LevelType < 0 || s.LevelType > 4 {
		add("LevelType", codeValueOutOfRange)
	}
	switch {
	case s.Level == "":
		add("Level", codeFieldEmpty)
	case len([]rune(s.Level)) > 20:
		add("Level", codeValueTooLong)
	}
	switch {
	case s.AuthorName == "":
		add("AuthorName", codeFieldEmpty)
	case len([]rune(s.AuthorName)) > 800:
		add("AuthorName", codeValueTooLong)
	}
	if long(s.Illustrator, 200) {
		add("Illustrator", codeValueTooLong)
	}
	if long(s.Description, 2000) {
		add("Description", codeValueTooLong)
	}
	if s.Accessibility < 0 || s.Accessibility > 2 {
		add("Accessibility", codeValueOutOfRange)
	}
	return errs
}

// patchChartSubmissionFile is PATCH /studio/charts/{id}/file: a multipart
// form with the chart as File, answered 204. Without a file nothing
// changes.
func (c *call) patchChartSubmissionFile() {
	s := c.editedChartSubmission(codeResourceNotFound)
	if s == nil {
		return
	}
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok || !c.readForm() {
		return
	}
	file, format, notes, present, ok := c.readChartSubmissionFile("File", s.ID)
	if !ok {
		return
	}
	if present {
		s.File, s.Format, s.NoteCount = &file, format, notes
		c.resubmitChartSubmission(s)
		s.DateFileUpdated = s.DateUpdated
	}
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchChartSubmissionIllustration is PATCH /studio/charts/{id}/
// illustration: a multipart form with the picture as File, answered 204.
func (c *call) patchChartSubmissionIllustration() {
	s := c.editedChartSubmission(codeResourceNotFound)
	if s == nil || !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", s.ID, "charts/illustrations", ".webp")
	if !ok {
		return
	}
	if present {
		s.Illustration = &url
		c.resubmitChartSubmission(s)
	}
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok {
		return
	}
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteChartSubmissionIllustration is DELETE /studio/charts/{id}/
// illustration, answered 204.
func (c *call) deleteChartSubmissionIllustration() {
	s := c.editedChartSubmission(codeResourceNotFound)
	if s == nil {
		return
	}
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok {
		return
	}
	s.Illustration = nil
	c.resubmitChartSubmission(s)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteChartSubmission is DELETE /studio/charts/{id}, answered 204. The
// submission's assets, votes, admissions and collaborations go with it.
func (c *call) deleteChartSubmission() {
	s := c.editedChartSubmission(codeResourceNotFound)
	if s == nil {
		return
	}
	id, st := s.ID, c.studio()
	st.ChartSubmissions = slices.DeleteFunc(st.ChartSubmissions,
		func(v ChartSubmission) bool { return v.ID == id })
	st.AssetSubmissions = slices.DeleteFunc(st.AssetSubmissions,
		func(a ChartAssetSubmission) bool { return a.ChartSubmissionID == id })
	st.Votes = slices.DeleteFunc(st.Votes, func(v VolunteerVote) bool { return v.ChartID == id })
	st.Admissions = slices.DeleteFunc(st.Admissions, func(a StudioAdmission) bool { return a.AdmitteeID == id })
	st.Collaborations = slices.DeleteFunc(st.Collaborations,
		func(v Collaboration) bool { return v.SubmissionID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
