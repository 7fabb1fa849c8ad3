package sandbox

import (
	"net/http"
	"time"
)

// petQuestionDto and petAnswerDto are how the API shows the test.
type petAnswerDto struct {
	ID              string       `json:"id"`
	Question1       *PetQuestion `json:"question1"`
	Answer1         string       `json:"answer1"`
	Question2       *PetQuestion `json:"question2"`
	Answer2         string       `json:"answer2"`
	Question3       *PetQuestion `json:"question3"`
	Answer3         string       `json:"answer3"`
	Chart           string       `json:"chart"`
	ObjectiveScore  int          `json:"objectiveScore"`
	SubjectiveScore *int         `json:"subjectiveScore"`
	TotalScore      *int         `json:"totalScore"`
	OwnerID         int          `json:"ownerId"`
	AssessorID      *int         `json:"assessorId"`
	DateCreated     time.Time    `json:"dateCreated"`
	DateUpdated     time.Time    `json:"dateUpdated"`
}

func (c *call) petAnswer(a PetAnswer) petAnswerDto {
	cat := &c.d.Areas.Catalog
	q := func(id string) *PetQuestion { return lookup(cat.PetQuestions, cat.idx.petQuestions, id) }
	return petAnswerDto{
		ID: a.ID, Question1: q(a.Question1), Answer1: a.Answer1, Question2: q(a.Question2), Answer2: a.Answer2,
		Question3: q(a.Question3), Answer3: a.Answer3, Chart: a.Chart, ObjectiveScore: a.ObjectiveScore,
		SubjectiveScore: a.SubjectiveScore, TotalScore: a.TotalScore, OwnerID: a.OwnerID, AssessorID: a.AssessorID,
		DateCreated: a.DateCreated, DateUpdated: a.DateUpdated,
	}
}

// getPetObjective is GET /pet/objective: the objective questions, for
// members below Volunteer who have no answer waiting for assessment.
func (c *call) getPetObjective() {
	if !c.member() {
		return
	}
	cat := &c.d.Areas.Catalog
	waiting := false
	for _, a := range cat.PetAnswers {
		waiting = waiting || a.OwnerID == c.caller.ID && a.SubjectiveScore == nil
	}
	if c.caller.Role >= RoleVolunteer || waiting {
		c.fail(http.StatusBadRequest, codeAlreadyDone)
		return
	}
	out := []PetQuestion{}
	for _, q := range cat.PetQuestions {
		if q.Type != 2 {
			out = append(out, q)
		}
	}
	c.startPetTest(out)
	c.plain(out)
}

// getPetAnswers is GET /pet/answers (PetAnswerFilterDto): every answer for
// moderators, the caller's own for others.
func (c *call) getPetAnswers() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	l, ok := c.bind(specFor[petAnswerFilter, PetAnswer](), false)
	if !ok {
		return
	}
	me, all := c.caller.ID, c.caller.Role >= RoleModerator
	page, total := collect(l, c.d.Areas.Catalog.PetAnswers, func(a *PetAnswer) bool { return all || a.OwnerID == me }, nil)
	c.many(mapList(page, c.petAnswer), total, l.listParams)
}

// getPetAnswer is GET /pet/answers/{id}: the caller's own, or any for
// moderators.
func (c *call) getPetAnswer() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	cat := &c.d.Areas.Catalog
	a := lookup(cat.PetAnswers, cat.idx.petAnswers, c.params["id"])
	if a == nil {
		c.notFound()
		return
	}
	if a.OwnerID != c.caller.ID && c.caller.Role < RoleModerator {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	c.one(c.petAnswer(*a))
}

// getPlayConfigurations is GET /player/configurations
// (PlayConfigurationFilterDto): the caller's own.
func (c *call) getPlayConfigurations() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	l, ok := c.bind(specFor[playConfigurationFilter, PlayConfiguration](), false)
	if !ok {
		return
	}
	me := c.caller.ID
	page, total := collect(l, c.d.Areas.Catalog.PlayConfigurations, func(p *PlayConfiguration) bool { return p.OwnerID == me }, nil)
	c.many(page, total, l.listParams)
}

// getPlayConfiguration is GET /player/configurations/{id}, open to anyone,
// under an ETag.
func (c *call) getPlayConfiguration() {
	cat := &c.d.Areas.Catalog
	p := lookup(cat.PlayConfigurations, cat.idx.playConfigurations, c.params["id"])
	if p == nil {
		c.notFound()
		return
	}
	c.one(*p)
}
