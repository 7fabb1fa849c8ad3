package globalid

import (
	"errors"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	tests := []struct{ typeName, id string }{
		{"Chart", "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"},
		{"User", "12"},
		{"Hostship", "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e:3"},
	}
	for _, tt := range tests {
		gid := Encode(tt.typeName, tt.id)
		typeName, id, err := Decode(gid)
		if err != nil || typeName != tt.typeName || id != tt.id {
			t.Errorf("Decode(Encode(%s, %s)) = %s, %s, %v", tt.typeName, tt.id, typeName, id, err)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, gid := range []string{"", "x", "!!!", Encode("", "1"), Encode("Chart", ""), Encode("1Chart", "x"), Encode("Ch art", "x")} {
		if _, _, err := Decode(gid); !errors.Is(err, ErrMalformed) {
			t.Errorf("Decode(%q) error = %v, want ErrMalformed", gid, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(Encode("Chart", "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"))
	f.Add("Q2hhcnQ6")
	f.Add("")
	f.Fuzz(func(t *testing.T, gid string) {
		typeName, id, err := Decode(gid)
		if err != nil {
			return
		}
		if again, _, _ := Decode(Encode(typeName, id)); again != typeName {
			t.Errorf("round trip of %q changed the type", gid)
		}
	})
}
