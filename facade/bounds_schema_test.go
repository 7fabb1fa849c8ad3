package facade_test

import (
	"maps"
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
// "at most 100"). On a list, "each at most 20 characters" bounds each
// string (@eachLength) and "at most 100 values" (or items, tags, assets)
// the number of items (@length).
var (
	lengthPromise = regexp.MustCompile(`\d[\d,]*\s+(?:\w+\s+)?(?:characters|letters)\b`)
	rangePromise  = regexp.MustCompile(`-?\d[\d,.]* to -?\d|at least -?\d|at most \d|\d[\d,]* or more|from -?\d`)
	eachPromise   = regexp.MustCompile(`each (?:at most |at least |from )?\d[\d,]*(?: to \d[\d,]*)?\s+` +
		`(?:\w+\s+)?(?:characters|letters)\b`)
	countPromise = regexp.MustCompile(`(?:at most |at least |from )?\d[\d,]*(?: to \d[\d,]*)? ` +
		`(?:values|items|tags|assets)\b`)
	maxCharacters = regexp.MustCompile(`at most (\d[\d,]*) characters`)
	descNumber    = regexp.MustCompile(`-?\d[\d,]*(?:\.\d+)?`)
)

// boundsExempt are inputs whose description states numbers that are not
// bounds of the value, or whose bound another check owns.
var boundsExempt = map[string]string{
	"CreateEventDivisionInput.reserved": "numbered from 1: the numbering, not a bound",
	"UpdateEventDivisionInput.reserved": "numbered from 1: the numbering, not a bound",
}

// Every argument and input field whose description promises a length or a
// range carries @length, @eachLength or @range, with the numbers the
// description states; and every one of them is documented so and sits on
// a type it can bound. first and last are bounded by package paging (at
// most 100, BAD_USER_INPUT naming them), so they are left out.
func TestInputBoundsMatchDescriptions(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()

	checked := 0
	check := func(where string, def *ast.FieldDefinition) {
		t.Helper()
		if _, ok := boundsExempt[where]; ok {
			return
		}
		desc := strings.Join(strings.Fields(def.Description), " ")
		base := def.Type
		for base.Elem != nil {
			base = base.Elem
		}
		numeric := base.NamedType == "Int" || base.NamedType == "Float"
		list := def.Type.Elem != nil

		// want maps each directive the description calls for to the words
		// that call for it.
		want := map[string]string{}
		rest := desc
		if list {
			if each := eachPromise.FindString(rest); each != "" {
				want["eachLength"] = each
				rest = strings.Replace(rest, each, "", 1)
			}
			if count := countPromise.FindString(rest); count != "" {
				want["length"] = count
				rest = strings.Replace(rest, count, "", 1)
			}
		}
		var more string
		switch {
		case lengthPromise.MatchString(rest) && list:
			t.Errorf("%s: a list promises characters (%q); say \"each\" and use @eachLength", where, desc)
		case lengthPromise.MatchString(rest):
			more = "length"
		case rangePromise.MatchString(rest) && numeric:
			more = "range"
		case rangePromise.MatchString(rest) && list:
			more = "length" // the number of items of a list
		case rangePromise.MatchString(rest):
			t.Errorf("%s promises a range (%q) but is neither a number nor a list", where, desc)
		}
		if more != "" {
			if _, twice := want[more]; twice {
				t.Errorf("%s: description %q promises @%s twice", where, desc, more)
			}
			want[more] = rest
		}

		for _, name := range []string{"length", "eachLength", "range"} {
			d := def.Directives.ForName(name)
			words, wanted := want[name]
			if (d != nil) != wanted {
				t.Errorf("%s: description %q calls for %v, the schema has @%s: %v",
					where, desc, slices.Sorted(maps.Keys(want)), name, d != nil)
				continue
			}
			if d == nil {
				continue
			}

			switch {
			case name == "length" && base.NamedType != "String" && !list:
				t.Errorf("%s: @length on %s, which is neither a string nor a list", where, def.Type)
			case name == "eachLength" && (base.NamedType != "String" || def.Type.Elem.Elem != nil):
				t.Errorf("%s: @eachLength on %s, which is not a list of strings", where, def.Type)
			case name == "range" && !numeric:
				t.Errorf("%s: @range on %s, which is not a number", where, def.Type)
			}
			stated := describedNumbers(words)
			for _, arg := range d.Arguments {
				if !slices.Contains(stated, arg.Value.Raw) {
					t.Errorf("%s: @%s(%s: %s), but the description %q states %v",
						where, d.Name, arg.Name, arg.Value.Raw, desc, stated)
				}
			}
			if m := maxCharacters.FindStringSubmatch(words); m != nil {
				if a := d.Arguments.ForName("max"); a == nil || a.Value.Raw != strings.ReplaceAll(m[1], ",", "") {
					t.Errorf("%s: %q, but @%s has max %v", where, m[0], name, a)
				}
			}
		}
		if len(want) > 0 {
			checked++
		}
	}

	for _, def := range schema.Types {
		if def.BuiltIn {
			continue
		}
		for _, f := range def.Fields {
			if def.Kind == ast.InputObject {
				check(def.Name+"."+f.Name, f)
				// The upstream drops a query string of too many values
				// whole, and the filter with it.
				bounded := f.Directives.ForName("length") != nil
				if strings.HasPrefix(f.Name, "range") && f.Type.Elem != nil && !bounded {
					t.Errorf("%s.%s: a filter list without @length", def.Name, f.Name)
				}
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
