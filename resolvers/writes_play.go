package resolvers

import (
	"context"
	"strconv"

	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Play sessions: the start of a play, which CreateRecord and
// CreateTapTapRecord end (writes_charts_records.go).

// StartPlay starts a play session of the caller and answers its token,
// timestamp and chart. The upstream's answer is the payload: there is
// nothing to read back.
func (r *mutationResolver) StartPlay(ctx context.Context, input model.StartPlayInput) (*model.StartPlayPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p upstream.NewPlay
	var err error
	if p.ChartID, err = localGUID("input.chartId", input.ChartID, "Chart"); err != nil {
		return nil, err
	}
	if p.ConfigurationID, err = localGUID("input.configurationId", input.ConfigurationID,
		"PlayConfiguration"); err != nil {
		return nil, err
	}
	if p.ApplicationID, err = localGUID("input.applicationId", input.ApplicationID, "Application"); err != nil {
		return nil, err
	}
	if input.TeamID != nil {
		if p.TeamID, err = localGUID("input.teamId", *input.TeamID, "EventTeam"); err != nil {
			return nil, err
		}
	}

	started, err := loaders.For(ctx).Client().StartPlay(ctx, p)
	if err != nil {
		return nil, err
	}
	return playPayload(started), nil
}

// StartTapTapPlay starts a play session of the caller, a TapTap ghost
// account, and answers its token, timestamp and chart.
func (r *mutationResolver) StartTapTapPlay(
	ctx context.Context, input model.StartTapTapPlayInput,
) (*model.StartPlayPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	chart, err := localGUID("input.chartId", input.ChartID, "Chart")
	if err != nil {
		return nil, err
	}
	if input.PerfectJudgment < 0 {
		return nil, badInput("input.perfectJudgment", "a judgment window is milliseconds, at least 0")
	}
	if input.GoodJudgment < 0 {
		return nil, badInput("input.goodJudgment", "a judgment window is milliseconds, at least 0")
	}

	started, err := loaders.For(ctx).Client().StartTapTapPlay(ctx, chart, input.PerfectJudgment,
		input.GoodJudgment)
	if err != nil {
		return nil, err
	}
	return playPayload(started), nil
}

// playPayload is the payload of a started play session.
func playPayload(p *upstream.PlayStarted) *model.StartPlayPayload {
	timestamp := strconv.FormatInt(p.Timestamp, 10)
	return &model.StartPlayPayload{Token: &p.Token, Timestamp: &timestamp, Chart: p.Chart}
}
