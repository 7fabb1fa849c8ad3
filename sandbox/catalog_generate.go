package sandbox

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Sizes of the catalog and social area's data.
const (
	chapterCount      = 14
	collectionCount   = 36
	announcementCount = 40
	voteCount         = 2500
	areaCommentCount  = 240
	areaLikeCount     = 600
)

func init() {
	areaGenerators = append(areaGenerators, areaGenerator{"catalog", func(g *gen, r *rand.Rand) {
		cg := &gen{r: r, d: g.d, start: g.start, app: g.app}
		c := &g.d.Areas.Catalog
		cg.chapters(c)
		cg.collections(c)
		cg.applications(c)
		cg.announcements(c)
		cg.votes(c)
		cg.areaComments(c)
		cg.areaLikes(c)
		cg.notifications(c)
		cg.pet(c)
		cg.playConfigurations(c)
		c.Headline = ptr("PhiZone 三周年纪念活动进行中！ / The third anniversary event is on!")
	}})
}

var (
	chapterTitles = []string{
		"序章：初始之音", "Chapter I: Awakening", "第二章：雨夜回响", "Chapter III: Neon Drift",
		"第四章：星海彼岸", "Chapter V: Broken Clock", "第六章：遗忘之城", "Chapter VII: Aurora",
		"外传：夏日祭", "Side Story: Winter Lights", "第八章：终焉的序曲", "Chapter IX: Rebirth",
		"特别篇：社区精选", "Legacy: The First Charts",
	}
	collectionHeads  = []string{"新人推荐", "Weekly Picks", "高难挑战", "Relaxing", "SP 精选", "Event Archive", "编辑推荐", "Hidden Gems"}
	collectionTails  = []string{"Vol.1", "Vol.2", "Vol.3", "2024", "2025", "Spring", "Autumn", "Extra", "合集"}
	applicationNames = []struct {
		name string
		typ  ApplicationType
	}{
		{"PhiZone Player", 0}, {"Chart Previewer", 1}, {"PhiZone Mobile", 2}, {"RPE Converter", 5},
		{"Phira Bridge", 6}, {"PhiZone Desktop", 4}, {"Chart Checker", 3}, {"TapTap Sign-in", 7},
		{"Sim Phi", 0}, {"Lyrics Tool", 1},
	}
	announcementTitles = []string{
		"维护公告", "New chapter released", "谱面大赛开幕", "Ranking rules updated", "新曲包上线",
		"Collection of the month", "活动结果公布", "Community guidelines", "服务器迁移通知", "Bug bounty",
	}
)

// chapters draws chapters and admits songs to them.
func (g *gen) chapters(c *Catalog) {
	staff := g.staff()
	for i := range chapterCount {
		created := g.date(g.d.Now.AddDate(-2, 0, 0), g.d.Now.AddDate(0, -1, 0))
		ch := Chapter{
			ID: g.guid(), Title: chapterTitles[i%len(chapterTitles)], Subtitle: fmt.Sprintf("Part %d", i+1),
			Illustrator: g.randomUser().UserName, Accessibility: Accessibility(g.r.IntN(3)),
			IsHidden: i == chapterCount-1, IsLocked: g.chance(0.1), OwnerID: pick(g, staff),
			DateCreated: created, DateUpdated: g.date(created, g.d.Now),
		}
		ch.Illustration = fmt.Sprintf("%s/chapters/%s.webp", resourceHost, ch.ID)
		if g.chance(0.8) {
			ch.Description = ptr(fmt.Sprintf("%s: %d songs chosen by the PhiZone staff.", ch.Title, 6+i))
		}
		c.Chapters = append(c.Chapters, ch)
		for n, s := range g.distinct(len(g.d.Songs), g.between(4, 16)) {
			c.ChapterAdmissions = append(c.ChapterAdmissions, g.admission(ch.ID, g.d.Songs[s].ID,
				ch.OwnerID, g.d.Songs[s].OwnerID, fmt.Sprintf("%d-%d", i+1, n+1), created))
		}
	}
}

// collections draws collections and admits charts to them.
func (g *gen) collections(c *Catalog) {
	for i := range collectionCount {
		owner := g.randomUser()
		created := g.date(later(g.d.Now.AddDate(-2, 0, 0), owner.DateJoined), g.d.Now.AddDate(0, 0, -7))
		co := Collection{
			ID: g.guid(), Title: pick(g, collectionHeads) + " " + pick(g, collectionTails),
			Subtitle: fmt.Sprintf("#%d", i+1), Illustrator: g.randomUser().UserName,
			Accessibility: Accessibility(g.r.IntN(3)), IsHidden: g.chance(0.05), IsLocked: g.chance(0.05),
			OwnerID: owner.ID, DateCreated: created, DateUpdated: g.date(created, g.d.Now),
		}
		co.Illustration = fmt.Sprintf("%s/collections/%s.webp", resourceHost, co.ID)
		if g.chance(0.7) {
			co.Description = ptr("A hand-picked set of charts by " + owner.UserName + ".")
		}
		c.Collections = append(c.Collections, co)
		for n, x := range g.distinct(len(g.d.Charts), g.between(3, 25)) {
			ch := g.d.Charts[x]
			c.CollectionAdmits = append(c.CollectionAdmits, g.admission(co.ID, ch.ID,
				co.OwnerID, ch.OwnerID, fmt.Sprintf("No.%d", n+1), created))
		}
	}
}

// admission draws an admission, mostly approved; requests come from the
// admittee's owner unless the admitter's owner picked it.
func (g *gen) admission(admitter, admittee string, admitterOwner, admitteeOwner int, label string, after time.Time) Admission {
	a := Admission{
		AdmitterID: admitter, AdmitteeID: admittee, Status: RequestApproved,
		RequesterID: admitterOwner, RequesteeID: admitterOwner, DateCreated: g.date(after, g.d.Now),
	}
	if g.chance(0.5) {
		a.RequesterID = admitteeOwner
	}
	switch x := g.r.Float64(); {
	case x < 0.1:
		a.Status = RequestWaiting
	case x < 0.15:
		a.Status = RequestRejected
	}
	if g.chance(0.9) {
		a.Label = ptr(label)
	}
	return a
}

// distinct draws n distinct indexes below size.
func (g *gen) distinct(size, n int) []int {
	seen := map[int]bool{}
	var out []int
	for len(out) < min(n, size) {
		if i := g.r.IntN(size); !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	return out
}

// staff are the users who may curate and announce: moderators and
// administrators.
func (g *gen) staff() []int {
	var ids []int
	for _, u := range g.d.Users {
		if u.Role >= RoleModerator {
			ids = append(ids, u.ID)
		}
	}
	if len(ids) == 0 {
		ids = []int{1}
	}
	return ids
}

// applications are the programs registered with PhiZone; the first is the
// player that every record was made with.
func (g *gen) applications(c *Catalog) {
	for i, a := range applicationNames {
		id := g.guid()
		if i == 0 {
			id = g.app
		}
		created := g.date(g.d.Now.AddDate(-2, 0, 0), g.d.Now.AddDate(0, -2, 0))
		app := Application{
			ID: id, Name: a.name, Type: a.typ, Avatar: fmt.Sprintf("%s/applications/%s/avatar.webp", resourceHost, id),
			Illustration: fmt.Sprintf("%s/applications/%s.webp", resourceHost, id), Illustrator: g.randomUser().UserName,
			Homepage: fmt.Sprintf("https://app%d.example.org", i+1), OwnerID: g.randomUser().ID,
			DateCreated: created, DateUpdated: g.date(created, g.d.Now),
		}
		if i == 0 {
			app.OwnerID = 1
		}
		if a.typ == 6 || a.typ == 7 {
			app.APIEndpoint = ptr(app.Homepage + "/api")
		}
		if g.chance(0.8) {
			app.Description = ptr(a.name + " works with PhiZone charts.")
		}
		c.Applications = append(c.Applications, app)
	}
}

// announcements are the staff's news, half of them about a resource.
func (g *gen) announcements(c *Catalog) {
	staff := g.staff()
	for i := range announcementCount {
		created := g.date(g.d.Now.AddDate(-1, 0, 0), g.d.Now)
		a := Announcement{
			ID: g.guid(), Title: announcementTitles[i%len(announcementTitles)],
			Content: "详情请见 / Details: " + announcementTitles[g.r.IntN(len(announcementTitles))],
			OwnerID: pick(g, staff), DateCreated: created, DateUpdated: g.date(created, g.d.Now),
		}
		switch i % 4 {
		case 0:
			a.ResourceType, a.ResourceID = 0, ptr(c.Chapters[g.r.IntN(len(c.Chapters))].ID)
		case 1:
			a.ResourceType, a.ResourceID = 3, ptr(g.d.Charts[g.r.IntN(len(g.d.Charts))].ID)
		case 2:
			a.ResourceType, a.ResourceID = 4, ptr(g.d.Events[g.r.IntN(len(g.d.Events))].ID)
		}
		c.Announcements = append(c.Announcements, a)
	}
}

// votes rate charts; each chart is voted on once per user at most.
func (g *gen) votes(c *Catalog) {
	seen := map[[2]string]bool{}
	for len(c.Votes) < voteCount {
		ch := &g.d.Charts[g.r.IntN(len(g.d.Charts)/3)]
		u := g.randomUser()
		key := [2]string{ch.ID, fmt.Sprint(u.ID)}
		if seen[key] {
			continue
		}
		seen[key] = true
		v := Vote{ID: g.guid(), ChartID: ch.ID, OwnerID: u.ID, Multiplier: float64(1+g.r.IntN(5)) / 2}
		for _, p := range []*int{&v.Arrangement, &v.Gameplay, &v.VisualEffects, &v.Creativity, &v.Concord, &v.Impression} {
			*p = g.between(1, 5)
			v.Total += *p
		}
		v.DateCreated = g.date(later(ch.DateCreated, u.DateJoined), g.d.Now)
		c.Votes = append(c.Votes, v)
	}
}

// areaComments are comments on records, chapters, collections,
// announcements and applications, in the shared comment table.
func (g *gen) areaComments(c *Catalog) {
	for i := range areaCommentCount {
		var resource string
		var since time.Time
		switch i % 5 {
		case 0:
			r := g.d.Records[g.r.IntN(len(g.d.Records))]
			resource, since = r.ID, r.DateCreated
		case 1:
			v := c.Chapters[g.r.IntN(len(c.Chapters))]
			resource, since = v.ID, v.DateCreated
		case 2:
			v := c.Collections[g.r.IntN(len(c.Collections))]
			resource, since = v.ID, v.DateCreated
		case 3:
			v := c.Announcements[g.r.IntN(len(c.Announcements)/4)]
			resource, since = v.ID, v.DateCreated
		default:
			v := c.Applications[g.r.IntN(len(c.Applications))]
			resource, since = v.ID, v.DateCreated
		}
		owner := g.randomUser()
		content, lang := g.text(zhReplies, jaReplies, enReplies)
		g.d.Comments = append(g.d.Comments, Comment{
			ID: g.guid(), ResourceID: resource, Content: content, Language: lang, LikeCount: g.r.IntN(15),
			OwnerID: owner.ID, DateCreated: g.date(later(since, owner.DateJoined), g.d.Now),
		})
	}
}

// areaLikes are likes by many users on every likeable kind, in the shared
// like table; each counts in its resource's likeCount.
func (g *gen) areaLikes(c *Catalog) {
	taken := map[likeKey]bool{}
	for _, l := range g.d.Likes {
		taken[likeKey{l.OwnerID, l.ResourceID}] = true
	}
	targets := []func() (string, *int){
		func() (string, *int) { v := &g.d.Charts[g.r.IntN(40)]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &g.d.Songs[g.r.IntN(30)]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &g.d.Comments[g.r.IntN(30)]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &g.d.Replies[g.r.IntN(30)]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &g.d.Records[g.r.IntN(30)]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &g.d.Events[g.r.IntN(len(g.d.Events))]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &g.d.Divisions[g.r.IntN(10)]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &g.d.Teams[g.r.IntN(10)]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &c.Chapters[g.r.IntN(len(c.Chapters))]; return v.ID, &v.LikeCount },
		func() (string, *int) { v := &c.Collections[g.r.IntN(len(c.Collections))]; return v.ID, &v.LikeCount },
		func() (string, *int) {
			v := &c.Announcements[g.r.IntN(len(c.Announcements))]
			return v.ID, &v.LikeCount
		},
		func() (string, *int) { v := &c.Applications[g.r.IntN(len(c.Applications))]; return v.ID, &v.LikeCount },
	}
	for i := range areaLikeCount {
		resource, count := targets[i%len(targets)]()
		owner := g.randomUser().ID
		if taken[likeKey{owner, resource}] {
			continue
		}
		taken[likeKey{owner, resource}] = true
		*count++
		g.d.Likes = append(g.d.Likes, Like{
			ID: g.guid(), ResourceID: resource, OwnerID: owner,
			DateCreated: g.date(g.d.Now.AddDate(0, -6, 0), g.d.Now),
		})
	}
}

// notifications go mostly to the sandbox's three known users.
func (g *gen) notifications(c *Catalog) {
	contents := []string{"liked your chart", "replied to your comment", "mentioned you", "requested to join your collection",
		"updated a song you follow", "Welcome to PhiZone!"}
	for i := range 300 {
		owner := 1 + i%3
		if i >= 120 {
			owner = g.randomUser().ID
		}
		typ := NotificationType(g.r.IntN(6))
		n := Notification{
			ID: g.guid(), Type: typ, Content: contents[typ], OwnerID: owner,
			DateCreated: g.date(g.d.Now.AddDate(0, -3, 0), g.d.Now),
		}
		if typ != 5 {
			n.OperatorID = ptr(g.randomUser().ID)
		}
		if g.chance(0.5) {
			n.DateRead = ptr(g.date(n.DateCreated, g.d.Now))
		}
		c.Notifications = append(c.Notifications, n)
	}
}

// pet draws the test's questions and answers to it.
func (g *gen) pet(c *Catalog) {
	for i := range 12 {
		q := PetQuestion{ID: g.guid(), Position: i + 1, Type: PetQuestionType(i % 2), Language: "zh-CN",
			Content: fmt.Sprintf("第 %d 题：以下哪项符合谱面规范？", i+1), Choices: []string{"A", "B", "C", "D"}}
		if i >= 8 {
			q.Type, q.Choices, q.Position = 2, nil, i-7
			q.Content = fmt.Sprintf("主观题 %d：谈谈你对谱面设计的理解。", i-7)
		}
		c.PetQuestions = append(c.PetQuestions, q)
	}
	subjective := c.PetQuestions[8:]
	moderators := g.staff()
	for i := range 60 {
		owner := g.randomUser().ID
		if i < 6 {
			owner = 2 + i%2
		}
		created := g.date(g.d.Now.AddDate(0, -8, 0), g.d.Now)
		a := PetAnswer{
			ID: g.guid(), Question1: subjective[0].ID, Question2: subjective[1].ID, Question3: subjective[2+g.r.IntN(2)].ID,
			Answer1: "节奏与音乐的契合最重要。", Answer2: "Readability first.", Answer3: "多游玩，多交流。",
			Chart: fmt.Sprintf("%s/pet/%d.json", resourceHost, i), ObjectiveScore: g.between(40, 80),
			OwnerID: owner, DateCreated: created, DateUpdated: created,
		}
		if i < 6 || g.chance(0.7) { // the known users' answers are assessed
			a.SubjectiveScore = ptr(g.between(5, 20))
			a.TotalScore = ptr(a.ObjectiveScore + *a.SubjectiveScore)
			a.AssessorID = ptr(pick(g, moderators))
			a.DateUpdated = g.date(created, g.d.Now)
		}
		c.PetAnswers = append(c.PetAnswers, a)
	}
}

// playConfigurations are players' settings; the three known users have a
// few each.
func (g *gen) playConfigurations(c *Catalog) {
	names := []string{"Default", "高难练习", "Mirror", "Low light", "Tournament"}
	for i := range 90 {
		owner := 1 + i%3
		if i >= 15 {
			owner = g.randomUser().ID
		}
		p := PlayConfiguration{
			ID: g.guid(), PerfectJudgment: 80, GoodJudgment: 160, ChartMirroring: ChartMirroringMode(g.r.IntN(4)),
			NoteSize: 1 + float64(g.r.IntN(5))/10, BackgroundLuminance: float64(g.r.IntN(10)) / 10,
			BackgroundBlur: float64(g.r.IntN(20)) / 10, SimultaneousNoteHint: g.chance(0.8), FcApIndicator: g.chance(0.7),
			ChartOffset: g.between(-50, 50), HitSoundVolume: float64(g.r.IntN(11)) / 10, MusicVolume: float64(g.r.IntN(11)) / 10,
			OwnerID: owner, DateCreated: g.date(g.d.Now.AddDate(-1, 0, 0), g.d.Now),
		}
		if g.chance(0.8) {
			p.Name = ptr(pick(g, names))
		}
		if g.chance(0.2) {
			p.PerfectJudgment, p.GoodJudgment = 40, 75
		}
		if g.chance(0.3) {
			p.AspectRatio = []int{16, 9}
		}
		c.PlayConfigurations = append(c.PlayConfigurations, p)
	}
}
