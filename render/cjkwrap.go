package render

import "strings"

// CJK line breaking. fpdf's SplitText and MultiCell drop a character at
// every automatic break in CJK text, so every PDF cell is broken into lines
// here and each line drawn as it is.
//
// Rules: a line may break between any two CJK characters; a run of ASCII
// letters, digits and symbols (a word, a number such as 2024.5 or 10%) stays
// together when it fits on a line; closing punctuation never starts a line
// and opening punctuation never ends one (the punctuation travels with its
// neighbour); a space is kept at the end of the line before the break.
// Nothing is lost or doubled: for text without line feeds the lines
// concatenate to the input, and a line feed forces a break (it is consumed).

// closingPunct may not start a line.
const closingPunct = "，。、；：？！）》」』”’〕】〉］｝〗〙…‥·・％" + ",.;:?!)]}>%"

// openingPunct may not end a line.
const openingPunct = "（《「『“‘〔【〈［｛〖〘" + "([{<"

func isClosing(r rune) bool { return strings.ContainsRune(closingPunct, r) }
func isOpening(r rune) bool { return strings.ContainsRune(openingPunct, r) }

// isWordRune reports whether r belongs to an ASCII word that should not be
// broken (letters, digits and the symbols that join them).
func isWordRune(r rune) bool {
	return r > ' ' && r < 0x7f && !strings.ContainsRune("([{<)]}>,;:?!", r)
}

// wrapLines breaks text into lines no wider than max, measuring each rune with
// width. A single rune wider than max gets a line of its own. Every line
// feed ends a line ("\r\n" counts as one); an empty paragraph gives an empty
// line. wrapLines never returns nil for non-empty text.
func wrapLines(text string, max float64, width func(rune) float64) []string {
	if text == "" {
		return nil
	}
	var lines []string
	for para := range strings.SplitSeq(text, "\n") {
		para = strings.TrimSuffix(para, "\r")
		lines = wrapParagraph(lines, []rune(para), max, width)
	}
	return lines
}

// segments splits a paragraph into unbreakable pieces: a CJK character or
// an ASCII word, with closing punctuation and spaces glued to the piece
// before and opening punctuation glued to the piece after.
func segments(rs []rune) [][]rune {
	var starts []int
	glueNext := false // the previous token ends with opening punctuation
	for i := 0; i < len(rs); {
		j := i + 1
		if isWordRune(rs[i]) {
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
		}
		first := rs[i]
		attach := len(starts) > 0 && (glueNext || isClosing(first) || isSpace(first))
		if !attach {
			starts = append(starts, i)
		}
		glueNext = isOpening(rs[j-1])
		i = j
	}
	segs := make([][]rune, len(starts))
	for k, s := range starts {
		e := len(rs)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		segs[k] = rs[s:e]
	}
	return segs
}

func isSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' }

func runesWidth(rs []rune, width func(rune) float64) float64 {
	w := 0.0
	for _, r := range rs {
		w += width(r)
	}
	return w
}

func wrapParagraph(lines []string, rs []rune, max float64, width func(rune) float64) []string {
	if len(rs) == 0 {
		return append(lines, "")
	}
	var cur []rune
	curW := 0.0
	flush := func() {
		lines = append(lines, string(cur))
		cur, curW = nil, 0
	}
	for _, seg := range segments(rs) {
		w := runesWidth(seg, width)
		if curW+trimmedWidth(seg, w, width) <= max || len(cur) == 0 && w <= max {
			cur = append(cur, seg...)
			curW += w
			continue
		}
		if len(cur) > 0 {
			flush()
		}
		if w <= max {
			cur = append(cur, seg...)
			curW = w
			continue
		}
		// The segment alone is wider than a line: break inside it.
		rest := seg
		for len(rest) > 0 {
			n := fitRunes(rest, max, width)
			if n == len(rest) {
				cur = append(cur, rest...)
				curW = runesWidth(rest, width)
				break
			}
			cur = append(cur, rest[:n]...)
			flush()
			rest = rest[n:]
		}
	}
	if len(cur) > 0 {
		flush()
	}
	return lines
}

// trimmedWidth is the width a segment needs at the end of a line: its
// trailing spaces may hang over the edge.
func trimmedWidth(seg []rune, w float64, width func(rune) float64) float64 {
	for i := len(seg) - 1; i > 0 && (isSpace(seg[i])); i-- {
		w -= width(seg[i])
	}
	return w
}

// fitRunes says how many runes of rs start the next line when rs is wider
// than max: as many as fit, moved back (never below one) so the line does
// not end with opening punctuation nor the next start with closing
// punctuation.
func fitRunes(rs []rune, max float64, width func(rune) float64) int {
	n, w := 0, 0.0
	for n < len(rs) && w+width(rs[n]) <= max {
		w += width(rs[n])
		n++
	}
	if n == 0 {
		return 1
	}
	if n == len(rs) {
		return n
	}
	for k := n; k >= 1; k-- {
		if !isOpening(rs[k-1]) && !isClosing(rs[k]) {
			return k
		}
	}
	return n
}
