package upstream_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// Each write of the account sends its method, path, query and body.
func TestAccountWriteRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(200, `{"status":0,"code":"Ok","data":{"token":"t-1","code":"BD12","type":2}}`))
	ctx := context.Background()
	cr := upstream.Credentials{ClientID: "public"}
	const app = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	name, lang := "Newcomer", "en-US"
	born := time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC)
	reg := upstream.Registration{
		UserName: "Newcomer", Email: "n@example.org", Password: "secret-1", EmailConfirmationCode: "123456",
		Profile: upstream.Profile{Gender: 2, Language: "en-US", RegionCode: "US", DateOfBirth: &born},
	}
	grant := upstream.ProviderGrant{Provider: "GitHub", Code: "c/1", State: "s 1", RedirectURI: "https://a.example/cb"}
	tap := upstream.TapTapCredentials{ApplicationID: app, AccessToken: "at", MacKey: "mk"}

	cases := []struct {
		name, method, path, query, body string
		call                            func() error
	}{
		{"send a code", "POST", "/auth/sendEmail", "wait=true",
			`{"email":"n@example.org","userName":"Newcomer","language":"en-US","mode":0}`, func() error {
				return c.SendEmail(ctx, upstream.EmailRequest{
					Email: "n@example.org", UserName: &name, Language: &lang, Mode: upstream.EmailModeConfirmation,
				}, true)
			}},
		{"reset a password", "POST", "/auth/resetPassword", "", `{"code":"123456","password":"secret-2"}`, func() error {
			return c.ResetPassword(ctx, "123456", "secret-2")
		}},
		{"change the address", "POST", "/auth/updateEmailAddress", "", `{"code":"1","newEmailAddress":"m@example.org"}`,
			func() error { return c.UpdateEmailAddress(ctx, "1", "m@example.org") }},
		{"revoke an account", "POST", "/auth/revokeAccount", "", `{"code":"654321"}`, func() error {
			return c.RevokeAccount(ctx, "654321")
		}},
		{"sign up", "POST", "/users/brief", "", `{"userName":"Newcomer","email":"n@example.org","password":"secret-1",` +
			`"emailConfirmationCode":"123456","gender":2,"language":"en-US","regionCode":"US",` +
			`"dateOfBirth":"2001-02-03T00:00:00Z"}`, func() error {
			token, err := c.CreateUserBrief(ctx, reg)
			if err == nil && token != "t-1" {
				t.Errorf("CreateUserBrief returned %q", token)
			}
			return err
		}},
		{"sign up with an avatar", "POST", "/users", "", "multipart", func() error {
			_, err := c.CreateUser(ctx, reg, upstream.File{Name: "a.png", Content: strings.NewReader("png")})
			return err
		}},
		{"sign up with a provider", "POST", "/users/provider/GitHub",
			"code=c%2F1&redirectUri=https%3A%2F%2Fa.example%2Fcb&state=s+1", `{"gender":0,"language":"ja-JP","regionCode":"JP"}`,
			func() error {
				_, err := c.CreateUserWithProvider(ctx, grant, upstream.Profile{Language: "ja-JP", RegionCode: "JP"})
				return err
			}},
		{"start a provider", "POST", "/auth/provider/Phira", "", `{"state":"s","redirectUri":"https://a.example/cb"}`,
			func() error {
				res, err := c.RequestAuthProviderIdentity(ctx, "Phira", "s", "https://a.example/cb")
				if err == nil && res.Type != 2 {
					t.Errorf("RequestAuthProviderIdentity returned %+v", res)
				}
				return err
			}},
		{"look up TapTap", "POST", "/auth/tapTap", "", `{"applicationId":"` + app + `","accessToken":"at","macKey":"mk"}`,
			func() error {
				_, err := c.GetTapTapAccount(ctx, tap)
				return err
			}},
		{"issue a login token", "POST", "/me/loginToken", "expiry=60", "", func() error {
			_, err := c.CreateLoginToken(ctx, 60)
			return err
		}},
		{"bind a provider", "POST", "/me/bindings/GitHub", "code=c%2F1&redirectUri=https%3A%2F%2Fa.example%2Fcb&state=s+1",
			"", func() error { return c.BindAuthProvider(ctx, grant) }},
		{"unbind a provider", "DELETE", "/me/bindings/Qq", "", "", func() error { return c.UnbindAuthProvider(ctx, "Qq") }},
		{"bind TapTap", "POST", "/me/bindings/tapTap", "", `{"applicationId":"` + app + `","accessToken":"at","macKey":"mk"}`,
			func() error { return c.BindTapTap(ctx, tap) }},
		{"unbind TapTap", "DELETE", "/me/bindings/tapTap", "applicationId=" + app, "", func() error {
			return c.UnbindTapTap(ctx, app)
		}},
		{"ask for an inheritance code", "POST", "/me/bindings/tapTap/inherit/request", "", "", func() error {
			code, err := c.RequestTapTapInheritance(ctx)
			if err == nil && code != "BD12" {
				t.Errorf("RequestTapTapInheritance returned %q", code)
			}
			return err
		}},
		{"inherit a ghost", "POST", "/me/bindings/tapTap/inherit", "", `{"code":"BD12"}`, func() error {
			return c.InheritTapTapGhost(ctx, "BD12")
		}},
		{"trade a login token", "POST", "/auth/token", "token=t-1",
			"client_id=public&grant_type=password&password=0&username=0", func() error {
				_, err := c.RequestLoginTokenGrant(ctx, cr, "t-1")
				return err
			}},
		{"sign in with a provider", "POST", "/auth/token", "provider=GitHub&redirectUri=https%3A%2F%2Fa.example%2Fcb",
			"client_id=public&grant_type=password&password=s+1&username=c%2F1", func() error {
				_, err := c.RequestProviderGrant(ctx, cr, grant)
				return err
			}},
		{"sign in with TapTap", "POST", "/auth/token", "tapApplicationId=" + app,
			"client_id=public&grant_type=password&password=at&username=mk", func() error {
				_, err := c.RequestTapTapGrant(ctx, cr, tap)
				return err
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			body := got.body
			if tc.body == "multipart" && strings.Contains(body, `name="Avatar"; filename="a.png"`) &&
				strings.Contains(body, `name="DateOfBirth"`) && strings.Contains(body, "2001-02-03T00:00:00Z") {
				body = "multipart"
			}
			if got.method != tc.method || got.path != tc.path || got.rawQuery != tc.query || body != tc.body {
				t.Errorf("request %s %s?%s %s, want %s %s?%s %s", got.method, got.path, got.rawQuery, got.body,
					tc.method, tc.path, tc.query, tc.body)
			}
		})
	}
}
