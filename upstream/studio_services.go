package upstream

import (
	"context"
	"time"
)

// Collaboration is an invitation to work on a submission together
// (CollaborationDto); SubmissionID names a song or a chart submission.
type Collaboration struct {
	ID           string        `json:"id"`
	SubmissionID string        `json:"submissionId"`
	InviterID    int           `json:"inviterId"`
	InviteeID    int           `json:"inviteeId"`
	Position     *string       `json:"position"`
	Status       RequestStatus `json:"status"`
	DateCreated  time.Time     `json:"dateCreated"`
}

// ResourceRecord is a work PhiZone keeps a copyright record of, with what
// to do with uploads of it (ResourceRecordDto).
type ResourceRecord struct {
	ID             string                 `json:"id"`
	Type           ResourceRecordType     `json:"type"`
	Title          string                 `json:"title"`
	EditionType    EditionType            `json:"editionType"`
	Edition        *string                `json:"edition"`
	AuthorName     string                 `json:"authorName"`
	Description    *string                `json:"description"`
	Strategy       ResourceRecordStrategy `json:"strategy"`
	Source         string                 `json:"source"`
	CopyrightOwner string                 `json:"copyrightOwner"`
	DateCreated    time.Time              `json:"dateCreated"`
	DateUpdated    time.Time              `json:"dateUpdated"`
}

// ServiceScript is a script users can run on submissions or freely
// (ServiceScriptDto); ResourceID, when set, names the application or event
// that offers it.
type ServiceScript struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	TargetType  ServiceTargetType `json:"targetType"`
	Description *string           `json:"description"`
	Code        string            `json:"code"`
	Parameters  []string          `json:"parameters"`
	ResourceID  *string           `json:"resourceId"`
	DateCreated time.Time         `json:"dateCreated"`
	DateUpdated time.Time         `json:"dateUpdated"`
}

// ServiceRecord is one run of a service script (ServiceRecordDto).
type ServiceRecord struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description *string   `json:"description"`
	Result      *string   `json:"result"`
	OwnerID     int       `json:"ownerId"`
	ServiceID   string    `json:"serviceId"`
	DateCreated time.Time `json:"dateCreated"`
}

// ApplicationServiceRecord is one run of an application's service on a
// submission (ApplicationServiceRecordDto, from a version of the upstream
// other than the source snapshot); ResourceID names the submission.
type ApplicationServiceRecord struct {
	ID          string    `json:"id"`
	ResourceID  string    `json:"resourceId"`
	ServiceID   string    `json:"serviceId"`
	Description *string   `json:"description"`
	Result      *string   `json:"result"`
	OwnerID     int       `json:"ownerId"`
	DateCreated time.Time `json:"dateCreated"`
}

// CollaborationListOptions selects a page of collaborations. All, for
// volunteers, lists every collaboration rather than those the caller
// invited to or was invited to.
type CollaborationListOptions struct {
	ListOptions
	CollaborationFilter
	All bool `query:"all,omitempty"`
}

// ResourceRecordListOptions selects a page of resource records.
type ResourceRecordListOptions struct {
	ListOptions
	ResourceRecordFilter
}

// ServiceScriptListOptions selects a page of service scripts.
type ServiceScriptListOptions struct {
	ListOptions
	ServiceScriptFilter
}

// ServiceRecordListOptions selects a page of service records.
type ServiceRecordListOptions struct {
	ListOptions
	ServiceRecordFilter
}

// ApplicationServiceRecordListOptions selects a page of a submission's
// service records.
type ApplicationServiceRecordListOptions struct {
	ListOptions
	ApplicationServiceRecordFilter
}

// ListCollaborations reads a page of collaborations.
//
// GET /collaborations
func (c *Client) ListCollaborations(
	ctx context.Context, opts CollaborationListOptions,
) ([]Collaboration, Page, error) {
	return ListOf[Collaboration](ctx, c, "/collaborations", nil, opts)
}

// GetCollaboration reads one collaboration.
//
// GET /collaborations/{id}
func (c *Client) GetCollaboration(ctx context.Context, id string) (*Collaboration, error) {
	return GetOf[Collaboration](ctx, c, "/collaborations/{id}", Params{"id": id})
}

// ListResourceRecords reads a page of resource records.
//
// GET /resourceRecords
func (c *Client) ListResourceRecords(
	ctx context.Context, opts ResourceRecordListOptions,
) ([]ResourceRecord, Page, error) {
	return ListOf[ResourceRecord](ctx, c, "/resourceRecords", nil, opts)
}

// GetResourceRecord reads one resource record.
//
// GET /resourceRecords/{id}
func (c *Client) GetResourceRecord(ctx context.Context, id string) (*ResourceRecord, error) {
	return GetOf[ResourceRecord](ctx, c, "/resourceRecords/{id}", Params{"id": id})
}

// ListServiceScripts reads a page of service scripts.
//
// GET /services
func (c *Client) ListServiceScripts(
	ctx context.Context, opts ServiceScriptListOptions,
) ([]ServiceScript, Page, error) {
	return ListOf[ServiceScript](ctx, c, "/services", nil, opts)
}

// GetServiceScript reads one service script.
//
// GET /services/{id}
func (c *Client) GetServiceScript(ctx context.Context, id string) (*ServiceScript, error) {
	return GetOf[ServiceScript](ctx, c, "/services/{id}", Params{"id": id})
}

// ListServiceRecords reads a page of the caller's service records (every
// record, for administrators).
//
// GET /services/records
func (c *Client) ListServiceRecords(
	ctx context.Context, opts ServiceRecordListOptions,
) ([]ServiceRecord, Page, error) {
	return ListOf[ServiceRecord](ctx, c, "/services/records", nil, opts)
}

// GetServiceRecord reads one service record.
//
// GET /services/records/{id}
func (c *Client) GetServiceRecord(ctx context.Context, id string) (*ServiceRecord, error) {
	return GetOf[ServiceRecord](ctx, c, "/services/records/{id}", Params{"id": id})
}

// ListChartSubmissionServiceRecords reads a page of the service records of
// a chart submission.
//
// GET /studio/charts/{id}/serviceRecords
func (c *Client) ListChartSubmissionServiceRecords(
	ctx context.Context, id string, opts ApplicationServiceRecordListOptions,
) ([]ApplicationServiceRecord, Page, error) {
	return ListOf[ApplicationServiceRecord](ctx, c, "/studio/charts/{id}/serviceRecords", Params{"id": id}, opts)
}

// GetChartSubmissionServiceRecord reads one service record of a chart
// submission.
//
// GET /studio/charts/{id}/serviceRecords/{recordId}
func (c *Client) GetChartSubmissionServiceRecord(
	ctx context.Context, id, recordID string,
) (*ApplicationServiceRecord, error) {
	return GetOf[ApplicationServiceRecord](ctx, c, "/studio/charts/{id}/serviceRecords/{recordId}",
		Params{"id": id, "recordId": recordID})
}

// ListSongSubmissionServiceRecords reads a page of the service records of a
// song submission.
//
// GET /studio/songs/{id}/serviceRecords
func (c *Client) ListSongSubmissionServiceRecords(
	ctx context.Context, id string, opts ApplicationServiceRecordListOptions,
) ([]ApplicationServiceRecord, Page, error) {
	return ListOf[ApplicationServiceRecord](ctx, c, "/studio/songs/{id}/serviceRecords", Params{"id": id}, opts)
}

// GetSongSubmissionServiceRecord reads one service record of a song
// submission.
//
// GET /studio/songs/{id}/serviceRecords/{recordId}
func (c *Client) GetSongSubmissionServiceRecord(
	ctx context.Context, id, recordID string,
) (*ApplicationServiceRecord, error) {
	return GetOf[ApplicationServiceRecord](ctx, c, "/studio/songs/{id}/serviceRecords/{recordId}",
		Params{"id": id, "recordId": recordID})
}
