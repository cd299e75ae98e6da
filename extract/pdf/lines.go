package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file turns a page's glyphs into text lines: the page is turned so
// that its dominant writing direction runs left to right, glyphs are
// grouped by baseline whatever font or text object drew them, and spaces
// are put only where the gap between glyphs is wider than the line's own
// letter spacing (justified CJK text stays unspaced).

// textLine is one reconstructed line of a page.
type textLine struct {
	text   string
	x0, x1 float64 // left and right ends
	y      float64 // baseline (y grows upwards)
	size   float64 // dominant font size
	lead   float64 // width of the first unbreakable unit (word, or character with its closing punctuation)
	page   int
	glyphs []glyph // left to right
	track  float64 // the line's own letter spacing
}

// item is a line or a table, in reading order.
type item struct {
	line  textLine
	table *table
	top   float64
}

// page is a laid-out page.
type page struct {
	num   int
	items []item
	box   [4]float64 // x0 y0 x1 y1 after turning
}

// layoutPage turns glyphs and rules into the page's lines and tables.
func layoutPage(gs []glyph, segs []segment, box [4]float64, num int) *page {
	if dir := dominantDirection(gs); dir != 0 {
		gs, segs, box = turnPage(gs, segs, box, dir)
	}
	gs = keepDirection(gs, box)
	gs = dropArtifacts(gs)
	p := &page{num: num, box: box}
	tables := findTables(segs)
	rest := gs
	if len(tables) > 0 {
		rest = nil
		for _, g := range gs {
			cx, cy := g.x+g.ax/2, g.y+0.3*g.size
			placed := false
			for _, t := range tables {
				if t.place(g, cx, cy) {
					placed = true
					break
				}
			}
			if !placed {
				rest = append(rest, g)
			}
		}
		for _, t := range tables {
			if t.build(num) {
				p.items = append(p.items, item{table: t, top: t.ys[0]})
			}
		}
	}
	lines := buildLines(rest)
	for _, t := range findPlainTables(lines, num) {
		p.items = append(p.items, item{table: t.table, top: t.top})
		for i := t.from; i < t.to; i++ {
			lines[i].text = "" // consumed by the table
		}
	}
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		l.page = num
		p.items = append(p.items, item{line: l, top: l.y + 0.8*l.size})
	}
	slices.SortStableFunc(p.items, func(a, b item) int { return order(a.top > b.top, b.top > a.top) })
	return p
}

// dirOf quantises a glyph's writing direction to 0..3 quarter turns, or
// -1 for a glyph without advance.
func dirOf(g glyph) int {
	if g.ax == 0 && g.ay == 0 {
		return -1
	}
	q := int(math.Round(math.Atan2(g.ay, g.ax)/(math.Pi/2))) % 4
	if q < 0 {
		q += 4
	}
	return q
}

func dominantDirection(gs []glyph) int {
	var n [4]int
	for _, g := range gs {
		if d := dirOf(g); d >= 0 && !g.space {
			n[d]++
		}
	}
	best := 0
	for d := 1; d < 4; d++ {
		if n[d] > n[best] {
			best = d
		}
	}
	return best
}

// turnPage rotates everything by -dir quarter turns so that text in
// direction dir runs along +x.
func turnPage(gs []glyph, segs []segment, box [4]float64, dir int) ([]glyph, []segment, [4]float64) {
	rot := func(x, y float64) (float64, float64) {
		for i := 0; i < dir; i++ {
			x, y = y, -x
		}
		return x, y
	}
	out := make([]glyph, len(gs))
	for i, g := range gs {
		g.x, g.y = rot(g.x, g.y)
		g.ax, g.ay = rot(g.ax, g.ay)
		out[i] = g
	}
	so := make([]segment, len(segs))
	for i, s := range segs {
		s.x0, s.y0 = rot(s.x0, s.y0)
		s.x1, s.y1 = rot(s.x1, s.y1)
		so[i] = s
	}
	ax, ay := rot(box[0], box[1])
	bx, by := rot(box[2], box[3])
	return out, so, [4]float64{math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)}
}

// keepDirection drops glyphs not written left to right after turning
// (rotated stamps, slanted watermarks, vertical margin notes), glyphs too
// small to read and glyphs outside the page.
func keepDirection(gs []glyph, box [4]float64) []glyph {
	const slant = 0.18 // about 10 degrees
	out := gs[:0]
	for _, g := range gs {
		if g.size <= 0.5 || g.x < box[0]-g.size || g.x > box[2] || g.y < box[1]-g.size || g.y > box[3] {
			continue
		}
		if g.ax == 0 && g.ay == 0 || g.ax > 0 && math.Abs(g.ay) <= slant*g.ax {
			out = append(out, g)
		}
	}
	return out
}

// dropArtifacts removes text marked as /Artifact (running headers, page
// numbers) unless nothing else is left, which is a tagging error.
func dropArtifacts(gs []glyph) []glyph {
	real, art := 0, 0
	for _, g := range gs {
		switch {
		case g.space:
		case g.art:
			art++
		default:
			real++
		}
	}
	if art == 0 || real == 0 {
		return gs
	}
	out := gs[:0]
	for _, g := range gs {
		if !g.art {
			out = append(out, g)
		}
	}
	return out
}

// order turns a less-than test both ways into a comparison for
// slices.SortStableFunc, so that it sorts exactly as sort.SliceStable with
// the same test (NaN coordinates included).
func order(less, greater bool) int {
	switch {
	case less:
		return -1
	case greater:
		return 1
	}
	return 0
}

// buildLines groups glyphs by baseline and orders each line left to right.
func buildLines(gs []glyph) []textLine {
	if len(gs) == 0 {
		return nil
	}
	sorted := gs // sorted in place: the caller's slice is ours to reorder
	above := func(a, b glyph) bool {
		if a.y != b.y {
			return a.y > b.y
		}
		return a.x < b.x
	}
	slices.SortStableFunc(sorted, func(a, b glyph) int { return order(above(a, b), above(b, a)) })
	var lines []textLine
	var gaps []float64 // scratch for makeLine
	start := 0
	base, size := sorted[0].y, sorted[0].size
	for i := 1; i <= len(sorted); i++ {
		if i < len(sorted) {
			g := sorted[i]
			if base-g.y <= 0.45*math.Max(size, g.size) {
				if g.size > size {
					base, size = g.y, g.size
				}
				continue
			}
		}
		if l, ok := makeLine(sorted[start:i], &gaps); ok {
			lines = append(lines, l)
		}
		if i < len(sorted) {
			start = i
			base, size = sorted[i].y, sorted[i].size
		}
	}
	return lines
}

// makeLine orders one baseline's glyphs and writes its text; scratch
// is reused for the gaps between glyphs.
func makeLine(gs []glyph, scratch *[]float64) (textLine, bool) {
	slices.SortStableFunc(gs, func(a, b glyph) int { return order(a.x < b.x, b.x < a.x) })
	// Drop doubles drawn over each other (fake bold, shadows).
	kept := gs[:0]
	for _, g := range gs {
		dup := false
		for k := len(kept) - 1; k >= 0 && k >= len(kept)-3; k-- {
			p := kept[k]
			if p.text == g.text && math.Abs(p.x-g.x) < 0.2*g.size && math.Abs(p.y-g.y) < 0.2*g.size {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, g)
		}
	}
	gs = kept
	// The line's own letter spacing: the median gap between glyphs.
	gaps := (*scratch)[:0]
	defer func() { *scratch = gaps[:0] }()
	for i := 1; i < len(gs); i++ {
		if !gs[i].space && !gs[i-1].space {
			gaps = append(gaps, gs[i].x-(gs[i-1].x+gs[i-1].ax))
		}
	}
	track := 0.0
	if len(gaps) >= 4 {
		sort.Float64s(gaps)
		track = math.Max(0, gaps[len(gaps)/2])
	} else if len(gaps) > 0 {
		track = shortLineTrack(gaps, gs[0].size)
	}
	var b strings.Builder
	var l textLine
	// characters per font size (rounded to half points); a line has few
	var sizesBuf [8]sizeCount
	sizes := sizesBuf[:0]
	first := true
	maxSize := 0.0
	pendingSpace := false
	var prev glyph
	for _, g := range gs {
		if g.space || strings.TrimSpace(g.text) == "" {
			if !first {
				pendingSpace = true
			}
			continue
		}
		if first {
			l.x0 = g.x
		} else if !pendingSpace {
			gap := g.x - (prev.x + prev.ax) - track
			sz := math.Max(prev.size, g.size)
			pw, gw := wideGlyph(prev), wideGlyph(g)
			switch {
			case pw && gw:
				pendingSpace = gap > 1.2*sz
			case pw || gw:
				pendingSpace = gap > 0.45*sz
			default:
				pendingSpace = gap > 0.18*sz
			}
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteString(g.text)
		sizes = countSize(sizes, math.Round(g.size*2)/2, utf8.RuneCountInString(g.text))
		l.x1 = math.Max(l.x1, g.x+g.ax)
		if first || g.size > maxSize {
			// baseline of the largest glyph, so superscripts do not move it
			l.y, maxSize = g.y, g.size
		}
		first = false
		prev = g
	}
	if first {
		return l, false
	}
	best := 0
	for _, c := range sizes {
		if c.n > best || c.n == best && c.size > l.size {
			best, l.size = c.n, c.size
		}
	}
	l.text = b.String()
	l.lead = leadWidth(gs)
	l.glyphs, l.track = gs, track
	return l, true
}

// sizeCount is how many characters of a line are in one font size.
type sizeCount struct {
	size float64
	n    int
}

// countSize adds n characters of size to the counts.
func countSize(cs []sizeCount, size float64, n int) []sizeCount {
	for i := range cs {
		if cs[i].size == size {
			cs[i].n += n
			return cs
		}
	}
	return append(cs, sizeCount{size, n})
}

// leadWidth measures a line's first unit that a line break cannot
// split: a Latin word or number, or one character with the closing
// punctuation that may not start a line.
func leadWidth(gs []glyph) float64 {
	i := 0
	for i < len(gs) && (gs[i].space || strings.TrimSpace(gs[i].text) == "") {
		i++
	}
	if i == len(gs) {
		return 0
	}
	first, last := gs[i], gs[i]
	latin := !wideGlyph(first)
	for j := i + 1; j < len(gs); j++ {
		g := gs[j]
		if g.space || strings.TrimSpace(g.text) == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(g.text)
		if latin && (wideGlyph(g) || g.x-(last.x+last.ax) > 0.18*g.size) {
			break
		}
		if !latin && !strings.ContainsRune(noLineStart, r) {
			break
		}
		last = g
	}
	return last.x + last.ax - first.x
}

// noLineStart is the punctuation a CJK line may not start with.
const noLineStart = "，。、；：？！）》」』”’〕】,.;:?!)]"

// wideGlyph reports whether a glyph is a full-width (CJK) character.
func wideGlyph(g glyph) bool {
	r, _ := utf8.DecodeRuneInString(g.text)
	if wideRune(r) {
		return true
	}
	return g.size > 0 && g.ax >= 0.8*g.size && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func wideRune(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		r >= 0x3000 && r <= 0x30FF || // CJK punctuation, kana
		r >= 0xFF00 && r <= 0xFFEF || // full-width forms
		r >= 0xAC00 && r <= 0xD7AF || // Hangul
		r >= 0x2E80 && r <= 0x2FDF ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}
