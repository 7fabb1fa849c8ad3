package upstream

import "time"

// The filter structs below mirror the upstream's filter DTOs field for
// field (Dtos/Filters); a nil field is left out of the query. The GraphQL
// filter inputs bind to them directly.

// PublicResourceFilter holds the filters every public resource takes (the
// upstream's PublicResourceFilterDto): the filters of charts, songs,
// events, divisions, chapters, collections and submissions embed it.
type PublicResourceFilter struct {
	RangeId             []string        `query:"RangeId"`
	ContainsTitle       *string         `query:"ContainsTitle"`
	EqualsTitle         *string         `query:"EqualsTitle"`
	ContainsIllustrator *string         `query:"ContainsIllustrator"`
	EqualsIllustrator   *string         `query:"EqualsIllustrator"`
	ContainsDescription *string         `query:"ContainsDescription"`
	EqualsDescription   *string         `query:"EqualsDescription"`
	RangeAccessibility  []Accessibility `query:"RangeAccessibility"`
	IsHidden            *bool           `query:"IsHidden"`
	IsLocked            *bool           `query:"IsLocked"`
	MinOwnerId          *int            `query:"MinOwnerId"`
	MaxOwnerId          *int            `query:"MaxOwnerId"`
	RangeOwnerId        []int           `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time      `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time      `query:"LatestDateCreated"`
	EarliestDateUpdated *time.Time      `query:"EarliestDateUpdated"`
	LatestDateUpdated   *time.Time      `query:"LatestDateUpdated"`
	MinLikeCount        *int            `query:"MinLikeCount"`
	MaxLikeCount        *int            `query:"MaxLikeCount"`
	RangeLikeCount      []int           `query:"RangeLikeCount"`
}

// ChartFilter narrows a list of charts by the upstream's ChartFilterDto parameters.
type ChartFilter struct {
	TagsToInclude []string `query:"TagsToInclude"`
	TagsToExclude []string `query:"TagsToExclude"`
	PublicResourceFilter
	RangeLevelType             []ChartLevel  `query:"RangeLevelType"`
	ContainsLevel              *string       `query:"ContainsLevel"`
	EqualsLevel                *string       `query:"EqualsLevel"`
	MinDifficulty              *float64      `query:"MinDifficulty"`
	MaxDifficulty              *float64      `query:"MaxDifficulty"`
	RangeDifficulty            []float64     `query:"RangeDifficulty"`
	RangeFormat                []ChartFormat `query:"RangeFormat"`
	ContainsAuthorName         *string       `query:"ContainsAuthorName"`
	EqualsAuthorName           *string       `query:"EqualsAuthorName"`
	IsRanked                   *bool         `query:"IsRanked"`
	MinNoteCount               *int          `query:"MinNoteCount"`
	MaxNoteCount               *int          `query:"MaxNoteCount"`
	RangeNoteCount             []int         `query:"RangeNoteCount"`
	MinScore                   *float64      `query:"MinScore"`
	MaxScore                   *float64      `query:"MaxScore"`
	RangeScore                 []float64     `query:"RangeScore"`
	MinRating                  *float64      `query:"MinRating"`
	MaxRating                  *float64      `query:"MaxRating"`
	RangeRating                []float64     `query:"RangeRating"`
	MinRatingOnArrangement     *float64      `query:"MinRatingOnArrangement"`
	MaxRatingOnArrangement     *float64      `query:"MaxRatingOnArrangement"`
	RangeRatingOnArrangement   []float64     `query:"RangeRatingOnArrangement"`
	MinRatingOnGameplay        *float64      `query:"MinRatingOnGameplay"`
	MaxRatingOnGameplay        *float64      `query:"MaxRatingOnGameplay"`
	RangeRatingOnGameplay      []float64     `query:"RangeRatingOnGameplay"`
	MinRatingOnVisualEffects   *float64      `query:"MinRatingOnVisualEffects"`
	MaxRatingOnVisualEffects   *float64      `query:"MaxRatingOnVisualEffects"`
	RangeRatingOnVisualEffects []float64     `query:"RangeRatingOnVisualEffects"`
	MinRatingOnCreativity      *float64      `query:"MinRatingOnCreativity"`
	MaxRatingOnCreativity      *float64      `query:"MaxRatingOnCreativity"`
	RangeRatingOnCreativity    []float64     `query:"RangeRatingOnCreativity"`
	MinRatingOnConcord         *float64      `query:"MinRatingOnConcord"`
	MaxRatingOnConcord         *float64      `query:"MaxRatingOnConcord"`
	RangeRatingOnConcord       []float64     `query:"RangeRatingOnConcord"`
	MinRatingOnImpression      *float64      `query:"MinRatingOnImpression"`
	MaxRatingOnImpression      *float64      `query:"MaxRatingOnImpression"`
	RangeRatingOnImpression    []float64     `query:"RangeRatingOnImpression"`
	RangeSongId                []string      `query:"RangeSongId"`
	MinPlayCount               *int64        `query:"MinPlayCount"`
	MaxPlayCount               *int64        `query:"MaxPlayCount"`
	RangePlayCount             []int64       `query:"RangePlayCount"`
}

// SongFilter narrows a list of songs by the upstream's SongFilterDto parameters.
type SongFilter struct {
	TagsToInclude []string `query:"TagsToInclude"`
	TagsToExclude []string `query:"TagsToExclude"`
	PublicResourceFilter
	RangeEditionType   []EditionType `query:"RangeEditionType"`
	ContainsEdition    *string       `query:"ContainsEdition"`
	EqualsEdition      *string       `query:"EqualsEdition"`
	ContainsAuthorName *string       `query:"ContainsAuthorName"`
	EqualsAuthorName   *string       `query:"EqualsAuthorName"`
	ContainsLyrics     *string       `query:"ContainsLyrics"`
	EqualsLyrics       *string       `query:"EqualsLyrics"`
	MinBpm             *int          `query:"MinBpm"`
	MaxBpm             *int          `query:"MaxBpm"`
	RangeBpm           []int         `query:"RangeBpm"`
	MinMinBpm          *int          `query:"MinMinBpm"`
	MaxMinBpm          *int          `query:"MaxMinBpm"`
	RangeMinBpm        []int         `query:"RangeMinBpm"`
	MinMaxBpm          *int          `query:"MinMaxBpm"`
	MaxMaxBpm          *int          `query:"MaxMaxBpm"`
	RangeMaxBpm        []int         `query:"RangeMaxBpm"`
	MinOffset          *int          `query:"MinOffset"`
	MaxOffset          *int          `query:"MaxOffset"`
	RangeOffset        []int         `query:"RangeOffset"`
	IsOriginal         *bool         `query:"IsOriginal"`
	MinDuration        *TimeSpan     `query:"MinDuration"`
	MaxDuration        *TimeSpan     `query:"MaxDuration"`
	MinPreviewStart    *TimeSpan     `query:"MinPreviewStart"`
	MaxPreviewStart    *TimeSpan     `query:"MaxPreviewStart"`
	MinPreviewEnd      *TimeSpan     `query:"MinPreviewEnd"`
	MaxPreviewEnd      *TimeSpan     `query:"MaxPreviewEnd"`
}

// UserFilter narrows a list of users by the upstream's UserFilterDto parameters.
type UserFilter struct {
	MinId                    *int       `query:"MinId"`
	MaxId                    *int       `query:"MaxId"`
	RangeId                  []int      `query:"RangeId"`
	ContainsUserName         *string    `query:"ContainsUserName"`
	EqualsUserName           *string    `query:"EqualsUserName"`
	RangeGender              []Gender   `query:"RangeGender"`
	RangeRole                []UserRole `query:"RangeRole"`
	MinExperience            *int64     `query:"MinExperience"`
	MaxExperience            *int64     `query:"MaxExperience"`
	RangeExperience          []int64    `query:"RangeExperience"`
	ContainsTag              *string    `query:"ContainsTag"`
	EqualsTag                *string    `query:"EqualsTag"`
	RangeTag                 []string   `query:"RangeTag"`
	ContainsLanguage         *string    `query:"ContainsLanguage"`
	EqualsLanguage           *string    `query:"EqualsLanguage"`
	RangeLanguage            []string   `query:"RangeLanguage"`
	MinRks                   *float64   `query:"MinRks"`
	MaxRks                   *float64   `query:"MaxRks"`
	MinFollowerCount         *int64     `query:"MinFollowerCount"`
	MaxFollowerCount         *int64     `query:"MaxFollowerCount"`
	RangeFollowerCount       []int64    `query:"RangeFollowerCount"`
	MinFolloweeCount         *int64     `query:"MinFolloweeCount"`
	MaxFolloweeCount         *int64     `query:"MaxFolloweeCount"`
	RangeFolloweeCount       []int64    `query:"RangeFolloweeCount"`
	RangeRegionId            []int      `query:"RangeRegionId"`
	EarliestDateLastLoggedIn *time.Time `query:"EarliestDateLastLoggedIn"`
	LatestDateLastLoggedIn   *time.Time `query:"LatestDateLastLoggedIn"`
	EarliestDateJoined       *time.Time `query:"EarliestDateJoined"`
	LatestDateJoined         *time.Time `query:"LatestDateJoined"`
	EarliestDateOfBirth      *time.Time `query:"EarliestDateOfBirth"`
	LatestDateOfBirth        *time.Time `query:"LatestDateOfBirth"`
}

// CommentFilter narrows a list of comments by the upstream's CommentFilterDto parameters.
type CommentFilter struct {
	RangeId             []string   `query:"RangeId"`
	RangeResourceId     []string   `query:"RangeResourceId"`
	ContainsContent     *string    `query:"ContainsContent"`
	EqualsContent       *string    `query:"EqualsContent"`
	ContainsLanguage    *string    `query:"ContainsLanguage"`
	EqualsLanguage      *string    `query:"EqualsLanguage"`
	RangeLanguage       []string   `query:"RangeLanguage"`
	MinOwnerId          *int       `query:"MinOwnerId"`
	MaxOwnerId          *int       `query:"MaxOwnerId"`
	RangeOwnerId        []int      `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time `query:"LatestDateCreated"`
	MinLikeCount        *int       `query:"MinLikeCount"`
	MaxLikeCount        *int       `query:"MaxLikeCount"`
	RangeLikeCount      []int      `query:"RangeLikeCount"`
}

// ReplyFilter narrows a list of replies by the upstream's ReplyFilterDto parameters.
type ReplyFilter struct {
	RangeId             []string   `query:"RangeId"`
	RangeCommentId      []string   `query:"RangeCommentId"`
	ContainsContent     *string    `query:"ContainsContent"`
	EqualsContent       *string    `query:"EqualsContent"`
	ContainsLanguage    *string    `query:"ContainsLanguage"`
	EqualsLanguage      *string    `query:"EqualsLanguage"`
	RangeLanguage       []string   `query:"RangeLanguage"`
	MinOwnerId          *int       `query:"MinOwnerId"`
	MaxOwnerId          *int       `query:"MaxOwnerId"`
	RangeOwnerId        []int      `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time `query:"LatestDateCreated"`
	MinLikeCount        *int       `query:"MinLikeCount"`
	MaxLikeCount        *int       `query:"MaxLikeCount"`
	RangeLikeCount      []int      `query:"RangeLikeCount"`
}

// RecordFilter narrows a list of records by the upstream's RecordFilterDto parameters.
type RecordFilter struct {
	RangeId              []string   `query:"RangeId"`
	MinOwnerId           *int       `query:"MinOwnerId"`
	MaxOwnerId           *int       `query:"MaxOwnerId"`
	RangeOwnerId         []int      `query:"RangeOwnerId"`
	RangeChartId         []string   `query:"RangeChartId"`
	MinScore             *int       `query:"MinScore"`
	MaxScore             *int       `query:"MaxScore"`
	RangeScore           []int      `query:"RangeScore"`
	MinAccuracy          *float64   `query:"MinAccuracy"`
	MaxAccuracy          *float64   `query:"MaxAccuracy"`
	RangeAccuracy        []float64  `query:"RangeAccuracy"`
	IsFullCombo          *bool      `query:"IsFullCombo"`
	MinMaxCombo          *int       `query:"MinMaxCombo"`
	MaxCombo             *int       `query:"MaxCombo"`
	RangeMaxCombo        []int      `query:"RangeMaxCombo"`
	MinPerfect           *int       `query:"MinPerfect"`
	MaxPerfect           *int       `query:"MaxPerfect"`
	RangePerfect         []int      `query:"RangePerfect"`
	MinGoodEarly         *int       `query:"MinGoodEarly"`
	MaxGoodEarly         *int       `query:"MaxGoodEarly"`
	RangeGoodEarly       []int      `query:"RangeGoodEarly"`
	MinGoodLate          *int       `query:"MinGoodLate"`
	MaxGoodLate          *int       `query:"MaxGoodLate"`
	RangeGoodLate        []int      `query:"RangeGoodLate"`
	MinBad               *int       `query:"MinBad"`
	MaxBad               *int       `query:"MaxBad"`
	RangeBad             []int      `query:"RangeBad"`
	MinMiss              *int       `query:"MinMiss"`
	MaxMiss              *int       `query:"MaxMiss"`
	RangeMiss            []int      `query:"RangeMiss"`
	MinStdDeviation      *float64   `query:"MinStdDeviation"`
	MaxStdDeviation      *float64   `query:"MaxStdDeviation"`
	MinRks               *float64   `query:"MinRks"`
	MaxRks               *float64   `query:"MaxRks"`
	RangeRks             []int      `query:"RangeRks"`
	MinPerfectJudgment   *int       `query:"MinPerfectJudgment"`
	MaxPerfectJudgment   *int       `query:"MaxPerfectJudgment"`
	RangePerfectJudgment []int      `query:"RangePerfectJudgment"`
	MinGoodJudgment      *int       `query:"MinGoodJudgment"`
	MaxGoodJudgment      *int       `query:"MaxGoodJudgment"`
	RangeGoodJudgment    []int      `query:"RangeGoodJudgment"`
	ContainsDeviceInfo   *string    `query:"ContainsDeviceInfo"`
	EqualsDeviceInfo     *string    `query:"EqualsDeviceInfo"`
	RangeDeviceInfo      []string   `query:"RangeDeviceInfo"`
	RangeApplicationId   []string   `query:"RangeApplicationId"`
	EarliestDateCreated  *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated    *time.Time `query:"LatestDateCreated"`
}

// EventFilter narrows a list of events by the upstream's EventFilterDto parameters.
type EventFilter struct {
	PublicResourceFilter
	ContainsSubtitle     *string    `query:"ContainsSubtitle"`
	EqualsSubtitle       *string    `query:"EqualsSubtitle"`
	EarliestDateUnveiled *time.Time `query:"EarliestDateUnveiled"`
	LatestDateUnveiled   *time.Time `query:"LatestDateUnveiled"`
}

// EventDivisionFilter narrows a list of event divisions by the upstream's EventDivisionFilterDto parameters.
type EventDivisionFilter struct {
	PublicResourceFilter
	ContainsSubtitle              *string               `query:"ContainsSubtitle"`
	EqualsSubtitle                *string               `query:"EqualsSubtitle"`
	RangeType                     []EventDivisionType   `query:"RangeType"`
	RangeStatus                   []EventDivisionStatus `query:"RangeStatus"`
	MinMinTeamCount               *int                  `query:"MinMinTeamCount"`
	MaxMinTeamCount               *int                  `query:"MaxMinTeamCount"`
	MinMaxTeamCount               *int                  `query:"MinMaxTeamCount"`
	MaxMaxTeamCount               *int                  `query:"MaxMaxTeamCount"`
	MinMinParticipantPerTeamCount *int                  `query:"MinMinParticipantPerTeamCount"`
	MaxMinParticipantPerTeamCount *int                  `query:"MaxMinParticipantPerTeamCount"`
	MinMaxParticipantPerTeamCount *int                  `query:"MinMaxParticipantPerTeamCount"`
	MaxMaxParticipantPerTeamCount *int                  `query:"MaxMaxParticipantPerTeamCount"`
	MinMinSubmissionCount         *int                  `query:"MinMinSubmissionCount"`
	MaxMinSubmissionCount         *int                  `query:"MaxMinSubmissionCount"`
	MinMaxSubmissionCount         *int                  `query:"MinMaxSubmissionCount"`
	MaxMaxSubmissionCount         *int                  `query:"MaxMaxSubmissionCount"`
	HasAnonymization              *bool                 `query:"HasAnonymization"`
	RangeEventId                  []string              `query:"RangeEventId"`
	EarliestDateUnveiled          *time.Time            `query:"EarliestDateUnveiled"`
	LatestDateUnveiled            *time.Time            `query:"LatestDateUnveiled"`
	EarliestDateStarted           *time.Time            `query:"EarliestDateStarted"`
	LatestDateStarted             *time.Time            `query:"LatestDateStarted"`
	EarliestDateEnded             *time.Time            `query:"EarliestDateEnded"`
	LatestDateEnded               *time.Time            `query:"LatestDateEnded"`
}

// EventTeamFilter narrows a list of event teams by the upstream's EventTeamFilterDto parameters.
type EventTeamFilter struct {
	RangeId                    []string              `query:"RangeId"`
	ContainsName               *string               `query:"ContainsName"`
	EqualsName                 *string               `query:"EqualsName"`
	ContainsDescription        *string               `query:"ContainsDescription"`
	EqualsDescription          *string               `query:"EqualsDescription"`
	RangeStatus                []ParticipationStatus `query:"RangeStatus"`
	MinClaimedParticipantCount *int                  `query:"MinClaimedParticipantCount"`
	MaxClaimedParticipantCount *int                  `query:"MaxClaimedParticipantCount"`
	MinClaimedSubmissionCount  *int                  `query:"MinClaimedSubmissionCount"`
	MaxClaimedSubmissionCount  *int                  `query:"MaxClaimedSubmissionCount"`
	MinScore                   *float64              `query:"MinScore"`
	MaxScore                   *float64              `query:"MaxScore"`
	RangeDivisionId            []string              `query:"RangeDivisionId"`
	EarliestDateCreated        *time.Time            `query:"EarliestDateCreated"`
	LatestDateCreated          *time.Time            `query:"LatestDateCreated"`
}

// TagFilter narrows a list of tags by the upstream's TagFilterDto parameters.
type TagFilter struct {
	RangeId                []string   `query:"RangeId"`
	ContainsName           *string    `query:"ContainsName"`
	EqualsName             *string    `query:"EqualsName"`
	ContainsNormalizedName *string    `query:"ContainsNormalizedName"`
	EqualsNormalizedName   *string    `query:"EqualsNormalizedName"`
	RangeNormalizedName    []string   `query:"RangeNormalizedName"`
	ContainsDescription    *string    `query:"ContainsDescription"`
	EqualsDescription      *string    `query:"EqualsDescription"`
	EarliestDateCreated    *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated      *time.Time `query:"LatestDateCreated"`
}

// RegionFilter narrows a list of regions by the upstream's RegionFilterDto parameters.
type RegionFilter struct {
	MinId        *int    `query:"MinId"`
	MaxId        *int    `query:"MaxId"`
	RangeId      []int   `query:"RangeId"`
	ContainsCode *string `query:"ContainsCode"`
	EqualsCode   *string `query:"EqualsCode"`
	ContainsName *string `query:"ContainsName"`
	EqualsName   *string `query:"EqualsName"`
}

// AuthorshipFilter narrows a list of authorships by the upstream's AuthorshipFilterDto parameters.
type AuthorshipFilter struct {
	RangeId             []string   `query:"RangeId"`
	RangeResourceId     []string   `query:"RangeResourceId"`
	MinAuthorId         *int       `query:"MinAuthorId"`
	MaxAuthorId         *int       `query:"MaxAuthorId"`
	RangeAuthorId       []int      `query:"RangeAuthorId"`
	ContainsPosition    *string    `query:"ContainsPosition"`
	EqualsPosition      *string    `query:"EqualsPosition"`
	RangePosition       []string   `query:"RangePosition"`
	EarliestDateCreated *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time `query:"LatestDateCreated"`
}

// HostshipFilter narrows a list of hostships by the upstream's HostshipFilterDto parameters.
type HostshipFilter struct {
	RangeEventId     []string `query:"RangeEventId"`
	RangeUserId      []int    `query:"RangeUserId"`
	IsAdmin          *bool    `query:"IsAdmin"`
	IsUnveiled       *bool    `query:"IsUnveiled"`
	ContainsPosition *string  `query:"ContainsPosition"`
	EqualsPosition   *string  `query:"EqualsPosition"`
}
