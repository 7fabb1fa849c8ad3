package resolvers

import (
	"context"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of the account: e-mail codes, sign-up, password reset, e-mail
// change, revocation, login tokens and bindings. Codes, passwords and
// tokens are forwarded once and never logged; inputs the upstream would
// refuse for their shape are refused before any call.

// maxLoginTokenExpiry is the longest login token the upstream issues, in
// seconds.
const maxLoginTokenExpiry = 3600

var emailModes = map[model.EmailCodeMode]upstream.EmailMode{
	model.EmailCodeModeEmailConfirmation:  upstream.EmailModeConfirmation,
	model.EmailCodeModePasswordReset:      upstream.EmailModePasswordReset,
	model.EmailCodeModeAccountRevocation:  upstream.EmailModeRevocation,
	model.EmailCodeModeEmailAddressUpdate: upstream.EmailModeAddressUpdate,
}

// nonBlank refuses an empty or blank argument.
func nonBlank(argument, v string) error {
	if strings.TrimSpace(v) == "" {
		return badInput(argument, "%s must not be empty", argument)
	}
	return nil
}

// nonBlankFields is nonBlank for pairs of names (under prefix) and values.
func nonBlankFields(prefix string, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if err := nonBlank(prefix+pairs[i], pairs[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// emailCode refuses a code of an e-mail that cannot be one: six digits
// at most.
func emailCode(argument, code string) error {
	if err := nonBlank(argument, code); err != nil {
		return err
	}
	if len(code) > 6 {
		return badInput(argument, "%s is the six-digit code of the mail", argument)
	}
	return nil
}

// SendEmailCode has the upstream mail a code.
func (r *mutationResolver) SendEmailCode(
	ctx context.Context, input model.SendEmailCodeInput,
) (*model.SendEmailCodePayload, error) {
	if err := nonBlank("input.email", input.Email); err != nil {
		return nil, err
	}
	if input.Mode == model.EmailCodeModeEmailConfirmation {
		if input.UserName == nil || input.Language == nil {
			return nil, badInput("input", "EMAIL_CONFIRMATION needs userName and language")
		}
	}
	wait := input.Wait != nil && *input.Wait

	req := upstream.EmailRequest{
		Email: input.Email, UserName: input.UserName, Language: input.Language, Mode: emailModes[input.Mode],
	}
	if err := loaders.For(ctx).Client().SendEmail(ctx, req, wait); err != nil {
		return nil, err
	}
	return &model.SendEmailCodePayload{Email: input.Email, Mode: input.Mode}, nil
}

// ResetPassword sets a new password with a mailed code.
func (r *mutationResolver) ResetPassword(
	ctx context.Context, input model.ResetPasswordInput,
) (*model.ResetPasswordPayload, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	if err := emailCode("input.code", input.Code); err != nil {
		return nil, err
	}
	if err := nonBlank("input.password", input.Password); err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().ResetPassword(ctx, input.Code, input.Password); err != nil {
		return nil, err
	}
	return &model.ResetPasswordPayload{PasswordReset: true}, nil
}

// UpdateAccountEmail moves the caller's account to a new address and
// reads the caller back.
func (r *mutationResolver) UpdateAccountEmail(
	ctx context.Context, input model.UpdateAccountEmailInput,
) (*model.ViewerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	if err := emailCode("input.code", input.Code); err != nil {
		return nil, err
	}
	if err := nonBlank("input.newEmailAddress", input.NewEmailAddress); err != nil {
		return nil, err
	}

	return viewerWrite(ctx, func(c *upstream.Client) error {
		return c.UpdateEmailAddress(ctx, input.Code, input.NewEmailAddress)
	})
}

// RevokeAccount deletes the account of a mailed code.
func (r *mutationResolver) RevokeAccount(
	ctx context.Context, input model.RevokeAccountInput,
) (*model.RevokeAccountPayload, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	if err := emailCode("input.code", input.Code); err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().RevokeAccount(ctx, input.Code); err != nil {
		return nil, err
	}
	return &model.RevokeAccountPayload{Revoked: true}, nil
}

// profile is the upstream's part of every sign-up.
func profile(gender *upstream.Gender, biography *string, language, region string, born *time.Time) upstream.Profile {
	p := upstream.Profile{Biography: biography, Language: language, RegionCode: region, DateOfBirth: born}
	if gender != nil {
		p.Gender = *gender
	}
	return p
}

// SignUp creates an account, with the form route when it has an avatar,
// and signs it in.
func (r *mutationResolver) SignUp(ctx context.Context, input model.SignUpInput) (*model.SignUpPayload, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	if err := nonBlankFields("input.", "userName", input.UserName, "email", input.Email, "password", input.Password,
		"language", input.Language, "regionCode", input.RegionCode); err != nil {
		return nil, err
	}
	if err := emailCode("input.emailConfirmationCode", input.EmailConfirmationCode); err != nil {
		return nil, err
	}

	reg := upstream.Registration{
		UserName: input.UserName, Email: input.Email, Password: input.Password,
		EmailConfirmationCode: input.EmailConfirmationCode,
		Profile:               profile(input.Gender, input.Biography, input.Language, input.RegionCode, input.DateOfBirth),
	}
	c := loaders.For(ctx).Client()
	var (
		token string
		err   error
	)
	if avatar, ok := formFile(input.Avatar); ok {
		token, err = c.CreateUser(ctx, reg, avatar)
	} else {
		token, err = c.CreateUserBrief(ctx, reg)
	}
	if err != nil {
		return nil, err
	}
	return r.signedUp(ctx, token)
}

// SignUpWithAuthProvider creates an account from a provider's account and
// signs it in.
func (r *mutationResolver) SignUpWithAuthProvider(
	ctx context.Context, input model.SignUpWithAuthProviderInput,
) (*model.SignUpPayload, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	g, err := providerGrant("input.grant", input.Grant)
	if err != nil {
		return nil, err
	}
	if err := nonBlankFields("input.", "language", input.Language, "regionCode", input.RegionCode); err != nil {
		return nil, err
	}

	p := profile(input.Gender, input.Biography, input.Language, input.RegionCode, input.DateOfBirth)
	token, err := loaders.For(ctx).Client().CreateUserWithProvider(ctx, g, p)
	if err != nil {
		return nil, err
	}
	return r.signedUp(ctx, token)
}

// signedUp trades a sign-up's login token for tokens and reads the new
// account with them.
func (r *mutationResolver) signedUp(ctx context.Context, token string) (*model.SignUpPayload, error) {
	c := loaders.For(ctx).Client()
	set, err := c.RequestLoginTokenGrant(ctx, r.credentials, token)
	if err != nil {
		return nil, presented(err, "the new account's login token was not accepted", "")
	}
	as := upstream.WithCaller(ctx, upstream.Caller{
		Authorization: "Bearer " + set.AccessToken, AcceptLanguage: upstream.CallerFrom(ctx).AcceptLanguage,
	})
	me, err := c.GetMe(as)
	if err != nil {
		// The account exists and its tokens are the caller's: they are
		// answered, with the failed read as an error beside them.
		graphql.AddError(ctx, err)
		return &model.SignUpPayload{Tokens: set}, nil
	}
	return &model.SignUpPayload{Tokens: set, Viewer: me}, nil
}

// providerNames are the upstream's names of the providers.
var providerNames = map[model.AuthProvider]string{
	model.AuthProviderGithub: "GitHub", model.AuthProviderPhira: "Phira",
	model.AuthProviderDiscord: "Discord", model.AuthProviderQq: "Qq",
}

// providerGrant checks what a provider handed back.
func providerGrant(argument string, in *model.AuthProviderGrantInput) (upstream.ProviderGrant, error) {
	if in == nil {
		return upstream.ProviderGrant{}, badInput(argument, "%s must not be null", argument)
	}
	if err := nonBlank(argument+".code", in.Code); err != nil {
		return upstream.ProviderGrant{}, err
	}
	if err := nonBlank(argument+".state", in.State); err != nil {
		return upstream.ProviderGrant{}, err
	}
	g := upstream.ProviderGrant{Provider: providerNames[in.Provider], Code: in.Code, State: in.State}
	if in.RedirectURI != nil {
		g.RedirectURI = *in.RedirectURI
	}
	return g, nil
}

// StartAuthProvider starts a provider's authorisation.
func (r *mutationResolver) StartAuthProvider(
	ctx context.Context, input model.StartAuthProviderInput,
) (*model.StartAuthProviderPayload, error) {
	if err := nonBlank("input.state", input.State); err != nil {
		return nil, err
	}
	if err := nonBlank("input.redirectUri", input.RedirectURI); err != nil {
		return nil, err
	}

	res, err := loaders.For(ctx).Client().RequestAuthProviderIdentity(ctx, providerNames[input.Provider],
		input.State, input.RedirectURI)
	if err != nil {
		return nil, err
	}
	return &model.StartAuthProviderPayload{Type: res.Type, RedirectURI: res.RedirectURI, Message: res.Message}, nil
}

// LoginWithToken trades a login token for tokens.
func (r *mutationResolver) LoginWithToken(
	ctx context.Context, input model.LoginWithTokenInput,
) (*upstream.TokenSet, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	if err := nonBlank("input.token", input.Token); err != nil {
		return nil, err
	}
	set, err := loaders.For(ctx).Client().RequestLoginTokenGrant(ctx, r.credentials, input.Token)
	return set, presented(err, "the login token is not valid or has expired", "")
}

// LoginWithAuthProvider signs in with a provider's code.
func (r *mutationResolver) LoginWithAuthProvider(
	ctx context.Context, input model.AuthProviderGrantInput,
) (*upstream.TokenSet, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	g, err := providerGrant("input", &input)
	if err != nil {
		return nil, err
	}
	set, err := loaders.For(ctx).Client().RequestProviderGrant(ctx, r.credentials, g)
	return set, presented(err, "the provider did not accept this code, or no account is bound to it", "input.provider")
}

// tapTap checks TapTap credentials.
func tapTap(in model.AuthTapTapInput) (upstream.TapTapCredentials, error) {
	app, err := localGUID("input.applicationId", in.ApplicationID, "Application")
	if err != nil {
		return upstream.TapTapCredentials{}, err
	}
	if err := nonBlank("input.accessToken", in.AccessToken); err != nil {
		return upstream.TapTapCredentials{}, err
	}
	if err := nonBlank("input.macKey", in.MacKey); err != nil {
		return upstream.TapTapCredentials{}, err
	}
	return upstream.TapTapCredentials{ApplicationID: app, AccessToken: in.AccessToken, MacKey: in.MacKey}, nil
}

// LoginWithTapTap signs in with TapTap credentials.
func (r *mutationResolver) LoginWithTapTap(
	ctx context.Context, input model.AuthTapTapInput,
) (*upstream.TokenSet, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	cr, err := tapTap(input)
	if err != nil {
		return nil, err
	}
	set, err := loaders.For(ctx).Client().RequestTapTapGrant(ctx, r.credentials, cr)
	return set, presented(err, "TapTap did not accept the access token and MAC key", "input.applicationId")
}

// LookUpTapTapAccount asks whose TapTap credentials these are.
func (r *mutationResolver) LookUpTapTapAccount(
	ctx context.Context, input model.AuthTapTapInput,
) (*model.AuthTapTapPayload, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	cr, err := tapTap(input)
	if err != nil {
		return nil, err
	}

	acc, err := loaders.For(ctx).Client().GetTapTapAccount(ctx, cr)
	if err != nil {
		return nil, err
	}
	out := &model.AuthTapTapPayload{UserName: acc.UserName, Avatar: acc.Avatar, OpenID: acc.OpenID, UnionID: acc.UnionID}
	if acc.User != nil {
		out.User = &acc.User.User
	}
	return out, nil
}

// CreateLoginToken issues a login token of the caller.
func (r *mutationResolver) CreateLoginToken(
	ctx context.Context, input *model.CreateLoginTokenInput,
) (*model.LoginTokenPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	expiry := 30
	if input != nil && input.Expiry != nil {
		if expiry = *input.Expiry; expiry < 1 || expiry > maxLoginTokenExpiry {
			return nil, badInput("input.expiry", "expiry takes 1 to %d seconds, got %d", maxLoginTokenExpiry, expiry)
		}
	}

	token, err := loaders.For(ctx).Client().CreateLoginToken(ctx, expiry)
	if err != nil {
		return nil, err
	}
	return &model.LoginTokenPayload{Token: token, ExpiresIn: expiry}, nil
}

// viewerWrite runs write and reads the caller back.
func viewerWrite(ctx context.Context, write func(c *upstream.Client) error) (*model.ViewerPayload, error) {
	c := loaders.For(ctx).Client()
	if err := write(c); err != nil {
		return nil, err
	}
	me, err := c.GetMe(ctx)
	if err != nil {
		return nil, err
	}
	return &model.ViewerPayload{Viewer: me}, nil
}

// BindAuthProvider binds the caller to a provider's account.
func (r *mutationResolver) BindAuthProvider(
	ctx context.Context, input model.AuthProviderGrantInput,
) (*model.ViewerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	g, err := providerGrant("input", &input)
	if err != nil {
		return nil, err
	}
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	return viewerWrite(ctx, func(c *upstream.Client) error { return c.BindAuthProvider(ctx, g) })
}

// UnbindAuthProvider removes the caller's binding to a provider.
func (r *mutationResolver) UnbindAuthProvider(
	ctx context.Context, input model.UnbindAuthProviderInput,
) (*model.ViewerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	return viewerWrite(ctx, func(c *upstream.Client) error {
		return c.UnbindAuthProvider(ctx, providerNames[input.Provider])
	})
}

// BindTapTap binds the caller to a TapTap account.
func (r *mutationResolver) BindTapTap(ctx context.Context, input model.AuthTapTapInput) (*model.ViewerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	cr, err := tapTap(input)
	if err != nil {
		return nil, err
	}
	return viewerWrite(ctx, func(c *upstream.Client) error { return c.BindTapTap(ctx, cr) })
}

// UnbindTapTap removes the caller's TapTap binding on an application.
func (r *mutationResolver) UnbindTapTap(
	ctx context.Context, input model.UnbindTapTapInput,
) (*model.ViewerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	app, err := localGUID("input.applicationId", input.ApplicationID, "Application")
	if err != nil {
		return nil, err
	}
	return viewerWrite(ctx, func(c *upstream.Client) error { return c.UnbindTapTap(ctx, app) })
}

// RequestTapTapInheritance asks, as a TapTap ghost, for a code.
func (r *mutationResolver) RequestTapTapInheritance(ctx context.Context) (*model.BindingInheritanceCodePayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	code, err := loaders.For(ctx).Client().RequestTapTapInheritance(ctx)
	if err != nil {
		return nil, err
	}
	return &model.BindingInheritanceCodePayload{Code: code}, nil
}

// InheritTapTapAccount takes over a TapTap ghost's data with its code.
func (r *mutationResolver) InheritTapTapAccount(
	ctx context.Context, input model.InheritTapTapAccountInput,
) (*model.ViewerPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	if err := nonBlank("input.code", input.Code); err != nil {
		return nil, err
	}
	if len(input.Code) > 4 {
		return nil, badInput("input.code", "input.code is the four-character code of requestTapTapInheritance")
	}
	return viewerWrite(ctx, func(c *upstream.Client) error { return c.InheritTapTapGhost(ctx, input.Code) })
}
