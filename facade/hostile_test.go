package facade_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// Findings of the attack on the merged facade, kept as specifications.

// Link fields of a union's members may share an alias: each relation keeps
// its own batch.
func TestAliasedLinkFieldsInUnions(t *testing.T) {
	e := newEnv(t)
	ids := e.sandbox.Data().Areas.RichText.LinkingComments
	var got struct {
		Comments struct {
			Nodes []struct {
				ContentSegments []struct{ X *struct{ ID string } }
			}
		}
	}
	a := e.query(`query($ids: [ID!]) { comments(first: 30, filter: { rangeId: $ids }) { nodes { contentSegments {
		... on UserLink { x: user { id } } ... on ChartLink { x: chart { id } } ... on SongLink { x: song { id } } } } } }`,
		map[string]any{"ids": ids}, "", &got)
	for _, err := range a.Errors {
		t.Errorf("error: %+v", err)
	}
	links := 0
	for _, n := range got.Comments.Nodes {
		for _, s := range n.ContentSegments {
			if s.X != nil {
				links++
			}
		}
	}
	if links < 60 {
		t.Errorf("%d links resolved, want the 30 users and 30 charts", links)
	}
}

// A link to something gone is null, without an error.
func TestLinkToSomethingGone(t *testing.T) {
	e := newEnv(t)
	bob := e.sandbox.Tokens()[2].AccessToken
	chart, _ := pickChart(e, bob)
	var got struct {
		CommentOnChart struct {
			Comment struct {
				ContentSegments []struct{ Chart *struct{ ID string } }
			}
		}
	}
	a := e.query(`mutation($id: ID!) { commentOnChart(input: { chartId: $id, language: "en",
		content: "see [PZChart:00000000-0000-4000-8000-000000000000:gone:PZRT]" }) {
		comment { contentSegments { ... on ChartLink { chart { id } } } } } }`, map[string]any{"id": chart}, bob, &got)
	if len(a.Errors) > 0 {
		t.Errorf("errors = %+v, want none", a.Errors)
	}
}

func TestHostileRequests(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]

	logins := `mutation { a: login(input: { email: "` + alice.Email + `", password: "x1" }) { accessToken }
		b: login(input: { email: "` + alice.Email + `", password: "x2" }) { accessToken } }`
	a := e.query(logins, nil, "", nil)
	if n, _ := e.calls(); n > 1 {
		t.Errorf("two logins in one request made %d upstream calls, want at most one", n)
	}
	if len(a.Errors) != 2 {
		t.Errorf("errors = %+v, want one per login", a.Errors)
	}

	a = e.query(`{ tag(name: "..") { id } }`, nil, "", nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("tag(name: \"..\"): %+v, want BAD_USER_INPUT", a.Errors)
	}

	long := strings.Repeat("好", 3001)
	chart, _ := pickChart(e, alice.AccessToken)
	a = e.query(`mutation($id: ID!, $c: String!) { commentOnChart(input: { chartId: $id, content: $c, language: "zh-CN" }) { comment { id } } }`,
		map[string]any{"id": chart, "c": long}, alice.AccessToken, nil)
	if n, _ := e.calls(); n != 0 || len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("a comment of 3,001 characters: %d calls, %+v", n, a.Errors)
	}
}

func TestUploadGuards(t *testing.T) {
	e := newEnv(t)
	form := func() (*bytes.Buffer, string) {
		var body bytes.Buffer
		w := multipart.NewWriter(&body)
		_ = w.WriteField("operations", `{"query":"mutation($f: Upload!) { updateChartIllustration(input: { chartId: \"x\", file: $f }) { chart { id } } }","variables":{"f":null}}`)
		_ = w.WriteField("map", `{"0": ["variables.f"]}`)
		part, _ := w.CreateFormFile("0", "a.png")
		_, _ = part.Write([]byte("picture"))
		_ = w.Close()
		return &body, w.FormDataContentType()
	}
	tests := []struct {
		name    string
		token   bool
		chunked bool
		status  int
	}{
		{"without a token", false, false, http.StatusUnauthorized},
		{"without a length", true, true, http.StatusLengthRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, ct := form()
			var r *http.Request
			if tt.chunked {
				r, _ = http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", struct{ *bytes.Buffer }{body})
			} else {
				r, _ = http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", body)
			}
			r.Header.Set("Content-Type", ct)
			if tt.token {
				r.Header.Set("Authorization", "Bearer "+e.sandbox.Tokens()[0].AccessToken)
			}
			resp, err := http.DefaultClient.Do(r)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
}
