package loaders

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// DefaultWait is how long a loader waits for more keys before it calls the
// upstream. Every field of one level of a query asks within it.
const DefaultWait = 5 * time.Millisecond

type (
	byID[K comparable, V any] = dataloader.Loader[K, *V]
	children[T any]           = dataloader.Loader[ChildKey, paging.Slice[T]]
)

// Loaders holds the loaders of one request. Make one per request with
// [New]; its caches hold what this caller may see.
type Loaders struct {
	client *upstream.Client

	users     *byID[int, upstream.User]
	charts    *byID[string, upstream.Chart]
	songs     *byID[string, upstream.Song]
	comments  *byID[string, upstream.Comment]
	events    *byID[string, upstream.Event]
	divisions *byID[string, upstream.EventDivision]
	records   *byID[string, upstream.Record]

	commentsByResource *children[upstream.Comment]
	repliesByComment   *children[upstream.Reply]
	chartsBySong       *children[upstream.Chart]
	chartsByOwner      *children[upstream.Chart]
	recordsByChart     *children[upstream.Record]
	recordsByOwner     *children[upstream.Record]
	divisionsByEvent   *children[upstream.EventDivision]
	teamsByDivision    *children[upstream.EventTeam]
	usersByRegion      *children[upstream.User]

	authors *dataloader.Loader[string, []upstream.PositionalUser]
}

// New makes the loaders of one request; wait is how long each waits to
// gather keys (0 means [DefaultWait]).
func New(c *upstream.Client, wait time.Duration) *Loaders {
	if wait <= 0 {
		wait = DefaultWait
	}

	return &Loaders{
		client: c,

		users:     newLoader(byIDBatch(c, "/users", func(u *upstream.User) int { return u.ID }), wait),
		charts:    newLoader(byIDBatch(c, "/charts", func(v *upstream.Chart) string { return v.ID }), wait),
		songs:     newLoader(byIDBatch(c, "/songs", func(v *upstream.Song) string { return v.ID }), wait),
		comments:  newLoader(byIDBatch(c, "/comments", func(v *upstream.Comment) string { return v.ID }), wait),
		events:    newLoader(byIDBatch(c, "/events", func(v *upstream.Event) string { return v.ID }), wait),
		divisions: newLoader(byIDBatch(c, "/events/divisions", func(v *upstream.EventDivision) string { return v.ID }), wait),
		records:   newLoader(byIDBatch(c, "/records", func(v *upstream.Record) string { return v.ID }), wait),

		commentsByResource: newChildLoader(c, childSpec[upstream.Comment]{
			"/comments", "RangeResourceId", func(v *upstream.Comment) string { return v.ResourceID },
		}, wait),
		repliesByComment: newChildLoader(c, childSpec[upstream.Reply]{
			"/replies", "RangeCommentId", func(v *upstream.Reply) string { return v.CommentID },
		}, wait),
		chartsBySong: newChildLoader(c, childSpec[upstream.Chart]{
			"/charts", "RangeSongId", func(v *upstream.Chart) string { return v.SongID },
		}, wait),
		chartsByOwner: newChildLoader(c, childSpec[upstream.Chart]{
			"/charts", "RangeOwnerId", func(v *upstream.Chart) string { return intString(v.OwnerID) },
		}, wait),
		recordsByChart: newChildLoader(c, childSpec[upstream.Record]{
			"/records", "RangeChartId", func(v *upstream.Record) string { return v.ChartID },
		}, wait),
		recordsByOwner: newChildLoader(c, childSpec[upstream.Record]{
			"/records", "RangeOwnerId", func(v *upstream.Record) string { return intString(v.OwnerID) },
		}, wait),
		divisionsByEvent: newChildLoader(c, childSpec[upstream.EventDivision]{
			"/events/divisions", "RangeEventId", func(v *upstream.EventDivision) string { return v.EventID },
		}, wait),
		teamsByDivision: newChildLoader(c, childSpec[upstream.EventTeam]{
			"/events/teams", "RangeDivisionId", func(v *upstream.EventTeam) string { return v.DivisionID },
		}, wait),
		usersByRegion: newChildLoader(c, childSpec[upstream.User]{
			"/users", "RangeRegionId", func(v *upstream.User) string { return regionID(v) },
		}, wait),

		authors: newLoader(eachKey(func(ctx context.Context, resource string) ([]upstream.PositionalUser, error) {
			opts := upstream.AuthorshipListOptions{ListOptions: upstream.ListOptions{PerPage: -1}}
			opts.RangeResourceId = []string{resource}
			authors, _, err := c.ListAuthorships(ctx, opts)
			return authors, err
		}), wait),
	}
}

// eachKey makes a batch function that reads every key with its own call,
// all at once: for relations the upstream cannot answer for several
// parents together. The loader still spares repeated keys.
func eachKey[K comparable, V any](read func(context.Context, K) (V, error)) dataloader.BatchFunc[K, V] {
	return func(ctx context.Context, keys []K) []*dataloader.Result[V] {
		results := make([]*dataloader.Result[V], len(keys))
		var wg sync.WaitGroup
		for i, k := range keys {
			wg.Go(func() {
				v, err := read(ctx, k)
				results[i] = &dataloader.Result[V]{Data: v, Error: err}
			})
		}
		wg.Wait()

		return results
	}
}

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

// Client returns the upstream client the loaders read from.
func (l *Loaders) Client() *upstream.Client { return l.client }

type contextKey struct{}

// Middleware gives every request its own [Loaders] over c.
func Middleware(c *upstream.Client, wait time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), contextKey{}, New(c, wait))
			next.ServeHTTP(w, r.WithContext(ctx))
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
