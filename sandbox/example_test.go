package sandbox_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/phizone/graphql-facade/sandbox"
)

// The sandbox is an http.Handler: serve it on a loopback test server and
// point a client at its URL.
func ExampleNew() {
	srv := httptest.NewServer(sandbox.New())
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/regions/JP")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()

	var answer struct {
		Code string         `json:"code"`
		Data sandbox.Region `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, answer.Code, answer.Data.ID, answer.Data.Name)
	// Output: 200 Ok 112 Japan
}

// Tests count the upstream calls a client made, per route template.
func ExampleServer_Requests() {
	s := sandbox.New()
	srv := httptest.NewServer(s)
	defer srv.Close()

	for _, path := range []string{"/charts?PerPage=1", "/users/1", "/users/2"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
	}
	for _, r := range s.Requests() {
		fmt.Println(r.Method, r.Route, r.Status)
	}
	// Output:
	// GET /charts 200
	// GET /users/{id} 200
	// GET /users/{id} 200
}
