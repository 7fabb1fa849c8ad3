package sandbox

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

func init() {
	areaRoutes["catalog"] = func(s *Server) []route {
		get := func(t string, h func(c *call)) route { return newRoute(http.MethodGet, t, h) }
		routes := []route{
			get("/chapters", (*call).getChapters),
			get("/chapters/{id:guid}", (*call).getChapter),
			get("/chapters/{id:guid}/songs", (*call).getChapterSongs),
			get("/chapters/{id:guid}/comments", (*call).getChapterComments),
			get("/songs/{id:guid}/chapters", (*call).getSongChapters),
			get("/songs/{id:guid}/chapters/{chapterId:guid}", (*call).getSongChapter),

			get("/collections", (*call).getCollections),
			get("/collections/{id:guid}", (*call).getCollection),
			get("/collections/{id:guid}/charts", (*call).getCollectionCharts),
			get("/collections/{id:guid}/comments", (*call).getCollectionComments),
			get("/charts/{id:guid}/collections", (*call).getChartCollections),
			get("/charts/{id:guid}/collections/{collectionId:guid}", (*call).getChartCollection),

			get("/records/{id:guid}/comments", (*call).getRecordComments),
			get("/charts/{id:guid}/votes", (*call).getChartVotes),

			get("/announcements", (*call).getAnnouncements),
			get("/announcements/{id:guid}", (*call).getAnnouncement),
			get("/announcements/{id:guid}/comments", (*call).getAnnouncementComments),
			get("/applications", (*call).getApplications),
			get("/applications/{id:guid}", (*call).getApplication),
			get("/applications/{id:guid}/comments", (*call).getApplicationComments),

			get("/userRelations", (*call).getUserRelations),
			get("/userRelations/{followerId:int}/{followeeId:int}", (*call).getUserRelation),
			get("/notifications", (*call).getNotifications),
			get("/notifications/{id:guid}", (*call).getNotification),

			get("/pet/objective", (*call).getPetObjective),
			get("/pet/answers", (*call).getPetAnswers),
			get("/pet/answers/{id:guid}", (*call).getPetAnswer),
			get("/player/configurations", (*call).getPlayConfigurations),
			get("/player/configurations/{id:guid}", (*call).getPlayConfiguration),

			get("/", (*call).getAbstract),
			get("/headline", (*call).getHeadline),
			get("/tags/{id:guid}/charts", (*call).getTagCharts),
			get("/tags/{id:guid}/songs", (*call).getTagSongs),
			get("/charts/random", (*call).getRandomChart),
			get("/songs/random", (*call).getRandomSong),
		}
		for _, l := range likeable {
			routes = append(routes, get(l.route, likesOf(l.exists)))
		}
		return routes
	}
}

// likeable lists the likes route of every kind of resource users like,
// with the test of whether a resource of that kind exists.
var likeable = []struct {
	route  string
	exists func(d *Data, id string) bool
}{
	{"/charts/{id:guid}/likes", func(d *Data, id string) bool { return d.Chart(id) != nil }},
	{"/songs/{id:guid}/likes", func(d *Data, id string) bool { return d.Song(id) != nil }},
	{"/comments/{id:guid}/likes", func(d *Data, id string) bool { return d.Comment(id) != nil }},
	{"/replies/{id:guid}/likes", func(d *Data, id string) bool { return has(d.idx.replies, id) }},
	{"/records/{id:guid}/likes", func(d *Data, id string) bool { return d.Record(id) != nil }},
	{"/events/{id:guid}/likes", func(d *Data, id string) bool { return d.Event(id) != nil }},
	{"/events/divisions/{id:guid}/likes", func(d *Data, id string) bool { return d.Division(id) != nil }},
	{"/events/teams/{id:guid}/likes", func(d *Data, id string) bool { return d.Team(id) != nil }},
	{"/chapters/{id:guid}/likes", func(d *Data, id string) bool { return d.Chapter(id) != nil }},
	{"/collections/{id:guid}/likes", func(d *Data, id string) bool { return d.Collection(id) != nil }},
	{"/announcements/{id:guid}/likes", func(d *Data, id string) bool {
		return has(d.Areas.Catalog.idx.announcements, id)
	}},
	{"/applications/{id:guid}/likes", func(d *Data, id string) bool {
		return has(d.Areas.Catalog.idx.applications, id)
	}},
}

func has(index map[string]int, id string) bool {
	_, ok := index[id]
	return ok
}

// getChapters is GET /chapters (ChapterFilterDto, Search on titles).
func (c *call) getChapters() {
	l, ok := c.bind(specFor[chapterFilter, Chapter](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Areas.Catalog.Chapters, nil,
		func(v *Chapter) []string { return []string{v.Title, v.Subtitle} })
	c.many(mapList(page, c.chapter), total, l.listParams)
}

// getChapter is GET /chapters/{id}, under an ETag.
func (c *call) getChapter() {
	v := c.d.Chapter(c.params["id"])
	if v == nil {
		c.notFound()
		return
	}
	c.one(c.chapter(*v))
}

func (c *call) chapter(v Chapter) Chapter {
	v.DateLiked = c.liked(v.ID)
	return v
}

// getChapterComments is GET /chapters/{id}/comments; a locked chapter
// answers 400 Locked.
func (c *call) getChapterComments() {
	v := c.d.Chapter(c.params["id"])
	c.resourceComments(v != nil, v != nil && v.IsLocked)
}

// getCollections is GET /collections (CollectionFilterDto, whose fields
// are ChapterFilterDto's; Search on titles).
func (c *call) getCollections() {
	l, ok := c.bind(specFor[chapterFilter, Collection](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Areas.Catalog.Collections, nil,
		func(v *Collection) []string { return []string{v.Title, v.Subtitle} })
	c.many(mapList(page, c.collection), total, l.listParams)
}

// getCollection is GET /collections/{id}, under an ETag.
func (c *call) getCollection() {
	v := c.d.Collection(c.params["id"])
	if v == nil {
		c.notFound()
		return
	}
	c.one(c.collection(*v))
}

func (c *call) collection(v Collection) Collection {
	v.DateLiked = c.liked(v.ID)
	return v
}

// getCollectionComments is GET /collections/{id}/comments; a locked
// collection answers 400 Locked.
func (c *call) getCollectionComments() {
	v := c.d.Collection(c.params["id"])
	c.resourceComments(v != nil, v != nil && v.IsLocked)
}

// getRecordComments is GET /records/{id}/comments.
func (c *call) getRecordComments() {
	c.resourceComments(c.d.Record(c.params["id"]) != nil, false)
}

// likeDto is LikeDto.
type likeDto struct {
	DateCreated time.Time `json:"dateCreated"`
	ID          string    `json:"id"`
	OwnerID     int       `json:"ownerId"`
	ResourceID  string    `json:"resourceId"`
}

// likesOf answers GET /{resource}/{id}/likes (ArrayRequestDto only) for a
// kind of resource; exists tells whether the resource is there.
func likesOf(exists func(d *Data, id string) bool) func(c *call) {
	return func(c *call) {
		l, ok := c.bind(nil, false)
		if !ok {
			return
		}
		id := c.params["id"]
		if !exists(c.d, id) {
			c.notFound()
			return
		}
		page, total := collect(l, c.d.Likes, func(v *Like) bool { return v.ResourceID == id }, nil)
		c.many(mapList(page, func(v Like) likeDto {
			return likeDto{DateCreated: v.DateCreated, ID: v.ID, OwnerID: v.OwnerID, ResourceID: v.ResourceID}
		}), total, l.listParams)
	}
}

// getChartVotes is GET /charts/{id}/votes (VoteFilterDto).
func (c *call) getChartVotes() {
	l, ok := c.bind(specFor[voteFilter, Vote](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	if c.d.Chart(id) == nil {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Areas.Catalog.Votes, func(v *Vote) bool { return v.ChartID == id }, nil)
	c.many(page, total, l.listParams)
}

// getAnnouncements is GET /announcements (AnnouncementFilterDto, Search
// on title and content).
func (c *call) getAnnouncements() {
	l, ok := c.bind(specFor[announcementFilter, Announcement](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Areas.Catalog.Announcements, nil,
		func(v *Announcement) []string { return []string{v.Title, v.Content} })
	c.many(mapList(page, c.announcement), total, l.listParams)
}

// getAnnouncement is GET /announcements/{id}, under an ETag.
func (c *call) getAnnouncement() {
	cat := &c.d.Areas.Catalog
	v := lookup(cat.Announcements, cat.idx.announcements, c.params["id"])
	if v == nil {
		c.notFound()
		return
	}
	c.one(c.announcement(*v))
}

func (c *call) announcement(v Announcement) Announcement {
	v.DateLiked = c.liked(v.ID)
	return v
}

// getAnnouncementComments is GET /announcements/{id}/comments.
func (c *call) getAnnouncementComments() {
	_, ok := c.d.Areas.Catalog.idx.announcements[c.params["id"]]
	c.resourceComments(ok, false)
}

// getApplications is GET /applications (ApplicationFilterDto, Search on
// names).
func (c *call) getApplications() {
	l, ok := c.bind(specFor[applicationFilter, Application](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Areas.Catalog.Applications, nil,
		func(v *Application) []string { return []string{v.Name} })
	c.many(mapList(page, c.application), total, l.listParams)
}

// getApplication is GET /applications/{id}, under an ETag.
func (c *call) getApplication() {
	cat := &c.d.Areas.Catalog
	v := lookup(cat.Applications, cat.idx.applications, c.params["id"])
	if v == nil {
		c.notFound()
		return
	}
	c.one(c.application(*v))
}

func (c *call) application(v Application) Application {
	v.DateLiked = c.liked(v.ID)
	return v
}

// getApplicationComments is GET /applications/{id}/comments.
func (c *call) getApplicationComments() {
	_, ok := c.d.Areas.Catalog.idx.applications[c.params["id"]]
	c.resourceComments(ok, false)
}

// userRelationDto is UserRelationDto.
type userRelationDto struct {
	FollowerID  int              `json:"followerId"`
	FolloweeID  int              `json:"followeeId"`
	Type        UserRelationType `json:"type"`
	DateCreated time.Time        `json:"dateCreated"`
}

func relationDto(r UserRelation) userRelationDto {
	return userRelationDto{FollowerID: r.FollowerID, FolloweeID: r.FolloweeID, Type: r.Type, DateCreated: r.DateCreated}
}

// getUserRelations is GET /userRelations (UserRelationFilterDto).
func (c *call) getUserRelations() {
	l, ok := c.bind(specFor[userRelationFilter, UserRelation](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Relations, nil, nil)
	c.many(mapList(page, relationDto), total, l.listParams)
}

// getUserRelation is GET /userRelations/{followerId}/{followeeId}, under
// an ETag.
func (c *call) getUserRelation() {
	follower, _ := strconv.Atoi(c.params["followerId"])
	followee, _ := strconv.Atoi(c.params["followeeId"])
	for _, r := range c.d.Relations {
		if r.FollowerID == follower && r.FolloweeID == followee {
			c.one(relationDto(r))
			return
		}
	}
	c.notFound()
}

// getNotifications is GET /notifications: the caller's unread
// notifications, or the read ones with GetRead=true (NotificationFilterDto).
func (c *call) getNotifications() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	read := false
	if v := c.q.values("GetRead"); len(v) > 0 {
		b, ok := parseScalar(boolType, v[0])
		if !ok {
			c.invalid([]fieldError{invalidValue("GetRead", v[0])})
			return
		}
		read = b.Bool()
	}
	l, ok := c.bind(specFor[notificationFilter, Notification](), false)
	if !ok {
		return
	}
	me := c.caller.ID
	page, total := collect(l, c.d.Areas.Catalog.Notifications, func(n *Notification) bool {
		return n.OwnerID == me && (n.DateRead != nil) == read
	}, func(n *Notification) []string { return []string{n.Content} })
	c.many(mapList(page, c.notification), total, l.listParams)
}

// getNotification is GET /notifications/{id}: the caller's own only.
func (c *call) getNotification() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	cat := &c.d.Areas.Catalog
	n := lookup(cat.Notifications, cat.idx.notifications, c.params["id"])
	if n == nil {
		c.notFound()
		return
	}
	if n.OwnerID != c.caller.ID {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	c.one(c.notification(*n))
}

func (c *call) notification(n Notification) Notification {
	n.Operator = nil
	if n.OperatorID != nil {
		n.Operator = c.embedded(*n.OperatorID)
	}
	return n
}

// getAbstract is GET /: the site's counts.
func (c *call) getAbstract() {
	d := c.d
	c.one(struct {
		UserCount    int `json:"userCount"`
		RecordCount  int `json:"recordCount"`
		ChartCount   int `json:"chartCount"`
		SongCount    int `json:"songCount"`
		ChapterCount int `json:"chapterCount"`
		LikeCount    int `json:"likeCount"`
		CommentCount int `json:"commentCount"`
		ReplyCount   int `json:"replyCount"`
	}{len(d.Users), len(d.Records), len(d.Charts), len(d.Songs), len(d.Areas.Catalog.Chapters),
		len(d.Likes), len(d.Comments), len(d.Replies)})
}

// getHeadline is GET /headline.
func (c *call) getHeadline() {
	c.one(struct {
		Headline *string `json:"headline"`
	}{c.d.Areas.Catalog.Headline})
}

// getTagCharts is GET /tags/{id}/charts (ArrayRequestDto only): the charts
// with the tag.
func (c *call) getTagCharts() {
	l, ok := c.bind(nil, false)
	if !ok {
		return
	}
	id := c.params["id"]
	if _, ok := c.d.idx.tags[id]; !ok {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Charts, func(ch *Chart) bool { return taggedWith(ch.Tags, id) && (!ch.IsHidden || c.admin) }, nil)
	c.many(mapList(page, c.chart), total, l.listParams)
}

// getTagSongs is GET /tags/{id}/songs (ArrayRequestDto only): the songs
// with the tag.
func (c *call) getTagSongs() {
	l, ok := c.bind(nil, false)
	if !ok {
		return
	}
	id := c.params["id"]
	if _, ok := c.d.idx.tags[id]; !ok {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Songs, func(s *Song) bool { return taggedWith(s.Tags, id) && (!s.IsHidden || c.admin) }, nil)
	c.many(mapList(page, func(s Song) Song { return c.song(s, true) }), total, l.listParams)
}

func taggedWith(tags []Tag, id string) bool {
	for _, t := range tags {
		if t.ID == id {
			return true
		}
	}
	return false
}

// getRandomChart is GET /charts/random: a visible chart picked anew for
// every request, as ChartDetailedDto.
func (c *call) getRandomChart() {
	var visible []int
	for i, ch := range c.d.Charts {
		if !ch.IsHidden && !ch.IsLocked {
			visible = append(visible, i)
		}
	}
	if len(visible) == 0 {
		c.notFound()
		return
	}
	c.one(ChartDetailed{Chart: c.chart(c.d.Charts[visible[rand.IntN(len(visible))]])})
}

// getRandomSong is GET /songs/random: a visible song picked anew for every
// request.
func (c *call) getRandomSong() {
	var visible []int
	for i, s := range c.d.Songs {
		if !s.IsHidden {
			visible = append(visible, i)
		}
	}
	if len(visible) == 0 {
		c.notFound()
		return
	}
	c.one(c.song(c.d.Songs[visible[rand.IntN(len(visible))]], true))
}
