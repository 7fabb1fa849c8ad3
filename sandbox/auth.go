package sandbox

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Token is a seeded sign-in: the user, the password of the password grant
// (whose username is the user's email address, as upstream) and an access
// token that never expires. RefreshToken is a seeded refresh token.
type Token struct {
	UserID       int
	UserName     string
	Email        string
	AccessToken  string
	RefreshToken string
	Password     string
}

// Lifetimes the upstream gives its tokens.
const (
	accessLifetime  = 6 * time.Hour
	refreshLifetime = 31 * 24 * time.Hour
)

// ClientID is the one OAuth client the sandbox accepts at /auth/token.
const ClientID = "public"

type session struct {
	user    int
	expires time.Time // zero: never
	ghost   *ghostKey // a TapTap ghost's session, whose user is tapTapGhostUserID
}

type authState struct {
	mu      sync.Mutex
	access  map[string]session
	refresh map[string]session
	now     func() time.Time // the sandbox's clock; see Server.clock
	staff   []Token          // the sign-ins of seededStaff
	// account is the state of the account routes (writes_account.go),
	// guarded by the server's data lock.
	account accountState
}

func (a *authState) init(now func() time.Time, d *Data) {
	a.access, a.refresh, a.now = map[string]session{}, map[string]session{}, now
	a.account.init()
	for i, s := range seeded {
		a.access[s.token] = session{user: i + 1}
		a.refresh[s.refresh] = session{user: i + 1}
	}
	for _, s := range seededStaff {
		i := slices.IndexFunc(d.Users, func(u User) bool { return u.ID > len(seeded) && u.Role == s.role })
		if i < 0 {
			continue
		}
		u := d.Users[i]
		a.access[s.token] = session{user: u.ID}
		a.refresh[s.refresh] = session{user: u.ID}
		a.account.passwords[u.ID] = s.password
		a.staff = append(a.staff, Token{
			UserID: u.ID, UserName: u.UserName, Email: u.Email, AccessToken: s.token,
			RefreshToken: s.refresh, Password: s.password,
		})
	}
}

// Tokens returns the seeded sign-ins: the administrator, a member and a
// qualified member (users 1 to 3), then the first volunteer and the first
// moderator of the data set.
func (s *Server) Tokens() []Token {
	out := make([]Token, len(seeded), len(seeded)+len(s.auth.staff))
	for i, t := range seeded {
		out[i] = Token{
			UserID: i + 1, UserName: t.name, Email: t.email, AccessToken: t.token,
			RefreshToken: t.refresh, Password: t.password,
		}
	}
	return append(out, s.auth.staff...)
}

// SignInAs opens a session for any member of the data set without a
// password, as a test or a load command needs many distinct callers: it
// returns the user and a fresh access token that never expires.
func (s *Server) SignInAs(userID int) (Token, error) {
	s.mu.RLock()
	u := s.data.User(userID)
	s.mu.RUnlock()
	if u == nil || u.Role < RoleMember {
		return Token{}, fmt.Errorf("sandbox: no member with ID %d", userID)
	}

	s.auth.mu.Lock()
	defer s.auth.mu.Unlock()
	token := fmt.Sprintf("sandbox-session-%d-%d", userID, len(s.auth.access))
	s.auth.access[token] = session{user: userID}
	return Token{UserID: userID, UserName: u.UserName, AccessToken: token}, nil
}

// caller resolves the Bearer token of a request. An absent, unknown or
// expired token makes the caller anonymous; routes that need a user answer
// 401 then.
func (a *authState) caller(d *Data, r *http.Request) (*User, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return nil, false
	}
	a.mu.Lock()
	sess, ok := a.access[strings.TrimSpace(token)]
	a.mu.Unlock()
	if !ok || !sess.expires.IsZero() && a.now().After(sess.expires) {
		return nil, false
	}
	u := d.User(sess.user)
	return u, u != nil
}

func (a *authState) issue(user int) (access, refresh string) { return a.issueFor(user, nil) }

// issueFor issues a session of user, or of a TapTap ghost.
func (a *authState) issueFor(user int, ghost *ghostKey) (access, refresh string) {
	access, refresh = opaque(), opaque()
	now := a.now()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.access[access] = session{user: user, expires: now.Add(accessLifetime), ghost: ghost}
	a.refresh[refresh] = session{user: user, expires: now.Add(refreshLifetime), ghost: ghost}
	return access, refresh
}

func opaque() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// tokenAnswer is OpenIddictTokenResponseDto.
type tokenAnswer struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	Scope        string `json:"scope"`
	RefreshToken string `json:"refresh_token"`
}

// tokenError is OpenIddictErrorDto.
type tokenError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
	ErrorURI         string `json:"error_uri,omitempty"`
}

// postToken is POST /auth/token: RFC 6749 password and refresh-token
// grants over a form body, answered without an envelope. The password
// grant's username is the email address. The query selects the upstream's
// other grants, which come as password grants: ?token= a login token
// (username and password unused), ?provider= a provider's code and state
// (as username and password), ?tapApplicationId= TapTap's MAC key and
// access token.
func (c *call) postToken() {
	c.w.Header().Set("Cache-Control", "no-store")
	c.w.Header().Set("Pragma", "no-cache")
	fail := func(code, desc string) {
		c.writeJSON(http.StatusBadRequest, tokenError{Error: code, ErrorDescription: desc})
	}
	mt, _, _ := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if mt != "application/x-www-form-urlencoded" {
		fail("invalid_request", "The specified 'Content-Type' header is invalid.")
		return
	}
	if err := c.r.ParseForm(); err != nil {
		fail("invalid_request", "The request body is malformed.")
		return
	}
	form := c.r.PostForm

	switch form.Get("client_id") {
	case ClientID:
	case "":
		fail("invalid_client", "The mandatory 'client_id' parameter is missing.")
		return
	default:
		fail("invalid_client", "The specified 'client_id' is invalid.")
		return
	}

	var (
		user  *User
		ghost *ghostKey
		query = c.r.URL.Query()
	)
	switch {
	case query.Get("token") != "":
		if user = c.redeemLoginToken(query.Get("token")); user == nil {
			c.writeJSON(http.StatusForbidden, tokenError{
				Error: "invalid_token", ErrorDescription: "The specified token is invalid.",
			})
			return
		}
	case query.Get("provider") != "":
		remote, ok := c.remoteToken(query.Get("provider"), form.Get("username"), form.Get("password"), nil)
		if !ok {
			c.writeJSON(http.StatusForbidden, tokenError{
				Error:            "invalid_request",
				ErrorDescription: "Unable to log into the specified provider with provided credentials.",
			})
			return
		}
		app := providerApp(c.d, query.Get("provider"))
		if user = c.boundTo(func(b *binding) bool {
			return b.applicationID == app && b.remoteUserID != nil && *b.remoteUserID == remote.Login
		}); user == nil {
			c.writeJSON(http.StatusForbidden, tokenError{
				Error: "invalid_token", ErrorDescription: "Unable to find a user with provided credentials.",
			})
			return
		}
	case query.Get("tapApplicationId") != "":
		var ok bool
		if user, ghost, ok = c.tapTapGrant(query.Get("tapApplicationId"), form.Get("username"),
			form.Get("password")); !ok {
			return
		}
	}

	switch grant := form.Get("grant_type"); {
	case user != nil || ghost != nil:
	case grant == "password":
		name, password := form.Get("username"), form.Get("password")
		if name == "" || password == "" {
			fail("invalid_request", "The mandatory 'username' and/or 'password' parameters are missing.")
			return
		}
		user = c.byEmail(name)
		if user == nil {
			fail("invalid_token", "Unable to find a user with provided credentials.")
			return
		}
		if user.Role < RoleMember {
			fail("insufficient_access", "You do not have enough permission to perform the action.")
			return
		}
		if known, ok := c.password(user); !ok || known != password {
			fail("invalid_grant", "The password is incorrect.")
			return
		}
	case grant == "refresh_token":
		token := form.Get("refresh_token")
		if token == "" {
			fail("invalid_request", "The mandatory 'refresh_token' parameter is missing.")
			return
		}
		c.s.auth.mu.Lock()
		sess, ok := c.s.auth.refresh[token]
		c.s.auth.mu.Unlock()
		if ok && (sess.expires.IsZero() || c.s.auth.now().Before(sess.expires)) {
			user, ghost = c.d.User(sess.user), sess.ghost
		}
		if user == nil && ghost == nil {
			fail("invalid_grant", "The specified refresh token is invalid.")
			return
		}
	case grant == "":
		fail("invalid_request", "The mandatory 'grant_type' parameter is missing.")
		return
	default:
		c.writeJSON(http.StatusBadRequest, tokenError{
			Error:            "unsupported_grant_type",
			ErrorDescription: "The specified 'grant_type' is not supported.",
		})
		return
	}

	subject := tapTapGhostUserID
	if user != nil {
		subject = user.ID
	}
	access, refresh := c.s.auth.issueFor(subject, ghost)
	c.writeJSON(http.StatusOK, tokenAnswer{
		AccessToken: access, TokenType: "Bearer", ExpiresIn: int(accessLifetime / time.Second),
		Scope: "offline_access", RefreshToken: refresh,
	})
}

func (c *call) byEmail(email string) *User {
	for i := range c.d.Users {
		if strings.EqualFold(c.d.Users[i].Email, strings.TrimSpace(email)) {
			return &c.d.Users[i]
		}
	}
	return nil
}

// postRevoke is POST /auth/revoke: it forgets a refresh (or access) token
// and answers an empty JSON object.
func (c *call) postRevoke() {
	if err := c.r.ParseForm(); err != nil || c.r.PostForm.Get("token") == "" {
		c.writeJSON(http.StatusBadRequest, tokenError{
			Error: "invalid_request", ErrorDescription: "The mandatory 'token' parameter is missing.",
		})
		return
	}
	token := c.r.PostForm.Get("token")
	c.s.auth.mu.Lock()
	delete(c.s.auth.refresh, token)
	delete(c.s.auth.access, token)
	c.s.auth.mu.Unlock()
	c.writeJSON(http.StatusOK, struct{}{})
}

// unauthorized answers 401 with an empty body, as the upstream's token
// validation does.
func (c *call) unauthorized() {
	challenge := "Bearer"
	if c.r.Header.Get("Authorization") != "" {
		challenge = `Bearer error="invalid_token", error_description="The specified token is invalid."`
	}
	c.w.Header().Set("WWW-Authenticate", challenge)
	c.empty(http.StatusUnauthorized)
}

// getMe is GET /me: the caller as UserDetailedDto, with their hostships.
func (c *call) getMe() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	if c.caller.Role < RoleMember {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	u := c.user(*c.caller)
	u.DateFollowed = nil
	u.ApplicationLinks = c.applicationLinks(c.caller.ID)
	me := UserDetailed{
		User: u, Email: c.caller.Email, EmailConfirmed: c.caller.EmailConfirmed,
		PhoneNumber: c.caller.PhoneNumber, PhoneNumberConfirmed: c.caller.PhoneNumber != nil,
		TwoFactorEnabled: c.caller.TwoFactorEnabled, Hostships: []Hostship{},
	}
	for _, h := range c.d.Hostships {
		if h.UserID == c.caller.ID {
			me.Hostships = append(me.Hostships, c.hostship(h))
		}
	}
	for _, n := range c.d.Areas.Catalog.Notifications {
		if n.OwnerID == c.caller.ID && n.DateRead == nil {
			me.Notifications++
		}
	}
	c.one(me)
}
