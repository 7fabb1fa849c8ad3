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

// Login signs a user in with the password grant. A request signs in once
// at most, so that it cannot carry a batch of password guesses.
func (r *mutationResolver) Login(ctx context.Context, input model.LoginInput) (*upstream.TokenSet, error) {
	if !loaders.For(ctx).FirstSignIn() {
		return nil, badInput("input", "one request may sign in once")
	}
	email := strings.TrimSpace(input.Email)
	if email == "" || input.Password == "" {
		return nil, badInput("input", "email and password must not be empty")
	}
	return loaders.For(ctx).Client().RequestPasswordToken(ctx, r.credentials, email, input.Password)
}

// RefreshToken trades a refresh token for a new token set.
func (r *mutationResolver) RefreshToken(ctx context.Context, input model.RefreshTokenInput) (*upstream.TokenSet, error) {
	if !loaders.For(ctx).FirstSignIn() {
		return nil, badInput("input", "one request may sign in once")
	}
	if input.RefreshToken == "" {
		return nil, badInput("input.refreshToken", "refreshToken must not be empty")
	}
	return loaders.For(ctx).Client().RefreshToken(ctx, r.credentials, input.RefreshToken)
}

// RevokeToken revokes a token.
func (r *mutationResolver) RevokeToken(ctx context.Context, input model.RevokeTokenInput) (*model.RevokeTokenPayload, error) {
	if input.Token == "" {
		return nil, badInput("input.token", "token must not be empty")
	}
	if err := loaders.For(ctx).Client().RevokeToken(ctx, r.credentials, input.Token); err != nil {
		return nil, err
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
