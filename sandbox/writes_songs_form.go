package sandbox

import (
	"strconv"
	"strings"
)

// The text fields of the song area's [FromForm] DTOs (SongCreationDto,
// ChapterCreationDto), read as ASP.NET binds them: names ignore case, a
// value that does not parse is InvalidData, a required string that is
// missing or empty is FieldEmpty, and a value type left out keeps its zero.

// songForm reads the fields of one multipart form, gathering the errors.
type songForm struct {
	c    *call
	errs []fieldError
}

// add records an error code for field.
func (f *songForm) add(field, code string) {
	f.errs = append(f.errs, fieldError{Field: field, Errors: []string{code}})
}

// values returns the values of field, whatever its case.
func (f *songForm) values(field string) []string {
	for name, vs := range f.c.r.MultipartForm.Value {
		if strings.EqualFold(name, field) {
			return vs
		}
	}
	return nil
}

// raw returns the first value of field and whether there is one.
func (f *songForm) raw(field string) (string, bool) {
	vs := f.values(field)
	if len(vs) == 0 {
		return "", false
	}
	return vs[0], true
}

// text reads a string of at most limit characters; a required one must
// be there and not blank.
func (f *songForm) text(field string, required bool, limit int) *string {
	v, ok := f.raw(field)
	switch {
	case (!ok || strings.TrimSpace(v) == "") && required:
		f.add(field, codeFieldEmpty)
		return nil
	case !ok || v == "":
		return nil
	case len([]rune(v)) > limit:
		f.add(field, codeValueTooLong)
	}
	return &v
}

// boolean reads a bool ("true" or "false", any case).
func (f *songForm) boolean(field string) bool {
	v, ok := f.raw(field)
	if !ok {
		return false
	}
	b, err := strconv.ParseBool(strings.ToLower(strings.TrimSpace(v)))
	if err != nil {
		f.add(field, codeInvalidData)
	}
	return b
}

// number reads a double that must be at least floor.
func (f *songForm) number(field string, floor float64) float64 {
	v, ok := f.raw(field)
	if !ok {
		return 0
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	switch {
	case err != nil:
		f.add(field, codeInvalidData)
	case n < floor:
		f.add(field, codeValueOutOfRange)
	}
	return n
}

// integer reads an int.
func (f *songForm) integer(field string) int {
	v, ok := f.raw(field)
	if !ok {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 32)
	if err != nil {
		f.add(field, codeInvalidData)
	}
	return int(n)
}

// enum reads an enum value given as its integer, from 0 to last.
func (f *songForm) enum(field string, last int) int {
	n := f.integer(field)
	if n < 0 || n > last {
		f.add(field, codeValueOutOfRange)
	}
	return n
}

// span reads a TimeSpan.
func (f *songForm) span(field string) TimeSpan {
	v, ok := f.raw(field)
	if !ok {
		return 0
	}
	t, err := parseTimeSpan(v)
	if err != nil {
		f.add(field, codeInvalidData)
	}
	return t
}

// file checks that the form carries a file as field.
func (f *songForm) file(field string) {
	for name, files := range f.c.r.MultipartForm.File {
		if strings.EqualFold(name, field) && len(files) > 0 {
			return
		}
	}
	f.add(field, codeFieldEmpty)
}
