package resolvers

import (
	"context"
	"strings"

	"github.com/phizone/graphql-facade/graph"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Mutation returns the resolver of the root mutation.
func (r *Resolver) Mutation() graph.MutationResolver { return &mutationResolver{r} }

// TokenSet returns the resolver of TokenSet's optional fields.
func (r *Resolver) TokenSet() graph.TokenSetResolver { return &tokenSetResolver{r} }

type (
	mutationResolver struct{ *Resolver }
	tokenSetResolver struct{ *Resolver }
)

// oneAttempt admits the request's one attempt at a credential or a code:
// sign-ins, sign-ups, password resets, account revocations, e-mail
// changes, TapTap look-ups, provider and TapTap bindings, inheritances and
// invitation codes (of event hosts and teams) share it, so that a request
// cannot carry a batch of guesses.
func oneAttempt(ctx context.Context) error {
	if !loaders.For(ctx).FirstSignIn() {
		return badInput("input", "one request may sign in or try a credential or code once")
	}
	return nil
}

// Login signs a user in with the password grant, once per request (see
// oneAttempt).
func (r *mutationResolver) Login(ctx context.Context, input model.LoginInput) (*upstream.TokenSet, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	email := strings.TrimSpace(input.Email)
	if email == "" || input.Password == "" {
		return nil, badInput("input", "email and password must not be empty")
	}
	set, err := loaders.For(ctx).Client().RequestPasswordToken(ctx, r.credentials, email, input.Password)
	if err != nil {
		return nil, &credentialError{refused: "the e-mail address or password is not right", account: true, err: err}
	}
	return set, nil
}

// RefreshToken trades a refresh token for a new token set.
func (r *mutationResolver) RefreshToken(ctx context.Context, input model.RefreshTokenInput) (*upstream.TokenSet, error) {
	if err := oneAttempt(ctx); err != nil {
		return nil, err
	}
	if input.RefreshToken == "" {
		return nil, badInput("input.refreshToken", "refreshToken must not be empty")
	}
	set, err := loaders.For(ctx).Client().RefreshToken(ctx, r.credentials, input.RefreshToken)
	return set, presented(err, "the refresh token is not valid or has expired", "")
}

// RevokeToken revokes a token.
func (r *mutationResolver) RevokeToken(ctx context.Context, input model.RevokeTokenInput) (*model.RevokeTokenPayload, error) {
	if input.Token == "" {
		return nil, badInput("input.token", "token must not be empty")
	}
	if err := loaders.For(ctx).Client().RevokeToken(ctx, r.credentials, input.Token); err != nil {
		return nil, presented(err, "the token is not valid", "")
	}
	return &model.RevokeTokenPayload{Revoked: true}, nil
}

// RefreshToken is null when the upstream granted none.
func (r *tokenSetResolver) RefreshToken(_ context.Context, obj *upstream.TokenSet) (*string, error) {
	return nonEmpty(obj.RefreshToken), nil
}

// Scope is null when the upstream named none.
func (r *tokenSetResolver) Scope(_ context.Context, obj *upstream.TokenSet) (*string, error) {
	return nonEmpty(obj.Scope), nil
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
