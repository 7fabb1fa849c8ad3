package facade_test

import (
	"net/url"
	"sort"
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

	unreachable["/player/play"] = "starts a play session: stores a play token upstream, a write"
	unreachable["/player/play/tapTap"] = "starts a play session for a TapTap ghost account: a write"
}

type restChapter struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	OwnerID   int    `json:"ownerId"`
	LikeCount int    `json:"likeCount"`
}

type siteCounts struct {
	ChartCount   int `json:"chartCount"`
	ChapterCount int `json:"chapterCount"`
	LikeCount    int `json:"likeCount"`
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

// Every likeable type has likes that agree with its own likes route.
func TestCatalogLikes(t *testing.T) {
	e := newEnv(t)
	d := e.sandbox.Data()
	likes := map[string]int{}
	for _, l := range d.Likes {
		likes[l.ResourceID]++
	}
	liked := func(ids []string) string {
		for _, id := range ids {
			if likes[id] > 0 {
				return id
			}
		}
		t.Fatalf("none of %d resources is liked", len(ids))
		return ""
	}
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	cat := d.Areas.Catalog
	cases := []struct{ name, field, route, id string }{
		{"chart", "chart", "/charts/", liked(ids(len(d.Charts), func(i int) string { return d.Charts[i].ID }))},
		{"song", "song", "/songs/", liked(ids(len(d.Songs), func(i int) string { return d.Songs[i].ID }))},
		{"comment", "comment", "/comments/", liked(ids(len(d.Comments), func(i int) string { return d.Comments[i].ID }))},
		{"reply", "reply", "/replies/", liked(ids(len(d.Replies), func(i int) string { return d.Replies[i].ID }))},
		{"record", "record", "/records/", liked(ids(len(d.Records), func(i int) string { return d.Records[i].ID }))},
		{"event", "event", "/events/", liked(ids(len(d.Events), func(i int) string { return d.Events[i].ID }))},
		{"division", "eventDivision", "/events/divisions/", liked(ids(len(d.Divisions), func(i int) string { return d.Divisions[i].ID }))},
		{"team", "eventTeam", "/events/teams/", liked(ids(len(d.Teams), func(i int) string { return d.Teams[i].ID }))},
		{"announcement", "announcement", "/announcements/", liked(ids(len(cat.Announcements), func(i int) string { return cat.Announcements[i].ID }))},
		{"application", "application", "/applications/", liked(ids(len(cat.Applications), func(i int) string { return cat.Applications[i].ID }))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := rest[[]restLike](e, tc.route+tc.id+"/likes", url.Values{"Order": {"DateCreated"}, "Desc": {"true"}})
			var got map[string]struct {
				Likes struct {
					TotalCount int
					Nodes      []struct {
						DatabaseID string
						Owner      struct{ ID string }
					}
				}
			}
			e.mustQuery(`query($id: ID!) { x: `+tc.field+`(id: $id) { likes(first: 10) { totalCount nodes { databaseId owner { id } } } } }`,
				map[string]any{"id": tc.id}, &got)
			l := got["x"].Likes
			if l.TotalCount != len(want) || len(l.Nodes) != min(10, len(want)) {
				t.Fatalf("likes: total %d with %d nodes, want %d", l.TotalCount, len(l.Nodes), len(want))
			}
			for i, n := range l.Nodes {
				if n.DatabaseID != want[i].ID || dbID(t, n.Owner.ID) != strconv.Itoa(want[i].OwnerID) {
					t.Errorf("likes[%d] = %+v, want %+v", i, n, want[i])
				}
			}
		})
	}
}

// Votes on a chart with their voters and chart, batched; comments on a
// record.
func TestCatalogVotesAndRecordComments(t *testing.T) {
	e := newEnv(t)
	d := e.sandbox.Data()
	votes := map[string]int{}
	for _, v := range d.Areas.Catalog.Votes {
		votes[v.ChartID]++
	}
	var chart string
	for _, c := range d.Charts {
		if votes[c.ID] > votes[chart] {
			chart = c.ID
		}
	}
	want := rest[[]struct {
		ID      string `json:"id"`
		Total   int    `json:"total"`
		OwnerID int    `json:"ownerId"`
	}](e, "/charts/"+chart+"/votes", url.Values{"MinTotal": {"15"}, "Order": {"Total", "Id"}, "Desc": {"true", "true"}})

	var got struct {
		Chart struct {
			Votes struct {
				TotalCount int
				Nodes      []struct {
					DatabaseID string
					Total      int
					Owner      struct{ ID string }
					Chart      struct{ DatabaseID string }
				}
			}
		}
	}
	e.mustQuery(`query($id: ID!) { chart(id: $id) { votes(first: 50, filter: { minTotal: 15 }, orderBy: [{ field: TOTAL, direction: DESC }]) {
		totalCount nodes { databaseId total owner { id } chart { databaseId } } } } }`, map[string]any{"id": chart}, &got)
	if n, byRoute := e.calls(); n > 4 || byRoute["GET /users"] != 1 {
		t.Errorf("votes with owners and charts made %d calls %v, want one GET /users", n, byRoute)
	}
	v := got.Chart.Votes
	if v.TotalCount != len(want) || len(v.Nodes) != len(want) {
		t.Fatalf("votes: total %d with %d nodes, want %d", v.TotalCount, len(v.Nodes), len(want))
	}
	for i, n := range v.Nodes {
		if n.DatabaseID != want[i].ID || n.Total != want[i].Total || n.Total < 15 || n.Chart.DatabaseID != chart ||
			dbID(t, n.Owner.ID) != strconv.Itoa(want[i].OwnerID) {
			t.Errorf("votes[%d] = %+v, want %+v", i, n, want[i])
		}
	}

	commented := map[string]int{}
	for _, c := range d.Comments {
		commented[c.ResourceID]++
	}
	var record string
	for _, r := range d.Records {
		if commented[r.ID] > 0 {
			record = r.ID
			break
		}
	}
	var rc struct {
		Record struct {
			Comments struct {
				TotalCount int
				Nodes      []struct{ ResourceID string }
			}
		}
	}
	e.mustQuery(`query($id: ID!) { record(id: $id) { comments(first: 5) { totalCount nodes { resourceId } } } }`,
		map[string]any{"id": record}, &rc)
	if rc.Record.Comments.TotalCount != commented[record] || rc.Record.Comments.Nodes[0].ResourceID != record {
		t.Errorf("record %s comments = %+v, want %d", record, rc.Record.Comments, commented[record])
	}
}

// Announcements with the resources they are about, applications, and user
// relations.
func TestCatalogAnnouncementsApplicationsRelations(t *testing.T) {
	e := newEnv(t)
	want := rest[[]struct {
		ID           string  `json:"id"`
		ResourceID   *string `json:"resourceId"`
		ResourceType int     `json:"resourceType"`
	}](e, "/announcements", url.Values{"Order": {"DateCreated", "Id"}, "Desc": {"true", "true"}})

	var got struct {
		Announcements struct {
			Nodes []struct {
				DatabaseID   string
				ResourceType string
				ResourceID   *string
				Resource     *struct {
					Typename string `json:"__typename"`
					ID       string
				}
				Owner    struct{ UserName string }
				Comments struct{ TotalCount int }
			}
		}
		Applications struct {
			TotalCount int
			Nodes      []struct {
				Name, Type string
				Owner      struct{ ID string }
			}
		}
	}
	e.mustQuery(`{ announcements(first: 8) { nodes { databaseId resourceType resourceId resource { __typename id }
		owner { userName } comments(first: 1) { totalCount } } }
		applications(first: 20, filter: { rangeType: [WEB_PLAYER, SERVICE] }, orderBy: [{ field: NAME }]) {
		totalCount nodes { name type owner { id } } } }`, nil, &got)
	for i, a := range got.Announcements.Nodes {
		if a.DatabaseID != want[i].ID || a.Owner.UserName == "" {
			t.Errorf("announcements[%d] = %+v, want %s with an owner", i, a, want[i].ID)
		}
		if (a.ResourceID == nil) != (a.Resource == nil) || a.Resource != nil && dbID(t, a.Resource.ID) != *a.ResourceID {
			t.Errorf("announcement %s: resource %+v, want the one of %v", a.DatabaseID, a.Resource, a.ResourceID)
		}
	}
	wantApps := restTotal(e, "/applications", url.Values{"RangeType": {"0", "6"}})
	apps := got.Applications
	if apps.TotalCount != wantApps || !sort.SliceIsSorted(apps.Nodes, func(i, j int) bool { return apps.Nodes[i].Name < apps.Nodes[j].Name }) {
		t.Errorf("applications = %+v, want %d by name", apps, wantApps)
	}
	for _, a := range apps.Nodes {
		if a.Type != "WEB_PLAYER" && a.Type != "SERVICE" || a.Owner.ID == "" {
			t.Errorf("application %+v breaks the filter or has no owner", a)
		}
	}

	cat := e.sandbox.Data().Areas.Catalog
	ann, app := cat.Announcements[0].ID, cat.Applications[0].ID
	var one struct {
		Announcement struct {
			Title    string
			Comments struct{ TotalCount int }
		}
		Application struct {
			Name     string
			Comments struct{ TotalCount int }
		}
	}
	e.mustQuery(`query($a: ID!, $p: ID!) { announcement(id: $a) { title comments(first: 2) { totalCount } }
		application(id: $p) { name comments(first: 2) { totalCount } } }`, map[string]any{"a": ann, "p": app}, &one)
	if one.Announcement.Title != cat.Announcements[0].Title || one.Application.Name != cat.Applications[0].Name ||
		one.Announcement.Comments.TotalCount != restTotal(e, "/announcements/"+ann+"/comments", nil) ||
		one.Application.Comments.TotalCount != restTotal(e, "/applications/"+app+"/comments", nil) {
		t.Errorf("announcement %s and application %s = %+v", ann, app, one)
	}

	var rel struct {
		UserRelations struct {
			TotalCount int
			Nodes      []struct {
				ID, Type string
				Follower struct{ DatabaseID string } `json:"follower"`
				Followee struct{ ID string }
			}
		}
	}
	e.mustQuery(`{ userRelations(first: 10, filter: { rangeFollowerId: [2, 3] }) {
		totalCount nodes { id type follower: follower { databaseId: id } followee { id } } } }`, nil, &rel)
	if n, byRoute := e.calls(); n > 3 {
		t.Errorf("relations with both users made %d calls %v, want at most 3", n, byRoute)
	}
	if wantRel := restTotal(e, "/userRelations", url.Values{"RangeFollowerId": {"2", "3"}}); rel.UserRelations.TotalCount != wantRel {
		t.Errorf("userRelations total = %d, want %d", rel.UserRelations.TotalCount, wantRel)
	}
	first := rel.UserRelations.Nodes[0]
	follower, followee := dbID(t, first.Follower.DatabaseID), dbID(t, first.Followee.ID)
	if follower != "2" && follower != "3" {
		t.Errorf("relation %+v: follower %s outside the filter", first, follower)
	}
	var pair struct {
		UserRelation struct{ ID, Type string }
	}
	e.mustQuery(`query($a: ID!, $b: ID!) { userRelation(followerId: $a, followeeId: $b) { id type } }`,
		map[string]any{"a": follower, "b": followee}, &pair)
	if pair.UserRelation.ID != first.ID || pair.UserRelation.Type != first.Type {
		t.Errorf("userRelation(%s, %s) = %+v, want %+v", follower, followee, pair.UserRelation, first)
	}
}

// The caller's own reads: notifications, the test, play configurations.
func TestCatalogSignedIn(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	const op = `{ notifications(first: 5) { totalCount nodes { databaseId type owner { id } operator { id } } }
		read: notifications(first: 1, read: true) { totalCount }
		petObjectiveQuestions { position type choices }
		petAnswers(first: 5) { totalCount nodes { databaseId totalScore owner { id } assessor { id } } }
		playConfigurations(first: 5, orderBy: [{ field: DATE_CREATED }]) { totalCount nodes { id name chartMirroring owner { id } } } }`

	t.Run("anonymous", func(t *testing.T) {
		a := e.query(op, nil, "", nil)
		if len(a.Errors) != 5 {
			t.Fatalf("errors = %+v, want five", a.Errors)
		}
		for _, err := range a.Errors {
			if err.Extensions["code"] != "UNAUTHENTICATED" {
				t.Errorf("error %+v, want UNAUTHENTICATED", err)
			}
		}
		if n, _ := e.calls(); n != 0 {
			t.Errorf("anonymous reads made %d upstream calls, want 0", n)
		}
	})

	t.Run(alice.UserName, func(t *testing.T) {
		var got struct {
			Notifications struct {
				TotalCount int
				Nodes      []struct {
					DatabaseID, Type string
					Owner            struct{ ID string }
				}
			}
			Read                  struct{ TotalCount int }
			PetObjectiveQuestions []struct{ Position int }
			PetAnswers            struct {
				TotalCount int
				Nodes      []struct {
					DatabaseID string
					TotalScore *int
					Owner      struct{ ID string }
					Assessor   *struct{ ID string }
				}
			}
			PlayConfigurations struct {
				TotalCount int
				Nodes      []struct {
					ID    string
					Owner struct{ ID string }
				}
			}
		}
		if a := e.query(op, nil, alice.AccessToken, &got); len(a.Errors) > 0 {
			t.Fatalf("errors = %+v", a.Errors)
		}
		me := strconv.Itoa(alice.UserID)
		c := e.sandbox.Data().Areas.Catalog
		unread, read, answers, configs := 0, 0, 0, 0
		for _, n := range c.Notifications {
			if n.OwnerID == alice.UserID && n.DateRead == nil {
				unread++
			} else if n.OwnerID == alice.UserID {
				read++
			}
		}
		for _, a := range c.PetAnswers {
			if a.OwnerID == alice.UserID {
				answers++
			}
		}
		for _, p := range c.PlayConfigurations {
			if p.OwnerID == alice.UserID {
				configs++
			}
		}
		if got.Notifications.TotalCount != unread || got.Read.TotalCount != read || unread == 0 {
			t.Errorf("notifications unread %d read %d, want %d and %d", got.Notifications.TotalCount, got.Read.TotalCount, unread, read)
		}
		for _, n := range got.Notifications.Nodes {
			if dbID(t, n.Owner.ID) != me || n.Type == "" || n.Type == "UNKNOWN" {
				t.Errorf("notification %+v is not Alice's or has no type", n)
			}
		}
		if len(got.PetObjectiveQuestions) == 0 {
			t.Errorf("no objective questions")
		}
		if got.PetAnswers.TotalCount != answers || answers == 0 || got.PlayConfigurations.TotalCount != configs || configs == 0 {
			t.Errorf("answers %d configurations %d, want %d and %d", got.PetAnswers.TotalCount,
				got.PlayConfigurations.TotalCount, answers, configs)
		}

		var one struct {
			Notification struct{ DatabaseID string }
			PetAnswer    struct {
				DatabaseID string
				Question1  struct{ Type string }
			}
			PlayConfiguration struct{ Owner struct{ ID string } }
		}
		vars := map[string]any{"n": got.Notifications.Nodes[0].DatabaseID, "a": got.PetAnswers.Nodes[0].DatabaseID,
			"p": got.PlayConfigurations.Nodes[0].ID}
		if a := e.query(`query($n: ID!, $a: ID!, $p: ID!) { notification(id: $n) { databaseId }
			petAnswer(id: $a) { databaseId question1 { type } } playConfiguration(id: $p) { owner { id } } }`,
			vars, alice.AccessToken, &one); len(a.Errors) > 0 {
			t.Fatalf("errors = %+v", a.Errors)
		}
		if one.Notification.DatabaseID != vars["n"] || one.PetAnswer.Question1.Type != "SUBJECTIVE" ||
			dbID(t, one.PlayConfiguration.Owner.ID) != me {
			t.Errorf("single reads = %+v", one)
		}
	})
}

// Tags by ID and name with their charts and songs, random picks, the
// site's counts and headline.
func TestCatalogSite(t *testing.T) {
	e := newEnv(t)
	tags := rest[[]struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}](e, "/tags", nil)
	tag := tags[0]
	wantCharts := restTotal(e, "/tags/"+tag.ID+"/charts", nil)
	wantSongs := restTotal(e, "/tags/"+tag.ID+"/songs", nil)
	abstract := rest[siteCounts](e, "/", nil)
	headline := rest[struct {
		Headline string `json:"headline"`
	}](e, "/headline", nil)

	var got struct {
		ByID struct {
			Name   string
			Charts struct {
				TotalCount int
				Nodes      []struct{ Tags []struct{ Name string } }
			}
			Songs struct{ TotalCount int }
		}
		ByName       struct{ DatabaseID string }
		RandomChart  struct{ DatabaseID string }
		RandomSong   struct{ DatabaseID string }
		SiteAbstract siteCounts
		Headline     string
	}
	e.mustQuery(`query($id: ID!, $name: String!) {
		byID: tag(id: $id) { name charts(first: 3, orderBy: [{ field: DIFFICULTY, direction: DESC }]) { totalCount nodes { tags { name } } }
			songs(first: 3) { totalCount } }
		byName: tag(name: $name) { databaseId }
		randomChart { databaseId } randomSong { databaseId }
		siteAbstract { chartCount chapterCount likeCount } headline }`,
		map[string]any{"id": tag.ID, "name": tag.Name}, &got)
	if got.ByID.Name != tag.Name || got.ByName.DatabaseID != tag.ID {
		t.Errorf("tag by ID %q, by name %s; want %q and %s", got.ByID.Name, got.ByName.DatabaseID, tag.Name, tag.ID)
	}
	if got.ByID.Charts.TotalCount != wantCharts || got.ByID.Songs.TotalCount != wantSongs {
		t.Errorf("tag charts %d songs %d, want %d and %d", got.ByID.Charts.TotalCount, got.ByID.Songs.TotalCount, wantCharts, wantSongs)
	}
	for _, c := range got.ByID.Charts.Nodes {
		has := false
		for _, tg := range c.Tags {
			has = has || tg.Name == tag.Name
		}
		if !has {
			t.Errorf("chart of tag %s lacks it: %+v", tag.Name, c.Tags)
		}
	}
	if s, _ := httpGet(e.rest.URL + "/charts/" + got.RandomChart.DatabaseID); s != 200 {
		t.Errorf("random chart %q is not a chart", got.RandomChart.DatabaseID)
	}
	if s, _ := httpGet(e.rest.URL + "/songs/" + got.RandomSong.DatabaseID); s != 200 {
		t.Errorf("random song %q is not a song", got.RandomSong.DatabaseID)
	}
	if got.SiteAbstract != abstract || got.Headline != headline.Headline || got.Headline == "" {
		t.Errorf("abstract %+v headline %q, want %+v and %q", got.SiteAbstract, got.Headline, abstract, headline.Headline)
	}

	for _, bad := range []string{`{ tag { name } }`, `{ tag(id: "x") { name } }`, `{ chapter(id: "nope") { title } }`} {
		a := e.query(bad, nil, "", nil)
		if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("%s: errors %+v, want BAD_USER_INPUT", bad, a.Errors)
		}
		if n, _ := e.calls(); n != 0 {
			t.Errorf("%s made %d upstream calls", bad, n)
		}
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
