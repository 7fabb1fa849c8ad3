package resolvers

import (
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// The functions below shape a slice of a list as the connection type of
// its GraphQL type, and read each type's orderBy argument.

func chartConnection(s paging.Slice[upstream.Chart]) *model.ChartConnection {
	edges, info := relay(s, func(c string, n *upstream.Chart) model.ChartEdge { return model.ChartEdge{Cursor: c, Node: n} })
	return &model.ChartConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func chartOrder(orderBy []model.ChartOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ChartOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func songConnection(s paging.Slice[upstream.Song]) *model.SongConnection {
	edges, info := relay(s, func(c string, n *upstream.Song) model.SongEdge { return model.SongEdge{Cursor: c, Node: n} })
	return &model.SongConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func songOrder(orderBy []model.SongOrder) []sortKey {
	return sortKeys(orderBy, func(o model.SongOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func userConnection(s paging.Slice[upstream.User]) *model.UserConnection {
	edges, info := relay(s, func(c string, n *upstream.User) model.UserEdge { return model.UserEdge{Cursor: c, Node: n} })
	return &model.UserConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func userOrder(orderBy []model.UserOrder) []sortKey {
	return sortKeys(orderBy, func(o model.UserOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func regionConnection(s paging.Slice[upstream.Region]) *model.RegionConnection {
	edges, info := relay(s, func(c string, n *upstream.Region) model.RegionEdge { return model.RegionEdge{Cursor: c, Node: n} })
	return &model.RegionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func regionOrder(orderBy []model.RegionOrder) []sortKey {
	return sortKeys(orderBy, func(o model.RegionOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func tagConnection(s paging.Slice[upstream.Tag]) *model.TagConnection {
	edges, info := relay(s, func(c string, n *upstream.Tag) model.TagEdge { return model.TagEdge{Cursor: c, Node: n} })
	return &model.TagConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func tagOrder(orderBy []model.TagOrder) []sortKey {
	return sortKeys(orderBy, func(o model.TagOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func recordConnection(s paging.Slice[upstream.Record]) *model.RecordConnection {
	edges, info := relay(s, func(c string, n *upstream.Record) model.RecordEdge { return model.RecordEdge{Cursor: c, Node: n} })
	return &model.RecordConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func recordOrder(orderBy []model.RecordOrder) []sortKey {
	return sortKeys(orderBy, func(o model.RecordOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func commentConnection(s paging.Slice[upstream.Comment]) *model.CommentConnection {
	edges, info := relay(s, func(c string, n *upstream.Comment) model.CommentEdge { return model.CommentEdge{Cursor: c, Node: n} })
	return &model.CommentConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func commentOrder(orderBy []model.CommentOrder) []sortKey {
	return sortKeys(orderBy, func(o model.CommentOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func replyConnection(s paging.Slice[upstream.Reply]) *model.ReplyConnection {
	edges, info := relay(s, func(c string, n *upstream.Reply) model.ReplyEdge { return model.ReplyEdge{Cursor: c, Node: n} })
	return &model.ReplyConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func replyOrder(orderBy []model.ReplyOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ReplyOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func eventConnection(s paging.Slice[upstream.Event]) *model.EventConnection {
	edges, info := relay(s, func(c string, n *upstream.Event) model.EventEdge { return model.EventEdge{Cursor: c, Node: n} })
	return &model.EventConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventOrder(orderBy []model.EventOrder) []sortKey {
	return sortKeys(orderBy, func(o model.EventOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func eventDivisionConnection(s paging.Slice[upstream.EventDivision]) *model.EventDivisionConnection {
	edges, info := relay(s, func(c string, n *upstream.EventDivision) model.EventDivisionEdge {
		return model.EventDivisionEdge{Cursor: c, Node: n}
	})
	return &model.EventDivisionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventDivisionOrder(orderBy []model.EventDivisionOrder) []sortKey {
	return sortKeys(orderBy, func(o model.EventDivisionOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func eventTeamConnection(s paging.Slice[upstream.EventTeam]) *model.EventTeamConnection {
	edges, info := relay(s, func(c string, n *upstream.EventTeam) model.EventTeamEdge {
		return model.EventTeamEdge{Cursor: c, Node: n}
	})
	return &model.EventTeamConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventTeamOrder(orderBy []model.EventTeamOrder) []sortKey {
	return sortKeys(orderBy, func(o model.EventTeamOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}
