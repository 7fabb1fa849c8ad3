package sandbox

import (
	"encoding/json"
	"time"
)

// Rendering turns stored rows into answers: it fills the embedded
// resources and the caller-dependent fields (dateLiked, dateFollowed) the
// way the upstream's DtoMapper and repositories do for each route.

func (c *call) liked(resource string) *time.Time {
	if c.caller == nil {
		return nil
	}
	if t, ok := c.d.idx.likes[likeKey{c.caller.ID, resource}]; ok {
		return &t
	}
	return nil
}

// user renders a user for lists and lookups of users: dateFollowed is when
// the caller followed them.
func (c *call) user(u User) User {
	u.ApplicationLinks = []json.RawMessage{}
	u.DateFollowed = nil
	if c.caller != nil {
		if t, ok := c.d.idx.follows[[2]int{c.caller.ID, u.ID}]; ok {
			u.DateFollowed = &t
		}
	}
	return u
}

// embedded renders a user embedded in another resource (an owner, a host,
// a participant): the upstream loads no follow relation for them.
func (c *call) embedded(id int) *User {
	u := c.d.User(id)
	if u == nil {
		return nil
	}
	out := *u
	out.ApplicationLinks = []json.RawMessage{}
	out.DateFollowed = nil
	return &out
}

func (c *call) positional(u User, position *string) PositionalUser {
	return PositionalUser{User: u, Position: position}
}

// song renders a song with its chart counts per level (all nine levels).
func (c *call) song(s Song, withLike bool) Song {
	counts := make([]ChartLevelCount, len(chartLevelNames))
	for i := range counts {
		counts[i].LevelType = ChartLevel(i)
	}
	for _, i := range c.d.idx.chartsBySong[s.ID] {
		if l := c.d.Charts[i].LevelType; l >= 0 && int(l) < len(counts) {
			counts[l].Count++
		}
	}
	s.ChartLevels = counts
	s.Tags = nonNil(s.Tags)
	s.DateLiked = nil
	if withLike {
		s.DateLiked = c.liked(s.ID)
	}
	return s
}

// chart renders a chart with its song embedded; the embedded song carries
// no dateLiked, as the upstream does not load the song's likes.
func (c *call) chart(ch Chart) Chart {
	if s := c.d.Song(ch.SongID); s != nil {
		song := c.song(*s, false)
		ch.Song = &song
	}
	ch.Tags = nonNil(ch.Tags)
	ch.Assets = []ChartAsset{}
	ch.DateLiked = c.liked(ch.ID)
	return ch
}

// recordChart renders the chart embedded in a record: the upstream maps it
// without its DtoMapper, so the song's chartLevels stay empty and no
// dateLiked is set.
func (c *call) recordChart(id string) *Chart {
	ch := c.d.Chart(id)
	if ch == nil {
		return nil
	}
	out := *ch
	if s := c.d.Song(out.SongID); s != nil {
		song := *s
		song.ChartLevels = []ChartLevelCount{}
		song.Tags = nonNil(song.Tags)
		song.DateLiked = nil
		out.Song = &song
	}
	out.Tags = nonNil(out.Tags)
	out.Assets = []ChartAsset{}
	out.DateLiked = nil
	return &out
}

func (c *call) record(r Record) Record {
	r.Chart = c.recordChart(r.ChartID)
	r.Owner = c.embedded(r.OwnerID)
	r.Position = nil
	r.DateLiked = c.liked(r.ID)
	return r
}

func (c *call) comment(v Comment) Comment {
	v.Owner = c.embedded(v.OwnerID)
	v.DateLiked = c.liked(v.ID)
	return v
}

func (c *call) reply(v Reply) Reply {
	v.Owner = c.embedded(v.OwnerID)
	v.DateLiked = c.liked(v.ID)
	return v
}

// event renders an event with its unveiled divisions (oldest first) and
// its unveiled hosts.
func (c *call) event(e Event) Event {
	e.Divisions = []DivisionSummary{}
	divs := append([]int{}, c.d.idx.divisionsByEvent[e.ID]...)
	sortIndexes(divs, func(i int) time.Time { return c.d.Divisions[i].DateCreated })
	for _, i := range divs {
		v := c.d.Divisions[i]
		if !v.DateUnveiled.After(c.d.Now) {
			e.Divisions = append(e.Divisions, DivisionSummary{
				Title: v.Title, Subtitle: v.Subtitle, Type: v.Type, Status: v.Status,
			})
		}
	}
	e.Hosts = []PositionalUser{}
	for _, i := range c.d.idx.hostshipsByEvent[e.ID] {
		h := c.d.Hostships[i]
		if u := c.embedded(h.UserID); h.IsUnveiled && u != nil {
			e.Hosts = append(e.Hosts, c.positional(*u, h.Position))
		}
	}
	e.DateLiked = c.liked(e.ID)
	return e
}

// division renders a division with its team count (teams not banned) and
// the caller's team in it.
func (c *call) division(v EventDivision) EventDivision {
	v.TeamCount = 0
	v.Team = nil
	for _, i := range c.d.idx.teamsByDivision[v.ID] {
		t := c.d.Teams[i]
		if t.Status != TeamBanned {
			v.TeamCount++
		}
		if c.caller != nil && v.Team == nil && c.participates(t.ID, c.caller.ID) {
			team := t
			team.Participants = []PositionalUser{}
			team.Position = nil
			team.DateLiked = c.liked(t.ID)
			v.Team = &team
		}
	}
	v.DateLiked = c.liked(v.ID)
	return v
}

func (c *call) participates(team string, user int) bool {
	for _, i := range c.d.idx.participationsByTeam[team] {
		if c.d.Participations[i].ParticipantID == user {
			return true
		}
	}
	return false
}

// team renders a team with its members in the order they joined.
func (c *call) team(t EventTeam, withLike bool) EventTeam {
	t.Participants = []PositionalUser{}
	for _, i := range c.d.idx.participationsByTeam[t.ID] {
		p := c.d.Participations[i]
		if u := c.embedded(p.ParticipantID); u != nil {
			t.Participants = append(t.Participants, c.positional(*u, p.Position))
		}
	}
	t.Position = nil
	t.DateLiked = nil
	if withLike {
		t.DateLiked = c.liked(t.ID)
	}
	return t
}

func (c *call) hostship(h Hostship) Hostship {
	h.Permissions = nonNil(h.Permissions)
	return h
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func sortIndexes(idx []int, key func(int) time.Time) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && key(idx[j]).Before(key(idx[j-1])); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
}
