package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Writes of chart assets, administrators only (ChartController).

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
