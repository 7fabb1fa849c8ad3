package facade_test

import (
	"testing"
)

const loginOp = `mutation($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { accessToken tokenType expiresIn refreshToken scope }
}`

type tokenSet struct {
	AccessToken, TokenType string
	ExpiresIn              int
	RefreshToken           *string
}

func TestSignIn(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]

	var got struct{ Login tokenSet }
	a := e.query(loginOp, map[string]any{"email": alice.Email, "password": alice.Password}, "", &got)
	if len(a.Errors) > 0 {
		t.Fatalf("login: %+v", a.Errors)
	}
	set := got.Login
	if set.AccessToken == "" || set.TokenType != "Bearer" || set.ExpiresIn != 6*3600 || set.RefreshToken == nil {
		t.Fatalf("token set = %+v", set)
	}
	if n, byRoute := e.calls(); n != 1 || byRoute["POST /auth/token"] != 1 {
		t.Errorf("login made %v upstream calls, want one POST /auth/token", byRoute)
	}

	var me struct{ Me struct{ UserName string } }
	if a := e.query(viewerOp, nil, set.AccessToken, &me); len(a.Errors) > 0 || me.Me.UserName != alice.UserName {
		t.Fatalf("me with the new token = %+v, %+v", me, a.Errors)
	}

	var refreshed struct{ RefreshToken tokenSet }
	a = e.query(`mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }`,
		map[string]any{"t": *set.RefreshToken}, "", &refreshed)
	if len(a.Errors) > 0 || refreshed.RefreshToken.AccessToken == "" || refreshed.RefreshToken.AccessToken == set.AccessToken {
		t.Fatalf("refreshToken = %+v, %+v", refreshed, a.Errors)
	}

	var revoked struct{ RevokeToken struct{ Revoked bool } }
	a = e.query(`mutation($t: String!) { revokeToken(input: { token: $t }) { revoked } }`,
		map[string]any{"t": refreshed.RefreshToken.AccessToken}, "", &revoked)
	if len(a.Errors) > 0 || !revoked.RevokeToken.Revoked {
		t.Fatalf("revokeToken = %+v, %+v", revoked, a.Errors)
	}
	if a := e.query(viewerOp, nil, refreshed.RefreshToken.AccessToken, nil); len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("me with a revoked token: %+v, want UNAUTHENTICATED", a.Errors)
	}
}

func TestSignInErrors(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	tests := []struct {
		name, email, password, code string
		calls                       int
	}{
		{"wrong password", alice.Email, "not-her-password", "INVALID_CREDENTIALS", 1},
		{"unknown account reads the same", "nobody@sandbox.phizone.test", "whatever", "INVALID_CREDENTIALS", 1},
		{"empty password", alice.Email, "", "BAD_USER_INPUT", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct{ Login *tokenSet }
			a := e.query(loginOp, map[string]any{"email": tt.email, "password": tt.password}, "", &got)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code || got.Login != nil {
				t.Fatalf("login: %+v, errors %+v; want %s", got.Login, a.Errors, tt.code)
			}
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("upstream calls = %d, want %d", n, tt.calls)
			}
		})
	}

	// A mutation is not allowed over GET.
	resp, err := httpGet(e.facade.URL + "/graphql?query=" + "mutation%7BrevokeToken(input%3A%7Btoken%3A%22x%22%7D)%7Brevoked%7D%7D")
	if err != nil || resp == 200 {
		t.Errorf("a mutation over GET answered %d, %v", resp, err)
	}
}
