package sandbox

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// The events area: what divisions collect (prompts, entries, tags as event
// resources), their tasks, the reserved fields hosts keep, and pending
// invitations to teams and hostships. The core holds events, divisions,
// teams and hostships; this file adds the rest, linked to them.

// EventArea is the events area's part of the data set.
type EventArea struct {
	Tasks     []EventTask
	Resources []EventResource
	// DivisionReserved and TeamReserved hold the reserved fields of
	// divisions and teams by ID, numbered from 1 in slice order.
	DivisionReserved map[string][]*string
	TeamReserved     map[string][]*string
	TeamInvites      []TeamInvite
	HostInvites      []HostInvite

	tasks map[string]int
}

// EventTask is EventTaskDto.
type EventTask struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Type         EventTaskType `json:"type"`
	Code         *string       `json:"code"`
	IsHidden     bool          `json:"isHidden"`
	Description  string        `json:"description"`
	DivisionID   string        `json:"divisionId"`
	DateExecuted *time.Time    `json:"dateExecuted"`
	DateCreated  time.Time     `json:"dateCreated"`
	DateUpdated  time.Time     `json:"dateUpdated"`
}

// EventResource is EventResourceDto: a song, chart, record or tag in a
// division. Reserved holds its reserved fields.
type EventResource struct {
	DivisionID  string            `json:"divisionId"`
	ResourceID  string            `json:"resourceId"`
	Type        EventResourceType `json:"type"`
	Label       *string           `json:"label"`
	Description *string           `json:"description"`
	IsAnonymous *bool             `json:"isAnonymous"`
	Score       *float64          `json:"score"`
	TeamID      *string           `json:"teamId"`
	DateCreated time.Time         `json:"dateCreated"`
	DateUpdated time.Time         `json:"dateUpdated"`

	Reserved []*string `json:"-"`
}

// TeamInvite is an invitation to a team, stored under its code.
type TeamInvite struct {
	Code        string
	TeamID      string
	InviterID   int
	DateExpired time.Time
}

// HostInvite is an invitation to host an event, stored under its code.
type HostInvite struct {
	Code        string
	EventID     string
	InviterID   int
	DateExpired time.Time
	IsAdmin     bool
	IsUnveiled  bool
	Position    *string
	Permissions []uint32
}

// EventResourceType is a resource's role in a division.
type EventResourceType int

// EventResourceType values.
const (
	ResourcePrompt EventResourceType = iota
	ResourceEntry
	ResourceTag
)

func (EventResourceType) names() []string { return []string{"Prompt", "Entry", "Tag"} }

// EventTaskType is when a task runs (21 values, Scheduled first).
type EventTaskType int

// TaskScheduled is the only task type with an execution date.
const TaskScheduled EventTaskType = 0

var eventTaskTypeNames = []string{
	"Scheduled", "PreRegistration", "PreInvitation", "PreParticipation", "PreSubmission",
	"PreUpdateTeam", "PreUpdateParticipant", "PreUpdateSubmission", "PostRegistration",
	"PostInvitation", "PostParticipation", "PostSubmission", "PostUpdateTeam",
	"PostUpdateParticipant", "PostUpdateSubmission", "OnApproval", "OnDeletion",
	"OnDisbandment", "OnWithdrawal", "OnEntryEvaluation", "OnTeamEvaluation",
}

func (EventTaskType) names() []string { return eventTaskTypeNames }

// EventTask returns the event task with the ID, or nil.
func (d *Data) EventTask(id string) *EventTask {
	return lookup(d.Areas.Events.Tasks, d.Areas.Events.tasks, id)
}

// EventResource returns the event resource of a division, or nil.
func (d *Data) EventResource(division, resource string) *EventResource {
	for i := range d.Areas.Events.Resources {
		r := &d.Areas.Events.Resources[i]
		if r.DivisionID == division && r.ResourceID == resource {
			return r
		}
	}
	return nil
}

func init() {
	areaGenerators = append(areaGenerators, areaGenerator{"events", func(g *gen, r *rand.Rand) {
		own := *g
		own.r = r
		own.eventArea()
	}})
	areaIndexers["events"] = func(d *Data) {
		d.Areas.Events.tasks = map[string]int{}
		for i, t := range d.Areas.Events.Tasks {
			d.Areas.Events.tasks[t.ID] = i
		}
	}
}

var (
	eventTaskNames = []string{
		"Open registration", "Close submissions", "Score entries", "Check team size", "Announce results",
	}
	eventPromptNames = []string{"Round 1", "Round 2", "Final", "Bonus", "Warm-up"}
	// inviteAlphabet is the upstream's alphabet of invitation codes.
	inviteAlphabet = "BDFHJLNPRTVXZ0123456789"
)

// eventArea fills the events area; g draws from the area's own source.
func (g *gen) eventArea() {
	a := &g.d.Areas.Events
	a.DivisionReserved, a.TeamReserved = map[string][]*string{}, map[string][]*string{}
	for _, v := range g.d.Divisions {
		g.eventTasks(v)
		g.eventResources(v)
		a.DivisionReserved[v.ID] = g.reservedFields(g.between(2, 4), "division note")
		if !v.DateUnveiled.After(g.d.Now) && g.chance(0.6) {
			g.d.Comments = append(g.d.Comments, g.divisionComment(v))
		}
	}
	for i, t := range g.d.Teams {
		if i%3 == 0 {
			a.TeamReserved[t.ID] = g.reservedFields(g.between(1, 3), "team note")
		}
		if i%10 == 0 {
			a.TeamInvites = append(a.TeamInvites, TeamInvite{
				Code: g.invitationCode(), TeamID: t.ID, InviterID: t.OwnerID,
				DateExpired: g.d.Now.Add(time.Duration(g.between(1, 7)) * 24 * time.Hour),
			})
		}
	}
	for _, e := range g.d.Events {
		a.HostInvites = append(a.HostInvites, HostInvite{
			Code: g.invitationCode(), EventID: e.ID, InviterID: e.OwnerID,
			DateExpired: g.d.Now.Add(72 * time.Hour), IsUnveiled: g.chance(0.7),
			Position: ptr(pick(g, hostPositions)), Permissions: []uint32{permRetrieveDivision, permRetrieveTeam},
		})
	}
}

func (g *gen) eventTasks(v EventDivision) {
	for n := range g.between(1, 3) {
		t := EventTask{
			ID: g.guid(), Name: fmt.Sprintf("%s %d", pick(g, eventTaskNames), n+1),
			Type: EventTaskType(g.r.IntN(len(eventTaskTypeNames))), IsHidden: g.chance(0.2),
			Description: "Runs for " + v.Title + ".", DivisionID: v.ID,
			DateCreated: g.date(v.DateCreated, later(v.DateCreated, v.DateStarted)),
		}
		t.Code = ptr(fmt.Sprintf("// task %d\nreturn true;", n+1))
		t.DateUpdated = g.date(t.DateCreated, later(t.DateCreated, g.d.Now))
		if t.Type == TaskScheduled {
			t.DateExecuted = ptr(v.DateEnded)
		}
		g.d.Areas.Events.Tasks = append(g.d.Areas.Events.Tasks, t)
	}
}

// eventResources attaches prompts, entries and tags by the division's
// type: chart divisions take song prompts and chart entries, play
// divisions chart prompts and record entries, song divisions song entries.
func (g *gen) eventResources(v EventDivision) {
	var teams []EventTeam
	for _, t := range g.d.Teams {
		if t.DivisionID == v.ID {
			teams = append(teams, t)
		}
	}
	switch v.Type {
	case DivisionChart:
		for range g.between(2, 4) {
			g.eventResource(v, ResourcePrompt, pick(g, g.d.Songs).ID, nil)
		}
		for range g.between(3, 6) {
			g.eventResource(v, ResourceEntry, pick(g, g.d.Charts).ID, teams)
		}
	case DivisionPlay:
		for range g.between(2, 4) {
			g.eventResource(v, ResourcePrompt, pick(g, g.d.Charts).ID, nil)
		}
		for range g.between(3, 8) {
			g.eventResource(v, ResourceEntry, pick(g, g.d.Records).ID, teams)
		}
	default:
		for range g.between(3, 6) {
			g.eventResource(v, ResourceEntry, pick(g, g.d.Songs).ID, teams)
		}
	}
	if v.TagID != nil {
		g.eventResource(v, ResourceTag, *v.TagID, nil)
	}
	for range g.between(1, 2) {
		g.eventResource(v, ResourceTag, pick(g, g.d.Tags).ID, nil)
	}
}

func (g *gen) eventResource(v EventDivision, t EventResourceType, id string, teams []EventTeam) {
	if g.d.EventResource(v.ID, id) != nil {
		return
	}
	r := EventResource{
		DivisionID: v.ID, ResourceID: id, Type: t,
		DateCreated: g.date(v.DateCreated, later(v.DateCreated, v.DateEnded)),
	}
	r.DateUpdated = r.DateCreated
	switch t {
	case ResourcePrompt:
		r.Label = ptr(pick(g, eventPromptNames))
		r.Description = ptr("Chart this in your own style.")
	case ResourceEntry:
		r.IsAnonymous = ptr(v.Anonymization || g.chance(0.2))
		if len(teams) > 0 {
			r.TeamID = ptr(pick(g, teams).ID)
		}
		if v.Status == DivisionEnded {
			r.Score = ptr(round(60+g.r.Float64()*40, 2))
		}
	}
	r.Reserved = g.reservedFields(g.between(0, 2), "resource note")
	g.d.Areas.Events.Resources = append(g.d.Areas.Events.Resources, r)
}

// reservedFields draws n reserved fields; some are empty.
func (g *gen) reservedFields(n int, what string) []*string {
	out := make([]*string, n)
	for i := range out {
		if g.chance(0.8) {
			out[i] = ptr(fmt.Sprintf("%s %d", what, i+1))
		}
	}
	return out
}

func (g *gen) divisionComment(v EventDivision) Comment {
	owner := g.randomUser()
	content, lang := g.text(zhComments, jaComments, enComments)
	return Comment{
		ID: g.guid(), ResourceID: v.ID, Content: content, Language: lang,
		LikeCount: g.r.IntN(20), OwnerID: owner.ID,
		DateCreated: g.date(later(v.DateUnveiled, owner.DateJoined), later(v.DateUnveiled, g.d.Now)),
	}
}

func (g *gen) invitationCode() string {
	b := make([]byte, 6)
	for i := range b {
		b[i] = inviteAlphabet[g.r.IntN(len(inviteAlphabet))]
	}
	return string(b)
}
