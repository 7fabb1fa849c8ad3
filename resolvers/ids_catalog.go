package resolvers

import "github.com/phizone/graphql-facade/upstream"

// Keys of the by-ID relations of the catalog and social types, for
// groupOf (see ids.go).

func chapterOwner(c *upstream.Chapter) (int, bool)           { return c.OwnerID, true }
func collectionOwner(c *upstream.Collection) (int, bool)     { return c.OwnerID, true }
func announcementOwner(a *upstream.Announcement) (int, bool) { return a.OwnerID, true }
func applicationOwner(a *upstream.Application) (int, bool)   { return a.OwnerID, true }
func likeOwner(l *upstream.Like) (int, bool)                 { return l.OwnerID, true }
func voteOwner(v *upstream.Vote) (int, bool)                 { return v.OwnerID, true }
func voteChart(v *upstream.Vote) (string, bool)              { return v.ChartID, true }
func relationFollower(r *upstream.UserRelation) (int, bool)  { return r.FollowerID, true }
func relationFollowee(r *upstream.UserRelation) (int, bool)  { return r.FolloweeID, true }
func notificationOwner(n *upstream.Notification) (int, bool) { return n.OwnerID, true }
func petAnswerOwner(a *upstream.PetAnswer) (int, bool)       { return a.OwnerID, true }
func petAnswerAssessor(a *upstream.PetAnswer) (int, bool)    { return derefInt(a.AssessorID) }
func recordApplication(r *upstream.Record) (string, bool) {
	return r.ApplicationID, r.ApplicationID != ""
}
func configurationOwner(p *upstream.PlayConfiguration) (int, bool) { return p.OwnerID, true }

// The ID of each kind of parent of the catalog and social area.

func chapterID(c *upstream.Chapter) string           { return c.ID }
func collectionID(c *upstream.Collection) string     { return c.ID }
func announcementID(a *upstream.Announcement) string { return a.ID }
func applicationID(a *upstream.Application) string   { return a.ID }
func recordID(r *upstream.Record) string             { return r.ID }
func replyID(r *upstream.Reply) string               { return r.ID }
func teamID(t *upstream.EventTeam) string            { return t.ID }
func tagID(t *upstream.Tag) string                   { return t.ID }
