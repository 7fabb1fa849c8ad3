package sandbox

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestLeaderboard(t *testing.T) {
	s := shared()
	d := s.Data()
	var chart string
	for _, c := range d.Charts {
		if !c.IsLocked && len(d.Leaderboard(c.ID)) >= 15 {
			chart = c.ID
			break
		}
	}
	board, a := list[recordOut](t, s, "/charts/"+chart+"/leaderboard")
	if len(board) != 10 || a.Total != nil {
		t.Fatalf("got %d entries (total %v), want 10 and no paging", len(board), a.Total)
	}
	for i, r := range board {
		if r.Position == nil || *r.Position != i+1 || r.Chart != nil || r.Owner == nil ||
			r.Owner.ID != *r.OwnerID {
			t.Errorf("entry %d = %+v", i, r)
		}
		if i > 0 && r.Rks > board[i-1].Rks {
			t.Errorf("entry %d has more rks than entry %d", i, i-1)
		}
	}

	// Alice ranks low somewhere: she sees the top and her neighbourhood.
	for _, c := range d.Charts {
		full := d.Leaderboard(c.ID)
		rank := slices.IndexFunc(full, func(r Record) bool { return r.OwnerID == 2 }) + 1
		if c.IsLocked || rank < 5 || rank == len(full) {
			continue
		}
		target := "/charts/" + c.ID + "/leaderboard?TopRange=2&NeighborhoodRange=1"
		board, _ := list[recordOut](t, s, target, token("sandbox-alice-token"))
		var got []int
		for _, r := range board {
			got = append(got, *r.Position)
		}
		if want := []int{1, 2, rank - 1, rank, rank + 1}; !slices.Equal(got, want) {
			t.Errorf("positions = %v, want %v", got, want)
		}
		if *board[3].OwnerID != 2 {
			t.Errorf("entry at alice's rank belongs to %d", *board[3].OwnerID)
		}
		return
	}
	t.Error("alice ranks fifth or lower on no chart")
}

func TestCallerDependentFields(t *testing.T) {
	s := shared()
	d := s.Data()
	alice := token("sandbox-alice-token")

	var liked string
	for _, l := range d.Likes {
		if l.OwnerID == 2 && d.Chart(l.ResourceID) != nil {
			liked = l.ResourceID
		}
	}
	c, _ := one[chartOut](t, s, "/charts/"+liked, alice)
	if c.DateLiked == nil {
		t.Error("alice's liked chart has no dateLiked for her")
	}
	if c, _ := one[chartOut](t, s, "/charts/"+liked); c.DateLiked != nil || c.PersonalBestScore != nil {
		t.Error("anonymous caller sees dateLiked or personal bests")
	}

	var played Record
	for _, r := range d.Records {
		if r.OwnerID == 2 && (played.ID == "" || r.Score > played.Score) {
			played = r
		}
	}
	c, _ = one[chartOut](t, s, "/charts/"+played.ChartID, alice)
	if c.PersonalBestScore == nil || *c.PersonalBestScore < played.Score || c.PersonalBestRks == nil {
		t.Errorf("personal best = %v, want at least %d", c.PersonalBestScore, played.Score)
	}

	followees, _ := list[userOut](t, s, "/users/2/followees?PerPage=-1", alice)
	for _, u := range followees {
		if u.DateFollowed == nil {
			t.Errorf("alice's followee %d has no dateFollowed for her", u.ID)
		}
	}
	if u, _ := one[userOut](t, s, "/users/1", alice); u.DateFollowed == nil {
		t.Error("alice follows user 1, /users/1 shows no dateFollowed")
	}
}

func TestVisibility(t *testing.T) {
	s := shared()
	d := s.Data()
	future := d.Events[len(d.Events)-1]
	if a := get(t, s, "/events/"+future.ID); a.code != 404 {
		t.Errorf("future event to anonymous: got %d, want 404", a.code)
	}
	for _, tok := range []string{"sandbox-bob-token", "sandbox-admin-token"} {
		if a := get(t, s, "/events/"+future.ID, token(tok)); a.code != 200 {
			t.Errorf("future event to %s: got %d, want 200", tok, a.code)
		}
	}
	anon, a := list[chartOut](t, s, "/charts?PerPage=-1&Page=2")
	_, b := list[chartOut](t, s, "/charts?PerPage=-1", token("sandbox-admin-token"))
	if *b.Total != len(d.Charts) || *a.Total >= *b.Total || len(anon) != *a.Total-1000 {
		t.Errorf("anonymous sees %d charts, administrator %d, of %d", *a.Total, *b.Total, len(d.Charts))
	}
	for _, c := range anon {
		if c.IsHidden {
			t.Fatalf("anonymous list shows hidden chart %s", c.ID)
		}
	}
}

func TestUpdate(t *testing.T) {
	s := New()
	id := s.Data().Charts[0].ID
	s.Update(func(d *Data) { d.Charts[0].LevelType = 99 })
	var raw map[string]json.RawMessage
	_, a := one[chartOut](t, s, "/charts/"+id)
	if err := json.Unmarshal(a.Data, &raw); err != nil || string(raw["levelType"]) != "99" {
		t.Errorf("levelType = %s, want 99", raw["levelType"])
	}
	s.Update(func(d *Data) { d.Charts = d.Charts[1:] })
	if a := get(t, s, "/charts/"+id); a.code != 404 {
		t.Errorf("removed chart: got %d, want 404", a.code)
	}
}

func TestShapes(t *testing.T) {
	s := shared()
	d := s.Data()
	song, _ := one[songOut](t, s, "/songs/"+d.Songs[0].ID)
	if len(song.ChartLevels) != 9 || !strings.HasPrefix(song.Duration, "00:") {
		t.Errorf("song = %+v, want nine chart levels and a TimeSpan duration", song)
	}
	rec, _ := one[recordOut](t, s, "/records/"+d.Records[0].ID)
	if rec.Chart == nil || rec.Owner == nil || rec.Chart.Song == nil {
		t.Errorf("record = %+v, want its chart (with song) and owner", rec)
	}
	a := get(t, s, "/users/1")
	for _, want := range []string{`"role":"Administrator"`, `"region":{"id":47,"code":"CN","name":"China"}`,
		`"applicationLinks":[]`, `"dateFollowed":null`} {
		if !strings.Contains(string(a.Data), want) {
			t.Errorf("user 1 lacks %s: %s", want, a.Data)
		}
	}
}
