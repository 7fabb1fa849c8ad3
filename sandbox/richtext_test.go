package sandbox

import (
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/richtext"
)

// The rich text area adds comments on one visible song, each linking a
// user and a chart no other of them links, and one comment with a tag of
// every kind; the same every time.
func TestRichTextData(t *testing.T) {
	d := shared().Data()
	area := d.Areas.RichText
	song := d.Song(area.LinkedSongID)
	if song == nil || song.IsHidden || song.IsLocked {
		t.Fatalf("linked song %s is missing, hidden or locked", area.LinkedSongID)
	}
	if len(area.LinkingComments) != linkingCommentCount || area.ShowcaseComment == "" {
		t.Fatalf("%d linking comments and showcase %q", len(area.LinkingComments), area.ShowcaseComment)
	}

	users, charts := map[string]bool{}, map[string]bool{}
	for _, id := range area.LinkingComments {
		c := d.Comment(id)
		if c == nil || c.ResourceID != song.ID {
			t.Fatalf("comment %s is not on the linked song", id)
		}
		for _, s := range richtext.Parse(c.Content) {
			switch s.Kind {
			case richtext.User:
				n, _ := strconv.Atoi(s.ID)
				if u := d.User(n); u == nil || u.UserName != s.Text {
					t.Errorf("comment %s links user %s %q, which does not exist by that name", id, s.ID, s.Text)
				}
				users[s.ID] = true
			case richtext.Chart:
				if ch := d.Chart(s.ID); ch == nil || ch.IsHidden || ch.IsLocked {
					t.Errorf("comment %s links chart %s, which is missing, hidden or locked", id, s.ID)
				}
				charts[s.ID] = true
			}
		}
	}
	if len(users) != linkingCommentCount || len(charts) != linkingCommentCount {
		t.Errorf("%d distinct users and %d distinct charts linked, want %d of each", len(users), len(charts), linkingCommentCount)
	}

	showcase := d.Comment(area.ShowcaseComment)
	kinds := map[richtext.Kind]bool{}
	for _, s := range richtext.Parse(showcase.Content) {
		kinds[s.Kind] = true
	}
	for _, k := range []richtext.Kind{richtext.UserMention, richtext.Song, richtext.Record, richtext.Comment,
		richtext.Chapter, richtext.SongAdmission} {
		if !kinds[k] {
			t.Errorf("the showcase comment has no %s link: %q", k, showcase.Content)
		}
	}

	if again := New().Data().Areas.RichText; !reflect.DeepEqual(again, area) {
		t.Errorf("a second sandbox has other rich text data: %+v", again)
	}
}

// A user's personal bests and best records are their best plays on ranked
// charts, best RKS first.
func TestRichTextBestReads(t *testing.T) {
	s := shared()
	d := s.Data()
	owner := d.Records[0].OwnerID
	path := "/users/" + strconv.Itoa(owner)

	bests, a := one[personalBests](t, s, path+"/personalBests")
	if a.code != http.StatusOK || a.head.Get("ETag") != "" || a.Total != nil {
		t.Fatalf("personalBests: %d, ETag %q, total %v", a.code, a.head.Get("ETag"), a.Total)
	}
	best, la := list[Record](t, s, path+"/bestRecords?PerPage=1000")
	if len(bests.Best27) != min(27, len(best)) || la.Total == nil || *la.Total != len(best) {
		t.Fatalf("best27 has %d records, bestRecords %d", len(bests.Best27), len(best))
	}
	seen := map[string]bool{}
	for i, r := range best {
		if r.OwnerID != owner || !d.Chart(r.ChartID).IsRanked || seen[r.ChartID] || r.Chart == nil {
			t.Errorf("best record %d: %+v", i, r)
		}
		if i > 0 && r.Rks > best[i-1].Rks {
			t.Errorf("best record %d ranks above %d", i, i-1)
		}
		if i < len(bests.Best27) && bests.Best27[i].ID != r.ID {
			t.Errorf("best27[%d] = %s, want %s", i, bests.Best27[i].ID, r.ID)
		}
		seen[r.ChartID] = true
	}
	for _, r := range bests.Phi3 {
		if r.Score != 1000000 || r.OwnerID != owner {
			t.Errorf("phi3 record %+v", r)
		}
	}

	if a := get(t, s, "/users/99999/bestRecords"); a.code != http.StatusNotFound || a.Code != codeUserNotFound {
		t.Errorf("best records of a missing user: %d %s", a.code, a.Code)
	}
	if a := get(t, s, "/users/99999/personalBests"); a.code != http.StatusOK || !strings.Contains(string(a.Data), `"best27":[]`) {
		t.Errorf("personal bests of a missing user: %d %s", a.code, a.Data)
	}
}
