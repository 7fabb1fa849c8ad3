package facade_test

import (
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// startPlayInput is a startPlay input for alice on a playable chart.
func startPlayInput(t *testing.T, e *env) map[string]any {
	t.Helper()
	d := e.sandbox.Data()
	return map[string]any{"input": map[string]any{
		"chartId":         globalid.Encode("Chart", playable(t, d).ID),
		"configurationId": d.Areas.Catalog.PlayConfigurations[0].ID,
		"applicationId":   globalid.Encode("Application", d.Areas.Catalog.Applications[0].ID),
	}}
}

// Starting a play session is a GET that writes: it is sent once, never
// asked again after a gateway's failure or a broken connection, by the
// client or by Go's transport, for the first may have started a session.
func TestStartPlayIsNotRetried(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault sandbox.Fault
	}{
		{"after a 504", sandbox.Fault{Status: 504, Times: 1}},
		{"after a 502", sandbox.Fault{Status: 502, Times: 1}},
		// The facade's connection to the sandbox is reused (the query
		// before opened it), which Go's transport would replay a GET on.
		{"after a reset on a reused connection", sandbox.Fault{Reset: true, Times: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			alice := e.sandbox.Tokens()[1].AccessToken
			e.mustQuery(`{ charts(first: 1) { totalCount } }`, nil, nil)

			e.sandbox.InjectFault("GET", "/player/play", tc.fault)
			a := e.query(startPlay, startPlayInput(t, e), alice, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UPSTREAM_ERROR" {
				t.Errorf("errors %+v, want one UPSTREAM_ERROR", a.Errors)
			}
			if n, byRoute := e.calls(); n != 1 || byRoute["GET /player/play"] != 1 {
				t.Errorf("calls %v, want GET /player/play once", byRoute)
			}
			if got := a.Extensions["upstreamCalls"]; got != float64(1) {
				t.Errorf("upstreamCalls = %v, want 1", got)
			}
		})
	}
}

// A GET that Go's transport sends again on a fresh connection, after a
// reused one broke, is two upstream calls, and the answer counts both.
func TestTransportReplayIsCounted(t *testing.T) {
	e := newEnv(t)
	e.mustQuery(`{ songs(first: 1) { totalCount } }`, nil, nil) // opens the connection

	e.sandbox.InjectFault("GET", "/charts", sandbox.Fault{Reset: true, Times: 1})
	a := e.query(`{ charts(first: 1) { totalCount } }`, nil, "", nil)
	if len(a.Errors) > 0 {
		t.Fatalf("errors %+v", a.Errors)
	}
	n, byRoute := e.calls()
	if byRoute["GET /charts"] != 2 {
		t.Fatalf("calls %v, want the reset call and its replay", byRoute)
	}
	if got := a.Extensions["upstreamCalls"]; got != float64(n) {
		t.Errorf("upstreamCalls = %v, the sandbox saw %d", got, n)
	}
}
