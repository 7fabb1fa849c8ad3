package upstream

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// Writes of submission sessions (SubmissionController, studio/submissions):
// the studio's upload wizard. A session is opened, given the song and its
// illustration, turns them into a song submission, is given a chart and
// its assets, and ends when it turns the chart into a chart submission.
// The upstream keeps a session for a day after its last upload; it answers
// 400 InvalidOperation for a session that is unknown, over, or not at the
// step a route needs.

// CreateSubmissionSession opens a submission session and returns its ID.
//
// POST /studio/submissions
func (c *Client) CreateSubmissionSession(ctx context.Context) (string, error) {
	var created Created
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Route: "/studio/submissions"}, &created)
	return created.ID, err
}

// SubmissionSessionRecognition is what the upstream found an uploaded song
// may duplicate (SongRecognitionSummaryDto), best matches first.
type SubmissionSessionRecognition struct {
	SongMatches           []SubmissionSessionSongMatch           `json:"songMatches"`
	SongSubmissionMatches []SubmissionSessionSongSubmissionMatch `json:"songSubmissionMatches"`
	ResourceRecordMatches []SubmissionSessionResourceRecordMatch `json:"resourceRecordMatches"`
}

// SubmissionSessionSongMatch is a song the upload may duplicate
// (SongMatchDto: the song's fields and a score).
type SubmissionSessionSongMatch struct {
	Song  Song
	Score float64
}

// UnmarshalJSON reads the song's fields and the score beside them.
func (m *SubmissionSessionSongMatch) UnmarshalJSON(b []byte) error {
	return unmarshalSubmissionSessionMatch(b, &m.Song, &m.Score)
}

// SubmissionSessionSongSubmissionMatch is a song submission the upload
// may duplicate (SongSubmissionMatchDto).
type SubmissionSessionSongSubmissionMatch struct {
	SongSubmission SongSubmission
	Score          float64
}

// UnmarshalJSON reads the submission's fields and the score beside them.
func (m *SubmissionSessionSongSubmissionMatch) UnmarshalJSON(b []byte) error {
	return unmarshalSubmissionSessionMatch(b, &m.SongSubmission, &m.Score)
}

// SubmissionSessionResourceRecordMatch is a recorded work whose copyright
// the upload may infringe (ResourceRecordMatchDto).
type SubmissionSessionResourceRecordMatch struct {
	ResourceRecord ResourceRecord
	Score          float64
}

// UnmarshalJSON reads the record's fields and the score beside them.
func (m *SubmissionSessionResourceRecordMatch) UnmarshalJSON(b []byte) error {
	return unmarshalSubmissionSessionMatch(b, &m.ResourceRecord, &m.Score)
}

// unmarshalSubmissionSessionMatch reads a match, whose DTO extends the
// resource's with a score, into the resource and the score.
func unmarshalSubmissionSessionMatch(b []byte, resource any, score *float64) error {
	var s struct {
		Score float64 `json:"score"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*score = s.Score
	return json.Unmarshal(b, resource)
}

// UploadSubmissionSessionSong gives a session its song and illustration
// (SongIllustrationDto) and returns what the song may duplicate.
//
// POST /studio/submissions/{id}/song
func (c *Client) UploadSubmissionSessionSong(
	ctx context.Context, id string, song, illustration File,
) (*SubmissionSessionRecognition, error) {
	form := Form{Files: map[string]File{"Song": song, "Illustration": illustration}}
	var out SubmissionSessionRecognition
	err := c.sendForm(ctx, http.MethodPost, "/studio/submissions/{id}/song", Params{"id": id},
		form, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// CreateSubmissionSessionSong creates the song submission of a session's
// song and illustration (SessionSongCreationDto: the fields of s but its
// File and Illustration, which are left out) and returns its ID. With
// wait the upstream processes the audio before it answers (the query
// wait=true), so the preview is checked against the song's length.
//
// POST /studio/submissions/{id}/song/new
func (c *Client) CreateSubmissionSessionSong(
	ctx context.Context, id string, s NewSongSubmission, wait bool,
) (string, error) {
	form := s.form()
	delete(form.Files, "File")
	delete(form.Files, "Illustration")
	var query url.Values
	if wait {
		query = url.Values{"wait": {"true"}}
	}
	var created Created
	err := c.sendFormQuery(ctx, http.MethodPost, "/studio/submissions/{id}/song/new",
		Params{"id": id}, query, form, &created)
	return created.ID, err
}

// UploadSubmissionSessionChart gives a session its chart
// (ChartSubmissionCreationDto), which the session keeps until
// CreateSubmissionSessionChart.
//
// POST /studio/submissions/{id}/chart
func (c *Client) UploadSubmissionSessionChart(
	ctx context.Context, id string, s NewChartSubmission,
) error {
	return c.sendForm(ctx, http.MethodPost, "/studio/submissions/{id}/chart", Params{"id": id},
		s.form(), nil)
}

// CreateSubmissionSessionAsset gives a session's chart an asset
// (ChartAssetCreationDto).
//
// POST /studio/submissions/{id}/chart/assets
func (c *Client) CreateSubmissionSessionAsset(
	ctx context.Context, id string, asset NewChartAssetSubmission,
) error {
	return c.sendForm(ctx, http.MethodPost, "/studio/submissions/{id}/chart/assets", Params{"id": id},
		asset.form(), nil)
}

// CreateSubmissionSessionAssets gives a session's chart several assets
// in one form, under the list's indexed names ("dtos[0].Name").
//
// POST /studio/submissions/{id}/chart/assets/batch
func (c *Client) CreateSubmissionSessionAssets(
	ctx context.Context, id string, assets []NewChartAssetSubmission,
) error {
	return c.sendForm(ctx, http.MethodPost, "/studio/submissions/{id}/chart/assets/batch",
		Params{"id": id}, chartAssetSubmissionsForm(assets), nil)
}

// CreateSubmissionSessionChart creates the chart submission of a
// session's chart and assets, which ends the session, and returns the
// submission's ID.
//
// POST /studio/submissions/{id}/chart/new
func (c *Client) CreateSubmissionSessionChart(ctx context.Context, id string) (string, error) {
	var created Created
	_, err := c.Do(ctx, Request{
		Method: http.MethodPost, Route: "/studio/submissions/{id}/chart/new", Params: Params{"id": id},
	}, &created)
	return created.ID, err
}
