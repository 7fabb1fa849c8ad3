package facade_test

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
)

// Every GET route of the upstream must be reached by some GraphQL
// operation of this suite, or be listed here with the reason it is not.
// The check runs after the whole suite (not with -run, which runs part).

// requireFullReadCoverage makes a route that no operation reaches fail the
// suite.
const requireFullReadCoverage = true

// unreachable lists the GET routes the facade does not read on purpose;
// they count against the total.
var unreachable = map[string]string{}

// requireFullWriteCoverage makes a write route that no mutation reaches
// fail the suite.
const requireFullWriteCoverage = true

// unreachableWrites lists the write routes ("POST /path") the facade does
// not offer on purpose, with the reason; they count against the total.
var unreachableWrites = map[string]string{}

// newerReads lists reads of the API index that are newer than the route
// table (found in the web client), which the suite must reach as well.
var newerReads = []string{}

// newerWrites lists write routes ("POST /path") newer than the route table
// (found in the upstream's source or the web client), which the suite must
// reach as well.
var newerWrites = []string{}

var (
	sandboxesMu sync.Mutex
	sandboxes   []*sandbox.Server
)

// track records a sandbox whose served routes count toward coverage.
func track(sb *sandbox.Server) {
	sandboxesMu.Lock()
	defer sandboxesMu.Unlock()
	sandboxes = append(sandboxes, sb)
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && !testing.Short() {
		if c := checkReadCoverage(); requireFullReadCoverage {
			code = c
		}
		if c := checkWriteCoverage(); requireFullWriteCoverage && code == 0 {
			code = c
		}
	}
	os.Exit(code)
}

// checkReadCoverage prints the read coverage and returns 1 when a route
// is neither reached nor listed as unreachable.
func checkReadCoverage() int {
	routes, err := getRoutes(sharedReference("upstream-endpoints.tsv"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "read coverage:", err)
		return 1
	}
	routes = append(routes, newerReads...)

	reached := map[string]bool{}
	sandboxesMu.Lock()
	for _, sb := range sandboxes {
		for route := range sb.Served() {
			reached[route] = true
		}
	}
	sandboxesMu.Unlock()

	var missing []string
	n := 0
	for _, r := range routes {
		switch {
		case reached["GET "+r]:
			n++
		case unreachable[r] == "":
			missing = append(missing, r)
		}
	}

	line := fmt.Sprintf("upstream read coverage: %d/%d routes (%d unreachable on purpose)\n", n, len(routes), len(unreachable))
	fmt.Print(line)
	// go test shows a passing package's output only with -v; .ci/run
	// prints this copy after the tests.
	_ = os.WriteFile(filepath.Join(os.TempDir(), "phizone-read-coverage.txt"), []byte(line), 0o644)
	if len(missing) > 0 {
		sort.Strings(missing)
		fmt.Fprintf(os.Stderr, "GET routes no operation of the suite reaches (%d):\n  %s\n",
			len(missing), strings.Join(missing, "\n  "))
		return 1
	}
	return 0
}

// sharedReference finds a file of shared/reference: beside the checkout
// (../shared, where CI and the README put it) or in the workplace's copy.
func sharedReference(name string) string {
	for _, dir := range []string{"../../shared/reference", "/work/shared/reference"} {
		if _, err := os.Stat(dir + "/" + name); err == nil {
			return dir + "/" + name
		}
	}
	return "../../shared/reference/" + name
}

// checkWriteCoverage prints how many write routes (POST, PATCH, DELETE)
// some mutation of the suite reaches, and returns 1 when a route is neither
// reached nor listed in unreachableWrites.
func checkWriteCoverage() int {
	f, err := os.Open(sharedReference("upstream-endpoints.tsv"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "write coverage:", err)
		return 1
	}
	defer f.Close()

	reached := map[string]bool{}
	sandboxesMu.Lock()
	for _, sb := range sandboxes {
		for route := range sb.Served() {
			reached[route] = true
		}
	}
	sandboxesMu.Unlock()

	var routes, missing []string
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 || (cols[1] != "POST" && cols[1] != "PATCH" && cols[1] != "DELETE") {
			continue
		}
		routes = append(routes, cols[1]+" "+constraint.ReplaceAllString(cols[2], "{$1}"))
	}
	routes = append(routes, newerWrites...)
	for _, route := range routes {
		switch {
		case reached[route]:
			n++
		case unreachableWrites[route] == "":
			missing = append(missing, route)
		}
	}
	total := len(routes)

	line := fmt.Sprintf("upstream write coverage: %d/%d routes (%d unreachable on purpose)\n",
		n, total, len(unreachableWrites))
	fmt.Print(line)
	_ = os.WriteFile(filepath.Join(os.TempDir(), "phizone-write-coverage.txt"), []byte(line), 0o644)
	if len(missing) > 0 {
		sort.Strings(missing)
		fmt.Fprintf(os.Stderr, "write routes no mutation of the suite reaches (%d):\n  %s\n",
			len(missing), strings.Join(missing, "\n  "))
		return 1
	}
	return 0
}

var constraint = regexp.MustCompile(`\{(\w+):\w+\}`)

// getRoutes reads the GET routes of the route table, written as the
// sandbox names them (without constraints: /charts/{id}).
func getRoutes(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	var routes []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) > 2 && cols[1] == "GET" {
			routes = append(routes, constraint.ReplaceAllString(cols[2], "{$1}"))
		}
	}
	return routes, sc.Err()
}
