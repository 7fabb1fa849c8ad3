package sandbox

import (
	"net/http"
	"slices"
)

// Likes and comments on every kind but charts (writes.go), with the rules
// of each kind's controller: who may like (any signed-in user, or members
// for comments and records), Locked where the resource has a lock, 404 for
// divisions and teams the caller may not see yet, and Blacklisted when the
// resource's owner and the caller block one another.

const codeBlacklisted = "Blacklisted"

// socialKind is one kind of resource callers like and, when commentable,
// comment on.
type socialKind struct {
	path        string // the resource's route, such as "/songs/{id:guid}"
	likeMember  bool   // liking and unliking need a member, not just a token
	commentable bool
	// find returns the resource with the ID as the caller may see it, or
	// nil for 404.
	find func(c *call, id string) *socialTarget
}

// socialTarget is what a like or a comment needs of its resource.
type socialTarget struct {
	id        string
	owner     int
	likeCount *int
	locked    bool // the controller answers 400 Locked
}

var socialKinds = []socialKind{
	{path: "/songs/{id:guid}", commentable: true, find: func(c *call, id string) *socialTarget {
		v := c.d.Song(id)
		if v == nil {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, v.IsLocked}
	}},
	{path: "/comments/{id:guid}", likeMember: true, find: func(c *call, id string) *socialTarget {
		v := c.d.Comment(id)
		if v == nil {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, false}
	}},
	{path: "/replies/{id:guid}", find: func(c *call, id string) *socialTarget {
		i, ok := c.d.idx.replies[id]
		if !ok {
			return nil
		}
		v := &c.d.Replies[i]
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, false}
	}},
	{path: "/records/{id:guid}", likeMember: true, commentable: true, find: func(c *call, id string) *socialTarget {
		v := c.d.Record(id)
		if v == nil {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, false}
	}},
	{path: "/events/{id:guid}", commentable: true, find: func(c *call, id string) *socialTarget {
		v := c.d.Event(id)
		if v == nil {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, false}
	}},
	{path: "/events/divisions/{id:guid}", commentable: true, find: func(c *call, id string) *socialTarget {
		v := c.d.Division(id)
		if v == nil || v.DateUnveiled.Compare(c.d.Now) >= 0 && !c.admin &&
			!c.d.hosts(c.caller, v.EventID, permRetrieveDivision) {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, false}
	}},
	{path: "/events/teams/{id:guid}", find: func(c *call, id string) *socialTarget {
		t := c.d.Team(id)
		if t == nil {
			return nil
		}
		v := c.d.Division(t.DivisionID)
		allowed := c.admin || c.participates(t.ID, c.caller.ID) ||
			v != nil && c.d.hosts(c.caller, v.EventID, permRetrieveTeam)
		if !allowed && (v == nil || v.DateUnveiled.Compare(c.d.Now) >= 0 || !t.IsUnveiled) {
			return nil
		}
		return &socialTarget{t.ID, t.OwnerID, &t.LikeCount, false}
	}},
	{path: "/chapters/{id:guid}", commentable: true, find: func(c *call, id string) *socialTarget {
		v := c.d.Chapter(id)
		if v == nil {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, v.IsLocked}
	}},
	{path: "/collections/{id:guid}", commentable: true, find: func(c *call, id string) *socialTarget {
		v := c.d.Collection(id)
		if v == nil {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, v.IsLocked}
	}},
	{path: "/announcements/{id:guid}", commentable: true, find: func(c *call, id string) *socialTarget {
		cat := &c.d.Areas.Catalog
		v := lookup(cat.Announcements, cat.idx.announcements, id)
		if v == nil {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, false}
	}},
	{path: "/applications/{id:guid}", commentable: true, find: func(c *call, id string) *socialTarget {
		cat := &c.d.Areas.Catalog
		v := lookup(cat.Applications, cat.idx.applications, id)
		if v == nil {
			return nil
		}
		return &socialTarget{v.ID, v.OwnerID, &v.LikeCount, false}
	}},
}

func init() {
	areaRoutes["writes-social"] = func(s *Server) []route {
		var routes []route
		for _, k := range socialKinds {
			routes = append(routes,
				newRoute(http.MethodPost, k.path+"/likes", func(c *call) { c.postLike(k) }),
				newRoute(http.MethodDelete, k.path+"/likes", func(c *call) { c.deleteLike(k) }))
			if k.commentable {
				routes = append(routes,
					newRoute(http.MethodPost, k.path+"/comments", func(c *call) { c.postComment(k) }))
			}
		}
		return append(routes,
			newRoute(http.MethodDelete, "/comments/{id:guid}", (*call).deleteComment),
			newRoute(http.MethodDelete, "/replies/{id:guid}", (*call).deleteReply),
		)
	}
}

// findSocial checks the caller (a member when member is set) and finds
// the resource, answering the failure itself when it returns nil.
func (c *call) findSocial(k socialKind, member bool) *socialTarget {
	switch {
	case c.caller == nil:
		c.unauthorized()
		return nil
	case member && c.caller.Role < RoleMember:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	t := k.find(c, c.params["id"])
	if t == nil {
		c.notFound()
	}
	return t
}

// blacklisted reports whether either of two users blocks the other.
func (d *Data) blacklisted(a, b int) bool {
	return slices.ContainsFunc(d.Relations, func(r UserRelation) bool {
		return r.Type == RelationBlacklisted &&
			(r.FollowerID == a && r.FolloweeID == b || r.FollowerID == b && r.FolloweeID == a)
	})
}

// postLike is POST /{kind}/{id}/likes: 201 with no body.
func (c *call) postLike(k socialKind) {
	t := c.findSocial(k, k.likeMember)
	switch {
	case t == nil:
	case c.d.blacklisted(t.owner, c.caller.ID):
		c.fail(http.StatusBadRequest, codeBlacklisted)
	case t.locked:
		c.fail(http.StatusBadRequest, codeLocked)
	case c.liked(t.id) != nil:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
	default:
		like := Like{ID: c.newID(), ResourceID: t.id, OwnerID: c.caller.ID, DateCreated: c.now()}
		c.d.Likes = append(c.d.Likes, like)
		*t.likeCount++
		c.d.reindex()
		c.empty(http.StatusCreated)
	}
}

// deleteLike is DELETE /{kind}/{id}/likes: 204.
func (c *call) deleteLike(k socialKind) {
	t := c.findSocial(k, k.likeMember)
	switch {
	case t == nil:
		return
	case t.locked:
		c.fail(http.StatusBadRequest, codeLocked)
		return
	}
	i := slices.IndexFunc(c.d.Likes, func(l Like) bool {
		return l.ResourceID == t.id && l.OwnerID == c.caller.ID
	})
	if i < 0 {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	c.d.Likes = slices.Delete(c.d.Likes, i, i+1)
	*t.likeCount--
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// postComment is POST /{kind}/{id}/comments: 201 with the comment's ID.
func (c *call) postComment(k socialKind) {
	t := c.findSocial(k, true)
	switch {
	case t == nil:
		return
	case c.d.blacklisted(t.owner, c.caller.ID):
		c.fail(http.StatusBadRequest, codeBlacklisted)
		return
	case t.locked:
		c.fail(http.StatusBadRequest, codeLocked)
		return
	}
	b, ok := c.readComment()
	if !ok {
		return
	}

	id := c.newID()
	c.d.Comments = append(c.d.Comments, Comment{
		ID: id, ResourceID: t.id, Content: b.Content, Language: b.Language,
		OwnerID: c.caller.ID, DateCreated: c.now(),
	})
	c.d.reindex()
	c.created(id)
}

// mayRemove applies the rule of comment and reply removal: members remove
// their own, moderators anyone's. It answers 403 itself.
func (c *call) mayRemove(owner int) bool {
	own := owner == c.caller.ID
	if own && c.caller.Role < RoleMember || !own && c.caller.Role < RoleModerator {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return false
	}
	return true
}

// deleteComment is DELETE /comments/{id}: 204; the comment's replies go
// with it.
func (c *call) deleteComment() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	v := c.d.Comment(c.params["id"])
	if v == nil {
		c.notFound()
		return
	}
	if !c.mayRemove(v.OwnerID) {
		return
	}

	id := v.ID
	c.d.Replies = slices.DeleteFunc(c.d.Replies, func(r Reply) bool { return r.CommentID == id })
	c.d.Comments = slices.DeleteFunc(c.d.Comments, func(v Comment) bool { return v.ID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteReply is DELETE /replies/{id}: 204; the comment's replyCount
// drops by one.
func (c *call) deleteReply() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	i, ok := c.d.idx.replies[c.params["id"]]
	if !ok {
		c.notFound()
		return
	}
	reply := c.d.Replies[i]
	if !c.mayRemove(reply.OwnerID) {
		return
	}

	if comment := c.d.Comment(reply.CommentID); comment != nil {
		comment.ReplyCount--
	}
	c.d.Replies = slices.Delete(c.d.Replies, i, i+1)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
