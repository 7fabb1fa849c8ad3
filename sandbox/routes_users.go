package sandbox

import (
	"net/http"
	"strconv"
	"strings"
)

func userText(u *User) []string { return []string{u.UserName} }

// getUsers is GET /users (UserFilterDto, Search on the user name). Users
// have no DateCreated, so the default order is by ID.
func (c *call) getUsers() {
	l, ok := c.bind(specFor[userFilter, User](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Users, nil, userText)
	c.many(mapList(page, c.user), total, l.listParams)
}

// getUser is GET /users/{id}, under an ETag; a missing user is
// UserNotFound.
func (c *call) getUser() {
	id, _ := strconv.Atoi(c.params["id"])
	u := c.d.User(id)
	if u == nil {
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	}
	c.one(c.user(*u))
}

// getFollowers is GET /users/{id}/followers: UserRelationFilterDto and
// ordering apply to the follow relations (default: when they began).
func (c *call) getFollowers() { c.relations(true) }

// getFollowees is GET /users/{id}/followees.
func (c *call) getFollowees() { c.relations(false) }

func (c *call) relations(followers bool) {
	l, ok := c.bind(specFor[userRelationFilter, UserRelation](), false)
	if !ok {
		return
	}
	id, _ := strconv.Atoi(c.params["id"])
	if c.d.User(id) == nil {
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	}
	page, total := collect(l, c.d.Relations, func(r *UserRelation) bool {
		if r.Type == RelationBlacklisted {
			return false
		}
		if followers {
			return r.FolloweeID == id
		}
		return r.FollowerID == id
	}, nil)
	users := make([]User, 0, len(page))
	for _, r := range page {
		other := r.FollowerID
		if !followers {
			other = r.FolloweeID
		}
		if u := c.d.User(other); u != nil {
			users = append(users, c.user(*u))
		}
	}
	c.many(users, total, l.listParams)
}

// region finds the route's region by {code} or {id}.
func (c *call) region() *Region {
	if code, ok := c.params["code"]; ok {
		if i, ok := c.d.idx.regionsByCode[strings.ToUpper(code)]; ok {
			return &c.d.Regions[i]
		}
		return nil
	}
	id, _ := strconv.Atoi(c.params["id"])
	if i, ok := c.d.idx.regionsByID[id]; ok {
		return &c.d.Regions[i]
	}
	return nil
}

func regionText(r *Region) []string { return []string{r.Code, r.Name} }

// getRegions is GET /regions (RegionFilterDto, Search on code and name).
func (c *call) getRegions() {
	l, ok := c.bind(specFor[regionFilter, Region](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Regions, nil, regionText)
	c.many(nonNil(page), total, l.listParams)
}

// getRegion is GET /regions/{code} and /regions/{id}, under an ETag.
func (c *call) getRegion() {
	r := c.region()
	if r == nil {
		c.notFound()
		return
	}
	c.one(*r)
}

// getRegionUsers is GET /regions/{code}/users and /regions/{id}/users
// (UserFilterDto).
func (c *call) getRegionUsers() {
	l, ok := c.bind(specFor[userFilter, User](), false)
	if !ok {
		return
	}
	r := c.region()
	if r == nil {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Users, func(u *User) bool { return u.Region.ID == r.ID }, nil)
	c.many(mapList(page, c.user), total, l.listParams)
}

// getTags is GET /tags (TagFilterDto, Search on the name).
func (c *call) getTags() {
	l, ok := c.bind(specFor[tagFilter, Tag](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Tags, nil, func(t *Tag) []string { return []string{t.Name} })
	c.many(nonNil(page), total, l.listParams)
}

// getTag is GET /tags/{id} and /tags/{name} (compared normalized), under
// an ETag.
func (c *call) getTag() {
	if id, ok := c.params["id"]; ok {
		if i, ok := c.d.idx.tags[id]; ok {
			c.one(c.d.Tags[i])
			return
		}
	} else {
		name := normalize(c.params["name"])
		for _, t := range c.d.Tags {
			if t.NormalizedName == name {
				c.one(t)
				return
			}
		}
	}
	c.notFound()
}

// getAuthorships is GET /authorships (AuthorshipFilterDto): each authorship
// answers as its author with the position.
func (c *call) getAuthorships() {
	l, ok := c.bind(specFor[authorshipFilter, Authorship](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Authorships, nil, nil)
	c.many(mapList(page, c.author), total, l.listParams)
}

func (c *call) author(a Authorship) PositionalUser {
	var u User
	if p := c.d.User(a.AuthorID); p != nil {
		u = c.user(*p)
	}
	return c.positional(u, a.Position)
}

// getAuthorship is GET /authorships/{id}, under an ETag.
func (c *call) getAuthorship() {
	i, ok := c.d.idx.authorships[c.params["id"]]
	if !ok {
		c.notFound()
		return
	}
	c.one(c.author(c.d.Authorships[i]))
}
