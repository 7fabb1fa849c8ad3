package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sendBody serves a write with a JSON body (none when body is empty).
func sendBody(s *Server, method, target, body string, opts ...opt) answer {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	for _, o := range opts {
		o(r)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	a := answer{code: w.Code, raw: w.Body.Bytes(), head: w.Header()}
	if len(a.raw) > 0 {
		_ = json.Unmarshal(a.raw, &a)
	}
	return a
}

// Social writes follow each controller's rules: who may write, Locked,
// Blacklisted, hidden divisions, repeats, removal rights, vote ranges.
func TestSocialWriteRules(t *testing.T) {
	s := New()
	alice, bob, admin := token("sandbox-alice-token"), token("sandbox-bob-token"), token("sandbox-admin-token")
	d := s.Data()

	var locked, open, blocked string
	for _, v := range d.Songs {
		switch {
		case v.IsLocked && locked == "":
			locked = v.ID
		case !v.IsLocked && open == "" && v.OwnerID != 2:
			open = v.ID
		case !v.IsLocked && blocked == "" && v.OwnerID != 2 && v.ID != open:
			blocked = v.ID
		}
	}
	var hidden, blocker string
	s.Update(func(d *Data) {
		if locked == "" {
			d.Songs[0].IsLocked, locked = true, d.Songs[0].ID
		}
		owner := d.Song(blocked).OwnerID
		d.Relations = append(d.Relations, UserRelation{FollowerID: owner, FolloweeID: 2, Type: RelationBlacklisted})
		blocker = d.Song(blocked).ID
		d.Divisions[0].DateUnveiled = d.Now.Add(24 * time.Hour)
		hidden = d.Divisions[0].ID
		d.Users[3].Role = RoleUnactivated // user 4, signed in below
	})
	comment, reply := d.Comments[0].ID, d.Replies[0].ID
	unactivated := token(tokenFor(s, 4))

	const good = `{"content":"hello","language":"en"}`
	tests := []struct {
		name, method, target, body string
		who                        opt
		status                     int
		code                       string
	}{
		{"like without a token", http.MethodPost, "/songs/" + open + "/likes", "", header("Accept-Language", "en"), 401, ""},
		{"like", http.MethodPost, "/songs/" + open + "/likes", "", alice, 201, ""},
		{"like twice", http.MethodPost, "/songs/" + open + "/likes", "", alice, 400, "AlreadyDone"},
		{"unlike", http.MethodDelete, "/songs/" + open + "/likes", "", alice, 204, ""},
		{"unlike twice", http.MethodDelete, "/songs/" + open + "/likes", "", alice, 400, "AlreadyDone"},
		{"like a locked song", http.MethodPost, "/songs/" + locked + "/likes", "", alice, 400, "Locked"},
		{"unlike a locked song", http.MethodDelete, "/songs/" + locked + "/likes", "", alice, 400, "Locked"},
		{"like a blocker's song", http.MethodPost, "/songs/" + blocker + "/likes", "", alice, 400, "Blacklisted"},
		{"like an unknown song", http.MethodPost, "/songs/00000000-0000-4000-8000-000000000000/likes", "", alice,
			404, "ResourceNotFound"},
		{"like a hidden division", http.MethodPost, "/events/divisions/" + hidden + "/likes", "", alice,
			404, "ResourceNotFound"},
		{"an administrator likes a hidden division", http.MethodPost, "/events/divisions/" + hidden + "/likes", "",
			admin, 201, ""},
		{"an unactivated user likes a comment", http.MethodPost, "/comments/" + comment + "/likes", "",
			unactivated, 403, "InsufficientPermission"},
		{"an unactivated user likes a reply", http.MethodPost, "/replies/" + reply + "/likes", "",
			unactivated, 201, ""},
		{"an unactivated user comments", http.MethodPost, "/songs/" + open + "/comments", good,
			unactivated, 403, "InsufficientPermission"},
		{"comment on a locked song", http.MethodPost, "/songs/" + locked + "/comments", good, alice, 400, "Locked"},
		{"an empty comment", http.MethodPost, "/songs/" + open + "/comments", `{"content":"","language":"en"}`,
			alice, 400, "InvalidData"},
		{"comment", http.MethodPost, "/songs/" + open + "/comments", good, alice, 201, "Ok"},
		{"vote out of range", http.MethodPost, "/charts/" + d.Charts[0].ID + "/votes", `{"arrangement":6}`,
			alice, 400, "InvalidData"},
		{"unvote without a vote", http.MethodDelete, "/charts/" + d.Charts[0].ID + "/votes", "", alice,
			400, "AlreadyDone"},
		{"remove someone else's comment", http.MethodDelete, "/comments/" + comment, "", bob,
			403, "InsufficientPermission"},
		{"an administrator removes it", http.MethodDelete, "/comments/" + comment, "", admin, 204, ""},
		{"remove it again", http.MethodDelete, "/comments/" + comment, "", admin, 404, "ResourceNotFound"},
	}
	for _, tt := range tests {
		a := sendBody(s, tt.method, tt.target, tt.body, tt.who)
		if a.code != tt.status || a.Code != tt.code {
			t.Errorf("%s: %d %q, want %d %q\n%s", tt.name, a.code, a.Code, tt.status, tt.code, a.raw)
		}
		if a.code == http.StatusUnauthorized && len(a.raw) > 0 {
			t.Errorf("%s: 401 with a body: %s", tt.name, a.raw)
		}
	}
	if s.Data().Comment(comment) != nil {
		t.Error("the removed comment is still there")
	}
	for _, r := range s.Data().Replies {
		if r.CommentID == comment {
			t.Errorf("reply %s outlived its comment", r.ID)
		}
	}
}

// tokenFor issues an access token to a user without a seeded one.
func tokenFor(s *Server, user int) string {
	access, _ := s.auth.issue(user)
	return access
}

// Two volunteers who agree approve a submission; their votes need a
// message and a score from -3 to 3.
func TestVolunteerVotesReview(t *testing.T) {
	s := New()
	var id string
	var difficulty float64
	s.Update(func(d *Data) {
		d.Users[3].Role, d.Users[4].Role = RoleVolunteer, RoleVolunteer
		for i := range d.Areas.Studio.ChartSubmissions {
			sub := &d.Areas.Studio.ChartSubmissions[i]
			if sub.OwnerID != 4 && sub.OwnerID != 5 && !hasVolunteerVotes(d, sub.ID) {
				sub.VolunteerStatus, sub.Status, sub.AdmissionStatus = RequestWaiting, RequestWaiting, RequestApproved
				id, difficulty = sub.ID, sub.Difficulty
				break
			}
		}
	})
	first, second := token(tokenFor(s, 4)), token(tokenFor(s, 5))
	target := "/studio/charts/" + id + "/votes"
	body := `{"score":3,"suggestedDifficulty":` + strconv.FormatFloat(difficulty, 'f', -1, 64) + `,"message":"fine"}`

	for _, tt := range []struct {
		name, body string
		who        opt
		status     int
	}{
		{"a score of 4", `{"score":4,"suggestedDifficulty":1,"message":"x"}`, first, 400},
		{"no message", `{"score":1,"suggestedDifficulty":1,"message":""}`, first, 400},
		{"a member", body, token("sandbox-alice-token"), 403},
		{"the first volunteer", body, first, 201},
		{"the second volunteer", body, second, 201},
	} {
		if a := sendBody(s, http.MethodPost, target, tt.body, tt.who); a.code != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, a.code, a.raw, tt.status)
		}
	}
	sub := s.Data().Areas.Studio.chartSubmission(id)
	if sub.VolunteerStatus != RequestApproved || sub.Status != RequestApproved {
		t.Errorf("after two approving votes: volunteer status %v, status %v", sub.VolunteerStatus, sub.Status)
	}
}

// hasVolunteerVotes reports whether a chart submission has votes.
func hasVolunteerVotes(d *Data, id string) bool {
	return slices.ContainsFunc(d.Areas.Studio.Votes, func(v VolunteerVote) bool { return v.ChartID == id })
}
