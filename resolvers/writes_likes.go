package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
)

// The like, unlike and comment mutations of every social kind: each names
// its kind in the table of writes_social.go.

// LikeSong likes a song and returns it with its new count.
func (r *mutationResolver) LikeSong(
	ctx context.Context, input model.SongInput,
) (*model.SongPayload, error) {
	return songPayload(socialSong.like(ctx, input.SongID))
}

// UnlikeSong removes the caller's like from a song.
func (r *mutationResolver) UnlikeSong(
	ctx context.Context, input model.SongInput,
) (*model.SongPayload, error) {
	return songPayload(socialSong.unlike(ctx, input.SongID))
}

// LikeComment likes a comment and returns it with its new count.
func (r *mutationResolver) LikeComment(
	ctx context.Context, input model.CommentInput,
) (*model.CommentPayload, error) {
	return commentPayload(socialComment.like(ctx, input.CommentID))
}

// UnlikeComment removes the caller's like from a comment.
func (r *mutationResolver) UnlikeComment(
	ctx context.Context, input model.CommentInput,
) (*model.CommentPayload, error) {
	return commentPayload(socialComment.unlike(ctx, input.CommentID))
}

// LikeReply likes a reply and returns it with its new count.
func (r *mutationResolver) LikeReply(
	ctx context.Context, input model.ReplyInput,
) (*model.ReplyPayload, error) {
	return replyPayload(ctx)(socialReply.like(ctx, input.ReplyID))
}

// UnlikeReply removes the caller's like from a reply.
func (r *mutationResolver) UnlikeReply(
	ctx context.Context, input model.ReplyInput,
) (*model.ReplyPayload, error) {
	return replyPayload(ctx)(socialReply.unlike(ctx, input.ReplyID))
}

// LikeRecord likes a play record and returns it with its new count.
func (r *mutationResolver) LikeRecord(
	ctx context.Context, input model.RecordInput,
) (*model.RecordPayload, error) {
	return recordPayload(socialRecord.like(ctx, input.RecordID))
}

// UnlikeRecord removes the caller's like from a play record.
func (r *mutationResolver) UnlikeRecord(
	ctx context.Context, input model.RecordInput,
) (*model.RecordPayload, error) {
	return recordPayload(socialRecord.unlike(ctx, input.RecordID))
}

// LikeEvent likes an event and returns it with its new count.
func (r *mutationResolver) LikeEvent(
	ctx context.Context, input model.EventInput,
) (*model.EventPayload, error) {
	return eventPayload(socialEvent.like(ctx, input.EventID))
}

// UnlikeEvent removes the caller's like from an event.
func (r *mutationResolver) UnlikeEvent(
	ctx context.Context, input model.EventInput,
) (*model.EventPayload, error) {
	return eventPayload(socialEvent.unlike(ctx, input.EventID))
}

// LikeEventDivision likes an event division and returns it with its new count.
func (r *mutationResolver) LikeEventDivision(
	ctx context.Context, input model.EventDivisionInput,
) (*model.EventDivisionPayload, error) {
	return divisionPayload(socialDivision.like(ctx, input.DivisionID))
}

// UnlikeEventDivision removes the caller's like from an event division.
func (r *mutationResolver) UnlikeEventDivision(
	ctx context.Context, input model.EventDivisionInput,
) (*model.EventDivisionPayload, error) {
	return divisionPayload(socialDivision.unlike(ctx, input.DivisionID))
}

// LikeEventTeam likes an event team and returns it with its new count.
func (r *mutationResolver) LikeEventTeam(
	ctx context.Context, input model.EventTeamInput,
) (*model.EventTeamPayload, error) {
	return teamPayload(socialTeam.like(ctx, input.TeamID))
}

// UnlikeEventTeam removes the caller's like from an event team.
func (r *mutationResolver) UnlikeEventTeam(
	ctx context.Context, input model.EventTeamInput,
) (*model.EventTeamPayload, error) {
	return teamPayload(socialTeam.unlike(ctx, input.TeamID))
}

// LikeChapter likes a chapter and returns it with its new count.
func (r *mutationResolver) LikeChapter(
	ctx context.Context, input model.ChapterInput,
) (*model.ChapterPayload, error) {
	return chapterPayload(socialChapter.like(ctx, input.ChapterID))
}

// UnlikeChapter removes the caller's like from a chapter.
func (r *mutationResolver) UnlikeChapter(
	ctx context.Context, input model.ChapterInput,
) (*model.ChapterPayload, error) {
	return chapterPayload(socialChapter.unlike(ctx, input.ChapterID))
}

// LikeCollection likes a collection and returns it with its new count.
func (r *mutationResolver) LikeCollection(
	ctx context.Context, input model.CollectionInput,
) (*model.CollectionPayload, error) {
	return collectionPayload(socialCollection.like(ctx, input.CollectionID))
}

// UnlikeCollection removes the caller's like from a collection.
func (r *mutationResolver) UnlikeCollection(
	ctx context.Context, input model.CollectionInput,
) (*model.CollectionPayload, error) {
	return collectionPayload(socialCollection.unlike(ctx, input.CollectionID))
}

// LikeAnnouncement likes an announcement and returns it with its new count.
func (r *mutationResolver) LikeAnnouncement(
	ctx context.Context, input model.AnnouncementInput,
) (*model.AnnouncementPayload, error) {
	return announcementPayload(socialAnnouncement.like(ctx, input.AnnouncementID))
}

// UnlikeAnnouncement removes the caller's like from an announcement.
func (r *mutationResolver) UnlikeAnnouncement(
	ctx context.Context, input model.AnnouncementInput,
) (*model.AnnouncementPayload, error) {
	return announcementPayload(socialAnnouncement.unlike(ctx, input.AnnouncementID))
}

// LikeApplication likes an application and returns it with its new count.
func (r *mutationResolver) LikeApplication(
	ctx context.Context, input model.ApplicationInput,
) (*model.ApplicationPayload, error) {
	return applicationPayload(socialApplication.like(ctx, input.ApplicationID))
}

// UnlikeApplication removes the caller's like from an application.
func (r *mutationResolver) UnlikeApplication(
	ctx context.Context, input model.ApplicationInput,
) (*model.ApplicationPayload, error) {
	return applicationPayload(socialApplication.unlike(ctx, input.ApplicationID))
}

// CommentOnSong posts a comment on a song and returns it as the upstream
// stored it.
func (r *mutationResolver) CommentOnSong(
	ctx context.Context, input model.CommentOnSongInput,
) (*model.CommentPayload, error) {
	return socialSong.comment(ctx, input.SongID, input.Content, input.Language)
}

// CommentOnRecord posts a comment on a play record and returns it as the upstream
// stored it.
func (r *mutationResolver) CommentOnRecord(
	ctx context.Context, input model.CommentOnRecordInput,
) (*model.CommentPayload, error) {
	return socialRecord.comment(ctx, input.RecordID, input.Content, input.Language)
}

// CommentOnEvent posts a comment on an event and returns it as the upstream
// stored it.
func (r *mutationResolver) CommentOnEvent(
	ctx context.Context, input model.CommentOnEventInput,
) (*model.CommentPayload, error) {
	return socialEvent.comment(ctx, input.EventID, input.Content, input.Language)
}

// CommentOnEventDivision posts a comment on an event division and returns it as the upstream
// stored it.
func (r *mutationResolver) CommentOnEventDivision(
	ctx context.Context, input model.CommentOnEventDivisionInput,
) (*model.CommentPayload, error) {
	return socialDivision.comment(ctx, input.DivisionID, input.Content, input.Language)
}

// CommentOnChapter posts a comment on a chapter and returns it as the upstream
// stored it.
func (r *mutationResolver) CommentOnChapter(
	ctx context.Context, input model.CommentOnChapterInput,
) (*model.CommentPayload, error) {
	return socialChapter.comment(ctx, input.ChapterID, input.Content, input.Language)
}

// CommentOnCollection posts a comment on a collection and returns it as the upstream
// stored it.
func (r *mutationResolver) CommentOnCollection(
	ctx context.Context, input model.CommentOnCollectionInput,
) (*model.CommentPayload, error) {
	return socialCollection.comment(ctx, input.CollectionID, input.Content, input.Language)
}

// CommentOnAnnouncement posts a comment on an announcement and returns it as the upstream
// stored it.
func (r *mutationResolver) CommentOnAnnouncement(
	ctx context.Context, input model.CommentOnAnnouncementInput,
) (*model.CommentPayload, error) {
	return socialAnnouncement.comment(ctx, input.AnnouncementID, input.Content, input.Language)
}

// CommentOnApplication posts a comment on an application and returns it as the upstream
// stored it.
func (r *mutationResolver) CommentOnApplication(
	ctx context.Context, input model.CommentOnApplicationInput,
) (*model.CommentPayload, error) {
	return socialApplication.comment(ctx, input.ApplicationID, input.Content, input.Language)
}
