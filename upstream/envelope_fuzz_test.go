package upstream

import "testing"

// FuzzParseEnvelope: no answer body, however broken, makes the envelope
// decoding panic; an envelope it accepts has a code.
func FuzzParseEnvelope(f *testing.F) {
	for _, s := range []string{
		`{"status":0,"code":"Ok","data":[],"total":3,"perPage":30,"hasNext":false}`,
		`{"status":2,"code":"InvalidData","errors":[{"field":"Id","errors":["x"]}]}`,
		`{"status":4,"code":"X","dateAvailable":"2024-01-01T00:00:00Z"}`,
		`<html>`, ``, `null`, `{"status":"0"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		env, err := parseEnvelope([]byte(body), "application/json")
		if err == nil && env.Code == "" {
			t.Fatalf("accepted an envelope without a code: %q", body)
		}
	})
}
