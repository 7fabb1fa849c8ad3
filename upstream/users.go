package upstream

import (
	"context"
	"time"
)

// User is a PhiZone account as the upstream shows it to everyone (UserDto).
type User struct {
	ID               int        `json:"id"`
	UserName         string     `json:"userName"`
	Avatar           *string    `json:"avatar"`
	Gender           Gender     `json:"gender"`
	Region           *Region    `json:"region"`
	Language         string     `json:"language"`
	Biography        *string    `json:"biography"`
	Role             UserRole   `json:"role"`
	Experience       int64      `json:"experience"`
	Tag              *string    `json:"tag"`
	Rks              float64    `json:"rks"`
	FollowerCount    int        `json:"followerCount"`
	FolloweeCount    int        `json:"followeeCount"`
	DateLastLoggedIn *time.Time `json:"dateLastLoggedIn"`
	DateJoined       time.Time  `json:"dateJoined"`
	DateOfBirth      *time.Time `json:"dateOfBirth"`
	DateFollowed     *time.Time `json:"dateFollowed"`
}

// PositionalUser is a user with the position they hold on a resource: a
// chart's author ("Charter") or an event's host (PositionalUserDto).
type PositionalUser struct {
	User
	Position *string `json:"position"`
}

// Me is the signed-in caller's own account (UserDetailedDto).
type Me struct {
	User
	Email                string  `json:"email"`
	EmailConfirmed       bool    `json:"emailConfirmed"`
	PhoneNumber          *string `json:"phoneNumber"`
	PhoneNumberConfirmed bool    `json:"phoneNumberConfirmed"`
	TwoFactorEnabled     bool    `json:"twoFactorEnabled"`
	Notifications        int     `json:"notifications"`
	// ApplicationLinks are the caller's bindings to OAuth providers and
	// TapTap.
	ApplicationLinks []AccountBinding `json:"applicationLinks"`
}

// UserListOptions selects a page of users.
type UserListOptions struct {
	ListOptions
	UserFilter
}

// ListUsers reads a page of users.
//
// GET /users
func (c *Client) ListUsers(ctx context.Context, opts UserListOptions) ([]User, Page, error) {
	return ListOf[User](ctx, c, "/users", nil, opts)
}

// GetUser reads one user.
//
// GET /users/{id}
func (c *Client) GetUser(ctx context.Context, id int) (*User, error) {
	return GetOf[User](ctx, c, "/users/{id}", Params{"id": itoa(id)})
}

// ListFollowers reads a page of the users who follow user id.
//
// GET /users/{id}/followers
func (c *Client) ListFollowers(ctx context.Context, id int, opts UserListOptions) ([]User, Page, error) {
	return ListOf[User](ctx, c, "/users/{id}/followers", Params{"id": itoa(id)}, opts)
}

// ListFollowees reads a page of the users whom user id follows.
//
// GET /users/{id}/followees
func (c *Client) ListFollowees(ctx context.Context, id int, opts UserListOptions) ([]User, Page, error) {
	return ListOf[User](ctx, c, "/users/{id}/followees", Params{"id": itoa(id)}, opts)
}

// GetMe reads the signed-in caller's own account; it fails with
// ErrUnauthorized when the request carries no valid token.
//
// GET /me
func (c *Client) GetMe(ctx context.Context) (*Me, error) {
	return GetOf[Me](ctx, c, "/me", nil)
}
