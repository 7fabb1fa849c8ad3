package upstream

import (
	"context"
	"io"
	"time"
)

// EventTask is a script a division runs on a schedule or on a trigger such
// as a registration or a submission (EventTaskDto).
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

// EventTaskType is when an event task runs, an integer on the wire. Values
// the facade does not know are kept and shown as UNKNOWN.
type EventTaskType int

// EventTaskTypeScheduled is the upstream's Scheduled (0), the first of the
// task types; the others follow in the upstream's order.
const EventTaskTypeScheduled EventTaskType = 0

var eventTaskTypeNames = enumNames{
	"SCHEDULED", "PRE_REGISTRATION", "PRE_INVITATION", "PRE_PARTICIPATION", "PRE_SUBMISSION",
	"PRE_UPDATE_TEAM", "PRE_UPDATE_PARTICIPANT", "PRE_UPDATE_SUBMISSION", "POST_REGISTRATION",
	"POST_INVITATION", "POST_PARTICIPATION", "POST_SUBMISSION", "POST_UPDATE_TEAM",
	"POST_UPDATE_PARTICIPANT", "POST_UPDATE_SUBMISSION", "ON_APPROVAL", "ON_DELETION",
	"ON_DISBANDMENT", "ON_WITHDRAWAL", "ON_ENTRY_EVALUATION", "ON_TEAM_EVALUATION",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e EventTaskType) String() string { return eventTaskTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e EventTaskType) MarshalGQL(w io.Writer) {
	eventTaskTypeNames.marshal(w, "EventTaskType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *EventTaskType) UnmarshalGQL(v any) error {
	return eventTaskTypeNames.unmarshal(v, "EventTaskType", (*int)(e))
}

// EventTaskFilter narrows a list of event tasks by the upstream's
// EventTaskFilterDto parameters.
type EventTaskFilter struct {
	RangeId              []string        `query:"RangeId"`
	ContainsName         *string         `query:"ContainsName"`
	EqualsName           *string         `query:"EqualsName"`
	RangeType            []EventTaskType `query:"RangeType"`
	ContainsDescription  *string         `query:"ContainsDescription"`
	EqualsDescription    *string         `query:"EqualsDescription"`
	RangeDivisionId      []string        `query:"RangeDivisionId"`
	EarliestDateExecuted *time.Time      `query:"EarliestDateExecuted"`
	LatestDateExecuted   *time.Time      `query:"LatestDateExecuted"`
	EarliestDateCreated  *time.Time      `query:"EarliestDateCreated"`
	LatestDateCreated    *time.Time      `query:"LatestDateCreated"`
	EarliestDateUpdated  *time.Time      `query:"EarliestDateUpdated"`
	LatestDateUpdated    *time.Time      `query:"LatestDateUpdated"`
}

// EventTaskListOptions selects a page of event tasks.
type EventTaskListOptions struct {
	ListOptions
	EventTaskFilter
}

// ListEventTasks reads a page of the tasks of unveiled divisions (and of
// the caller's own events).
//
// GET /events/tasks
func (c *Client) ListEventTasks(ctx context.Context, opts EventTaskListOptions) ([]EventTask, Page, error) {
	return ListOf[EventTask](ctx, c, "/events/tasks", nil, opts)
}

// GetEventTask reads one event task.
//
// GET /events/tasks/{id}
func (c *Client) GetEventTask(ctx context.Context, id string) (*EventTask, error) {
	return GetOf[EventTask](ctx, c, "/events/tasks/{id}", Params{"id": id})
}
