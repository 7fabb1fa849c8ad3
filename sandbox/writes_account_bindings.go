package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Bindings of accounts to OAuth providers, sign-up and sign-in with a
// provider, and the fake providers and TapTap. The sandbox calls no provider: it
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
