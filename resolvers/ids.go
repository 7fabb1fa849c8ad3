package resolvers

import (
	"strconv"

	"github.com/phizone/graphql-facade/upstream"
)

// The ID of each kind of parent, as its children's parent filter takes it.

func chartID(c *upstream.Chart) string            { return c.ID }
func songID(s *upstream.Song) string              { return s.ID }
func commentID(c *upstream.Comment) string        { return c.ID }
func eventID(e *upstream.Event) string            { return e.ID }
func divisionID(d *upstream.EventDivision) string { return d.ID }
func userIDOf(u *upstream.User) string            { return strconv.Itoa(u.ID) }
func regionID(r *upstream.Region) string          { return strconv.Itoa(r.ID) }

// Keys of the by-ID relations, for groupOf: false when there is nothing to
// load (no owner, or the object is embedded already).

func chartOwner(c *upstream.Chart) (int, bool) {
	if c.OwnerID == nil {
		return 0, false
	}
	return *c.OwnerID, true
}

func chartSong(c *upstream.Chart) (string, bool)   { return c.SongID, c.Song == nil }
func songOwner(s *upstream.Song) (int, bool)       { return derefInt(s.OwnerID) }
func commentOwner(c *upstream.Comment) (int, bool) { return c.OwnerID, c.Owner == nil }
func replyOwner(r *upstream.Reply) (int, bool)     { return r.OwnerID, r.Owner == nil }
func replyComment(r *upstream.Reply) (string, bool) {
	return r.CommentID, true
}
func recordChart(r *upstream.Record) (string, bool) { return r.ChartID, r.Chart == nil }
func recordOwner(r *upstream.Record) (int, bool) {
	if r.Owner != nil {
		return 0, false
	}
	return derefInt(r.OwnerID)
}
func eventOwner(e *upstream.Event) (int, bool)               { return e.OwnerID, true }
func divisionEvent(d *upstream.EventDivision) (string, bool) { return d.EventID, true }
func divisionOwner(d *upstream.EventDivision) (int, bool)    { return d.OwnerID, true }
func teamDivision(t *upstream.EventTeam) (string, bool)      { return t.DivisionID, true }
func teamOwner(t *upstream.EventTeam) (int, bool)            { return t.OwnerID, true }
func chartKey(c *upstream.Chart) (string, bool)              { return c.ID, true }

func derefInt(p *int) (int, bool) {
	if p == nil {
		return 0, false
	}
	return *p, true
}
