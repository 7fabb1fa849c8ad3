package paging

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// MaxPageSize is the largest first or last a connection accepts.
const MaxPageSize = 100

// DefaultPageSize is the page size when neither first nor last is given;
// it is the upstream's own default.
const DefaultPageSize = 30

// MaxUpstreamPerPage is the largest page the upstream serves.
const MaxUpstreamPerPage = 1000

// MaxPosition is the largest position a cursor or offset may name: far
// beyond any list of the API, and small enough that no arithmetic on it
// overflows.
const MaxPosition = 10_000_000

// Args are the Relay connection arguments of one list field, as given; a
// nil field was not given.
type Args struct {
	First, Last, Offset *int
	After, Before       *string
}

// Window is a run of positions in a list: Count items from Start. When
// FromEnd is set, the run is the last Count items of the list (last
// without before), and Start is the least position it may hold.
type Window struct {
	Start, Count int
	FromEnd      bool
}

// Error is a problem with the arguments themselves; the caller shows it
// as bad user input. Argument names the argument at fault, when one is.
type Error struct {
	Argument string
	msg      string
}

func (e *Error) Error() string { return e.msg }

// BadInput marks the error as the caller's.
func (e *Error) BadInput() bool { return true }

// BadArgs returns an [*Error] with a formatted message.
func BadArgs(format string, a ...any) error {
	return &Error{msg: fmt.Sprintf(format, a...)}
}

// Resolve validates a and works out the window it asks for.
func Resolve(a Args) (Window, error) {
	for name, v := range map[string]*int{"first": a.First, "last": a.Last} {
		if v != nil && (*v < 0 || *v > MaxPageSize) {
			return Window{}, &Error{Argument: name, msg: fmt.Sprintf("%s must be between 0 and %d, got %d", name, MaxPageSize, *v)}
		}
	}
	if a.Offset != nil && (*a.Offset < 0 || *a.Offset > MaxPosition) {
		return Window{}, &Error{Argument: "offset", msg: fmt.Sprintf("offset must be between 0 and %d, got %d", MaxPosition, *a.Offset)}
	}

	start := 0
	if a.Offset != nil {
		start = *a.Offset
	}
	if a.After != nil {
		pos, err := DecodeCursor(*a.After)
		if err != nil {
			return Window{}, err
		}
		start += pos + 1
	}

	end := -1
	if a.Before != nil {
		pos, err := DecodeCursor(*a.Before)
		if err != nil {
			return Window{}, err
		}
		end = max(pos, start)
	}

	return window(a.First, a.Last, start, end), nil
}

// window applies first and last to the run [start, end); end -1 means the
// end of the list.
func window(first, last *int, start, end int) Window {
	if first == nil && last == nil {
		first = new(int)
		*first = DefaultPageSize
	}

	if first != nil {
		count := *first
		if end >= 0 {
			count = min(count, end-start)
		}
		if last != nil && *last < count {
			start += count - *last
			count = *last
		}
		return Window{Start: start, Count: count}
	}

	if end < 0 {
		return Window{Start: start, Count: *last, FromEnd: true}
	}
	from := max(start, end-*last)
	return Window{Start: from, Count: end - from}
}

// UpstreamPage returns the page number and page size of one upstream page
// holding the whole of [start, start+count), and where the window starts
// in it. ok is false when no page of at most MaxUpstreamPerPage items
// holds it.
func UpstreamPage(start, count int) (page, perPage, skip int, ok bool) {
	if count == 0 {
		count = 1
	}

	for size := count; size <= MaxUpstreamPerPage; size++ {
		if start/size == (start+count-1)/size {
			return start/size + 1, size, start % size, true
		}
	}

	return 0, 0, 0, false
}

const cursorPrefix = "pos:"

// EncodeCursor returns the opaque cursor of position pos.
func EncodeCursor(pos int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(pos)))
}

// DecodeCursor returns the position a cursor stands for.
func DecodeCursor(c string) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		rest, found := strings.CutPrefix(string(raw), cursorPrefix)
		pos, convErr := strconv.Atoi(rest)
		if found && convErr == nil && pos >= 0 && pos <= MaxPosition {
			return pos, nil
		}
	}

	return 0, BadArgs("%q is not a cursor of this list", c)
}

// IsArgsError reports whether err is a problem with the arguments.
func IsArgsError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
