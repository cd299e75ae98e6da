package pdf

import "math"

// indentedAgain reports whether line b, starting at the same first-line
// indent as line a, opens a paragraph of its own: a one-line paragraph
// that fills the width (its closing "。" hanging into the margin, as
// office suites let punctuation hang) is followed by another indented
// paragraph, while the second line of a paragraph goes back to the left
// margin. Only after a sentence end, so that a paragraph indented as a
// whole still runs on.
func (st layout) indentedAgain(a, b textLine, size float64) bool {
	return a.x0 > st.inner+0.8*size && a.x0 < st.inner+4*size &&
		math.Abs(b.x0-a.x0) < 0.3*size && sentenceEnd(a.text)
}

// innerMargin is the leftmost start that at least two body lines share
// (lefts counts body lines per rounded start): in a notice of short
// paragraphs most lines start at the first-line indent, so the most
// common start (left) is the indent and not the margin.
func innerMargin(lefts map[float64]int, left float64) float64 {
	m := left
	for x, n := range lefts {
		if n >= 2 && x < m {
			m = x
		}
	}
	return m
}

// backFromRight reports whether line b, back at the left margin, cannot go
// on from line a because a starts far right of the margin: a signature or
// date pushed to the right, which a ragged body (whose right margin is
// measured short) lets look full.
func (st layout) backFromRight(a, b textLine, size float64) bool {
	return a.x0 > st.inner+4*size && b.x0 < a.x0-4*size
}
