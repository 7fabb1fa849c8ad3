package resolvers

import (
	"context"
	"errors"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/richtext"
	"github.com/phizone/graphql-facade/upstream"
)

// A link's object is read with the group of every link of its kind among
// the segments remembered for its field (see segmentsOf): the users of the
// contents of all the comments of a list are one batch. A link to an
// object that is gone, or to an ID that cannot be one, is null without an
// error: rich text outlives what it links to.

// linkedGUID is the group key of links of kind to GUID resources.
func linkedGUID(kinds ...richtext.Kind) func(*richtext.Segment) (string, bool) {
	return func(s *richtext.Segment) (string, bool) {
		for _, k := range kinds {
			if s.Kind == k {
				return s.ID, guidPattern.MatchString(s.ID)
			}
		}
		return "", false
	}
}

// linkedUser is the group key of user links and mentions.
func linkedUser(s *richtext.Segment) (int, bool) {
	if s.Kind != richtext.User && s.Kind != richtext.UserMention {
		return 0, false
	}
	n, err := userID("id", s.ID)
	return n, err == nil
}

// linked reads the object of a GUID link of kind with read.
func linked[V any](
	ctx context.Context, id string, kind richtext.Kind,
	read func(context.Context, string, loaders.Group[string]) (*V, error),
) (*V, error) {
	if !guidPattern.MatchString(id) {
		return nil, nil
	}
	return gone(read(ctx, id, groupOf(ctx, linkedGUID(kind))))
}

// relationRead adapts a by-ID relation to linked's read.
func relationRead[V any](rel loaders.Relation[string, *V]) func(context.Context, string, loaders.Group[string]) (*V, error) {
	return func(ctx context.Context, id string, g loaders.Group[string]) (*V, error) { return rel.Get(ctx, g, id) }
}

// gone turns a missing object into null.
func gone[V any](v *V, err error) (*V, error) {
	var missing *loaders.MissingError
	if errors.Is(err, upstream.ErrNotFound) || errors.As(err, &missing) {
		return nil, nil
	}
	return v, err
}

// User is the linked user, batched with every user link of the answer's
// field.
func (r *userLinkResolver) User(ctx context.Context, obj *model.UserLink) (*upstream.User, error) {
	n, err := userID("id", obj.DatabaseID)
	if err != nil {
		return nil, nil
	}
	return gone(loaders.For(ctx).User(ctx, n, groupOf(ctx, linkedUser)))
}

// Chart is the linked chart, batched like User.
func (r *chartLinkResolver) Chart(ctx context.Context, obj *model.ChartLink) (*upstream.Chart, error) {
	return linked(ctx, obj.DatabaseID, richtext.Chart, loaders.For(ctx).Chart)
}

// Song is the linked song, batched like User.
func (r *songLinkResolver) Song(ctx context.Context, obj *model.SongLink) (*upstream.Song, error) {
	return linked(ctx, obj.DatabaseID, richtext.Song, loaders.For(ctx).Song)
}

// Record is the linked play record, batched like User.
func (r *recordLinkResolver) Record(ctx context.Context, obj *model.RecordLink) (*upstream.Record, error) {
	return linked(ctx, obj.DatabaseID, richtext.Record, relationRead(recordsByID))
}

// Comment is the linked comment, batched like User.
func (r *commentLinkResolver) Comment(ctx context.Context, obj *model.CommentLink) (*upstream.Comment, error) {
	return linked(ctx, obj.DatabaseID, richtext.Comment, loaders.For(ctx).Comment)
}

// Reply is the linked reply, batched like User.
func (r *replyLinkResolver) Reply(ctx context.Context, obj *model.ReplyLink) (*upstream.Reply, error) {
	return linked(ctx, obj.DatabaseID, richtext.Reply, relationRead(repliesByID))
}

// Event is the linked event, batched like User.
func (r *eventLinkResolver) Event(ctx context.Context, obj *model.EventLink) (*upstream.Event, error) {
	return linked(ctx, obj.DatabaseID, richtext.Event, loaders.For(ctx).Event)
}

// Division is the linked event division, batched like User.
func (r *eventDivisionLinkResolver) Division(
	ctx context.Context, obj *model.EventDivisionLink,
) (*upstream.EventDivision, error) {
	return linked(ctx, obj.DatabaseID, richtext.EventDivision, loaders.For(ctx).EventDivision)
}

// Team is the linked event team, batched like User.
func (r *eventTeamLinkResolver) Team(ctx context.Context, obj *model.EventTeamLink) (*upstream.EventTeam, error) {
	return linked(ctx, obj.DatabaseID, richtext.EventTeam, relationRead(teamsByID))
}

// UserLink returns the resolver of UserLink's fields.
func (r *Resolver) UserLink() graph.UserLinkResolver { return &userLinkResolver{r} }

// ChartLink returns the resolver of ChartLink's fields.
func (r *Resolver) ChartLink() graph.ChartLinkResolver { return &chartLinkResolver{r} }

// SongLink returns the resolver of SongLink's fields.
func (r *Resolver) SongLink() graph.SongLinkResolver { return &songLinkResolver{r} }

// RecordLink returns the resolver of RecordLink's fields.
func (r *Resolver) RecordLink() graph.RecordLinkResolver { return &recordLinkResolver{r} }

// CommentLink returns the resolver of CommentLink's fields.
func (r *Resolver) CommentLink() graph.CommentLinkResolver { return &commentLinkResolver{r} }

// ReplyLink returns the resolver of ReplyLink's fields.
func (r *Resolver) ReplyLink() graph.ReplyLinkResolver { return &replyLinkResolver{r} }

// EventLink returns the resolver of EventLink's fields.
func (r *Resolver) EventLink() graph.EventLinkResolver { return &eventLinkResolver{r} }

// EventDivisionLink returns the resolver of EventDivisionLink's fields.
func (r *Resolver) EventDivisionLink() graph.EventDivisionLinkResolver {
	return &eventDivisionLinkResolver{r}
}

// EventTeamLink returns the resolver of EventTeamLink's fields.
func (r *Resolver) EventTeamLink() graph.EventTeamLinkResolver { return &eventTeamLinkResolver{r} }

type (
	userLinkResolver          struct{ *Resolver }
	chartLinkResolver         struct{ *Resolver }
	songLinkResolver          struct{ *Resolver }
	recordLinkResolver        struct{ *Resolver }
	commentLinkResolver       struct{ *Resolver }
	replyLinkResolver         struct{ *Resolver }
	eventLinkResolver         struct{ *Resolver }
	eventDivisionLinkResolver struct{ *Resolver }
	eventTeamLinkResolver     struct{ *Resolver }
)
