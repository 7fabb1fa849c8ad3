package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

var (
	resourceRecordsNewestFirst = []sortKey{{"DateCreated", true}, {"Id", true}}
	servicesNewestFirst        = []sortKey{{"DateCreated", true}, {"Id", true}}
	serviceRecordsNewestFirst  = []sortKey{{"DateCreated", true}, {"Id", true}}
)

// StudioHeadline reads the studio's headline for the caller.
func (r *queryResolver) StudioHeadline(ctx context.Context) (*string, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	h, err := loaders.For(ctx).Client().GetStudioHeadline(ctx)
	if err != nil {
		return nil, err
	}
	return h.Headline, nil
}

// Collaboration reads one collaboration.
func (r *queryResolver) Collaboration(ctx context.Context, id string) (*upstream.Collaboration, error) {
	id, err := localGUID("id", id, "Collaboration")
	if err != nil {
		return nil, err
	}
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetCollaboration(ctx, id)
}

// Collaborations reads a window of the caller's collaborations.
func (r *queryResolver) Collaborations(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.CollaborationFilter, orderBy []model.CollaborationOrder, all *bool,
) (*model.CollaborationConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := listQuery(filter, collaborationOrder(orderBy), collaborationsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	q = withAll(q, all)
	s, err := rootList[upstream.Collaboration](ctx, "/collaborations", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return collaborationConnection(s), nil
}

// ChartSubmission is the collaboration's submission when it is a chart
// submission: the submissions of a list are read in one call per kind.
func (r *collaborationResolver) ChartSubmission(
	ctx context.Context, obj *upstream.Collaboration,
) (*upstream.ChartSubmission, error) {
	return orNil(chartSubmissionsByID.Get(ctx, groupOf(ctx, collaborationSubmission), obj.SubmissionID))
}

// SongSubmission is the collaboration's submission when it is a song
// submission.
func (r *collaborationResolver) SongSubmission(
	ctx context.Context, obj *upstream.Collaboration,
) (*upstream.SongSubmission, error) {
	return orNil(songSubmissionsByID.Get(ctx, groupOf(ctx, collaborationSubmission), obj.SubmissionID))
}

// Inviter is the user who invited, batched by ID.
func (r *collaborationResolver) Inviter(
	ctx context.Context, obj *upstream.Collaboration,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.InviterID, groupOf(ctx, collaborationInviter))
}

// Invitee is the user invited, batched by ID.
func (r *collaborationResolver) Invitee(
	ctx context.Context, obj *upstream.Collaboration,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.InviteeID, groupOf(ctx, collaborationInvitee))
}

// ResourceRecord reads one resource record.
func (r *queryResolver) ResourceRecord(ctx context.Context, id string) (*upstream.ResourceRecord, error) {
	id, err := localGUID("id", id, "ResourceRecord")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetResourceRecord(ctx, id)
}

// ResourceRecords reads a window of all resource records.
func (r *queryResolver) ResourceRecords(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ResourceRecordFilter, orderBy []model.ResourceRecordOrder, search *string,
) (*model.ResourceRecordConnection, error) {
	q, err := listQuery(filter, resourceRecordOrder(orderBy), resourceRecordsNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.ResourceRecord](ctx, "/resourceRecords", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return resourceRecordConnection(s), nil
}

// ServiceScript reads one service script.
func (r *queryResolver) ServiceScript(ctx context.Context, id string) (*upstream.ServiceScript, error) {
	id, err := localGUID("id", id, "ServiceScript")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetServiceScript(ctx, id)
}

// ServiceScripts reads a window of all service scripts.
func (r *queryResolver) ServiceScripts(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ServiceScriptFilter, orderBy []model.ServiceScriptOrder, search *string,
) (*model.ServiceScriptConnection, error) {
	q, err := listQuery(filter, serviceScriptOrder(orderBy), servicesNewestFirst, search)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.ServiceScript](ctx, "/services", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return serviceScriptConnection(s), nil
}

// ServiceRecord reads one service record.
func (r *queryResolver) ServiceRecord(ctx context.Context, id string) (*upstream.ServiceRecord, error) {
	id, err := localGUID("id", id, "ServiceRecord")
	if err != nil {
		return nil, err
	}
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	return loaders.For(ctx).Client().GetServiceRecord(ctx, id)
}

// ServiceRecords reads a window of the caller's service records.
func (r *queryResolver) ServiceRecords(
	ctx context.Context, first *int, after *string, last *int, before *string, offset *int,
	filter *upstream.ServiceRecordFilter, orderBy []model.ServiceRecordOrder,
) (*model.ServiceRecordConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := listQuery(filter, serviceRecordOrder(orderBy), serviceRecordsNewestFirst, nil)
	if err != nil {
		return nil, err
	}
	s, err := rootList[upstream.ServiceRecord](ctx, "/services/records", nil, q, args(first, after, last, before, offset))
	if err != nil {
		return nil, err
	}
	return serviceRecordConnection(s), nil
}

// Records reads a window of the caller's runs of the script, batched by
// script.
func (r *serviceScriptResolver) Records(
	ctx context.Context, obj *upstream.ServiceScript, first *int, after *string, last *int, before *string,
	offset *int, filter *upstream.ServiceRecordFilter, orderBy []model.ServiceRecordOrder,
) (*model.ServiceRecordConnection, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	q, err := childQuery(filter, serviceRecordOrder(orderBy), serviceRecordsNewestFirst, "RangeServiceId")
	if err != nil {
		return nil, err
	}
	s, err := childList(ctx, obj, serviceScriptID, q, args(first, after, last, before, offset),
		recordsOfService.Read)
	if err != nil {
		return nil, err
	}
	return serviceRecordConnection(s), nil
}

// Service is the script that ran, batched by ID.
func (r *serviceRecordResolver) Service(
	ctx context.Context, obj *upstream.ServiceRecord,
) (*upstream.ServiceScript, error) {
	return serviceScriptsByID.Get(ctx, groupOf(ctx, serviceRecordService), obj.ServiceID)
}

// Owner is the user who ran the script, batched by ID.
func (r *serviceRecordResolver) Owner(
	ctx context.Context, obj *upstream.ServiceRecord,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, serviceRecordOwner))
}

// ChartSubmission is the record's submission when it is a chart
// submission.
func (r *applicationServiceRecordResolver) ChartSubmission(
	ctx context.Context, obj *upstream.ApplicationServiceRecord,
) (*upstream.ChartSubmission, error) {
	return orNil(chartSubmissionsByID.Get(ctx, groupOf(ctx, appRecordSubmission), obj.ResourceID))
}

// SongSubmission is the record's submission when it is a song submission.
func (r *applicationServiceRecordResolver) SongSubmission(
	ctx context.Context, obj *upstream.ApplicationServiceRecord,
) (*upstream.SongSubmission, error) {
	return orNil(songSubmissionsByID.Get(ctx, groupOf(ctx, appRecordSubmission), obj.ResourceID))
}

// Owner is the user who ran the service, batched by ID.
func (r *applicationServiceRecordResolver) Owner(
	ctx context.Context, obj *upstream.ApplicationServiceRecord,
) (*upstream.User, error) {
	return loaders.For(ctx).User(ctx, obj.OwnerID, groupOf(ctx, appRecordOwner))
}
