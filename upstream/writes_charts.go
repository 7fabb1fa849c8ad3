package upstream

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Writes of the Chart, Collection and Record tags: charts with their
// files, assets and collections, collections, and play records.

// NewChart is the form of a new chart (ChartCreationDto). The files are
// optional; Tags are tag names, new ones created.
type NewChart struct {
	SongID        string
	Title         *string
	LevelType     ChartLevel
	Level         string
	Difficulty    float64
	AuthorName    string
	Illustrator   *string
	Description   *string
	Accessibility Accessibility
	IsHidden      bool
	IsLocked      bool
	IsRanked      bool
	Tags          []string
	File          *File
	Illustration  *File
}

// form is the chart as the upstream's form binder reads it.
func (n NewChart) form() Form {
	f := Form{Fields: url.Values{
		"SongId":        {n.SongID},
		"LevelType":     {itoa(int(n.LevelType))},
		"Level":         {n.Level},
		"Difficulty":    {strconv.FormatFloat(n.Difficulty, 'f', -1, 64)},
		"AuthorName":    {n.AuthorName},
		"Accessibility": {itoa(int(n.Accessibility))},
		"IsHidden":      {strconv.FormatBool(n.IsHidden)},
		"IsLocked":      {strconv.FormatBool(n.IsLocked)},
		"IsRanked":      {strconv.FormatBool(n.IsRanked)},
	}, Files: map[string]File{}}
	setOptional(f.Fields, "Title", n.Title)
	setOptional(f.Fields, "Illustrator", n.Illustrator)
	setOptional(f.Fields, "Description", n.Description)
	if len(n.Tags) > 0 {
		f.Fields["Tags"] = n.Tags
	}
	if n.File != nil {
		f.Files["File"] = *n.File
	}
	if n.Illustration != nil {
		f.Files["Illustration"] = *n.Illustration
	}
	return f
}

// setOptional sets a form field when v is not nil.
func setOptional(fields url.Values, name string, v *string) {
	if v != nil {
		fields.Set(name, *v)
	}
}

// CreateChart creates a chart and returns its ID.
//
// POST /charts
func (c *Client) CreateChart(ctx context.Context, chart NewChart) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/charts", nil, chart.form(), &created)
	return created.ID, err
}

// DeleteChart removes a chart.
//
// DELETE /charts/{id}
func (c *Client) DeleteChart(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/charts/{id}", Params{"id": id})
}

// UpdateChartFile replaces a chart's file; the upstream reads its format,
// checksum and note count from it.
//
// PATCH /charts/{id}/file
func (c *Client) UpdateChartFile(ctx context.Context, id string, file File) error {
	return c.sendFile(ctx, http.MethodPatch, "/charts/{id}/file", Params{"id": id}, "File", file.Name, file.Content)
}

// RemoveChartFile removes a chart's file.
//
// DELETE /charts/{id}/file
func (c *Client) RemoveChartFile(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/charts/{id}/file", Params{"id": id})
}

// RemoveChartIllustration removes a chart's illustration.
//
// DELETE /charts/{id}/illustration
func (c *Client) RemoveChartIllustration(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/charts/{id}/illustration", Params{"id": id})
}

// NewChartAsset is the form of a new chart asset (ChartAssetCreationDto).
type NewChartAsset struct {
	Type ChartAssetType
	// Name is unique within the chart, at most 1,000 characters.
	Name string
	File File
}

// CreateChartAsset adds an asset to chart id and returns the asset's ID.
//
// POST /charts/{id}/assets
func (c *Client) CreateChartAsset(ctx context.Context, id string, asset NewChartAsset) (string, error) {
	form := Form{
		Fields: url.Values{"Type": {itoa(int(asset.Type))}, "Name": {asset.Name}},
		Files:  map[string]File{"File": asset.File},
	}
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/charts/{id}/assets", Params{"id": id}, form, &created)
	return created.ID, err
}

// UpdateChartAsset applies a JSON Patch to a chart asset
// (ChartAssetUpdateDto's fields).
//
// PATCH /charts/{id}/assets/{assetId}
func (c *Client) UpdateChartAsset(ctx context.Context, id, assetID string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/charts/{id}/assets/{assetId}",
		Params{"id": id, "assetId": assetID}, patch, nil)
}

// UpdateChartAssetFile replaces a chart asset's file.
//
// PATCH /charts/{id}/assets/{assetId}/file
func (c *Client) UpdateChartAssetFile(ctx context.Context, id, assetID string, file File) error {
	return c.sendFile(ctx, http.MethodPatch, "/charts/{id}/assets/{assetId}/file",
		Params{"id": id, "assetId": assetID}, "File", file.Name, file.Content)
}

// DeleteChartAsset removes an asset from a chart.
//
// DELETE /charts/{id}/assets/{assetId}
func (c *Client) DeleteChartAsset(ctx context.Context, id, assetID string) error {
	return c.send(ctx, http.MethodDelete, "/charts/{id}/assets/{assetId}", Params{"id": id, "assetId": assetID})
}

// AdmissionRequest is the body of a request to be admitted
// (AdmissionRequestDto): the admitter, such as a collection, and a label.
type AdmissionRequest struct {
	AdmitterID string `json:"admitterId"`
	// Label is at most 100 characters.
	Label *string `json:"label,omitempty"`
}

// CollectChart asks a collection to admit chart id; the upstream approves
// at once when the collection allows any chart or the caller owns it.
//
// POST /charts/{id}/collections
func (c *Client) CollectChart(ctx context.Context, id string, request AdmissionRequest) error {
	return c.sendJSON(ctx, http.MethodPost, "/charts/{id}/collections", Params{"id": id}, request, nil)
}

// RemoveChartFromCollection takes chart id out of a collection that
// admitted it.
//
// DELETE /charts/{id}/collections/{collectionId}
func (c *Client) RemoveChartFromCollection(ctx context.Context, id, collectionID string) error {
	return c.send(ctx, http.MethodDelete, "/charts/{id}/collections/{collectionId}",
		Params{"id": id, "collectionId": collectionID})
}

// NewEventLink is the body of a link of a song, chart, record or tag to
// an event division as one of its resources (EventResourceRequestDto).
type NewEventLink struct {
	DivisionID string `json:"divisionId"`
	// Type is the resource's role; records are always entries.
	Type        EventResourceType `json:"type"`
	Label       *string           `json:"label,omitempty"`
	Description *string           `json:"description,omitempty"`
	IsAnonymous *bool             `json:"isAnonymous,omitempty"`
	TeamID      *string           `json:"teamId,omitempty"`
}

// LinkChartToEventDivision links chart id to an event division as one of
// its resources.
//
// POST /charts/{id}/event
func (c *Client) LinkChartToEventDivision(ctx context.Context, id string, link NewEventLink) error {
	return c.sendJSON(ctx, http.MethodPost, "/charts/{id}/event", Params{"id": id}, link, nil)
}

// NewCollection is the form of a new collection (CollectionCreationDto);
// the illustration is required.
type NewCollection struct {
	Title         string
	Subtitle      string
	Illustrator   string
	Description   *string
	Accessibility Accessibility
	IsHidden      bool
	IsLocked      bool
	Illustration  File
}

// CreateCollection creates a collection owned by the caller and returns
// its ID.
//
// POST /collections
func (c *Client) CreateCollection(ctx context.Context, collection NewCollection) (string, error) {
	form := Form{Fields: url.Values{
		"Title":         {collection.Title},
		"Subtitle":      {collection.Subtitle},
		"Illustrator":   {collection.Illustrator},
		"Accessibility": {itoa(int(collection.Accessibility))},
		"IsHidden":      {strconv.FormatBool(collection.IsHidden)},
		"IsLocked":      {strconv.FormatBool(collection.IsLocked)},
	}, Files: map[string]File{"Illustration": collection.Illustration}}
	setOptional(form.Fields, "Description", collection.Description)

	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/collections", nil, form, &created)
	return created.ID, err
}

// UpdateCollection applies a JSON Patch to a collection
// (CollectionUpdateDto's fields).
//
// PATCH /collections/{id}
func (c *Client) UpdateCollection(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/collections/{id}", Params{"id": id}, patch, nil)
}

// UpdateCollectionIllustration replaces a collection's illustration.
//
// PATCH /collections/{id}/illustration
func (c *Client) UpdateCollectionIllustration(ctx context.Context, id string, file File) error {
	return c.sendFile(ctx, http.MethodPatch, "/collections/{id}/illustration", Params{"id": id},
		"File", file.Name, file.Content)
}

// DeleteCollection removes a collection.
//
// DELETE /collections/{id}
func (c *Client) DeleteCollection(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/collections/{id}", Params{"id": id})
}

// NewRecord is the result of a play (RecordCreationDto), signed with the
// play token and an HMAC under the application's secret.
type NewRecord struct {
	Token        string  `json:"token"`
	MaxCombo     int     `json:"maxCombo"`
	Perfect      int     `json:"perfect"`
	GoodEarly    int     `json:"goodEarly"`
	GoodLate     int     `json:"goodLate"`
	Bad          int     `json:"bad"`
	Miss         int     `json:"miss"`
	StdDeviation float64 `json:"stdDeviation"`
	Hmac         string  `json:"hmac"`
	Checksum     string  `json:"checksum"`
	DeviceInfo   *string `json:"deviceInfo,omitempty"`
}

// RecordCreated is the answer to a new record (RecordResponseDto).
type RecordCreated struct {
	ID              string    `json:"id"`
	Score           int       `json:"score"`
	Accuracy        float64   `json:"accuracy"`
	IsFullCombo     bool      `json:"isFullCombo"`
	Player          *User     `json:"player"`
	ExperienceDelta uint64    `json:"experienceDelta"`
	RksBefore       float64   `json:"rksBefore"`
	DateCreated     time.Time `json:"dateCreated"`
}

// CreateRecord submits the result of a play.
//
// POST /records
func (c *Client) CreateRecord(ctx context.Context, record NewRecord) (*RecordCreated, error) {
	var created RecordCreated
	if err := c.sendJSON(ctx, http.MethodPost, "/records", nil, record, &created); err != nil {
		return nil, err
	}
	return &created, nil
}

// TapTapRecordCreated is the answer to a TapTap ghost account's record
// (RecordTapResponseDto).
type TapTapRecordCreated struct {
	ID              string    `json:"id"`
	Score           int       `json:"score"`
	Accuracy        float64   `json:"accuracy"`
	IsFullCombo     bool      `json:"isFullCombo"`
	ExperienceDelta uint64    `json:"experienceDelta"`
	DateCreated     time.Time `json:"dateCreated"`
}

// CreateTapTapRecord submits the result of a TapTap ghost account's play.
//
// POST /records/tapTap
func (c *Client) CreateTapTapRecord(ctx context.Context, record NewRecord) (*TapTapRecordCreated, error) {
	var created TapTapRecordCreated
	if err := c.sendJSON(ctx, http.MethodPost, "/records/tapTap", nil, record, &created); err != nil {
		return nil, err
	}
	return &created, nil
}

// DeleteRecord removes a play record.
//
// DELETE /records/{id}
func (c *Client) DeleteRecord(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/records/{id}", Params{"id": id})
}

// LinkRecordToEventDivision links play record id to an event division as
// an entry (the upstream ignores link.Type).
//
// POST /records/{id}/event
func (c *Client) LinkRecordToEventDivision(ctx context.Context, id string, link NewEventLink) error {
	link.Type = EventResourceTypeEntry
	return c.sendJSON(ctx, http.MethodPost, "/records/{id}/event", Params{"id": id}, link, nil)
}
