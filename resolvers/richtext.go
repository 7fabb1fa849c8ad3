package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/richtext"
	"github.com/phizone/graphql-facade/upstream"
)

// Rich text fields give their raw string, their segments and their plain
// text. The segments of a field are parsed for all the objects of its list
// at once and remembered as the field's cousins, so that each kind of link
// (the users of the contents of 30 comments) loads in one batch.

// segmentsOf parses the rich text field of obj that source reads, and
// remembers the segments of that field for every sibling of obj.
func segmentsOf[P any](ctx context.Context, obj *P, source func(*P) string) []model.RichTextSegment {
	own := richtext.Parse(source(obj))

	g := groupOf(ctx, func(p *P) (string, bool) { return source(p), true })
	if g.Key == "" {
		rememberList(ctx, own)
	} else {
		rememberCousins(ctx, func() []richtext.Segment {
			var all []richtext.Segment
			for _, s := range g.Keys {
				all = append(all, richtext.Parse(s)...)
			}
			return all
		})
	}

	out := make([]model.RichTextSegment, len(own))
	for i, s := range own {
		out[i] = segment(s)
	}
	return out
}

// segment makes the GraphQL segment of a parsed one.
func segment(s richtext.Segment) model.RichTextSegment {
	switch s.Kind {
	case richtext.Text:
		return &model.TextSegment{Text: s.Text, Source: s.Source}
	case richtext.User, richtext.UserMention:
		return &model.UserLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID, Mention: s.Kind == richtext.UserMention}
	case richtext.Chart:
		return &model.ChartLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID}
	case richtext.Song:
		return &model.SongLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID}
	case richtext.Record:
		return &model.RecordLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID}
	case richtext.Comment:
		return &model.CommentLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID}
	case richtext.Reply:
		return &model.ReplyLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID}
	case richtext.Event:
		return &model.EventLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID}
	case richtext.EventDivision:
		return &model.EventDivisionLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID}
	case richtext.EventTeam:
		return &model.EventTeamLink{Text: s.Text, Source: s.Source, DatabaseID: s.ID}
	}
	link := &model.ResourceLink{
		Text: s.Text, Source: s.Source, Kind: resourceKinds[s.Kind].kind, DatabaseID: s.ID,
		WebPath: resourceKinds[s.Kind].path + s.ID,
	}
	if s.OtherID != "" {
		link.OtherDatabaseID = &s.OtherID
		link.WebPath += "/" + s.OtherID
	}
	return link
}

// resourceKinds are the links to resources the graph does not hold, with
// the web client's page of each.
var resourceKinds = map[richtext.Kind]struct {
	kind model.RichTextLinkKind
	path string
}{
	richtext.Chapter:                 {model.RichTextLinkKindChapter, "/chapters/"},
	richtext.Collection:              {model.RichTextLinkKindCollection, "/collections/"},
	richtext.Application:             {model.RichTextLinkKindApplication, "/applications/"},
	richtext.SongSubmission:          {model.RichTextLinkKindSongSubmission, "/studio/song-submissions/"},
	richtext.ChartSubmission:         {model.RichTextLinkKindChartSubmission, "/studio/chart-submissions/"},
	richtext.Collaboration:           {model.RichTextLinkKindCollaboration, "/studio/collaborations/"},
	richtext.ChapterAdmission:        {model.RichTextLinkKindChapterAdmission, "/studio/admissions/chapters/"},
	richtext.CollectionAdmission:     {model.RichTextLinkKindCollectionAdmission, "/studio/admissions/collections/"},
	richtext.SongAdmission:           {model.RichTextLinkKindSongAdmission, "/studio/admissions/songs/"},
	richtext.SongSubmissionAdmission: {model.RichTextLinkKindSongSubmissionAdmission, "/studio/admissions/song-submissions/"},
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func chartAuthorName(c *upstream.Chart) string  { return deref(c.AuthorName) }
func chartDescription(c *upstream.Chart) string { return deref(c.Description) }
func songAuthorName(s *upstream.Song) string    { return deref(s.AuthorName) }
func songDescription(s *upstream.Song) string   { return deref(s.Description) }
func eventDescription(e *upstream.Event) string { return deref(e.Description) }
func userBiography(u *upstream.User) string     { return deref(u.Biography) }
func commentContent(c *upstream.Comment) string { return c.Content }
func replyContent(r *upstream.Reply) string     { return r.Content }
func divisionDescription(d *upstream.EventDivision) string {
	return deref(d.Description)
}

// AuthorNameSegments parses the chart's author name.
func (r *chartResolver) AuthorNameSegments(ctx context.Context, obj *upstream.Chart) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, chartAuthorName), nil
}

// AuthorNameText is the chart's author name without markup.
func (r *chartResolver) AuthorNameText(_ context.Context, obj *upstream.Chart) (string, error) {
	return richtext.PlainText(chartAuthorName(obj)), nil
}

// DescriptionSegments parses the chart's description.
func (r *chartResolver) DescriptionSegments(ctx context.Context, obj *upstream.Chart) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, chartDescription), nil
}

// DescriptionText is the chart's description without markup.
func (r *chartResolver) DescriptionText(_ context.Context, obj *upstream.Chart) (string, error) {
	return richtext.PlainText(chartDescription(obj)), nil
}

// AuthorNameSegments parses the song's author name.
func (r *songResolver) AuthorNameSegments(ctx context.Context, obj *upstream.Song) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, songAuthorName), nil
}

// AuthorNameText is the song's author name without markup.
func (r *songResolver) AuthorNameText(_ context.Context, obj *upstream.Song) (string, error) {
	return richtext.PlainText(songAuthorName(obj)), nil
}

// DescriptionSegments parses the song's description.
func (r *songResolver) DescriptionSegments(ctx context.Context, obj *upstream.Song) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, songDescription), nil
}

// DescriptionText is the song's description without markup.
func (r *songResolver) DescriptionText(_ context.Context, obj *upstream.Song) (string, error) {
	return richtext.PlainText(songDescription(obj)), nil
}

// DescriptionSegments parses the event's description.
func (r *eventResolver) DescriptionSegments(ctx context.Context, obj *upstream.Event) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, eventDescription), nil
}

// DescriptionText is the event's description without markup.
func (r *eventResolver) DescriptionText(_ context.Context, obj *upstream.Event) (string, error) {
	return richtext.PlainText(eventDescription(obj)), nil
}

// DescriptionSegments parses the division's description.
func (r *eventDivisionResolver) DescriptionSegments(
	ctx context.Context, obj *upstream.EventDivision,
) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, divisionDescription), nil
}

// DescriptionText is the division's description without markup.
func (r *eventDivisionResolver) DescriptionText(_ context.Context, obj *upstream.EventDivision) (string, error) {
	return richtext.PlainText(divisionDescription(obj)), nil
}

// BiographySegments parses the user's biography.
func (r *userResolver) BiographySegments(ctx context.Context, obj *upstream.User) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, userBiography), nil
}

// BiographyText is the user's biography without markup.
func (r *userResolver) BiographyText(_ context.Context, obj *upstream.User) (string, error) {
	return richtext.PlainText(userBiography(obj)), nil
}

// ContentSegments parses the comment's content.
func (r *commentResolver) ContentSegments(ctx context.Context, obj *upstream.Comment) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, commentContent), nil
}

// ContentText is the comment's content without markup.
func (r *commentResolver) ContentText(_ context.Context, obj *upstream.Comment) (string, error) {
	return richtext.PlainText(obj.Content), nil
}

// ContentSegments parses the reply's content.
func (r *replyResolver) ContentSegments(ctx context.Context, obj *upstream.Reply) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, replyContent), nil
}

// ContentText is the reply's content without markup.
func (r *replyResolver) ContentText(_ context.Context, obj *upstream.Reply) (string, error) {
	return richtext.PlainText(obj.Content), nil
}

func announcementContent(a *upstream.Announcement) string { return a.Content }
func chapterDescription(c *upstream.Chapter) string       { return deref(c.Description) }
func collectionDescription(c *upstream.Collection) string { return deref(c.Description) }
func applicationDescription(a *upstream.Application) string {
	return deref(a.Description)
}

// ContentSegments parses the announcement's content.
func (r *announcementResolver) ContentSegments(ctx context.Context, obj *upstream.Announcement) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, announcementContent), nil
}

// ContentText is the announcement's content without markup.
func (r *announcementResolver) ContentText(_ context.Context, obj *upstream.Announcement) (string, error) {
	return richtext.PlainText(obj.Content), nil
}

// DescriptionSegments parses the chapter's description.
func (r *chapterResolver) DescriptionSegments(ctx context.Context, obj *upstream.Chapter) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, chapterDescription), nil
}

// DescriptionText is the chapter's description without markup.
func (r *chapterResolver) DescriptionText(_ context.Context, obj *upstream.Chapter) (string, error) {
	return richtext.PlainText(chapterDescription(obj)), nil
}

// DescriptionSegments parses the collection's description.
func (r *collectionResolver) DescriptionSegments(ctx context.Context, obj *upstream.Collection) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, collectionDescription), nil
}

// DescriptionText is the collection's description without markup.
func (r *collectionResolver) DescriptionText(_ context.Context, obj *upstream.Collection) (string, error) {
	return richtext.PlainText(collectionDescription(obj)), nil
}

// DescriptionSegments parses the application's description.
func (r *applicationResolver) DescriptionSegments(ctx context.Context, obj *upstream.Application) ([]model.RichTextSegment, error) {
	return segmentsOf(ctx, obj, applicationDescription), nil
}

// DescriptionText is the application's description without markup.
func (r *applicationResolver) DescriptionText(_ context.Context, obj *upstream.Application) (string, error) {
	return richtext.PlainText(applicationDescription(obj)), nil
}
