package resolvers

import (
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// The connections and orderBy arguments of the catalog and social types,
// shaped like those of connections.go.

func chapterConnection(s paging.Slice[upstream.Chapter]) *model.ChapterConnection {
	edges, info := relay(s, func(c string, n *upstream.Chapter) model.ChapterEdge { return model.ChapterEdge{Cursor: c, Node: n} })
	return &model.ChapterConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func chapterOrder(orderBy []model.ChapterOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ChapterOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func collectionConnection(s paging.Slice[upstream.Collection]) *model.CollectionConnection {
	edges, info := relay(s, func(c string, n *upstream.Collection) model.CollectionEdge {
		return model.CollectionEdge{Cursor: c, Node: n}
	})
	return &model.CollectionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func collectionOrder(orderBy []model.CollectionOrder) []sortKey {
	return sortKeys(orderBy, func(o model.CollectionOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func announcementConnection(s paging.Slice[upstream.Announcement]) *model.AnnouncementConnection {
	edges, info := relay(s, func(c string, n *upstream.Announcement) model.AnnouncementEdge {
		return model.AnnouncementEdge{Cursor: c, Node: n}
	})
	return &model.AnnouncementConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func announcementOrder(orderBy []model.AnnouncementOrder) []sortKey {
	return sortKeys(orderBy, func(o model.AnnouncementOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func applicationConnection(s paging.Slice[upstream.Application]) *model.ApplicationConnection {
	edges, info := relay(s, func(c string, n *upstream.Application) model.ApplicationEdge {
		return model.ApplicationEdge{Cursor: c, Node: n}
	})
	return &model.ApplicationConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func applicationOrder(orderBy []model.ApplicationOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ApplicationOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func likeConnection(s paging.Slice[upstream.Like]) *model.LikeConnection {
	edges, info := relay(s, func(c string, n *upstream.Like) model.LikeEdge { return model.LikeEdge{Cursor: c, Node: n} })
	return &model.LikeConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func likeOrder(orderBy []model.LikeOrder) []sortKey {
	return sortKeys(orderBy, func(o model.LikeOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func voteConnection(s paging.Slice[upstream.Vote]) *model.VoteConnection {
	edges, info := relay(s, func(c string, n *upstream.Vote) model.VoteEdge { return model.VoteEdge{Cursor: c, Node: n} })
	return &model.VoteConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func voteOrder(orderBy []model.VoteOrder) []sortKey {
	return sortKeys(orderBy, func(o model.VoteOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func userRelationConnection(s paging.Slice[upstream.UserRelation]) *model.UserRelationConnection {
	edges, info := relay(s, func(c string, n *upstream.UserRelation) model.UserRelationEdge {
		return model.UserRelationEdge{Cursor: c, Node: n}
	})
	return &model.UserRelationConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func userRelationOrder(orderBy []model.UserRelationOrder) []sortKey {
	return sortKeys(orderBy, func(o model.UserRelationOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func notificationConnection(s paging.Slice[upstream.Notification]) *model.NotificationConnection {
	edges, info := relay(s, func(c string, n *upstream.Notification) model.NotificationEdge {
		return model.NotificationEdge{Cursor: c, Node: n}
	})
	return &model.NotificationConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func notificationOrder(orderBy []model.NotificationOrder) []sortKey {
	return sortKeys(orderBy, func(o model.NotificationOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func petAnswerConnection(s paging.Slice[upstream.PetAnswer]) *model.PetAnswerConnection {
	edges, info := relay(s, func(c string, n *upstream.PetAnswer) model.PetAnswerEdge {
		return model.PetAnswerEdge{Cursor: c, Node: n}
	})
	return &model.PetAnswerConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func petAnswerOrder(orderBy []model.PetAnswerOrder) []sortKey {
	return sortKeys(orderBy, func(o model.PetAnswerOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func playConfigurationConnection(s paging.Slice[upstream.PlayConfiguration]) *model.PlayConfigurationConnection {
	edges, info := relay(s, func(c string, n *upstream.PlayConfiguration) model.PlayConfigurationEdge {
		return model.PlayConfigurationEdge{Cursor: c, Node: n}
	})
	return &model.PlayConfigurationConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func playConfigurationOrder(orderBy []model.PlayConfigurationOrder) []sortKey {
	return sortKeys(orderBy, func(o model.PlayConfigurationOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func songAdmitteeConnection(s paging.Slice[upstream.SongAdmittee]) *model.SongAdmitteeConnection {
	edges, info := relay(s, func(c string, n *upstream.SongAdmittee) model.SongAdmitteeEdge {
		return model.SongAdmitteeEdge{Cursor: c, Node: n}
	})
	return &model.SongAdmitteeConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func songAdmitteeOrder(orderBy []model.SongAdmitteeOrder) []sortKey {
	return sortKeys(orderBy, func(o model.SongAdmitteeOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func chartAdmitteeConnection(s paging.Slice[upstream.ChartAdmittee]) *model.ChartAdmitteeConnection {
	edges, info := relay(s, func(c string, n *upstream.ChartAdmittee) model.ChartAdmitteeEdge {
		return model.ChartAdmitteeEdge{Cursor: c, Node: n}
	})
	return &model.ChartAdmitteeConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func chartAdmitteeOrder(orderBy []model.ChartAdmitteeOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ChartAdmitteeOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func chapterAdmitterConnection(s paging.Slice[upstream.ChapterAdmitter]) *model.ChapterAdmitterConnection {
	edges, info := relay(s, func(c string, n *upstream.ChapterAdmitter) model.ChapterAdmitterEdge {
		return model.ChapterAdmitterEdge{Cursor: c, Node: n}
	})
	return &model.ChapterAdmitterConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func chapterAdmitterOrder(orderBy []model.ChapterAdmitterOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ChapterAdmitterOrder) (string, model.OrderDirection) { return string(o.Field), o.Direction })
}

func collectionAdmitterConnection(s paging.Slice[upstream.CollectionAdmitter]) *model.CollectionAdmitterConnection {
	edges, info := relay(s, func(c string, n *upstream.CollectionAdmitter) model.CollectionAdmitterEdge {
		return model.CollectionAdmitterEdge{Cursor: c, Node: n}
	})
	return &model.CollectionAdmitterConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func collectionAdmitterOrder(orderBy []model.CollectionAdmitterOrder) []sortKey {
	return sortKeys(orderBy, func(o model.CollectionAdmitterOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}
