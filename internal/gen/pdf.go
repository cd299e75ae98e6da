package gen

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// pdfTime is the fixed creation date of every PDF, so output is deterministic.
var pdfTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// PDF writes the notice as an A4 PDF with a text layer, page numbers
// ("— N —") at the foot and lines wrapped wherever the width ends, even
// inside a unit clause, as office exports do. font is a TrueType font
// with the notice's characters.
func (n *Notice) PDF(font []byte) ([]byte, error) {
	if len(font) == 0 {
		return nil, fmt.Errorf("pdf: no font")
	}
	const (
		size   = 12.0
		lh     = 7.0
		margin = 25.0
	)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(pdfTime)
	pdf.SetModificationDate(pdfTime)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	pdf.AddUTF8FontFromBytes("cjk", "", font)
	pdf.SetFont("cjk", "", size)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-18)
		pdf.CellFormat(0, 8, fmt.Sprintf("— %d —", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pageW, pageH := pdf.GetPageSize()
	width := pageW - 2*margin
	widths := map[rune]float64{}
	measure := func(r rune) float64 {
		w, ok := widths[r]
		if !ok {
			w = pdf.GetStringWidth(string(r))
			widths[r] = w
		}
		return w
	}
	pdf.AddPage()
	// A paragraph's first line is indented by two characters, placed
	// there rather than written as spaces, as word processors do.
	emit := func(line string, indent float64) {
		if pdf.GetY()+lh > pageH-margin {
			pdf.AddPage()
		}
		pdf.SetX(margin + indent)
		pdf.CellFormat(width-indent, lh, line, "", 1, "L", false, 0, "")
	}
	for _, p := range n.Paras(false) {
		indent := 2 * measure('中')
		var line []rune
		w := indent
		for _, r := range p.Text {
			rw := measure(r)
			if w+rw > width && len(line) > 0 {
				emit(string(line), indent)
				indent, line, w = 0, line[:0], 0
			}
			line = append(line, r)
			w += rw
		}
		emit(string(line), indent)
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdf: %w", err)
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return buf.Bytes(), nil
}
