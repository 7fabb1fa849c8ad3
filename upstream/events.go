package upstream

import (
	"context"
	"time"
)

// Event is a community event made of divisions (EventDto).
type Event struct {
	ID            string           `json:"id"`
	Title         string           `json:"title"`
	Subtitle      *string          `json:"subtitle"`
	Illustration  string           `json:"illustration"`
	Illustrator   string           `json:"illustrator"`
	Description   *string          `json:"description"`
	Accessibility Accessibility    `json:"accessibility"`
	IsHidden      bool             `json:"isHidden"`
	IsLocked      bool             `json:"isLocked"`
	LikeCount     int              `json:"likeCount"`
	OwnerID       int              `json:"ownerId"`
	DateCreated   time.Time        `json:"dateCreated"`
	DateUpdated   time.Time        `json:"dateUpdated"`
	DateUnveiled  time.Time        `json:"dateUnveiled"`
	DateLiked     *time.Time       `json:"dateLiked"`
	Hosts         []PositionalUser `json:"hosts"`
}

// EventDivision is one competition within an event (EventDivisionDto).
type EventDivision struct {
	ID                         string              `json:"id"`
	Title                      string              `json:"title"`
	Subtitle                   *string             `json:"subtitle"`
	Type                       EventDivisionType   `json:"type"`
	Status                     EventDivisionStatus `json:"status"`
	Illustration               *string             `json:"illustration"`
	Illustrator                *string             `json:"illustrator"`
	Description                *string             `json:"description"`
	Accessibility              Accessibility       `json:"accessibility"`
	IsHidden                   bool                `json:"isHidden"`
	IsLocked                   bool                `json:"isLocked"`
	TagID                      *string             `json:"tagId"`
	MinTeamCount               *int                `json:"minTeamCount"`
	MaxTeamCount               *int                `json:"maxTeamCount"`
	MinParticipantPerTeamCount *int                `json:"minParticipantPerTeamCount"`
	MaxParticipantPerTeamCount *int                `json:"maxParticipantPerTeamCount"`
	MinSubmissionCount         *int                `json:"minSubmissionCount"`
	MaxSubmissionCount         *int                `json:"maxSubmissionCount"`
	Anonymization              bool                `json:"anonymization"`
	SuggestedEntrySearch       *string             `json:"suggestedEntrySearch"`
	LikeCount                  int                 `json:"likeCount"`
	OwnerID                    int                 `json:"ownerId"`
	EventID                    string              `json:"eventId"`
	DateCreated                time.Time           `json:"dateCreated"`
	DateUnveiled               time.Time           `json:"dateUnveiled"`
	DateStarted                time.Time           `json:"dateStarted"`
	DateEnded                  time.Time           `json:"dateEnded"`
	TeamCount                  int                 `json:"teamCount"`
	EntryCount                 int                 `json:"entryCount"`
	DateLiked                  *time.Time          `json:"dateLiked"`
}

// EventTeam is a team taking part in an event division (EventTeamDto).
type EventTeam struct {
	ID                      string              `json:"id"`
	Name                    string              `json:"name"`
	Icon                    *string             `json:"icon"`
	Description             *string             `json:"description"`
	Status                  ParticipationStatus `json:"status"`
	ClaimedParticipantCount int                 `json:"claimedParticipantCount"`
	ClaimedSubmissionCount  int                 `json:"claimedSubmissionCount"`
	Score                   *float64            `json:"score"`
	Position                *int                `json:"position"`
	DivisionID              string              `json:"divisionId"`
	LikeCount               int                 `json:"likeCount"`
	OwnerID                 int                 `json:"ownerId"`
	DateCreated             time.Time           `json:"dateCreated"`
	DateLiked               *time.Time          `json:"dateLiked"`
	Participants            []PositionalUser    `json:"participants"`
}

// EventListOptions selects a page of events.
type EventListOptions struct {
	ListOptions
	EventFilter
}

// EventDivisionListOptions selects a page of event divisions.
type EventDivisionListOptions struct {
	ListOptions
	EventDivisionFilter
}

// EventTeamListOptions selects a page of event teams.
type EventTeamListOptions struct {
	ListOptions
	EventTeamFilter
}

// ListEvents reads a page of events; each embeds its hosts.
//
// GET /events
func (c *Client) ListEvents(ctx context.Context, opts EventListOptions) ([]Event, Page, error) {
	return ListOf[Event](ctx, c, "/events", nil, opts)
}

// GetEvent reads one event.
//
// GET /events/{id}
func (c *Client) GetEvent(ctx context.Context, id string) (*Event, error) {
	return GetOf[Event](ctx, c, "/events/{id}", Params{"id": id})
}

// ListEventDivisions reads a page of event divisions.
//
// GET /events/divisions
func (c *Client) ListEventDivisions(ctx context.Context, opts EventDivisionListOptions) ([]EventDivision, Page, error) {
	return ListOf[EventDivision](ctx, c, "/events/divisions", nil, opts)
}

// GetEventDivision reads one event division.
//
// GET /events/divisions/{id}
func (c *Client) GetEventDivision(ctx context.Context, id string) (*EventDivision, error) {
	return GetOf[EventDivision](ctx, c, "/events/divisions/{id}", Params{"id": id})
}

// ListEventTeams reads a page of event teams; each embeds its participants.
//
// GET /events/teams
func (c *Client) ListEventTeams(ctx context.Context, opts EventTeamListOptions) ([]EventTeam, Page, error) {
	return ListOf[EventTeam](ctx, c, "/events/teams", nil, opts)
}

// GetEventTeam reads one event team.
//
// GET /events/teams/{id}
func (c *Client) GetEventTeam(ctx context.Context, id string) (*EventTeam, error) {
	return GetOf[EventTeam](ctx, c, "/events/teams/{id}", Params{"id": id})
}
