package resolvers

import (
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/paging"
	"github.com/phizone/graphql-facade/upstream"
)

// The connections and orderBy arguments of the studio area, shaped like
// those of connections.go.

func chartSubmissionConnection(s paging.Slice[upstream.ChartSubmission]) *model.ChartSubmissionConnection {
	edges, info := relay(s, func(c string, n *upstream.ChartSubmission) model.ChartSubmissionEdge {
		return model.ChartSubmissionEdge{Cursor: c, Node: n}
	})
	return &model.ChartSubmissionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func songSubmissionConnection(s paging.Slice[upstream.SongSubmission]) *model.SongSubmissionConnection {
	edges, info := relay(s, func(c string, n *upstream.SongSubmission) model.SongSubmissionEdge {
		return model.SongSubmissionEdge{Cursor: c, Node: n}
	})
	return &model.SongSubmissionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func chartAssetConnection(s paging.Slice[upstream.ChartAsset]) *model.ChartAssetConnection {
	edges, info := relay(s, func(c string, n *upstream.ChartAsset) model.ChartAssetEdge {
		return model.ChartAssetEdge{Cursor: c, Node: n}
	})
	return &model.ChartAssetConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func chartAssetSubmissionConnection(
	s paging.Slice[upstream.ChartAssetSubmission],
) *model.ChartAssetSubmissionConnection {
	edges, info := relay(s, func(c string, n *upstream.ChartAssetSubmission) model.ChartAssetSubmissionEdge {
		return model.ChartAssetSubmissionEdge{Cursor: c, Node: n}
	})
	return &model.ChartAssetSubmissionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func volunteerVoteConnection(s paging.Slice[upstream.VolunteerVote]) *model.VolunteerVoteConnection {
	edges, info := relay(s, func(c string, n *upstream.VolunteerVote) model.VolunteerVoteEdge {
		return model.VolunteerVoteEdge{Cursor: c, Node: n}
	})
	return &model.VolunteerVoteConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func chapterAdmissionConnection(s paging.Slice[upstream.ChapterAdmission]) *model.ChapterAdmissionConnection {
	edges, info := relay(s, func(c string, n *upstream.ChapterAdmission) model.ChapterAdmissionEdge {
		return model.ChapterAdmissionEdge{Cursor: c, Node: n}
	})
	return &model.ChapterAdmissionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func collectionAdmissionConnection(
	s paging.Slice[upstream.CollectionAdmission],
) *model.CollectionAdmissionConnection {
	edges, info := relay(s, func(c string, n *upstream.CollectionAdmission) model.CollectionAdmissionEdge {
		return model.CollectionAdmissionEdge{Cursor: c, Node: n}
	})
	return &model.CollectionAdmissionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func songAdmissionConnection(s paging.Slice[upstream.SongAdmission]) *model.SongAdmissionConnection {
	edges, info := relay(s, func(c string, n *upstream.SongAdmission) model.SongAdmissionEdge {
		return model.SongAdmissionEdge{Cursor: c, Node: n}
	})
	return &model.SongAdmissionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func songSubmissionAdmissionConnection(
	s paging.Slice[upstream.SongSubmissionAdmission],
) *model.SongSubmissionAdmissionConnection {
	edges, info := relay(s, func(c string, n *upstream.SongSubmissionAdmission) model.SongSubmissionAdmissionEdge {
		return model.SongSubmissionAdmissionEdge{Cursor: c, Node: n}
	})
	return &model.SongSubmissionAdmissionConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func collaborationConnection(s paging.Slice[upstream.Collaboration]) *model.CollaborationConnection {
	edges, info := relay(s, func(c string, n *upstream.Collaboration) model.CollaborationEdge {
		return model.CollaborationEdge{Cursor: c, Node: n}
	})
	return &model.CollaborationConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func resourceRecordConnection(s paging.Slice[upstream.ResourceRecord]) *model.ResourceRecordConnection {
	edges, info := relay(s, func(c string, n *upstream.ResourceRecord) model.ResourceRecordEdge {
		return model.ResourceRecordEdge{Cursor: c, Node: n}
	})
	return &model.ResourceRecordConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func serviceScriptConnection(s paging.Slice[upstream.ServiceScript]) *model.ServiceScriptConnection {
	edges, info := relay(s, func(c string, n *upstream.ServiceScript) model.ServiceScriptEdge {
		return model.ServiceScriptEdge{Cursor: c, Node: n}
	})
	return &model.ServiceScriptConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func serviceRecordConnection(s paging.Slice[upstream.ServiceRecord]) *model.ServiceRecordConnection {
	edges, info := relay(s, func(c string, n *upstream.ServiceRecord) model.ServiceRecordEdge {
		return model.ServiceRecordEdge{Cursor: c, Node: n}
	})
	return &model.ServiceRecordConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func applicationServiceRecordConnection(
	s paging.Slice[upstream.ApplicationServiceRecord],
) *model.ApplicationServiceRecordConnection {
	edges, info := relay(s, func(c string, n *upstream.ApplicationServiceRecord) model.ApplicationServiceRecordEdge {
		return model.ApplicationServiceRecordEdge{Cursor: c, Node: n}
	})
	return &model.ApplicationServiceRecordConnection{Edges: edges, Nodes: s.Items, PageInfo: info, TotalCount: s.Total}
}

func chartSubmissionOrder(orderBy []model.ChartSubmissionOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ChartSubmissionOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func songSubmissionOrder(orderBy []model.SongSubmissionOrder) []sortKey {
	return sortKeys(orderBy, func(o model.SongSubmissionOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func chartAssetOrder(orderBy []model.ChartAssetOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ChartAssetOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func chartAssetSubmissionOrder(orderBy []model.ChartAssetSubmissionOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ChartAssetSubmissionOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func volunteerVoteOrder(orderBy []model.VolunteerVoteOrder) []sortKey {
	return sortKeys(orderBy, func(o model.VolunteerVoteOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func admissionOrder(orderBy []model.AdmissionOrder) []sortKey {
	return sortKeys(orderBy, func(o model.AdmissionOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func collaborationOrder(orderBy []model.CollaborationOrder) []sortKey {
	return sortKeys(orderBy, func(o model.CollaborationOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func resourceRecordOrder(orderBy []model.ResourceRecordOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ResourceRecordOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func serviceScriptOrder(orderBy []model.ServiceScriptOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ServiceScriptOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func serviceRecordOrder(orderBy []model.ServiceRecordOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ServiceRecordOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}

func applicationServiceRecordOrder(orderBy []model.ApplicationServiceRecordOrder) []sortKey {
	return sortKeys(orderBy, func(o model.ApplicationServiceRecordOrder) (string, model.OrderDirection) {
		return string(o.Field), o.Direction
	})
}
