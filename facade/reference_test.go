package facade_test

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"testing"
)

// The reference operations of the product: each must run unchanged, and
// its upstream cost is part of the contract.
const (
	chartListOp = `query ChartList {
  charts(first: 30, filter: { isRanked: true, minDifficulty: 10 },
         orderBy: [{ field: DIFFICULTY, direction: DESC }]) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes {
      id title level levelType difficulty isRanked
      song { id title duration }
      owner { id userName region { code } }
    }
  }
}`
	chartPageOp = `query ChartPage($id: ID!) {
  chart(id: $id) {
    id level levelType difficulty noteCount rating likeCount dateCreated
    song { id title authorName bpm }
    owner { id userName }
    authors { position user { id userName } }
    tags { name }
    leaderboard(top: 5) { position score accuracy owner { userName } }
    comments(first: 5) {
      totalCount
      nodes {
        content owner { userName }
        replies(first: 3) { totalCount nodes { content owner { userName } } }
      }
    }
  }
}`
	userPageOp = `query UserPage($id: ID!) {
  user(id: $id) {
    id userName gender role rks followerCount dateJoined
    region { code name }
    followers(first: 5) { totalCount nodes { id userName } }
    charts(first: 10) { totalCount nodes { id level difficulty song { title } } }
  }
}`
	eventPageOp = `query EventPage($id: ID!) {
  event(id: $id) {
    id title subtitle dateUnveiled
    hosts { position user { userName } }
    divisions(first: 10) {
      totalCount
      nodes { id title type status dateStarted dateEnded entryCount }
    }
  }
}`
	viewerOp = `query Viewer { me { id userName } }`
)

// restUser is the part of the upstream's UserDto the tests compare.
type restUser struct {
	ID       int    `json:"id"`
	UserName string `json:"userName"`
	Region   struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"region"`
	FollowerCount int `json:"followerCount"`
}

type restChart struct {
	ID         string  `json:"id"`
	Difficulty float64 `json:"difficulty"`
	LevelType  int     `json:"levelType"`
	Level      string  `json:"level"`
	NoteCount  int     `json:"noteCount"`
	LikeCount  int     `json:"likeCount"`
	SongID     string  `json:"songId"`
	OwnerID    *int    `json:"ownerId"`
	Song       struct {
		Title string  `json:"title"`
		Bpm   float64 `json:"bpm"`
	} `json:"song"`
	Tags []struct {
		Name string `json:"name"`
	} `json:"tags"`
}

type restComment struct {
	ID         string `json:"id"`
	ResourceID string `json:"resourceId"`
	Content    string `json:"content"`
	ReplyCount int    `json:"replyCount"`
}

func TestChartList(t *testing.T) {
	e := newEnv(t)
	wantTotal := restTotal(e, "/charts", url.Values{"IsRanked": {"true"}, "MinDifficulty": {"10"}})

	var got struct {
		Charts struct {
			TotalCount int
			PageInfo   struct{ HasNextPage, HasPreviousPage bool }
			Nodes      []struct {
				ID, Level, LevelType string
				Difficulty           float64
				IsRanked             bool
				Song                 struct {
					ID       string
					Duration float64
				}
				Owner *struct {
					ID     string
					Region struct{ Code string }
				}
			}
		}
	}
	e.mustQuery(chartListOp, nil, &got)
	total, byRoute := e.calls()

	if total > 2 {
		t.Errorf("ChartList made %d upstream calls (%v), want at most 2", total, byRoute)
	}
	if byRoute["GET /charts"] != 1 || byRoute["GET /users"] != 1 {
		t.Errorf("ChartList calls = %v, want one GET /charts and one GET /users", byRoute)
	}

	c := got.Charts
	if c.TotalCount != wantTotal || wantTotal < 31 {
		t.Errorf("totalCount = %d, want %d (and more than one page)", c.TotalCount, wantTotal)
	}
	if len(c.Nodes) != 30 || !c.PageInfo.HasNextPage || c.PageInfo.HasPreviousPage {
		t.Fatalf("got %d nodes, pageInfo %+v; want 30 and a next page", len(c.Nodes), c.PageInfo)
	}
	if !sort.SliceIsSorted(c.Nodes, func(i, j int) bool { return c.Nodes[i].Difficulty > c.Nodes[j].Difficulty }) {
		t.Errorf("charts are not sorted by difficulty, descending")
	}

	owners := 0
	for _, n := range c.Nodes {
		if !n.IsRanked || n.Difficulty < 10 {
			t.Errorf("chart %s: isRanked %v difficulty %v breaks the filter", n.ID, n.IsRanked, n.Difficulty)
		}
		want := rest[restChart](e, "/charts/"+dbID(t, n.ID), nil)
		if dbID(t, n.Song.ID) != want.SongID || n.Level != want.Level || n.Song.Duration <= 0 {
			t.Errorf("chart %s: song %s level %s duration %v; want song %s level %s and a duration",
				n.ID, n.Song.ID, n.Level, n.Song.Duration, want.SongID, want.Level)
		}
		if want.OwnerID != nil {
			owners++
			if n.Owner == nil || dbID(t, n.Owner.ID) != strconv.Itoa(*want.OwnerID) || n.Owner.Region.Code == "" {
				t.Errorf("chart %s: owner %+v, want user %d with a region", n.ID, n.Owner, *want.OwnerID)
			}
		}
	}
	if owners == 0 {
		t.Errorf("no chart of the page has an owner: the owner batch was not exercised")
	}
}

// pickChartWithThreads finds a chart that has comments with replies,
// authors and a leaderboard, so that ChartPage exercises every relation.
func pickChartWithThreads(e *env) string {
	comments := rest[[]restComment](e, "/comments", url.Values{"PerPage": {"1000"}, "MinLikeCount": {"0"}})
	threads := map[string]int{}
	for _, c := range comments {
		if c.ReplyCount > 0 {
			threads[c.ResourceID]++
		}
	}
	for _, c := range comments {
		if threads[c.ResourceID] < 2 {
			continue
		}
		resp, err := httpGet(e.rest.URL + "/charts/" + c.ResourceID)
		if err != nil || resp != 200 {
			continue
		}
		if len(rest[[]restUser](e, "/authorships", url.Values{"RangeResourceId": {c.ResourceID}})) == 0 {
			continue
		}
		if status, _ := httpGet(e.rest.URL + "/charts/" + c.ResourceID + "/leaderboard"); status != 200 {
			continue // a locked chart shows no leaderboard
		}
		if len(rest[[]struct{ ID string }](e, "/charts/"+c.ResourceID+"/leaderboard", nil)) == 0 {
			continue
		}
		return c.ResourceID
	}
	e.t.Fatal("the sandbox has no chart with two threads, authors and records")
	return ""
}

func httpGet(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func TestChartPage(t *testing.T) {
	e := newEnv(t)
	id := pickChartWithThreads(e)
	want := rest[restChart](e, "/charts/"+id, nil)
	wantAuthors := rest[[]restUser](e, "/authorships", url.Values{"RangeResourceId": {id}})
	wantComments := restTotal(e, "/comments", url.Values{"RangeResourceId": {id}})

	var got struct {
		Chart struct {
			ID, Level, LevelType string
			Difficulty           float64
			NoteCount, LikeCount int
			DateCreated          string
			Song                 struct {
				ID, Title string
				Bpm       float64
			}
			Owner   *struct{ ID, UserName string }
			Authors []struct {
				Position *string
				User     struct{ ID, UserName string }
			}
			Tags        []struct{ Name string }
			Leaderboard []struct {
				Position int
				Score    int
				Accuracy float64
				Owner    struct{ UserName string }
			}
			Comments struct {
				TotalCount int
				Nodes      []struct {
					Content string
					Owner   struct{ UserName string }
					Replies struct {
						TotalCount int
						Nodes      []struct {
							Content string
							Owner   struct{ UserName string }
						}
					}
				}
			}
		}
	}
	e.mustQuery(chartPageOp, map[string]any{"id": id}, &got)
	total, byRoute := e.calls()

	if total > 6 {
		t.Errorf("ChartPage made %d upstream calls (%v), want at most 6", total, byRoute)
	}
	for _, route := range []string{"GET /charts/{id}", "GET /authorships", "GET /charts/{id}/leaderboard", "GET /charts/{id}/comments", "GET /replies"} {
		if byRoute[route] != 1 {
			t.Errorf("ChartPage called %s %d times, want once (%v)", route, byRoute[route], byRoute)
		}
	}

	c := got.Chart
	if dbID(t, c.ID) != id || c.Level != want.Level || c.Difficulty != want.Difficulty || c.NoteCount != want.NoteCount ||
		c.LikeCount != want.LikeCount || dbID(t, c.Song.ID) != want.SongID || c.Song.Title != want.Song.Title || c.Song.Bpm != want.Song.Bpm {
		t.Errorf("chart = %+v, want the upstream's %+v", c, want)
	}
	if len(c.Tags) != len(want.Tags) {
		t.Errorf("chart has %d tags, want %d", len(c.Tags), len(want.Tags))
	}
	if len(c.Authors) != len(wantAuthors) || c.Authors[0].User.UserName != wantAuthors[0].UserName {
		t.Errorf("authors = %+v, want %+v", c.Authors, wantAuthors)
	}
	if len(c.Leaderboard) == 0 || len(c.Leaderboard) > 5 || c.Leaderboard[0].Position != 1 || c.Leaderboard[0].Owner.UserName == "" {
		t.Errorf("leaderboard = %+v, want up to 5 records from position 1 with owners", c.Leaderboard)
	}
	if c.Comments.TotalCount != wantComments || len(c.Comments.Nodes) != min(5, wantComments) {
		t.Errorf("comments: total %d with %d nodes, want total %d", c.Comments.TotalCount, len(c.Comments.Nodes), wantComments)
	}

	withReplies := 0
	for _, cm := range c.Comments.Nodes {
		if cm.Content == "" || cm.Owner.UserName == "" {
			t.Errorf("comment %+v lacks content or owner", cm)
		}
		if len(cm.Replies.Nodes) != min(3, cm.Replies.TotalCount) {
			t.Errorf("comment has %d reply nodes of %d, want min(3, total)", len(cm.Replies.Nodes), cm.Replies.TotalCount)
		}
		if cm.Replies.TotalCount > 0 {
			withReplies++
		}
	}
	if withReplies == 0 {
		t.Errorf("no comment on the page has replies: the reply batch was not exercised")
	}
}

func TestUserPage(t *testing.T) {
	e := newEnv(t)
	users := rest[[]restUser](e, "/users", url.Values{"PerPage": {"1000"}, "MinFollowerCount": {"6"}})
	var id int
	for _, u := range users {
		if restTotal(e, "/charts", url.Values{"RangeOwnerId": {strconv.Itoa(u.ID)}}) > 10 {
			id = u.ID
			break
		}
	}
	if id == 0 {
		t.Fatal("the sandbox has no user with more than 5 followers and 10 charts")
	}
	want := rest[restUser](e, "/users/"+strconv.Itoa(id), nil)
	wantCharts := restTotal(e, "/charts", url.Values{"RangeOwnerId": {strconv.Itoa(id)}})

	var got struct {
		User struct {
			ID, UserName, Gender, Role string
			FollowerCount              int
			Region                     struct{ Code, Name string }
			Followers                  struct {
				TotalCount int
				Nodes      []struct{ ID, UserName string }
			}
			Charts struct {
				TotalCount int
				Nodes      []struct {
					ID   string
					Song struct{ Title string }
				}
			}
		}
	}
	e.mustQuery(userPageOp, map[string]any{"id": strconv.Itoa(id)}, &got)
	total, byRoute := e.calls()

	if total > 3 {
		t.Errorf("UserPage made %d upstream calls (%v), want at most 3", total, byRoute)
	}
	u := got.User
	if dbID(t, u.ID) != strconv.Itoa(id) || u.UserName != want.UserName || u.Region.Code != want.Region.Code ||
		u.Region.Name != want.Region.Name || u.FollowerCount != want.FollowerCount {
		t.Errorf("user = %+v, want %+v", u, want)
	}
	if u.Gender == "" || u.Role == "" || u.Role == "UNKNOWN" {
		t.Errorf("gender %q role %q, want known names", u.Gender, u.Role)
	}
	if u.Followers.TotalCount != want.FollowerCount || len(u.Followers.Nodes) != 5 {
		t.Errorf("followers: total %d with %d nodes, want %d with 5", u.Followers.TotalCount, len(u.Followers.Nodes), want.FollowerCount)
	}
	if u.Charts.TotalCount != wantCharts || len(u.Charts.Nodes) != 10 || u.Charts.Nodes[0].Song.Title == "" {
		t.Errorf("charts: total %d with %d nodes, want %d with 10 and song titles", u.Charts.TotalCount, len(u.Charts.Nodes), wantCharts)
	}
}

func TestEventPage(t *testing.T) {
	e := newEnv(t)
	type restEvent struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Hosts []restUser
	}
	var id string
	for _, ev := range rest[[]restEvent](e, "/events", url.Values{"PerPage": {"100"}}) {
		if len(ev.Hosts) > 0 && restTotal(e, "/events/divisions", url.Values{"RangeEventId": {ev.ID}}) > 1 {
			id = ev.ID
			break
		}
	}
	if id == "" {
		t.Fatal("the sandbox has no event with hosts and divisions")
	}
	want := rest[restEvent](e, "/events/"+id, nil)
	wantDivisions := restTotal(e, "/events/divisions", url.Values{"RangeEventId": {id}})

	var got struct {
		Event struct {
			ID, Title, DateUnveiled string
			Hosts                   []struct {
				Position *string
				User     struct{ UserName string }
			}
			Divisions struct {
				TotalCount int
				Nodes      []struct {
					ID, Title, Type, Status, DateStarted string
					EntryCount                           int
				}
			}
		}
	}
	e.mustQuery(eventPageOp, map[string]any{"id": id}, &got)
	total, byRoute := e.calls()

	if total > 2 {
		t.Errorf("EventPage made %d upstream calls (%v), want at most 2", total, byRoute)
	}
	ev := got.Event
	if dbID(t, ev.ID) != id || ev.Title != want.Title || len(ev.Hosts) != len(want.Hosts) || ev.Hosts[0].User.UserName != want.Hosts[0].UserName {
		t.Errorf("event = %+v, want %+v", ev, want)
	}
	if ev.Divisions.TotalCount != wantDivisions || len(ev.Divisions.Nodes) != min(10, wantDivisions) {
		t.Errorf("divisions: total %d with %d nodes, want %d", ev.Divisions.TotalCount, len(ev.Divisions.Nodes), wantDivisions)
	}
	for i, d := range ev.Divisions.Nodes {
		if d.Type == "" || d.Status == "" || d.DateStarted == "" {
			t.Errorf("division %+v lacks type, status or start", d)
		}
		if i > 0 && d.DateStarted < ev.Divisions.Nodes[i-1].DateStarted {
			t.Errorf("divisions are not by start date")
		}
	}
}

func TestViewer(t *testing.T) {
	e := newEnv(t)
	tokens := e.sandbox.Tokens()

	t.Run("anonymous", func(t *testing.T) {
		a := e.query(viewerOp, nil, "", nil)
		if n, _ := e.calls(); n != 0 {
			t.Errorf("anonymous me made %d upstream calls, want 0", n)
		}
		if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Fatalf("errors = %+v, want one UNAUTHENTICATED", a.Errors)
		}
	})

	for _, tok := range tokens {
		t.Run(tok.UserName, func(t *testing.T) {
			var got struct{ Me struct{ ID, UserName string } }
			a := e.query(viewerOp, nil, tok.AccessToken, &got)
			if len(a.Errors) > 0 {
				t.Fatalf("errors = %+v", a.Errors)
			}
			if dbID(t, got.Me.ID) != strconv.Itoa(tok.UserID) || got.Me.UserName != tok.UserName {
				t.Errorf("me = %+v, want user %d %s", got.Me, tok.UserID, tok.UserName)
			}
		})
	}

	t.Run("bad token", func(t *testing.T) {
		a := e.query(viewerOp, nil, "not-a-token", nil)
		if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UNAUTHENTICATED" || a.Errors[0].Extensions["upstreamStatus"] != float64(401) {
			t.Fatalf("errors = %+v, want UNAUTHENTICATED from the upstream's 401", a.Errors)
		}
	})
}

// Every answer says how many upstream calls it made and how many were
// estimated before it ran; for the reference operations both are right.
func TestAnswersReportTheirUpstreamCalls(t *testing.T) {
	e := newEnv(t)
	chart := pickChartWithThreads(e)
	events := rest[[]struct {
		ID string `json:"id"`
	}](e, "/events", nil)
	tests := []struct {
		name, doc string
		vars      map[string]any
		token     string
	}{
		{"ChartList", chartListOp, nil, ""},
		{"ChartPage", chartPageOp, map[string]any{"id": chart}, ""},
		{"UserPage", userPageOp, map[string]any{"id": "2"}, ""},
		{"EventPage", eventPageOp, map[string]any{"id": events[0].ID}, ""},
		{"Viewer", viewerOp, nil, e.sandbox.Tokens()[1].AccessToken},
		{"Viewer anonymous", viewerOp, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(tt.doc, tt.vars, tt.token, nil)
			calls, _ := e.calls()
			if got, ok := a.Extensions["upstreamCalls"].(float64); !ok || int(got) != calls {
				t.Errorf("extensions.upstreamCalls = %v, the upstream saw %d", a.Extensions["upstreamCalls"], calls)
			}
			if est, ok := a.Extensions["estimatedUpstreamCalls"].(float64); !ok || int(est) != calls {
				t.Errorf("extensions.estimatedUpstreamCalls = %v, the operation made %d", a.Extensions["estimatedUpstreamCalls"], calls)
			}
		})
	}
}

// A resource of unknown kind is found by asking the kinds it may be; the
// estimate counts every kind, so that it never falls below what such an
// operation makes.
func TestEstimateBoundsResourceProbes(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, doc string
		atLeast   int // the estimate of the probe alone
	}{
		{"comments", `{ comments(first: 30) { nodes { resource { __typename } } } }`, 1 + 9},
		{"service scripts", `{ serviceScripts(first: 30) { nodes { resource { __typename } } } }`, 1 + 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(tt.doc, nil, "", nil)
			if len(a.Errors) > 0 {
				t.Fatalf("errors: %+v", a.Errors)
			}
			calls, _ := e.calls()
			est, _ := a.Extensions["estimatedUpstreamCalls"].(float64)
			if int(est) < calls || int(est) < tt.atLeast {
				t.Errorf("estimated %v calls, made %d (the probe alone may make %d)", est, calls, tt.atLeast)
			}
		})
	}
}

// Fields that cost nothing inside their parent (a chart's song, a list's
// tags) are calls of their own at the root.
func TestEstimateCountsRootFields(t *testing.T) {
	e := newEnv(t)
	a := e.query(`{ tags(first: 1) { totalCount } regions(first: 1) { totalCount } }`, nil, "", nil)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	calls, _ := e.calls()
	if est, _ := a.Extensions["estimatedUpstreamCalls"].(float64); int(est) != calls || calls != 2 {
		t.Errorf("estimated %v calls, made %d, want 2 and 2", est, calls)
	}
}
