package resolvers

import (
	"context"
	"slices"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of event resources, named by their division and what they
// attach, in the manner of writes.go.

// attachable are the kinds of object an event resource attaches.
var attachable = []string{"Song", "Chart", "Record", "Tag"}

// eventResourceKey checks the caller and the key of an event resource:
// its global ID, or a division and the GUID (or global ID) of what it
// attaches.
func eventResourceKey(ctx context.Context, key *model.EventResourceKeyInput) (string, string, error) {
	if err := signedIn(ctx); err != nil {
		return "", "", err
	}
	switch {
	case key == nil:
		return "", "", badInput("input.key", "give the event resource's id, or its divisionId and resourceId")
	case key.ID != nil && (key.DivisionID != nil || key.ResourceID != nil):
		return "", "", badInput("input.key", "give either id or divisionId and resourceId, not both")
	case key.ID != nil:
		t, local, err := globalid.Decode(*key.ID)
		if err != nil || t != "EventResource" {
			return "", "", badInput("input.key.id", "input.key.id must be a global ID of an EventResource, got %q",
				*key.ID)
		}
		division, resource, err := resourceKey(local)
		if err != nil {
			return "", "", badInput("input.key.id", "input.key.id does not name an event resource: %q", *key.ID)
		}
		return division, resource, nil
	case key.DivisionID == nil || key.ResourceID == nil:
		return "", "", badInput("input.key", "give both divisionId and resourceId, or id")
	}
	division, err := localGUID("input.key.divisionId", *key.DivisionID, "EventDivision")
	if err != nil {
		return "", "", err
	}
	resource := *key.ResourceID
	if t, local, err := globalid.Decode(resource); err == nil && slices.Contains(attachable, t) {
		resource = local
	}
	resource, err = guid("input.key.resourceId", resource)
	if err != nil {
		return "", "", err
	}
	return division, resource, nil
}

// eventResourcePayload reads an event resource again after a write.
func eventResourcePayload(
	ctx context.Context, c *upstream.Client, division, resource string,
) (*model.EventResourcePayload, error) {
	v, err := c.GetEventResource(ctx, division, resource)
	if err != nil {
		return nil, err
	}
	return &model.EventResourcePayload{Resource: v}, nil
}

// UpdateEventResource sends the resource's fields given as a JSON Patch.
func (r *mutationResolver) UpdateEventResource(
	ctx context.Context, input model.UpdateEventResourceInput,
) (*model.EventResourcePayload, error) {
	division, resource, err := eventResourceKey(ctx, input.Key)
	if err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "type", input.Type, false)
	addField(&p, "label", input.Label, true)
	addField(&p, "description", input.Description, true)
	addField(&p, "isAnonymous", input.IsAnonymous, true)
	if raw, given := input.TeamID.ValueOK(); given {
		op := upstream.PatchOp{Op: "remove", Path: "/teamId"}
		if raw != nil {
			team, err := localGUID("input.teamId", *raw, "EventTeam")
			if err != nil {
				return nil, err
			}
			op = upstream.PatchOp{Op: "replace", Path: "/teamId", Value: team}
		}
		p.ops = append(p.ops, op)
	}
	if err := p.check(); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateEventResource(ctx, division, resource, p.ops); err != nil {
		return nil, err
	}
	return eventResourcePayload(ctx, c, division, resource)
}

// DeleteEventResource detaches a resource and answers with the global ID
// it had and its division read fresh.
func (r *mutationResolver) DeleteEventResource(
	ctx context.Context, input model.EventResourceKeyInput,
) (*model.DeleteEventResourcePayload, error) {
	division, resource, err := eventResourceKey(ctx, &input)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.DeleteEventResource(ctx, division, resource); err != nil {
		return nil, err
	}
	v, err := c.GetEventDivision(ctx, division)
	if err != nil {
		return nil, err
	}
	gid := globalid.Encode("EventResource", division+":"+resource)
	return &model.DeleteEventResourcePayload{DeletedEventResourceID: &gid, Division: v}, nil
}

// UpdateEventResourceReservedField sets one of an entry's reserved fields
// and reads the resource back (its reservedFields are read fresh when
// selected).
func (r *mutationResolver) UpdateEventResourceReservedField(
	ctx context.Context, input model.UpdateEventResourceReservedFieldInput,
) (*model.EventResourcePayload, error) {
	division, resource, err := eventResourceKey(ctx, input.Key)
	if err != nil {
		return nil, err
	}
	content, err := reservedField(input.Index, input.Content)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateEventResourceReservedField(ctx, division, resource, input.Index, content); err != nil {
		return nil, err
	}
	return eventResourcePayload(ctx, c, division, resource)
}
