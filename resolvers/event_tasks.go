package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

var tasksByID = loaders.ByID("eventTasks", "/events/tasks", func(v *upstream.EventTask) string { return v.ID })

func init() {
	registerNode("EventTask", byGUID("EventTask",
		func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
			return tasksByID.Get(ctx, g, id)
		}))
}

// EventTask returns the resolver of EventTask's relations.
func (r *Resolver) EventTask() graph.EventTaskResolver { return &eventTaskResolver{r} }

type eventTaskResolver struct{ *Resolver }

// EventTask reads one event task.
func (r *queryResolver) EventTask(ctx context.Context, id string) (*upstream.EventTask, error) {
	id, err := localGUID("id", id, "EventTask")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetEventTask(ctx, id)
}

// EventTasks reads a window of all event tasks.
func (r *queryResolver) EventTasks(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.EventTaskFilter, orderBy []model.EventTaskOrder, search *string,
) (*model.EventTaskConnection, error) {
	q, err := listQuery(filter, eventTaskOrder(orderBy), tasksNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventTask](ctx, "/events/tasks", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventTaskConnection(s), nil
}

// ID gives the task's global ID.
func (r *eventTaskResolver) ID(_ context.Context, obj *upstream.EventTask) (string, error) {
	return globalid.Encode("EventTask", obj.ID), nil
}

// Division is the division the task belongs to, batched by ID.
func (r *eventTaskResolver) Division(ctx context.Context, obj *upstream.EventTask) (*upstream.EventDivision, error) {
	return loaders.For(ctx).EventDivision(ctx, obj.DivisionID, groupOf(ctx, taskDivision))
}

func taskDivision(t *upstream.EventTask) (string, bool) { return t.DivisionID, true }
