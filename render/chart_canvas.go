package render

import "github.com/duban/duban/internal/pdfw"

// chartCanvas is what a barChart draws on, in mm from the top left: a
// PDF page (pdfCanvas) or an image (rasterCanvas, the PNG of the DOCX
// 通报). Colours are "#RRGGBB", "" for black.
type chartCanvas interface {
	SetFontSize(pt float64)
	// TextWidth measures s at the font size set.
	TextWidth(s string) float64
	// Text writes s with its baseline at y.
	Text(x, y float64, s, color string)
	FillRect(x, y, w, h float64, color string)
	// Line draws a horizontal or vertical line width mm thick.
	Line(x1, y1, x2, y2, width float64, color string)
}

// pdfCanvas draws on the document's current page.
type pdfCanvas struct {
	p    *pdfw.Page
	doc  *pdfDoc
	size float64
}

func (c *pdfCanvas) SetFontSize(pt float64)     { c.size = pt }
func (c *pdfCanvas) TextWidth(s string) float64 { return c.doc.StringWidth(s, c.size) }

func (c *pdfCanvas) Text(x, y float64, s, color string) {
	setText(c.p, color)
	c.p.Text(x, y, c.size, pdfText(s))
}

func (c *pdfCanvas) FillRect(x, y, w, h float64, color string) {
	r, g, b, _ := parseColor(color)
	c.p.SetFillColor(uint8(r), uint8(g), uint8(b))
	c.p.Rect(x, y, w, h, true, false)
}

func (c *pdfCanvas) Line(x1, y1, x2, y2, width float64, color string) {
	r, g, b, _ := parseColor(color)
	c.p.SetStrokeColor(uint8(r), uint8(g), uint8(b))
	c.p.SetLineWidth(width)
	c.p.Line(x1, y1, x2, y2)
}
