package upstream

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Writes of the account: e-mail codes, sign-up, password reset, e-mail
// change, account revocation, login tokens and the bindings of accounts
// to OAuth providers and TapTap (AuthenticationController,
// UserController, UserInfoController).

// AccountBinding is a member's link to an application: an OAuth provider's
// account or a TapTap account (ApplicationUserDto).
type AccountBinding struct {
	UserID        int          `json:"userId"`
	ApplicationID string       `json:"applicationId"`
	Application   *Application `json:"application"`
	// RemoteUserID and RemoteUserName name the provider's account; both
	// are null for TapTap.
	RemoteUserID   *string   `json:"remoteUserId"`
	RemoteUserName *string   `json:"remoteUserName"`
	DateCreated    time.Time `json:"dateCreated"`
	DateUpdated    time.Time `json:"dateUpdated"`
}

// EmailMode is why a mail with a code is sent (EmailRequestMode).
type EmailMode int

// Modes of SendEmail.
const (
	EmailModeConfirmation  EmailMode = 0
	EmailModePasswordReset EmailMode = 1
	EmailModeRevocation    EmailMode = 2
	EmailModeAddressUpdate EmailMode = 3
)

// EmailRequest is the body of SendEmail (UserEmailRequestDto).
type EmailRequest struct {
	Email string `json:"email"`
	// UserName and Language are required for EmailModeConfirmation: the
	// name the new account will take and the mail's language.
	UserName *string   `json:"userName,omitempty"`
	Language *string   `json:"language,omitempty"`
	Mode     EmailMode `json:"mode"`
}

// SendEmail has the upstream mail a six-digit code, valid about five
// minutes, to an address. Without wait the mail is queued and the address
// then waits five minutes before the next mail of the same mode; with wait
// it is sent before the answer.
//
// POST /auth/sendEmail
func (c *Client) SendEmail(ctx context.Context, req EmailRequest, wait bool) error {
	var q url.Values
	if wait {
		q = url.Values{"wait": {"true"}}
	}
	ctx = changesNoData(ctx) // a mail changes nothing the cache holds
	return c.sendJSONQuery(ctx, http.MethodPost, "/auth/sendEmail", nil, q, req, nil)
}

// ResetPassword sets a new password with the code of a PasswordReset mail.
//
// POST /auth/resetPassword
func (c *Client) ResetPassword(ctx context.Context, code, password string) error {
	body := struct {
		Code     string `json:"code"`
		Password string `json:"password"`
	}{code, password}
	return c.sendJSON(ctx, http.MethodPost, "/auth/resetPassword", nil, body, nil)
}

// UpdateEmailAddress moves the caller's account to the new address with
// the code of an EmailAddressUpdate mail sent there.
//
// POST /auth/updateEmailAddress
func (c *Client) UpdateEmailAddress(ctx context.Context, code, newAddress string) error {
	body := struct {
		Code            string `json:"code"`
		NewEmailAddress string `json:"newEmailAddress"`
	}{code, newAddress}
	return c.sendJSON(ctx, http.MethodPost, "/auth/updateEmailAddress", nil, body, nil)
}

// RevokeAccount deletes the account a code of an AccountRevocation mail
// was sent for.
//
// POST /auth/revokeAccount
func (c *Client) RevokeAccount(ctx context.Context, code string) error {
	body := struct {
		Code string `json:"code"`
	}{code}
	return c.sendJSON(ctx, http.MethodPost, "/auth/revokeAccount", nil, body, nil)
}

// Profile is what every sign-up states (UserRegistrationWithProviderDto).
type Profile struct {
	Gender      Gender     `json:"gender"`
	Biography   *string    `json:"biography,omitempty"`
	Language    string     `json:"language"`
	RegionCode  string     `json:"regionCode"`
	DateOfBirth *time.Time `json:"dateOfBirth,omitempty"`
}

// Registration is the body of a sign-up with an e-mail address
// (UserRegistrationBriefDto).
type Registration struct {
	UserName string `json:"userName"`
	Email    string `json:"email"`
	// Password takes 6 to 24 characters.
	Password string `json:"password"`
	// EmailConfirmationCode is the code of an EmailConfirmation mail sent
	// to Email.
	EmailConfirmationCode string `json:"emailConfirmationCode"`
	Profile
}

// loginToken is LoginTokenDto and TokenDto.
type loginToken struct {
	Token string `json:"token"`
}

// CreateUserBrief signs up with a JSON body and returns a login token for
// RequestLoginTokenGrant.
//
// POST /users/brief
func (c *Client) CreateUserBrief(ctx context.Context, reg Registration) (string, error) {
	var out loginToken
	err := c.sendJSON(ctx, http.MethodPost, "/users/brief", nil, reg, &out)
	return out.Token, err
}

// CreateUser signs up with a multipart form carrying the avatar picture and
// returns a login token for RequestLoginTokenGrant.
//
// POST /users
func (c *Client) CreateUser(ctx context.Context, reg Registration, avatar File) (string, error) {
	f := url.Values{
		"UserName": {reg.UserName}, "Email": {reg.Email}, "Password": {reg.Password},
		"EmailConfirmationCode": {reg.EmailConfirmationCode}, "Gender": {strconv.Itoa(int(reg.Gender))},
		"Language": {reg.Language}, "RegionCode": {reg.RegionCode},
	}
	if reg.Biography != nil {
		f.Set("Biography", *reg.Biography)
	}
	if reg.DateOfBirth != nil {
		f.Set("DateOfBirth", reg.DateOfBirth.Format(time.RFC3339))
	}
	var out loginToken
	err := c.sendForm(ctx, http.MethodPost, "/users", nil, Form{Fields: f, Files: map[string]File{"Avatar": avatar}}, &out)
	return out.Token, err
}

// ProviderGrant is what a provider's authorisation page hands back to the
// redirect URI: a code and the state given to RequestAuthProviderIdentity.
type ProviderGrant struct {
	Provider    string
	Code        string
	State       string
	RedirectURI string
}

func (g ProviderGrant) query() url.Values {
	q := url.Values{"code": {g.Code}, "state": {g.State}}
	if g.RedirectURI != "" {
		q.Set("redirectUri", g.RedirectURI)
	}
	return q
}

// CreateUserWithProvider signs up with a provider's account, whose name,
// e-mail address and avatar the new account takes, and returns a login
// token for RequestLoginTokenGrant.
//
// POST /users/provider/{provider}
func (c *Client) CreateUserWithProvider(ctx context.Context, g ProviderGrant, p Profile) (string, error) {
	var out loginToken
	err := c.sendJSONQuery(ctx, http.MethodPost, "/users/provider/{provider}", Params{"provider": g.Provider},
		g.query(), p, &out)
	return out.Token, err
}

// RequestAuthProviderIdentity starts a provider's authorisation with
// state, which comes back with the code; a signed-in caller's state is
// for binding, an anonymous one's for signing in or up.
//
// POST /auth/provider/{provider}
func (c *Client) RequestAuthProviderIdentity(
	ctx context.Context, provider, state, redirectURI string,
) (*ServiceResponse, error) {
	body := struct {
		State       string `json:"state"`
		RedirectURI string `json:"redirectUri"`
	}{state, redirectURI}
	var out ServiceResponse
	ctx = changesNoData(ctx) // the cache is kept
	err := c.sendJSON(ctx, http.MethodPost, "/auth/provider/{provider}", Params{"provider": provider}, body, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// TapTapCredentials are what the TapTap SDK gives a game for an
// application with a TapTap client ID (TapTapRequestDto).
type TapTapCredentials struct {
	ApplicationID string `json:"applicationId"`
	AccessToken   string `json:"accessToken"`
	MacKey        string `json:"macKey"`
}

// TapTapAccount is a TapTap account and the member bound to it
// (TapTapResponseDto).
type TapTapAccount struct {
	UserName string `json:"userName"`
	Avatar   string `json:"avatar"`
	OpenID   string `json:"openId"`
	UnionID  string `json:"unionId"`
	// User is null when no member is bound to the account.
	User *Me `json:"user"`
}

// GetTapTapAccount asks TapTap, through the upstream, whose credentials
// these are.
//
// POST /auth/tapTap
func (c *Client) GetTapTapAccount(ctx context.Context, cr TapTapCredentials) (*TapTapAccount, error) {
	var out TapTapAccount
	ctx = changesNoData(ctx) // a read by POST: the cache is kept
	if err := c.sendJSON(ctx, http.MethodPost, "/auth/tapTap", nil, cr, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// CreateLoginToken returns a one-time login token of the caller, valid
// expiry seconds (1 to 3600), for RequestLoginTokenGrant on another device.
//
// POST /me/loginToken
func (c *Client) CreateLoginToken(ctx context.Context, expiry int) (string, error) {
	var out loginToken
	_, err := c.Do(ctx, Request{
		Method: http.MethodPost, Route: "/me/loginToken", Query: url.Values{"expiry": {strconv.Itoa(expiry)}},
	}, &out)
	return out.Token, err
}

// BindAuthProvider binds the caller to the provider's account of a code.
//
// POST /me/bindings/{provider}
func (c *Client) BindAuthProvider(ctx context.Context, g ProviderGrant) error {
	_, err := c.Do(ctx, Request{
		Method: http.MethodPost, Route: "/me/bindings/{provider}", Params: Params{"provider": g.Provider},
		Query: g.query(),
	}, nil)
	return err
}

// UnbindAuthProvider removes the caller's binding to a provider.
//
// DELETE /me/bindings/{provider}
func (c *Client) UnbindAuthProvider(ctx context.Context, provider string) error {
	return c.send(ctx, http.MethodDelete, "/me/bindings/{provider}", Params{"provider": provider})
}

// BindTapTap binds the caller to a TapTap account on an application.
//
// POST /me/bindings/tapTap
func (c *Client) BindTapTap(ctx context.Context, cr TapTapCredentials) error {
	return c.sendJSON(ctx, http.MethodPost, "/me/bindings/tapTap", nil, cr, nil)
}

// UnbindTapTap removes the caller's TapTap binding on an application.
//
// DELETE /me/bindings/tapTap
func (c *Client) UnbindTapTap(ctx context.Context, applicationID string) error {
	_, err := c.Do(ctx, Request{
		Method: http.MethodDelete, Route: "/me/bindings/tapTap", Query: url.Values{"applicationId": {applicationID}},
	}, nil)
	return err
}

// RequestTapTapInheritance returns a four-character code, valid ten
// minutes, with which a member takes over the calling TapTap ghost's data.
//
// POST /me/bindings/tapTap/inherit/request
func (c *Client) RequestTapTapInheritance(ctx context.Context) (string, error) {
	var out struct {
		Code string `json:"code"`
	}
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Route: "/me/bindings/tapTap/inherit/request"}, &out)
	return out.Code, err
}

// InheritTapTapGhost moves a TapTap ghost's (or Phigrim player's) data to
// the caller with the code the ghost requested.
//
// POST /me/bindings/tapTap/inherit
func (c *Client) InheritTapTapGhost(ctx context.Context, code string) error {
	body := struct {
		Code string `json:"code"`
	}{code}
	return c.sendJSON(ctx, http.MethodPost, "/me/bindings/tapTap/inherit", nil, body, nil)
}

// RequestLoginTokenGrant trades a login token (of a sign-up or of
// CreateLoginToken) for a token set; the token is spent.
//
// POST /auth/token
func (c *Client) RequestLoginTokenGrant(ctx context.Context, cr Credentials, token string) (*TokenSet, error) {
	form := cr.form(url.Values{"grant_type": {"password"}, "username": {"0"}, "password": {"0"}})
	return c.grant(ctx, url.Values{"token": {token}}, form)
}

// RequestProviderGrant signs in the member bound to the provider's
// account of a code.
//
// POST /auth/token
func (c *Client) RequestProviderGrant(ctx context.Context, cr Credentials, g ProviderGrant) (*TokenSet, error) {
	form := cr.form(url.Values{"grant_type": {"password"}, "username": {g.Code}, "password": {g.State}})
	q := url.Values{"provider": {g.Provider}}
	if g.RedirectURI != "" {
		q.Set("redirectUri", g.RedirectURI)
	}
	return c.grant(ctx, q, form)
}

// RequestTapTapGrant signs in the member bound to a TapTap account, or
// else the account's ghost, which may play and later pass its data to a
// member (RequestTapTapInheritance).
//
// POST /auth/token
func (c *Client) RequestTapTapGrant(ctx context.Context, cr Credentials, tc TapTapCredentials) (*TokenSet, error) {
	form := cr.form(url.Values{"grant_type": {"password"}, "username": {tc.MacKey}, "password": {tc.AccessToken}})
	return c.grant(ctx, url.Values{"tapApplicationId": {tc.ApplicationID}}, form)
}

func (c *Client) grant(ctx context.Context, q, form url.Values) (*TokenSet, error) {
	var set TokenSet
	if err := c.postForm(ctx, "/auth/token", q, form, &set); err != nil {
		return nil, err
	}
	return &set, nil
}
