package facade_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/sandbox"
)

// The writes on a chart submission's assets, collaborations and service
// scripts, and the event check, end to end on the sandbox.

// heldChartSubmissionAsset is an asset of a chart submission as the sandbox answers
// it.
type heldChartSubmissionAsset struct {
	ID, Name, File    string
	Type              int
	ChartSubmissionID string
}

const chartSubmissionAssetFields = `asset { id databaseId name type file chartSubmission { databaseId } }
	chartSubmission { databaseId volunteerStatus }`

func TestChartSubmissionAssets(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1].AccessToken, e.sandbox.Tokens()[2].AccessToken
	id := aliceChartSubmission(e)
	shader := []byte("void main() { gl_FragColor = vec4(1.0); }")

	type assetPayload struct {
		Asset struct {
			ID, DatabaseID, Name, Type, File string
			ChartSubmission                  struct{ DatabaseID string }
		}
		ChartSubmission struct{ DatabaseID, VolunteerStatus string }
	}
	var one struct{ CreateChartSubmissionAsset assetPayload }
	a := chartSubmissionUpload(e, alice, `mutation($id: ID!, $file: Upload!) { createChartSubmissionAsset(input: {
		chartSubmissionId: $id, type: SHADER, name: "glow.glsl", file: $file }) { `+chartSubmissionAssetFields+` } }`,
		map[string]any{"id": id, "file": nil}, []chartSubmissionFile{{"variables.file", "glow.glsl", shader}}, &one)
	sum := sha256.Sum256(shader)
	created := one.CreateChartSubmissionAsset
	if len(a.Errors) > 0 || created.Asset.Name != "glow.glsl" || created.Asset.Type != "SHADER" ||
		!strings.Contains(created.Asset.File, hex.EncodeToString(sum[:])) ||
		created.Asset.ChartSubmission.DatabaseID != id || created.ChartSubmission.VolunteerStatus != "WAITING" {
		t.Fatalf("createChartSubmissionAsset: %+v %+v", a.Errors, created)
	}
	assetID := created.Asset.DatabaseID

	// A batch goes up as one form and comes back in the order given, in one
	// list call.
	var batch struct {
		CreateChartSubmissionAssets struct {
			Assets          []struct{ DatabaseID, Name, Type string }
			ChartSubmission struct{ DatabaseID string }
		}
	}
	a = chartSubmissionUpload(e, alice, `mutation($id: ID!, $a: Upload!, $b: Upload!) { createChartSubmissionAssets(input: {
		chartSubmissionId: $id, assets: [{ type: IMAGE, name: "bg.png", file: $a }, { type: AUDIO, name: "hit.ogg", file: $b }] }) {
		assets { databaseId name type } chartSubmission { databaseId } } }`,
		map[string]any{"id": id, "a": nil, "b": nil}, []chartSubmissionFile{
			{"variables.a", "bg.png", []byte("\x89PNG background")},
			{"variables.b", "hit.ogg", []byte("OggS hit sound")},
		}, &batch)
	got := batch.CreateChartSubmissionAssets.Assets
	if len(a.Errors) > 0 || len(got) != 2 || got[0].Name != "bg.png" || got[0].Type != "IMAGE" ||
		got[1].Name != "hit.ogg" || got[1].Type != "AUDIO" {
		t.Fatalf("createChartSubmissionAssets: %+v %+v", a.Errors, got)
	}
	if _, byRoute := e.calls(); byRoute["POST /studio/charts/{id}/assets/batch"] != 1 ||
		byRoute["GET /studio/charts/{id}/assets"] != 1 {
		t.Errorf("createChartSubmissionAssets calls = %v", byRoute)
	}
	_, held := chartSubmissionREST[[]heldChartSubmissionAsset](e, alice, "/studio/charts/"+id+"/assets?PerPage=100")
	names := map[string]bool{}
	for _, h := range held.Data {
		names[h.Name] = true
	}
	if !names["glow.glsl"] || !names["bg.png"] || !names["hit.ogg"] {
		t.Errorf("the sandbox holds the assets %+v", held.Data)
	}

	// Renaming, by the asset's global ID; a name in use is refused.
	const update = `mutation($input: UpdateChartSubmissionAssetInput!) { updateChartSubmissionAsset(input: $input) {
		` + chartSubmissionAssetFields + ` } }`
	var renamed struct{ UpdateChartSubmissionAsset assetPayload }
	e.mustQueryAs(update, map[string]any{"input": map[string]any{
		"chartSubmissionId": id, "assetId": created.Asset.ID, "name": "bloom.glsl", "type": "OTHER",
	}}, alice, &renamed)
	if r := renamed.UpdateChartSubmissionAsset.Asset; r.Name != "bloom.glsl" || r.Type != "OTHER" || r.DatabaseID != assetID {
		t.Errorf("renamed asset = %+v", r)
	}
	if a := e.query(update, map[string]any{"input": map[string]any{
		"chartSubmissionId": id, "assetId": assetID, "name": "bg.png",
	}}, alice, nil); len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "NameOccupied" {
		t.Errorf("a name in use: %+v, want NameOccupied", a.Errors)
	}

	// A new file for the asset.
	fresh := []byte("void main() { gl_FragColor = vec4(0.5); }")
	var refiled struct{ UpdateChartSubmissionAssetFile assetPayload }
	a = chartSubmissionUpload(e, alice, `mutation($id: ID!, $asset: ID!, $file: Upload!) { updateChartSubmissionAssetFile(input: {
		chartSubmissionId: $id, assetId: $asset, file: $file }) { `+chartSubmissionAssetFields+` } }`,
		map[string]any{"id": id, "asset": assetID, "file": nil},
		[]chartSubmissionFile{{"variables.file", "bloom.glsl", fresh}}, &refiled)
	sum = sha256.Sum256(fresh)
	if len(a.Errors) > 0 || !strings.Contains(refiled.UpdateChartSubmissionAssetFile.Asset.File, hex.EncodeToString(sum[:])) {
		t.Errorf("updateChartSubmissionAssetFile: %+v %+v", a.Errors, refiled)
	}

	tests := []struct {
		name, token, submission, asset, code string
		calls                                int
	}{
		{"no token", "", id, assetID, "UNAUTHENTICATED", 0},
		{"someone else's submission", bob, id, assetID, "FORBIDDEN", 1},
		{"a bad asset ID", alice, id, "asset-1", "BAD_USER_INPUT", 0},
		{"an asset of another submission", alice, "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", created.Asset.ID, "BAD_USER_INPUT", 0},
		{"an unknown asset", alice, id, "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", "NOT_FOUND", 1},
	}
	const remove = `mutation($id: ID!, $asset: ID!) { deleteChartSubmissionAsset(input: { chartSubmissionId: $id, assetId: $asset }) {
		deletedChartAssetSubmissionId chartSubmission { databaseId volunteerStatus } } }`
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(remove, map[string]any{"id": tt.submission, "asset": tt.asset}, tt.token, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code {
				t.Errorf("errors = %+v, want %s", a.Errors, tt.code)
			}
			if n, _ := e.calls(); n != tt.calls {
				t.Errorf("%d upstream calls, want %d", n, tt.calls)
			}
		})
	}

	var removed struct {
		DeleteChartSubmissionAsset struct {
			DeletedChartAssetSubmissionID string
			ChartSubmission               struct{ DatabaseID string }
		}
	}
	e.mustQueryAs(remove, map[string]any{"id": id, "asset": assetID}, alice, &removed)
	if removed.DeleteChartSubmissionAsset.DeletedChartAssetSubmissionID != created.Asset.ID ||
		removed.DeleteChartSubmissionAsset.ChartSubmission.DatabaseID != id {
		t.Errorf("deleteChartSubmissionAsset = %+v, want the ID %s", removed, created.Asset.ID)
	}
	if status, _ := chartSubmissionREST[heldChartSubmissionAsset](e, alice, "/studio/charts/"+id+"/assets/"+assetID); status != http.StatusNotFound {
		t.Errorf("the sandbox answers %d for the removed asset, want 404", status)
	}
}

func TestCreateChartSubmissionCollaboration(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1].AccessToken, e.sandbox.Tokens()[2]
	id := aliceChartSubmission(e)
	const invite = `mutation($input: CreateChartSubmissionCollaborationInput!) {
		createChartSubmissionCollaboration(input: $input) { collaboration {
			submissionId position status inviter { databaseId } invitee { databaseId } chartSubmission { databaseId } } } }`

	// Alice's submissions may have invited Bob already; invite a user
	// who is not yet invited.
	_, collabs := chartSubmissionREST[[]struct{ InviteeID int }](e, alice, "/collaborations?PerPage=100&RangeSubmissionId="+id)
	invited := map[int]bool{}
	for _, c := range collabs.Data {
		invited[c.InviteeID] = true
	}
	invitee := 4
	for invited[invitee] {
		invitee++
	}

	var got struct {
		CreateChartSubmissionCollaboration struct {
			Collaboration struct {
				SubmissionID, Status string
				Position             *string
				Inviter, Invitee     struct{ DatabaseID string }
				ChartSubmission      struct{ DatabaseID string }
			}
		}
	}
	input := map[string]any{"chartSubmissionId": id, "inviteeId": strconv.Itoa(invitee), "position": "Illustrator"}
	e.mustQueryAs(invite, map[string]any{"input": input}, alice, &got)
	c := got.CreateChartSubmissionCollaboration.Collaboration
	if c.SubmissionID != id || c.Status != "WAITING" || c.Position == nil || *c.Position != "Illustrator" ||
		c.Inviter.DatabaseID != "2" || c.Invitee.DatabaseID != strconv.Itoa(invitee) || c.ChartSubmission.DatabaseID != id {
		t.Errorf("collaboration = %+v", c)
	}
	if _, byRoute := e.calls(); byRoute["POST /studio/charts/{id}/collaborations"] != 1 || byRoute["GET /collaborations/{id}"] != 1 {
		t.Errorf("calls = %v", byRoute)
	}

	tests := []struct {
		name, token string
		input       map[string]any
		code, up    string
	}{
		{"no token", "", input, "UNAUTHENTICATED", ""},
		{"invited already", alice, input, "CONFLICT", "AlreadyDone"},
		{"an unknown user", alice, map[string]any{"chartSubmissionId": id, "inviteeId": "999999"}, "NOT_FOUND", "UserNotFound"},
		{"a bad user ID", alice, map[string]any{"chartSubmissionId": id, "inviteeId": "bob"}, "BAD_USER_INPUT", ""},
		{"someone else's submission", bob.AccessToken, map[string]any{"chartSubmissionId": id, "inviteeId": "5"}, "FORBIDDEN", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(invite, map[string]any{"input": tt.input}, tt.token, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code ||
				tt.up != "" && a.Errors[0].Extensions["upstreamCode"] != tt.up {
				t.Errorf("errors = %+v, want %s %s", a.Errors, tt.code, tt.up)
			}
		})
	}
}

func TestUseChartSubmissionService(t *testing.T) {
	e := newEnv(t)
	alice := e.sandbox.Tokens()[1].AccessToken
	id := aliceChartSubmission(e)
	scripts := rest[[]struct {
		ID, Name   string
		TargetType int
		Parameters []string
	}](e, "/services", url.Values{"PerPage": {"100"}})
	var forCharts, forSongs string
	var name, parameter string
	for _, s := range scripts {
		switch {
		case s.TargetType == 1 && len(s.Parameters) > 0 && forCharts == "":
			forCharts, name, parameter = s.ID, s.Name, s.Parameters[0]
		case s.TargetType == 0 && forSongs == "":
			forSongs = s.ID
		}
	}
	const use = `mutation($input: UseChartSubmissionServiceInput!) { useChartSubmissionService(input: $input) {
		result { type message redirectUri } chartSubmission { databaseId } } }`

	var got struct {
		UseChartSubmissionService struct {
			Result struct {
				Type                 string
				Message, RedirectURI *string
			}
			ChartSubmission struct{ DatabaseID string }
		}
	}
	e.mustQueryAs(use, map[string]any{"input": map[string]any{
		"chartSubmissionId": id, "serviceId": forCharts, "parameters": []map[string]any{{"name": parameter, "value": "pec"}},
	}}, alice, &got)
	r := got.UseChartSubmissionService
	want := name + " ran on " + id + " with {" + parameter + "=pec}"
	if r.Result.Type != "SUCCESS" || r.Result.Message == nil || *r.Result.Message != want || r.ChartSubmission.DatabaseID != id {
		t.Errorf("useChartSubmissionService = %+v, want SUCCESS %q", r, want)
	}
	var body string
	for _, q := range e.sandbox.Requests() {
		if q.Method == http.MethodPost {
			body = string(q.Body)
		}
	}
	if body != `{"parameters":{"`+parameter+`":"pec"}}` {
		t.Errorf("the upstream received %s", body)
	}

	tests := []struct {
		name, token string
		input       map[string]any
		code, up    string
	}{
		{"no token", "", map[string]any{"chartSubmissionId": id, "serviceId": forCharts}, "UNAUTHENTICATED", ""},
		{"a script for songs", alice, map[string]any{"chartSubmissionId": id, "serviceId": forSongs}, "BAD_USER_INPUT", "InvalidOperation"},
		{"a bad script ID", alice, map[string]any{"chartSubmissionId": id, "serviceId": "script"}, "BAD_USER_INPUT", ""},
		{"a parameter given twice", alice, map[string]any{"chartSubmissionId": id, "serviceId": forCharts,
			"parameters": []map[string]any{{"name": "a", "value": "1"}, {"name": "a", "value": "2"}}}, "BAD_USER_INPUT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(use, map[string]any{"input": tt.input}, tt.token, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code ||
				tt.up != "" && a.Errors[0].Extensions["upstreamCode"] != tt.up {
				t.Errorf("errors = %+v, want %s %s", a.Errors, tt.code, tt.up)
			}
		})
	}
}

// chartSubmissionDivision makes a chart event division of the sandbox one
// that submissions enter, in the given status and ending in 30 days (the
// generated divisions all ended long ago), and returns its tag's name, its
// ID, a team of it and a member of that team.
func chartSubmissionDivision(e *env, status sandbox.EventDivisionStatus) (tag, division, team string, member int) {
	e.t.Helper()
	e.sandbox.Update(func(d *sandbox.Data) {
		for i := range d.Divisions {
			v := &d.Divisions[i]
			if v.Type != sandbox.DivisionChart || v.TagID == nil || division != "" {
				continue
			}
			for _, t := range d.Teams {
				for _, p := range d.Participations {
					if t.DivisionID == v.ID && p.TeamID == t.ID && team == "" {
						team, member = t.ID, p.ParticipantID
					}
				}
			}
			if team == "" {
				continue
			}
			v.Status, v.DateEnded, division = status, d.Now.AddDate(0, 0, 30), v.ID
			for _, t := range d.Tags {
				if t.ID == *v.TagID {
					tag = t.Name
				}
			}
		}
	})
	if division == "" || tag == "" {
		e.t.Fatal("no chart event division with a team")
	}
	return tag, division, team, member
}

func TestCheckChartSubmissionEvent(t *testing.T) {
	e := newEnv(t)
	tag, division, team, member := chartSubmissionDivision(e, sandbox.DivisionEnded)
	participant, err := e.sandbox.SignInAs(member)
	if err != nil {
		t.Fatal(err)
	}
	const check = `mutation($input: CheckChartSubmissionEventInput!) { checkChartSubmissionEvent(input: $input) {
		division { databaseId } team { databaseId } } }`

	var got struct {
		CheckChartSubmissionEvent struct {
			Division, Team *struct{ DatabaseID string }
		}
	}
	// The tag matches whatever its case and spacing, as the upstream
	// normalises both.
	spaced := strings.ToLower(tag[:1]) + " " + tag[1:]
	e.mustQueryAs(check, map[string]any{"input": map[string]any{"tags": []string{"Other", spaced}}}, participant.AccessToken, &got)
	if c := got.CheckChartSubmissionEvent; c.Division == nil || c.Division.DatabaseID != division ||
		c.Team == nil || c.Team.DatabaseID != team {
		t.Errorf("checkChartSubmissionEvent = %+v, want division %s and team %s", c, division, team)
	}

	// Someone else may ask on the participant's behalf.
	admin := e.sandbox.Tokens()[0].AccessToken
	e.mustQueryAs(check, map[string]any{"input": map[string]any{"tags": []string{tag}, "userId": strconv.Itoa(member)}},
		admin, &got)
	if c := got.CheckChartSubmissionEvent; c.Team == nil || c.Team.DatabaseID != team {
		t.Errorf("for user %d: %+v", member, c)
	}
	for _, r := range e.sandbox.Requests() {
		if r.Method == http.MethodPost && r.Query.Get("userId") != strconv.Itoa(member) {
			t.Errorf("the upstream received the query %v", r.Query)
		}
	}

	e.mustQueryAs(check, map[string]any{"input": map[string]any{"tags": []string{"No Such Event"}}}, admin, &got)
	if c := got.CheckChartSubmissionEvent; c.Division != nil || c.Team != nil {
		t.Errorf("tags of no event: %+v", c)
	}

	tests := []struct {
		name, token string
		input       map[string]any
		code, up    string
	}{
		{"no token", "", map[string]any{"tags": []string{tag}}, "UNAUTHENTICATED", ""},
		{"in no team", admin, map[string]any{"tags": []string{tag}}, "BAD_USER_INPUT", "NotEnrolled"},
		{"a bad user ID", admin, map[string]any{"tags": []string{tag}, "userId": "-3"}, "BAD_USER_INPUT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.query(check, map[string]any{"input": tt.input}, tt.token, nil)
			if len(a.Errors) != 1 || a.Errors[0].Extensions["code"] != tt.code ||
				tt.up != "" && a.Errors[0].Extensions["upstreamCode"] != tt.up {
				t.Errorf("errors = %+v, want %s %s", a.Errors, tt.code, tt.up)
			}
		})
	}

	// A new submission may not name a division that has ended (the tags
	// change), even for one of its participants.
	var created struct{}
	a := e.query(createChartSubmission, map[string]any{"input": map[string]any{
		"songId": chartSubmissionSong(e), "levelType": "HD", "level": "HD 9", "difficulty": 9.2,
		"authorName": "[PZUser:" + strconv.Itoa(member) + ":x:PZRT]", "accessibility": "ALLOW_ANY", "isRanked": false,
		"tags": []string{tag},
	}}, participant.AccessToken, &created)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "DivisionNotStarted" {
		t.Errorf("a submission into an ended division: %+v, want DivisionNotStarted", a.Errors)
	}
}

// A submission whose tags name a started chart division enters it for a
// participant; anyone else is refused.
func TestCreateChartSubmissionInEvent(t *testing.T) {
	e := newEnv(t)
	tag, _, _, member := chartSubmissionDivision(e, sandbox.DivisionStarted)
	participant, err := e.sandbox.SignInAs(member)
	if err != nil {
		t.Fatal(err)
	}
	input := func(user int) map[string]any {
		return map[string]any{"input": map[string]any{
			"songId": chartSubmissionSong(e), "levelType": "HD", "level": "HD 9", "difficulty": 9.2,
			"authorName": "[PZUser:" + strconv.Itoa(user) + ":x:PZRT]", "accessibility": "ALLOW_ANY",
			"isRanked": false, "tags": []string{tag},
		}}
	}

	var got struct {
		CreateChartSubmission struct{ ChartSubmission struct{ Tags []string } }
	}
	e.mustQueryAs(createChartSubmission, input(member), participant.AccessToken, &got)
	if tags := got.CreateChartSubmission.ChartSubmission.Tags; len(tags) != 1 || tags[0] != tag {
		t.Errorf("tags = %v, want [%s]", tags, tag)
	}

	admin := e.sandbox.Tokens()[0]
	a := e.query(createChartSubmission, input(admin.UserID), admin.AccessToken, nil)
	if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamCode"] != "NotEnrolled" {
		t.Errorf("a submission by someone in no team: %+v, want NotEnrolled", a.Errors)
	}
}
