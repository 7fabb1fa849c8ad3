package sandbox

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"slices"
	"strings"
)

// Volunteer votes on chart submissions, as ChartSubmissionController and
// VolunteerVoteService keep them: volunteers vote on others' submissions
// (administrators on their own too), one vote per volunteer, and each vote
// moves the submission's review along.

func init() {
	areaRoutes["writes-studio-votes"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/studio/charts/{id:guid}/votes", (*call).postVolunteerVote),
			newRoute(http.MethodDelete, "/studio/charts/{id:guid}/votes", (*call).deleteVolunteerVote),
		}
	}
}

// volunteerVoteBody is VolunteerVoteRequestDto.
type volunteerVoteBody struct {
	Score               float64 `json:"score"`
	SuggestedDifficulty float64 `json:"suggestedDifficulty"`
	Message             string  `json:"message"`
}

// votedSubmission finds the submission a volunteer vote names, for signed-in
// members, answering the failure itself when it returns nil.
func (c *call) votedSubmission() *ChartSubmission {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	s := c.studio().chartSubmission(c.params["id"])
	switch {
	case s == nil:
		c.notFound()
		return nil
	case c.caller.Role < RoleMember:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return s
}

// postVolunteerVote is POST /studio/charts/{id}/votes: 201 with no body.
// A second vote replaces the first.
func (c *call) postVolunteerVote() {
	s := c.votedSubmission()
	if s == nil {
		return
	}
	own := s.OwnerID == c.caller.ID
	if own && !c.admin || !own && !c.hasRole(RoleVolunteer) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	var b volunteerVoteBody
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&b); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return
	}
	var errs []fieldError
	if b.Score < -3 || b.Score > 3 {
		errs = append(errs, fieldError{Field: "Score", Errors: []string{codeValueOutOfRange}})
	}
	switch {
	case strings.TrimSpace(b.Message) == "":
		errs = append(errs, fieldError{Field: "Message", Errors: []string{codeFieldEmpty}})
	case len([]rune(b.Message)) > 2000:
		errs = append(errs, fieldError{Field: "Message", Errors: []string{codeValueTooLong}})
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}

	v := VolunteerVote{
		ChartID: s.ID, Score: b.Score, SuggestedDifficulty: b.SuggestedDifficulty, Message: b.Message,
		OwnerID: c.caller.ID, DateCreated: c.now(),
	}
	votes := &c.studio().Votes
	if i := c.callerVolunteerVote(s.ID); i >= 0 {
		v.ID = (*votes)[i].ID
		(*votes)[i] = v
	} else {
		v.ID = c.newID()
		*votes = append(*votes, v)
	}
	c.d.review(s)
	c.d.reindex()
	c.empty(http.StatusCreated)
}

// deleteVolunteerVote is DELETE /studio/charts/{id}/votes: 204. Without
// a vote the upstream fails with 500 (it reads the missing vote's owner);
// the sandbox answers 400 AlreadyDone, as the vote service would.
func (c *call) deleteVolunteerVote() {
	s := c.votedSubmission()
	if s == nil {
		return
	}
	i := c.callerVolunteerVote(s.ID)
	switch {
	case i < 0:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	case !c.hasRole(RoleVolunteer):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	c.studio().Votes = slices.Delete(c.studio().Votes, i, i+1)
	c.d.review(s)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// callerVolunteerVote returns the index of the caller's vote on a
// submission, or -1.
func (c *call) callerVolunteerVote(id string) int {
	return slices.IndexFunc(c.studio().Votes, func(v VolunteerVote) bool {
		return v.ChartID == id && v.OwnerID == c.caller.ID
	})
}

// volunteerThresholds are, per number of votes, the mean score below which
// a submission is rejected, from which it is approved, and from which it
// stays ranked (VolunteerVoteService).
var volunteerThresholds = map[int][3]float64{
	2: {-2.4, 1.5, 2.5}, 3: {-1.2, 0.9, 2.1}, 4: {-0.5, 0.45, 1.8}, 5: {-0.2, 0.15, 1.6}, 6: {0, 0, 1.5},
}

// review moves a submission's review along from the votes cast since its
// file last changed, as VolunteerVoteService.UpdateChartSubmissionAsync
// does. Unlike the upstream it makes no chart of an approved submission.
//
// TODO(sandbox charts from submissions): approve and reject charts as
// SubmissionService does, once the sandbox models that; until then only the
// submission's fields change.
func (d *Data) review(s *ChartSubmission) {
	var n int
	var score, difficulty float64
	for _, v := range d.Areas.Studio.Votes {
		if v.ChartID == s.ID && v.DateCreated.After(s.DateFileUpdated) {
			n++
			score += v.Score
			difficulty += v.SuggestedDifficulty
		}
	}
	limits, ok := volunteerThresholds[n]
	if !ok {
		return
	}
	score, difficulty = score/float64(n), difficulty/float64(n)

	switch {
	case score < limits[0] || math.Abs(s.Difficulty-difficulty) >= 0.4:
		s.VolunteerStatus, s.Status = RequestRejected, RequestRejected
	case score >= limits[1]:
		final := !s.IsRanked || score >= limits[2] || n == 6
		if final {
			s.IsRanked = s.IsRanked && score >= limits[2]
			s.VolunteerStatus = RequestApproved
		}
		s.Difficulty = math.Round(difficulty*10) / 10
		if final && s.AdmissionStatus == RequestApproved {
			s.Status = RequestApproved
		}
	}
}
