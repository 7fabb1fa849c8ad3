package upstream

import "time"

// The filters of the studio area, mirroring the upstream's filter DTOs
// field for field (Dtos/Filters); a nil field is left out of the query.
// ApplicationServiceRecordFilter is read from a version of the upstream
// other than the source snapshot (the API index lists its routes).

// ChartSubmissionFilter narrows a list of chart submissions by the parameters of the
// upstream's ChartSubmissionFilterDto.
type ChartSubmissionFilter struct {
	RangeId               []string        `query:"RangeId"`
	ContainsTitle         *string         `query:"ContainsTitle"`
	EqualsTitle           *string         `query:"EqualsTitle"`
	RangeLevelType        []ChartLevel    `query:"RangeLevelType"`
	ContainsLevel         *string         `query:"ContainsLevel"`
	EqualsLevel           *string         `query:"EqualsLevel"`
	MinDifficulty         *float64        `query:"MinDifficulty"`
	MaxDifficulty         *float64        `query:"MaxDifficulty"`
	RangeDifficulty       []float64       `query:"RangeDifficulty"`
	RangeFormat           []ChartFormat   `query:"RangeFormat"`
	ContainsAuthorName    *string         `query:"ContainsAuthorName"`
	EqualsAuthorName      *string         `query:"EqualsAuthorName"`
	ContainsIllustrator   *string         `query:"ContainsIllustrator"`
	EqualsIllustrator     *string         `query:"EqualsIllustrator"`
	IsRanked              *bool           `query:"IsRanked"`
	MinNoteCount          *int            `query:"MinNoteCount"`
	MaxNoteCount          *int            `query:"MaxNoteCount"`
	RangeNoteCount        []int           `query:"RangeNoteCount"`
	ContainsDescription   *string         `query:"ContainsDescription"`
	EqualsDescription     *string         `query:"EqualsDescription"`
	RangeAccessibility    []Accessibility `query:"RangeAccessibility"`
	RangeSongId           []string        `query:"RangeSongId"`
	RangeSongSubmissionId []string        `query:"RangeSongSubmissionId"`
	RangeStatus           []RequestStatus `query:"RangeStatus"`
	RangeVolunteerStatus  []RequestStatus `query:"RangeVolunteerStatus"`
	RangeAdmissionStatus  []RequestStatus `query:"RangeAdmissionStatus"`
	RangeRepresentationId []string        `query:"RangeRepresentationId"`
	MinOwnerId            *int            `query:"MinOwnerId"`
	MaxOwnerId            *int            `query:"MaxOwnerId"`
	RangeOwnerId          []int           `query:"RangeOwnerId"`
	EarliestDateCreated   *time.Time      `query:"EarliestDateCreated"`
	LatestDateCreated     *time.Time      `query:"LatestDateCreated"`
	EarliestDateUpdated   *time.Time      `query:"EarliestDateUpdated"`
	LatestDateUpdated     *time.Time      `query:"LatestDateUpdated"`
}

// SongSubmissionFilter narrows a list of song submissions by the parameters of the
// upstream's SongSubmissionFilterDto.
type SongSubmissionFilter struct {
	RangeId               []string        `query:"RangeId"`
	ContainsTitle         *string         `query:"ContainsTitle"`
	EqualsTitle           *string         `query:"EqualsTitle"`
	RangeEditionType      []EditionType   `query:"RangeEditionType"`
	ContainsEdition       *string         `query:"ContainsEdition"`
	EqualsEdition         *string         `query:"EqualsEdition"`
	ContainsAuthorName    *string         `query:"ContainsAuthorName"`
	EqualsAuthorName      *string         `query:"EqualsAuthorName"`
	ContainsIllustrator   *string         `query:"ContainsIllustrator"`
	EqualsIllustrator     *string         `query:"EqualsIllustrator"`
	ContainsDescription   *string         `query:"ContainsDescription"`
	EqualsDescription     *string         `query:"EqualsDescription"`
	RangeAccessibility    []Accessibility `query:"RangeAccessibility"`
	RangeStatus           []RequestStatus `query:"RangeStatus"`
	RangeRepresentationId []string        `query:"RangeRepresentationId"`
	ContainsLyrics        *string         `query:"ContainsLyrics"`
	EqualsLyrics          *string         `query:"EqualsLyrics"`
	MinBpm                *int            `query:"MinBpm"`
	MaxBpm                *int            `query:"MaxBpm"`
	RangeBpm              []int           `query:"RangeBpm"`
	MinMinBpm             *int            `query:"MinMinBpm"`
	MaxMinBpm             *int            `query:"MaxMinBpm"`
	RangeMinBpm           []int           `query:"RangeMinBpm"`
	MinMaxBpm             *int            `query:"MinMaxBpm"`
	MaxMaxBpm             *int            `query:"MaxMaxBpm"`
	RangeMaxBpm           []int           `query:"RangeMaxBpm"`
	MinOffset             *int            `query:"MinOffset"`
	MaxOffset             *int            `query:"MaxOffset"`
	RangeOffset           []int           `query:"RangeOffset"`
	MinDuration           *TimeSpan       `query:"MinDuration"`
	MaxDuration           *TimeSpan       `query:"MaxDuration"`
	MinPreviewStart       *TimeSpan       `query:"MinPreviewStart"`
	MaxPreviewStart       *TimeSpan       `query:"MaxPreviewStart"`
	MinPreviewEnd         *TimeSpan       `query:"MinPreviewEnd"`
	MaxPreviewEnd         *TimeSpan       `query:"MaxPreviewEnd"`
	MinReviewerId         *int            `query:"MinReviewerId"`
	MaxReviewerId         *int            `query:"MaxReviewerId"`
	RangeReviewerId       []int           `query:"RangeReviewerId"`
	ContainsMessage       *string         `query:"ContainsMessage"`
	EqualsMessage         *string         `query:"EqualsMessage"`
	MinOwnerId            *int            `query:"MinOwnerId"`
	MaxOwnerId            *int            `query:"MaxOwnerId"`
	RangeOwnerId          []int           `query:"RangeOwnerId"`
	EarliestDateCreated   *time.Time      `query:"EarliestDateCreated"`
	LatestDateCreated     *time.Time      `query:"LatestDateCreated"`
	EarliestDateUpdated   *time.Time      `query:"EarliestDateUpdated"`
	LatestDateUpdated     *time.Time      `query:"LatestDateUpdated"`
}

// ChartAssetFilter narrows a list of chart assets by the parameters of the
// upstream's ChartAssetFilterDto.
type ChartAssetFilter struct {
	RangeId             []string         `query:"RangeId"`
	RangeChartId        []string         `query:"RangeChartId"`
	RangeType           []ChartAssetType `query:"RangeType"`
	ContainsName        *string          `query:"ContainsName"`
	EqualsName          *string          `query:"EqualsName"`
	MinOwnerId          *int             `query:"MinOwnerId"`
	MaxOwnerId          *int             `query:"MaxOwnerId"`
	RangeOwnerId        []int            `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time       `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time       `query:"LatestDateCreated"`
	EarliestDateUpdated *time.Time       `query:"EarliestDateUpdated"`
	LatestDateUpdated   *time.Time       `query:"LatestDateUpdated"`
}

// ChartAssetSubmissionFilter narrows a list of chart asset submissions by the parameters of the
// upstream's ChartAssetSubmissionFilterDto.
type ChartAssetSubmissionFilter struct {
	RangeId                []string         `query:"RangeId"`
	RangeChartSubmissionId []string         `query:"RangeChartSubmissionId"`
	RangeType              []ChartAssetType `query:"RangeType"`
	MinOwnerId             *int             `query:"MinOwnerId"`
	MaxOwnerId             *int             `query:"MaxOwnerId"`
	RangeOwnerId           []int            `query:"RangeOwnerId"`
	EarliestDateCreated    *time.Time       `query:"EarliestDateCreated"`
	LatestDateCreated      *time.Time       `query:"LatestDateCreated"`
	EarliestDateUpdated    *time.Time       `query:"EarliestDateUpdated"`
	LatestDateUpdated      *time.Time       `query:"LatestDateUpdated"`
}

// CollaborationFilter narrows a list of collaborations by the parameters of the
// upstream's CollaborationFilterDto.
type CollaborationFilter struct {
	RangeId             []string        `query:"RangeId"`
	RangeSubmissionId   []string        `query:"RangeSubmissionId"`
	MinInviterId        *int            `query:"MinInviterId"`
	MaxInviterId        *int            `query:"MaxInviterId"`
	RangeInviterId      []int           `query:"RangeInviterId"`
	MinInviteeId        *int            `query:"MinInviteeId"`
	MaxInviteeId        *int            `query:"MaxInviteeId"`
	RangeInviteeId      []int           `query:"RangeInviteeId"`
	ContainsPosition    *string         `query:"ContainsPosition"`
	EqualsPosition      *string         `query:"EqualsPosition"`
	RangePosition       []string        `query:"RangePosition"`
	RangeStatus         []RequestStatus `query:"RangeStatus"`
	EarliestDateCreated *time.Time      `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time      `query:"LatestDateCreated"`
}

// ResourceRecordFilter narrows a list of resource records by the parameters of the
// upstream's ResourceRecordFilterDto.
type ResourceRecordFilter struct {
	RangeId                []string                 `query:"RangeId"`
	RangeType              []ResourceRecordType     `query:"RangeType"`
	ContainsTitle          *string                  `query:"ContainsTitle"`
	EqualsTitle            *string                  `query:"EqualsTitle"`
	RangeEditionType       []EditionType            `query:"RangeEditionType"`
	ContainsEdition        *string                  `query:"ContainsEdition"`
	EqualsEdition          *string                  `query:"EqualsEdition"`
	ContainsAuthorName     *string                  `query:"ContainsAuthorName"`
	EqualsAuthorName       *string                  `query:"EqualsAuthorName"`
	ContainsDescription    *string                  `query:"ContainsDescription"`
	EqualsDescription      *string                  `query:"EqualsDescription"`
	RangeStrategy          []ResourceRecordStrategy `query:"RangeStrategy"`
	ContainsSource         *string                  `query:"ContainsSource"`
	EqualsSource           *string                  `query:"EqualsSource"`
	ContainsCopyrightOwner *string                  `query:"ContainsCopyrightOwner"`
	EqualsCopyrightOwner   *string                  `query:"EqualsCopyrightOwner"`
	EarliestDateCreated    *time.Time               `query:"EarliestDateCreated"`
	LatestDateCreated      *time.Time               `query:"LatestDateCreated"`
	EarliestDateUpdated    *time.Time               `query:"EarliestDateUpdated"`
	LatestDateUpdated      *time.Time               `query:"LatestDateUpdated"`
}

// ServiceScriptFilter narrows a list of service scripts by the parameters of the
// upstream's ServiceScriptFilterDto.
type ServiceScriptFilter struct {
	RangeId             []string            `query:"RangeId"`
	ContainsName        *string             `query:"ContainsName"`
	EqualsName          *string             `query:"EqualsName"`
	RangeTargetType     []ServiceTargetType `query:"RangeTargetType"`
	ContainsDescription *string             `query:"ContainsDescription"`
	EqualsDescription   *string             `query:"EqualsDescription"`
	RangeResourceId     []string            `query:"RangeResourceId"`
	EarliestDateCreated *time.Time          `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time          `query:"LatestDateCreated"`
}

// ServiceRecordFilter narrows a list of service records by the parameters of the
// upstream's ServiceRecordFilterDto.
type ServiceRecordFilter struct {
	RangeId             []string   `query:"RangeId"`
	ContainsName        *string    `query:"ContainsName"`
	EqualsName          *string    `query:"EqualsName"`
	ContainsDescription *string    `query:"ContainsDescription"`
	EqualsDescription   *string    `query:"EqualsDescription"`
	ContainsResult      *string    `query:"ContainsResult"`
	EqualsResult        *string    `query:"EqualsResult"`
	MinOwnerId          *int       `query:"MinOwnerId"`
	MaxOwnerId          *int       `query:"MaxOwnerId"`
	RangeOwnerId        []int      `query:"RangeOwnerId"`
	RangeServiceId      []string   `query:"RangeServiceId"`
	EarliestDateCreated *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time `query:"LatestDateCreated"`
}

// ApplicationServiceRecordFilter narrows a list of application service
// records (service records of submissions) by the parameters of the
// upstream's ApplicationServiceRecordFilterDto.
type ApplicationServiceRecordFilter struct {
	RangeId             []string   `query:"RangeId"`
	RangeResourceId     []string   `query:"RangeResourceId"`
	RangeServiceId      []string   `query:"RangeServiceId"`
	ContainsDescription *string    `query:"ContainsDescription"`
	EqualsDescription   *string    `query:"EqualsDescription"`
	ContainsResult      *string    `query:"ContainsResult"`
	EqualsResult        *string    `query:"EqualsResult"`
	MinOwnerId          *int       `query:"MinOwnerId"`
	MaxOwnerId          *int       `query:"MaxOwnerId"`
	RangeOwnerId        []int      `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time `query:"EarliestDateCreated"`
	LatestDateCreated   *time.Time `query:"LatestDateCreated"`
}
