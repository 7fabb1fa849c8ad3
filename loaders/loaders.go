package loaders

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// DefaultWait is how long a timed loader waits for more keys before it
// calls the upstream. Keys of list items do not wait: see [Group].
const DefaultWait = 500 * time.Microsecond

type (
	byID[K comparable, V any] = relation[K, *V]
	children[T any]           = relation[ChildKey, paging.Slice[T]]
)

// Loaders holds the loaders of one request. Make one per request with
// [New]; its caches hold what this caller may see.
type Loaders struct {
	client *upstream.Client
	wait   time.Duration
	groups sync.Map // Group.Key → *groupCall
	lists  sync.Map // path → items of a list field
	more   sync.Map // name → relation made on first use; see Lazy
	signIn atomic.Bool

	// unbatched reads every key with its own call: a benchmark's measure
	// of what batching saves, never for serving.
	unbatched bool

	users     *byID[int, upstream.User]
	charts    *byID[string, upstream.Chart]
	songs     *byID[string, upstream.Song]
	comments  *byID[string, upstream.Comment]
	events    *byID[string, upstream.Event]
	divisions *byID[string, upstream.EventDivision]

	commentsOnChart  *children[upstream.Comment]
	commentsOnSong   *children[upstream.Comment]
	commentsOnEvent  *children[upstream.Comment]
	repliesByComment *children[upstream.Reply]
	chartsBySong     *children[upstream.Chart]
	chartsByOwner    *children[upstream.Chart]
	recordsByChart   *children[upstream.Record]
	recordsByOwner   *children[upstream.Record]
	divisionsByEvent *children[upstream.EventDivision]
	teamsByDivision  *children[upstream.EventTeam]
	usersByRegion    *children[upstream.User]

	authors *relation[string, []upstream.PositionalUser]
}

// New makes the loaders of one request; wait is how long timed loaders
// wait to gather keys (0 means [DefaultWait]).
func New(c *upstream.Client, wait time.Duration) *Loaders {
	if wait <= 0 {
		wait = DefaultWait
	}

	return &Loaders{
		client: c,
		wait:   wait,

		users:     newRelation(byIDBatch(c, "/users", func(v *upstream.User) int { return v.ID }), wait),
		charts:    newRelation(byIDBatch(c, "/charts", func(v *upstream.Chart) string { return v.ID }), wait),
		songs:     newRelation(byIDBatch(c, "/songs", func(v *upstream.Song) string { return v.ID }), wait),
		comments:  newRelation(byIDBatch(c, "/comments", func(v *upstream.Comment) string { return v.ID }), wait),
		events:    newRelation(byIDBatch(c, "/events", func(v *upstream.Event) string { return v.ID }), wait),
		divisions: newRelation(byIDBatch(c, "/events/divisions", func(v *upstream.EventDivision) string { return v.ID }), wait),

		commentsOnChart: newChildren(c, "/comments", "RangeResourceId", "/charts/{id}/comments",
			commentResource, wait),
		commentsOnSong: newChildren(c, "/comments", "RangeResourceId", "/songs/{id}/comments",
			commentResource, wait),
		commentsOnEvent: newChildren(c, "/comments", "RangeResourceId", "/events/{id}/comments",
			commentResource, wait),
		repliesByComment: newChildren(c, "/replies", "RangeCommentId", "/comments/{id}/replies",
			func(v *upstream.Reply) string { return v.CommentID }, wait),
		chartsBySong: newChildren(c, "/charts", "RangeSongId", "/songs/{id}/charts",
			func(v *upstream.Chart) string { return v.SongID }, wait),
		chartsByOwner: newChildren(c, "/charts", "RangeOwnerId", "",
			func(v *upstream.Chart) string { return intString(v.OwnerID) }, wait),
		recordsByChart: newChildren(c, "/records", "RangeChartId", "",
			func(v *upstream.Record) string { return v.ChartID }, wait),
		recordsByOwner: newChildren(c, "/records", "RangeOwnerId", "",
			func(v *upstream.Record) string { return intString(v.OwnerID) }, wait),
		divisionsByEvent: newChildren(c, "/events/divisions", "RangeEventId", "/events/{id}/divisions",
			func(v *upstream.EventDivision) string { return v.EventID }, wait),
		teamsByDivision: newChildren(c, "/events/teams", "RangeDivisionId", "",
			func(v *upstream.EventTeam) string { return v.DivisionID }, wait),
		usersByRegion: newChildren(c, "/users", "RangeRegionId", "/regions/{id}/users",
			func(v *upstream.User) string { return regionID(v) }, wait),

		authors: newRelation(eachKey(func(ctx context.Context, resource string) ([]upstream.PositionalUser, error) {
			opts := upstream.AuthorshipListOptions{ListOptions: upstream.ListOptions{PerPage: -1}}
			opts.RangeResourceId = []string{resource}
			authors, _, err := c.ListAuthorships(ctx, opts)
			return authors, err
		}), wait),
	}
}

// newChildren makes the relation of the items of route whose parentParam
// filter names their parent, which parentOf tells.
func newChildren[T any](
	c *upstream.Client, route, parentParam, single string, parentOf func(*T) string, wait time.Duration,
) *children[T] {
	spec := childSpec[T]{route: route, parentParam: parentParam, parentOf: parentOf, single: single}
	return newRelation(childBatch(c, spec), wait)
}

// eachKey makes a batch function that reads every key with its own call,
// all at once: for relations the upstream cannot answer for several
// parents together. The loader still spares repeated keys.
func eachKey[K comparable, V any](read func(context.Context, K) (V, error)) dataloader.BatchFunc[K, V] {
	return func(ctx context.Context, keys []K) []*dataloader.Result[V] {
		results := make([]*dataloader.Result[V], len(keys))
		var wg sync.WaitGroup
		for i, k := range keys {
			results[i] = &dataloader.Result[V]{Error: ErrInternal} // unless read returns
			wg.Go(Guard(func() {
				v, err := read(ctx, k)
				results[i] = &dataloader.Result[V]{Data: v, Error: err}
			}))
		}
		wg.Wait()

		return results
	}
}

func commentResource(v *upstream.Comment) string { return v.ResourceID }

func intString(id *int) string {
	if id == nil {
		return ""
	}
	return strconv.Itoa(*id)
}

func regionID(u *upstream.User) string {
	if u.Region == nil {
		return ""
	}
	return strconv.Itoa(u.Region.ID)
}

// FirstSignIn reports whether this is the request's first sign-in (login
// or refresh); it is false for every later one.
func (l *Loaders) FirstSignIn() bool { return l.signIn.CompareAndSwap(false, true) }

// Client returns the upstream client the loaders read from.
func (l *Loaders) Client() *upstream.Client { return l.client }

type contextKey struct{}

// Middleware gives every request its own [Loaders] over c. With unbatched
// set, every key is read with its own call: for benchmarks only.
func Middleware(c *upstream.Client, wait time.Duration, unbatched bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			l := New(c, wait)
			l.unbatched = unbatched
			next.ServeHTTP(w, r.WithContext(With(r.Context(), l)))
		})
	}
}

// For returns the request's loaders. It panics when the request did not
// pass through [Middleware] (or [With]): a wiring mistake.
func For(ctx context.Context) *Loaders {
	return ctx.Value(contextKey{}).(*Loaders)
}

// With returns ctx carrying l, for tests and for callers outside HTTP.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, contextKey{}, l)
}
