package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// Writes of tags and authorships, with the rules of TagController,
// AuthorshipController and the authorship routes of charts and songs.
// Their routes are registered in writes_people.go.

// tagBody is TagRequestDto.
type tagBody struct {
	Name        string  `json:"name"`
	Description *string `json:"description"`
}

func (b tagBody) validate() []fieldError {
	var errs []fieldError
	if strings.TrimSpace(b.Name) == "" {
		errs = append(errs, fieldError{Field: "Name", Errors: []string{codeFieldEmpty}})
	}
	errs = tooLong(errs, "Name", &b.Name, 20)
	return tooLong(errs, "Description", b.Description, 2000)
}

// postTag is POST /tags: administrators only, 201 with the tag's ID.
func (c *call) postTag() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	if !c.admin {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	var b tagBody
	if !c.readJSON(&b) {
		return
	}
	if errs := b.validate(); len(errs) > 0 {
		c.invalid(errs)
		return
	}

	id := c.newID()
	c.d.Tags = append(c.d.Tags, Tag{
		ID: id, Name: b.Name, NormalizedName: normalize(b.Name), Description: b.Description, DateCreated: c.now(),
	})
	c.d.reindex()
	c.created(id)
}

// writableTag finds tag {id} for a write: 401, 404, then 403 below role.
func (c *call) writableTag(role UserRole) *Tag {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	t := lookup(c.d.Tags, c.d.idx.tags, c.params["id"])
	switch {
	case t == nil:
		c.notFound()
		return nil
	case c.caller.Role < role:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return t
}

// patchTag is PATCH /tags/{id}: a JSON Patch over TagRequestDto for
// moderators and above, 204.
func (c *call) patchTag() {
	t := c.writableTag(RoleModerator)
	if t == nil {
		return
	}
	b := tagBody{t.Name, t.Description}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/name":
			return patchField(op, &b.Name, false)
		case "/description":
			return patchField(op, &b.Description, true)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if errs := b.validate(); len(errs) > 0 {
		c.invalid(errs)
		return
	}

	t.Name, t.NormalizedName, t.Description = b.Name, normalize(b.Name), b.Description
	c.empty(http.StatusNoContent)
}

// deleteTag is DELETE /tags/{id}: administrators only, 204.
func (c *call) deleteTag() {
	t := c.writableTag(RoleAdministrator)
	if t == nil {
		return
	}
	id := t.ID
	c.d.Tags = slices.DeleteFunc(c.d.Tags, func(v Tag) bool { return v.ID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// permCreateResource is the host permission to attach resources.
const permCreateResource uint32 = 1<<26 | 2<<28

// authorshipBody is AuthorshipRequestDto.
type authorshipBody struct {
	AuthorID int     `json:"authorId"`
	Position *string `json:"position"`
}

// postAuthorship is POST /charts/{id}/authorships and POST
// /songs/{id}/authorships: administrators only; 404 UserNotFound for an
// unknown author, 400 AlreadyDone when they are credited already; 201 with
// the authorship's ID.
func (c *call) postAuthorship(exists bool) {
	switch {
	case c.caller == nil:
		c.unauthorized()
		return
	case !exists:
		c.notFound()
		return
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	var b authorshipBody
	if !c.readJSON(&b) {
		return
	}
	if errs := tooLong(nil, "Position", b.Position, 100); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	resource := c.params["id"]
	switch {
	case c.d.User(b.AuthorID) == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	case slices.ContainsFunc(c.d.Authorships, func(a Authorship) bool {
		return a.ResourceID == resource && a.AuthorID == b.AuthorID
	}):
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}

	id := c.newID()
	c.d.Authorships = append(c.d.Authorships, Authorship{
		ID: id, ResourceID: resource, AuthorID: b.AuthorID, Position: b.Position, DateCreated: c.now(),
	})
	c.d.reindex()
	c.created(id)
}

// writableAuthorship finds authorship {id} for a write: 401, 404, then 403
// for anyone but administrators.
func (c *call) writableAuthorship() *Authorship {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	i, ok := c.d.idx.authorships[c.params["id"]]
	switch {
	case !ok:
		c.notFound()
		return nil
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return &c.d.Authorships[i]
}

// patchAuthorship is PATCH /authorships/{id}: a JSON Patch over
// AuthorshipRequestDto, 204; 404 UserNotFound for an unknown author.
func (c *call) patchAuthorship() {
	a := c.writableAuthorship()
	if a == nil {
		return
	}
	b := authorshipBody{a.AuthorID, a.Position}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/authorid":
			return patchField(op, &b.AuthorID, false)
		case "/position":
			return patchField(op, &b.Position, true)
		}
		return codeInvalidData
	})
	if !ok {
		return
	}
	if errs := tooLong(nil, "Position", b.Position, 100); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if c.d.User(b.AuthorID) == nil {
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	}

	a.AuthorID, a.Position = b.AuthorID, b.Position
	c.empty(http.StatusNoContent)
}

// deleteAuthorship is DELETE /authorships/{id}: 204.
func (c *call) deleteAuthorship() {
	a := c.writableAuthorship()
	if a == nil {
		return
	}
	id := a.ID
	c.d.Authorships = slices.DeleteFunc(c.d.Authorships, func(v Authorship) bool { return v.ID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
