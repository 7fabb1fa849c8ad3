package sandbox

import (
	"net/http"
	"net/url"
	"testing"
)

const (
	studioAdmin = "sandbox-admin-token"
	studioAlice = "sandbox-alice-token"
	studioBob   = "sandbox-bob-token"
)

// Who may read what in the studio, by the upstream's controllers.
func TestStudioAccess(t *testing.T) {
	s := shared()
	st := &s.Data().Areas.Studio
	sub := st.ChartSubmissions[0]
	song := st.SongSubmissions[0]
	cases := []struct {
		name, target, token string
		status              int
		code                string
	}{
		{"submissions need a caller", "/studio/charts", "", 401, ""},
		{"song submissions need a caller", "/studio/songs/" + song.ID, "", 401, ""},
		{"headline needs a caller", "/studio/headline", "", 401, ""},
		{"admissions need a caller", "/admissions/songs", "", 401, ""},
		{"collaborations need a caller", "/collaborations", "", 401, ""},
		{"service records need a caller", "/services/records", "", 401, ""},
		{"resource records are public", "/resourceRecords", "", 200, "Ok"},
		{"service scripts are public", "/services", "", 200, "Ok"},
		{"chart assets are public", "/charts/" + s.Data().Charts[0].ID + "/assets", "", 200, "Ok"},
		{"any member reads a submission", "/studio/charts/" + sub.ID, studioAlice, 200, "Ok"},
		{"unknown submission", "/studio/charts/" + missingGUID, studioAlice, 404, "ResourceNotFound"},
		{"assets of an unknown submission", "/studio/charts/" + missingGUID + "/assets", studioAlice, 404,
			"ParentNotFound"},
		{"assets of an unknown chart", "/charts/" + missingGUID + "/assets", "", 404, "ParentNotFound"},
		{"service records need a qualified caller", "/studio/charts/" + sub.ID + "/serviceRecords",
			studioAlice, 403, "InsufficientPermission"},
		{"qualified callers read service records", "/studio/songs/" + song.ID + "/serviceRecords",
			studioBob, 200, "Ok"},
		{"unknown admission", "/admissions/songs/" + s.Data().Songs[0].ID + "/" + sub.ID, studioAdmin, 404,
			"RelationNotFound"},
		{"admission of an unknown chapter", "/admissions/chapters/" + missingGUID + "/" + s.Data().Songs[0].ID,
			studioAdmin, 404, "ParentNotFound"},
		{"bad all switch", "/collaborations?all=maybe", studioAlice, 400, "InvalidData"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var opts []opt
			if tc.token != "" {
				opts = append(opts, token(tc.token))
			}
			a := get(t, s, tc.target, opts...)
			if a.code != tc.status || a.Code != tc.code {
				t.Errorf("GET %s: %d %q, want %d %q", tc.target, a.code, a.Code, tc.status, tc.code)
			}
			if tc.status == 401 && len(a.raw) != 0 {
				t.Errorf("GET %s: 401 with a body", tc.target)
			}
		})
	}
}

const missingGUID = "00000000-0000-4000-8000-000000000000"

// Members see their own submissions; volunteers see every chart
// submission, moderators every song submission.
func TestStudioVisibility(t *testing.T) {
	s := shared()
	st := &s.Data().Areas.Studio
	owned := func(id int) (charts, songs int) {
		for _, c := range st.ChartSubmissions {
			if c.OwnerID == id {
				charts++
			}
		}
		for _, v := range st.SongSubmissions {
			if v.OwnerID != nil && *v.OwnerID == id {
				songs++
			}
		}
		return charts, songs
	}

	aliceCharts, aliceSongs := owned(2)
	if aliceCharts == 0 || aliceSongs == 0 {
		t.Fatalf("Alice owns %d chart and %d song submissions; want some of each", aliceCharts, aliceSongs)
	}
	for _, tc := range []struct {
		tok               string
		wantCharts, songs int
	}{
		{studioAlice, aliceCharts, aliceSongs},
		{studioAdmin, len(st.ChartSubmissions), len(st.SongSubmissions)},
	} {
		_, a := list[ChartSubmission](t, s, "/studio/charts?PerPage=1", token(tc.tok))
		_, b := list[SongSubmission](t, s, "/studio/songs?PerPage=1", token(tc.tok))
		if *a.Total != tc.wantCharts || *b.Total != tc.songs {
			t.Errorf("%s: %d chart and %d song submissions, want %d and %d", tc.tok, *a.Total, *b.Total,
				tc.wantCharts, tc.songs)
		}
	}

	items, _ := list[ChartSubmission](t, s, "/studio/charts?RangeStatus=Rejected&Order=Difficulty&Desc=true", token(studioAdmin))
	for i, c := range items {
		if c.Status != RequestRejected || i > 0 && c.Difficulty > items[i-1].Difficulty {
			t.Fatalf("RangeStatus=Rejected by difficulty: item %d is %v at %v", i, c.Status, c.Difficulty)
		}
		if (c.SongID != nil) != (c.Song != nil) || (c.SongSubmissionID != nil) != (c.SongSubmission != nil) {
			t.Errorf("submission %s: its song or song submission is not embedded", c.ID)
		}
	}
}

// Single resources carry an ETag and answer 304 to it.
func TestStudioETags(t *testing.T) {
	s := shared()
	st := &s.Data().Areas.Studio
	for _, target := range []string{
		"/studio/charts/" + st.ChartSubmissions[0].ID,
		"/studio/songs/" + st.SongSubmissions[0].ID,
		"/resourceRecords/" + st.ResourceRecords[0].ID,
		"/services/" + st.ServiceScripts[0].ID,
		"/collaborations/" + st.Collaborations[0].ID,
	} {
		a := get(t, s, target, token(studioAdmin))
		tag := a.head.Get("ETag")
		if a.code != http.StatusOK || tag == "" {
			t.Fatalf("GET %s: %d with ETag %q", target, a.code, tag)
		}
		if w := serve(s, http.MethodGet, target, token(studioAdmin), header("If-None-Match", tag)); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
			t.Errorf("GET %s with its ETag: %d, %d bytes; want 304 and no body", target, w.Code, w.Body.Len())
		}
	}
}

// Admissions: a member lists those they requested or received; `all` is
// for moderators; the chart submissions' side lists those requested.
func TestStudioAdmissionLists(t *testing.T) {
	s := shared()
	st := &s.Data().Areas.Studio
	count := func(kind AdmitterType, keep func(StudioAdmission) bool) int {
		n := 0
		for _, a := range st.Admissions {
			if a.AdmitterType == kind && keep(a) {
				n++
			}
		}
		return n
	}
	party := func(a StudioAdmission) bool { return a.RequesterID == 2 || a.RequesteeID == 2 }
	for _, tc := range []struct {
		target, tok string
		want        int
	}{
		{"/admissions/songs", studioAlice, count(AdmitterSong, party)},
		{"/admissions/songs?all=true", studioAlice, count(AdmitterSong, party)},
		{"/admissions/songs?all=true", studioAdmin, count(AdmitterSong, func(StudioAdmission) bool { return true })},
		{"/admissions/charts", studioAlice, count(AdmitterSong, func(a StudioAdmission) bool { return a.RequesterID == 2 })},
		{"/admissions/chapters?all=true", studioAdmin, count(AdmitterChapter, func(StudioAdmission) bool { return true })},
	} {
		items, a := list[AdmissionView](t, s, tc.target+sep(tc.target)+"PerPage=1000", token(tc.tok))
		if *a.Total != tc.want || len(items) != tc.want {
			t.Errorf("GET %s as %s: %d admissions, want %d", tc.target, tc.tok, *a.Total, tc.want)
		}
	}
	if count(AdmitterSong, party) == 0 {
		t.Error("Alice is party to no song admission")
	}
	q := url.Values{"RangeStatus": {"Approved"}, "all": {"true"}}
	items, _ := list[struct {
		Status RequestStatus `json:"status"`
	}](t, s, "/admissions/collections?"+q.Encode(), token(studioAdmin))
	for _, v := range items {
		if v.Status != RequestApproved {
			t.Fatalf("RangeStatus=Approved listed a %v admission", v.Status)
		}
	}
}

func sep(target string) string {
	for _, r := range target {
		if r == '?' {
			return "&"
		}
	}
	return "?"
}
