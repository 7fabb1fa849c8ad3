package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Routes of the events area. Division routes answer 404 for a division
// the caller may not see yet (see visibleDivision); the reserved fields of
// divisions, teams and resources go only to administrators and the event's
// admins (the sandbox grants no per-field host permissions).

type taskFilter struct {
	RangeID              []guid `query:"RangeId"`
	ContainsName         *string
	EqualsName           *string
	RangeType            []EventTaskType
	ContainsDescription  *string
	EqualsDescription    *string
	RangeDivisionID      []guid `query:"RangeDivisionId"`
	EarliestDateExecuted *time.Time
	LatestDateExecuted   *time.Time
	EarliestDateCreated  *time.Time
	LatestDateCreated    *time.Time
	EarliestDateUpdated  *time.Time
	LatestDateUpdated    *time.Time
}

type resourceFilter struct {
	RangeDivisionID     []guid `query:"RangeDivisionId"`
	RangeResourceID     []guid `query:"RangeResourceId"`
	RangeType           []EventResourceType
	ContainsLabel       *string
	EqualsLabel         *string
	ContainsDescription *string
	EqualsDescription   *string
	IsAnonymous         *bool
	RangeTeamID         []guid `query:"RangeTeamId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
	EarliestDateUpdated *time.Time
	LatestDateUpdated   *time.Time
}

// Host permissions of the events area (operation << 26 | scope << 28).
const permRetrieveResource uint32 = 2 << 28

// ReservedField is ReservedFieldDto.
type ReservedField struct {
	Index   int     `json:"index"`
	Content *string `json:"content"`
}

// EventSongPrompt is EventSongPromptDto.
type EventSongPrompt struct {
	Song
	Label            *string `json:"label"`
	EventDescription *string `json:"eventDescription"`
}

// EventChartPrompt is EventChartPromptDto.
type EventChartPrompt struct {
	Chart
	Label            *string `json:"label"`
	EventDescription *string `json:"eventDescription"`
}

// EventSongEntry, EventChartEntry and EventRecordEntry are the upstream's
// entry DTOs: the entry with its team, unless it is anonymous.
type (
	EventSongEntry struct {
		Song
		Team *EventTeam `json:"team"`
	}
	EventChartEntry struct {
		Chart
		Team *EventTeam `json:"team"`
	}
	EventRecordEntry struct {
		Record
		Team *EventTeam `json:"team"`
	}
)

func init() {
	areaRoutes["events"] = func(s *Server) []route {
		get := func(t string, h func(c *call)) route { return newRoute(http.MethodGet, t, h) }
		return []route{
			get("/events/divisions/{id:guid}/prompts/songs", (*call).getSongPrompts),
			get("/events/divisions/{id:guid}/prompts/charts", (*call).getChartPrompts),
			get("/events/divisions/{id:guid}/tags", (*call).getDivisionTags),
			get("/events/divisions/{id:guid}/entries/songs", (*call).getSongEntries),
			get("/events/divisions/{id:guid}/entries/charts", (*call).getChartEntries),
			get("/events/divisions/{id:guid}/entries/records", (*call).getRecordEntries),
			get("/events/divisions/{id:guid}/leaderboard", (*call).getDivisionLeaderboard),
			get("/events/divisions/{id:guid}/tasks", (*call).getDivisionTasks),
			get("/events/divisions/{id:guid}/reservedFields", (*call).getDivisionReservedFields),
			get("/events/divisions/{id:guid}/comments", (*call).getDivisionComments),
			get("/events/resources", (*call).getResources),
			get("/events/resources/reservedFields", (*call).getResourcesReservedFields),
			get("/events/resources/{divisionId:guid}/{resourceId:guid}", (*call).getResource),
			get("/events/resources/{divisionId:guid}/{resourceId:guid}/reservedFields",
				(*call).getResourceReservedFields),
			get("/events/tasks", (*call).getTasks),
			get("/events/tasks/{id:guid}", (*call).getTask),
			get("/events/teams/reservedFields", (*call).getTeamsReservedFields),
			get("/events/teams/{teamId:guid}/reservedFields", (*call).getTeamReservedFields),
			get("/events/teams/invites/{code}", (*call).getTeamInvite),
			get("/events/hostships/{eventId:guid}/{userId:int}", (*call).getHostship),
			get("/events/hostships/invites/{code}", (*call).getHostInvite),
		}
	}
}

// visibleDivision returns the division of the route's id when the caller
// may see it, or answers 404 and returns nil.
func (c *call) visibleDivision() *EventDivision {
	v := c.d.Division(c.params["id"])
	if v == nil || v.DateUnveiled.Compare(c.d.Now) >= 0 && !c.admin &&
		!c.d.hosts(c.caller, v.EventID, permRetrieveDivision) {
		c.notFound()
		return nil
	}
	return v
}

// inDivision reports whether id is a resource of the division in the role.
func (c *call) inDivision(division, id string, t EventResourceType) *EventResource {
	r := c.d.EventResource(division, id)
	if r == nil || r.Type != t {
		return nil
	}
	return r
}

// getSongPrompts is GET /events/divisions/{id}/prompts/songs (chart
// divisions; SongFilterDto, tags, Search).
func (c *call) getSongPrompts() {
	v := c.visibleDivision()
	if v == nil {
		return
	}
	if v.Type != DivisionChart {
		c.fail(http.StatusBadRequest, "InvalidOperation")
		return
	}
	l, ok := c.bind(specFor[songFilter, Song](), true)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Songs, func(s *Song) bool {
		return c.inDivision(v.ID, s.ID, ResourcePrompt) != nil && l.tagsMatch(s.Tags)
	}, func(s *Song) []string { return []string{s.Title, deref(s.AuthorName)} })
	c.many(mapList(page, func(s Song) EventSongPrompt {
		r := c.inDivision(v.ID, s.ID, ResourcePrompt)
		return EventSongPrompt{Song: c.song(s, true), Label: r.Label, EventDescription: r.Description}
	}), total, l.listParams)
}

// getChartPrompts is GET /events/divisions/{id}/prompts/charts (play
// divisions; ChartFilterDto, tags, Search).
func (c *call) getChartPrompts() {
	v := c.visibleDivision()
	if v == nil {
		return
	}
	if v.Type != DivisionPlay {
		c.fail(http.StatusBadRequest, "InvalidOperation")
		return
	}
	l, ok := c.bind(specFor[chartFilter, Chart](), true)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Charts, func(ch *Chart) bool {
		return c.inDivision(v.ID, ch.ID, ResourcePrompt) != nil && l.tagsMatch(ch.Tags, c.songTags(ch.SongID))
	}, c.chartText)
	c.many(mapList(page, func(ch Chart) EventChartPrompt {
		r := c.inDivision(v.ID, ch.ID, ResourcePrompt)
		return EventChartPrompt{Chart: c.chart(ch), Label: r.Label, EventDescription: r.Description}
	}), total, l.listParams)
}

// getDivisionTags is GET /events/divisions/{id}/tags (TagFilterDto, Search).
func (c *call) getDivisionTags() {
	v := c.visibleDivision()
	if v == nil {
		return
	}
	l, ok := c.bind(specFor[tagFilter, Tag](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Tags, func(t *Tag) bool { return c.inDivision(v.ID, t.ID, ResourceTag) != nil },
		func(t *Tag) []string { return []string{t.Name} })
	c.many(page, total, l.listParams)
}

// anonymousFilters are the owner and author filters (lower-cased) that
// anonymous divisions ignore.
var anonymousFilters = []string{"rangeownerid", "minownerid", "maxownerid", "containsauthorname", "equalsauthorname"}

// entryListing binds an entries route: the division must be visible and of
// the type (any type when want is negative); anonymous divisions drop the
// owner and author filters.
func (c *call) entryListing(want EventDivisionType, spec *filterSpec, tags bool) (*EventDivision, *listing) {
	v := c.visibleDivision()
	if v == nil {
		return nil, nil
	}
	if want >= 0 && v.Type != want {
		c.fail(http.StatusBadRequest, "InvalidOperation")
		return nil, nil
	}
	if v.Anonymization {
		for _, k := range anonymousFilters {
			delete(c.q, k)
		}
	}
	l, ok := c.bind(spec, tags)
	if !ok {
		return nil, nil
	}
	l.search = ""
	return v, l
}

// entryTeam is the team shown with an entry: none while it is anonymous.
func (c *call) entryTeam(division, id string) *EventTeam {
	r := c.inDivision(division, id, ResourceEntry)
	if r == nil || r.IsAnonymous == nil || *r.IsAnonymous || r.TeamID == nil {
		return nil
	}
	if t := c.d.Team(*r.TeamID); t != nil {
		out := c.team(*t, false)
		return &out
	}
	return nil
}

// canSeeEntry hides the hidden entries of others from all but hosts.
func (c *call) canSeeEntry(v *EventDivision, hidden bool, id string) bool {
	if !hidden || c.admin || c.d.hosts(c.caller, v.EventID, permRetrieveResource) {
		return true
	}
	r := c.inDivision(v.ID, id, ResourceEntry)
	return c.caller != nil && r != nil && r.TeamID != nil && c.participates(*r.TeamID, c.caller.ID)
}

// getSongEntries is GET /events/divisions/{id}/entries/songs (song
// divisions; SongFilterDto, tags, no Search).
func (c *call) getSongEntries() {
	v, l := c.entryListing(DivisionSong, specFor[songFilter, Song](), true)
	if v == nil {
		return
	}
	page, total := collect(l, c.d.Songs, func(s *Song) bool {
		return c.inDivision(v.ID, s.ID, ResourceEntry) != nil && l.tagsMatch(s.Tags) &&
			c.canSeeEntry(v, s.IsHidden, s.ID)
	}, nil)
	c.many(mapList(page, func(s Song) EventSongEntry {
		return EventSongEntry{Song: c.song(s, true), Team: c.entryTeam(v.ID, s.ID)}
	}), total, l.listParams)
}

// getChartEntries is GET /events/divisions/{id}/entries/charts (chart
// divisions; ChartFilterDto, tags, no Search).
func (c *call) getChartEntries() {
	v, l := c.entryListing(DivisionChart, specFor[chartFilter, Chart](), true)
	if v == nil {
		return
	}
	page, total := collect(l, c.d.Charts, func(ch *Chart) bool {
		return c.inDivision(v.ID, ch.ID, ResourceEntry) != nil && l.tagsMatch(ch.Tags, c.songTags(ch.SongID)) &&
			c.canSeeEntry(v, ch.IsHidden, ch.ID)
	}, nil)
	c.many(mapList(page, func(ch Chart) EventChartEntry {
		return EventChartEntry{Chart: c.chart(ch), Team: c.entryTeam(v.ID, ch.ID)}
	}), total, l.listParams)
}

// getRecordEntries is GET /events/divisions/{id}/entries/records
// (RecordFilterDto, no Search).
func (c *call) getRecordEntries() {
	v, l := c.entryListing(-1, specFor[recordFilter, Record](), false)
	if v == nil {
		return
	}
	page, total := collect(l, c.d.Records, func(r *Record) bool {
		return c.inDivision(v.ID, r.ID, ResourceEntry) != nil
	}, nil)
	c.many(mapList(page, func(r Record) EventRecordEntry {
		return EventRecordEntry{Record: c.record(r), Team: c.entryTeam(v.ID, r.ID)}
	}), total, l.listParams)
}

// getDivisionLeaderboard is GET /events/divisions/{id}/leaderboard: the
// TopRange best unveiled teams and, for a caller whose team ranks below
// them, NeighborhoodRange teams either side; no paging fields.
func (c *call) getDivisionLeaderboard() {
	top, neighbours, ok := c.leaderboardRanges()
	if !ok {
		return
	}
	v := c.d.Division(c.params["id"])
	if v == nil {
		c.notFound()
		return
	}
	if v.IsLocked && !c.admin {
		c.fail(http.StatusBadRequest, codeLocked)
		return
	}

	var board []EventTeam
	for _, i := range c.d.idx.teamsByDivision[v.ID] {
		if c.d.Teams[i].IsUnveiled {
			board = append(board, c.d.Teams[i])
		}
	}
	slices.SortStableFunc(board, compareTeams)
	rank := 0
	for i, t := range board {
		if c.caller != nil && c.participates(t.ID, c.caller.ID) {
			rank = i + 1
			break
		}
	}
	entries := func(skip, take, first int) []EventTeam {
		skip = max(0, min(skip, len(board)))
		end := min(skip+max(take, 0), len(board))
		out := make([]EventTeam, 0, end-skip)
		for i, t := range board[skip:end] {
			t = c.team(t, true)
			t.Position = ptr(first + i)
			out = append(out, t)
		}
		return out
	}
	var list []EventTeam
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

// leaderboardRanges binds TopRange (1..1000, default 10) and
// NeighborhoodRange (0..50, default 1), answering 400 when invalid.
func (c *call) leaderboardRanges() (int, int, bool) {
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
		return 0, 0, false
	}
	return top, neighbours, true
}

func taskText(t *EventTask) []string { return []string{t.Name, t.Description} }

// getDivisionTasks is GET /events/divisions/{id}/tasks (EventTaskFilterDto,
// Search on name and description).
func (c *call) getDivisionTasks() {
	v := c.visibleDivision()
	if v == nil {
		return
	}
	l, ok := c.bind(specFor[taskFilter, EventTask](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Areas.Events.Tasks, func(t *EventTask) bool { return t.DivisionID == v.ID }, taskText)
	c.many(page, total, l.listParams)
}

// reservedFields numbers fields for the caller: all of them for
// administrators and the event's admins, none for anyone else.
func (c *call) reservedFields(eventID string, fields []*string) []*ReservedField {
	out := []*ReservedField{}
	if !c.admin && !c.eventAdmin(eventID) {
		return out
	}
	for i, f := range fields {
		out = append(out, &ReservedField{Index: i + 1, Content: f})
	}
	return out
}

func (c *call) eventAdmin(eventID string) bool {
	if c.caller == nil {
		return false
	}
	for _, i := range c.d.idx.hostshipsByEvent[eventID] {
		if h := c.d.Hostships[i]; h.UserID == c.caller.ID && h.IsAdmin {
			return true
		}
	}
	return false
}

// getDivisionReservedFields is GET /events/divisions/{id}/reservedFields;
// anonymous callers get 404.
func (c *call) getDivisionReservedFields() {
	if c.caller == nil {
		c.notFound()
		return
	}
	v := c.visibleDivision()
	if v == nil {
		return
	}
	c.plain(c.reservedFields(v.EventID, c.d.Areas.Events.DivisionReserved[v.ID]))
}

// getDivisionComments is GET /events/divisions/{id}/comments.
func (c *call) getDivisionComments() {
	v := c.d.Division(c.params["id"])
	c.resourceComments(v != nil, v != nil && v.IsLocked)
}
