package facade

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/phizone/graphql-facade/globalid"
)

// The cost of an operation is the upstream calls it will make, estimated
// before it runs from how the resolvers read: a root field is one call; a
// relation of the items of a list is one call for all of them (per 100
// parents), or one per parent where the upstream reads one parent at a
// time (likes, votes, followers, leaderboards, ...); a list of children of
// many parents whose rows do not fit one upstream page of 1,000 falls back
// to one call per parent. Lists are counted full (first, last or top, or
// 30). Fields the upstream sends inside their parent cost nothing.

// CodeTooCostly is the error code of an operation whose estimated upstream
// calls are over the limit.
const CodeTooCostly = "QUERY_TOO_COSTLY"

// Fields that cost nothing although they lead to objects: the upstream
// embeds them in their parent, or they only arrange what is there.
var freeFields = map[string]bool{
	"song": true, "region": true, "tags": true, "hosts": true, "participants": true,
	"pageInfo": true, "edges": true, "nodes": true, "node": true, "chartLevels": true,
	"admittee": true, "admitter": true, "team": true,
}

// Types whose owner (or chart, or user) comes inside them.
var embeds = map[string]bool{
	"Comment.owner": true, "Reply.owner": true, "Record.owner": true, "Record.chart": true,
	"Authorship.user": true, "Viewer.user": true, "StartPlayPayload.chart": true,
	"ChartAdmittee.chart": true, "SongAdmittee.song": true,
	"ChapterAdmitter.chapter": true, "CollectionAdmitter.collection": true,
}

// Relations the upstream reads one parent at a time.
var perParent = map[string]bool{
	"likes": true, "votes": true, "followers": true, "followees": true, "assets": true,
	"reservedFields": true, "leaderboard": true, "authors": true, "songPrompts": true,
	"chartPrompts": true, "songEntries": true, "chartEntries": true, "recordEntries": true,
	"personalBests": true, "serviceRecords": true, "bestRecords": true,
	"Chapter.songs": true, "Collection.charts": true, "Tag.charts": true, "Tag.songs": true,
	"Song.chapters": true, "Chart.collections": true, "EventDivision.tags": true,
}

// Mutations whose one upstream call answers all they return.
var oneCall = map[string]bool{"startPlay": true, "startTapTapPlay": true}

// Relations that find a resource of unknown kind by asking the kinds it
// may be, one call per kind at most (resolvers/resources.go): counted at
// their worst, every kind asked.
var probed = map[string]int64{
	"Comment.resource": 9, "Like.resource": 12, "ServiceScript.resource": 3,
}

// estimate walks op and returns its estimated upstream calls, stopping
// early once it is over stop.
type estimate struct {
	doc       *ast.QueryDocument
	vars      map[string]any
	signedIn  bool
	mutation  bool
	calls     int64
	stop      int64
	fragments map[string]bool
}

// checkCost refuses an operation whose estimate is over max, and puts the
// estimate in the answer's extensions.
func checkCost(max int64) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		op := graphql.GetOperationContext(ctx)
		if op.Operation == nil {
			return next(ctx)
		}
		est := &estimate{
			doc: op.Doc, vars: op.Variables, stop: max,
			signedIn: op.Headers.Get("Authorization") != "", fragments: map[string]bool{},
			mutation: op.Operation.Operation == ast.Mutation,
		}
		est.selections(op.Operation.SelectionSet, "", 1, true)

		if est.calls > max {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
				Message: fmt.Sprintf("the operation would make about %d upstream calls; the limit is %d", est.calls, max),
				Extensions: map[string]any{
					"code": CodeTooCostly, "estimatedUpstreamCalls": est.calls, "limit": max,
				},
			}}})
		}
		respond := next(ctx)
		return func(ctx context.Context) *graphql.Response {
			resp := respond(ctx)
			if resp != nil {
				if resp.Extensions == nil {
					resp.Extensions = map[string]any{}
				}
				resp.Extensions["estimatedUpstreamCalls"] = est.calls
			}
			return resp
		}
	}
}

// selections adds the calls of a selection set reached by parents objects
// of type parentType.
func (e *estimate) selections(set ast.SelectionSet, parentType string, parents int64, root bool) {
	for _, sel := range set {
		if e.calls > e.stop {
			return
		}
		switch sel := sel.(type) {
		case *ast.Field:
			e.field(sel, parentType, parents, root)
		case *ast.InlineFragment:
			e.selections(sel.SelectionSet, parentType, parents, root)
		case *ast.FragmentSpread:
			if e.fragments[sel.Name] { // counted once per path is enough
				continue
			}
			e.fragments[sel.Name] = true
			if def := e.doc.Fragments.ForName(sel.Name); def != nil {
				e.selections(def.SelectionSet, parentType, parents, root)
			}
			delete(e.fragments, sel.Name)
		}
	}
}

// field adds the calls of one field.
func (e *estimate) field(f *ast.Field, parentType string, parents int64, root bool) {
	if f.Definition == nil || strings.HasPrefix(f.Name, "__") || len(f.SelectionSet) == 0 {
		return // scalars, enums and introspection cost nothing
	}
	typ := f.Definition.Type
	named := typ.Name()
	key := parentType + "." + f.Name
	if !root && (freeFields[f.Name] || embeds[key] || strings.HasSuffix(f.Name, "Segments")) {
		e.selections(f.SelectionSet, named, parents, false) // inside the parent: no call, no more objects
		return
	}

	isList := typ.Elem != nil || strings.HasSuffix(named, "Connection")
	items := parents
	if isList {
		items = parents * e.size(f)
	}

	switch {
	case root && f.Name == "me" && !e.signedIn:
		// fails before any call
	case root && f.Name == "nodes":
		e.calls += e.nodeTypes(f)
	case root && e.mutation && oneCall[f.Name]:
		e.calls++
	case root && e.mutation:
		e.calls += 2 // the write, then the fresh read of what it changed
	case root:
		e.calls++
	case probed[key] > 0:
		e.calls += probed[key] * ((parents + 99) / 100)
	case perParent[f.Name] || perParent[key]:
		e.calls += parents
	case isList: // the children of all parents together, if their rows fit a page
		chunks := (parents + 99) / 100
		e.calls += chunks
		if parents > 1 && items > 1000 {
			e.calls += parents
		}
	default: // an object by ID, for all parents together
		e.calls += (parents + 99) / 100
	}

	e.selections(f.SelectionSet, named, max(items, 1), false)
}

// nodeTypes counts the types among the global IDs nodes(ids:) asks for:
// one call each.
func (e *estimate) nodeTypes(f *ast.Field) int64 {
	ids, _ := f.ArgumentMap(e.vars)["ids"].([]any)
	types := map[string]bool{}
	for _, id := range ids {
		if s, ok := id.(string); ok {
			if t, _, err := globalid.Decode(s); err == nil {
				types[t] = true
			}
		}
	}
	return int64(len(types))
}

// size is how many items a list field asks for.
func (e *estimate) size(f *ast.Field) int64 {
	args := f.ArgumentMap(e.vars)
	for _, name := range []string{"first", "last", "top"} {
		if v, ok := args[name]; ok && v != nil {
			switch n := v.(type) {
			case int64:
				return max(n, 0)
			case int:
				return int64(max(n, 0))
			}
		}
	}
	if ids, ok := args["ids"].([]any); ok {
		return int64(len(ids))
	}
	return 30
}
