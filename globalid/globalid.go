// Package globalid makes the opaque global IDs of the GraphQL Node
// interface: one string that names both an object's type and its ID in the
// PhiZone API, so that node(id:) can find any object and clients can
// normalise their caches by ID alone.
//
// A global ID is the URL-safe base64 of "Type:id", such as "Chart:0b5d…".
// Clients must treat it as opaque; the encoding may change.
package globalid

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// ErrMalformed is the error of a string that is not a global ID.
var ErrMalformed = errors.New("not a global ID")

// Encode returns the global ID of the object of type typeName whose
// upstream ID is id.
func Encode(typeName, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typeName + ":" + id))
}

// Decode returns the type name and upstream ID a global ID stands for.
func Decode(gid string) (typeName, id string, err error) {
	raw, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil {
		return "", "", fmt.Errorf("%q: %w", gid, ErrMalformed)
	}

	typeName, id, ok := strings.Cut(string(raw), ":")
	if !ok || typeName == "" || id == "" || !validName(typeName) {
		return "", "", fmt.Errorf("%q: %w", gid, ErrMalformed)
	}
	return typeName, id, nil
}

// validName reports whether s could be a GraphQL type name.
func validName(s string) bool {
	for i, r := range s {
		letter := r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '_'
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Node is any object with a global ID: what the GraphQL Node interface
// holds in Go (a pointer to one of the upstream client's types).
type Node interface{}
