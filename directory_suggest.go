package duban

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
	bestD, ties := limit+1, 0
	for _, n := range d.Names() {
		if n == name {
			return "", false
		}
		k := editDistance(a, []rune(n), limit)
		switch {
		case k < bestD:
			best, bestD, ties = n, k, 1
		case k == bestD:
			ties++
		}
	}
	return best, bestD <= limit && ties == 1
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// is over limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit+1)
}
