package sandbox

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The account area: e-mail codes, password reset, e-mail change and
// account revocation, with the rules of AuthenticationController,
// UserController and UserInfoController. The sandbox sends no mail: every
// mail it would send is kept in a mailbox that tests read with
// [Server.Mailbox], and logged at Info ("sandbox mail", with its address,
// purpose and code) so that a developer on a running sandbox can read it. Sign-up and login tokens are in
// writes_account_signup.go, bindings to OAuth providers in
// writes_account_bindings.go, TapTap in writes_account_taptap.go.

const (
	codeInvalidCode         = "InvalidCode"
	codeEmailOccupied       = "EmailOccupied"
	codeEmailCooldown       = "EmailCooldown"
	codeInvalidEmailAddress = "InvalidEmailAddress"
	codeInvalidPassword     = "InvalidPassword"
	codeInvalidDate         = "InvalidDate"

	// officialUserID is CriticalValues.PhiZoneOfficialUserId: the account
	// that keeps the ranked charts and used songs of a revoked account.
	officialUserID = 1
	// emailCodeLifetime and emailCooldown are the mail service's.
	emailCodeLifetime = 305 * time.Second
	emailCooldown     = 5 * time.Minute
	// maxLoginTokenExpiry is the longest login token of POST /me/loginToken.
	maxLoginTokenExpiry = 3600
	// signUpTokenLifetime is how long the login token of a sign-up lasts.
	signUpTokenLifetime = 30 * time.Second
)

func init() {
	areaRoutes["writes-account"] = func(s *Server) []route {
		return append([]route{
			newRoute(http.MethodPost, "/auth/sendEmail", (*call).postSendEmail),
			newRoute(http.MethodPost, "/auth/resetPassword", (*call).postResetPassword),
			newRoute(http.MethodPost, "/auth/updateEmailAddress", (*call).postUpdateEmailAddress),
			newRoute(http.MethodPost, "/auth/revokeAccount", (*call).postRevokeAccount),
			newRoute(http.MethodPost, "/users", (*call).postUser),
			newRoute(http.MethodPost, "/users/brief", (*call).postUserBrief),
			newRoute(http.MethodPost, "/me/loginToken", (*call).postLoginToken),
		}, bindingRoutes()...)
	}
}

// EmailRequestMode is why a mail with a code is sent.
type EmailRequestMode int

// Modes of POST /auth/sendEmail.
const (
	EmailConfirmation EmailRequestMode = iota
	PasswordReset
	AccountRevocation
	EmailAddressUpdate
)

// String returns the mode's name in the upstream's EmailRequestMode.
func (m EmailRequestMode) String() string {
	switch m {
	case EmailConfirmation:
		return "EmailConfirmation"
	case PasswordReset:
		return "PasswordReset"
	case AccountRevocation:
		return "AccountRevocation"
	case EmailAddressUpdate:
		return "EmailAddressUpdate"
	}
	return "EmailRequestMode(" + strconv.Itoa(int(m)) + ")"
}

// Mail is one mail the sandbox would have sent: its address, why, and
// the six-digit code it carries.
type Mail struct {
	To       string
	UserName string
	Mode     EmailRequestMode
	Code     string
	Sent     time.Time
}

// expiring is a value of the upstream's Redis with its time to live.
type expiring struct {
	value   string
	expires time.Time
}

// accountState is what the upstream keeps in Redis and in its
// ApplicationUser and TapGhost tables for the account routes.
type accountState struct {
	mail        []Mail
	codes       map[string]expiring // "mode:code" -> e-mail address
	cooldowns   map[string]time.Time
	passwords   map[int]string // set by sign-up and reset; seeded users have theirs
	loginTokens map[string]expiring
	bindings    []binding
	states      map[string]expiring // "provider:state" -> user ID, "" anonymous
	ghosts      map[ghostKey]*tapGhost
	inherits    map[string]expiring // code -> "application:unionId"
}

func (a *accountState) init() {
	*a = accountState{
		codes: map[string]expiring{}, cooldowns: map[string]time.Time{}, passwords: map[int]string{},
		loginTokens: map[string]expiring{}, states: map[string]expiring{}, ghosts: map[ghostKey]*tapGhost{},
		inherits: map[string]expiring{},
	}
}

// Mailbox returns every mail the sandbox has "sent", oldest first: the
// codes of sign-up, password reset, account revocation and e-mail change.
func (s *Server) Mailbox() []Mail {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.auth.account.mail)
}

// acct is the account state of the call's server.
func (c *call) acct() *accountState { return &c.s.auth.account }

// take returns the live value of key in m and forgets it.
func (c *call) take(m map[string]expiring, key string) (string, bool) {
	v, ok := m[key]
	delete(m, key)
	if !ok || c.s.auth.now().After(v.expires) {
		return "", false
	}
	return v.value, true
}

// password is the password of a user's password grant.
func (c *call) password(u *User) (string, bool) {
	if p, ok := c.acct().passwords[u.ID]; ok {
		return p, true
	}
	if u.ID <= len(seeded) {
		return seeded[u.ID-1].password, true
	}
	return "", false
}

// decode reads a JSON body into v, answering 400 itself when it cannot.
func (c *call) decode(v any) bool {
	if err := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20)).Decode(v); err != nil {
		c.invalid([]fieldError{{Field: "body", Errors: []string{codeInvalidData}}})
		return false
	}
	return true
}

var (
	emailPattern    = regexp.MustCompile(`^[\w\-.]+@([\w-]+\.)+[\w-]{2,4}$`)
	passwordPattern = regexp.MustCompile(`^.{6,24}$`)
)

// fieldErrors collects the validation errors of a DTO.
type fieldErrors []fieldError

func (e *fieldErrors) add(field, code string) {
	*e = append(*e, fieldError{Field: field, Errors: []string{code}})
}

func (e *fieldErrors) email(field, v string) {
	switch {
	case v == "":
		e.add(field, codeFieldEmpty)
	case len(v) > 1000:
		e.add(field, codeValueTooLong)
	case !emailPattern.MatchString(v):
		e.add(field, codeInvalidEmailAddress)
	}
}

func (e *fieldErrors) code(field, v string, max int) {
	switch {
	case v == "":
		e.add(field, codeFieldEmpty)
	case len(v) > max:
		e.add(field, codeValueTooLong)
	}
}

func (e *fieldErrors) password(field, v string) {
	switch {
	case v == "":
		e.add(field, codeFieldEmpty)
	case !passwordPattern.MatchString(v):
		e.add(field, codeInvalidPassword)
	}
}

// emailRequest is UserEmailRequestDto.
type emailRequest struct {
	Email    string
	UserName *string
	Language *string
	Mode     EmailRequestMode
}

// postSendEmail is POST /auth/sendEmail: it "sends" a mail with a code to
// the mailbox, 204. Codes live 305 seconds; without ?wait=true an address
// then waits five minutes before the next mail of the same mode.
func (c *call) postSendEmail() {
	var dto emailRequest
	if !c.decode(&dto) {
		return
	}
	var errs fieldErrors
	errs.email("Email", dto.Email)
	if dto.UserName != nil && !userNamePattern.MatchString(*dto.UserName) {
		errs.add("UserName", codeInvalidUserName)
	}
	if dto.Language != nil && !languageCode.MatchString(*dto.Language) {
		errs.add("Language", codeInvalidLanguage)
	}
	if dto.Mode < EmailConfirmation || dto.Mode > EmailAddressUpdate {
		errs.add("Mode", codeValueOutOfRange)
	}
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}

	user := c.byEmail(dto.Email)
	forNewAddress := dto.Mode == EmailConfirmation || dto.Mode == EmailAddressUpdate
	if !forNewAddress {
		switch {
		case user == nil:
			c.fail(http.StatusNotFound, codeUserNotFound)
			return
		case user.Role < RoleMember:
			c.fail(http.StatusForbidden, codeInsufficientPermission)
			return
		}
	}
	cooldown := fmt.Sprintf("%d:%s", dto.Mode, dto.Email)
	if until, ok := c.acct().cooldowns[cooldown]; ok && c.s.auth.now().Before(until) {
		c.writeJSON(http.StatusBadRequest, envelope{
			Status: StatusErrorTemporarilyUnavailable, Code: codeEmailCooldown, DateAvailable: &until,
		})
		return
	}
	if forNewAddress {
		if code, ok := c.newAddressRefusal(dto, user); !ok {
			c.fail(http.StatusBadRequest, code)
			return
		}
	}

	name := ""
	switch {
	case dto.UserName != nil:
		name = *dto.UserName
	case user != nil:
		name = user.UserName
	}
	c.mail(dto.Email, name, dto.Mode)
	if wait, _ := strconv.ParseBool(c.r.URL.Query().Get("wait")); !wait {
		c.acct().cooldowns[cooldown] = c.s.auth.now().Add(emailCooldown)
	}
	c.empty(http.StatusNoContent)
}

// newAddressRefusal checks a mail to an address that has no account yet.
func (c *call) newAddressRefusal(dto emailRequest, user *User) (string, bool) {
	switch {
	case user != nil && dto.Mode == EmailConfirmation && dto.UserName != nil &&
		strings.EqualFold(user.UserName, *dto.UserName):
		return codeAlreadyDone, false
	case user != nil:
		return codeEmailOccupied, false
	case dto.Mode != EmailConfirmation:
		return "", true
	case dto.UserName == nil:
		return codeInvalidUserName, false
	case dto.Language == nil:
		return codeInvalidLanguage, false
	case c.byUserName(*dto.UserName) != nil:
		return codeUserNameOccupied, false
	}
	return "", true
}

// mail puts a mail with a fresh code for mode into the mailbox, and logs
// it at Info where a developer running the sandbox reads it: the address,
// the purpose and the code. The code is the sandbox's test data, not a
// secret of a real account; nothing else secret is logged.
func (c *call) mail(to, userName string, mode EmailRequestMode) {
	a := c.acct()
	var code string
	for {
		n, _ := rand.Int(rand.Reader, big.NewInt(1000000))
		code = fmt.Sprintf("%06d", n.Int64())
		if _, taken := a.codes[fmt.Sprintf("%d:%s", mode, code)]; !taken {
			break
		}
	}
	now := c.s.auth.now()
	a.codes[fmt.Sprintf("%d:%s", mode, code)] = expiring{value: to, expires: now.Add(emailCodeLifetime)}
	a.mail = append(a.mail, Mail{To: to, UserName: userName, Mode: mode, Code: code, Sent: now})
	c.s.logTo().InfoContext(c.r.Context(), "sandbox mail", "to", to, "purpose", mode.String(), "code", code)
}

// redeem takes the address a code of mode was sent to, once.
func (c *call) redeem(mode EmailRequestMode, code string) (string, bool) {
	return c.take(c.acct().codes, fmt.Sprintf("%d:%s", mode, code))
}

func (c *call) byUserName(name string) *User {
	for i := range c.d.Users {
		if strings.EqualFold(c.d.Users[i].UserName, name) {
			return &c.d.Users[i]
		}
	}
	return nil
}

// passwordReset is UserPasswordResetDto.
type passwordReset struct {
	Code     string
	Password string
}

// postResetPassword is POST /auth/resetPassword: the code of a
// PasswordReset mail sets a new password, 204.
func (c *call) postResetPassword() {
	var dto passwordReset
	if !c.decode(&dto) {
		return
	}
	var errs fieldErrors
	errs.code("Code", dto.Code, 6)
	errs.password("Password", dto.Password)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	email, ok := c.redeem(PasswordReset, dto.Code)
	user := c.byEmail(email)
	if !ok || user == nil {
		c.fail(http.StatusBadRequest, codeInvalidCode)
		return
	}
	c.acct().passwords[user.ID] = dto.Password
	c.empty(http.StatusNoContent)
}

// emailUpdate is UserEmailAddressUpdateDto.
type emailUpdate struct {
	Code            string
	NewEmailAddress string
}

// postUpdateEmailAddress is POST /auth/updateEmailAddress: the code of an
// EmailAddressUpdate mail sent to the new address moves the caller's
// account there, 204.
func (c *call) postUpdateEmailAddress() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	var dto emailUpdate
	if !c.decode(&dto) {
		return
	}
	var errs fieldErrors
	errs.code("Code", dto.Code, 6)
	errs.email("NewEmailAddress", dto.NewEmailAddress)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	key := fmt.Sprintf("%d:%s", EmailAddressUpdate, dto.Code)
	if v, ok := c.acct().codes[key]; !ok || v.value != dto.NewEmailAddress || c.s.auth.now().After(v.expires) {
		c.fail(http.StatusBadRequest, codeInvalidCode)
		return
	}
	delete(c.acct().codes, key)
	if c.byEmail(dto.NewEmailAddress) != nil {
		c.fail(http.StatusBadRequest, codeEmailOccupied)
		return
	}
	c.caller.Email = dto.NewEmailAddress
	c.empty(http.StatusNoContent)
}

// codeRequest is CodeRequestDto.
type codeRequest struct{ Code string }

// postRevokeAccount is POST /auth/revokeAccount: the code of an
// AccountRevocation mail deletes the account, 204. The account's
// notifications go; its charts and songs pass to the official account.
// Unlike the upstream, which deletes the unranked charts and unused songs,
// the sandbox keeps them, so that no record or chart loses its parent.
func (c *call) postRevokeAccount() {
	var dto codeRequest
	if !c.decode(&dto) {
		return
	}
	var errs fieldErrors
	errs.code("Code", dto.Code, 6)
	if len(errs) > 0 {
		c.invalid(errs)
		return
	}
	email, ok := c.redeem(AccountRevocation, dto.Code)
	user := c.byEmail(email)
	if !ok || user == nil {
		c.fail(http.StatusBadRequest, codeInvalidCode)
		return
	}

	id := user.ID
	cat := &c.d.Areas.Catalog
	cat.Notifications = slices.DeleteFunc(cat.Notifications, func(n Notification) bool {
		return n.OwnerID == id || n.OperatorID != nil && *n.OperatorID == id
	})
	for i := range c.d.Charts {
		if c.d.Charts[i].OwnerID == id {
			c.d.Charts[i].OwnerID = officialUserID
		}
	}
	for i := range c.d.Songs {
		if c.d.Songs[i].OwnerID == id {
			c.d.Songs[i].OwnerID = officialUserID
		}
	}
	c.d.Users = slices.DeleteFunc(c.d.Users, func(u User) bool { return u.ID == id })
	a := c.acct()
	delete(a.passwords, id)
	a.bindings = slices.DeleteFunc(a.bindings, func(b binding) bool { return b.userID == id })
	c.s.auth.forget(id)
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// forget ends every session of a user.
func (a *authState) forget(user int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, m := range []map[string]session{a.access, a.refresh} {
		for token, s := range m {
			if s.user == user {
				delete(m, token)
			}
		}
	}
}
