package upstream

import (
	"context"
	"time"
)

// EventTeamInvite is a pending invitation to join an event team
// (EventTeamInviteDto).
type EventTeamInvite struct {
	Team        EventTeam `json:"team"`
	Inviter     User      `json:"inviter"`
	DateExpired time.Time `json:"dateExpired"`
}

// GetEventTeamInvite reads an invitation to join an event team by its
// code; it needs a signed-in caller.
//
// GET /events/teams/invites/{code}
func (c *Client) GetEventTeamInvite(ctx context.Context, code string) (*EventTeamInvite, error) {
	return GetOf[EventTeamInvite](ctx, c, "/events/teams/invites/{code}", Params{"code": code})
}

// ListEventTeamReservedFields reads the reserved fields of a page of event
// teams: one list per team, in the order of ListEventTeams with the same
// options.
//
// GET /events/teams/reservedFields
func (c *Client) ListEventTeamReservedFields(
	ctx context.Context, opts EventTeamListOptions,
) ([][]*ReservedField, Page, error) {
	return ListOf[[]*ReservedField](ctx, c, "/events/teams/reservedFields", nil, opts)
}

// GetEventTeamReservedFields reads the reserved fields of one event team.
//
// GET /events/teams/{teamId}/reservedFields
func (c *Client) GetEventTeamReservedFields(ctx context.Context, teamID string) ([]*ReservedField, error) {
	fields, _, err := ListOf[*ReservedField](ctx, c, "/events/teams/{teamId}/reservedFields",
		Params{"teamId": teamID}, nil)
	return fields, err
}
