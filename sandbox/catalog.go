package sandbox

import "time"

// Catalog is the data of the catalog and social area: chapters and
// collections with their admissions, announcements, applications, votes,
// notifications, the PhiZone Entrance Test and play configurations. Its
// comments and likes go to Data.Comments and Data.Likes, beside the core's,
// as the upstream keeps one table of each.
type Catalog struct {
	Chapters           []Chapter
	Collections        []Collection
	ChapterAdmissions  []Admission
	CollectionAdmits   []Admission
	Announcements      []Announcement
	Applications       []Application
	Votes              []Vote
	Notifications      []Notification
	PetQuestions       []PetQuestion
	PetAnswers         []PetAnswer
	PlayConfigurations []PlayConfiguration
	Headline           *string

	idx catalogIndex
}

type catalogIndex struct {
	chapters, collections, announcements map[string]int
	applications, notifications          map[string]int
	petAnswers, playConfigurations       map[string]int
	petQuestions                         map[string]int
}

func init() {
	areaIndexers["catalog"] = func(d *Data) {
		c := &d.Areas.Catalog
		c.idx = catalogIndex{
			chapters:           indexBy(c.Chapters, func(v *Chapter) string { return v.ID }),
			collections:        indexBy(c.Collections, func(v *Collection) string { return v.ID }),
			announcements:      indexBy(c.Announcements, func(v *Announcement) string { return v.ID }),
			applications:       indexBy(c.Applications, func(v *Application) string { return v.ID }),
			notifications:      indexBy(c.Notifications, func(v *Notification) string { return v.ID }),
			petAnswers:         indexBy(c.PetAnswers, func(v *PetAnswer) string { return v.ID }),
			petQuestions:       indexBy(c.PetQuestions, func(v *PetQuestion) string { return v.ID }),
			playConfigurations: indexBy(c.PlayConfigurations, func(v *PlayConfiguration) string { return v.ID }),
		}
	}
}

func indexBy[T any](items []T, id func(*T) string) map[string]int {
	m := make(map[string]int, len(items))
	for i := range items {
		m[id(&items[i])] = i
	}
	return m
}

// Chapter returns the chapter with the ID, or nil.
func (d *Data) Chapter(id string) *Chapter {
	return lookup(d.Areas.Catalog.Chapters, d.Areas.Catalog.idx.chapters, id)
}

// Collection returns the collection with the ID, or nil.
func (d *Data) Collection(id string) *Collection {
	return lookup(d.Areas.Catalog.Collections, d.Areas.Catalog.idx.collections, id)
}

// Chapter is ChapterDto: a curated set of songs.
type Chapter struct {
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

// Collection is CollectionDto: a curated set of charts. It has the shape
// of a chapter.
type Collection Chapter

// Admission puts a song in a chapter or a chart in a collection (the
// upstream's Admission model): AdmitterID is the chapter or collection,
// AdmitteeID the song or chart.
type Admission struct {
	AdmitterID  string
	AdmitteeID  string
	Status      RequestStatus
	Label       *string
	RequesterID int
	RequesteeID int
	DateCreated time.Time
}

// Announcement is AnnouncementDto.
type Announcement struct {
	ID           string             `json:"id"`
	Title        string             `json:"title"`
	Content      string             `json:"content"`
	LikeCount    int                `json:"likeCount"`
	ResourceID   *string            `json:"resourceId"`
	ResourceType PublicResourceType `json:"resourceType"`
	OwnerID      int                `json:"ownerId"`
	DateCreated  time.Time          `json:"dateCreated"`
	DateUpdated  time.Time          `json:"dateUpdated"`
	DateLiked    *time.Time         `json:"dateLiked"`
}

// Application is ApplicationDto.
type Application struct {
	ID           string          `json:"id"`
	Avatar       string          `json:"avatar"`
	Name         string          `json:"name"`
	Illustration string          `json:"illustration"`
	Illustrator  string          `json:"illustrator"`
	Description  *string         `json:"description"`
	Homepage     string          `json:"homepage"`
	APIEndpoint  *string         `json:"apiEndpoint"`
	Type         ApplicationType `json:"type"`
	LikeCount    int             `json:"likeCount"`
	OwnerID      int             `json:"ownerId"`
	DateCreated  time.Time       `json:"dateCreated"`
	DateUpdated  time.Time       `json:"dateUpdated"`
	DateLiked    *time.Time      `json:"dateLiked"`
}

// Vote is VoteDto: a rating of a chart.
type Vote struct {
	ID            string    `json:"id"`
	ChartID       string    `json:"chartId"`
	Arrangement   int       `json:"arrangement"`
	Gameplay      int       `json:"gameplay"`
	VisualEffects int       `json:"visualEffects"`
	Creativity    int       `json:"creativity"`
	Concord       int       `json:"concord"`
	Impression    int       `json:"impression"`
	Total         int       `json:"total"`
	Multiplier    float64   `json:"multiplier"`
	OwnerID       int       `json:"ownerId"`
	DateCreated   time.Time `json:"dateCreated"`
}

// Notification is NotificationDto; Operator is filled when answering.
type Notification struct {
	ID          string           `json:"id"`
	Type        NotificationType `json:"type"`
	Content     string           `json:"content"`
	Operator    *User            `json:"operator"`
	OwnerID     int              `json:"ownerId"`
	DateCreated time.Time        `json:"dateCreated"`
	DateRead    *time.Time       `json:"dateRead"`

	// OperatorID is the model column that the operator filters reach.
	OperatorID *int `json:"-"`
}

// PetQuestion is a question of the PhiZone Entrance Test; the API answers
// it as PetQuestionDto, without its ID.
type PetQuestion struct {
	ID       string          `json:"-"`
	Position int             `json:"position"`
	Type     PetQuestionType `json:"type"`
	Content  string          `json:"content"`
	Language string          `json:"language"`
	Choices  []string        `json:"choices"`
}

// PetAnswer is a user's answers to the test (the upstream's PetAnswer
// model, whose questions are IDs); petAnswerDto is how the API shows it.
type PetAnswer struct {
	ID              string
	Question1       string
	Answer1         string
	Question2       string
	Answer2         string
	Question3       string
	Answer3         string
	Chart           string
	ObjectiveScore  int
	SubjectiveScore *int
	TotalScore      *int
	OwnerID         int
	AssessorID      *int
	DateCreated     time.Time
	DateUpdated     time.Time
}

// PlayConfiguration is PlayConfigurationResponseDto.
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

// PublicResourceType is the kind of resource an announcement is about.
type PublicResourceType int

func (PublicResourceType) names() []string {
	return []string{"Chapter", "Collection", "Song", "Chart", "Event", "EventDivision"}
}

// ApplicationType is the kind of an application.
type ApplicationType int

func (ApplicationType) names() []string {
	return []string{"WebPlayer", "WebTool", "MobilePlayer", "MobileTool", "DesktopPlayer", "DesktopTool", "Service", "AuthProvider"}
}

// NotificationType is what a notification is about.
type NotificationType int

func (NotificationType) names() []string {
	return []string{"Mentions", "Replies", "Likes", "Requests", "Updates", "System"}
}

// PetQuestionType is how a test question is answered.
type PetQuestionType int

func (PetQuestionType) names() []string { return []string{"Single", "Multiple", "Subjective"} }

// ChartMirroringMode is how a player mirrors charts.
type ChartMirroringMode int

func (ChartMirroringMode) names() []string {
	return []string{"Off", "Horizontal", "Vertical", "HorizontalAndVertical"}
}

// RequestStatus is the state of an admission.
type RequestStatus int

// RequestStatus values.
const (
	RequestWaiting RequestStatus = iota
	RequestApproved
	RequestRejected
)

func (RequestStatus) names() []string { return []string{"Waiting", "Approved", "Rejected"} }
