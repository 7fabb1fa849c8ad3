package upstream

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Writes of the Event, EventDivision and EventTask tags. Events and
// divisions are created from multipart forms ([FromForm]), with the
// fields under the DTOs' property names; everything else is JSON.

// NewEvent is the form of a new event (EventCreationDto). The owner
// becomes the event's first admin host.
type NewEvent struct {
	// Title is at most 40 characters, Subtitle 80, Illustrator 200 and
	// Description 2,000.
	Title         string
	Subtitle      *string
	Illustration  File
	Illustrator   string
	Description   *string
	Accessibility Accessibility
	IsHidden      bool
	IsLocked      bool
	OwnerID       int
	DateUnveiled  time.Time
}

// form is the multipart form of e.
func (e NewEvent) form() Form {
	f := url.Values{
		"Title":         {e.Title},
		"Illustrator":   {e.Illustrator},
		"Accessibility": {strconv.Itoa(int(e.Accessibility))},
		"IsHidden":      {strconv.FormatBool(e.IsHidden)},
		"IsLocked":      {strconv.FormatBool(e.IsLocked)},
		"OwnerId":       {itoa(e.OwnerID)},
		"DateUnveiled":  {e.DateUnveiled.Format(time.RFC3339Nano)},
	}
	if e.Subtitle != nil {
		f.Set("Subtitle", *e.Subtitle)
	}
	if e.Description != nil {
		f.Set("Description", *e.Description)
	}
	return Form{Fields: f, Files: map[string]File{"Illustration": e.Illustration}}
}

// CreateEvent creates an event and returns its ID; the illustration is
// streamed from e.Illustration.
//
// POST /events
func (c *Client) CreateEvent(ctx context.Context, e NewEvent) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/events", nil, e.form(), &created)
	return created.ID, err
}

// UpdateEvent applies a JSON Patch to an event (EventUpdateDto's fields).
//
// PATCH /events/{id}
func (c *Client) UpdateEvent(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/events/{id}", Params{"id": id}, patch, nil)
}

// UpdateEventIllustration replaces an event's illustration with the
// picture read from file.
//
// PATCH /events/{id}/illustration
func (c *Client) UpdateEventIllustration(ctx context.Context, id, filename string, file io.Reader) error {
	return c.sendFile(ctx, http.MethodPatch, "/events/{id}/illustration", Params{"id": id}, "File", filename, file)
}

// DeleteEvent removes an event.
//
// DELETE /events/{id}
func (c *Client) DeleteEvent(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/events/{id}", Params{"id": id})
}

// NewEventHostInvite is what an invitation to host an event offers
// (EventHostInviteRequestDto). IsAdmin counts only from the event's owner
// or an administrator, Permissions only from event admins.
type NewEventHostInvite struct {
	IsAdmin     bool     `json:"isAdmin"`
	IsUnveiled  bool     `json:"isUnveiled"`
	Permissions []uint32 `json:"permissions"`
	Position    *string  `json:"position,omitempty"`
}

// eventHostInviteCode is CodeDto, the answer to an invitation's creation.
type eventHostInviteCode struct {
	Code string `json:"code"`
}

// CreateEventHostInvite creates a code inviting its bearer to host event
// id, valid for six hours, and returns it.
//
// POST /events/{id}/invite
func (c *Client) CreateEventHostInvite(ctx context.Context, id string, invite NewEventHostInvite) (string, error) {
	if invite.Permissions == nil {
		invite.Permissions = []uint32{}
	}
	var out eventHostInviteCode
	err := c.sendJSON(ctx, http.MethodPost, "/events/{id}/invite", Params{"id": id}, invite, &out)
	return out.Code, err
}

// NewEventDivision is the form of a new event division
// (EventDivisionCreationDto).
type NewEventDivision struct {
	EventID string
	// Title is at most 40 characters, Subtitle 80, Illustrator 200,
	// Description 2,000 and SuggestedEntrySearch 4,000.
	Title                      string
	Subtitle                   *string
	Type                       EventDivisionType
	Status                     EventDivisionStatus
	Illustration               *File // nil: none
	Illustrator                *string
	Description                *string
	TagID                      *string
	MinTeamCount               *int
	MaxTeamCount               *int
	MinParticipantPerTeamCount *int
	MaxParticipantPerTeamCount *int
	MinSubmissionCount         *int
	MaxSubmissionCount         *int
	Anonymization              bool
	SuggestedEntrySearch       *string
	// Reserved are the division's reserved fields in order; nil leaves one
	// empty (it goes as an empty value, which the upstream binds as null).
	Reserved      []*string
	Accessibility Accessibility
	IsHidden      bool
	IsLocked      bool
	OwnerID       int
	DateUnveiled  time.Time
	DateStarted   time.Time
	DateEnded     time.Time
}

// form is the multipart form of v.
func (v NewEventDivision) form() Form {
	f := url.Values{
		"EventId":       {v.EventID},
		"Title":         {v.Title},
		"Type":          {strconv.Itoa(int(v.Type))},
		"Status":        {strconv.Itoa(int(v.Status))},
		"Anonymization": {strconv.FormatBool(v.Anonymization)},
		"Accessibility": {strconv.Itoa(int(v.Accessibility))},
		"IsHidden":      {strconv.FormatBool(v.IsHidden)},
		"IsLocked":      {strconv.FormatBool(v.IsLocked)},
		"OwnerId":       {itoa(v.OwnerID)},
		"DateUnveiled":  {v.DateUnveiled.Format(time.RFC3339Nano)},
		"DateStarted":   {v.DateStarted.Format(time.RFC3339Nano)},
		"DateEnded":     {v.DateEnded.Format(time.RFC3339Nano)},
	}
	for name, s := range map[string]*string{
		"Subtitle": v.Subtitle, "Illustrator": v.Illustrator, "Description": v.Description,
		"TagId": v.TagID, "SuggestedEntrySearch": v.SuggestedEntrySearch,
	} {
		if s != nil {
			f.Set(name, *s)
		}
	}
	for name, n := range map[string]*int{
		"MinTeamCount": v.MinTeamCount, "MaxTeamCount": v.MaxTeamCount,
		"MinParticipantPerTeamCount": v.MinParticipantPerTeamCount,
		"MaxParticipantPerTeamCount": v.MaxParticipantPerTeamCount,
		"MinSubmissionCount":         v.MinSubmissionCount, "MaxSubmissionCount": v.MaxSubmissionCount,
	} {
		if n != nil {
			f.Set(name, strconv.Itoa(*n))
		}
	}
	for _, r := range v.Reserved {
		value := ""
		if r != nil {
			value = *r
		}
		f.Add("Reserved", value)
	}

	form := Form{Fields: f}
	if v.Illustration != nil {
		form.Files = map[string]File{"Illustration": *v.Illustration}
	}
	return form
}

// CreateEventDivision creates an event division and returns its ID.
//
// POST /events/divisions
func (c *Client) CreateEventDivision(ctx context.Context, v NewEventDivision) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/events/divisions", nil, v.form(), &created)
	return created.ID, err
}

// UpdateEventDivision applies a JSON Patch to an event division
// (EventDivisionUpdateDto's fields).
//
// PATCH /events/divisions/{id}
func (c *Client) UpdateEventDivision(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/events/divisions/{id}", Params{"id": id}, patch, nil)
}

// UpdateEventDivisionIllustration replaces an event division's
// illustration with the picture read from file.
//
// PATCH /events/divisions/{id}/illustration
func (c *Client) UpdateEventDivisionIllustration(ctx context.Context, id, filename string, file io.Reader) error {
	return c.sendFile(ctx, http.MethodPatch, "/events/divisions/{id}/illustration", Params{"id": id},
		"File", filename, file)
}

// RemoveEventDivisionIllustration removes an event division's
// illustration.
//
// DELETE /events/divisions/{id}/illustration
func (c *Client) RemoveEventDivisionIllustration(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/events/divisions/{id}/illustration", Params{"id": id})
}

// DeleteEventDivision removes an event division.
//
// DELETE /events/divisions/{id}
func (c *Client) DeleteEventDivision(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/events/divisions/{id}", Params{"id": id})
}

// NewEventTask is the body of a new event task (EventTaskRequestDto).
type NewEventTask struct {
	// Name is at most 40 characters, Code 50,000 and Description 2,000.
	Name         string        `json:"name"`
	Type         EventTaskType `json:"type"`
	Code         *string       `json:"code"`
	IsHidden     bool          `json:"isHidden"`
	Description  string        `json:"description"`
	DivisionID   string        `json:"divisionId"`
	DateExecuted *time.Time    `json:"dateExecuted"`
}

// CreateEventTask creates a task of an event division and returns its ID.
//
// POST /events/tasks
func (c *Client) CreateEventTask(ctx context.Context, task NewEventTask) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/events/tasks", nil, task, &created)
	return created.ID, err
}

// UpdateEventTask applies a JSON Patch to an event task
// (EventTaskRequestDto's fields).
//
// PATCH /events/tasks/{id}
func (c *Client) UpdateEventTask(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/events/tasks/{id}", Params{"id": id}, patch, nil)
}

// DeleteEventTask removes an event task.
//
// DELETE /events/tasks/{id}
func (c *Client) DeleteEventTask(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/events/tasks/{id}", Params{"id": id})
}
