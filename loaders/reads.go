package loaders

import (
	"context"
	"net/url"

	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// User reads a user by ID, batched.
func (l *Loaders) User(ctx context.Context, id int) (*upstream.User, error) {
	return load(ctx, l.users, id)
}

// Chart reads a chart by ID, batched.
func (l *Loaders) Chart(ctx context.Context, id string) (*upstream.Chart, error) {
	return load(ctx, l.charts, id)
}

// PrimeChart stores a chart read some other way, so that later asks for it
// cost nothing.
func (l *Loaders) PrimeChart(ctx context.Context, c *upstream.Chart) {
	l.charts.Prime(ctx, c.ID, c)
}

// Song reads a song by ID, batched.
func (l *Loaders) Song(ctx context.Context, id string) (*upstream.Song, error) {
	return load(ctx, l.songs, id)
}

// Comment reads a comment by ID, batched.
func (l *Loaders) Comment(ctx context.Context, id string) (*upstream.Comment, error) {
	return load(ctx, l.comments, id)
}

// Event reads an event by ID, batched.
func (l *Loaders) Event(ctx context.Context, id string) (*upstream.Event, error) {
	return load(ctx, l.events, id)
}

// EventDivision reads an event division by ID, batched.
func (l *Loaders) EventDivision(ctx context.Context, id string) (*upstream.EventDivision, error) {
	return load(ctx, l.divisions, id)
}

// Authors reads the authorships of a chart or song. The upstream cannot
// answer for several resources in one call, so each costs one.
func (l *Loaders) Authors(ctx context.Context, resource string) ([]upstream.PositionalUser, error) {
	return load(ctx, l.authors, resource)
}

// CommentsOn reads a window of the comments on a resource.
func (l *Loaders) CommentsOn(ctx context.Context, resource string, q url.Values, w paging.Window) (paging.Slice[upstream.Comment], error) {
	return load(ctx, l.commentsByResource, ChildKey{resource, q.Encode(), w})
}

// RepliesTo reads a window of the replies to a comment.
func (l *Loaders) RepliesTo(ctx context.Context, comment string, q url.Values, w paging.Window) (paging.Slice[upstream.Reply], error) {
	return load(ctx, l.repliesByComment, ChildKey{comment, q.Encode(), w})
}

// ChartsOfSong reads a window of a song's charts.
func (l *Loaders) ChartsOfSong(ctx context.Context, song string, q url.Values, w paging.Window) (paging.Slice[upstream.Chart], error) {
	return load(ctx, l.chartsBySong, ChildKey{song, q.Encode(), w})
}

// ChartsOwnedBy reads a window of the charts a user owns.
func (l *Loaders) ChartsOwnedBy(ctx context.Context, user string, q url.Values, w paging.Window) (paging.Slice[upstream.Chart], error) {
	return load(ctx, l.chartsByOwner, ChildKey{user, q.Encode(), w})
}

// RecordsOfChart reads a window of a chart's records.
func (l *Loaders) RecordsOfChart(ctx context.Context, chart string, q url.Values, w paging.Window) (paging.Slice[upstream.Record], error) {
	return load(ctx, l.recordsByChart, ChildKey{chart, q.Encode(), w})
}

// RecordsOwnedBy reads a window of a user's records.
func (l *Loaders) RecordsOwnedBy(ctx context.Context, user string, q url.Values, w paging.Window) (paging.Slice[upstream.Record], error) {
	return load(ctx, l.recordsByOwner, ChildKey{user, q.Encode(), w})
}

// DivisionsOf reads a window of an event's divisions.
func (l *Loaders) DivisionsOf(ctx context.Context, event string, q url.Values, w paging.Window) (paging.Slice[upstream.EventDivision], error) {
	return load(ctx, l.divisionsByEvent, ChildKey{event, q.Encode(), w})
}

// TeamsOf reads a window of a division's teams.
func (l *Loaders) TeamsOf(ctx context.Context, division string, q url.Values, w paging.Window) (paging.Slice[upstream.EventTeam], error) {
	return load(ctx, l.teamsByDivision, ChildKey{division, q.Encode(), w})
}

// UsersIn reads a window of the users of a region.
func (l *Loaders) UsersIn(ctx context.Context, region string, q url.Values, w paging.Window) (paging.Slice[upstream.User], error) {
	return load(ctx, l.usersByRegion, ChildKey{region, q.Encode(), w})
}
