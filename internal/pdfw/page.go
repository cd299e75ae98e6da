package pdfw

import (
	"sync"
)

// Page is the drawing of one page (or of its footer). Its operations
// append to a content stream in memory, written out when the page ends.
type Page struct {
	d   *Doc
	buf []byte
	// Graphics state as the stream has set it.
	fill, stroke rgb // current non-stroking and stroking colours
	text         rgb // colour for text (the non-stroking colour when drawn)
	fillWant     rgb // colour for filled shapes
	lineWidth    float64
}

type rgb struct{ r, g, b uint8 }

var bufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

func newPage(d *Doc) *Page {
	b := bufs.Get().(*[]byte)
	p := &Page{d: d, buf: (*b)[:0], lineWidth: -1}
	p.buf = append(p.buf, "q\n"...)
	return p
}

// finish balances the stream's graphics state.
func (p *Page) finish() { p.buf = append(p.buf, "Q\n"...) }

func (p *Page) release() {
	if cap(p.buf) <= 1<<20 {
		b := p.buf[:0]
		bufs.Put(&b)
	}
	p.buf = nil
}

// Width and Height are the page's size in mm.
func (p *Page) Width() float64  { return p.d.wPt / ptPerMM }
func (p *Page) Height() float64 { return p.d.hPt / ptPerMM }

// SetTextColor sets the colour of text drawn after it.
func (p *Page) SetTextColor(r, g, b uint8) { p.text = rgb{r, g, b} }

// SetFillColor sets the colour of filled rectangles.
func (p *Page) SetFillColor(r, g, b uint8) { p.fillWant = rgb{r, g, b} }

// SetStrokeColor sets the colour of lines and rectangle borders.
func (p *Page) SetStrokeColor(r, g, b uint8) {
	c := rgb{r, g, b}
	if c == p.stroke {
		return
	}
	p.stroke = c
	p.buf = appendColor(p.buf, c)
	p.buf = append(p.buf, " RG\n"...)
}

// SetLineWidth sets the width of lines and borders in mm.
func (p *Page) SetLineWidth(mm float64) {
	if mm == p.lineWidth {
		return
	}
	p.lineWidth = mm
	p.buf = appendNum(p.buf, mm*ptPerMM)
	p.buf = append(p.buf, " w\n"...)
}

func (p *Page) setFill(c rgb) {
	if c == p.fill {
		return
	}
	p.fill = c
	p.buf = appendColor(p.buf, c)
	p.buf = append(p.buf, " rg\n"...)
}

func appendColor(b []byte, c rgb) []byte {
	for i, v := range []uint8{c.r, c.g, c.b} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum3(b, float64(v)/255)
	}
	return b
}

// appendNum3 writes v with at most three decimals.
func appendNum3(b []byte, v float64) []byte {
	start := len(b)
	b = appendFixed(b, v, 3)
	if len(b)-start > 1 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	return b
}

// x and y convert mm from the top left into points from the bottom left.
func (p *Page) x(mm float64) float64 { return mm * ptPerMM }
func (p *Page) y(mm float64) float64 { return p.d.hPt - mm*ptPerMM }

// Line draws a line from (x1, y1) to (x2, y2).
func (p *Page) Line(x1, y1, x2, y2 float64) {
	p.buf = appendNum(p.buf, p.x(x1))
	p.buf = append(p.buf, ' ')
	p.buf = appendNum(p.buf, p.y(y1))
	p.buf = append(p.buf, " m "...)
	p.buf = appendNum(p.buf, p.x(x2))
	p.buf = append(p.buf, ' ')
	p.buf = appendNum(p.buf, p.y(y2))
	p.buf = append(p.buf, " l S\n"...)
}

// Rect draws a rectangle with its top-left corner at (x, y), filled in the
// fill colour and/or outlined in the stroke colour.
func (p *Page) Rect(x, y, w, h float64, fill, stroke bool) {
	if !fill && !stroke {
		return
	}
	if fill {
		p.setFill(p.fillWant)
	}
	p.buf = appendNum(p.buf, p.x(x))
	p.buf = append(p.buf, ' ')
	p.buf = appendNum(p.buf, p.y(y))
	p.buf = append(p.buf, ' ')
	p.buf = appendNum(p.buf, w*ptPerMM)
	p.buf = append(p.buf, ' ')
	p.buf = appendNum(p.buf, -h*ptPerMM)
	switch {
	case fill && stroke:
		p.buf = append(p.buf, " re B\n"...)
	case fill:
		p.buf = append(p.buf, " re f\n"...)
	default:
		p.buf = append(p.buf, " re S\n"...)
	}
}

// Text draws s at size pt with its baseline starting at (x, y), in the
// text colour. A character the font lacks is drawn as the font draws it
// (see Font.Drawn): □ when the font has it, else glyph 0.
func (p *Page) Text(x, y, size float64, s string) {
	if s == "" {
		return
	}
	p.setFill(p.text)
	p.buf = append(p.buf, "BT /F1 "...)
	p.buf = appendNum(p.buf, size)
	p.buf = append(p.buf, " Tf "...)
	p.buf = appendNum(p.buf, p.x(x))
	p.buf = append(p.buf, ' ')
	p.buf = appendNum(p.buf, p.y(y))
	p.buf = append(p.buf, " Td ("...)
	f, d := p.d.font, p.d
	for _, r := range s {
		g, r := f.Drawn(r)
		if d.seen[g>>6]&(1<<(g&63)) == 0 {
			d.seen[g>>6] |= 1 << (g & 63)
			d.used[g] = r
		}
		// Two bytes per glyph id, escaped as a literal string needs.
		for _, c := range [2]byte{byte(g >> 8), byte(g)} {
			switch c {
			case '(', ')', '\\':
				p.buf = append(p.buf, '\\', c)
			case '\r':
				p.buf = append(p.buf, '\\', 'r')
			default:
				p.buf = append(p.buf, c)
			}
		}
	}
	p.buf = append(p.buf, ") Tj ET\n"...)
}
