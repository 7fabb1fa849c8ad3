package upstream

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// Writes of the Announcement, Application, ServiceScript, Pet, Player and
// ResourceRecord tags.

// NewAnnouncement is the body of a new announcement
// (AnnouncementRequestDto). ResourceID and ResourceType name what it is
// about; they decide whether an event's or division's owner may post it.
type NewAnnouncement struct {
	// Title is at most 1,000 characters.
	Title string `json:"title"`
	// Content is PhiZone rich text of at most 30,000 characters.
	Content      string             `json:"content"`
	ResourceID   *string            `json:"resourceId,omitempty"`
	ResourceType PublicResourceType `json:"resourceType"`
}

// CreateAnnouncement posts an announcement and returns its ID.
//
// POST /announcements
func (c *Client) CreateAnnouncement(ctx context.Context, a NewAnnouncement) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/announcements", nil, a, &created)
	return created.ID, err
}

// UpdateAnnouncement applies a JSON Patch to an announcement
// (AnnouncementRequestDto's title and content).
//
// PATCH /announcements/{id}
func (c *Client) UpdateAnnouncement(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/announcements/{id}", Params{"id": id}, patch, nil)
}

// DeleteAnnouncement removes an announcement.
//
// DELETE /announcements/{id}
func (c *Client) DeleteAnnouncement(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/announcements/{id}", Params{"id": id})
}

// NewApplication is a new application (ApplicationCreationDto), sent as a
// multipart form with its two pictures.
type NewApplication struct {
	// Name is at most 40 characters.
	Name         string
	Avatar       File
	Illustration File
	Illustrator  string
	Description  *string
	// Homepage and APIEndpoint are URLs.
	Homepage    string
	APIEndpoint *string
	Type        ApplicationType
	Secret      string
	OwnerID     int
}

// form is the application as the upstream's form fields and files.
func (a NewApplication) form() Form {
	fields := url.Values{
		"Name":        {a.Name},
		"Illustrator": {a.Illustrator},
		"Homepage":    {a.Homepage},
		"Type":        {strconv.Itoa(int(a.Type))},
		"Secret":      {a.Secret},
		"OwnerId":     {strconv.Itoa(a.OwnerID)},
	}
	if a.Description != nil {
		fields.Set("Description", *a.Description)
	}
	if a.APIEndpoint != nil {
		fields.Set("ApiEndpoint", *a.APIEndpoint)
	}
	return Form{Fields: fields, Files: map[string]File{"Avatar": a.Avatar, "Illustration": a.Illustration}}
}

// CreateApplication registers an application, streaming its pictures, and
// returns its ID.
//
// POST /applications
func (c *Client) CreateApplication(ctx context.Context, a NewApplication) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/applications", nil, a.form(), &created)
	return created.ID, err
}

// UpdateApplication applies a JSON Patch to an application
// (ApplicationUpdateDto's fields).
//
// PATCH /applications/{id}
func (c *Client) UpdateApplication(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/applications/{id}", Params{"id": id}, patch, nil)
}

// UpdateApplicationAvatar replaces an application's avatar with the
// picture read from file.
//
// PATCH /applications/{id}/avatar
func (c *Client) UpdateApplicationAvatar(ctx context.Context, id, filename string, file io.Reader) error {
	return c.sendFile(ctx, http.MethodPatch, "/applications/{id}/avatar", Params{"id": id}, "File", filename, file)
}

// UpdateApplicationIllustration replaces an application's illustration
// with the picture read from file.
//
// PATCH /applications/{id}/illustration
func (c *Client) UpdateApplicationIllustration(ctx context.Context, id, filename string, file io.Reader) error {
	return c.sendFile(ctx, http.MethodPatch, "/applications/{id}/illustration", Params{"id": id},
		"File", filename, file)
}

// DeleteApplication removes an application.
//
// DELETE /applications/{id}
func (c *Client) DeleteApplication(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/applications/{id}", Params{"id": id})
}

// NewServiceScript is the body of a new service script
// (ServiceScriptRequestDto).
type NewServiceScript struct {
	// Name is at most 40 characters.
	Name        string            `json:"name"`
	TargetType  ServiceTargetType `json:"targetType"`
	Description *string           `json:"description,omitempty"`
	// Code is C# of at most 50,000 characters.
	Code       string   `json:"code"`
	Parameters []string `json:"parameters"`
	ResourceID *string  `json:"resourceId,omitempty"`
}

// CreateServiceScript creates a service script and returns its ID.
//
// POST /services
func (c *Client) CreateServiceScript(ctx context.Context, s NewServiceScript) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/services", nil, s, &created)
	return created.ID, err
}

// UpdateServiceScript applies a JSON Patch to a service script
// (ServiceScriptRequestDto's fields).
//
// PATCH /services/{id}
func (c *Client) UpdateServiceScript(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/services/{id}", Params{"id": id}, patch, nil)
}

// DeleteServiceScript removes a service script.
//
// DELETE /services/{id}
func (c *Client) DeleteServiceScript(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/services/{id}", Params{"id": id})
}

// ServiceResponse is what a service script or a sign-in provider answers
// (ServiceResponseDto): Redirect sends the user to RedirectURI.
type ServiceResponse struct {
	Type        ServiceResponseType `json:"type"`
	RedirectURI *string             `json:"redirectUri"`
	Message     *string             `json:"message"`
}

// UseServiceScript runs a service script as the caller with parameters.
//
// POST /services/{id}/use
func (c *Client) UseServiceScript(
	ctx context.Context, id string, parameters map[string]string,
) (*ServiceResponse, error) {
	return c.useService(ctx, "/services/{id}/use", Params{"id": id}, parameters)
}

// useService runs a service script through route with parameters (the
// body, ServiceScriptUsageDto, is never null on the wire: the upstream
// requires the field).
func (c *Client) useService(
	ctx context.Context, route string, params Params, parameters map[string]string,
) (*ServiceResponse, error) {
	if parameters == nil {
		parameters = map[string]string{}
	}
	body := struct {
		Parameters map[string]string `json:"parameters"`
	}{parameters}

	var out ServiceResponse
	if err := c.sendJSON(ctx, http.MethodPost, route, params, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// PetObjectiveAnswer is the answer to one objective question
// (PetObjectiveAnswerDto): the positions of the choices picked, from 0.
type PetObjectiveAnswer struct {
	Choices []int `json:"choices"`
}

// PetObjectiveAnswerCount is how many objective answers the upstream takes.
const PetObjectiveAnswerCount = 15

// SubmitPetObjectiveAnswers hands in the objective part of the caller's
// test and returns the subjective questions.
//
// POST /pet/objective
func (c *Client) SubmitPetObjectiveAnswers(ctx context.Context, answers []PetObjectiveAnswer) ([]PetQuestion, error) {
	var out []PetQuestion
	err := c.sendJSON(ctx, http.MethodPost, "/pet/objective", nil, answers, &out)
	return out, err
}

// PetSubjectiveAnswers is the body of the subjective part of the test
// (PetSubjectiveAnswerDto).
type PetSubjectiveAnswers struct {
	Answer1 string `json:"answer1"`
	Answer2 string `json:"answer2"`
	Answer3 string `json:"answer3"`
	Chart   string `json:"chart"`
}

// SubmitPetSubjectiveAnswers hands in the subjective part of the caller's
// test and returns the ID of their answer.
//
// POST /pet/subjective
func (c *Client) SubmitPetSubjectiveAnswers(ctx context.Context, answers PetSubjectiveAnswers) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/pet/subjective", nil, answers, &created)
	return created.ID, err
}

// petAnswerReview is PetAnswerReviewDto.
type petAnswerReview struct {
	Score int `json:"score"`
}

// ReviewPetAnswer scores the subjective part of a test answer, 0 to 60.
//
// PATCH /pet/answers/{id}
func (c *Client) ReviewPetAnswer(ctx context.Context, id string, score int) error {
	return c.sendJSON(ctx, http.MethodPatch, "/pet/answers/{id}", Params{"id": id}, petAnswerReview{score}, nil)
}

// NewPlayConfiguration is the body of a new play configuration
// (PlayConfigurationRequestDto). Fields left nil are left out, and the
// upstream takes its defaults for them.
type NewPlayConfiguration struct {
	Name                 *string             `json:"name,omitempty"`
	PerfectJudgment      *int                `json:"perfectJudgment,omitempty"`
	GoodJudgment         *int                `json:"goodJudgment,omitempty"`
	ChartMirroring       *ChartMirroringMode `json:"chartMirroring,omitempty"`
	AspectRatio          []int               `json:"aspectRatio,omitempty"`
	NoteSize             *float64            `json:"noteSize,omitempty"`
	BackgroundLuminance  *float64            `json:"backgroundLuminance,omitempty"`
	BackgroundBlur       *float64            `json:"backgroundBlur,omitempty"`
	SimultaneousNoteHint *bool               `json:"simultaneousNoteHint,omitempty"`
	FcApIndicator        *bool               `json:"fcApIndicator,omitempty"`
	ChartOffset          *int                `json:"chartOffset,omitempty"`
	HitSoundVolume       *float64            `json:"hitSoundVolume,omitempty"`
	MusicVolume          *float64            `json:"musicVolume,omitempty"`
}

// CreatePlayConfiguration saves a play configuration for the caller and
// returns its ID.
//
// POST /player/configurations
func (c *Client) CreatePlayConfiguration(ctx context.Context, p NewPlayConfiguration) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/player/configurations", nil, p, &created)
	return created.ID, err
}

// UpdatePlayConfiguration applies a JSON Patch to a play configuration
// (PlayConfigurationRequestDto's fields).
//
// PATCH /player/configurations/{id}
func (c *Client) UpdatePlayConfiguration(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/player/configurations/{id}", Params{"id": id}, patch, nil)
}

// DeletePlayConfiguration removes a play configuration.
//
// DELETE /player/configurations/{id}
func (c *Client) DeletePlayConfiguration(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/player/configurations/{id}", Params{"id": id})
}

// NewResourceRecord is the body of a new resource record
// (ResourceRecordRequestDto).
type NewResourceRecord struct {
	Type ResourceRecordType `json:"type"`
	// Title and Edition are at most 200 characters.
	Title       string      `json:"title"`
	EditionType EditionType `json:"editionType"`
	Edition     *string     `json:"edition,omitempty"`
	// AuthorName and CopyrightOwner are at most 1,600 characters.
	AuthorName  string                 `json:"authorName"`
	Description *string                `json:"description,omitempty"`
	Strategy    ResourceRecordStrategy `json:"strategy"`
	// Media and Source are URLs of at most 4,000 characters.
	Media          *string `json:"media,omitempty"`
	Source         string  `json:"source"`
	CopyrightOwner string  `json:"copyrightOwner"`
}

// CreateResourceRecord creates a resource record and returns its ID.
//
// POST /resourceRecords
func (c *Client) CreateResourceRecord(ctx context.Context, r NewResourceRecord) (string, error) {
	var created Created
	err := c.sendJSON(ctx, http.MethodPost, "/resourceRecords", nil, r, &created)
	return created.ID, err
}

// CreateResourceRecords creates several resource records at once and
// returns their IDs in the order given. The upstream promises one ID per
// record (CreatedResponseDto<IEnumerable<Guid>>); an answer with another
// count is an [*Error], although the records were made.
//
// POST /resourceRecords/batch
func (c *Client) CreateResourceRecords(ctx context.Context, records []NewResourceRecord) ([]string, error) {
	const route = "/resourceRecords/batch"
	var created struct {
		ID []string `json:"id"`
	}
	if err := c.sendJSON(ctx, http.MethodPost, route, nil, records, &created); err != nil {
		return nil, err
	}
	return created.ID, checkBatchIDs(route, created.ID, len(records))
}

// checkBatchIDs refuses the answer of a batch creation on route that does
// not hold one usable ID for each of the n resources it created.
func checkBatchIDs(route string, ids []string, n int) error {
	if len(ids) == n && !slices.ContainsFunc(ids, func(id string) bool { return !usableID(id) }) {
		return nil
	}
	return &Error{HTTPStatus: http.StatusCreated, Method: http.MethodPost, Route: route,
		Message: fmt.Sprintf("the upstream did not return one usable ID per new resource "+
			"(%d IDs for %d); the write happened", len(ids), n)}
}

// UpdateResourceRecord applies a JSON Patch to a resource record
// (ResourceRecordRequestDto's fields).
//
// PATCH /resourceRecords/{id}
func (c *Client) UpdateResourceRecord(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/resourceRecords/{id}", Params{"id": id}, patch, nil)
}

// DeleteResourceRecord removes a resource record.
//
// DELETE /resourceRecords/{id}
func (c *Client) DeleteResourceRecord(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/resourceRecords/{id}", Params{"id": id})
}

// ServiceResponseType is the kind of answer of a service script (the
// upstream's ServiceResponseType), an integer on the wire. Values the
// facade does not know are kept and shown as UNKNOWN.
type ServiceResponseType int

const (
	// ServiceResponseInfo is the upstream's Info (0).
	ServiceResponseInfo ServiceResponseType = 0
	// ServiceResponseSuccess is the upstream's Success (1).
	ServiceResponseSuccess ServiceResponseType = 1
	// ServiceResponseRedirect is the upstream's Redirect (2).
	ServiceResponseRedirect ServiceResponseType = 2
	// ServiceResponseError is the upstream's Error (3).
	ServiceResponseError ServiceResponseType = 3
	// ServiceResponseFailed is the upstream's Failed (4).
	ServiceResponseFailed ServiceResponseType = 4
)

var serviceResponseTypeNames = enumNames{"INFO", "SUCCESS", "REDIRECT", "ERROR", "FAILED"}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ServiceResponseType) String() string { return serviceResponseTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ServiceResponseType) MarshalGQL(w io.Writer) {
	serviceResponseTypeNames.marshal(w, "ServiceResponseType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ServiceResponseType) UnmarshalGQL(v any) error {
	return serviceResponseTypeNames.unmarshal(v, "ServiceResponseType", (*int)(e))
}
