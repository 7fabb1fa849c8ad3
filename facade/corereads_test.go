package facade_test

import (
	"net/url"
	"strconv"
	"testing"
)

func init() {
	unreachable["/regions/{code}/users"] = "the same list as /regions/{id}/users, which Region.users " +
		"reads by the region's ID (every region the facade holds has one)"
	newerReads = append(newerReads, "/users/{id}/bestRecords", "/charts/{id}/tapTap")
	unreachable["/charts/{id}/tapTap"] = "reads a chart as a TapTap ghost account: it needs TapTap " +
		"credentials, and neither the C# source nor the web client gives its route (inferred)"
}

// restRecord is the part of the upstream's RecordDto the tests compare.
type restRecord struct {
	ID      string  `json:"id"`
	Score   int     `json:"score"`
	Rks     float64 `json:"rks"`
	ChartID string  `json:"chartId"`
	OwnerID int     `json:"ownerId"`
}

// assertRoutes fails unless the last query read each route exactly once.
func assertRoutes(t *testing.T, e *env, routes ...string) {
	t.Helper()
	_, byRoute := e.calls()
	for _, r := range routes {
		if byRoute["GET "+r] != 1 {
			t.Errorf("calls = %v, want one GET %s", byRoute, r)
		}
	}
}

// A song by ID with its charts and comments reads the song's own routes.
func TestCoreReadSong(t *testing.T) {
	e := newEnv(t)
	id := e.sandbox.Data().Areas.RichText.LinkedSongID
	want := rest[struct {
		Title string `json:"title"`
	}](e, "/songs/"+id, nil)
	wantCharts := rest[[]restChart](e, "/songs/"+id+"/charts", url.Values{"Order": {"DateCreated"}, "Desc": {"true"}})
	wantComments := restTotal(e, "/songs/"+id+"/comments", nil)

	var got struct {
		Song struct {
			Title  string
			Charts struct {
				Nodes []struct{ DatabaseID, Level string }
			}
			Comments struct {
				TotalCount int
				Nodes      []struct{ ResourceID string }
			}
		}
	}
	e.mustQuery(`query($id: ID!) { song(id: $id) {
  title charts(first: 50) { nodes { databaseId level } }
  comments(first: 5) { totalCount nodes { resourceId } }
} }`, map[string]any{"id": id}, &got)
	assertRoutes(t, e, "/songs/{id}", "/songs/{id}/charts", "/songs/{id}/comments")

	s := got.Song
	if s.Title != want.Title || s.Comments.TotalCount != wantComments || wantComments < 31 {
		t.Errorf("song %q with %d comments, want %q with %d", s.Title, s.Comments.TotalCount, want.Title, wantComments)
	}
	if len(s.Charts.Nodes) != len(wantCharts) || len(wantCharts) == 0 {
		t.Fatalf("%d charts, want %d", len(s.Charts.Nodes), len(wantCharts))
	}
	for i, c := range s.Charts.Nodes {
		if c.DatabaseID != wantCharts[i].ID || c.Level != wantCharts[i].Level {
			t.Errorf("chart %d = %+v, want %s %s", i, c, wantCharts[i].ID, wantCharts[i].Level)
		}
	}
	for _, c := range s.Comments.Nodes {
		if c.ResourceID != id {
			t.Errorf("comment on %s, want on %s", c.ResourceID, id)
		}
	}
}

// Records, comments, replies and authorships read by ID give the upstream's
// values.
func TestCoreReadByID(t *testing.T) {
	e := newEnv(t)
	d := e.sandbox.Data()
	record, comment, reply := d.Records[7], d.Comments[11], d.Replies[13]
	authorship := d.Authorships[17]

	var got struct {
		Record struct {
			DatabaseID string
			Score      int
			Rks        float64
			Chart      struct{ DatabaseID string }
		}
		Comment struct{ DatabaseID, Content, ResourceID string }
		Reply   struct {
			Content string
			Comment struct{ DatabaseID string }
		}
		Authorship struct {
			Position *string
			User     struct{ DatabaseID string }
		}
	}
	e.mustQuery(`query($record: ID!, $comment: ID!, $reply: ID!, $authorship: ID!) {
  record(id: $record) { databaseId score rks chart { databaseId } }
  comment(id: $comment) { databaseId content resourceId }
  reply(id: $reply) { content comment { databaseId } }
  authorship(id: $authorship) { position user { databaseId } }
}`, map[string]any{"record": record.ID, "comment": comment.ID, "reply": reply.ID, "authorship": authorship.ID}, &got)
	assertRoutes(t, e, "/records/{id}", "/comments/{id}", "/replies/{id}", "/authorships/{id}")

	wantRecord := rest[restRecord](e, "/records/"+record.ID, nil)
	if r := got.Record; r.DatabaseID != wantRecord.ID || r.Score != wantRecord.Score || r.Rks != wantRecord.Rks ||
		r.Chart.DatabaseID != wantRecord.ChartID {
		t.Errorf("record = %+v, want %+v", r, wantRecord)
	}
	wantComment := rest[restComment](e, "/comments/"+comment.ID, nil)
	if c := got.Comment; c.Content != wantComment.Content || c.ResourceID != wantComment.ResourceID {
		t.Errorf("comment = %+v, want %+v", c, wantComment)
	}
	wantReply := rest[struct {
		Content   string `json:"content"`
		CommentID string `json:"commentId"`
	}](e, "/replies/"+reply.ID, nil)
	if r := got.Reply; r.Content != wantReply.Content || r.Comment.DatabaseID != wantReply.CommentID {
		t.Errorf("reply = %+v, want %+v", r, wantReply)
	}
	wantAuthor := rest[struct {
		ID       int     `json:"id"`
		Position *string `json:"position"`
	}](e, "/authorships/"+authorship.ID, nil)
	if a := got.Authorship; a.User.DatabaseID != strconv.Itoa(wantAuthor.ID) ||
		(a.Position == nil) != (wantAuthor.Position == nil) || a.Position != nil && *a.Position != *wantAuthor.Position {
		t.Errorf("authorship = %+v, want %+v", a, wantAuthor)
	}
}

// region(code:) takes a code or an ID; a region's users come from its own
// route.
func TestCoreReadRegion(t *testing.T) {
	e := newEnv(t)
	regions := rest[[]struct {
		ID   int    `json:"id"`
		Code string `json:"code"`
		Name string `json:"name"`
	}](e, "/regions", nil)
	want := regions[0]
	wantUsers := restTotal(e, "/regions/"+strconv.Itoa(want.ID)+"/users", nil)

	tests := []struct{ name, code, route string }{
		{"by code", want.Code, "/regions/{code}"},
		{"by ID", strconv.Itoa(want.ID), "/regions/{id}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			var got struct {
				Region struct {
					DatabaseID, Code, Name string
					Users                  struct {
						TotalCount int
						Nodes      []struct{ Region struct{ Code string } }
					}
				}
			}
			e.mustQuery(`query($code: String!) { region(code: $code) {
  databaseId code name users(first: 3, orderBy: [{ field: ID, direction: DESC }]) { totalCount nodes { region { code } } }
} }`, map[string]any{"code": tt.code}, &got)
			assertRoutes(t, e, tt.route, "/regions/{id}/users")

			r := got.Region
			if r.DatabaseID != strconv.Itoa(want.ID) || r.Code != want.Code || r.Name != want.Name {
				t.Errorf("region = %+v, want %+v", r, want)
			}
			if r.Users.TotalCount != wantUsers || wantUsers == 0 {
				t.Errorf("users: total %d, want %d", r.Users.TotalCount, wantUsers)
			}
			for _, u := range r.Users.Nodes {
				if u.Region.Code != want.Code {
					t.Errorf("a user of %s is in %s", want.Code, u.Region.Code)
				}
			}
		})
	}

	for _, bad := range []string{"0", "-3", "C", "CN1"} {
		a := e.query(`query($code: String!) { region(code: $code) { id } }`, map[string]any{"code": bad}, "", nil)
		if n, _ := e.calls(); len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || n != 0 {
			t.Errorf("region(code: %q): %d calls, errors %+v; want BAD_USER_INPUT", bad, n, a.Errors)
		}
	}
}

// A user's followees, personal bests and best records.
func TestCoreReadUserBests(t *testing.T) {
	e := newEnv(t)
	d := e.sandbox.Data()
	plays := map[int]int{}
	for _, r := range d.Records {
		if c := d.Chart(r.ChartID); c != nil && c.IsRanked {
			plays[r.OwnerID]++
		}
	}
	id := 0
	for u, n := range plays {
		if n > plays[id] || n == plays[id] && u < id {
			id = u
		}
	}
	path := "/users/" + strconv.Itoa(id)
	wantBests := rest[struct {
		Phi3   []restRecord `json:"phi3"`
		Best27 []restRecord `json:"best27"`
	}](e, path+"/personalBests", nil)
	wantBest := rest[[]restRecord](e, path+"/bestRecords", url.Values{"PerPage": {"5"}})
	wantBestTotal := restTotal(e, path+"/bestRecords", nil)
	wantFollowees := restTotal(e, path+"/followees", nil)

	type record struct {
		DatabaseID string
		Rks        float64
		Chart      struct{ DatabaseID string }
	}
	var got struct {
		User struct {
			Followees     struct{ TotalCount int }
			PersonalBests struct{ Phi3, Best27 []record }
			BestRecords   struct {
				TotalCount int
				Nodes      []record
			}
		}
	}
	e.mustQuery(`query($id: ID!) { user(id: $id) {
  followees(first: 3) { totalCount }
  personalBests { phi3 { databaseId rks chart { databaseId } } best27 { databaseId rks chart { databaseId } } }
  bestRecords(first: 5) { totalCount nodes { databaseId rks chart { databaseId } } }
} }`, map[string]any{"id": strconv.Itoa(id)}, &got)
	assertRoutes(t, e, "/users/{id}/followees", "/users/{id}/personalBests", "/users/{id}/bestRecords")

	u := got.User
	if u.Followees.TotalCount != wantFollowees {
		t.Errorf("followees: %d, want %d", u.Followees.TotalCount, wantFollowees)
	}
	same := func(name string, got []record, want []restRecord) {
		if len(got) != len(want) {
			t.Errorf("%s: %d records, want %d", name, len(got), len(want))
			return
		}
		for i := range got {
			if got[i].DatabaseID != want[i].ID || got[i].Rks != want[i].Rks || got[i].Chart.DatabaseID != want[i].ChartID {
				t.Errorf("%s[%d] = %+v, want %+v", name, i, got[i], want[i])
			}
		}
	}
	same("phi3", u.PersonalBests.Phi3, wantBests.Phi3)
	same("best27", u.PersonalBests.Best27, wantBests.Best27)
	same("bestRecords", u.BestRecords.Nodes, wantBest)
	if len(wantBests.Best27) == 0 || u.BestRecords.TotalCount != wantBestTotal {
		t.Errorf("best27 has %d records, bestRecords total %d (want %d)", len(wantBests.Best27),
			u.BestRecords.TotalCount, wantBestTotal)
	}
}

// The personal bests of a page of users cost one call per user and one
// for the page, however they are timed.
func TestCoreReadPersonalBestsOfAList(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Users struct {
			Nodes []struct {
				DatabaseID    string
				PersonalBests struct{ Best27 []struct{ DatabaseID string } }
			}
		}
	}
	e.mustQuery(`{ users(first: 8, orderBy: [{ field: RKS, direction: DESC }]) {
  nodes { databaseId personalBests { best27 { databaseId } } }
} }`, nil, &got)
	if n, byRoute := e.calls(); n != 9 || byRoute["GET /users/{id}/personalBests"] != 8 {
		t.Errorf("calls = %d %v, want one list and 8 personal bests", n, byRoute)
	}
	for _, u := range got.Users.Nodes {
		want := rest[struct {
			Best27 []restRecord `json:"best27"`
		}](e, "/users/"+u.DatabaseID+"/personalBests", nil)
		if len(u.PersonalBests.Best27) != len(want.Best27) {
			t.Errorf("user %s: %d best plays, want %d", u.DatabaseID, len(u.PersonalBests.Best27), len(want.Best27))
		}
	}
}
