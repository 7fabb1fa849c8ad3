package facade_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"testing"
)

// pickChart returns the global ID and GUID of an unlocked chart the
// sandbox's Alice has not liked, owned by someone else.
func pickChart(e *env, token string) (string, string) {
	e.t.Helper()
	var got struct {
		Charts struct {
			Nodes []struct {
				ID, DatabaseID string
				IsLocked       bool
				DateLiked      *string
			}
		}
	}
	e.mustQueryAs(`{ charts(first: 50) { nodes { id databaseId isLocked dateLiked } } }`, nil, token, &got)
	for _, n := range got.Charts.Nodes {
		if !n.IsLocked && n.DateLiked == nil {
			return n.ID, n.DatabaseID
		}
	}
	e.t.Fatal("no unlocked chart to like")
	return "", ""
}

func TestLikeAndUnlikeChart(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	chart, _ := pickChart(e, alice)

	var before struct{ Chart struct{ LikeCount int } }
	e.mustQueryAs(`query($id: ID!) { chart(id: $id) { likeCount } }`, map[string]any{"id": chart}, alice, &before)

	const like = `mutation($id: ID!) { likeChart(input: { chartId: $id }) { chart { id likeCount dateLiked } } }`
	var liked struct {
		LikeChart struct {
			Chart struct {
				ID        string
				LikeCount int
				DateLiked *string
			}
		}
	}
	e.mustQueryAs(like, map[string]any{"id": chart}, alice, &liked)
	if c := liked.LikeChart.Chart; c.ID != chart || c.LikeCount != before.Chart.LikeCount+1 || c.DateLiked == nil {
		t.Fatalf("after likeChart: %+v, want likeCount %d and a dateLiked", c, before.Chart.LikeCount+1)
	}
	if _, byRoute := e.calls(); byRoute["POST /charts/{id}/likes"] != 1 || byRoute["GET /charts/{id}"] != 1 {
		t.Errorf("likeChart calls = %v, want the like and one fresh read", byRoute)
	}

	a := e.query(like, map[string]any{"id": chart}, alice, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "AlreadyDone" {
		t.Errorf("liking twice: %+v, want the upstream's AlreadyDone", a.Errors)
	}

	var unliked struct {
		UnlikeChart struct {
			Chart struct {
				LikeCount int
				DateLiked *string
			}
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { unlikeChart(input: { chartId: $id }) { chart { likeCount dateLiked } } }`,
		map[string]any{"id": chart}, alice, &unliked)
	if c := unliked.UnlikeChart.Chart; c.LikeCount != before.Chart.LikeCount || c.DateLiked != nil {
		t.Errorf("after unlikeChart: %+v, want likeCount %d and no dateLiked", c, before.Chart.LikeCount)
	}
}

func TestCommentAndReply(t *testing.T) {
	e := newEnv(t)
	bob := e.sandbox.Tokens()[2]
	chart, _ := pickChart(e, bob.AccessToken)

	var commented struct {
		CommentOnChart struct {
			Comment struct {
				ID, Content, Language, ContentText string
				ReplyCount                         int
				Owner                              struct{ UserName string }
				ContentSegments                    []struct {
					Text string
					User *struct{ DatabaseID string }
				}
			}
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { commentOnChart(input: { chartId: $id, content: "[PZUser:2:Alice_Rhythm:PZRT] 好谱！", language: "zh-CN" }) {
		comment { id content contentText contentSegments { text ... on UserLink { user { databaseId } } }
		language replyCount owner { userName } } } }`, map[string]any{"id": chart}, bob.AccessToken, &commented)
	c := commented.CommentOnChart.Comment
	if c.Content != "[PZUser:2:Alice_Rhythm:PZRT] 好谱！" || c.Language != "zh-CN" || c.Owner.UserName != bob.UserName || c.ReplyCount != 0 {
		t.Fatalf("new comment = %+v", c)
	}
	if len(c.ContentSegments) != 2 || c.ContentSegments[0].User == nil || c.ContentSegments[0].User.DatabaseID != "2" ||
		c.ContentText != "@Alice_Rhythm 好谱！" && c.ContentText != "Alice_Rhythm 好谱！" {
		t.Errorf("the new comment's rich text: %q, %+v", c.ContentText, c.ContentSegments)
	}

	var replied struct {
		ReplyToComment struct {
			Reply struct {
				Content string
				Owner   struct{ UserName string }
			}
			Comment struct{ ReplyCount int }
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { replyToComment(input: { commentId: $id, content: "谢谢", language: "zh-CN" }) {
		reply { content owner { userName } } comment { replyCount } } }`, map[string]any{"id": c.ID}, bob.AccessToken, &replied)
	if r := replied.ReplyToComment; r.Reply.Content != "谢谢" || r.Reply.Owner.UserName != bob.UserName || r.Comment.ReplyCount != 1 {
		t.Errorf("reply = %+v", r)
	}

	var page struct {
		Chart struct {
			Comments struct{ Nodes []struct{ ID string } }
		}
	}
	e.mustQueryAs(`query($id: ID!) { chart(id: $id) { comments(first: 1) { nodes { id } } } }`, map[string]any{"id": chart}, "", &page)
	if len(page.Chart.Comments.Nodes) != 1 || page.Chart.Comments.Nodes[0].ID != c.ID {
		t.Errorf("the chart's newest comment is %+v, want the new one", page.Chart.Comments.Nodes)
	}

	a := e.query(`mutation($id: ID!) { commentOnChart(input: { chartId: $id, content: "", language: "klingon" }) { comment { id } } }`,
		map[string]any{"id": chart}, bob.AccessToken, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || a.Errors[0].Extensions["fieldErrors"] == nil {
		t.Errorf("an empty comment: %+v, want BAD_USER_INPUT with field errors", a.Errors)
	}
}

func TestFollowAndUnfollow(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	const target = "200"
	var before struct{ User struct{ FollowerCount int } }
	e.mustQueryAs(`{ user(id: "200") { followerCount } }`, nil, "", &before)

	const follow = `mutation($id: ID!) { followUser(input: { userId: $id }) { user { databaseId followerCount } } }`
	var got struct {
		FollowUser struct {
			User struct {
				DatabaseID    string
				FollowerCount int
			}
		}
	}
	e.mustQueryAs(follow, map[string]any{"id": target}, alice.AccessToken, &got)
	if u := got.FollowUser.User; u.DatabaseID != target || u.FollowerCount != before.User.FollowerCount+1 {
		t.Fatalf("after followUser: %+v, want %d followers", u, before.User.FollowerCount+1)
	}

	var unf struct {
		UnfollowUser struct{ User struct{ FollowerCount int } }
	}
	e.mustQueryAs(`mutation($id: ID!) { unfollowUser(input: { userId: $id }) { user { followerCount } } }`,
		map[string]any{"id": target}, alice.AccessToken, &unf)
	if unf.UnfollowUser.User.FollowerCount != before.User.FollowerCount {
		t.Errorf("after unfollowUser: %d followers, want %d", unf.UnfollowUser.User.FollowerCount, before.User.FollowerCount)
	}
}

func TestUpdateChartSendsExactlyTheFieldsGiven(t *testing.T) {
	e := newEnv(t)
	admin := e.sandbox.Tokens()[0].AccessToken
	chart, _ := pickChart(e, admin)

	var got struct {
		UpdateChart struct {
			Chart struct {
				Title, Description *string
				Level              string
				Difficulty         float64
				IsRanked           bool
			}
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { updateChart(input: { chartId: $id, level: "SP", difficulty: 16.2, isRanked: false, description: null }) {
		chart { title description level difficulty isRanked } } }`, map[string]any{"id": chart}, admin, &got)
	c := got.UpdateChart.Chart
	if c.Level != "SP" || c.Difficulty != 16.2 || c.IsRanked || c.Description != nil {
		t.Errorf("updated chart = %+v", c)
	}

	var patch []map[string]any
	for _, r := range e.sandbox.Requests() {
		if r.Method == http.MethodPatch {
			_ = json.Unmarshal(r.Body, &patch)
		}
	}
	want := `[{"op":"replace","path":"/level","value":"SP"},{"op":"replace","path":"/difficulty","value":16.2},` +
		`{"op":"remove","path":"/description"},{"op":"replace","path":"/isRanked","value":false}]`
	if b, _ := json.Marshal(patch); string(b) != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", b, want)
	}

	tests := []struct {
		name, token, doc, code string
	}{
		{"no token", "", `mutation($id: ID!) { updateChart(input: { chartId: $id, level: "IN" }) { chart { id } } }`, "UNAUTHENTICATED"},
		{"someone else's chart", e.sandbox.Tokens()[1].AccessToken,
			`mutation($id: ID!) { updateChart(input: { chartId: $id, level: "IN" }) { chart { id } } }`, "FORBIDDEN"},
		{"null for a required field", admin,
			`mutation($id: ID!) { updateChart(input: { chartId: $id, level: null }) { chart { id } } }`, "BAD_USER_INPUT"},
		{"nothing to change", admin, `mutation($id: ID!) { updateChart(input: { chartId: $id }) { chart { id } } }`, "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(tt.doc, map[string]any{"id": chart}, tt.token, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code {
				t.Errorf("errors = %+v, want %s", a.Errors, tt.code)
			}
		})
	}
}

// An illustration goes up as a GraphQL multipart request and reaches the
// upstream byte for byte.
func TestUploadChartIllustration(t *testing.T) {
	e := newEnv(t)
	admin := e.sandbox.Tokens()[0].AccessToken
	chart, dbID := pickChart(e, admin)
	picture := bytes.Repeat([]byte("\x89PNG fake picture bytes "), 4096)

	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{
		"query":     `mutation($id: ID!, $file: Upload!) { updateChartIllustration(input: { chartId: $id, file: $file }) { chart { illustration } } }`,
		"variables": map[string]any{"id": chart, "file": nil},
	})
	_ = form.WriteField("operations", string(ops))
	_ = form.WriteField("map", `{"0": ["variables.file"]}`)
	part, _ := form.CreateFormFile("0", "cover.png")
	_, _ = part.Write(picture)
	_ = form.Close()

	req, _ := http.NewRequest(http.MethodPost, e.facade.URL+"/graphql", &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+admin)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()

	var a struct {
		Data struct {
			UpdateChartIllustration struct{ Chart struct{ Illustration string } }
		}
		Errors []gqlError
	}
	if err := json.Unmarshal(raw, &a); err != nil || len(a.Errors) > 0 {
		t.Fatalf("upload answered %s", raw)
	}

	sum := sha256.Sum256(picture)
	uploads := e.sandbox.Uploads()
	if len(uploads) != 1 || uploads[0].Resource != dbID || uploads[0].Size != int64(len(picture)) ||
		uploads[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("the upstream received %+v, want %d bytes with sha256 %x", uploads, len(picture), sum)
	}
	if got := a.Data.UpdateChartIllustration.Chart.Illustration; got == "" || !bytes.Contains([]byte(got), []byte(uploads[0].SHA256)) {
		t.Errorf("the chart's illustration is %q", got)
	}
}
