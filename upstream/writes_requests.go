package upstream

import (
	"context"
	"net/http"
)

// Writes of the Admission and Collaboration tags: reviews and withdrawals
// of requests between users.

// Review is the body of a review of an admission or a collaboration
// (RequestReviewDto).
type Review struct {
	Approve bool `json:"approve"`
}

// An AdmissionRoute is the route of one kind of admission: its path and
// the names of its admitter's and admittee's parameters.
type AdmissionRoute struct {
	Path               string
	Admitter, Admittee string
}

// The routes of every kind of admission.
var (
	ChapterAdmissions    = AdmissionRoute{"/admissions/chapters/{chapterId}/{songId}", "chapterId", "songId"}
	CollectionAdmissions = AdmissionRoute{
		"/admissions/collections/{collectionId}/{chartId}", "collectionId", "chartId",
	}
	SongAdmissions           = AdmissionRoute{"/admissions/songs/{songId}/{chartId}", "songId", "chartId"}
	SongSubmissionAdmissions = AdmissionRoute{
		"/admissions/songSubmissions/{songSubmissionId}/{chartId}", "songSubmissionId", "chartId",
	}
)

// params names the admission of admittee into admitter.
func (r AdmissionRoute) params(admitter, admittee string) Params {
	return Params{r.Admitter: admitter, r.Admittee: admittee}
}

// ReviewAdmission approves or rejects the admission of admittee into
// admitter; route names its kind.
//
// POST /admissions/{kind}/{admitterId}/{admitteeId}/review
func (c *Client) ReviewAdmission(
	ctx context.Context, route AdmissionRoute, admitter, admittee string, review Review,
) error {
	return c.sendJSON(ctx, http.MethodPost, route.Path+"/review", route.params(admitter, admittee), review, nil)
}

// DeleteAdmission withdraws the admission of admittee into admitter; only
// chapter and collection admissions can be withdrawn.
//
// DELETE /admissions/{kind}/{admitterId}/{admitteeId}
func (c *Client) DeleteAdmission(ctx context.Context, route AdmissionRoute, admitter, admittee string) error {
	return c.send(ctx, http.MethodDelete, route.Path, route.params(admitter, admittee))
}

// UpdateCollaboration applies a JSON Patch to a collaboration
// (CollaborationUpdateDto: its position).
//
// PATCH /collaborations/{id}
func (c *Client) UpdateCollaboration(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/collaborations/{id}", Params{"id": id}, patch, nil)
}

// ReviewCollaboration accepts or declines an invitation to collaborate.
//
// POST /collaborations/{id}/review
func (c *Client) ReviewCollaboration(ctx context.Context, id string, review Review) error {
	return c.sendJSON(ctx, http.MethodPost, "/collaborations/{id}/review", Params{"id": id}, review, nil)
}

// DeleteCollaboration withdraws an invitation to collaborate.
//
// DELETE /collaborations/{id}
func (c *Client) DeleteCollaboration(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/collaborations/{id}", Params{"id": id})
}
