package sandbox

import "time"

// The studio area: song and chart submissions with their assets, votes and
// service records, chart assets, admissions, collaborations, resource
// records and service scripts. Structs follow the upstream's DTOs as in
// resources.go.

// Studio holds the studio area's data; see studio_generate.go.
type Studio struct {
	SongSubmissions   []SongSubmission
	ChartSubmissions  []ChartSubmission
	AssetSubmissions  []ChartAssetSubmission
	ChartAssets       []ChartAsset
	Votes             []VolunteerVote
	Admissions        []StudioAdmission
	Collaborations    []Collaboration
	ResourceRecords   []ResourceRecord
	ServiceScripts    []ServiceScript
	ServiceRecords    []ServiceRecord
	AppServiceRecords []ApplicationServiceRecord

	// Chapters and Collections are the admitters of chapter and collection
	// admissions, rendered as ChapterDto and CollectionDto.
	Chapters    []Admitter
	Collections []Admitter

	idx studioIndexes
}

type studioIndexes struct {
	songSubmissions, chartSubmissions map[string]int
	chapters, collections             map[string]int
}

// SongSubmission is SongSubmissionDto.
type SongSubmission struct {
	ID               string        `json:"id"`
	Title            string        `json:"title"`
	EditionType      EditionType   `json:"editionType"`
	Edition          *string       `json:"edition"`
	AuthorName       string        `json:"authorName"`
	File             string        `json:"file"`
	Illustration     string        `json:"illustration"`
	Illustrator      string        `json:"illustrator"`
	Description      *string       `json:"description"`
	Accessibility    Accessibility `json:"accessibility"`
	Status           RequestStatus `json:"status"`
	RepresentationID *string       `json:"representationId"`
	Lyrics           *string       `json:"lyrics"`
	Bpm              float64       `json:"bpm"`
	MinBpm           float64       `json:"minBpm"`
	MaxBpm           float64       `json:"maxBpm"`
	Offset           int           `json:"offset"`
	License          *string       `json:"license"`
	OriginalityProof *string       `json:"originalityProof"`
	Duration         TimeSpan      `json:"duration"`
	PreviewStart     TimeSpan      `json:"previewStart"`
	PreviewEnd       TimeSpan      `json:"previewEnd"`
	Tags             []string      `json:"tags"`
	ReviewerID       *int          `json:"reviewerId"`
	Message          *string       `json:"message"`
	OwnerID          *int          `json:"ownerId"`
	DateCreated      time.Time     `json:"dateCreated"`
	DateFileUpdated  time.Time     `json:"dateFileUpdated"`
	DateUpdated      time.Time     `json:"dateUpdated"`
	// RecognitionSummary is what the upstream's audio recognition found;
	// the sandbox recognises nothing.
	RecognitionSummary *struct{} `json:"recognitionSummary"`
}

// ChartSubmission is ChartSubmissionDto. Song, SongSubmission and DateVoted
// are filled when answering.
type ChartSubmission struct {
	ID               string          `json:"id"`
	Title            *string         `json:"title"`
	LevelType        ChartLevel      `json:"levelType"`
	Level            string          `json:"level"`
	Difficulty       float64         `json:"difficulty"`
	Format           ChartFormat     `json:"format"`
	File             *string         `json:"file"`
	AuthorName       string          `json:"authorName"`
	Illustration     *string         `json:"illustration"`
	Illustrator      *string         `json:"illustrator"`
	Description      *string         `json:"description"`
	Accessibility    Accessibility   `json:"accessibility"`
	Status           RequestStatus   `json:"status"`
	VolunteerStatus  RequestStatus   `json:"volunteerStatus"`
	AdmissionStatus  RequestStatus   `json:"admissionStatus"`
	RepresentationID *string         `json:"representationId"`
	IsRanked         bool            `json:"isRanked"`
	NoteCount        int             `json:"noteCount"`
	Tags             []string        `json:"tags"`
	SongID           *string         `json:"songId"`
	SongSubmissionID *string         `json:"songSubmissionId"`
	Song             *Song           `json:"song"`
	SongSubmission   *SongSubmission `json:"songSubmission"`
	OwnerID          int             `json:"ownerId"`
	DateCreated      time.Time       `json:"dateCreated"`
	DateFileUpdated  time.Time       `json:"dateFileUpdated"`
	DateUpdated      time.Time       `json:"dateUpdated"`
	DateVoted        *time.Time      `json:"dateVoted"`
}

// ChartAssetSubmission is ChartAssetSubmissionDto.
type ChartAssetSubmission struct {
	ID                string         `json:"id"`
	OwnerID           int            `json:"ownerId"`
	ChartSubmissionID string         `json:"chartSubmissionId"`
	Type              ChartAssetType `json:"type"`
	Name              string         `json:"name"`
	File              string         `json:"file"`
	DateCreated       time.Time      `json:"dateCreated"`
	DateUpdated       time.Time      `json:"dateUpdated"`
}

// VolunteerVote is VolunteerVoteDto; ChartID names a chart submission.
type VolunteerVote struct {
	ID                  string    `json:"id"`
	ChartID             string    `json:"chartId"`
	Score               float64   `json:"score"`
	SuggestedDifficulty float64   `json:"suggestedDifficulty"`
	Message             string    `json:"message"`
	OwnerID             int       `json:"ownerId"`
	DateCreated         time.Time `json:"dateCreated"`
}

// StudioAdmission is the upstream's StudioAdmission model: AdmitterType says what the
// IDs name. It answers as AdmissionDto with both resources embedded.
type StudioAdmission struct {
	AdmitterID   string        `json:"-"`
	AdmitteeID   string        `json:"-"`
	AdmitterType AdmitterType  `json:"-"`
	Status       RequestStatus `json:"status"`
	Label        *string       `json:"label"`
	RequesterID  int           `json:"requesterId"`
	RequesteeID  int           `json:"requesteeId"`
	DateCreated  time.Time     `json:"dateCreated"`
}

// AdmissionView is AdmissionDto<TAdmitter, TAdmittee>.
type AdmissionView struct {
	Admitter    any           `json:"admitter"`
	Admittee    any           `json:"admittee"`
	Status      RequestStatus `json:"status"`
	Label       *string       `json:"label"`
	RequesterID int           `json:"requesterId"`
	RequesteeID int           `json:"requesteeId"`
	DateCreated time.Time     `json:"dateCreated"`
}

// Admitter is ChapterDto and CollectionDto, which share their shape.
type Admitter struct {
	ID            string        `json:"id"`
	Title         string        `json:"title"`
	Subtitle      string        `json:"subtitle"`
	Illustration  string        `json:"illustration"`
	Illustrator   string        `json:"illustrator"`
	Description   *string       `json:"description"`
	Accessibility Accessibility `json:"accessibility"`
	IsHidden      bool          `json:"isHidden"`
	IsLocked      bool          `json:"isLocked"`
	LikeCount     int           `json:"likeCount"`
	OwnerID       int           `json:"ownerId"`
	DateCreated   time.Time     `json:"dateCreated"`
	DateUpdated   time.Time     `json:"dateUpdated"`
	DateLiked     *time.Time    `json:"dateLiked"`
}

// Collaboration is CollaborationDto.
type Collaboration struct {
	ID           string        `json:"id"`
	SubmissionID string        `json:"submissionId"`
	InviterID    int           `json:"inviterId"`
	InviteeID    int           `json:"inviteeId"`
	Position     *string       `json:"position"`
	Status       RequestStatus `json:"status"`
	DateCreated  time.Time     `json:"dateCreated"`
}

// ResourceRecord is ResourceRecordDto.
type ResourceRecord struct {
	ID             string                 `json:"id"`
	Type           ResourceRecordType     `json:"type"`
	Title          string                 `json:"title"`
	EditionType    EditionType            `json:"editionType"`
	Edition        *string                `json:"edition"`
	AuthorName     string                 `json:"authorName"`
	Description    *string                `json:"description"`
	Strategy       ResourceRecordStrategy `json:"strategy"`
	Source         string                 `json:"source"`
	CopyrightOwner string                 `json:"copyrightOwner"`
	DateCreated    time.Time              `json:"dateCreated"`
	DateUpdated    time.Time              `json:"dateUpdated"`
}

// ServiceScript is ServiceScriptDto.
type ServiceScript struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	TargetType  ServiceTargetType `json:"targetType"`
	Description *string           `json:"description"`
	Code        string            `json:"code"`
	Parameters  []string          `json:"parameters"`
	ResourceID  *string           `json:"resourceId"`
	DateCreated time.Time         `json:"dateCreated"`
	DateUpdated time.Time         `json:"dateUpdated"`
}

// ServiceRecord is ServiceRecordDto.
type ServiceRecord struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description *string   `json:"description"`
	Result      *string   `json:"result"`
	OwnerID     int       `json:"ownerId"`
	ServiceID   string    `json:"serviceId"`
	DateCreated time.Time `json:"dateCreated"`
}

// ApplicationServiceRecord is ApplicationServiceRecordDto, a run of an
// application's service on a submission (ResourceID).
type ApplicationServiceRecord struct {
	ID          string    `json:"id"`
	ResourceID  string    `json:"resourceId"`
	ServiceID   string    `json:"serviceId"`
	Description *string   `json:"description"`
	Result      *string   `json:"result"`
	OwnerID     int       `json:"ownerId"`
	DateCreated time.Time `json:"dateCreated"`
}

// ChartAssetType is the kind of a chart asset.
type ChartAssetType int

func (ChartAssetType) names() []string {
	return []string{"Image", "Audio", "Video", "Config", "Shader", "Other"}
}

// ServiceTargetType is what a service script runs on.
type ServiceTargetType int

func (ServiceTargetType) names() []string {
	return []string{"SongSubmission", "ChartSubmission", "Free"}
}

// ResourceRecordType is the kind of work a resource record describes.
type ResourceRecordType int

func (ResourceRecordType) names() []string { return []string{"Music", "Illustration"} }

// ResourceRecordStrategy is what happens to uploads of a recorded work.
type ResourceRecordStrategy int

func (ResourceRecordStrategy) names() []string {
	return []string{"Accept", "MakeHidden", "MakeLocked", "MakeHiddenAndLocked", "Reject"}
}

// AdmitterType says what an admission's admitter is.
type AdmitterType int

// AdmitterType values the sandbox uses.
const (
	AdmitterChapter AdmitterType = iota
	AdmitterCollection
	AdmitterSong
	AdmitterSongSubmission
)

type chartSubmissionFilter struct {
	RangeID               []guid `query:"RangeId"`
	ContainsTitle         *string
	EqualsTitle           *string
	RangeLevelType        []ChartLevel
	ContainsLevel         *string
	EqualsLevel           *string
	MinDifficulty         *float64
	MaxDifficulty         *float64
	RangeDifficulty       []float64
	RangeFormat           []ChartFormat
	ContainsAuthorName    *string
	EqualsAuthorName      *string
	ContainsIllustrator   *string
	EqualsIllustrator     *string
	IsRanked              *bool
	MinNoteCount          *int
	MaxNoteCount          *int
	RangeNoteCount        []int
	ContainsDescription   *string
	EqualsDescription     *string
	RangeAccessibility    []Accessibility
	RangeSongID           []guid `query:"RangeSongId"`
	RangeSongSubmissionID []guid `query:"RangeSongSubmissionId"`
	RangeStatus           []RequestStatus
	RangeVolunteerStatus  []RequestStatus
	RangeAdmissionStatus  []RequestStatus
	RangeRepresentationID []guid `query:"RangeRepresentationId"`
	MinOwnerID            *int   `query:"MinOwnerId"`
	MaxOwnerID            *int   `query:"MaxOwnerId"`
	RangeOwnerID          []int  `query:"RangeOwnerId"`
	EarliestDateCreated   *time.Time
	LatestDateCreated     *time.Time
	EarliestDateUpdated   *time.Time
	LatestDateUpdated     *time.Time
}

type songSubmissionFilter struct {
	RangeID               []guid `query:"RangeId"`
	ContainsTitle         *string
	EqualsTitle           *string
	RangeEditionType      []EditionType
	ContainsEdition       *string
	EqualsEdition         *string
	ContainsAuthorName    *string
	EqualsAuthorName      *string
	ContainsIllustrator   *string
	EqualsIllustrator     *string
	ContainsDescription   *string
	EqualsDescription     *string
	RangeAccessibility    []Accessibility
	RangeStatus           []RequestStatus
	RangeRepresentationID []guid `query:"RangeRepresentationId"`
	ContainsLyrics        *string
	EqualsLyrics          *string
	MinBpm                *int
	MaxBpm                *int
	RangeBpm              []int
	MinMinBpm             *int
	MaxMinBpm             *int
	RangeMinBpm           []int
	MinMaxBpm             *int
	MaxMaxBpm             *int
	RangeMaxBpm           []int
	MinOffset             *int
	MaxOffset             *int
	RangeOffset           []int
	MinDuration           *TimeSpan
	MaxDuration           *TimeSpan
	MinPreviewStart       *TimeSpan
	MaxPreviewStart       *TimeSpan
	MinPreviewEnd         *TimeSpan
	MaxPreviewEnd         *TimeSpan
	MinReviewerID         *int  `query:"MinReviewerId"`
	MaxReviewerID         *int  `query:"MaxReviewerId"`
	RangeReviewerID       []int `query:"RangeReviewerId"`
	ContainsMessage       *string
	EqualsMessage         *string
	MinOwnerID            *int  `query:"MinOwnerId"`
	MaxOwnerID            *int  `query:"MaxOwnerId"`
	RangeOwnerID          []int `query:"RangeOwnerId"`
	EarliestDateCreated   *time.Time
	LatestDateCreated     *time.Time
	EarliestDateUpdated   *time.Time
	LatestDateUpdated     *time.Time
}

type chartAssetFilter struct {
	RangeID             []guid `query:"RangeId"`
	RangeChartID        []guid `query:"RangeChartId"`
	RangeType           []ChartAssetType
	ContainsName        *string
	EqualsName          *string
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
	EarliestDateUpdated *time.Time
	LatestDateUpdated   *time.Time
}

type chartAssetSubmissionFilter struct {
	RangeID                []guid `query:"RangeId"`
	RangeChartSubmissionID []guid `query:"RangeChartSubmissionId"`
	RangeType              []ChartAssetType
	MinOwnerID             *int  `query:"MinOwnerId"`
	MaxOwnerID             *int  `query:"MaxOwnerId"`
	RangeOwnerID           []int `query:"RangeOwnerId"`
	EarliestDateCreated    *time.Time
	LatestDateCreated      *time.Time
	EarliestDateUpdated    *time.Time
	LatestDateUpdated      *time.Time
}

type studioAdmissionFilter struct {
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

type collaborationFilter struct {
	RangeID             []guid `query:"RangeId"`
	RangeSubmissionID   []guid `query:"RangeSubmissionId"`
	MinInviterID        *int   `query:"MinInviterId"`
	MaxInviterID        *int   `query:"MaxInviterId"`
	RangeInviterID      []int  `query:"RangeInviterId"`
	MinInviteeID        *int   `query:"MinInviteeId"`
	MaxInviteeID        *int   `query:"MaxInviteeId"`
	RangeInviteeID      []int  `query:"RangeInviteeId"`
	ContainsPosition    *string
	EqualsPosition      *string
	RangePosition       []string
	RangeStatus         []RequestStatus
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
}

type resourceRecordFilter struct {
	RangeID                []guid `query:"RangeId"`
	RangeType              []ResourceRecordType
	ContainsTitle          *string
	EqualsTitle            *string
	RangeEditionType       []EditionType
	ContainsEdition        *string
	EqualsEdition          *string
	ContainsAuthorName     *string
	EqualsAuthorName       *string
	ContainsDescription    *string
	EqualsDescription      *string
	RangeStrategy          []ResourceRecordStrategy
	ContainsSource         *string
	EqualsSource           *string
	ContainsCopyrightOwner *string
	EqualsCopyrightOwner   *string
	EarliestDateCreated    *time.Time
	LatestDateCreated      *time.Time
	EarliestDateUpdated    *time.Time
	LatestDateUpdated      *time.Time
}

type serviceScriptFilter struct {
	RangeID             []guid `query:"RangeId"`
	ContainsName        *string
	EqualsName          *string
	RangeTargetType     []ServiceTargetType
	ContainsDescription *string
	EqualsDescription   *string
	RangeResourceID     []guid `query:"RangeResourceId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
}

type serviceRecordFilter struct {
	RangeID             []guid `query:"RangeId"`
	ContainsName        *string
	EqualsName          *string
	ContainsDescription *string
	EqualsDescription   *string
	ContainsResult      *string
	EqualsResult        *string
	MinOwnerID          *int   `query:"MinOwnerId"`
	MaxOwnerID          *int   `query:"MaxOwnerId"`
	RangeOwnerID        []int  `query:"RangeOwnerId"`
	RangeServiceID      []guid `query:"RangeServiceId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
}

type applicationServiceRecordFilter struct {
	RangeID             []guid `query:"RangeId"`
	RangeResourceID     []guid `query:"RangeResourceId"`
	RangeServiceID      []guid `query:"RangeServiceId"`
	ContainsDescription *string
	EqualsDescription   *string
	ContainsResult      *string
	EqualsResult        *string
	MinOwnerID          *int  `query:"MinOwnerId"`
	MaxOwnerID          *int  `query:"MaxOwnerId"`
	RangeOwnerID        []int `query:"RangeOwnerId"`
	EarliestDateCreated *time.Time
	LatestDateCreated   *time.Time
}
