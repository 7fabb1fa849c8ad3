package sandbox

import "net/http"

// Routes of the studio area. Submissions, admissions and collaborations
// need a signed-in caller (the upstream's controllers require one) and,
// after that, a member; resource records and service scripts are public.

func studioRoutes(s *Server) []route {
	get := func(t string, h func(c *call)) route { return newRoute(http.MethodGet, t, h) }
	return []route{
		get("/studio/charts", (*call).getChartSubmissions),
		get("/studio/charts/{id:guid}", (*call).getChartSubmission),
		get("/studio/charts/{id:guid}/assets", (*call).getChartSubmissionAssets),
		get("/studio/charts/{id:guid}/assets/{assetId:guid}", (*call).getChartSubmissionAsset),
		get("/studio/charts/{id:guid}/votes", (*call).getChartSubmissionVotes),
		get("/studio/charts/{id:guid}/serviceRecords", (*call).getChartSubmissionServiceRecords),
		get("/studio/charts/{id:guid}/serviceRecords/{recordId:guid}", (*call).getChartSubmissionServiceRecord),
		get("/studio/songs", (*call).getSongSubmissions),
		get("/studio/songs/{id:guid}", (*call).getSongSubmission),
		get("/studio/songs/{id:guid}/serviceRecords", (*call).getSongSubmissionServiceRecords),
		get("/studio/songs/{id:guid}/serviceRecords/{recordId:guid}", (*call).getSongSubmissionServiceRecord),
		get("/studio/headline", (*call).getStudioHeadline),

		get("/charts/{id:guid}/assets", (*call).getChartAssets),
		get("/charts/{id:guid}/assets/{assetId:guid}", (*call).getChartAsset),

		get("/admissions/chapters", admissionList(AdmitterChapter, false)),
		get("/admissions/collections", admissionList(AdmitterCollection, false)),
		get("/admissions/songs", admissionList(AdmitterSong, false)),
		get("/admissions/songSubmissions", admissionList(AdmitterSongSubmission, false)),
		get("/admissions/charts", admissionList(AdmitterSong, true)),
		get("/admissions/chapters/{chapterId:guid}/{songId:guid}", admissionOne(AdmitterChapter, "chapterId", "songId")),
		get("/admissions/collections/{collectionId:guid}/{chartId:guid}",
			admissionOne(AdmitterCollection, "collectionId", "chartId")),
		get("/admissions/songs/{songId:guid}/{chartSubmissionId:guid}",
			admissionOne(AdmitterSong, "songId", "chartSubmissionId")),
		get("/admissions/songSubmissions/{songSubmissionId:guid}/{chartSubmissionId:guid}",
			admissionOne(AdmitterSongSubmission, "songSubmissionId", "chartSubmissionId")),
		get("/admissions/charts/{chartId:guid}/{songId:guid}", (*call).getChartAdmission),

		get("/collaborations", (*call).getCollaborations),
		get("/collaborations/{id:guid}", (*call).getCollaboration),
		get("/resourceRecords", (*call).getResourceRecords),
		get("/resourceRecords/{id:guid}", (*call).getResourceRecord),
		get("/services", (*call).getServiceScripts),
		get("/services/{id:guid}", (*call).getServiceScript),
		get("/services/records", (*call).getServiceRecords),
		get("/services/records/{id:guid}", (*call).getServiceRecord),
	}
}

// Response codes of the studio's routes.
const ()

// hasRole reports whether the caller holds role or a higher one.
func (c *call) hasRole(role UserRole) bool { return c.caller != nil && c.caller.Role >= role }

func (c *call) studio() *Studio { return &c.d.Areas.Studio }

// getChartSubmissions is GET /studio/charts (ChartSubmissionFilterDto,
// Search on title and author name): volunteers see every submission,
// others their own.
func (c *call) getChartSubmissions() {
	if !c.member() {
		return
	}
	l, ok := c.bind(specFor[chartSubmissionFilter, ChartSubmission](), false)
	if !ok {
		return
	}
	volunteer := c.hasRole(RoleVolunteer)
	page, total := collect(l, c.studio().ChartSubmissions, func(s *ChartSubmission) bool {
		return volunteer || s.OwnerID == c.caller.ID
	}, func(s *ChartSubmission) []string { return []string{deref(s.Title), s.AuthorName} })
	c.many(mapList(page, c.chartSubmission), total, l.listParams)
}

// getChartSubmission is GET /studio/charts/{id}, under an ETag.
func (c *call) getChartSubmission() {
	if !c.member() {
		return
	}
	s := c.studio().chartSubmission(c.params["id"])
	if s == nil {
		c.notFound()
		return
	}
	c.one(c.chartSubmission(*s))
}

// chartSubmission renders a chart submission with its song or song
// submission and the caller's vote date.
func (c *call) chartSubmission(s ChartSubmission) ChartSubmission {
	s.Song, s.SongSubmission, s.DateVoted = nil, nil, nil
	if s.SongID != nil {
		if song := c.d.Song(*s.SongID); song != nil {
			out := c.song(*song, false)
			s.Song = &out
		}
	}
	if s.SongSubmissionID != nil {
		s.SongSubmission = c.studio().songSubmission(*s.SongSubmissionID)
	}
	if c.caller != nil {
		for _, v := range c.studio().Votes {
			if v.ChartID == s.ID && v.OwnerID == c.caller.ID {
				s.DateVoted = &v.DateCreated
			}
		}
	}
	s.Tags = nonNil(s.Tags)
	return s
}

// getChartSubmissionAssets is GET /studio/charts/{id}/assets
// (ChartAssetSubmissionFilterDto).
func (c *call) getChartSubmissionAssets() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	id := c.params["id"]
	if c.studio().chartSubmission(id) == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	if !c.member() {
		return
	}
	l, ok := c.bind(specFor[chartAssetSubmissionFilter, ChartAssetSubmission](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.studio().AssetSubmissions,
		func(a *ChartAssetSubmission) bool { return a.ChartSubmissionID == id }, nil)
	c.many(page, total, l.listParams)
}

// getChartSubmissionAsset is GET /studio/charts/{id}/assets/{assetId},
// under an ETag.
func (c *call) getChartSubmissionAsset() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	id := c.params["id"]
	if c.studio().chartSubmission(id) == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	for _, a := range c.studio().AssetSubmissions {
		if a.ID == c.params["assetId"] && a.ChartSubmissionID == id {
			if c.member() {
				c.one(a)
			}
			return
		}
	}
	c.notFound()
}

// getChartSubmissionVotes is GET /studio/charts/{id}/votes (paging and
// order only): the submission's owner and volunteers may read them.
func (c *call) getChartSubmissionVotes() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	l, ok := c.bind(nil, false)
	if !ok {
		return
	}
	s := c.studio().chartSubmission(c.params["id"])
	if s == nil {
		c.notFound()
		return
	}
	if !c.member() {
		return
	}
	if s.OwnerID != c.caller.ID && !c.hasRole(RoleVolunteer) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	page, total := collect(l, c.studio().Votes, func(v *VolunteerVote) bool { return v.ChartID == s.ID }, nil)
	c.many(page, total, l.listParams)
}

// getSongSubmissions is GET /studio/songs (SongSubmissionFilterDto, Search
// on title and author name): moderators see every submission, others
// their own.
func (c *call) getSongSubmissions() {
	if !c.member() {
		return
	}
	l, ok := c.bind(specFor[songSubmissionFilter, SongSubmission](), false)
	if !ok {
		return
	}
	moderator := c.hasRole(RoleModerator)
	page, total := collect(l, c.studio().SongSubmissions, func(s *SongSubmission) bool {
		return moderator || s.OwnerID != nil && *s.OwnerID == c.caller.ID
	}, func(s *SongSubmission) []string { return []string{s.Title, s.AuthorName} })
	c.many(mapList(page, songSubmissionView), total, l.listParams)
}

// getSongSubmission is GET /studio/songs/{id}, under an ETag.
func (c *call) getSongSubmission() {
	if !c.member() {
		return
	}
	s := c.studio().songSubmission(c.params["id"])
	if s == nil {
		c.notFound()
		return
	}
	c.one(songSubmissionView(*s))
}

func songSubmissionView(s SongSubmission) SongSubmission {
	s.Tags = nonNil(s.Tags)
	return s
}

// submissionServiceRecords answers GET /studio/{charts,songs}/{id}/
// serviceRecords (ApplicationServiceRecordFilterDto) for a qualified
// caller.
func (c *call) submissionServiceRecords(exists func(string) bool) {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	if !c.hasRole(RoleQualified) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	id := c.params["id"]
	if !exists(id) {
		c.notFound()
		return
	}
	l, ok := c.bind(specFor[applicationServiceRecordFilter, ApplicationServiceRecord](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.studio().AppServiceRecords,
		func(r *ApplicationServiceRecord) bool { return r.ResourceID == id }, nil)
	c.many(page, total, l.listParams)
}

// submissionServiceRecord answers GET /studio/{charts,songs}/{id}/
// serviceRecords/{recordId}, under an ETag.
func (c *call) submissionServiceRecord(exists func(string) bool) {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	if !c.hasRole(RoleQualified) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	id := c.params["id"]
	if !exists(id) {
		c.notFound()
		return
	}
	for _, r := range c.studio().AppServiceRecords {
		if r.ID == c.params["recordId"] && r.ResourceID == id {
			c.one(r)
			return
		}
	}
	c.notFound()
}

func (c *call) chartSubmissionExists(id string) bool { return c.studio().chartSubmission(id) != nil }
func (c *call) songSubmissionExists(id string) bool  { return c.studio().songSubmission(id) != nil }

func (c *call) getChartSubmissionServiceRecords() {
	c.submissionServiceRecords(c.chartSubmissionExists)
}

func (c *call) getChartSubmissionServiceRecord() { c.submissionServiceRecord(c.chartSubmissionExists) }

func (c *call) getSongSubmissionServiceRecords() { c.submissionServiceRecords(c.songSubmissionExists) }

func (c *call) getSongSubmissionServiceRecord() { c.submissionServiceRecord(c.songSubmissionExists) }

// Headlines of the studio, by what the caller may do.
const (
	headlineQualified = "Qualified charters: your uploads skip the volunteers' queue."
	headlineMember    = "Welcome to the studio! Read the upload guide before you submit."
)

// getStudioHeadline is GET /studio/headline: a signed-in caller's headline,
// one for qualified users and one for the others.
func (c *call) getStudioHeadline() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	h := headlineMember
	if c.hasRole(RoleQualified) {
		h = headlineQualified
	}
	c.plain(struct {
		Headline *string `json:"headline"`
	}{&h})
}

// getChartAssets is GET /charts/{id}/assets (ChartAssetFilterDto).
func (c *call) getChartAssets() {
	l, ok := c.bind(specFor[chartAssetFilter, ChartAsset](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	if c.d.Chart(id) == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	page, total := collect(l, c.studio().ChartAssets, func(a *ChartAsset) bool { return a.ChartID == id }, nil)
	c.many(page, total, l.listParams)
}

// getChartAsset is GET /charts/{id}/assets/{assetId}, under an ETag.
func (c *call) getChartAsset() {
	id := c.params["id"]
	if c.d.Chart(id) == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	for _, a := range c.studio().ChartAssets {
		if a.ID == c.params["assetId"] && a.ChartID == id {
			c.one(a)
			return
		}
	}
	c.notFound()
}
