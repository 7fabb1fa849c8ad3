package upstream_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/upstream"
)

func TestParseTimeSpan(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		text string // String() of the result; "" means in itself
	}{
		{in: "00:00:00", want: 0},
		{in: "00:02:31.5000000", want: 151500 * time.Millisecond},
		{in: "00:02:31.5", want: 151500 * time.Millisecond, text: "00:02:31.5000000"},
		{in: "1.02:03:04", want: 26*time.Hour + 3*time.Minute + 4*time.Second},
		{in: "-00:00:01.5", want: -1500 * time.Millisecond, text: "-00:00:01.5000000"},
		{in: "-1.00:00:00.0000001", want: -24*time.Hour - 100},
		{in: "23:59:59.9999999", want: 24*time.Hour - 100},
		{in: "00:01", want: time.Minute, text: "00:01:00"},
		{in: "1:2:3", want: time.Hour + 2*time.Minute + 3*time.Second, text: "01:02:03"},
		{in: "3", want: 72 * time.Hour, text: "3.00:00:00"},
		{in: "-00:00:00", want: 0, text: "00:00:00"},
		{in: "106751.23:47:16.8547758", want: math.MaxInt64 - 7},
		{in: "-106751.23:47:16.8547758", want: math.MinInt64 + 8},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := upstream.ParseTimeSpan(tt.in)
			if err != nil {
				t.Fatalf("ParseTimeSpan: %v", err)
			}
			if time.Duration(got) != tt.want {
				t.Errorf("ParseTimeSpan = %v, want %v", time.Duration(got), tt.want)
			}
			text := tt.text
			if text == "" {
				text = tt.in
			}
			if got.String() != text {
				t.Errorf("String() = %q, want %q", got.String(), text)
			}
		})
	}
}

func TestParseTimeSpanErrors(t *testing.T) {
	for _, in := range []string{
		"", "-", "--1", "+00:00:01", " 00:00:01", "00:00:01 ", "a", "1.", ".1",
		"24:00:00", "00:60:00", "00:00:60", "000:00:00", "00:00:00.", "00:00:00.12345678",
		"00:00.5", "1:2:3:4", "1.2.03:04:05", "1.:00:00", "00:00:0x", "００:00:00",
		"106752.00:00:00", "106751.23:47:16.8547759", "-106751.23:47:16.8547759",
		"123456789", "1.00:00:00.-1",
	} {
		if got, err := upstream.ParseTimeSpan(in); err == nil {
			t.Errorf("ParseTimeSpan(%q) = %v, want an error", in, got)
		}
	}
}

func TestTimeSpanString(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "00:00:00"},
		{150, "00:00:00.0000001"}, // below a tick is dropped
		{-150, "-00:00:00.0000001"},
		{90 * time.Second, "00:01:30"},
		{49*time.Hour + 500*time.Millisecond, "2.01:00:00.5000000"},
		{math.MaxInt64, "106751.23:47:16.8547758"},
		{math.MinInt64, "-106751.23:47:16.8547758"},
	}
	for _, tt := range tests {
		ts := upstream.TimeSpan(tt.in)
		if got := ts.String(); got != tt.want {
			t.Errorf("TimeSpan(%d).String() = %q, want %q", tt.in, got, tt.want)
		}
		if got := ts.QueryValue(); got != tt.want {
			t.Errorf("TimeSpan(%d).QueryValue() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTimeSpanJSON(t *testing.T) {
	type song struct {
		Duration     upstream.TimeSpan  `json:"duration"`
		PreviewStart *upstream.TimeSpan `json:"previewStart"`
		PreviewEnd   *upstream.TimeSpan `json:"previewEnd"`
	}
	in := `{"duration":"00:02:31.5000000","previewStart":"00:00:10","previewEnd":null}`

	var s song
	if err := json.Unmarshal([]byte(in), &s); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if s.Duration.Seconds() != 151.5 || s.PreviewStart == nil ||
		s.PreviewStart.Duration() != 10*time.Second || s.PreviewEnd != nil {
		t.Errorf("decoded %+v", s)
	}
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	want := `{"duration":"00:02:31.5000000","previewStart":"00:00:10","previewEnd":null}`
	if string(out) != want {
		t.Errorf("Marshal = %s, want %s", out, want)
	}

	for _, bad := range []string{
		`{"duration":151.5}`, `{"duration":"2 minutes"}`, `{"duration":true}`,
	} {
		var s song
		if err := json.Unmarshal([]byte(bad), &s); err == nil {
			t.Errorf("Unmarshal(%s) succeeded, want an error", bad)
		}
	}
}

func FuzzParseTimeSpan(f *testing.F) {
	for _, seed := range []string{
		"00:02:31.5000000", "1.02:03:04", "-00:00:01.5", "3", "00:01", "23:59:59.9999999",
		"-106751.23:47:16.8547758", "106751.23:47:16.8547759", "1.2.3", "",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts, err := upstream.ParseTimeSpan(s)
		if err != nil {
			return
		}
		text := ts.String()
		again, err := upstream.ParseTimeSpan(text)
		if err != nil {
			t.Fatalf("ParseTimeSpan(%q) = %v, whose String %q does not parse: %v", s, ts, text, err)
		}
		if again != ts {
			t.Fatalf("round trip of %q: %d then %d", s, ts, again)
		}
		if again.String() != text {
			t.Fatalf("String not stable: %q then %q", text, again.String())
		}
	})
}
