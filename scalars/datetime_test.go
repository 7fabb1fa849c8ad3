package scalars

import (
	"bytes"
	"context"
	"testing"
	"time"
)

func TestUnmarshalDateTime(t *testing.T) {
	tests := []struct {
		in   any
		want time.Time
		ok   bool
	}{
		{"2024-03-01T12:00:00+08:00", time.Date(2024, 3, 1, 4, 0, 0, 0, time.UTC), true},
		{"2024-03-01T12:00:00.5Z", time.Date(2024, 3, 1, 12, 0, 0, 5e8, time.UTC), true},
		// A date alone is its midnight in UTC, as the schema and README say.
		{"2024-03-01", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"2000-01-01", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"yesterday", time.Time{}, false},
		{"2024-13-01", time.Time{}, false},
		{"2024-03-01T12:00:00", time.Time{}, false}, // no offset
		{42, time.Time{}, false},
	}
	ctx := argumentContext("filter", "earliestDateCreated")
	for _, tt := range tests {
		got, err := UnmarshalDateTime(ctx, tt.in)
		switch {
		case tt.ok && (err != nil || !got.Equal(tt.want)):
			t.Errorf("UnmarshalDateTime(%v) = %v, %v; want %v", tt.in, got, err, tt.want)
		case !tt.ok:
			wantBadInput(t, err, "filter.earliestDateCreated")
		}
	}
}

func TestMarshalDateTime(t *testing.T) {
	var buf bytes.Buffer
	at := time.Date(2024, 3, 1, 12, 0, 0, 0, time.FixedZone("", 8*3600))
	if err := MarshalDateTime(at).MarshalGQLContext(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != `"2024-03-01T12:00:00+08:00"` {
		t.Errorf("MarshalDateTime = %s", buf.String())
	}
}

func FuzzUnmarshalDateTime(f *testing.F) {
	for _, s := range []string{"2024-03-01T12:00:00+08:00", "2024-03-01", "", "9999-99-99"} {
		f.Add(s)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, s string) {
		if got, err := UnmarshalDateTime(ctx, s); err == nil {
			if _, err := UnmarshalDateTime(ctx, got.Format(time.RFC3339Nano)); err != nil {
				t.Errorf("%q parsed, but its own rendering does not: %v", s, err)
			}
		}
	})
}
