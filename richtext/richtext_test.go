package richtext

import (
	"reflect"
	"strings"
	"testing"
)

const (
	guid  = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	guid2 = "9f8e7d6c-5b4a-4321-8fed-cba987654321"
)

func text(s string) Segment { return Segment{Text: s, Source: s} }

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Segment
	}{
		{"empty", "", nil},
		{"plain", "just words", []Segment{text("just words")}},
		{"user", "by [PZUser:12:Alice:PZRT]!", []Segment{
			text("by "),
			{Kind: User, ID: "12", Text: "Alice", Source: "[PZUser:12:Alice:PZRT]"},
			text("!"),
		}},
		{"mention", "[PZUserMention:3:Bob:PZRT] hi", []Segment{
			{Kind: UserMention, ID: "3", Text: "@Bob", Source: "[PZUserMention:3:Bob:PZRT]"},
			text(" hi"),
		}},
		{"any case", "[pzuser:3:Bob:pzrt]", []Segment{
			{Kind: User, ID: "3", Text: "Bob", Source: "[pzuser:3:Bob:pzrt]"},
		}},
		{"chart and song", "[PZChart:" + guid + ":IN 15:PZRT] of [PZSong:" + guid2 + ":Song:PZRT]", []Segment{
			{Kind: Chart, ID: guid, Text: "IN 15", Source: "[PZChart:" + guid + ":IN 15:PZRT]"},
			text(" of "),
			{Kind: Song, ID: guid2, Text: "Song", Source: "[PZSong:" + guid2 + ":Song:PZRT]"},
		}},
		{"display with colons", "[PZChapter:" + guid + ":a:b:PZRT]", []Segment{
			{Kind: Chapter, ID: guid, Text: "a:b", Source: "[PZChapter:" + guid + ":a:b:PZRT]"},
		}},
		{"lazy display stops at the first end", "[PZRecord:" + guid + ":a:PZRT]b:PZRT]", []Segment{
			{Kind: Record, ID: guid, Text: "a", Source: "[PZRecord:" + guid + ":a:PZRT]"},
			text("b:PZRT]"),
		}},
		{"comment display is greedy", "[PZComment:" + guid + ":a:PZRT]b:PZRT] c", []Segment{
			{Kind: Comment, ID: guid, Text: "a:PZRT]b", Source: "[PZComment:" + guid + ":a:PZRT]b:PZRT]"},
			text(" c"),
		}},
		{"links read before a comment stay links", "[PZComment:" + guid + ":x:PZRT] [PZUser:1:A:PZRT]", []Segment{
			{Kind: Comment, ID: guid, Text: "x", Source: "[PZComment:" + guid + ":x:PZRT]"},
			text(" "),
			{Kind: User, ID: "1", Text: "A", Source: "[PZUser:1:A:PZRT]"},
		}},
		{"long comment is cut", "[PZReply:" + guid + ":" + strings.Repeat("é", 201) + ":PZRT]", []Segment{
			{Kind: Reply, ID: guid, Text: strings.Repeat("é", 200) + "...",
				Source: "[PZReply:" + guid + ":" + strings.Repeat("é", 201) + ":PZRT]"},
		}},
		{"admission", "[PZSongAdmission:" + guid + ":" + guid2 + ":ok:PZCRT]", []Segment{
			{Kind: SongAdmission, ID: guid, OtherID: guid2, Text: "ok",
				Source: "[PZSongAdmission:" + guid + ":" + guid2 + ":ok:PZCRT]"},
		}},
		{"every other kind", "[PZCollection:a:1:PZRT][PZApplication:b:2:PZRT][PZEvent:c:3:PZRT]" +
			"[PZEventDivision:d:4:PZRT][PZEventTeam:e:5:PZRT][PZSongSubmission:f:6:PZRT]" +
			"[PZChartSubmission:a1:7:PZRT][PZCollaboration:b2:8:PZRT]", []Segment{
			{Kind: Collection, ID: "a", Text: "1", Source: "[PZCollection:a:1:PZRT]"},
			{Kind: Application, ID: "b", Text: "2", Source: "[PZApplication:b:2:PZRT]"},
			{Kind: Event, ID: "c", Text: "3", Source: "[PZEvent:c:3:PZRT]"},
			{Kind: EventDivision, ID: "d", Text: "4", Source: "[PZEventDivision:d:4:PZRT]"},
			{Kind: EventTeam, ID: "e", Text: "5", Source: "[PZEventTeam:e:5:PZRT]"},
			{Kind: SongSubmission, ID: "f", Text: "6", Source: "[PZSongSubmission:f:6:PZRT]"},
			{Kind: ChartSubmission, ID: "a1", Text: "7", Source: "[PZChartSubmission:a1:7:PZRT]"},
			{Kind: Collaboration, ID: "b2", Text: "8", Source: "[PZCollaboration:b2:8:PZRT]"},
		}},
		{"unknown kind", "[PZMoon:1:x:PZRT]", []Segment{text("[PZMoon:1:x:PZRT]")}},
		{"user ID not a number", "[PZUser:abc:x:PZRT]", []Segment{text("[PZUser:abc:x:PZRT]")}},
		{"chart ID not hexadecimal", "[PZChart:xyz:x:PZRT]", []Segment{text("[PZChart:xyz:x:PZRT]")}},
		{"empty display", "[PZUser:1::PZRT]", []Segment{text("[PZUser:1::PZRT]")}},
		{"display across lines", "[PZUser:1:a\nb:PZRT]", []Segment{text("[PZUser:1:a\nb:PZRT]")}},
		{"unclosed", "[PZUser:1:Alice", []Segment{text("[PZUser:1:Alice")}},
		{"wrong end", "[PZSong:" + guid + ":x:PZCRT]", []Segment{text("[PZSong:" + guid + ":x:PZCRT]")}},
		{"folded letters are not ASCII", "[PZUſer:1:x:PZRT]", []Segment{text("[PZUſer:1:x:PZRT]")}},
		{"stray brackets", "[[PZ]]", []Segment{text("[[PZ]]")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) =\n  %+v\nwant\n  %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"by [PZUser:12:Alice:PZRT] & [PZUserMention:3:Bob:PZRT]", "by Alice & @Bob"},
		{"[PZChart:" + guid + ":IN 15:PZRT] [PZMoon:1:x:PZRT]", "IN 15 [PZMoon:1:x:PZRT]"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParse checks that Parse never panics, that its segments give back
// the input, and that text segments are never empty or adjacent.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"", "plain", "[PZUser:1:Alice:PZRT]", "[PZUserMention:1:A:PZRT]x",
		"[PZChart:" + guid + ":IN:PZRT]", "[PZComment:" + guid + ":a:PZRT]b:PZRT]",
		"[PZSongAdmission:" + guid + ":" + guid2 + ":ok:PZCRT]", "[PZUser:1:a\nb:PZRT]",
		"[PZ", "[PZUser:1::PZRT]", "\xff[PZSong:a:\xfe:PZRT]", "[PZReply:1:" + strings.Repeat("x", 300) + ":PZRT]",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		segs := Parse(in)

		var b strings.Builder
		for i, s := range segs {
			b.WriteString(s.Source)
			if s.Source == "" {
				t.Fatalf("segment %d of %q is empty", i, in)
			}
			if !s.IsLink() && (s.Text != s.Source || i > 0 && !segs[i-1].IsLink()) {
				t.Fatalf("text segment %d of %q: %+v after %+v", i, in, s, segs[max(i-1, 0)])
			}
			if s.IsLink() && (s.ID == "" || s.Text == "") {
				t.Fatalf("link segment %d of %q lacks an ID or a text: %+v", i, in, s)
			}
		}
		if b.String() != in {
			t.Fatalf("segments of %q give back %q", in, b.String())
		}
	})
}
