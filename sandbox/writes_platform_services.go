package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Writes of service scripts, with the rules of ServiceScriptController:
// administrators create, change and remove them; anyone signed in runs
// them. Their routes are in writes_platform.go.

// serviceScriptBody is ServiceScriptRequestDto.
type serviceScriptBody struct {
	Name        string            `json:"name"`
	TargetType  ServiceTargetType `json:"targetType"`
	Description *string           `json:"description"`
	Code        string            `json:"code"`
	Parameters  []string          `json:"parameters"`
	ResourceID  *string           `json:"resourceId"`
}

func (b *serviceScriptBody) validate() dtoChecks {
	var e dtoChecks
	e.text("Name", b.Name, true, 40)
	e.text("Code", b.Code, true, 50000)
	if b.Parameters == nil {
		e.add("Parameters", codeFieldEmpty)
	}
	return e
}

// postServiceScript is POST /services: administrators only.
func (c *call) postServiceScript() {
	if !c.hasCaller() {
		return
	}
	var b serviceScriptBody
	if !c.readJSON(&b) || !b.validate().answer(c) || !c.roleAtLeast(RoleAdministrator) {
		return
	}

	id, now := c.newID(), c.now()
	st := c.studio()
	st.ServiceScripts = append(st.ServiceScripts, ServiceScript{
		ID: id, Name: b.Name, TargetType: b.TargetType, Description: b.Description, Code: b.Code,
		Parameters: b.Parameters, ResourceID: b.ResourceID, DateCreated: now, DateUpdated: now,
	})
	c.d.reindex()
	c.created(id)
}

// serviceScript finds service script {id}: 401 then 404.
func (c *call) serviceScript() *ServiceScript {
	if !c.hasCaller() {
		return nil
	}
	st := c.studio()
	if i := slices.IndexFunc(st.ServiceScripts, func(s ServiceScript) bool { return s.ID == c.params["id"] }); i >= 0 {
		return &st.ServiceScripts[i]
	}
	c.notFound()
	return nil
}

// patchServiceScript is PATCH /services/{id}: a JSON Patch over
// ServiceScriptRequestDto for administrators, 204.
func (c *call) patchServiceScript() {
	s := c.serviceScript()
	if s == nil || !c.roleAtLeast(RoleAdministrator) {
		return
	}
	b := serviceScriptBody{s.Name, s.TargetType, s.Description, s.Code, s.Parameters, s.ResourceID}
	ok := c.applyPatch(func(op patchOp) string {
		switch strings.ToLower(op.Path) {
		case "/name":
			return patchField(op, &b.Name, false)
		case "/targettype":
			return patchField(op, &b.TargetType, false)
		case "/description":
			return patchField(op, &b.Description, true)
		case "/code":
			return patchField(op, &b.Code, false)
		case "/parameters":
			return patchField(op, &b.Parameters, false)
		case "/resourceid":
			return patchField(op, &b.ResourceID, true)
		}
		return codeInvalidData
	})
	if !ok || !b.validate().answer(c) {
		return
	}

	s.Name, s.TargetType, s.Description, s.Code = b.Name, b.TargetType, b.Description, b.Code
	s.Parameters, s.ResourceID, s.DateUpdated = b.Parameters, b.ResourceID, c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deleteServiceScript is DELETE /services/{id}: administrators, 204.
func (c *call) deleteServiceScript() {
	s := c.serviceScript()
	if s == nil || !c.roleAtLeast(RoleAdministrator) {
		return
	}
	st := c.studio()
	st.ServiceScripts = slices.DeleteFunc(st.ServiceScripts, func(v ServiceScript) bool {
		return v.ID == c.params["id"]
	})
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// serviceScriptResponse is ServiceResponseDto.
type serviceScriptResponse struct {
	Type        int     `json:"type"`
	RedirectURI *string `json:"redirectUri"`
	Message     *string `json:"message"`
}

// Service response types the sandbox answers with.
const (
	serviceScriptSuccess = 1
	serviceScriptFailed  = 4
)

// postServiceScriptUse is POST /services/{id}/use (ServiceScriptUsageDto),
// open to any signed-in caller. The sandbox compiles no C#: a run reads
// the script's declared parameters, so one left out fails the way the
// script would (Failed, with .NET's KeyNotFoundException message), and
// otherwise it succeeds, saying which script ran with how many parameters.
func (c *call) postServiceScriptUse() {
	s := c.serviceScript()
	if s == nil {
		return
	}
	var b struct {
		Parameters map[string]string `json:"parameters"`
	}
	if !c.readJSON(&b) {
		return
	}
	if b.Parameters == nil {
		c.invalid([]fieldError{{Field: "Parameters", Errors: []string{codeFieldEmpty}}})
		return
	}

	ran := fmt.Sprintf("%s ran with %d parameters.", s.Name, len(b.Parameters))
	out := serviceScriptResponse{Type: serviceScriptSuccess, Message: &ran}
	for _, name := range s.Parameters {
		if _, ok := b.Parameters[name]; !ok {
			out = serviceScriptResponse{Type: serviceScriptFailed,
				Message: ptr(fmt.Sprintf("The given key '%s' was not present in the dictionary.", name))}
			break
		}
	}
	c.plain(out)
}
