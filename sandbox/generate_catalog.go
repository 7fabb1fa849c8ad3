package sandbox

import (
	"fmt"
	"math"
	"strings"
	"time"
)

func (g *gen) pickTags(max int) []Tag {
	tags := []Tag{}
	seen := map[int]bool{}
	for range g.r.IntN(max + 1) {
		i := g.r.IntN(len(g.d.Tags))
		if !seen[i] {
			seen[i] = true
			tags = append(tags, g.d.Tags[i])
		}
	}
	return tags
}

func (g *gen) randomUser() *User { return &g.d.Users[g.r.IntN(len(g.d.Users))] }

func (g *gen) songTitle(taken map[string]bool) string {
	for {
		var t string
		switch g.r.IntN(3) {
		case 0:
			t = pick(g, zhTitleHeads) + pick(g, zhTitleTails)
		case 1:
			t = fmt.Sprintf(pick(g, jaTitleForms), pick(g, jaTitleNouns))
		default:
			t = pick(g, enTitleAdjs) + " " + pick(g, enTitleNouns)
		}
		t += pick(g, titleDecorations)
		if !taken[t] {
			taken[t] = true
			return t
		}
	}
}

func (g *gen) songs() {
	taken := map[string]bool{}
	for range songCount {
		owner := g.randomUser()
		id := g.guid()
		created := g.date(owner.DateJoined, g.d.Now.AddDate(0, -2, 0))
		fileUpdated := g.date(created, created.AddDate(0, 1, 0))
		bpm := float64(g.between(80, 220))
		minBpm, maxBpm := bpm, bpm
		if g.chance(0.3) {
			minBpm, maxBpm = bpm-float64(g.between(10, 60)), bpm+float64(g.between(0, 80))
		}
		duration := time.Duration(g.between(900, 3000)) * 100 * time.Millisecond
		previewStart := time.Duration(g.between(20, 60)) * time.Second
		s := Song{
			ID: id, Title: g.songTitle(taken), EditionType: EditionOriginal,
			File:         fmt.Sprintf("%s/songs/%s.mp3", resourceHost, id),
			FileChecksum: g.hex(64),
			Illustration: fmt.Sprintf("%s/songs/%s.webp", resourceHost, id),
			Illustrator:  pick(g, illustrators),
			Bpm:          bpm, MinBpm: minBpm, MaxBpm: maxBpm,
			Duration:     TimeSpan(duration),
			PreviewStart: TimeSpan(previewStart),
			PreviewEnd:   TimeSpan(previewStart + time.Duration(g.between(15, 30))*time.Second),
			Tags:         g.pickTags(3),
			PlayCount:    g.r.Int64N(80000), LikeCount: g.r.IntN(400), OwnerID: owner.ID,
			DateCreated: created, DateFileUpdated: fileUpdated,
			DateUpdated: g.date(fileUpdated, g.d.Now.AddDate(0, -1, 0)),
		}
		if g.chance(0.5) {
			s.Offset = g.between(-200, 200)
		}
		if g.chance(0.35) {
			author := mention(g.randomUser())
			if g.chance(0.4) {
				author += " feat. " + pick(g, artistNames)
			}
			s.AuthorName, s.IsOriginal = &author, g.chance(0.6)
		} else {
			s.AuthorName = ptr(pick(g, artistNames))
		}
		if !s.IsOriginal && g.chance(0.3) {
			s.EditionType = EditionType(g.between(1, 5))
			s.Edition = ptr(pick(g, []string{"Remix", "Extended Mix", "Short Ver.", "Cut Ver."}))
		}
		if s.IsOriginal {
			s.License = ptr("CC BY-NC-SA 4.0")
		}
		if g.chance(0.3) {
			s.Description = ptr(pick(g, chartTexts))
		}
		if g.chance(0.1) {
			s.Lyrics = ptr("[00:12.00]" + s.Title)
		}
		s.IsHidden, s.IsLocked = g.chance(0.03), g.chance(0.02)
		if g.chance(0.1) {
			s.Accessibility = Accessibility(g.between(1, 2))
		}
		g.d.Songs = append(g.d.Songs, s)
	}
}

// chartPlan says how many charts of each level are made beyond the IN chart
// every song has; the sums make chartCount.
var chartPlan = []struct {
	level ChartLevel
	count int
}{
	{LevelEZ, 200}, {LevelHD, 230}, {LevelAT, 220}, {LevelSP, 70},
	{LevelDZ, 15}, {LevelSK, 15}, {LevelCB, 15}, {LevelCL, 15},
}

func (g *gen) charts() {
	for i := range g.d.Songs {
		g.chart(i, LevelIN)
	}
	for _, p := range chartPlan {
		for range p.count {
			g.chart(g.r.IntN(len(g.d.Songs)), p.level)
		}
	}
}

var difficultyRange = map[ChartLevel][2]float64{
	LevelEZ: {1, 6}, LevelHD: {4, 10.5}, LevelIN: {9, 15.5}, LevelAT: {13.5, 17.5},
}

func (g *gen) difficulty(level ChartLevel) float64 {
	r, ok := difficultyRange[level]
	if !ok {
		r = [2]float64{1, 17.5}
	}
	return round(r[0]+g.r.Float64()*(r[1]-r[0]), 1)
}

func (g *gen) chart(song int, level ChartLevel) {
	s := &g.d.Songs[song]
	owner := g.randomUser()
	id := g.guid()
	created := g.date(later(s.DateCreated, owner.DateJoined), g.d.Now.AddDate(0, 0, -14))
	fileUpdated := g.date(created, created.AddDate(0, 0, 20))
	rating := round(2+g.r.Float64()*3, 2)
	sub := func() float64 { return round(math.Max(0, math.Min(5, rating+g.r.Float64()-0.5)), 2) }
	difficulty := g.difficulty(level)
	c := Chart{
		ID: id, LevelType: level, Level: level.String(), Difficulty: difficulty,
		Format:       g.format(),
		File:         ptr(fmt.Sprintf("%s/charts/%s.json", resourceHost, id)),
		FileChecksum: ptr(g.hex(64)),
		IsRanked:     g.chance(0.6),
		NoteCount:    int(150 + difficulty*90 + float64(g.between(-100, 300))),
		Rating:       rating, RatingOnArrangement: sub(), RatingOnGameplay: sub(),
		RatingOnVisualEffects: sub(), RatingOnCreativity: sub(), RatingOnConcord: sub(),
		RatingOnImpression: sub(),
		Tags:               g.pickTags(2), Assets: []ChartAsset{},
		SongID: s.ID, PlayCount: g.r.Int64N(50000), LikeCount: g.r.IntN(300), OwnerID: owner.ID,
		DateCreated: created, DateFileUpdated: fileUpdated,
		DateUpdated: g.date(fileUpdated, g.d.Now.AddDate(0, 0, -7)),
	}
	c.Score = round(rating*float64(g.between(5, 40)), 2)
	if level == LevelSP && g.chance(0.3) {
		c.Level = "SP Lv.?"
	}
	if g.chance(0.15) {
		c.Title = ptr(s.Title + " -" + pick(g, chartVariants) + "-")
	}
	switch x := g.r.Float64(); {
	case x < 0.6:
		c.AuthorName = ptr(mention(owner))
	case x < 0.75:
		c.AuthorName = ptr(mention(owner) + " & " + mention(g.randomUser()))
	default:
		c.AuthorName = ptr(owner.UserName)
	}
	if g.chance(0.3) {
		c.Illustration = ptr(fmt.Sprintf("%s/charts/%s.webp", resourceHost, id))
		c.Illustrator = ptr(pick(g, illustrators))
	}
	if g.chance(0.3) {
		c.Description = ptr(pick(g, chartTexts))
	}
	if g.chance(0.02) {
		c.File, c.FileChecksum, c.Format = nil, nil, FormatUnsupported
	}
	c.IsHidden, c.IsLocked = g.chance(0.04), g.chance(0.02)
	if c.IsHidden {
		c.IsRanked = false
	}
	g.d.Charts = append(g.d.Charts, c)
}

func (g *gen) format() ChartFormat {
	switch x := g.r.Float64(); {
	case x < 0.7:
		return FormatRpeJSON
	case x < 0.85:
		return FormatPec
	case x < 0.92:
		return FormatPhiZone
	case x < 0.97:
		return FormatPhigrim
	case x < 0.99:
		return FormatMilthm
	}
	return FormatUnsupported
}

// authorships credits each chart's owner (and a collaborator named in its
// author name) and each song's mentioned artist.
func (g *gen) authorships() {
	add := func(resource string, author int, position *string, after time.Time) {
		g.d.Authorships = append(g.d.Authorships, Authorship{
			ID: g.guid(), ResourceID: resource, AuthorID: author, Position: position,
			DateCreated: g.date(after, after.AddDate(0, 0, 3)),
		})
	}
	for _, c := range g.d.Charts {
		add(c.ID, c.OwnerID, ptr("Charter"), c.DateCreated)
		if id, ok := secondMention(c.AuthorName); ok && id != c.OwnerID {
			add(c.ID, id, ptr(pick(g, []string{"Co-charter", "Storyboard", "Charter"})), c.DateCreated)
		}
	}
	for _, s := range g.d.Songs {
		if id, ok := firstMention(s.AuthorName); ok {
			add(s.ID, id, ptr("Artist"), s.DateCreated)
		}
		if g.chance(0.1) {
			add(s.ID, g.randomUser().ID, nil, s.DateCreated)
		}
	}
}

func firstMention(s *string) (int, bool) {
	var id int
	if s == nil {
		return 0, false
	}
	_, err := fmt.Sscanf(*s, "[PZUser:%d:", &id)
	return id, err == nil
}

func secondMention(s *string) (int, bool) {
	if s == nil {
		return 0, false
	}
	i := strings.Index(*s, " & ")
	if i < 0 {
		return 0, false
	}
	rest := (*s)[i+3:]
	return firstMention(&rest)
}
