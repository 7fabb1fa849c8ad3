package sandbox

import "net/http"

// routeTable lists the endpoints the sandbox serves, with the upstream's
// templates. Other paths answer 404 with an empty body, as the upstream's
// router does; a known path with another method answers 405.
func (s *Server) routeTable() []route {
	get := func(t string, h func(c *call)) route { return newRoute(http.MethodGet, t, h) }
	post := func(t string, h func(c *call)) route { return newRoute(http.MethodPost, t, h) }
	return append([]route{
		post("/auth/token", (*call).postToken),
		post("/auth/revoke", (*call).postRevoke),
		get("/me", (*call).getMe),

		get("/charts", (*call).getCharts),
		get("/charts/{id:guid}", (*call).getChart),
		get("/charts/{id:guid}/leaderboard", (*call).getLeaderboard),
		get("/charts/{id:guid}/comments", (*call).getChartComments),

		get("/songs", (*call).getSongs),
		get("/songs/{id:guid}", (*call).getSong),
		get("/songs/{id:guid}/charts", (*call).getSongCharts),
		get("/songs/{id:guid}/comments", (*call).getSongComments),

		get("/users", (*call).getUsers),
		get("/users/{id:int}", (*call).getUser),
		get("/users/{id:int}/followers", (*call).getFollowers),
		get("/users/{id:int}/followees", (*call).getFollowees),

		get("/regions", (*call).getRegions),
		get("/regions/{code}", (*call).getRegion),
		get("/regions/{id:int}", (*call).getRegion),
		get("/regions/{code}/users", (*call).getRegionUsers),
		get("/regions/{id:int}/users", (*call).getRegionUsers),

		get("/tags", (*call).getTags),
		get("/tags/{id:guid}", (*call).getTag),
		get("/tags/{name}", (*call).getTag),

		get("/authorships", (*call).getAuthorships),
		get("/authorships/{id:guid}", (*call).getAuthorship),

		get("/records", (*call).getRecords),
		get("/records/{id:guid}", (*call).getRecord),

		get("/comments", (*call).getComments),
		get("/comments/{id:guid}", (*call).getComment),
		get("/comments/{id:guid}/replies", (*call).getCommentReplies),
		get("/replies", (*call).getReplies),
		get("/replies/{id:guid}", (*call).getReply),

		get("/events", (*call).getEvents),
		get("/events/{id:guid}", (*call).getEvent),
		get("/events/{id:guid}/divisions", (*call).getEventDivisions),
		get("/events/{id:guid}/comments", (*call).getEventComments),
		get("/events/divisions", (*call).getDivisions),
		get("/events/divisions/{id:guid}", (*call).getDivision),
		get("/events/teams", (*call).getTeams),
		get("/events/teams/{id:guid}", (*call).getTeam),
		get("/events/hostships", (*call).getHostships),
	}, s.extraRoutes()...)
}

// resourceComments answers the comments on one resource (ArrayRequestDto
// only, no filter). A locked parent answers 400 Locked to
// non-administrators, as upstream does for charts and songs.
func (c *call) resourceComments(exists, locked bool) {
	l, ok := c.bind(nil, false)
	if !ok {
		return
	}
	if !exists {
		c.notFound()
		return
	}
	if locked && !c.admin {
		c.fail(http.StatusBadRequest, codeLocked)
		return
	}
	id := c.params["id"]
	page, total := collect(l, c.d.Comments, func(v *Comment) bool { return v.ResourceID == id }, nil)
	c.many(mapList(page, c.comment), total, l.listParams)
}
