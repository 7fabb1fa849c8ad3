package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// The song submission writes that take the submission's fields: creation,
// the JSON Patch update and the review that publishes it as a song.

// validateSongSubmission applies the rules SongSubmissionCreationDto and
// SongSubmissionUpdateDto share.
func validateSongSubmission(s *SongSubmission) []fieldError {
	var errs []fieldError
	add := func(field, code string) { errs = append(errs, fieldError{Field: field, Errors: []string{code}}) }
	required := func(field, v string, limit int) {
		if strings.TrimSpace(v) == "" {
			add(field, codeFieldEmpty)
		} else {
			errs = tooLong(errs, field, &v, limit)
		}
	}
	required("Title", s.Title, 100)
	required("AuthorName", s.AuthorName, 800)
	required("Illustrator", s.Illustrator, 200)
	errs = tooLong(errs, "Edition", s.Edition, 100)
	errs = tooLong(errs, "Description", s.Description, 2000)
	errs = tooLong(errs, "Lyrics", s.Lyrics, 20000)
	if s.EditionType < 0 || s.EditionType > 5 {
		add("EditionType", codeValueOutOfRange)
	}
	if s.Accessibility < 0 || s.Accessibility > 2 {
		add("Accessibility", codeValueOutOfRange)
	}
	for field, v := range map[string]float64{"Bpm": s.Bpm, "MinBpm": s.MinBpm, "MaxBpm": s.MaxBpm} {
		if v < 0 {
			add(field, codeValueOutOfRange)
		}
	}
	slices.SortFunc(errs, func(a, b fieldError) int { return strings.Compare(a.Field, b.Field) })
	return errs
}

// readSongSubmissionForm binds the text fields of SongSubmissionCreationDto
// into s; a value that does not parse is an error of its field.
func (c *call) readSongSubmissionForm(s *SongSubmission) []fieldError {
	var errs []fieldError
	text := func(name string) (string, bool) {
		v, ok := c.songSubmissionFormValue(name)
		if !ok || len(v) == 0 {
			return "", false
		}
		return v[0], true
	}
	optional := func(name string) *string {
		if v, ok := text(name); ok && v != "" {
			return &v
		}
		return nil
	}
	number := func(name string, parse func(string) error) {
		if v, ok := text(name); ok && parse(strings.TrimSpace(v)) != nil {
			errs = append(errs, invalidValue(name, v))
		}
	}
	float := func(dst *float64) func(string) error {
		return func(v string) (err error) { *dst, err = strconv.ParseFloat(v, 64); return err }
	}
	integer := func(dst *int) func(string) error {
		return func(v string) (err error) { *dst, err = strconv.Atoi(v); return err }
	}
	span := func(dst *TimeSpan) func(string) error {
		return func(v string) (err error) { *dst, err = parseTimeSpan(v); return err }
	}

	s.Title, _ = text("Title")
	s.AuthorName, _ = text("AuthorName")
	s.Illustrator, _ = text("Illustrator")
	s.Edition, s.Description, s.Lyrics = optional("Edition"), optional("Description"), optional("Lyrics")
	number("EditionType", integer((*int)(&s.EditionType)))
	number("Accessibility", integer((*int)(&s.Accessibility)))
	number("Bpm", float(&s.Bpm))
	number("MinBpm", float(&s.MinBpm))
	number("MaxBpm", float(&s.MaxBpm))
	number("Offset", integer(&s.Offset))
	number("PreviewStart", span(&s.PreviewStart))
	number("PreviewEnd", span(&s.PreviewEnd))
	s.Tags, _ = c.songSubmissionFormValue("Tags")
	s.Tags = nonNil(s.Tags)
	return errs
}

// postSongSubmission is POST /studio/songs (SongSubmissionCreationDto, a
// multipart form): members submit a song, which waits for review. Users
// mentioned in AuthorName are invited to collaborate; an originality proof
// needs the caller among them, and only with one is Accessibility kept.
func (c *call) postSongSubmission() {
	if !c.member() || !c.readForm() {
		return
	}
	s, authors, ok := c.readNewSongSubmission("File", "Illustration")
	if !ok {
		return
	}
	for _, f := range []struct {
		field, folder, ext string
		dst                *string
	}{
		{"File", "songs", ".mp3", &s.File},
		{"Illustration", "songs/illustrations", ".webp", &s.Illustration},
	} {
		url, _, ok := c.formFile(f.field, s.ID, f.folder, f.ext)
		if !ok {
			return
		}
		*f.dst = url
	}
	if c.addSongSubmission(&s, authors) {
		c.created(s.ID)
	}
}

// readNewSongSubmission binds and checks the text fields of a new song
// submission's form (SongSubmissionCreationDto, or the submission
// session's SessionSongCreationDto) as the caller's, with the files the
// form must hold: the preview, the authors, an originality proof's
// author and the event its tags name. It answers the failure itself when
// ok is false; the files are not received yet.
func (c *call) readNewSongSubmission(files ...string) (s SongSubmission, authors []int, ok bool) {
	s = SongSubmission{ID: c.newID(), OwnerID: ptr(c.caller.ID), Status: RequestWaiting}
	errs := c.readSongSubmissionForm(&s)
	errs = append(errs, validateSongSubmission(&s)...)
	for _, name := range files {
		if _, _, err := c.r.FormFile(name); err != nil {
			errs = append(errs, fieldError{Field: name, Errors: []string{codeFieldEmpty}})
		}
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return s, nil, false
	}
	if s.PreviewStart < 0 || s.PreviewStart >= s.PreviewEnd {
		c.fail(http.StatusBadRequest, codeSongSubmissionTimeRelation)
		return s, nil, false
	}
	authors = songSubmissionAuthors(s.AuthorName)
	if _, _, err := c.r.FormFile("OriginalityProof"); err == nil && !slices.Contains(authors, c.caller.ID) {
		c.fail(http.StatusBadRequest, codeSongSubmissionAuthorInfo)
		return s, nil, false
	}
	for _, id := range authors {
		if c.d.User(id) == nil {
			c.fail(http.StatusBadRequest, codeUserNotFound)
			return s, nil, false
		}
	}
	if _, _, ok := c.songSubmissionEvent(s.Tags, c.caller.ID, true); !ok {
		return s, nil, false
	}
	return s, authors, true
}

// addSongSubmission receives the form's License and OriginalityProof for
// s, whose audio and illustration are set, stores it as processed at once
// and invites the authors other than the caller to collaborate. It
// answers the failure itself when it returns false.
func (c *call) addSongSubmission(s *SongSubmission, authors []int) bool {
	for _, f := range []struct {
		field, folder string
		dst           **string
	}{
		{"License", "songs/licenses", &s.License},
		{"OriginalityProof", "songs/originalityProofs", &s.OriginalityProof},
	} {
		url, present, ok := c.formFile(f.field, s.ID, f.folder, ".pdf")
		if !ok {
			return false
		}
		if present {
			*f.dst = &url
		}
	}
	if s.OriginalityProof == nil {
		s.Accessibility = AllowAny
	}
	s.Duration = songSubmissionAudioLength
	s.DateCreated, s.DateFileUpdated, s.DateUpdated = c.now(), c.now(), c.now()

	st := c.studio()
	st.SongSubmissions = append(st.SongSubmissions, *s)
	c.d.reindex()
	invited := map[int]bool{c.caller.ID: true}
	for _, id := range authors {
		if !invited[id] {
			invited[id] = true
			c.addSongSubmissionCollaboration(st.songSubmission(s.ID), id, nil)
		}
	}
	return true
}

// patchSongSubmission is PATCH /studio/songs/{id}: a JSON Patch over
// SongSubmissionUpdateDto by its owner or a moderator. The preview must
// lie within the song, an owner of a submission with an originality proof
// must stay among its authors, and the submission waits for review again.
func (c *call) patchSongSubmission() {
	s := c.editableSongSubmission()
	if s == nil {
		return
	}
	next := *s
	next.Tags = slices.Clone(s.Tags)
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/title":
			return patchField(op, &next.Title, false)
		case "/editiontype":
			return patchField(op, &next.EditionType, false)
		case "/edition":
			return patchField(op, &next.Edition, true)
		case "/authorname":
			return patchField(op, &next.AuthorName, false)
		case "/illustrator":
			return patchField(op, &next.Illustrator, false)
		case "/description":
			return patchField(op, &next.Description, true)
		case "/accessibility":
			return patchField(op, &next.Accessibility, false)
		case "/lyrics":
			return patchField(op, &next.Lyrics, true)
		case "/bpm":
			return patchField(op, &next.Bpm, false)
		case "/minbpm":
			return patchField(op, &next.MinBpm, false)
		case "/maxbpm":
			return patchField(op, &next.MaxBpm, false)
		case "/offset":
			return patchField(op, &next.Offset, false)
		case "/previewstart":
			return patchField(op, &next.PreviewStart, false)
		case "/previewend":
			return patchField(op, &next.PreviewEnd, false)
		case "/tags":
			return patchField(op, &next.Tags, false)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if errs := validateSongSubmission(&next); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if next.PreviewStart < 0 || next.PreviewStart >= next.PreviewEnd || next.PreviewEnd > s.Duration {
		c.fail(http.StatusBadRequest, codeSongSubmissionTimeRelation)
		return
	}
	authors := songSubmissionAuthors(next.AuthorName)
	if s.OriginalityProof != nil && c.ownsSubmission(s) && !slices.Contains(authors, c.caller.ID) {
		c.fail(http.StatusBadRequest, codeSongSubmissionAuthorInfo)
		return
	}
	tagChanged := !sameSongSubmissionTags(s.Tags, next.Tags)
	if !c.songSubmissionMayEnter(s, next.Tags, tagChanged) {
		return
	}

	if next.OriginalityProof == nil {
		next.Accessibility = AllowAny
	}
	next.DateUpdated, next.Status = c.now(), RequestWaiting
	*s = next
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// sameSongSubmissionTags tells whether two tag lists hold the same names.
func sameSongSubmissionTags(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// postSongSubmissionReview is POST /studio/songs/{id}/review
// (SongSubmissionReviewDto): moderators review others' submissions,
// administrators their own too. Approval publishes the song, or updates
// the song the submission became; rejection needs a message.
func (c *call) postSongSubmissionReview() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	s := c.studio().songSubmission(c.params["id"])
	switch {
	case s == nil:
		c.notFound()
		return
	case !c.hasRole(RoleMember) || c.ownsSubmission(s) && !c.hasRole(RoleAdministrator) ||
		!c.hasRole(RoleModerator):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	var body struct {
		Status     RequestStatus `json:"status"`
		IsOriginal bool          `json:"isOriginal"`
		IsHidden   bool          `json:"isHidden"`
		IsLocked   bool          `json:"isLocked"`
		Message    *string       `json:"message"`
	}
	if !c.readJSON(&body) {
		return
	}
	if body.Status < RequestWaiting || body.Status > RequestRejected {
		c.invalid([]fieldError{{Field: "Status", Errors: []string{codeValueOutOfRange}}})
		return
	}
	if body.Status == RequestRejected && body.Message == nil {
		message := "Message is required on rejection."
		c.writeJSON(http.StatusBadRequest, envelope{
			Status: StatusErrorWithMessage, Code: codeInvalidData, Message: &message,
		})
		return
	}

	s.Status, s.ReviewerID, s.Message = body.Status, ptr(c.caller.ID), body.Message
	if body.Status == RequestApproved {
		id := c.publishSongSubmission(s, body.IsOriginal, body.IsHidden, body.IsLocked)
		s.RepresentationID = &id
	}
	s.DateUpdated = c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// publishSongSubmission is ApproveSong: it creates the song a submission becomes,
// with its tags (made when missing), or updates the song it became, and
// returns the song's ID.
func (c *call) publishSongSubmission(s *SongSubmission, isOriginal, isHidden, isLocked bool) string {
	song := Song{ID: c.newID(), OwnerID: songSubmissionOwner(s), DateCreated: c.now(), ChartLevels: []ChartLevelCount{}}
	if s.RepresentationID != nil {
		if old := c.d.Song(*s.RepresentationID); old != nil {
			song = *old
		}
	}
	authorName := s.AuthorName
	song.Title, song.EditionType, song.Edition, song.AuthorName = s.Title, s.EditionType, s.Edition, &authorName
	song.File, song.Illustration, song.Illustrator = s.File, s.Illustration, s.Illustrator
	song.Description, song.Accessibility, song.Lyrics = s.Description, s.Accessibility, s.Lyrics
	song.IsHidden, song.IsLocked, song.IsOriginal = isHidden, isLocked, isOriginal
	song.Bpm, song.MinBpm, song.MaxBpm, song.Offset = s.Bpm, s.MinBpm, s.MaxBpm, s.Offset
	song.License, song.Duration = s.License, s.Duration
	song.PreviewStart, song.PreviewEnd = s.PreviewStart, s.PreviewEnd
	song.DateFileUpdated, song.DateUpdated = c.now(), c.now()
	song.Tags = c.songSubmissionTags(s.Tags)

	if old := c.d.Song(song.ID); old != nil {
		*old = song
	} else {
		c.d.Songs = append(c.d.Songs, song)
	}
	return song.ID
}

// songSubmissionTags returns the tags of the names given, making those missing.
func (c *call) songSubmissionTags(names []string) []Tag {
	tags := []Tag{}
	for _, name := range names {
		i := slices.IndexFunc(c.d.Tags, func(t Tag) bool { return t.NormalizedName == normalize(name) })
		if i < 0 {
			c.d.Tags = append(c.d.Tags, Tag{
				ID: c.newID(), Name: name, NormalizedName: normalize(name), DateCreated: c.now(),
			})
			i = len(c.d.Tags) - 1
		}
		tags = append(tags, c.d.Tags[i])
	}
	return tags
}
