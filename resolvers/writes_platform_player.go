package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of the PhiZone Entrance Test, play configurations and resource
// records, in the manner of writes.go.

// SubmitPetObjectiveAnswers hands in the objective part of the caller's
// test and answers with the subjective questions.
func (r *mutationResolver) SubmitPetObjectiveAnswers(
	ctx context.Context, input model.SubmitPetObjectiveAnswersInput,
) (*model.PetObjectiveAnswersPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	if n := len(input.Answers); n != upstream.PetObjectiveAnswerCount {
		return nil, badInput("input.answers", "answers takes exactly %d answers, got %d",
			upstream.PetObjectiveAnswerCount, n)
	}
	answers := make([]upstream.PetObjectiveAnswer, len(input.Answers))
	for i, a := range input.Answers {
		answers[i] = upstream.PetObjectiveAnswer{Choices: a.Choices}
		if answers[i].Choices == nil {
			answers[i].Choices = []int{}
		}
		for _, choice := range a.Choices {
			if choice < 0 {
				return nil, badInput("input.answers", "answer %d picks choice %d; choices count from 0", i+1, choice)
			}
		}
	}

	questions, err := loaders.For(ctx).Client().SubmitPetObjectiveAnswers(ctx, answers)
	if err != nil {
		return nil, err
	}
	return &model.PetObjectiveAnswersPayload{SubjectiveQuestions: questions}, nil
}

// petAnswerPayload reads a test answer again after a write.
func petAnswerPayload(ctx context.Context, c *upstream.Client, id string) (*model.PetAnswerPayload, error) {
	a, err := c.GetPetAnswer(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.PetAnswerPayload{AnswerID: &id, Answer: a}, nil
}

// SubmitPetSubjectiveAnswers ends the caller's test and reads their
// answer back.
func (r *mutationResolver) SubmitPetSubjectiveAnswers(
	ctx context.Context, input model.SubmitPetSubjectiveAnswersInput,
) (*model.PetAnswerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	id, err := c.SubmitPetSubjectiveAnswers(ctx, upstream.PetSubjectiveAnswers{
		Answer1: input.Answer1, Answer2: input.Answer2, Answer3: input.Answer3, Chart: input.Chart,
	})
	if err != nil {
		return nil, err
	}
	return petAnswerPayload(ctx, c, id)
}

// maxPetSubjectiveScore is the highest score of the test's subjective part.
const maxPetSubjectiveScore = 60

// ReviewPetAnswer scores a test answer and reads it back.
func (r *mutationResolver) ReviewPetAnswer(
	ctx context.Context, input model.ReviewPetAnswerInput,
) (*model.PetAnswerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	if input.Score < 0 || input.Score > maxPetSubjectiveScore {
		return nil, badInput("input.score", "score takes 0 to %d, got %d", maxPetSubjectiveScore, input.Score)
	}
	id, err := guid("input.answerId", input.AnswerID)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.ReviewPetAnswer(ctx, id, input.Score); err != nil {
		return nil, err
	}
	return petAnswerPayload(ctx, c, id)
}

// The judgment windows the upstream takes when none are given.
const (
	defaultPerfectJudgment = 80
	defaultGoodJudgment    = 160
)

// judgmentError refuses a perfect window wider than the good one.
func judgmentError(perfect, good int) error {
	return badInput("input.perfectJudgment", "perfectJudgment (%d) must not exceed goodJudgment (%d)", perfect, good)
}

// playConfigurationPayload reads a play configuration again after a write.
func playConfigurationPayload(
	ctx context.Context, c *upstream.Client, id string,
) (*model.PlayConfigurationPayload, error) {
	p, err := c.GetPlayConfiguration(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.PlayConfigurationPayload{PlayConfiguration: p}, nil
}

// CreatePlayConfiguration saves a play configuration and reads it back. A
// perfect window wider than the good one is refused here: the upstream
// answers it with a bare 418.
func (r *mutationResolver) CreatePlayConfiguration(
	ctx context.Context, input model.CreatePlayConfigurationInput,
) (*model.PlayConfigurationPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	perfect, good := defaultPerfectJudgment, defaultGoodJudgment
	if input.PerfectJudgment != nil {
		perfect = *input.PerfectJudgment
	}
	if input.GoodJudgment != nil {
		good = *input.GoodJudgment
	}
	if perfect > good {
		return nil, judgmentError(perfect, good)
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreatePlayConfiguration(ctx, upstream.NewPlayConfiguration{
		Name: input.Name, PerfectJudgment: input.PerfectJudgment, GoodJudgment: input.GoodJudgment,
		ChartMirroring: input.ChartMirroring, AspectRatio: input.AspectRatio, NoteSize: input.NoteSize,
		BackgroundLuminance: input.BackgroundLuminance, BackgroundBlur: input.BackgroundBlur,
		SimultaneousNoteHint: input.SimultaneousNoteHint, FcApIndicator: input.FcApIndicator,
		ChartOffset: input.ChartOffset, HitSoundVolume: input.HitSoundVolume, MusicVolume: input.MusicVolume,
	})
	if err != nil {
		return nil, err
	}
	return playConfigurationPayload(ctx, c, id)
}

// UpdatePlayConfiguration sends the configuration's fields given as a
// JSON Patch.
func (r *mutationResolver) UpdatePlayConfiguration(
	ctx context.Context, input model.UpdatePlayConfigurationInput,
) (*model.PlayConfigurationPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "name", input.Name, true)
	addField(&p, "perfectJudgment", input.PerfectJudgment, false)
	addField(&p, "goodJudgment", input.GoodJudgment, false)
	addSliceField(&p, "aspectRatio", input.AspectRatio, true)
	addField(&p, "noteSize", input.NoteSize, false)
	addField(&p, "backgroundLuminance", input.BackgroundLuminance, false)
	addField(&p, "backgroundBlur", input.BackgroundBlur, false)
	addField(&p, "simultaneousNoteHint", input.SimultaneousNoteHint, false)
	addField(&p, "fcApIndicator", input.FcApIndicator, false)
	addField(&p, "chartOffset", input.ChartOffset, false)
	addField(&p, "hitSoundVolume", input.HitSoundVolume, false)
	addField(&p, "musicVolume", input.MusicVolume, false)
	if err := p.check(); err != nil {
		return nil, err
	}
	perfect, perfectGiven := input.PerfectJudgment.ValueOK()
	good, goodGiven := input.GoodJudgment.ValueOK()
	if perfectGiven && goodGiven && *perfect > *good {
		return nil, judgmentError(*perfect, *good)
	}
	id, err := localGUID("input.playConfigurationId", input.PlayConfigurationID, "PlayConfiguration")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdatePlayConfiguration(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return playConfigurationPayload(ctx, c, id)
}

// DeletePlayConfiguration removes a play configuration and answers with
// the global ID it had.
func (r *mutationResolver) DeletePlayConfiguration(
	ctx context.Context, input model.PlayConfigurationInput,
) (*model.DeletePlayConfigurationPayload, error) {
	gid, err := removeByGUID(ctx, "input.playConfigurationId", input.PlayConfigurationID, "PlayConfiguration",
		(*upstream.Client).DeletePlayConfiguration)
	if err != nil {
		return nil, err
	}
	return &model.DeletePlayConfigurationPayload{DeletedPlayConfigurationID: &gid}, nil
}

// newResourceRecord is the upstream body of a resource record's fields.
func newResourceRecord(in *model.ResourceRecordFieldsInput) upstream.NewResourceRecord {
	return upstream.NewResourceRecord{
		Type: in.Type, Title: in.Title, EditionType: in.EditionType, Edition: in.Edition,
		AuthorName: in.AuthorName, Description: in.Description, Strategy: in.Strategy, Media: in.Media,
		Source: in.Source, CopyrightOwner: in.CopyrightOwner,
	}
}

// resourceRecordPayload reads a resource record again after a write.
func resourceRecordPayload(ctx context.Context, c *upstream.Client, id string) (*model.ResourceRecordPayload, error) {
	rec, err := c.GetResourceRecord(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ResourceRecordPayload{ResourceRecord: rec}, nil
}

// CreateResourceRecord creates a resource record and reads it back.
func (r *mutationResolver) CreateResourceRecord(
	ctx context.Context, input model.ResourceRecordFieldsInput,
) (*model.ResourceRecordPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateResourceRecord(ctx, newResourceRecord(&input))
	if err != nil {
		return nil, err
	}
	return resourceRecordPayload(ctx, c, id)
}

// maxResourceRecordBatch is how many records createResourceRecords takes,
// so that their IDs fit one RangeId read well below the request-line bound.
const maxResourceRecordBatch = 100

// CreateResourceRecords creates several resource records in one call and
// reads them back in one more, in the order given.
func (r *mutationResolver) CreateResourceRecords(
	ctx context.Context, input model.CreateResourceRecordsInput,
) (*model.ResourceRecordsPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	if n := len(input.Records); n < 1 || n > maxResourceRecordBatch {
		return nil, badInput("input.records", "records takes 1 to %d records, got %d", maxResourceRecordBatch, n)
	}
	records := make([]upstream.NewResourceRecord, len(input.Records))
	for i, in := range input.Records {
		records[i] = newResourceRecord(&in)
	}

	c := loaders.For(ctx).Client()
	ids, err := c.CreateResourceRecords(ctx, records)
	if err != nil {
		return nil, err
	}
	opts := upstream.ResourceRecordListOptions{ListOptions: upstream.ListOptions{PerPage: len(ids)}}
	opts.RangeId = ids
	page, _, err := c.ListResourceRecords(ctx, opts)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*upstream.ResourceRecord, len(page))
	for i := range page {
		byID[page[i].ID] = &page[i]
	}
	out := make([]*upstream.ResourceRecord, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return &model.ResourceRecordsPayload{ResourceRecords: out}, nil
}

// UpdateResourceRecord sends the record's fields given as a JSON Patch.
func (r *mutationResolver) UpdateResourceRecord(
	ctx context.Context, input model.UpdateResourceRecordInput,
) (*model.ResourceRecordPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "type", input.Type, false)
	addField(&p, "title", input.Title, false)
	addField(&p, "editionType", input.EditionType, false)
	addField(&p, "edition", input.Edition, true)
	addField(&p, "authorName", input.AuthorName, false)
	addField(&p, "description", input.Description, true)
	addField(&p, "strategy", input.Strategy, false)
	addField(&p, "media", input.Media, true)
	addField(&p, "source", input.Source, false)
	addField(&p, "copyrightOwner", input.CopyrightOwner, false)
	if err := p.check(); err != nil {
		return nil, err
	}
	id, err := localGUID("input.resourceRecordId", input.ResourceRecordID, "ResourceRecord")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateResourceRecord(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return resourceRecordPayload(ctx, c, id)
}

// DeleteResourceRecord removes a resource record and answers with the
// global ID it had.
func (r *mutationResolver) DeleteResourceRecord(
	ctx context.Context, input model.ResourceRecordInput,
) (*model.DeleteResourceRecordPayload, error) {
	gid, err := removeByGUID(ctx, "input.resourceRecordId", input.ResourceRecordID, "ResourceRecord",
		(*upstream.Client).DeleteResourceRecord)
	if err != nil {
		return nil, err
	}
	return &model.DeleteResourceRecordPayload{DeletedResourceRecordID: &gid}, nil
}
