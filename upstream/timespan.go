package upstream

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// TimeSpan is a .NET TimeSpan as the upstream writes it, in the invariant "c"
// format [-][d.]hh:mm:ss[.fffffff]: "00:02:31.5000000", "1.02:03:04",
// "-00:00:01.5000000". It holds a [time.Duration]; its resolution on the wire
// is the .NET tick of 100 ns, and durations beyond about ±292 years cannot
// be represented. The zero TimeSpan is "00:00:00".
type TimeSpan time.Duration

// tick is the .NET TimeSpan resolution.
const tick = 100 * time.Nanosecond

// ParseTimeSpan parses the .NET "c" format: an optional "-", then either a
// whole number of days alone or [d.]hh:mm[:ss[.fffffff]] with hours below
// 24, minutes and seconds below 60 and one to seven fraction digits.
func ParseTimeSpan(s string) (TimeSpan, error) {
	d, err := parseTimeSpan(s)
	if err != nil {
		return 0, fmt.Errorf("upstream: invalid TimeSpan %q: %w", s, err)
	}
	return d, nil
}

// parseTimeSpan does the work of [ParseTimeSpan] with unadorned errors.
func parseTimeSpan(s string) (TimeSpan, error) {
	rest, neg := strings.CutPrefix(s, "-")
	if rest == "" {
		return 0, errors.New("empty")
	}

	var days, hours, minutes, seconds, ticks uint64
	clock, hasClock := rest, strings.Contains(rest, ":")
	if !hasClock {
		n, err := number(rest, 8)
		if err != nil {
			return 0, fmt.Errorf("days: %w", err)
		}
		days, clock = n, ""
	} else if dayPart, after, ok := strings.Cut(rest, "."); ok && !strings.Contains(dayPart, ":") {
		n, err := number(dayPart, 8)
		if err != nil {
			return 0, fmt.Errorf("days: %w", err)
		}
		days, clock = n, after
	}

	if hasClock {
		hms, frac, hasFrac := strings.Cut(clock, ".")
		parts := strings.Split(hms, ":")
		if len(parts) < 2 || len(parts) > 3 || (hasFrac && len(parts) != 3) {
			return 0, errors.New("want hh:mm[:ss[.fffffff]]")
		}
		limits := []uint64{23, 59, 59}
		dst := []*uint64{&hours, &minutes, &seconds}
		for i, p := range parts {
			n, err := number(p, 2)
			if err != nil || n > limits[i] {
				return 0, fmt.Errorf("component %q out of range", p)
			}
			*dst[i] = n
		}
		if hasFrac {
			n, err := number(frac, 7)
			if err != nil {
				return 0, fmt.Errorf("fraction: %w", err)
			}
			for range 7 - len(frac) {
				n *= 10
			}
			ticks = n
		}
	}

	// Sum the magnitude in uint64 nanoseconds. A whole number of ticks
	// never equals 2^63, so math.MaxInt64 bounds both signs.
	const limit = uint64(math.MaxInt64)
	total := ticks * uint64(tick)
	for _, c := range []struct{ n, unit uint64 }{
		{seconds, uint64(time.Second)},
		{minutes, uint64(time.Minute)},
		{hours, uint64(time.Hour)},
		{days, uint64(24 * time.Hour)},
	} {
		if c.n > (limit-total)/c.unit {
			return 0, errors.New("out of range for time.Duration")
		}
		total += c.n * c.unit
	}
	if neg {
		return TimeSpan(-int64(total)), nil
	}
	return TimeSpan(total), nil
}

// number parses one to maxDigits ASCII digits.
func number(s string, maxDigits int) (uint64, error) {
	if s == "" || len(s) > maxDigits {
		return 0, fmt.Errorf("want 1 to %d digits, got %q", maxDigits, s)
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("not a digit in %q", s)
		}
		n = n*10 + uint64(s[i]-'0')
	}
	return n, nil
}

// String formats t in the .NET "c" format, as the upstream writes it:
// "-1.02:03:04.5000000". Nanoseconds below the 100 ns tick are dropped.
func (t TimeSpan) String() string {
	// Magnitude as uint64: correct for math.MinInt64 too.
	u := uint64(t)
	var b strings.Builder
	if t < 0 {
		u = -u
		b.WriteByte('-')
	}

	ticks := (u % uint64(time.Second)) / uint64(tick)
	secs := u / uint64(time.Second)
	days := secs / 86400
	if days > 0 {
		b.WriteString(strconv.FormatUint(days, 10))
		b.WriteByte('.')
	}
	fmt.Fprintf(&b, "%02d:%02d:%02d", secs/3600%24, secs/60%60, secs%60)
	if ticks > 0 {
		fmt.Fprintf(&b, ".%07d", ticks)
	}
	return b.String()
}

// Duration returns t as a [time.Duration].
func (t TimeSpan) Duration() time.Duration { return time.Duration(t) }

// Seconds returns t as a floating-point number of seconds.
func (t TimeSpan) Seconds() float64 { return time.Duration(t).Seconds() }

// QueryValue returns t in the "c" format for [EncodeQuery].
func (t TimeSpan) QueryValue() string { return t.String() }

// MarshalJSON writes t as a JSON string in the "c" format.
func (t TimeSpan) MarshalJSON() ([]byte, error) {
	return json.Marshal(t.String())
}

// UnmarshalJSON reads a JSON string in the "c" format. JSON null leaves t
// unchanged, as for the standard library's types.
func (t *TimeSpan) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("upstream: TimeSpan must be a JSON string: %w", err)
	}
	v, err := ParseTimeSpan(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}
