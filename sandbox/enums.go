package sandbox

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// An enum is an integer type whose values the upstream binds from query
// strings by name (case-insensitively) or by number; names lists the defined
// values in order, so a value's index is its number.
type enum interface {
	names() []string
}

// ChartLevel is a chart's level type. The source snapshot defines EZ..SP
// (0..4); the web client adds DZ, SK, CB and CL (5..8), which the sandbox
// accepts as well.
type ChartLevel int

// ChartLevel values.
const (
	LevelEZ ChartLevel = iota
	LevelHD
	LevelIN
	LevelAT
	LevelSP
	LevelDZ
	LevelSK
	LevelCB
	LevelCL
)

var chartLevelNames = []string{"EZ", "HD", "IN", "AT", "SP", "DZ", "SK", "CB", "CL"}

func (ChartLevel) names() []string { return chartLevelNames }

// String returns the level's abbreviation, or its number if undefined.
func (l ChartLevel) String() string { return enumString(l, int(l)) }

// ChartFormat is a chart file's format, in the order the web client knows:
// RpeJson, Pec, PhiZone, Phigrim, Milthm, Unsupported. The source snapshot
// has no Milthm and puts Unsupported at 4.
type ChartFormat int

// ChartFormat values.
const (
	FormatRpeJSON ChartFormat = iota
	FormatPec
	FormatPhiZone
	FormatPhigrim
	FormatMilthm
	FormatUnsupported
)

func (ChartFormat) names() []string {
	return []string{"RpeJson", "Pec", "PhiZone", "Phigrim", "Milthm", "Unsupported"}
}

// Accessibility says who may attach things to a resource.
type Accessibility int

// Accessibility values.
const (
	AllowAny Accessibility = iota
	RequireReview
	RefuseAny
)

func (Accessibility) names() []string { return []string{"AllowAny", "RequireReview", "RefuseAny"} }

// EditionType says which edition of a song a resource is.
type EditionType int

// EditionType values.
const (
	EditionOriginal EditionType = iota
	EditionEditedByAuthor
	EditionEditedBySecondParty
	EditionEditedByUploaderLicensed
	EditionEditedByUploaderUnlicensed
	EditionEditedByThirdParty
)

func (EditionType) names() []string {
	return []string{
		"Original", "EditedByAuthor", "EditedBySecondParty",
		"EditedByUploaderLicensed", "EditedByUploaderUnlicensed", "EditedByThirdParty",
	}
}

// Gender is a user's gender.
type Gender int

// Gender values.
const (
	GenderUnset Gender = iota
	GenderMale
	GenderFemale
)

func (Gender) names() []string { return []string{"Unset", "Male", "Female"} }

// UserRole is a user's role. In JSON it is written as its name
// ("Administrator"), as the upstream's UserDto.Role is a string.
type UserRole int

// UserRole values, from least to most privileged.
const (
	RoleUnactivated UserRole = iota
	RoleMember
	RoleSponsor
	RoleQualified
	RoleVolunteer
	RoleModerator
	RoleAdministrator
)

func (UserRole) names() []string {
	return []string{
		"Unactivated", "Member", "Sponsor", "Qualified", "Volunteer", "Moderator", "Administrator",
	}
}

// String returns the role's name, or its number if undefined.
func (r UserRole) String() string { return enumString(r, int(r)) }

// MarshalJSON writes the role as its name.
func (r UserRole) MarshalJSON() ([]byte, error) { return json.Marshal(r.String()) }

// UnmarshalJSON reads a role written by name; an unknown name is an
// error.
func (r *UserRole) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	n, ok := parseEnum(RoleUnactivated, s)
	if !ok {
		return fmt.Errorf("sandbox: unknown role %q", s)
	}
	*r = UserRole(n)
	return nil
}

// EventDivisionType is what an event division collects.
type EventDivisionType int

// EventDivisionType values.
const (
	DivisionSong EventDivisionType = iota
	DivisionChart
	DivisionPlay
)

func (EventDivisionType) names() []string { return []string{"Song", "Chart", "Play"} }

// EventDivisionStatus is an event division's phase.
type EventDivisionStatus int

// EventDivisionStatus values.
const (
	DivisionCreated EventDivisionStatus = iota
	DivisionUnveiled
	DivisionStarted
	DivisionEnded
)

func (EventDivisionStatus) names() []string {
	return []string{"Created", "Unveiled", "Started", "Ended"}
}

// ParticipationStatus is an event team's standing.
type ParticipationStatus int

// ParticipationStatus values.
const (
	TeamRegistered ParticipationStatus = iota
	TeamPrepared
	TeamFinished
	TeamEliminated
	TeamBanned
)

func (ParticipationStatus) names() []string {
	return []string{"Registered", "Prepared", "Finished", "Eliminated", "Banned"}
}

// UserRelationType is the kind of a follow relation.
type UserRelationType int

// UserRelationType values; Blacklisted relations are not follows.
const (
	RelationSpecial UserRelationType = iota
	RelationFollowing
	RelationBlacklisted
)

func (UserRelationType) names() []string { return []string{"Special", "Following", "Blacklisted"} }

// ResponseStatus is the envelope's status.
type ResponseStatus int

// ResponseStatus values.
const (
	StatusOk ResponseStatus = iota
	StatusErrorBrief
	StatusErrorDetailed
	StatusErrorWithMessage
	StatusErrorTemporarilyUnavailable
	StatusErrorWithData
	StatusFailed
)

func enumString(e enum, v int) string {
	if n := e.names(); v >= 0 && v < len(n) {
		return n[v]
	}
	return strconv.Itoa(v)
}
