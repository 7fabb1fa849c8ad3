package sandbox

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// records plays charts: the seeded players first (Alice replays some charts,
// so her personal bests differ from her latest plays), then everyone.
func (g *gen) records() {
	var ranked, unranked []int
	for i, c := range g.d.Charts {
		switch {
		case c.IsHidden:
		case c.IsRanked:
			ranked = append(ranked, i)
		default:
			unranked = append(unranked, i)
		}
	}
	chart := func() int {
		if g.chance(0.9) {
			return pick(g, ranked)
		}
		return pick(g, unranked)
	}

	for user, plays := range []int{8, 45, 20} {
		var played []int
		for n := range plays {
			c := chart()
			if n%3 == 2 && len(played) > 0 {
				c = pick(g, played)
			}
			played = append(played, c)
			g.record(c, user)
		}
	}
	for len(g.d.Records) < recordCount {
		user := g.r.IntN(len(g.d.Users))
		if g.chance(0.4) {
			user = g.r.IntN(40)
		}
		g.record(chart(), user)
	}
}

func (g *gen) record(chartIndex, userIndex int) {
	c := g.d.Charts[chartIndex]
	notes := c.NoteCount
	skill := g.skill[userIndex]
	target := 0.62 + 0.38*skill - 0.2*(1-skill)*c.Difficulty/17.5 + (g.r.Float64()-0.5)*0.12
	target = math.Max(0.3, math.Min(1, target))
	if skill > 0.8 && g.chance(0.1) {
		target = 1
	}

	loss := (1 - target) * float64(notes)
	broken := int(loss * (0.1 + 0.4*g.r.Float64()))
	good := min(int(math.Round((loss-float64(broken))/0.35)), notes-broken)
	bad := broken * 3 / 10
	miss := broken - bad
	perfect := notes - good - bad - miss
	early := g.r.IntN(good + 1)
	acc := (float64(perfect) + 0.65*float64(good)) / float64(notes)

	combo := notes
	if broken > 0 {
		combo = g.between(notes/(broken+1), notes-broken)
	}
	score := int(math.Round(900000*acc + 100000*float64(combo)/float64(notes)))
	rks := 0.0
	if acc >= 0.7 {
		rks = c.Difficulty * math.Pow((acc*100-55)/45, 2)
	}

	r := Record{
		ID: g.guid(), Score: score, Accuracy: acc, IsFullCombo: broken == 0, MaxCombo: combo,
		Perfect: perfect, GoodEarly: early, GoodLate: good - early, Bad: bad, Miss: miss,
		StdDeviation: round(8+g.r.Float64()*32, 3), Rks: rks,
		PerfectJudgment: 80, GoodJudgment: 160, ApplicationID: g.app, ChartID: c.ID,
		LikeCount: g.r.IntN(12), OwnerID: g.d.Users[userIndex].ID,
		DateCreated: g.date(later(c.DateCreated, g.d.Users[userIndex].DateJoined), g.d.Now),
	}
	if g.chance(0.1) {
		r.PerfectJudgment, r.GoodJudgment = 40, 75
	}
	if g.chance(0.8) {
		r.DeviceInfo = ptr(pick(g, devices))
	}
	g.d.Records = append(g.d.Records, r)
}

// userStats derives each user's rks (the mean of their 20 best per-chart
// rks on ranked charts) and experience from their records.
func (g *gen) userStats() {
	best := map[int]map[string]float64{}
	plays := map[int]int{}
	ranked := map[string]bool{}
	for _, c := range g.d.Charts {
		ranked[c.ID] = c.IsRanked
	}
	for _, r := range g.d.Records {
		plays[r.OwnerID]++
		if !ranked[r.ChartID] {
			continue
		}
		if best[r.OwnerID] == nil {
			best[r.OwnerID] = map[string]float64{}
		}
		best[r.OwnerID][r.ChartID] = math.Max(best[r.OwnerID][r.ChartID], r.Rks)
	}
	for i := range g.d.Users {
		u := &g.d.Users[i]
		var values []float64
		for _, v := range best[u.ID] {
			values = append(values, v)
		}
		sort.Sort(sort.Reverse(sort.Float64Slice(values)))
		sum := 0.0
		for _, v := range values[:min(20, len(values))] {
			sum += v
		}
		u.Rks = round(sum/20, 6)
		u.Experience = uint64(plays[u.ID]*120 + g.r.IntN(3000))
	}
}

// relations makes about 1,500 follows, favouring users who chart, then
// sets the follower and followee counts from them.
func (g *gen) relations() {
	popular := []int{}
	for _, c := range g.d.Charts {
		popular = append(popular, c.OwnerID)
	}
	seen := map[[2]int]bool{}
	add := func(from, to int, t UserRelationType) {
		if from == to || seen[[2]int{from, to}] {
			return
		}
		seen[[2]int{from, to}] = true
		joined := g.d.Users[from-1].DateJoined
		if other := g.d.Users[to-1].DateJoined; other.After(joined) {
			joined = other
		}
		g.d.Relations = append(g.d.Relations, UserRelation{
			FollowerID: from, FolloweeID: to, Type: t, DateCreated: g.date(joined, g.d.Now),
		})
	}
	for _, to := range []int{1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13} {
		add(2, to, RelationFollowing)
	}
	add(3, 2, RelationSpecial)
	add(3, 1, RelationFollowing)
	for len(g.d.Relations) < 1500 {
		from := g.r.IntN(len(g.d.Users)) + 1
		to := pick(g, popular)
		if g.chance(0.3) {
			to = g.r.IntN(len(g.d.Users)) + 1
		}
		t := RelationFollowing
		switch x := g.r.Float64(); {
		case x < 0.07:
			t = RelationSpecial
		case x < 0.1:
			t = RelationBlacklisted
		}
		add(from, to, t)
	}
	for _, r := range g.d.Relations {
		if r.Type == RelationBlacklisted {
			continue
		}
		g.d.Users[r.FollowerID-1].FolloweeCount++
		g.d.Users[r.FolloweeID-1].FollowerCount++
	}
}

// divisionsPerEvent fixes how many divisions each event has (34 in all).
var divisionsPerEvent = []int{3, 2, 3, 4, 2, 3, 3, 2, 3, 4, 3, 2}

func (g *gen) events() {
	for i, e := range eventTable {
		owner := g.d.Users[0]
		if i%3 != 0 {
			owner = *g.randomUser()
		}
		unveiled := g.start.AddDate(0, 3*i+2, g.between(0, 20))
		if i == len(eventTable)-1 {
			unveiled = g.d.Now.AddDate(0, 0, 10)
		}
		ev := Event{
			ID: g.guid(), Title: e.title, Illustrator: pick(g, illustrators),
			LikeCount: g.r.IntN(200), OwnerID: owner.ID,
			DateCreated: unveiled.AddDate(0, 0, -g.between(5, 30)), DateUnveiled: unveiled,
		}
		ev.Illustration = fmt.Sprintf("%s/events/%s.webp", resourceHost, ev.ID)
		ev.DateUpdated = g.date(ev.DateCreated, unveiled)
		if e.subtitle != "" {
			ev.Subtitle = ptr(e.subtitle)
		}
		if g.chance(0.7) {
			ev.Description = ptr("## " + e.title + "\n\n欢迎参加！ Welcome, everyone.")
		}
		ev.IsHidden = i == 6
		g.d.Events = append(g.d.Events, ev)

		g.hostships(i, ev, owner.ID)
		for n := range divisionsPerEvent[i] {
			g.division(ev, n)
		}
	}
}

// currentEvent makes the play divisions (which name no tag, so that no
// submission is drawn into them) of the latest event unveiled before
// Data.Now that has any run on: started, and ending as long after
// Data.Now as they ran, so that teams can be formed and plays made for
// them on the seeded data. Their teams are registered again and nothing
// of them is scored yet. It runs after the whole data set is drawn and
// draws nothing, so no other row changes.
func (g *gen) currentEvent() {
	for e := len(g.d.Events) - 1; e >= 0; e-- {
		ev := g.d.Events[e]
		if ev.DateUnveiled.After(g.d.Now) || ev.IsHidden {
			continue
		}
		found := false
		for i := range g.d.Divisions {
			v := &g.d.Divisions[i]
			if v.EventID != ev.ID || v.Type != DivisionPlay || v.Status != DivisionEnded {
				continue
			}
			found = true
			v.DateEnded = g.d.Now.Add(v.DateEnded.Sub(v.DateStarted))
			v.Status = DivisionStarted
			for j := range g.d.Teams {
				if t := &g.d.Teams[j]; t.DivisionID == v.ID && t.Status != TeamBanned {
					t.Status, t.Score = TeamRegistered, nil
				}
			}
			for j := range g.d.Areas.Events.Resources {
				if r := &g.d.Areas.Events.Resources[j]; r.DivisionID == v.ID {
					r.Score = nil
				}
			}
		}
		if found {
			return
		}
	}
}

func (g *gen) hostships(index int, ev Event, owner int) {
	add := func(user int, admin bool, position string, unveiled bool) {
		h := Hostship{
			EventID: ev.ID, UserID: user, IsAdmin: admin, IsUnveiled: unveiled,
			Permissions: []uint32{},
		}
		if position != "" {
			h.Position = ptr(position)
		}
		if !admin {
			h.Permissions = []uint32{permRetrieveDivision, permRetrieveTeam, permRetrieveHostship}
			if g.chance(0.5) {
				h.Permissions = append(h.Permissions, permUpdateDivision)
			}
		}
		g.d.Hostships = append(g.d.Hostships, h)
	}
	add(owner, true, pick(g, []string{"Organizer", "主办"}), true)
	if index == len(eventTable)-1 {
		add(3, false, "Judge", false)
		return
	}
	for range g.r.IntN(3) {
		if u := g.randomUser().ID; u != owner {
			add(u, false, pick(g, hostPositions), g.chance(0.85))
		}
	}
}

func (g *gen) division(ev Event, n int) {
	t := EventDivisionType(g.r.IntN(3))
	unveiled := ev.DateUnveiled.Add(time.Duration(n) * 24 * time.Hour)
	if n == 3 {
		unveiled = g.d.Now.AddDate(0, 0, 5)
	}
	started := unveiled.AddDate(0, 0, 7)
	ended := started.AddDate(0, 0, g.between(30, 60))
	v := EventDivision{
		ID: g.guid(), Title: pick(g, divisionTitles[t]), Type: t, LikeCount: g.r.IntN(80),
		OwnerID: ev.OwnerID, EventID: ev.ID, DateCreated: ev.DateCreated,
		DateUnveiled: unveiled, DateStarted: started, DateEnded: ended,
		DateUpdated: g.date(ev.DateCreated, unveiled), IsHidden: ev.IsHidden,
		Anonymization: t != DivisionPlay && g.chance(0.3),
	}
	switch now := g.d.Now; {
	case now.Before(unveiled):
		v.Status = DivisionCreated
	case now.Before(started):
		v.Status = DivisionUnveiled
	case now.Before(ended):
		v.Status = DivisionStarted
	default:
		v.Status = DivisionEnded
	}
	if g.chance(0.5) {
		v.Subtitle = ptr(fmt.Sprintf("第 %d 组 / Division %d", n+1, n+1))
	}
	if g.chance(0.5) {
		v.Illustration = ptr(fmt.Sprintf("%s/divisions/%s.webp", resourceHost, v.ID))
		v.Illustrator = ptr(pick(g, illustrators))
		v.Description = ptr("Rules: one entry per team.")
	}
	if t != DivisionPlay {
		tag := g.d.Tags[len(g.d.Tags)-1]
		v.TagID = &tag.ID
		v.MinTeamCount, v.MaxTeamCount = ptr(1), ptr(g.between(20, 64))
		v.MinParticipantPerTeamCount, v.MaxParticipantPerTeamCount = ptr(1), ptr(4)
		v.MinSubmissionCount, v.MaxSubmissionCount = ptr(1), ptr(g.between(1, 3))
		v.SuggestedEntrySearch = ptr("TagsToInclude=" + tag.NormalizedName)
	}
	g.d.Divisions = append(g.d.Divisions, v)
	g.teams(v)
}

func (g *gen) teams(v EventDivision) {
	inDivision := map[int]bool{}
	for n := range g.between(3, 6) {
		t := EventTeam{
			ID: g.guid(), Name: fmt.Sprintf("%s %d", pick(g, teamNames), n+1),
			ClaimedSubmissionCount: g.between(1, 3), DivisionID: v.ID, LikeCount: g.r.IntN(30),
			DateCreated: g.date(v.DateUnveiled, v.DateStarted), IsUnveiled: g.chance(0.9),
		}
		switch v.Status {
		case DivisionEnded:
			t.Status = pick(g, []ParticipationStatus{TeamFinished, TeamFinished, TeamEliminated})
			t.Score = ptr(round(60+g.r.Float64()*40, 2))
		case DivisionStarted:
			t.Status = pick(g, []ParticipationStatus{TeamRegistered, TeamPrepared})
		}
		if g.chance(0.04) {
			t.Status = TeamBanned
		}
		if g.chance(0.4) {
			t.Icon = ptr(fmt.Sprintf("%s/teams/%s.webp", resourceHost, t.ID))
		}
		if g.chance(0.5) {
			t.Description = ptr("我们会努力的！ We'll do our best.")
		}
		members := g.between(1, 4)
		for m := 0; m < members; m++ {
			user := g.randomUser().ID
			if m == 0 && len(g.d.Teams)%9 == 0 {
				user = 2
			}
			if inDivision[user] {
				continue
			}
			inDivision[user] = true
			p := Participation{TeamID: t.ID, ParticipantID: user,
				DateCreated: t.DateCreated.Add(time.Duration(m) * time.Hour)}
			if m == 0 {
				p.Position, t.OwnerID = ptr("Leader"), user
			} else if g.chance(0.8) {
				p.Position = ptr(pick(g, teamPositions))
			}
			g.d.Participations = append(g.d.Participations, p)
			t.ClaimedParticipantCount++
		}
		if t.OwnerID == 0 {
			continue
		}
		g.d.Teams = append(g.d.Teams, t)
		v.EntryCount += t.ClaimedSubmissionCount
	}
	g.d.Divisions[len(g.d.Divisions)-1].EntryCount = v.EntryCount
}

// comments puts 60% of comments on charts, 30% on songs and 10% on events.
func (g *gen) comments() {
	for range commentCount {
		var resource string
		var after time.Time
		switch x := g.r.Float64(); {
		case x < 0.6:
			c := pick(g, g.d.Charts)
			resource, after = c.ID, c.DateCreated
		case x < 0.9:
			s := pick(g, g.d.Songs)
			resource, after = s.ID, s.DateCreated
		default:
			e := pick(g, g.d.Events[:len(g.d.Events)-1])
			resource, after = e.ID, e.DateUnveiled
		}
		content, lang := g.text(zhComments, jaComments, enComments)
		if g.chance(0.15) {
			content = mention(g.randomUser()) + " " + content
		}
		owner := g.randomUser()
		g.d.Comments = append(g.d.Comments, Comment{
			ID: g.guid(), ResourceID: resource, Content: content, Language: lang,
			LikeCount: g.r.IntN(50), OwnerID: owner.ID,
			DateCreated: g.date(later(after, owner.DateJoined), g.d.Now),
		})
	}
}

func (g *gen) text(zh, ja, en []string) (string, string) {
	switch x := g.r.Float64(); {
	case x < 0.55:
		return pick(g, zh), "zh-CN"
	case x < 0.75:
		return pick(g, ja), "ja-JP"
	}
	return pick(g, en), "en-US"
}

// replies favour a few lively threads, then count them on their comments.
func (g *gen) replies() {
	for range replyCount {
		ci := g.r.IntN(len(g.d.Comments))
		if g.chance(0.5) {
			ci = g.r.IntN(len(g.d.Comments) / 10)
		}
		c := &g.d.Comments[ci]
		content, lang := g.text(zhReplies, jaReplies, enReplies)
		if g.chance(0.3) {
			content = mention(&g.d.Users[c.OwnerID-1]) + " " + content
		}
		c.ReplyCount++
		owner := g.randomUser()
		g.d.Replies = append(g.d.Replies, Reply{
			ID: g.guid(), CommentID: c.ID, Content: content, Language: lang, LikeCount: g.r.IntN(20),
			OwnerID: owner.ID, DateCreated: g.date(later(c.DateCreated, owner.DateJoined), g.d.Now),
		})
	}
}

// likes are the seeded users' likes, which callers see as dateLiked; each
// also counts in the resource's likeCount.
func (g *gen) likes() {
	like := func(owner int, resource string, count *int) {
		for _, l := range g.d.Likes {
			if l.OwnerID == owner && l.ResourceID == resource {
				return
			}
		}
		*count++
		g.d.Likes = append(g.d.Likes, Like{
			ID: g.guid(), ResourceID: resource, OwnerID: owner,
			DateCreated: g.date(g.d.Now.AddDate(0, -6, 0), g.d.Now),
		})
	}
	for _, s := range []struct{ owner, charts, songs, comments, records int }{
		{1, 5, 3, 2, 1}, {2, 30, 10, 10, 5}, {3, 12, 4, 3, 2},
	} {
		for range s.charts {
			c := &g.d.Charts[g.r.IntN(len(g.d.Charts))]
			like(s.owner, c.ID, &c.LikeCount)
		}
		for range s.songs {
			v := &g.d.Songs[g.r.IntN(len(g.d.Songs))]
			like(s.owner, v.ID, &v.LikeCount)
		}
		for range s.comments {
			v := &g.d.Comments[g.r.IntN(len(g.d.Comments))]
			like(s.owner, v.ID, &v.LikeCount)
		}
		for range s.records {
			v := &g.d.Records[g.r.IntN(len(g.d.Records))]
			like(s.owner, v.ID, &v.LikeCount)
		}
		like(s.owner, g.d.Events[s.owner].ID, &g.d.Events[s.owner].LikeCount)
		like(s.owner, g.d.Divisions[s.owner].ID, &g.d.Divisions[s.owner].LikeCount)
		like(s.owner, g.d.Teams[s.owner].ID, &g.d.Teams[s.owner].LikeCount)
	}
}

// recountLikes sets the likeCount of the core's likeable resources to the
// likes the data set holds for them, so that a resource's likeCount and
// its list of likes agree.
func recountLikes(d *Data) {
	count := map[string]int{}
	for _, l := range d.Likes {
		count[l.ResourceID]++
	}
	for i := range d.Charts {
		d.Charts[i].LikeCount = count[d.Charts[i].ID]
	}
	for i := range d.Songs {
		d.Songs[i].LikeCount = count[d.Songs[i].ID]
	}
	for i := range d.Comments {
		d.Comments[i].LikeCount = count[d.Comments[i].ID]
	}
	for i := range d.Replies {
		d.Replies[i].LikeCount = count[d.Replies[i].ID]
	}
	for i := range d.Records {
		d.Records[i].LikeCount = count[d.Records[i].ID]
	}
	for i := range d.Events {
		d.Events[i].LikeCount = count[d.Events[i].ID]
	}
	for i := range d.Divisions {
		d.Divisions[i].LikeCount = count[d.Divisions[i].ID]
	}
	for i := range d.Teams {
		d.Teams[i].LikeCount = count[d.Teams[i].ID]
	}
}
