package facade_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"testing"
)

// The sandbox's signed-in callers (see the README).
const (
	adminToken = "sandbox-admin-token" // ZoneKeeper (1), administrator
	aliceToken = "sandbox-alice-token" // Alice_Rhythm (2), member
	bobToken   = "sandbox-bob-token"   // BobCharts (3), qualified
)

func init() {
	studio := map[string]string{
		"ChartSubmission":      `{ x: chartSubmissions(first: 1) { nodes { id } } }`,
		"SongSubmission":       `{ x: songSubmissions(first: 1) { nodes { id } } }`,
		"ChartAssetSubmission": `{ x: chartSubmissions(first: 30) { nodes { assets(first: 1) { nodes { id } } } } }`,
		"VolunteerVote":        `{ x: chartSubmissions(first: 10) { nodes { votes(first: 1) { nodes { id } } } } }`,
		"ApplicationServiceRecord": `{ x: chartSubmissions(first: 10) {
			nodes { serviceRecords(first: 1) { nodes { id } } } } }`,
		"ChapterAdmission":        `{ x: chapterAdmissions(first: 1, all: true) { nodes { id } } }`,
		"CollectionAdmission":     `{ x: collectionAdmissions(first: 1, all: true) { nodes { id } } }`,
		"SongAdmission":           `{ x: songAdmissions(first: 1, all: true) { nodes { id } } }`,
		"SongSubmissionAdmission": `{ x: songSubmissionAdmissions(first: 1, all: true) { nodes { id } } }`,
		"Collaboration":           `{ x: collaborations(first: 1, all: true) { nodes { id } } }`,
		"ServiceRecord":           `{ x: serviceRecords(first: 1) { nodes { id } } }`,
	}
	for typeName, sample := range studio {
		nodeSamples[typeName] = sample
		nodeTokens[typeName] = adminToken
	}
	nodeSamples["ChartAsset"] = `{ x: charts(first: 30) { nodes { assets(first: 1) { nodes { id } } } } }`
	nodeSamples["ResourceRecord"] = `{ x: resourceRecords(first: 1) { nodes { id } } }`
	nodeSamples["ServiceScript"] = `{ x: serviceScripts(first: 1) { nodes { id } } }`

	// Reads of the API index that the source snapshot lacks, read from
	// other versions of the upstream: the chart submissions' side of song
	// admissions, and the service records of submissions. ("An admission
	// requested from a song" has the path of /admissions/songs/{songId}/
	// {chartSubmissionId}, which the suite reaches.)
	newerReads = append(newerReads,
		"/admissions/charts",
		"/admissions/charts/{chartId}/{songId}",
		"/studio/charts/{id}/serviceRecords",
		"/studio/charts/{id}/serviceRecords/{recordId}",
		"/studio/songs/{id}/serviceRecords",
		"/studio/songs/{id}/serviceRecords/{recordId}",
	)
}

// restAs reads the sandbox directly as a signed-in caller, for expected
// values; it fails the test on any status but 200.
func restAs[T any](e *env, token, path string, query url.Values) (T, int) {
	e.t.Helper()
	u := e.rest.URL + path
	if query != nil {
		u += "?" + query.Encode()
	}
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()

	var env restEnvelope[T]
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		e.t.Fatalf("GET %s: decode: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		e.t.Fatalf("GET %s: %d %s", path, resp.StatusCode, env.Code)
	}
	return env.Data, env.Total
}

var (
	_ = slices.Contains[[]string]
	_ = strconv.Itoa
)

// restChartSubmission is the part of ChartSubmissionDto the tests compare.
type restChartSubmission struct {
	ID               string  `json:"id"`
	Title            *string `json:"title"`
	Difficulty       float64 `json:"difficulty"`
	Status           int     `json:"status"`
	OwnerID          int     `json:"ownerId"`
	SongID           *string `json:"songId"`
	SongSubmissionID *string `json:"songSubmissionId"`
	RepresentationID *string `json:"representationId"`
}

var requestStatusNames = []string{"WAITING", "APPROVED", "REJECTED"}

// A volunteer's list of chart submissions, filtered and ordered, with
// every relation: the owners, songs, song submissions and charts of the
// page are one call each; assets and votes have only their submission's
// own route, so they cost one call per submission.
func TestStudioChartSubmissionList(t *testing.T) {
	e := newEnv(t)
	q := url.Values{"RangeStatus": {"Approved"}, "Order": {"Difficulty", "Id"}, "Desc": {"true", "true"}, "PerPage": {"10"}}
	want, wantTotal := restAs[[]restChartSubmission](e, adminToken, "/studio/charts", q)

	var got struct {
		ChartSubmissions struct {
			TotalCount int
			Nodes      []struct {
				ID, Status     string
				Difficulty     float64
				Owner          struct{ ID string }
				Song           *struct{ ID string }
				SongSubmission *struct{ ID string }
				Representation *struct{ ID string }
				Assets         struct{ TotalCount int }
				Votes          struct {
					TotalCount int
					Nodes      []struct{ Owner struct{ ID string } }
				}
				Collaborations struct{ TotalCount int }
			}
		}
	}
	a := e.query(`{ chartSubmissions(first: 10, filter: { rangeStatus: [APPROVED] },
	    orderBy: [{ field: DIFFICULTY, direction: DESC }]) {
	  totalCount
	  nodes {
	    id status difficulty owner { id } song { id } songSubmission { id } representation { id }
	    assets(first: 5) { totalCount }
	    votes(first: 3) { totalCount nodes { owner { id } } }
	    collaborations(first: 5) { totalCount }
	  }
	} }`, nil, adminToken, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	_, byRoute := e.calls()

	for route, n := range map[string]int{
		"GET /studio/charts": 1, "GET /charts": 1, "GET /collaborations": 1,
		"GET /studio/charts/{id}/assets": 10, "GET /studio/charts/{id}/votes": 10,
	} {
		if byRoute[route] != n {
			t.Errorf("%s called %d times, want %d (%v)", route, byRoute[route], n, byRoute)
		}
	}
	if byRoute["GET /users"] > 2 || byRoute["GET /studio/songs"] > 1 {
		t.Errorf("owners and song submissions were not batched: %v", byRoute)
	}

	c := got.ChartSubmissions
	if c.TotalCount != wantTotal || len(c.Nodes) != len(want) {
		t.Fatalf("total %d with %d nodes, want %d with %d", c.TotalCount, len(c.Nodes), wantTotal, len(want))
	}
	for i, n := range c.Nodes {
		w := want[i]
		if dbID(t, n.ID) != w.ID || n.Difficulty != w.Difficulty || n.Status != "APPROVED" ||
			dbID(t, n.Owner.ID) != strconv.Itoa(w.OwnerID) {
			t.Errorf("node %d = %+v, want the upstream's %+v", i, n, w)
		}
		if (n.Song != nil) != (w.SongID != nil) || (n.SongSubmission != nil) != (w.SongSubmissionID != nil) ||
			(n.Representation != nil) != (w.RepresentationID != nil) {
			t.Errorf("node %d: song %v, song submission %v, chart %v; want as the upstream's %+v",
				i, n.Song, n.SongSubmission, n.Representation, w)
		}
		assets := restTotalAs(e, adminToken, "/studio/charts/"+w.ID+"/assets", nil)
		votes := restTotalAs(e, adminToken, "/studio/charts/"+w.ID+"/votes", nil)
		if n.Assets.TotalCount != assets || n.Votes.TotalCount != votes || len(n.Votes.Nodes) != min(3, votes) {
			t.Errorf("node %d: %d assets, %d votes (%d read); want %d and %d", i,
				n.Assets.TotalCount, n.Votes.TotalCount, len(n.Votes.Nodes), assets, votes)
		}
	}
}

// restTotalAs reads the total of a list route as a signed-in caller.
func restTotalAs(e *env, token, path string, query url.Values) int {
	e.t.Helper()
	q := url.Values{"PerPage": {"1"}}
	for k, v := range query {
		q[k] = v
	}
	_, total := restAs[json.RawMessage](e, token, path, q)
	return total
}
