// Package layout rebuilds the text of fixed-layout pages — PDF, OFD, and
// word boxes from OCR — from where each glyph stands: glyphs into lines,
// lines into paragraphs (indents, centred titles, ragged or justified
// right edges, letter spacing), ruled and unruled tables, tables running
// across pages, page numbers and running headers dropped. The readers of
// those formats place glyphs and rulings; this package does the rest, the
// same way for all of them.
package layout

import (
	"strings"

	"github.com/duban/duban/extract/document"
)

// Page is one page laid out: its lines and tables in reading order.
type Page = page

// LayoutPage lays out one page's glyphs and rulings; box is the page's
// x0 y0 x1 y1 and num its 1-based number.
func LayoutPage(gs []Glyph, segs []Segment, box [4]float64, num int) *Page {
	g := make([]glyph, len(gs))
	for i, x := range gs {
		g[i] = glyph{x: x.X, y: x.Y, ax: x.AX, ay: x.AY, size: x.Size, text: x.Text, space: x.Space, art: x.Art}
	}
	s := make([]segment, len(segs))
	for i, x := range segs {
		s[i] = segment{x0: x.X0, y0: x.Y0, x1: x.X1, y1: x.Y1}
	}
	return layoutPage(g, s, box, num)
}

// Assemble joins the pages' lines into paragraphs and tables (tables
// continued across pages joined), dropping page numbers and running
// headers.
func Assemble(pages []*Page) *document.Document { return assemble(pages) }

// HasText reports whether any page holds a line of text or a table.
func HasText(pages []*Page) bool {
	for _, p := range pages {
		for _, it := range p.items {
			if it.table != nil || strings.TrimSpace(it.line.text) != "" {
				return true
			}
		}
	}
	return false
}

// IsPageNumber reports whether a line is a page number as printed
// ("— 3 —", "-3-", "第3页").
func IsPageNumber(s string) bool { return isPDFPageNumber(s) }
