package sandbox

import "time"

// The filter DTOs of the catalog and social area (Dtos/Filters/*.cs), in
// the form of filters.go.

type chapterFilter struct {
	publicResourceFilter
	ContainsSubtitle *string
	EqualsSubtitle   *string
}

type admissionFilter struct {
	RangeAdmitterID     []guid `query:"RangeAdmitterId"`
	RangeAdmitteeID     []guid `query:"RangeAdmitteeId"`
	RangeStatus         []RequestStatus
	ContainsLabel       *string
	EqualsLabel         *string
	MinRequesterID      *int  `query:"MinRequesterId"`
	MaxRequesterID      *int  `query:"MaxRequesterId"`
	RangeRequesterID    []int `query:"RangeRequesterId"`
	MinRequesteeID      *int  `query:"MinRequesteeId"`
	MaxRequesteeID      *int  `query:"MaxRequesteeId"`
	RangeRequesteeID    []int `query:"RangeRequesteeId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
}

type announcementFilter struct {
	RangeID             []guid `query:"RangeId"`
	ContainsTitle       *string
	EqualsTitle         *string
	ContainsContent     *string
	EqualsContent       *string
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
	MinLikeCount        *int
	MaxLikeCount        *int
	RangeLikeCount      []int
	RangeResourceID     []guid `query:"RangeResourceId"`
}

type applicationFilter struct {
	RangeID             []guid `query:"RangeId"`
	ContainsName        *string
	EqualsName          *string
	ContainsIllustrator *string
	EqualsIllustrator   *string
	ContainsDescription *string
	EqualsDescription   *string
	ContainsHomepage    *string
	EqualsHomepage      *string
	ContainsAPIEndpoint *string `query:"ContainsApiEndpoint"`
	EqualsAPIEndpoint   *string `query:"EqualsApiEndpoint"`
	RangeType           []ApplicationType
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
	MinLikeCount        *int
	MaxLikeCount        *int
	RangeLikeCount      []int
}

type voteFilter struct {
	RangeID             []guid `query:"RangeId"`
	RangeChartID        []guid `query:"RangeChartId"`
	MinArrangement      *int
	MaxArrangement      *int
	RangeArrangement    []int
	MinGameplay         *int
	MaxGameplay         *int
	RangeGameplay       []int
	MinVisualEffects    *int
	MaxVisualEffects    *int
	RangeVisualEffects  []int
	MinCreativity       *int
	MaxCreativity       *int
	RangeCreativity     []int
	MinConcord          *int
	MaxConcord          *int
	RangeConcord        []int
	MinImpression       *int
	MaxImpression       *int
	RangeImpression     []int
	MinTotal            *int
	MaxTotal            *int
	RangeTotal          []int
	MinMultiplier       *float64
	MaxMultiplier       *float64
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
}

type notificationFilter struct {
	RangeID             []guid `query:"RangeId"`
	RangeType           []NotificationType
	ContainsContent     *string
	EqualsContent       *string
	MinOperatorID       *int  `query:"MinOperatorId"`
	MaxOperatorID       *int  `query:"MaxOperatorId"`
	RangeOperatorID     []int `query:"RangeOperatorId"`
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
	EarliestDateRead    *time.Time
	LatestDateRead      *time.Time
}

type petAnswerFilter struct {
	RangeID              []guid `query:"RangeId"`
	RangeQuestion1       []guid
	ContainsAnswer1      *string
	EqualsAnswer1        *string
	RangeQuestion2       []guid
	ContainsAnswer2      *string
	EqualsAnswer2        *string
	RangeQuestion3       []guid
	ContainsAnswer3      *string
	EqualsAnswer3        *string
	ContainsChart        *string
	EqualsChart          *string
	MinObjectiveScore    *int
	MaxObjectiveScore    *int
	RangeObjectiveScore  []int
	MinSubjectiveScore   *int
	MaxSubjectiveScore   *int
	RangeSubjectiveScore []int
	MinTotalScore        *int
	MaxTotalScore        *int
	RangeTotalScore      []int
	MinOwnerID           *int  `query:"MinOwnerId"`
	MaxOwnerID           *int  `query:"MaxOwnerId"`
	RangeOwnerID         []int `query:"RangeOwnerId"`
	MinAssessorID        *int  `query:"MinAssessorId"`
	MaxAssessorID        *int  `query:"MaxAssessorId"`
	RangeAssessorID      []int `query:"RangeAssessorId"`
	EarliestDateCreated  *time.Time
	LatestDateCreated    *time.Time
	EarliestDateUpdated  *time.Time
	LatestDateUpdated    *time.Time
}

// playConfigurationFilter leaves out RangeOwnerId, which the upstream sets
// to the caller and does not bind from the query.
type playConfigurationFilter struct {
	RangeID                 []guid `query:"RangeId"`
	ContainsName            *string
	EqualsName              *string
	MinPerfectJudgment      *int
	MaxPerfectJudgment      *int
	RangePerfectJudgment    []int
	MinGoodJudgment         *int
	MaxGoodJudgment         *int
	RangeGoodJudgment       []int
	RangeChartMirroring     []ChartMirroringMode
	MaxNoteSize             *float64
	MinNoteSize             *float64
	MinBackgroundLuminance  *float64
	MaxBackgroundLuminance  *float64
	MinBackgroundBlur       *float64
	MaxBackgroundBlur       *float64
	HasSimultaneousNoteHint *bool
	HasFcApIndicator        *bool
	MinChartOffset          *int
	MaxChartOffset          *int
	RangeChartOffset        []int
	MinHitSoundVolume       *float64
	MaxHitSoundVolume       *float64
	MinMusicVolume          *float64
	MaxMusicVolume          *float64
	EarliestDateCreated     *time.Time
	LatestDateCreated       *time.Time
}
