package duban

import (
	"slices"

	"github.com/duban/duban/internal/namedist"
)

// Suggest returns the directory name closest to name — a unit, alias or
// group one or two characters away (by edit distance over characters,
// two only for names of six or more) — for a "did you mean" on a name the
// directory does not know; ok is false when none is that close or two are
// equally close.
func (d *Directory) Suggest(name string) (best string, ok bool) {
	if d == nil {
		return "", false
	}
	a := []rune(name)
	limit := 1
	if len(a) >= 6 {
		limit = 2
	}
	names := d.Names()
	if slices.Contains(names, name) {
		return "", false
	}
	return namedist.Closest(a, names, limit*namedist.Edit, namedist.Plain)
}
