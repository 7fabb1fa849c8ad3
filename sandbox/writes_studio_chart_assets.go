package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Assets, collaborations and service scripts of chart submissions, as
// ChartSubmissionController keeps them. Every asset write sends the
// submission back to waiting for review.

// chartSubmissionTarget is the ServiceTargetType of scripts that run on
// chart submissions.
const chartSubmissionTarget ServiceTargetType = 1

// chartAssetForm is ChartAssetCreationDto as read from a form, its fields
// under prefix ("" for one asset, "dtos[0]." in a batch).
type chartAssetForm struct {
	typ  ChartAssetType
	name string
}

// readChartAssetForm binds and validates one asset's text fields and
// checks that its file is there, adding field errors to errs.
func (c *call) readChartAssetForm(prefix string, errs *[]fieldError) chartAssetForm {
	add := func(field, code string) {
		*errs = append(*errs, fieldError{Field: prefix + field, Errors: []string{code}})
	}
	values := c.r.MultipartForm.Value
	var f chartAssetForm
	if v, ok := values[prefix+"Type"]; !ok || v[0] == "" {
		add("Type", codeFieldEmpty)
	} else if n, err := strconv.Atoi(v[0]); err != nil {
		add("Type", codeInvalidData)
	} else if f.typ = ChartAssetType(n); n < 0 || n > 5 {
		add("Type", codeValueOutOfRange)
	}
	switch v := values[prefix+"Name"]; {
	case len(v) == 0 || strings.TrimSpace(v[0]) == "":
		add("Name", codeFieldEmpty)
	case len([]rune(v[0])) > 1000:
		add("Name", codeValueTooLong)
	default:
		f.name = v[0]
	}
	if len(c.r.MultipartForm.File[prefix+"File"]) == 0 {
		add("File", codeFieldEmpty)
	}
	return f
}

// chartAssetNameTaken reports whether a submission has an asset of name.
func (c *call) chartAssetNameTaken(submission, name string) bool {
	return slices.ContainsFunc(c.studio().AssetSubmissions, func(a ChartAssetSubmission) bool {
		return a.ChartSubmissionID == submission && a.Name == name
	})
}

// addChartAsset receives the file of prefix+"File" and adds the asset,
// returning its ID; ok is false when the sandbox answered.
func (c *call) addChartAsset(s *ChartSubmission, prefix string, f chartAssetForm) (string, bool) {
	id := c.newID()
	url, _, ok := c.formFile(prefix+"File", id, "charts/assets", "")
	if !ok {
		return "", false
	}
	c.storeChartAsset(s.ID, id, f, url)
	return id, true
}

// storeChartAsset stores asset id of a chart submission, of the caller,
// with the file received at url.
func (c *call) storeChartAsset(submission, id string, f chartAssetForm, url string) {
	now := c.now()
	c.studio().AssetSubmissions = append(c.studio().AssetSubmissions, ChartAssetSubmission{
		ID: id, OwnerID: c.caller.ID, ChartSubmissionID: submission, Type: f.typ, Name: f.name, File: url,
		DateCreated: now, DateUpdated: now,
	})
}

// postChartSubmissionAsset is POST /studio/charts/{id}/assets: a multipart
// form of ChartAssetCreationDto, answered 201 with the new ID.
func (c *call) postChartSubmissionAsset() {
	s := c.editedChartSubmission(codeParentNotFound)
	if s == nil || !c.readForm() {
		return
	}
	var errs []fieldError
	f := c.readChartAssetForm("", &errs)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if c.chartAssetNameTaken(s.ID, f.name) {
		c.fail(http.StatusBadRequest, codeChartSubmissionNameOccupied)
		return
	}
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok {
		return
	}
	id, ok := c.addChartAsset(s, "", f)
	if !ok {
		return
	}
	c.resubmitChartSubmission(s)
	s.DateFileUpdated = s.DateUpdated
	c.d.reindex()
	c.created(id)
}

// postChartSubmissionAssets is POST /studio/charts/{id}/assets/batch: a
// multipart form of a list of ChartAssetCreationDto under "dtos[i]." (or
// "[i]."), answered 201 with the new IDs in order. A name in use stops
// the batch with 400 NameOccupied; the assets added before it stay, as
// the upstream saves each one as it goes.
func (c *call) postChartSubmissionAssets() {
	s := c.editedChartSubmission(codeParentNotFound)
	if s == nil || !c.readForm() {
		return
	}
	prefixes, forms, ok := c.readChartAssetForms()
	if !ok {
		return
	}

	ids := []string{}
	for i, f := range forms {
		if c.chartAssetNameTaken(s.ID, f.name) {
			c.d.reindex()
			c.fail(http.StatusBadRequest, codeChartSubmissionNameOccupied)
			return
		}
		id, ok := c.addChartAsset(s, prefixes[i], f)
		if !ok {
			return
		}
		ids = append(ids, id)
	}
	c.resubmitChartSubmission(s)
	s.DateFileUpdated = s.DateUpdated
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok {
		return
	}
	c.d.reindex()
	created := map[string][]string{"id": ids} // CreatedResponseDto<IEnumerable<Guid>>
	c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: created})
}

// readChartAssetForms binds the assets of a batch form, a list of
// ChartAssetCreationDto under "dtos[i]." (or "[i]."): each one's prefix
// and fields. It answers 400 with every field error itself when ok is
// false.
func (c *call) readChartAssetForms() (prefixes []string, forms []chartAssetForm, ok bool) {
	for i := 0; ; i++ {
		n := "[" + strconv.Itoa(i) + "]."
		if _, ok := c.r.MultipartForm.Value["dtos"+n+"Name"]; ok {
			prefixes = append(prefixes, "dtos"+n)
		} else if _, ok := c.r.MultipartForm.Value[n+"Name"]; ok {
			prefixes = append(prefixes, n)
		} else {
			break
		}
	}
	var errs []fieldError
	forms = make([]chartAssetForm, len(prefixes))
	for i, p := range prefixes {
		forms[i] = c.readChartAssetForm(p, &errs)
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return nil, nil, false
	}
	return prefixes, forms, true
}

// editedChartAsset finds the asset of a submission a write names, after
// editedChartSubmission, answering 404 itself when it returns nil. Unlike
// the upstream, which looks the asset up by its own ID alone, the asset
// must belong to the submission in the route.
func (c *call) editedChartAsset(s *ChartSubmission) *ChartAssetSubmission {
	st := c.studio()
	i := slices.IndexFunc(st.AssetSubmissions, func(a ChartAssetSubmission) bool {
		return a.ID == c.params["assetId"] && a.ChartSubmissionID == s.ID
	})
	if i < 0 {
		c.notFound()
		return nil
	}
	return &st.AssetSubmissions[i]
}

// patchChartSubmissionAsset is PATCH /studio/charts/{id}/assets/{assetId}:
// a JSON Patch over ChartAssetUpdateDto, answered 204.
func (c *call) patchChartSubmissionAsset() {
	s := c.editedChartSubmission(codeParentNotFound)
	if s == nil {
		return
	}
	a := c.editedChartAsset(s)
	if a == nil {
		return
	}
	var ops []patchOp
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&ops); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return
	}
	next := *a
	var errs []fieldError
	for _, op := range ops {
		var dst any
		switch strings.ToLower(op.Path) {
		case "/type":
			dst = &next.Type
		case "/name":
			dst = &next.Name
		}
		if dst == nil || op.Op == "remove" || json.Unmarshal(op.Value, dst) != nil {
			errs = append(errs, fieldError{Field: fieldName(op.Path), Errors: []string{codeInvalidData}})
		}
	}
	switch {
	case next.Type < 0 || next.Type > 5:
		errs = append(errs, fieldError{Field: "Type", Errors: []string{codeValueOutOfRange}})
	case strings.TrimSpace(next.Name) == "":
		errs = append(errs, fieldError{Field: "Name", Errors: []string{codeFieldEmpty}})
	case len([]rune(next.Name)) > 1000:
		errs = append(errs, fieldError{Field: "Name", Errors: []string{codeValueTooLong}})
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if next.Name != a.Name && c.chartAssetNameTaken(s.ID, next.Name) {
		c.fail(http.StatusBadRequest, codeChartSubmissionNameOccupied)
		return
	}
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok {
		return
	}

	next.DateUpdated = c.now()
	*a = next
	c.resubmitChartSubmission(s)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchChartSubmissionAssetFile is PATCH /studio/charts/{id}/assets/
// {assetId}/file: a multipart form with the file as File, answered 204.
// Without a file nothing changes.
func (c *call) patchChartSubmissionAssetFile() {
	s := c.editedChartSubmission(codeParentNotFound)
	if s == nil {
		return
	}
	a := c.editedChartAsset(s)
	if a == nil || !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", a.ID, "charts/assets", "")
	if !ok {
		return
	}
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok {
		return
	}
	if present {
		a.File, a.DateUpdated = url, c.now()
		c.resubmitChartSubmission(s)
		s.DateFileUpdated = s.DateUpdated
	}
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteChartSubmissionAsset is DELETE /studio/charts/{id}/assets/
// {assetId}, answered 204.
func (c *call) deleteChartSubmissionAsset() {
	s := c.editedChartSubmission(codeParentNotFound)
	if s == nil {
		return
	}
	a := c.editedChartAsset(s)
	if a == nil {
		return
	}
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok {
		return
	}
	id := a.ID
	c.studio().AssetSubmissions = slices.DeleteFunc(c.studio().AssetSubmissions,
		func(v ChartAssetSubmission) bool { return v.ID == id })
	c.resubmitChartSubmission(s)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// chartSubmissionCollaborates reports whether user is invited to a
// submission.
func (c *call) chartSubmissionCollaborates(submission string, user int) bool {
	return slices.ContainsFunc(c.studio().Collaborations, func(v Collaboration) bool {
		return v.SubmissionID == submission && v.InviteeID == user
	})
}

// inviteChartSubmissionCollaborator invites user to collaborate on a
// submission, as the caller, and returns the collaboration's ID.
func (c *call) inviteChartSubmissionCollaborator(submission string, user int, position *string) string {
	id := c.newID()
	c.studio().Collaborations = append(c.studio().Collaborations, Collaboration{
		ID: id, SubmissionID: submission, InviterID: c.caller.ID, InviteeID: user, Position: position,
		Status: RequestWaiting, DateCreated: c.now(),
	})
	return id
}

// postChartSubmissionCollaboration is POST /studio/charts/{id}/
// collaborations (CollaborationCreationDto), answered 201 with the ID.
func (c *call) postChartSubmissionCollaboration() {
	s := c.editedChartSubmission(codeResourceNotFound)
	if s == nil {
		return
	}
	var b struct {
		InviteeID *int    `json:"inviteeId"`
		Position  *string `json:"position"`
	}
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&b); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return
	}
	var errs []fieldError
	if b.InviteeID == nil {
		errs = append(errs, fieldError{Field: "InviteeId", Errors: []string{codeFieldEmpty}})
	}
	if b.Position != nil && len([]rune(*b.Position)) > 100 {
		errs = append(errs, fieldError{Field: "Position", Errors: []string{codeValueTooLong}})
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	switch {
	case c.d.User(*b.InviteeID) == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	case c.chartSubmissionCollaborates(s.ID, *b.InviteeID):
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	if _, _, ok := c.chartSubmissionEvent(s.Tags, s.OwnerID, false); !ok {
		return
	}
	id := c.inviteChartSubmissionCollaborator(s.ID, *b.InviteeID, b.Position)
	c.d.reindex()
	c.created(id)
}

// postChartSubmissionService is POST /studio/charts/{id}/useService/
// {serviceId} (ServiceScriptUsageDto), answered 200 with the script's
// ServiceResponseDto. The sandbox runs no script: a script for chart
// submissions answers Success (1) with a message naming it, the
// submission and the parameters it got, or Error (3) when given a
// parameter it does not declare.
func (c *call) postChartSubmissionService() {
	if !c.member() {
		return
	}
	s := c.studio().chartSubmission(c.params["id"])
	var script *ServiceScript
	for i, v := range c.studio().ServiceScripts {
		if v.ID == c.params["serviceId"] {
			script = &c.studio().ServiceScripts[i]
		}
	}
	switch {
	case s == nil, script == nil:
		c.notFound()
		return
	case script.TargetType != chartSubmissionTarget:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}
	var b struct {
		Parameters map[string]string `json:"parameters"`
	}
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&b); err != nil || b.Parameters == nil {
		c.invalid([]fieldError{{Field: "Parameters", Errors: []string{codeFieldEmpty}}})
		return
	}

	names := make([]string, 0, len(b.Parameters))
	for name := range b.Parameters {
		names = append(names, name)
	}
	sort.Strings(names)
	result := struct {
		Type        int     `json:"type"`
		RedirectURI *string `json:"redirectUri"`
		Message     *string `json:"message"`
	}{Type: 1}
	given := make([]string, len(names))
	for i, name := range names {
		if !slices.Contains(script.Parameters, name) {
			result.Type, result.Message = 3, ptr("unknown parameter "+name)
			c.plain(result)
			return
		}
		given[i] = name + "=" + b.Parameters[name]
	}
	result.Message = ptr(script.Name + " ran on " + s.ID + " with {" + strings.Join(given, ", ") + "}")
	c.plain(result)
}
