package sandbox

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sign-up (POST /users, /users/brief) and login tokens, with the rules of
// UserController and UserInfoController; sign-up with a provider is in
// writes_account_bindings.go.

// registration is UserRegistrationDto and UserRegistrationBriefDto (the
// avatar comes with the form of POST /users only), and, without the
// first four fields, UserRegistrationWithProviderDto.
type registration struct {
	UserName              string
	Email                 string
	Password              string
	EmailConfirmationCode string
	Gender                Gender
	Biography             *string
	Language              string
	RegionCode            string
	DateOfBirth           *time.Time
}

// profileErrors validates the fields every sign-up has.
func (c *call) profileErrors(dto registration, errs fieldErrors) fieldErrors {
	if dto.Gender < 0 || dto.Gender > 3 {
		errs.add("Gender", codeValueOutOfRange)
	}
	errs = fieldErrors(tooLong(errs, "Biography", dto.Biography, 2000))
	if !languageCode.MatchString(dto.Language) {
		errs.add("Language", codeInvalidLanguage)
	}
	_, known := c.d.idx.regionsByCode[dto.RegionCode]
	switch {
	case dto.RegionCode == "":
		errs.add("RegionCode", codeFieldEmpty)
	case !regionCodePattern.MatchString(dto.RegionCode):
		errs.add("RegionCode", codeInvalidRegionCode)
	case !known:
		errs.add("RegionCode", codeUnsupportedRegion)
	}
	return errs
}

// postUser is POST /users: sign-up with a multipart form (UserRegistrationDto,
// the picture as Avatar), 201 with a login token.
func (c *call) postUser() {
	if !c.readForm() {
		return
	}
	f := c.r.MultipartForm.Value
	get := func(name string) string {
		for k, v := range f {
			if strings.EqualFold(k, name) && len(v) > 0 {
				return v[0]
			}
		}
		return ""
	}
	dto := registration{
		UserName: get("UserName"), Email: get("Email"), Password: get("Password"),
		EmailConfirmationCode: get("EmailConfirmationCode"), Language: get("Language"), RegionCode: get("RegionCode"),
	}
	var errs fieldErrors
	if v := get("Gender"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			errs = append(errs, invalidValue("Gender", v))
		}
		dto.Gender = Gender(n)
	}
	if v := get("Biography"); v != "" {
		dto.Biography = &v
	}
	if v := get("DateOfBirth"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			errs.add("DateOfBirth", codeInvalidDate)
		}
		dto.DateOfBirth = &t
	}
	c.signUp(dto, errs, true)
}

// postUserBrief is POST /users/brief: sign-up with a JSON body
// (UserRegistrationBriefDto), 201 with a login token.
func (c *call) postUserBrief() {
	var dto registration
	if c.decode(&dto) {
		c.signUp(dto, nil, false)
	}
}

// signUp validates a registration, redeems its EmailConfirmation code and
// creates the member with a default play configuration.
func (c *call) signUp(dto registration, errs fieldErrors, withAvatar bool) {
	if dto.UserName == "" {
		errs.add("UserName", codeFieldEmpty)
	} else if !userNamePattern.MatchString(dto.UserName) {
		errs.add("UserName", codeInvalidUserName)
	}
	errs.email("Email", dto.Email)
	errs.password("Password", dto.Password)
	errs.code("EmailConfirmationCode", dto.EmailConfirmationCode, 6)
	if errs = c.profileErrors(dto, errs); len(errs) > 0 {
		c.invalid(errs)
		return
	}

	key := fmt.Sprintf("%d:%s", EmailConfirmation, dto.EmailConfirmationCode)
	if v, ok := c.acct().codes[key]; !ok || v.value != dto.Email || c.s.auth.now().After(v.expires) {
		c.fail(http.StatusBadRequest, codeInvalidCode)
		return
	}
	delete(c.acct().codes, key)
	switch {
	case c.byEmail(dto.Email) != nil:
		c.fail(http.StatusBadRequest, codeEmailOccupied)
		return
	case c.byUserName(dto.UserName) != nil:
		c.fail(http.StatusBadRequest, codeUserNameOccupied)
		return
	}
	var avatar *string
	if withAvatar {
		url, present, ok := c.formFile("Avatar", dto.UserName, "users/avatars", ".webp")
		if !ok {
			return
		}
		if present {
			avatar = &url
		}
	}

	u := c.createMember(dto, dto.Email, avatar)
	c.acct().passwords[u.ID] = dto.Password
	c.createdWith(struct {
		Token string `json:"token"`
	}{c.loginToken(u.ID, signUpTokenLifetime)})
}

// createMember adds an activated member with a default play configuration.
func (c *call) createMember(dto registration, email string, avatar *string) *User {
	id := 0
	for _, u := range c.d.Users {
		id = max(id, u.ID)
	}
	id++
	u := User{
		ID: id, UserName: dto.UserName, Email: email, EmailConfirmed: true, Avatar: avatar, Role: RoleMember,
		Gender: dto.Gender, Biography: dto.Biography, Language: dto.Language,
		Region: c.d.Regions[c.d.idx.regionsByCode[dto.RegionCode]], DateJoined: c.now(),
	}
	if dto.DateOfBirth != nil {
		t := time.Date(dto.DateOfBirth.Year(), dto.DateOfBirth.Month(), dto.DateOfBirth.Day(), 0, 0, 0, 0, time.UTC)
		u.DateOfBirth = &t
	}
	c.d.Users = append(c.d.Users, u)
	cat := &c.d.Areas.Catalog
	cat.PlayConfigurations = append(cat.PlayConfigurations, PlayConfiguration{
		ID: c.newID(), Name: ptr("Default"), PerfectJudgment: 80, GoodJudgment: 160, NoteSize: 1,
		BackgroundLuminance: 0.5, BackgroundBlur: 1, SimultaneousNoteHint: true, FcApIndicator: true,
		HitSoundVolume: 1, MusicVolume: 1, OwnerID: id, DateCreated: c.now(),
	})
	c.d.reindex()
	return c.d.User(id)
}

// createdWith answers 201 with data in the envelope.
func (c *call) createdWith(data any) {
	c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: data})
}

// loginToken issues a one-time token that POST /auth/token?token=
// trades for a session of user.
func (c *call) loginToken(user int, lifetime time.Duration) string {
	token := c.newID()
	c.acct().loginTokens[token] = expiring{value: strconv.Itoa(user), expires: c.s.auth.now().Add(lifetime)}
	return token
}

// postLoginToken is POST /me/loginToken?expiry=: a login token of the
// caller valid expiry seconds (30 by default, at most 3600), 200.
func (c *call) postLoginToken() {
	if !c.member() {
		return
	}
	expiry := 30
	if v := c.r.URL.Query().Get("expiry"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			c.invalid([]fieldError{invalidValue("expiry", v)})
			return
		}
		expiry = n
	}
	if expiry <= 0 || expiry > maxLoginTokenExpiry {
		c.fail(http.StatusBadRequest, codeInvalidData)
		return
	}
	c.plain(struct {
		Token string `json:"token"`
	}{c.loginToken(c.caller.ID, time.Duration(expiry)*time.Second)})
}

// redeemLoginToken is the token grant of POST /auth/token?token=: the
// user of a live login token, which is spent.
func (c *call) redeemLoginToken(token string) *User {
	v, ok := c.take(c.acct().loginTokens, token)
	if !ok {
		return nil
	}
	id, _ := strconv.Atoi(v)
	return c.d.User(id)
}
