package sandbox

import (
	"bufio"
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"slices"
	"testing"
	"time"
)

// A developer on a running sandbox reads the mail it would send in its log:
// one Info line per mail with the address, the purpose and the code, and
// that code signs up.
func TestMailIsLogged(t *testing.T) {
	s := New()
	var buf bytes.Buffer
	s.SetLogger(slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo})))
	const email = "newcomer@example.org"

	a := sendBody(s, "POST", "/auth/sendEmail",
		`{"email":"`+email+`","userName":"Newcomer_1","language":"en-US","mode":0}`)
	if a.code != http.StatusNoContent {
		t.Fatalf("sendEmail = %d %s", a.code, a.raw)
	}

	var lines []map[string]any
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		lines = append(lines, line)
	}
	if len(lines) != 1 {
		t.Fatalf("got %d Info lines, want 1: %s", len(lines), buf.String())
	}
	line := lines[0]
	mails := s.Mailbox()
	if len(mails) != 1 {
		t.Fatalf("mailbox holds %d mails, want 1", len(mails))
	}
	want := map[string]any{"level": "INFO", "msg": "sandbox mail", "to": email,
		"purpose": "EmailConfirmation", "code": mails[0].Code}
	for k, v := range want {
		if line[k] != v {
			t.Errorf("log %s = %v, want %v", k, line[k], v)
		}
	}
	keys := make([]string, 0, len(line))
	for k := range line {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"code", "level", "msg", "purpose", "time", "to"}) {
		t.Errorf("log keys = %v: only the address, purpose and code may be logged", keys)
	}

	code, _ := line["code"].(string)
	a = sendBody(s, "POST", "/users/brief", `{"userName":"Newcomer_1","email":"`+email+
		`","password":"new-password-1","emailConfirmationCode":"`+code+`","language":"en-US","regionCode":"US"}`)
	if a.code != http.StatusCreated {
		t.Errorf("sign-up with the logged code = %d %s", a.code, a.raw)
	}
}

// Every rule of time runs on the sandbox's clock, which starts at Data.Now:
// a mail's cooldown ends five minutes after the data set's present, not
// after the wall clock's.
func TestCooldownsUseTheSandboxClock(t *testing.T) {
	s := New()
	s.SetLogger(slog.New(slog.DiscardHandler))
	now := s.Data().Now
	body := `{"email":"alice@sandbox.phizone.test","mode":1}`
	if a := sendBody(s, "POST", "/auth/sendEmail", body); a.code != http.StatusNoContent {
		t.Fatalf("first mail = %d %s", a.code, a.raw)
	}
	a := sendBody(s, "POST", "/auth/sendEmail", body)
	if a.code != http.StatusBadRequest || a.Code != codeEmailCooldown || a.DateAvailable == nil {
		t.Fatalf("second mail = %d %s", a.code, a.raw)
	}
	until, err := time.Parse(time.RFC3339Nano, *a.DateAvailable)
	if err != nil {
		t.Fatal(err)
	}
	if until.Before(now.Add(emailCooldown)) || until.After(now.Add(emailCooldown+time.Hour)) {
		t.Errorf("dateAvailable = %s, want five minutes after the sandbox's present %s", until, now)
	}
	if sent := s.Mailbox()[0].Sent; sent.Before(now) || sent.After(now.Add(time.Hour)) {
		t.Errorf("the mail is dated %s, want the sandbox's present %s", sent, now)
	}
}
