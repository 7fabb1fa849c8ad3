package sandbox

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// Sizes of the generated data set.
const (
	userCount    = 240
	songCount    = 320
	chartCount   = 1100
	recordCount  = 5000
	commentCount = 2000
	replyCount   = 3000
)

// zone is the offset the data set's dates are written with.
var zone = time.FixedZone("UTC+8", 8*3600)

// resourceHost is where the data set's file URLs point; the .test TLD never
// resolves, so nothing ever fetches them.
const resourceHost = "https://res.phizone.test"

// gen draws the data set from one PCG stream; the order of calls fixes it.
type gen struct {
	r     *rand.Rand
	d     *Data
	start time.Time
	app   string
	skill []float64
}

func generate() *Data {
	g := &gen{
		r:     rand.New(rand.NewPCG(0x50_48_49_5a, 0x6f_6e_65_32)),
		d:     &Data{Now: time.Date(2025, 6, 1, 12, 0, 0, 0, zone)},
		start: time.Date(2022, 1, 1, 0, 0, 0, 0, zone),
	}
	g.app = g.guid()

	g.regions()
	g.users()
	g.tags()
	g.songs()
	g.charts()
	g.authorships()
	g.records()
	g.userStats()
	g.relations()
	g.events()
	g.comments()
	g.replies()
	g.likes()
	runAreaGenerators(g)
	g.currentEvent()
	recountLikes(g.d)

	g.d.reindex()
	return g.d
}

func (g *gen) guid() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(g.r.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return formatGUID(b[:])
}

func (g *gen) hex(n int) string {
	var sb strings.Builder
	for range n {
		sb.WriteByte("0123456789abcdef"[g.r.IntN(16)])
	}
	return sb.String()
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// date draws a moment between from and to, to the millisecond.
func (g *gen) date(from, to time.Time) time.Time {
	span := to.Sub(from).Milliseconds()
	if span <= 0 {
		return from
	}
	return from.Add(time.Duration(g.r.Int64N(span)) * time.Millisecond).In(zone)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func pick[T any](g *gen, items []T) T { return items[g.r.IntN(len(items))] }

func ptr[T any](v T) *T { return &v }

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// mention writes a user as PhiZone rich text.
func mention(u *User) string { return fmt.Sprintf("[PZUser:%d:%s:PZRT]", u.ID, u.UserName) }

func (g *gen) regions() {
	for _, r := range regionTable {
		g.d.Regions = append(g.d.Regions, Region{ID: r.id, Code: r.code, Name: r.name})
	}
}

// seeded are the accounts whose tokens and passwords are fixed; they are
// users 1..len(seeded).
var seeded = []struct {
	name, email, password, token, refresh string
	role                                  UserRole
	region                                int
}{
	{"ZoneKeeper", "admin@sandbox.phizone.test", "Sandbox-Admin-2024!", "sandbox-admin-token",
		"sandbox-admin-refresh", RoleAdministrator, 0},
	{"Alice_Rhythm", "alice@sandbox.phizone.test", "alice-password-1", "sandbox-alice-token",
		"sandbox-alice-refresh", RoleMember, 0},
	{"BobCharts", "bob@sandbox.phizone.test", "bob-password-1", "sandbox-bob-token",
		"sandbox-bob-refresh", RoleQualified, 1},
}

// seededStaff are fixed sign-ins for the first generated volunteer and
// the first generated moderator (by ID), so that reviews of submissions
// and moderation can be tried; their e-mail addresses are the generated
// ones (user<ID>@sandbox.phizone.test).
var seededStaff = []struct {
	role                     UserRole
	password, token, refresh string
}{
	{RoleVolunteer, "volunteer-password-1", "sandbox-volunteer-token", "sandbox-volunteer-refresh"},
	{RoleModerator, "moderator-password-1", "sandbox-moderator-token", "sandbox-moderator-refresh"},
}

func (g *gen) users() {
	taken := map[string]bool{}
	weights := 0
	for _, r := range regionTable {
		weights += r.weight
	}
	for id := 1; id <= userCount; id++ {
		ri := g.r.IntN(weights)
		region := 0
		for ri >= regionTable[region].weight {
			ri -= regionTable[region].weight
			region++
		}
		name, role := g.userName(region, taken), g.role()
		email := fmt.Sprintf("user%d@sandbox.phizone.test", id)
		if id <= len(seeded) {
			s := seeded[id-1]
			name, role, region, email = s.name, s.role, s.region, s.email
		}
		taken[name] = true

		joined := g.date(g.start, g.d.Now.AddDate(0, -1, 0))
		if id <= len(seeded) {
			joined = g.date(g.start, g.start.AddDate(0, 2, 0))
		}
		u := User{
			ID: id, UserName: name, Avatar: ptr(fmt.Sprintf("%s/avatars/%d.webp", resourceHost, id)),
			Gender:   Gender(g.r.IntN(3)),
			Region:   g.d.Regions[region],
			Language: regionTable[region].lang,
			Role:     role, DateJoined: joined, Email: email, EmailConfirmed: role != RoleUnactivated,
			ApplicationLinks: nil,
		}
		if g.chance(0.35) {
			u.Biography = ptr(pick(g, biographys))
		}
		if g.chance(0.2) {
			u.Tag = ptr(pick(g, userTags))
		}
		if g.chance(0.9) {
			u.DateLastLoggedIn = ptr(g.date(joined, g.d.Now))
		}
		if g.chance(0.3) {
			born := time.Date(g.between(1990, 2010), time.Month(g.between(1, 12)), g.between(1, 28),
				0, 0, 0, 0, zone)
			u.DateOfBirth = &born
		}
		if g.chance(0.1) {
			u.PhoneNumber = ptr(fmt.Sprintf("+86 139%08d", g.r.IntN(100000000)))
		}
		g.d.Users = append(g.d.Users, u)
		g.skill = append(g.skill, g.r.Float64())
	}
	g.skill[1], g.skill[2] = 0.85, 0.55
}

func (g *gen) userName(region int, taken map[string]bool) string {
	for attempt := 0; ; attempt++ {
		var name string
		switch lang := regionTable[region].lang; {
		case lang == "ja-JP" || lang != "zh-CN" && lang != "zh-TW" && g.chance(0.15):
			name = pick(g, jaNames) + pick(g, jaSuffixes)
		case strings.HasPrefix(lang, "zh") && g.chance(0.75):
			name = pick(g, zhNameHeads) + pick(g, zhNameTails) + pick(g, zhNameSuffixes)
		default:
			name = pick(g, enHandles) + pick(g, enSuffixes)
		}
		if attempt > 3 {
			name += fmt.Sprint(g.between(2, 999))
		}
		if !taken[name] {
			return name
		}
	}
}

func (g *gen) role() UserRole {
	switch x := g.r.Float64(); {
	case x < 0.03:
		return RoleUnactivated
	case x < 0.78:
		return RoleMember
	case x < 0.81:
		return RoleSponsor
	case x < 0.91:
		return RoleQualified
	case x < 0.96:
		return RoleVolunteer
	case x < 0.99:
		return RoleModerator
	}
	return RoleAdministrator
}

func (g *gen) tags() {
	for _, t := range tagTable {
		tag := Tag{
			ID: g.guid(), Name: t.name, NormalizedName: normalize(t.name),
			DateCreated: g.date(g.start, g.start.AddDate(1, 0, 0)),
		}
		if t.desc != "" {
			tag.Description = ptr(t.desc)
		}
		g.d.Tags = append(g.d.Tags, tag)
	}
}

// normalize is how the upstream compares tag names: no whitespace, upper
// case.
func normalize(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}
