package sandbox

import (
	"encoding/json"
	"time"
)

// The structs below are written from the upstream's response DTOs
// (Dtos/Responses/*.cs): one Go field per C# property, in the same order,
// with the camelCase JSON name, so that a list of them marshals exactly as
// the upstream serializer would (nulls included). Fields tagged `json:"-"`
// are columns of the upstream's models that its filters and ordering can
// reach but that the DTO does not show.
//
// Filters and ordering find fields by the upstream's property names,
// compared case-insensitively ("OwnerId" finds OwnerID), so keep Go names
// spelled after the C# ones.

// Region is RegionDto.
type Region struct {
	ID   int    `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// User is UserDto. Role marshals as its name.
type User struct {
	ID               int               `json:"id"`
	UserName         string            `json:"userName"`
	Avatar           *string           `json:"avatar"`
	Gender           Gender            `json:"gender"`
	Region           Region            `json:"region"`
	Language         string            `json:"language"`
	Biography        *string           `json:"biography"`
	Role             UserRole          `json:"role"`
	Experience       uint64            `json:"experience"`
	Tag              *string           `json:"tag"`
	Rks              float64           `json:"rks"`
	FollowerCount    int64             `json:"followerCount"`
	FolloweeCount    int64             `json:"followeeCount"`
	DateLastLoggedIn *time.Time        `json:"dateLastLoggedIn"`
	DateJoined       time.Time         `json:"dateJoined"`
	DateOfBirth      *time.Time        `json:"dateOfBirth"`
	DateFollowed     *time.Time        `json:"dateFollowed"`
	ApplicationLinks []json.RawMessage `json:"applicationLinks"`

	// Email is the sign-in name of the password grant.
	Email            string  `json:"-"`
	EmailConfirmed   bool    `json:"-"`
	PhoneNumber      *string `json:"-"`
	TwoFactorEnabled bool    `json:"-"`
}

// UserDetailed is UserDetailedDto, the answer of GET /me.
type UserDetailed struct {
	User
	Email                string     `json:"email"`
	EmailConfirmed       bool       `json:"emailConfirmed"`
	PhoneNumber          *string    `json:"phoneNumber"`
	PhoneNumberConfirmed bool       `json:"phoneNumberConfirmed"`
	TwoFactorEnabled     bool       `json:"twoFactorEnabled"`
	Notifications        int        `json:"notifications"`
	Hostships            []Hostship `json:"hostships"`
}

// PositionalUser is PositionalUserDto: a user with a role in something
// (an author, a host, a team member).
type PositionalUser struct {
	User
	Position *string `json:"position"`
}

// Tag is TagDto.
type Tag struct {
	ID             string    `json:"id"`
	Name           string    `json:"name"`
	NormalizedName string    `json:"normalizedName"`
	Description    *string   `json:"description"`
	DateCreated    time.Time `json:"dateCreated"`
}

// ChartLevelCount is ChartLevelDto: how many charts a song has at a level.
type ChartLevelCount struct {
	LevelType ChartLevel `json:"levelType"`
	Count     int        `json:"count"`
}

// Song is SongDto. ChartLevels and DateLiked are filled when answering.
type Song struct {
	ID              string            `json:"id"`
	Title           string            `json:"title"`
	EditionType     EditionType       `json:"editionType"`
	Edition         *string           `json:"edition"`
	AuthorName      *string           `json:"authorName"`
	File            string            `json:"file"`
	FileChecksum    string            `json:"fileChecksum"`
	Illustration    string            `json:"illustration"`
	Illustrator     string            `json:"illustrator"`
	Description     *string           `json:"description"`
	Accessibility   Accessibility     `json:"accessibility"`
	IsHidden        bool              `json:"isHidden"`
	IsLocked        bool              `json:"isLocked"`
	Lyrics          *string           `json:"lyrics"`
	Bpm             float64           `json:"bpm"`
	MinBpm          float64           `json:"minBpm"`
	MaxBpm          float64           `json:"maxBpm"`
	Offset          int               `json:"offset"`
	License         *string           `json:"license"`
	IsOriginal      bool              `json:"isOriginal"`
	Duration        TimeSpan          `json:"duration"`
	PreviewStart    TimeSpan          `json:"previewStart"`
	PreviewEnd      TimeSpan          `json:"previewEnd"`
	ChartLevels     []ChartLevelCount `json:"chartLevels"`
	Tags            []Tag             `json:"tags"`
	PlayCount       int64             `json:"playCount"`
	LikeCount       int               `json:"likeCount"`
	OwnerID         int               `json:"ownerId"`
	DateCreated     time.Time         `json:"dateCreated"`
	DateFileUpdated time.Time         `json:"dateFileUpdated"`
	DateUpdated     time.Time         `json:"dateUpdated"`
	DateLiked       *time.Time        `json:"dateLiked"`
}

// ChartAsset is ChartAssetDto. The data set has none; the type exists so
// that Chart.Assets has the upstream's shape.
type ChartAsset struct {
	ID          string    `json:"id"`
	OwnerID     *int      `json:"ownerId"`
	ChartID     string    `json:"chartId"`
	Type        int       `json:"type"`
	Name        string    `json:"name"`
	File        string    `json:"file"`
	DateCreated time.Time `json:"dateCreated"`
	DateUpdated time.Time `json:"dateUpdated"`
}

// Chart is ChartDto. Song and DateLiked are filled when answering.
type Chart struct {
	ID                    string        `json:"id"`
	Title                 *string       `json:"title"`
	LevelType             ChartLevel    `json:"levelType"`
	Level                 string        `json:"level"`
	Difficulty            float64       `json:"difficulty"`
	Format                ChartFormat   `json:"format"`
	File                  *string       `json:"file"`
	FileChecksum          *string       `json:"fileChecksum"`
	AuthorName            *string       `json:"authorName"`
	Illustration          *string       `json:"illustration"`
	Illustrator           *string       `json:"illustrator"`
	Description           *string       `json:"description"`
	Accessibility         Accessibility `json:"accessibility"`
	IsHidden              bool          `json:"isHidden"`
	IsLocked              bool          `json:"isLocked"`
	IsRanked              bool          `json:"isRanked"`
	NoteCount             int           `json:"noteCount"`
	Score                 float64       `json:"score"`
	Rating                float64       `json:"rating"`
	RatingOnArrangement   float64       `json:"ratingOnArrangement"`
	RatingOnGameplay      float64       `json:"ratingOnGameplay"`
	RatingOnVisualEffects float64       `json:"ratingOnVisualEffects"`
	RatingOnCreativity    float64       `json:"ratingOnCreativity"`
	RatingOnConcord       float64       `json:"ratingOnConcord"`
	RatingOnImpression    float64       `json:"ratingOnImpression"`
	Tags                  []Tag         `json:"tags"`
	Assets                []ChartAsset  `json:"assets"`
	SongID                string        `json:"songId"`
	Song                  *Song         `json:"song"`
	PlayCount             int64         `json:"playCount"`
	LikeCount             int           `json:"likeCount"`
	OwnerID               int           `json:"ownerId"`
	DateCreated           time.Time     `json:"dateCreated"`
	DateFileUpdated       time.Time     `json:"dateFileUpdated"`
	DateUpdated           time.Time     `json:"dateUpdated"`
	DateLiked             *time.Time    `json:"dateLiked"`
}

// ChartDetailed is ChartDetailedDto, the answer of GET /charts/{id}: the
// personal bests are the caller's, null when anonymous or without records.
type ChartDetailed struct {
	Chart
	PersonalBestScore    *int     `json:"personalBestScore"`
	PersonalBestAccuracy *float64 `json:"personalBestAccuracy"`
	PersonalBestRks      *float64 `json:"personalBestRks"`
}

// Record is RecordDto. Chart, Owner, Position and DateLiked are filled when
// answering.
type Record struct {
	ID              string     `json:"id"`
	Score           int        `json:"score"`
	Accuracy        float64    `json:"accuracy"`
	IsFullCombo     bool       `json:"isFullCombo"`
	MaxCombo        int        `json:"maxCombo"`
	Perfect         int        `json:"perfect"`
	GoodEarly       int        `json:"goodEarly"`
	GoodLate        int        `json:"goodLate"`
	Bad             int        `json:"bad"`
	Miss            int        `json:"miss"`
	StdDeviation    float64    `json:"stdDeviation"`
	Rks             float64    `json:"rks"`
	Position        *int       `json:"position"`
	PerfectJudgment int        `json:"perfectJudgment"`
	GoodJudgment    int        `json:"goodJudgment"`
	DeviceInfo      *string    `json:"deviceInfo"`
	ApplicationID   string     `json:"applicationId"`
	ChartID         string     `json:"chartId"`
	Chart           *Chart     `json:"chart"`
	LikeCount       int        `json:"likeCount"`
	OwnerID         int        `json:"ownerId"`
	Owner           *User      `json:"owner"`
	DateCreated     time.Time  `json:"dateCreated"`
	DateLiked       *time.Time `json:"dateLiked"`
}

// Comment is CommentDto, on a chart, a song or an event (ResourceID).
type Comment struct {
	ID          string     `json:"id"`
	ResourceID  string     `json:"resourceId"`
	Content     string     `json:"content"`
	Language    string     `json:"language"`
	ReplyCount  int        `json:"replyCount"`
	LikeCount   int        `json:"likeCount"`
	OwnerID     int        `json:"ownerId"`
	Owner       *User      `json:"owner"`
	DateCreated time.Time  `json:"dateCreated"`
	DateLiked   *time.Time `json:"dateLiked"`
}

// Reply is ReplyDto.
type Reply struct {
	ID          string     `json:"id"`
	CommentID   string     `json:"commentId"`
	Content     string     `json:"content"`
	Language    string     `json:"language"`
	LikeCount   int        `json:"likeCount"`
	OwnerID     int        `json:"ownerId"`
	Owner       *User      `json:"owner"`
	DateCreated time.Time  `json:"dateCreated"`
	DateLiked   *time.Time `json:"dateLiked"`
}

// DivisionSummary is DivisionDto, the short form of a division in EventDto.
type DivisionSummary struct {
	Title    string              `json:"title"`
	Subtitle *string             `json:"subtitle"`
	Type     EventDivisionType   `json:"type"`
	Status   EventDivisionStatus `json:"status"`
}

// Event is EventDto. Divisions, Hosts and DateLiked are filled when
// answering.
type Event struct {
	ID            string            `json:"id"`
	Title         string            `json:"title"`
	Subtitle      *string           `json:"subtitle"`
	Illustration  string            `json:"illustration"`
	Illustrator   string            `json:"illustrator"`
	Description   *string           `json:"description"`
	Accessibility Accessibility     `json:"accessibility"`
	IsHidden      bool              `json:"isHidden"`
	IsLocked      bool              `json:"isLocked"`
	Divisions     []DivisionSummary `json:"divisions"`
	LikeCount     int               `json:"likeCount"`
	OwnerID       int               `json:"ownerId"`
	DateCreated   time.Time         `json:"dateCreated"`
	DateUpdated   time.Time         `json:"dateUpdated"`
	DateUnveiled  time.Time         `json:"dateUnveiled"`
	DateLiked     *time.Time        `json:"dateLiked"`
	Hosts         []PositionalUser  `json:"hosts"`
}

// EventDivision is EventDivisionDto. TeamCount, DateLiked and Team (the
// caller's team) are filled when answering.
type EventDivision struct {
	ID                         string              `json:"id"`
	Title                      string              `json:"title"`
	Subtitle                   *string             `json:"subtitle"`
	Type                       EventDivisionType   `json:"type"`
	Status                     EventDivisionStatus `json:"status"`
	Illustration               *string             `json:"illustration"`
	Illustrator                *string             `json:"illustrator"`
	Description                *string             `json:"description"`
	Accessibility              Accessibility       `json:"accessibility"`
	IsHidden                   bool                `json:"isHidden"`
	IsLocked                   bool                `json:"isLocked"`
	TagID                      *string             `json:"tagId"`
	MinTeamCount               *int                `json:"minTeamCount"`
	MaxTeamCount               *int                `json:"maxTeamCount"`
	MinParticipantPerTeamCount *int                `json:"minParticipantPerTeamCount"`
	MaxParticipantPerTeamCount *int                `json:"maxParticipantPerTeamCount"`
	MinSubmissionCount         *int                `json:"minSubmissionCount"`
	MaxSubmissionCount         *int                `json:"maxSubmissionCount"`
	Anonymization              bool                `json:"anonymization"`
	SuggestedEntrySearch       *string             `json:"suggestedEntrySearch"`
	LikeCount                  int                 `json:"likeCount"`
	OwnerID                    int                 `json:"ownerId"`
	EventID                    string              `json:"eventId"`
	DateCreated                time.Time           `json:"dateCreated"`
	DateUnveiled               time.Time           `json:"dateUnveiled"`
	DateStarted                time.Time           `json:"dateStarted"`
	DateEnded                  time.Time           `json:"dateEnded"`
	TeamCount                  int                 `json:"teamCount"`
	EntryCount                 int                 `json:"entryCount"`
	DateLiked                  *time.Time          `json:"dateLiked"`
	Team                       *EventTeam          `json:"team"`

	// DateUpdated is a model column that filters reach.
	DateUpdated time.Time `json:"-"`
}

// EventTeam is EventTeamDto. Participants, Position and DateLiked are
// filled when answering.
type EventTeam struct {
	ID                      string              `json:"id"`
	Name                    string              `json:"name"`
	Icon                    *string             `json:"icon"`
	Description             *string             `json:"description"`
	Status                  ParticipationStatus `json:"status"`
	ClaimedParticipantCount int                 `json:"claimedParticipantCount"`
	ClaimedSubmissionCount  int                 `json:"claimedSubmissionCount"`
	Score                   *float64            `json:"score"`
	Position                *int                `json:"position"`
	DivisionID              string              `json:"divisionId"`
	LikeCount               int                 `json:"likeCount"`
	OwnerID                 int                 `json:"ownerId"`
	DateCreated             time.Time           `json:"dateCreated"`
	DateLiked               *time.Time          `json:"dateLiked"`
	Participants            []PositionalUser    `json:"participants"`

	// IsUnveiled says whether anyone may see the team.
	IsUnveiled bool `json:"-"`
}

// Hostship is HostshipDto: a user hosting an event. It has no ID; the
// upstream orders hostships by EventId by default.
type Hostship struct {
	EventID     string   `json:"eventId"`
	UserID      int      `json:"userId"`
	IsAdmin     bool     `json:"isAdmin"`
	Position    *string  `json:"position"`
	IsUnveiled  bool     `json:"isUnveiled"`
	Permissions []uint32 `json:"permissions"`
}

// Authorship says a user took part in a chart or a song (ResourceID). The
// API answers it as a PositionalUser.
type Authorship struct {
	ID          string
	ResourceID  string
	AuthorID    int
	Position    *string
	DateCreated time.Time
}

// Participation puts a user in an event team.
type Participation struct {
	TeamID        string
	ParticipantID int
	Position      *string
	DateCreated   time.Time
}

// UserRelation says FollowerID follows FolloweeID. It has no ID; the
// upstream orders relations by DateCreated by default.
type UserRelation struct {
	FollowerID  int
	FolloweeID  int
	Type        UserRelationType
	DateCreated time.Time
}

// Like says OwnerID liked the resource ResourceID; callers see it as the
// dateLiked of that resource.
type Like struct {
	ID          string
	ResourceID  string
	OwnerID     int
	DateCreated time.Time
}
