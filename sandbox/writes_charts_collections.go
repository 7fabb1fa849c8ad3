package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Writes of collections, administrators only (CollectionController). A
// removed collection's admissions go with it.

// validateCollection applies CollectionCreationDto's and
// CollectionUpdateDto's rules.
func validateCollection(v *Collection) []fieldError {
	var errs []fieldError
	required := func(field, s string, limit int) {
		switch {
		case s == "":
			errs = append(errs, fieldError{Field: field, Errors: []string{codeFieldEmpty}})
		case len([]rune(s)) > limit:
			errs = append(errs, fieldError{Field: field, Errors: []string{codeValueTooLong}})
		}
	}
	required("Title", v.Title, 100)
	required("Subtitle", v.Subtitle, 200)
	required("Illustrator", v.Illustrator, 200)
	errs = tooLong(errs, "Description", v.Description, 2000)
	if v.Accessibility < AllowAny || v.Accessibility > RefuseAny {
		errs = append(errs, fieldError{Field: "Accessibility", Errors: []string{codeValueOutOfRange}})
	}
	return errs
}

// postCollection is POST /collections: a multipart form
// (CollectionCreationDto, Illustration required) for administrators; 201
// with the collection's ID.
func (c *call) postCollection() {
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
	v := Collection{
		ID: c.newID(), Title: value("Title"), Subtitle: value("Subtitle"), Illustrator: value("Illustrator"),
		OwnerID: c.caller.ID,
	}
	if d := form["Description"]; len(d) > 0 {
		v.Description = &d[0]
	}
	var errs []fieldError
	for name, dst := range map[string]*bool{"IsHidden": &v.IsHidden, "IsLocked": &v.IsLocked} {
		if b, err := strconv.ParseBool(value(name)); err != nil {
			errs = append(errs, invalidValue(name, value(name)))
		} else {
			*dst = b
		}
	}
	if a, err := parseFormEnum[Accessibility](value("Accessibility")); err != nil {
		errs = append(errs, invalidValue("Accessibility", value("Accessibility")))
	} else {
		v.Accessibility = a
	}
	errs = append(errs, validateCollection(&v)...)
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b fieldError) int { return cmp.Compare(a.Field, b.Field) })
		c.invalid(errs)
		return
	}
	url, present, ok := c.formFile("Illustration", v.ID, "collections", ".webp")
	switch {
	case !ok:
		return
	case !present:
		c.invalid([]fieldError{{Field: "Illustration", Errors: []string{codeFieldEmpty}}})
		return
	}

	now := c.now()
	v.Illustration, v.DateCreated, v.DateUpdated = url, now, now
	cat := &c.d.Areas.Catalog
	cat.Collections = append(cat.Collections, v)
	c.d.reindex()
	c.created(v.ID)
}

// adminCollection finds collection {id} for an administrator's write: 401,
// 404, then 403. It answers the failure itself when it returns nil.
func (c *call) adminCollection() *Collection {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	v := c.d.Collection(c.params["id"])
	switch {
	case v == nil:
		c.notFound()
		return nil
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return v
}

// patchCollection is PATCH /collections/{id}: a JSON Patch over
// CollectionUpdateDto for administrators; 204.
func (c *call) patchCollection() {
	v := c.adminCollection()
	if v == nil {
		return
	}
	next := *v
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/title":
			return patchField(op, &next.Title, false)
		case "/subtitle":
			return patchField(op, &next.Subtitle, false)
		case "/illustrator":
			return patchField(op, &next.Illustrator, false)
		case "/description":
			return patchField(op, &next.Description, true)
		case "/accessibility":
			return patchField(op, &next.Accessibility, false)
		case "/ishidden":
			return patchField(op, &next.IsHidden, false)
		case "/islocked":
			return patchField(op, &next.IsLocked, false)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if errs := validateCollection(&next); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	next.DateUpdated = c.now()
	*v = next
	c.empty(http.StatusNoContent)
}

// patchCollectionIllustration is PATCH /collections/{id}/illustration:
// administrators; a form without File changes nothing. 204.
func (c *call) patchCollectionIllustration() {
	v := c.adminCollection()
	if v == nil || !c.readForm() {
		return
	}
	url, present, ok := c.formFile("File", v.ID, "collections", ".webp")
	switch {
	case !ok:
		return
	case present:
		v.Illustration, v.DateUpdated = url, c.now()
	}
	c.empty(http.StatusNoContent)
}

// deleteCollection is DELETE /collections/{id}: administrators; its
// admissions go with it. 204.
func (c *call) deleteCollection() {
	v := c.adminCollection()
	if v == nil {
		return
	}
	id := v.ID
	cat := &c.d.Areas.Catalog
	cat.Collections = slices.DeleteFunc(cat.Collections, func(v Collection) bool { return v.ID == id })
	cat.CollectionAdmits = slices.DeleteFunc(cat.CollectionAdmits, func(a Admission) bool { return a.AdmitterID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
