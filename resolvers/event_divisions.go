package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// The default order of tasks, and how many teams either side of the
// caller's own a leaderboard may show.
var (
	tasksNewestFirst    = []sortKey{{"DateCreated", true}, {"Id", true}}
	leaderboardMaxRange = 50
)

// Relations of divisions and events that this file reads in batches.
var (
	commentsOnDivision = commentsVia("commentsOnDivision", "/events/divisions/{id}/comments")
	tasksOfDivision    = loaders.Children("tasksOfDivision", "/events/tasks", "RangeDivisionId",
		"/events/divisions/{id}/tasks", func(v *upstream.EventTask) string { return v.DivisionID })
)

// divisionParams fills the {id} of a division's own routes.
func divisionParams(d *upstream.EventDivision) upstream.Params { return upstream.Params{"id": d.ID} }

// EventDivisions reads a window of the divisions of all events.
func (r *queryResolver) EventDivisions(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.EventDivisionFilter, orderBy []model.EventDivisionOrder, search *string,
) (*model.EventDivisionConnection, error) {
	q, err := listQuery(filter, eventDivisionOrder(orderBy), divisionsByStart, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventDivision](ctx, "/events/divisions", nil, q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventDivisionConnection(s), nil
}

// Comments reads a window of the event's comments, batched by event.
func (r *eventResolver) Comments(
	ctx context.Context, obj *upstream.Event, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, eventID, args(first, after, last, before, offset), filter, orderBy,
		loaders.For(ctx).CommentsOnEvent)
}

// Tag is the tag of the division's entries, batched by ID.
func (r *eventDivisionResolver) Tag(ctx context.Context, obj *upstream.EventDivision) (*upstream.Tag, error) {
	if obj.TagID == nil {
		return nil, nil
	}
	return tagsByID.Get(ctx, groupOf(ctx, divisionTag), *obj.TagID)
}

// SongPrompts reads a window of the songs the division proposes.
func (r *eventDivisionResolver) SongPrompts(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.SongFilter, orderBy []model.SongOrder, search *string,
) (*model.EventSongPromptConnection, error) {
	q, err := listQuery(filter, songOrder(orderBy), songsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventSongPrompt](ctx, "/events/divisions/{id}/prompts/songs", divisionParams(obj), q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventSongPromptConnection(s), nil
}

// ChartPrompts reads a window of the charts the division proposes.
func (r *eventDivisionResolver) ChartPrompts(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.ChartFilter, orderBy []model.ChartOrder, search *string,
) (*model.EventChartPromptConnection, error) {
	q, err := listQuery(filter, chartOrder(orderBy), chartsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventChartPrompt](ctx, "/events/divisions/{id}/prompts/charts", divisionParams(obj), q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventChartPromptConnection(s), nil
}

// Tags reads a window of the tags of the division's entries.
func (r *eventDivisionResolver) Tags(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.TagFilter, orderBy []model.TagOrder, search *string,
) (*model.TagConnection, error) {
	q, err := listQuery(filter, tagOrder(orderBy), tagsByName, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Tag](ctx, "/events/divisions/{id}/tags", divisionParams(obj), q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return tagConnection(s), nil
}

// SongEntries reads a window of the songs entered into the division.
func (r *eventDivisionResolver) SongEntries(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.SongFilter, orderBy []model.SongOrder,
) (*model.EventSongEntryConnection, error) {
	if obj.Type != upstream.EventDivisionTypeSong {
		return eventSongEntryConnection(paging.Slice[upstream.EventSongEntry]{}), nil // another kind of division: none, and no call
	}
	q, err := listQuery(filter, songOrder(orderBy), songsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventSongEntry](ctx, "/events/divisions/{id}/entries/songs", divisionParams(obj), q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventSongEntryConnection(s), nil
}

// ChartEntries reads a window of the charts entered into the division.
func (r *eventDivisionResolver) ChartEntries(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.ChartFilter, orderBy []model.ChartOrder,
) (*model.EventChartEntryConnection, error) {
	if obj.Type != upstream.EventDivisionTypeChart {
		return eventChartEntryConnection(paging.Slice[upstream.EventChartEntry]{}), nil // another kind of division: none, and no call
	}
	q, err := listQuery(filter, chartOrder(orderBy), chartsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventChartEntry](ctx, "/events/divisions/{id}/entries/charts", divisionParams(obj), q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventChartEntryConnection(s), nil
}

// RecordEntries reads a window of the plays entered into the division.
func (r *eventDivisionResolver) RecordEntries(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.RecordFilter, orderBy []model.RecordOrder,
) (*model.EventRecordEntryConnection, error) {
	if obj.Type != upstream.EventDivisionTypePlay {
		return eventRecordEntryConnection(paging.Slice[upstream.EventRecordEntry]{}), nil // another kind of division: none, and no call
	}
	q, err := listQuery(filter, recordOrder(orderBy), recordsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventRecordEntry](ctx, "/events/divisions/{id}/entries/records", divisionParams(obj), q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventRecordEntryConnection(s), nil
}

// Leaderboard reads the division's best teams.
func (r *eventDivisionResolver) Leaderboard(
	ctx context.Context, obj *upstream.EventDivision, top *int, neighborhood *int,
) ([]upstream.EventTeam, error) {
	opts := upstream.LeaderboardOptions{TopRange: 10, NeighborhoodRange: 1}
	if top != nil {
		opts.TopRange = *top
	}
	if neighborhood != nil {
		opts.NeighborhoodRange = *neighborhood
	}
	if opts.TopRange < 1 || opts.TopRange > leaderboardMaxTop {
		return nil, badInput("top", "top must be between 1 and %d, got %d", leaderboardMaxTop, opts.TopRange)
	}
	if opts.NeighborhoodRange < 0 || opts.NeighborhoodRange > leaderboardMaxRange {
		return nil, badInput("neighborhood", "neighborhood must be between 0 and %d, got %d",
			leaderboardMaxRange, opts.NeighborhoodRange)
	}

	teams, err := loaders.For(ctx).Client().GetEventDivisionLeaderboard(ctx, obj.ID, opts)
	if err == nil {
		rememberList(ctx, teams)
	}
	return teams, err
}

// Tasks reads a window of the division's tasks, batched by division; a
// search reads the division's own route, where the upstream searches.
func (r *eventDivisionResolver) Tasks(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.EventTaskFilter, orderBy []model.EventTaskOrder, search *string,
) (*model.EventTaskConnection, error) {
	a := args(first, after, last, before, offset)
	if search != nil && *search != "" {
		q, err := listQuery(filter, eventTaskOrder(orderBy), tasksNewestFirst, search)
		if err != nil {
			return nil, err
		}
		s, err := rootList[upstream.EventTask](ctx, "/events/divisions/{id}/tasks", divisionParams(obj), q, a)
		if err != nil {
			return nil, err
		}
		return eventTaskConnection(s), nil
	}

	q, err := childQuery(filter, eventTaskOrder(orderBy), tasksNewestFirst, "RangeDivisionId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, divisionID, q, a, tasksOfDivision.Read)
	if err != nil {
		return nil, err
	}
	return eventTaskConnection(s), nil
}

// ReservedFields reads the division's reserved fields.
func (r *eventDivisionResolver) ReservedFields(
	ctx context.Context, obj *upstream.EventDivision,
) ([]*upstream.ReservedField, error) {
	return loaders.For(ctx).Client().GetEventDivisionReservedFields(ctx, obj.ID)
}

// Comments reads a window of the division's comments, batched by division.
func (r *eventDivisionResolver) Comments(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.CommentFilter, orderBy []model.CommentOrder,
) (*model.CommentConnection, error) {
	return commentsOn(ctx, obj, divisionID, args(first, after, last, before, offset), filter, orderBy,
		commentsOnDivision.Read)
}

func divisionTag(d *upstream.EventDivision) (string, bool) {
	if d.TagID == nil {
		return "", false
	}
	return *d.TagID, true
}
