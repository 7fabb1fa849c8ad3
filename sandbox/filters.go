package sandbox

import "time"

// The filter DTOs of the upstream (Dtos/Filters/*.cs), one field per query
// parameter. A field's name is the parameter's name unless a `query` tag
// spells it (Go writes ID where the upstream writes Id). Pointers are single
// values, slices repeated keys.

type publicResourceFilter struct {
	RangeID             []guid `query:"RangeId"`
	ContainsTitle       *string
	EqualsTitle         *string
	ContainsIllustrator *string
	EqualsIllustrator   *string
	ContainsDescription *string
	EqualsDescription   *string
	RangeAccessibility  []Accessibility
	IsHidden            *bool
	IsLocked            *bool
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
	EarliestDateUpdated *time.Time
	LatestDateUpdated   *time.Time
	MinLikeCount        *int
	MaxLikeCount        *int
	RangeLikeCount      []int
}

type chartFilter struct {
	publicResourceFilter
	RangeLevelType             []ChartLevel
	ContainsLevel              *string
	EqualsLevel                *string
	MinDifficulty              *float64
	MaxDifficulty              *float64
	RangeDifficulty            []float64
	RangeFormat                []ChartFormat
	ContainsAuthorName         *string
	EqualsAuthorName           *string
	IsRanked                   *bool
	MinNoteCount               *int
	MaxNoteCount               *int
	RangeNoteCount             []int
	MinScore                   *float64
	MaxScore                   *float64
	RangeScore                 []float64
	MinRating                  *float64
	MaxRating                  *float64
	RangeRating                []float64
	MinRatingOnArrangement     *float64
	MaxRatingOnArrangement     *float64
	RangeRatingOnArrangement   []float64
	MinRatingOnGameplay        *float64
	MaxRatingOnGameplay        *float64
	RangeRatingOnGameplay      []float64
	MinRatingOnVisualEffects   *float64
	MaxRatingOnVisualEffects   *float64
	RangeRatingOnVisualEffects []float64
	MinRatingOnCreativity      *float64
	MaxRatingOnCreativity      *float64
	RangeRatingOnCreativity    []float64
	MinRatingOnConcord         *float64
	MaxRatingOnConcord         *float64
	RangeRatingOnConcord       []float64
	MinRatingOnImpression      *float64
	MaxRatingOnImpression      *float64
	RangeRatingOnImpression    []float64
	RangeSongID                []guid `query:"RangeSongId"`
	MinPlayCount               *int64
	MaxPlayCount               *int64
	RangePlayCount             []int64
}

type songFilter struct {
	publicResourceFilter
	RangeEditionType   []EditionType
	ContainsEdition    *string
	EqualsEdition      *string
	ContainsAuthorName *string
	EqualsAuthorName   *string
	ContainsLyrics     *string
	EqualsLyrics       *string
	MinBpm             *int
	MaxBpm             *int
	RangeBpm           []int
	MinMinBpm          *int
	MaxMinBpm          *int
	RangeMinBpm        []int
	MinMaxBpm          *int
	MaxMaxBpm          *int
	RangeMaxBpm        []int
	MinOffset          *int
	MaxOffset          *int
	RangeOffset        []int
	IsOriginal         *bool
	MinDuration        *TimeSpan
	MaxDuration        *TimeSpan
	MinPreviewStart    *TimeSpan
	MaxPreviewStart    *TimeSpan
	MinPreviewEnd      *TimeSpan
	MaxPreviewEnd      *TimeSpan
}

type userFilter struct {
	MinID                    *int  `query:"MinId"`
	MaxID                    *int  `query:"MaxId"`
	RangeID                  []int `query:"RangeId"`
	ContainsUserName         *string
	EqualsUserName           *string
	RangeGender              []Gender
	RangeRole                []UserRole
	MinExperience            *uint64
	MaxExperience            *uint64
	RangeExperience          []uint64
	ContainsTag              *string
	EqualsTag                *string
	RangeTag                 []string
	ContainsLanguage         *string
	EqualsLanguage           *string
	RangeLanguage            []string
	MinRks                   *float64
	MaxRks                   *float64
	MinFollowerCount         *int64
	MaxFollowerCount         *int64
	RangeFollowerCount       []int64
	MinFolloweeCount         *int64
	MaxFolloweeCount         *int64
	RangeFolloweeCount       []int64
	RangeRegionID            []int `query:"RangeRegionId"`
	EarliestDateLastLoggedIn *time.Time
	LatestDateLastLoggedIn   *time.Time
	EarliestDateJoined       *time.Time
	LatestDateJoined         *time.Time
	EarliestDateOfBirth      *time.Time
	LatestDateOfBirth        *time.Time
}

type userRelationFilter struct {
	MinFollowerID       *int  `query:"MinFollowerId"`
	MaxFollowerID       *int  `query:"MaxFollowerId"`
	RangeFollowerID     []int `query:"RangeFollowerId"`
	MinFolloweeID       *int  `query:"MinFolloweeId"`
	MaxFolloweeID       *int  `query:"MaxFolloweeId"`
	RangeFolloweeID     []int `query:"RangeFolloweeId"`
	RangeType           []UserRelationType
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
}

type regionFilter struct {
	MinID        *int  `query:"MinId"`
	MaxID        *int  `query:"MaxId"`
	RangeID      []int `query:"RangeId"`
	ContainsCode *string
	EqualsCode   *string
	ContainsName *string
	EqualsName   *string
}

type tagFilter struct {
	RangeID                []guid `query:"RangeId"`
	ContainsName           *string
	EqualsName             *string
	ContainsNormalizedName *string
	EqualsNormalizedName   *string
	RangeNormalizedName    []string
	ContainsDescription    *string
	EqualsDescription      *string
	EarliestDateCreated    *time.Time
	LatestDateCreated      *time.Time
}

type authorshipFilter struct {
	RangeID             []guid `query:"RangeId"`
	RangeResourceID     []guid `query:"RangeResourceId"`
	MinAuthorID         *int   `query:"MinAuthorId"`
	MaxAuthorID         *int   `query:"MaxAuthorId"`
	RangeAuthorID       []int  `query:"RangeAuthorId"`
	ContainsPosition    *string
	EqualsPosition      *string
	RangePosition       []string
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
}

type recordFilter struct {
	RangeID              []guid `query:"RangeId"`
	MinOwnerID           *int   `query:"MinOwnerId"`
	MaxOwnerID           *int   `query:"MaxOwnerId"`
	RangeOwnerID         []int  `query:"RangeOwnerId"`
	RangeChartID         []guid `query:"RangeChartId"`
	MinScore             *int
	MaxScore             *int
	RangeScore           []int
	MinAccuracy          *float64
	MaxAccuracy          *float64
	RangeAccuracy        []float64
	IsFullCombo          *bool
	MinMaxCombo          *int
	MaxCombo             *int
	RangeMaxCombo        []int
	MinPerfect           *int
	MaxPerfect           *int
	RangePerfect         []int
	MinGoodEarly         *int
	MaxGoodEarly         *int
	RangeGoodEarly       []int
	MinGoodLate          *int
	MaxGoodLate          *int
	RangeGoodLate        []int
	MinBad               *int
	MaxBad               *int
	RangeBad             []int
	MinMiss              *int
	MaxMiss              *int
	RangeMiss            []int
	MinStdDeviation      *float64
	MaxStdDeviation      *float64
	MinRks               *float64
	MaxRks               *float64
	RangeRks             []int
	MinPerfectJudgment   *int
	MaxPerfectJudgment   *int
	RangePerfectJudgment []int
	MinGoodJudgment      *int
	MaxGoodJudgment      *int
	RangeGoodJudgment    []int
	ContainsDeviceInfo   *string
	EqualsDeviceInfo     *string
	RangeDeviceInfo      []string
	RangeApplicationID   []guid `query:"RangeApplicationId"`
	EarliestDateCreated  *time.Time
	LatestDateCreated    *time.Time
}

type commentFilter struct {
	RangeID             []guid `query:"RangeId"`
	RangeResourceID     []guid `query:"RangeResourceId"`
	ContainsContent     *string
	EqualsContent       *string
	ContainsLanguage    *string
	EqualsLanguage      *string
	RangeLanguage       []string
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
	MinLikeCount        *int
	MaxLikeCount        *int
	RangeLikeCount      []int
}

type replyFilter struct {
	RangeID             []guid `query:"RangeId"`
	RangeCommentID      []guid `query:"RangeCommentId"`
	ContainsContent     *string
	EqualsContent       *string
	ContainsLanguage    *string
	EqualsLanguage      *string
	RangeLanguage       []string
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
	MinLikeCount        *int
	MaxLikeCount        *int
	RangeLikeCount      []int
}

type eventFilter struct {
	publicResourceFilter
	ContainsSubtitle     *string
	EqualsSubtitle       *string
	EarliestDateUnveiled *time.Time
	LatestDateUnveiled   *time.Time
}

type divisionFilter struct {
	publicResourceFilter
	ContainsSubtitle              *string
	EqualsSubtitle                *string
	RangeType                     []EventDivisionType
	RangeStatus                   []EventDivisionStatus
	MinMinTeamCount               *int
	MaxMinTeamCount               *int
	MinMaxTeamCount               *int
	MaxMaxTeamCount               *int
	MinMinParticipantPerTeamCount *int
	MaxMinParticipantPerTeamCount *int
	MinMaxParticipantPerTeamCount *int
	MaxMaxParticipantPerTeamCount *int
	MinMinSubmissionCount         *int
	MaxMinSubmissionCount         *int
	MinMaxSubmissionCount         *int
	MaxMaxSubmissionCount         *int
	HasAnonymization              *bool
	RangeEventID                  []guid `query:"RangeEventId"`
	EarliestDateUnveiled          *time.Time
	LatestDateUnveiled            *time.Time
	EarliestDateStarted           *time.Time
	LatestDateStarted             *time.Time
	EarliestDateEnded             *time.Time
	LatestDateEnded               *time.Time
}

type teamFilter struct {
	RangeID                    []guid `query:"RangeId"`
	ContainsName               *string
	EqualsName                 *string
	ContainsDescription        *string
	EqualsDescription          *string
	RangeStatus                []ParticipationStatus
	MinClaimedParticipantCount *int
	MaxClaimedParticipantCount *int
	MinClaimedSubmissionCount  *int
	MaxClaimedSubmissionCount  *int
	MinScore                   *float64
	MaxScore                   *float64
	RangeDivisionID            []guid `query:"RangeDivisionId"`
	EarliestDateCreated        *time.Time
	LatestDateCreated          *time.Time
}

type hostshipFilter struct {
	RangeEventID     []guid `query:"RangeEventId"`
	RangeUserID      []int  `query:"RangeUserId"`
	IsAdmin          *bool
	IsUnveiled       *bool
	ContainsPosition *string
	EqualsPosition   *string
}
