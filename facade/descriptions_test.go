package facade_test

import (
	"sort"
	"strings"
	"testing"
)

// Every type, field, argument, enum value, input field and directive
// argument of the schema the facade serves (schema.graphqls and
// schema/*.graphqls, as loaded) has a description. Introspection's own
// types are the GraphQL specification's.
func TestSchemaDescriptions(t *testing.T) {
	e := newEnv(t)
	type named struct{ Name, Description string }
	type field struct {
		named
		Args []named
	}
	var got struct {
		Schema struct {
			Types []struct {
				named
				Fields      []field
				InputFields []named
				EnumValues  []named
			}
			Directives []field
		} `json:"__schema"`
	}
	e.mustQuery(`{ __schema {
  types {
    name description
    fields(includeDeprecated: true) { name description args { name description } }
    inputFields { name description }
    enumValues(includeDeprecated: true) { name description }
  }
  directives { name description args { name description } }
} }`, nil, &got)

	var missing []string
	check := func(what string, n named) {
		if strings.TrimSpace(n.Description) == "" {
			missing = append(missing, what)
		}
	}
	for _, ty := range got.Schema.Types {
		if strings.HasPrefix(ty.Name, "__") {
			continue
		}
		check(ty.Name, ty.named)
		for _, f := range ty.Fields {
			check(ty.Name+"."+f.Name, f.named)
			for _, a := range f.Args {
				check(ty.Name+"."+f.Name+"("+a.Name+")", a)
			}
		}
		for _, f := range ty.InputFields {
			check(ty.Name+"."+f.Name, f)
		}
		for _, v := range ty.EnumValues {
			check(ty.Name+"."+v.Name, v)
		}
	}
	for _, d := range got.Schema.Directives {
		check("@"+d.Name, d.named)
		for _, a := range d.Args {
			check("@"+d.Name+"("+a.Name+")", a)
		}
	}

	if len(got.Schema.Types) < 50 {
		t.Fatalf("introspection found %d types", len(got.Schema.Types))
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Errorf("%d definitions have no description:\n  %s", len(missing), strings.Join(missing, "\n  "))
	}
}
