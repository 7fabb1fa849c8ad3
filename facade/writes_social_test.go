package facade_test

import (
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// socialKind is one kind of resource callers like (and comment on), as
// the tests drive it.
type socialKind struct {
	name    string // in the mutations (likeSong) and global IDs
	query   string // the Query field that reads one
	input   string // the input field that names one
	field   string // the payload field that holds one
	path    string // the upstream's route prefix, without the ID
	comment bool   // commentOn<name> exists
	// targets lists candidates, each with its owner.
	targets func(d *sandbox.Data) []socialTarget
}

type socialTarget struct {
	id    string
	owner int
}

func targetsOf[T any](items []T, ok func(*T) bool, target func(*T) socialTarget) []socialTarget {
	var out []socialTarget
	for i := range items {
		if ok == nil || ok(&items[i]) {
			out = append(out, target(&items[i]))
		}
	}
	return out
}

var socialKinds = []socialKind{
	{"Song", "song", "songId", "song", "/songs", true, func(d *sandbox.Data) []socialTarget {
		return targetsOf(d.Songs, func(v *sandbox.Song) bool { return !v.IsLocked },
			func(v *sandbox.Song) socialTarget { return socialTarget{v.ID, v.OwnerID} })
	}},
	{"Comment", "comment", "commentId", "comment", "/comments", false, func(d *sandbox.Data) []socialTarget {
		return targetsOf(d.Comments, nil, func(v *sandbox.Comment) socialTarget { return socialTarget{v.ID, v.OwnerID} })
	}},
	{"Reply", "reply", "replyId", "reply", "/replies", false, func(d *sandbox.Data) []socialTarget {
		return targetsOf(d.Replies, nil, func(v *sandbox.Reply) socialTarget { return socialTarget{v.ID, v.OwnerID} })
	}},
	{"Record", "record", "recordId", "record", "/records", true, func(d *sandbox.Data) []socialTarget {
		return targetsOf(d.Records, nil, func(v *sandbox.Record) socialTarget { return socialTarget{v.ID, v.OwnerID} })
	}},
	{"Event", "event", "eventId", "event", "/events", true, func(d *sandbox.Data) []socialTarget {
		return targetsOf(d.Events, func(v *sandbox.Event) bool { return v.DateUnveiled.Before(d.Now) },
			func(v *sandbox.Event) socialTarget { return socialTarget{v.ID, v.OwnerID} })
	}},
	{"EventDivision", "eventDivision", "divisionId", "division", "/events/divisions", true,
		func(d *sandbox.Data) []socialTarget {
			return targetsOf(d.Divisions, func(v *sandbox.EventDivision) bool { return v.DateUnveiled.Before(d.Now) },
				func(v *sandbox.EventDivision) socialTarget { return socialTarget{v.ID, v.OwnerID} })
		}},
	{"EventTeam", "eventTeam", "teamId", "team", "/events/teams", false, func(d *sandbox.Data) []socialTarget {
		return targetsOf(d.Teams, func(v *sandbox.EventTeam) bool {
			return v.IsUnveiled && d.Division(v.DivisionID).DateUnveiled.Before(d.Now)
		}, func(v *sandbox.EventTeam) socialTarget { return socialTarget{v.ID, v.OwnerID} })
	}},
	{"Chapter", "chapter", "chapterId", "chapter", "/chapters", true, func(d *sandbox.Data) []socialTarget {
		return targetsOf(d.Areas.Catalog.Chapters, func(v *sandbox.Chapter) bool { return !v.IsLocked },
			func(v *sandbox.Chapter) socialTarget { return socialTarget{v.ID, v.OwnerID} })
	}},
	{"Collection", "collection", "collectionId", "collection", "/collections", true,
		func(d *sandbox.Data) []socialTarget {
			return targetsOf(d.Areas.Catalog.Collections, func(v *sandbox.Collection) bool { return !v.IsLocked },
				func(v *sandbox.Collection) socialTarget { return socialTarget{v.ID, v.OwnerID} })
		}},
	{"Announcement", "announcement", "announcementId", "announcement", "/announcements", true,
		func(d *sandbox.Data) []socialTarget {
			return targetsOf(d.Areas.Catalog.Announcements, nil,
				func(v *sandbox.Announcement) socialTarget { return socialTarget{v.ID, v.OwnerID} })
		}},
	{"Application", "application", "applicationId", "application", "/applications", true,
		func(d *sandbox.Data) []socialTarget {
			return targetsOf(d.Areas.Catalog.Applications, nil,
				func(v *sandbox.Application) socialTarget { return socialTarget{v.ID, v.OwnerID} })
		}},
}

// pickSocial returns a resource of kind k that user has not liked, owned by
// someone else who does not block them (nor they block).
func pickSocial(e *env, k socialKind, user int) string {
	e.t.Helper()
	d := e.sandbox.Data()
	liked, blocked := map[string]bool{}, map[int]bool{}
	for _, l := range d.Likes {
		if l.OwnerID == user {
			liked[l.ResourceID] = true
		}
	}
	for _, r := range d.Relations {
		if r.Type == sandbox.RelationBlacklisted && (r.FollowerID == user || r.FolloweeID == user) {
			blocked[r.FollowerID+r.FolloweeID-user] = true
		}
	}
	for _, t := range k.targets(d) {
		if !liked[t.id] && t.owner != user && !blocked[t.owner] {
			return t.id
		}
	}
	e.t.Fatalf("no %s to like", k.name)
	return ""
}

// in returns e for subtest t, so that its failures end t alone.
func (e *env) in(t *testing.T) *env {
	sub := *e
	sub.t = t
	return &sub
}

// liked is the part of a likeable object the like tests read.
type liked struct {
	ID        string
	LikeCount int
	DateLiked *string
}

func TestLikeAndUnlikeEveryKind(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	for _, k := range socialKinds {
		t.Run(k.name, func(t *testing.T) {
			e := e.in(t)
			id := pickSocial(e, k, alice.UserID)
			gid := globalid.Encode(k.name, id)
			vars := map[string]any{"id": gid}

			var before struct{ X liked }
			e.mustQueryAs(`{ x: `+k.query+`(id: "`+id+`") { id likeCount dateLiked } }`, nil, alice.AccessToken, &before)

			like := `mutation($id: ID!) { x: like` + k.name + `(input: { ` + k.input + `: $id }) { y: ` + k.field +
				` { id likeCount dateLiked } } }`
			var got struct{ X struct{ Y liked } }
			e.mustQueryAs(like, vars, alice.AccessToken, &got)
			if y := got.X.Y; y.ID != gid || y.LikeCount != before.X.LikeCount+1 || y.DateLiked == nil {
				t.Fatalf("after like%s: %+v, want likeCount %d and a dateLiked", k.name, y, before.X.LikeCount+1)
			}
			n, byRoute := e.calls()
			read, fresh := "GET "+k.path+"/{id}", 1
			switch k.name {
			case "Reply":
				fresh = 2 // and its comment
			case "EventTeam":
				read = "GET /events/teams" // the single read leaves dateLiked out
			}
			if byRoute["POST "+k.path+"/{id}/likes"] != 1 || byRoute[read] != 1 || n != 1+fresh {
				t.Errorf("like%s calls = %v, want the like and a fresh read", k.name, byRoute)
			}

			a := e.query(like, vars, alice.AccessToken, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "CONFLICT" ||
				a.Errors[0].Extensions["upstreamCode"] != "AlreadyDone" {
				t.Errorf("liking twice: %+v, want CONFLICT from AlreadyDone", a.Errors)
			}
			if n, _ := e.calls(); n != 1 {
				t.Errorf("liking twice made %d upstream calls, want only the refused like", n)
			}

			unlike := `mutation($id: ID!) { x: unlike` + k.name + `(input: { ` + k.input + `: $id }) { y: ` + k.field +
				` { id likeCount dateLiked } } }`
			got.X.Y = liked{}
			e.mustQueryAs(unlike, vars, alice.AccessToken, &got)
			if y := got.X.Y; y.LikeCount != before.X.LikeCount || y.DateLiked != nil {
				t.Errorf("after unlike%s: %+v, want likeCount %d and no dateLiked", k.name, y, before.X.LikeCount)
			}

			a = e.query(unlike, vars, alice.AccessToken, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "CONFLICT" {
				t.Errorf("unliking twice: %+v, want CONFLICT", a.Errors)
			}
		})
	}
}

func TestCommentOnEveryKindAndDelete(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1], e.sandbox.Tokens()[2]
	for _, k := range socialKinds {
		if !k.comment {
			continue
		}
		t.Run(k.name, func(t *testing.T) {
			e := e.in(t)
			id := pickSocial(e, k, bob.UserID)

			var got struct {
				X struct {
					Comment struct {
						ID, Content, Language, ResourceID string
						Owner                             struct{ DatabaseID string }
					}
				}
			}
			e.mustQueryAs(`mutation($id: ID!) { x: commentOn`+k.name+`(input: { `+k.input+`: $id, content: "好！",
				language: "zh-CN" }) { comment { id content language resourceId owner { databaseId } } } }`,
				map[string]any{"id": id}, bob.AccessToken, &got)
			c := got.X.Comment
			if c.Content != "好！" || c.Language != "zh-CN" || c.ResourceID != id || c.Owner.DatabaseID != "3" {
				t.Fatalf("commentOn%s: %+v", k.name, c)
			}
			if n, byRoute := e.calls(); n != 2 || byRoute["POST "+k.path+"/{id}/comments"] != 1 ||
				byRoute["GET /comments/{id}"] != 1 {
				t.Errorf("commentOn%s calls = %v, want the comment and a fresh read", k.name, byRoute)
			}

			const remove = `mutation($id: ID!) { deleteComment(input: { commentId: $id }) { deletedCommentId } }`
			a := e.query(remove, map[string]any{"id": c.ID}, alice.AccessToken, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "FORBIDDEN" {
				t.Errorf("a member removing someone else's comment: %+v, want FORBIDDEN", a.Errors)
			}

			var removed struct {
				DeleteComment struct{ DeletedCommentID string }
			}
			e.mustQueryAs(remove, map[string]any{"id": c.ID}, bob.AccessToken, &removed)
			if removed.DeleteComment.DeletedCommentID != c.ID {
				t.Errorf("deleteComment answered %q, want %q", removed.DeleteComment.DeletedCommentID, c.ID)
			}
			a = e.query(`query($id: ID!) { comment(id: $id) { id } }`, map[string]any{"id": c.ID}, "", nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "NOT_FOUND" {
				t.Errorf("the removed comment reads as %+v, want NOT_FOUND", a.Errors)
			}
		})
	}
}

func TestDeleteReply(t *testing.T) {
	e := newEnv(t)
	alice, admin := e.sandbox.Tokens()[1], e.sandbox.Tokens()[0]
	comment := e.sandbox.Data().Comments[0]

	var replied struct {
		ReplyToComment struct {
			Reply   struct{ ID string }
			Comment struct{ ReplyCount int }
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { replyToComment(input: { commentId: $id, content: "+1", language: "en" }) {
		reply { id } comment { replyCount } } }`, map[string]any{"id": comment.ID}, alice.AccessToken, &replied)

	// An administrator removes anyone's reply.
	var got struct {
		DeleteReply struct {
			DeletedReplyID string
			Comment        struct{ ReplyCount int }
		}
	}
	e.mustQueryAs(`mutation($id: ID!) { deleteReply(input: { replyId: $id }) { deletedReplyId comment { replyCount } } }`,
		map[string]any{"id": replied.ReplyToComment.Reply.ID}, admin.AccessToken, &got)
	if r := got.DeleteReply; r.DeletedReplyID != replied.ReplyToComment.Reply.ID ||
		r.Comment.ReplyCount != replied.ReplyToComment.Comment.ReplyCount-1 {
		t.Errorf("deleteReply = %+v, want the reply's ID and replyCount %d", r,
			replied.ReplyToComment.Comment.ReplyCount-1)
	}
	if _, byRoute := e.calls(); byRoute["DELETE /replies/{id}"] != 1 || byRoute["GET /comments/{id}"] != 1 {
		t.Errorf("deleteReply calls = %v", byRoute)
	}
}

func TestVoteChart(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	chart, _ := pickChart(e, alice)
	vars := map[string]any{"id": chart}

	type rated struct {
		Rating, RatingOnGameplay float64
		Votes                    struct{ TotalCount int }
	}
	var before struct{ Chart rated }
	e.mustQuery(`query($id: ID!) { chart(id: $id) { rating ratingOnGameplay votes { totalCount } } }`, vars, &before)

	const vote = `mutation($id: ID!, $g: Int!) { voteChart(input: { chartId: $id, arrangement: 5, gameplay: $g,
		visualEffects: 5, creativity: 5, concord: 5, impression: 5 }) {
		chart { rating ratingOnGameplay votes { totalCount } } } }`
	var got struct{ VoteChart struct{ Chart rated } }
	e.mustQueryAs(vote, map[string]any{"id": chart, "g": 5}, alice, &got)
	if c := got.VoteChart.Chart; c.Votes.TotalCount != before.Chart.Votes.TotalCount+1 || c.Rating == before.Chart.Rating {
		t.Fatalf("after voteChart: %+v, before %+v", c, before.Chart)
	}
	if _, byRoute := e.calls(); byRoute["POST /charts/{id}/votes"] != 1 || byRoute["GET /charts/{id}"] != 1 {
		t.Errorf("voteChart calls = %v", byRoute)
	}

	// A second vote replaces the first.
	first := got.VoteChart.Chart
	e.mustQueryAs(vote, map[string]any{"id": chart, "g": 0}, alice, &got)
	if c := got.VoteChart.Chart; c.Votes.TotalCount != first.Votes.TotalCount || c.RatingOnGameplay >= first.RatingOnGameplay {
		t.Errorf("after a second vote: %+v, want the same count and a lower gameplay rating than %+v", c, first)
	}

	a := e.query(vote, map[string]any{"id": chart, "g": 6}, alice, nil)
	wantBound(t, e, a, "input.gameplay")

	const unvote = `mutation($id: ID!) { unvoteChart(input: { chartId: $id }) { chart { votes { totalCount } } } }`
	var unvoted struct {
		UnvoteChart struct{ Chart rated }
	}
	e.mustQueryAs(unvote, vars, alice, &unvoted)
	if n := unvoted.UnvoteChart.Chart.Votes.TotalCount; n != before.Chart.Votes.TotalCount {
		t.Errorf("after unvoteChart: %d votes, want %d", n, before.Chart.Votes.TotalCount)
	}
	if a := e.query(unvote, vars, alice, nil); len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "CONFLICT" {
		t.Errorf("unvoting twice: %+v, want CONFLICT", a.Errors)
	}
}

// Every social write checks the caller and the ID before any upstream
// call, and the upstream's rules come back as typed errors.
func TestSocialWriteErrors(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	song := pickSocial(e, socialKinds[0], 2)

	type check struct {
		name, token, doc, code string
		calls                  int
	}
	var tests []check
	for _, k := range socialKinds {
		for _, verb := range []string{"like", "unlike"} {
			doc := `mutation($id: ID!) { ` + verb + k.name + `(input: { ` + k.input + `: $id }) { __typename } }`
			tests = append(tests,
				check{verb + k.name + " without a token", "", doc, "UNAUTHENTICATED", 0},
				check{verb + k.name + " with a bad ID", alice, doc, "BAD_USER_INPUT", 0})
		}
		if k.comment {
			doc := `mutation($id: ID!) { commentOn` + k.name + `(input: { ` + k.input +
				`: $id, content: "x", language: "en" }) { __typename } }`
			tests = append(tests,
				check{"commentOn" + k.name + " without a token", "", doc, "UNAUTHENTICATED", 0},
				check{"commentOn" + k.name + " with a bad ID", alice, doc, "BAD_USER_INPUT", 0})
		}
	}
	for _, w := range []struct{ name, doc string }{
		{"deleteComment", `mutation($id: ID!) { deleteComment(input: { commentId: $id }) { __typename } }`},
		{"deleteReply", `mutation($id: ID!) { deleteReply(input: { replyId: $id }) { __typename } }`},
		{"unvoteChart", `mutation($id: ID!) { unvoteChart(input: { chartId: $id }) { __typename } }`},
		{"voteChart", `mutation($id: ID!) { voteChart(input: { chartId: $id, arrangement: 1, gameplay: 1,
			visualEffects: 1, creativity: 1, concord: 1, impression: 1 }) { __typename } }`},
	} {
		tests = append(tests, check{w.name + " without a token", "", w.doc, "UNAUTHENTICATED", 0},
			check{w.name + " with a bad ID", alice, w.doc, "BAD_USER_INPUT", 0})
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			id := globalid.Encode("Song", song) // well formed for songs only
			if tt.token != "" {
				id = "not-an-id"
			}
			a := e.query(tt.doc, map[string]any{"id": id}, tt.token, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code {
				t.Errorf("errors = %+v, want %s", a.Errors, tt.code)
			}
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("%d upstream calls, want %d", n, tt.calls)
			}
		})
	}

	d := e.sandbox.Data()
	var locked, hidden string
	for _, v := range d.Areas.Catalog.Chapters {
		if v.IsLocked {
			locked = v.ID
		}
	}
	for _, v := range d.Divisions {
		if !v.DateUnveiled.Before(d.Now) {
			hidden = v.ID
		}
	}
	for _, tt := range []struct{ name, doc, id, code, upstreamCode string }{
		{"a locked chapter", `mutation($id: ID!) { likeChapter(input: { chapterId: $id }) { __typename } }`,
			locked, "FORBIDDEN", "Locked"},
		{"a division not unveiled", `mutation($id: ID!) { likeEventDivision(input: { divisionId: $id }) {
			__typename } }`, hidden, "NOT_FOUND", "ResourceNotFound"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			if tt.id == "" {
				t.Skip("the data set has none")
			}
			a := e.query(tt.doc, map[string]any{"id": tt.id}, alice, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code ||
				a.Errors[0].Extensions["upstreamCode"] != tt.upstreamCode {
				t.Errorf("errors = %+v, want %s from %s", a.Errors, tt.code, tt.upstreamCode)
			}
			if n, _ := e.calls(); n != 1 {
				t.Errorf("%d upstream calls, want the refused write alone", n)
			}
		})
	}

	t.Run("a global ID of another type", func(t *testing.T) {
		e := e.in(t)
		a := e.query(`mutation($id: ID!) { likeComment(input: { commentId: $id }) { __typename } }`,
			map[string]any{"id": globalid.Encode("Song", song)}, alice, nil)
		if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("errors = %+v, want BAD_USER_INPUT", a.Errors)
		}
		if n, _ := e.calls(); n != 0 {
			t.Errorf("%d upstream calls, want none", n)
		}
	})
}

func TestVoteChartSubmission(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0], e.sandbox.Tokens()[1]
	var submission string
	for _, s := range e.sandbox.Data().Areas.Studio.ChartSubmissions {
		if s.OwnerID != admin.UserID {
			submission = s.ID
			break
		}
	}
	vars := map[string]any{"id": submission}

	const vote = `mutation($id: ID!) { voteChartSubmission(input: { chartSubmissionId: $id, score: 2,
		suggestedDifficulty: 13.5, message: "clean and readable" }) { chartSubmission { databaseId dateVoted } } }`
	var got struct {
		VoteChartSubmission struct {
			ChartSubmission struct {
				DatabaseID string
				DateVoted  *string
			}
		}
	}
	e.mustQueryAs(vote, vars, admin.AccessToken, &got)
	if s := got.VoteChartSubmission.ChartSubmission; s.DatabaseID != submission || s.DateVoted == nil {
		t.Fatalf("after voteChartSubmission: %+v, want a dateVoted", s)
	}
	if _, byRoute := e.calls(); byRoute["POST /studio/charts/{id}/votes"] != 1 || byRoute["GET /studio/charts/{id}"] != 1 {
		t.Errorf("voteChartSubmission calls = %v", byRoute)
	}
	if a := e.query(vote, vars, alice.AccessToken, nil); len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("a member voting: %+v, want FORBIDDEN", a.Errors)
	}

	const unvote = `mutation($id: ID!) { unvoteChartSubmission(input: { chartSubmissionId: $id }) { chartSubmission { dateVoted } } }`
	var unvoted struct {
		UnvoteChartSubmission struct{ ChartSubmission struct{ DateVoted *string } }
	}
	e.mustQueryAs(unvote, vars, admin.AccessToken, &unvoted)
	if unvoted.UnvoteChartSubmission.ChartSubmission.DateVoted != nil {
		t.Errorf("after unvoteChartSubmission the submission still has a dateVoted")
	}
	if a := e.query(unvote, vars, admin.AccessToken, nil); len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "CONFLICT" {
		t.Errorf("unvoting twice: %+v, want CONFLICT", a.Errors)
	}
	if a := e.query(unvote, vars, "", nil); len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("unvoting without a token: %+v, want UNAUTHENTICATED", a.Errors)
	}
	if n, _ := e.calls(); n != 0 {
		t.Errorf("unvoting without a token made %d upstream calls", n)
	}
}
