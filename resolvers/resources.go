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

// Comments, likes and service scripts name their resource by ID alone,
// and the upstream's IDs do not say their type. The resource is found by
// asking, for all the items of a list at once, the routes of the kinds of
// resource it may be, most common first, a round at a time, each round
// only for what the rounds before did not find.

// resourceKind is one kind of resource a probe asks for.
type resourceKind struct {
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

// The kinds of resource, by list route.
var (
	chartKind        = resourceKind{"/charts", findAll(func(v *upstream.Chart) string { return v.ID })}
	songKind         = resourceKind{"/songs", findAll(func(v *upstream.Song) string { return v.ID })}
	eventKind        = resourceKind{"/events", findAll(func(v *upstream.Event) string { return v.ID })}
	divisionKind     = resourceKind{"/events/divisions", findAll(func(v *upstream.EventDivision) string { return v.ID })}
	teamKind         = resourceKind{"/events/teams", findAll(func(v *upstream.EventTeam) string { return v.ID })}
	chapterKind      = resourceKind{"/chapters", findAll(func(v *upstream.Chapter) string { return v.ID })}
	collectionKind   = resourceKind{"/collections", findAll(func(v *upstream.Collection) string { return v.ID })}
	recordKind       = resourceKind{"/records", findAll(func(v *upstream.Record) string { return v.ID })}
	commentKind      = resourceKind{"/comments", findAll(func(v *upstream.Comment) string { return v.ID })}
	replyKind        = resourceKind{"/replies", findAll(func(v *upstream.Reply) string { return v.ID })}
	announcementKind = resourceKind{"/announcements", findAll(func(v *upstream.Announcement) string { return v.ID })}
	applicationKind  = resourceKind{"/applications", findAll(func(v *upstream.Application) string { return v.ID })}
)

// What comments are on, what likes are of, and what service scripts
// serve.
var (
	commentedResources = probe("commentedResources", [][]resourceKind{
		{chartKind, songKind, eventKind},
		{divisionKind, chapterKind, collectionKind, recordKind, announcementKind, applicationKind},
	})
	likedResources = probe("likedResources", [][]resourceKind{
		{chartKind, songKind, commentKind},
		{replyKind, recordKind, eventKind, divisionKind, teamKind},
		{chapterKind, collectionKind, announcementKind, applicationKind},
	})
	servedResources = probe("servedResources", [][]resourceKind{
		{applicationKind, eventKind, divisionKind},
	})
)

// probe declares a relation that finds resources of unknown kind by
// asking the kinds of rounds, round after round.
func probe(name string, rounds [][]resourceKind) loaders.Relation[string, globalid.Node] {
	return loaders.Batch(name, func(ctx context.Context, c *upstream.Client, keys []string) []*dataloader.Result[globalid.Node] {
		found := map[string]globalid.Node{}
		var failure error
		missing := keys
		for _, round := range rounds {
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
}

// Resource is what the comment is on, read for all the comments of a
// list together: null when it is gone or hidden from the caller.
func (r *commentResolver) Resource(ctx context.Context, obj *upstream.Comment) (globalid.Node, error) {
	g := groupOf(ctx, func(c *upstream.Comment) (string, bool) { return c.ResourceID, true })
	return commentedResources.Get(ctx, g, obj.ResourceID)
}

// Resource is what the like is of, read for all the likes of a list
// together: null when it is gone or hidden from the caller.
func (r *likeResolver) Resource(ctx context.Context, obj *upstream.Like) (globalid.Node, error) {
	g := groupOf(ctx, func(l *upstream.Like) (string, bool) { return l.ResourceID, true })
	return likedResources.Get(ctx, g, obj.ResourceID)
}

// Resource is what the service script serves: an application, an event
// or an event division; null for a script that serves no one resource.
func (r *serviceScriptResolver) Resource(ctx context.Context, obj *upstream.ServiceScript) (globalid.Node, error) {
	if obj.ResourceID == nil {
		return nil, nil
	}
	g := groupOf(ctx, func(s *upstream.ServiceScript) (string, bool) {
		if s.ResourceID == nil {
			return "", false
		}
		return *s.ResourceID, true
	})
	return servedResources.Get(ctx, g, *obj.ResourceID)
}

// Service is the service script that made the record, batched by ID.
func (r *applicationServiceRecordResolver) Service(
	ctx context.Context, obj *upstream.ApplicationServiceRecord,
) (*upstream.ServiceScript, error) {
	g := groupOf(ctx, func(s *upstream.ApplicationServiceRecord) (string, bool) { return s.ServiceID, true })
	return serviceScriptsByID.Get(ctx, g, obj.ServiceID)
}
