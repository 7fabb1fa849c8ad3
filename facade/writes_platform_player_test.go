package facade_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/sandbox"
)

// The writes of the PhiZone Entrance Test, play configurations and
// resource records, in the manner of writes_platform_test.go.

// petQuestion is the part of a test question the test tests read.
type petQuestion struct {
	Position int
	Type     string
	Choices  []string
}

func TestPlatformPetTest(t *testing.T) {
	e := newEnv(t)
	admin, alice, bob := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1], e.sandbox.Tokens()[2].AccessToken

	const submit = `mutation($answers: [PetObjectiveAnswerInput!]!) { submitPetObjectiveAnswers(input: { answers: $answers }) {
		subjectiveQuestions { position type content choices } } }`
	fifteen := make([]map[string]any, 15)
	for i := range fifteen {
		fifteen[i] = map[string]any{"choices": []int{0}}
	}
	t.Run("without starting the test", func(t *testing.T) {
		e := e.in(t)
		wantError(t, e.query(submit, map[string]any{"answers": fifteen}, bob, nil), "BAD_USER_INPUT", "InvalidOperation")
	})
	t.Run("as a volunteer or above", func(t *testing.T) {
		e := e.in(t)
		wantError(t, e.query(submit, map[string]any{"answers": fifteen}, admin, nil), "CONFLICT", "AlreadyDone")
	})
	t.Run("a negative choice", func(t *testing.T) {
		e := e.in(t)
		negative := append([]map[string]any{{"choices": []int{-1}}}, fifteen[1:]...)
		platformNoCall(t, e, e.query(submit, map[string]any{"answers": negative}, alice.AccessToken, nil), "BAD_USER_INPUT")
	})
	t.Run("fourteen answers", func(t *testing.T) {
		e := e.in(t)
		platformNoCall(t, e, e.query(submit, map[string]any{"answers": fifteen[1:]}, alice.AccessToken, nil), "BAD_USER_INPUT")
	})

	// Reading the objective questions starts the test. The sandbox's rule:
	// the first choice answers a single choice, the first two a multiple one.
	var start struct{ PetObjectiveQuestions []petQuestion }
	e.mustQueryAs(`{ petObjectiveQuestions { position type choices } }`, nil, alice.AccessToken, &start)
	if len(start.PetObjectiveQuestions) == 0 {
		t.Fatal("no objective questions")
	}
	answers, want, halved := make([]map[string]any, 15), 0, false
	for i := range answers {
		answers[i] = map[string]any{"choices": []int{}}
	}
	for i, q := range start.PetObjectiveQuestions {
		switch {
		case i == 0:
			answers[i]["choices"] = []int{2} // wrong: nothing
		case q.Type == "SINGLE":
			answers[i]["choices"], want = []int{0}, want+2
		case !halved:
			answers[i]["choices"], want, halved = []int{1}, want+2, true // half a multiple choice
		default:
			answers[i]["choices"], want = []int{0, 1}, want+4
		}
	}
	var objective struct {
		SubmitPetObjectiveAnswers struct{ SubjectiveQuestions []petQuestion }
	}
	e.mustQueryAs(submit, map[string]any{"answers": answers}, alice.AccessToken, &objective)
	subjective := objective.SubmitPetObjectiveAnswers.SubjectiveQuestions
	if len(subjective) != 3 || subjective[0].Type != "SUBJECTIVE" || subjective[2].Position != 3 || subjective[0].Choices != nil {
		t.Errorf("subjective questions: %+v", subjective)
	}
	if body := lastBody(e, http.MethodPost); !strings.HasPrefix(body, `[{"choices":[2]},`) {
		t.Errorf("the upstream received %s", body)
	}

	const hand = `mutation { submitPetSubjectiveAnswers(input: { answer1: "Rhythm.", answer2: "Flow.",
		answer3: "Practice.", chart: "https://charts.example.org/pet.json" }) {
		answerId answer { databaseId answer1 chart objectiveScore subjectiveScore totalScore
		question1 { position type } owner { id } assessor { id } } } }`
	type petAnswer struct {
		DatabaseID, Answer1, Chart  string
		ObjectiveScore              int
		SubjectiveScore, TotalScore *int
		Question1                   petQuestion
		Owner                       struct{ ID string }
		Assessor                    *struct{ ID string }
	}
	var handed struct {
		SubmitPetSubjectiveAnswers struct {
			AnswerID string
			Answer   petAnswer
		}
	}
	e.mustQueryAs(hand, nil, alice.AccessToken, &handed)
	got := handed.SubmitPetSubjectiveAnswers
	if a := got.Answer; a.DatabaseID != got.AnswerID || a.Answer1 != "Rhythm." || a.ObjectiveScore != want ||
		a.SubjectiveScore != nil || a.Question1.Position != 1 || a.Owner.ID != globalid.Encode("User", "2") || a.Assessor != nil {
		t.Errorf("after submitPetSubjectiveAnswers (objective score %d wanted): %+v", want, a)
	}
	wantError(t, e.query(hand, nil, alice.AccessToken, nil), "BAD_USER_INPUT", "InvalidOperation")

	const review = `mutation($id: ID!, $score: Int!) { reviewPetAnswer(input: { answerId: $id, score: $score }) {
		answer { subjectiveScore totalScore assessor { id } } } }`
	wantError(t, e.query(review, map[string]any{"id": got.AnswerID, "score": 40}, bob, nil), "FORBIDDEN", "InsufficientPermission")
	for _, tc := range []struct {
		name string
		vars map[string]any
	}{
		{"a score above 60", map[string]any{"id": got.AnswerID, "score": 61}},
		{"a bad ID", map[string]any{"id": "answer", "score": 40}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := e.in(t)
			platformNoCall(t, e, e.query(review, tc.vars, admin, nil), "BAD_USER_INPUT")
		})
	}
	score := 60 - want // a total of 60 makes a taker Qualified in the sandbox
	var reviewed struct {
		ReviewPetAnswer struct{ Answer petAnswer }
	}
	e.mustQueryAs(review, map[string]any{"id": got.AnswerID, "score": score}, admin, &reviewed)
	if a := reviewed.ReviewPetAnswer.Answer; a.SubjectiveScore == nil || *a.SubjectiveScore != score ||
		a.TotalScore == nil || *a.TotalScore != 60 || a.Assessor == nil || a.Assessor.ID != globalid.Encode("User", "1") {
		t.Errorf("after reviewPetAnswer: %+v", a)
	}
	if role := e.sandbox.Data().User(alice.UserID).Role; role != sandbox.RoleQualified {
		t.Errorf("alice's role after the review is %v, want Qualified", role)
	}
}

func TestPlatformPlayConfigurationWrites(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.sandbox.Tokens()[1].AccessToken, e.sandbox.Tokens()[2].AccessToken

	const create = `mutation($input: CreatePlayConfigurationInput!) { createPlayConfiguration(input: $input) {
		playConfiguration { id databaseId name perfectJudgment goodJudgment chartMirroring aspectRatio noteSize
		backgroundLuminance chartOffset owner { id } } } }`
	type config struct {
		ID, DatabaseID, ChartMirroring string
		Name                           *string
		PerfectJudgment, GoodJudgment  int
		AspectRatio                    []int
		NoteSize, BackgroundLuminance  float64
		ChartOffset                    int
		Owner                          struct{ ID string }
	}
	var got struct {
		CreatePlayConfiguration struct{ PlayConfiguration config }
	}
	e.mustQueryAs(create, map[string]any{"input": map[string]any{"name": "Practice", "perfectJudgment": 60,
		"aspectRatio": []int{32, 18}, "noteSize": 1.2, "chartMirroring": "HORIZONTAL"}}, alice, &got)
	p := got.CreatePlayConfiguration.PlayConfiguration
	if p.Name == nil || *p.Name != "Practice" || p.PerfectJudgment != 60 || p.GoodJudgment != 160 ||
		p.ChartMirroring != "HORIZONTAL" || len(p.AspectRatio) != 2 || p.AspectRatio[0] != 16 || p.AspectRatio[1] != 9 ||
		p.NoteSize != 1.2 || p.BackgroundLuminance != 0.5 || p.Owner.ID != globalid.Encode("User", "2") {
		t.Errorf("after createPlayConfiguration: %+v", p)
	}
	if body := lastBody(e, http.MethodPost); body !=
		`{"name":"Practice","perfectJudgment":60,"chartMirroring":1,"aspectRatio":[32,18],"noteSize":1.2}` {
		t.Errorf("the upstream received %s", body)
	}
	t.Run("a perfect window wider than the good one", func(t *testing.T) {
		e := e.in(t)
		a := e.query(create, map[string]any{"input": map[string]any{"perfectJudgment": 200}}, alice, nil)
		platformNoCall(t, e, a, "BAD_USER_INPUT")
	})

	const update = `mutation($input: UpdatePlayConfigurationInput!) { updatePlayConfiguration(input: $input) {
		playConfiguration { name chartOffset aspectRatio noteSize } } }`
	var updated struct {
		UpdatePlayConfiguration struct{ PlayConfiguration config }
	}
	e.mustQueryAs(update, map[string]any{"input": map[string]any{"playConfigurationId": p.ID, "name": nil,
		"chartOffset": -25, "aspectRatio": nil}}, alice, &updated)
	if u := updated.UpdatePlayConfiguration.PlayConfiguration; u.Name != nil || u.ChartOffset != -25 ||
		u.AspectRatio != nil || u.NoteSize != 1.2 {
		t.Errorf("after updatePlayConfiguration: %+v", u)
	}
	tests := []struct {
		name, token string
		input       map[string]any
		code        string
	}{
		{"someone else's", bob, map[string]any{"chartOffset": 1}, "FORBIDDEN"},
		{"a note size out of range", alice, map[string]any{"noteSize": 3.0}, "BAD_USER_INPUT"},
		{"nothing to change", alice, map[string]any{}, "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := e.in(t)
			tt.input["playConfigurationId"] = p.DatabaseID
			a := e.query(update, map[string]any{"input": tt.input}, tt.token, nil)
			if tt.name == "a note size out of range" {
				wantBound(t, e, a, "input.noteSize")
				return
			}
			wantError(t, a, tt.code, "")
		})
	}
	t.Run("a perfect window wider than the stored good one", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"input": map[string]any{"playConfigurationId": p.ID, "perfectJudgment": 500}},
			alice, nil)
		if len(a.Errors) != 1 || a.Errors[0].Extensions["upstreamStatus"] != float64(http.StatusTeapot) {
			t.Errorf("errors = %+v, want the upstream's 418", a.Errors)
		}
	})

	const del = `mutation($id: ID!) { deletePlayConfiguration(input: { playConfigurationId: $id }) {
		deletedPlayConfigurationId } }`
	wantError(t, e.query(del, map[string]any{"id": p.ID}, bob, nil), "FORBIDDEN", "InsufficientPermission")
	var deleted struct {
		DeletePlayConfiguration struct{ DeletedPlayConfigurationID string }
	}
	e.mustQueryAs(del, map[string]any{"id": p.ID}, alice, &deleted)
	if deleted.DeletePlayConfiguration.DeletedPlayConfigurationID != p.ID {
		t.Errorf("deletePlayConfiguration answered %+v", deleted)
	}
	if s := platformStatus(e, "/player/configurations/"+p.DatabaseID); s != http.StatusNotFound {
		t.Errorf("the removed configuration answers %d", s)
	}
}

func TestPlatformResourceRecordWrites(t *testing.T) {
	e := newEnv(t)
	admin, alice := e.sandbox.Tokens()[0].AccessToken, e.sandbox.Tokens()[1].AccessToken
	record := func(title, source string) map[string]any {
		return map[string]any{"type": "MUSIC", "title": title, "editionType": "ORIGINAL", "authorName": "Composer",
			"strategy": "MAKE_HIDDEN", "source": source, "copyrightOwner": "Label", "media": "https://media.example.org/1"}
	}
	type resourceRecord struct {
		ID, DatabaseID, Title, Type, EditionType, Strategy, Source string
		Edition                                                    *string
	}
	const fields = `id databaseId title type editionType strategy source edition`

	const create = `mutation($input: ResourceRecordFieldsInput!) { createResourceRecord(input: $input) {
		resourceRecord { ` + fields + ` } } }`
	var got struct {
		CreateResourceRecord struct{ ResourceRecord resourceRecord }
	}
	e.mustQueryAs(create, map[string]any{"input": record("Spring", "https://music.example.org/spring")}, admin, &got)
	r := got.CreateResourceRecord.ResourceRecord
	if r.Title != "Spring" || r.Type != "MUSIC" || r.Strategy != "MAKE_HIDDEN" || r.Source != "https://music.example.org/spring" {
		t.Errorf("after createResourceRecord: %+v", r)
	}
	wantError(t, e.query(create, map[string]any{"input": record("x", "https://x.example.org")}, alice, nil),
		"FORBIDDEN", "InsufficientPermission")
	platformFieldError(t, e.query(create, map[string]any{"input": record("x", "music")}, admin, nil), "source", "InvalidUrl")

	const batch = `mutation($records: [ResourceRecordFieldsInput!]!) { createResourceRecords(input: { records: $records }) {
		resourceRecords { ` + fields + ` } } }`
	var many struct {
		CreateResourceRecords struct{ ResourceRecords []resourceRecord }
	}
	e.mustQueryAs(batch, map[string]any{"records": []any{record("Summer", "https://a.example.org"),
		record("Autumn", "https://b.example.org")}}, admin, &many)
	if rs := many.CreateResourceRecords.ResourceRecords; len(rs) != 2 || rs[0].Title != "Summer" || rs[1].Title != "Autumn" {
		t.Errorf("after createResourceRecords: %+v", rs)
	}
	if n, byRoute := e.calls(); n != 2 || byRoute["POST /resourceRecords/batch"] != 1 || byRoute["GET /resourceRecords"] != 1 {
		t.Errorf("createResourceRecords calls = %v", byRoute)
	}
	platformFieldError(t, e.query(batch, map[string]any{"records": []any{record("Winter", "https://c.example.org"),
		record("", "https://d.example.org")}}, admin, nil), "[1].Title", "FieldEmpty")
	t.Run("no records", func(t *testing.T) {
		e := e.in(t)
		platformNoCall(t, e, e.query(batch, map[string]any{"records": []any{}}, admin, nil), "BAD_USER_INPUT")
	})

	const update = `mutation($input: UpdateResourceRecordInput!) { updateResourceRecord(input: $input) {
		resourceRecord { ` + fields + ` } } }`
	var updated struct {
		UpdateResourceRecord struct{ ResourceRecord resourceRecord }
	}
	e.mustQueryAs(update, map[string]any{"input": map[string]any{"resourceRecordId": r.ID, "title": "Spring (remix)",
		"editionType": "EDITED_BY_AUTHOR", "edition": "Remix", "strategy": "REJECT"}}, admin, &updated)
	if u := updated.UpdateResourceRecord.ResourceRecord; u.Title != "Spring (remix)" || u.EditionType != "EDITED_BY_AUTHOR" ||
		u.Edition == nil || *u.Edition != "Remix" || u.Strategy != "REJECT" {
		t.Errorf("after updateResourceRecord: %+v", u)
	}
	stored := rest[struct{ Title string }](e, "/resourceRecords/"+r.DatabaseID, nil)
	if stored.Title != "Spring (remix)" {
		t.Errorf("the sandbox holds the title %q", stored.Title)
	}
	t.Run("by a member", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"input": map[string]any{"resourceRecordId": r.ID, "title": "x"}}, alice, nil)
		wantError(t, a, "FORBIDDEN", "InsufficientPermission")
	})
	t.Run("a bad ID", func(t *testing.T) {
		e := e.in(t)
		a := e.query(update, map[string]any{"input": map[string]any{"resourceRecordId": "x", "title": "x"}}, admin, nil)
		platformNoCall(t, e, a, "BAD_USER_INPUT")
	})

	const del = `mutation($id: ID!) { deleteResourceRecord(input: { resourceRecordId: $id }) { deletedResourceRecordId } }`
	wantError(t, e.query(del, map[string]any{"id": r.ID}, "", nil), "UNAUTHENTICATED", "")
	var deleted struct {
		DeleteResourceRecord struct{ DeletedResourceRecordID string }
	}
	e.mustQueryAs(del, map[string]any{"id": r.ID}, admin, &deleted)
	if deleted.DeleteResourceRecord.DeletedResourceRecordID != r.ID {
		t.Errorf("deleteResourceRecord answered %+v", deleted)
	}
	if s := platformStatus(e, "/resourceRecords/"+r.DatabaseID); s != http.StatusNotFound {
		t.Errorf("the removed record answers %d", s)
	}
}
