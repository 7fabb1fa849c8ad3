package sandbox

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

func init() {
	areaGenerators = append(areaGenerators, areaGenerator{"studio", generateStudio})
	areaIndexers["studio"] = indexStudio
	areaRoutes["studio"] = studioRoutes
}

// Sizes of the studio's data set.
const (
	songSubmissionCount   = 90
	chartSubmissionCount  = 280
	studioChapterCount    = 12
	studioCollectionCount = 10
	resourceRecordCount   = 48
	serviceRecordCount    = 160
)

// studioGen draws the studio's data from the area's own random source, with
// the core generator's helpers.
type studioGen struct {
	*gen
	st         *Studio
	volunteers []int
	moderators []int
}

func generateStudio(core *gen, r *rand.Rand) {
	g := &studioGen{gen: &gen{r: r, d: core.d, start: core.start}, st: &core.d.Areas.Studio}
	for _, u := range g.d.Users {
		if u.Role >= RoleVolunteer {
			g.volunteers = append(g.volunteers, u.ID)
		}
		if u.Role >= RoleModerator {
			g.moderators = append(g.moderators, u.ID)
		}
	}

	g.songSubmissions()
	g.chartSubmissions()
	g.assets()
	g.votes()
	g.admissions()
	g.collaborations()
	g.resourceRecords()
	g.services()
}

// submitter picks the owner of a submission: the sandbox's signed-in
// members (Alice and Bob) own a fair share, so that their tokens see some.
func (g *studioGen) submitter() *User {
	if g.chance(0.25) {
		return &g.d.Users[1+g.r.IntN(2)] // users 2 and 3
	}
	return g.randomUser()
}

func (g *studioGen) status() RequestStatus {
	switch x := g.r.Float64(); {
	case x < 0.3:
		return RequestWaiting
	case x < 0.8:
		return RequestApproved
	}
	return RequestRejected
}

func (g *studioGen) songSubmissions() {
	taken := map[string]bool{}
	for range songSubmissionCount {
		owner := g.submitter()
		id := g.guid()
		created := g.date(later(owner.DateJoined, g.d.Now.AddDate(-1, 0, 0)), g.d.Now.AddDate(0, 0, -3))
		bpm := float64(g.between(90, 210))
		duration := time.Duration(g.between(900, 2800)) * 100 * time.Millisecond
		preview := time.Duration(g.between(20, 60)) * time.Second
		s := SongSubmission{
			ID: id, Title: g.songTitle(taken), EditionType: EditionOriginal,
			AuthorName:   owner.UserName,
			File:         fmt.Sprintf("%s/studio/songs/%s.mp3", resourceHost, id),
			Illustration: fmt.Sprintf("%s/studio/songs/%s.webp", resourceHost, id),
			Illustrator:  pick(g.gen, illustrators), Accessibility: Accessibility(g.r.IntN(3)),
			Status: g.status(), Bpm: bpm, MinBpm: bpm, MaxBpm: bpm, Offset: g.between(-50, 50),
			Duration: TimeSpan(duration), PreviewStart: TimeSpan(preview),
			PreviewEnd: TimeSpan(preview + 20*time.Second), Tags: []string{},
			OwnerID: ptr(owner.ID), DateCreated: created,
			DateFileUpdated: created, DateUpdated: g.date(created, g.d.Now.AddDate(0, 0, -1)),
		}
		if g.chance(0.3) {
			s.EditionType, s.Edition = EditionEditedByAuthor, ptr(pick(g.gen, []string{"Extended Mix", "Short Ver.", "Remix"}))
		}
		if g.chance(0.4) {
			s.Tags = []string{pick(g.gen, g.d.Tags).Name}
		}
		if s.Status != RequestWaiting && len(g.moderators) > 0 {
			s.ReviewerID = ptr(pick(g.gen, g.moderators))
			s.Message = ptr(pick(g.gen, reviewMessages[s.Status]))
		}
		if s.Status == RequestApproved && g.chance(0.8) {
			s.RepresentationID = ptr(pick(g.gen, g.d.Songs).ID)
		}
		if g.chance(0.2) {
			s.License = ptr(fmt.Sprintf("%s/studio/licenses/%s.pdf", resourceHost, id))
		}
		g.st.SongSubmissions = append(g.st.SongSubmissions, s)
	}
}

func (g *studioGen) chartSubmissions() {
	for range chartSubmissionCount {
		owner := g.submitter()
		id := g.guid()
		level := ChartLevel(g.r.IntN(5))
		c := ChartSubmission{
			ID: id, LevelType: level, Level: level.String(), Difficulty: g.difficulty(level),
			Format:     g.format(),
			File:       ptr(fmt.Sprintf("%s/studio/charts/%s.json", resourceHost, id)),
			AuthorName: mention(owner), Accessibility: Accessibility(g.r.IntN(3)),
			VolunteerStatus: g.status(), AdmissionStatus: RequestApproved,
			IsRanked: g.chance(0.5), Tags: []string{}, OwnerID: owner.ID,
		}
		// The volunteers review first; a moderator decides after them.
		c.Status = c.VolunteerStatus
		if c.Status == RequestApproved && g.chance(0.3) {
			c.Status = RequestWaiting
		}
		c.NoteCount = int(150 + c.Difficulty*90 + float64(g.between(-100, 300)))
		var after time.Time
		if g.chance(0.3) {
			s := pick(g.gen, g.st.SongSubmissions)
			c.SongSubmissionID, after = ptr(s.ID), s.DateCreated
		} else {
			s := pick(g.gen, g.d.Songs)
			c.SongID, after = ptr(s.ID), s.DateCreated
		}
		c.DateCreated = g.date(later(after, later(owner.DateJoined, g.d.Now.AddDate(-1, 0, 0))),
			g.d.Now.AddDate(0, 0, -2))
		c.DateFileUpdated = g.date(c.DateCreated, c.DateCreated.AddDate(0, 0, 5))
		c.DateUpdated = later(c.DateFileUpdated, g.date(c.DateCreated, g.d.Now.AddDate(0, 0, -1)))
		if g.chance(0.2) {
			c.Title = ptr(pick(g.gen, chartVariants))
		}
		if g.chance(0.3) {
			c.Description = ptr(pick(g.gen, chartTexts))
		}
		if g.chance(0.25) {
			c.Illustration = ptr(fmt.Sprintf("%s/studio/charts/%s.webp", resourceHost, id))
			c.Illustrator = ptr(pick(g.gen, illustrators))
		}
		if c.Status == RequestApproved && g.chance(0.8) {
			c.RepresentationID = ptr(pick(g.gen, g.d.Charts).ID)
		}
		g.st.ChartSubmissions = append(g.st.ChartSubmissions, c)
	}
}

var assetNames = []string{"bg.png", "hit.wav", "intro.mp4", "extra.json", "glow.glsl", "notes.zip", "cover.jpg"}

// assets gives some chart submissions and some charts files besides their
// chart file.
func (g *studioGen) assets() {
	for _, c := range g.st.ChartSubmissions {
		if !g.chance(0.35) {
			continue
		}
		for range g.between(1, 4) {
			t := g.r.IntN(len(assetNames))
			created := g.date(c.DateCreated, c.DateUpdated)
			id := g.guid()
			g.st.AssetSubmissions = append(g.st.AssetSubmissions, ChartAssetSubmission{
				ID: id, OwnerID: c.OwnerID, ChartSubmissionID: c.ID, Type: ChartAssetType(min(t, 5)),
				Name: assetNames[t], File: fmt.Sprintf("%s/studio/assets/%s", resourceHost, id),
				DateCreated: created, DateUpdated: g.date(created, c.DateUpdated),
			})
		}
	}
	for _, c := range g.d.Charts {
		if !g.chance(0.12) {
			continue
		}
		for range g.between(1, 4) {
			t := g.r.IntN(len(assetNames))
			created := g.date(c.DateCreated, c.DateUpdated)
			id := g.guid()
			owner := c.OwnerID
			g.st.ChartAssets = append(g.st.ChartAssets, ChartAsset{
				ID: id, OwnerID: &owner, ChartID: c.ID, Type: min(t, 5), Name: assetNames[t],
				File:        fmt.Sprintf("%s/charts/assets/%s", resourceHost, id),
				DateCreated: created, DateUpdated: g.date(created, c.DateUpdated),
			})
		}
	}
}

var voteMessages = []string{
	"Clean and readable, approved.", "节奏对得很准，推荐通过", "Some notes are off sync in the bridge.",
	"Difficulty looks underrated.", "演出有点少，但可以接受", "Please fix the overlapping holds.",
}

// votes lets volunteers review chart submissions.
func (g *studioGen) votes() {
	if len(g.volunteers) == 0 {
		return
	}
	for _, c := range g.st.ChartSubmissions {
		voters := map[int]bool{}
		for range g.r.IntN(5) {
			v := pick(g.gen, g.volunteers)
			if voters[v] || v == c.OwnerID {
				continue
			}
			voters[v] = true
			g.st.Votes = append(g.st.Votes, VolunteerVote{
				ID: g.guid(), ChartID: c.ID, Score: float64(g.between(-3, 3)),
				SuggestedDifficulty: round(math.Max(1, c.Difficulty+g.r.Float64()*2-1), 1),
				Message:             pick(g.gen, voteMessages), OwnerID: v,
				DateCreated: g.date(c.DateCreated, g.d.Now.AddDate(0, 0, -1)),
			})
		}
	}
}

var admitterTitles = []string{"Chapter of Stars", "夜行列车", "Neon Nights", "春の章", "Deep Blue", "幻想乡"}

// admissions asks chapters to take songs, collections to take charts, and
// songs and song submissions of other owners to take chart submissions.
func (g *studioGen) admissions() {
	admitter := func(kind string) Admitter {
		owner := g.submitter()
		created := g.date(g.d.Now.AddDate(-2, 0, 0), g.d.Now.AddDate(0, -1, 0))
		id := g.guid()
		return Admitter{
			ID: id, Title: pick(g.gen, admitterTitles), Subtitle: kind,
			Illustration: fmt.Sprintf("%s/%ss/%s.webp", resourceHost, kind, id),
			Illustrator:  pick(g.gen, illustrators), Accessibility: RequireReview,
			LikeCount: g.r.IntN(200), OwnerID: owner.ID, DateCreated: created, DateUpdated: created,
		}
	}
	add := func(a StudioAdmission) {
		if a.RequesterID == a.RequesteeID {
			return
		}
		a.Status = g.status()
		if g.chance(0.3) {
			a.Label = ptr(fmt.Sprintf("#%d", g.between(1, 20)))
		}
		g.st.Admissions = append(g.st.Admissions, a)
	}

	for range studioChapterCount {
		ch := admitter("chapter")
		g.st.Chapters = append(g.st.Chapters, ch)
		for range g.between(3, 8) {
			s := pick(g.gen, g.d.Songs)
			add(StudioAdmission{AdmitterID: ch.ID, AdmitteeID: s.ID, AdmitterType: AdmitterChapter,
				RequesterID: s.OwnerID, RequesteeID: ch.OwnerID, DateCreated: g.date(ch.DateCreated, g.d.Now)})
		}
	}
	for range studioCollectionCount {
		co := admitter("collection")
		g.st.Collections = append(g.st.Collections, co)
		for range g.between(3, 8) {
			c := pick(g.gen, g.d.Charts)
			add(StudioAdmission{AdmitterID: co.ID, AdmitteeID: c.ID, AdmitterType: AdmitterCollection,
				RequesterID: c.OwnerID, RequesteeID: co.OwnerID, DateCreated: g.date(co.DateCreated, g.d.Now)})
		}
	}
	songs := map[string]*Song{}
	for i := range g.d.Songs {
		songs[g.d.Songs[i].ID] = &g.d.Songs[i]
	}
	songSubmissions := map[string]*SongSubmission{}
	for i := range g.st.SongSubmissions {
		songSubmissions[g.st.SongSubmissions[i].ID] = &g.st.SongSubmissions[i]
	}
	for i := range g.st.ChartSubmissions {
		c := &g.st.ChartSubmissions[i]
		a := StudioAdmission{AdmitteeID: c.ID, RequesterID: c.OwnerID, DateCreated: c.DateCreated}
		switch {
		case c.SongID != nil:
			s := songs[*c.SongID]
			a.AdmitterID, a.AdmitterType, a.RequesteeID = s.ID, AdmitterSong, s.OwnerID
		default:
			s := songSubmissions[*c.SongSubmissionID]
			a.AdmitterID, a.AdmitterType, a.RequesteeID = s.ID, AdmitterSongSubmission, *s.OwnerID
		}
		if a.RequesteeID == a.RequesterID {
			continue
		}
		add(a)
		c.AdmissionStatus = g.st.Admissions[len(g.st.Admissions)-1].Status
	}
}

var collaborationPositions = []string{"Illustrator", "Co-charter", "谱师", "Composer", "Tester"}

func (g *studioGen) collaborations() {
	for range 140 {
		var submission string
		var owner int
		var created time.Time
		if g.chance(0.7) {
			c := pick(g.gen, g.st.ChartSubmissions)
			submission, owner, created = c.ID, c.OwnerID, c.DateCreated
		} else {
			s := pick(g.gen, g.st.SongSubmissions)
			submission, owner, created = s.ID, *s.OwnerID, s.DateCreated
		}
		invitee := g.submitter().ID
		if invitee == owner {
			continue
		}
		g.st.Collaborations = append(g.st.Collaborations, Collaboration{
			ID: g.guid(), SubmissionID: submission, InviterID: owner, InviteeID: invitee,
			Position: ptr(pick(g.gen, collaborationPositions)), Status: g.status(),
			DateCreated: g.date(created, g.d.Now),
		})
	}
}

var (
	recordSources = []string{"Phigros", "Arcaea", "maimai", "Cytus II", "Rotaeno", "Album: Horizon"}
	recordOwners  = []string{"Pigeon Games", "lowiro", "SEGA", "Rayark", "X.D. Network", "Independent"}
)

func (g *studioGen) resourceRecords() {
	taken := map[string]bool{}
	for range resourceRecordCount {
		created := g.date(g.start, g.d.Now.AddDate(0, -1, 0))
		r := ResourceRecord{
			ID: g.guid(), Type: ResourceRecordType(g.r.IntN(2)), Title: g.songTitle(taken),
			EditionType: EditionOriginal, AuthorName: pick(g.gen, illustrators),
			Strategy: ResourceRecordStrategy(g.r.IntN(5)), Source: pick(g.gen, recordSources),
			CopyrightOwner: pick(g.gen, recordOwners), DateCreated: created,
			DateUpdated: g.date(created, g.d.Now),
		}
		if g.chance(0.3) {
			r.Description = ptr("Licensed for non-commercial fan charts only.")
		}
		g.st.ResourceRecords = append(g.st.ResourceRecords, r)
	}
}

var serviceTable = []struct {
	name   string
	target ServiceTargetType
	params []string
}{
	{"Offset Checker", 0, []string{"tolerance"}}, {"BPM Detector", 0, nil},
	{"Loudness Normaliser", 0, []string{"target"}}, {"Note Density Report", 1, []string{"window"}},
	{"Overlap Finder", 1, nil}, {"Difficulty Estimator", 1, []string{"model"}},
	{"Format Converter", 1, []string{"to"}}, {"Random Song Picker", 2, []string{"count"}},
	{"Daily Challenge", 2, nil}, {"Illustration Upscaler", 0, []string{"scale"}},
}

// services writes the service scripts, their runs by users, and runs of
// application services on submissions.
func (g *studioGen) services() {
	for _, s := range serviceTable {
		created := g.date(g.start, g.d.Now.AddDate(0, -3, 0))
		sc := ServiceScript{
			ID: g.guid(), Name: s.name, TargetType: s.target,
			Description: ptr("Runs " + s.name + " on PhiZone."),
			Code:        fmt.Sprintf("export default async function run(ctx) { return ctx.%s(); }", "process"),
			Parameters:  nonNil(s.params), DateCreated: created, DateUpdated: g.date(created, g.d.Now),
		}
		if g.chance(0.3) {
			sc.ResourceID = ptr(g.guid())
		}
		g.st.ServiceScripts = append(g.st.ServiceScripts, sc)
	}
	for range serviceRecordCount {
		sc := pick(g.gen, g.st.ServiceScripts)
		owner := g.submitter()
		r := ServiceRecord{
			ID: g.guid(), Name: sc.Name + " run", OwnerID: owner.ID, ServiceID: sc.ID,
			DateCreated: g.date(sc.DateCreated, g.d.Now),
		}
		if g.chance(0.8) {
			r.Result = ptr(pick(g.gen, []string{"ok", "2 warnings", "failed: timeout", "done in 3.2 s"}))
		}
		g.st.ServiceRecords = append(g.st.ServiceRecords, r)
	}
	apps := []string{g.guid(), g.guid(), g.guid()}
	for _, c := range g.st.ChartSubmissions {
		for range g.r.IntN(3) {
			g.st.AppServiceRecords = append(g.st.AppServiceRecords, ApplicationServiceRecord{
				ID: g.guid(), ResourceID: c.ID, ServiceID: pick(g.gen, apps),
				Description: ptr("Automatic check"), Result: ptr(pick(g.gen, []string{"passed", "3 issues"})),
				OwnerID: c.OwnerID, DateCreated: g.date(c.DateCreated, g.d.Now),
			})
		}
	}
	for _, s := range g.st.SongSubmissions {
		for range g.r.IntN(3) {
			g.st.AppServiceRecords = append(g.st.AppServiceRecords, ApplicationServiceRecord{
				ID: g.guid(), ResourceID: s.ID, ServiceID: pick(g.gen, apps),
				Description: ptr("Audio fingerprint"), Result: ptr(pick(g.gen, []string{"no match", "matched"})),
				OwnerID: *s.OwnerID, DateCreated: g.date(s.DateCreated, g.d.Now),
			})
		}
	}
}

var reviewMessages = map[RequestStatus][]string{
	RequestApproved: {"Approved, thank you!", "通过，感谢投稿", "Looks good."},
	RequestRejected: {"The audio quality is too low.", "版权信息不完整", "Duplicate of an existing song."},
}

func indexStudio(d *Data) {
	st := &d.Areas.Studio
	x := studioIndexes{
		songSubmissions: map[string]int{}, chartSubmissions: map[string]int{},
		chapters: map[string]int{}, collections: map[string]int{},
	}
	for i, s := range st.SongSubmissions {
		x.songSubmissions[s.ID] = i
	}
	for i, c := range st.ChartSubmissions {
		x.chartSubmissions[c.ID] = i
	}
	for i, c := range st.Chapters {
		x.chapters[c.ID] = i
	}
	for i, c := range st.Collections {
		x.collections[c.ID] = i
	}
	st.idx = x
}

func (st *Studio) songSubmission(id string) *SongSubmission {
	return lookup(st.SongSubmissions, st.idx.songSubmissions, id)
}

func (st *Studio) chartSubmission(id string) *ChartSubmission {
	return lookup(st.ChartSubmissions, st.idx.chartSubmissions, id)
}
