package paging

// Slice is what a window of a list turned out to hold: the items, the
// position of the first one, and the length of the whole list.
type Slice[T any] struct {
	Items []T
	Start int
	Total int
}

// HasNext reports whether items follow the slice.
func (s Slice[T]) HasNext() bool { return s.Start+len(s.Items) < s.Total }

// HasPrevious reports whether items precede the slice.
func (s Slice[T]) HasPrevious() bool { return s.Start > 0 }

// Cursor returns the cursor of the i-th item of the slice.
func (s Slice[T]) Cursor(i int) string { return EncodeCursor(s.Start + i) }

// Cut applies w to a whole list held in memory.
func Cut[T any](all []T, w Window) Slice[T] {
	total := len(all)
	start, end := w.Start, w.Start+w.Count
	if w.FromEnd {
		start = max(w.Start, total-w.Count)
		end = total
	}
	start = min(max(start, 0), total)
	end = min(max(end, start), total)

	return Slice[T]{Items: all[start:end], Start: start, Total: total}
}

// FromEndPage turns a page read in reverse order (the last items of the
// list first) into the slice of window w: the items are put back in list
// order and those before w.Start are dropped.
func FromEndPage[T any](reversed []T, total int, w Window) Slice[T] {
	n := min(len(reversed), w.Count)
	items := make([]T, 0, n)
	for i := n - 1; i >= 0; i-- {
		if total-1-i >= w.Start {
			items = append(items, reversed[i])
		}
	}

	return Slice[T]{Items: items, Start: total - len(items), Total: total}
}
