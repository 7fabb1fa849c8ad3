package sandbox

import (
	"math/rand/v2"
	"sort"
)

// Areas of the API beyond the core (studio, catalog, events, ...) plug in
// here, each from its own files: an area adds its data to Data.Areas, its
// generator to areaGenerators, its index to areaIndexers and its routes
// to areaRoutes, all from an init function. They run in the order of their
// names, so the data set stays deterministic.

// areaGenerator fills an area's part of the data set; it runs after the
// core data exists. Each area draws from its own random source, so adding
// an area changes no other area's data.
type areaGenerator struct {
	name string
	fn   func(g *gen, r *rand.Rand)
}

var (
	areaGenerators []areaGenerator
	areaIndexers   = map[string]func(d *Data){}
	areaRoutes     = map[string]func(s *Server) []route{}
)

// runAreaGenerators fills every area, in the order of their names.
func runAreaGenerators(g *gen) {
	sort.Slice(areaGenerators, func(i, j int) bool { return areaGenerators[i].name < areaGenerators[j].name })
	for i, a := range areaGenerators {
		a.fn(g, rand.New(rand.NewPCG(uint64(i+1)*0x9e3779b97f4a7c15, 0x50_48_49_5a)))
	}
}

// reindexAreas rebuilds every area's lookup indexes.
func reindexAreas(d *Data) {
	for _, name := range sortedKeys(areaIndexers) {
		areaIndexers[name](d)
	}
}

// extraRoutes returns the routes of every area.
func (s *Server) extraRoutes() []route {
	var out []route
	for _, name := range sortedKeys(areaRoutes) {
		out = append(out, areaRoutes[name](s)...)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
