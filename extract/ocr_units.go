package extract

import (
	"fmt"
	"slices"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/divisions"
	"github.com/duban/duban/internal/namedist"
)

// This file corrects the unit names OCR misread (闵榆区 for 赣榆区, 灌云具
// for 灌云县). A name is only ever replaced by a name that is known — one
// of the unit directory, a name the notice itself gives more than once,
// or a division (internal/divisions) of the city or else the province of
// the divisions the notice names — and only when that name is clearly the
// closest: within one edit (two for names of six or
// more characters), a substitution of look-alike characters costing half,
// and no other known name as close. Names nothing is close to are left as
// read; nothing is invented. Each correction is a warning on its task.

// confusable lists characters OCR takes for one another in unit names, in
// pairs: a substitution between the two of a pair costs half an edit.
var confusable = func() map[[2]rune]bool {
	pairs := []string{
		"县具", "云去", "云会", "区匡", "局后", "局周", "委季", "委姿", "办力", "办为", "市币", "市巾",
		"厅斤", "部郎", "部都", "镇慎", "街衔", "乡多", "村材", "司可", "室空", "处外", "队认", "所听",
		"会合", "农衣", "人入", "工土", "土士", "己已", "未末", "大太", "天夭", "体休", "民艮", "南甫",
		"科料", "技拉", "建达", "监临", "管菅", "理埋", "设没", "发友", "改放", "财材", "政攻",
	}
	m := map[[2]rune]bool{}
	for _, p := range pairs {
		rs := []rune(p)
		m[[2]rune{rs[0], rs[1]}], m[[2]rune{rs[1], rs[0]}] = true, true
	}
	return m
}()

// lookalike is the cost of substituting y for x in a unit name: half an
// edit for characters OCR takes for one another, else a whole one.
func lookalike(x, y rune) int {
	if confusable[[2]rune{x, y}] {
		return namedist.Edit / 2
	}
	return namedist.Edit
}

// unitCost is the edit distance of a and b in half edits (substitution of
// look-alikes 1, other edits 2), or limit+1 when over limit.
func unitCost(a, b []rune, limit int) int {
	return namedist.Distance(a, b, limit, lookalike)
}

// closestName returns the one candidate within limit half edits of name
// that is closer than every other; ok is false when none is or two are
// equally close.
func closestName(name []rune, cands []string, limit int) (best string, ok bool) {
	return namedist.Closest(name, cands, limit, lookalike)
}

// fixOCRUnits corrects the notice's misread unit names (see the top of
// this file) against dir (nil for none), the divisions and the notice's
// own names.
func fixOCRUnits(n *duban.Notice, dir *duban.Directory) {
	count := map[string]int{}
	for _, t := range n.Tasks {
		for _, u := range t.Units {
			count[u.Name]++
		}
	}
	inDir := func(s string) bool { _, ok := dir.Canonical(s); return ok }
	// The candidates: the directory's names, the divisions the notice
	// names, and the other names it gives more than once (a unit named in
	// a notice is most often named there again).
	var own []string
	for s, k := range count {
		if inDir(s) || divisions.Known(s) || k >= 2 && !divisions.Shaped(s) {
			own = append(own, s)
		}
	}
	own = append(own, dir.Names()...)
	slices.Sort(own)
	// Divisions near those the notice names (its city's counties, then
	// its province's), or all of them when it names none.
	var given []string
	for s := range count {
		if divisions.Known(s) {
			given = append(given, s)
		}
	}
	slices.Sort(given)
	city, province := divisions.Near(given)
	areas := [][]string{city, province}
	if len(given) == 0 {
		areas = [][]string{divisions.Names()}
	}
	fixed := map[string]string{}
	for s := range count {
		rs := []rune(s)
		if inDir(s) || divisions.Known(s) || len(rs) < 3 {
			continue
		}
		// A name given as often as a candidate is no misreading of it.
		cands := make([]string, 0, len(own))
		for _, c := range own {
			if c != s && (count[c] == 0 || count[c] > count[s] || inDir(c) || divisions.Known(c)) {
				cands = append(cands, c)
			}
		}
		// One edit of any kind for a division's shape (a closed
		// vocabulary), else only look-alikes; two edits from six
		// characters on.
		limit := 1
		if divisions.Shaped(s) {
			limit = 2
		}
		if len(rs) >= 6 {
			limit = 4
		}
		if c, ok := closestName(rs, cands, limit); ok {
			fixed[s] = c
			continue
		}
		if !divisions.Shaped(s) {
			continue
		}
		for _, names := range areas {
			if c, ok := closestName(rs, names, limit); ok {
				fixed[s] = c
				break
			}
		}
	}
	if len(fixed) == 0 {
		return
	}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		units := t.Units[:0]
		seen := map[duban.Unit]bool{}
		for _, u := range t.Units {
			if c, ok := fixed[u.Name]; ok {
				n.Warnings = append(n.Warnings, duban.Warning{Task: t.ID, Code: duban.WarnOCR,
					Message: fmt.Sprintf("OCR read the unit “%s”; taken as “%s”, the closest known name", u.Name, c)})
				u.Name = c
			}
			if !seen[u] {
				seen[u] = true
				units = append(units, u)
			}
		}
		t.Units = units
	}
}
