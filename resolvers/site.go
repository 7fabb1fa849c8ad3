package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Relations of tags, the test's answers and play configurations.
var (
	chartsOfTag = eachParent[upstream.Chart]("tagCharts", "/tags/{id}/charts")
	songsOfTag  = eachParent[upstream.Song]("tagSongs", "/tags/{id}/songs")

	playConfigurationsByID = loaders.EachKey("playConfigurations",
		func(ctx context.Context, c *upstream.Client, id string) (*upstream.PlayConfiguration, error) {
			return c.GetPlayConfiguration(ctx, id)
		})
)

// Tag reads one tag by its ID or its name.
func (r *queryResolver) Tag(ctx context.Context, id, name *string) (*upstream.Tag, error) {
	switch {
	case (id == nil) == (name == nil):
		return nil, badInput("id", "tag takes exactly one of id and name")
	case id != nil:
		local, err := localGUID("id", *id, "Tag")
		if err != nil {
			return nil, err
		}
		return loaders.For(ctx).Client().GetTag(ctx, local)
	case *name == "" || *name == "." || *name == ".." || guidPattern.MatchString(*name):
		return nil, badInput("name", "name must be a tag's name, not empty nor a GUID, got %q", *name)
	}
	return loaders.For(ctx).Client().GetTag(ctx, *name)
}

// Charts reads a window of the charts with the tag.
func (r *tagResolver) Charts(
	ctx context.Context, obj *upstream.Tag, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.ChartOrder,
) (*model.ChartConnection, error) {
	q, err := listQuery(nil, chartOrder(orderBy), chartsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, tagID, q, args(first, after, last, before, offset), chartsOfTag.Read)
	if err != nil {
		return nil, err
	}
	return chartConnection(s), nil
}

// Songs reads a window of the songs with the tag.
func (r *tagResolver) Songs(
	ctx context.Context, obj *upstream.Tag, first *int, after *string, last *int, before *string, offset *int,
	orderBy []model.SongOrder,
) (*model.SongConnection, error) {
	q, err := listQuery(nil, songOrder(orderBy), curatedNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, tagID, q, args(first, after, last, before, offset), songsOfTag.Read)
	if err != nil {
		return nil, err
	}
	return songConnection(s), nil
}

// RandomChart reads a chart the upstream picks at random.
func (r *queryResolver) RandomChart(ctx context.Context) (*upstream.Chart, error) {
	return loaders.For(ctx).Client().GetRandomChart(ctx)
}

// RandomSong reads a song the upstream picks at random.
func (r *queryResolver) RandomSong(ctx context.Context) (*upstream.Song, error) {
	return loaders.For(ctx).Client().GetRandomSong(ctx)
}

// SiteAbstract reads the site's counts.
func (r *queryResolver) SiteAbstract(ctx context.Context) (*upstream.SiteAbstract, error) {
	return loaders.For(ctx).Client().GetAbstract(ctx)
}

// Headline reads the site's headline.
func (r *queryResolver) Headline(ctx context.Context) (*string, error) {
	h, err := loaders.For(ctx).Client().GetHeadline(ctx)
	if err != nil {
		return nil, err
	}
	return h.Headline, nil
}

// PetObjectiveQuestions reads the objective questions of the test for the
// caller.
func (r *queryResolver) PetObjectiveQuestions(ctx context.Context) ([]upstream.PetQuestion, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().ListPetObjectiveQuestions(ctx)
}

// PetAnswer reads one answer to the test.
func (r *queryResolver) PetAnswer(ctx context.Context, id string) (*upstream.PetAnswer, error) {
	id, err := guid("id", id)
	if err != nil {
		return nil, err
	}
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetPetAnswer(ctx, id)
}

// PetAnswers reads a window of the answers the caller may see.
func (r *queryResolver) PetAnswers(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.PetAnswerFilter, orderBy []model.PetAnswerOrder,
) (*model.PetAnswerConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := listQuery(filter, petAnswerOrder(orderBy), socialNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.PetAnswer](ctx, "/pet/answers", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return petAnswerConnection(s), nil
}

// PetAnswer returns the resolver of PetAnswer's relations.
func (r *Resolver) PetAnswer() graph.PetAnswerResolver { return &petAnswerResolver{r} }

type petAnswerResolver struct{ *Resolver }

// Owner is the user who took the test, batched by ID.
func (r *petAnswerResolver) Owner(ctx context.Context, obj *upstream.PetAnswer) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, petAnswerOwner))
}

// Assessor is the moderator who assessed the answers, batched by ID.
func (r *petAnswerResolver) Assessor(ctx context.Context, obj *upstream.PetAnswer) (*upstream.User, error) {
	if obj.AssessorID == nil {
		return nil, nil
	}
	return loaders.For(ctx).User(ctx, *obj.AssessorID, groupOf(ctx, petAnswerAssessor))
}

// PlayConfiguration reads one play configuration.
func (r *queryResolver) PlayConfiguration(ctx context.Context, id string) (*upstream.PlayConfiguration, error) {
	id, err := localGUID("id", id, "PlayConfiguration")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetPlayConfiguration(ctx, id)
}

// PlayConfigurations reads a window of the caller's play configurations.
func (r *queryResolver) PlayConfigurations(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.PlayConfigurationFilter, orderBy []model.PlayConfigurationOrder,
) (*model.PlayConfigurationConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := listQuery(filter, playConfigurationOrder(orderBy), socialNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.PlayConfiguration](ctx, "/player/configurations", nil, q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return playConfigurationConnection(s), nil
}

// PlayConfiguration returns the resolver of PlayConfiguration's relations.
func (r *Resolver) PlayConfiguration() graph.PlayConfigurationResolver {
	return &playConfigurationResolver{r}
}

type playConfigurationResolver struct{ *Resolver }

// Owner is the player the configuration belongs to, batched by ID.
func (r *playConfigurationResolver) Owner(ctx context.Context, obj *upstream.PlayConfiguration) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, configurationOwner))
}
