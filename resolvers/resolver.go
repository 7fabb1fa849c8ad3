// Package resolvers answers the fields of the schema. Resolvers hold no
// state: each field asks the request's loaders (package loaders), which
// batch and cache upstream reads for that request alone.
package resolvers

import (
	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/upstream"
)

// Resolver is the root of all resolvers. It holds configuration only;
// request state lives in the request's loaders.
type Resolver struct {
	credentials upstream.Credentials
}

// New returns the resolver root for graph.NewExecutableSchema; credentials
// identify the OAuth client that login and refreshToken sign in as.
func New(credentials upstream.Credentials) *Resolver {
	return &Resolver{credentials: credentials}
}

// Config returns the executable schema's configuration with these
// resolvers and the directives that bound inputs.
func Config(credentials upstream.Credentials) graph.Config {
	return graph.Config{Resolvers: New(credentials), Directives: directives}
}

// Query returns the resolver of the root query.
func (r *Resolver) Query() graph.QueryResolver { return &queryResolver{r} }

// Chart returns the resolver of Chart's relations.
func (r *Resolver) Chart() graph.ChartResolver { return &chartResolver{r} }

// Song returns the resolver of Song's relations.
func (r *Resolver) Song() graph.SongResolver { return &songResolver{r} }

// User returns the resolver of User's relations.
func (r *Resolver) User() graph.UserResolver { return &userResolver{r} }

// Viewer returns the resolver of Viewer's relations.
func (r *Resolver) Viewer() graph.ViewerResolver { return &viewerResolver{r} }

// Region returns the resolver of Region's relations.
func (r *Resolver) Region() graph.RegionResolver { return &regionResolver{r} }

// Authorship returns the resolver of Authorship's relations.
func (r *Resolver) Authorship() graph.AuthorshipResolver { return &authorshipResolver{r} }

// Record returns the resolver of Record's relations.
func (r *Resolver) Record() graph.RecordResolver { return &recordResolver{r} }

// Comment returns the resolver of Comment's relations.
func (r *Resolver) Comment() graph.CommentResolver { return &commentResolver{r} }

// Reply returns the resolver of Reply's relations.
func (r *Resolver) Reply() graph.ReplyResolver { return &replyResolver{r} }

// Event returns the resolver of Event's relations.
func (r *Resolver) Event() graph.EventResolver { return &eventResolver{r} }

// EventDivision returns the resolver of EventDivision's relations.
func (r *Resolver) EventDivision() graph.EventDivisionResolver { return &eventDivisionResolver{r} }

// EventTeam returns the resolver of EventTeam's relations.
func (r *Resolver) EventTeam() graph.EventTeamResolver { return &eventTeamResolver{r} }

type (
	queryResolver         struct{ *Resolver }
	chartResolver         struct{ *Resolver }
	songResolver          struct{ *Resolver }
	userResolver          struct{ *Resolver }
	viewerResolver        struct{ *Resolver }
	regionResolver        struct{ *Resolver }
	authorshipResolver    struct{ *Resolver }
	recordResolver        struct{ *Resolver }
	commentResolver       struct{ *Resolver }
	replyResolver         struct{ *Resolver }
	eventResolver         struct{ *Resolver }
	eventDivisionResolver struct{ *Resolver }
	eventTeamResolver     struct{ *Resolver }
)
