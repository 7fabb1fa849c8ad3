package facade_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/phizone/graphql-facade/graph"
)

// Promises of a bound in a description: a length in characters ("at most
// 100 characters", "6 to 24 characters", "2 to 12 CJK characters"), or a
// range ("0 to 5", "from -3 to 3", "at least 0", "0 or more", "from 1",
// "at most 100").
var (
	lengthPromise = regexp.MustCompile(`\d[\d,]*\s+(?:\w+\s+)?(?:characters|letters)\b`)
	rangePromise  = regexp.MustCompile(`-?\d[\d,.]* to -?\d|at least -?\d|at most \d|\d[\d,]* or more|from -?\d`)
	descNumber    = regexp.MustCompile(`-?\d[\d,]*(?:\.\d+)?`)
)

// boundsExempt are inputs whose description states numbers that are not
// bounds of the value, or whose bound another check owns.
var boundsExempt = map[string]string{
	"CreateEventDivisionInput.reserved": "numbered from 1: the numbering, not a bound",
	"UpdateEventDivisionInput.reserved": "numbered from 1: the numbering, not a bound",
}

// Every argument and input field whose description promises a length or a
// range carries @length or @range, with the numbers the description
// states; and every @length or @range is documented so and sits on a type
// it can bound. first and last are bounded by package paging (at most
// 100, BAD_USER_INPUT naming them), so they are left out.
func TestInputBoundsMatchDescriptions(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()

	checked := 0
	check := func(where string, def *ast.FieldDefinition) {
		t.Helper()
		if _, ok := boundsExempt[where]; ok {
			return
		}
		desc := strings.Join(strings.Fields(def.Description), " ")
		length, rng := def.Directives.ForName("length"), def.Directives.ForName("range")
		base := def.Type
		for base.Elem != nil {
			base = base.Elem
		}
		numeric := base.NamedType == "Int" || base.NamedType == "Float"

		var want string
		switch {
		case lengthPromise.MatchString(desc):
			want = "length"
		case rangePromise.MatchString(desc) && numeric:
			want = "range"
		case rangePromise.MatchString(desc) && def.Type.Elem != nil:
			want = "length" // the number of items of a list
		case rangePromise.MatchString(desc):
			t.Errorf("%s promises a range (%q) but is neither a number nor a list", where, desc)
		}
		got := map[bool]string{true: "length", false: ""}[length != nil]
		if rng != nil {
			got += "range"
		}
		if got != want {
			t.Errorf("%s: description %q calls for @%s, the schema has @%s", where, desc, want, got)
			return
		}
		if want == "" {
			return
		}
		checked++

		d := length
		if d == nil {
			d = rng
		}
		switch {
		case length != nil && base.NamedType != "String" && def.Type.Elem == nil:
			t.Errorf("%s: @length on %s, which is neither a string nor a list", where, def.Type)
		case rng != nil && !numeric:
			t.Errorf("%s: @range on %s, which is not a number", where, def.Type)
		}
		stated := describedNumbers(desc)
		for _, arg := range d.Arguments {
			if !slices.Contains(stated, arg.Value.Raw) {
				t.Errorf("%s: @%s(%s: %s), but the description %q states %v",
					where, d.Name, arg.Name, arg.Value.Raw, desc, stated)
			}
		}
		if m := regexp.MustCompile(`at most (\d[\d,]*) characters`).FindStringSubmatch(desc); m != nil {
			if a := d.Arguments.ForName("max"); a == nil || a.Value.Raw != strings.ReplaceAll(m[1], ",", "") {
				t.Errorf("%s: %q, but @length has max %v", where, m[0], a)
			}
		}
	}

	for _, def := range schema.Types {
		if def.BuiltIn {
			continue
		}
		for _, f := range def.Fields {
			if def.Kind == ast.InputObject {
				check(def.Name+"."+f.Name, f)
				continue
			}
			for _, a := range f.Arguments {
				if a.Name == "first" || a.Name == "last" {
					continue
				}
				check(def.Name+"."+f.Name+"("+a.Name+")",
					&ast.FieldDefinition{Description: a.Description, Type: a.Type, Directives: a.Directives})
			}
		}
	}
	// 199 inputs when the directives came in; a count far below says
	// the walk lost its way.
	if checked < 150 {
		t.Errorf("%d bounded inputs checked, want at least 150", checked)
	}
}

// describedNumbers lists the numbers of a description as a directive
// writes them ("3,000" is "3000").
func describedNumbers(desc string) []string {
	var out []string
	for _, n := range descNumber.FindAllString(desc, -1) {
		n = strings.ReplaceAll(n, ",", "")
		if f, err := strconv.ParseFloat(n, 64); err == nil {
			out = append(out, strconv.FormatFloat(f, 'f', -1, 64))
		}
	}
	return out
}
