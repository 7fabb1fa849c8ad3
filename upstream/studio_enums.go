package upstream

import "io"

// The enums of the studio area (submissions, admissions, services),
// written like those of enums.go.

// ChartAssetType is the kind of file a chart asset is, an integer on the
// wire. Values the facade does not know are kept and shown as UNKNOWN.
type ChartAssetType int

const (
	// ChartAssetTypeImage is the upstream's Image (0).
	ChartAssetTypeImage ChartAssetType = 0
	// ChartAssetTypeAudio is the upstream's Audio (1).
	ChartAssetTypeAudio ChartAssetType = 1
	// ChartAssetTypeVideo is the upstream's Video (2).
	ChartAssetTypeVideo ChartAssetType = 2
	// ChartAssetTypeConfig is the upstream's Config (3).
	ChartAssetTypeConfig ChartAssetType = 3
	// ChartAssetTypeShader is the upstream's Shader (4).
	ChartAssetTypeShader ChartAssetType = 4
	// ChartAssetTypeOther is the upstream's Other (5).
	ChartAssetTypeOther ChartAssetType = 5
)

var chartAssetTypeNames = enumNames{
	"IMAGE", "AUDIO", "VIDEO", "CONFIG", "SHADER", "OTHER",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ChartAssetType) String() string { return chartAssetTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ChartAssetType) MarshalGQL(w io.Writer) {
	chartAssetTypeNames.marshal(w, "ChartAssetType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ChartAssetType) UnmarshalGQL(v any) error {
	return chartAssetTypeNames.unmarshal(v, "ChartAssetType", (*int)(e))
}

// ServiceTargetType is what a service script runs on, an integer on the
// wire. Values the facade does not know are kept and shown as UNKNOWN.
type ServiceTargetType int

const (
	// ServiceTargetTypeSongSubmission is the upstream's SongSubmission (0).
	ServiceTargetTypeSongSubmission ServiceTargetType = 0
	// ServiceTargetTypeChartSubmission is the upstream's ChartSubmission (1).
	ServiceTargetTypeChartSubmission ServiceTargetType = 1
	// ServiceTargetTypeFree is the upstream's Free (2).
	ServiceTargetTypeFree ServiceTargetType = 2
)

var serviceTargetTypeNames = enumNames{
	"SONG_SUBMISSION", "CHART_SUBMISSION", "FREE",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ServiceTargetType) String() string { return serviceTargetTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ServiceTargetType) MarshalGQL(w io.Writer) {
	serviceTargetTypeNames.marshal(w, "ServiceTargetType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ServiceTargetType) UnmarshalGQL(v any) error {
	return serviceTargetTypeNames.unmarshal(v, "ServiceTargetType", (*int)(e))
}

// ResourceRecordType is what kind of work a resource record describes, an
// integer on the wire. Values the facade does not know are kept and shown as UNKNOWN.
type ResourceRecordType int

const (
	// ResourceRecordTypeMusic is the upstream's Music (0).
	ResourceRecordTypeMusic ResourceRecordType = 0
	// ResourceRecordTypeIllustration is the upstream's Illustration (1).
	ResourceRecordTypeIllustration ResourceRecordType = 1
)

var resourceRecordTypeNames = enumNames{
	"MUSIC", "ILLUSTRATION",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ResourceRecordType) String() string { return resourceRecordTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ResourceRecordType) MarshalGQL(w io.Writer) {
	resourceRecordTypeNames.marshal(w, "ResourceRecordType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ResourceRecordType) UnmarshalGQL(v any) error {
	return resourceRecordTypeNames.unmarshal(v, "ResourceRecordType", (*int)(e))
}

// ResourceRecordStrategy is what PhiZone does with uploads that match a
// resource record, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type ResourceRecordStrategy int

const (
	// ResourceRecordStrategyAccept is the upstream's Accept (0).
	ResourceRecordStrategyAccept ResourceRecordStrategy = 0
	// ResourceRecordStrategyMakeHidden is the upstream's MakeHidden (1).
	ResourceRecordStrategyMakeHidden ResourceRecordStrategy = 1
	// ResourceRecordStrategyMakeLocked is the upstream's MakeLocked (2).
	ResourceRecordStrategyMakeLocked ResourceRecordStrategy = 2
	// ResourceRecordStrategyMakeHiddenAndLocked is the upstream's MakeHiddenAndLocked (3).
	ResourceRecordStrategyMakeHiddenAndLocked ResourceRecordStrategy = 3
	// ResourceRecordStrategyReject is the upstream's Reject (4).
	ResourceRecordStrategyReject ResourceRecordStrategy = 4
)

var resourceRecordStrategyNames = enumNames{
	"ACCEPT", "MAKE_HIDDEN", "MAKE_LOCKED", "MAKE_HIDDEN_AND_LOCKED", "REJECT",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ResourceRecordStrategy) String() string { return resourceRecordStrategyNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ResourceRecordStrategy) MarshalGQL(w io.Writer) {
	resourceRecordStrategyNames.marshal(w, "ResourceRecordStrategy", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ResourceRecordStrategy) UnmarshalGQL(v any) error {
	return resourceRecordStrategyNames.unmarshal(v, "ResourceRecordStrategy", (*int)(e))
}
