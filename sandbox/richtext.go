package sandbox

import (
	"fmt"
	"math/rand/v2"
)

// RichText is the rich text area's part of the data set: comments whose
// contents link many resources, for tests of how links load.
type RichText struct {
	// LinkedSongID is the song that carries the linking comments.
	LinkedSongID string
	// LinkingComments are the IDs of linkingCommentCount comments on that
	// song, each linking one user and one chart that no other of them
	// links.
	LinkingComments []string
	// ShowcaseComment is the ID of a comment on the same song with a tag of
	// every kind the graph reads, a broken tag and an unknown one.
	ShowcaseComment string
}

// linkingCommentCount is how many comments link distinct users and charts.
const linkingCommentCount = 30

func init() {
	areaGenerators = append(areaGenerators, areaGenerator{"richtext", func(g *gen, r *rand.Rand) {
		own := *g
		own.r = r
		own.linkingComments()
	}})
}

// linkingComments puts the rich text comments on the last song that is
// neither hidden nor locked.
func (g *gen) linkingComments() {
	var song Song
	for _, s := range g.d.Songs {
		if !s.IsHidden && !s.IsLocked {
			song = s
		}
	}
	area := &g.d.Areas.RichText
	area.LinkedSongID = song.ID

	var charts []Chart
	for _, c := range g.d.Charts {
		if !c.IsHidden && !c.IsLocked {
			charts = append(charts, c)
		}
	}
	users := g.r.Perm(len(g.d.Users))[:linkingCommentCount]
	picked := g.r.Perm(len(charts))[:linkingCommentCount]

	comment := func(content, lang string) string {
		owner := g.randomUser()
		c := Comment{
			ID: g.guid(), ResourceID: song.ID, Content: content, Language: lang,
			LikeCount: g.r.IntN(10), OwnerID: owner.ID,
			DateCreated: g.date(later(song.DateCreated, owner.DateJoined), g.d.Now),
		}
		g.d.Comments = append(g.d.Comments, c)
		return c.ID
	}
	for i := range linkingCommentCount {
		u, c := &g.d.Users[users[i]], charts[picked[i]]
		content := fmt.Sprintf("%s 的 [PZChart:%s:%s %s:PZRT] 推荐！", mention(u), c.ID, c.LevelType, c.Level)
		area.LinkingComments = append(area.LinkingComments, comment(content, "zh-CN"))
	}

	rec := g.d.Records[g.r.IntN(len(g.d.Records))]
	other := g.d.Comments[g.r.IntN(commentCount)]
	u := g.randomUser()
	showcase := fmt.Sprintf("Hi [PZUserMention:%d:%s:PZRT], see [PZSong:%s:%s:PZRT], "+
		"[PZRecord:%s:this play:PZRT], [PZComment:%s:that comment:PZRT] and "+
		"[PZChapter:%s:a chapter:PZRT] or [PZSongAdmission:%s:%s:an admission:PZCRT]. "+
		"[PZMoon:1:unknown:PZRT] [PZUser:x:broken:PZRT]",
		u.ID, u.UserName, song.ID, song.Title, rec.ID, other.ID, g.guid(), g.guid(), song.ID)
	area.ShowcaseComment = comment(showcase, "en-US")
}
