package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The sandbox's writes change the data set in memory, with the upstream's
// permission rules: 401 with an empty body without a token, 403
// InsufficientPermission for a role too low, 400 AlreadyDone for a repeat.
// A new Server starts from the generated data again.

const (
	codeInvalidOperation = "InvalidOperation"
	codeFieldEmpty       = "FieldEmpty"
	codeInvalidLanguage  = "InvalidLanguageCode"
	maxUploadBytes       = 32 << 20
)

func init() {
	areaRoutes["writes"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/charts/{id:guid}/likes", (*call).postChartLike),
			newRoute(http.MethodDelete, "/charts/{id:guid}/likes", (*call).deleteChartLike),
			newRoute(http.MethodPost, "/charts/{id:guid}/comments", (*call).postChartComment),
			newRoute(http.MethodPost, "/comments/{id:guid}/replies", (*call).postCommentReply),
			newRoute(http.MethodPost, "/users/{id:int}/follow", (*call).postFollow),
			newRoute(http.MethodPost, "/users/{id:int}/unfollow", (*call).postUnfollow),
			newRoute(http.MethodPatch, "/charts/{id:guid}", (*call).patchChart),
			newRoute(http.MethodPatch, "/charts/{id:guid}/illustration", (*call).patchChartIllustration),
		}
	}
}

// member checks that the caller is signed in as at least a member.
func (c *call) member() bool {
	if c.caller == nil {
		c.unauthorized()
		return false
	}
	if c.caller.Role < RoleMember {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return false
	}
	return true
}

// now is the moment writes are stamped with, and every rule of time
// (cooldowns, codes, sessions, plays) is judged at: the sandbox's clock.
func (c *call) now() time.Time { return c.s.auth.now() }

// clock is the sandbox's present: the data set's present ([Data.Now]) plus
// the time since the server started (and what [Server.Advance] added), so
// it stays after the generated data and never depends on the wall clock's
// date.
func (s *Server) clock() time.Time {
	return s.data.Now.Add(time.Since(s.started) + time.Duration(s.skew.Load()))
}

// Advance moves the sandbox's clock forward by d, as if that much time had
// passed: for tests of what waits (a play's end, a code's expiry).
func (s *Server) Advance(d time.Duration) { s.skew.Add(int64(d)) }

// newID returns a fresh GUID for a created resource.
func (c *call) newID() string {
	c.s.created++
	sum := sha256.Sum256([]byte("sandbox-created-" + strconv.Itoa(c.s.created)))
	h := hex.EncodeToString(sum[:16])
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-8" + h[17:20] + "-" + h[20:32]
}

// postChartLike is POST /charts/{id}/likes: 201 with no body.
func (c *call) postChartLike() {
	if !c.member() {
		return
	}
	chart := c.d.Chart(c.params["id"])
	switch {
	case chart == nil:
		c.notFound()
	case chart.IsLocked:
		c.fail(http.StatusBadRequest, codeLocked)
	case c.d.idx.likes[likeKey{c.caller.ID, chart.ID}] != (time.Time{}):
		c.fail(http.StatusBadRequest, codeAlreadyDone)
	default:
		c.d.Likes = append(c.d.Likes, Like{ID: c.newID(), ResourceID: chart.ID, OwnerID: c.caller.ID, DateCreated: c.now()})
		chart.LikeCount++
		c.d.reindex()
		c.empty(http.StatusCreated)
	}
}

// deleteChartLike is DELETE /charts/{id}/likes: 204.
func (c *call) deleteChartLike() {
	if !c.member() {
		return
	}
	chart := c.d.Chart(c.params["id"])
	if chart == nil {
		c.notFound()
		return
	}
	for i, l := range c.d.Likes {
		if l.ResourceID == chart.ID && l.OwnerID == c.caller.ID {
			c.d.Likes = append(c.d.Likes[:i], c.d.Likes[i+1:]...)
			chart.LikeCount--
			c.d.reindex()
			c.empty(http.StatusNoContent)
			return
		}
	}
	c.fail(http.StatusBadRequest, codeAlreadyDone)
}

// commentBody is CommentCreationDto and ReplyCreationDto.
type commentBody struct {
	Content  string `json:"content"`
	Language string `json:"language"`
}

var languageCode = regexp.MustCompile(`^[a-z]{2}(?:-[A-Z]{2})?$`)

// readComment decodes and validates a comment or reply body.
func (c *call) readComment() (commentBody, bool) {
	var b commentBody
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&b); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return b, false
	}
	var errs []fieldError
	switch {
	case strings.TrimSpace(b.Content) == "":
		errs = append(errs, fieldError{Field: "Content", Errors: []string{codeFieldEmpty}})
	case len([]rune(b.Content)) > 3000:
		errs = append(errs, fieldError{Field: "Content", Errors: []string{codeValueTooLong}})
	}
	if !languageCode.MatchString(b.Language) {
		errs = append(errs, fieldError{Field: "Language", Errors: []string{codeInvalidLanguage}})
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return b, false
	}
	return b, true
}

// created answers 201 with the new resource's ID (CreatedResponseDto).
func (c *call) created(id string) {
	c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: map[string]string{"id": id}})
}

// postChartComment is POST /charts/{id}/comments.
func (c *call) postChartComment() {
	if !c.member() {
		return
	}
	chart := c.d.Chart(c.params["id"])
	if chart == nil {
		c.notFound()
		return
	}
	if chart.IsLocked {
		c.fail(http.StatusBadRequest, codeLocked)
		return
	}
	b, ok := c.readComment()
	if !ok {
		return
	}
	id := c.newID()
	c.d.Comments = append(c.d.Comments, Comment{
		ID: id, ResourceID: chart.ID, Content: b.Content, Language: b.Language,
		OwnerID: c.caller.ID, DateCreated: c.now(),
	})
	c.d.reindex()
	c.created(id)
}

// postCommentReply is POST /comments/{id}/replies.
func (c *call) postCommentReply() {
	if !c.member() {
		return
	}
	comment := c.d.Comment(c.params["id"])
	if comment == nil {
		c.notFound()
		return
	}
	b, ok := c.readComment()
	if !ok {
		return
	}
	id := c.newID()
	c.d.Replies = append(c.d.Replies, Reply{
		ID: id, CommentID: comment.ID, Content: b.Content, Language: b.Language,
		OwnerID: c.caller.ID, DateCreated: c.now(),
	})
	comment.ReplyCount++
	c.d.reindex()
	c.created(id)
}

// followTarget reads the user a follow or unfollow names.
func (c *call) followTarget() *User {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	id, _ := strconv.Atoi(c.params["id"])
	target := c.d.User(id)
	switch {
	case target == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
		return nil
	case target.ID == c.caller.ID:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return nil
	}
	return target
}

// postFollow is POST /users/{id}/follow: 201 with no body.
func (c *call) postFollow() {
	target := c.followTarget()
	if target == nil {
		return
	}
	for _, r := range c.d.Relations {
		if r.FollowerID == c.caller.ID && r.FolloweeID == target.ID && r.Type == RelationFollowing {
			c.fail(http.StatusBadRequest, codeAlreadyDone)
			return
		}
	}
	c.d.Relations = append(c.d.Relations, UserRelation{
		FollowerID: c.caller.ID, FolloweeID: target.ID, Type: RelationFollowing, DateCreated: c.now(),
	})
	target.FollowerCount++
	c.caller.FolloweeCount++
	c.d.reindex()
	c.empty(http.StatusCreated)
}

// postUnfollow is POST /users/{id}/unfollow: 204.
func (c *call) postUnfollow() {
	target := c.followTarget()
	if target == nil {
		return
	}
	for i, r := range c.d.Relations {
		if r.FollowerID == c.caller.ID && r.FolloweeID == target.ID && r.Type == RelationFollowing {
			c.d.Relations = append(c.d.Relations[:i], c.d.Relations[i+1:]...)
			target.FollowerCount--
			c.caller.FolloweeCount--
			c.d.reindex()
			c.empty(http.StatusNoContent)
			return
		}
	}
	c.fail(http.StatusBadRequest, codeAlreadyDone)
}
