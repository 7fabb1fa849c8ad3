package upstream

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
)

// Unknown is the GraphQL name shown for an enum integer the facade does
// not know; newer upstream versions add values, and an unknown one must
// never fail a query.
const Unknown = "UNKNOWN"

// enumNames lists the GraphQL names of an upstream enum by integer value.
type enumNames []string

func (n enumNames) name(v int) string {
	if v < 0 || v >= len(n) {
		return Unknown
	}

	return n[v]
}

func (n enumNames) marshal(w io.Writer, enum string, v int) {
	name := n.name(v)
	if name == Unknown {
		slog.Debug("unknown upstream enum value", "enum", enum, "value", v)
	}

	_, _ = io.WriteString(w, strconv.Quote(name))
}

func (n enumNames) unmarshal(v any, enum string, dst *int) error {
	s, ok := v.(string)
	if !ok {
		return &InputError{fmt.Sprintf("%s must be an enum name, not %T", enum, v)}
	}

	if s == Unknown {
		return &InputError{fmt.Sprintf("%s is output only in %s: it stands for a value this facade does not know, "+
			"and is never accepted as input", Unknown, enum)}
	}
	for i, name := range n {
		if name == s {
			*dst = i
			return nil
		}
	}

	return &InputError{fmt.Sprintf("%q is not a value of %s", s, enum)}
}

// InputError is a value from a caller that a type of this package cannot
// take, such as an enum name it does not know.
type InputError struct{ msg string }

func (e *InputError) Error() string { return e.msg }

// BadInput marks the error as the caller's.
func (e *InputError) BadInput() bool { return true }

// UnmarshalJSON reads a role as the upstream writes it in user objects:
// by name ("Administrator"), or as its integer in other places.
func (e *UserRole) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		var v int
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("user role: %w", err)
		}

		*e = UserRole(v)
		return nil
	}

	*e = UserRole(-1)
	for i, n := range userRoleNames {
		if strings.EqualFold(strings.ReplaceAll(n, "_", ""), name) {
			*e = UserRole(i)
		}
	}

	return nil
}

// ChartLevel is a chart's difficulty level, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type ChartLevel int

const (
	// ChartLevelEZ is the upstream's EZ (0).
	ChartLevelEZ ChartLevel = 0
	// ChartLevelHD is the upstream's HD (1).
	ChartLevelHD ChartLevel = 1
	// ChartLevelIN is the upstream's IN (2).
	ChartLevelIN ChartLevel = 2
	// ChartLevelAT is the upstream's AT (3).
	ChartLevelAT ChartLevel = 3
	// ChartLevelSP is the upstream's SP (4).
	ChartLevelSP ChartLevel = 4
	// ChartLevelDZ is the upstream's DZ (5).
	ChartLevelDZ ChartLevel = 5
	// ChartLevelSK is the upstream's SK (6).
	ChartLevelSK ChartLevel = 6
	// ChartLevelCB is the upstream's CB (7).
	ChartLevelCB ChartLevel = 7
	// ChartLevelCL is the upstream's CL (8).
	ChartLevelCL ChartLevel = 8
)

var chartLevelNames = enumNames{
	"EZ", "HD", "IN", "AT", "SP", "DZ", "SK", "CB", "CL",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ChartLevel) String() string { return chartLevelNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ChartLevel) MarshalGQL(w io.Writer) { chartLevelNames.marshal(w, "ChartLevelType", int(e)) }

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ChartLevel) UnmarshalGQL(v any) error {
	// Errors name the GraphQL enum, ChartLevelType, not this Go type.
	return chartLevelNames.unmarshal(v, "ChartLevelType", (*int)(e))
}

// ChartFormat is the file format of a chart, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type ChartFormat int

const (
	// ChartFormatRpeJson is the upstream's RpeJson (0).
	ChartFormatRpeJson ChartFormat = 0
	// ChartFormatPec is the upstream's Pec (1).
	ChartFormatPec ChartFormat = 1
	// ChartFormatPhiZone is the upstream's PhiZone (2).
	ChartFormatPhiZone ChartFormat = 2
	// ChartFormatPhigrim is the upstream's Phigrim (3).
	ChartFormatPhigrim ChartFormat = 3
	// ChartFormatMilthm is the upstream's Milthm (4).
	ChartFormatMilthm ChartFormat = 4
	// ChartFormatUnsupported is the upstream's Unsupported (5).
	ChartFormatUnsupported ChartFormat = 5
)

var chartFormatNames = enumNames{
	"RPE_JSON", "PEC", "PHI_ZONE", "PHIGRIM", "MILTHM", "UNSUPPORTED",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ChartFormat) String() string { return chartFormatNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ChartFormat) MarshalGQL(w io.Writer) { chartFormatNames.marshal(w, "ChartFormat", int(e)) }

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ChartFormat) UnmarshalGQL(v any) error {
	return chartFormatNames.unmarshal(v, "ChartFormat", (*int)(e))
}

// Accessibility is who may attach content (such as charts to a song) to a resource, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type Accessibility int

const (
	// AccessibilityAllowAny is the upstream's AllowAny (0).
	AccessibilityAllowAny Accessibility = 0
	// AccessibilityRequireReview is the upstream's RequireReview (1).
	AccessibilityRequireReview Accessibility = 1
	// AccessibilityRefuseAny is the upstream's RefuseAny (2).
	AccessibilityRefuseAny Accessibility = 2
)

var accessibilityNames = enumNames{
	"ALLOW_ANY", "REQUIRE_REVIEW", "REFUSE_ANY",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e Accessibility) String() string { return accessibilityNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e Accessibility) MarshalGQL(w io.Writer) {
	accessibilityNames.marshal(w, "Accessibility", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *Accessibility) UnmarshalGQL(v any) error {
	return accessibilityNames.unmarshal(v, "Accessibility", (*int)(e))
}

// Gender is a user's stated gender, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type Gender int

const (
	// GenderUnset is the upstream's Unset (0).
	GenderUnset Gender = 0
	// GenderMale is the upstream's Male (1).
	GenderMale Gender = 1
	// GenderFemale is the upstream's Female (2).
	GenderFemale Gender = 2
)

var genderNames = enumNames{
	"UNSET", "MALE", "FEMALE",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e Gender) String() string { return genderNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e Gender) MarshalGQL(w io.Writer) { genderNames.marshal(w, "Gender", int(e)) }

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *Gender) UnmarshalGQL(v any) error { return genderNames.unmarshal(v, "Gender", (*int)(e)) }

// UserRole is a user's role on the site, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type UserRole int

const (
	// UserRoleUnactivated is the upstream's Unactivated (0).
	UserRoleUnactivated UserRole = 0
	// UserRoleMember is the upstream's Member (1).
	UserRoleMember UserRole = 1
	// UserRoleSponsor is the upstream's Sponsor (2).
	UserRoleSponsor UserRole = 2
	// UserRoleQualified is the upstream's Qualified (3).
	UserRoleQualified UserRole = 3
	// UserRoleVolunteer is the upstream's Volunteer (4).
	UserRoleVolunteer UserRole = 4
	// UserRoleModerator is the upstream's Moderator (5).
	UserRoleModerator UserRole = 5
	// UserRoleAdministrator is the upstream's Administrator (6).
	UserRoleAdministrator UserRole = 6
)

var userRoleNames = enumNames{
	"UNACTIVATED", "MEMBER", "SPONSOR", "QUALIFIED", "VOLUNTEER", "MODERATOR", "ADMINISTRATOR",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e UserRole) String() string { return userRoleNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e UserRole) MarshalGQL(w io.Writer) { userRoleNames.marshal(w, "UserRole", int(e)) }

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *UserRole) UnmarshalGQL(v any) error {
	return userRoleNames.unmarshal(v, "UserRole", (*int)(e))
}

// EventDivisionType is what an event division collects, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type EventDivisionType int

const (
	// EventDivisionTypeSong is the upstream's Song (0).
	EventDivisionTypeSong EventDivisionType = 0
	// EventDivisionTypeChart is the upstream's Chart (1).
	EventDivisionTypeChart EventDivisionType = 1
	// EventDivisionTypePlay is the upstream's Play (2).
	EventDivisionTypePlay EventDivisionType = 2
)

var eventDivisionTypeNames = enumNames{
	"SONG", "CHART", "PLAY",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e EventDivisionType) String() string { return eventDivisionTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e EventDivisionType) MarshalGQL(w io.Writer) {
	eventDivisionTypeNames.marshal(w, "EventDivisionType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *EventDivisionType) UnmarshalGQL(v any) error {
	return eventDivisionTypeNames.unmarshal(v, "EventDivisionType", (*int)(e))
}

// EventDivisionStatus is the stage an event division is in, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type EventDivisionStatus int

const (
	// EventDivisionStatusCreated is the upstream's Created (0).
	EventDivisionStatusCreated EventDivisionStatus = 0
	// EventDivisionStatusUnveiled is the upstream's Unveiled (1).
	EventDivisionStatusUnveiled EventDivisionStatus = 1
	// EventDivisionStatusStarted is the upstream's Started (2).
	EventDivisionStatusStarted EventDivisionStatus = 2
	// EventDivisionStatusEnded is the upstream's Ended (3).
	EventDivisionStatusEnded EventDivisionStatus = 3
)

var eventDivisionStatusNames = enumNames{
	"CREATED", "UNVEILED", "STARTED", "ENDED",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e EventDivisionStatus) String() string { return eventDivisionStatusNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e EventDivisionStatus) MarshalGQL(w io.Writer) {
	eventDivisionStatusNames.marshal(w, "EventDivisionStatus", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *EventDivisionStatus) UnmarshalGQL(v any) error {
	return eventDivisionStatusNames.unmarshal(v, "EventDivisionStatus", (*int)(e))
}

// EditionType is how a song relates to its original, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type EditionType int

const (
	// EditionTypeOriginal is the upstream's Original (0).
	EditionTypeOriginal EditionType = 0
	// EditionTypeEditedByAuthor is the upstream's EditedByAuthor (1).
	EditionTypeEditedByAuthor EditionType = 1
	// EditionTypeEditedBySecondParty is the upstream's EditedBySecondParty (2).
	EditionTypeEditedBySecondParty EditionType = 2
	// EditionTypeEditedByUploaderLicensed is the upstream's EditedByUploaderLicensed (3).
	EditionTypeEditedByUploaderLicensed EditionType = 3
	// EditionTypeEditedByUploaderUnlicensed is the upstream's EditedByUploaderUnlicensed (4).
	EditionTypeEditedByUploaderUnlicensed EditionType = 4
	// EditionTypeEditedByThirdParty is the upstream's EditedByThirdParty (5).
	EditionTypeEditedByThirdParty EditionType = 5
)

var editionTypeNames = enumNames{
	"ORIGINAL", "EDITED_BY_AUTHOR", "EDITED_BY_SECOND_PARTY", "EDITED_BY_UPLOADER_LICENSED", "EDITED_BY_UPLOADER_UNLICENSED", "EDITED_BY_THIRD_PARTY",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e EditionType) String() string { return editionTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e EditionType) MarshalGQL(w io.Writer) { editionTypeNames.marshal(w, "EditionType", int(e)) }

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *EditionType) UnmarshalGQL(v any) error {
	return editionTypeNames.unmarshal(v, "EditionType", (*int)(e))
}

// ParticipationStatus is the standing of a team in an event division, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type ParticipationStatus int

const (
	// ParticipationStatusRegistered is the upstream's Registered (0).
	ParticipationStatusRegistered ParticipationStatus = 0
	// ParticipationStatusPrepared is the upstream's Prepared (1).
	ParticipationStatusPrepared ParticipationStatus = 1
	// ParticipationStatusFinished is the upstream's Finished (2).
	ParticipationStatusFinished ParticipationStatus = 2
	// ParticipationStatusEliminated is the upstream's Eliminated (3).
	ParticipationStatusEliminated ParticipationStatus = 3
	// ParticipationStatusBanned is the upstream's Banned (4).
	ParticipationStatusBanned ParticipationStatus = 4
)

var participationStatusNames = enumNames{
	"REGISTERED", "PREPARED", "FINISHED", "ELIMINATED", "BANNED",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e ParticipationStatus) String() string { return participationStatusNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e ParticipationStatus) MarshalGQL(w io.Writer) {
	participationStatusNames.marshal(w, "ParticipationStatus", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *ParticipationStatus) UnmarshalGQL(v any) error {
	return participationStatusNames.unmarshal(v, "ParticipationStatus", (*int)(e))
}

// UserRelationType is the kind of a relation between two users, an integer on the wire.
// Values the facade does not know are kept and shown as UNKNOWN.
type UserRelationType int

const (
	// UserRelationTypeSpecial is the upstream's Special (0).
	UserRelationTypeSpecial UserRelationType = 0
	// UserRelationTypeFollowing is the upstream's Following (1).
	UserRelationTypeFollowing UserRelationType = 1
	// UserRelationTypeBlacklisted is the upstream's Blacklisted (2).
	UserRelationTypeBlacklisted UserRelationType = 2
)

var userRelationTypeNames = enumNames{
	"SPECIAL", "FOLLOWING", "BLACKLISTED",
}

// String returns the GraphQL name of e, or UNKNOWN.
func (e UserRelationType) String() string { return userRelationTypeNames.name(int(e)) }

// MarshalGQL writes e as a GraphQL enum value; an unknown value is UNKNOWN.
func (e UserRelationType) MarshalGQL(w io.Writer) {
	userRelationTypeNames.marshal(w, "UserRelationType", int(e))
}

// UnmarshalGQL reads a GraphQL enum value into e.
func (e *UserRelationType) UnmarshalGQL(v any) error {
	return userRelationTypeNames.unmarshal(v, "UserRelationType", (*int)(e))
}
