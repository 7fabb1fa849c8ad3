package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Writes of profiles and notifications, with the rules of UserController
// and NotificationController, and the routes of every write of this area.
// Tags and authorships are in writes_tags.go, hostships in
// writes_hostships.go, admissions and collaborations in writes_requests.go.

const (
	codeUserNameOccupied  = "UserNameOccupied"
	codeInvalidUserName   = "InvalidUserName"
	codeInvalidRegionCode = "InvalidRegionCode"
	codeUnsupportedRegion = "UnsupportedRegion"
)

func init() {
	areaRoutes["writes-more"] = func(s *Server) []route {
		return append([]route{
			newRoute(http.MethodPatch, "/users/{id:int}", (*call).patchUser),
			newRoute(http.MethodPatch, "/users/{id:int}/avatar", (*call).patchUserAvatar),
			newRoute(http.MethodDelete, "/users/{id:int}/avatar", (*call).deleteUserAvatar),
			newRoute(http.MethodPost, "/notifications/read", (*call).postNotificationsRead),
			newRoute(http.MethodPost, "/notifications/{id:guid}/read", (*call).postNotificationRead),
			newRoute(http.MethodDelete, "/notifications/{id:guid}", (*call).deleteNotification),
			newRoute(http.MethodPost, "/tags", (*call).postTag),
			newRoute(http.MethodPatch, "/tags/{id:guid}", (*call).patchTag),
			newRoute(http.MethodDelete, "/tags/{id:guid}", (*call).deleteTag),
			newRoute(http.MethodPost, "/tags/{id:guid}/event", func(c *call) {
				tag := ResourceTag
				c.postEventLink(idOf(lookup(c.d.Tags, c.d.idx.tags, c.params["id"]), func(v *Tag) string { return v.ID }), &tag)
			}),
			newRoute(http.MethodPost, "/charts/{id:guid}/authorships", func(c *call) {
				c.postAuthorship(c.d.Chart(c.params["id"]) != nil)
			}),
			newRoute(http.MethodPost, "/songs/{id:guid}/authorships", func(c *call) {
				c.postAuthorship(c.d.Song(c.params["id"]) != nil)
			}),
			newRoute(http.MethodPatch, "/authorships/{id:guid}", (*call).patchAuthorship),
			newRoute(http.MethodDelete, "/authorships/{id:guid}", (*call).deleteAuthorship),
		}, append(hostshipRoutes(), requestRoutes()...)...)
	}
}

// readJSON decodes the request's JSON body into v, answering 400 itself
// when it is not JSON.
func (c *call) readJSON(v any) bool {
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(v); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return false
	}
	return true
}

// patchField applies one JSON Patch operation to dst; "remove" and null
// clear a nullable field (dst points to a pointer) and empty any other.
// It returns an error code, or "".
func patchField(op patchOp, dst any, nullable bool) string {
	if op.Op != "replace" && op.Op != "add" && op.Op != "remove" {
		return codeInvalidOperation
	}
	v := op.Value
	if op.Op == "remove" {
		v = json.RawMessage("null")
	}
	if string(v) == "null" && !nullable {
		return codeFieldEmpty
	}
	if json.Unmarshal(v, dst) != nil {
		return codeInvalidData
	}
	return ""
}

// applyPatch reads a JSON Patch and applies each operation through apply,
// which returns an error code for the operation; it answers 400 itself.
func (c *call) applyPatch(apply func(op patchOp) string) bool {
	var ops []patchOp
	if !c.readJSON(&ops) {
		return false
	}
	var errs []fieldError
	for _, op := range ops {
		if code := apply(op); code != "" {
			errs = append(errs, fieldError{Field: fieldName(op.Path), Errors: []string{code}})
		}
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return false
	}
	return true
}

// tooLong adds a ValueTooLong error for field when s is over max runes.
func tooLong(errs []fieldError, field string, s *string, limit int) []fieldError {
	if s != nil && len([]rune(*s)) > limit {
		errs = append(errs, fieldError{Field: field, Errors: []string{codeValueTooLong}})
	}
	return errs
}

// profileTarget checks the caller of a write on user {id}: 401, 404
// UserNotFound, then 403 unless it is a member changing themselves or an
// administrator. It answers the failure itself when it returns nil.
func (c *call) profileTarget() *User {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	id, _ := strconv.Atoi(c.params["id"])
	u := c.d.User(id)
	switch {
	case u == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
		return nil
	case u.ID == c.caller.ID && c.caller.Role < RoleMember, u.ID != c.caller.ID && !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return u
}

// userUpdate is UserUpdateDto.
type userUpdate struct {
	UserName    string
	Gender      Gender
	Biography   *string
	Language    string
	RegionCode  string
	DateOfBirth *time.Time
}

var userNamePattern = regexp.MustCompile(`^([A-Za-z0-9_]{4,24}|` +
	`[a-zA-Z0-9_\x{4e00}-\x{9fff}\x{3041}-\x{309f}\x{30a0}-\x{30ff}\x{ac00}-\x{d7a3}]{3,12}|` +
	`[\x{4e00}-\x{9fff}\x{3041}-\x{309f}\x{30a0}-\x{30ff}\x{ac00}-\x{d7a3}]{2,12})$`)

var regionCodePattern = regexp.MustCompile(`^[A-Z]{2}$`)

// patchUser is PATCH /users/{id}: a JSON Patch over UserUpdateDto, 204.
// The upstream's 15-day cooldown between user names is not kept: the
// sandbox does not record when a name changed.
func (c *call) patchUser() {
	u := c.profileTarget()
	if u == nil {
		return
	}
	dto := userUpdate{u.UserName, u.Gender, u.Biography, u.Language, u.Region.Code, u.DateOfBirth}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/username":
			return patchField(op, &dto.UserName, false)
		case "/gender":
			return patchField(op, &dto.Gender, false)
		case "/biography":
			return patchField(op, &dto.Biography, true)
		case "/language":
			return patchField(op, &dto.Language, false)
		case "/regioncode":
			return patchField(op, &dto.RegionCode, false)
		case "/dateofbirth":
			return patchField(op, &dto.DateOfBirth, true)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}

	var errs []fieldError
	add := func(field, code string) { errs = append(errs, fieldError{Field: field, Errors: []string{code}}) }
	if !userNamePattern.MatchString(dto.UserName) {
		add("UserName", codeInvalidUserName)
	}
	if dto.Gender < 0 || dto.Gender > 2 {
		add("Gender", codeValueOutOfRange)
	}
	errs = tooLong(errs, "Biography", dto.Biography, 2000)
	if !languageCode.MatchString(dto.Language) {
		add("Language", codeInvalidLanguage)
	}
	region, known := c.d.idx.regionsByCode[dto.RegionCode]
	switch {
	case !regionCodePattern.MatchString(dto.RegionCode):
		add("RegionCode", codeInvalidRegionCode)
	case !known:
		add("RegionCode", codeUnsupportedRegion)
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if dto.UserName != u.UserName && slices.ContainsFunc(c.d.Users, func(o User) bool {
		return o.ID != u.ID && strings.EqualFold(o.UserName, dto.UserName)
	}) {
		c.fail(http.StatusBadRequest, codeUserNameOccupied)
		return
	}

	u.UserName, u.Gender, u.Biography, u.Language = dto.UserName, dto.Gender, dto.Biography, dto.Language
	u.Region = c.d.Regions[region]
	if dto.DateOfBirth != nil {
		birth := dto.DateOfBirth.UTC()
		u.DateOfBirth = &birth
	} else {
		u.DateOfBirth = nil
	}
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchUserAvatar is PATCH /users/{id}/avatar: a multipart form with the
// picture as File, 204. Without a file nothing changes, as upstream.
func (c *call) patchUserAvatar() {
	u := c.profileTarget()
	if u == nil {
		return
	}
	if !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", strconv.Itoa(u.ID), "users/avatars", ".webp")
	if ok && present {
		u.Avatar = &url
	}
	if ok {
		c.empty(http.StatusNoContent)
	}
}

// deleteUserAvatar is DELETE /users/{id}/avatar: 204.
func (c *call) deleteUserAvatar() {
	if u := c.profileTarget(); u != nil {
		u.Avatar = nil
		c.empty(http.StatusNoContent)
	}
}

// postNotificationsRead is POST /notifications/read: marks one page of the
// caller's unread notifications (or read ones with GetRead=true; the
// list's parameters and filters apply) read, 204.
func (c *call) postNotificationsRead() {
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

	cat := &c.d.Areas.Catalog
	me, now := c.caller.ID, c.now()
	page, _ := collect(l, cat.Notifications, func(n *Notification) bool {
		return n.OwnerID == me && (n.DateRead != nil) == read
	}, func(n *Notification) []string { return []string{n.Content} })
	for _, n := range page {
		lookup(cat.Notifications, cat.idx.notifications, n.ID).DateRead = &now
	}
	c.empty(http.StatusNoContent)
}

// ownNotification finds notification {id} for a write: 401, 404, then 403
// unless the caller owns it or is an administrator.
func (c *call) ownNotification() *Notification {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	cat := &c.d.Areas.Catalog
	n := lookup(cat.Notifications, cat.idx.notifications, c.params["id"])
	switch {
	case n == nil:
		c.notFound()
		return nil
	case n.OwnerID != c.caller.ID && !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return n
}

// postNotificationRead is POST /notifications/{id}/read: 204.
func (c *call) postNotificationRead() {
	if n := c.ownNotification(); n != nil {
		now := c.now()
		n.DateRead = &now
		c.empty(http.StatusNoContent)
	}
}

// deleteNotification is DELETE /notifications/{id}: 204.
func (c *call) deleteNotification() {
	n := c.ownNotification()
	if n == nil {
		return
	}
	id := n.ID
	cat := &c.d.Areas.Catalog
	cat.Notifications = slices.DeleteFunc(cat.Notifications, func(v Notification) bool { return v.ID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
