package resolvers

import (
	"context"
	"strconv"
	"strings"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Hostships have no ID or date: the event and the user that name one
// order them.
var (
	hostshipsByEvent = []sortKey{{"EventId", false}, {"UserId", false}}
	hostshipsByUser  = []sortKey{{"UserId", false}}
)

// hostshipsOfEvent reads the hostships of many events through the list's
// RangeEventId filter.
var hostshipsOfEvent = loaders.Children("hostshipsOfEvent", "/events/hostships", "RangeEventId", "",
	func(v *upstream.Hostship) string { return v.EventID })

// hostshipByKey reads one hostship by its "eventId:userId" key.
var hostshipByKey = loaders.EachKey("hostshipByKey",
	func(ctx context.Context, c *upstream.Client, key string) (*upstream.Hostship, error) {
		event, user, _ := strings.Cut(key, ":")
		id, _ := strconv.Atoi(user)
		return c.GetHostship(ctx, event, id)
	})

func init() {
	registerNode("Hostship", func(ctx context.Context, id string, _ []string) (globalid.Node, error) {
		event, user, _ := strings.Cut(id, ":")
		n, err := userID("id", user)
		if !guidPattern.MatchString(event) || err != nil {
			return nil, badInput("id", "id: %q does not name a hostship", id)
		}
		return hostshipByKey.Get(ctx, loaders.Group[string]{}, event+":"+strconv.Itoa(n))
	})
}

// Hostship returns the resolver of Hostship's relations.
func (r *Resolver) Hostship() graph.HostshipResolver { return &hostshipResolver{r} }

// EventHostInvite returns the resolver of EventHostInvite's fields.
func (r *Resolver) EventHostInvite() graph.EventHostInviteResolver {
	return &eventHostInviteResolver{r}
}

type (
	hostshipResolver        struct{ *Resolver }
	eventHostInviteResolver struct{ *Resolver }
)

// Hostship reads the hostship of one user on one event.
func (r *queryResolver) Hostship(ctx context.Context, eventID string, userID string) (*upstream.Hostship, error) {
	eventID, err := localGUID("eventId", eventID, "Event")
	if err != nil {
		return nil, err
	}
	user, err := localUserID("userId", userID)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetHostship(ctx, eventID, user)
}

// Hostships reads a window of the hostships the caller may see.
func (r *queryResolver) Hostships(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.HostshipFilter, orderBy []model.HostshipOrder,
) (*model.HostshipConnection, error) {
	q, err := listQuery(filter, hostshipOrder(orderBy), hostshipsByEvent, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.Hostship](ctx, "/events/hostships", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return hostshipConnection(s), nil
}

// EventHostInvite reads an invitation to host an event by its code.
func (r *queryResolver) EventHostInvite(ctx context.Context, code string) (*upstream.EventHostInvite, error) {
	code, err := invitationCode(code)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetEventHostInvite(ctx, code)
}

// Hostships reads a window of the event's hostships, batched by event.
func (r *eventResolver) Hostships(
	ctx context.Context, obj *upstream.Event, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.HostshipFilter, orderBy []model.HostshipOrder,
) (*model.HostshipConnection, error) {
	q, err := childQuery(filter, hostshipOrder(orderBy), hostshipsByUser, "RangeEventId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, eventID, q, args(first, after, last, before, offset), hostshipsOfEvent.Read)
	if err != nil {
		return nil, err
	}
	return hostshipConnection(s), nil
}

// ID gives the hostship's global ID, which names its event and its user.
func (r *hostshipResolver) ID(_ context.Context, obj *upstream.Hostship) (string, error) {
	return globalid.Encode("Hostship", obj.EventID+":"+strconv.Itoa(obj.UserID)), nil
}

// Permissions are the host's encoded rights.
func (r *hostshipResolver) Permissions(_ context.Context, obj *upstream.Hostship) ([]int, error) {
	return hostPermissions(obj.Permissions), nil
}

// Event is the event hosted, batched by ID.
func (r *hostshipResolver) Event(ctx context.Context, obj *upstream.Hostship) (*upstream.Event, error) {
	return loaders.For(ctx).Event(ctx, obj.EventID, groupOf(ctx, hostshipEvent))
}

// User is the host, batched by ID.
func (r *hostshipResolver) User(ctx context.Context, obj *upstream.Hostship) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.UserID, groupOf(ctx, hostshipUser))
}

// Permissions are the rights the invitee would hold.
func (r *eventHostInviteResolver) Permissions(_ context.Context, obj *upstream.EventHostInvite) ([]int, error) {
	return hostPermissions(obj.Permissions), nil
}

// permissions widens the upstream's unsigned permission words to GraphQL
// integers (they use 30 bits at most).
func hostPermissions(p []uint32) []int {
	out := make([]int, len(p))
	for i, v := range p {
		out[i] = int(v)
	}
	return out
}

func hostshipEvent(h *upstream.Hostship) (string, bool) { return h.EventID, true }
func hostshipUser(h *upstream.Hostship) (int, bool)     { return h.UserID, true }
