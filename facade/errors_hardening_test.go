package facade_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
	"github.com/phizone/graphql-facade/upstream"
)

// These tests pin what the facade does with writes that fail, answers
// that lack what their route promises, and attempts at credentials.

// okNull is a success envelope without data.
const okNull = `{"status":0,"code":"Ok","data":null}`

// firstError returns the answer's only error, failing the test when it
// has not exactly one.
func firstError(t *testing.T, a answer) gqlError {
	t.Helper()
	if len(a.Errors) != 1 {
		t.Fatalf("errors = %+v, want exactly one", a.Errors)
	}
	return a.Errors[0]
}

func TestRefusedWritesKeepTheCache(t *testing.T) {
	clk := newTestClock()
	e := newCachedEnv(t, upstream.CacheOptions{Now: clk.Now})
	alice := e.sandbox.Tokens()[1].AccessToken
	chart := pickUnliked(e, alice)
	read := `query($id: ID!) { chart(id: $id) { likeCount dateLiked } }`
	vars := map[string]any{"id": chart}

	var before struct{ Chart struct{ LikeCount int } }
	e.mustQueryAs(read, vars, alice, &before)
	e.mustQueryAs(read, vars, alice, nil)
	if n, byRoute := e.calls(); n != 0 {
		t.Fatalf("the warm read made %d calls (%v), want 0", n, byRoute)
	}

	// A like with a junk token reaches the upstream and is refused.
	a := e.query(`mutation($id: ID!) { likeChart(input: { chartId: $id }) { chart { id } } }`, vars, "junk", nil)
	if err := firstError(t, a); err.Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("a like with a junk token: %+v, want UNAUTHENTICATED", err)
	}
	if _, byRoute := e.calls(); byRoute["POST /charts/{id}/likes"] != 1 {
		t.Fatalf("the junk like made calls %v, want it to reach the upstream", byRoute)
	}

	// Revocations change no data, whatever they answer.
	var doc strings.Builder
	doc.WriteString("mutation {")
	for i := range 20 {
		fmt.Fprintf(&doc, ` r%d: revokeToken(input: { token: "bogus-%d" }) { revoked }`, i, i)
	}
	doc.WriteString(" }")
	e.query(doc.String(), nil, "", nil)
	if _, byRoute := e.calls(); byRoute["POST /auth/revoke"] == 0 {
		t.Fatalf("the revocations made calls %v, want them to reach the upstream", byRoute)
	}

	// Anonymous writes the upstream accepts but that change no data.
	a = e.query(fmt.Sprintf(`mutation {
		s: sendEmailCode(input: { email: %q, mode: PASSWORD_RESET }) { email }
		p: startAuthProvider(input: { provider: GITHUB, state: "s", redirectUri: "https://a.example.org" }) { type }
		t: lookUpTapTapAccount(input: { applicationId: %q, accessToken: %q, macKey: %q }) { userName } }`,
		e.sandbox.Tokens()[1].Email, e.sandbox.TapTapApplicationID(), sandbox.TapTapAccessToken,
		sandbox.TapTapMacKey), nil, "", nil)
	if n, byRoute := e.calls(); n != 3 || len(a.Errors) > 0 {
		t.Fatalf("the anonymous writes made calls %v with errors %+v, want 3 and none", byRoute, a.Errors)
	}

	e.mustQueryAs(read, vars, alice, nil)
	if n, byRoute := e.calls(); n != 0 {
		t.Errorf("alice's warm read after refused writes made %d calls (%v), want 0", n, byRoute)
	}

	// A write the upstream accepts is seen at once.
	e.mustQueryAs(`mutation($id: ID!) { likeChart(input: { chartId: $id }) { chart { id } } }`, vars, alice, nil)
	var after struct {
		Chart struct {
			LikeCount int
			DateLiked *string
		}
	}
	e.mustQueryAs(read, vars, alice, &after)
	if after.Chart.LikeCount != before.Chart.LikeCount+1 || after.Chart.DateLiked == nil {
		t.Errorf("after alice's like: %+v, want likeCount %d and a dateLiked", after.Chart, before.Chart.LikeCount+1)
	}
}

func TestSingleResourceWithoutDataIsAnUpstreamError(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	_, chart := pickChart(e, alice)

	cases := []struct {
		name, route, doc string
		vars             map[string]any
	}{
		{"chart", "/charts/{id}", `query($id: ID!) { chart(id: $id) { databaseId } }`, map[string]any{"id": chart}},
		{"me", "/me", `{ me { id userName } }`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e.sandbox.InjectFault("GET", tc.route, sandbox.Fault{Status: 200, Body: okNull})
			defer e.sandbox.ClearFaults()

			a := e.query(tc.doc, tc.vars, alice, nil)
			err := firstError(t, a)
			if err.Extensions["code"] != "UPSTREAM_ERROR" || err.Extensions["route"] != "GET "+tc.route {
				t.Errorf("error = %+v, want UPSTREAM_ERROR on GET %s", err, tc.route)
			}
			if string(a.Data) != "null" && !strings.Contains(string(a.Data), `":null`) {
				t.Errorf("data = %s, want the field null", a.Data)
			}
		})
	}

	t.Run("the read after a write", func(t *testing.T) {
		_, id := pickChart(e, alice)
		before := rest[struct{ LikeCount int }](e, "/charts/"+id, nil).LikeCount
		e.sandbox.InjectFault("GET", "/charts/{id}", sandbox.Fault{Status: 200, Body: okNull})
		defer e.sandbox.ClearFaults()

		// The like is made: the payload stands without the chart, and the
		// error says the write was made.
		a := e.query(`mutation($id: ID!) { likeChart(input: { chartId: $id }) { chart { databaseId } } }`,
			map[string]any{"id": id}, alice, nil)
		if err := firstError(t, a); err.Extensions["code"] != "UPSTREAM_ERROR" ||
			err.Extensions["route"] != "GET /charts/{id}" || err.Extensions["writeMade"] != true ||
			!strings.HasPrefix(err.Message, "the write was made") {
			t.Errorf("error = %+v, want UPSTREAM_ERROR on GET /charts/{id} after the write", err)
		}
		if string(a.Data) != `{"likeChart":{"chart":null}}` {
			t.Errorf("data = %s, want the payload without its chart", a.Data)
		}
		e.sandbox.ClearFaults()
		if after := rest[struct{ LikeCount int }](e, "/charts/"+id, nil).LikeCount; after != before+1 {
			t.Errorf("likes %d after %d: the like was not made", after, before)
		}
	})

	t.Run("the read after an update", func(t *testing.T) {
		_, id := pickChart(e, alice)
		admin := e.sandbox.Tokens()[0].AccessToken
		e.sandbox.InjectFault("GET", "/charts/{id}", sandbox.Fault{Status: 200, Body: okNull})
		defer e.sandbox.ClearFaults()

		a := e.query(`mutation($id: ID!) { updateChart(input: { chartId: $id, description: "Read back later." }) {
			chart { databaseId } } }`, map[string]any{"id": id}, admin, nil)
		if err := firstError(t, a); err.Extensions["writeMade"] != true {
			t.Errorf("error = %+v, want one that says the write was made", err)
		}
		if string(a.Data) != `{"updateChart":{"chart":null}}` {
			t.Errorf("data = %s, want the payload without its chart", a.Data)
		}
		e.sandbox.ClearFaults()
		if got := rest[struct{ Description *string }](e, "/charts/"+id, nil).Description; got == nil ||
			*got != "Read back later." {
			t.Errorf("description %v: the update was not made", got)
		}
	})
}

func TestCreatedWithoutIDIsAnUpstreamError(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	_, chart := pickChart(e, alice)
	const comment = `mutation($id: ID!) {
		commentOnChart(input: { chartId: $id, content: "hi", language: "en" }) { comment { id } } }`

	for _, body := range []string{
		okNull,
		`{"status":0,"code":"Ok","data":{}}`,
		`{"status":0,"code":"Ok","data":{"id":".."}}`,
		`{"status":0,"code":"Ok","data":{"id":""}}`,
		``,
	} {
		t.Run(body, func(t *testing.T) {
			e.sandbox.InjectFault("POST", "/charts/{id}/comments", sandbox.Fault{Status: 201, Body: body})
			defer e.sandbox.ClearFaults()

			a := e.query(comment, map[string]any{"id": chart}, alice, nil)
			err := firstError(t, a)
			if err.Extensions["code"] != "UPSTREAM_ERROR" || err.Extensions["route"] != "POST /charts/{id}/comments" ||
				!strings.Contains(err.Message, "did not return the new resource's ID") {
				t.Errorf("error = %+v, want UPSTREAM_ERROR saying the ID is missing", err)
			}
			if _, byRoute := e.calls(); byRoute["GET /comments/{id}"] != 0 {
				t.Errorf("calls = %v, want no read of the comment", byRoute)
			}
		})
	}
}

func TestSignInRefusalsSayWhatWasRefused(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	tapTap := `mutation($app: ID!, $token: String!, $mac: String!) {
		loginWithTapTap(input: { applicationId: $app, accessToken: $token, macKey: $mac }) { accessToken } }`
	cases := []struct {
		name, doc                string
		vars                     map[string]any
		code, argument, contains string
	}{
		{"wrong password", `mutation($e: String!) { login(input: { email: $e, password: "nope" }) { accessToken } }`,
			map[string]any{"e": alice.Email}, "INVALID_CREDENTIALS", "", "e-mail address or password"},
		{"unknown account", `mutation { login(input: { email: "nobody@sandbox.phizone.test", password: "x" }) {
			accessToken } }`, nil, "INVALID_CREDENTIALS", "", "e-mail address or password"},
		{"login token", `mutation { loginWithToken(input: { token: "junk" }) { accessToken } }`, nil,
			"INVALID_CREDENTIALS", "", "login token"},
		{"refresh token", `mutation { refreshToken(input: { refreshToken: "junk" }) { accessToken } }`, nil,
			"INVALID_CREDENTIALS", "", "refresh token"},
		{"unknown application", tapTap, map[string]any{"app": "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e",
			"token": sandbox.TapTapAccessToken, "mac": sandbox.TapTapMacKey},
			"BAD_USER_INPUT", "input.applicationId", "application does not exist"},
		{"wrong TapTap credentials", tapTap, map[string]any{"app": e.sandbox.TapTapApplicationID(),
			"token": "junk", "mac": sandbox.TapTapMacKey}, "INVALID_CREDENTIALS", "", "TapTap did not accept"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := firstError(t, e.query(tc.doc, tc.vars, "", nil))
			if err.Extensions["code"] != tc.code || !strings.Contains(err.Message, tc.contains) {
				t.Errorf("error = %+v, want %s saying %q", err, tc.code, tc.contains)
			}
			if arg, _ := err.Extensions["argument"].(string); arg != tc.argument {
				t.Errorf("argument = %q, want %q", arg, tc.argument)
			}
			if n, byRoute := e.calls(); n != 1 || byRoute["POST /auth/token"] != 1 {
				t.Errorf("calls = %v, want one POST /auth/token", byRoute)
			}
			if tc.name == "wrong password" || tc.name == "unknown account" {
				if err.Extensions["oauthError"] != "invalid_grant" {
					t.Errorf("oauthError = %v, want invalid_grant for a known and an unknown account alike",
						err.Extensions["oauthError"])
				}
			}
		})
	}
}

// aliased repeats field n times under aliases in one mutation.
func aliased(field string, n int) string {
	var doc strings.Builder
	doc.WriteString("mutation {")
	for i := range n {
		fmt.Fprintf(&doc, " a%d: %s", i, field)
	}
	doc.WriteString(" }")
	return doc.String()
}

func TestOneCredentialAttemptPerRequest(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	tapTap := fmt.Sprintf(`{ applicationId: %q, accessToken: "junk", macKey: %q }`,
		e.sandbox.TapTapApplicationID(), sandbox.TapTapMacKey)
	cases := []struct {
		name, field, token string
	}{
		{"resetPassword", `resetPassword(input: { code: "123456", password: "new-password-1" }) { passwordReset }`, ""},
		{"revokeAccount", `revokeAccount(input: { code: "123456" }) { revoked }`, ""},
		{"updateAccountEmail", `updateAccountEmail(input: { code: "123456", newEmailAddress: "a@b.test" }) {
			viewer { id } }`, alice},
		{"lookUpTapTapAccount", `lookUpTapTapAccount(input: ` + tapTap + `) { userName }`, ""},
		{"bindTapTap", `bindTapTap(input: ` + tapTap + `) { viewer { id } }`, alice},
		{"inheritTapTapAccount", `inheritTapTapAccount(input: { code: "AB12" }) { viewer { id } }`, alice},
		{"signUp", `signUp(input: { userName: "guess", email: "g@sandbox.phizone.test", password: "password-1",
			emailConfirmationCode: "123456", language: "en", regionCode: "US" }) { tokens { accessToken } }`, ""},
		{"login", `login(input: { email: "nobody@sandbox.phizone.test", password: "x" }) { accessToken }`, ""},
		{"acceptEventHostInvite", `acceptEventHostInvite(input: { code: "AB12CD" }) { hostship { isAdmin } }`, alice},
		{"acceptEventTeamInvite", `acceptEventTeamInvite(input: { code: "AB12CD" }) { team { id } }`, alice},
		{"bindAuthProvider", `bindAuthProvider(input: { provider: GITHUB, code: "guess", state: "s" }) {
			viewer { id } }`, alice},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := e.query(aliased(tc.field, 40), nil, tc.token, nil)
			if n, byRoute := e.calls(); n != 1 {
				t.Errorf("40 aliased %s made %d upstream calls (%v), want 1", tc.name, n, byRoute)
			}
			refused := 0
			for _, err := range a.Errors {
				if err.Extensions["code"] == "BAD_USER_INPUT" && strings.Contains(err.Message, "one request may") {
					refused++
				}
			}
			if refused != 39 {
				t.Errorf("%d of 40 were refused as repeated attempts, want 39: %+v", refused, a.Errors)
			}
		})
	}

	t.Run("different fields share the one attempt", func(t *testing.T) {
		a := e.query(`mutation { r: resetPassword(input: { code: "123456", password: "new-password-1" }) {
			passwordReset } v: revokeAccount(input: { code: "123456" }) { revoked } }`, nil, "", nil)
		if n, _ := e.calls(); n != 1 || len(a.Errors) < 1 {
			t.Errorf("resetPassword and revokeAccount made %d calls with errors %+v, want 1", n, a.Errors)
		}
	})
}

func TestPathInputsAreCheckedBeforeAnyCall(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	const accept = `mutation($code: String!) { acceptEventHostInvite(input: { code: $code }) { hostship { id } } }`
	for _, code := range []string{"../../users/1", "..", "a/b", "x\r\ny", strings.Repeat("A", 3000), ""} {
		t.Run(fmt.Sprintf("host invite %.20q", code), func(t *testing.T) {
			err := firstError(t, e.query(accept, map[string]any{"code": code}, alice, nil))
			if err.Extensions["code"] != "BAD_USER_INPUT" || err.Extensions["argument"] != "input.code" {
				t.Errorf("error = %+v, want BAD_USER_INPUT on input.code", err)
			}
			if n, byRoute := e.calls(); n != 0 {
				t.Errorf("%d upstream calls (%v), want 0", n, byRoute)
			}
		})
	}

	for _, name := range []string{"..", "."} {
		t.Run("tag named "+name, func(t *testing.T) {
			err := firstError(t, e.query(`query($n: String!) { tag(name: $n) { id } }`, map[string]any{"n": name}, "", nil))
			if err.Extensions["code"] != "BAD_USER_INPUT" || err.Extensions["argument"] != "name" {
				t.Errorf("error = %+v, want BAD_USER_INPUT on name", err)
			}
			if n, _ := e.calls(); n != 0 {
				t.Errorf("%d upstream calls, want 0", n)
			}
		})
	}
}

func TestUpdateCollaborationSendsOnlyThePositionGiven(t *testing.T) {
	e := newEnv(t)
	admin := e.sandbox.Tokens()[0].AccessToken
	c := e.sandbox.Data().Areas.Studio.Collaborations[0]
	id := globalid.Encode("Collaboration", c.ID)
	const doc = `mutation($in: UpdateCollaborationInput!) { updateCollaboration(input: $in) {
		collaboration { position } } }`

	t.Run("left out", func(t *testing.T) {
		err := firstError(t, e.query(doc, map[string]any{"in": map[string]any{"collaborationId": id}}, admin, nil))
		if err.Extensions["code"] != "BAD_USER_INPUT" || err.Extensions["argument"] != "input" {
			t.Errorf("error = %+v, want BAD_USER_INPUT on input", err)
		}
		if n, byRoute := e.calls(); n != 0 {
			t.Errorf("%d upstream calls (%v), want 0", n, byRoute)
		}
	})
	t.Run("too long", func(t *testing.T) {
		in := map[string]any{"collaborationId": id, "position": strings.Repeat("é", 101)}
		err := firstError(t, e.query(doc, map[string]any{"in": in}, admin, nil))
		if err.Extensions["code"] != "BAD_USER_INPUT" || err.Extensions["argument"] != "input.position" {
			t.Errorf("error = %+v, want BAD_USER_INPUT on input.position", err)
		}
		if n, _ := e.calls(); n != 0 {
			t.Errorf("%d upstream calls, want 0", n)
		}
	})
	t.Run("null removes", func(t *testing.T) {
		in := map[string]any{"collaborationId": id, "position": nil}
		if a := e.query(doc, map[string]any{"in": in}, admin, nil); len(a.Errors) > 0 {
			t.Fatalf("errors: %+v", a.Errors)
		}
		if got := lastBody(e, "PATCH"); got != `[{"op":"remove","path":"/position"}]` {
			t.Errorf("the upstream received the patch %s", got)
		}
	})
	t.Run("100 characters are taken", func(t *testing.T) {
		in := map[string]any{"collaborationId": id, "position": strings.Repeat("é", 100)}
		if a := e.query(doc, map[string]any{"in": in}, admin, nil); len(a.Errors) > 0 {
			t.Fatalf("errors: %+v", a.Errors)
		}
		if _, byRoute := e.calls(); byRoute["PATCH /collaborations/{id}"] != 1 {
			t.Errorf("calls = %v, want one PATCH", byRoute)
		}
	})
}

func TestCreateResourceRecordsWithoutIDs(t *testing.T) {
	e := newEnv(t)
	admin := e.sandbox.Tokens()[0].AccessToken
	record := map[string]any{"type": "MUSIC", "title": "T", "editionType": "ORIGINAL", "authorName": "A",
		"strategy": "MAKE_HIDDEN", "source": "https://a.example.org", "copyrightOwner": "L"}
	const batch = `mutation($records: [ResourceRecordFieldsInput!]!) {
		createResourceRecords(input: { records: $records }) { resourceRecords { id } } }`

	for _, body := range []string{
		okNull,
		`{"status":0,"code":"Ok","data":{"id":[]}}`,
		`{"status":0,"code":"Ok","data":{"id":["0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"]}}`,
	} {
		t.Run(body, func(t *testing.T) {
			e.sandbox.InjectFault("POST", "/resourceRecords/batch", sandbox.Fault{Status: 201, Body: body})
			defer e.sandbox.ClearFaults()

			a := e.query(batch, map[string]any{"records": []any{record, record}}, admin, nil)
			err := firstError(t, a)
			if err.Extensions["code"] != "UPSTREAM_ERROR" || err.Extensions["route"] != "POST /resourceRecords/batch" {
				t.Errorf("error = %+v, want UPSTREAM_ERROR on POST /resourceRecords/batch", err)
			}
			if n, byRoute := e.calls(); n != 1 {
				t.Errorf("calls = %v, want the batch alone (no read of the list)", byRoute)
			}
		})
	}
}

func TestUpstreamRefusalCodes(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	_, chart := pickChart(e, alice)
	const like = `mutation($id: ID!) { likeChart(input: { chartId: $id }) { chart { id } } }`
	const sendCode = `mutation { sendEmailCode(input: { email: "a@sandbox.phizone.test", mode: PASSWORD_RESET }) {
		email } }`
	cooldown := `{"status":4,"code":"EmailCooldown","dateAvailable":"2030-01-01T00:00:00Z"}`
	cases := []struct {
		name, method, route string
		fault               sandbox.Fault
		doc                 string
		code                string
	}{
		{"an e-mail cooldown", "POST", "/auth/sendEmail", sandbox.Fault{Status: 400, Body: cooldown}, sendCode, "TOO_SOON"},
		{"a user name cooldown", "POST", "/charts/{id}/likes", sandbox.Fault{Status: 400,
			Body: `{"status":4,"code":"UserNameCooldown","dateAvailable":"2030-01-01T00:00:00Z"}`}, like, "TOO_SOON"},
		{"the upstream down", "POST", "/charts/{id}/likes", sandbox.Fault{Status: 503,
			Body: `{"status":4,"code":"Unavailable","dateAvailable":"2030-01-01T00:00:00Z"}`}, like, "UPSTREAM_UNAVAILABLE"},
		{"invalid data with 403", "POST", "/charts/{id}/likes", sandbox.Fault{Status: 403,
			Body: `{"status":3,"code":"InvalidData","message":"out of range"}`}, like, "BAD_USER_INPUT"},
		{"locked with 400", "POST", "/charts/{id}/likes", sandbox.Fault{Status: 400,
			Body: `{"status":1,"code":"Locked"}`}, like, "FORBIDDEN"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e.sandbox.InjectFault(tc.method, tc.route, tc.fault)
			defer e.sandbox.ClearFaults()

			err := firstError(t, e.query(tc.doc, map[string]any{"id": chart}, alice, nil))
			if err.Extensions["code"] != tc.code || err.Extensions["upstreamStatus"] != float64(tc.fault.Status) {
				t.Errorf("error = %+v, want %s with upstreamStatus %d", err, tc.code, tc.fault.Status)
			}
			if tc.code == "TOO_SOON" && err.Extensions["dateAvailable"] == nil {
				t.Errorf("a cooldown without dateAvailable: %+v", err)
			}
		})
	}
}

// A form reads one shape of field errors whoever refused the input: the
// facade's own checks carry fieldErrors as the upstream's 400 does.
func TestOwnInputErrorsCarryFieldErrors(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	_, id := pickChart(e, alice)
	admin := e.sandbox.Tokens()[0].AccessToken

	a := e.query(`mutation($id: ID!, $title: String) { updateChart(input: { chartId: $id, title: $title }) {
		chart { id } } }`, map[string]any{"id": id, "title": strings.Repeat("t", 101)}, admin, nil)
	err := firstError(t, a)
	raw, _ := json.Marshal(err.Extensions["fieldErrors"])
	var fields []upstream.FieldError
	_ = json.Unmarshal(raw, &fields)
	if err.Extensions["code"] != "BAD_USER_INPUT" || err.Extensions["argument"] != "input.title" ||
		len(fields) != 1 || fields[0].Field != "title" || len(fields[0].Errors) != 1 ||
		fields[0].Errors[0] != "InvalidValue" {
		t.Errorf("error = %+v, fieldErrors %s", err, raw)
	}
	if n, _ := e.calls(); n != 0 {
		t.Errorf("%d upstream calls for a title too long", n)
	}
}
