package sandbox

import (
	"testing"
	"time"
)

func TestTimeSpan(t *testing.T) {
	tests := []struct {
		d    time.Duration
		text string
	}{
		{151*time.Second + 500*time.Millisecond, "00:02:31.5000000"},
		{37 * time.Second, "00:00:37"},
		{26*time.Hour + time.Minute, "1.02:01:00"},
		{-90 * time.Second, "-00:01:30"},
		{100 * time.Nanosecond, "00:00:00.0000001"},
	}
	for _, tt := range tests {
		if got := TimeSpan(tt.d).String(); got != tt.text {
			t.Errorf("%v formats as %q, want %q", tt.d, got, tt.text)
		}
		if got, err := parseTimeSpan(tt.text); err != nil || time.Duration(got) != tt.d {
			t.Errorf("parse %q = %v, %v; want %v", tt.text, time.Duration(got), err, tt.d)
		}
	}
	for _, bad := range []string{"", "abc", "25:00:00", "00:61", "1:2:3:4", "00:00:01.12345678"} {
		if _, err := parseTimeSpan(bad); err == nil {
			t.Errorf("parse %q succeeded", bad)
		}
	}
	if got, _ := parseTimeSpan("03:30"); time.Duration(got) != 3*time.Hour+30*time.Minute {
		t.Errorf("hh:mm parses as %v", time.Duration(got))
	}
}

func TestParseGUID(t *testing.T) {
	const want = "0f8fad5b-d9cb-469f-a165-70867728950e"
	for _, in := range []string{
		want, "0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5bd9cb469fa16570867728950e",
		"{0f8fad5b-d9cb-469f-a165-70867728950e}", "(0f8fad5b-d9cb-469f-a165-70867728950e)",
	} {
		if got, ok := parseGUID(in); !ok || got != want {
			t.Errorf("parseGUID(%q) = %q, %v", in, got, ok)
		}
	}
	for _, bad := range []string{
		"", "not-a-guid", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b_d9cb_469f_a165_70867728950e",
	} {
		if _, ok := parseGUID(bad); ok {
			t.Errorf("parseGUID(%q) succeeded", bad)
		}
	}
}

func TestParseEnum(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"IN", 2, true}, {"cl", 8, true}, {"4", 4, true}, {"9", 0, false}, {"-1", 0, false}, {"XX", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseEnum(ChartLevel(0), tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("parseEnum(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
