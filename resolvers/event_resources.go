package resolvers

import (
	"context"
	"strings"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// resourcesNewestFirst is the default order of event resources, which
// have no ID: the two IDs that name one close it.
var resourcesNewestFirst = []sortKey{{"DateCreated", true}, {"DivisionId", false}, {"ResourceId", false}}

// eventResourceByKey reads one event resource by its "divisionId:resourceId"
// key; the upstream has no batch read of resources by key.
var eventResourceByKey = loaders.EachKey("eventResourceByKey",
	func(ctx context.Context, c *upstream.Client, key string) (*upstream.EventResource, error) {
		division, resource, _ := strings.Cut(key, ":")
		return c.GetEventResource(ctx, division, resource)
	})

// Event resources of many divisions or teams, through the list's filters.
var (
	resourcesOfDivision = loaders.Children("resourcesOfDivision", "/events/resources", "RangeDivisionId", "",
		func(v *upstream.EventResource) string { return v.DivisionID })
	resourcesOfTeam = loaders.Children("resourcesOfTeam", "/events/resources", "RangeTeamId", "",
		func(v *upstream.EventResource) string { id, _ := optionalString(v.TeamID); return id })
)

func init() {
	registerNode("EventResource", func(ctx context.Context, id string, _ []string) (globalid.Node, error) {
		division, resource, err := resourceKey(id)
		if err != nil {
			return nil, err
		}
		return eventResourceByKey.Get(ctx, loaders.Group[string]{}, division+":"+resource)
	})
}

// EventResource returns the resolver of EventResource's relations.
func (r *Resolver) EventResource() graph.EventResourceResolver { return &eventResourceResolver{r} }

type eventResourceResolver struct{ *Resolver }

// resourceKey checks the local ID of an event resource, "divisionId:resourceId".
func resourceKey(id string) (string, string, error) {
	division, resource, _ := strings.Cut(id, ":")
	if !guidPattern.MatchString(division) || !guidPattern.MatchString(resource) {
		return "", "", badInput("id", "id: %q does not name an event resource", id)
	}
	return division, resource, nil
}

// EventResource reads one event resource.
func (r *queryResolver) EventResource(
	ctx context.Context, divisionID string, resourceID string,
) (*upstream.EventResource, error) {
	divisionID, err := localGUID("divisionId", divisionID, "EventDivision")
	if err != nil {
		return nil, err
	}
	if resourceID, err = guid("resourceId", resourceID); err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetEventResource(ctx, divisionID, resourceID)
}

// EventResources reads a window of the event resources the caller may see.
func (r *queryResolver) EventResources(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.EventResourceFilter, orderBy []model.EventResourceOrder,
) (*model.EventResourceConnection, error) {
	q, err := listQuery(filter, eventResourceOrder(orderBy), resourcesNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventResource](ctx, "/events/resources", nil, q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventResourceConnection(s), nil
}

// EventResourceReservedFields reads the reserved fields of a window of
// event resources.
func (r *queryResolver) EventResourceReservedFields(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.EventResourceFilter, orderBy []model.EventResourceOrder,
) (*model.ReservedFieldListConnection, error) {
	q, err := listQuery(filter, eventResourceOrder(orderBy), resourcesNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[[]*upstream.ReservedField](ctx, "/events/resources/reservedFields", nil, q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return reservedFieldListConnection(s), nil
}

// Resources reads a window of the division's resources, batched by
// division.
func (r *eventDivisionResolver) Resources(
	ctx context.Context, obj *upstream.EventDivision, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.EventResourceFilter, orderBy []model.EventResourceOrder,
) (*model.EventResourceConnection, error) {
	q, err := childQuery(filter, eventResourceOrder(orderBy), resourcesNewestFirst, "RangeDivisionId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, divisionID, q,
		args(first, after, last, before, offset), resourcesOfDivision.Read)
	if err != nil {
		return nil, err
	}
	return eventResourceConnection(s), nil
}

// Resources reads a window of the resources the team entered, batched by
// team.
func (r *eventTeamResolver) Resources(
	ctx context.Context, obj *upstream.EventTeam, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.EventResourceFilter, orderBy []model.EventResourceOrder,
) (*model.EventResourceConnection, error) {
	q, err := childQuery(filter, eventResourceOrder(orderBy), resourcesNewestFirst, "RangeTeamId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, eventTeamID, q,
		args(first, after, last, before, offset), resourcesOfTeam.Read)
	if err != nil {
		return nil, err
	}
	return eventResourceConnection(s), nil
}

// ID gives the resource's global ID, which names its division and itself.
func (r *eventResourceResolver) ID(_ context.Context, obj *upstream.EventResource) (string, error) {
	return globalid.Encode("EventResource", obj.DivisionID+":"+obj.ResourceID), nil
}

// Division is the division the resource is attached to, batched by ID.
func (r *eventResourceResolver) Division(
	ctx context.Context, obj *upstream.EventResource,
) (*upstream.EventDivision, error) {
	return loaders.For(ctx).EventDivision(ctx, obj.DivisionID, groupOf(ctx, resourceDivision))
}

// Team is the team that entered the resource, batched by ID.
func (r *eventResourceResolver) Team(ctx context.Context, obj *upstream.EventResource) (*upstream.EventTeam, error) {
	if obj.TeamID == nil {
		return nil, nil
	}
	return teamsByID.Get(ctx, groupOf(ctx, resourceTeam), *obj.TeamID)
}

// Subject is what the resource attaches. Its kind follows from the
// resource's type and its division's type, so the divisions of all the
// resources of a list are read first (one call), then the subjects of
// each kind (one call per kind).
func (r *eventResourceResolver) Subject(
	ctx context.Context, obj *upstream.EventResource,
) (upstream.EventResourceSubject, error) {
	l := loaders.For(ctx)
	divisions := groupPart(groupOf(ctx, resourceDivision), "division")
	kindOf := func(v *upstream.EventResource) string {
		if v.Type == upstream.EventResourceTypeTag {
			return "Tag"
		}
		d, err := l.EventDivision(ctx, v.DivisionID, divisions)
		if err != nil {
			return ""
		}
		return subjectKind(v.Type, d.Type)
	}

	if obj.Type != upstream.EventResourceTypeTag {
		if _, err := l.EventDivision(ctx, obj.DivisionID, divisions); err != nil {
			return nil, err
		}
	}
	kind := kindOf(obj)
	g := groupPart(groupOf(ctx, func(v *upstream.EventResource) (string, bool) {
		return v.ResourceID, kindOf(v) == kind
	}), kind)
	switch kind {
	case "Tag":
		return nilSubject(tagsByID.Get(ctx, g, obj.ResourceID))
	case "Song":
		return nilSubject(l.Song(ctx, obj.ResourceID, g))
	case "Chart":
		return nilSubject(l.Chart(ctx, obj.ResourceID, g))
	case "Record":
		return nilSubject(recordsByID.Get(ctx, g, obj.ResourceID))
	}
	return nil, nil
}

// groupPart names a part of a field's group, so that one field can read
// several relations, each in its own batch; the zero Group stays zero.
func groupPart[K comparable](g loaders.Group[K], part string) loaders.Group[K] {
	if g.Key != "" {
		g.Key += ":" + part
	}
	return g
}

// subjectKind names what a prompt or entry of a division type attaches:
// chart divisions take song prompts and chart entries, play divisions
// chart prompts and record entries, song divisions song entries.
func subjectKind(t upstream.EventResourceType, division upstream.EventDivisionType) string {
	entry := t == upstream.EventResourceTypeEntry
	switch division {
	case upstream.EventDivisionTypeSong:
		return "Song"
	case upstream.EventDivisionTypeChart:
		if entry {
			return "Chart"
		}
		return "Song"
	case upstream.EventDivisionTypePlay:
		if entry {
			return "Record"
		}
		return "Chart"
	}
	return ""
}

// nilSubject keeps a missing subject a nil interface rather than a typed
// nil pointer.
func nilSubject[T any](v *T, err error) (upstream.EventResourceSubject, error) {
	if v == nil || err != nil {
		return nil, err
	}
	return v, nil
}

// ReservedFields reads the resource's reserved fields, one call per
// resource, for the reason given at EventTeam's.
func (r *eventResourceResolver) ReservedFields(
	ctx context.Context, obj *upstream.EventResource,
) ([]*upstream.ReservedField, error) {
	return loaders.For(ctx).Client().GetEventResourceReservedFields(ctx, obj.DivisionID, obj.ResourceID)
}

func resourceDivision(v *upstream.EventResource) (string, bool) { return v.DivisionID, true }
func resourceTeam(v *upstream.EventResource) (string, bool)     { return optionalString(v.TeamID) }

func eventTeamID(t *upstream.EventTeam) string { return t.ID }

func optionalString(p *string) (string, bool) {
	if p == nil {
		return "", false
	}
	return *p, true
}
