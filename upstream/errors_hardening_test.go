package upstream_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/phizone/graphql-facade/upstream"
)

// ignoreNoData lets the request-line tables, whose double answers every
// route with data null, check single-resource routes: their "no data"
// error is the point of another test.
func ignoreNoData(err error) error {
	if err != nil && strings.Contains(err.Error(), "without the resource its route promises") {
		return nil
	}
	return err
}

// A refused write and the OAuth routes leave the cache as it was; a write
// the upstream accepts empties it.
func TestCachePurgesOnlyForAcceptedWrites(t *testing.T) {
	var gets atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodGet:
			gets.Add(1)
			w.Write([]byte(`{"status":0,"code":"Ok","data":{"id":"x"}}`))
		case r.URL.Path == "/refused":
			w.WriteHeader(http.StatusUnauthorized)
		case r.URL.Path == "/failed":
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"status":1,"code":"InvalidData"}`))
		case r.URL.Path == "/auth/token":
			w.Write([]byte(`{"access_token":"a","token_type":"Bearer","expires_in":60}`))
		case r.URL.Path == "/auth/revoke":
			w.WriteHeader(http.StatusOK)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := upstream.New(srv.URL, srv.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c = c.WithCache(upstream.NewCache(upstream.CacheOptions{}))
	ctx := context.Background()
	read := func() {
		t.Helper()
		var out struct{ ID string }
		if _, err := c.Get(ctx, "/things/{id}", upstream.Params{"id": "x"}, nil, &out); err != nil {
			t.Fatal(err)
		}
	}
	post := func(route string) error {
		_, err := c.Do(ctx, upstream.Request{Method: http.MethodPost, Route: route}, nil)
		return err
	}

	read()
	if err := post("/refused"); !errors.Is(err, upstream.ErrUnauthorized) {
		t.Fatalf("POST /refused: %v, want 401", err)
	}
	if err := post("/failed"); err == nil {
		t.Fatal("POST /failed succeeded, want 400")
	}
	cr := upstream.Credentials{ClientID: "c"}
	if _, err := c.RequestPasswordToken(ctx, cr, "a@b.c", "p"); err != nil {
		t.Fatal(err)
	}
	if err := c.RevokeToken(ctx, cr, "bogus"); err != nil {
		t.Fatal(err)
	}
	read()
	if n := gets.Load(); n != 1 || c.Cache().Len() != 1 {
		t.Errorf("after refused writes and OAuth calls: %d GETs, %d cached; want 1 and 1", n, c.Cache().Len())
	}

	if err := post("/accepted"); err != nil {
		t.Fatal(err)
	}
	if c.Cache().Len() != 0 {
		t.Errorf("after an accepted write the cache holds %d answers, want none", c.Cache().Len())
	}
	read()
	if n := gets.Load(); n != 2 {
		t.Errorf("the read after an accepted write: %d GETs in all, want 2", n)
	}
}

func TestMissingDataAndMissingIDs(t *testing.T) {
	tests := []struct {
		name, body, want string
		status           int
		call             func(c *upstream.Client) error
	}{
		{"single resource with data null", `{"status":0,"code":"Ok","data":null}`,
			"without the resource its route promises", 200, func(c *upstream.Client) error {
				_, err := c.GetChart(context.Background(), "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e")
				return err
			}},
		{"single resource without data", `{"status":0,"code":"Ok"}`,
			"without the resource its route promises", 200, func(c *upstream.Client) error {
				_, err := c.GetMe(context.Background())
				return err
			}},
	}
	for _, body := range []string{
		`{"status":0,"code":"Ok","data":null}`, `{"status":0,"code":"Ok","data":{}}`,
		`{"status":0,"code":"Ok","data":{"id":".."}}`, `{"status":0,"code":"Ok","data":{"id":" "}}`, ``,
	} {
		tests = append(tests, struct {
			name, body, want string
			status           int
			call             func(c *upstream.Client) error
		}{"created " + body, body, "did not return the new resource's ID", 201, func(c *upstream.Client) error {
			_, err := c.ReplyToComment(context.Background(), "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e",
				upstream.NewComment{Content: "hi", Language: "en"})
			return err
		}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, reply(tt.status, tt.body))
			err := tt.call(c)
			var uerr *upstream.Error
			if !errors.As(err, &uerr) || uerr.HTTPStatus != tt.status || !strings.Contains(uerr.Message, tt.want) {
				t.Errorf("err = %v, want an *upstream.Error %d saying %q", err, tt.status, tt.want)
			}
		})
	}
}

func TestNewInvitationWithoutCode(t *testing.T) {
	for _, body := range []string{`{"status":0,"code":"Ok","data":null}`, `{"status":0,"code":"Ok","data":{"code":""}}`} {
		c, _ := newTestClient(t, reply(201, body))
		id := "0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e"
		_, hostErr := c.CreateEventHostInvite(context.Background(), id, upstream.NewEventHostInvite{})
		_, teamErr := c.CreateEventTeamInvite(context.Background(), id)
		for _, err := range []error{hostErr, teamErr} {
			var uerr *upstream.Error
			if !errors.As(err, &uerr) || !strings.Contains(uerr.Message, "did not return the new resource's ID") {
				t.Errorf("%s: err = %v, want an *upstream.Error saying the code is missing", body, err)
			}
		}
	}
}
