package render

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/atomicfile"
	"github.com/duban/duban/internal/pdfw"
)

// pdfDoc is the shared PDF layout engine every document kind uses (ledger,
// unit sheets, quarterly reports). Content is added as a flow of blocks —
// Title, Text, Table, Drawing, Space, PageBreak — and laid out into pages
// only when the document is written, so the total page count is known when
// the footers ("第 N 页 共 M 页" and the generation date) are drawn.
//
//	d := render.NewDoc(render.PageSetup{Orientation: "L"}, fontBytes)
//	d.Title("市发改委 任务清单", 16)
//	d.Text("连政办发〔2024〕22号 …", 10, "L")
//	d.Table(&render.Table{Columns: cols, Rows: rows})
//	err := d.WriteFile("out/市发改委.pdf") // temp file + rename
//
// All text is wrapped by wrapLines (CJK rules) with the document's own font
// metrics. Lengths are millimetres, font
// sizes points, colours "#RRGGBB" ("" = none).
type pdfDoc struct {
	Setup pageSetup
	// Footer is printed at the left of every page footer (e.g. the
	// document's title); the generation date and the page numbers are added
	// by the engine.
	Footer string
	// Now is the generation date printed in the footer (zero: time.Now()).
	Now time.Time

	font   []byte
	blocks []block
	pages  int
	// trace, when set (by tests), sees every line of text as it is laid
	// out, with its page.
	trace func(page int, line string)
	df    *docFont // set while writing
}

// pageSetup is the paper, orientation and margins of a document.
type pageSetup struct {
	Size        string  // "A4" (default), "A3", "Letter"…
	Orientation string  // "L" landscape (default) or "P" portrait
	Left, Right float64 // margins in mm (default 12)
	Top, Bottom float64 // margins in mm (default 12, 14); the footer sits in the bottom margin
	FooterSize  float64 // pt (default 8)
}

func (s *pageSetup) defaults() {
	if s.Size == "" {
		s.Size = "A4"
	}
	if s.Orientation != "P" {
		s.Orientation = "L"
	}
	for _, p := range []*float64{&s.Left, &s.Right, &s.Top} {
		if *p <= 0 {
			*p = 12
		}
	}
	if s.Bottom <= 0 {
		s.Bottom = 14
	}
	if s.FooterSize <= 0 {
		s.FooterSize = 8
	}
}

// newPDFDoc starts a document set in the given TrueType font (the bytes of a
// .ttf; templates.Font() is the default).
func newPDFDoc(setup pageSetup, font []byte) *pdfDoc {
	setup.defaults()
	return &pdfDoc{Setup: setup, font: font}
}

// block is one piece of the flow.
type block interface {
	// place lays the block out from the cursor, adding pages as needed.
	place(l *layout)
}

// Title adds a centred title line (wrapped if long) of size pt.
func (d *pdfDoc) Title(text string, size float64) {
	d.blocks = append(d.blocks, &textBlock{text: text, size: size, align: "C", after: size * 0.25})
}

// Text adds a paragraph of size pt aligned "L", "C" or "R"; it may break
// across pages between lines.
func (d *pdfDoc) Text(text string, size float64, align string) {
	d.blocks = append(d.blocks, &textBlock{text: text, size: size, align: align, after: size * 0.12})
}

// TextColor is Text in a colour ("#RRGGBB").
func (d *pdfDoc) TextColor(text string, size float64, align, color string) {
	d.blocks = append(d.blocks, &textBlock{text: text, size: size, align: align, color: color, after: size * 0.12})
}

// Space adds vertical space (mm); at the top of a page it is dropped.
func (d *pdfDoc) Space(mm float64) { d.blocks = append(d.blocks, spaceBlock(mm)) }

// PageBreak starts a new page unless the current one is empty.
func (d *pdfDoc) PageBreak() { d.blocks = append(d.blocks, pageBreak{}) }

// NeedRoom starts a new page unless mm of height are left on this one (or
// it is empty): it keeps a heading with what follows it.
func (d *pdfDoc) NeedRoom(mm float64) { d.blocks = append(d.blocks, needRoom(mm)) }

type needRoom float64

func (n needRoom) place(l *layout) {
	if l.room() < float64(n) && !l.empty() {
		l.newPage()
	}
}

// Drawing adds a block of fixed height drawn by fn, kept on one page. fn
// gets a canvas on the page (font size 10 pt) and the block's top-left
// corner and width.
func (d *pdfDoc) Drawing(height float64, fn func(cv chartCanvas, x, y, w float64)) {
	d.blocks = append(d.blocks, &drawBlock{h: height, fn: fn})
}

// Table adds a table (see pdfTable).
func (d *pdfDoc) Table(t *pdfTable) { d.blocks = append(d.blocks, t) }

// StringWidth measures s at size pt in mm with the document font. It is
// valid while the document is being written (inside Drawing callbacks).
func (d *pdfDoc) StringWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += d.runeWidth(r)
	}
	return w * size
}

func (d *pdfDoc) runeWidth(r rune) float64 { return d.df.runeWidth(r) }

// Wrapper returns a function measuring runes at size pt, for wrapLines.
func (d *pdfDoc) wrapper(size float64) func(rune) float64 {
	return func(r rune) float64 { return d.runeWidth(r) * size }
}

// pdfText makes s drawable: characters outside the Basic Multilingual
// Plane become "□", tabs and other control characters a space. The engine
// applies it to all text it draws; Drawing callbacks should apply it to
// theirs. (A character the font lacks is drawn as □ by pdfw.)
func pdfText(s string) string {
	clean := true
	for _, r := range s {
		if r > 0xFFFF || r < 0x20 && r != '\n' || r == 0x7f || r == 0xFFFD {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r > 0xFFFF || r == 0xFFFD:
			return '□'
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7f:
			return ' '
		}
		return r
	}, s)
}

// Bytes lays the document out and returns the PDF.
func (d *pdfDoc) Bytes() ([]byte, error) {
	var b bytes.Buffer
	if err := d.write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// write lays the document out and writes it to w page by page: a page is
// drawn as it is laid out and written when the layout moves on, so only
// the current page is in memory; the footers follow once the page count
// is known.
func (d *pdfDoc) write(w io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: %v", r)
		}
	}()
	df, err := fonts.load(d.font)
	if err != nil {
		return err
	}
	s := d.Setup
	s.defaults()
	now := d.Now
	if now.IsZero() {
		now = time.Now()
	}
	pw, ph, err := pdfw.PageSize(s.Size, s.Orientation == "L")
	if err != nil {
		return err
	}
	out, err := pdfw.New(w, df.f, pdfw.Options{Size: s.Size, Landscape: s.Orientation == "L", Producer: "duban", Created: now})
	if err != nil {
		return fmt.Errorf("writing pdf: %w", err)
	}
	d.df = df
	defer func() { d.df = nil }()

	l := &layout{doc: d, out: out, left: s.Left, width: pw - s.Left - s.Right, top: s.Top, bottom: ph - s.Bottom}
	l.newPage()
	for _, b := range d.blocks {
		b.place(l)
		if err := out.Err(); err != nil {
			return fmt.Errorf("writing pdf: %w", err)
		}
	}
	date := "生成日期：" + now.Format(time.DateOnly)
	err = out.Close(func(p *pdfw.Page, page, total int) {
		d.pages = total
		d.footer(p, page, total, date)
	})
	if err != nil {
		return fmt.Errorf("writing pdf: %w", err)
	}
	d.pages = out.Pages()
	return nil
}

// Pages is the number of pages of the last Bytes or WriteFile.
func (d *pdfDoc) Pages() int { return d.pages }

func (d *pdfDoc) footer(p *pdfw.Page, page, total int, date string) {
	s := d.Setup
	size := s.FooterSize
	pw, ph := p.Width(), p.Height()
	p.SetTextColor(64, 64, 64)
	y := ph - s.Bottom + s.Bottom*0.45
	mid := "第 " + strconv.Itoa(page) + " 页 共 " + strconv.Itoa(total) + " 页"
	if d.trace != nil {
		d.trace(page, mid)
	}
	p.Text(s.Left, y, size, d.fitFooter(pdfText(d.Footer), size, (pw-s.Left-s.Right)/2-d.StringWidth(mid, size)/2-4))
	p.Text((pw-d.StringWidth(mid, size))/2, y, size, mid)
	p.Text(pw-s.Right-d.StringWidth(date, size), y, size, date)
}

// fitFooter shortens s with "…" to fit max mm.
func (d *pdfDoc) fitFooter(s string, size, max float64) string {
	if d.StringWidth(s, size) <= max {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && d.StringWidth(string(rs)+"…", size) > max {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// WriteFile writes the PDF to path as it is laid out, into a temporary
// file in the same directory renamed into place when it is whole.
func (d *pdfDoc) WriteFile(path string) error {
	return atomicfile.Write(path, d.write)
}

// layout is the cursor while blocks are placed. A page is drawn as it is
// laid out and written out by pdfw when the layout starts the next one.
type layout struct {
	doc         *pdfDoc
	out         *pdfw.Doc
	page        *pdfw.Page // the page being drawn
	drawn       bool       // anything drawn on it yet
	pages       int
	left, width float64 // printable column
	top, bottom float64 // printable band of a page
	y           float64
}

func (l *layout) newPage() {
	l.page = l.out.NewPage()
	l.drawn = false
	l.pages++
	l.y = l.top
}

func (l *layout) traceLine(s string) {
	if l.doc.trace != nil {
		l.doc.trace(l.pages, s)
	}
}

func (l *layout) empty() bool { return !l.drawn }

func (l *layout) room() float64 { return l.bottom - l.y }

// draw gives the current page to op, which draws on it at once.
func (l *layout) draw(op func(*pdfw.Page)) {
	l.drawn = true
	op(l.page)
}

// lineHeight is the height of one text line of size pt, in mm.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.4 }

// baseline is the offset from a line's top to its text baseline.
func baseline(size float64) float64 { return lineHeight(size)/2 + size*0.3528*0.36 }

type textBlock struct {
	text, align, color string
	size, after        float64
}

func (b *textBlock) place(l *layout) {
	lines := wrapLines(pdfText(b.text), l.width, l.doc.wrapper(b.size))
	lh := lineHeight(b.size)
	for _, line := range lines {
		if l.room() < lh && !l.empty() {
			l.newPage()
		}
		x := alignX(l.left, l.width, l.doc.StringWidth(line, b.size), b.align)
		y := l.y + baseline(b.size)
		size, color, line := b.size, b.color, line
		l.traceLine(line)
		l.draw(func(p *pdfw.Page) {
			setText(p, color)
			p.Text(x, y, size, line)
		})
		l.y += lh
	}
	l.y += b.after
}

func alignX(x, w, tw float64, align string) float64 {
	switch align {
	case "C":
		return x + (w-tw)/2
	case "R":
		return x + w - tw
	}
	return x
}

type spaceBlock float64

func (s spaceBlock) place(l *layout) {
	if l.empty() {
		return
	}
	l.y += float64(s)
	if l.y > l.bottom {
		l.newPage()
	}
}

type pageBreak struct{}

func (pageBreak) place(l *layout) {
	if !l.empty() {
		l.newPage()
	}
}

type drawBlock struct {
	h  float64
	fn func(cv chartCanvas, x, y, w float64)
}

func (b *drawBlock) place(l *layout) {
	if l.room() < b.h && !l.empty() {
		l.newPage()
	}
	x, y, w, fn := l.left, l.y, l.width, b.fn
	l.draw(func(p *pdfw.Page) {
		fn(&pdfCanvas{p: p, doc: l.doc, size: 10}, x, y, w)
	})
	l.y += b.h
}

// parseColor reads "#RRGGBB"; ok is false for "" or a malformed value.
func parseColor(s string) (r, g, b int, ok bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff), true
}

// setText sets the text colour ("" or malformed: black).
func setText(p *pdfw.Page, color string) {
	r, g, b, _ := parseColor(color)
	p.SetTextColor(uint8(r), uint8(g), uint8(b))
}
