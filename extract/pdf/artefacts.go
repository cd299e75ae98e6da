package pdf

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/duban/duban/internal/notation"
)

// This file drops page artefacts: page numbers ("— 3 —", "-3-", "第3页",
// "第 3 页 共 9 页", "3/9", "Page 3") and running headers or footers, i.e.
// the same text at the top or bottom of many pages. Only the first and
// last few lines of a page, in its top or bottom fifth, are candidates; a
// running header must stand at the same height on at least half the pages.

const (
	edgeCount = 3   // lines at each end of a page that may be artefacts
	edgeZone  = 0.2 // fraction of the page height at top and bottom
)

var pageNumberRE = regexp.MustCompile(`^(?:` +
	`[-—–－~·•_]*\d{1,4}[-—–－~·•_]*` + // 3, -3-, — 3 —
	`|第\d{1,4}页(?:[,，/、]?共\d{1,4}页)?` + // 第3页, 第3页共9页, 第3页/共9页
	`|共\d{1,4}页[,，/、]?第\d{1,4}页` +
	`|第[一二三四五六七八九十百零〇]{1,5}页` +
	`|\d{1,4}/\d{1,4}` + // 3/9
	`|(?i:page)\d{1,4}(?:(?i:of)\d{1,4})?` +
	`)$`)

// isPDFPageNumber reports whether a line's text is a page number.
func isPDFPageNumber(s string) bool {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return s != "" && pageNumberRE.MatchString(s)
}

// artefactKey is the text of a line with spaces dropped and digits
// generalised, so "第 3 页" and "第 4 页" compare equal.
func artefactKey(s string) string {
	var b strings.Builder
	digit := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case unicode.IsDigit(r):
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		default:
			b.WriteRune(r)
		}
		digit = false
	}
	return b.String()
}

// edgeKey identifies a running header or footer: its text with digits
// generalised and its height on the page, in 3 pt steps.
func edgeKey(l textLine) string {
	return fmt.Sprintf("%s@%.0f", artefactKey(l.text), math.Round(l.y/3))
}

// edgeLines returns the indexes of a page's items that may be artefacts.
func edgeLines(p *page) []int {
	var lines []int
	for i, it := range p.items {
		if it.table == nil {
			lines = append(lines, i)
		}
	}
	h := p.box[3] - p.box[1]
	var out []int
	for k, i := range lines {
		if k >= edgeCount && k < len(lines)-edgeCount {
			continue
		}
		l := p.items[i].line
		if l.y+0.8*l.size >= p.box[3]-edgeZone*h || l.y <= p.box[1]+edgeZone*h {
			out = append(out, i)
		}
	}
	return out
}

// bodyLine reports whether a line opens with a field label or an outline
// number ("完成时限：6月底前", "3.…"): such a line is body text even when a
// regular layout puts the same words at the same height on several pages,
// never a running header or footer.
func bodyLine(s string) bool {
	s = strings.TrimLeftFunc(s, notation.IsSpace)
	if k, _, _ := notation.ParseMarker(s); k != notation.MarkNone {
		return true
	}
	return notation.StartsWithField(s)
}

// dropPageArtefacts removes page numbers and running headers and footers.
func dropPageArtefacts(pages []*page) {
	drop := make([]map[int]bool, len(pages))
	seen := map[string]map[int]bool{} // key -> pages
	for pi, p := range pages {
		drop[pi] = map[int]bool{}
		for _, i := range edgeLines(p) {
			t := p.items[i].line.text
			if isPDFPageNumber(t) {
				drop[pi][i] = true
				continue
			}
			k := edgeKey(p.items[i].line)
			if seen[k] == nil {
				seen[k] = map[int]bool{}
			}
			seen[k][pi] = true
		}
	}
	if len(pages) >= 2 {
		for pi, p := range pages {
			for _, i := range edgeLines(p) {
				if bodyLine(p.items[i].line.text) {
					continue
				}
				n := len(seen[edgeKey(p.items[i].line)])
				if n >= 2 && 2*n >= len(pages)-1 {
					drop[pi][i] = true
				}
			}
		}
	}
	for pi, p := range pages {
		if len(drop[pi]) == 0 {
			continue
		}
		kept := p.items[:0]
		for i, it := range p.items {
			if !drop[pi][i] {
				kept = append(kept, it)
			}
		}
		p.items = kept
	}
}
