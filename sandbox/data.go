package sandbox

import (
	"sort"
	"time"
)

// Data is the sandbox's data set. New generates it from a fixed seed, so
// two servers hold equal data. Slices keep generation order; users have IDs
// 1..len(Users) in order.
//
// Tests read it through [Server.Data] to pick IDs and expected values, and
// change it only through [Server.Update], which also rebuilds the lookup
// indexes.
type Data struct {
	// Now is the data set's fixed present: events and divisions are
	// unveiled, started and ended relative to it, never to the wall clock.
	Now time.Time

	Regions        []Region
	Users          []User
	Tags           []Tag
	Songs          []Song
	Charts         []Chart
	Authorships    []Authorship
	Records        []Record
	Comments       []Comment
	Replies        []Reply
	Events         []Event
	Divisions      []EventDivision
	Teams          []EventTeam
	Participations []Participation
	Hostships      []Hostship
	Relations      []UserRelation
	Likes          []Like

	// Areas holds the data of the API's areas beyond the core; see extend.go.
	Areas Areas

	idx indexes
}

// Areas holds one struct per area of the API beyond the core, each defined
// in that area's own file.
type Areas struct {
	RichText RichText
	// Events holds what event divisions collect; see events_area.go.
	Events EventArea
	// Catalog is the catalog and social area (catalog.go).
	Catalog Catalog
	// Studio holds submissions, admissions and services; see studio_types.go.
	Studio Studio
	// Platform holds the tests in progress; see writes_platform_player.go.
	Platform Platform
	// Sessions holds the submission sessions in progress; see writes_sessions.go.
	Sessions SubmissionSessions
}

type indexes struct {
	users, regionsByID       map[int]int
	regionsByCode            map[string]int
	songs, charts, records   map[string]int
	comments, replies, tags  map[string]int
	events, divisions, teams map[string]int
	authorships              map[string]int
	chartsBySong             map[string][]int
	recordsByChart           map[string][]int
	participationsByTeam     map[string][]int
	hostshipsByEvent         map[string][]int
	divisionsByEvent         map[string][]int
	teamsByDivision          map[string][]int
	likes                    map[likeKey]time.Time
	follows                  map[[2]int]time.Time
}

type likeKey struct {
	owner    int
	resource string
}

// reindex rebuilds the lookup maps after the slices changed.
func (d *Data) reindex() {
	x := indexes{
		users: map[int]int{}, regionsByID: map[int]int{}, regionsByCode: map[string]int{},
		songs: map[string]int{}, charts: map[string]int{}, records: map[string]int{},
		comments: map[string]int{}, replies: map[string]int{}, tags: map[string]int{},
		events: map[string]int{}, divisions: map[string]int{}, teams: map[string]int{},
		authorships: map[string]int{}, chartsBySong: map[string][]int{},
		recordsByChart: map[string][]int{}, participationsByTeam: map[string][]int{},
		hostshipsByEvent: map[string][]int{}, divisionsByEvent: map[string][]int{},
		teamsByDivision: map[string][]int{}, likes: map[likeKey]time.Time{},
		follows: map[[2]int]time.Time{},
	}
	for i, r := range d.Regions {
		x.regionsByID[r.ID], x.regionsByCode[r.Code] = i, i
	}
	for i, u := range d.Users {
		x.users[u.ID] = i
	}
	for i, t := range d.Tags {
		x.tags[t.ID] = i
	}
	for i, s := range d.Songs {
		x.songs[s.ID] = i
	}
	for i, c := range d.Charts {
		x.charts[c.ID] = i
		x.chartsBySong[c.SongID] = append(x.chartsBySong[c.SongID], i)
	}
	for i, a := range d.Authorships {
		x.authorships[a.ID] = i
	}
	for i, r := range d.Records {
		x.records[r.ID] = i
		x.recordsByChart[r.ChartID] = append(x.recordsByChart[r.ChartID], i)
	}
	for i, c := range d.Comments {
		x.comments[c.ID] = i
	}
	for i, r := range d.Replies {
		x.replies[r.ID] = i
	}
	for i, e := range d.Events {
		x.events[e.ID] = i
	}
	for i, v := range d.Divisions {
		x.divisions[v.ID] = i
		x.divisionsByEvent[v.EventID] = append(x.divisionsByEvent[v.EventID], i)
	}
	for i, t := range d.Teams {
		x.teams[t.ID] = i
		x.teamsByDivision[t.DivisionID] = append(x.teamsByDivision[t.DivisionID], i)
	}
	for i, p := range d.Participations {
		x.participationsByTeam[p.TeamID] = append(x.participationsByTeam[p.TeamID], i)
	}
	for i, h := range d.Hostships {
		x.hostshipsByEvent[h.EventID] = append(x.hostshipsByEvent[h.EventID], i)
	}
	for _, l := range d.Likes {
		x.likes[likeKey{l.OwnerID, l.ResourceID}] = l.DateCreated
	}
	for _, r := range d.Relations {
		if r.Type != RelationBlacklisted {
			x.follows[[2]int{r.FollowerID, r.FolloweeID}] = r.DateCreated
		}
	}
	for _, ps := range x.participationsByTeam {
		sort.SliceStable(ps, func(a, b int) bool {
			return d.Participations[ps[a]].DateCreated.Before(d.Participations[ps[b]].DateCreated)
		})
	}
	d.idx = x
	reindexAreas(d)
}

// User returns the user with the ID, or nil.
func (d *Data) User(id int) *User {
	if i, ok := d.idx.users[id]; ok {
		return &d.Users[i]
	}
	return nil
}

// Song returns the song with the ID, or nil.
func (d *Data) Song(id string) *Song { return lookup(d.Songs, d.idx.songs, id) }

// Chart returns the chart with the ID, or nil.
func (d *Data) Chart(id string) *Chart { return lookup(d.Charts, d.idx.charts, id) }

// Record returns the record with the ID, or nil.
func (d *Data) Record(id string) *Record { return lookup(d.Records, d.idx.records, id) }

// Comment returns the comment with the ID, or nil.
func (d *Data) Comment(id string) *Comment { return lookup(d.Comments, d.idx.comments, id) }

// Event returns the event with the ID, or nil.
func (d *Data) Event(id string) *Event { return lookup(d.Events, d.idx.events, id) }

// Division returns the event division with the ID, or nil.
func (d *Data) Division(id string) *EventDivision {
	return lookup(d.Divisions, d.idx.divisions, id)
}

// Team returns the event team with the ID, or nil.
func (d *Data) Team(id string) *EventTeam { return lookup(d.Teams, d.idx.teams, id) }

func lookup[T any](items []T, index map[string]int, id string) *T {
	if i, ok := index[id]; ok {
		return &items[i]
	}
	return nil
}

// ChartsOfSong returns the indexes into Charts of a song's charts.
func (d *Data) ChartsOfSong(songID string) []int { return d.idx.chartsBySong[songID] }

// Leaderboard returns a chart's leaderboard as the upstream keeps it: each
// player's best record (highest rks, then earliest), ordered by rks,
// accuracy and score descending, then by date.
func (d *Data) Leaderboard(chartID string) []Record {
	best := map[int]Record{}
	for _, i := range d.idx.recordsByChart[chartID] {
		r := d.Records[i]
		b, ok := best[r.OwnerID]
		if !ok || r.Rks > b.Rks || r.Rks == b.Rks && r.DateCreated.Before(b.DateCreated) {
			best[r.OwnerID] = r
		}
	}
	list := make([]Record, 0, len(best))
	for _, r := range best {
		list = append(list, r)
	}
	sort.Slice(list, func(a, b int) bool { return recordBefore(list[a], list[b]) })
	return list
}

func recordBefore(a, b Record) bool {
	switch {
	case !near(a.Rks, b.Rks, 1e-6):
		return a.Rks > b.Rks
	case !near(a.Accuracy, b.Accuracy, 1e-6):
		return a.Accuracy > b.Accuracy
	case a.Score != b.Score:
		return a.Score > b.Score
	case !a.DateCreated.Equal(b.DateCreated):
		return a.DateCreated.Before(b.DateCreated)
	}
	return a.ID < b.ID
}

func near(a, b, eps float64) bool { return a-b < eps && b-a < eps }

// isAdministrator reports whether the user may see hidden resources.
func isAdministrator(u *User) bool { return u != nil && u.Role >= RoleAdministrator }

// hosts reports whether the user hosts the event with the given rights:
// as an event admin, or holding the permission.
func (d *Data) hosts(u *User, eventID string, permission uint32) bool {
	if u == nil {
		return false
	}
	for _, i := range d.idx.hostshipsByEvent[eventID] {
		h := d.Hostships[i]
		if h.UserID != u.ID {
			continue
		}
		if h.IsAdmin {
			return true
		}
		for _, p := range h.Permissions {
			if p == permission {
				return true
			}
		}
	}
	return false
}

// Hostship permissions as the upstream encodes them (operation << 26 |
// scope << 28).
const (
	permRetrieveDivision uint32 = 0
	permRetrieveTeam     uint32 = 1 << 28
	permRetrieveHostship uint32 = 3 << 28
	permUpdateDivision   uint32 = 2 << 26
)
