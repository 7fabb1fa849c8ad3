package upstream

import "context"

// EventSongPrompt is a song an event division proposes to its entrants
// (EventSongPromptDto): the song with the division's label and notes.
type EventSongPrompt struct {
	Song
	Label            *string `json:"label"`
	EventDescription *string `json:"eventDescription"`
}

// EventChartPrompt is a chart an event division proposes to its entrants
// (EventChartPromptDto): the chart with the division's label and notes.
type EventChartPrompt struct {
	Chart
	Label            *string `json:"label"`
	EventDescription *string `json:"eventDescription"`
}

// EventSongEntry is a song entered into an event division
// (EventSongEntryDto); Team is nil while the entry is anonymous.
type EventSongEntry struct {
	Song
	Team *EventTeam `json:"team"`
}

// EventChartEntry is a chart entered into an event division
// (EventChartEntryDto); Team is nil while the entry is anonymous.
type EventChartEntry struct {
	Chart
	Team *EventTeam `json:"team"`
}

// EventRecordEntry is a play entered into an event division
// (EventRecordEntryDto); Team is nil while the entry is anonymous.
type EventRecordEntry struct {
	Record
	Team *EventTeam `json:"team"`
}

// ReservedField is one of the numbered free-text fields event hosts keep on
// a division, a team or a resource (ReservedFieldDto). Index counts from 1.
type ReservedField struct {
	Index   int     `json:"index"`
	Content *string `json:"content"`
}

// ListEventDivisionSongPrompts reads a page of the songs a chart division
// proposes (SongFilterDto, tags, Search).
//
// GET /events/divisions/{id}/prompts/songs
func (c *Client) ListEventDivisionSongPrompts(
	ctx context.Context, id string, opts SongListOptions,
) ([]EventSongPrompt, Page, error) {
	return ListOf[EventSongPrompt](ctx, c, "/events/divisions/{id}/prompts/songs", Params{"id": id}, opts)
}

// ListEventDivisionChartPrompts reads a page of the charts a play division
// proposes (ChartFilterDto, tags, Search).
//
// GET /events/divisions/{id}/prompts/charts
func (c *Client) ListEventDivisionChartPrompts(
	ctx context.Context, id string, opts ChartListOptions,
) ([]EventChartPrompt, Page, error) {
	return ListOf[EventChartPrompt](ctx, c, "/events/divisions/{id}/prompts/charts", Params{"id": id}, opts)
}

// ListEventDivisionTags reads a page of the tags of a division's entries.
//
// GET /events/divisions/{id}/tags
func (c *Client) ListEventDivisionTags(ctx context.Context, id string, opts TagListOptions) ([]Tag, Page, error) {
	return ListOf[Tag](ctx, c, "/events/divisions/{id}/tags", Params{"id": id}, opts)
}

// ListEventDivisionSongEntries reads a page of the songs entered into a
// song division; anonymous divisions ignore the owner and author filters.
//
// GET /events/divisions/{id}/entries/songs
func (c *Client) ListEventDivisionSongEntries(
	ctx context.Context, id string, opts SongListOptions,
) ([]EventSongEntry, Page, error) {
	return ListOf[EventSongEntry](ctx, c, "/events/divisions/{id}/entries/songs", Params{"id": id}, opts)
}

// ListEventDivisionChartEntries reads a page of the charts entered into a
// chart division; anonymous divisions ignore the owner and author filters.
//
// GET /events/divisions/{id}/entries/charts
func (c *Client) ListEventDivisionChartEntries(
	ctx context.Context, id string, opts ChartListOptions,
) ([]EventChartEntry, Page, error) {
	return ListOf[EventChartEntry](ctx, c, "/events/divisions/{id}/entries/charts", Params{"id": id}, opts)
}

// ListEventDivisionRecordEntries reads a page of the plays entered into a
// play division; anonymous divisions ignore the owner filters.
//
// GET /events/divisions/{id}/entries/records
func (c *Client) ListEventDivisionRecordEntries(
	ctx context.Context, id string, opts RecordListOptions,
) ([]EventRecordEntry, Page, error) {
	return ListOf[EventRecordEntry](ctx, c, "/events/divisions/{id}/entries/records", Params{"id": id}, opts)
}

// GetEventDivisionLeaderboard reads a division's teams, best first; each
// carries its position. The sizes work as for charts.
//
// GET /events/divisions/{id}/leaderboard
func (c *Client) GetEventDivisionLeaderboard(
	ctx context.Context, id string, opts LeaderboardOptions,
) ([]EventTeam, error) {
	teams, _, err := ListOf[EventTeam](ctx, c, "/events/divisions/{id}/leaderboard", Params{"id": id}, opts)
	return teams, err
}

// ListEventDivisionTasks reads a page of a division's tasks.
//
// GET /events/divisions/{id}/tasks
func (c *Client) ListEventDivisionTasks(
	ctx context.Context, id string, opts EventTaskListOptions,
) ([]EventTask, Page, error) {
	return ListOf[EventTask](ctx, c, "/events/divisions/{id}/tasks", Params{"id": id}, opts)
}

// GetEventDivisionReservedFields reads a division's reserved fields, as far
// as the signed-in caller may see them (nil where a host may not); anonymous
// callers get 404.
//
// GET /events/divisions/{id}/reservedFields
func (c *Client) GetEventDivisionReservedFields(ctx context.Context, id string) ([]*ReservedField, error) {
	fields, _, err := ListOf[*ReservedField](ctx, c, "/events/divisions/{id}/reservedFields", Params{"id": id}, nil)
	return fields, err
}
