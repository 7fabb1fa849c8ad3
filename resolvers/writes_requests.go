package resolvers

import (
	"context"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Reviews and withdrawals of admissions and collaborations. An admission
// is named by its admitter and admittee, each given as a global ID of its
// type or a GUID.

// admissionKind is one kind of admission as its writes name it.
type admissionKind struct {
	typeName string // the admission's global ID type, such as "ChapterAdmission"
	route    upstream.AdmissionRoute
	// The input fields and global ID types of the admitter and admittee.
	admitterArg, admitterType string
	admitteeArg, admitteeType string
}

var (
	chapterAdmissions = admissionKind{"ChapterAdmission", upstream.ChapterAdmissions,
		"input.chapterId", "Chapter", "input.songId", "Song"}
	collectionAdmissions = admissionKind{"CollectionAdmission", upstream.CollectionAdmissions,
		"input.collectionId", "Collection", "input.chartId", "Chart"}
	songAdmissions = admissionKind{"SongAdmission", upstream.SongAdmissions,
		"input.songId", "Song", "input.chartSubmissionId", "ChartSubmission"}
	songSubmissionAdmissions = admissionKind{"SongSubmissionAdmission", upstream.SongSubmissionAdmissions,
		"input.songSubmissionId", "SongSubmission", "input.chartSubmissionId", "ChartSubmission"}
)

// key checks the caller and the two IDs that name an admission.
func (k admissionKind) key(ctx context.Context, admitter, admittee string) (string, string, error) {
	if err := signedIn(ctx); err != nil {
		return "", "", err
	}
	admitter, err := localGUID(k.admitterArg, admitter, k.admitterType)
	if err != nil {
		return "", "", err
	}
	admittee, err = localGUID(k.admitteeArg, admittee, k.admitteeType)
	if err != nil {
		return "", "", err
	}
	return admitter, admittee, nil
}

// reviewAdmission checks the caller and the IDs, reviews the admission
// and reads it back through get.
func reviewAdmission[T any](
	ctx context.Context, k admissionKind, admitter, admittee string, approve bool,
	get func(c *upstream.Client, ctx context.Context, admitter, admittee string) (*T, error),
) (*T, error) {
	admitter, admittee, err := k.key(ctx, admitter, admittee)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	review := upstream.Review{Approve: approve}
	if err := c.ReviewAdmission(ctx, k.route, admitter, admittee, review); err != nil {
		return nil, err
	}
	return get(c, ctx, admitter, admittee)
}

// deleteAdmission checks the caller and the IDs, withdraws the admission
// and answers with the global ID it had.
func deleteAdmission(
	ctx context.Context, k admissionKind, admitter, admittee string,
) (*model.DeleteAdmissionPayload, error) {
	admitter, admittee, err := k.key(ctx, admitter, admittee)
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteAdmission(ctx, k.route, admitter, admittee); err != nil {
		return nil, err
	}
	gid := globalid.Encode(k.typeName, pair(admitter, admittee))
	return &model.DeleteAdmissionPayload{DeletedAdmissionID: &gid}, nil
}

// ReviewChapterAdmission approves or rejects a song's admission into a
// chapter.
func (r *mutationResolver) ReviewChapterAdmission(
	ctx context.Context, input model.ReviewChapterAdmissionInput,
) (*model.ChapterAdmissionPayload, error) {
	a, err := reviewAdmission(ctx, chapterAdmissions, input.ChapterID, input.SongID, input.Approve,
		(*upstream.Client).GetChapterAdmission)
	if err != nil {
		return nil, err
	}
	return &model.ChapterAdmissionPayload{Admission: a}, nil
}

// ReviewCollectionAdmission approves or rejects a chart's admission into
// a collection.
func (r *mutationResolver) ReviewCollectionAdmission(
	ctx context.Context, input model.ReviewCollectionAdmissionInput,
) (*model.CollectionAdmissionPayload, error) {
	a, err := reviewAdmission(ctx, collectionAdmissions, input.CollectionID, input.ChartID, input.Approve,
		(*upstream.Client).GetCollectionAdmission)
	if err != nil {
		return nil, err
	}
	return &model.CollectionAdmissionPayload{Admission: a}, nil
}

// ReviewSongAdmission approves or rejects a chart submission's admission
// onto a song.
func (r *mutationResolver) ReviewSongAdmission(
	ctx context.Context, input model.ReviewSongAdmissionInput,
) (*model.SongAdmissionPayload, error) {
	a, err := reviewAdmission(ctx, songAdmissions, input.SongID, input.ChartSubmissionID, input.Approve,
		(*upstream.Client).GetSongAdmission)
	if err != nil {
		return nil, err
	}
	return &model.SongAdmissionPayload{Admission: a}, nil
}

// ReviewSongSubmissionAdmission approves or rejects a chart submission's
// admission onto a song submission.
func (r *mutationResolver) ReviewSongSubmissionAdmission(
	ctx context.Context, input model.ReviewSongSubmissionAdmissionInput,
) (*model.SongSubmissionAdmissionPayload, error) {
	a, err := reviewAdmission(ctx, songSubmissionAdmissions, input.SongSubmissionID, input.ChartSubmissionID,
		input.Approve, (*upstream.Client).GetSongSubmissionAdmission)
	if err != nil {
		return nil, err
	}
	return &model.SongSubmissionAdmissionPayload{Admission: a}, nil
}

// DeleteChapterAdmission withdraws a song's admission into a chapter.
func (r *mutationResolver) DeleteChapterAdmission(
	ctx context.Context, input model.ChapterAdmissionInput,
) (*model.DeleteAdmissionPayload, error) {
	return deleteAdmission(ctx, chapterAdmissions, input.ChapterID, input.SongID)
}

// DeleteCollectionAdmission withdraws a chart's admission into a
// collection.
func (r *mutationResolver) DeleteCollectionAdmission(
	ctx context.Context, input model.CollectionAdmissionInput,
) (*model.DeleteAdmissionPayload, error) {
	return deleteAdmission(ctx, collectionAdmissions, input.CollectionID, input.ChartID)
}

// UpdateCollaboration sets the position a collaboration offers; null
// removes it.
func (r *mutationResolver) UpdateCollaboration(
	ctx context.Context, input model.UpdateCollaborationInput,
) (*model.CollaborationPayload, error) {
	var p patch // the schema's @length bounds position
	addField(&p, "position", input.Position, true)
	if len(p.ops) == 0 {
		return nil, badInput("input", "give at least one field to change")
	}
	return collaborationTarget.write(ctx, input.CollaborationID, func(c *upstream.Client, id string) error {
		return c.UpdateCollaboration(ctx, id, p.ops)
	})
}

// ReviewCollaboration accepts or declines an invitation to collaborate.
func (r *mutationResolver) ReviewCollaboration(
	ctx context.Context, input model.ReviewCollaborationInput,
) (*model.CollaborationPayload, error) {
	return collaborationTarget.write(ctx, input.CollaborationID, func(c *upstream.Client, id string) error {
		return c.ReviewCollaboration(ctx, id, upstream.Review{Approve: input.Approve})
	})
}

// DeleteCollaboration withdraws an invitation and answers with the global
// ID it had.
func (r *mutationResolver) DeleteCollaboration(
	ctx context.Context, input model.CollaborationInput,
) (*model.DeleteCollaborationPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.collaborationId", input.CollaborationID, "Collaboration")
	if err != nil {
		return nil, err
	}

	if err := loaders.For(ctx).Client().DeleteCollaboration(ctx, id); err != nil {
		return nil, err
	}
	gid := globalid.Encode("Collaboration", id)
	return &model.DeleteCollaborationPayload{DeletedCollaborationID: &gid}, nil
}
