package upstream

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// A form reaches the upstream as multipart form data: every text field
// with each of its values, every file under its field name with its bytes.
func TestSendFormStreamsFieldsAndFiles(t *testing.T) {
	type part struct{ name, filename, body string }
	var parts []part
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mr, err := r.MultipartReader()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			body, _ := io.ReadAll(p)
			parts = append(parts, part{p.FormName(), p.FileName(), string(body)})
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status":0,"code":"Ok","data":{"id":"5f1d0c2e-0000-4000-8000-000000000001"}}`)
	}))
	defer srv.Close()
	c, err := New(srv.URL+"/", srv.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}

	form := Form{
		Fields: url.Values{"Title": {"Rrhar'il"}, "Tags": {"Jazz", "Piano"}},
		Files: map[string]File{
			"File":         {Name: "song.ogg", Content: strings.NewReader("OggS....")},
			"Illustration": {Name: "cover.png", Content: strings.NewReader("\x89PNG")},
		},
	}
	var created Created
	if err := c.sendForm(context.Background(), http.MethodPost, "/songs", nil, form, &created); err != nil {
		t.Fatalf("sendForm: %v", err)
	}

	want := []part{
		{"Tags", "", "Jazz"}, {"Tags", "", "Piano"}, {"Title", "", "Rrhar'il"},
		{"File", "song.ogg", "OggS...."}, {"Illustration", "cover.png", "\x89PNG"},
	}
	if len(parts) != len(want) {
		t.Fatalf("parts %q, want %q", parts, want)
	}
	for i := range want {
		if parts[i] != want[i] {
			t.Errorf("part %d = %q, want %q", i, parts[i], want[i])
		}
	}
	if created.ID != "5f1d0c2e-0000-4000-8000-000000000001" {
		t.Errorf("created ID %q", created.ID)
	}
}
