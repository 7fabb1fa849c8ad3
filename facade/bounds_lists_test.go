package facade_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
)

// Lists bounded in the schema: tags (how many, and each one's length: a
// tag written is a name, bounded as createTag bounds one; a tag matched
// ignores case and spacing, so it may be longer), the assets of one batch,
// and the values of a filter's range* lists, which the upstream would
// otherwise drop whole.

// tagNames returns n distinct tag names of size characters each.
func tagNames(n, size int) []string {
	out := make([]string, n)
	for i := range out {
		s := strconv.Itoa(i)
		out[i] = strings.Repeat("t", size-len(s)) + s
	}
	return out
}

// unknownGUIDs returns n GUIDs that name nothing in the sandbox.
func unknownGUIDs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "00000000-0000-4000-8000-" + strings.Repeat("0", 12-len(strconv.Itoa(i))) + strconv.Itoa(i)
	}
	return out
}

func TestTagListBounds(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	song := globalid.Encode("Song", songWithDuration(t, e.sandbox.Data()).ID)

	const updateSong = `mutation($id: ID!, $tags: [String!]) { updateSong(input: { songId: $id, tags: $tags }) {
		song { id } } }`
	const updateSubmission = `mutation($tags: [String!]) { updateChartSubmission(input: {
		chartSubmissionId: "00000000-0000-4000-8000-000000000001", tags: $tags }) { __typename } }`
	const check = `mutation($tags: [String!]!) { checkChartSubmissionEvent(input: { tags: $tags }) {
		__typename } }`
	const sessionSong = `mutation($input: CreateSubmissionSessionSongInput!) {
		createSubmissionSessionSong(input: $input) { __typename } }`
	const chartsTagged = `query($tags: [String!]) { charts(first: 1, filter: { tagsToInclude: $tags }) {
		totalCount } }`
	withTags := func(tags []string) map[string]any { return map[string]any{"id": song, "tags": tags} }
	long := tagNames(3, 20)
	long[2] += "x"
	sessionInput := sessionSongInput("00000000-0000-4000-8000-000000000001")
	sessionInput["tags"] = tagNames(51, 5)

	runBoundCases(t, e, []boundCase{
		{"51 tags on a song", updateSong, withTags(tagNames(51, 5)), admin,
			"input.tags", "at most 50 items, got 51"},
		{"5,000 tags on a song", updateSong, withTags(tagNames(5000, 5)), admin,
			"input.tags", "at most 50 items, got 5000"},
		{"a tag of 21 characters, the third", updateSong, withTags(long), admin,
			"input.tags[2]", "at most 20 characters, got 21"},
		{"a tag of 20,000 characters", updateSong, withTags([]string{strings.Repeat("好", 20000)}), admin,
			"input.tags[0]", "at most 20 characters, got 20000"},
		{"too many tags on a chart submission", updateSubmission, map[string]any{"tags": tagNames(51, 5)}, alice,
			"input.tags", "at most 50 items, got 51"},
		{"too many tags to check for an event", check, map[string]any{"tags": tagNames(51, 5)}, alice,
			"input.tags", "at most 50 items, got 51"},
		{"too many tags on a session's song", sessionSong, map[string]any{"input": sessionInput}, alice,
			"input.tags", "at most 50 items, got 51"},
		{"a filter on 101 tags", chartsTagged, map[string]any{"tags": tagNames(101, 5)}, "",
			"filter.tagsToInclude", "at most 100 items, got 101"},
		{"a filter on a tag of 101 characters", chartsTagged, map[string]any{"tags": tagNames(1, 101)}, "",
			"filter.tagsToInclude[0]", "at most 100 characters, got 101"},
		{"a tag of 101 characters to check for an event", check, map[string]any{"tags": tagNames(1, 101)}, alice,
			"input.tags[0]", "at most 100 characters, got 101"},
		{"50 tags of 20 characters on a song", updateSong, withTags(tagNames(50, 20)), admin, "", ""},
		{"a filter on 100 tags", chartsTagged, map[string]any{"tags": tagNames(100, 20)}, "", "", ""},
	})

	// At the bound the tags reach the upstream, all of them.
	held := rest[struct{ Tags []struct{ Name string } }](e, "/songs/"+dbID(t, song), nil)
	if len(held.Tags) != 50 {
		t.Errorf("the song holds %d tags, want 50", len(held.Tags))
	}
}

func TestAssetListBounds(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	submission := aliceChartSubmission(e)

	// assets returns n assets for vars' input, each with a file of its own.
	assets := func(n int, vars map[string]any) []chartSubmissionFile {
		list := make([]map[string]any, n)
		files := make([]chartSubmissionFile, n)
		for i := range list {
			name := "a" + strconv.Itoa(i) + ".png"
			list[i] = map[string]any{"type": "IMAGE", "name": name, "file": nil}
			files[i] = chartSubmissionFile{"variables.input.assets." + strconv.Itoa(i) + ".file", name, []byte("png")}
		}
		vars["input"].(map[string]any)["assets"] = list
		return files
	}
	const batch = `mutation($input: CreateChartSubmissionAssetsInput!) {
		createChartSubmissionAssets(input: $input) { assets { name } } }`
	const sessionBatch = `mutation($input: CreateSubmissionSessionAssetsInput!) {
		createSubmissionSessionAssets(input: $input) { sessionId } }`

	tests := []struct {
		name, doc, idKey string
		n                int
	}{
		{"101 assets on a chart submission", batch, "chartSubmissionId", 101},
		{"101 assets in a session", sessionBatch, "sessionId", 101},
		{"no assets in a session", sessionBatch, "sessionId", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]any{"input": map[string]any{tt.idKey: submission}}
			a := chartSubmissionUpload(e, alice, tt.doc, vars, assets(tt.n, vars), nil)
			wantBound(t, e, a, "input.assets")
			want := "from 1 to 100 items, got " + strconv.Itoa(tt.n)
			if len(a.Errors) == 1 && !strings.Contains(a.Errors[0].Message, want) {
				t.Errorf("message %q, want it to say %q", a.Errors[0].Message, want)
			}
		})
	}

	// 100 assets go up in one form and come back in one list call.
	var got struct {
		CreateChartSubmissionAssets struct{ Assets []struct{ Name string } }
	}
	vars := map[string]any{"input": map[string]any{"chartSubmissionId": submission}}
	a := chartSubmissionUpload(e, alice, batch, vars, assets(100, vars), &got)
	if n := len(got.CreateChartSubmissionAssets.Assets); len(a.Errors) > 0 || n != 100 {
		t.Fatalf("100 assets: %d back, errors %+v", n, a.Errors)
	}
	if _, byRoute := e.calls(); byRoute["POST /studio/charts/{id}/assets/batch"] != 1 ||
		byRoute["GET /studio/charts/{id}/assets"] != 1 {
		t.Errorf("100 assets: calls %v", byRoute)
	}
}

func TestRangeFilterBounds(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	ints := func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = 1_000_000 + i
		}
		return out
	}

	const chartsByID = `query($ids: [ID!]) { charts(first: 1, filter: { rangeId: $ids }) { totalCount } }`
	const chartsByLikes = `query($n: [Int!]) { charts(first: 1, filter: { rangeLikeCount: $n }) { totalCount } }`
	const usersByID = `query($ids: [Int!]) { users(first: 1, filter: { rangeId: $ids }) { totalCount } }`
	const submissionsByOwner = `query($ids: [Int!]) { chartSubmissions(first: 1, filter: { rangeOwnerId: $ids }) {
		totalCount } }`

	runBoundCases(t, e, []boundCase{
		{"101 chart IDs", chartsByID, map[string]any{"ids": unknownGUIDs(101)}, "",
			"filter.rangeId", "at most 100 items, got 101"},
		{"10,000 chart IDs", chartsByID, map[string]any{"ids": unknownGUIDs(10000)}, "",
			"filter.rangeId", "at most 100 items, got 10000"},
		{"101 like counts", chartsByLikes, map[string]any{"n": ints(101)}, "",
			"filter.rangeLikeCount", "at most 100 items, got 101"},
		{"101 user IDs", usersByID, map[string]any{"ids": ints(101)}, "",
			"filter.rangeId", "at most 100 items, got 101"},
		{"101 owners of chart submissions", submissionsByOwner, map[string]any{"ids": ints(101)}, alice,
			"filter.rangeOwnerId", "at most 100 items, got 101"},
		{"101 questions of test answers", `query($ids: [ID!]) { petAnswers(first: 1,
			filter: { rangeQuestion1: $ids }) { totalCount } }`, map[string]any{"ids": unknownGUIDs(101)}, "",
			"filter.rangeQuestion1", "at most 100 items, got 101"},
		{"100 user IDs", usersByID, map[string]any{"ids": ints(100)}, "", "", ""},
	})

	// At the bound the filter holds: 100 unknown GUIDs find no chart.
	var got struct{ Charts struct{ TotalCount int } }
	e.mustQuery(chartsByID, map[string]any{"ids": unknownGUIDs(100)}, &got)
	reqs := e.sandbox.Requests()
	if got.Charts.TotalCount != 0 || len(reqs) == 0 || len(reqs[0].Query["RangeId"]) != 100 {
		t.Errorf("100 unknown chart IDs: totalCount %d, upstream requests %d; "+
			"want 0 charts, RangeId sent 100 times", got.Charts.TotalCount, len(reqs))
	}
}
