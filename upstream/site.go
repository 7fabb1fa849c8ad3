package upstream

import (
	"context"
	"time"
)

// SiteAbstract counts what the site holds (AbstractDto).
type SiteAbstract struct {
	UserCount    int `json:"userCount"`
	RecordCount  int `json:"recordCount"`
	ChartCount   int `json:"chartCount"`
	SongCount    int `json:"songCount"`
	ChapterCount int `json:"chapterCount"`
	LikeCount    int `json:"likeCount"`
	CommentCount int `json:"commentCount"`
	ReplyCount   int `json:"replyCount"`
}

// Headline is the site's current headline (HeadlineDto).
type Headline struct {
	Headline *string `json:"headline"`
}

// PetQuestion is a question of the PhiZone Entrance Test (PetQuestionDto).
type PetQuestion struct {
	Position int             `json:"position"`
	Type     PetQuestionType `json:"type"`
	Content  string          `json:"content"`
	Language string          `json:"language"`
	Choices  []string        `json:"choices"`
}

// PetAnswer is a user's answers to the subjective part of the PhiZone
// Entrance Test, with the chart they submitted and their scores
// (PetAnswerDto).
type PetAnswer struct {
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

// PlayConfiguration is a player's settings for playing charts
// (PlayConfigurationResponseDto).
type PlayConfiguration struct {
	ID                   string             `json:"id"`
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
	OwnerID              int                `json:"ownerId"`
	DateCreated          time.Time          `json:"dateCreated"`
}

// PetAnswerListOptions selects a page of test answers.
type PetAnswerListOptions struct {
	ListOptions
	PetAnswerFilter
}

// PlayConfigurationListOptions selects a page of the caller's play
// configurations.
type PlayConfigurationListOptions struct {
	ListOptions
	PlayConfigurationFilter
}

// GetAbstract reads the site's counts.
//
// GET /
func (c *Client) GetAbstract(ctx context.Context) (*SiteAbstract, error) {
	return GetOf[SiteAbstract](ctx, c, "/", nil)
}

// GetHeadline reads the site's headline.
//
// GET /headline
func (c *Client) GetHeadline(ctx context.Context) (*Headline, error) {
	return GetOf[Headline](ctx, c, "/headline", nil)
}

// ListPetObjectiveQuestions reads the objective questions of the PhiZone
// Entrance Test for the caller.
//
// GET /pet/objective
func (c *Client) ListPetObjectiveQuestions(ctx context.Context) ([]PetQuestion, error) {
	var out []PetQuestion
	_, err := c.Get(ctx, "/pet/objective", nil, nil, &out)
	return out, err
}

// ListPetAnswers reads a page of test answers: the caller's, or everyone's
// for moderators.
//
// GET /pet/answers
func (c *Client) ListPetAnswers(ctx context.Context, opts PetAnswerListOptions) ([]PetAnswer, Page, error) {
	return ListOf[PetAnswer](ctx, c, "/pet/answers", nil, opts)
}

// GetPetAnswer reads one test answer.
//
// GET /pet/answers/{id}
func (c *Client) GetPetAnswer(ctx context.Context, id string) (*PetAnswer, error) {
	return GetOf[PetAnswer](ctx, c, "/pet/answers/{id}", Params{"id": id})
}

// ListPlayConfigurations reads a page of the caller's play configurations.
//
// GET /player/configurations
func (c *Client) ListPlayConfigurations(
	ctx context.Context, opts PlayConfigurationListOptions,
) ([]PlayConfiguration, Page, error) {
	return ListOf[PlayConfiguration](ctx, c, "/player/configurations", nil, opts)
}

// GetPlayConfiguration reads one play configuration.
//
// GET /player/configurations/{id}
func (c *Client) GetPlayConfiguration(ctx context.Context, id string) (*PlayConfiguration, error) {
	return GetOf[PlayConfiguration](ctx, c, "/player/configurations/{id}", Params{"id": id})
}

// GetRandomChart reads a random chart.
//
// GET /charts/random
func (c *Client) GetRandomChart(ctx context.Context) (*Chart, error) {
	return GetOf[Chart](ctx, c, "/charts/random", nil)
}

// GetRandomSong reads a random song.
//
// GET /songs/random
func (c *Client) GetRandomSong(ctx context.Context) (*Song, error) {
	return GetOf[Song](ctx, c, "/songs/random", nil)
}

// GetTag reads one tag by its ID or its name.
//
// GET /tags/{id}
func (c *Client) GetTag(ctx context.Context, idOrName string) (*Tag, error) {
	return GetOf[Tag](ctx, c, "/tags/{id}", Params{"id": idOrName})
}
