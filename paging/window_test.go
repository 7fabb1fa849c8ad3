package paging

import (
	"testing"
)

func ptr[T any](v T) *T { return &v }

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		args Args
		want Window
	}{
		{"default page", Args{}, Window{Start: 0, Count: DefaultPageSize}},
		{"first", Args{First: ptr(5)}, Window{Start: 0, Count: 5}},
		{"first after", Args{First: ptr(5), After: ptr(EncodeCursor(9))}, Window{Start: 10, Count: 5}},
		{"offset", Args{First: ptr(10), Offset: ptr(20)}, Window{Start: 20, Count: 10}},
		{"offset and after add up", Args{First: ptr(3), Offset: ptr(2), After: ptr(EncodeCursor(4))}, Window{Start: 7, Count: 3}},
		{"first before", Args{First: ptr(10), Before: ptr(EncodeCursor(4))}, Window{Start: 0, Count: 4}},
		{"last before", Args{Last: ptr(3), Before: ptr(EncodeCursor(10))}, Window{Start: 7, Count: 3}},
		{"last before near start", Args{Last: ptr(30), Before: ptr(EncodeCursor(10))}, Window{Start: 0, Count: 10}},
		{"last alone reads from the end", Args{Last: ptr(4)}, Window{Start: 0, Count: 4, FromEnd: true}},
		{"last after reads from the end", Args{Last: ptr(4), After: ptr(EncodeCursor(2))}, Window{Start: 3, Count: 4, FromEnd: true}},
		{"first and last", Args{First: ptr(10), Last: ptr(3)}, Window{Start: 7, Count: 3}},
		{"first zero", Args{First: ptr(0)}, Window{Start: 0, Count: 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.args)
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			if got != tt.want {
				t.Errorf("Resolve = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestResolveRejects(t *testing.T) {
	tests := []struct {
		name string
		args Args
	}{
		{"first over the maximum", Args{First: ptr(MaxPageSize + 1)}},
		{"negative first", Args{First: ptr(-1)}},
		{"negative last", Args{Last: ptr(-3)}},
		{"negative offset", Args{Offset: ptr(-1)}},
		{"garbage cursor", Args{After: ptr("not a cursor")}},
		{"cursor of another kind", Args{After: ptr("cG9zOi0x")}}, // "pos:-1"
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(tt.args)
			if !IsArgsError(err) {
				t.Fatalf("Resolve error = %v, want an argument error", err)
			}
		})
	}
}

func TestUpstreamPage(t *testing.T) {
	tests := []struct {
		start, count        int
		page, perPage, skip int
	}{
		{0, 30, 1, 30, 0},
		{30, 30, 2, 30, 0},
		{10, 5, 3, 5, 0},
		{7, 3, 2, 5, 2},
		{5, 10, 1, 15, 5},
	}
	for _, tt := range tests {
		page, perPage, skip, ok := UpstreamPage(tt.start, tt.count)
		if !ok || page != tt.page || perPage != tt.perPage || skip != tt.skip {
			t.Errorf("UpstreamPage(%d, %d) = %d, %d, %d, %v; want %d, %d, %d, true",
				tt.start, tt.count, page, perPage, skip, ok, tt.page, tt.perPage, tt.skip)
		}
	}

	// Every window up to the maximum page size that one page can hold is
	// found, and the page it names really holds it.
	for start := 0; start < 3000; start += 7 {
		for _, count := range []int{1, 3, 10, 30, 100} {
			page, perPage, skip, ok := UpstreamPage(start, count)
			if !ok {
				continue
			}
			first := (page - 1) * perPage
			if first+skip != start || start+count > page*perPage || perPage > MaxUpstreamPerPage {
				t.Fatalf("UpstreamPage(%d, %d) = page %d of %d skip %d: does not hold the window", start, count, page, perPage, skip)
			}
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	for _, pos := range []int{0, 1, 29, 1000, 123456} {
		got, err := DecodeCursor(EncodeCursor(pos))
		if err != nil || got != pos {
			t.Errorf("DecodeCursor(EncodeCursor(%d)) = %d, %v", pos, got, err)
		}
	}
}

func TestCut(t *testing.T) {
	all := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	tests := []struct {
		name       string
		w          Window
		want       []int
		start      int
		next, prev bool
	}{
		{"head", Window{Start: 0, Count: 3}, []int{0, 1, 2}, 0, true, false},
		{"middle", Window{Start: 4, Count: 2}, []int{4, 5}, 4, true, true},
		{"past the end", Window{Start: 8, Count: 5}, []int{8, 9}, 8, false, true},
		{"beyond", Window{Start: 20, Count: 5}, []int{}, 10, false, true},
		{"from the end", Window{Start: 0, Count: 3, FromEnd: true}, []int{7, 8, 9}, 7, false, true},
		{"from the end bounded", Window{Start: 8, Count: 5, FromEnd: true}, []int{8, 9}, 8, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Cut(all, tt.w)
			if len(s.Items) != len(tt.want) || s.Start != tt.start || s.Total != 10 {
				t.Fatalf("Cut = %v from %d of %d, want %v from %d", s.Items, s.Start, s.Total, tt.want, tt.start)
			}
			for i := range tt.want {
				if s.Items[i] != tt.want[i] {
					t.Fatalf("Cut = %v, want %v", s.Items, tt.want)
				}
			}
			if s.HasNext() != tt.next || s.HasPrevious() != tt.prev {
				t.Errorf("HasNext, HasPrevious = %v, %v; want %v, %v", s.HasNext(), s.HasPrevious(), tt.next, tt.prev)
			}
		})
	}
}

func TestFromEndPage(t *testing.T) {
	// A list of 10 read in reverse: 9, 8, 7, ...
	reversed := []int{9, 8, 7, 6}
	s := FromEndPage(reversed, 10, Window{Start: 0, Count: 4, FromEnd: true})
	if s.Start != 6 || len(s.Items) != 4 || s.Items[0] != 6 || s.Items[3] != 9 {
		t.Errorf("FromEndPage = %v from %d", s.Items, s.Start)
	}

	s = FromEndPage(reversed, 10, Window{Start: 8, Count: 4, FromEnd: true})
	if s.Start != 8 || len(s.Items) != 2 || s.Items[0] != 8 {
		t.Errorf("FromEndPage bounded = %v from %d", s.Items, s.Start)
	}
}

// FuzzDecodeCursor: no input makes DecodeCursor panic, and every cursor it
// accepts names a position that EncodeCursor gives back.
func FuzzDecodeCursor(f *testing.F) {
	for _, s := range []string{EncodeCursor(0), EncodeCursor(29), "cG9zOi0x", "", "zzz", "cG9zOjkyMjMzNzIwMzY4NTQ3NzU4MDc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pos, err := DecodeCursor(s)
		if err != nil {
			return
		}
		if pos < 0 || pos > MaxPosition {
			t.Fatalf("DecodeCursor(%q) = %d, outside 0..%d", s, pos, MaxPosition)
		}
		if back, _ := DecodeCursor(EncodeCursor(pos)); back != pos {
			t.Fatalf("round trip of %d gave %d", pos, back)
		}
	})
}
