package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// The forms of chart submissions: ChartSubmissionCreationDto's fields,
// the users an author name credits, and the chart file, which the sandbox
// reads as far as telling its format and counting its notes.

// chartSubmissionMention matches the users PhiZone rich text credits, as the
// upstream's ResourceService.GetAuthorIds reads them.
var chartSubmissionMention = regexp.MustCompile(`\[PZUser:([0-9]+):`)

// chartSubmissionAuthors returns the users an author name credits, in order.
func chartSubmissionAuthors(authorName string) []int {
	var ids []int
	for _, m := range chartSubmissionMention.FindAllStringSubmatch(authorName, -1) {
		if id, err := strconv.Atoi(m[1]); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// chartSubmissionForm is ChartSubmissionCreationDto as read from a form.
type chartSubmissionForm struct {
	title, illustrator, description *string
	levelType                       ChartLevel
	level, authorName               string
	difficulty                      float64
	accessibility                   Accessibility
	isRanked                        bool
	tags                            []string
	songID, songSubmissionID        *string
}

// readChartSubmissionForm binds and validates the form's text fields,
// answering 400 with every field error itself when it returns false.
func (c *call) readChartSubmissionForm() (chartSubmissionForm, bool) {
	var f chartSubmissionForm
	var errs []fieldError
	add := func(field, code string) { errs = append(errs, fieldError{Field: field, Errors: []string{code}}) }
	values := c.r.MultipartForm.Value
	optional := func(name string, max int) *string {
		v, ok := values[name]
		if !ok || v[0] == "" {
			return nil
		}
		if len([]rune(v[0])) > max {
			add(name, codeValueTooLong)
		}
		return &v[0]
	}
	required := func(name string) (string, bool) {
		v, ok := values[name]
		if !ok || strings.TrimSpace(v[0]) == "" {
			add(name, codeFieldEmpty)
			return "", false
		}
		return v[0], true
	}
	number := func(name string, lo, hi int) int {
		s, ok := required(name)
		if !ok {
			return 0
		}
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			add(name, codeInvalidData)
		case n < lo || n > hi:
			add(name, codeValueOutOfRange)
		}
		return n
	}

	f.title = optional("Title", 100)
	f.illustrator = optional("Illustrator", 200)
	f.description = optional("Description", 2000)
	f.levelType = ChartLevel(number("LevelType", 0, 4))
	f.accessibility = Accessibility(number("Accessibility", 0, 2))
	if s, ok := required("Level"); ok {
		if f.level = s; len([]rune(s)) > 20 {
			add("Level", codeValueTooLong)
		}
	}
	if s, ok := required("AuthorName"); ok {
		if f.authorName = s; len([]rune(s)) > 800 {
			add("AuthorName", codeValueTooLong)
		}
	}
	if s, ok := required("Difficulty"); ok {
		d, err := strconv.ParseFloat(s, 64)
		if err != nil {
			add("Difficulty", codeInvalidData)
		}
		f.difficulty = d
	}
	if s, ok := required("IsRanked"); ok {
		b, err := strconv.ParseBool(s)
		if err != nil {
			add("IsRanked", codeInvalidData)
		}
		f.isRanked = b
	}
	f.tags = nonNil(values["Tags"])
	guid := func(name string) *string {
		v, ok := values[name]
		if !ok || v[0] == "" {
			return nil
		}
		id, ok := parseGUID(v[0])
		if !ok {
			add(name, codeInvalidData)
			return nil
		}
		return &id
	}
	f.songID, f.songSubmissionID = guid("SongId"), guid("SongSubmissionId")
	if len(errs) > 0 {
		c.invalid(errs)
		return f, false
	}
	return f, true
}

// readChartSubmissionFile receives the chart file of field and reads it
// as far as chartService.Upload would: an RPE JSON chart (an object with
// META and judgeLineList) or a PEC chart (a first line that is a number),
// counting its notes. It answers 400 UnsupportedChartFormat itself for
// anything else; present is false when the form has no such file.
func (c *call) readChartSubmissionFile(
	field, resource string,
) (address string, format ChartFormat, notes int, present, ok bool) {
	address, present, ok = c.formFile(field, resource, "charts", ".json")
	if !present || !ok {
		return "", 0, 0, present, ok
	}
	file, _, err := c.r.FormFile(field)
	if err != nil {
		return "", 0, 0, true, false
	}
	defer file.Close()
	raw, _ := io.ReadAll(io.LimitReader(file, maxUploadBytes))

	var rpe struct {
		Meta      *json.RawMessage `json:"META"`
		JudgeLine []struct {
			Notes []json.RawMessage `json:"notes"`
		} `json:"judgeLineList"`
	}
	if json.Unmarshal(raw, &rpe) == nil && rpe.Meta != nil {
		for _, l := range rpe.JudgeLine {
			notes += len(l.Notes)
		}
		return address, FormatRpeJSON, notes, true, true
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if _, err := strconv.Atoi(strings.TrimSpace(lines[0])); err == nil && len(raw) > 0 {
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "n") {
				notes++
			}
		}
		return address, FormatPec, notes, true, true
	}
	c.fail(http.StatusBadRequest, codeChartSubmissionFormat)
	return "", 0, 0, true, false
}
