package upstream

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// MarshalGQL writes t as a GraphQL Float of seconds, the unit a frontend
// can use directly (151.5 for "00:02:31.5000000").
func (t TimeSpan) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.FormatFloat(t.Seconds(), 'f', -1, 64))
}

// UnmarshalGQL reads a GraphQL Float (or Int) of seconds into t.
func (t *TimeSpan) UnmarshalGQL(v any) error {
	var seconds float64
	switch n := v.(type) {
	case float64:
		seconds = n
	case int:
		seconds = float64(n)
	case int64:
		seconds = float64(n)
	case json.Number:
		f, err := n.Float64()
		if err != nil {
			return &InputError{fmt.Sprintf("seconds: %v", err)}
		}
		seconds = f
	default:
		return &InputError{fmt.Sprintf("seconds must be a number, not %T", v)}
	}

	if math.IsNaN(seconds) || math.Abs(seconds) > 1e9 {
		return &InputError{fmt.Sprintf("seconds out of range: %v", seconds)}
	}

	*t = TimeSpan(time.Duration(seconds * float64(time.Second)))
	return nil
}
