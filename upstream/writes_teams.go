package upstream

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// Writes of the EventTeam and EventResource tags: teams, their members
// (participations), invitations and reserved fields, and event resources.

// NewEventTeam is the form of a new event team (EventTeamCreationDto).
type NewEventTeam struct {
	DivisionID string
	// Name is at most 40 characters.
	Name string
	// Description is at most 2,000 characters.
	Description *string
	// ClaimedParticipantCount and ClaimedSubmissionCount must lie within
	// the division's ranges.
	ClaimedParticipantCount int
	ClaimedSubmissionCount  int
	// Icon is a square picture; without one the team takes its owner's
	// avatar.
	Icon *File
}

// form is the team as the upstream's [FromForm] binding reads it.
func (t NewEventTeam) form() Form {
	f := Form{Fields: url.Values{
		"DivisionId":              {t.DivisionID},
		"Name":                    {t.Name},
		"ClaimedParticipantCount": {strconv.Itoa(t.ClaimedParticipantCount)},
		"ClaimedSubmissionCount":  {strconv.Itoa(t.ClaimedSubmissionCount)},
	}}
	if t.Description != nil {
		f.Fields.Set("Description", *t.Description)
	}
	if t.Icon != nil {
		f.Files = map[string]File{"Icon": *t.Icon}
	}
	return f
}

// CreateEventTeam registers a team owned by the caller, who joins it as
// its leader, and returns its ID.
//
// POST /events/teams
func (c *Client) CreateEventTeam(ctx context.Context, team NewEventTeam) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/events/teams", nil, team.form(), &created)
	return created.ID, err
}

// UpdateEventTeam applies a JSON Patch to a team (EventTeamUpdateDto's
// fields).
//
// PATCH /events/teams/{id}
func (c *Client) UpdateEventTeam(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/events/teams/{id}", Params{"id": id}, patch, nil)
}

// UpdateEventTeamIcon replaces a team's icon with the picture of file.
//
// PATCH /events/teams/{id}/icon
func (c *Client) UpdateEventTeamIcon(ctx context.Context, id string, file File) error {
	return c.sendFile(ctx, http.MethodPatch, "/events/teams/{id}/icon", Params{"id": id}, "File", file.Name,
		file.Content)
}

// RemoveEventTeamIcon removes a team's icon.
//
// DELETE /events/teams/{id}/icon
func (c *Client) RemoveEventTeamIcon(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/events/teams/{id}/icon", Params{"id": id})
}

// DeleteEventTeam disbands a team; its members leave it first.
//
// DELETE /events/teams/{id}
func (c *Client) DeleteEventTeam(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/events/teams/{id}", Params{"id": id})
}

// newCode is CodeDto, the answer that carries a new code.
type newCode struct {
	Code string `json:"code"`
}

// CreateEventTeamInvite creates an invitation into a team, valid for 12
// hours, and returns its code.
//
// POST /events/teams/{id}/invite
func (c *Client) CreateEventTeamInvite(ctx context.Context, id string) (string, error) {
	var out newCode
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Route: "/events/teams/{id}/invite", Params: Params{"id": id}},
		&out)
	return out.Code, err
}

// AcceptEventTeamInvite makes the caller a member of the team an
// invitation names, in position when it is not nil.
//
// POST /events/teams/invites/{code}/accept
func (c *Client) AcceptEventTeamInvite(ctx context.Context, code string, position *string) error {
	var q url.Values
	if position != nil {
		q = url.Values{"position": {*position}}
	}
	_, err := c.Do(ctx, Request{
		Method: http.MethodPost, Route: "/events/teams/invites/{code}/accept", Params: Params{"code": code}, Query: q,
	}, nil)
	return err
}

// UpdateParticipation applies a JSON Patch to a membership
// (ParticipationUpdateDto's fields).
//
// PATCH /events/teams/{teamId}/participants/{participantId}
func (c *Client) UpdateParticipation(ctx context.Context, teamID string, participantID int, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/events/teams/{teamId}/participants/{participantId}",
		Params{"teamId": teamID, "participantId": itoa(participantID)}, patch, nil)
}

// DeleteParticipation removes a member from a team.
//
// DELETE /events/teams/{teamId}/participants/{participantId}
func (c *Client) DeleteParticipation(ctx context.Context, teamID string, participantID int) error {
	return c.send(ctx, http.MethodDelete, "/events/teams/{teamId}/participants/{participantId}",
		Params{"teamId": teamID, "participantId": itoa(participantID)})
}

// ReservedFieldContent is the body that sets a reserved field (StringDto);
// nil empties the field.
type ReservedFieldContent struct {
	// Content is at most 20,000 characters.
	Content *string `json:"content"`
}

// UpdateEventTeamReservedField sets a team's reserved field index (from 1).
//
// POST /events/teams/{teamId}/reservedFields/{index}
func (c *Client) UpdateEventTeamReservedField(
	ctx context.Context, teamID string, index int, content ReservedFieldContent,
) error {
	return c.sendJSON(ctx, http.MethodPost, "/events/teams/{teamId}/reservedFields/{index}",
		Params{"teamId": teamID, "index": itoa(index)}, content, nil)
}

// UpdateEventResource applies a JSON Patch to an event resource
// (EventResourceRequestDto's fields).
//
// PATCH /events/resources/{divisionId}/{resourceId}
func (c *Client) UpdateEventResource(ctx context.Context, divisionID, resourceID string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/events/resources/{divisionId}/{resourceId}",
		Params{"divisionId": divisionID, "resourceId": resourceID}, patch, nil)
}

// DeleteEventResource detaches a resource from an event division.
//
// DELETE /events/resources/{divisionId}/{resourceId}
func (c *Client) DeleteEventResource(ctx context.Context, divisionID, resourceID string) error {
	return c.send(ctx, http.MethodDelete, "/events/resources/{divisionId}/{resourceId}",
		Params{"divisionId": divisionID, "resourceId": resourceID})
}

// UpdateEventResourceReservedField sets an entry's reserved field index
// (from 1).
//
// POST /events/resources/{divisionId}/{resourceId}/reservedFields/{index}
func (c *Client) UpdateEventResourceReservedField(
	ctx context.Context, divisionID, resourceID string, index int, content ReservedFieldContent,
) error {
	return c.sendJSON(ctx, http.MethodPost, "/events/resources/{divisionId}/{resourceId}/reservedFields/{index}",
		Params{"divisionId": divisionID, "resourceId": resourceID, "index": itoa(index)}, content, nil)
}
