package sandbox

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Writes of charts, their files, assets and collections, with the rules of
// ChartController: creating, changing and removing a chart, its file,
// illustration and assets is for administrators; a chart's owner asks
// collections to admit it (moderators for anyone's chart) and takes it out
// again (administrators for anyone's). Collections and play records are
// in writes_records.go.

const (
	codeUnsupportedChartFormat = "UnsupportedChartFormat"
	codeNameOccupied           = "NameOccupied"
	codeParentIsPrivate        = "ParentIsPrivate"
)

func init() {
	areaRoutes["writes-charts"] = func(s *Server) []route {
		return append([]route{
			newRoute(http.MethodPost, "/charts", (*call).postChart),
			newRoute(http.MethodDelete, "/charts/{id:guid}", (*call).deleteChart),
			newRoute(http.MethodPatch, "/charts/{id:guid}/file", (*call).patchChartFile),
			newRoute(http.MethodDelete, "/charts/{id:guid}/file", (*call).deleteChartFile),
			newRoute(http.MethodDelete, "/charts/{id:guid}/illustration", (*call).deleteChartIllustration),
			newRoute(http.MethodPost, "/charts/{id:guid}/assets", (*call).postChartAsset),
			newRoute(http.MethodPatch, "/charts/{id:guid}/assets/{assetId:guid}", (*call).patchChartAsset),
			newRoute(http.MethodPatch, "/charts/{id:guid}/assets/{assetId:guid}/file", (*call).patchChartAssetFile),
			newRoute(http.MethodDelete, "/charts/{id:guid}/assets/{assetId:guid}", (*call).deleteChartAsset),
			newRoute(http.MethodPost, "/charts/{id:guid}/collections", (*call).postChartCollection),
			newRoute(http.MethodDelete, "/charts/{id:guid}/collections/{collectionId:guid}",
				(*call).deleteChartCollection),
			newRoute(http.MethodPost, "/charts/{id:guid}/event", func(c *call) {
				c.postEventLink(c.d.Chart(c.params["id"]) != nil, false)
			}),
		}, recordRoutes()...)
	}
}

// adminChart finds chart {id} for an administrator's write: 401, 404
// (with notFound, ResourceNotFound or ParentNotFound as the route has it),
// then 403 for anyone but an administrator. It answers the failure itself
// when it returns nil.
func (c *call) adminChart(notFound string) *Chart {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	chart := c.d.Chart(c.params["id"])
	switch {
	case chart == nil:
		c.fail(http.StatusNotFound, notFound)
		return nil
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return chart
}

// chartFile is what the upstream's chart service reads from a chart file.
type chartFile struct {
	url, checksum string
	format        ChartFormat
	notes         int
}

// readChartFile receives the chart file of the form's field, after
// readForm: RPE JSON (an object with judgeLineList) or PEC (lines of
// commands, notes starting with n1 to n4). present is false without the
// field; ok is false when the sandbox answered (400 UnsupportedChartFormat
// for anything else).
func (c *call) readChartFile(field, resource string) (f chartFile, present, ok bool) {
	file, _, err := c.r.FormFile(field)
	if err != nil {
		return f, false, true
	}
	content, err := io.ReadAll(file)
	file.Close()
	if err != nil {
		c.invalid([]fieldError{{Field: field, Errors: []string{codeInvalidData}}})
		return f, true, false
	}
	f.format, f.notes = chartFormat(content)
	if f.format == FormatUnsupported {
		c.fail(http.StatusBadRequest, codeUnsupportedChartFormat)
		return f, true, false
	}
	if f.url, _, ok = c.formFile(field, resource, "charts", ".json"); !ok {
		return f, true, false
	}
	sum := sha256.Sum256(content)
	f.checksum = hex.EncodeToString(sum[:])
	return f, true, true
}

// chartFormat recognises a chart file and counts its notes.
func chartFormat(content []byte) (ChartFormat, int) {
	var rpe struct {
		JudgeLineList []struct {
			Notes []json.RawMessage `json:"notes"`
		} `json:"judgeLineList"`
	}
	if json.Unmarshal(content, &rpe) == nil && rpe.JudgeLineList != nil {
		n := 0
		for _, l := range rpe.JudgeLineList {
			n += len(l.Notes)
		}
		return FormatRpeJSON, n
	}

	sc := bufio.NewScanner(bytes.NewReader(content))
	if !sc.Scan() {
		return FormatUnsupported, 0
	}
	if _, err := strconv.Atoi(strings.TrimSpace(sc.Text())); err != nil {
		return FormatUnsupported, 0
	}
	n := 0
	for sc.Scan() {
		if cmd, _, _ := strings.Cut(strings.TrimSpace(sc.Text()), " "); len(cmd) == 2 && cmd[0] == 'n' &&
			cmd[1] >= '1' && cmd[1] <= '4' {
			n++
		}
	}
	return FormatPec, n
}

// postChart is POST /charts: a multipart form (ChartCreationDto) for
// administrators; 404 ParentNotFound for an unknown song, 201 with the
// chart's ID.
func (c *call) postChart() {
	switch {
	case c.caller == nil:
		c.unauthorized()
		return
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	case !c.readForm():
		return
	}
	form := c.r.MultipartForm.Value
	value := func(name string) string {
		if v := form[name]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	optional := func(name string) *string {
		if v := form[name]; len(v) > 0 {
			return &v[0]
		}
		return nil
	}

	id := c.newID()
	ch := Chart{
		ID: id, Title: optional("Title"), Level: value("Level"), AuthorName: optional("AuthorName"),
		Illustrator: optional("Illustrator"), Description: optional("Description"), Format: FormatUnsupported,
		SongID: strings.ToLower(value("SongId")), OwnerID: c.caller.ID, Assets: []ChartAsset{},
	}
	var errs []fieldError
	bind := func(name string, required bool, parse func(string) error) {
		v := value(name)
		if v == "" {
			if required {
				errs = append(errs, fieldError{Field: name, Errors: []string{codeFieldEmpty}})
			}
			return
		}
		if parse(v) != nil {
			errs = append(errs, invalidValue(name, v))
		}
	}
	bind("LevelType", true, func(v string) (err error) { ch.LevelType, err = formEnum[ChartLevel](v); return })
	bind("Difficulty", true, func(v string) (err error) { ch.Difficulty, err = strconv.ParseFloat(v, 64); return })
	bind("Accessibility", true, func(v string) (err error) { ch.Accessibility, err = formEnum[Accessibility](v); return })
	bind("IsHidden", true, func(v string) (err error) { ch.IsHidden, err = strconv.ParseBool(v); return })
	bind("IsLocked", true, func(v string) (err error) { ch.IsLocked, err = strconv.ParseBool(v); return })
	bind("IsRanked", true, func(v string) (err error) { ch.IsRanked, err = strconv.ParseBool(v); return })
	bind("SongId", true, func(v string) error { return nil })
	if ch.LevelType < 0 || ch.LevelType > 4 {
		errs = append(errs, fieldError{Field: "LevelType", Errors: []string{codeValueOutOfRange}})
	}
	errs = append(errs, validateChart(&ch)...)
	errs = tooLong(errs, "Illustrator", ch.Illustrator, 200)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if c.d.Song(ch.SongID) == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}

	if f, present, ok := c.readChartFile("File", id); !ok {
		return
	} else if present {
		ch.File, ch.FileChecksum, ch.Format, ch.NoteCount = &f.url, &f.checksum, f.format, f.notes
	}
	url, present, ok := c.formFile("Illustration", id, "charts/illustrations", ".webp")
	if !ok {
		return
	}
	if present {
		ch.Illustration = &url
	}
	ch.Tags = c.tagsNamed(form["Tags"])
	now := c.now()
	ch.DateCreated, ch.DateFileUpdated, ch.DateUpdated = now, now, now
	c.d.Charts = append(c.d.Charts, ch)
	c.d.reindex()
	c.created(id)
}

// formEnum reads an enum of the form binder: its number.
func formEnum[E ~int](v string) (E, error) {
	n, err := strconv.Atoi(v)
	return E(n), err
}

// tagsNamed returns the tags of the names, creating the new ones as the
// upstream's CreateTagsAsync does.
func (c *call) tagsNamed(names []string) []Tag {
	tags := []Tag{}
	for _, name := range names {
		norm := normalize(name)
		i := slices.IndexFunc(c.d.Tags, func(t Tag) bool { return t.NormalizedName == norm })
		if i < 0 {
			c.d.Tags = append(c.d.Tags, Tag{ID: c.newID(), Name: name, NormalizedName: norm, DateCreated: c.now()})
			i = len(c.d.Tags) - 1
		}
		tags = append(tags, c.d.Tags[i])
	}
	return tags
}

// deleteChart is DELETE /charts/{id}: administrators; the chart's records,
// assets and admissions into collections go with it, as the upstream's
// database cascades. 204.
func (c *call) deleteChart() {
	chart := c.adminChart(codeResourceNotFound)
	if chart == nil {
		return
	}
	id := chart.ID
	c.d.Charts = slices.DeleteFunc(c.d.Charts, func(v Chart) bool { return v.ID == id })
	c.d.Records = slices.DeleteFunc(c.d.Records, func(v Record) bool { return v.ChartID == id })
	st, cat := c.studio(), &c.d.Areas.Catalog
	st.ChartAssets = slices.DeleteFunc(st.ChartAssets, func(v ChartAsset) bool { return v.ChartID == id })
	cat.CollectionAdmits = slices.DeleteFunc(cat.CollectionAdmits, func(v Admission) bool { return v.AdmitteeID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patchChartFile is PATCH /charts/{id}/file: administrators; the format,
// checksum and note count come from the file. A form without File changes
// nothing. 204.
func (c *call) patchChartFile() {
	chart := c.adminChart(codeResourceNotFound)
	if chart == nil || !c.readForm() {
		return
	}
	f, present, ok := c.readChartFile("File", chart.ID)
	switch {
	case !ok:
		return
	case present:
		chart.File, chart.FileChecksum, chart.Format, chart.NoteCount = &f.url, &f.checksum, f.format, f.notes
		chart.DateFileUpdated = c.now()
		chart.DateUpdated = chart.DateFileUpdated
	}
	c.empty(http.StatusNoContent)
}

// deleteChartFile is DELETE /charts/{id}/file: administrators; 204.
func (c *call) deleteChartFile() {
	if chart := c.adminChart(codeResourceNotFound); chart != nil {
		chart.File = nil
		chart.DateUpdated = c.now()
		c.empty(http.StatusNoContent)
	}
}

// deleteChartIllustration is DELETE /charts/{id}/illustration:
// administrators; 204.
func (c *call) deleteChartIllustration() {
	if chart := c.adminChart(codeResourceNotFound); chart != nil {
		chart.Illustration = nil
		chart.DateUpdated = c.now()
		c.empty(http.StatusNoContent)
	}
}

// chartAsset finds asset {assetId} of chart after adminChart: 404
// ResourceNotFound. The upstream looks the asset up by its ID alone.
func (c *call) chartAsset() *ChartAsset {
	st := c.studio()
	i := slices.IndexFunc(st.ChartAssets, func(a ChartAsset) bool { return a.ID == c.params["assetId"] })
	if i < 0 {
		c.notFound()
		return nil
	}
	return &st.ChartAssets[i]
}

// assetNameTaken reports whether another asset of the chart has the name.
func (c *call) assetNameTaken(chartID, assetID, name string) bool {
	return slices.ContainsFunc(c.studio().ChartAssets, func(a ChartAsset) bool {
		return a.ChartID == chartID && a.ID != assetID && a.Name == name
	})
}

// validateAsset applies ChartAssetCreationDto's and ChartAssetUpdateDto's
// rules.
func validateAsset(a *ChartAsset) []fieldError {
	var errs []fieldError
	if a.Type < 0 || a.Type > 5 {
		errs = append(errs, fieldError{Field: "Type", Errors: []string{codeValueOutOfRange}})
	}
	switch {
	case a.Name == "":
		errs = append(errs, fieldError{Field: "Name", Errors: []string{codeFieldEmpty}})
	case len([]rune(a.Name)) > 1000:
		errs = append(errs, fieldError{Field: "Name", Errors: []string{codeValueTooLong}})
	}
	return errs
}

// postChartAsset is POST /charts/{id}/assets: a multipart form
// (ChartAssetCreationDto) for administrators; 404 ParentNotFound for an
// unknown chart, 400 NameOccupied for a name the chart has; 201 with the
// asset's ID. The route carries no [Authorize]; without a token the
// upstream fails to find the caller, and the sandbox answers 401.
func (c *call) postChartAsset() {
	chart := c.adminChart(codeParentNotFound)
	if chart == nil || !c.readForm() {
		return
	}
	form := c.r.MultipartForm.Value
	owner := c.caller.ID
	a := ChartAsset{ID: c.newID(), OwnerID: &owner, ChartID: chart.ID}
	var errs []fieldError
	if v := form["Type"]; len(v) == 0 {
		errs = append(errs, fieldError{Field: "Type", Errors: []string{codeFieldEmpty}})
	} else if t, err := strconv.Atoi(v[0]); err != nil {
		errs = append(errs, invalidValue("Type", v[0]))
	} else {
		a.Type = t
	}
	if v := form["Name"]; len(v) > 0 {
		a.Name = v[0]
	}
	errs = append(errs, validateAsset(&a)...)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if c.assetNameTaken(chart.ID, "", a.Name) {
		c.fail(http.StatusBadRequest, codeNameOccupied)
		return
	}
	url, present, ok := c.formFile("File", a.ID, "charts/assets", "")
	switch {
	case !ok:
		return
	case !present:
		c.invalid([]fieldError{{Field: "File", Errors: []string{codeFieldEmpty}}})
		return
	}

	now := c.now()
	a.File, a.DateCreated, a.DateUpdated = url, now, now
	st := c.studio()
	st.ChartAssets = append(st.ChartAssets, a)
	chart.DateFileUpdated, chart.DateUpdated = now, now
	c.created(a.ID)
}

// patchChartAsset is PATCH /charts/{id}/assets/{assetId}: a JSON Patch over
// ChartAssetUpdateDto (type, name) for administrators; 204.
func (c *call) patchChartAsset() {
	chart := c.adminChart(codeParentNotFound)
	if chart == nil {
		return
	}
	a := c.chartAsset()
	if a == nil {
		return
	}
	next := *a
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/type":
			return patchField(op, &next.Type, false)
		case "/name":
			return patchField(op, &next.Name, false)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if errs := validateAsset(&next); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if next.Name != a.Name && c.assetNameTaken(chart.ID, a.ID, next.Name) {
		c.fail(http.StatusBadRequest, codeNameOccupied)
		return
	}

	next.DateUpdated = c.now()
	*a = next
	chart.DateUpdated = next.DateUpdated
	c.empty(http.StatusNoContent)
}

// patchChartAssetFile is PATCH /charts/{id}/assets/{assetId}/file:
// administrators; a form without File changes nothing. 204.
func (c *call) patchChartAssetFile() {
	chart := c.adminChart(codeParentNotFound)
	if chart == nil {
		return
	}
	a := c.chartAsset()
	if a == nil || !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", a.ID, "charts/assets", "")
	switch {
	case !ok:
		return
	case present:
		now := c.now()
		a.File, a.DateUpdated = url, now
		chart.DateFileUpdated, chart.DateUpdated = now, now
	}
	c.empty(http.StatusNoContent)
}

// deleteChartAsset is DELETE /charts/{id}/assets/{assetId}: administrators;
// 204.
func (c *call) deleteChartAsset() {
	chart := c.adminChart(codeParentNotFound)
	if chart == nil {
		return
	}
	a := c.chartAsset()
	if a == nil {
		return
	}
	id := a.ID
	st := c.studio()
	st.ChartAssets = slices.DeleteFunc(st.ChartAssets, func(v ChartAsset) bool { return v.ID == id })
	chart.DateUpdated = c.now()
	c.empty(http.StatusNoContent)
}

// admissionBody is AdmissionRequestDto.
type admissionBody struct {
	AdmitterID string  `json:"admitterId"`
	Label      *string `json:"label"`
}

// chartOwnerOr finds chart {id} for a write of its owner (members and
// above) or of role for anyone's: 401, 404, 403. It answers the failure
// itself when it returns nil.
func (c *call) chartOwnerOr(role UserRole) *Chart {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	chart := c.d.Chart(c.params["id"])
	switch {
	case chart == nil:
		c.notFound()
		return nil
	case chart.OwnerID == c.caller.ID && !c.hasRole(RoleMember), chart.OwnerID != c.caller.ID && !c.hasRole(role):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return chart
}

// postChartCollection is POST /charts/{id}/collections: asks collection
// admitterId to admit the chart. 404 ParentNotFound for an unknown
// collection, 400 AlreadyDone for a second request, 400 ParentIsPrivate
// for someone else's collection that refuses any; approved at once when
// the collection allows any or the caller owns it. 204.
func (c *call) postChartCollection() {
	chart := c.chartOwnerOr(RoleModerator)
	if chart == nil {
		return
	}
	var b admissionBody
	if !c.readJSON(&b) {
		return
	}
	if errs := tooLong(nil, "Label", b.Label, 100); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	co := c.d.Collection(strings.ToLower(b.AdmitterID))
	cat := &c.d.Areas.Catalog
	switch {
	case co == nil:
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	case findAdmission(cat.CollectionAdmits, co.ID, chart.ID) != nil:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	case co.OwnerID != c.caller.ID && co.Accessibility == RefuseAny:
		c.fail(http.StatusBadRequest, codeParentIsPrivate)
		return
	}

	status := RequestWaiting
	if co.Accessibility == AllowAny || co.OwnerID == c.caller.ID {
		status = RequestApproved
	}
	cat.CollectionAdmits = append(cat.CollectionAdmits, Admission{
		AdmitterID: co.ID, AdmitteeID: chart.ID, Status: status, Label: b.Label,
		RequesterID: c.caller.ID, RequesteeID: co.OwnerID, DateCreated: c.now(),
	})
	c.empty(http.StatusNoContent)
}

// deleteChartCollection is DELETE /charts/{id}/collections/{collectionId}:
// the chart's owner or administrators. 404 ParentNotFound for an unknown
// collection, 400 AlreadyDone when the chart is not in it, 400
// InvalidOperation while the admission is not approved. 204.
func (c *call) deleteChartCollection() {
	chart := c.chartOwnerOr(RoleAdministrator)
	if chart == nil {
		return
	}
	co := c.d.Collection(c.params["collectionId"])
	if co == nil {
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	}
	cat := &c.d.Areas.Catalog
	a := findAdmission(cat.CollectionAdmits, co.ID, chart.ID)
	switch {
	case a == nil:
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	case a.Status != RequestApproved:
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return
	}
	cat.CollectionAdmits = slices.DeleteFunc(cat.CollectionAdmits, func(v Admission) bool {
		return v.AdmitterID == co.ID && v.AdmitteeID == chart.ID
	})
	c.empty(http.StatusNoContent)
}

// postEventLink is POST /charts/{id}/event and POST /records/{id}/event:
// links the resource to a division (EventResourceRequestDto), 201 with no
// body; 404 for an unknown resource, 404 ParentNotFound for an unknown
// division; administrators and hosts with the right to create resources.
// A record is always an entry. The upstream's database refuses a second
// link (a 500 there); the sandbox answers 400 AlreadyDone.
func (c *call) postEventLink(exists, entry bool) {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var b struct {
		tagResourceBody
		Type EventResourceType `json:"type"`
	}
	if !c.readJSON(&b) {
		return
	}
	if !exists {
		c.notFound()
		return
	}
	v := c.d.Division(strings.ToLower(b.DivisionID))
	switch {
	case v == nil:
		c.fail(http.StatusNotFound, codeParentNotFound)
		return
	case !c.admin && !c.d.hosts(c.caller, v.EventID, permCreateResource):
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	id := c.params["id"]
	ev := &c.d.Areas.Events
	if slices.ContainsFunc(ev.Resources, func(r EventResource) bool { return r.DivisionID == v.ID && r.ResourceID == id }) {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	if entry {
		b.Type = ResourceEntry
	}

	now := c.now()
	ev.Resources = append(ev.Resources, EventResource{
		DivisionID: v.ID, ResourceID: id, Type: b.Type, Label: b.Label, Description: b.Description,
		IsAnonymous: b.IsAnonymous, TeamID: b.TeamID, DateCreated: now, DateUpdated: now,
	})
	c.d.reindex()
	c.empty(http.StatusCreated)
}
