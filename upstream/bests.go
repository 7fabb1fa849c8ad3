package upstream

import "context"

// PersonalBests are a user's best ranked plays (UserPersonalBestsDto).
type PersonalBests struct {
	// Phi3 are the user's three best-ranking perfect plays (score
	// 1,000,000) on ranked charts, by RKS.
	Phi3 []Record `json:"phi3"`
	// Best27 are the user's 27 best-ranking plays, one per ranked chart,
	// by RKS.
	Best27 []Record `json:"best27"`
}

// GetPersonalBests reads a user's personal bests; records embed their
// chart.
//
// GET /users/{id}/personalBests
func (c *Client) GetPersonalBests(ctx context.Context, id int) (*PersonalBests, error) {
	return GetOf[PersonalBests](ctx, c, "/users/{id}/personalBests", Params{"id": itoa(id)})
}
