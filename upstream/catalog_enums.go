package upstream

import "io"

// Enums of the catalog and social areas (the upstream's Enums folder).

// PublicResourceType is the kind of public resource an announcement points to, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type PublicResourceType int

const (
	// PublicResourceTypeChapter is the upstream's Chapter (0).
	PublicResourceTypeChapter PublicResourceType = 0
	// PublicResourceTypeCollection is the upstream's Collection (1).
	PublicResourceTypeCollection PublicResourceType = 1
	// PublicResourceTypeSong is the upstream's Song (2).
	PublicResourceTypeSong PublicResourceType = 2
	// PublicResourceTypeChart is the upstream's Chart (3).
	PublicResourceTypeChart PublicResourceType = 3
	// PublicResourceTypeEvent is the upstream's Event (4).
	PublicResourceTypeEvent PublicResourceType = 4
	// PublicResourceTypeEventDivision is the upstream's EventDivision (5).
	PublicResourceTypeEventDivision PublicResourceType = 5
)

var publicResourceTypeNames = enumNames{
	"CHAPTER", "COLLECTION", "SONG", "CHART", "EVENT", "EVENT_DIVISION",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e PublicResourceType) String() string { return publicResourceTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e PublicResourceType) MarshalGQL(w io.Writer) {
	publicResourceTypeNames.marshal(w, "PublicResourceType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *PublicResourceType) UnmarshalGQL(v any) error {
	return publicResourceTypeNames.unmarshal(v, "PublicResourceType", (*int)(e))
}

// ApplicationType is what kind of program an application is, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type ApplicationType int

const (
	// ApplicationTypeWebPlayer is the upstream's WebPlayer (0).
	ApplicationTypeWebPlayer ApplicationType = 0
	// ApplicationTypeWebTool is the upstream's WebTool (1).
	ApplicationTypeWebTool ApplicationType = 1
	// ApplicationTypeMobilePlayer is the upstream's MobilePlayer (2).
	ApplicationTypeMobilePlayer ApplicationType = 2
	// ApplicationTypeMobileTool is the upstream's MobileTool (3).
	ApplicationTypeMobileTool ApplicationType = 3
	// ApplicationTypeDesktopPlayer is the upstream's DesktopPlayer (4).
	ApplicationTypeDesktopPlayer ApplicationType = 4
	// ApplicationTypeDesktopTool is the upstream's DesktopTool (5).
	ApplicationTypeDesktopTool ApplicationType = 5
	// ApplicationTypeService is the upstream's Service (6).
	ApplicationTypeService ApplicationType = 6
	// ApplicationTypeAuthProvider is the upstream's AuthProvider (7).
	ApplicationTypeAuthProvider ApplicationType = 7
)

var applicationTypeNames = enumNames{
	"WEB_PLAYER", "WEB_TOOL", "MOBILE_PLAYER", "MOBILE_TOOL", "DESKTOP_PLAYER", "DESKTOP_TOOL", "SERVICE", "AUTH_PROVIDER",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ApplicationType) String() string { return applicationTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ApplicationType) MarshalGQL(w io.Writer) {
	applicationTypeNames.marshal(w, "ApplicationType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ApplicationType) UnmarshalGQL(v any) error {
	return applicationTypeNames.unmarshal(v, "ApplicationType", (*int)(e))
}

// NotificationType is what a notification is about, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type NotificationType int

const (
	// NotificationTypeMentions is the upstream's Mentions (0).
	NotificationTypeMentions NotificationType = 0
	// NotificationTypeReplies is the upstream's Replies (1).
	NotificationTypeReplies NotificationType = 1
	// NotificationTypeLikes is the upstream's Likes (2).
	NotificationTypeLikes NotificationType = 2
	// NotificationTypeRequests is the upstream's Requests (3).
	NotificationTypeRequests NotificationType = 3
	// NotificationTypeUpdates is the upstream's Updates (4).
	NotificationTypeUpdates NotificationType = 4
	// NotificationTypeSystem is the upstream's System (5).
	NotificationTypeSystem NotificationType = 5
)

var notificationTypeNames = enumNames{
	"MENTIONS", "REPLIES", "LIKES", "REQUESTS", "UPDATES", "SYSTEM",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e NotificationType) String() string { return notificationTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e NotificationType) MarshalGQL(w io.Writer) {
	notificationTypeNames.marshal(w, "NotificationType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *NotificationType) UnmarshalGQL(v any) error {
	return notificationTypeNames.unmarshal(v, "NotificationType", (*int)(e))
}

// PetQuestionType is how a question of the PhiZone Entrance Test is answered, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type PetQuestionType int

const (
	// PetQuestionTypeSingle is the upstream's Single (0).
	PetQuestionTypeSingle PetQuestionType = 0
	// PetQuestionTypeMultiple is the upstream's Multiple (1).
	PetQuestionTypeMultiple PetQuestionType = 1
	// PetQuestionTypeSubjective is the upstream's Subjective (2).
	PetQuestionTypeSubjective PetQuestionType = 2
)

var petQuestionTypeNames = enumNames{
	"SINGLE", "MULTIPLE", "SUBJECTIVE",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e PetQuestionType) String() string { return petQuestionTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e PetQuestionType) MarshalGQL(w io.Writer) {
	petQuestionTypeNames.marshal(w, "PetQuestionType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *PetQuestionType) UnmarshalGQL(v any) error {
	return petQuestionTypeNames.unmarshal(v, "PetQuestionType", (*int)(e))
}

// ChartMirroringMode is how a player mirrors charts, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type ChartMirroringMode int

const (
	// ChartMirroringModeOff is the upstream's Off (0).
	ChartMirroringModeOff ChartMirroringMode = 0
	// ChartMirroringModeHorizontal is the upstream's Horizontal (1).
	ChartMirroringModeHorizontal ChartMirroringMode = 1
	// ChartMirroringModeVertical is the upstream's Vertical (2).
	ChartMirroringModeVertical ChartMirroringMode = 2
	// ChartMirroringModeHorizontalAndVertical is the upstream's HorizontalAndVertical (3).
	ChartMirroringModeHorizontalAndVertical ChartMirroringMode = 3
)

var chartMirroringModeNames = enumNames{
	"OFF", "HORIZONTAL", "VERTICAL", "HORIZONTAL_AND_VERTICAL",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ChartMirroringMode) String() string { return chartMirroringModeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ChartMirroringMode) MarshalGQL(w io.Writer) {
	chartMirroringModeNames.marshal(w, "ChartMirroringMode", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ChartMirroringMode) UnmarshalGQL(v any) error {
	return chartMirroringModeNames.unmarshal(v, "ChartMirroringMode", (*int)(e))
}

// RequestStatus is the state of a request such as an admission, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type RequestStatus int

const (
	// RequestStatusWaiting is the upstream's Waiting (0).
	RequestStatusWaiting RequestStatus = 0
	// RequestStatusApproved is the upstream's Approved (1).
	RequestStatusApproved RequestStatus = 1
	// RequestStatusRejected is the upstream's Rejected (2).
	RequestStatusRejected RequestStatus = 2
)

var requestStatusNames = enumNames{
	"WAITING", "APPROVED", "REJECTED",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e RequestStatus) String() string { return requestStatusNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e RequestStatus) MarshalGQL(w io.Writer) {
	requestStatusNames.marshal(w, "RequestStatus", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *RequestStatus) UnmarshalGQL(v any) error {
	return requestStatusNames.unmarshal(v, "RequestStatus", (*int)(e))
}
