package upstream_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

// Each write of the platform sends its method, path and body.
func TestPlatformWriteRequestLines(t *testing.T) {
	created := reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`)
	questions := reply(200, `{"status":0,"code":"Ok","data":[]}`)
	c, rec := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/pet/objective") {
			questions(w, r)
			return
		}
		created(w, r)
	})
	ctx := context.Background()
	const a = "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
	id, name, media := a, "Tournament", "https://media.example.org/1"
	perfect := 60

	cases := []struct {
		name, method, path, body string
		call                     func() error
	}{
		{"create an announcement", "POST", "/announcements",
			`{"title":"Finals","content":"Soon.","resourceId":"` + a + `","resourceType":4}`, func() error {
				_, err := c.CreateAnnouncement(ctx, upstream.NewAnnouncement{Title: "Finals", Content: "Soon.",
					ResourceID: &id, ResourceType: upstream.PublicResourceType(4)})
				return err
			}},
		{"update an announcement", "PATCH", "/announcements/" + a, `[{"op":"replace","path":"/title","value":"x"}]`,
			func() error {
				return c.UpdateAnnouncement(ctx, a, []upstream.PatchOp{{Op: "replace", Path: "/title", Value: "x"}})
			}},
		{"remove an announcement", "DELETE", "/announcements/" + a, "", func() error { return c.DeleteAnnouncement(ctx, a) }},
		{"remove an application", "DELETE", "/applications/" + a, "", func() error { return c.DeleteApplication(ctx, a) }},
		{"create a service script", "POST", "/services",
			`{"name":"Tagger","targetType":2,"code":"return null;","parameters":[]}`, func() error {
				_, err := c.CreateServiceScript(ctx, upstream.NewServiceScript{Name: "Tagger",
					TargetType: upstream.ServiceTargetTypeFree, Code: "return null;", Parameters: []string{}})
				return err
			}},
		{"use a service script without parameters", "POST", "/services/" + a + "/use", `{"parameters":{}}`,
			func() error {
				_, err := c.UseServiceScript(ctx, a, nil)
				return err
			}},
		{"remove a service script", "DELETE", "/services/" + a, "", func() error { return c.DeleteServiceScript(ctx, a) }},
		{"answer the objective part", "POST", "/pet/objective", `[{"choices":[0,1]},{"choices":[]}]`, func() error {
			_, err := c.SubmitPetObjectiveAnswers(ctx, []upstream.PetObjectiveAnswer{{Choices: []int{0, 1}}, {Choices: []int{}}})
			return err
		}},
		{"answer the subjective part", "POST", "/pet/subjective",
			`{"answer1":"a","answer2":"b","answer3":"c","chart":"d"}`, func() error {
				_, err := c.SubmitPetSubjectiveAnswers(ctx, upstream.PetSubjectiveAnswers{
					Answer1: "a", Answer2: "b", Answer3: "c", Chart: "d"})
				return err
			}},
		{"review an answer", "PATCH", "/pet/answers/" + a, `{"score":42}`, func() error {
			return c.ReviewPetAnswer(ctx, a, 42)
		}},
		{"create a play configuration", "POST", "/player/configurations", `{"name":"Tournament","perfectJudgment":60}`,
			func() error {
				_, err := c.CreatePlayConfiguration(ctx, upstream.NewPlayConfiguration{Name: &name, PerfectJudgment: &perfect})
				return err
			}},
		{"remove a play configuration", "DELETE", "/player/configurations/" + a, "", func() error {
			return c.DeletePlayConfiguration(ctx, a)
		}},
		{"create a resource record", "POST", "/resourceRecords",
			`{"type":0,"title":"Spring","editionType":0,"authorName":"A","strategy":1,"media":"` + media +
				`","source":"https://s.example.org","copyrightOwner":"L"}`, func() error {
				_, err := c.CreateResourceRecord(ctx, upstream.NewResourceRecord{Title: "Spring", AuthorName: "A",
					Strategy: upstream.ResourceRecordStrategyMakeHidden, Media: &media, Source: "https://s.example.org",
					CopyrightOwner: "L"})
				return err
			}},
		{"update a resource record", "PATCH", "/resourceRecords/" + a, `[{"op":"remove","path":"/edition"}]`,
			func() error {
				return c.UpdateResourceRecord(ctx, a, []upstream.PatchOp{{Op: "remove", Path: "/edition"}})
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := rec.last()
			if got.method != tc.method || got.path != tc.path || got.body != tc.body {
				t.Errorf("request %s %s %s, want %s %s %s", got.method, got.path, got.body, tc.method, tc.path, tc.body)
			}
		})
	}
}

// A batch of resource records answers with its IDs in the order given.
func TestCreateResourceRecordsReturnsIDs(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":["a1","b2"]}}`))
	ids, err := c.CreateResourceRecords(context.Background(), []upstream.NewResourceRecord{{Title: "A"}, {Title: "B"}})
	if err != nil || len(ids) != 2 || ids[0] != "a1" || ids[1] != "b2" {
		t.Fatalf("CreateResourceRecords = %v, %v", ids, err)
	}
	if got := rec.last(); got.path != "/resourceRecords/batch" || !strings.HasPrefix(got.body, `[{"type":0,"title":"A"`) {
		t.Errorf("request %s %s", got.path, got.body)
	}
}

// A service script's answer is decoded, its type included.
func TestUseServiceScriptDecodesResult(t *testing.T) {
	c, _ := newTestClient(t, reply(200,
		`{"status":0,"code":"Ok","data":{"type":2,"redirectUri":"https://x.example.org","message":null}}`))
	got, err := c.UseServiceScript(context.Background(), "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e", map[string]string{"k": "v"})
	if err != nil || got.Type != upstream.ServiceResponseRedirect || got.Type.String() != "REDIRECT" ||
		got.RedirectURI == nil || *got.RedirectURI != "https://x.example.org" || got.Message != nil {
		t.Fatalf("UseServiceScript = %+v, %v", got, err)
	}
}

// A new application goes out as a multipart form under the DTO's names,
// with both pictures.
func TestCreateApplicationForm(t *testing.T) {
	c, rec := newTestClient(t, reply(201, `{"status":0,"code":"Ok","data":{"id":"c0ffee00-0000-4000-8000-000000000001"}}`))
	desc := "Plays charts."
	id, err := c.CreateApplication(context.Background(), upstream.NewApplication{
		Name: "Phira", Avatar: upstream.File{Name: "a.png", Content: strings.NewReader("AVATAR")},
		Illustration: upstream.File{Name: "i.png", Content: strings.NewReader("ILLUSTRATION")},
		Illustrator:  "alice", Description: &desc, Homepage: "https://p.example.org", Type: upstream.ApplicationType(4),
		Secret: "s", OwnerID: 3,
	})
	if err != nil || id != "c0ffee00-0000-4000-8000-000000000001" {
		t.Fatalf("CreateApplication = %q, %v", id, err)
	}

	got := rec.last()
	_, params, err := mime.ParseMediaType(got.header.Get("Content-Type"))
	if err != nil || got.method != http.MethodPost || got.path != "/applications" {
		t.Fatalf("request %s %s %s", got.method, got.path, got.header.Get("Content-Type"))
	}
	parts := map[string]string{}
	mr := multipart.NewReader(strings.NewReader(got.body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		body, _ := io.ReadAll(p)
		parts[p.FormName()] = string(body)
	}
	want := map[string]string{"Name": "Phira", "Illustrator": "alice", "Description": desc,
		"Homepage": "https://p.example.org", "Type": "4", "Secret": "s", "OwnerId": "3",
		"Avatar": "AVATAR", "Illustration": "ILLUSTRATION"}
	if len(parts) != len(want) {
		t.Errorf("parts %q, want %q", parts, want)
	}
	for k, v := range want {
		if parts[k] != v {
			t.Errorf("part %s = %q, want %q", k, parts[k], v)
		}
	}
}
