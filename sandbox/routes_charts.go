package sandbox

import (
	"net/http"
	"strconv"
)

// getCharts is GET /charts (ChartFilterDto, TagsToInclude/TagsToExclude on
// the chart's and its song's tags, Search on titles and author name).
func (c *call) getCharts() {
	l, ok := c.bind(specFor[chartFilter, Chart](), true)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Charts, func(ch *Chart) bool {
		return l.tagsMatch(ch.Tags, c.songTags(ch.SongID))
	}, c.chartText)
	c.many(mapList(page, c.chart), total, l.listParams)
}

func (c *call) songTags(id string) []Tag {
	if s := c.d.Song(id); s != nil {
		return s.Tags
	}
	return nil
}

func (c *call) chartText(ch *Chart) []string {
	title := ""
	if s := c.d.Song(ch.SongID); s != nil {
		title = s.Title
	}
	return []string{deref(ch.Title), title, deref(ch.AuthorName)}
}

// getChart is GET /charts/{id}: ChartDetailedDto with the caller's personal
// bests (each the best of its own column), under an ETag.
func (c *call) getChart() {
	if v := c.q["includeassets"]; len(v) > 0 {
		if _, ok := parseScalar(boolType, v[0]); !ok {
			c.invalid([]fieldError{invalidValue("includeAssets", v[0])})
			return
		}
	}
	ch := c.d.Chart(c.params["id"])
	if ch == nil {
		c.notFound()
		return
	}
	out := ChartDetailed{Chart: c.chart(*ch)}
	if c.caller != nil {
		for _, i := range c.d.idx.recordsByChart[ch.ID] {
			r := c.d.Records[i]
			if r.OwnerID != c.caller.ID {
				continue
			}
			if out.PersonalBestScore == nil || r.Score > *out.PersonalBestScore {
				out.PersonalBestScore = ptr(r.Score)
			}
			if out.PersonalBestAccuracy == nil || r.Accuracy > *out.PersonalBestAccuracy {
				out.PersonalBestAccuracy = ptr(r.Accuracy)
			}
			if out.PersonalBestRks == nil || r.Rks > *out.PersonalBestRks {
				out.PersonalBestRks = ptr(r.Rks)
			}
		}
	}
	c.one(out)
}

// getLeaderboard is GET /charts/{id}/leaderboard: the TopRange best
// players, and when the caller ranks below them, NeighborhoodRange players
// either side of the caller. Records carry their position, their owner and
// no chart; the list has no paging fields.
func (c *call) getLeaderboard() {
	top, neighbours := 10, 1
	var errs []fieldError
	for _, p := range []struct {
		name   string
		into   *int
		lo, hi int
	}{{"TopRange", &top, 1, 1000}, {"NeighborhoodRange", &neighbours, 0, 50}} {
		raw := c.q[lower(p.name)]
		if len(raw) == 0 {
			continue
		}
		n, err := strconv.ParseInt(trim(raw[0]), 10, 32)
		switch {
		case err != nil:
			errs = append(errs, invalidValue(p.name, raw[0]))
		case int(n) < p.lo || int(n) > p.hi:
			errs = append(errs, fieldError{Field: p.name, Errors: []string{codeValueOutOfRange}})
		default:
			*p.into = int(n)
		}
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	ch := c.d.Chart(c.params["id"])
	if ch == nil {
		c.notFound()
		return
	}
	if ch.IsLocked && !c.admin {
		c.fail(http.StatusBadRequest, codeLocked)
		return
	}

	board := c.d.Leaderboard(ch.ID)
	rank := 0
	if c.caller != nil {
		for i, r := range board {
			if r.OwnerID == c.caller.ID {
				rank = i + 1
				break
			}
		}
	}
	entries := func(skip, take, first int) []Record {
		skip = max(0, min(skip, len(board)))
		end := min(skip+max(take, 0), len(board))
		out := make([]Record, 0, end-skip)
		for i, r := range board[skip:end] {
			r.Chart, r.Owner, r.DateLiked = nil, c.embedded(r.OwnerID), nil
			r.Position = ptr(first + i)
			out = append(out, r)
		}
		return out
	}
	var list []Record
	if rank == 0 || rank <= top+neighbours+1 {
		take := top
		if rank != 0 {
			take = max(top, rank+neighbours)
		}
		list = entries(0, take, 1)
	} else {
		list = append(entries(0, top, 1), entries(rank-neighbours-1, 2*neighbours+1, rank-neighbours)...)
	}
	c.plain(list)
}

// getChartComments is GET /charts/{id}/comments.
func (c *call) getChartComments() {
	ch := c.d.Chart(c.params["id"])
	c.resourceComments(ch != nil, ch != nil && ch.IsLocked)
}

// getSongs is GET /songs (SongFilterDto, tags on the song's own tags,
// Search on title and author name).
func (c *call) getSongs() {
	l, ok := c.bind(specFor[songFilter, Song](), true)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Songs, func(s *Song) bool { return l.tagsMatch(s.Tags) },
		func(s *Song) []string { return []string{s.Title, deref(s.AuthorName), deref(s.Edition)} })
	c.many(mapList(page, func(s Song) Song { return c.song(s, true) }), total, l.listParams)
}

// getSong is GET /songs/{id}, under an ETag.
func (c *call) getSong() {
	s := c.d.Song(c.params["id"])
	if s == nil {
		c.notFound()
		return
	}
	c.one(c.song(*s, true))
}

// getSongCharts is GET /songs/{id}/charts (ChartFilterDto, no tags, no
// Search).
func (c *call) getSongCharts() {
	l, ok := c.bind(specFor[chartFilter, Chart](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	if c.d.Song(id) == nil {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Charts, func(ch *Chart) bool { return ch.SongID == id }, nil)
	c.many(mapList(page, c.chart), total, l.listParams)
}

// getSongComments is GET /songs/{id}/comments.
func (c *call) getSongComments() {
	s := c.d.Song(c.params["id"])
	c.resourceComments(s != nil, s != nil && s.IsLocked)
}
