package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// The account routes follow the controllers' rules: who may call them,
// which codes they spend, and what they change.
func TestAccountWriteRules(t *testing.T) {
	s := New()
	alice, bob := token("sandbox-alice-token"), token("sandbox-bob-token")
	tap := s.TapTapApplicationID()
	var unactivated int
	s.Update(func(d *Data) {
		d.Users[3].Role = RoleUnactivated
		unactivated = d.Users[3].ID
	})
	nobody := token(tokenFor(s, unactivated))

	tests := []struct {
		name, method, target, body string
		opts                       []opt
		status                     int
		code                       string
	}{
		{"a reset mail to an unknown address", "POST", "/auth/sendEmail",
			`{"email":"nobody@example.org","mode":1}`, nil, 404, codeUserNotFound},
		{"a reset mail to an unactivated member", "POST", "/auth/sendEmail",
			`{"email":"user4@sandbox.phizone.test","mode":1}`, nil, 403, codeInsufficientPermission},
		{"a confirmation mail without a name", "POST", "/auth/sendEmail",
			`{"email":"new@example.org","mode":0,"language":"en-US"}`, nil, 400, codeInvalidUserName},
		{"a confirmation mail for a taken name", "POST", "/auth/sendEmail",
			`{"email":"new@example.org","mode":0,"userName":"BobCharts","language":"en-US"}`, nil, 400,
			codeUserNameOccupied},
		{"a confirmation mail for one's own account", "POST", "/auth/sendEmail",
			`{"email":"alice@sandbox.phizone.test","mode":0,"userName":"Alice_Rhythm","language":"en-US"}`, nil, 400,
			codeAlreadyDone},
		{"a malformed address", "POST", "/auth/sendEmail", `{"email":"a@b","mode":1}`, nil, 400, codeInvalidData},
		{"an address change without a token", "POST", "/auth/updateEmailAddress",
			`{"code":"123456","newEmailAddress":"x@example.org"}`, nil, 401, ""},
		{"a login token of an unactivated member", "POST", "/me/loginToken", "", []opt{nobody}, 403,
			codeInsufficientPermission},
		{"a login token too long", "POST", "/me/loginToken?expiry=3601", "", []opt{alice}, 400, codeInvalidData},
		{"binding an unknown provider", "POST", "/me/bindings/Gitee?code=c&state=s", "", []opt{alice}, 404,
			codeResourceNotFound},
		{"unbinding without a token", "DELETE", "/me/bindings/GitHub", "", nil, 401, ""},
		{"signing up with an unconfigured provider", "POST", "/users/provider/Qq?code=c&state=s",
			`{"language":"en-US","regionCode":"US"}`, nil, 400, codeAuthProviderNotFound},
		{"a TapTap binding without credentials", "POST", "/me/bindings/tapTap",
			`{"applicationId":"` + tap + `","accessToken":"","macKey":""}`, []opt{bob}, 400, codeInvalidData},
		{"unbinding TapTap of an unknown application", "DELETE",
			"/me/bindings/tapTap?applicationId=00000000-0000-4000-8000-000000000000", "", []opt{bob}, 404,
			codeApplicationNotFound},
		{"an inheritance code without a session", "POST", "/me/bindings/tapTap/inherit/request", "", nil, 401, ""},
		{"inheriting with a code too long", "POST", "/me/bindings/tapTap/inherit", `{"code":"ABCDE"}`, []opt{bob},
			400, codeInvalidData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sendBody(s, tt.method, tt.target, tt.body, tt.opts...)
			if a.code != tt.status || a.Code != tt.code {
				t.Errorf("%s %s = %d %s, want %d %s", tt.method, tt.target, a.code, a.Code, tt.status, tt.code)
			}
		})
	}
}

// A mail's code is spent once, a cooldown follows a queued mail but not a
// waited one, and a revoked account's charts pass to the official account.
func TestAccountRevocationKeepsCharts(t *testing.T) {
	s := New()
	owner := 0
	for _, c := range s.Data().Charts {
		if c.OwnerID > len(seeded) {
			owner = c.OwnerID
			break
		}
	}
	email := "user" + strconv.Itoa(owner) + "@sandbox.phizone.test"

	send := `{"email":"` + email + `","mode":2}`
	if a := sendBody(s, "POST", "/auth/sendEmail?wait=true", send); a.code != 204 {
		t.Fatalf("sendEmail?wait=true = %d %s", a.code, a.Code)
	}
	if a := sendBody(s, "POST", "/auth/sendEmail", send); a.code != 204 {
		t.Fatalf("sendEmail after a waited mail = %d %s, want no cooldown", a.code, a.Code)
	}
	if a := sendBody(s, "POST", "/auth/sendEmail", send); a.code != 400 || a.Code != codeEmailCooldown ||
		a.DateAvailable == nil {
		t.Errorf("sendEmail in the cooldown = %d %s %v", a.code, a.Code, a.DateAvailable)
	}
	mails := s.Mailbox()
	if len(mails) != 2 || mails[1].To != email || mails[1].Mode != AccountRevocation {
		t.Fatalf("mailbox = %+v", mails)
	}

	body, _ := json.Marshal(map[string]string{"code": mails[1].Code})
	if a := sendBody(s, "POST", "/auth/revokeAccount", string(body)); a.code != 204 {
		t.Fatalf("revokeAccount = %d %s", a.code, a.Code)
	}
	if a := sendBody(s, "POST", "/auth/revokeAccount", string(body)); a.code != 400 || a.Code != codeInvalidCode {
		t.Errorf("a spent code = %d %s", a.code, a.Code)
	}
	d := s.Data()
	if d.User(owner) != nil {
		t.Errorf("user %d outlived the revocation", owner)
	}
	for _, c := range d.Charts {
		if c.OwnerID == owner {
			t.Errorf("chart %s still belongs to the revoked user", c.ID)
		}
	}

	w := postForm(s, "/auth/token", url.Values{
		"client_id": {ClientID}, "grant_type": {"password"}, "username": {"0"}, "password": {"0"},
	})
	if w.Code != http.StatusBadRequest {
		t.Errorf("a password grant for user 0 = %d", w.Code)
	}
}
