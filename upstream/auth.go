package upstream

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// TokenSet is what the token endpoint grants (RFC 6749 section 5.1).
type TokenSet struct {
	// AccessToken is the opaque Bearer token to send as Authorization.
	AccessToken string `json:"access_token"`
	// TokenType is "Bearer".
	TokenType string `json:"token_type"`
	// ExpiresIn is the access token's lifetime in seconds (6 hours).
	ExpiresIn int `json:"expires_in"`
	// RefreshToken gets a new token set when the access token expires
	// (valid 31 days); empty when none was granted.
	RefreshToken string `json:"refresh_token"`
	// Scope lists the granted scopes, such as "offline_access".
	Scope string `json:"scope"`
}

// OAuthError is an error answer of the token endpoints (RFC 6749 section
// 5.2): invalid_grant, invalid_request, temporarily_unavailable, ...
type OAuthError struct {
	// HTTPStatus is the status of the answer.
	HTTPStatus int
	// Code is the OAuth error code, such as "invalid_grant".
	Code string `json:"error"`
	// Description is the upstream's explanation, in English.
	Description string `json:"error_description"`
}

func (e *OAuthError) Error() string {
	return fmt.Sprintf("upstream token endpoint: %d %s: %s", e.HTTPStatus, e.Code, e.Description)
}

// Credentials identify the OAuth client the facade signs users in as.
type Credentials struct {
	ClientID, ClientSecret string
}

func (cr Credentials) form(v url.Values) url.Values {
	v.Set("client_id", cr.ClientID)
	if cr.ClientSecret != "" {
		v.Set("client_secret", cr.ClientSecret)
	}
	return v
}

// RequestPasswordToken signs a user in with the password grant; username
// is the account's e-mail address.
//
// POST /auth/token
func (c *Client) RequestPasswordToken(ctx context.Context, cr Credentials, username, password string) (*TokenSet, error) {
	form := cr.form(url.Values{"grant_type": {"password"}, "username": {username}, "password": {password}})
	var set TokenSet
	if err := c.postForm(ctx, "/auth/token", nil, form, &set); err != nil {
		return nil, err
	}
	return &set, nil
}

// RefreshToken trades a refresh token for a new token set.
//
// POST /auth/token
func (c *Client) RefreshToken(ctx context.Context, cr Credentials, refreshToken string) (*TokenSet, error) {
	form := cr.form(url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}})
	var set TokenSet
	if err := c.postForm(ctx, "/auth/token", nil, form, &set); err != nil {
		return nil, err
	}
	return &set, nil
}

// RevokeToken revokes a refresh (or access) token.
//
// POST /auth/revoke
func (c *Client) RevokeToken(ctx context.Context, cr Credentials, token string) error {
	return c.postForm(ctx, "/auth/revoke", nil, cr.form(url.Values{"token": {token}}), nil)
}

// postForm posts a form (and a query, nil for none) to one of the OAuth
// endpoints, which answer without the envelope. The caller's token is not
// sent: the form carries what the endpoint needs.
func (c *Client) postForm(ctx context.Context, route string, query, form url.Values, out any) error {
	if err := spend(ctx, http.MethodPost, route); err != nil {
		return err
	}
	ctx = WithCaller(ctx, Caller{AcceptLanguage: CallerFrom(ctx).AcceptLanguage})
	ctx = changesNoData(ctx) // a token changes no data: the cache is kept
	hreq, err := c.newRequest(ctx, http.MethodPost, Request{
		Route: route, Query: query, Body: strings.NewReader(form.Encode()),
		ContentType: "application/x-www-form-urlencoded",
	})
	if err != nil {
		return fmt.Errorf("upstream POST %s: %w", route, err)
	}

	start := time.Now()
	resp, err := c.http.Do(hreq)
	if err != nil {
		err = transportError(http.MethodPost, route, err)
		c.logCall(ctx, http.MethodPost, route, 0, start, err, nil)
		return err
	}
	defer resp.Body.Close()
	body, err := readCapped(resp.Body, 1<<20)
	c.logCall(ctx, http.MethodPost, route, resp.StatusCode, start, err, nil)
	if err != nil {
		return transportError(http.MethodPost, route, err)
	}

	if resp.StatusCode/100 != 2 {
		oerr := &OAuthError{HTTPStatus: resp.StatusCode}
		if json.Unmarshal(body, oerr) != nil || oerr.Code == "" {
			return &Error{HTTPStatus: resp.StatusCode, Method: http.MethodPost, Route: route,
				Message: "the token endpoint answered without an OAuth error"}
		}
		return oerr
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return &Error{HTTPStatus: resp.StatusCode, Method: http.MethodPost, Route: route,
			Message: "the token endpoint's answer is not a token set"}
	}
	return nil
}
