package upstream

import (
	"context"
	"strconv"
	"time"
)

// Like says a user likes a resource (LikeDto).
type Like struct {
	ID          string    `json:"id"`
	ResourceID  string    `json:"resourceId"`
	OwnerID     int       `json:"ownerId"`
	DateCreated time.Time `json:"dateCreated"`
}

// Vote is a user's rating of a chart on six aspects (VoteDto).
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

// UserRelation says one user follows (or blocks) another
// (UserRelationDto).
type UserRelation struct {
	FollowerID  int              `json:"followerId"`
	FolloweeID  int              `json:"followeeId"`
	Type        UserRelationType `json:"type"`
	DateCreated time.Time        `json:"dateCreated"`
}

// Notification is a message to a user about activity that concerns them
// (NotificationDto).
type Notification struct {
	ID          string           `json:"id"`
	Type        NotificationType `json:"type"`
	Content     string           `json:"content"`
	Operator    *User            `json:"operator"`
	OwnerID     int              `json:"ownerId"`
	DateCreated time.Time        `json:"dateCreated"`
	DateRead    *time.Time       `json:"dateRead"`
}

// Announcement is news from the site's staff, possibly about a resource
// (AnnouncementDto).
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

// Application is a program registered with PhiZone, such as a player or a
// tool that uses the API (ApplicationDto).
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

// VoteListOptions selects a page of votes.
type VoteListOptions struct {
	ListOptions
	VoteFilter
}

// UserRelationListOptions selects a page of user relations.
type UserRelationListOptions struct {
	ListOptions
	UserRelationFilter
}

// NotificationListOptions selects a page of the caller's notifications.
type NotificationListOptions struct {
	ListOptions
	NotificationFilter
	// GetRead lists the notifications already read instead of the unread
	// ones (the default).
	GetRead bool `query:"GetRead,omitempty"`
}

// AnnouncementListOptions selects a page of announcements.
type AnnouncementListOptions struct {
	ListOptions
	AnnouncementFilter
}

// ApplicationListOptions selects a page of applications.
type ApplicationListOptions struct {
	ListOptions
	ApplicationFilter
}

// ListLikes reads a page of the likes of a resource; route is its likes
// route, such as "/charts/{id}/likes".
//
// GET /{resource}/{id}/likes
func (c *Client) ListLikes(ctx context.Context, route, id string, opts ListOptions) ([]Like, Page, error) {
	return ListOf[Like](ctx, c, route, Params{"id": id}, opts)
}

// ListChartVotes reads a page of the votes on a chart.
//
// GET /charts/{id}/votes
func (c *Client) ListChartVotes(ctx context.Context, id string, opts VoteListOptions) ([]Vote, Page, error) {
	return ListOf[Vote](ctx, c, "/charts/{id}/votes", Params{"id": id}, opts)
}

// ListUserRelations reads a page of user relations.
//
// GET /userRelations
func (c *Client) ListUserRelations(ctx context.Context, opts UserRelationListOptions) ([]UserRelation, Page, error) {
	return ListOf[UserRelation](ctx, c, "/userRelations", nil, opts)
}

// GetUserRelation reads the relation of a follower to a followee.
//
// GET /userRelations/{followerId}/{followeeId}
func (c *Client) GetUserRelation(ctx context.Context, followerID, followeeID int) (*UserRelation, error) {
	return GetOf[UserRelation](ctx, c, "/userRelations/{followerId}/{followeeId}",
		Params{"followerId": strconv.Itoa(followerID), "followeeId": strconv.Itoa(followeeID)})
}

// ListNotifications reads a page of the caller's notifications.
//
// GET /notifications
func (c *Client) ListNotifications(ctx context.Context, opts NotificationListOptions) ([]Notification, Page, error) {
	return ListOf[Notification](ctx, c, "/notifications", nil, opts)
}

// GetNotification reads one of the caller's notifications.
//
// GET /notifications/{id}
func (c *Client) GetNotification(ctx context.Context, id string) (*Notification, error) {
	return GetOf[Notification](ctx, c, "/notifications/{id}", Params{"id": id})
}

// ListAnnouncements reads a page of announcements.
//
// GET /announcements
func (c *Client) ListAnnouncements(ctx context.Context, opts AnnouncementListOptions) ([]Announcement, Page, error) {
	return ListOf[Announcement](ctx, c, "/announcements", nil, opts)
}

// GetAnnouncement reads one announcement.
//
// GET /announcements/{id}
func (c *Client) GetAnnouncement(ctx context.Context, id string) (*Announcement, error) {
	return GetOf[Announcement](ctx, c, "/announcements/{id}", Params{"id": id})
}

// ListApplications reads a page of applications.
//
// GET /applications
func (c *Client) ListApplications(ctx context.Context, opts ApplicationListOptions) ([]Application, Page, error) {
	return ListOf[Application](ctx, c, "/applications", nil, opts)
}

// GetApplication reads one application.
//
// GET /applications/{id}
func (c *Client) GetApplication(ctx context.Context, id string) (*Application, error) {
	return GetOf[Application](ctx, c, "/applications/{id}", Params{"id": id})
}
