package sandbox

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A TimeSpan is a .NET TimeSpan. In JSON it is written in the constant ("c")
// format, "[d.]hh:mm:ss[.fffffff]", e.g. "00:02:31.5000000"; the fraction is
// left out when it is zero, as .NET does.
type TimeSpan time.Duration

// String formats the span as .NET's constant format.
func (t TimeSpan) String() string {
	d := time.Duration(t)
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	ticks := int64(d / 100)
	const perSecond = 10_000_000
	secs, frac := ticks/perSecond, ticks%perSecond
	days, secs := secs/86400, secs%86400
	s := fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	if days > 0 {
		s = strconv.FormatInt(days, 10) + "." + s
	}
	if frac > 0 {
		s += fmt.Sprintf(".%07d", frac)
	}
	return sign + s
}

// MarshalJSON writes the span as a string.
func (t TimeSpan) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

// UnmarshalJSON reads a span written as .NET does.
func (t *TimeSpan) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := parseTimeSpan(s)
	if err != nil {
		return fmt.Errorf("sandbox: time span %q: %w", s, err)
	}
	*t = v
	return nil
}

// parseTimeSpan reads the forms .NET's TimeSpan.Parse accepts most often:
// "d", "hh:mm", "hh:mm:ss", "d.hh:mm:ss", each with an optional fraction.
func parseTimeSpan(s string) (TimeSpan, error) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	bad := errors.New("invalid time span")
	if s == "" {
		return 0, bad
	}
	if !strings.Contains(s, ":") {
		days, err := strconv.ParseUint(s, 10, 31)
		if err != nil {
			return 0, bad
		}
		return signed(time.Duration(days)*24*time.Hour, neg), nil
	}

	var days uint64
	if i := strings.Index(s, "."); i >= 0 && i < strings.Index(s, ":") {
		d, err := strconv.ParseUint(s[:i], 10, 31)
		if err != nil {
			return 0, bad
		}
		days, s = d, s[i+1:]
	}
	frac := ""
	if i := strings.LastIndex(s, "."); i >= 0 {
		s, frac = s[:i], s[i+1:]
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, bad
	}
	limits := []uint64{23, 59, 59}
	var total time.Duration
	units := []time.Duration{time.Hour, time.Minute, time.Second}
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 10, 8)
		if err != nil || v > limits[i] {
			return 0, bad
		}
		total += time.Duration(v) * units[i]
	}
	if frac != "" {
		if len(frac) > 7 || len(parts) != 3 {
			return 0, bad
		}
		v, err := strconv.ParseUint(frac+strings.Repeat("0", 7-len(frac)), 10, 32)
		if err != nil {
			return 0, bad
		}
		total += time.Duration(v) * 100
	}
	return signed(total+time.Duration(days)*24*time.Hour, neg), nil
}

func signed(d time.Duration, neg bool) TimeSpan {
	if neg {
		d = -d
	}
	return TimeSpan(d)
}

// parseGUID reads a GUID in any of the forms .NET's Guid.TryParse accepts
// for route values ("D", "N", "B", "P") and returns it in the canonical
// lowercase hyphenated form.
func parseGUID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 38 && (s[0] == '{' && s[37] == '}' || s[0] == '(' && s[37] == ')') {
		s = s[1:37]
	}
	switch len(s) {
	case 36:
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return "", false
		}
		s = s[:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	case 32:
	default:
		return "", false
	}
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 16 {
		return "", false
	}
	return formatGUID(b), true
}

func formatGUID(b []byte) string {
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// parseDate reads a DateTimeOffset as the upstream's model binder would for
// the usual ISO forms; a value without an offset is taken as UTC.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	layouts := []string{
		time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02",
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("invalid date")
}
