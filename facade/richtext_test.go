package facade_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/richtext"
)

// segment is a RichTextSegment as the tests read it: every kind's fields
// in one struct.
type segment struct {
	Typename        string `json:"__typename"`
	Text, Source    string
	DatabaseID      string
	Mention         bool
	Kind            string
	OtherDatabaseID *string
	WebPath         string
	User            *struct{ DatabaseID, UserName string }
	Chart           *struct{ DatabaseID, Level string }
	Song            *struct{ DatabaseID, Title string }
	Record          *struct{ DatabaseID string }
	Comment         *struct{ DatabaseID string }
}

const segmentFields = `__typename text source
  ... on UserLink { databaseId mention user { databaseId userName } }
  ... on ChartLink { databaseId chart { databaseId level } }
  ... on SongLink { databaseId song { databaseId title } }
  ... on RecordLink { databaseId record { databaseId } }
  ... on CommentLink { databaseId comment { databaseId } }
  ... on ResourceLink { databaseId kind otherDatabaseId webPath }`

// The contents of 30 comments that link 30 distinct users and 30 distinct
// charts load their links in one call per type: one for the comments, one
// for the users, one for the charts.
func TestRichTextLinksLoadInOneBatchPerType(t *testing.T) {
	e := newEnv(t)
	area := e.sandbox.Data().Areas.RichText
	ids := area.LinkingComments

	var got struct {
		Comments struct {
			Nodes []struct {
				DatabaseID      string
				Content         string
				ContentText     string
				ContentSegments []segment
			}
		}
	}
	e.mustQuery(`query($ids: [ID!]) {
  comments(first: 30, filter: { rangeId: $ids }) {
    nodes { databaseId content contentText contentSegments { `+segmentFields+` } }
  }
}`, map[string]any{"ids": ids}, &got)

	total, byRoute := e.calls()
	if total != 3 || byRoute["GET /comments"] != 1 || byRoute["GET /users"] != 1 || byRoute["GET /charts"] != 1 {
		t.Errorf("calls = %d %v, want one GET /comments, one GET /users, one GET /charts", total, byRoute)
	}

	nodes := got.Comments.Nodes
	if len(nodes) != len(ids) {
		t.Fatalf("got %d comments, want %d", len(nodes), len(ids))
	}
	users, charts := map[string]bool{}, map[string]bool{}
	for _, c := range nodes {
		var source, text strings.Builder
		for _, s := range c.ContentSegments {
			source.WriteString(s.Source)
			text.WriteString(s.Text)
			switch s.Typename {
			case "UserLink":
				if s.User == nil || s.User.DatabaseID != s.DatabaseID || s.Text != s.User.UserName {
					t.Errorf("comment %s: user link %+v does not carry its user", c.DatabaseID, s)
					continue
				}
				users[s.DatabaseID] = true
			case "ChartLink":
				if s.Chart == nil || s.Chart.DatabaseID != s.DatabaseID || !strings.HasSuffix(s.Text, s.Chart.Level) {
					t.Errorf("comment %s: chart link %+v does not carry its chart", c.DatabaseID, s)
					continue
				}
				charts[s.DatabaseID] = true
			}
		}
		if source.String() != c.Content || text.String() != c.ContentText {
			t.Errorf("comment %s: segments give %q and %q, want %q and %q",
				c.DatabaseID, source.String(), text.String(), c.Content, c.ContentText)
		}
	}
	if len(users) != 30 || len(charts) != 30 {
		t.Errorf("linked %d users and %d charts, want 30 of each", len(users), len(charts))
	}
}

// Each kind of tag reads as its segment, checked against the upstream's
// own answers; unknown and broken tags stay text.
func TestRichTextSegmentKinds(t *testing.T) {
	e := newEnv(t)
	area := e.sandbox.Data().Areas.RichText
	raw := rest[restComment](e, "/comments/"+area.ShowcaseComment, nil)

	var got struct {
		Comment struct {
			Content         string
			ContentText     string
			ContentSegments []segment
		}
	}
	e.mustQuery(`query($id: ID!) { comment(id: $id) { content contentText contentSegments { `+segmentFields+` } } }`,
		map[string]any{"id": area.ShowcaseComment}, &got)
	c := got.Comment
	if c.Content != raw.Content {
		t.Fatalf("content = %q, want %q", c.Content, raw.Content)
	}

	var kinds []string
	for _, s := range c.ContentSegments {
		kind := s.Typename
		switch s.Typename {
		case "TextSegment":
			continue
		case "UserLink":
			if !s.Mention || s.User == nil || "@"+s.User.UserName != s.Text {
				t.Errorf("mention %+v", s)
			}
		case "SongLink":
			if s.Song == nil || s.DatabaseID != area.LinkedSongID || s.Song.Title != s.Text {
				t.Errorf("song link %+v, want the song %s", s, area.LinkedSongID)
			}
		case "RecordLink":
			if s.Record == nil || s.Record.DatabaseID != s.DatabaseID {
				t.Errorf("record link %+v", s)
			}
		case "CommentLink":
			if s.Comment == nil || s.Comment.DatabaseID != s.DatabaseID {
				t.Errorf("comment link %+v", s)
			}
		case "ResourceLink":
			kind += ":" + s.Kind
			want := "/chapters/" + s.DatabaseID
			if s.Kind == "SONG_ADMISSION" {
				want = "/studio/admissions/songs/" + s.DatabaseID + "/" + *s.OtherDatabaseID
			}
			if s.WebPath != want {
				t.Errorf("%s link: webPath %q, want %q", s.Kind, s.WebPath, want)
			}
		}
		kinds = append(kinds, kind)
	}
	want := "UserLink SongLink RecordLink CommentLink ResourceLink:CHAPTER ResourceLink:SONG_ADMISSION"
	if strings.Join(kinds, " ") != want {
		t.Errorf("links %v, want %s", kinds, want)
	}
	if !strings.HasSuffix(c.ContentText, "[PZMoon:1:unknown:PZRT] [PZUser:x:broken:PZRT]") ||
		strings.Contains(c.ContentText, "[PZSong") {
		t.Errorf("contentText = %q", c.ContentText)
	}
}

// Author names, descriptions and biographies give segments and text too:
// the charters linked in the author names of a page of charts are one call.
func TestRichTextAuthorNames(t *testing.T) {
	e := newEnv(t)
	q := url.Values{"PerPage": {"20"}, "ContainsAuthorName": {"PZUser"}, "Order": {"DateCreated"}, "Desc": {"true"}}
	want := rest[[]struct {
		ID         string  `json:"id"`
		AuthorName *string `json:"authorName"`
	}](e, "/charts", q)

	var got struct {
		Charts struct {
			Nodes []struct {
				DatabaseID         string
				AuthorName         *string
				AuthorNameText     string
				AuthorNameSegments []segment
				DescriptionText    string
				Song               struct {
					AuthorNameText, DescriptionText string
				}
			}
		}
	}
	e.mustQuery(`{ charts(first: 20, filter: { containsAuthorName: "PZUser" }) { nodes {
  databaseId authorName authorNameText authorNameSegments { `+segmentFields+` }
  descriptionText song { authorNameText descriptionText }
} } }`, nil, &got)
	if _, byRoute := e.calls(); byRoute["GET /users"] != 1 {
		t.Errorf("calls = %v, want one GET /users for every charter", byRoute)
	}

	if len(got.Charts.Nodes) != len(want) || len(want) == 0 {
		t.Fatalf("got %d charts, want %d", len(got.Charts.Nodes), len(want))
	}
	for i, c := range got.Charts.Nodes {
		if c.DatabaseID != want[i].ID || *c.AuthorName != *want[i].AuthorName {
			t.Fatalf("chart %d = %s %q, want %s %q", i, c.DatabaseID, *c.AuthorName, want[i].ID, *want[i].AuthorName)
		}
		linked := 0
		for _, s := range c.AuthorNameSegments {
			if s.Typename == "UserLink" {
				if s.User == nil || s.User.DatabaseID != s.DatabaseID {
					t.Errorf("chart %s: charter %+v not loaded", c.DatabaseID, s)
				}
				linked++
			}
		}
		if linked == 0 || strings.Contains(c.AuthorNameText, "[PZUser") {
			t.Errorf("chart %s: %d linked charters, text %q", c.DatabaseID, linked, c.AuthorNameText)
		}
	}
}

// Every rich text field gives segments whose sources are the raw field and
// a text that is the raw field without markup.
func TestRichTextEveryField(t *testing.T) {
	fields := []struct{ name, doc string }{
		{"Chart.description", `{ x: charts(first: 10) { nodes {
			raw: description text: descriptionText segments: descriptionSegments { source } } } }`},
		{"Song.authorName", `{ x: songs(first: 10, filter: { containsAuthorName: "PZUser" }) { nodes {
			raw: authorName text: authorNameText segments: authorNameSegments { source } } } }`},
		{"Song.description", `{ x: songs(first: 10) { nodes {
			raw: description text: descriptionText segments: descriptionSegments { source } } } }`},
		{"Event.description", `{ x: events(first: 5) { nodes {
			raw: description text: descriptionText segments: descriptionSegments { source } } } }`},
		{"EventDivision.description", `{ events(first: 1) { nodes { x: divisions(first: 5) { nodes {
			raw: description text: descriptionText segments: descriptionSegments { source } } } } } }`},
		{"User.biography", `{ x: users(first: 10) { nodes {
			raw: biography text: biographyText segments: biographySegments { source } } } }`},
		{"Announcement.content", `{ x: announcements(first: 5) { nodes {
			raw: content text: contentText segments: contentSegments { source } } } }`},
		{"Chapter.description", `{ x: chapters(first: 5) { nodes {
			raw: description text: descriptionText segments: descriptionSegments { source } } } }`},
		{"Collection.description", `{ x: collections(first: 5) { nodes {
			raw: description text: descriptionText segments: descriptionSegments { source } } } }`},
		{"Application.description", `{ x: applications(first: 5) { nodes {
			raw: description text: descriptionText segments: descriptionSegments { source } } } }`},
		{"Reply.content", `{ comments(first: 1, orderBy: [{ field: REPLY_COUNT, direction: DESC }]) { nodes {
			x: replies(first: 10) { nodes { raw: content text: contentText segments: contentSegments { source } } } } } }`},
	}
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			e := newEnv(t)
			var data map[string]any
			e.mustQuery(f.doc, nil, &data)
			var conn struct {
				Nodes []struct {
					Raw      *string
					Text     string
					Segments []struct{ Source string }
				}
			}
			decodeField(t, data, "x", &conn)
			if len(conn.Nodes) == 0 {
				t.Fatal("no objects")
			}
			for i, n := range conn.Nodes {
				raw := ""
				if n.Raw != nil {
					raw = *n.Raw
				}
				var source strings.Builder
				for _, s := range n.Segments {
					source.WriteString(s.Source)
				}
				if source.String() != raw || n.Text != richtext.PlainText(raw) {
					t.Errorf("node %d: sources %q and text %q of %q", i, source.String(), n.Text, raw)
				}
			}
		})
	}
}
