package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Every write answers with the changed object read again from the
// upstream as the caller, never from the request's loaders, whose copies
// may predate the write.

// LikeChart likes a chart and returns it with its new count.
func (r *mutationResolver) LikeChart(ctx context.Context, input model.ChartInput) (*model.ChartPayload, error) {
	return chartPayload(socialChart.like(ctx, input.ChartID))
}

// UnlikeChart removes the caller's like from a chart.
func (r *mutationResolver) UnlikeChart(ctx context.Context, input model.ChartInput) (*model.ChartPayload, error) {
	return chartPayload(socialChart.unlike(ctx, input.ChartID))
}

// maxCommentRunes is the longest comment or reply the upstream takes.
const maxCommentRunes = 3000

// checkContent refuses a comment or reply the upstream would refuse for
// its length, before any call.
func checkContent(content string) error {
	if n := len([]rune(content)); n > maxCommentRunes {
		return badInput("input.content", "content takes at most %d characters, got %d", maxCommentRunes, n)
	}
	return nil
}

// CommentOnChart posts a comment and returns it as the upstream stored it.
func (r *mutationResolver) CommentOnChart(ctx context.Context, input model.CommentOnChartInput) (*model.CommentPayload, error) {
	return socialChart.comment(ctx, input.ChartID, input.Content, input.Language)
}

// ReplyToComment posts a reply and returns it with the comment replied to.
func (r *mutationResolver) ReplyToComment(ctx context.Context, input model.ReplyToCommentInput) (*model.ReplyPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	if err := checkContent(input.Content); err != nil {
		return nil, err
	}
	id, err := localGUID("input.commentId", input.CommentID, "Comment")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	created, err := c.ReplyToComment(ctx, id, upstream.NewComment{Content: input.Content, Language: input.Language})
	if err != nil {
		return nil, err
	}
	reply, err := c.GetReply(ctx, created)
	if err != nil {
		return nil, err
	}
	comment, err := c.GetComment(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ReplyPayload{Reply: reply, Comment: comment}, nil
}

// userWrite checks the caller and the user ID, runs write and reads the
// user back.
func userWrite(ctx context.Context, userID string, write func(c *upstream.Client, id int) error) (*model.UserPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localUserID("input.userId", userID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := write(c, id); err != nil {
		return nil, err
	}
	user, err := c.GetUser(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.UserPayload{User: user}, nil
}

// FollowUser makes the caller follow a user.
func (r *mutationResolver) FollowUser(ctx context.Context, input model.UserInput) (*model.UserPayload, error) {
	return userWrite(ctx, input.UserID, func(c *upstream.Client, id int) error { return c.FollowUser(ctx, id) })
}

// UnfollowUser makes the caller stop following a user.
func (r *mutationResolver) UnfollowUser(ctx context.Context, input model.UserInput) (*model.UserPayload, error) {
	return userWrite(ctx, input.UserID, func(c *upstream.Client, id int) error { return c.UnfollowUser(ctx, id) })
}

// UpdateChart sends the fields given as a JSON Patch.
func (r *mutationResolver) UpdateChart(ctx context.Context, input model.UpdateChartInput) (*model.ChartPayload, error) {
	var p patch
	addField(&p, "title", input.Title, true)
	addField(&p, "levelType", input.LevelType, false)
	addField(&p, "level", input.Level, false)
	addField(&p, "difficulty", input.Difficulty, false)
	addField(&p, "format", input.Format, false)
	addField(&p, "authorName", input.AuthorName, false)
	addField(&p, "illustrator", input.Illustrator, true)
	addField(&p, "description", input.Description, true)
	addField(&p, "accessibility", input.Accessibility, false)
	addField(&p, "isHidden", input.IsHidden, false)
	addField(&p, "isLocked", input.IsLocked, false)
	addField(&p, "isRanked", input.IsRanked, false)
	if p.err != nil {
		return nil, p.err
	}
	if len(p.ops) == 0 {
		return nil, badInput("input", "give at least one field to change")
	}

	return chartTarget.write(ctx, input.ChartID, func(c *upstream.Client, id string) error { return c.UpdateChart(ctx, id, p.ops) })
}

// UpdateChartIllustration streams the uploaded picture upstream.
func (r *mutationResolver) UpdateChartIllustration(
	ctx context.Context, input model.UpdateChartIllustrationInput,
) (*model.ChartPayload, error) {
	return chartTarget.write(ctx, input.ChartID, func(c *upstream.Client, id string) error {
		return c.UpdateChartIllustration(ctx, id, input.File.Filename, input.File.File)
	})
}

// patch gathers the JSON Patch operations of an update input.
type patch struct {
	ops []upstream.PatchOp
	err error
}

// addField adds the operation for one input field: none when it was left
// out, "replace" for a value, "remove" for null where the upstream allows
// it (nullable), and an error for null elsewhere.
func addField[T any](p *patch, field string, v graphql.Omittable[*T], nullable bool) {
	value, given := v.ValueOK()
	switch {
	case !given || p.err != nil:
	case value != nil:
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/" + field, Value: *value})
	case nullable:
		p.ops = append(p.ops, upstream.PatchOp{Op: "remove", Path: "/" + field})
	default:
		p.err = badInput("input."+field, "%s cannot be removed; give a value or leave it out", field)
	}
}

var _ graph.MutationResolver = (*mutationResolver)(nil)

// formFile is an upload as a file of an upstream form; nil stays absent.
func formFile(up *graphql.Upload) (upstream.File, bool) {
	if up == nil {
		return upstream.File{}, false
	}
	return upstream.File{Name: up.Filename, Content: up.File}, true
}

// A writeTarget is a kind of resource that writes name by a GUID: the
// input field that carries the ID, the ID's global ID type, and how to
// read the resource back after a write.
type writeTarget[P any] struct {
	argument, typeName string
	read               func(ctx context.Context, c *upstream.Client, id string) (*P, error)
}

// write checks the caller and the ID before any upstream call, runs
// write and reads the resource back fresh from the upstream.
func (t writeTarget[P]) write(
	ctx context.Context, raw string, write func(c *upstream.Client, id string) error,
) (*P, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID(t.argument, raw, t.typeName)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := write(c, id); err != nil {
		return nil, err
	}
	p, err := t.read(ctx, c, id)
	if err != nil {
		graphql.AddError(ctx, &readBackError{err})
		return new(P), nil
	}
	return p, nil
}

// The resources whose writes answer with the resource read back.
var (
	chartTarget = writeTarget[model.ChartPayload]{"input.chartId", "Chart",
		func(ctx context.Context, c *upstream.Client, id string) (*model.ChartPayload, error) {
			return chartPayload(c.GetChart(ctx, id))
		}}
	songTarget = writeTarget[model.SongPayload]{"input.songId", "Song",
		func(ctx context.Context, c *upstream.Client, id string) (*model.SongPayload, error) {
			return songPayload(c.GetSong(ctx, id))
		}}
	chapterTarget = writeTarget[model.ChapterPayload]{"input.chapterId", "Chapter",
		func(ctx context.Context, c *upstream.Client, id string) (*model.ChapterPayload, error) {
			return chapterPayload(c.GetChapter(ctx, id))
		}}
	collectionTarget = writeTarget[model.CollectionPayload]{"input.collectionId", "Collection",
		func(ctx context.Context, c *upstream.Client, id string) (*model.CollectionPayload, error) {
			return collectionPayload(c.GetCollection(ctx, id))
		}}
	applicationTarget = writeTarget[model.ApplicationPayload]{"input.applicationId", "Application",
		func(ctx context.Context, c *upstream.Client, id string) (*model.ApplicationPayload, error) {
			return applicationPayload(c.GetApplication(ctx, id))
		}}
	teamTarget = writeTarget[model.EventTeamPayload]{"input.teamId", "EventTeam",
		func(ctx context.Context, c *upstream.Client, id string) (*model.EventTeamPayload, error) {
			return teamPayload(c.GetEventTeam(ctx, id))
		}}
	submissionTarget = writeTarget[model.ChartSubmissionPayload]{"input.chartSubmissionId", "ChartSubmission",
		func(ctx context.Context, c *upstream.Client, id string) (*model.ChartSubmissionPayload, error) {
			s, err := c.GetChartSubmission(ctx, id)
			if err != nil {
				return nil, err
			}
			return &model.ChartSubmissionPayload{ChartSubmission: s}, nil
		}}
	collaborationTarget = writeTarget[model.CollaborationPayload]{"input.collaborationId", "Collaboration",
		func(ctx context.Context, c *upstream.Client, id string) (*model.CollaborationPayload, error) {
			co, err := c.GetCollaboration(ctx, id)
			if err != nil {
				return nil, err
			}
			return &model.CollaborationPayload{Collaboration: co}, nil
		}}
)

// readBackError is the failure of the read that follows a write the
// upstream accepted: the write stands, and the payload comes without the
// object (the caller may not be allowed to see it, or the read failed).
type readBackError struct{ err error }

func (e *readBackError) Error() string { return e.err.Error() }
func (e *readBackError) Unwrap() error { return e.err }

// readBack returns the object a write changed, read back; when the read
// failed it reports the error beside the payload and returns nil, so that
// the payload still tells the write was made.
func readBack[T any](ctx context.Context, v *T, err error) *T {
	if err != nil {
		graphql.AddError(ctx, &readBackError{err})
		return nil
	}
	return v
}
