package resolvers

import (
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// Connections and orders of the lists of events in depth, as in
// connections.go.

func eventSongPromptConnection(s paging.Slice[upstream.EventSongPrompt]) *model.EventSongPromptConnection {
	edges, info := relay(s, func(c string, n *upstream.EventSongPrompt) model.EventSongPromptEdge {
		return model.EventSongPromptEdge{Cursor: c, Node: n}
	})
	return &model.EventSongPromptConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventChartPromptConnection(s paging.Slice[upstream.EventChartPrompt]) *model.EventChartPromptConnection {
	edges, info := relay(s, func(c string, n *upstream.EventChartPrompt) model.EventChartPromptEdge {
		return model.EventChartPromptEdge{Cursor: c, Node: n}
	})
	return &model.EventChartPromptConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventSongEntryConnection(s paging.Slice[upstream.EventSongEntry]) *model.EventSongEntryConnection {
	edges, info := relay(s, func(c string, n *upstream.EventSongEntry) model.EventSongEntryEdge {
		return model.EventSongEntryEdge{Cursor: c, Node: n}
	})
	return &model.EventSongEntryConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventChartEntryConnection(s paging.Slice[upstream.EventChartEntry]) *model.EventChartEntryConnection {
	edges, info := relay(s, func(c string, n *upstream.EventChartEntry) model.EventChartEntryEdge {
		return model.EventChartEntryEdge{Cursor: c, Node: n}
	})
	return &model.EventChartEntryConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventRecordEntryConnection(s paging.Slice[upstream.EventRecordEntry]) *model.EventRecordEntryConnection {
	edges, info := relay(s, func(c string, n *upstream.EventRecordEntry) model.EventRecordEntryEdge {
		return model.EventRecordEntryEdge{Cursor: c, Node: n}
	})
	return &model.EventRecordEntryConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventTaskConnection(s paging.Slice[upstream.EventTask]) *model.EventTaskConnection {
	edges, info := relay(s, func(c string, n *upstream.EventTask) model.EventTaskEdge {
		return model.EventTaskEdge{Cursor: c, Node: n}
	})
	return &model.EventTaskConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventTaskOrder(orderBy []model.EventTaskOrder) []sortKey {
	return sortKeys(orderBy, func(o model.EventTaskOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func eventResourceConnection(s paging.Slice[upstream.EventResource]) *model.EventResourceConnection {
	edges, info := relay(s, func(c string, n *upstream.EventResource) model.EventResourceEdge {
		return model.EventResourceEdge{Cursor: c, Node: n}
	})
	return &model.EventResourceConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func eventResourceOrder(orderBy []model.EventResourceOrder) []sortKey {
	return sortKeys(orderBy, func(o model.EventResourceOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func hostshipConnection(s paging.Slice[upstream.Hostship]) *model.HostshipConnection {
	edges, info := relay(s, func(c string, n *upstream.Hostship) model.HostshipEdge {
		return model.HostshipEdge{Cursor: c, Node: n}
	})
	return &model.HostshipConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func hostshipOrder(orderBy []model.HostshipOrder) []sortKey {
	return sortKeys(orderBy, func(o model.HostshipOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}
