package facade_test

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
)

func init() {
	// The sandbox's data set is deterministic: a configuration of the first
	// sandbox is one of every sandbox, and the only anonymous way to one is
	// by its ID (the list is the caller's own).
	config := sandbox.New().Data().Areas.Catalog.PlayConfigurations[0].ID

	nodeSamples["Chapter"] = `{ x: chapters(first: 1) { nodes { id } } }`
	nodeSamples["Collection"] = `{ x: collections(first: 1) { nodes { id } } }`
	nodeSamples["Announcement"] = `{ x: announcements(first: 1) { nodes { id } } }`
	nodeSamples["Application"] = `{ x: applications(first: 1) { nodes { id } } }`
	nodeSamples["UserRelation"] = `{ x: userRelations(first: 1) { nodes { id } } }`
	nodeSamples["PlayConfiguration"] = `{ x: playConfiguration(id: "` + config + `") { id } }`
}

type restChapter struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	OwnerID   int    `json:"ownerId"`
	LikeCount int    `json:"likeCount"`
}

type restLike struct {
	ID      string `json:"id"`
	OwnerID int    `json:"ownerId"`
}

// A chapter list filtered and ordered, one chapter with its songs,
// comments and likes, and the owners of the whole list in one call.
func TestCatalogChapters(t *testing.T) {
	e := newEnv(t)
	filter := url.Values{"MinLikeCount": {"1"}, "IsLocked": {"false"}, "Order": {"LikeCount", "Id"}, "Desc": {"true", "true"}, "PerPage": {"100"}}
	want := rest[[]restChapter](e, "/chapters", filter)
	if len(want) < 3 {
		t.Fatalf("the sandbox has %d liked chapters, want at least 3", len(want))
	}

	var list struct {
		Chapters struct {
			TotalCount int
			Nodes      []struct {
				ID, Title string
				LikeCount int
				Owner     struct{ ID, UserName string }
			}
		}
	}
	e.mustQuery(`{ chapters(first: 20, filter: { minLikeCount: 1, isLocked: false }, orderBy: [{ field: LIKE_COUNT, direction: DESC }]) {
		totalCount nodes { id title likeCount owner { id userName } } } }`, nil, &list)
	if n, byRoute := e.calls(); n != 2 || byRoute["GET /chapters"] != 1 || byRoute["GET /users"] != 1 {
		t.Errorf("chapters with owners made %d calls %v, want GET /chapters and GET /users once each", n, byRoute)
	}
	got := list.Chapters
	if got.TotalCount != len(want) || len(got.Nodes) != min(20, len(want)) {
		t.Fatalf("chapters: total %d with %d nodes, want %d", got.TotalCount, len(got.Nodes), len(want))
	}
	for i, n := range got.Nodes {
		if dbID(t, n.ID) != want[i].ID || n.LikeCount != want[i].LikeCount || dbID(t, n.Owner.ID) != strconv.Itoa(want[i].OwnerID) {
			t.Errorf("chapters[%d] = %+v, want %+v", i, n, want[i])
		}
	}

	id := want[0].ID
	wantSongs := restTotal(e, "/chapters/"+id+"/songs", nil)
	wantComments := restTotal(e, "/chapters/"+id+"/comments", nil)
	wantLikes := rest[[]restLike](e, "/chapters/"+id+"/likes", url.Values{"Order": {"DateCreated"}, "Desc": {"true"}})
	var one struct {
		Chapter struct {
			Title string
			Songs struct {
				TotalCount int
				Nodes      []struct {
					Label *string
					Song  struct{ ID, Title string }
				}
			}
			Comments struct{ TotalCount int }
			Likes    struct {
				TotalCount int
				Nodes      []struct {
					DatabaseID string
					Owner      struct{ ID string }
				}
			}
		}
	}
	e.mustQuery(`query($id: ID!) { chapter(id: $id) { title
		songs(first: 5) { totalCount nodes { label song { id title } } }
		comments(first: 3) { totalCount }
		likes(first: 10) { totalCount nodes { databaseId owner { id } } } } }`, map[string]any{"id": id}, &one)
	c := one.Chapter
	if c.Title != want[0].Title || c.Songs.TotalCount != wantSongs || len(c.Songs.Nodes) != min(5, wantSongs) {
		t.Errorf("chapter %s: title %q, songs %d/%d; want %q and %d", id, c.Title, len(c.Songs.Nodes), c.Songs.TotalCount,
			want[0].Title, wantSongs)
	}
	if c.Comments.TotalCount != wantComments {
		t.Errorf("chapter comments = %d, want %d", c.Comments.TotalCount, wantComments)
	}
	if c.Likes.TotalCount != len(wantLikes) || c.Likes.TotalCount != want[0].LikeCount {
		t.Errorf("chapter likes = %d, want %d (its likeCount %d)", c.Likes.TotalCount, len(wantLikes), want[0].LikeCount)
	}
	for i, l := range c.Likes.Nodes {
		if l.DatabaseID != wantLikes[i].ID || dbID(t, l.Owner.ID) != strconv.Itoa(wantLikes[i].OwnerID) {
			t.Errorf("like %d = %+v, want %+v", i, l, wantLikes[i])
		}
	}
	if len(c.Songs.Nodes) == 0 {
		t.Fatalf("chapter %s shows no songs", id)
	}
	song := c.Songs.Nodes[0].Song
	var back struct {
		Song struct {
			Chapters struct {
				Nodes []struct{ Chapter struct{ DatabaseID string } }
			}
			ChapterAdmission struct {
				Status    string
				Admitter  struct{ DatabaseID string }
				Requestee struct{ ID string }
			}
		}
	}
	e.mustQuery(`query($s: ID!, $c: ID!) { song(id: $s) {
		chapters(first: 50) { nodes { chapter { databaseId } } }
		chapterAdmission(chapterId: $c) { status admitter { databaseId } requestee { id } } } }`,
		map[string]any{"s": dbID(t, song.ID), "c": id}, &back)
	found := false
	for _, n := range back.Song.Chapters.Nodes {
		found = found || n.Chapter.DatabaseID == id
	}
	a := back.Song.ChapterAdmission
	if !found || a.Status != "APPROVED" || a.Admitter.DatabaseID != id || a.Requestee.ID == "" {
		t.Errorf("song %s: chapters %+v, admission %+v; want chapter %s, approved", song.ID, back.Song.Chapters, a, id)
	}
}

// Collections, their charts, and a chart's collections and admission.
func TestCatalogCollections(t *testing.T) {
	e := newEnv(t)
	want := rest[[]restChapter](e, "/collections",
		url.Values{"Order": {"Title"}, "PerPage": {"100"}, "ContainsTitle": {"Vol"}, "IsLocked": {"false"}})
	if len(want) == 0 {
		t.Fatal("the sandbox has no collection titled Vol")
	}
	var list struct {
		Collections struct {
			TotalCount int
			Nodes      []struct {
				DatabaseID, Title string
				Charts            struct {
					TotalCount int
					Nodes      []struct {
						Label *string
						Chart struct {
							DatabaseID string
							Song       struct{ Title string }
						}
					}
				}
			}
		}
	}
	e.mustQuery(`{ collections(first: 3, filter: { containsTitle: "Vol", isLocked: false }, orderBy: [{ field: TITLE }]) {
		totalCount nodes { databaseId title charts(first: 2) { totalCount nodes { label chart { databaseId song { title } } } } } } }`,
		nil, &list)
	got := list.Collections
	if got.TotalCount != len(want) {
		t.Errorf("collections total = %d, want %d", got.TotalCount, len(want))
	}
	for i, n := range got.Nodes {
		if n.DatabaseID != want[i].ID || n.Title != want[i].Title {
			t.Errorf("collections[%d] = %s %q, want %s %q", i, n.DatabaseID, n.Title, want[i].ID, want[i].Title)
		}
		if wantCharts := restTotal(e, "/collections/"+want[i].ID+"/charts", nil); n.Charts.TotalCount != wantCharts {
			t.Errorf("collection %s has %d charts, want %d", n.DatabaseID, n.Charts.TotalCount, wantCharts)
		}
	}
	co := got.Nodes[0]
	if len(co.Charts.Nodes) == 0 {
		t.Fatalf("collection %s shows no charts", co.DatabaseID)
	}
	chart := co.Charts.Nodes[0].Chart.DatabaseID

	var one struct {
		Collection struct {
			Title    string
			Owner    struct{ ID string }
			Comments struct{ TotalCount int }
			Likes    struct{ TotalCount int }
		}
		Chart struct {
			Collections         struct{ TotalCount int }
			CollectionAdmission struct {
				Status   string
				Label    *string
				Admittee struct{ DatabaseID string }
			}
		}
	}
	e.mustQuery(`query($co: ID!, $ch: ID!) {
		collection(id: $co) { title owner { id } comments(first: 1) { totalCount } likes(first: 1) { totalCount } }
		chart(id: $ch) { collections(first: 5) { totalCount } collectionAdmission(collectionId: $co) { status label admittee { databaseId } } } }`,
		map[string]any{"co": co.DatabaseID, "ch": chart}, &one)
	if one.Collection.Title != co.Title || one.Collection.Owner.ID == "" ||
		one.Collection.Comments.TotalCount != restTotal(e, "/collections/"+co.DatabaseID+"/comments", nil) ||
		one.Collection.Likes.TotalCount != restTotal(e, "/collections/"+co.DatabaseID+"/likes", nil) {
		t.Errorf("collection = %+v", one.Collection)
	}
	a := one.Chart.CollectionAdmission
	if a.Status != "APPROVED" || a.Admittee.DatabaseID != chart || one.Chart.Collections.TotalCount < 1 {
		t.Errorf("chart %s: collections %d, admission %+v", chart, one.Chart.Collections.TotalCount, a)
	}
}

// The relations of the items of a list cost one call per relation, or one
// per parent where the upstream has no route that names many parents.
func TestCatalogBatching(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name string
		op   string
		want map[string]int
	}{
		{"owners and comments of chapters",
			`{ chapters(first: 10) { nodes { owner { id } comments(first: 2) { nodes { owner { id } } } } } }`,
			map[string]int{"GET /chapters": 1, "GET /users": 1, "GET /comments": 1}},
		{"owners of the charts of collections",
			`{ collections(first: 4) { nodes { charts(first: 3) { nodes { chart { owner { id } } } } } } }`,
			map[string]int{"GET /collections": 1, "GET /collections/{id}/charts": 4, "GET /users": 1}},
		{"announcements with owners and comments",
			`{ announcements(first: 10) { nodes { owner { id } comments(first: 1) { totalCount } } } }`,
			map[string]int{"GET /announcements": 1, "GET /users": 1, "GET /comments": 1}},
		{"likers of the likes of chapters",
			`{ chapters(first: 3) { nodes { likes(first: 5) { nodes { owner { id } } } } } }`,
			map[string]int{"GET /chapters": 1, "GET /chapters/{id}/likes": 3, "GET /users": 1}},
		{"voters on the votes of charts",
			`{ charts(first: 3) { nodes { votes(first: 5) { nodes { owner { id } } } } } }`,
			map[string]int{"GET /charts": 1, "GET /charts/{id}/votes": 3, "GET /users": 1}},
		{"comments on records and their applications",
			`{ records(first: 10) { nodes { comments(first: 2) { totalCount } application { name } } } }`,
			map[string]int{"GET /records": 1, "GET /comments": 1, "GET /applications": 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.mustQuery(tc.op, nil, nil)
			n, byRoute := e.calls()
			total := 0
			for route, want := range tc.want {
				total += want
				if byRoute[route] != want {
					t.Errorf("%s: %d calls, want %d (all: %v)", route, byRoute[route], want, byRoute)
				}
			}
			if n != total {
				t.Errorf("%d calls, want %d: %v", n, total, byRoute)
			}
		})
	}
}
