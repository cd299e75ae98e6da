// Package namedist measures how far apart two unit names are, in edits
// over characters, and picks the one name clearly closest to another: the
// directory's "did you mean" and the correction of names OCR misread both
// use it.
package namedist

// Edit is the cost of one edit (an insertion, a deletion or a
// substitution of unrelated characters); a cheaper substitution (look-alike
// characters) costs less. Costs are whole numbers so a half edit is 1.
const Edit = 2

// Plain costs every substitution one Edit.
func Plain(x, y rune) int { return Edit }

// Distance is the edit distance of a and b, substitutions costing sub(x,
// y) for x != y and insertions and deletions Edit, or limit+1 when it is
// over limit (work stops as soon as every path is).
func Distance(a, b []rune, limit int, sub func(x, y rune) int) int {
	if d := Edit * (len(a) - len(b)); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = Edit * j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = Edit * i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c += sub(a[i-1], b[j-1])
			}
			cur[j] = min(c, prev[j]+Edit, cur[j-1]+Edit)
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit+1)
}

// Closest returns the one candidate within limit of name (by Distance)
// that is closer than every other; ok is false when none is or two are
// equally close.
func Closest(name []rune, cands []string, limit int, sub func(x, y rune) int) (best string, ok bool) {
	bestD, ties := limit+1, 0
	for _, c := range cands {
		k := Distance(name, []rune(c), limit, sub)
		switch {
		case k < bestD:
			best, bestD, ties = c, k, 1
		case k == bestD && c != best:
			ties++
		}
	}
	return best, bestD <= limit && ties == 1
}
