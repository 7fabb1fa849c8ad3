package loaders

import (
	"context"

	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// The reads below take the Group of the asking field; the zero Group reads
// through the timed loader.

// User reads a user by ID.
func (l *Loaders) User(ctx context.Context, id int, g Group[int]) (*upstream.User, error) {
	return l.users.get(ctx, l, g, id)
}

// Chart reads a chart by ID.
func (l *Loaders) Chart(ctx context.Context, id string, g Group[string]) (*upstream.Chart, error) {
	return l.charts.get(ctx, l, g, id)
}

// PrimeChart stores a chart read some other way, so that later asks for it
// cost nothing.
func (l *Loaders) PrimeChart(ctx context.Context, c *upstream.Chart) {
	l.charts.loader.Prime(ctx, c.ID, c)
}

// Song reads a song by ID.
func (l *Loaders) Song(ctx context.Context, id string, g Group[string]) (*upstream.Song, error) {
	return l.songs.get(ctx, l, g, id)
}

// Comment reads a comment by ID.
func (l *Loaders) Comment(ctx context.Context, id string, g Group[string]) (*upstream.Comment, error) {
	return l.comments.get(ctx, l, g, id)
}

// Event reads an event by ID.
func (l *Loaders) Event(ctx context.Context, id string, g Group[string]) (*upstream.Event, error) {
	return l.events.get(ctx, l, g, id)
}

// EventDivision reads an event division by ID.
func (l *Loaders) EventDivision(ctx context.Context, id string, g Group[string]) (*upstream.EventDivision, error) {
	return l.divisions.get(ctx, l, g, id)
}

// Authors reads the authorships of a chart or song. The upstream cannot
// answer for several resources in one call, so each costs one.
func (l *Loaders) Authors(ctx context.Context, resource string, g Group[string]) ([]upstream.PositionalUser, error) {
	return l.authors.get(ctx, l, g, resource)
}

// CommentsOnChart reads a window of the comments on a chart.
func (l *Loaders) CommentsOnChart(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.Comment], error) {
	return l.commentsOnChart.get(ctx, l, g, k)
}

// CommentsOnSong reads a window of the comments on a song.
func (l *Loaders) CommentsOnSong(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.Comment], error) {
	return l.commentsOnSong.get(ctx, l, g, k)
}

// CommentsOnEvent reads a window of the comments on an event.
func (l *Loaders) CommentsOnEvent(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.Comment], error) {
	return l.commentsOnEvent.get(ctx, l, g, k)
}

// RepliesTo reads a window of the replies to a comment.
func (l *Loaders) RepliesTo(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.Reply], error) {
	return l.repliesByComment.get(ctx, l, g, k)
}

// ChartsOfSong reads a window of a song's charts.
func (l *Loaders) ChartsOfSong(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.Chart], error) {
	return l.chartsBySong.get(ctx, l, g, k)
}

// ChartsOwnedBy reads a window of the charts a user owns.
func (l *Loaders) ChartsOwnedBy(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.Chart], error) {
	return l.chartsByOwner.get(ctx, l, g, k)
}

// RecordsOfChart reads a window of a chart's records.
func (l *Loaders) RecordsOfChart(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.Record], error) {
	return l.recordsByChart.get(ctx, l, g, k)
}

// RecordsOwnedBy reads a window of a user's records.
func (l *Loaders) RecordsOwnedBy(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.Record], error) {
	return l.recordsByOwner.get(ctx, l, g, k)
}

// DivisionsOf reads a window of an event's divisions.
func (l *Loaders) DivisionsOf(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.EventDivision], error) {
	return l.divisionsByEvent.get(ctx, l, g, k)
}

// TeamsOf reads a window of a division's teams.
func (l *Loaders) TeamsOf(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.EventTeam], error) {
	return l.teamsByDivision.get(ctx, l, g, k)
}

// UsersIn reads a window of the users of a region.
func (l *Loaders) UsersIn(ctx context.Context, k ChildKey, g Group[ChildKey]) (paging.Slice[upstream.User], error) {
	return l.usersByRegion.get(ctx, l, g, k)
}
