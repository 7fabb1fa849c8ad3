package upstream

import "time"

// The filters of the catalog and social areas, mirroring the upstream's
// filter DTOs field for field (Dtos/Filters); a nil field is left out of
// the query.

// ChapterFilter narrows a list of chapters by the upstream's ChapterFilterDto parameters.
type ChapterFilter struct {
	PublicResourceFilter
	ContainsSubtitle *string `query:"ContainsSubtitle"`
	EqualsSubtitle   *string `query:"EqualsSubtitle"`
}

// CollectionFilter narrows a list of collections by the upstream's CollectionFilterDto parameters.
type CollectionFilter struct {
	PublicResourceFilter
	ContainsSubtitle *string `query:"ContainsSubtitle"`
	EqualsSubtitle   *string `query:"EqualsSubtitle"`
}

// AnnouncementFilter narrows a list of announcements by the upstream's AnnouncementFilterDto parameters.
type AnnouncementFilter struct {
	RangeId             []string   `query:"RangeId"`
	ContainsTitle       *string    `query:"ContainsTitle"`
	EqualsTitle         *string    `query:"EqualsTitle"`
	ContainsContent     *string    `query:"ContainsContent"`
	EqualsContent       *string    `query:"EqualsContent"`
	MinOwnerId          *int       `query:"MinOwnerId"`
	MaxOwnerId          *int       `query:"MaxOwnerId"`
	RangeOwnerId        []int      `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time `query:"LatestDateCreated"`
	MinLikeCount        *int       `query:"MinLikeCount"`
	MaxLikeCount        *int       `query:"MaxLikeCount"`
	RangeLikeCount      []int      `query:"RangeLikeCount"`
	RangeResourceId     []string   `query:"RangeResourceId"`
}

// ApplicationFilter narrows a list of applications by the upstream's ApplicationFilterDto parameters.
type ApplicationFilter struct {
	RangeId             []string          `query:"RangeId"`
	ContainsName        *string           `query:"ContainsName"`
	EqualsName          *string           `query:"EqualsName"`
	ContainsIllustrator *string           `query:"ContainsIllustrator"`
	EqualsIllustrator   *string           `query:"EqualsIllustrator"`
	ContainsDescription *string           `query:"ContainsDescription"`
	EqualsDescription   *string           `query:"EqualsDescription"`
	ContainsHomepage    *string           `query:"ContainsHomepage"`
	EqualsHomepage      *string           `query:"EqualsHomepage"`
	ContainsApiEndpoint *string           `query:"ContainsApiEndpoint"`
	EqualsApiEndpoint   *string           `query:"EqualsApiEndpoint"`
	RangeType           []ApplicationType `query:"RangeType"`
	MinOwnerId          *int              `query:"MinOwnerId"`
	MaxOwnerId          *int              `query:"MaxOwnerId"`
	RangeOwnerId        []int             `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time        `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time        `query:"LatestDateCreated"`
	MinLikeCount        *int              `query:"MinLikeCount"`
	MaxLikeCount        *int              `query:"MaxLikeCount"`
	RangeLikeCount      []int             `query:"RangeLikeCount"`
}

// NotificationFilter narrows a list of notifications by the upstream's NotificationFilterDto parameters.
type NotificationFilter struct {
	RangeId             []string           `query:"RangeId"`
	RangeType           []NotificationType `query:"RangeType"`
	ContainsContent     *string            `query:"ContainsContent"`
	EqualsContent       *string            `query:"EqualsContent"`
	MinOperatorId       *int               `query:"MinOperatorId"`
	MaxOperatorId       *int               `query:"MaxOperatorId"`
	RangeOperatorId     []int              `query:"RangeOperatorId"`
	MinOwnerId          *int               `query:"MinOwnerId"`
	MaxOwnerId          *int               `query:"MaxOwnerId"`
	RangeOwnerId        []int              `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time         `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time         `query:"LatestDateCreated"`
	EarliestDateRead    *time.Time         `query:"EarliestDateRead"`
	LatestDateRead      *time.Time         `query:"LatestDateRead"`
}

// PetAnswerFilter narrows a list of answers by the upstream's PetAnswerFilterDto parameters.
type PetAnswerFilter struct {
	RangeId              []string   `query:"RangeId"`
	RangeQuestion1       []string   `query:"RangeQuestion1"`
	ContainsAnswer1      *string    `query:"ContainsAnswer1"`
	EqualsAnswer1        *string    `query:"EqualsAnswer1"`
	RangeQuestion2       []string   `query:"RangeQuestion2"`
	ContainsAnswer2      *string    `query:"ContainsAnswer2"`
	EqualsAnswer2        *string    `query:"EqualsAnswer2"`
	RangeQuestion3       []string   `query:"RangeQuestion3"`
	ContainsAnswer3      *string    `query:"ContainsAnswer3"`
	EqualsAnswer3        *string    `query:"EqualsAnswer3"`
	ContainsChart        *string    `query:"ContainsChart"`
	EqualsChart          *string    `query:"EqualsChart"`
	MinObjectiveScore    *int       `query:"MinObjectiveScore"`
	MaxObjectiveScore    *int       `query:"MaxObjectiveScore"`
	RangeObjectiveScore  []int      `query:"RangeObjectiveScore"`
	MinSubjectiveScore   *int       `query:"MinSubjectiveScore"`
	MaxSubjectiveScore   *int       `query:"MaxSubjectiveScore"`
	RangeSubjectiveScore []int      `query:"RangeSubjectiveScore"`
	MinTotalScore        *int       `query:"MinTotalScore"`
	MaxTotalScore        *int       `query:"MaxTotalScore"`
	RangeTotalScore      []int      `query:"RangeTotalScore"`
	MinOwnerId           *int       `query:"MinOwnerId"`
	MaxOwnerId           *int       `query:"MaxOwnerId"`
	RangeOwnerId         []int      `query:"RangeOwnerId"`
	MinAssessorId        *int       `query:"MinAssessorId"`
	MaxAssessorId        *int       `query:"MaxAssessorId"`
	RangeAssessorId      []int      `query:"RangeAssessorId"`
	EarliestDateCreated  *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated    *time.Time `query:"LatestDateCreated"`
	EarliestDateUpdated  *time.Time `query:"EarliestDateUpdated"`
	LatestDateUpdated    *time.Time `query:"LatestDateUpdated"`
}

// PlayConfigurationFilter narrows a list of configurations by the upstream's PlayConfigurationFilterDto parameters.
type PlayConfigurationFilter struct {
	RangeId                 []string             `query:"RangeId"`
	ContainsName            *string              `query:"ContainsName"`
	EqualsName              *string              `query:"EqualsName"`
	MinPerfectJudgment      *int                 `query:"MinPerfectJudgment"`
	MaxPerfectJudgment      *int                 `query:"MaxPerfectJudgment"`
	RangePerfectJudgment    []int                `query:"RangePerfectJudgment"`
	MinGoodJudgment         *int                 `query:"MinGoodJudgment"`
	MaxGoodJudgment         *int                 `query:"MaxGoodJudgment"`
	RangeGoodJudgment       []int                `query:"RangeGoodJudgment"`
	RangeChartMirroring     []ChartMirroringMode `query:"RangeChartMirroring"`
	MaxNoteSize             *float64             `query:"MaxNoteSize"`
	MinNoteSize             *float64             `query:"MinNoteSize"`
	MinBackgroundLuminance  *float64             `query:"MinBackgroundLuminance"`
	MaxBackgroundLuminance  *float64             `query:"MaxBackgroundLuminance"`
	MinBackgroundBlur       *float64             `query:"MinBackgroundBlur"`
	MaxBackgroundBlur       *float64             `query:"MaxBackgroundBlur"`
	HasSimultaneousNoteHint *bool                `query:"HasSimultaneousNoteHint"`
	HasFcApIndicator        *bool                `query:"HasFcApIndicator"`
	MinChartOffset          *int                 `query:"MinChartOffset"`
	MaxChartOffset          *int                 `query:"MaxChartOffset"`
	RangeChartOffset        []int                `query:"RangeChartOffset"`
	MinHitSoundVolume       *float64             `query:"MinHitSoundVolume"`
	MaxHitSoundVolume       *float64             `query:"MaxHitSoundVolume"`
	MinMusicVolume          *float64             `query:"MinMusicVolume"`
	MaxMusicVolume          *float64             `query:"MaxMusicVolume"`
	EarliestDateCreated     *time.Time           `query:"EarliestDateCreated"`
	LatestDateCreated       *time.Time           `query:"LatestDateCreated"`
}

// UserRelationFilter narrows a list of relations by the upstream's UserRelationFilterDto parameters.
type UserRelationFilter struct {
	MinFollowerId       *int               `query:"MinFollowerId"`
	MaxFollowerId       *int               `query:"MaxFollowerId"`
	RangeFollowerId     []int              `query:"RangeFollowerId"`
	MinFolloweeId       *int               `query:"MinFolloweeId"`
	MaxFolloweeId       *int               `query:"MaxFolloweeId"`
	RangeFolloweeId     []int              `query:"RangeFolloweeId"`
	RangeType           []UserRelationType `query:"RangeType"`
	EarliestDateCreated *time.Time         `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time         `query:"LatestDateCreated"`
}

// VoteFilter narrows a list of votes by the upstream's VoteFilterDto parameters.
type VoteFilter struct {
	RangeId             []string   `query:"RangeId"`
	RangeChartId        []string   `query:"RangeChartId"`
	MinArrangement      *int       `query:"MinArrangement"`
	MaxArrangement      *int       `query:"MaxArrangement"`
	RangeArrangement    []int      `query:"RangeArrangement"`
	MinGameplay         *int       `query:"MinGameplay"`
	MaxGameplay         *int       `query:"MaxGameplay"`
	RangeGameplay       []int      `query:"RangeGameplay"`
	MinVisualEffects    *int       `query:"MinVisualEffects"`
	MaxVisualEffects    *int       `query:"MaxVisualEffects"`
	RangeVisualEffects  []int      `query:"RangeVisualEffects"`
	MinCreativity       *int       `query:"MinCreativity"`
	MaxCreativity       *int       `query:"MaxCreativity"`
	RangeCreativity     []int      `query:"RangeCreativity"`
	MinConcord          *int       `query:"MinConcord"`
	MaxConcord          *int       `query:"MaxConcord"`
	RangeConcord        []int      `query:"RangeConcord"`
	MinImpression       *int       `query:"MinImpression"`
	MaxImpression       *int       `query:"MaxImpression"`
	RangeImpression     []int      `query:"RangeImpression"`
	MinTotal            *int       `query:"MinTotal"`
	MaxTotal            *int       `query:"MaxTotal"`
	RangeTotal          []int      `query:"RangeTotal"`
	MinMultiplier       *float64   `query:"MinMultiplier"`
	MaxMultiplier       *float64   `query:"MaxMultiplier"`
	MinOwnerId          *int       `query:"MinOwnerId"`
	MaxOwnerId          *int       `query:"MaxOwnerId"`
	RangeOwnerId        []int      `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time `query:"LatestDateCreated"`
}

// AdmissionFilter narrows a list of admissions by the upstream's AdmissionFilterDto parameters.
type AdmissionFilter struct {
	RangeAdmitterId     []string        `query:"RangeAdmitterId"`
	RangeAdmitteeId     []string        `query:"RangeAdmitteeId"`
	RangeStatus         []RequestStatus `query:"RangeStatus"`
	ContainsLabel       *string         `query:"ContainsLabel"`
	EqualsLabel         *string         `query:"EqualsLabel"`
	MinRequesterId      *int            `query:"MinRequesterId"`
	MaxRequesterId      *int            `query:"MaxRequesterId"`
	RangeRequesterId    []int           `query:"RangeRequesterId"`
	MinRequesteeId      *int            `query:"MinRequesteeId"`
	MaxRequesteeId      *int            `query:"MaxRequesteeId"`
	RangeRequesteeId    []int           `query:"RangeRequesteeId"`
	EarliestDateCreated *time.Time      `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time      `query:"LatestDateCreated"`
}
