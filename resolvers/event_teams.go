package resolvers

import (
	"context"
	"strings"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// EventTeams reads a window of the teams of all divisions.
func (r *queryResolver) EventTeams(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.EventTeamFilter, orderBy []model.EventTeamOrder, search *string,
) (*model.EventTeamConnection, error) {
	q, err := listQuery(filter, eventTeamOrder(orderBy), teamsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.EventTeam](ctx, "/events/teams", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return eventTeamConnection(s), nil
}

// EventTeamReservedFields reads the reserved fields of a window of teams.
func (r *queryResolver) EventTeamReservedFields(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.EventTeamFilter, orderBy []model.EventTeamOrder,
) (*model.ReservedFieldListConnection, error) {
	q, err := listQuery(filter, eventTeamOrder(orderBy), teamsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[[]*upstream.ReservedField](ctx, "/events/teams/reservedFields", nil, q,
		args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return reservedFieldListConnection(s), nil
}

// EventTeamInvite reads an invitation to a team by its code.
func (r *queryResolver) EventTeamInvite(ctx context.Context, code string) (*upstream.EventTeamInvite, error) {
	code, err := invitationCode(code)
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetEventTeamInvite(ctx, code)
}

// ReservedFields reads the team's reserved fields, one call per team: the
// upstream's list of them (GET /events/teams/reservedFields) does not say
// which team a row belongs to, so it cannot serve a batch.
func (r *eventTeamResolver) ReservedFields(
	ctx context.Context, obj *upstream.EventTeam,
) ([]*upstream.ReservedField, error) {
	return loaders.For(ctx).Client().GetEventTeamReservedFields(ctx, obj.ID)
}

// inviteCode checks an invitation code: one path segment of letters and
// digits, as the upstream issues them.
func invitationCode(code string) (string, error) {
	code = strings.TrimSpace(code)
	ok := code != "" && len(code) <= 64
	for _, c := range code {
		ok = ok && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
	}
	if !ok {
		return "", badInput("code", "code must be an invitation code of letters and digits, got %q", code)
	}
	return code, nil
}

// reservedFieldListConnection shapes the rows of a reserved-field matrix.
func reservedFieldListConnection(s paging.Slice[[]*upstream.ReservedField]) *model.ReservedFieldListConnection {
	rows := paging.Slice[model.ReservedFieldList]{Start: s.Start, Total: s.Total,
		Items: make([]model.ReservedFieldList, len(s.Items))}
	for i, fields := range s.Items {
		rows.Items[i] = model.ReservedFieldList{Fields: fields}
	}
	edges, info := relay(rows, func(c string, n *model.ReservedFieldList) model.ReservedFieldListEdge {
		return model.ReservedFieldListEdge{Cursor: c, Node: n}
	})
	return &model.ReservedFieldListConnection{Edges: edges, Nodes: rows.Items, PageInfo: info, TotalCount: s.Total}
}
