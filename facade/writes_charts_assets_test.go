package facade_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of chart assets: administrators add, change, refile and
// remove them.

// restAsset is a chart asset as the sandbox answers it.
type restAsset struct {
	ID, Name, File string
	Type           int
}

func TestChartAssetWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	chart, chartID := chartOf(t, e, "chart", func(c *sandbox.Chart) bool { return true })
	sound := bytes.Repeat([]byte("OggS hit sound "), 300)

	const create = `mutation($id: ID!, $file: Upload!, $name: String!) { createChartAsset(input: { chartId: $id,
		type: AUDIO, name: $name, file: $file }) { asset { id databaseId type name file } chart { databaseId } } }`
	type asset struct{ ID, DatabaseID, Type, Name, File string }
	var created struct {
		CreateChartAsset struct {
			Asset asset
			Chart struct{ DatabaseID string }
		}
	}
	errs := uploadFiles(e, create, map[string]any{"id": chart, "name": "hit.ogg"}, admin,
		map[string]namedBytes{"file": {"hit.ogg", sound}}, &created)
	a := created.CreateChartAsset.Asset
	if len(errs) > 0 || a.Type != "AUDIO" || a.Name != "hit.ogg" || !strings.Contains(a.File, hexSHA256(sound)) ||
		created.CreateChartAsset.Chart.DatabaseID != chartID {
		t.Fatalf("after createChartAsset: %+v, errors %+v", created, errs)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/charts/{id}/assets" || up[0].Size != int64(len(sound)) {
		t.Errorf("the upstream received %+v", up)
	}
	stored := rest[restAsset](e, "/charts/"+chartID+"/assets/"+a.DatabaseID, nil)
	if stored.Name != "hit.ogg" || stored.Type != 1 {
		t.Errorf("the sandbox holds %+v", stored)
	}
	wantErrors(t, uploadFiles(e, create, map[string]any{"id": chart, "name": "hit.ogg"}, admin,
		map[string]namedBytes{"file": {"hit.ogg", sound}}, nil), "BAD_USER_INPUT", "NameOccupied")
	wantErrors(t, uploadFiles(e, create, map[string]any{"id": chart, "name": "other.ogg"}, alice,
		map[string]namedBytes{"file": {"hit.ogg", sound}}, nil), "FORBIDDEN", "InsufficientPermission")

	var updated struct {
		UpdateChartAsset struct{ Asset asset }
	}
	e.mustQueryAs(`mutation($chart: ID!, $asset: ID!) { updateChartAsset(input: { chartId: $chart, assetId: $asset,
		name: "hit-2.ogg" }) { asset { id type name } } }`, map[string]any{"chart": chart, "asset": a.ID}, admin, &updated)
	if u := updated.UpdateChartAsset.Asset; u.Name != "hit-2.ogg" || u.Type != "AUDIO" || u.ID != a.ID {
		t.Errorf("after updateChartAsset: %+v", u)
	}
	if body := lastBody(e, http.MethodPatch); body != `[{"op":"replace","path":"/name","value":"hit-2.ogg"}]` {
		t.Errorf("the upstream received %s", body)
	}

	shader := []byte("#version 330\nvoid main() {}\n")
	var refiled struct {
		UpdateChartAssetFile struct{ Asset asset }
	}
	errs = uploadFiles(e, `mutation($chart: ID!, $asset: ID!, $file: Upload!) { updateChartAssetFile(input: {
		chartId: $chart, assetId: $asset, file: $file }) { asset { file } } }`,
		map[string]any{"chart": chartID, "asset": a.DatabaseID}, admin,
		map[string]namedBytes{"file": {"hit.glsl", shader}}, &refiled)
	if f := refiled.UpdateChartAssetFile.Asset.File; len(errs) > 0 || !strings.Contains(f, hexSHA256(shader)) {
		t.Errorf("after updateChartAssetFile: %q, errors %+v", f, errs)
	}

	other, _ := chartOf(t, e, "another chart", func(c *sandbox.Chart) bool { return c.ID != chartID })
	tests := []struct{ name, token, chart, asset, code string }{
		{"no token", "", chart, a.ID, "UNAUTHENTICATED"},
		{"not an administrator", alice, chart, a.ID, "FORBIDDEN"},
		{"a bad asset ID", admin, chart, "asset-1", "BAD_USER_INPUT"},
		{"an asset of another chart", admin, other, a.ID, "BAD_USER_INPUT"},
	}
	const del = `mutation($chart: ID!, $asset: ID!) { deleteChartAsset(input: { chartId: $chart, assetId: $asset }) {
		deletedChartAssetId chart { databaseId } } }`
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, e.in(t).query(del, map[string]any{"chart": tt.chart, "asset": tt.asset}, tt.token, nil), tt.code, "")
		})
	}

	var deleted struct {
		DeleteChartAsset struct {
			DeletedChartAssetID string
			Chart               struct{ DatabaseID string }
		}
	}
	e.mustQueryAs(del, map[string]any{"chart": chart, "asset": a.ID}, admin, &deleted)
	if d := deleted.DeleteChartAsset; d.DeletedChartAssetID != a.ID || d.Chart.DatabaseID != chartID {
		t.Errorf("after deleteChartAsset: %+v, want %s", d, a.ID)
	}
	if got := restTotal(e, "/charts/"+chartID+"/assets", nil); got != 0 {
		t.Errorf("the chart has %d assets left", got)
	}
	wantError(t, e.query(del, map[string]any{"chart": chart, "asset": a.ID}, admin, nil), "NOT_FOUND", "ResourceNotFound")
}
