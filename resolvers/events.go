package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

var (
	eventsNewestFirst = []sortKey{{"DateCreated", true}, {"Id", true}}
	divisionsByStart  = []sortKey{{"DateStarted", false}, {"Id", false}}
	teamsNewestFirst  = []sortKey{{"DateCreated", true}, {"Id", true}}
)

// Event reads one event.
func (r *queryResolver) Event(ctx context.Context, id string) (*upstream.Event, error) {
	id, err := localGUID("id", id, "Event")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetEvent(ctx, id)
}

// Events reads a window of all events.
func (r *queryResolver) Events(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.EventFilter, orderBy []model.EventOrder, search *string,
) (*model.EventConnection, error) {
	q, err := listQuery(filter, eventOrder(orderBy), eventsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Event](ctx, "/events", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventConnection(s), nil
}

// EventDivision reads one event division.
func (r *queryResolver) EventDivision(ctx context.Context, id string) (*upstream.EventDivision, error) {
	id, err := localGUID("id", id, "EventDivision")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetEventDivision(ctx, id)
}

// EventTeam reads one event team.
func (r *queryResolver) EventTeam(ctx context.Context, id string) (*upstream.EventTeam, error) {
	id, err := localGUID("id", id, "EventTeam")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetEventTeam(ctx, id)
}

// Owner is the user who created the event.
func (r *eventResolver) Owner(ctx context.Context, obj *upstream.Event) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, eventOwner))
}

// Divisions reads a window of the event's divisions, batched by event.
func (r *eventResolver) Divisions(
	ctx context.Context, obj *upstream.Event, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.EventDivisionFilter, orderBy []model.EventDivisionOrder,
) (*model.EventDivisionConnection, error) {
	q, err := childQuery(filter, eventDivisionOrder(orderBy), divisionsByStart, "RangeEventId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, eventID, q, args(first, after, last, before, offset), loaders.For(ctx).DivisionsOf)
	if err != nil {
		return nil, err
	}
	return eventDivisionConnection(s), nil
}

// Event is the event the division belongs to, batched by ID.
func (r *eventDivisionResolver) Event(ctx context.Context, obj *upstream.EventDivision) (*upstream.Event, error) {
	return loaders.For(ctx).Event(ctx, obj.EventID, groupOf(ctx, divisionEvent))
}

// Owner is the user who created the division.
func (r *eventDivisionResolver) Owner(ctx context.Context, obj *upstream.EventDivision) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, divisionOwner))
}

// Teams reads a window of the division's teams, batched by division.
func (r *eventDivisionResolver) Teams(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.EventTeamFilter, orderBy []model.EventTeamOrder,
) (*model.EventTeamConnection, error) {
	q, err := childQuery(filter, eventTeamOrder(orderBy), teamsNewestFirst, "RangeDivisionId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, divisionID, q, args(first, after, last, before, offset), loaders.For(ctx).TeamsOf)
	if err != nil {
		return nil, err
	}
	return eventTeamConnection(s), nil
}

// Division is the division the team takes part in, batched by ID.
func (r *eventTeamResolver) Division(ctx context.Context, obj *upstream.EventTeam) (*upstream.EventDivision, error) {
	return loaders.For(ctx).EventDivision(ctx, obj.DivisionID, groupOf(ctx, teamDivision))
}

// Owner is the user who formed the team.
func (r *eventTeamResolver) Owner(ctx context.Context, obj *upstream.EventTeam) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, teamOwner))
}
