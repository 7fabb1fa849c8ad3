package sandbox

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Writes on song submissions (SongSubmissionController). The sandbox
// decodes no audio: every audio file it receives is taken as processed at
// once and lasting songSubmissionAudioLength. It runs no event task scripts: a
// song enters an event division when its tags name one and its owner is in
// one of the division's teams. Service scripts are not run either: a run
// answers SUCCESS once every parameter the script declares is given, and
// ERROR naming the first one missing otherwise.

// songSubmissionAudioLength is how long every audio file the sandbox receives lasts.
const songSubmissionAudioLength = TimeSpan(150 * time.Second)

// Response codes of the song submission routes.
const (
	codeSongSubmissionTimeRelation = "InvalidTimeRelation"
	codeSongSubmissionAuthorInfo   = "InvalidAuthorInfo"
	codeSongSubmissionNotStarted   = "DivisionNotStarted"
	codeSongSubmissionNotEnrolled  = "NotEnrolled"
)

// Service answers of the sandbox (ServiceResponseType Success and Error).
const (
	songSubmissionServiceSuccess = 1
	songSubmissionServiceError   = 3
)

func init() {
	areaRoutes["writes-studio-songs"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/studio/songs", (*call).postSongSubmission),
			newRoute(http.MethodPost, "/studio/songs/checkEvent", (*call).postSongSubmissionCheckEvent),
			newRoute(http.MethodPatch, "/studio/songs/{id:guid}", (*call).patchSongSubmission),
			newRoute(http.MethodDelete, "/studio/songs/{id:guid}", (*call).deleteSongSubmission),
			newRoute(http.MethodPatch, "/studio/songs/{id:guid}/file", (*call).patchSongSubmissionAudio),
			newRoute(http.MethodPatch, "/studio/songs/{id:guid}/illustration",
				songSubmissionFile("illustration", "songs/illustrations", ".webp")),
			newRoute(http.MethodPatch, "/studio/songs/{id:guid}/license",
				songSubmissionFile("license", "songs/licenses", ".pdf")),
			newRoute(http.MethodDelete, "/studio/songs/{id:guid}/license",
				removeSongSubmissionFile("license")),
			newRoute(http.MethodPatch, "/studio/songs/{id:guid}/originalityProof",
				songSubmissionFile("originalityProof", "songs/originalityProofs", ".pdf")),
			newRoute(http.MethodDelete, "/studio/songs/{id:guid}/originalityProof",
				removeSongSubmissionFile("originalityProof")),
			newRoute(http.MethodPost, "/studio/songs/{id:guid}/useService/{serviceId:guid}",
				(*call).postSongSubmissionService),
			newRoute(http.MethodPost, "/studio/songs/{id:guid}/collaborations",
				(*call).postSongSubmissionCollaboration),
			newRoute(http.MethodPost, "/studio/songs/{id:guid}/review", (*call).postSongSubmissionReview),
		}
	}
}

// songSubmissionMention is a user's mention in rich text, as GetAuthorIds reads it.
var songSubmissionMention = regexp.MustCompile(`\[PZUser:(\d+):`)

// songSubmissionAuthors returns the users mentioned in an author name.
func songSubmissionAuthors(name string) []int {
	var ids []int
	for _, m := range songSubmissionMention.FindAllStringSubmatch(name, -1) {
		if id, err := strconv.Atoi(m[1]); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// editableSongSubmission finds the route's song submission and checks
// that the caller may change it, as the upstream does: 401 without a
// token, 404 for an unknown one, 403 for a caller below member or neither
// its owner nor a moderator.
func (c *call) editableSongSubmission() *SongSubmission {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	s := c.studio().songSubmission(c.params["id"])
	switch {
	case s == nil:
		c.notFound()
		return nil
	case !c.hasRole(RoleMember) || !c.ownsSubmission(s) && !c.hasRole(RoleModerator):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return s
}

func (c *call) ownsSubmission(s *SongSubmission) bool {
	return songSubmissionOwner(s) == c.caller.ID
}

// songSubmissionEvent is GetEvent: the song event division the tags name, ended no
// more than 180 days ago, and user's team in it. With started, only a
// started division counts (the tags changed); otherwise an ended one too.
// It answers 400 itself (ok false) when a division matches but the song
// cannot enter it.
func (c *call) songSubmissionEvent(tags []string, user int, started bool) (*EventDivision, *EventTeam, bool) {
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = normalize(t)
	}
	var matched []*EventDivision
	for i := range c.d.Divisions {
		v := &c.d.Divisions[i]
		if v.Type != DivisionSong || v.Status == DivisionCreated || v.TagID == nil ||
			v.DateEnded.Add(180*24*time.Hour).Before(c.now()) {
			continue
		}
		if j, ok := c.d.idx.tags[*v.TagID]; ok && slices.Contains(names, c.d.Tags[j].NormalizedName) {
			matched = append(matched, v)
		}
	}
	if len(matched) == 0 {
		return nil, nil, true
	}

	i := slices.IndexFunc(matched, func(v *EventDivision) bool {
		return v.Status == DivisionStarted || !started && v.Status == DivisionEnded
	})
	if i < 0 {
		c.fail(http.StatusBadRequest, codeSongSubmissionNotStarted)
		return nil, nil, false
	}
	division := matched[i]
	for _, t := range c.d.idx.teamsByDivision[division.ID] {
		if team := &c.d.Teams[t]; c.participates(team.ID, user) {
			return division, team, true
		}
	}
	c.fail(http.StatusBadRequest, codeSongSubmissionNotEnrolled)
	return division, nil, false
}

// postSongSubmissionCheckEvent is POST /studio/songs/checkEvent
// (StringArrayDto, ?userId=): the division and team a song with the tags
// would enter for the user, the caller by default.
func (c *call) postSongSubmissionCheckEvent() {
	if !c.member() {
		return
	}
	var body struct {
		Strings []string `json:"strings"`
	}
	if !c.readJSON(&body) {
		return
	}
	user := c.caller
	if raw := c.q.values("userid"); len(raw) > 0 {
		id, err := strconv.Atoi(raw[0])
		if err != nil {
			c.invalid([]fieldError{invalidValue("userId", raw[0])})
			return
		}
		if user = c.d.User(id); user == nil {
			c.fail(http.StatusNotFound, codeUserNotFound)
			return
		}
	}

	division, team, ok := c.songSubmissionEvent(body.Strings, user.ID, false)
	if !ok {
		return
	}
	out := map[string]any{"division": nil, "team": nil}
	if division != nil {
		out["division"] = c.division(*division)
	}
	if team != nil {
		out["team"] = c.team(*team, false)
	}
	c.plain(out)
}

// deleteSongSubmission is DELETE /studio/songs/{id}: its owner or a
// moderator, and only administrators once it became a song.
func (c *call) deleteSongSubmission() {
	s := c.editableSongSubmission()
	if s == nil {
		return
	}
	if s.RepresentationID != nil && !c.hasRole(RoleAdministrator) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	st := c.studio()
	id := s.ID
	st.SongSubmissions = slices.DeleteFunc(st.SongSubmissions, func(x SongSubmission) bool { return x.ID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchSongSubmissionAudio is PATCH /studio/songs/{id}/file: the new audio
// as File, processed at once; the preview is cut to the new length.
func (c *call) patchSongSubmissionAudio() {
	s := c.editableSongSubmission()
	if s == nil || !c.readForm() || !c.songSubmissionMayEnter(s, s.Tags, false) {
		return
	}
	url, present, ok := c.formFile("File", s.ID, "songs", ".mp3")
	if !ok {
		return
	}
	if present {
		s.File, s.Duration = url, songSubmissionAudioLength
		s.DateFileUpdated, s.DateUpdated, s.Status = c.now(), c.now(), RequestWaiting
		s.PreviewEnd = min(s.PreviewEnd, s.Duration)
		if s.PreviewStart > s.PreviewEnd {
			s.PreviewStart = 0
		}
	}
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// songSubmissionFile answers PATCH /studio/songs/{id}/illustration,
// /license and /originalityProof: the file as File; without one nothing
// changes.
func songSubmissionFile(field, folder, ext string) func(*call) {
	return func(c *call) {
		s := c.editableSongSubmission()
		if s == nil || !c.readForm() || !c.songSubmissionMayEnter(s, s.Tags, false) {
			return
		}
		url, present, ok := c.formFile("File", s.ID, folder, ext)
		if !ok {
			return
		}
		if present {
			switch field {
			case "illustration":
				s.Illustration = url
			case "license":
				s.License = &url
			case "originalityProof":
				s.OriginalityProof = &url
			}
			s.DateUpdated, s.Status = c.now(), RequestWaiting
		}
		c.d.reindex()
		c.empty(http.StatusNoContent)
	}
}

// removeSongSubmissionFile answers DELETE /studio/songs/{id}/license and
// /originalityProof.
func removeSongSubmissionFile(field string) func(*call) {
	return func(c *call) {
		s := c.editableSongSubmission()
		if s == nil || !c.songSubmissionMayEnter(s, s.Tags, false) {
			return
		}
		if field == "license" {
			s.License = nil
		} else {
			s.OriginalityProof = nil
		}
		s.DateUpdated, s.Status = c.now(), RequestWaiting
		c.d.reindex()
		c.empty(http.StatusNoContent)
	}
}

// songSubmissionMayEnter is the upstream's CheckForEvent before a change
// of s that would carry tags: false when it answered 400 because the
// song cannot enter the division its tags name. The sandbox checks before
// it changes anything, so a refused change leaves s as it was.
func (c *call) songSubmissionMayEnter(s *SongSubmission, tags []string, started bool) bool {
	_, _, ok := c.songSubmissionEvent(tags, songSubmissionOwner(s), started)
	return ok
}

// songSubmissionOwner is the ID of the user who submitted s; 0 for none.
func songSubmissionOwner(s *SongSubmission) int {
	if s.OwnerID == nil {
		return 0
	}
	return *s.OwnerID
}

// postSongSubmissionService is POST /studio/songs/{id}/useService/
// {serviceId} (ServiceScriptUsageDto): members run a script made for song
// submissions.
func (c *call) postSongSubmissionService() {
	if !c.member() {
		return
	}
	s := c.studio().songSubmission(c.params["id"])
	if s == nil {
		c.notFound()
		return
	}
	scripts := c.studio().ServiceScripts
	i := slices.IndexFunc(scripts, func(x ServiceScript) bool { return x.ID == c.params["serviceId"] })
	if i < 0 {
		c.notFound()
		return
	}
	service := scripts[i]
	if service.TargetType != 0 {
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}
	var body struct {
		Parameters map[string]string `json:"parameters"`
	}
	if !c.readJSON(&body) {
		return
	}
	if body.Parameters == nil {
		c.invalid([]fieldError{{Field: "Parameters", Errors: []string{codeFieldEmpty}}})
		return
	}

	out := map[string]any{"type": songSubmissionServiceSuccess, "redirectUri": nil,
		"message": service.Name + " ran on " + s.Title + "."}
	for _, p := range service.Parameters {
		if _, given := body.Parameters[p]; !given {
			out["type"], out["message"] = songSubmissionServiceError, "Missing parameter: "+p+"."
			break
		}
	}
	c.plain(out)
}

// postSongSubmissionCollaboration is POST /studio/songs/{id}/collaborations
// (CollaborationCreationDto): on a submission with an originality proof,
// its owner or a moderator invites a user once.
func (c *call) postSongSubmissionCollaboration() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	s := c.studio().songSubmission(c.params["id"])
	switch {
	case s == nil:
		c.notFound()
		return
	case s.OriginalityProof == nil:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	case !c.hasRole(RoleMember) || !c.ownsSubmission(s) && !c.hasRole(RoleModerator):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	var body struct {
		InviteeID int     `json:"inviteeId"`
		Position  *string `json:"position"`
	}
	if !c.readJSON(&body) {
		return
	}
	if body.Position != nil && len([]rune(*body.Position)) > 100 {
		c.invalid([]fieldError{{Field: "Position", Errors: []string{codeValueTooLong}}})
		return
	}
	invitee := c.d.User(body.InviteeID)
	if invitee == nil {
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	}
	if slices.ContainsFunc(c.studio().Collaborations, func(x Collaboration) bool {
		return x.SubmissionID == s.ID && x.InviteeID == invitee.ID
	}) {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	if !c.songSubmissionMayEnter(s, s.Tags, false) {
		return
	}

	id := c.addSongSubmissionCollaboration(s, invitee.ID, body.Position)
	c.created(id)
}

// addSongSubmissionCollaboration invites a user to collaborate on s as
// the caller and returns the collaboration's ID.
func (c *call) addSongSubmissionCollaboration(s *SongSubmission, invitee int, position *string) string {
	id := c.newID()
	st := c.studio()
	st.Collaborations = append(st.Collaborations, Collaboration{
		ID: id, SubmissionID: s.ID, InviterID: c.caller.ID, InviteeID: invitee,
		Position: position, Status: RequestWaiting, DateCreated: c.now(),
	})
	return id
}

// songSubmissionFormValue reads a text field of the form as the upstream binds it: by
// name, ignoring case.
func (c *call) songSubmissionFormValue(name string) ([]string, bool) {
	for k, v := range c.r.MultipartForm.Value {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return nil, false
}
