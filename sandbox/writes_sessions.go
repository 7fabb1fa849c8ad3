package sandbox

import (
	"cmp"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Submission sessions (SubmissionController, studio/submissions): the
// studio's upload wizard. A member opens a session, uploads the song and
// its illustration (answered with what the song may duplicate), creates
// the song submission from them, uploads a chart, adds its assets and
// creates the chart submission, which ends the session. The upstream
// keeps a session in Redis for a day after its last upload; the sandbox
// keeps it in Data.Areas.Sessions and measures the day on its own clock
// (Data.Now). Like the upstream, it ties no session to the member who
// opened it: its ID is all a member needs to use it.

// submissionSessionLifetime is how long a session lasts after it was
// opened or last given an upload.
const submissionSessionLifetime = 24 * time.Hour

// submissionSessionMatches is how many matches of each kind the
// recognition answers, as the upstream's FindMatches(take: 5).
const submissionSessionMatches = 5

// sessionRecordAccept is the ResourceRecordStrategy of works anyone may
// upload (Accept), which the recognition does not report.
const sessionRecordAccept ResourceRecordStrategy = 0

// SubmissionSessionStatus is how far a session got
// (SubmissionSessionStatus).
type SubmissionSessionStatus int

// The upstream's SubmissionSessionStatus values.
const (
	SessionWaiting SubmissionSessionStatus = iota
	SessionSongFinished
	SessionChartFinished
)

// SubmissionSessions holds the submission sessions in progress.
type SubmissionSessions struct {
	// Open holds the sessions by ID; nil until the first is opened.
	Open map[string]*SubmissionSession
}

// SubmissionSession is one session, as the upstream's SubmissionSession
// holds it.
type SubmissionSession struct {
	ID     string
	Status SubmissionSessionStatus
	// Expires is when the session ends, on the sandbox's clock.
	Expires time.Time
	// Song and Illustration are the addresses of the files uploaded, empty
	// before; SongName is the song file's name, which the sandbox's
	// recognition reads.
	Song, Illustration, SongName string
	// Chart is the chart submission uploaded, stored when the session's
	// chart is created; Assets are its assets, without their submission.
	Chart  *ChartSubmission
	Assets []ChartAssetSubmission
}

func init() {
	areaRoutes["writes-sessions"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/studio/submissions", (*call).postSubmissionSession),
			newRoute(http.MethodPost, "/studio/submissions/{id:guid}/song", (*call).postSubmissionSessionSong),
			newRoute(http.MethodPost, "/studio/submissions/{id:guid}/song/new",
				(*call).postSubmissionSessionSongSubmission),
			newRoute(http.MethodPost, "/studio/submissions/{id:guid}/chart", (*call).postSubmissionSessionChart),
			newRoute(http.MethodPost, "/studio/submissions/{id:guid}/chart/assets",
				(*call).postSubmissionSessionAsset),
			newRoute(http.MethodPost, "/studio/submissions/{id:guid}/chart/assets/batch",
				(*call).postSubmissionSessionAssets),
			newRoute(http.MethodPost, "/studio/submissions/{id:guid}/chart/new",
				(*call).postSubmissionSessionChartSubmission),
		}
	}
}

// postSubmissionSession is POST /studio/submissions: a member opens a
// session, answered 201 with its ID.
func (c *call) postSubmissionSession() {
	if !c.member() {
		return
	}
	sessions := &c.d.Areas.Sessions
	if sessions.Open == nil {
		sessions.Open = map[string]*SubmissionSession{}
	}
	id := c.newID()
	sessions.Open[id] = &SubmissionSession{
		ID: id, Status: SessionWaiting, Expires: c.now().Add(submissionSessionLifetime),
	}
	c.created(id)
}

// submissionSession checks that the caller is a member and finds the
// route's session, answering itself when it returns nil: 400
// InvalidOperation for a session that never was or is over, and for one
// whose status is not among want (any status when want is empty).
func (c *call) submissionSession(want ...SubmissionSessionStatus) *SubmissionSession {
	if !c.member() {
		return nil
	}
	id := strings.ToLower(c.params["id"])
	s := c.d.Areas.Sessions.Open[id]
	if s != nil && !c.now().Before(s.Expires) {
		delete(c.d.Areas.Sessions.Open, id)
		s = nil
	}
	if s == nil || len(want) > 0 && !slices.Contains(want, s.Status) {
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return nil
	}
	return s
}

// postSubmissionSessionSong is POST /studio/submissions/{id}/song
// (SongIllustrationDto: Song and Illustration): at any step, the song and
// its illustration replace those the session had, and the answer (201) is
// what the song may duplicate (SongRecognitionSummaryDto).
func (c *call) postSubmissionSessionSong() {
	s := c.submissionSession()
	if s == nil || !c.readForm() {
		return
	}
	var errs []fieldError
	for _, name := range []string{"Song", "Illustration"} {
		if _, _, err := c.r.FormFile(name); err != nil {
			errs = append(errs, fieldError{Field: name, Errors: []string{codeFieldEmpty}})
		}
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	song, _, ok := c.formFile("Song", s.ID, "songs", ".mp3")
	if !ok {
		return
	}
	illustration, _, ok := c.formFile("Illustration", s.ID, "songs/illustrations", ".webp")
	if !ok {
		return
	}
	_, header, _ := c.r.FormFile("Song")

	s.Song, s.Illustration, s.SongName = song, illustration, header.Filename
	s.Status, s.Expires = SessionSongFinished, c.now().Add(submissionSessionLifetime)
	summary := c.recognizeSessionSong(s)
	c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: summary})
}

// postSubmissionSessionSongSubmission is POST /studio/submissions/{id}/
// song/new (SessionSongCreationDto, ?wait=): after the song's upload, the
// song submission of the session's song and illustration, created as POST
// /studio/songs creates one and answered 201 with its ID. With wait the
// preview must end within the song. The session stays as it is.
func (c *call) postSubmissionSessionSongSubmission() {
	session := c.submissionSession(SessionSongFinished)
	if session == nil || !c.readForm() {
		return
	}
	s, authors, ok := c.readNewSongSubmission()
	if !ok {
		return
	}
	if wait := c.q.values("wait"); len(wait) > 0 {
		if b, _ := strconv.ParseBool(wait[0]); b && s.PreviewEnd > songSubmissionAudioLength {
			c.fail(http.StatusBadRequest, codeSongSubmissionTimeRelation)
			return
		}
	}
	s.File, s.Illustration = session.Song, session.Illustration
	if c.addSongSubmission(&s, authors) {
		c.created(s.ID)
	}
}

// postSubmissionSessionChart is POST /studio/submissions/{id}/chart
// (ChartSubmissionCreationDto): after the song's upload, the chart, read
// and checked as POST /studio/charts does but kept in the session until
// its creation; answered 201 with no body.
func (c *call) postSubmissionSessionChart() {
	session := c.submissionSession(SessionSongFinished)
	if session == nil || !c.readForm() {
		return
	}
	s, ok := c.readNewChartSubmission()
	if !ok {
		return
	}
	session.Chart, session.Status = &s, SessionChartFinished
	session.Expires = c.now().Add(submissionSessionLifetime)
	c.empty(http.StatusCreated)
}

// postSubmissionSessionAsset is POST /studio/submissions/{id}/chart/assets
// (ChartAssetCreationDto): after the chart's upload, an asset kept in the
// session; answered 201 with no body. Unlike the assets of a submission,
// names are not checked against each other.
func (c *call) postSubmissionSessionAsset() {
	session := c.submissionSession(SessionChartFinished)
	if session == nil || !c.readForm() {
		return
	}
	var errs []fieldError
	f := c.readChartAssetForm("", &errs)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if c.keepSessionAsset(session, "", f) {
		session.Expires = c.now().Add(submissionSessionLifetime)
		c.empty(http.StatusCreated)
	}
}

// postSubmissionSessionAssets is POST /studio/submissions/{id}/chart/
// assets/batch: a list of ChartAssetCreationDto under "dtos[i].", kept in
// the session in order; answered 201 with no body. Unlike a single asset,
// a batch leaves the session's lifetime as it was.
func (c *call) postSubmissionSessionAssets() {
	session := c.submissionSession(SessionChartFinished)
	if session == nil || !c.readForm() {
		return
	}
	prefixes, forms, ok := c.readChartAssetForms()
	if !ok {
		return
	}
	for i, f := range forms {
		if !c.keepSessionAsset(session, prefixes[i], f) {
			return
		}
	}
	c.empty(http.StatusCreated)
}

// keepSessionAsset receives the file of prefix+"File" under the asset's
// future ID and keeps the asset in the session; false when it answered.
func (c *call) keepSessionAsset(session *SubmissionSession, prefix string, f chartAssetForm) bool {
	id := c.newID()
	url, _, ok := c.formFile(prefix+"File", id, "charts/assets", "")
	if !ok {
		return false
	}
	session.Assets = append(session.Assets,
		ChartAssetSubmission{ID: id, Type: f.typ, Name: f.name, File: url})
	return true
}

// postSubmissionSessionChartSubmission is POST /studio/submissions/{id}/
// chart/new: after the chart's upload, the chart submission and its
// assets are stored as POST /studio/charts stores one, and the session
// ends; answered 201 with the submission's ID. The event its tags name is
// checked again.
func (c *call) postSubmissionSessionChartSubmission() {
	session := c.submissionSession()
	if session == nil {
		return
	}
	if session.Chart == nil {
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}
	s := *session.Chart
	if _, _, ok := c.chartSubmissionEvent(s.Tags, c.caller.ID, true); !ok {
		return
	}

	now := c.now()
	s.DateCreated, s.DateFileUpdated, s.DateUpdated = now, now, now
	c.addChartSubmission(s)
	for _, a := range session.Assets {
		c.storeChartAsset(s.ID, a.ID, chartAssetForm{typ: a.Type, name: a.Name}, a.File)
	}
	delete(c.d.Areas.Sessions.Open, session.ID)
	c.d.reindex()
	c.created(s.ID)
}

// The recognition summary (SongRecognitionSummaryDto): what an uploaded
// song may duplicate, each with how closely it matched.
type (
	submissionSessionSummary struct {
		SongMatches           []submissionSessionSongMatch           `json:"songMatches"`
		SongSubmissionMatches []submissionSessionSongSubmissionMatch `json:"songSubmissionMatches"`
		ResourceRecordMatches []submissionSessionRecordMatch         `json:"resourceRecordMatches"`
	}
	submissionSessionSongMatch struct {
		Song
		Score float64 `json:"score"`
	}
	submissionSessionSongSubmissionMatch struct {
		SongSubmission
		Score float64 `json:"score"`
	}
	submissionSessionRecordMatch struct {
		ResourceRecord
		Score float64 `json:"score"`
	}
)

// recognizeSessionSong is the sandbox's stand-in for the upstream's audio
// fingerprints: it hears no audio and takes the song file's name, less
// its extension and with '_' and '-' read as spaces, for the song's
// title. A song, a song submission not yet published or a resource record
// (other than those accepted anyway) matches when one title holds the
// other; the score is the shorter title's share of the longer, 1 for the
// same title. Songs and submissions the caller may not build on
// (RefuseAny, not theirs) are left out, as the upstream leaves them out.
// Each list holds the best five, best first.
func (c *call) recognizeSessionSong(s *SubmissionSession) submissionSessionSummary {
	stem := strings.TrimSuffix(s.SongName, path.Ext(s.SongName))
	heard := normalize(strings.NewReplacer("_", " ", "-", " ").Replace(stem))
	out := submissionSessionSummary{
		SongMatches:           []submissionSessionSongMatch{},
		SongSubmissionMatches: []submissionSessionSongSubmissionMatch{},
		ResourceRecordMatches: []submissionSessionRecordMatch{},
	}
	for _, song := range c.d.Songs {
		if score := sessionTitleScore(heard, song.Title); score > 0 &&
			(song.Accessibility != RefuseAny || song.OwnerID == c.caller.ID) {
			out.SongMatches = append(out.SongMatches,
				submissionSessionSongMatch{c.song(song, false), score})
		}
	}
	for _, v := range c.studio().SongSubmissions {
		if score := sessionTitleScore(heard, v.Title); score > 0 && v.RepresentationID == nil &&
			(v.Accessibility != RefuseAny || songSubmissionOwner(&v) == c.caller.ID) {
			out.SongSubmissionMatches = append(out.SongSubmissionMatches,
				submissionSessionSongSubmissionMatch{songSubmissionView(v), score})
		}
	}
	for _, r := range c.studio().ResourceRecords {
		if score := sessionTitleScore(heard, r.Title); score > 0 && r.Strategy != sessionRecordAccept {
			out.ResourceRecordMatches = append(out.ResourceRecordMatches,
				submissionSessionRecordMatch{r, score})
		}
	}
	out.SongMatches = bestSessionMatches(out.SongMatches,
		func(m submissionSessionSongMatch) (float64, string) { return m.Score, m.ID })
	out.SongSubmissionMatches = bestSessionMatches(out.SongSubmissionMatches,
		func(m submissionSessionSongSubmissionMatch) (float64, string) { return m.Score, m.ID })
	out.ResourceRecordMatches = bestSessionMatches(out.ResourceRecordMatches,
		func(m submissionSessionRecordMatch) (float64, string) { return m.Score, m.ID })
	return out
}

// sessionTitleScore is how closely a title matches the normalized name
// heard: 0 unless one holds the other (and the shorter has 3 letters at
// least), else the shorter's share of the longer, to 2 decimals.
func sessionTitleScore(heard, title string) float64 {
	t := normalize(title)
	short, long := []rune(heard), []rune(t)
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 3 || !strings.Contains(string(long), string(short)) {
		return 0
	}
	return float64(int(float64(len(short))/float64(len(long))*100+0.5)) / 100
}

// bestSessionMatches orders matches by score, best first (ties by ID), and
// keeps the first submissionSessionMatches.
func bestSessionMatches[M any](l []M, key func(M) (float64, string)) []M {
	slices.SortFunc(l, func(a, b M) int {
		sa, ia := key(a)
		sb, ib := key(b)
		if sa != sb {
			return cmp.Compare(sb, sa)
		}
		return strings.Compare(ia, ib)
	})
	return l[:min(len(l), submissionSessionMatches)]
}
