package upstream_test

import (
	"net/netip"
	"net/url"
	"reflect"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

// level is a stand-in for an integer enum.
type level int

// code is an array with its own text form, like a UUID.
type code [3]byte

// MarshalText implements encoding.TextMarshaler.
func (c code) MarshalText() ([]byte, error) { return c[:], nil }

// filter is a stand-in for a per-resource filter struct.
type filter struct {
	RangeID     []string   `query:"RangeId"`
	RangeLevel  []level    `query:"RangeLevelType"`
	MinRating   *float64   `query:"MinRating"`
	IsRanked    *bool      `query:"IsRanked"`
	IsHidden    *bool      `query:"IsHidden,omitempty"`
	Earliest    *time.Time `query:"EarliestDateCreated"`
	EqualsTitle string     `query:"EqualsTitle,omitempty"`
}

// extra is embedded by pointer to test that path.
type extra struct {
	ContainsName string `query:"ContainsName,omitempty"`
}

// options is a stand-in for a list route's options struct.
type options struct {
	upstream.ListOptions
	filter
	*extra
	Duration    upstream.TimeSpan   `query:"MinDuration,omitempty"`
	Durations   []upstream.TimeSpan `query:"RangeDuration"`
	Addr        netip.Addr          `query:"Addr,omitempty"`
	Code        code                `query:"Code,omitempty"`
	Pair        [2]int              `query:"Pair"`
	Plain       int                 `query:"Plain"`
	Flag        bool                `query:"Flag"`
	Ratio       float32             `query:"Ratio,omitempty"`
	Big         float64             `query:"Big,omitempty"`
	Unsigned    uint8               `query:",omitempty"`
	Skipped     string              `query:"-"`
	Untagged    string
	unexported  string             `query:"unexported"`
	PtrDuration *upstream.TimeSpan `query:"PtrDuration"`
}

func TestEncodeQuery(t *testing.T) {
	ptr := func(v float64) *float64 { return &v }
	no := false
	when := time.Date(2024, 5, 6, 7, 8, 9, 500_000_000, time.FixedZone("", 8*3600))
	span := upstream.TimeSpan(151500 * time.Millisecond)

	tests := []struct {
		name string
		in   any
		want url.Values
	}{
		{name: "nil", in: nil, want: url.Values{}},
		{name: "nil pointer", in: (*options)(nil), want: url.Values{}},
		{name: "zero list options", in: upstream.ListOptions{}, want: url.Values{}},
		{
			name: "list options",
			in: &upstream.ListOptions{Page: 3, PerPage: -1, Order: []string{"a", "b"},
				Desc: []bool{false, true}, Search: "a&b#c/../d"},
			want: url.Values{"Page": {"3"}, "PerPage": {"-1"}, "Order": {"a", "b"},
				"Desc": {"false", "true"}, "Search": {"a&b#c/../d"}},
		},
		{
			name: "zero options keep non-omitempty scalars",
			in:   options{},
			want: url.Values{"Plain": {"0"}, "Flag": {"false"}, "Pair": {"0", "0"}},
		},
		{
			name: "everything",
			in: options{
				ListOptions: upstream.ListOptions{Page: 1, Order: []string{}},
				filter: filter{
					RangeID:    []string{"x", "y"},
					RangeLevel: []level{2, 4},
					MinRating:  ptr(4.25),
					IsRanked:   &no,
					IsHidden:   &no,
					Earliest:   &when,
				},
				extra:       &extra{ContainsName: "名字"},
				Duration:    span,
				Durations:   []upstream.TimeSpan{span, -span},
				Addr:        netip.MustParseAddr("127.0.0.1"),
				Code:        code{'a', 'b', 'c'},
				Pair:        [2]int{1, 2},
				Plain:       -7,
				Flag:        true,
				Ratio:       0.1,
				Big:         1e21,
				Unsigned:    200,
				Skipped:     "no",
				Untagged:    "no",
				unexported:  "no",
				PtrDuration: &span,
			},
			want: url.Values{
				"Page":                {"1"},
				"RangeId":             {"x", "y"},
				"RangeLevelType":      {"2", "4"},
				"MinRating":           {"4.25"},
				"IsRanked":            {"false"},
				"IsHidden":            {"false"},
				"EarliestDateCreated": {"2024-05-06T07:08:09.5+08:00"},
				"ContainsName":        {"名字"},
				"MinDuration":         {"00:02:31.5000000"},
				"RangeDuration":       {"00:02:31.5000000", "-00:02:31.5000000"},
				"Addr":                {"127.0.0.1"},
				"Code":                {"abc"},
				"Pair":                {"1", "2"},
				"Plain":               {"-7"},
				"Flag":                {"true"},
				"Ratio":               {"0.1"},
				"Big":                 {"1000000000000000000000"},
				"Unsigned":            {"200"},
				"PtrDuration":         {"00:02:31.5000000"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := upstream.EncodeQuery(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("EncodeQuery =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func TestEncodeQuerySearchStaysOneParameter(t *testing.T) {
	search := "a&b#c/../d=e+f %"
	raw := upstream.EncodeQuery(upstream.ListOptions{Search: search}).Encode()

	parsed, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatalf("ParseQuery(%q): %v", raw, err)
	}
	if len(parsed) != 1 || len(parsed["Search"]) != 1 || parsed.Get("Search") != search {
		t.Errorf("%q parses to %v, want one Search=%q", raw, parsed, search)
	}
}

func TestEncodeQueryPanics(t *testing.T) {
	tests := []struct {
		name string
		in   any
	}{
		{"not a struct", 42},
		{"map field", struct {
			M map[string]int `query:"M"`
		}{M: map[string]int{"a": 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("EncodeQuery did not panic")
				}
			}()
			upstream.EncodeQuery(tt.in)
		})
	}
}

func TestEffectivePerPage(t *testing.T) {
	tests := []struct{ perPage, want int }{
		{0, 30}, {1, 1}, {30, 30}, {999, 999}, {1000, 1000}, {5000, 1000}, {-1, 1000},
	}
	for _, tt := range tests {
		got := upstream.ListOptions{PerPage: tt.perPage}.EffectivePerPage()
		if got != tt.want {
			t.Errorf("EffectivePerPage(%d) = %d, want %d", tt.perPage, got, tt.want)
		}
	}
}
