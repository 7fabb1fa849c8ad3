package upstream

import (
	"context"
	"io"
	"time"
)

// EventResource attaches a song, chart, record or tag to an event division
// (EventResourceDto). A resource has no ID of its own: DivisionID and
// ResourceID name it. TeamID is the entrant of an entry.
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
}

// EventResourceSubject is what an event resource attaches: a *Song, *Chart,
// *Record or *Tag.
type EventResourceSubject interface{}

// EventResourceType is the role of a resource in an event division, an
// integer on the wire. Values the facade does not know are kept and shown
// as UNKNOWN.
type EventResourceType int

const (
	// EventResourceTypePrompt is the upstream's Prompt (0).
	EventResourceTypePrompt EventResourceType = 0
	// EventResourceTypeEntry is the upstream's Entry (1).
	EventResourceTypeEntry EventResourceType = 1
	// EventResourceTypeTag is the upstream's Tag (2).
	EventResourceTypeTag EventResourceType = 2
)

var eventResourceTypeNames = enumNames{"PROMPT", "ENTRY", "TAG"}

// String returns the GraphQL name of e, or UNKNOWN.
func (e EventResourceType) String() string { return eventResourceTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e EventResourceType) MarshalGQL(w io.Writer) {
	eventResourceTypeNames.marshal(w, "EventResourceType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *EventResourceType) UnmarshalGQL(v any) error {
	return eventResourceTypeNames.unmarshal(v, "EventResourceType", (*int)(e))
}

// EventResourceFilter narrows a list of event resources by the upstream's
// EventResourceFilterDto parameters.
type EventResourceFilter struct {
	RangeDivisionId     []string            `query:"RangeDivisionId"`
	RangeResourceId     []string            `query:"RangeResourceId"`
	RangeType           []EventResourceType `query:"RangeType"`
	ContainsLabel       *string             `query:"ContainsLabel"`
	EqualsLabel         *string             `query:"EqualsLabel"`
	ContainsDescription *string             `query:"ContainsDescription"`
	EqualsDescription   *string             `query:"EqualsDescription"`
	IsAnonymous         *bool               `query:"IsAnonymous"`
	RangeTeamId         []string            `query:"RangeTeamId"`
	EarliestDateCreated *time.Time          `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time          `query:"LatestDateCreated"`
	EarliestDateUpdated *time.Time          `query:"EarliestDateUpdated"`
	LatestDateUpdated   *time.Time          `query:"LatestDateUpdated"`
}

// EventResourceListOptions selects a page of event resources.
type EventResourceListOptions struct {
	ListOptions
	EventResourceFilter
}

// ListEventResources reads a page of the event resources the caller may
// see: hosts see their events' resources, others only public entries and
// their own teams' entries; anonymous callers see none.
//
// GET /events/resources
func (c *Client) ListEventResources(ctx context.Context, opts EventResourceListOptions) ([]EventResource, Page, error) {
	return ListOf[EventResource](ctx, c, "/events/resources", nil, opts)
}

// GetEventResource reads one event resource.
//
// GET /events/resources/{divisionId}/{resourceId}
func (c *Client) GetEventResource(ctx context.Context, divisionID, resourceID string) (*EventResource, error) {
	return GetOf[EventResource](ctx, c, "/events/resources/{divisionId}/{resourceId}",
		Params{"divisionId": divisionID, "resourceId": resourceID})
}

// ListEventResourceReservedFields reads the reserved fields of a page of
// event resources: one list per resource, in the order of ListEventResources
// with the same options.
//
// GET /events/resources/reservedFields
func (c *Client) ListEventResourceReservedFields(
	ctx context.Context, opts EventResourceListOptions,
) ([][]*ReservedField, Page, error) {
	return ListOf[[]*ReservedField](ctx, c, "/events/resources/reservedFields", nil, opts)
}

// GetEventResourceReservedFields reads the reserved fields of one event
// resource.
//
// GET /events/resources/{divisionId}/{resourceId}/reservedFields
func (c *Client) GetEventResourceReservedFields(
	ctx context.Context, divisionID, resourceID string,
) ([]*ReservedField, error) {
	fields, _, err := ListOf[*ReservedField](ctx, c, "/events/resources/{divisionId}/{resourceId}/reservedFields",
		Params{"divisionId": divisionID, "resourceId": resourceID}, nil)
	return fields, err
}
