package sandbox

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
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
// again (administrators for anyone's). This file registers every route of
// the area: assets are in writes_charts_assets.go, collections and event
// links in writes_charts_links.go, collections themselves in
// writes_charts_collections.go and play records in writes_charts_records.go.

// Response codes of this area's writes. Other areas may name the same
// words; these names carry the area's prefix so that none clash.
const (
	codeUnsupportedChartFormat = "UnsupportedChartFormat"
	codeNameOccupied           = "NameOccupied"
	codeChartsParentIsPrivate  = "ParentIsPrivate"
)

func init() {
	areaRoutes["writes-charts"] = func(s *Server) []route {
		return []route{
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
				c.postEventLink(idOf(c.d.Chart(c.params["id"]), func(v *Chart) string { return v.ID }), nil)
			}),
			newRoute(http.MethodPost, "/collections", (*call).postCollection),
			newRoute(http.MethodPatch, "/collections/{id:guid}", (*call).patchCollection),
			newRoute(http.MethodPatch, "/collections/{id:guid}/illustration", (*call).patchCollectionIllustration),
			newRoute(http.MethodDelete, "/collections/{id:guid}", (*call).deleteCollection),
			newRoute(http.MethodPost, "/records", func(c *call) { c.postRecord(false) }),
			newRoute(http.MethodPost, "/records/tapTap", func(c *call) { c.postRecord(true) }),
			newRoute(http.MethodDelete, "/records/{id:guid}", (*call).deleteRecord),
			newRoute(http.MethodPost, "/records/{id:guid}/event", func(c *call) {
				entry := ResourceEntry
				c.postEventLink(idOf(c.d.Record(c.params["id"]), func(v *Record) string { return v.ID }), &entry)
			}),
		}
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
		OwnerID: c.caller.ID, Assets: []ChartAsset{},
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
	bind("LevelType", true, func(v string) (err error) { ch.LevelType, err = parseFormEnum[ChartLevel](v); return })
	bind("Difficulty", true, func(v string) (err error) { ch.Difficulty, err = strconv.ParseFloat(v, 64); return })
	bind("Accessibility", true, func(v string) (err error) { ch.Accessibility, err = parseFormEnum[Accessibility](v); return })
	bind("IsHidden", true, func(v string) (err error) { ch.IsHidden, err = strconv.ParseBool(v); return })
	bind("IsLocked", true, func(v string) (err error) { ch.IsLocked, err = strconv.ParseBool(v); return })
	bind("IsRanked", true, func(v string) (err error) { ch.IsRanked, err = strconv.ParseBool(v); return })
	bind("SongId", true, func(v string) error {
		g, ok := parseGUID(v)
		if !ok {
			return errors.New("not a GUID")
		}
		ch.SongID = g
		return nil
	})
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

// parseFormEnum reads an enum of the form binder: its number.
func parseFormEnum[E ~int](v string) (E, error) {
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
