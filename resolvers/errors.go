package resolvers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// Error codes set in extensions.code of every error the facade returns.
const (
	CodeBadUserInput        = "BAD_USER_INPUT"
	CodeUnauthenticated     = "UNAUTHENTICATED"
	CodeForbidden           = "FORBIDDEN"
	CodeNotFound            = "NOT_FOUND"
	CodeConflict            = "CONFLICT"
	CodeUpstreamError       = "UPSTREAM_ERROR"
	CodeUpstreamTimeout     = "UPSTREAM_TIMEOUT"
	CodeUpstreamUnavailable = "UPSTREAM_UNAVAILABLE"
	CodeInternal            = "INTERNAL_SERVER_ERROR"
	CodeInvalidCredentials  = "INVALID_CREDENTIALS"
	CodeInteraction         = "INTERACTION_REQUIRED"
	CodeBudgetExceeded      = "UPSTREAM_BUDGET_EXCEEDED"
	CodeRateLimited         = "UPSTREAM_RATE_LIMITED"
	CodeBadRequest          = "BAD_REQUEST"
	CodeTooSoon             = "TOO_SOON"
	CodeBusy                = "BUSY"
)

// inputError is a problem with an argument, found before any upstream call.
type inputError struct {
	argument string
	msg      string
}

func (e *inputError) Error() string { return e.msg }

// BadInput marks the error as the caller's.
func (e *inputError) BadInput() bool { return true }

// badInputError is any error that says it is the caller's: arguments,
// scalars and enums that cannot be read.
type badInputError interface {
	error
	BadInput() bool
}

func badInput(argument, format string, a ...any) error {
	return &inputError{argument: argument, msg: fmt.Sprintf(format, a...)}
}

// unauthenticated is the error of a field that needs a signed-in caller
// when the request carries no token.
var errNoToken = errors.New("this field needs a signed-in caller: send Authorization: Bearer <token>")

// signedIn fails a field that needs a signed-in caller when the request
// carries no token, before any upstream call.
func signedIn(ctx context.Context) error {
	if !upstream.CallerFrom(ctx).SignedIn() {
		return errNoToken
	}
	return nil
}

var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// guid checks that id, the value of argument, is a GUID.
func guid(argument, id string) (string, error) {
	if !guidPattern.MatchString(id) {
		return "", badInput(argument, "%s must be a GUID such as 0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e, got %q", argument, id)
	}
	return id, nil
}

// localGUID reads the id argument of a field that reads one object of
// typeName: the object's GUID, or its global ID.
func localGUID(argument, id, typeName string) (string, error) {
	if guidPattern.MatchString(id) {
		return id, nil
	}
	if t, local, err := globalid.Decode(id); err == nil && t == typeName && guidPattern.MatchString(local) {
		return local, nil
	}
	return "", badInput(argument, "%s must be a GUID such as 0b5d7a6e-2f7c-4d8e-9a43-6f1c2b3a4d5e or a global ID of a %s, got %q",
		argument, typeName, id)
}

// localUserID is localGUID for users, whose IDs are integers.
func localUserID(argument, id string) (int, error) {
	if t, local, err := globalid.Decode(id); err == nil && t == "User" {
		id = local
	}
	return userID(argument, id)
}

// userID checks that id, the value of argument, is a user ID.
func userID(argument, id string) (int, error) {
	n, err := strconv.ParseInt(id, 10, 32)
	if err != nil || n < 1 {
		return 0, badInput(argument, "%s must be a positive 32-bit integer ID, got %q", argument, id)
	}
	return int(n), nil
}

// PresentError turns any error of a field into a GraphQL error whose
// extensions carry a code and, for upstream failures, the upstream's HTTP
// status, code word, route and field errors. An input the facade refuses
// itself carries fieldErrors too, in the upstream's shape, so that a form
// reads one shape whoever refused it.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	gerr := presentError(ctx, err)
	arg, named := gerr.Extensions["argument"].(string)
	if _, has := gerr.Extensions["fieldErrors"]; named && !has && gerr.Extensions["code"] == CodeBadUserInput {
		gerr.Extensions["fieldErrors"] = []upstream.FieldError{
			{Field: strings.TrimPrefix(arg, "input."), Errors: []string{"InvalidValue"}},
		}
	}
	return gerr
}

// presentError is PresentError before the facade's own input errors get
// their fieldErrors.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	if gerr.Extensions == nil {
		gerr.Extensions = map[string]any{}
	}
	if _, set := gerr.Extensions["code"]; set {
		return gerr
	}

	var (
		up      *upstream.Error
		input   *inputError
		args    *paging.Error
		bad     badInputError
		oauth   *upstream.OAuthError
		missing *loaders.MissingError
		net     *upstream.TransportError
		budget  *upstream.BudgetError
		upload  *upstream.UploadBudgetError
	)
	switch {
	case errors.As(err, &input):
		gerr.Extensions["code"] = CodeBadUserInput
		gerr.Extensions["argument"] = input.argument
	case errors.As(err, &args):
		gerr.Extensions["code"] = CodeBadUserInput
		if args.Argument != "" {
			gerr.Extensions["argument"] = args.Argument
		}
	case errors.As(err, &bad) && bad.BadInput():
		gerr.Extensions["code"] = CodeBadUserInput
	case errors.Is(err, errNoToken):
		gerr.Extensions["code"] = CodeUnauthenticated
	case errors.As(err, &up):
		presentUpstream(gerr, up)
	case errors.As(err, &oauth):
		var cred *credentialError
		errors.As(err, &cred)
		presentOAuth(gerr, oauth, cred)
	case errors.As(err, &missing):
		gerr.Extensions["code"] = CodeNotFound
		gerr.Extensions["route"] = "GET " + missing.Route
	case errors.As(err, &upload):
		gerr.Extensions["code"] = CodeBadUserInput
		gerr.Extensions["route"] = upload.Method + " " + upload.Route
	case errors.As(err, &budget):
		gerr.Extensions["code"] = CodeBudgetExceeded
		gerr.Extensions["route"] = budget.Method + " " + budget.Route
	case errors.As(err, &net):
		gerr.Extensions["route"] = net.Method + " " + net.Route
		gerr.Message = "the upstream could not be reached"
		gerr.Extensions["code"] = CodeUpstreamError
		if errors.Is(err, context.DeadlineExceeded) {
			gerr.Message = "the upstream did not answer in time"
			gerr.Extensions["code"] = CodeUpstreamTimeout
		}
	case errors.Is(err, context.DeadlineExceeded):
		gerr.Message = "the upstream did not answer in time"
		gerr.Extensions["code"] = CodeUpstreamTimeout
	case errors.Is(err, upstream.ErrTransport), errors.Is(err, context.Canceled):
		gerr.Extensions["code"] = CodeUpstreamError
	case argumentOf(ctx, gerr) != "":
		// gqlgen could not read an argument: a variable of the wrong kind.
		arg := argumentOf(ctx, gerr)
		gerr.Extensions["code"] = CodeBadUserInput
		gerr.Extensions["argument"] = arg
		gerr.Message = truncate(arg+": "+gerr.Message, 200)
		if strings.HasSuffix(gerr.Message, "is not an Upload") {
			gerr.Message = arg + " must be a file: send the request as a GraphQL multipart request, " +
				"with null in the variable and the file in a part the map points there"
		}
	case len(gerr.Path) == 0 && graphql.GetFieldContext(ctx) == nil:
		// Not a field's: the request itself (a body that is not JSON, a
		// variables value of the wrong kind, a transport gqlgen refuses).
		gerr.Extensions["code"] = CodeBadRequest
		gerr.Message = truncate(gerr.Message, 200)
	default:
		slog.ErrorContext(ctx, "field failed", "path", gerr.Path.String(), "err", err)
		gerr.Message = "internal server error"
		gerr.Extensions["code"] = CodeInternal
	}

	var readBack *readBackError
	if errors.As(err, &readBack) {
		gerr.Message = "the write was made; reading its result back failed: " + gerr.Message
		gerr.Extensions["writeMade"] = true
	}
	return gerr
}

// argumentOf returns the argument of the field in ctx that gerr is about
// when gqlgen failed to read it (its path goes on from the field's into
// the arguments, as "input.file"), or "".
func argumentOf(ctx context.Context, gerr *gqlerror.Error) string {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(gerr.Path) == 0 {
		return ""
	}
	arg, ok := strings.CutPrefix(gerr.Path.String(), fc.Path().String()+".")
	if !ok {
		return ""
	}
	return arg
}

// presentUpstream fills gerr from an upstream answer.
func presentUpstream(gerr *gqlerror.Error, up *upstream.Error) {
	ext := gerr.Extensions
	ext["upstreamStatus"] = up.HTTPStatus
	if up.Code != "" {
		ext["upstreamCode"] = up.Code
	}
	if up.Route != "" {
		ext["route"] = up.Method + " " + up.Route
	}
	if len(up.Fields) > 0 {
		ext["fieldErrors"] = inputFieldErrors(up.Fields)
	}
	if up.DateAvailable != nil {
		ext["dateAvailable"] = up.DateAvailable
	}

	if up.HTTPStatus >= 500 || up.HTTPStatus/100 == 2 {
		// The upstream's own words about its failure are not for callers.
		gerr.Message = fmt.Sprintf("the upstream failed (%s %s answered %d)", up.Method, up.Route, up.HTTPStatus)
		if up.HTTPStatus/100 == 2 && up.Code == "" && up.Message != "" {
			// A success this package could not take: the reason is its own.
			gerr.Message += ": " + up.Message
		}
	}

	switch {
	case up.Status == upstream.ErrorTemporarilyUnavailable && up.HTTPStatus < 500:
		// A cooldown of the caller's (EmailCooldown, UserNameCooldown,
		// answered 400): the service is up, the caller is early.
		ext["code"] = CodeTooSoon
	case up.Status == upstream.ErrorTemporarilyUnavailable:
		ext["code"] = CodeUpstreamUnavailable
	case up.HTTPStatus == http.StatusUnauthorized:
		ext["code"] = CodeUnauthenticated
		gerr.Message = "the upstream needs a valid token for this: send Authorization: Bearer <token>"
	case up.Code == "InvalidData" && up.HTTPStatus/100 == 4:
		// The input's, whatever the status: the upstream answers some
		// (updateEventTeam's claimed counts) with 403.
		ext["code"] = CodeBadUserInput
	case up.HTTPStatus == http.StatusForbidden, up.Code == "Locked":
		// Locked comes with 400: the resource is locked against writes.
		ext["code"] = CodeForbidden
	case up.HTTPStatus == http.StatusNotFound:
		ext["code"] = CodeNotFound
	case up.HTTPStatus == http.StatusConflict, up.Code == "AlreadyDone":
		ext["code"] = CodeConflict
	case up.HTTPStatus == http.StatusTooManyRequests:
		ext["code"] = CodeRateLimited
	case up.HTTPStatus == http.StatusBadRequest, up.HTTPStatus == http.StatusUnprocessableEntity:
		ext["code"] = CodeBadUserInput
	default:
		ext["code"] = CodeUpstreamError
	}
}

// credentialError is a refusal of the token endpoints with what the
// caller presented, so that the refusal names it.
type credentialError struct {
	// refused says what was not accepted, as a sentence: "the e-mail
	// address or password is not right".
	refused string
	// argument is the input that names the application or provider the
	// caller chose; "" when the sign-in names none.
	argument string
	// account is set for the password grant: its refusals read the same
	// whether the account exists or not.
	account bool
	err     error
}

func (e *credentialError) Error() string { return e.err.Error() }
func (e *credentialError) Unwrap() error { return e.err }

// presented wraps a failed sign-in's error with what it presented (see
// credentialError); nil stays nil.
func presented(err error, refused, argument string) error {
	if err == nil {
		return nil
	}
	return &credentialError{refused: refused, argument: argument, err: err}
}

// presentOAuth fills gerr from an error of the token endpoints; cred,
// when not nil, says what the caller presented. A wrong password and an
// unknown account read the same, so that sign-in does not tell which
// accounts exist.
func presentOAuth(gerr *gqlerror.Error, oe *upstream.OAuthError, cred *credentialError) {
	if cred == nil {
		cred = &credentialError{refused: "the credentials are not right or no longer valid"}
	}
	gerr.Extensions["upstreamStatus"] = oe.HTTPStatus
	gerr.Extensions["oauthError"] = oe.Code
	switch oe.Code {
	case "invalid_grant", "invalid_token", "expired_token":
		gerr.Message = cred.refused
		gerr.Extensions["code"] = CodeInvalidCredentials
		if cred.account {
			// The upstream answers an unknown account with invalid_token
			// and a wrong password with invalid_grant; the facade answers
			// both with RFC 6749's invalid_grant, so that the answer
			// does not tell which accounts exist.
			gerr.Extensions["oauthError"] = "invalid_grant"
		}
	case "access_denied", "insufficient_access":
		if cred.argument != "" && !strings.Contains(strings.ToLower(oe.Description), "locked") {
			// The application's provider (TapTap) refused the credentials.
			gerr.Message = cred.refused
			gerr.Extensions["code"] = CodeInvalidCredentials
			return
		}
		gerr.Message = "this account may not sign in: " + oe.Description
		gerr.Extensions["code"] = CodeForbidden
	case "interaction_required":
		gerr.Message = "the account needs an action on the PhiZone website first: " + oe.Description
		gerr.Extensions["code"] = CodeInteraction
	case "temporarily_unavailable":
		gerr.Message = "sign-in is temporarily unavailable: " + oe.Description
		gerr.Extensions["code"] = CodeUpstreamUnavailable
	case "invalid_client", "unauthorized_client":
		if cred.argument != "" && !strings.Contains(oe.Description, "client_") {
			// Not the facade's client ('client_id', 'client_secret'): the
			// application or provider the caller named.
			gerr.Message = fmt.Sprintf("the upstream does not take %s here: %s", cred.argument, oe.Description)
			gerr.Extensions["code"] = CodeBadUserInput
			gerr.Extensions["argument"] = cred.argument
			return
		}
		gerr.Message = "the facade's OAuth client is not accepted upstream; check -client-id and -client-secret"
		gerr.Extensions["code"] = CodeInternal
	default:
		gerr.Message = "sign-in failed: " + oe.Description
		gerr.Extensions["code"] = CodeBadUserInput
	}
}

// inputFieldErrors names the upstream's field errors as the schema's input
// fields are named ("Content" becomes "content").
func inputFieldErrors(fields []upstream.FieldError) []upstream.FieldError {
	out := make([]upstream.FieldError, len(fields))
	for i, f := range fields {
		out[i] = f
		if f.Field != "" {
			out[i].Field = strings.ToLower(f.Field[:1]) + f.Field[1:]
		}
	}
	return out
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// Recover turns a panic in a resolver into an internal error on that field
// and logs it with its stack; the client sees no detail.
func Recover(ctx context.Context, v any) error {
	path := graphql.GetPath(ctx)
	slog.ErrorContext(ctx, "resolver panicked", "path", path.String(), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))

	return &gqlerror.Error{
		Message:    "internal server error",
		Path:       path,
		Extensions: map[string]any{"code": CodeInternal},
	}
}
