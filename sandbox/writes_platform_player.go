package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Writes of the PhiZone Entrance Test (PetController) and play
// configurations (PlayerController). Their routes are in
// writes_platform.go.

// Platform holds what the platform's writes keep beyond the DTOs: the
// tests in progress, by taker, which the upstream keeps in Redis for an
// hour. GET /pet/objective starts a test, POST /pet/objective moves it to
// its subjective part, POST /pet/subjective ends it.
type Platform struct {
	mu       sync.Mutex // tests start under the server's read lock
	petTests map[int]petTest
}

// petTest is a test in progress (the upstream's PetDelivererDto).
type petTest struct {
	subjective bool     // the objective part is answered
	questions  []string // the IDs of the questions handed out, in order
	score      int      // the objective part's score, once answered
	expires    time.Time
}

// petTestLifetime is how long a part of the test stays open.
const petTestLifetime = time.Hour

// petRoleScores are the sandbox's PrivilegeEscalationTest settings: the
// total score that makes a taker a Volunteer or Qualified, highest first.
var petRoleScores = []struct {
	role  UserRole
	score int
}{{RoleVolunteer, 90}, {RoleQualified, 60}}

// petCorrect reports whether choice is a correct answer to q. The data set
// records no answers, so the sandbox's rule is: the first choice answers
// a single-choice question, the first two a multiple-choice one.
func petCorrect(q *PetQuestion, choice int) bool {
	return choice == 0 || q.Type == 1 && choice == 1
}

// startPetTest records the objective questions handed to the caller.
func (c *call) startPetTest(questions []PetQuestion) {
	p := &c.d.Areas.Platform
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.petTests == nil {
		p.petTests = map[int]petTest{}
	}
	ids := make([]string, len(questions))
	for i, q := range questions {
		ids[i] = q.ID
	}
	p.petTests[c.caller.ID] = petTest{questions: ids, expires: c.now().Add(petTestLifetime)}
}

// takePetTest removes and returns the caller's open test at the part
// named, answering 400 InvalidOperation itself when there is none.
func (c *call) takePetTest(subjective bool) (petTest, bool) {
	p := &c.d.Areas.Platform
	p.mu.Lock()
	defer p.mu.Unlock()
	t, ok := p.petTests[c.caller.ID]
	if !ok || t.subjective != subjective || c.now().After(t.expires) {
		c.fail(http.StatusBadRequest, codeInvalidOperation)
		return petTest{}, false
	}
	delete(p.petTests, c.caller.ID)
	return t, true
}

// petTaker checks the caller of a test route: 401, 403 below Member, 400
// AlreadyDone from Volunteer up.
func (c *call) petTaker() bool {
	if !c.hasCaller() || !c.roleAtLeast(RoleMember) {
		return false
	}
	if c.caller.Role >= RoleVolunteer {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return false
	}
	return true
}

// postPetObjective is POST /pet/objective: exactly fifteen answers
// (PetObjectiveAnswerDto) to the questions GET /pet/objective handed out,
// scored 2 for a correct single choice or a correct part of a multiple
// choice and 4 for a whole multiple choice; it answers with the subjective
// questions, one for each of the positions 1 to 3. Answers past the
// questions handed out score nothing (the sandbox has fewer than fifteen).
func (c *call) postPetObjective() {
	if !c.petTaker() {
		return
	}
	var answers []struct {
		Choices []int `json:"choices"`
	}
	if !c.readJSON(&answers) {
		return
	}
	if len(answers) != 15 {
		c.writeJSON(http.StatusBadRequest, envelope{Status: StatusErrorWithMessage, Code: codeInvalidData,
			Message: ptr("Must submit exactly fifteen answers.")})
		return
	}
	t, ok := c.takePetTest(false)
	if !ok {
		return
	}

	cat := &c.d.Areas.Catalog
	for i, id := range t.questions {
		q := lookup(cat.PetQuestions, cat.idx.petQuestions, id)
		choices := answers[i].Choices
		if q == nil || len(choices) == 0 || len(choices) > len(q.Choices) ||
			slices.ContainsFunc(choices, func(ch int) bool { return !petCorrect(q, ch) }) {
			continue
		}
		if q.Type == 0 || len(choices) < 2 { // two choices answer a multiple-choice question
			t.score += 2
		} else {
			t.score += 4
		}
	}

	next := petTest{subjective: true, score: t.score, expires: c.now().Add(petTestLifetime)}
	out := []PetQuestion{}
	for position := 1; position <= 3; position++ {
		i := slices.IndexFunc(cat.PetQuestions, func(q PetQuestion) bool {
			return q.Type == 2 && q.Position == position
		})
		if i >= 0 {
			next.questions = append(next.questions, cat.PetQuestions[i].ID)
			out = append(out, cat.PetQuestions[i])
		}
	}
	p := &c.d.Areas.Platform
	p.mu.Lock()
	p.petTests[c.caller.ID] = next
	p.mu.Unlock()
	c.plain(out)
}

// postPetSubjective is POST /pet/subjective (PetSubjectiveAnswerDto): it
// ends the caller's test with an answer waiting for assessment, 201.
func (c *call) postPetSubjective() {
	if !c.hasCaller() {
		return
	}
	var b struct{ Answer1, Answer2, Answer3, Chart string }
	if !c.readJSON(&b) {
		return
	}
	var e dtoChecks
	e.text("Answer1", b.Answer1, true, 0)
	e.text("Answer2", b.Answer2, true, 0)
	e.text("Answer3", b.Answer3, true, 0)
	e.text("Chart", b.Chart, true, 0)
	if !e.answer(c) || !c.petTaker() {
		return
	}
	t, ok := c.takePetTest(true)
	if !ok {
		return
	}
	for len(t.questions) < 3 {
		t.questions = append(t.questions, "")
	}

	id, now := c.newID(), c.now()
	cat := &c.d.Areas.Catalog
	cat.PetAnswers = append(cat.PetAnswers, PetAnswer{
		ID: id, Question1: t.questions[0], Question2: t.questions[1], Question3: t.questions[2],
		Answer1: b.Answer1, Answer2: b.Answer2, Answer3: b.Answer3, Chart: b.Chart, ObjectiveScore: t.score,
		OwnerID: c.caller.ID, DateCreated: now, DateUpdated: now,
	})
	c.d.reindex()
	c.created(id)
}

// patchPetAnswer is PATCH /pet/answers/{id} (PetAnswerReviewDto, a score
// of 0 to 60): moderators score the subjective part, which gives the taker
// the role petRoleScores names for the total and a System notification.
func (c *call) patchPetAnswer() {
	if !c.hasCaller() {
		return
	}
	var b struct {
		Score *int `json:"score"`
	}
	if !c.readJSON(&b) {
		return
	}
	var e dtoChecks
	if b.Score == nil {
		e.add("Score", codeFieldEmpty)
	} else {
		e.between("Score", float64(*b.Score), 0, 60)
	}
	if !e.answer(c) {
		return
	}
	cat := &c.d.Areas.Catalog
	a := lookup(cat.PetAnswers, cat.idx.petAnswers, c.params["id"])
	if a == nil {
		c.notFound()
		return
	}
	if !c.roleAtLeast(RoleModerator) {
		return
	}

	now := c.now()
	total := a.ObjectiveScore + *b.Score
	a.SubjectiveScore, a.TotalScore, a.AssessorID, a.DateUpdated = ptr(*b.Score), &total, ptr(c.caller.ID), now
	result := "pet-failed"
	for _, r := range petRoleScores {
		if total >= r.score {
			if u := c.d.User(a.OwnerID); u != nil {
				u.Role = r.role
			}
			result = "pet-" + strings.ToLower(r.role.String())
			break
		}
	}
	cat.Notifications = append(cat.Notifications, Notification{
		ID: c.newID(), Type: 5, Content: fmt.Sprintf("%s: Score %d", result, total), OwnerID: a.OwnerID,
		DateCreated: now,
	})
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// playConfigurationBody is PlayConfigurationRequestDto with its defaults.
type playConfigurationBody struct {
	Name                 *string            `json:"name"`
	PerfectJudgment      int                `json:"perfectJudgment"`
	GoodJudgment         int                `json:"goodJudgment"`
	ChartMirroring       ChartMirroringMode `json:"chartMirroring"`
	AspectRatio          []int              `json:"aspectRatio"`
	NoteSize             float64            `json:"noteSize"`
	BackgroundLuminance  float64            `json:"backgroundLuminance"`
	BackgroundBlur       float64            `json:"backgroundBlur"`
	SimultaneousNoteHint bool               `json:"simultaneousNoteHint"`
	FcApIndicator        bool               `json:"fcApIndicator"`
	ChartOffset          int                `json:"chartOffset"`
	HitSoundVolume       float64            `json:"hitSoundVolume"`
	MusicVolume          float64            `json:"musicVolume"`
}

func defaultPlayConfiguration() playConfigurationBody {
	return playConfigurationBody{
		PerfectJudgment: 80, GoodJudgment: 160, NoteSize: 1, BackgroundLuminance: 0.5, BackgroundBlur: 1,
		SimultaneousNoteHint: true, FcApIndicator: true, HitSoundVolume: 1, MusicVolume: 1,
	}
}

// validate applies the DTO's ranges; a perfect window wider than the good
// one is answered apart, with 418.
func (b *playConfigurationBody) validate() dtoChecks {
	var e dtoChecks
	e.between("NoteSize", b.NoteSize, 0.4, 2)
	e.between("BackgroundLuminance", b.BackgroundLuminance, 0, 1)
	e.between("BackgroundBlur", b.BackgroundBlur, 0, 2)
	e.between("ChartOffset", float64(b.ChartOffset), -600, 600)
	e.between("HitSoundVolume", b.HitSoundVolume, 0, 1)
	e.between("MusicVolume", b.MusicVolume, 0, 1)
	return e
}

// reduceFraction reduces an aspect ratio, or returns nil for none.
func reduceFraction(f []int) []int {
	if len(f) < 2 || f[0] <= 0 || f[1] <= 0 {
		return nil
	}
	a, b := f[0], f[1]
	for b != 0 {
		a, b = b, a%b
	}
	return []int{f[0] / a, f[1] / a}
}

// postPlayConfiguration is POST /player/configurations: members and
// above save a configuration of their own, 201.
func (c *call) postPlayConfiguration() {
	if !c.hasCaller() {
		return
	}
	b := defaultPlayConfiguration()
	if !c.readJSON(&b) || !b.validate().answer(c) || !c.roleAtLeast(RoleMember) {
		return
	}
	if b.PerfectJudgment > b.GoodJudgment {
		c.empty(http.StatusTeapot)
		return
	}

	id := c.newID()
	cat := &c.d.Areas.Catalog
	cat.PlayConfigurations = append(cat.PlayConfigurations, PlayConfiguration{
		ID: id, Name: b.Name, PerfectJudgment: b.PerfectJudgment, GoodJudgment: b.GoodJudgment,
		ChartMirroring: b.ChartMirroring, AspectRatio: reduceFraction(b.AspectRatio), NoteSize: b.NoteSize,
		BackgroundLuminance: b.BackgroundLuminance, BackgroundBlur: b.BackgroundBlur,
		SimultaneousNoteHint: b.SimultaneousNoteHint, FcApIndicator: b.FcApIndicator, ChartOffset: b.ChartOffset,
		HitSoundVolume: b.HitSoundVolume, MusicVolume: b.MusicVolume, OwnerID: c.caller.ID, DateCreated: c.now(),
	})
	c.d.reindex()
	c.created(id)
}

// ownPlayConfiguration finds configuration {id} for a change: 401, 404,
// then 403 unless it is a member's own or the caller an administrator.
func (c *call) ownPlayConfiguration() *PlayConfiguration {
	if !c.hasCaller() {
		return nil
	}
	cat := &c.d.Areas.Catalog
	p := lookup(cat.PlayConfigurations, cat.idx.playConfigurations, c.params["id"])
	switch {
	case p == nil:
		c.notFound()
		return nil
	case p.OwnerID == c.caller.ID && c.caller.Role < RoleMember, p.OwnerID != c.caller.ID && !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return p
}

// patchPlayConfiguration is PATCH /player/configurations/{id}: a JSON
// Patch over PlayConfigurationRequestDto, 204. Like the upstream, it does
// not store chartMirroring.
func (c *call) patchPlayConfiguration() {
	p := c.ownPlayConfiguration()
	if p == nil {
		return
	}
	b := playConfigurationBody{p.Name, p.PerfectJudgment, p.GoodJudgment, p.ChartMirroring, p.AspectRatio,
		p.NoteSize, p.BackgroundLuminance, p.BackgroundBlur, p.SimultaneousNoteHint, p.FcApIndicator,
		p.ChartOffset, p.HitSoundVolume, p.MusicVolume}
	fields := map[string]struct {
		dst      any
		nullable bool
	}{
		"name": {&b.Name, true}, "perfectjudgment": {&b.PerfectJudgment, false},
		"goodjudgment": {&b.GoodJudgment, false}, "chartmirroring": {&b.ChartMirroring, false},
		"aspectratio": {&b.AspectRatio, true}, "notesize": {&b.NoteSize, false},
		"backgroundluminance": {&b.BackgroundLuminance, false}, "backgroundblur": {&b.BackgroundBlur, false},
		"simultaneousnotehint": {&b.SimultaneousNoteHint, false}, "fcapindicator": {&b.FcApIndicator, false},
		"chartoffset": {&b.ChartOffset, false}, "hitsoundvolume": {&b.HitSoundVolume, false},
		"musicvolume": {&b.MusicVolume, false},
	}
	ok := c.applyPatch(func(op patchOp) string {
		f, known := fields[strings.ToLower(strings.TrimPrefix(op.Path, "/"))]
		if !known {
			return codeInvalidData
		}
		return patchField(op, f.dst, f.nullable)
	})
	if !ok || !b.validate().answer(c) {
		return
	}
	if b.PerfectJudgment > b.GoodJudgment {
		c.empty(http.StatusTeapot)
		return
	}

	p.Name, p.PerfectJudgment, p.GoodJudgment, p.AspectRatio = b.Name, b.PerfectJudgment, b.GoodJudgment,
		reduceFraction(b.AspectRatio)
	p.NoteSize, p.BackgroundLuminance, p.BackgroundBlur = b.NoteSize, b.BackgroundLuminance, b.BackgroundBlur
	p.SimultaneousNoteHint, p.FcApIndicator, p.ChartOffset = b.SimultaneousNoteHint, b.FcApIndicator, b.ChartOffset
	p.HitSoundVolume, p.MusicVolume = b.HitSoundVolume, b.MusicVolume
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// deletePlayConfiguration is DELETE /player/configurations/{id}: 204.
func (c *call) deletePlayConfiguration() {
	p := c.ownPlayConfiguration()
	if p == nil {
		return
	}
	cat := &c.d.Areas.Catalog
	id := p.ID
	cat.PlayConfigurations = slices.DeleteFunc(cat.PlayConfigurations, func(v PlayConfiguration) bool {
		return v.ID == id
	})
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
