package resolvers

import (
	"context"
	"net/url"
	"strconv"
	"sync"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// A comment names what it is on by ID alone, and the upstream's IDs do
// not say their type. The resource is found by asking, for all the
// comments of a list at once, the routes of the kinds of resource people
// comment on, most common first: charts, songs and events in one round,
// the rarer kinds in a second round for what the first did not find.

// commentTarget is one kind of resource comments are on.
type commentTarget struct {
	route string
	find  func(ctx context.Context, c *upstream.Client, route string, ids []string) (map[string]globalid.Node, error)
}

// findAll reads ids from a list route of T by RangeId.
func findAll[T any](idOf func(*T) string) func(context.Context, *upstream.Client, string, []string) (map[string]globalid.Node, error) {
	return func(ctx context.Context, c *upstream.Client, route string, ids []string) (map[string]globalid.Node, error) {
		q := url.Values{"RangeId": ids, "PerPage": {strconv.Itoa(len(ids))}}
		var items []T
		if _, err := c.Get(ctx, route, nil, q, &items); err != nil {
			return nil, err
		}
		found := make(map[string]globalid.Node, len(items))
		for i := range items {
			found[idOf(&items[i])] = &items[i]
		}
		return found, nil
	}
}

var commentTargetRounds = [][]commentTarget{
	{
		{"/charts", findAll(func(v *upstream.Chart) string { return v.ID })},
		{"/songs", findAll(func(v *upstream.Song) string { return v.ID })},
		{"/events", findAll(func(v *upstream.Event) string { return v.ID })},
	},
	{
		{"/events/divisions", findAll(func(v *upstream.EventDivision) string { return v.ID })},
		{"/chapters", findAll(func(v *upstream.Chapter) string { return v.ID })},
		{"/collections", findAll(func(v *upstream.Collection) string { return v.ID })},
		{"/records", findAll(func(v *upstream.Record) string { return v.ID })},
		{"/announcements", findAll(func(v *upstream.Announcement) string { return v.ID })},
		{"/applications", findAll(func(v *upstream.Application) string { return v.ID })},
	},
}

// commentedResources finds the resources of a batch of comments.
var commentedResources = loaders.Batch("commentedResources",
	func(ctx context.Context, c *upstream.Client, keys []string) []*dataloader.Result[globalid.Node] {
		found := map[string]globalid.Node{}
		var failure error
		missing := keys
		for _, round := range commentTargetRounds {
			if len(missing) == 0 {
				break
			}
			var mu sync.Mutex
			var wg sync.WaitGroup
			for _, target := range round {
				wg.Go(loaders.Guard(func() {
					for start := 0; start < len(missing); start += loaders.MaxBatch {
						ids := missing[start:min(start+loaders.MaxBatch, len(missing))]
						got, err := target.find(ctx, c, target.route, ids)
						mu.Lock()
						if err != nil {
							failure = err
						}
						for id, node := range got {
							found[id] = node
						}
						mu.Unlock()
					}
				}))
			}
			wg.Wait()

			var still []string
			for _, k := range missing {
				if found[k] == nil {
					still = append(still, k)
				}
			}
			missing = still
		}

		results := make([]*dataloader.Result[globalid.Node], len(keys))
		for i, k := range keys {
			switch {
			case found[k] != nil:
				results[i] = &dataloader.Result[globalid.Node]{Data: found[k]}
			case failure != nil:
				results[i] = &dataloader.Result[globalid.Node]{Error: failure}
			default:
				results[i] = &dataloader.Result[globalid.Node]{} // gone, or hidden from the caller
			}
		}
		return results
	})

// Resource is what the comment is on, read for all the comments of a
// list together: null when it is gone or hidden from the caller.
func (r *commentResolver) Resource(ctx context.Context, obj *upstream.Comment) (globalid.Node, error) {
	g := groupOf(ctx, func(c *upstream.Comment) (string, bool) { return c.ResourceID, true })
	return commentedResources.Get(ctx, g, obj.ResourceID)
}
