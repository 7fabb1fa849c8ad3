package sandbox

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// call is one request being answered.
type call struct {
	s             *Server
	d             *Data
	w             http.ResponseWriter
	r             *http.Request
	q             query
	params        map[string]string
	route         string // the matched route's name, such as "/charts/{id}"
	caller        *User
	authenticated bool
	admin         bool
}

// envelope is ResponseDto<T>, the upstream's answer wrapper.
type envelope struct {
	Status        ResponseStatus `json:"status"`
	Code          string         `json:"code"`
	Message       *string        `json:"message"`
	Errors        []fieldError   `json:"errors"`
	DateAvailable *time.Time     `json:"dateAvailable"`
	Total         *int           `json:"total"`
	PerPage       *int           `json:"perPage"`
	HasPrevious   *bool          `json:"hasPrevious"`
	HasNext       *bool          `json:"hasNext"`
	Data          any            `json:"data"`
}

// Response codes of the envelope used by the sandbox.
const (
	codeOk                     = "Ok"
	codeInvalidData            = "InvalidData"
	codeResourceNotFound       = "ResourceNotFound"
	codeUserNotFound           = "UserNotFound"
	codeLocked                 = "Locked"
	codeInsufficientPermission = "InsufficientPermission"
	codeValueOutOfRange        = "ValueOutOfRange"
	codeValueTooLong           = "ValueTooLong"
)

func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("sandbox: cannot encode answer: " + err.Error())
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func (c *call) writeJSON(status int, v any) {
	body := marshal(v)
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	c.w.WriteHeader(status)
	_, _ = c.w.Write(body)
}

// empty answers a status with no body.
func (c *call) empty(status int) {
	c.w.Header().Set("Content-Length", "0")
	c.w.WriteHeader(status)
}

// one answers a single resource. Like the upstream's ETagFilter it tags the
// answer with a hash of its serialized form and answers 304 with no body
// when If-None-Match carries that tag.
func (c *call) one(data any) {
	body := marshal(envelope{Status: StatusOk, Code: codeOk, Data: data})
	sum := sha256.Sum256(body)
	tag := base64.StdEncoding.EncodeToString(sum[:])
	c.w.Header().Set("ETag", tag)
	if c.r.Header.Get("If-None-Match") == tag {
		c.empty(http.StatusNotModified)
		return
	}
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(body)
}

// many answers a page of a list with its paging fields.
func (c *call) many(data any, total int, p listParams) {
	position := p.perPage * (p.page - 1)
	c.writeJSON(http.StatusOK, envelope{
		Status: StatusOk, Code: codeOk, Data: data,
		Total: &total, PerPage: &p.perPage,
		HasPrevious: ptr(position > 0), HasNext: ptr(p.perPage*p.page < total),
	})
}

// plain answers a list without paging fields (the leaderboard).
func (c *call) plain(data any) {
	c.writeJSON(http.StatusOK, envelope{Status: StatusOk, Code: codeOk, Data: data})
}

func (c *call) fail(status int, code string) {
	c.writeJSON(status, envelope{Status: StatusErrorBrief, Code: code})
}

func (c *call) notFound() { c.fail(http.StatusNotFound, codeResourceNotFound) }

func (c *call) invalid(errs []fieldError) {
	c.writeJSON(http.StatusBadRequest, envelope{
		Status: StatusErrorDetailed, Code: codeInvalidData, Errors: errs,
	})
}

// listParams is the upstream's ArrayRequestDto after its defaults.
type listParams struct {
	page, perPage int
	order         []string
	desc          []bool
	search        string
}

// Page sizes of the upstream's DataSettings.
const (
	defaultPerPage = 30
	maxPerPage     = 1000
)

// bindList binds Page, PerPage, Order, Desc and Search as the upstream's
// list actions do: PerPage 0 means 30, anything outside 1..999 means 1000,
// and a Page below 1 means 1.
func (c *call) bindList() (listParams, []fieldError) {
	var errs []fieldError
	p := listParams{page: 1}
	readInt := func(name string, into *int) {
		raw := c.q[lower(name)]
		if len(raw) == 0 {
			return
		}
		n, err := strconv.ParseInt(trim(raw[0]), 10, 32)
		if err != nil {
			errs = append(errs, invalidValue(name, raw[0]))
			return
		}
		*into = int(n)
	}
	readInt("Page", &p.page)
	readInt("PerPage", &p.perPage)
	for _, v := range c.q["desc"] {
		b, ok := parseScalar(boolType, v)
		if !ok {
			errs = append(errs, invalidValue("Desc", v))
			break
		}
		p.desc = append(p.desc, b.Bool())
	}
	p.order = c.q["order"]
	if s := c.q.values("search"); len(s) > 0 {
		p.search = s[0]
		if len([]rune(p.search)) > 30000 {
			errs = append(errs, fieldError{Field: "Search", Errors: []string{codeValueTooLong}})
		}
	}

	switch {
	case p.perPage > 0 && p.perPage < maxPerPage:
	case p.perPage == 0:
		p.perPage = defaultPerPage
	default:
		p.perPage = maxPerPage
	}
	p.page = max(p.page, 1)
	return p, errs
}
