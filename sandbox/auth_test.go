package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestTokens(t *testing.T) {
	toks := shared().Tokens()
	if len(toks) < 3 {
		t.Fatalf("got %d seeded tokens, want at least 3", len(toks))
	}
	roles := map[string]string{}
	for _, tok := range toks {
		me, _ := one[userOut](t, shared(), "/me", token(tok.AccessToken))
		if me.ID != tok.UserID || me.UserName != tok.UserName || me.Email != tok.Email {
			t.Errorf("token of %s: /me = %+v", tok.UserName, me)
		}
		roles[tok.AccessToken] = me.Role
	}
	want := map[string]string{
		"sandbox-admin-token": "Administrator", "sandbox-alice-token": "Member", "sandbox-bob-token": "Qualified",
		"sandbox-volunteer-token": "Volunteer", "sandbox-moderator-token": "Moderator",
	}
	for tok, role := range want {
		if roles[tok] != role {
			t.Errorf("%s is a %q, want %q", tok, roles[tok], role)
		}
	}

	// The README's table: the staff are generated users, signed in with
	// their generated addresses and fixed passwords.
	staff := map[string]Token{}
	for _, tok := range toks[3:] {
		staff[tok.AccessToken] = tok
		w := postForm(shared(), "/auth/token", url.Values{"client_id": {ClientID}, "grant_type": {"password"},
			"username": {tok.Email}, "password": {tok.Password}})
		if w.Code != http.StatusOK {
			t.Errorf("password grant of %s = %d %s", tok.UserName, w.Code, w.Body)
		}
	}
	if v := staff["sandbox-volunteer-token"]; v.UserID != 6 || v.UserName != "Cyanide" ||
		v.Email != "user6@sandbox.phizone.test" || v.Password != "volunteer-password-1" {
		t.Errorf("the volunteer's sign-in = %+v", v)
	}
	if m := staff["sandbox-moderator-token"]; m.UserID != 23 || m.UserName != "ソラさん" ||
		m.Email != "user23@sandbox.phizone.test" || m.Password != "moderator-password-1" {
		t.Errorf("the moderator's sign-in = %+v", m)
	}
}

func TestTokenGrant(t *testing.T) {
	s := New()
	alice := s.Tokens()[1]
	form := func(kv ...string) url.Values {
		v := url.Values{"client_id": {"public"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	failures := []struct {
		name  string
		form  url.Values
		error string
	}{
		{"wrong password", form("grant_type", "password", "username", alice.Email,
			"password", "nope"), "invalid_grant"},
		{"unknown email", form("grant_type", "password", "username", "who@x.test",
			"password", "x"), "invalid_token"},
		{"user name is not the login", form("grant_type", "password", "username", alice.UserName,
			"password", alice.Password), "invalid_token"},
		{"missing password", form("grant_type", "password", "username", alice.Email), "invalid_request"},
		{"bad refresh token", form("grant_type", "refresh_token", "refresh_token", "nope"), "invalid_grant"},
		{"unsupported grant", form("grant_type", "client_credentials"), "unsupported_grant_type"},
		{"no client", url.Values{"grant_type": {"password"}}, "invalid_client"},
	}
	for _, tt := range failures {
		t.Run(tt.name, func(t *testing.T) {
			w := postForm(s, "/auth/token", tt.form)
			var e tokenError
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || w.Code != 400 || e.Error != tt.error ||
				e.ErrorDescription == "" {
				t.Errorf("got %d %s, want 400 with error %s", w.Code, w.Body, tt.error)
			}
		})
	}

	w := postForm(s, "/auth/token", form("grant_type", "password", "username", alice.Email,
		"password", alice.Password))
	var got map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
		t.Fatalf("password grant: got %d %s", w.Code, w.Body)
	}
	if got["token_type"] != "Bearer" || got["expires_in"] != float64(21600) || got["access_token"] == "" ||
		got["refresh_token"] == "" || got["status"] != nil {
		t.Errorf("password grant answer = %v", got)
	}
	me, _ := one[userOut](t, s, "/me", token(got["access_token"].(string)))
	if me.ID != alice.UserID {
		t.Errorf("issued token is user %d, want %d", me.ID, alice.UserID)
	}

	refresh := got["refresh_token"].(string)
	w = postForm(s, "/auth/token", form("grant_type", "refresh_token", "refresh_token", refresh))
	var refreshed tokenAnswer
	err := json.Unmarshal(w.Body.Bytes(), &refreshed)
	if err != nil || w.Code != 200 || refreshed.AccessToken == "" {
		t.Fatalf("refresh grant: got %d %s", w.Code, w.Body)
	}

	s.auth.now = func() time.Time { return s.clock().Add(7 * time.Hour) }
	if w := serve(s, "GET", "/me", token(refreshed.AccessToken)); w.Code != http.StatusUnauthorized {
		t.Errorf("expired token: got %d, want 401", w.Code)
	}
	if w := serve(s, "GET", "/me", token(alice.AccessToken)); w.Code != http.StatusOK {
		t.Errorf("seeded token after 7 h: got %d, want 200", w.Code)
	}
}

func TestTokenEndpointNeedsAForm(t *testing.T) {
	s := shared()
	if w := serve(s, "POST", "/auth/token"); w.Code != 400 {
		t.Errorf("no form: got %d, want 400", w.Code)
	}
	if w := serve(s, "GET", "/auth/token"); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: got %d, want 405", w.Code)
	}
}

// The seeded volunteer reviews a chart submission and the seeded moderator
// removes someone else's comment, with no setup.
func TestSeededStaffDoTheirWork(t *testing.T) {
	s := New()
	d := s.Data()
	var submission string
	for _, sub := range d.Areas.Studio.ChartSubmissions {
		if sub.OwnerID != 6 {
			submission = sub.ID
			break
		}
	}
	var comment string
	for _, c := range d.Comments {
		if c.OwnerID != 23 {
			comment = c.ID
			break
		}
	}
	vote := `{"score":2,"suggestedDifficulty":12.5,"message":"clean and readable"}`
	if a := sendBody(s, http.MethodPost, "/studio/charts/"+submission+"/votes", vote,
		token("sandbox-volunteer-token")); a.code != http.StatusCreated {
		t.Errorf("the volunteer's vote: %d %s", a.code, a.raw)
	}
	if a := sendBody(s, http.MethodDelete, "/comments/"+comment, "", token("sandbox-alice-token")); a.code != 403 {
		t.Errorf("a member removing another's comment: %d, want 403", a.code)
	}
	if a := sendBody(s, http.MethodDelete, "/comments/"+comment, "", token("sandbox-moderator-token")); a.code != 204 {
		t.Errorf("the moderator removing another's comment: %d %s, want 204", a.code, a.raw)
	}
}
