package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
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

// resubmitChartSubmission sends a changed submission back to waiting for review.
func (c *call) resubmitChartSubmission(s *ChartSubmission) {
	s.Status, s.VolunteerStatus = RequestWaiting, RequestWaiting
	s.DateUpdated = c.now()
}

// chartSubmissionMention matches the users PhiZone rich text credits, as the
// upstream's ResourceService.GetAuthorIds reads them.
var chartSubmissionMention = regexp.MustCompile(`\[PZUser:([0-9]+):`)

// chartSubmissionAuthors returns the users an author name credits, in order.
func chartSubmissionAuthors(authorName string) []int {
	var ids []int
	for _, m := range chartSubmissionMention.FindAllStringSubmatch(authorName, -1) {
		if id, err := strconv.Atoi(m[1]); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// chartSubmissionForm is ChartSubmissionCreationDto as read from a form.
type chartSubmissionForm struct {
	title, illustrator, description *string
	levelType                       ChartLevel
	level, authorName               string
	difficulty                      float64
	accessibility                   Accessibility
	isRanked                        bool
	tags                            []string
	songID, songSubmissionID        *string
}

// readChartSubmissionForm binds and validates the form's text fields,
// answering 400 with every field error itself when it returns false.
func (c *call) readChartSubmissionForm() (chartSubmissionForm, bool) {
	var f chartSubmissionForm
	var errs []fieldError
	add := func(field, code string) { errs = append(errs, fieldError{Field: field, Errors: []string{code}}) }
	values := c.r.MultipartForm.Value
	optional := func(name string, max int) *string {
		v, ok := values[name]
		if !ok || v[0] == "" {
			return nil
		}
		if len([]rune(v[0])) > max {
			add(name, codeValueTooLong)
		}
		return &v[0]
	}
	required := func(name string) (string, bool) {
		v, ok := values[name]
		if !ok || strings.TrimSpace(v[0]) == "" {
			add(name, codeFieldEmpty)
			return "", false
		}
		return v[0], true
	}
	number := func(name string, lo, hi int) int {
		s, ok := required(name)
		if !ok {
			return 0
		}
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			add(name, codeInvalidData)
		case n < lo || n > hi:
			add(name, codeValueOutOfRange)
		}
		return n
	}

	f.title = optional("Title", 100)
	f.illustrator = optional("Illustrator", 200)
	f.description = optional("Description", 2000)
	f.levelType = ChartLevel(number("LevelType", 0, 4))
	f.accessibility = Accessibility(number("Accessibility", 0, 2))
	if s, ok := required("Level"); ok {
		if f.level = s; len([]rune(s)) > 20 {
			add("Level", codeValueTooLong)
		}
	}
	if s, ok := required("AuthorName"); ok {
		if f.authorName = s; len([]rune(s)) > 800 {
			add("AuthorName", codeValueTooLong)
		}
	}
	if s, ok := required("Difficulty"); ok {
		d, err := strconv.ParseFloat(s, 64)
		if err != nil {
			add("Difficulty", codeInvalidData)
		}
		f.difficulty = d
	}
	if s, ok := required("IsRanked"); ok {
		b, err := strconv.ParseBool(s)
		if err != nil {
			add("IsRanked", codeInvalidData)
		}
		f.isRanked = b
	}
	f.tags = nonNil(values["Tags"])
	guid := func(name string) *string {
		v, ok := values[name]
		if !ok || v[0] == "" {
			return nil
		}
		id, ok := parseGUID(v[0])
		if !ok {
			add(name, codeInvalidData)
			return nil
		}
		return &id
	}
	f.songID, f.songSubmissionID = guid("SongId"), guid("SongSubmissionId")
	if len(errs) > 0 {
		c.invalid(errs)
		return f, false
	}
	return f, true
}

// readChartSubmissionFile "parses" the chart file of field as chartService.Upload does:
// an RPE JSON chart (an object with META and judgeLineList) or a PEC
// chart (a first line that is a number). It answers 400
// UnsupportedChartFormat itself for anything else; present is false when
// the form has no such file.
func (c *call) readChartSubmissionFile(
	field, resource string,
) (address string, format ChartFormat, notes int, present, ok bool) {
	address, present, ok = c.formFile(field, resource, "charts", ".json")
	if !present || !ok {
		return "", 0, 0, present, ok
	}
	file, _, err := c.r.FormFile(field)
	if err != nil {
		return "", 0, 0, true, false
	}
	defer file.Close()
	raw, _ := io.ReadAll(io.LimitReader(file, maxUploadBytes))

	var rpe struct {
		Meta      *json.RawMessage `json:"META"`
		JudgeLine []struct {
			Notes []json.RawMessage `json:"notes"`
		} `json:"judgeLineList"`
	}
	if json.Unmarshal(raw, &rpe) == nil && rpe.Meta != nil {
		for _, l := range rpe.JudgeLine {
			notes += len(l.Notes)
		}
		return address, FormatRpeJSON, notes, true, true
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if _, err := strconv.Atoi(strings.TrimSpace(lines[0])); err == nil && len(raw) > 0 {
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "n") {
				notes++
			}
		}
		return address, FormatPec, notes, true, true
	}
	c.fail(http.StatusBadRequest, codeChartSubmissionFormat)
	return "", 0, 0, true, false
}

// postChartSubmission is POST /studio/charts: a multipart form of
// ChartSubmissionCreationDto, answered 201 with the new ID.
func (c *call) postChartSubmission() {
	if !c.member() || !c.readForm() {
		return
	}
	f, ok := c.readChartSubmissionForm()
	if !ok {
		return
	}
	authors := chartSubmissionAuthors(f.authorName)
	if !slices.Contains(authors, c.caller.ID) {
		c.fail(http.StatusBadRequest, codeChartSubmissionAuthorInfo)
		return
	}

	var song *Song
	var songSubmission *SongSubmission
	if f.songID != nil {
		if song = c.d.Song(*f.songID); song == nil {
			c.fail(http.StatusNotFound, codeParentNotFound)
			return
		}
		if song.OwnerID != c.caller.ID && song.Accessibility == RefuseAny {
			c.fail(http.StatusBadRequest, codeChartSubmissionParentPrivate)
			return
		}
	}
	if f.songSubmissionID != nil {
		if songSubmission = c.studio().songSubmission(*f.songSubmissionID); songSubmission == nil {
			c.fail(http.StatusNotFound, codeParentNotFound)
			return
		}
		if chartSubmissionParentOwner(songSubmission) != c.caller.ID &&
			songSubmission.Accessibility == RefuseAny {
			c.fail(http.StatusBadRequest, codeChartSubmissionParentPrivate)
			return
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
		return
	}
	if _, _, ok := c.chartSubmissionEvent(f.tags, c.caller.ID, true); !ok {
		return
	}
	// The upstream fails here only after saving the submission; the sandbox
	// refuses it whole.
	for _, id := range authors {
		if c.d.User(id) == nil {
			c.fail(http.StatusBadRequest, codeUserNotFound)
			return
		}
	}

	now := c.now()
	s := ChartSubmission{
		ID: c.newID(), Title: f.title, LevelType: f.levelType, Level: f.level, Difficulty: f.difficulty,
		Format: FormatUnsupported, AuthorName: f.authorName, Illustrator: f.illustrator, Description: f.description,
		Accessibility: f.accessibility, IsRanked: f.isRanked, Tags: f.tags,
		Status: RequestWaiting, VolunteerStatus: RequestWaiting, AdmissionStatus: RequestWaiting,
		OwnerID: c.caller.ID, DateCreated: now, DateFileUpdated: now, DateUpdated: now,
	}
	if illustration, present, ok := c.formFile("Illustration", s.ID, "charts/illustrations", ".webp"); !ok {
		return
	} else if present {
		s.Illustration = &illustration
	}
	if file, format, notes, present, ok := c.readChartSubmissionFile("File", s.ID); !ok {
		return
	} else if present {
		s.File, s.Format, s.NoteCount = &file, format, notes
	}

	// The admitter's owner is asked to admit the chart when it requires
	// review; a chart on one's own or an open resource is admitted.
	admitterOwner, access, admitter, kind := 0, AllowAny, "", AdmitterSong
	if song != nil {
		s.SongID = &song.ID
		admitterOwner, access, admitter = song.OwnerID, song.Accessibility, song.ID
	} else {
		s.SongSubmissionID = &songSubmission.ID
		admitterOwner, access = chartSubmissionParentOwner(songSubmission), songSubmission.Accessibility
		admitter = songSubmission.ID
		kind = AdmitterSongSubmission
	}
	if admitterOwner == c.caller.ID || access == AllowAny {
		s.AdmissionStatus = RequestApproved
	}
	st := c.studio()
	st.ChartSubmissions = append(st.ChartSubmissions, s)
	if admitterOwner != c.caller.ID && access == RequireReview {
		st.Admissions = append(st.Admissions, StudioAdmission{
			AdmitterID: admitter, AdmitteeID: s.ID, AdmitterType: kind, Status: RequestWaiting,
			RequesterID: c.caller.ID, RequesteeID: admitterOwner, DateCreated: now,
		})
	}
	for _, id := range authors {
		if id != c.caller.ID && !c.chartSubmissionCollaborates(s.ID, id) {
			c.inviteChartSubmissionCollaborator(s.ID, id, nil)
		}
	}
	c.d.reindex()
	c.created(s.ID)
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

// chartSubmissionEvent finds the chart event division tags name and user's team in
// it, as the controller's GetEvent does: divisions not yet unveiled, and
// those ended more than 180 days ago, do not count; a division found must
// have started (or, unless the tags changed, ended) and the user must be
// in one of its teams. It answers 400 itself when ok is false.
func (c *call) chartSubmissionEvent(
	tags []string, user int, tagChanged bool,
) (*EventDivision, *EventTeam, bool) {
	normalized := map[string]bool{}
	for _, t := range tags {
		normalized[chartSubmissionTagName(t)] = true
	}
	horizon := c.now().Add(-180 * 24 * time.Hour)
	var found []*EventDivision
	for i := range c.d.Divisions {
		v := &c.d.Divisions[i]
		if v.Type == DivisionChart && v.Status != DivisionCreated && !v.DateEnded.Before(horizon) &&
			normalized[c.chartSubmissionDivisionTag(v)] {
			found = append(found, v)
		}
	}
	if len(found) == 0 {
		return nil, nil, true
	}
	i := slices.IndexFunc(found, func(v *EventDivision) bool {
		return v.Status == DivisionStarted || !tagChanged && v.Status == DivisionEnded
	})
	if i < 0 {
		c.fail(http.StatusBadRequest, codeChartSubmissionNotStarted)
		return nil, nil, false
	}
	division := found[i]
	for _, t := range c.d.idx.teamsByDivision[division.ID] {
		if c.participates(c.d.Teams[t].ID, user) {
			return division, &c.d.Teams[t], true
		}
	}
	c.fail(http.StatusBadRequest, codeChartSubmissionNotEnrolled)
	return division, nil, false
}

// chartSubmissionDivisionTag is the normalised name of a division's tag, "" without
// one.
func (c *call) chartSubmissionDivisionTag(v *EventDivision) string {
	if v.TagID == nil {
		return ""
	}
	if t := lookup(c.d.Tags, c.d.idx.tags, *v.TagID); t != nil {
		return chartSubmissionTagName(t.Name)
	}
	return ""
}

// chartSubmissionTagName is ResourceService.Normalize: no white space, upper case.
func chartSubmissionTagName(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// postChartSubmissionCheckEvent is POST /studio/charts/checkEvent
// (StringArrayDto, userId in the query): the division and team a
// submission with these tags would enter (EventParticipationInfoDto).
func (c *call) postChartSubmissionCheckEvent() {
	if !c.member() {
		return
	}
	var b struct {
		Strings []string `json:"strings"`
	}
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&b); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return
	}
	user := c.caller.ID
	if raw := c.r.URL.Query().Get("userId"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil {
			c.invalid([]fieldError{{Field: "userId", Errors: []string{codeInvalidData}}})
			return
		}
		user = n
	}
	division, team, ok := c.chartSubmissionEvent(b.Strings, user, false)
	if !ok {
		return
	}

	info := struct {
		Division *EventDivision `json:"division"`
		Team     *EventTeam     `json:"team"`
	}{}
	if division != nil {
		v := c.division(*division)
		info.Division = &v
	}
	if team != nil {
		t := c.team(*team, true)
		info.Team = &t
	}
	c.plain(info)
}
