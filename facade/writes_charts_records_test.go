package facade_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of collections and play records.

// storedCollection is a collection as the sandbox answers it.
type storedCollection struct {
	ID, Title, Subtitle, Illustration, Illustrator string
	Description                                    *string
	Accessibility, OwnerID                         int
	IsHidden                                       bool
}

func TestCollectionWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0], e.sandbox.Tokens()[1].AccessToken
	picture := bytes.Repeat([]byte("\x89PNG collection "), 700)

	const create = `mutation($file: Upload!) { createCollection(input: { title: "Sandbox Picks", subtitle: "Vol. 1",
		illustration: $file, illustrator: "Nobody", description: "Charts we like.", accessibility: REQUIRE_REVIEW }) {
		collection { id databaseId title subtitle illustration illustrator description accessibility isHidden
		owner { databaseId } } } }`
	type collection struct {
		ID, DatabaseID, Title, Subtitle, Illustration, Illustrator, Accessibility string
		Description                                                               *string
		IsHidden                                                                  bool
		Owner                                                                     struct{ DatabaseID string }
	}
	var created struct {
		CreateCollection struct{ Collection collection }
	}
	errs := uploadFiles(e, create, map[string]any{}, admin.AccessToken,
		map[string]namedBytes{"file": {"picks.png", picture}}, &created)
	c := created.CreateCollection.Collection
	if len(errs) > 0 || c.Title != "Sandbox Picks" || c.Subtitle != "Vol. 1" || !strings.Contains(c.Illustration, hexSHA256(picture)) ||
		c.Description == nil || *c.Description != "Charts we like." || c.Accessibility != "REQUIRE_REVIEW" || c.IsHidden ||
		c.Owner.DatabaseID != fmt.Sprint(admin.UserID) {
		t.Fatalf("after createCollection: %+v, errors %+v", c, errs)
	}
	if up := e.sandbox.Uploads(); len(up) != 1 || up[0].Route != "/collections" || up[0].Field != "Illustration" ||
		up[0].Resource != c.DatabaseID || up[0].SHA256 != hexSHA256(picture) {
		t.Errorf("the upstream received %+v", up)
	}
	if _, byRoute := e.calls(); byRoute["POST /collections"] != 1 || byRoute["GET /collections/{id}"] != 1 {
		t.Errorf("createCollection calls = %v", byRoute)
	}
	wantErrors(t, uploadFiles(e, create, map[string]any{}, alice,
		map[string]namedBytes{"file": {"picks.png", picture}}, nil), "FORBIDDEN", "InsufficientPermission")

	const update = `mutation($id: ID!) { updateCollection(input: { collectionId: $id, title: "Sandbox Picks II",
		description: null, isHidden: true }) { collection { title description isHidden subtitle } } }`
	var updated struct {
		UpdateCollection struct{ Collection collection }
	}
	e.mustQueryAs(update, map[string]any{"id": c.ID}, admin.AccessToken, &updated)
	if u := updated.UpdateCollection.Collection; u.Title != "Sandbox Picks II" || u.Description != nil || !u.IsHidden ||
		u.Subtitle != "Vol. 1" {
		t.Errorf("after updateCollection: %+v", u)
	}
	want := `[{"op":"replace","path":"/title","value":"Sandbox Picks II"},{"op":"remove","path":"/description"},` +
		`{"op":"replace","path":"/isHidden","value":true}]`
	if got := lastBody(e, http.MethodPatch); got != want {
		t.Errorf("the upstream received the patch\n%s\nwant\n%s", got, want)
	}
	stored := rest[storedCollection](e, "/collections/"+c.DatabaseID, nil)
	if stored.Title != "Sandbox Picks II" || stored.Description != nil || !stored.IsHidden || stored.Accessibility != 1 {
		t.Errorf("the sandbox holds %+v", stored)
	}

	cover := []byte("\x89PNG another cover")
	var illustrated struct {
		UpdateCollectionIllustration struct{ Collection collection }
	}
	errs = uploadFiles(e, `mutation($id: ID!, $file: Upload!) { updateCollectionIllustration(input: {
		collectionId: $id, file: $file }) { collection { illustration } } }`, map[string]any{"id": c.DatabaseID},
		admin.AccessToken, map[string]namedBytes{"file": {"cover.png", cover}}, &illustrated)
	if i := illustrated.UpdateCollectionIllustration.Collection.Illustration; len(errs) > 0 || !strings.Contains(i, hexSHA256(cover)) {
		t.Errorf("after updateCollectionIllustration: %q, errors %+v", i, errs)
	}

	tests := []struct{ name, token, id, doc, code, upstreamCode string }{
		{"no token", "", c.ID, update, "UNAUTHENTICATED", ""},
		{"not an administrator", alice, c.ID, update, "FORBIDDEN", "InsufficientPermission"},
		{"a bad ID", admin.AccessToken, "7", update, "BAD_USER_INPUT", ""},
		{"null for a required field", admin.AccessToken, c.ID,
			`mutation($id: ID!) { updateCollection(input: { collectionId: $id, title: null }) { collection { id } } }`,
			"BAD_USER_INPUT", ""},
		{"nothing to change", admin.AccessToken, c.ID,
			`mutation($id: ID!) { updateCollection(input: { collectionId: $id }) { collection { id } } }`, "BAD_USER_INPUT", ""},
		{"a title too long", admin.AccessToken, c.ID, `mutation($id: ID!) { updateCollection(input: { collectionId: $id,
			title: "` + strings.Repeat("T", 101) + `" }) { collection { id } } }`, "BAD_USER_INPUT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, e.in(t).query(tt.doc, map[string]any{"id": tt.id}, tt.token, nil), tt.code, tt.upstreamCode)
		})
	}

	const del = `mutation($id: ID!) { deleteCollection(input: { collectionId: $id }) { deletedCollectionId } }`
	wantError(t, e.query(del, map[string]any{"id": c.ID}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	var deleted struct {
		DeleteCollection struct{ DeletedCollectionID string }
	}
	e.mustQueryAs(del, map[string]any{"id": c.DatabaseID}, admin.AccessToken, &deleted)
	if deleted.DeleteCollection.DeletedCollectionID != c.ID {
		t.Errorf("deletedCollectionId = %q, want %q", deleted.DeleteCollection.DeletedCollectionID, c.ID)
	}
	if e.sandbox.Data().Collection(c.DatabaseID) != nil {
		t.Error("the sandbox still holds the collection")
	}
	wantError(t, e.query(del, map[string]any{"id": c.ID}, admin.AccessToken, nil), "NOT_FOUND", "ResourceNotFound")
}

// playable returns a chart that may be played and submitted: unlocked,
// open, with a file and notes.
func playable(t *testing.T, d *sandbox.Data) *sandbox.Chart {
	t.Helper()
	return pick(t, "playable chart", d.Charts, func(c *sandbox.Chart) bool {
		return !c.IsLocked && c.Accessibility != sandbox.RefuseAny && c.FileChecksum != nil && c.NoteCount > 10 && c.IsRanked
	})
}

// sign is the HMAC a game client sends with a record: digest signed with
// the application's secret, in base64.
func sign(secret, digest string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(digest))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

const createRecord = `mutation($input: CreateRecordInput!) { createRecord(input: $input) {
	record { id databaseId score accuracy isFullCombo maxCombo perfect goodEarly bad miss rks deviceInfo
		perfectJudgment goodJudgment chart { databaseId } owner { databaseId } }
	experienceDelta rksBefore player { databaseId rks experience } } }`

// storedUser is a user's RKS and experience as the sandbox answers them.
type storedUser struct {
	Rks        float64
	Experience int
}

func TestCreateRecord(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1]
	d := e.sandbox.Data()
	chart := playable(t, d)
	conf := d.Areas.Catalog.PlayConfigurations[0]
	app := d.Areas.Catalog.Applications[0]
	before := rest[storedUser](e, "/users/2", nil)

	token, stamp := e.sandbox.StartPlay(alice.UserID, chart.ID, conf.ID, app.ID)
	n := chart.NoteCount
	good := 2
	digest := fmt.Sprintf("%s:%s:%d:%d:%d:%d:%d:%d:%d:%d", chart.ID, conf.ID, alice.UserID, n, n-good, good, 0, 0, 0, stamp)
	input := map[string]any{
		"token": token, "maxCombo": n, "perfect": n - good, "goodEarly": good, "goodLate": 0, "bad": 0,
		"miss": 0, "stdDeviation": 12.5, "checksum": *chart.FileChecksum, "deviceInfo": "Sandbox Phone",
		"hmac": sign(e.sandbox.ApplicationSecret(app.ID), digest),
	}

	var got struct {
		CreateRecord struct {
			Record struct {
				ID, DatabaseID                           string
				Score, MaxCombo, Perfect, GoodEarly      int
				Bad, Miss, PerfectJudgment, GoodJudgment int
				Accuracy, Rks                            float64
				IsFullCombo                              bool
				DeviceInfo                               *string
				Chart, Owner                             struct{ DatabaseID string }
			}
			ExperienceDelta int
			RksBefore       float64
			Player          struct {
				DatabaseID string
				Rks        float64
				Experience int
			}
		}
	}
	e.mustQueryAs(createRecord, map[string]any{"input": input}, "", &got)
	r, p := got.CreateRecord.Record, got.CreateRecord.Player
	wantScore := int((9e5*float64(n-good)+585e3*float64(good)+1e5*float64(n))/float64(n) + 0.5)
	wantAccuracy := (float64(n-good) + 0.65*float64(good)) / float64(n)
	if r.Score != wantScore || r.Accuracy != wantAccuracy || !r.IsFullCombo || r.MaxCombo != n ||
		r.GoodEarly != good || r.Chart.DatabaseID != chart.ID || r.Owner.DatabaseID != "2" ||
		r.PerfectJudgment != conf.PerfectJudgment || r.DeviceInfo == nil || *r.DeviceInfo != "Sandbox Phone" || r.Rks <= 0 {
		t.Errorf("the new record: %+v, want score %d and accuracy %v", r, wantScore, wantAccuracy)
	}
	after := rest[storedUser](e, "/users/2", nil)
	if got.CreateRecord.RksBefore != before.Rks || p.DatabaseID != "2" || p.Rks != after.Rks ||
		p.Experience != before.Experience+got.CreateRecord.ExperienceDelta || got.CreateRecord.ExperienceDelta <= 0 {
		t.Errorf("the player: %+v, delta %d, rks before %v; the sandbox had %+v and holds %+v",
			p, got.CreateRecord.ExperienceDelta, got.CreateRecord.RksBefore, before, after)
	}
	if stored := e.sandbox.Data().Record(r.DatabaseID); stored == nil || stored.Score != wantScore {
		t.Errorf("the sandbox holds %+v", stored)
	}
	if _, byRoute := e.calls(); byRoute["POST /records"] != 1 || byRoute["GET /records/{id}"] != 1 || byRoute["GET /users/{id}"] < 1 {
		t.Errorf("createRecord calls = %v", byRoute)
	}

	again := func(change func(map[string]any)) map[string]any {
		token, _ := e.sandbox.StartPlay(alice.UserID, chart.ID, conf.ID, app.ID)
		v := map[string]any{}
		for k, x := range input {
			v[k] = x
		}
		v["token"] = token
		change(v)
		return map[string]any{"input": v}
	}
	tests := []struct {
		name                     string
		vars                     map[string]any
		code, upstreamCode, text string
	}{
		{"a token used already", map[string]any{"input": input}, "NOT_FOUND", "InvalidToken", ""},
		{"a bad token", again(func(v map[string]any) { v["token"] = "token-1" }), "BAD_USER_INPUT", "", ""},
		{"a wrong HMAC", again(func(v map[string]any) { v["hmac"] = "AAAA" }), "BAD_USER_INPUT", "InvalidData",
			"HMAC validation has failed."},
		{"another chart file", again(func(v map[string]any) { v["checksum"] = "0000" }), "BAD_USER_INPUT", "InvalidData",
			"File checksum validation has failed."},
		{"a device name too long", again(func(v map[string]any) { v["deviceInfo"] = strings.Repeat("d", 201) }),
			"BAD_USER_INPUT", "", "input.deviceInfo takes at most 200 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.in(t).query(createRecord, tt.vars, "", nil)
			wantError(t, a, tt.code, tt.upstreamCode)
			if len(a.Errors) == 1 && !strings.Contains(a.Errors[0].Message, tt.text) {
				t.Errorf("message %q, want %q", a.Errors[0].Message, tt.text)
			}
			if n, _ := e.calls(); tt.upstreamCode == "" && n != 0 {
				t.Errorf("%d upstream calls, want none", n)
			}
		})
	}

	// The judgments must add up to the chart's notes.
	token, stamp = e.sandbox.StartPlay(alice.UserID, chart.ID, conf.ID, app.ID)
	digest = fmt.Sprintf("%s:%s:%d:%d:%d:%d:%d:%d:%d:%d", chart.ID, conf.ID, alice.UserID, 5, 5, 0, 0, 0, 0, stamp)
	short := map[string]any{"token": token, "maxCombo": 5, "perfect": 5, "goodEarly": 0, "goodLate": 0, "bad": 0,
		"miss": 0, "stdDeviation": 1.0, "checksum": *chart.FileChecksum, "hmac": sign(e.sandbox.ApplicationSecret(app.ID), digest)}
	a := e.query(createRecord, map[string]any{"input": short}, "", nil)
	wantError(t, a, "BAD_USER_INPUT", "InvalidData")
	if len(a.Errors) == 1 && !strings.Contains(a.Errors[0].Message, fmt.Sprintf("number of notes (%d)", n)) {
		t.Errorf("message %q", a.Errors[0].Message)
	}
}

func TestCreateTapTapRecord(t *testing.T) {
	e := newEnv(t)
	d := e.sandbox.Data()
	chart := playable(t, d)
	app := d.Areas.Catalog.Applications[0]
	records := len(d.Records)

	token, stamp := e.sandbox.StartTapTapPlay("taptap-union-1", chart.ID, app.ID, 80, 160)
	n := chart.NoteCount
	digest := fmt.Sprintf("%s:%s:%d:%d:%d:%d:%d:%d:%d", chart.ID, "taptap-union-1", n-1, n-1, 0, 0, 0, 1, stamp)
	input := map[string]any{
		"token": token, "maxCombo": n - 1, "perfect": n - 1, "goodEarly": 0, "goodLate": 0, "bad": 0, "miss": 1,
		"stdDeviation": 20.0, "checksum": strings.ToUpper(*chart.FileChecksum),
		"hmac": sign(e.sandbox.ApplicationSecret(app.ID), digest),
	}
	const doc = `mutation($input: CreateRecordInput!) { createTapTapRecord(input: $input) {
		recordId score accuracy isFullCombo experienceDelta dateCreated } }`
	var got struct {
		CreateTapTapRecord struct {
			RecordID, DateCreated  string
			Score, ExperienceDelta int
			Accuracy               float64
			IsFullCombo            bool
		}
	}
	e.mustQueryAs(doc, map[string]any{"input": input}, "", &got)
	r := got.CreateTapTapRecord
	wantScore := int((9e5*float64(n-1)+1e5*float64(n-1))/float64(n) + 0.5)
	if r.Score != wantScore || r.Accuracy != float64(n-1)/float64(n) || r.IsFullCombo || r.RecordID == "" ||
		r.DateCreated == "" || r.ExperienceDelta <= 0 {
		t.Errorf("the TapTap record: %+v, want score %d", r, wantScore)
	}
	if len(e.sandbox.Data().Records) != records {
		t.Error("the sandbox kept a TapTap ghost's record")
	}
	if _, byRoute := e.calls(); byRoute["POST /records/tapTap"] != 1 || len(byRoute) != 1 {
		t.Errorf("createTapTapRecord calls = %v", byRoute)
	}
	wantError(t, e.query(doc, map[string]any{"input": input}, "", nil), "NOT_FOUND", "InvalidToken")

	// A PhiZone play's token is no TapTap play's.
	token, _ = e.sandbox.StartPlay(2, chart.ID, d.Areas.Catalog.PlayConfigurations[0].ID, app.ID)
	input["token"] = token
	wantError(t, e.query(doc, map[string]any{"input": input}, "", nil), "NOT_FOUND", "InvalidToken")
}

func TestDeleteRecord(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	record := e.sandbox.Data().Records[0]
	gid := globalid.Encode("Record", record.ID)
	const del = `mutation($id: ID!) { deleteRecord(input: { recordId: $id }) { deletedRecordId } }`

	wantError(t, e.query(del, map[string]any{"id": gid}, "", nil), "UNAUTHENTICATED", "")
	wantError(t, e.query(del, map[string]any{"id": gid}, alice, nil), "FORBIDDEN", "InsufficientPermission")
	wantError(t, e.query(del, map[string]any{"id": globalid.Encode("Chart", record.ID)}, admin, nil), "BAD_USER_INPUT", "")
	if n, _ := e.calls(); n != 0 {
		t.Errorf("a chart's ID for a record made %d upstream calls", n)
	}
	var got struct {
		DeleteRecord struct{ DeletedRecordID string }
	}
	e.mustQueryAs(del, map[string]any{"id": record.ID}, admin, &got)
	if got.DeleteRecord.DeletedRecordID != gid {
		t.Errorf("deletedRecordId = %q, want %q", got.DeleteRecord.DeletedRecordID, gid)
	}
	if _, byRoute := e.calls(); byRoute["DELETE /records/{id}"] != 1 {
		t.Errorf("deleteRecord calls = %v", byRoute)
	}
	wantError(t, e.query(`query($id: ID!) { record(id: $id) { id } }`, map[string]any{"id": gid}, "", nil), "NOT_FOUND", "")
	wantError(t, e.query(del, map[string]any{"id": gid}, admin, nil), "NOT_FOUND", "ResourceNotFound")
}
