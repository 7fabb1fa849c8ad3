package upstream

import (
	"encoding/json"
	"time"
)

// Envelope is the JSON object that wraps every upstream answer except those
// of /auth/token. Nullable upstream fields are pointers; a nil pointer means
// the upstream wrote null or left the field out.
type Envelope struct {
	// Status says whether the call succeeded and which error fields apply.
	Status ResponseStatus `json:"status"`
	// Code is a word such as "Ok", "InvalidData" or "ResourceNotFound".
	// The upstream always writes it; an empty Code marks a body that is not
	// an envelope.
	Code string `json:"code"`
	// Message is a human-readable detail of [ErrorWithMessage] and [Failed].
	Message *string `json:"message"`
	// Errors lists the per-field failures of [ErrorDetailed].
	Errors []FieldError `json:"errors"`
	// DateAvailable is when an [ErrorTemporarilyUnavailable] condition ends.
	DateAvailable *time.Time `json:"dateAvailable"`
	// Total is the number of items matching a list request, across pages.
	Total *int `json:"total"`
	// PerPage is the page size the upstream applied to a list request.
	PerPage *int `json:"perPage"`
	// HasPrevious tells whether a list has a page before this one.
	HasPrevious *bool `json:"hasPrevious"`
	// HasNext tells whether a list has a page after this one.
	HasNext *bool `json:"hasNext"`
	// Data is the answer itself, left undecoded.
	Data json.RawMessage `json:"data"`
}

// page returns the list information of env; zero fields for single answers.
func (env *Envelope) page() Page {
	var p Page
	if env.Total != nil {
		p.Total = *env.Total
	}
	if env.PerPage != nil {
		p.PerPage = *env.PerPage
	}
	if env.HasPrevious != nil {
		p.HasPrevious = *env.HasPrevious
	}
	if env.HasNext != nil {
		p.HasNext = *env.HasNext
	}
	return p
}

// hasData reports whether env carries a non-null data value.
func (env *Envelope) hasData() bool {
	return len(env.Data) > 0 && string(env.Data) != "null"
}

// Page is the paging information of a list answer. It is zero for answers
// that are not lists.
type Page struct {
	// Total is the number of items across all pages.
	Total int
	// PerPage is the page size the upstream applied, after its own rules
	// (see [ListOptions]).
	PerPage int
	// HasPrevious tells whether a page precedes this one.
	HasPrevious bool
	// HasNext tells whether a page follows this one.
	HasNext bool
}
