package resolvers

import (
	"context"
	"strconv"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of hostships, named by their event and their host, in the
// manner of writes.go.

// hostshipKey checks the caller and the event and user IDs that name a
// hostship.
func hostshipKey(ctx context.Context, event, user string) (string, int, error) {
	if err := signedIn(ctx); err != nil {
		return "", 0, err
	}
	eventID, err := localGUID("input.eventId", event, "Event")
	if err != nil {
		return "", 0, err
	}
	userID, err := localUserID("input.userId", user)
	if err != nil {
		return "", 0, err
	}
	return eventID, userID, nil
}

// hostshipPayload reads a hostship again after a write.
func hostshipPayload(
	ctx context.Context, c *upstream.Client, eventID string, userID int,
) (*model.HostshipPayload, error) {
	h, err := c.GetHostship(ctx, eventID, userID)
	if err != nil {
		return nil, err
	}
	return &model.HostshipPayload{Hostship: h}, nil
}

// permissions turns GraphQL integers into the upstream's encoded host
// permissions, refusing any outside 32 unsigned bits.
func permissions(argument string, in []int) ([]uint32, error) {
	out := make([]uint32, 0, len(in))
	for _, v := range in {
		if v < 0 || v > 1<<32-1 {
			return nil, badInput(argument, "a permission is a 32-bit unsigned integer, got %d", v)
		}
		out = append(out, uint32(v))
	}
	return out, nil
}

// CreateHostship makes a user a host of an event and reads the hostship
// back.
func (r *mutationResolver) CreateHostship(
	ctx context.Context, input model.CreateHostshipInput,
) (*model.HostshipPayload, error) {
	eventID, userID, err := hostshipKey(ctx, input.EventID, input.UserID)
	if err != nil {
		return nil, err
	}
	perms, err := permissions("input.permissions", input.Permissions)
	if err != nil {
		return nil, err
	}
	h := upstream.NewHostship{
		EventID: eventID, UserID: userID, IsAdmin: input.IsAdmin != nil && *input.IsAdmin,
		IsUnveiled: input.IsUnveiled != nil && *input.IsUnveiled, Permissions: perms, Position: input.Position,
	}

	c := loaders.For(ctx).Client()
	if err := c.CreateHostship(ctx, h); err != nil {
		return nil, err
	}
	return hostshipPayload(ctx, c, eventID, userID)
}

// UpdateHostship sends the hostship's fields given as a JSON Patch.
func (r *mutationResolver) UpdateHostship(
	ctx context.Context, input model.UpdateHostshipInput,
) (*model.HostshipPayload, error) {
	eventID, userID, err := hostshipKey(ctx, input.EventID, input.UserID)
	if err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "isAdmin", input.IsAdmin, false)
	addField(&p, "isUnveiled", input.IsUnveiled, false)
	if raw, given := input.Permissions.ValueOK(); given {
		if raw == nil {
			return nil, badInput("input.permissions", "permissions cannot be removed; give a list or leave it out")
		}
		perms, err := permissions("input.permissions", raw)
		if err != nil {
			return nil, err
		}
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/permissions", Value: perms})
	}
	addField(&p, "position", input.Position, true)
	if err := p.check(); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateHostship(ctx, eventID, userID, p.ops); err != nil {
		return nil, err
	}
	return hostshipPayload(ctx, c, eventID, userID)
}

// DeleteHostship removes a hostship and answers with the global ID it had.
func (r *mutationResolver) DeleteHostship(
	ctx context.Context, input model.HostshipInput,
) (*model.DeleteHostshipPayload, error) {
	eventID, userID, err := hostshipKey(ctx, input.EventID, input.UserID)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteHostship(ctx, eventID, userID); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Hostship", eventID+":"+strconv.Itoa(userID))
	return &model.DeleteHostshipPayload{DeletedHostshipID: &gid}, nil
}

// AcceptEventHostInvite accepts an invitation as the caller, then reads
// the invitation (for its event), the caller (for their ID) and the new
// hostship.
func (r *mutationResolver) AcceptEventHostInvite(
	ctx context.Context, input model.AcceptEventHostInviteInput,
) (*model.HostshipPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	code, err := invitationCode(input.Code)
	if err != nil {
		return nil, badInput("input.code", "%s", err)
	}
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.AcceptEventHostInvite(ctx, code); err != nil {
		return nil, err
	}
	invite, err := c.GetEventHostInvite(ctx, code)
	if err != nil {
		return nil, err
	}
	me, err := c.GetMe(ctx)
	if err != nil {
		return nil, err
	}
	return hostshipPayload(ctx, c, invite.Event.ID, me.ID)
}
