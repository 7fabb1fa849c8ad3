package sandbox

import (
	"crypto/rand"
	"encoding/json"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Bindings of accounts to OAuth providers and TapTap, sign-up with a
// provider and TapTap ghost accounts. The sandbox calls no provider: it
// plays them itself with the fixed codes and tokens below, which tests
// send as a browser or the TapTap SDK would have obtained them.
//
// Providers: GitHub and Phira are configured (Discord and QQ are known
// names without a configuration, so they answer 404 as upstream). Their
// applications are the data set's first and second; the third has a
// TapTap client ID.

// Codes a provider's authorisation page "returns" to the redirect URI.
const (
	// ProviderCodeNew identifies a remote account known to no member.
	ProviderCodeNew = "sandbox-provider-code-new"
	// ProviderCodeTakenEmail identifies a remote account whose e-mail
	// address is Alice's, so that a sign-up with it is refused.
	ProviderCodeTakenEmail = "sandbox-provider-code-alice-email"
)

// Credentials the TapTap SDK "returns" for two TapTap accounts; any other
// pair is refused by the fake TapTap.
const (
	TapTapMacKey       = "sandbox-taptap-mac-key"
	TapTapAccessToken  = "sandbox-taptap-access-1"
	TapTapAccessToken2 = "sandbox-taptap-access-2"
)

const (
	codeApplicationNotFound  = "ApplicationNotFound"
	codeRemoteFailure        = "RemoteFailure"
	codeBindingOccupied      = "BindingOccupied"
	codeAuthFailure          = "AuthFailure"
	codeAuthProviderNotFound = "AuthProviderNotFound"

	// tapTapGhostUserID is CriticalValues.TapTapGhostUserId, the subject of
	// a ghost's session.
	tapTapGhostUserID = -1
	providerStateLife = 2 * time.Hour
	inheritCodeLife   = 10 * time.Minute
)

// remoteUser is an account of a fake provider.
type remoteUser struct {
	ID, Login, Name, Email string
}

var remoteUsers = map[string]remoteUser{
	ProviderCodeNew:        {ID: "7001", Login: "octo-sandbox", Name: "Octo Sandbox", Email: "octo@remote.sandbox.test"},
	ProviderCodeTakenEmail: {ID: "7002", Login: "alice-remote", Name: "Alice Remote", Email: seeded[1].email},
}

// tapTapUser is an account of the fake TapTap.
type tapTapUser struct {
	Name, Avatar, OpenID, UnionID string
}

var tapTapUsers = map[string]tapTapUser{
	TapTapAccessToken: {Name: "TapRhythm", Avatar: "https://taptap.sandbox.test/avatars/1.png",
		OpenID: "taptap-open-1", UnionID: "taptap-union-1"},
	TapTapAccessToken2: {Name: "TapGhost", Avatar: "https://taptap.sandbox.test/avatars/2.png",
		OpenID: "taptap-open-2", UnionID: "taptap-union-2"},
}

// binding is an ApplicationUser row: a member's link to an application.
type binding struct {
	applicationID  string
	userID         int
	remoteUserID   *string
	remoteUserName *string
	tapUnionID     *string
	accessToken    *string
	created        time.Time
	updated        time.Time
}

// ghostKey names a TapTap ghost: an application and a TapTap union ID.
type ghostKey struct{ applicationID, unionID string }

// tapGhost is a TapTap player with no PhiZone account.
type tapGhost struct {
	userName, avatar string
	experience       uint64
	lastLogin        time.Time
}

func bindingRoutes() []route {
	return []route{
		newRoute(http.MethodPost, "/auth/provider/{provider}", (*call).postAuthProvider),
		newRoute(http.MethodPost, "/auth/tapTap", (*call).postAuthTapTap),
		newRoute(http.MethodPost, "/users/provider/{provider}", (*call).postUserWithProvider),
		newRoute(http.MethodPost, "/me/bindings/{provider}", (*call).postBinding),
		newRoute(http.MethodDelete, "/me/bindings/{provider}", (*call).deleteBinding),
		newRoute(http.MethodPost, "/me/bindings/tapTap", (*call).postTapTapBinding),
		newRoute(http.MethodDelete, "/me/bindings/tapTap", (*call).deleteTapTapBinding),
		newRoute(http.MethodPost, "/me/bindings/tapTap/inherit/request", (*call).postInheritRequest),
		newRoute(http.MethodPost, "/me/bindings/tapTap/inherit", (*call).postInherit),
	}
}

// ProviderApplicationID returns the application of a configured provider
// ("GitHub" or "Phira", any case), or "" for any other name.
func (s *Server) ProviderApplicationID(provider string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return providerApp(s.data, provider)
}

// TapTapApplicationID returns the application with a TapTap client ID.
func (s *Server) TapTapApplicationID() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return tapTapApp(s.data)
}

func providerApp(d *Data, provider string) string {
	apps := d.Areas.Catalog.Applications
	for i, name := range []string{"github", "phira"} {
		if strings.EqualFold(provider, name) && len(apps) > i {
			return apps[i].ID
		}
	}
	return ""
}

func tapTapApp(d *Data) string {
	if apps := d.Areas.Catalog.Applications; len(apps) > 2 {
		return apps[2].ID
	}
	return ""
}

// knownProvider is whether name is an AuthProvider, parsed ignoring case.
func knownProvider(name string) bool {
	return slices.ContainsFunc([]string{"GitHub", "Phira", "Discord", "Qq"}, func(p string) bool {
		return strings.EqualFold(p, name)
	})
}

// provider resolves the {provider} of the route to its application,
// answering 404 ResourceNotFound itself for an unknown or unconfigured one.
func (c *call) provider() (string, bool) {
	p := c.params["provider"]
	app := providerApp(c.d, p)
	if !knownProvider(p) || app == "" {
		c.notFound()
		return "", false
	}
	return app, true
}

func (c *call) bindingOf(app string, user int) *binding {
	for i := range c.acct().bindings {
		if b := &c.acct().bindings[i]; b.applicationID == app && b.userID == user {
			return b
		}
	}
	return nil
}

func (c *call) boundTo(match func(b *binding) bool) *User {
	for i := range c.acct().bindings {
		if b := &c.acct().bindings[i]; match(b) {
			return c.d.User(b.userID)
		}
	}
	return nil
}

// providerRequest is ProviderRequestDto.
type providerRequest struct {
	State       string
	RedirectURI string `json:"redirectUri"`
}

// postAuthProvider is POST /auth/provider/{provider}: it remembers the
// state (and the caller, who then binds rather than signs in) and answers
// the provider's authorisation address as a ServiceResponseDto, 200.
func (c *call) postAuthProvider() {
	app, ok := c.provider()
	if !ok {
		return
	}
	var dto providerRequest
	if !c.decode(&dto) {
		return
	}
	user := ""
	if c.caller != nil {
		user = strconv.Itoa(c.caller.ID)
	}
	name := strings.ToLower(c.params["provider"])
	c.acct().states[name+":"+dto.State] = expiring{value: user, expires: c.s.auth.now().Add(providerStateLife)}
	q := url.Values{"client_id": {"sandbox-" + app}, "state": {dto.State}, "redirect_uri": {dto.RedirectURI}}
	c.plain(map[string]any{
		"type": 2, "message": nil,
		"redirectUri": "https://auth.sandbox.phizone.test/" + name + "/authorize?" + q.Encode(),
	})
}

// remoteToken plays RequestTokenAsync: the state must have been asked for
// by the same caller (or anonymously, for user nil) and is spent; the
// code must be one of the fake provider's.
func (c *call) remoteToken(provider, code, state string, user *User) (remoteUser, bool) {
	id, ok := c.take(c.acct().states, strings.ToLower(provider)+":"+state)
	if !ok || user == nil && id != "" || user != nil && id != strconv.Itoa(user.ID) {
		return remoteUser{}, false
	}
	remote, ok := remoteUsers[code]
	return remote, ok
}

// postUserWithProvider is POST /users/provider/{provider}?code&state:
// sign-up with a provider's account (UserRegistrationWithProviderDto), 201
// with a login token.
func (c *call) postUserWithProvider() {
	var dto registration
	if !c.decode(&dto) {
		return
	}
	if errs := c.profileErrors(dto, nil); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	app := providerApp(c.d, c.params["provider"])
	if !knownProvider(c.params["provider"]) || app == "" {
		c.fail(http.StatusBadRequest, codeAuthProviderNotFound)
		return
	}
	remote, ok := c.remoteToken(c.params["provider"], c.r.URL.Query().Get("code"), c.r.URL.Query().Get("state"), nil)
	switch {
	case !ok:
		c.fail(http.StatusBadRequest, codeAuthFailure)
		return
	case c.byEmail(remote.Email) != nil:
		c.fail(http.StatusBadRequest, codeEmailOccupied)
		return
	case c.boundTo(func(b *binding) bool {
		return b.applicationID == app && b.remoteUserID != nil && *b.remoteUserID == remote.Login
	}) != nil:
		c.fail(http.StatusBadRequest, codeBindingOccupied)
		return
	}

	dto.UserName = strings.ReplaceAll(remote.Name, " ", "_")
	for n := 2; !userNamePattern.MatchString(dto.UserName) || c.byUserName(dto.UserName) != nil; n++ {
		dto.UserName = "User_" + strconv.Itoa(n) + remote.ID
	}
	u := c.createMember(dto, remote.Email, nil)
	c.bindRemote(app, u.ID, remote)
	c.createdWith(struct {
		Token string `json:"token"`
	}{c.loginToken(u.ID, signUpTokenLifetime)})
}

// bindRemote links user to the remote account on app.
func (c *call) bindRemote(app string, user int, remote remoteUser) {
	now := c.now()
	token := "remote-token-" + remote.ID
	if b := c.bindingOf(app, user); b != nil {
		b.remoteUserID, b.remoteUserName, b.accessToken, b.updated = &remote.Login, &remote.Name, &token, now
		return
	}
	c.acct().bindings = append(c.acct().bindings, binding{
		applicationID: app, userID: user, remoteUserID: &remote.Login, remoteUserName: &remote.Name,
		accessToken: &token, created: now, updated: now,
	})
}

// postBinding is POST /me/bindings/{provider}?code&state: binds the caller
// to the provider's account, 204; 400 InvalidData when the code or state
// is not good or the account is another member's.
func (c *call) postBinding() {
	if !c.member() {
		return
	}
	app, ok := c.provider()
	if !ok {
		return
	}
	remote, ok := c.remoteToken(c.params["provider"], c.r.URL.Query().Get("code"), c.r.URL.Query().Get("state"),
		c.caller)
	if !ok || c.boundTo(func(b *binding) bool {
		return b.applicationID == app && b.userID != c.caller.ID && b.remoteUserID != nil && *b.remoteUserID == remote.Login
	}) != nil {
		c.fail(http.StatusBadRequest, codeInvalidData)
		return
	}
	c.bindRemote(app, c.caller.ID, remote)
	c.empty(http.StatusNoContent)
}

// deleteBinding is DELETE /me/bindings/{provider}: 204, or 400
// AlreadyDone when the caller has no binding there.
func (c *call) deleteBinding() {
	if !c.member() {
		return
	}
	if app, ok := c.provider(); ok {
		c.unbind(app)
	}
}

func (c *call) unbind(app string) {
	n := len(c.acct().bindings)
	c.acct().bindings = slices.DeleteFunc(c.acct().bindings, func(b binding) bool {
		return b.applicationID == app && b.userID == c.caller.ID
	})
	if len(c.acct().bindings) == n {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	c.empty(http.StatusNoContent)
}

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

// applicationLinks renders a member's bindings as ApplicationUserDto.
func (c *call) applicationLinks(user int) []json.RawMessage {
	out := []json.RawMessage{}
	for _, b := range c.acct().bindings {
		if b.userID != user {
			continue
		}
		var app *Application
		if i, ok := c.d.Areas.Catalog.idx.applications[b.applicationID]; ok {
			a := c.d.Areas.Catalog.Applications[i]
			a.DateLiked = nil
			app = &a
		}
		out = append(out, marshal(map[string]any{
			"userId": b.userID, "applicationId": b.applicationID, "application": app,
			"remoteUserId": b.remoteUserID, "remoteUserName": b.remoteUserName,
			"dateCreated": b.created, "dateUpdated": b.updated,
		}))
	}
	return out
}
