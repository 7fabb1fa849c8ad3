package facade_test

import (
	"net/url"
	"sort"
	"strconv"
	"testing"
)

// siteCounts is the part of AbstractDto the tests compare.
type siteCounts struct {
	ChartCount   int `json:"chartCount"`
	ChapterCount int `json:"chapterCount"`
	LikeCount    int `json:"likeCount"`
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
