// Package richtext reads PhiZone's inline markup: the tags with which
// author names, descriptions, comments and replies link to users, charts,
// songs and other resources, such as
//
//	[PZUser:1:Alice:PZRT]
//	[PZUserMention:1:Alice:PZRT]
//	[PZChart:0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e:Chart name:PZRT]
//	[PZSongAdmission:<admitter>:<admittee>:name:PZCRT]
//
// The grammar is the web client's (PhiZone/ui, src/lib/richtext.ts): a tag
// is "[PZ", a kind, ":", an ID (digits for users, hexadecimal digits and
// hyphens for the rest), ":", a non-empty display text on one line, and
// ":PZRT]"; admissions carry two IDs and end with ":PZCRT]". Kinds are
// matched case-insensitively, and each kind is applied in the web
// client's order, so a text that the web client shows as a link is a link
// here and everything else stays text.
//
// Parse never fails: unknown kinds, broken tags and stray brackets are
// text, and the segments it returns always concatenate (by Source) back
// to its input.
package richtext
