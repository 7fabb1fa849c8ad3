package upstream

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// Writes of the ChartSubmission tag: chart submissions, their files and
// assets, collaborations, service scripts and the event check.

// NewChartSubmission is the form of a new chart submission
// (ChartSubmissionCreationDto). Exactly one of SongID and SongSubmissionID
// is set; File and Illustration are optional.
type NewChartSubmission struct {
	SongID, SongSubmissionID *string
	Title                    *string
	LevelType                ChartLevel
	// Level is at most 20 characters, such as "IN 15".
	Level      string
	Difficulty float64
	// AuthorName is PhiZone rich text that must credit the caller.
	AuthorName    string
	Illustrator   *string
	Description   *string
	Accessibility Accessibility
	IsRanked      bool
	Tags          []string
	File          *File
	Illustration  *File
}

// form is the submission as the upstream's form fields, under the DTO's
// property names.
func (s NewChartSubmission) form() Form {
	f := Form{Fields: url.Values{}, Files: map[string]File{}}
	set := func(name string, v *string) {
		if v != nil {
			f.Fields.Set(name, *v)
		}
	}
	set("SongId", s.SongID)
	set("SongSubmissionId", s.SongSubmissionID)
	set("Title", s.Title)
	f.Fields.Set("LevelType", strconv.Itoa(int(s.LevelType)))
	f.Fields.Set("Level", s.Level)
	f.Fields.Set("Difficulty", strconv.FormatFloat(s.Difficulty, 'f', -1, 64))
	f.Fields.Set("AuthorName", s.AuthorName)
	set("Illustrator", s.Illustrator)
	set("Description", s.Description)
	f.Fields.Set("Accessibility", strconv.Itoa(int(s.Accessibility)))
	f.Fields.Set("IsRanked", strconv.FormatBool(s.IsRanked))
	f.Fields["Tags"] = s.Tags
	if s.File != nil {
		f.Files["File"] = *s.File
	}
	if s.Illustration != nil {
		f.Files["Illustration"] = *s.Illustration
	}
	return f
}

// CreateChartSubmission submits a chart and returns the submission's ID.
//
// POST /studio/charts
func (c *Client) CreateChartSubmission(ctx context.Context, s NewChartSubmission) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/studio/charts", nil, s.form(), &created)
	return created.ID, err
}

// UpdateChartSubmission applies a JSON Patch to a chart submission
// (ChartSubmissionUpdateDto's fields).
//
// PATCH /studio/charts/{id}
func (c *Client) UpdateChartSubmission(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/studio/charts/{id}", Params{"id": id}, patch, nil)
}

// UpdateChartSubmissionFile replaces a chart submission's chart file with
// the one read from file.
//
// PATCH /studio/charts/{id}/file
func (c *Client) UpdateChartSubmissionFile(ctx context.Context, id, filename string, file io.Reader) error {
	return c.sendFile(ctx, http.MethodPatch, "/studio/charts/{id}/file", Params{"id": id},
		"File", filename, file)
}

// UpdateChartSubmissionIllustration replaces a chart submission's
// illustration with the picture read from file.
//
// PATCH /studio/charts/{id}/illustration
func (c *Client) UpdateChartSubmissionIllustration(
	ctx context.Context, id, filename string, file io.Reader,
) error {
	return c.sendFile(ctx, http.MethodPatch, "/studio/charts/{id}/illustration", Params{"id": id},
		"File", filename, file)
}

// RemoveChartSubmissionIllustration removes a chart submission's
// illustration.
//
// DELETE /studio/charts/{id}/illustration
func (c *Client) RemoveChartSubmissionIllustration(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/studio/charts/{id}/illustration", Params{"id": id})
}

// DeleteChartSubmission removes a chart submission.
//
// DELETE /studio/charts/{id}
func (c *Client) DeleteChartSubmission(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/studio/charts/{id}", Params{"id": id})
}

// NewChartAssetSubmission is the form of a new asset of a chart
// submission (ChartAssetCreationDto).
type NewChartAssetSubmission struct {
	Type ChartAssetType
	// Name is how the chart refers to the asset, unique in the submission.
	Name string
	File File
}

// CreateChartSubmissionAsset adds an asset to a chart submission and
// returns its ID.
//
// POST /studio/charts/{id}/assets
func (c *Client) CreateChartSubmissionAsset(
	ctx context.Context, id string, asset NewChartAssetSubmission,
) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/studio/charts/{id}/assets", Params{"id": id}, asset.form(), &created)
	return created.ID, err
}

// form is the asset as the upstream's form fields, under the DTO's
// property names.
func (a NewChartAssetSubmission) form() Form {
	return Form{
		Fields: url.Values{"Type": {strconv.Itoa(int(a.Type))}, "Name": {a.Name}},
		Files:  map[string]File{"File": a.File},
	}
}

// chartAssetSubmissionsForm is a list of assets as one form, each under
// the list's indexed names ("dtos[0].Name").
func chartAssetSubmissionsForm(assets []NewChartAssetSubmission) Form {
	form := Form{Fields: url.Values{}, Files: map[string]File{}}
	for i, a := range assets {
		prefix := "dtos[" + strconv.Itoa(i) + "]."
		form.Fields.Set(prefix+"Type", strconv.Itoa(int(a.Type)))
		form.Fields.Set(prefix+"Name", a.Name)
		form.Files[prefix+"File"] = a.File
	}
	return form
}

// CreateChartSubmissionAssets adds several assets to a chart submission
// in one form, each under the list's indexed names ("dtos[0].Name"), and
// returns their IDs in order.
//
// POST /studio/charts/{id}/assets/batch
func (c *Client) CreateChartSubmissionAssets(
	ctx context.Context, id string, assets []NewChartAssetSubmission,
) ([]string, error) {
	var created struct {
		ID []string `json:"id"`
	}
	const route = "/studio/charts/{id}/assets/batch"
	err := c.sendForm(ctx, http.MethodPost, route, Params{"id": id}, chartAssetSubmissionsForm(assets), &created)
	if err != nil {
		return nil, err
	}
	return created.ID, checkBatchIDs(route, created.ID, len(assets))
}

// submissionAssetParams names an asset of a chart submission.
func submissionAssetParams(id, assetID string) Params { return Params{"id": id, "assetId": assetID} }

// UpdateChartSubmissionAsset applies a JSON Patch to an asset of a chart
// submission (ChartAssetUpdateDto's fields).
//
// PATCH /studio/charts/{id}/assets/{assetId}
func (c *Client) UpdateChartSubmissionAsset(ctx context.Context, id, assetID string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/studio/charts/{id}/assets/{assetId}",
		submissionAssetParams(id, assetID), patch, nil)
}

// UpdateChartSubmissionAssetFile replaces the file of an asset of a chart
// submission with the one read from file.
//
// PATCH /studio/charts/{id}/assets/{assetId}/file
func (c *Client) UpdateChartSubmissionAssetFile(
	ctx context.Context, id, assetID, filename string, file io.Reader,
) error {
	return c.sendFile(ctx, http.MethodPatch, "/studio/charts/{id}/assets/{assetId}/file",
		submissionAssetParams(id, assetID), "File", filename, file)
}

// DeleteChartSubmissionAsset removes an asset of a chart submission.
//
// DELETE /studio/charts/{id}/assets/{assetId}
func (c *Client) DeleteChartSubmissionAsset(ctx context.Context, id, assetID string) error {
	return c.send(ctx, http.MethodDelete, "/studio/charts/{id}/assets/{assetId}",
		submissionAssetParams(id, assetID))
}

// NewChartSubmissionCollaboration is the body of an invitation to collaborate
// (CollaborationCreationDto).
type NewChartSubmissionCollaboration struct {
	InviteeID int `json:"inviteeId"`
	// Position is at most 100 characters.
	Position *string `json:"position,omitempty"`
}

// CreateChartSubmissionCollaboration invites a user to collaborate on a
// chart submission and returns the collaboration's ID.
//
// POST /studio/charts/{id}/collaborations
func (c *Client) CreateChartSubmissionCollaboration(
	ctx context.Context, id string, collaboration NewChartSubmissionCollaboration,
) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/studio/charts/{id}/collaborations", Params{"id": id},
		collaboration, &created)
	return created.ID, err
}

// UseChartSubmissionService runs service script serviceID on a chart
// submission with the parameters given by name (ServiceScriptUsageDto).
//
// POST /studio/charts/{id}/useService/{serviceId}
func (c *Client) UseChartSubmissionService(
	ctx context.Context, id, serviceID string, parameters map[string]string,
) (*ServiceResponse, error) {
	return c.useService(ctx, "/studio/charts/{id}/useService/{serviceId}",
		Params{"id": id, "serviceId": serviceID}, parameters)
}

// EventParticipation is the event division a submission with a set of
// tags would enter and the user's team in it (EventParticipationInfoDto);
// both are nil when no division matches.
type EventParticipation struct {
	Division *EventDivision `json:"division"`
	Team     *EventTeam     `json:"team"`
}

// CheckChartSubmissionEvent tells which chart event division a submission
// with tags would enter, and user's team in it; user 0 means the caller.
//
// POST /studio/charts/checkEvent
func (c *Client) CheckChartSubmissionEvent(
	ctx context.Context, tags []string, user int,
) (*EventParticipation, error) {
	return c.checkEvent(ctx, "/studio/charts/checkEvent", tags, user)
}

// checkEvent asks route which division tags name for user (the caller
// when 0).
func (c *Client) checkEvent(ctx context.Context, route string, tags []string, user int) (*EventParticipation, error) {
	var query url.Values
	if user != 0 {
		query = url.Values{"userId": {strconv.Itoa(user)}}
	}
	if tags == nil {
		tags = []string{}
	}
	body := struct {
		Strings []string `json:"strings"`
	}{tags}

	var out EventParticipation
	if err := c.sendJSONQuery(ctx, http.MethodPost, route, nil, query, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
