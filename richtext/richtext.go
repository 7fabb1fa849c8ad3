package richtext

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Kind is what a link segment links to; the zero Kind is plain text.
type Kind string

// The kinds of the web client, in the order it applies them.
const (
	Text                    Kind = ""
	User                    Kind = "User"
	UserMention             Kind = "UserMention"
	Chapter                 Kind = "Chapter"
	Collection              Kind = "Collection"
	Song                    Kind = "Song"
	Chart                   Kind = "Chart"
	Record                  Kind = "Record"
	Application             Kind = "Application"
	Comment                 Kind = "Comment"
	Reply                   Kind = "Reply"
	Event                   Kind = "Event"
	EventDivision           Kind = "EventDivision"
	EventTeam               Kind = "EventTeam"
	SongSubmission          Kind = "SongSubmission"
	ChartSubmission         Kind = "ChartSubmission"
	Collaboration           Kind = "Collaboration"
	ChapterAdmission        Kind = "ChapterAdmission"
	CollectionAdmission     Kind = "CollectionAdmission"
	SongAdmission           Kind = "SongAdmission"
	SongSubmissionAdmission Kind = "SongSubmissionAdmission"
)

// A Segment is a run of the input: plain text, or one tag read as a link.
type Segment struct {
	// Kind is what the segment links to; Text for plain text.
	Kind Kind
	// ID is the linked resource's ID as written (a user's number, a GUID
	// for the rest); for admissions, the admitter's. Empty for text.
	ID string
	// OtherID is the admittee's ID of an admission link, and empty
	// otherwise.
	OtherID string
	// Text is what a reader sees: the text itself, or the link's display
	// text as the web client shows it (a mention starts with "@"; comments
	// and replies are cut after 200 characters, with "...").
	Text string
	// Source is the segment's part of the input, unchanged.
	Source string
}

// IsLink reports whether the segment is a link.
func (s Segment) IsLink() bool { return s.Kind != Text }

// commentCut is how many characters of a comment or reply the web client
// shows in a link.
const commentCut = 200

// rule reads one kind of tag.
type rule struct {
	kind Kind
	re   *regexp.Regexp
}

const (
	digits = `(\d+)`
	hexID  = `([-0-9a-fA-F]+)`
	// A display is at least one character of one line (JavaScript's "."
	// stops at \n, \r, U+2028 and U+2029); the web client reads the
	// displays of comments and replies greedily, to the line's last end.
	char   = `[^\n\r\x{2028}\x{2029}]`
	lazy   = `(` + char + `+?)`
	greedy = `(` + char + `+)`
)

func tag(kind Kind, ids []string, display, end string) rule {
	expr := `\[` + anyCase("PZ"+string(kind)) + `:` + strings.Join(ids, ":") + `:` + display + `:` +
		anyCase(end) + `\]`
	return rule{kind: kind, re: regexp.MustCompile(expr)}
}

// anyCase matches word in any ASCII case, as JavaScript's /i does; Go's
// (?i) would also fold letters such as U+017F (ſ) into s.
func anyCase(word string) string {
	var b strings.Builder
	for _, c := range word {
		b.WriteString("[" + strings.ToUpper(string(c)) + strings.ToLower(string(c)) + "]")
	}
	return b.String()
}

// rules are the web client's patterns, in its order. UserMention is read
// by the User rule, as in the web client.
var rules = []rule{
	{kind: User, re: regexp.MustCompile(`\[` + anyCase("PZUser") + `(` + anyCase("Mention") + `)?:` +
		digits + `:` + lazy + `:` + anyCase("PZRT") + `\]`)},
	tag(Chapter, []string{hexID}, lazy, "PZRT"),
	tag(Collection, []string{hexID}, lazy, "PZRT"),
	tag(Song, []string{hexID}, lazy, "PZRT"),
	tag(Chart, []string{hexID}, lazy, "PZRT"),
	tag(Record, []string{hexID}, lazy, "PZRT"),
	tag(Application, []string{hexID}, lazy, "PZRT"),
	tag(Comment, []string{hexID}, greedy, "PZRT"),
	tag(Reply, []string{hexID}, greedy, "PZRT"),
	tag(Event, []string{hexID}, lazy, "PZRT"),
	tag(EventDivision, []string{hexID}, lazy, "PZRT"),
	tag(EventTeam, []string{hexID}, lazy, "PZRT"),
	tag(SongSubmission, []string{hexID}, lazy, "PZRT"),
	tag(ChartSubmission, []string{hexID}, lazy, "PZRT"),
	tag(Collaboration, []string{hexID}, lazy, "PZRT"),
	tag(ChapterAdmission, []string{hexID, hexID}, lazy, "PZCRT"),
	tag(CollectionAdmission, []string{hexID, hexID}, lazy, "PZCRT"),
	tag(SongAdmission, []string{hexID, hexID}, lazy, "PZCRT"),
	tag(SongSubmissionAdmission, []string{hexID, hexID}, lazy, "PZCRT"),
}

// Parse splits s into text and link segments. Adjacent text is one
// segment; an empty s gives no segments.
func Parse(s string) []Segment {
	if s == "" {
		return nil
	}
	segs := []Segment{{Text: s, Source: s}}
	if !strings.Contains(s, "[") {
		return segs
	}
	for _, r := range rules {
		segs = r.apply(segs)
	}
	return segs
}

// apply reads r's tags in the text segments of segs.
func (r rule) apply(segs []Segment) []Segment {
	out := make([]Segment, 0, len(segs))
	for _, seg := range segs {
		if seg.IsLink() {
			out = append(out, seg)
			continue
		}
		rest := seg.Source
		for _, m := range r.re.FindAllStringSubmatchIndex(seg.Source, -1) {
			before := seg.Source[len(seg.Source)-len(rest) : m[0]]
			if before != "" {
				out = append(out, Segment{Text: before, Source: before})
			}
			out = append(out, r.link(seg.Source, m))
			rest = seg.Source[m[1]:]
		}
		if rest != "" {
			out = append(out, Segment{Text: rest, Source: rest})
		}
	}
	return out
}

// link makes the segment of one match m of r in s.
func (r rule) link(s string, m []int) Segment {
	group := func(i int) string { return s[m[2*i]:m[2*i+1]] }
	seg := Segment{Kind: r.kind, Source: s[m[0]:m[1]]}
	switch {
	case r.kind == User:
		if m[2] >= 0 {
			seg.Kind = UserMention
		}
		seg.ID, seg.Text = group(2), group(3)
		if seg.Kind == UserMention {
			seg.Text = "@" + seg.Text
		}
	case r.re.NumSubexp() == 3:
		seg.ID, seg.OtherID, seg.Text = group(1), group(2), group(3)
	default:
		seg.ID, seg.Text = group(1), group(2)
	}
	if r.kind == Comment || r.kind == Reply {
		seg.Text = cut(seg.Text, commentCut)
	}
	return seg
}

// cut shortens s to n characters (code points; the web client counts
// UTF-16 units) and "...", when it is longer.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n]) + "..."
}

// Plain renders segments as the text a reader sees, without markup.
func Plain(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// PlainText is Plain(Parse(s)).
func PlainText(s string) string { return Plain(Parse(s)) }
