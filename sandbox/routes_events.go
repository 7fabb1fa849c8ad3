package sandbox

import (
	"math"
	"slices"
)

// Events, divisions and teams are visible once unveiled (relative to
// Data.Now); before that only administrators and the event's hosts (with
// the right permission) see them.

func (c *call) hostsAny(eventID string) bool {
	if c.caller == nil {
		return false
	}
	for _, i := range c.d.idx.hostshipsByEvent[eventID] {
		if c.d.Hostships[i].UserID == c.caller.ID {
			return true
		}
	}
	return false
}

func (c *call) eventVisible(e *Event) bool {
	return !e.DateUnveiled.After(c.d.Now) || c.admin || c.hostsAny(e.ID)
}

func (c *call) divisionVisible(v *EventDivision) bool {
	return !v.DateUnveiled.After(c.d.Now) || c.admin ||
		c.d.hosts(c.caller, v.EventID, permRetrieveDivision)
}

func (c *call) teamVisible(t *EventTeam) bool {
	v := c.d.Division(t.DivisionID)
	if v == nil {
		return c.admin
	}
	member := c.caller != nil && c.participates(t.ID, c.caller.ID)
	return (member || t.IsUnveiled) && !v.DateUnveiled.After(c.d.Now) || c.admin ||
		c.d.hosts(c.caller, v.EventID, permRetrieveTeam)
}

func eventText(e *Event) []string { return []string{e.Title, deref(e.Subtitle)} }

// getEvents is GET /events (EventFilterDto, Search on title and subtitle).
func (c *call) getEvents() {
	l, ok := c.bind(specFor[eventFilter, Event](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Events, c.eventVisible, eventText)
	c.many(mapList(page, c.event), total, l.listParams)
}

// getEvent is GET /events/{id}, under an ETag.
func (c *call) getEvent() {
	e := c.d.Event(c.params["id"])
	if e == nil || e.DateUnveiled.Compare(c.d.Now) >= 0 && !c.admin && !c.hostsAny(e.ID) {
		c.notFound()
		return
	}
	c.one(c.event(*e))
}

// getEventDivisions is GET /events/{id}/divisions (EventDivisionFilterDto).
func (c *call) getEventDivisions() {
	l, ok := c.bind(specFor[divisionFilter, EventDivision](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	if c.d.Event(id) == nil {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Divisions, func(v *EventDivision) bool {
		return v.EventID == id && (!v.DateUnveiled.After(c.d.Now) || c.admin || c.hostsAny(id))
	}, divisionText)
	c.many(mapList(page, c.division), total, l.listParams)
}

func divisionText(v *EventDivision) []string { return []string{v.Title, deref(v.Subtitle)} }

// getEventComments is GET /events/{id}/comments.
func (c *call) getEventComments() { c.resourceComments(c.d.Event(c.params["id"]) != nil, false) }

// getDivisions is GET /events/divisions (EventDivisionFilterDto).
func (c *call) getDivisions() {
	l, ok := c.bind(specFor[divisionFilter, EventDivision](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Divisions, c.divisionVisible, divisionText)
	c.many(mapList(page, c.division), total, l.listParams)
}

// getDivision is GET /events/divisions/{id}, under an ETag.
func (c *call) getDivision() {
	v := c.d.Division(c.params["id"])
	if v == nil || v.DateUnveiled.Compare(c.d.Now) >= 0 && !c.admin &&
		!c.d.hosts(c.caller, v.EventID, permRetrieveDivision) {
		c.notFound()
		return
	}
	c.one(c.division(*v))
}

func teamText(t *EventTeam) []string { return []string{t.Name} }

// getTeams is GET /events/teams (EventTeamFilterDto, Search on the name).
func (c *call) getTeams() {
	l, ok := c.bind(specFor[teamFilter, EventTeam](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Teams, c.teamVisible, teamText)
	c.many(mapList(page, func(t EventTeam) EventTeam { return c.team(t, true) }), total, l.listParams)
}

// getTeam is GET /events/teams/{id}, under an ETag, with the team's place
// on its division's leaderboard of unveiled teams.
func (c *call) getTeam() {
	t := c.d.Team(c.params["id"])
	if t == nil {
		c.notFound()
		return
	}
	v := c.d.Division(t.DivisionID)
	allowed := c.admin || c.caller != nil && c.participates(t.ID, c.caller.ID) ||
		v != nil && c.d.hosts(c.caller, v.EventID, permRetrieveTeam)
	if !allowed && (v == nil || v.DateUnveiled.Compare(c.d.Now) >= 0 || !t.IsUnveiled) {
		c.notFound()
		return
	}
	out := c.team(*t, false)
	out.Position = c.teamRank(t)
	c.one(out)
}

// teamStatusPriority orders teams without scores: Finished, Prepared,
// Registered, Eliminated, Banned.
var teamStatusPriority = []ParticipationStatus{
	TeamFinished, TeamPrepared, TeamRegistered, TeamEliminated, TeamBanned,
}

func (c *call) teamRank(t *EventTeam) *int {
	if !t.IsUnveiled {
		return nil
	}
	var board []EventTeam
	for _, i := range c.d.idx.teamsByDivision[t.DivisionID] {
		if c.d.Teams[i].IsUnveiled {
			board = append(board, c.d.Teams[i])
		}
	}
	slices.SortStableFunc(board, compareTeams)
	for i, b := range board {
		if b.ID == t.ID {
			return ptr(i + 1)
		}
	}
	return nil
}

func compareTeams(a, b EventTeam) int {
	switch {
	case a.Score == nil && b.Score == nil:
		pa, pb := slices.Index(teamStatusPriority, a.Status), slices.Index(teamStatusPriority, b.Status)
		if pa != pb {
			return pa - pb
		}
	case a.Score == nil:
		return 1
	case b.Score == nil:
		return -1
	case math.Abs(*a.Score-*b.Score) > 1e-5:
		if *a.Score > *b.Score {
			return -1
		}
		return 1
	}
	return a.DateCreated.Compare(b.DateCreated)
}

// getHostships is GET /events/hostships (HostshipFilterDto). Hostships have
// no ID or date, so the default order is by event ID.
func (c *call) getHostships() {
	l, ok := c.bind(specFor[hostshipFilter, Hostship](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Hostships, func(h *Hostship) bool {
		return h.IsUnveiled || c.admin || c.d.hosts(c.caller, h.EventID, permRetrieveHostship)
	}, nil)
	c.many(mapList(page, c.hostship), total, l.listParams)
}
