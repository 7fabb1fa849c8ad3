package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// social is one kind of resource callers like and comment on: how its
// input names it and how it is read back after a write. Charts keep their
// own writes (writes.go).
type social[T any] struct {
	typeName string // the type its global IDs carry, such as "Song"
	argument string // the input field that names it, such as "input.songId"
	get      func(c *upstream.Client, ctx context.Context, id string) (*T, error)
	likes    upstream.LikeRoute
	comments upstream.CommentRoute // empty where the upstream takes no comments
}

var (
	socialChart = social[upstream.Chart]{"Chart", "input.chartId", (*upstream.Client).GetChart,
		upstream.ChartLikes, upstream.ChartComments}
	socialSong = social[upstream.Song]{"Song", "input.songId", (*upstream.Client).GetSong,
		upstream.SongLikes, upstream.SongComments}
	socialComment = social[upstream.Comment]{"Comment", "input.commentId", (*upstream.Client).GetComment,
		upstream.CommentLikes, ""}
	socialReply = social[upstream.Reply]{"Reply", "input.replyId", (*upstream.Client).GetReply,
		upstream.ReplyLikes, ""}
	socialRecord = social[upstream.Record]{"Record", "input.recordId", (*upstream.Client).GetRecord,
		upstream.RecordLikes, upstream.RecordComments}
	socialEvent = social[upstream.Event]{"Event", "input.eventId", (*upstream.Client).GetEvent,
		upstream.EventLikes, upstream.EventComments}
	socialDivision = social[upstream.EventDivision]{"EventDivision", "input.divisionId",
		(*upstream.Client).GetEventDivision, upstream.EventDivisionLikes, upstream.EventDivisionComments}
	socialTeam = social[upstream.EventTeam]{"EventTeam", "input.teamId", likedTeam,
		upstream.EventTeamLikes, ""}
	socialChapter = social[upstream.Chapter]{"Chapter", "input.chapterId", (*upstream.Client).GetChapter,
		upstream.ChapterLikes, upstream.ChapterComments}
	socialCollection = social[upstream.Collection]{"Collection", "input.collectionId",
		(*upstream.Client).GetCollection, upstream.CollectionLikes, upstream.CollectionComments}
	socialAnnouncement = social[upstream.Announcement]{"Announcement", "input.announcementId",
		(*upstream.Client).GetAnnouncement, upstream.AnnouncementLikes, upstream.AnnouncementComments}
	socialApplication = social[upstream.Application]{"Application", "input.applicationId",
		(*upstream.Client).GetApplication, upstream.ApplicationLikes, upstream.ApplicationComments}
)

// likedTeam reads a team through the list route: GET /events/teams/{id}
// leaves dateLiked out, the list fills it.
func likedTeam(c *upstream.Client, ctx context.Context, id string) (*upstream.EventTeam, error) {
	teams, _, err := c.ListEventTeams(ctx, upstream.EventTeamListOptions{
		ListOptions:     upstream.ListOptions{PerPage: 1},
		EventTeamFilter: upstream.EventTeamFilter{RangeId: []string{id}},
	})
	switch {
	case err != nil:
		return nil, err
	case len(teams) == 0:
		return nil, &loaders.MissingError{Route: "/events/teams", Key: id}
	}
	return &teams[0], nil
}

// id checks the caller and the ID before any upstream call.
func (k social[T]) id(ctx context.Context, raw string) (string, error) {
	if err := signedIn(ctx); err != nil {
		return "", err
	}
	return localGUID(k.argument, raw, k.typeName)
}

// write runs write on the resource raw names and reads it back.
func (k social[T]) write(
	ctx context.Context, raw string, write func(c *upstream.Client, id string) error,
) (*T, error) {
	id, err := k.id(ctx, raw)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := write(c, id); err != nil {
		return nil, err
	}
	v, err := k.get(c, ctx, id)
	return readBack(ctx, v, err), nil
}

// like likes the resource as the caller and reads it back.
func (k social[T]) like(ctx context.Context, raw string) (*T, error) {
	return k.write(ctx, raw, func(c *upstream.Client, id string) error {
		return c.Like(ctx, k.likes, id)
	})
}

// unlike removes the caller's like and reads the resource back.
func (k social[T]) unlike(ctx context.Context, raw string) (*T, error) {
	return k.write(ctx, raw, func(c *upstream.Client, id string) error {
		return c.Unlike(ctx, k.likes, id)
	})
}

// comment posts a comment on the resource and reads the comment back.
func (k social[T]) comment(
	ctx context.Context, raw, content, language string,
) (*model.CommentPayload, error) {
	id, err := k.id(ctx, raw)
	if err != nil {
		return nil, err
	}
	if err := checkContent(content); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	comment := upstream.NewComment{Content: content, Language: language}
	created, err := c.CommentOn(ctx, k.comments, id, comment)
	if err != nil {
		return nil, err
	}
	v, err := c.GetComment(ctx, created)
	return commentPayload(readBack(ctx, v, err), nil)
}

// payloadOf turns a function that wraps an object into its payload into
// one that also passes an error through, for the results of social's
// methods.
func payloadOf[T, P any](wrap func(*T) *P) func(*T, error) (*P, error) {
	return func(v *T, err error) (*P, error) {
		if err != nil {
			return nil, err
		}
		return wrap(v), nil
	}
}

var (
	chartPayload = payloadOf(func(v *upstream.Chart) *model.ChartPayload {
		return &model.ChartPayload{Chart: v}
	})
	songPayload = payloadOf(func(v *upstream.Song) *model.SongPayload {
		return &model.SongPayload{Song: v}
	})
	commentPayload = payloadOf(func(v *upstream.Comment) *model.CommentPayload {
		return &model.CommentPayload{Comment: v}
	})
	recordPayload = payloadOf(func(v *upstream.Record) *model.RecordPayload {
		return &model.RecordPayload{Record: v}
	})
	eventPayload = payloadOf(func(v *upstream.Event) *model.EventPayload {
		return &model.EventPayload{Event: v}
	})
	divisionPayload = payloadOf(func(v *upstream.EventDivision) *model.EventDivisionPayload {
		return &model.EventDivisionPayload{Division: v}
	})
	teamPayload = payloadOf(func(v *upstream.EventTeam) *model.EventTeamPayload {
		return &model.EventTeamPayload{Team: v}
	})
	chapterPayload = payloadOf(func(v *upstream.Chapter) *model.ChapterPayload {
		return &model.ChapterPayload{Chapter: v}
	})
	collectionPayload = payloadOf(func(v *upstream.Collection) *model.CollectionPayload {
		return &model.CollectionPayload{Collection: v}
	})
	announcementPayload = payloadOf(func(v *upstream.Announcement) *model.AnnouncementPayload {
		return &model.AnnouncementPayload{Announcement: v}
	})
	applicationPayload = payloadOf(func(v *upstream.Application) *model.ApplicationPayload {
		return &model.ApplicationPayload{Application: v}
	})
)

// replyPayload reads the comment of a reply just liked or unliked, so the
// payload carries both.
func replyPayload(ctx context.Context) func(*upstream.Reply, error) (*model.ReplyPayload, error) {
	return func(reply *upstream.Reply, err error) (*model.ReplyPayload, error) {
		switch {
		case err != nil:
			return nil, err
		case reply == nil: // written, not read back: readBack said why
			return &model.ReplyPayload{}, nil
		}
		comment, err := loaders.For(ctx).Client().GetComment(ctx, reply.CommentID)
		return &model.ReplyPayload{Reply: reply, Comment: readBack(ctx, comment, err)}, nil
	}
}

// DeleteComment removes a comment and answers with the ID it had.
func (r *mutationResolver) DeleteComment(
	ctx context.Context, input model.CommentInput,
) (*model.DeleteCommentPayload, error) {
	id, err := socialComment.id(ctx, input.CommentID)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteComment(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Comment", id)
	return &model.DeleteCommentPayload{DeletedCommentID: &gid}, nil
}

// DeleteReply removes a reply and answers with the comment it answered,
// read again. The reply is read first, for that comment's ID.
func (r *mutationResolver) DeleteReply(
	ctx context.Context, input model.ReplyInput,
) (*model.DeleteReplyPayload, error) {
	id, err := socialReply.id(ctx, input.ReplyID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	reply, err := c.GetReply(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := c.DeleteReply(ctx, id); err != nil {
		return nil, err
	}
	comment, err := c.GetComment(ctx, reply.CommentID)
	if err != nil {
		return nil, err
	}
	gid := globalid.Encode("Reply", id)
	return &model.DeleteReplyPayload{DeletedReplyID: &gid, Comment: comment}, nil
}

// VoteChart rates a chart and returns it with its new ratings. The
// upstream checks each aspect's range and answers field errors.
func (r *mutationResolver) VoteChart(
	ctx context.Context, input model.VoteChartInput,
) (*model.ChartPayload, error) {
	vote := upstream.NewVote{
		Arrangement: input.Arrangement, Gameplay: input.Gameplay, VisualEffects: input.VisualEffects,
		Creativity: input.Creativity, Concord: input.Concord, Impression: input.Impression,
	}
	return chartTarget.write(ctx, input.ChartID, func(c *upstream.Client, id string) error {
		return c.VoteChart(ctx, id, vote)
	})
}

// UnvoteChart removes the caller's vote from a chart.
func (r *mutationResolver) UnvoteChart(
	ctx context.Context, input model.ChartInput,
) (*model.ChartPayload, error) {
	return chartTarget.write(ctx, input.ChartID, func(c *upstream.Client, id string) error {
		return c.UnvoteChart(ctx, id)
	})
}

// VoteChartSubmission reviews a chart submission as a volunteer. The
// upstream checks the score's range and the message.
func (r *mutationResolver) VoteChartSubmission(
	ctx context.Context, input model.VoteChartSubmissionInput,
) (*model.ChartSubmissionPayload, error) {
	vote := upstream.NewVolunteerVote{
		Score: input.Score, SuggestedDifficulty: input.SuggestedDifficulty, Message: input.Message,
	}
	return submissionTarget.write(ctx, input.ChartSubmissionID, func(c *upstream.Client, id string) error {
		return c.VoteChartSubmission(ctx, id, vote)
	})
}

// UnvoteChartSubmission removes the caller's volunteer vote.
func (r *mutationResolver) UnvoteChartSubmission(
	ctx context.Context, input model.ChartSubmissionInput,
) (*model.ChartSubmissionPayload, error) {
	return submissionTarget.write(ctx, input.ChartSubmissionID, func(c *upstream.Client, id string) error {
		return c.UnvoteChartSubmission(ctx, id)
	})
}
