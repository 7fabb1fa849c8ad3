package resolvers

import (
	"context"
	"strconv"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// By-ID relations that only node(id:) and nodes(ids:) need.
var (
	regionsByID = loaders.ByID("regions", "/regions", func(v *upstream.Region) int { return v.ID })
	tagsByID    = loaders.ByID("tags", "/tags", func(v *upstream.Tag) string { return v.ID })
	recordsByID = loaders.ByID("records", "/records", func(v *upstream.Record) string { return v.ID })
	repliesByID = loaders.ByID("replies", "/replies", func(v *upstream.Reply) string { return v.ID })
	teamsByID   = loaders.ByID("eventTeams", "/events/teams", func(v *upstream.EventTeam) string { return v.ID })
)

func init() {
	registerNode("User", byIntID("User", func(ctx context.Context, id int, g loaders.Group[int]) (globalid.Node, error) {
		return loaders.For(ctx).User(ctx, id, g)
	}))
	registerNode("Region", byIntID("Region", func(ctx context.Context, id int, g loaders.Group[int]) (globalid.Node, error) {
		return regionsByID.Get(ctx, g, id)
	}))
	registerNode("Chart", byGUID("Chart", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return loaders.For(ctx).Chart(ctx, id, g)
	}))
	registerNode("Song", byGUID("Song", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return loaders.For(ctx).Song(ctx, id, g)
	}))
	registerNode("Tag", byGUID("Tag", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return tagsByID.Get(ctx, g, id)
	}))
	registerNode("Record", byGUID("Record", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return recordsByID.Get(ctx, g, id)
	}))
	registerNode("Comment", byGUID("Comment", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return loaders.For(ctx).Comment(ctx, id, g)
	}))
	registerNode("Reply", byGUID("Reply", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return repliesByID.Get(ctx, g, id)
	}))
	registerNode("Event", byGUID("Event", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return loaders.For(ctx).Event(ctx, id, g)
	}))
	registerNode("EventDivision", byGUID("EventDivision", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return loaders.For(ctx).EventDivision(ctx, id, g)
	}))
	registerNode("EventTeam", byGUID("EventTeam", func(ctx context.Context, id string, g loaders.Group[string]) (globalid.Node, error) {
		return teamsByID.Get(ctx, g, id)
	}))
}

// byGUID makes the node fetcher of a type with GUID IDs from a batched
// read: the IDs of one nodes(ids:) field are read together.
func byGUID(typeName string, read func(context.Context, string, loaders.Group[string]) (globalid.Node, error)) nodeFetcher {
	return func(ctx context.Context, id string, all []string) (globalid.Node, error) {
		if _, err := guid("id", id); err != nil {
			return nil, err
		}
		var valid []string
		for _, other := range all {
			if guidPattern.MatchString(other) {
				valid = append(valid, other)
			}
		}
		return read(ctx, id, nodeGroup(ctx, typeName, valid))
	}
}

// byIntID is byGUID for types with integer IDs.
func byIntID(typeName string, read func(context.Context, int, loaders.Group[int]) (globalid.Node, error)) nodeFetcher {
	return func(ctx context.Context, id string, all []string) (globalid.Node, error) {
		n, err := userID("id", id)
		if err != nil {
			return nil, err
		}
		var valid []int
		for _, other := range all {
			if m, err := userID("ids", other); err == nil {
				valid = append(valid, m)
			}
		}
		return read(ctx, n, nodeGroup(ctx, typeName, valid))
	}
}

// ID gives the chart's global ID.
func (r *chartResolver) ID(_ context.Context, obj *upstream.Chart) (string, error) {
	return globalid.Encode("Chart", obj.ID), nil
}

// ID gives the song's global ID.
func (r *songResolver) ID(_ context.Context, obj *upstream.Song) (string, error) {
	return globalid.Encode("Song", obj.ID), nil
}

// ID gives the user's global ID.
func (r *userResolver) ID(_ context.Context, obj *upstream.User) (string, error) {
	return globalid.Encode("User", strconv.Itoa(obj.ID)), nil
}

// ID gives the region's global ID.
func (r *regionResolver) ID(_ context.Context, obj *upstream.Region) (string, error) {
	return globalid.Encode("Region", strconv.Itoa(obj.ID)), nil
}

// ID gives the tag's global ID.
func (r *tagResolver) ID(_ context.Context, obj *upstream.Tag) (string, error) {
	return globalid.Encode("Tag", obj.ID), nil
}

// ID gives the record's global ID.
func (r *recordResolver) ID(_ context.Context, obj *upstream.Record) (string, error) {
	return globalid.Encode("Record", obj.ID), nil
}

// ID gives the comment's global ID.
func (r *commentResolver) ID(_ context.Context, obj *upstream.Comment) (string, error) {
	return globalid.Encode("Comment", obj.ID), nil
}

// ID gives the reply's global ID.
func (r *replyResolver) ID(_ context.Context, obj *upstream.Reply) (string, error) {
	return globalid.Encode("Reply", obj.ID), nil
}

// ID gives the event's global ID.
func (r *eventResolver) ID(_ context.Context, obj *upstream.Event) (string, error) {
	return globalid.Encode("Event", obj.ID), nil
}

// ID gives the division's global ID.
func (r *eventDivisionResolver) ID(_ context.Context, obj *upstream.EventDivision) (string, error) {
	return globalid.Encode("EventDivision", obj.ID), nil
}

// ID gives the team's global ID.
func (r *eventTeamResolver) ID(_ context.Context, obj *upstream.EventTeam) (string, error) {
	return globalid.Encode("EventTeam", obj.ID), nil
}

// Tag returns the resolver of Tag's fields.
func (r *Resolver) Tag() graph.TagResolver { return &tagResolver{r} }

type tagResolver struct{ *Resolver }
