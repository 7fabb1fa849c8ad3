package facade_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The account's writes end to end: codes are read from the sandbox's
// mailbox, providers and TapTap are the sandbox's fakes with their fixed
// codes, and every flow ends in a sign-in or a read that shows its effect.

// mailedCode returns the code of the last mail to an address for mode.
func mailedCode(t *testing.T, e *env, to string, mode sandbox.EmailRequestMode) string {
	t.Helper()
	mails := e.sandbox.Mailbox()
	for i := len(mails) - 1; i >= 0; i-- {
		if m := mails[i]; m.To == to && m.Mode == mode {
			return m.Code
		}
	}
	t.Fatalf("no mail of mode %d to %s in %+v", mode, to, mails)
	return ""
}

const sendCode = `mutation($email: String!, $mode: EmailCodeMode!, $name: String, $lang: String, $wait: Boolean) {
	sendEmailCode(input: { email: $email, mode: $mode, userName: $name, language: $lang, wait: $wait }) { email mode } }`

const signUpBrief = `mutation($name: String!, $email: String!, $code: String!) { signUp(input: {
	userName: $name, email: $email, password: "new-password-1", emailConfirmationCode: $code,
	language: "en-US", regionCode: "US", gender: FEMALE, biography: "New here." }) {
	tokens { accessToken tokenType refreshToken } viewer { databaseId userName email emailConfirmed
	user { gender biography region { code } role } } } }`

// signUpResult is the part of SignUpPayload the tests read.
type signUpResult struct {
	Tokens struct{ AccessToken, TokenType string }
	Viewer struct {
		DatabaseID, UserName, Email string
		EmailConfirmed              bool
		User                        struct {
			Gender, Role string
			Biography    *string
			Region       struct{ Code string }
		}
		Bindings []binding
	}
}

// binding is the part of AccountBinding the tests read.
type binding struct {
	ApplicationID  string
	RemoteUserName *string
	Application    *struct{ Name string }
}

// signUp confirms an address and signs a new member up with it.
func signUp(t *testing.T, e *env, name, email string) signUpResult {
	t.Helper()
	e.mustQuery(sendCode, map[string]any{"email": email, "mode": "EMAIL_CONFIRMATION", "name": name, "lang": "en-US"}, nil)
	var got struct{ SignUp signUpResult }
	e.mustQuery(signUpBrief, map[string]any{
		"name": name, "email": email, "code": mailedCode(t, e, email, sandbox.EmailConfirmation),
	}, &got)
	return got.SignUp
}

// login signs in with the password grant and returns the access token,
// or "" and the answer's errors.
func login(e *env, email, password string) (string, []gqlError) {
	var got struct{ Login struct{ AccessToken string } }
	a := e.query(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }`,
		map[string]any{"e": email, "p": password}, "", &got)
	return got.Login.AccessToken, a.Errors
}

func TestAccountSignUp(t *testing.T) {
	e := newEnv(t)
	const email = "newcomer@example.org"

	var sent struct{ SendEmailCode struct{ Email, Mode string } }
	e.mustQuery(sendCode, map[string]any{"email": email, "mode": "EMAIL_CONFIRMATION", "name": "Newcomer_1",
		"lang": "en-US"}, &sent)
	if sent.SendEmailCode.Email != email || sent.SendEmailCode.Mode != "EMAIL_CONFIRMATION" {
		t.Errorf("sendEmailCode = %+v", sent)
	}
	code := mailedCode(t, e, email, sandbox.EmailConfirmation)
	if len(code) != 6 {
		t.Errorf("the mailed code is %q, want six digits", code)
	}
	if body := lastBody(e, http.MethodPost); body != `{"email":"`+email+`","userName":"Newcomer_1","language":"en-US","mode":0}` {
		t.Errorf("the upstream received %s", body)
	}

	a := e.query(sendCode, map[string]any{"email": email, "mode": "EMAIL_CONFIRMATION", "name": "Newcomer_1",
		"lang": "en-US"}, "", nil)
	wantError(t, a, "TOO_SOON", "EmailCooldown")
	if len(a.Errors) == 1 && a.Errors[0].Extensions["dateAvailable"] == nil {
		t.Errorf("a cooldown without dateAvailable: %+v", a.Errors)
	}

	var got struct{ SignUp signUpResult }
	wrong := "000000"
	if code == wrong {
		wrong = "000001"
	}
	a = e.query(signUpBrief, map[string]any{"name": "Newcomer_1", "email": email, "code": wrong}, "", nil)
	wantError(t, a, "BAD_USER_INPUT", "InvalidCode")

	e.mustQuery(signUpBrief, map[string]any{"name": "Newcomer_1", "email": email, "code": code}, &got)
	v := got.SignUp.Viewer
	if got.SignUp.Tokens.AccessToken == "" || got.SignUp.Tokens.TokenType != "Bearer" || v.UserName != "Newcomer_1" ||
		v.Email != email || !v.EmailConfirmed || v.User.Gender != "FEMALE" || v.User.Role != "MEMBER" ||
		v.User.Biography == nil || *v.User.Biography != "New here." || v.User.Region.Code != "US" {
		t.Errorf("after signUp: %+v", got.SignUp)
	}
	if _, byRoute := e.calls(); byRoute["POST /users/brief"] != 1 || byRoute["POST /auth/token"] != 1 ||
		byRoute["GET /me"] != 1 {
		t.Errorf("signUp calls = %v", byRoute)
	}
	stored := rest[struct{ UserName, Language string }](e, "/users/"+v.DatabaseID, nil)
	if stored.UserName != "Newcomer_1" || stored.Language != "en-US" {
		t.Errorf("the sandbox holds %+v", stored)
	}
	if token, errs := login(e, email, "new-password-1"); token == "" {
		t.Errorf("the new password does not sign in: %+v", errs)
	}

	t.Run("the tokens survive a failed read", func(t *testing.T) {
		e := e.in(t)
		const email = "second@example.org"
		e.mustQuery(sendCode, map[string]any{"email": email, "mode": "EMAIL_CONFIRMATION", "name": "Second_1",
			"lang": "en-US"}, nil)
		e.sandbox.InjectFault("GET", "/me", sandbox.Fault{Status: 500, Body: "boom", Times: 1})
		var got struct{ SignUp signUpResult }
		a := e.query(signUpBrief, map[string]any{"name": "Second_1", "email": email,
			"code": mailedCode(t, e, email, sandbox.EmailConfirmation)}, "", &got)
		if got.SignUp.Tokens.AccessToken == "" || len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UPSTREAM_ERROR" {
			t.Errorf("signUp with a failed read: %+v, errors %+v", got.SignUp, a.Errors)
		}
	})
	t.Run("the code is spent", func(t *testing.T) {
		a := e.in(t).query(signUpBrief, map[string]any{"name": "Newcomer_2", "email": email, "code": code}, "", nil)
		wantError(t, a, "BAD_USER_INPUT", "InvalidCode")
	})
	t.Run("an address in use", func(t *testing.T) {
		alice := e.sandbox.Tokens()[1]
		a := e.in(t).query(sendCode, map[string]any{"email": alice.Email, "mode": "EMAIL_CONFIRMATION",
			"name": "Someone_New", "lang": "en-US"}, "", nil)
		wantError(t, a, "BAD_USER_INPUT", "EmailOccupied")
	})
	t.Run("field errors", func(t *testing.T) {
		e := e.in(t)
		a := e.query(`mutation { signUp(input: { userName: "x!", email: "not-an-address", password: "short",
			emailConfirmationCode: "123456", language: "english", regionCode: "US" }) { tokens { accessToken } } }`,
			nil, "", nil)
		wantError(t, a, "BAD_USER_INPUT", "InvalidData")
		fields := map[string]bool{}
		if len(a.Errors) == 1 {
			list, _ := a.Errors[0].Extensions["fieldErrors"].([]any)
			for _, f := range list {
				fields[f.(map[string]any)["field"].(string)] = true
			}
		}
		for _, f := range []string{"userName", "email", "password", "language"} {
			if !fields[f] {
				t.Errorf("no field error for %s in %+v", f, a.Errors)
			}
		}
	})
	t.Run("blank input never reaches the upstream", func(t *testing.T) {
		e := e.in(t)
		a := e.query(`mutation { signUp(input: { userName: "Somebody", email: " ", password: "password-1",
			emailConfirmationCode: "123456", language: "en-US", regionCode: "US" }) { tokens { accessToken } } }`,
			nil, "", nil)
		wantError(t, a, "BAD_USER_INPUT", "")
		if n, _ := e.calls(); n != 0 {
			t.Errorf("%d upstream calls, want 0", n)
		}
	})
}

func TestAccountSignUpWithAvatar(t *testing.T) {
	e := newEnv(t)
	const email = "painter@example.org"
	e.mustQuery(sendCode, map[string]any{"email": email, "mode": "EMAIL_CONFIRMATION", "name": "Painter_1",
		"lang": "zh-CN"}, nil)
	picture := bytes.Repeat([]byte("\x89PNG sign-up "), 1024)
	sum := sha256.Sum256(picture)

	var got struct {
		SignUp struct {
			Viewer struct {
				User struct {
					UserName, Language string
					Avatar             *string
				}
			}
		}
	}
	errs := upload(e, `mutation($code: String!, $file: Upload) { signUp(input: { userName: "Painter_1",
		email: "`+email+`", password: "painter-pass", emailConfirmationCode: $code, language: "zh-CN",
		regionCode: "CN", dateOfBirth: "2001-02-03T00:00:00Z", avatar: $file }) { viewer { user { userName language avatar } } } }`,
		// Uploads need a token, even signUp's: any signed-in caller's.
		map[string]any{"code": mailedCode(t, e, email, sandbox.EmailConfirmation)}, e.sandbox.Tokens()[0].AccessToken,
		picture, &got)
	u := got.SignUp.Viewer.User
	if len(errs) > 0 || u.UserName != "Painter_1" || u.Language != "zh-CN" || u.Avatar == nil ||
		!strings.Contains(*u.Avatar, hex.EncodeToString(sum[:])) {
		t.Fatalf("after signUp with an avatar: %+v, errors %+v", u, errs)
	}
	up := e.sandbox.Uploads()
	if len(up) != 1 || up[0].Route != "/users" || up[0].Field != "Avatar" || up[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("the upstream received %+v", up)
	}
}

func TestAccountPasswordReset(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]

	e.mustQuery(sendCode, map[string]any{"email": alice.Email, "mode": "PASSWORD_RESET"}, nil)
	code := mailedCode(t, e, alice.Email, sandbox.PasswordReset)
	const reset = `mutation($code: String!, $p: String!) { resetPassword(input: { code: $code, password: $p }) {
		passwordReset } }`
	var got struct{ ResetPassword struct{ PasswordReset bool } }
	e.mustQuery(reset, map[string]any{"code": code, "p": "brand-new-secret"}, &got)
	if !got.ResetPassword.PasswordReset {
		t.Errorf("resetPassword = %+v", got)
	}
	if token, errs := login(e, alice.Email, "brand-new-secret"); token == "" {
		t.Errorf("the new password does not sign in: %+v", errs)
	}
	if _, errs := login(e, alice.Email, alice.Password); len(errs) != 1 || errs[0].Extensions["code"] != "INVALID_CREDENTIALS" {
		t.Errorf("the old password: %+v, want INVALID_CREDENTIALS", errs)
	}

	tests := []struct {
		name, doc          string
		vars               map[string]any
		code, upstreamCode string
		calls              int
	}{
		{"a spent code", reset, map[string]any{"code": code, "p": "another-secret"}, "BAD_USER_INPUT", "InvalidCode", 1},
		{"a short password", reset, map[string]any{"code": "123456", "p": "abc"}, "BAD_USER_INPUT", "InvalidData", 1},
		{"a code too long", reset, map[string]any{"code": "1234567", "p": "another-secret"}, "BAD_USER_INPUT", "", 0},
		{"an unknown address", sendCode, map[string]any{"email": "nobody@example.org", "mode": "PASSWORD_RESET"},
			"NOT_FOUND", "UserNotFound", 1},
		{"a confirmation mail without a name", sendCode, map[string]any{"email": "new@example.org",
			"mode": "EMAIL_CONFIRMATION", "lang": "en-US"}, "BAD_USER_INPUT", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			wantError(t, e.query(tt.doc, tt.vars, "", nil), tt.code, tt.upstreamCode)
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("%d upstream calls, want %d", n, tt.calls)
			}
		})
	}
}

func TestAccountEmailUpdate(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	const address = "alice.new@example.org"
	const update = `mutation($code: String!, $email: String!) { updateAccountEmail(input: { code: $code,
		newEmailAddress: $email }) { viewer { databaseId email } } }`

	e.mustQuery(sendCode, map[string]any{"email": address, "mode": "EMAIL_ADDRESS_UPDATE"}, nil)
	code := mailedCode(t, e, address, sandbox.EmailAddressUpdate)

	a := e.query(update, map[string]any{"code": code, "email": address}, "", nil)
	wantError(t, a, "UNAUTHENTICATED", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("%d upstream calls without a token, want 0", n)
	}
	a = e.query(update, map[string]any{"code": code, "email": "other@example.org"}, alice.AccessToken, nil)
	wantError(t, a, "BAD_USER_INPUT", "InvalidCode")

	var got struct {
		UpdateAccountEmail struct {
			Viewer struct{ DatabaseID, Email string }
		}
	}
	e.mustQueryAs(update, map[string]any{"code": code, "email": address}, alice.AccessToken, &got)
	if v := got.UpdateAccountEmail.Viewer; v.DatabaseID != "2" || v.Email != address {
		t.Errorf("after updateAccountEmail: %+v", v)
	}
	if _, byRoute := e.calls(); byRoute["POST /auth/updateEmailAddress"] != 1 || byRoute["GET /me"] != 1 {
		t.Errorf("updateAccountEmail calls = %v", byRoute)
	}
	if token, errs := login(e, address, alice.Password); token == "" {
		t.Errorf("the new address does not sign in: %+v", errs)
	}
}

func TestAccountRevocation(t *testing.T) {
	e := newEnv(t)
	const email = "leaving@example.org"
	member := signUp(t, e, "Leaving_1", email)

	e.mustQuery(sendCode, map[string]any{"email": email, "mode": "ACCOUNT_REVOCATION"}, nil)
	code := mailedCode(t, e, email, sandbox.AccountRevocation)
	const revoke = `mutation($code: String!) { revokeAccount(input: { code: $code }) { revoked } }`
	var got struct{ RevokeAccount struct{ Revoked bool } }
	e.mustQuery(revoke, map[string]any{"code": code}, &got)
	if !got.RevokeAccount.Revoked {
		t.Errorf("revokeAccount = %+v", got)
	}

	resp, err := http.Get(e.rest.URL + "/users/" + member.Viewer.DatabaseID)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /users/%s after revocation: %d, want 404", member.Viewer.DatabaseID, resp.StatusCode)
	}
	if _, errs := login(e, email, "new-password-1"); len(errs) != 1 || errs[0].Extensions["code"] != "INVALID_CREDENTIALS" {
		t.Errorf("the revoked account signs in: %+v", errs)
	}
	a := e.query(`{ me { databaseId } }`, nil, member.Tokens.AccessToken, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("the revoked account's token still reads: %+v", a.Errors)
	}
	wantError(t, e.query(revoke, map[string]any{"code": code}, "", nil), "BAD_USER_INPUT", "InvalidCode")
}

func TestAccountLoginToken(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]

	var got struct {
		CreateLoginToken struct {
			Token     string
			ExpiresIn int
		}
	}
	e.mustQueryAs(`mutation { createLoginToken(input: { expiry: 120 }) { token expiresIn } }`, nil,
		alice.AccessToken, &got)
	if got.CreateLoginToken.Token == "" || got.CreateLoginToken.ExpiresIn != 120 {
		t.Fatalf("createLoginToken = %+v", got)
	}
	if reqs := e.sandbox.Requests(); len(reqs) != 1 || reqs[0].Query.Get("expiry") != "120" {
		t.Errorf("the upstream received %+v", reqs)
	}

	const trade = `mutation($t: String!) { loginWithToken(input: { token: $t }) { accessToken tokenType } }`
	var set struct {
		LoginWithToken struct{ AccessToken, TokenType string }
	}
	e.mustQuery(trade, map[string]any{"t": got.CreateLoginToken.Token}, &set)
	var me struct{ Me struct{ DatabaseID string } }
	e.mustQueryAs(`{ me { databaseId } }`, nil, set.LoginWithToken.AccessToken, &me)
	if me.Me.DatabaseID != "2" || set.LoginWithToken.TokenType != "Bearer" {
		t.Errorf("the login token signed in %+v as %q", set, me.Me.DatabaseID)
	}

	tests := []struct {
		name, doc, token, code, upstreamCode string
		calls                                int
	}{
		{"a spent token", `mutation { loginWithToken(input: { token: "` + got.CreateLoginToken.Token + `" }) {
			accessToken } }`, "", "INVALID_CREDENTIALS", "", 1},
		{"no token", `mutation { createLoginToken { token } }`, "", "UNAUTHENTICATED", "", 0},
		{"an expiry too long", `mutation { createLoginToken(input: { expiry: 3601 }) { token } }`, alice.AccessToken,
			"BAD_USER_INPUT", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			wantError(t, e.query(tt.doc, nil, tt.token, nil), tt.code, tt.upstreamCode)
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("%d upstream calls, want %d", n, tt.calls)
			}
		})
	}
}

const startProvider = `mutation($p: AuthProvider!, $s: String!) { startAuthProvider(input: { provider: $p,
	state: $s, redirectUri: "https://app.example.org/callback" }) { type redirectUri message } }`

const viewerBindings = `viewer { databaseId bindings { applicationId remoteUserName application { name } } }`

func TestAccountProviderBinding(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	github := e.sandbox.ProviderApplicationID("GitHub")

	var started struct {
		StartAuthProvider struct {
			Type        string
			RedirectURI *string
		}
	}
	e.mustQueryAs(startProvider, map[string]any{"p": "GITHUB", "s": "state-alice"}, alice.AccessToken, &started)
	if s := started.StartAuthProvider; s.Type != "REDIRECT" || s.RedirectURI == nil ||
		!strings.Contains(*s.RedirectURI, "state=state-alice") {
		t.Errorf("startAuthProvider = %+v", s)
	}
	if body := lastBody(e, http.MethodPost); body != `{"state":"state-alice","redirectUri":"https://app.example.org/callback"}` {
		t.Errorf("the upstream received %s", body)
	}

	const bind = `mutation($code: String!, $s: String!) { bindAuthProvider(input: { provider: GITHUB, code: $code,
		state: $s }) { ` + viewerBindings + ` } }`
	var got struct {
		BindAuthProvider struct{ Viewer struct{ Bindings []binding } }
	}
	e.mustQueryAs(bind, map[string]any{"code": sandbox.ProviderCodeNew, "s": "state-alice"}, alice.AccessToken, &got)
	b := got.BindAuthProvider.Viewer.Bindings
	if len(b) != 1 || b[0].ApplicationID != github || b[0].RemoteUserName == nil ||
		*b[0].RemoteUserName != "Octo Sandbox" || b[0].Application == nil {
		t.Errorf("after bindAuthProvider: %+v", b)
	}
	if reqs := e.sandbox.Requests(); len(reqs) != 2 || reqs[0].Query.Get("code") != sandbox.ProviderCodeNew {
		t.Errorf("the upstream received %+v", reqs)
	}

	// The bound account signs in with a new anonymous authorisation.
	e.mustQuery(startProvider, map[string]any{"p": "GITHUB", "s": "state-anon"}, nil)
	var set struct{ LoginWithAuthProvider struct{ AccessToken string } }
	e.mustQuery(`mutation { loginWithAuthProvider(input: { provider: GITHUB, code: "`+sandbox.ProviderCodeNew+`",
		state: "state-anon" }) { accessToken } }`, nil, &set)
	var me struct{ Me struct{ DatabaseID string } }
	e.mustQueryAs(`{ me { databaseId } }`, nil, set.LoginWithAuthProvider.AccessToken, &me)
	if me.Me.DatabaseID != "2" {
		t.Errorf("the provider signed in %q, want Alice", me.Me.DatabaseID)
	}

	const unbind = `mutation { unbindAuthProvider(input: { provider: GITHUB }) { ` + viewerBindings + ` } }`
	var after struct {
		UnbindAuthProvider struct{ Viewer struct{ Bindings []binding } }
	}
	e.mustQueryAs(unbind, nil, alice.AccessToken, &after)
	if len(after.UnbindAuthProvider.Viewer.Bindings) != 0 {
		t.Errorf("after unbindAuthProvider: %+v", after)
	}

	tests := []struct {
		name, doc, token, code, upstreamCode string
		calls                                int
	}{
		{"unbinding twice", unbind, alice.AccessToken, "CONFLICT", "AlreadyDone", 1},
		{"a spent state", `mutation { bindAuthProvider(input: { provider: GITHUB, code: "` + sandbox.ProviderCodeNew +
			`", state: "state-alice" }) { viewer { databaseId } } }`, alice.AccessToken, "BAD_USER_INPUT", "InvalidData", 1},
		{"a provider without configuration", `mutation { startAuthProvider(input: { provider: DISCORD, state: "s",
			redirectUri: "https://app.example.org" }) { type } }`, "", "NOT_FOUND", "ResourceNotFound", 1},
		{"no token", unbind, "", "UNAUTHENTICATED", "", 0},
		{"an empty code", `mutation { bindAuthProvider(input: { provider: PHIRA, code: "", state: "s" }) {
			viewer { databaseId } } }`, alice.AccessToken, "BAD_USER_INPUT", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			wantError(t, e.query(tt.doc, nil, tt.token, nil), tt.code, tt.upstreamCode)
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("%d upstream calls, want %d", n, tt.calls)
			}
		})
	}
}

func TestAccountSignUpWithProvider(t *testing.T) {
	e := newEnv(t)
	const signUp = `mutation($code: String!, $s: String!) { signUpWithAuthProvider(input: {
		grant: { provider: PHIRA, code: $code, state: $s, redirectUri: "https://app.example.org/callback" },
		language: "ja-JP", regionCode: "JP" }) { tokens { accessToken } viewer { userName email user { language }
		bindings { applicationId remoteUserName } } } }`

	e.mustQuery(startProvider, map[string]any{"p": "PHIRA", "s": "state-1"}, nil)
	var got struct{ SignUpWithAuthProvider signUpResult }
	e.mustQuery(signUp, map[string]any{"code": sandbox.ProviderCodeNew, "s": "state-1"}, &got)
	v := got.SignUpWithAuthProvider.Viewer
	if got.SignUpWithAuthProvider.Tokens.AccessToken == "" || v.UserName != "Octo_Sandbox" ||
		v.Email != "octo@remote.sandbox.test" || len(v.Bindings) != 1 ||
		v.Bindings[0].ApplicationID != e.sandbox.ProviderApplicationID("phira") {
		t.Errorf("after signUpWithAuthProvider: %+v", got)
	}
	if reqs := e.sandbox.Requests(); len(reqs) == 0 || reqs[0].Route != "/users/provider/{provider}" ||
		reqs[0].Query.Get("state") != "state-1" || reqs[0].Query.Get("redirectUri") != "https://app.example.org/callback" {
		t.Errorf("the upstream received %+v", reqs)
	}

	e.mustQuery(startProvider, map[string]any{"p": "PHIRA", "s": "state-2"}, nil)
	wantError(t, e.query(signUp, map[string]any{"code": sandbox.ProviderCodeTakenEmail, "s": "state-2"}, "", nil),
		"BAD_USER_INPUT", "EmailOccupied")
	wantError(t, e.query(signUp, map[string]any{"code": sandbox.ProviderCodeNew, "s": "never-started"}, "", nil),
		"BAD_USER_INPUT", "AuthFailure")
}

const tapTapVars = `$app: ID!, $token: String!`

func tapTapInput(app, token string) map[string]any {
	return map[string]any{"app": app, "token": token}
}

func TestAccountTapTap(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	app := e.sandbox.TapTapApplicationID()
	input := `input: { applicationId: $app, accessToken: $token, macKey: "` + sandbox.TapTapMacKey + `" }`
	lookUp := `mutation(` + tapTapVars + `) { lookUpTapTapAccount(` + input + `) { userName openId unionId user { databaseId } } }`
	bind := `mutation(` + tapTapVars + `) { bindTapTap(` + input + `) { ` + viewerBindings + ` } }`

	type account struct {
		UserName, OpenID, UnionID string
		User                      *struct{ DatabaseID string }
	}
	var before struct{ LookUpTapTapAccount account }
	e.mustQuery(lookUp, tapTapInput(app, sandbox.TapTapAccessToken), &before)
	if a := before.LookUpTapTapAccount; a.UserName != "TapRhythm" || a.UnionID != "taptap-union-1" || a.User != nil {
		t.Errorf("lookUpTapTapAccount = %+v", a)
	}
	if body := lastBody(e, http.MethodPost); body != `{"applicationId":"`+app+`","accessToken":"`+
		sandbox.TapTapAccessToken+`","macKey":"`+sandbox.TapTapMacKey+`"}` {
		t.Errorf("the upstream received %s", body)
	}

	var got struct {
		BindTapTap struct{ Viewer struct{ Bindings []binding } }
	}
	e.mustQueryAs(bind, tapTapInput(globalid.Encode("Application", app), sandbox.TapTapAccessToken),
		alice.AccessToken, &got)
	if b := got.BindTapTap.Viewer.Bindings; len(b) != 1 || b[0].ApplicationID != app || b[0].RemoteUserName != nil {
		t.Errorf("after bindTapTap: %+v", b)
	}
	var after struct{ LookUpTapTapAccount account }
	e.mustQuery(lookUp, tapTapInput(app, sandbox.TapTapAccessToken), &after)
	if u := after.LookUpTapTapAccount.User; u == nil || u.DatabaseID != "2" {
		t.Errorf("lookUpTapTapAccount after binding: %+v", after)
	}

	var set struct{ LoginWithTapTap struct{ AccessToken string } }
	e.mustQuery(`mutation(`+tapTapVars+`) { loginWithTapTap(`+input+`) { accessToken } }`,
		tapTapInput(app, sandbox.TapTapAccessToken), &set)
	var me struct{ Me struct{ DatabaseID string } }
	e.mustQueryAs(`{ me { databaseId } }`, nil, set.LoginWithTapTap.AccessToken, &me)
	if me.Me.DatabaseID != "2" {
		t.Errorf("TapTap signed in %q, want Alice", me.Me.DatabaseID)
	}

	unbind := `mutation($app: ID!) { unbindTapTap(input: { applicationId: $app }) { ` + viewerBindings + ` } }`
	tests := []struct {
		name, doc, token, code, upstreamCode string
		vars                                 map[string]any
		calls                                int
	}{
		{"an account bound to another member", bind, bob.AccessToken, "BAD_USER_INPUT", "BindingOccupied",
			tapTapInput(app, sandbox.TapTapAccessToken), 1},
		{"binding twice", bind, alice.AccessToken, "CONFLICT", "AlreadyDone", tapTapInput(app, sandbox.TapTapAccessToken2), 1},
		{"credentials TapTap refuses", lookUp, "", "BAD_USER_INPUT", "RemoteFailure", tapTapInput(app, "forged"), 1},
		{"an application without TapTap", lookUp, "", "BAD_USER_INPUT", "InvalidOperation",
			tapTapInput(e.sandbox.ProviderApplicationID("github"), sandbox.TapTapAccessToken), 1},
		{"an unknown application", bind, bob.AccessToken, "NOT_FOUND", "ApplicationNotFound",
			tapTapInput("00000000-0000-4000-8000-000000000000", sandbox.TapTapAccessToken), 1},
		{"a bad application ID", bind, bob.AccessToken, "BAD_USER_INPUT", "", tapTapInput("app-1", "x"), 0},
		{"no token", unbind, "", "UNAUTHENTICATED", "", map[string]any{"app": app}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			wantError(t, e.query(tt.doc, tt.vars, tt.token, nil), tt.code, tt.upstreamCode)
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("%d upstream calls, want %d", n, tt.calls)
			}
		})
	}

	var removed struct {
		UnbindTapTap struct{ Viewer struct{ Bindings []binding } }
	}
	e.mustQueryAs(unbind, map[string]any{"app": app}, alice.AccessToken, &removed)
	if len(removed.UnbindTapTap.Viewer.Bindings) != 0 {
		t.Errorf("after unbindTapTap: %+v", removed)
	}
	if q := e.sandbox.Requests()[0].Query.Get("applicationId"); q != app {
		t.Errorf("unbindTapTap sent applicationId=%q, want %s", q, app)
	}
	wantError(t, e.query(unbind, map[string]any{"app": app}, alice.AccessToken, nil), "CONFLICT", "AlreadyDone")
}

func TestAccountTapTapInheritance(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	app := e.sandbox.TapTapApplicationID()

	// A TapTap player without an account signs in as a ghost.
	var set struct{ LoginWithTapTap struct{ AccessToken string } }
	e.mustQuery(`mutation(`+tapTapVars+`) { loginWithTapTap(input: { applicationId: $app, accessToken: $token,
		macKey: "`+sandbox.TapTapMacKey+`" }) { accessToken } }`, tapTapInput(app, sandbox.TapTapAccessToken2), &set)
	ghost := set.LoginWithTapTap.AccessToken

	const request = `mutation { requestTapTapInheritance { code } }`
	var code struct{ RequestTapTapInheritance struct{ Code string } }
	e.mustQueryAs(request, nil, ghost, &code)
	if c := code.RequestTapTapInheritance.Code; len(c) != 4 || strings.ToUpper(c) != c {
		t.Fatalf("requestTapTapInheritance = %q, want four capitals or digits", c)
	}

	const inherit = `mutation($code: String!) { inheritTapTapAccount(input: { code: $code }) {
		viewer { databaseId user { avatar } bindings { applicationId } } } }`
	var got struct {
		InheritTapTapAccount struct {
			Viewer struct {
				DatabaseID string
				User       struct{ Avatar *string }
				Bindings   []binding
			}
		}
	}
	e.mustQueryAs(inherit, map[string]any{"code": strings.ToLower(code.RequestTapTapInheritance.Code)},
		bob.AccessToken, &got)
	if v := got.InheritTapTapAccount.Viewer; v.DatabaseID != "3" || len(v.Bindings) != 1 || v.Bindings[0].ApplicationID != app ||
		v.User.Avatar == nil {
		t.Errorf("after inheritTapTapAccount: %+v", v)
	}

	tests := []struct {
		name, doc, token, code, upstreamCode string
		vars                                 map[string]any
		calls                                int
	}{
		{"inheriting twice", inherit, bob.AccessToken, "CONFLICT", "AlreadyDone",
			map[string]any{"code": code.RequestTapTapInheritance.Code}, 1},
		{"an unknown code", inherit, alice.AccessToken, "BAD_USER_INPUT", "InvalidCode", map[string]any{"code": "Q0Q0"}, 1},
		{"a code too long", inherit, alice.AccessToken, "BAD_USER_INPUT", "", map[string]any{"code": "ABCDE"}, 0},
		{"a member asks for a code", request, alice.AccessToken, "FORBIDDEN", "InsufficientPermission", nil, 1},
		{"no token", request, "", "UNAUTHENTICATED", "", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			wantError(t, e.query(tt.doc, tt.vars, tt.token, nil), tt.code, tt.upstreamCode)
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("%d upstream calls, want %d", n, tt.calls)
			}
		})
	}
}
