package sandbox

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a, b := New(), New()
	if !reflect.DeepEqual(a.Data(), b.Data()) {
		t.Fatal("two servers hold different data")
	}
	for _, target := range []string{"/charts?PerPage=-1", "/records?PerPage=50&Order=rks", "/events"} {
		x, y := serve(a, "GET", target), serve(b, "GET", target)
		if !bytes.Equal(x.Body.Bytes(), y.Body.Bytes()) {
			t.Errorf("%s differs between servers", target)
		}
	}
}

func TestDataSizes(t *testing.T) {
	d := shared().Data()
	sizes := []struct {
		name     string
		got, min int
	}{
		{"users", len(d.Users), 220}, {"regions", len(d.Regions), 12}, {"tags", len(d.Tags), 40},
		{"songs", len(d.Songs), 320}, {"charts", len(d.Charts), 1100}, {"records", len(d.Records), 5000},
		{"comments", len(d.Comments), 2000}, {"replies", len(d.Replies), 3000},
		{"events", len(d.Events), 10}, {"divisions", len(d.Divisions), 30}, {"teams", len(d.Teams), 100},
		{"authorships", len(d.Authorships), 1100}, {"hostships", len(d.Hostships), 12},
		{"relations", len(d.Relations), 1000}, {"likes", len(d.Likes), 30},
	}
	for _, s := range sizes {
		if s.got < s.min {
			t.Errorf("%d %s, want at least %d", s.got, s.name, s.min)
		}
	}
	for i, u := range d.Users {
		if u.ID != i+1 {
			t.Fatalf("user %d has ID %d", i, u.ID)
		}
	}
}

func TestDataConsistency(t *testing.T) {
	d := shared().Data()
	levels := map[ChartLevel]int{}
	hidden := 0
	for _, c := range d.Charts {
		levels[c.LevelType]++
		if c.IsHidden {
			hidden++
		}
		if d.Song(c.SongID) == nil || d.User(c.OwnerID) == nil {
			t.Fatalf("chart %s has a dangling song or owner", c.ID)
		}
	}
	for l := LevelEZ; l <= LevelCL; l++ {
		if levels[l] == 0 {
			t.Errorf("no chart at level %s", l)
		}
	}
	if hidden == 0 || hidden > len(d.Charts)/10 {
		t.Errorf("%d hidden charts, want a few", hidden)
	}

	followers, followees := map[int]int64{}, map[int]int64{}
	for _, r := range d.Relations {
		if r.Type != RelationBlacklisted {
			followers[r.FolloweeID]++
			followees[r.FollowerID]++
		}
	}
	for _, u := range d.Users {
		if u.FollowerCount != followers[u.ID] || u.FolloweeCount != followees[u.ID] {
			t.Errorf("user %d counts %d/%d, relations say %d/%d",
				u.ID, u.FollowerCount, u.FolloweeCount, followers[u.ID], followees[u.ID])
		}
	}

	replies := map[string]int{}
	for _, r := range d.Replies {
		replies[r.CommentID]++
	}
	for _, c := range d.Comments {
		if c.ReplyCount != replies[c.ID] {
			t.Errorf("comment %s replyCount %d, has %d", c.ID, c.ReplyCount, replies[c.ID])
		}
	}

	for _, r := range d.Records {
		c := d.Chart(r.ChartID)
		if r.Perfect+r.GoodEarly+r.GoodLate+r.Bad+r.Miss != c.NoteCount || r.Score > 1000000 ||
			r.MaxCombo > c.NoteCount || r.IsFullCombo != (r.Bad+r.Miss == 0) {
			t.Fatalf("record %s does not add up: %+v", r.ID, r)
		}
	}

	mentions, languages := 0, map[string]bool{}
	for _, c := range d.Comments {
		if strings.Contains(c.Content, "[PZUser:") {
			mentions++
		}
		languages[c.Language] = true
	}
	if mentions == 0 || len(languages) < 3 {
		t.Errorf("%d comments mention users in %d languages", mentions, len(languages))
	}
}
