package sandbox

import (
	"net/http"
	"reflect"
	"testing"
)

// The catalog area's routes answer with the upstream's status codes and
// code words.
func TestCatalogStatuses(t *testing.T) {
	s := shared()
	d := s.Data()
	c := d.Areas.Catalog
	alice, admin := token("sandbox-alice-token"), token("sandbox-admin-token")

	var othersAnswer, unrelatedChapter string
	for _, a := range c.PetAnswers {
		if a.OwnerID != 2 {
			othersAnswer = a.ID
			break
		}
	}
	song := c.ChapterAdmissions[0].AdmitteeID
	for _, ch := range c.Chapters {
		if findAdmission(c.ChapterAdmissions, ch.ID, song) == nil {
			unrelatedChapter = ch.ID
			break
		}
	}
	missing := "00000000-0000-4000-8000-000000000000"

	for _, tc := range []struct {
		name, target string
		opts         []opt
		status       int
		code         string
	}{
		{"chapter", "/chapters/" + c.Chapters[0].ID, nil, 200, codeOk},
		{"missing chapter", "/chapters/" + missing, nil, 404, codeResourceNotFound},
		{"songs of a missing chapter", "/chapters/" + missing + "/songs", nil, 404, codeResourceNotFound},
		{"likes of a missing chart", "/charts/" + missing + "/likes", nil, 404, codeResourceNotFound},
		{"admission", "/songs/" + song + "/chapters/" + c.ChapterAdmissions[0].AdmitterID, []opt{admin}, 200, codeOk},
		{"admission of a missing song", "/songs/" + missing + "/chapters/" + c.Chapters[0].ID, nil, 404, codeResourceNotFound},
		{"admission to a missing chapter", "/songs/" + song + "/chapters/" + missing, nil, 404, codeParentNotFound},
		{"admission that is not there", "/songs/" + song + "/chapters/" + unrelatedChapter, nil, 404, codeRelationNotFound},
		{"votes with a bad filter", "/charts/" + d.Charts[0].ID + "/votes?MinTotal=many", nil, 400, codeInvalidData},
		{"notifications, anonymous", "/notifications", nil, 401, ""},
		{"notifications", "/notifications", []opt{alice}, 200, codeOk},
		{"read notifications", "/notifications?GetRead=true", []opt{alice}, 200, codeOk},
		{"another's notification", "/notifications/" + c.Notifications[len(c.Notifications)-1].ID, []opt{alice}, 403, codeInsufficientPermission},
		{"objective questions", "/pet/objective", []opt{alice}, 200, codeOk},
		{"objective questions for a volunteer", "/pet/objective", []opt{admin}, 400, codeAlreadyDone},
		{"another's answer", "/pet/answers/" + othersAnswer, []opt{alice}, 403, codeInsufficientPermission},
		{"another's answer, moderator", "/pet/answers/" + othersAnswer, []opt{admin}, 200, codeOk},
		{"configurations, anonymous", "/player/configurations", nil, 401, ""},
		{"a configuration, anonymous", "/player/configurations/" + c.PlayConfigurations[0].ID, nil, 200, codeOk},
		{"relation that is not there", "/userRelations/1/1", nil, 404, codeResourceNotFound},
		{"abstract", "/", nil, 200, codeOk},
		{"tag's charts", "/tags/" + d.Tags[0].ID + "/charts", nil, 200, codeOk},
		{"missing tag's songs", "/tags/" + missing + "/songs", nil, 404, codeResourceNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := get(t, s, tc.target, tc.opts...)
			if a.code != tc.status || a.Code != tc.code {
				t.Errorf("GET %s = %d %q, want %d %q\n%s", tc.target, a.code, a.Code, tc.status, tc.code, a.raw)
			}
			if tc.status == http.StatusUnauthorized && len(a.raw) != 0 {
				t.Errorf("401 has a body: %s", a.raw)
			}
		})
	}
}

// Single resources carry an ETag and answer 304 to it.
func TestCatalogETags(t *testing.T) {
	s := shared()
	c := s.Data().Areas.Catalog
	for _, target := range []string{
		"/chapters/" + c.Chapters[0].ID, "/collections/" + c.Collections[0].ID,
		"/announcements/" + c.Announcements[0].ID, "/applications/" + c.Applications[0].ID,
		"/player/configurations/" + c.PlayConfigurations[0].ID, "/headline",
	} {
		tag := serve(s, http.MethodGet, target).Header().Get("ETag")
		if tag == "" {
			t.Errorf("GET %s has no ETag", target)
			continue
		}
		if w := serve(s, http.MethodGet, target, header("If-None-Match", tag)); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
			t.Errorf("GET %s with its ETag = %d, want 304 with no body", target, w.Code)
		}
	}
}

// Counts agree with the rows: likes, admissions, and the caller's own
// lists.
func TestCatalogData(t *testing.T) {
	s := shared()
	d := s.Data()
	c := d.Areas.Catalog

	if !reflect.DeepEqual(New().Data().Areas.Catalog.Votes, c.Votes) {
		t.Errorf("two sandboxes hold different votes")
	}
	likes := map[string]int{}
	for _, l := range d.Likes {
		likes[l.ResourceID]++
	}
	for _, ch := range c.Chapters {
		if likes[ch.ID] != ch.LikeCount {
			t.Errorf("chapter %s: likeCount %d, %d likes", ch.ID, ch.LikeCount, likes[ch.ID])
		}
	}
	for _, a := range c.Applications {
		if likes[a.ID] != a.LikeCount {
			t.Errorf("application %s: likeCount %d, %d likes", a.ID, a.LikeCount, likes[a.ID])
		}
	}

	chapter := c.Chapters[0].ID
	approved := 0
	for _, a := range c.ChapterAdmissions {
		if a.AdmitterID == chapter && a.Status == RequestApproved {
			approved++
		}
	}
	if songs, _ := list[Song](t, s, "/chapters/"+chapter+"/songs?PerPage=-1"); len(songs) != approved {
		t.Errorf("chapter %s lists %d songs, has %d approved admissions", chapter, len(songs), approved)
	}

	configs, _ := list[PlayConfiguration](t, s, "/player/configurations?PerPage=-1", token("sandbox-alice-token"))
	if len(configs) == 0 {
		t.Fatal("Alice has no play configurations")
	}
	for _, p := range configs {
		if p.OwnerID != 2 {
			t.Errorf("Alice sees configuration %s of user %d", p.ID, p.OwnerID)
		}
	}
	if app := c.Applications[0]; app.ID != d.Records[0].ApplicationID {
		t.Errorf("the first application %s is not the player of the records (%s)", app.ID, d.Records[0].ApplicationID)
	}
}
