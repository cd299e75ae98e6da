package duban

import (
	"regexp"
	"strings"
)

// placeName is a leading place name: two or more characters ending in
// 省, 市, 县 or 区 (连云港市, 海州区, 江苏省), the shortest such.
var placeName = regexp.MustCompile(`^\p{Han}{2,8}?[省市县区]`)

// IssuerPlace is the place a notice's issuer belongs to: the leading
// place name of Notice.Issuer (连云港市人民政府办公室 → 连云港市, 中共无锡市委
// → 无锡市), "" when the issuer names none (市政府办公室).
func IssuerPlace(issuer string) string {
	s := strings.TrimSpace(issuer)
	s = strings.TrimPrefix(s, "中共")
	return placeName.FindString(s)
}

// placed reports whether a unit name already carries its place
// (连云港市发改委, 海州区住建局, 东海县). A group of places (相关县区,
// 有关县区, 各县区) names none.
func placed(name string) bool {
	for _, p := range []string{"相关", "有关", "各"} {
		if strings.HasPrefix(name, p) {
			return false
		}
	}
	return IssuerPlace(name) != ""
}

// unitKeys says which plain sheet keys (SheetKey) are used in notices of
// more than one issuing place: those are qualified with the place.
type unitKeys map[string]bool

// newUnitKeys finds the plain keys named (directly or as a directory
// group's member) in notices of two or more places. Names that carry a
// place, and notices whose issuer names none, qualify nothing.
func newUnitKeys(notices []*Notice, dir *Directory) unitKeys {
	places := map[string]string{} // key → first place, "\x00" once two
	ambiguous := unitKeys{}
	note := func(k, place string) {
		if k == "" || place == "" || placed(k) {
			return
		}
		switch p, ok := places[k]; {
		case !ok:
			places[k] = place
		case p != place:
			ambiguous[k] = true
		}
	}
	for _, n := range notices {
		if n == nil {
			continue
		}
		place := IssuerPlace(n.Issuer)
		for ti := range n.Tasks {
			for _, u := range n.Tasks[ti].Units {
				k := SheetKey(u)
				note(k, place)
				for _, m := range dir.Members(k) {
					note(m, place)
				}
			}
		}
	}
	return ambiguous
}

// of is the sheet key of unit key k in notice n: k itself, or when k is
// named in notices of several places, k with n's place — 市发改委（连云港市）
// (k itself when n's issuer names no place).
func (a unitKeys) of(n *Notice, k string) string {
	place := IssuerPlace(n.Issuer)
	if !a[k] || place == "" {
		return k
	}
	return qualified(k, place)
}

// qualified is unit key k with place: 市发改委（连云港市）.
func qualified(k, place string) string { return k + "（" + place + "）" }

// SheetUnit is the unit of task t (of notice n) that the unit sheet keyed
// key lists it for, as the records name it (Assignment.Name): a unit of t,
// or a member dir gives one of its groups, keyed plain (市发改委) or with
// n's place (市发改委（连云港市）). ok is false when the sheet does not list t.
func SheetUnit(n *Notice, t *Task, key string, dir *Directory) (name string, ok bool) {
	place := ""
	if n != nil {
		place = IssuerPlace(n.Issuer)
	}
	is := func(k string) bool {
		return k != "" && (k == key || place != "" && qualified(k, place) == key)
	}
	for _, u := range t.Units {
		if k := SheetKey(u); is(k) {
			return k, true
		}
	}
	for _, u := range t.Units {
		for _, m := range dir.Members(SheetKey(u)) {
			if is(m) {
				return m, true
			}
		}
	}
	return "", false
}
