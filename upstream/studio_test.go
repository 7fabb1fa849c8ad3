package upstream_test

import (
	"context"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

// Each method of the studio area reads its route, with its options as
// query parameters.
func TestStudioRequestLines(t *testing.T) {
	c, rec := newTestClient(t, reply(200, `{"status":0,"code":"Ok","data":null}`))
	ctx := context.Background()
	const a, b = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "1c6e8b7f-3a8d-4e9f-8b54-7a2d3c4b5e6f"
	approved := []upstream.RequestStatus{upstream.RequestStatusApproved}

	cases := []struct {
		name, path, query string
		call              func() error
	}{
		{"chart submissions", "/studio/charts", "PerPage=5&RangeStatus=1", func() error {
			opts := upstream.ChartSubmissionListOptions{ListOptions: upstream.ListOptions{PerPage: 5}}
			opts.RangeStatus = approved
			_, _, err := c.ListChartSubmissions(ctx, opts)
			return err
		}},
		{"submission asset", "/studio/charts/" + a + "/assets/" + b, "", func() error {
			_, err := c.GetChartSubmissionAsset(ctx, a, b)
			return err
		}},
		{"votes", "/studio/charts/" + a + "/votes", "", func() error {
			_, _, err := c.ListChartSubmissionVotes(ctx, a, upstream.ListOptions{})
			return err
		}},
		{"song submission records", "/studio/songs/" + a + "/serviceRecords/" + b, "", func() error {
			_, err := c.GetSongSubmissionServiceRecord(ctx, a, b)
			return err
		}},
		{"headline", "/studio/headline", "", func() error {
			_, err := c.GetStudioHeadline(ctx)
			return err
		}},
		{"chart assets", "/charts/" + a + "/assets", "RangeType=4", func() error {
			opts := upstream.ChartAssetListOptions{}
			opts.RangeType = []upstream.ChartAssetType{upstream.ChartAssetTypeShader}
			_, _, err := c.ListChartAssets(ctx, a, opts)
			return err
		}},
		{"all admissions", "/admissions/songs", "RangeStatus=1&all=true", func() error {
			opts := upstream.AdmissionListOptions{All: true}
			opts.RangeStatus = approved
			_, _, err := c.ListSongAdmissions(ctx, opts)
			return err
		}},
		{"own admissions", "/admissions/charts", "", func() error {
			_, _, err := c.ListChartAdmissions(ctx, upstream.AdmissionListOptions{})
			return err
		}},
		{"chapter admission", "/admissions/chapters/" + a + "/" + b, "", func() error {
			_, err := c.GetChapterAdmission(ctx, a, b)
			return err
		}},
		{"chart admission", "/admissions/charts/" + a + "/" + b, "", func() error {
			_, err := c.GetChartAdmission(ctx, a, b)
			return err
		}},
		{"collaborations", "/collaborations", "RangeSubmissionId=" + a + "&all=true", func() error {
			opts := upstream.CollaborationListOptions{All: true}
			opts.RangeSubmissionId = []string{a}
			_, _, err := c.ListCollaborations(ctx, opts)
			return err
		}},
		{"service records", "/services/records", "RangeServiceId=" + b, func() error {
			opts := upstream.ServiceRecordListOptions{}
			opts.RangeServiceId = []string{b}
			_, _, err := c.ListServiceRecords(ctx, opts)
			return err
		}},
		{"resource record", "/resourceRecords/" + a, "", func() error {
			_, err := c.GetResourceRecord(ctx, a)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := ignoreNoData(tc.call()); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != "GET" || got.path != tc.path || got.rawQuery != tc.query {
				t.Errorf("request %s %s?%s, want GET %s?%s", got.method, got.path, got.rawQuery, tc.path, tc.query)
			}
		})
	}
}

// An enum integer a newer upstream adds reads as UNKNOWN.
func TestStudioEnumNames(t *testing.T) {
	for _, tc := range []struct {
		value interface{ String() string }
		want  string
	}{
		{upstream.RequestStatusRejected, "REJECTED"},
		{upstream.RequestStatus(3), "UNKNOWN"},
		{upstream.ChartAssetTypeShader, "SHADER"},
		{upstream.ServiceTargetTypeSongSubmission, "SONG_SUBMISSION"},
		{upstream.ResourceRecordStrategyMakeHiddenAndLocked, "MAKE_HIDDEN_AND_LOCKED"},
		{upstream.ResourceRecordType(-1), "UNKNOWN"},
	} {
		if got := tc.value.String(); got != tc.want {
			t.Errorf("%#v = %s, want %s", tc.value, got, tc.want)
		}
	}
}
