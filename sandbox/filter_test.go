package sandbox

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// keysOf lists the keys of the rows that pass keep.
func keysOf[T any](items []T, keep func(*T) bool, key func(*T) string) []string {
	var out []string
	for i := range items {
		if keep(&items[i]) {
			out = append(out, key(&items[i]))
		}
	}
	return out
}

func chartKeys(d *Data, keep func(*Chart) bool) []string {
	visible := func(c *Chart) bool { return !c.IsHidden && keep(c) }
	return keysOf(d.Charts, visible, func(c *Chart) string { return c.ID })
}

func songKeys(d *Data, keep func(*Song) bool) []string {
	visible := func(s *Song) bool { return !s.IsHidden && keep(s) }
	return keysOf(d.Songs, visible, func(s *Song) string { return s.ID })
}

func userKeys(d *Data, keep func(*User) bool) []string {
	return keysOf(d.Users, keep, func(u *User) string { return fmt.Sprint(u.ID) })
}

func recordKeys(d *Data, keep func(*Record) bool) []string {
	return keysOf(d.Records, keep, func(r *Record) string { return r.ID })
}

func commentKeys(d *Data, keep func(*Comment) bool) []string {
	return keysOf(d.Comments, keep, func(c *Comment) string { return c.ID })
}

func hasTag(tags []Tag, normalized string) bool {
	return slices.ContainsFunc(tags, func(t Tag) bool { return t.NormalizedName == normalized })
}

// A filterCase is a list request and the rows it must answer, found by
// applying the same rule to the data set.
type filterCase struct {
	name, target string
	want         func() []string
	key          func(map[string]any) string
	opts         []opt
}

// TestFilters checks each filter family against the same rule applied to
// the data set directly: the answer holds exactly the expected rows.
func TestFilters(t *testing.T) {
	s := shared()
	d := s.Data()
	chart, comment := d.Charts[10], d.Comments[0]
	event, division := d.Events[0], d.Divisions[0]
	tagged := slices.IndexFunc(d.Songs, func(s Song) bool { return len(s.Tags) > 0 && !s.IsHidden })
	songTag := d.Songs[tagged].Tags[0]
	author := slices.IndexFunc(d.Charts, func(c Chart) bool {
		return strings.HasPrefix(deref(c.AuthorName), "[PZUser:")
	})
	mentioned := fmt.Sprintf("PZUser:%d:", d.Charts[author].OwnerID)
	from, _ := parseDate("2024-01-01")
	to, _ := parseDate("2024-06-30T23:59:59+08:00")
	allTags := func(c *Chart) []Tag { return append(append([]Tag{}, c.Tags...), d.Song(c.SongID).Tags...) }

	tests := []filterCase{
		{name: "Range enum names", target: "/charts?RangeLevelType=IN&rangeleveltype=at",
			want: func() []string {
				return chartKeys(d, func(c *Chart) bool { return c.LevelType == LevelIN || c.LevelType == LevelAT })
			}},
		{name: "Range newer enum value", target: "/charts?RangeLevelType=7", want: func() []string {
			return chartKeys(d, func(c *Chart) bool { return c.LevelType == LevelCB })
		}},
		{name: "Min and Max", target: "/charts?MinDifficulty=15&MaxDifficulty=16.5", want: func() []string {
			return chartKeys(d, func(c *Chart) bool { return c.Difficulty >= 15 && c.Difficulty <= 16.5 })
		}},
		{name: "Contains", target: "/charts?ContainsAuthorName=" + strings.ToLower(mentioned),
			want: func() []string {
				return chartKeys(d, func(c *Chart) bool { return strings.Contains(deref(c.AuthorName), mentioned) })
			}},
		{name: "Equals", target: "/charts?EqualsLevel=sp", want: func() []string {
			return chartKeys(d, func(c *Chart) bool { return c.Level == "SP" })
		}},
		{name: "Is", target: "/charts?IsRanked=true", want: func() []string {
			return chartKeys(d, func(c *Chart) bool { return c.IsRanked })
		}},
		{name: "Range ints", target: "/charts?RangeOwnerId=5&RangeOwnerId=6", want: func() []string {
			return chartKeys(d, func(c *Chart) bool { return c.OwnerID == 5 || c.OwnerID == 6 })
		}},
		{name: "Range GUIDs", target: "/charts?RangeSongId=" + strings.ToUpper(chart.SongID),
			want: func() []string {
				return chartKeys(d, func(c *Chart) bool { return c.SongID == chart.SongID })
			}},
		{name: "Earliest and Latest", target: "/charts?EarliestDateCreated=2024-01-01&LatestDateCreated=" +
			url.QueryEscape("2024-06-30T23:59:59+08:00"), want: func() []string {
			return chartKeys(d, func(c *Chart) bool {
				return !c.DateCreated.Before(from) && !c.DateCreated.After(to)
			})
		}},
		{name: "hidden to anonymous", target: "/charts?IsHidden=true", want: func() []string { return nil }},
		{name: "hidden to administrators", target: "/charts?IsHidden=true", want: func() []string {
			hidden := func(c *Chart) bool { return c.IsHidden }
			return keysOf(d.Charts, hidden, func(c *Chart) string { return c.ID })
		}, opts: []opt{token("sandbox-admin-token")}},
		{name: "TagsToInclude", target: "/charts?TagsToInclude=touhou&TagsToInclude=Happy%20Hardcore",
			want: func() []string {
				return chartKeys(d, func(c *Chart) bool {
					return hasTag(allTags(c), "TOUHOU") || hasTag(allTags(c), "HAPPYHARDCORE")
				})
			}},
		{name: "TagsToExclude", target: "/charts?TagsToExclude=touhou", want: func() []string {
			return chartKeys(d, func(c *Chart) bool { return !hasTag(allTags(c), "TOUHOU") })
		}},
		{name: "Search", target: "/charts?Search=mirage", want: func() []string {
			return chartKeys(d, func(c *Chart) bool {
				text := d.Song(c.SongID).Title + deref(c.Title) + deref(c.AuthorName)
				return strings.Contains(strings.ToLower(text), "mirage")
			})
		}},
		{name: "song charts", target: "/songs/" + chart.SongID + "/charts?RangeLevelType=IN",
			want: func() []string {
				return chartKeys(d, func(c *Chart) bool {
					return c.SongID == chart.SongID && c.LevelType == LevelIN
				})
			}},
		{name: "TimeSpan", target: "/songs?MinDuration=00:03:00&MaxDuration=00:04:00.5",
			want: func() []string {
				lo, hi := TimeSpan(3*time.Minute), TimeSpan(4*time.Minute+500*time.Millisecond)
				return songKeys(d, func(s *Song) bool { return s.Duration >= lo && s.Duration <= hi })
			}},
		{name: "song Min on double", target: "/songs?MinBpm=150", want: func() []string {
			return songKeys(d, func(s *Song) bool { return s.Bpm >= 150 })
		}},
		{name: "song Is and Range enum", target: "/songs?IsOriginal=false&RangeEditionType=Original",
			want: func() []string {
				return songKeys(d, func(s *Song) bool { return !s.IsOriginal && s.EditionType == EditionOriginal })
			}},
		{name: "song tags", target: "/songs?TagsToInclude=" + url.QueryEscape(songTag.Name),
			want: func() []string {
				return songKeys(d, func(s *Song) bool { return hasTag(s.Tags, songTag.NormalizedName) })
			}},
		{name: "user nested RegionId", target: "/users?RangeRegionId=112", want: func() []string {
			return userKeys(d, func(u *User) bool { return u.Region.ID == 112 })
		}},
		{name: "user role by name", target: "/users?RangeRole=administrator&RangeRole=Moderator",
			want: func() []string {
				return userKeys(d, func(u *User) bool {
					return u.Role == RoleAdministrator || u.Role == RoleModerator
				})
			}},
		{name: "user counts", target: "/users?MinFollowerCount=10&RangeGender=2", want: func() []string {
			return userKeys(d, func(u *User) bool { return u.FollowerCount >= 10 && u.Gender == GenderFemale })
		}},
		{name: "user search", target: "/users?Search=ALICE", want: func() []string {
			return userKeys(d, func(u *User) bool {
				return strings.Contains(strings.ToLower(u.UserName), "alice")
			})
		}},
		{name: "region users", target: "/regions/jp/users?MinRks=5", want: func() []string {
			return userKeys(d, func(u *User) bool { return u.Region.Code == "JP" && u.Rks >= 5 })
		}},
		{name: "records of a player", target: "/records?RangeOwnerId=2&MinScore=900000",
			want: func() []string {
				return recordKeys(d, func(r *Record) bool { return r.OwnerID == 2 && r.Score >= 900000 })
			}},
		{name: "records MaxCombo is an upper bound", target: "/records?MaxCombo=300&MinMaxCombo=200",
			want: func() []string {
				return recordKeys(d, func(r *Record) bool { return r.MaxCombo <= 300 && r.MaxCombo >= 200 })
			}},
		{name: "records full combo", target: "/records?IsFullCombo=true&MinAccuracy=0.99",
			want: func() []string {
				return recordKeys(d, func(r *Record) bool { return r.IsFullCombo && r.Accuracy >= 0.99 })
			}},
		{name: "comments on a resource", target: "/comments?RangeResourceId=" + comment.ResourceID,
			want: func() []string {
				return commentKeys(d, func(c *Comment) bool { return c.ResourceID == comment.ResourceID })
			}},
		{name: "comments with mentions", target: "/comments?ContainsContent=pzuser&RangeLanguage=ja-JP",
			want: func() []string {
				return commentKeys(d, func(c *Comment) bool {
					return strings.Contains(c.Content, "PZUser") && c.Language == "ja-JP"
				})
			}},
		{name: "replies of a comment", target: "/replies?RangeCommentId=" + d.Replies[0].CommentID,
			want: func() []string {
				mine := func(r *Reply) bool { return r.CommentID == d.Replies[0].CommentID }
				return keysOf(d.Replies, mine, func(r *Reply) string { return r.ID })
			}},
		{name: "Has", target: "/events/divisions?HasAnonymization=true&RangeType=Chart",
			want: func() []string {
				return keysOf(d.Divisions, func(v *EventDivision) bool {
					return !v.IsHidden && !v.DateUnveiled.After(d.Now) && v.Anonymization &&
						v.Type == DivisionChart
				}, func(v *EventDivision) string { return v.ID })
			}},
		{name: "divisions of an event", target: "/events/" + event.ID + "/divisions?RangeStatus=Ended",
			want: func() []string {
				return keysOf(d.Divisions, func(v *EventDivision) bool {
					return v.EventID == event.ID && v.Status == DivisionEnded && !v.DateUnveiled.After(d.Now)
				}, func(v *EventDivision) string { return v.ID })
			}},
		{name: "teams", target: "/events/teams?RangeDivisionId=" + division.ID + "&MinScore=70",
			want: func() []string {
				return keysOf(d.Teams, func(v *EventTeam) bool {
					return v.DivisionID == division.ID && v.IsUnveiled && v.Score != nil && *v.Score >= 70
				}, func(v *EventTeam) string { return v.ID })
			}},
		{name: "hostships", target: "/events/hostships?IsAdmin=true&RangeUserId=1",
			key: func(m map[string]any) string { return fmt.Sprint(m["eventId"], m["userId"]) },
			want: func() []string {
				return keysOf(d.Hostships, func(h *Hostship) bool {
					return h.IsAdmin && h.UserID == 1 && h.IsUnveiled
				}, func(h *Hostship) string { return fmt.Sprint(h.EventID, h.UserID) })
			}},
		{name: "authorships", target: "/authorships?RangeResourceId=" + chart.ID + "&EqualsPosition=charter",
			key: func(m map[string]any) string { return fmt.Sprint(m["id"], m["position"]) },
			want: func() []string {
				return keysOf(d.Authorships, func(a *Authorship) bool {
					return a.ResourceID == chart.ID && deref(a.Position) == "Charter"
				}, func(a *Authorship) string { return fmt.Sprint(a.AuthorID, deref(a.Position)) })
			}},
		{name: "tags", target: "/tags?ContainsName=hard&RangeNormalizedName=HARDCORE",
			want: func() []string {
				named := func(t *Tag) bool { return t.NormalizedName == "HARDCORE" }
				return keysOf(d.Tags, named, func(t *Tag) string { return t.ID })
			}},
		{name: "regions", target: "/regions?MinId=100&MaxId=210&ContainsName=a", want: func() []string {
			return keysOf(d.Regions, func(r *Region) bool {
				return r.ID >= 100 && r.ID <= 210 && strings.Contains(strings.ToLower(r.Name), "a")
			}, func(r *Region) string { return fmt.Sprint(r.ID) })
		}},
		{name: "followees by relation type", target: "/users/3/followees?RangeType=Special",
			want: func() []string {
				return keysOf(d.Relations, func(r *UserRelation) bool {
					return r.FollowerID == 3 && r.Type == RelationSpecial
				}, func(r *UserRelation) string { return fmt.Sprint(r.FolloweeID) })
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, a := list[map[string]any](t, s, tt.target+"&PerPage=-1", tt.opts...)
			key := tt.key
			if key == nil {
				key = func(m map[string]any) string { return fmt.Sprint(m["id"]) }
			}
			got := make([]string, len(items))
			for i, m := range items {
				got[i] = key(m)
			}
			want := tt.want()
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) || *a.Total != len(want) {
				t.Errorf("got %d rows (total %d), want %d", len(got), *a.Total, len(want))
			}
			if len(want) == 0 && tt.name != "hidden to anonymous" {
				t.Error("the case selects nothing; pick a value that does")
			}
		})
	}
}

func TestRangeIDBatch(t *testing.T) {
	s := shared()
	d := s.Data()
	// RangeId shows hidden rows to anyone, as upstream: include one.
	hidden := d.Charts[slices.IndexFunc(d.Charts, func(c Chart) bool { return c.IsHidden })].ID
	q := url.Values{"RangeId": {hidden}}
	want := map[string]bool{hidden: true}
	for i := 0; len(want) < 50; i += 7 {
		c := d.Charts[i%len(d.Charts)]
		if want[c.ID] {
			continue
		}
		want[c.ID] = true
		id := c.ID
		if i%2 == 0 {
			id = "{" + strings.ToUpper(id) + "}"
		}
		q.Add("RangeId", id)
	}
	charts, a := list[chartOut](t, s, "/charts?"+q.Encode()+"&PerPage=-1")
	got := ids(charts, func(c chartOut) string { return c.ID })
	if len(got) != 50 || *a.Total != 50 {
		t.Fatalf("got %d charts (total %d), want 50", len(got), *a.Total)
	}
	for id := range want {
		if !got[id] {
			t.Errorf("chart %s missing", id)
		}
	}
}
