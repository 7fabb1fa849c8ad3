package loaders

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// recorder is an upstream double that records the queries it is sent and
// answers from a handler.
type recorder struct {
	mu      sync.Mutex
	queries []url.Values
}

func (r *recorder) serve(t *testing.T, answer func(q url.Values) (any, upstream.Page)) *upstream.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.queries = append(r.queries, req.URL.Query())
		r.mu.Unlock()

		q := req.URL.Query()
		q.Set("_path", req.URL.Path) // for doubles of a parent's own route
		data, page := answer(q)
		_ = json.NewEncoder(w).Encode(map[string]any{
			"status": 0, "code": "Ok", "data": data,
			"total": page.Total, "perPage": page.PerPage, "hasNext": page.HasNext,
		})
	}))
	t.Cleanup(srv.Close)

	c, err := upstream.New(srv.URL, srv.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.queries)
}

// loadAll asks for every key at once, as a list field's rows do.
func loadAll[K comparable, V any](ctx context.Context, keys []K, load func(context.Context, K) (V, error)) ([]V, []error) {
	vals := make([]V, len(keys))
	errs := make([]error, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Go(func() { vals[i], errs[i] = load(ctx, k) })
	}
	wg.Wait()
	return vals, errs
}

func TestUsersAreBatchedInChunks(t *testing.T) {
	var rec recorder
	c := rec.serve(t, func(q url.Values) (any, upstream.Page) {
		var users []upstream.User
		for _, id := range q["RangeId"] {
			n, _ := strconv.Atoi(id)
			if n%50 != 0 { // every 50th user does not exist
				users = append(users, upstream.User{ID: n, UserName: "u" + id})
			}
		}
		return users, upstream.Page{Total: len(users)}
	})
	l := New(c, 20*time.Millisecond) // room for 253 goroutines under -race

	keys := make([]int, 250)
	for i := range keys {
		keys[i] = i + 1
	}
	keys = append(keys, 7, 7, 8) // repeats cost nothing
	users, errs := loadAll(context.Background(), keys, func(ctx context.Context, id int) (*upstream.User, error) {
		return l.User(ctx, id, Group[int]{})
	})

	if rec.count() != 3 {
		t.Fatalf("upstream calls = %d, want 3 (250 IDs in chunks of %d)", rec.count(), MaxBatch)
	}
	for _, q := range rec.queries {
		if n := len(q["RangeId"]); n > MaxBatch || q.Get("PerPage") != strconv.Itoa(n) {
			t.Errorf("a call carried %d IDs with PerPage %s", n, q.Get("PerPage"))
		}
		if len(q.Encode()) > 5000 {
			t.Errorf("a query string is %d bytes long", len(q.Encode()))
		}
	}
	for i, k := range keys {
		switch {
		case k%50 == 0 && errs[i] == nil:
			t.Errorf("user %d: no error for a missing user", k)
		case k%50 != 0 && (errs[i] != nil || users[i].ID != k):
			t.Errorf("user %d: got %+v, %v", k, users[i], errs[i])
		}
	}
}

func TestChildrenOfManyParentsInOneCall(t *testing.T) {
	var rec recorder
	c := rec.serve(t, func(q url.Values) (any, upstream.Page) {
		var replies []upstream.Reply
		for _, parent := range q["RangeCommentId"] {
			for i := range 4 {
				replies = append(replies, upstream.Reply{ID: fmt.Sprintf("%s-%d", parent, i), CommentID: parent})
			}
		}
		return replies, upstream.Page{Total: len(replies)}
	})
	l := New(c, 0)

	parents := []string{"a", "b", "c", "d", "e"}
	w := paging.Window{Start: 1, Count: 2}
	read := func(ctx context.Context, p string) (paging.Slice[upstream.Reply], error) {
		q := url.Values{"Order": {"DateCreated"}, "Desc": {"false"}}
		return l.RepliesTo(ctx, ChildKey{p, q.Encode(), w}, Group[ChildKey]{})
	}
	slices, errs := loadAll(context.Background(), parents, read)

	if rec.count() != 1 {
		t.Fatalf("upstream calls = %d, want 1", rec.count())
	}
	if got := rec.queries[0]["RangeCommentId"]; len(got) != 5 {
		t.Errorf("RangeCommentId = %v, want the five parents", got)
	}
	for i, p := range parents {
		s := slices[i]
		if errs[i] != nil || s.Total != 4 || len(s.Items) != 2 || s.Items[0].ID != p+"-1" || s.Start != 1 {
			t.Errorf("parent %s: %+v, %v; want items 1 and 2 of 4", p, s, errs[i])
		}
	}
}

func TestChildrenFallBackWhenThePageIsNotWhole(t *testing.T) {
	var rec recorder
	c := rec.serve(t, func(q url.Values) (any, upstream.Page) {
		if parents := q["RangeCommentId"]; len(parents) > 1 {
			return []upstream.Reply{}, upstream.Page{Total: 5000, HasNext: true}
		}
		parent := strings.Split(q.Get("_path"), "/")[2] // /comments/{id}/replies
		return []upstream.Reply{{ID: "only", CommentID: parent}}, upstream.Page{Total: 1}
	})
	l := New(c, 0)

	slices, _ := loadAll(context.Background(), []string{"a", "b"}, func(ctx context.Context, p string) (paging.Slice[upstream.Reply], error) {
		return l.RepliesTo(ctx, ChildKey{p, "", paging.Window{Count: 3}}, Group[ChildKey]{})
	})

	if rec.count() != 3 {
		t.Errorf("upstream calls = %d, want 3 (one batch, then one per parent)", rec.count())
	}
	if slices[0].Total != 1 || slices[1].Items[0].CommentID != "b" {
		t.Errorf("slices = %+v", slices)
	}
}

func TestFailuresAreNotCached(t *testing.T) {
	var rec recorder
	var fail atomic.Bool
	fail.Store(true)
	c := rec.serve(t, func(q url.Values) (any, upstream.Page) {
		if fail.Load() {
			return nil, upstream.Page{}
		}
		return []upstream.User{{ID: 1}}, upstream.Page{Total: 1}
	})
	l := New(c, 0)

	// The first answer has no data: user 1 is "not found".
	if _, err := l.User(context.Background(), 1, Group[int]{}); err == nil {
		t.Fatal("want an error for a missing user")
	}
	fail.Store(false)
	if u, err := l.User(context.Background(), 1, Group[int]{}); err != nil || u.ID != 1 {
		t.Fatalf("second ask = %+v, %v; want user 1", u, err)
	}
	if _, err := l.User(context.Background(), 1, Group[int]{}); err != nil || rec.count() != 2 {
		t.Errorf("a success must be reused: calls = %d", rec.count())
	}
}

// Siblings of a group cost one call however late each asks, and the keys
// of another group do not join it.
func TestGroupsReadAllSiblingsOnce(t *testing.T) {
	var rec recorder
	c := rec.serve(t, func(q url.Values) (any, upstream.Page) {
		var users []upstream.User
		for _, id := range q["RangeId"] {
			n, _ := strconv.Atoi(id)
			users = append(users, upstream.User{ID: n})
		}
		return users, upstream.Page{Total: len(users)}
	})
	l := New(c, time.Nanosecond) // a timed batch would split here

	siblings := []int{5, 6, 7, 5, 8}
	g := Group[int]{Key: "charts.nodes.owner", Keys: siblings}
	for i, id := range siblings {
		time.Sleep(time.Duration(i) * time.Millisecond)
		if u, err := l.User(context.Background(), id, g); err != nil || u.ID != id {
			t.Fatalf("user %d: %+v, %v", id, u, err)
		}
	}
	if rec.count() != 1 || len(rec.queries[0]["RangeId"]) != 4 {
		t.Fatalf("calls = %d (%v), want one call for the 4 distinct IDs", rec.count(), rec.queries)
	}

	other := Group[int]{Key: "songs.nodes.owner", Keys: []int{9}}
	if _, err := l.User(context.Background(), 9, other); err != nil || rec.count() != 2 {
		t.Errorf("another group: calls = %d, %v", rec.count(), err)
	}
}
