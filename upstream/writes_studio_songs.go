package upstream

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// Writes on song submissions in the studio (SongSubmissionController).

// NewSongSubmission is the form of a new song submission
// (SongSubmissionCreationDto). Nil pointers and absent files stay out of
// the form.
type NewSongSubmission struct {
	Title            string
	EditionType      EditionType
	Edition          *string
	AuthorName       string
	File             File
	Illustration     File
	Illustrator      string
	Description      *string
	Accessibility    Accessibility
	Lyrics           *string
	Bpm              float64
	MinBpm           float64
	MaxBpm           float64
	Offset           int
	License          *File
	OriginalityProof *File
	PreviewStart     TimeSpan
	PreviewEnd       TimeSpan
	Tags             []string
}

// form is s as the multipart form the upstream binds, under the DTO's
// property names; tags repeat "Tags".
func (s NewSongSubmission) form() Form {
	fields := url.Values{
		"Title":         {s.Title},
		"EditionType":   {strconv.Itoa(int(s.EditionType))},
		"AuthorName":    {s.AuthorName},
		"Illustrator":   {s.Illustrator},
		"Accessibility": {strconv.Itoa(int(s.Accessibility))},
		"Bpm":           {strconv.FormatFloat(s.Bpm, 'f', -1, 64)},
		"MinBpm":        {strconv.FormatFloat(s.MinBpm, 'f', -1, 64)},
		"MaxBpm":        {strconv.FormatFloat(s.MaxBpm, 'f', -1, 64)},
		"Offset":        {strconv.Itoa(s.Offset)},
		"PreviewStart":  {s.PreviewStart.String()},
		"PreviewEnd":    {s.PreviewEnd.String()},
		"Tags":          s.Tags,
	}
	optional := map[string]*string{"Edition": s.Edition, "Description": s.Description, "Lyrics": s.Lyrics}
	for name, v := range optional {
		if v != nil {
			fields.Set(name, *v)
		}
	}
	files := map[string]File{"File": s.File, "Illustration": s.Illustration}
	for name, f := range map[string]*File{"License": s.License, "OriginalityProof": s.OriginalityProof} {
		if f != nil {
			files[name] = *f
		}
	}
	return Form{Fields: fields, Files: files}
}

// CreateSongSubmission submits a song to the studio and returns the new
// submission's ID. The upstream processes the audio in the background.
//
// POST /studio/songs
func (c *Client) CreateSongSubmission(ctx context.Context, s NewSongSubmission) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/studio/songs", nil, s.form(), &created)
	return created.ID, err
}

// UpdateSongSubmission applies a JSON Patch to a song submission
// (SongSubmissionUpdateDto's fields).
//
// PATCH /studio/songs/{id}
func (c *Client) UpdateSongSubmission(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/studio/songs/{id}", Params{"id": id}, patch, nil)
}

// SongSubmissionFile names a file route of a song submission.
type SongSubmissionFile string

// The file routes of a song submission, each taking one file as "File".
const (
	SongSubmissionAudio            SongSubmissionFile = "/studio/songs/{id}/file"
	SongSubmissionIllustration     SongSubmissionFile = "/studio/songs/{id}/illustration"
	SongSubmissionLicense          SongSubmissionFile = "/studio/songs/{id}/license"
	SongSubmissionOriginalityProof SongSubmissionFile = "/studio/songs/{id}/originalityProof"
)

// UpdateSongSubmissionFile replaces one file of a song submission with
// the one read from file.
//
// PATCH /studio/songs/{id}/file, /illustration, /license, /originalityProof
func (c *Client) UpdateSongSubmissionFile(
	ctx context.Context, route SongSubmissionFile, id, filename string, file io.Reader,
) error {
	return c.sendFile(ctx, http.MethodPatch, string(route), Params{"id": id}, "File", filename, file)
}

// RemoveSongSubmissionFile removes the licence or the originality proof
// of a song submission.
//
// DELETE /studio/songs/{id}/license, /originalityProof
func (c *Client) RemoveSongSubmissionFile(ctx context.Context, route SongSubmissionFile, id string) error {
	return c.send(ctx, http.MethodDelete, string(route), Params{"id": id})
}

// DeleteSongSubmission removes a song submission.
//
// DELETE /studio/songs/{id}
func (c *Client) DeleteSongSubmission(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/studio/songs/{id}", Params{"id": id})
}

// SongSubmissionReview is a moderator's verdict (SongSubmissionReviewDto).
type SongSubmissionReview struct {
	Status     RequestStatus `json:"status"`
	IsOriginal bool          `json:"isOriginal"`
	IsHidden   bool          `json:"isHidden"`
	IsLocked   bool          `json:"isLocked"`
	Message    *string       `json:"message,omitempty"`
}

// ReviewSongSubmission approves, rejects or reopens a song submission.
//
// POST /studio/songs/{id}/review
func (c *Client) ReviewSongSubmission(ctx context.Context, id string, review SongSubmissionReview) error {
	return c.sendJSON(ctx, http.MethodPost, "/studio/songs/{id}/review", Params{"id": id}, review, nil)
}

// NewSongSubmissionCollaboration is an invitation to collaborate on a
// song submission (CollaborationCreationDto).
type NewSongSubmissionCollaboration struct {
	InviteeID int     `json:"inviteeId"`
	Position  *string `json:"position,omitempty"`
}

// CreateSongSubmissionCollaboration invites a user to collaborate on a
// song submission and returns the collaboration's ID.
//
// POST /studio/songs/{id}/collaborations
func (c *Client) CreateSongSubmissionCollaboration(
	ctx context.Context, id string, invite NewSongSubmissionCollaboration,
) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/studio/songs/{id}/collaborations", Params{"id": id},
		invite, &created)
	return created.ID, err
}

// UseSongSubmissionService runs service script serviceID on song
// submission id with parameters.
//
// POST /studio/songs/{id}/useService/{serviceId}
func (c *Client) UseSongSubmissionService(
	ctx context.Context, id, serviceID string, parameters map[string]string,
) (*ServiceResponse, error) {
	return c.useService(ctx, "/studio/songs/{id}/useService/{serviceId}",
		Params{"id": id, "serviceId": serviceID}, parameters)
}

// CheckSongSubmissionEvent tells which event division and team a song
// with tags would enter for user userID (the caller when 0).
//
// POST /studio/songs/checkEvent
func (c *Client) CheckSongSubmissionEvent(
	ctx context.Context, tags []string, userID int,
) (*EventParticipation, error) {
	return c.checkEvent(ctx, "/studio/songs/checkEvent", tags, userID)
}
