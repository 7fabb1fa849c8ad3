package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// patchOp is one operation of a JSON Patch document (RFC 6902).
type patchOp struct {
	Op    string          `json:"op"`
	Path  string          `json:"path"`
	Value json.RawMessage `json:"value"`
}

// patchChart is PATCH /charts/{id}: a JSON Patch over ChartUpdateDto,
// for administrators only, answered 204.
func (c *call) patchChart() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	chart := c.d.Chart(c.params["id"])
	if chart == nil {
		c.notFound()
		return
	}
	if !c.admin {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	var ops []patchOp
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(&ops); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return
	}
	next := *chart
	var errs []fieldError
	for _, op := range ops {
		if err := applyChartOp(&next, op); err != "" {
			errs = append(errs, fieldError{Field: fieldName(op.Path), Errors: []string{err}})
		}
	}
	errs = append(errs, validateChart(&next)...)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}

	next.DateUpdated = c.now()
	*chart = next
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// fieldName turns a patch path ("/levelType") into the DTO's field name.
func fieldName(path string) string {
	name := strings.TrimPrefix(path, "/")
	if name == "" {
		return path
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// applyChartOp applies one operation to a chart, returning an error code.
func applyChartOp(ch *Chart, op patchOp) string {
	if op.Op != "replace" && op.Op != "add" && op.Op != "remove" {
		return codeInvalidOperation
	}
	set := func(dst any) string {
		if op.Op == "remove" {
			return codeInvalidOperation
		}
		if json.Unmarshal(op.Value, dst) != nil {
			return codeInvalidData
		}
		return ""
	}
	setOptional := func(dst **string) string {
		if op.Op == "remove" || string(op.Value) == "null" {
			*dst = nil
			return ""
		}
		return set(dst)
	}

	switch strings.ToLower(op.Path) {
	case "/title":
		return setOptional(&ch.Title)
	case "/leveltype":
		return set(&ch.LevelType)
	case "/level":
		return set(&ch.Level)
	case "/difficulty":
		return set(&ch.Difficulty)
	case "/format":
		return set(&ch.Format)
	case "/filechecksum":
		return setOptional(&ch.FileChecksum)
	case "/authorname":
		return setOptional(&ch.AuthorName)
	case "/illustrator":
		return setOptional(&ch.Illustrator)
	case "/description":
		return setOptional(&ch.Description)
	case "/accessibility":
		return set(&ch.Accessibility)
	case "/ishidden":
		return set(&ch.IsHidden)
	case "/islocked":
		return set(&ch.IsLocked)
	case "/isranked":
		return set(&ch.IsRanked)
	default:
		return codeInvalidData
	}
}

// validateChart applies ChartUpdateDto's rules.
func validateChart(ch *Chart) []fieldError {
	var errs []fieldError
	add := func(field, code string) { errs = append(errs, fieldError{Field: field, Errors: []string{code}}) }
	if ch.Title != nil && len([]rune(*ch.Title)) > 100 {
		add("Title", codeValueTooLong)
	}
	if ch.Level == "" {
		add("Level", codeFieldEmpty)
	} else if len([]rune(ch.Level)) > 20 {
		add("Level", codeValueTooLong)
	}
	if ch.AuthorName == nil || *ch.AuthorName == "" {
		add("AuthorName", codeFieldEmpty)
	} else if len([]rune(*ch.AuthorName)) > 800 {
		add("AuthorName", codeValueTooLong)
	}
	if ch.Description != nil && len([]rune(*ch.Description)) > 2000 {
		add("Description", codeValueTooLong)
	}
	if ch.Accessibility < 0 || ch.Accessibility > 2 {
		add("Accessibility", codeValueOutOfRange)
	}
	if ch.Difficulty < 0 || ch.Difficulty > 100 {
		add("Difficulty", codeValueOutOfRange)
	}
	return errs
}

// patchChartIllustration is PATCH /charts/{id}/illustration: a multipart
// form with the picture as File; the chart's owner or an administrator.
func (c *call) patchChartIllustration() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	chart := c.d.Chart(c.params["id"])
	if chart == nil {
		c.notFound()
		return
	}
	if !c.admin && chart.OwnerID != c.caller.ID {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}

	if !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", chart.ID, "charts/illustrations", ".webp")
	switch {
	case !ok:
		return
	case !present:
		c.invalid([]fieldError{{Field: "File", Errors: []string{codeFieldEmpty}}})
		return
	}

	chart.Illustration = &url
	chart.DateUpdated = c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
