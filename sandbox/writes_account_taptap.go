package sandbox

import (
	"crypto/rand"
	"math/big"
	"net/http"
	"strconv"
	"strings"
)

// TapTap: the lookup, bindings and sign-in of TapTap accounts, and the
// inheritance of a TapTap ghost's data by a member, played against the
// fake TapTap of writes_account_bindings.go.

// tapTapRequest is TapTapRequestDto.
type tapTapRequest struct {
	ApplicationID string `json:"applicationId"`
	AccessToken   string
	MacKey        string
}

// tapTapLogin plays TapTapService.Login for an application: 404
// ApplicationNotFound, 400 InvalidOperation without a TapTap client ID,
// 400 InvalidData without credentials, 400 RemoteFailure (with TapTap's
// error as data) for credentials TapTap refuses. It answers failures
// itself.
func (c *call) tapTapLogin(dto tapTapRequest) (tapTapUser, bool) {
	if _, ok := c.d.Areas.Catalog.idx.applications[strings.ToLower(dto.ApplicationID)]; !ok {
		c.fail(http.StatusNotFound, codeApplicationNotFound)
		return tapTapUser{}, false
	}
	if !strings.EqualFold(dto.ApplicationID, tapTapApp(c.d)) {
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return tapTapUser{}, false
	}
	if dto.AccessToken == "" || dto.MacKey == "" {
		c.fail(http.StatusBadRequest, codeInvalidData)
		return tapTapUser{}, false
	}
	user, ok := tapTapUsers[dto.AccessToken]
	if !ok || dto.MacKey != TapTapMacKey {
		c.writeJSON(http.StatusBadRequest, envelope{
			Status: StatusErrorWithData, Code: codeRemoteFailure,
			Data: map[string]any{"success": false, "data": map[string]any{"code": -1, "error": "invalid_token"}},
		})
		return tapTapUser{}, false
	}
	return user, true
}

func (c *call) byUnion(app, union string) *User {
	return c.boundTo(func(b *binding) bool {
		return strings.EqualFold(b.applicationID, app) && b.tapUnionID != nil && *b.tapUnionID == union
	})
}

// postAuthTapTap is POST /auth/tapTap: the TapTap account of the
// credentials, with the member bound to it, 200.
func (c *call) postAuthTapTap() {
	var dto tapTapRequest
	if !c.decode(&dto) {
		return
	}
	tap, ok := c.tapTapLogin(dto)
	if !ok {
		return
	}
	var user *UserDetailed
	if u := c.byUnion(dto.ApplicationID, tap.UnionID); u != nil {
		user = &UserDetailed{
			User: c.user(*u), Email: u.Email, EmailConfirmed: u.EmailConfirmed, PhoneNumber: u.PhoneNumber,
			PhoneNumberConfirmed: u.PhoneNumber != nil, TwoFactorEnabled: u.TwoFactorEnabled, Hostships: []Hostship{},
		}
	}
	c.plain(map[string]any{
		"userName": tap.Name, "avatar": tap.Avatar, "openId": tap.OpenID, "unionId": tap.UnionID, "user": user,
	})
}

// postTapTapBinding is POST /me/bindings/tapTap: binds the caller to the
// TapTap account on the application, 204.
func (c *call) postTapTapBinding() {
	if !c.member() {
		return
	}
	var dto tapTapRequest
	if !c.decode(&dto) {
		return
	}
	if app := tapTapApp(c.d); strings.EqualFold(dto.ApplicationID, app) && c.bindingOf(app, c.caller.ID) != nil {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	tap, ok := c.tapTapLogin(dto)
	if !ok {
		return
	}
	if c.byUnion(dto.ApplicationID, tap.UnionID) != nil {
		c.fail(http.StatusBadRequest, codeBindingOccupied)
		return
	}
	c.bindTapTap(tapTapApp(c.d), tap.UnionID)
	c.empty(http.StatusNoContent)
}

func (c *call) bindTapTap(app, union string) {
	now := c.now()
	c.acct().bindings = append(c.acct().bindings, binding{
		applicationID: app, userID: c.caller.ID, tapUnionID: &union, created: now, updated: now,
	})
}

// deleteTapTapBinding is DELETE /me/bindings/tapTap?applicationId=: 204.
func (c *call) deleteTapTapBinding() {
	if !c.member() {
		return
	}
	app := strings.ToLower(c.r.URL.Query().Get("applicationId"))
	if i, ok := c.d.Areas.Catalog.idx.applications[app]; ok {
		c.unbind(c.d.Areas.Catalog.Applications[i].ID)
		return
	}
	c.fail(http.StatusNotFound, codeApplicationNotFound)
}

// tapTapGrant is the grant of POST /auth/token?tapApplicationId=, whose
// username is TapTap's MAC key and password its access token: the member
// bound to the TapTap account, or else a session of its ghost. It answers
// failures itself.
func (c *call) tapTapGrant(app, macKey, accessToken string) (user *User, ghost *ghostKey, ok bool) {
	fail := func(status int, code, desc string) {
		c.writeJSON(status, tokenError{Error: code, ErrorDescription: desc})
	}
	i, known := c.d.Areas.Catalog.idx.applications[strings.ToLower(app)]
	switch {
	case !known:
		fail(http.StatusForbidden, "invalid_client", "The specified application does not exist.")
		return nil, nil, false
	case !strings.EqualFold(app, tapTapApp(c.d)):
		fail(http.StatusForbidden, "invalid_client", "The specified application does not have a client ID for TapTap.")
		return nil, nil, false
	}
	tap, found := tapTapUsers[accessToken]
	if !found || macKey != TapTapMacKey {
		fail(http.StatusForbidden, "access_denied", "Unable to log into TapTap with provided credentials.")
		return nil, nil, false
	}
	app = c.d.Areas.Catalog.Applications[i].ID
	if u := c.byUnion(app, tap.UnionID); u != nil {
		return u, nil, true
	}
	key := ghostKey{app, tap.UnionID}
	if g := c.acct().ghosts[key]; g != nil {
		g.lastLogin = c.now()
	} else {
		c.acct().ghosts[key] = &tapGhost{userName: tap.Name, avatar: tap.Avatar, lastLogin: c.now()}
	}
	return nil, &key, true
}

// ghostCaller is the ghost whose session the request carries, if any.
func (c *call) ghostCaller() *ghostKey {
	_, token, _ := strings.Cut(c.r.Header.Get("Authorization"), " ")
	c.s.auth.mu.Lock()
	defer c.s.auth.mu.Unlock()
	sess, ok := c.s.auth.access[strings.TrimSpace(token)]
	if !ok || sess.ghost == nil || !sess.expires.IsZero() && c.s.auth.now().After(sess.expires) {
		return nil
	}
	return sess.ghost
}

// postInheritRequest is POST /me/bindings/tapTap/inherit/request: a
// TapTap ghost asks for a four-character code that moves its data to a
// member, 200. The upstream answers any signed-in caller; the sandbox
// answers 403 to a member, whose code the upstream could not redeem.
func (c *call) postInheritRequest() {
	ghost := c.ghostCaller()
	switch {
	case ghost == nil && c.caller == nil:
		c.unauthorized()
		return
	case ghost == nil:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	const alphabet = "BDFHJLNPRTVXZBDFHJLNPRTVXZ0123456789"
	var code string
	for {
		b := make([]byte, 4)
		for i := range b {
			n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
			b[i] = alphabet[n.Int64()]
		}
		if _, taken := c.acct().inherits[string(b)]; !taken {
			code = string(b)
			break
		}
	}
	c.acct().inherits[code] = expiring{
		value: ghost.applicationID + ":" + ghost.unionID, expires: c.s.auth.now().Add(inheritCodeLife),
	}
	c.plain(struct {
		Code string `json:"code"`
	}{code})
}

// postInherit is POST /me/bindings/tapTap/inherit: the code of a ghost
// binds the caller to its TapTap account and gives the caller the ghost's
// avatar (when they have none) and experience (when higher), 204. Codes
// of other games (Phigrim) are unknown to the sandbox: 400 InvalidCode.
func (c *call) postInherit() {
	if !c.member() {
		return
	}
	var dto codeRequest
	if !c.decode(&dto) {
		return
	}
	var errs fieldErrors
	errs.code("Code", dto.Code, 4)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	v, ok := c.acct().inherits[strings.ToUpper(dto.Code)]
	if !ok || c.s.auth.now().After(v.expires) {
		c.fail(http.StatusBadRequest, codeInvalidCode)
		return
	}
	app, union, _ := strings.Cut(v.value, ":")
	ghost := c.acct().ghosts[ghostKey{app, union}]
	switch {
	case ghost == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	case c.bindingOf(app, c.caller.ID) != nil:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	if c.caller.Avatar == nil {
		avatar := resourceHost + "/users/avatars/" + strconv.Itoa(c.caller.ID) + ".webp"
		c.caller.Avatar = &avatar
	}
	c.caller.Experience = max(c.caller.Experience, ghost.experience)
	c.bindTapTap(app, union)
	c.empty(http.StatusNoContent)
}
