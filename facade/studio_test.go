package facade_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
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

type restIDOwner struct {
	ID      string `json:"id"`
	OwnerID int    `json:"ownerId"`
}

// One chart submission with one of its assets and one of its service
// records, each read by its own route.
func TestStudioChartSubmissionPage(t *testing.T) {
	e := newEnv(t)
	var id string
	var asset, record restIDOwner
	subs, _ := restAs[[]restChartSubmission](e, adminToken, "/studio/charts", url.Values{"PerPage": {"100"}})
	for _, s := range subs {
		assets, _ := restAs[[]restIDOwner](e, adminToken, "/studio/charts/"+s.ID+"/assets", nil)
		records, _ := restAs[[]restIDOwner](e, adminToken, "/studio/charts/"+s.ID+"/serviceRecords", nil)
		if len(assets) > 0 && len(records) > 0 {
			id, asset, record = s.ID, assets[0], records[0]
			break
		}
	}
	if id == "" {
		t.Fatal("the sandbox has no chart submission with assets and service records")
	}
	want, _ := restAs[restChartSubmission](e, adminToken, "/studio/charts/"+id, nil)
	wantRecords := restTotalAs(e, adminToken, "/studio/charts/"+id+"/serviceRecords", nil)

	var got struct {
		ChartSubmission struct {
			ID, Title     *string
			Owner         struct{ ID string }
			Asset         struct{ DatabaseID, Type, Name string }
			ServiceRecord struct {
				DatabaseID      string
				ChartSubmission struct{ ID string }
				Owner           struct{ ID string }
			}
			ServiceRecords struct{ TotalCount int }
		}
	}
	a := e.query(`query($id: ID!, $asset: ID!, $record: ID!) { chartSubmission(id: $id) {
	  id title owner { id }
	  asset(id: $asset) { databaseId type name }
	  serviceRecord(id: $record) { databaseId chartSubmission { id } owner { id } }
	  serviceRecords(first: 5) { totalCount }
	} }`, map[string]any{"id": id, "asset": asset.ID, "record": record.ID}, adminToken, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	_, byRoute := e.calls()
	for _, route := range []string{"GET /studio/charts/{id}", "GET /studio/charts/{id}/assets/{assetId}",
		"GET /studio/charts/{id}/serviceRecords/{recordId}", "GET /studio/charts/{id}/serviceRecords"} {
		if byRoute[route] != 1 {
			t.Errorf("%s called %d times, want once (%v)", route, byRoute[route], byRoute)
		}
	}

	s := got.ChartSubmission
	if dbID(t, *s.ID) != id || dbID(t, s.Owner.ID) != strconv.Itoa(want.OwnerID) {
		t.Errorf("submission %+v, want %+v", s, want)
	}
	if s.Asset.DatabaseID != asset.ID || s.Asset.Name == "" || s.Asset.Type == "UNKNOWN" {
		t.Errorf("asset %+v, want %s with a name and a known type", s.Asset, asset.ID)
	}
	r := s.ServiceRecord
	if r.DatabaseID != record.ID || dbID(t, r.ChartSubmission.ID) != id || dbID(t, r.Owner.ID) != strconv.Itoa(record.OwnerID) {
		t.Errorf("service record %+v, want %+v on %s", r, record, id)
	}
	if s.ServiceRecords.TotalCount != wantRecords {
		t.Errorf("%d service records, want %d", s.ServiceRecords.TotalCount, wantRecords)
	}
}

// A member sees only their own song submissions; the chart submissions of
// a page of song submissions are one call.
func TestStudioSongSubmissions(t *testing.T) {
	e := newEnv(t)
	q := url.Values{"Order": {"Title"}, "Desc": {"false"}, "PerPage": {"30"}, "MinBpm": {"100"}}
	type restSong struct {
		ID         string  `json:"id"`
		Title      string  `json:"title"`
		OwnerID    *int    `json:"ownerId"`
		ReviewerID *int    `json:"reviewerId"`
		Bpm        float64 `json:"bpm"`
	}
	want, wantTotal := restAs[[]restSong](e, aliceToken, "/studio/songs", q)
	if wantTotal == 0 {
		t.Fatal("Alice owns no song submission with a BPM of 100 or more")
	}

	var got struct {
		SongSubmissions struct {
			TotalCount int
			Nodes      []struct {
				ID, Title        string
				Bpm              float64
				Duration         float64
				Owner            struct{ ID string }
				Reviewer         *struct{ ID string }
				ChartSubmissions struct {
					TotalCount int
					Nodes      []struct{ SongSubmission struct{ ID string } }
				}
			}
		}
	}
	a := e.query(`{ songSubmissions(first: 30, filter: { minBpm: 100 }, orderBy: [{ field: TITLE }]) {
	  totalCount
	  nodes {
	    id title bpm duration owner { id } reviewer { id }
	    chartSubmissions(first: 3) { totalCount nodes { songSubmission { id } } }
	  }
	} }`, nil, aliceToken, &got)
	_, byRoute := e.calls()
	if byRoute["GET /studio/charts"] != 1 || byRoute["GET /studio/songs"] != 1 {
		t.Errorf("calls %v, want one GET /studio/songs and one GET /studio/charts", byRoute)
	}
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}

	s := got.SongSubmissions
	if s.TotalCount != wantTotal || len(s.Nodes) != len(want) {
		t.Fatalf("total %d with %d nodes, want %d with %d", s.TotalCount, len(s.Nodes), wantTotal, len(want))
	}
	for i, n := range s.Nodes {
		w := want[i]
		if dbID(t, n.ID) != w.ID || n.Title != w.Title || n.Bpm != w.Bpm || n.Bpm < 100 || n.Duration <= 0 ||
			dbID(t, n.Owner.ID) != "2" || (n.Reviewer != nil) != (w.ReviewerID != nil) {
			t.Errorf("node %d = %+v, want the upstream's %+v owned by Alice", i, n, w)
		}
		wantCharts := restTotalAs(e, aliceToken, "/studio/charts", url.Values{"RangeSongSubmissionId": {w.ID}})
		if n.ChartSubmissions.TotalCount != wantCharts {
			t.Errorf("node %d: %d chart submissions, want %d", i, n.ChartSubmissions.TotalCount, wantCharts)
		}
		for _, c := range n.ChartSubmissions.Nodes {
			if c.SongSubmission.ID != n.ID {
				t.Errorf("node %d: a chart submission is for %s", i, c.SongSubmission.ID)
			}
		}
	}
}

// The service records of a song submission need a qualified caller: Bob
// reads them, Alice, a member, is refused.
func TestStudioSongSubmissionServiceRecords(t *testing.T) {
	e := newEnv(t)
	var id string
	var record restIDOwner
	subs, _ := restAs[[]restIDOwner](e, bobToken, "/studio/songs", url.Values{"PerPage": {"100"}})
	for _, s := range subs {
		records, _ := restAs[[]restIDOwner](e, bobToken, "/studio/songs/"+s.ID+"/serviceRecords", nil)
		if len(records) > 0 {
			id, record = s.ID, records[0]
			break
		}
	}
	if id == "" {
		t.Fatal("Bob owns no song submission with service records")
	}
	wantTotal := restTotalAs(e, bobToken, "/studio/songs/"+id+"/serviceRecords", nil)

	doc := `query($id: ID!, $record: ID!) { songSubmission(id: $id) {
	  serviceRecords(first: 10) { totalCount nodes { databaseId songSubmission { id } chartSubmission { id } } }
	  serviceRecord(id: $record) { databaseId owner { id } }
	} }`
	vars := map[string]any{"id": id, "record": record.ID}
	var got struct {
		SongSubmission struct {
			ServiceRecords struct {
				TotalCount int
				Nodes      []struct {
					DatabaseID      string
					SongSubmission  *struct{ ID string }
					ChartSubmission *struct{ ID string }
				}
			}
			ServiceRecord struct {
				DatabaseID string
				Owner      struct{ ID string }
			}
		}
	}
	if a := e.query(doc, vars, bobToken, &got); len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	s := got.SongSubmission
	if s.ServiceRecords.TotalCount != wantTotal || len(s.ServiceRecords.Nodes) != min(10, wantTotal) {
		t.Errorf("%d service records (%d read), want %d", s.ServiceRecords.TotalCount,
			len(s.ServiceRecords.Nodes), wantTotal)
	}
	for _, n := range s.ServiceRecords.Nodes {
		if n.SongSubmission == nil || dbID(t, n.SongSubmission.ID) != id || n.ChartSubmission != nil {
			t.Errorf("record %s: song submission %v, chart submission %v; want %s only",
				n.DatabaseID, n.SongSubmission, n.ChartSubmission, id)
		}
	}
	if s.ServiceRecord.DatabaseID != record.ID || dbID(t, s.ServiceRecord.Owner.ID) != strconv.Itoa(record.OwnerID) {
		t.Errorf("service record %+v, want %+v", s.ServiceRecord, record)
	}

	a := e.query(`query($id: ID!) { songSubmission(id: $id) { serviceRecords(first: 1) { totalCount } } }`,
		map[string]any{"id": id}, aliceToken, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("Alice: errors %+v, want one FORBIDDEN", a.Errors)
	}
}

type restAdmission struct {
	Admitter    struct{ ID string } `json:"admitter"`
	Admittee    struct{ ID string } `json:"admittee"`
	Status      int                 `json:"status"`
	RequesterID int                 `json:"requesterId"`
	RequesteeID int                 `json:"requesteeId"`
}

// Each admission list, filtered and ordered, then one admission of it by
// its own route; requesters and requestees of a page are one call.
func TestStudioAdmissions(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		list, route, one, admitter, admittee string
	}{
		{"chapterAdmissions", "/admissions/chapters", "chapterAdmission", "chapterId", "songId"},
		{"collectionAdmissions", "/admissions/collections", "collectionAdmission", "collectionId", "chartId"},
		{"songAdmissions", "/admissions/songs", "songAdmission", "songId", "chartSubmissionId"},
		{"songSubmissionAdmissions", "/admissions/songSubmissions", "songSubmissionAdmission",
			"songSubmissionId", "chartSubmissionId"},
		{"chartAdmissions", "/admissions/charts", "chartAdmission", "songId", "chartSubmissionId"},
	}
	for _, tc := range cases {
		t.Run(tc.list, func(t *testing.T) {
			q := url.Values{"all": {"true"}, "RangeStatus": {"Approved", "Waiting"}, "Order": {"DateCreated"},
				"Desc": {"false"}, "PerPage": {"20"}}
			want, wantTotal := restAs[[]restAdmission](e, adminToken, tc.route, q)
			if len(want) == 0 {
				t.Fatalf("the sandbox has no %s", tc.list)
			}

			var got map[string]struct {
				TotalCount int
				Nodes      []struct {
					ID, AdmitterID, AdmitteeID, Status, DateCreated string
					Admittee                                        struct{ ID string }
					Requester, Requestee                            struct{ ID string }
				}
			}
			doc := `{ x: ` + tc.list + `(first: 20, all: true, filter: { rangeStatus: [APPROVED, WAITING] },
			    orderBy: [{ field: DATE_CREATED }]) {
			  totalCount
			  nodes { id admitterId admitteeId status dateCreated admittee { id } requester { id } requestee { id } }
			} }`
			if a := e.query(doc, nil, adminToken, &got); len(a.Errors) > 0 {
				t.Fatalf("errors: %+v", a.Errors)
			}
			if _, byRoute := e.calls(); byRoute["GET "+tc.route] != 1 || byRoute["GET /users"] > 2 {
				t.Errorf("calls %v, want one list call and at most two user batches", byRoute)
			}
			x := got["x"]
			if x.TotalCount != wantTotal || len(x.Nodes) != len(want) {
				t.Fatalf("total %d with %d nodes, want %d with %d", x.TotalCount, len(x.Nodes), wantTotal, len(want))
			}
			for i, n := range x.Nodes {
				w := want[i]
				if n.AdmitterID != w.Admitter.ID || n.AdmitteeID != w.Admittee.ID ||
					n.Status != requestStatusNames[w.Status] || dbID(t, n.Admittee.ID) != w.Admittee.ID ||
					dbID(t, n.Requester.ID) != strconv.Itoa(w.RequesterID) ||
					dbID(t, n.Requestee.ID) != strconv.Itoa(w.RequesteeID) {
					t.Errorf("node %d = %+v, want the upstream's %+v", i, n, w)
				}
				if i > 0 && n.DateCreated < x.Nodes[i-1].DateCreated {
					t.Errorf("admissions are not oldest first")
				}
			}

			n := x.Nodes[0]
			var one map[string]struct{ ID, Status string }
			doc = `query($a: ID!, $b: ID!) { x: ` + tc.one + `(` + tc.admitter + `: $a, ` + tc.admittee + `: $b) { id status } }`
			if a := e.query(doc, map[string]any{"a": n.AdmitterID, "b": n.AdmitteeID}, adminToken, &one); len(a.Errors) > 0 {
				t.Fatalf("errors: %+v", a.Errors)
			}
			if one["x"].ID != n.ID || one["x"].Status != n.Status {
				t.Errorf("%s = %+v, want %s %s", tc.one, one["x"], n.ID, n.Status)
			}
		})
	}
}

// A volunteer's list of every collaboration: the submissions of a page are
// read in one call per kind, and each collaboration has exactly one.
func TestStudioCollaborations(t *testing.T) {
	e := newEnv(t)
	type restCollaboration struct {
		ID           string `json:"id"`
		SubmissionID string `json:"submissionId"`
		InviterID    int    `json:"inviterId"`
		InviteeID    int    `json:"inviteeId"`
	}
	q := url.Values{"all": {"true"}, "RangeStatus": {"Waiting"}, "Order": {"DateCreated", "Id"},
		"Desc": {"true", "true"}, "PerPage": {"25"}}
	want, wantTotal := restAs[[]restCollaboration](e, adminToken, "/collaborations", q)

	var got struct {
		Collaborations struct {
			TotalCount int
			Nodes      []struct {
				ID, SubmissionID, Status string
				ChartSubmission          *struct{ DatabaseID string }
				SongSubmission           *struct{ DatabaseID string }
				Inviter, Invitee         struct{ ID string }
			}
		}
	}
	a := e.query(`{ collaborations(first: 25, all: true, filter: { rangeStatus: [WAITING] },
	    orderBy: [{ field: DATE_CREATED, direction: DESC }]) {
	  totalCount
	  nodes { id submissionId status chartSubmission { databaseId } songSubmission { databaseId }
	          inviter { id } invitee { id } }
	} }`, nil, adminToken, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	_, byRoute := e.calls()
	for _, route := range []string{"GET /collaborations", "GET /studio/charts", "GET /studio/songs"} {
		if byRoute[route] != 1 {
			t.Errorf("%s called %d times, want once (%v)", route, byRoute[route], byRoute)
		}
	}

	c := got.Collaborations
	if c.TotalCount != wantTotal || len(c.Nodes) != len(want) {
		t.Fatalf("total %d with %d nodes, want %d with %d", c.TotalCount, len(c.Nodes), wantTotal, len(want))
	}
	kinds := map[bool]int{}
	for i, n := range c.Nodes {
		w := want[i]
		if dbID(t, n.ID) != w.ID || n.SubmissionID != w.SubmissionID || n.Status != "WAITING" ||
			dbID(t, n.Inviter.ID) != strconv.Itoa(w.InviterID) || dbID(t, n.Invitee.ID) != strconv.Itoa(w.InviteeID) {
			t.Errorf("node %d = %+v, want the upstream's %+v", i, n, w)
		}
		if (n.ChartSubmission == nil) == (n.SongSubmission == nil) {
			t.Errorf("node %d: chart submission %v and song submission %v; want exactly one", i,
				n.ChartSubmission, n.SongSubmission)
		}
		kinds[n.ChartSubmission != nil]++
	}
	if kinds[true] == 0 || kinds[false] == 0 {
		t.Errorf("the page has %d collaborations on chart and %d on song submissions; want both", kinds[true], kinds[false])
	}

	var one struct{ Collaboration struct{ ID, Position string } }
	first := c.Nodes[0]
	if a := e.query(`query($id: ID!) { collaboration(id: $id) { id position } }`,
		map[string]any{"id": first.ID}, adminToken, &one); len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	if one.Collaboration.ID != first.ID || one.Collaboration.Position == "" {
		t.Errorf("collaboration = %+v, want %s with a position", one.Collaboration, first.ID)
	}
}

// Resource records and service scripts are public; service records are the
// caller's own, and their scripts are batched.
func TestStudioServicesAndRecords(t *testing.T) {
	e := newEnv(t)

	t.Run("resource records", func(t *testing.T) {
		q := url.Values{"RangeType": {"Music"}, "Order": {"Title"}, "Desc": {"false"}, "PerPage": {"10"}}
		want, wantTotal := restAs[[]struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		}](e, "", "/resourceRecords", q)
		var got struct {
			ResourceRecords struct {
				TotalCount int
				Nodes      []struct{ ID, Title, Type, Strategy string }
			}
			ResourceRecord struct{ Title, Source, CopyrightOwner string }
		}
		e.mustQuery(`query($id: ID!) {
		  resourceRecords(first: 10, filter: { rangeType: [MUSIC] }, orderBy: [{ field: TITLE }]) {
		    totalCount nodes { id title type strategy }
		  }
		  resourceRecord(id: $id) { title source copyrightOwner }
		}`, map[string]any{"id": want[0].ID}, &got)
		r := got.ResourceRecords
		if r.TotalCount != wantTotal || len(r.Nodes) != len(want) {
			t.Fatalf("total %d with %d nodes, want %d with %d", r.TotalCount, len(r.Nodes), wantTotal, len(want))
		}
		for i, n := range r.Nodes {
			if dbID(t, n.ID) != want[i].ID || n.Title != want[i].Title || n.Type != "MUSIC" || n.Strategy == "UNKNOWN" {
				t.Errorf("node %d = %+v, want %+v of type MUSIC", i, n, want[i])
			}
		}
		if got.ResourceRecord.Title != want[0].Title || got.ResourceRecord.Source == "" {
			t.Errorf("resourceRecord = %+v, want %q with a source", got.ResourceRecord, want[0].Title)
		}
	})

	t.Run("service scripts and records", func(t *testing.T) {
		scripts, total := restAs[[]struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		}](e, "", "/services", url.Values{"RangeTargetType": {"ChartSubmission"}})
		mine := restTotalAs(e, bobToken, "/services/records", nil)
		if total == 0 || mine == 0 {
			t.Fatalf("%d chart submission scripts and %d records of Bob; want some", total, mine)
		}

		var got struct {
			ServiceScripts struct {
				TotalCount int
				Nodes      []struct {
					Name, TargetType string
					Parameters       []string
					Records          struct {
						TotalCount int
						Nodes      []struct{ Owner struct{ ID string } }
					}
				}
			}
			ServiceScript  struct{ Name string }
			ServiceRecords struct {
				TotalCount int
				Nodes      []struct {
					ID      string
					Service struct{ Name string }
					Owner   struct{ ID string }
				}
			}
		}
		a := e.query(`query($id: ID!) {
		  serviceScripts(first: 20, filter: { rangeTargetType: [CHART_SUBMISSION] }) {
		    totalCount nodes { name targetType parameters records(first: 3) { totalCount nodes { owner { id } } } }
		  }
		  serviceScript(id: $id) { name }
		  serviceRecords(first: 30) { totalCount nodes { id service { name } owner { id } } }
		}`, map[string]any{"id": scripts[0].ID}, bobToken, &got)
		if len(a.Errors) > 0 {
			t.Fatalf("errors: %+v", a.Errors)
		}
		_, byRoute := e.calls()
		if byRoute["GET /services"] != 2 || byRoute["GET /services/records"] != 2 {
			t.Errorf("calls %v, want two GET /services (list, batch of scripts) and two GET /services/records"+
				" (list, batch of the scripts' records)", byRoute)
		}

		if got.ServiceScripts.TotalCount != total || got.ServiceScript.Name != scripts[0].Name {
			t.Errorf("%d scripts, script %q; want %d and %q", got.ServiceScripts.TotalCount,
				got.ServiceScript.Name, total, scripts[0].Name)
		}
		runs := 0
		for _, s := range got.ServiceScripts.Nodes {
			if s.TargetType != "CHART_SUBMISSION" {
				t.Errorf("script %q targets %s", s.Name, s.TargetType)
			}
			runs += s.Records.TotalCount
			for _, r := range s.Records.Nodes {
				if r.Owner.ID != got.ServiceRecords.Nodes[0].Owner.ID {
					t.Errorf("script %q shows a run of %s to Bob", s.Name, r.Owner.ID)
				}
			}
		}
		if runs > mine {
			t.Errorf("the scripts show %d runs, more than Bob's %d", runs, mine)
		}
		if got.ServiceRecords.TotalCount != mine {
			t.Errorf("%d service records, want Bob's %d", got.ServiceRecords.TotalCount, mine)
		}
		for _, r := range got.ServiceRecords.Nodes {
			if dbID(t, r.Owner.ID) != "3" || r.Service.Name == "" {
				t.Errorf("record %+v, want one of Bob's with its script", r)
			}
		}
		var one struct{ ServiceRecord struct{ ID string } }
		id := got.ServiceRecords.Nodes[0].ID
		if a := e.query(`query($id: ID!) { serviceRecord(id: $id) { id } }`, map[string]any{"id": id}, bobToken, &one); len(a.Errors) > 0 || one.ServiceRecord.ID != id {
			t.Errorf("serviceRecord(%s) = %+v, errors %+v", id, one.ServiceRecord, a.Errors)
		}
	})
}

// A chart's assets are public: a list with a filter, and one asset with
// its chart and owner.
func TestStudioChartAssets(t *testing.T) {
	e := newEnv(t)
	type restAsset struct {
		ID      string `json:"id"`
		ChartID string `json:"chartId"`
		Name    string `json:"name"`
		OwnerID *int   `json:"ownerId"`
	}
	var chart string
	var want []restAsset
	for _, c := range rest[[]restChart](e, "/charts", url.Values{"PerPage": {"60"}}) {
		if want = rest[[]restAsset](e, "/charts/"+c.ID+"/assets",
			url.Values{"Order": {"Name", "Id"}, "Desc": {"false", "false"}}); len(want) > 1 {
			chart = c.ID
			break
		}
	}
	if chart == "" {
		t.Fatal("no chart of the first 60 has two assets")
	}

	var got struct {
		Chart struct {
			Assets struct {
				TotalCount int
				Nodes      []struct{ DatabaseID, Name, Type string }
			}
			Asset struct {
				ID, File string
				Chart    struct{ ID string }
				Owner    *struct{ ID string }
			}
		}
	}
	e.mustQuery(`query($id: ID!, $asset: ID!) { chart(id: $id) {
	  assets(first: 10, orderBy: [{ field: NAME }]) { totalCount nodes { databaseId name type } }
	  asset(id: $asset) { id file chart { id } owner { id } }
	} }`, map[string]any{"id": chart, "asset": want[0].ID}, &got)
	if _, byRoute := e.calls(); byRoute["GET /charts/{id}/assets"] != 1 || byRoute["GET /charts/{id}/assets/{assetId}"] != 1 {
		t.Errorf("calls %v, want one list and one single read of the assets", byRoute)
	}

	as := got.Chart.Assets
	if as.TotalCount != len(want) {
		t.Fatalf("%d assets, want %d", as.TotalCount, len(want))
	}
	for i, n := range as.Nodes {
		if n.DatabaseID != want[i].ID || n.Name != want[i].Name || n.Type == "UNKNOWN" {
			t.Errorf("asset %d = %+v, want %+v", i, n, want[i])
		}
	}
	a := got.Chart.Asset
	if dbID(t, a.Chart.ID) != chart || a.File == "" || a.Owner == nil || dbID(t, a.Owner.ID) != strconv.Itoa(*want[0].OwnerID) {
		t.Errorf("asset %+v, want one of chart %s owned by %d", a, chart, *want[0].OwnerID)
	}
}

// The studio's fields that need a signed-in caller fail without a token,
// before any upstream call; the headline depends on the caller's role.
func TestStudioSignedIn(t *testing.T) {
	e := newEnv(t)
	for _, doc := range []string{
		`{ chartSubmissions(first: 1) { totalCount } }`,
		`{ songSubmissions(first: 1) { totalCount } }`,
		`{ chapterAdmissions(first: 1) { totalCount } }`,
		`{ collaborations(first: 1) { totalCount } }`,
		`{ serviceRecords(first: 1) { totalCount } }`,
		`{ studioHeadline }`,
	} {
		a := e.query(doc, nil, "", nil)
		if n, _ := e.calls(); n != 0 || len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Errorf("%s: %d upstream calls, errors %+v; want one UNAUTHENTICATED and no call", doc, n, a.Errors)
		}
	}

	headlines := map[string]string{}
	for _, tok := range []string{aliceToken, bobToken} {
		var got struct{ StudioHeadline string }
		if a := e.query(`{ studioHeadline }`, nil, tok, &got); len(a.Errors) > 0 || got.StudioHeadline == "" {
			t.Fatalf("headline %q, errors %+v", got.StudioHeadline, a.Errors)
		}
		headlines[tok] = got.StudioHeadline
	}
	if headlines[aliceToken] == headlines[bobToken] {
		t.Errorf("a member and a qualified user read the same headline %q", headlines[aliceToken])
	}
}

// Enum integers of a newer upstream come back as UNKNOWN in the studio's
// types too, beside the other fields.
func TestStudioUnknownEnumValues(t *testing.T) {
	e := newEnv(t)
	var id string
	e.sandbox.Update(func(d *sandbox.Data) {
		st := &d.Areas.Studio
		st.ChartSubmissions[0].Status = 7
		st.ChartSubmissions[0].VolunteerStatus = 8
		id = st.ChartSubmissions[0].ID
		st.ServiceScripts[0].TargetType = 9
		st.ResourceRecords[0].Strategy = 10
	})

	var got struct {
		ChartSubmission struct{ Status, VolunteerStatus, Level string }
		ServiceScripts  struct {
			Nodes []struct{ ID, TargetType string }
		}
	}
	a := e.query(`query($id: ID!) {
	  chartSubmission(id: $id) { status volunteerStatus level }
	  serviceScripts(first: 100) { nodes { id targetType } }
	}`, map[string]any{"id": id}, adminToken, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors = %+v, want none", a.Errors)
	}
	if s := got.ChartSubmission; s.Status != "UNKNOWN" || s.VolunteerStatus != "UNKNOWN" || s.Level == "" {
		t.Errorf("chart submission = %+v, want UNKNOWN statuses beside its level", s)
	}
	unknown := 0
	for _, n := range got.ServiceScripts.Nodes {
		if n.TargetType == "UNKNOWN" {
			unknown++
		}
	}
	if unknown != 1 {
		t.Errorf("%d scripts with an UNKNOWN target, want 1", unknown)
	}
}

// Every type, field, argument, enum value and input field of the studio's
// schema says what it is.
func TestStudioDescriptions(t *testing.T) {
	e := newEnv(t)
	var schema struct {
		Schema struct {
			Types []struct {
				Name, Description string
				Fields            []struct {
					Name, Description string
					Args              []struct{ Name, Description string }
				}
				InputFields []struct{ Name, Description string }
				EnumValues  []struct{ Name, Description string }
			}
		} `json:"__schema"`
	}
	e.mustQuery(`{ __schema { types { name description
	  fields { name description args { name description } }
	  inputFields { name description }
	  enumValues { name description } } } }`, nil, &schema)

	studio := []string{"ChartSubmission", "SongSubmission", "ChartAsset", "VolunteerVote", "Admission",
		"Collaboration", "ResourceRecord", "ServiceScript", "ServiceRecord", "ApplicationServiceRecord",
		"RequestStatus", "ServiceTargetType"}
	checked := 0
	for _, ty := range schema.Schema.Types {
		if !slices.ContainsFunc(studio, func(p string) bool { return strings.Contains(ty.Name, p) }) {
			continue
		}
		checked++
		if ty.Description == "" {
			t.Errorf("type %s has no description", ty.Name)
		}
		for _, f := range ty.Fields {
			if f.Description == "" {
				t.Errorf("%s.%s has no description", ty.Name, f.Name)
			}
			for _, a := range f.Args {
				if a.Description == "" {
					t.Errorf("%s.%s(%s) has no description", ty.Name, f.Name, a.Name)
				}
			}
		}
		for _, f := range append(ty.InputFields, ty.EnumValues...) {
			if f.Description == "" {
				t.Errorf("%s.%s has no description", ty.Name, f.Name)
			}
		}
	}
	if checked < 40 {
		t.Errorf("checked %d studio types, want every one of them", checked)
	}
}

// The submissions of a page of users, and of a page of songs, cost one
// call per kind of submission.
func TestStudioSubmissionsOfUsersAndSongs(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Users struct {
			Nodes []struct {
				DatabaseID       string
				ChartSubmissions struct{ TotalCount int }
				SongSubmissions  struct {
					TotalCount int
					Nodes      []struct{ Owner struct{ DatabaseID string } }
				}
			}
		}
		Songs struct {
			Nodes []struct {
				DatabaseID       string
				ChartSubmissions struct {
					TotalCount int
					Nodes      []struct{ Song struct{ DatabaseID string } }
				}
			}
		}
	}
	a := e.query(`{
	  users(first: 5, filter: { rangeId: [1, 2, 3, 4, 5] }) { nodes { databaseId
	    chartSubmissions(first: 3) { totalCount }
	    songSubmissions(first: 3) { totalCount nodes { owner { databaseId } } }
	  } }
	  songs(first: 10) { nodes { databaseId
	    chartSubmissions(first: 3, orderBy: [{ field: DIFFICULTY }]) { totalCount nodes { song { databaseId } } }
	  } }
	}`, nil, adminToken, &got)
	if len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	if _, byRoute := e.calls(); byRoute["GET /studio/charts"] != 2 || byRoute["GET /studio/songs"] != 1 {
		t.Errorf("calls %v, want two GET /studio/charts (users, songs) and one GET /studio/songs", byRoute)
	}

	for _, u := range got.Users.Nodes {
		charts := restTotalAs(e, adminToken, "/studio/charts", url.Values{"RangeOwnerId": {u.DatabaseID}})
		songs := restTotalAs(e, adminToken, "/studio/songs", url.Values{"RangeOwnerId": {u.DatabaseID}})
		if u.ChartSubmissions.TotalCount != charts || u.SongSubmissions.TotalCount != songs {
			t.Errorf("user %s: %d chart and %d song submissions, want %d and %d", u.DatabaseID,
				u.ChartSubmissions.TotalCount, u.SongSubmissions.TotalCount, charts, songs)
		}
		for _, s := range u.SongSubmissions.Nodes {
			if s.Owner.DatabaseID != u.DatabaseID {
				t.Errorf("user %s lists a song submission of %s", u.DatabaseID, s.Owner.DatabaseID)
			}
		}
	}
	for _, s := range got.Songs.Nodes {
		want := restTotalAs(e, adminToken, "/studio/charts", url.Values{"RangeSongId": {s.DatabaseID}})
		if s.ChartSubmissions.TotalCount != want {
			t.Errorf("song %s: %d chart submissions, want %d", s.DatabaseID, s.ChartSubmissions.TotalCount, want)
		}
		for _, c := range s.ChartSubmissions.Nodes {
			if c.Song.DatabaseID != s.DatabaseID {
				t.Errorf("song %s lists a chart submission for %s", s.DatabaseID, c.Song.DatabaseID)
			}
		}
	}
}

// The last items of a studio list are its first ones in the reverse
// order, read in one call.
func TestStudioLastWindow(t *testing.T) {
	e := newEnv(t)
	for _, field := range []string{"chartSubmissions", "songAdmissions(all: true", "collaborations(all: true"} {
		args := func(window string) string {
			if strings.HasSuffix(field, "true") {
				return field + ", " + window + ")"
			}
			return field + "(" + window + ")"
		}
		var tail, all map[string]struct {
			TotalCount int
			Nodes      []struct{ ID string }
		}
		doc := `{ x: ` + args("last: 3") + ` { totalCount nodes { id } } }`
		if a := e.query(doc, nil, adminToken, &tail); len(a.Errors) > 0 {
			t.Fatalf("%s: errors %+v", doc, a.Errors)
		}
		if n, _ := e.calls(); n != 1 {
			t.Errorf("%s made %d upstream calls, want 1", doc, n)
		}
		total := tail["x"].TotalCount
		doc = `{ x: ` + args("offset: "+strconv.Itoa(total-3)+", first: 3") + ` { totalCount nodes { id } } }`
		if a := e.query(doc, nil, adminToken, &all); len(a.Errors) > 0 {
			t.Fatalf("%s: errors %+v", doc, a.Errors)
		}
		if !slices.Equal(tail["x"].Nodes, all["x"].Nodes) || len(tail["x"].Nodes) != 3 {
			t.Errorf("%s: last 3 = %v, want %v", field, tail["x"].Nodes, all["x"].Nodes)
		}
	}
}

// A member reads any submission by ID, though the lists show them only
// their own: relations and node(id:) read what the batch lacks by its own
// route.
func TestStudioSubmissionOfAnother(t *testing.T) {
	e := newEnv(t)
	var id string
	subs, _ := restAs[[]restChartSubmission](e, adminToken, "/studio/charts", url.Values{"PerPage": {"200"}})
	for _, s := range subs {
		if s.OwnerID != 2 && restTotalAs(e, adminToken, "/studio/charts/"+s.ID+"/assets", nil) > 0 {
			id = s.ID
			break
		}
	}
	if id == "" {
		t.Fatal("no chart submission of another user than Alice has assets")
	}

	var got struct {
		ChartSubmission struct {
			ID     string
			Assets struct {
				Nodes []struct{ ChartSubmission *struct{ ID string } }
			}
		}
	}
	doc := `query($id: ID!) { chartSubmission(id: $id) { id assets(first: 3) { nodes { chartSubmission { id } } } } }`
	if a := e.query(doc, map[string]any{"id": id}, aliceToken, &got); len(a.Errors) > 0 {
		t.Fatalf("errors: %+v", a.Errors)
	}
	for _, n := range got.ChartSubmission.Assets.Nodes {
		if n.ChartSubmission == nil || n.ChartSubmission.ID != got.ChartSubmission.ID {
			t.Errorf("an asset's submission is %v, want %s", n.ChartSubmission, got.ChartSubmission.ID)
		}
	}

	var node struct{ Node struct{ ID string } }
	if a := e.query(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": got.ChartSubmission.ID},
		aliceToken, &node); len(a.Errors) > 0 || node.Node.ID != got.ChartSubmission.ID {
		t.Errorf("node(%s) = %+v, errors %+v", got.ChartSubmission.ID, node.Node, a.Errors)
	}
}
