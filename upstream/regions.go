package upstream

import "context"

// Region is a country or region a user states (RegionDto).
type Region struct {
	ID   int    `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// RegionListOptions selects a page of regions.
type RegionListOptions struct {
	ListOptions
	RegionFilter
}

// ListRegions reads a page of regions.
//
// GET /regions
func (c *Client) ListRegions(ctx context.Context, opts RegionListOptions) ([]Region, Page, error) {
	return ListOf[Region](ctx, c, "/regions", nil, opts)
}

// GetRegion reads one region by its code, such as "CN".
//
// GET /regions/{code}
func (c *Client) GetRegion(ctx context.Context, code string) (*Region, error) {
	return GetOf[Region](ctx, c, "/regions/{code}", Params{"code": code})
}

// GetRegionByID reads one region by its numeric ID.
//
// GET /regions/{id}
func (c *Client) GetRegionByID(ctx context.Context, id int) (*Region, error) {
	return GetOf[Region](ctx, c, "/regions/{id}", Params{"id": itoa(id)})
}
