// Package pdf reads PDF notices with a text layer into a
// document.Document: glyphs from the content streams (with their fonts,
// encodings and ToUnicode maps) are laid out into lines, paragraphs and
// tables, and page artefacts (running headers, page numbers) are dropped.
// Encrypted files with an empty user password are read too.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/layout"
	"github.com/duban/duban/internal/limits"
	lpdf "github.com/ledongthuc/pdf"
)

// Reader reads PDF notices. It uses github.com/ledongthuc/pdf for the
// object structure and content-stream tokens only; fonts, ToUnicode maps,
// glyph positions, lines, paragraphs, page artefacts and tables are ours.
type Reader struct{}

// Bounds on reading one PDF.
const (
	maxPages     = 5_000
	maxPageNodes = 20_000
	maxTreeDepth = 64
	maxWorkers   = 4 // goroutines reading pages
)

// timeout bounds the whole read of one file: if the library ever loops
// on hostile input, Read returns an error instead of hanging. (The stuck
// goroutine is left behind; every loop we know of is bounded before that.)
var timeout = 30 * time.Second

// workLimit bounds the interpretation of one file's pages: past it the
// read stops with an error (checked between operators).
var workLimit = 15 * time.Second

// errWork is the error of workLimit reached.
func errWork() error {
	return limits.Over("seconds reading the pages", int64(workLimit/time.Second))
}

// errPDFNoText is returned for a PDF without any text.
var errPDFNoText = errors.New("no text layer (scanned?)")

// ErrNoText is in the error for a PDF without any text (a scan: the
// caller may OCR it).
var ErrNoText = errPDFNoText

// Read implements document.Reader.
func (Reader) Read(name string, data []byte) (*document.Document, error) {
	type result struct {
		doc *document.Document
		err error
	}
	done := make(chan result, 1)
	var mixed *mixedPages
	go func() {
		d, m, err := readPDF(name, data)
		mixed = m
		done <- result{d, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		if mixed != nil {
			// OCR takes its own time, outside the reading's bound.
			return mixed.finish(name, data), nil
		}
		return r.doc, r.err
	case <-timer.C:
		return nil, fmt.Errorf("%s: reading took longer than %v, gave up", name, timeout)
	}
}

// budgetReader is the file as the library sees it. It counts the bytes the
// library reads and panics (caught in readPDF) once a generous budget is
// spent, which bounds any reading loop in the library.
type budgetReader struct {
	data []byte
	max  int64 // bytes it may read
	left atomic.Int64
}

func (b *budgetReader) ReadAt(p []byte, off int64) (int, error) {
	if b.left.Add(-int64(len(p))) < 0 {
		panic(limits.Over("bytes read from the file by the PDF parser", b.max))
	}
	if off < 0 || off >= int64(len(b.data)) {
		return 0, io.EOF
	}
	n := copy(p, b.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// readPDF reads a PDF without the timeout guard. A PDF with a text layer
// on some pages and only images on others is left to mixed to finish.
func readPDF(name string, data []byte) (doc *document.Document, mixed *mixedPages, err error) {
	// Pages recover their own panics (naming the page); this catches the
	// rest: the page tree, the layout of the whole document.
	defer func() {
		if r := recover(); r != nil {
			if overBudget(r) {
				doc, mixed, err = nil, nil, fmt.Errorf("%s: %w", name, r.(error))
				return
			}
			doc, mixed, err = nil, nil, fmt.Errorf("%s: malformed PDF: %s", name, shortError(r))
		}
	}()
	data = normaliseFrame(data)
	if data, err = decrypt(data); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	// A stream whose /Length is wrong is read to its endstream.
	data, warnings := fixLengths(data)
	// The cross-reference chain is checked before the library allocates
	// by it; one out of bounds is rebuilt from the objects, or refused.
	if checked, xerr := checkXref(data); xerr == nil {
		data = checked
	} else if fixed, ok := repair(data); ok {
		data = fixed
	} else {
		return nil, nil, fmt.Errorf("%s: not a readable PDF: %w", name, xerr)
	}
	open := func(data []byte) (*lpdf.Reader, error) {
		br := &budgetReader{data: data, max: 256<<20 + 64*int64(len(data))}
		br.left.Store(br.max)
		return lpdf.NewReader(br, int64(len(data)))
	}
	r, err := open(data)
	if err != nil && isEncrypted(data) {
		return nil, nil, fmt.Errorf("%s: encrypted PDF not supported", name)
	}
	var pages []pageRef
	if err == nil {
		if r.Trailer().Key("Encrypt").Kind() != lpdf.Null {
			return nil, nil, fmt.Errorf("%s: encrypted PDF not supported", name)
		}
		pages = collectPages(r)
	}
	if len(pages) == 0 && bytes.HasPrefix(data, []byte("%PDF-")) {
		// A missing or wrong cross-reference table: index the objects.
		if fixed, ok := repair(data); ok {
			if r2, err2 := open(fixed); err2 == nil {
				if p2 := collectPages(r2); len(p2) > 0 {
					r, err, pages = r2, nil, p2
				}
			}
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not a readable PDF: %s", name, shortError(err))
	}
	if len(pages) == 0 {
		return nil, nil, fmt.Errorf("%s: no pages", name)
	}
	pd := &docState{fonts: map[string]*fontSlot{}, deadline: time.Now().Add(workLimit)}
	laid, errs := readPages(pd, pages)
	for i, err := range errs {
		if err != nil {
			return nil, nil, fmt.Errorf("%s: page %d: %w", name, i+1, err)
		}
	}
	if !layout.HasText(laid) {
		return nil, nil, fmt.Errorf("%s: %w", name, errPDFNoText)
	}
	if len(pd.scanned) > 0 {
		slices.Sort(pd.scanned)
		return nil, &mixedPages{laid: laid, scanned: pd.scanned, warnings: append(warnings, pd.warnings...)}, nil
	}
	doc = layout.Assemble(laid)
	doc.Warnings = append(warnings, pd.warnings...)
	return doc, nil, nil
}

// readPages interprets and lays out the pages on a few goroutines (the
// library's reader only reads; our shared state is locked). After the
// first failure no further page is started.
func readPages(pd *docState, pages []pageRef) ([]*layout.Page, []error) {
	laid := make([]*layout.Page, len(pages))
	errs := make([]error, len(pages))
	var next atomic.Int64
	var failed atomic.Bool
	work := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(pages) || failed.Load() {
				return
			}
			if time.Now().After(pd.deadline) {
				errs[i] = errWork()
			} else {
				laid[i], errs[i] = readPage(pd, pages[i], i+1)
			}
			if errs[i] != nil {
				failed.Store(true)
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), maxWorkers, len(pages))
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	work()
	wg.Wait()
	return laid, errs
}

// normaliseFrame fixes the two framing quirks the library rejects but
// other readers accept: a PDF 2.0 header and bytes after the last %%EOF.
func normaliseFrame(data []byte) []byte {
	out := data
	if i := bytes.LastIndex(out, []byte("%%EOF")); i > 0 && len(bytes.TrimSpace(out[i+5:])) > 0 {
		out = out[:i+5]
	}
	if len(out) > 9 && bytes.HasPrefix(out, []byte("%PDF-")) && (out[5] != '1' || out[6] != '.' || out[7] > '7') {
		cp := make([]byte, len(out))
		copy(cp, out)
		copy(cp[5:8], "1.7")
		out = cp
	}
	if len(out) > 9 && bytes.HasPrefix(out, []byte("%PDF-1.")) && out[8] != '\n' && out[8] != '\r' && out[8] == ' ' {
		cp := make([]byte, len(out))
		copy(cp, out)
		cp[8] = '\n'
		out = cp
	}
	return out
}

// isEncrypted reports whether the file's trailer names an encryption
// dictionary.
func isEncrypted(data []byte) bool {
	tail := data
	if len(tail) > 4096 {
		tail = tail[len(tail)-4096:]
	}
	return bytes.Contains(tail, []byte("/Encrypt"))
}

// pageRef is a page dictionary with its inherited attributes.
type pageRef struct {
	v   lpdf.Value
	res lpdf.Value
	box [4]float64
}

// collectPages walks the page tree, bounded in depth and size so that a
// cyclic tree cannot loop.
func collectPages(r *lpdf.Reader) []pageRef {
	var out []pageRef
	nodes := 0
	seen := map[string]bool{}
	var walk func(n lpdf.Value, res lpdf.Value, box [4]float64, hasBox bool, depth int)
	walk = func(n lpdf.Value, res lpdf.Value, box [4]float64, hasBox bool, depth int) {
		if depth > maxTreeDepth || len(out) >= maxPages || nodes >= maxPageNodes || n.Kind() != lpdf.Dict {
			return
		}
		nodes++
		// A node met twice (a cycle, or a page listed twice) is read once.
		id := n.String()
		if seen[id] {
			return
		}
		seen[id] = true
		if v := n.Key("Resources"); v.Kind() == lpdf.Dict {
			res = v
		}
		for _, k := range []string{"MediaBox", "CropBox"} {
			if b, ok := readBox(n.Key(k)); ok {
				if k == "MediaBox" || !hasBox || boxInside(b, box) {
					box, hasBox = b, true
				}
			}
		}
		kids := n.Key("Kids")
		if n.Key("Type").Name() == "Pages" || kids.Kind() == lpdf.Array {
			for i := 0; i < kids.Len(); i++ {
				walk(kids.Index(i), res, box, hasBox, depth+1)
			}
			return
		}
		if !hasBox {
			box = [4]float64{0, 0, 612, 792}
		}
		out = append(out, pageRef{v: n, res: res, box: box})
	}
	walk(r.Trailer().Key("Root").Key("Pages"), lpdf.Value{}, [4]float64{}, false, 0)
	return out
}

func readBox(v lpdf.Value) ([4]float64, bool) {
	var b [4]float64
	if v.Kind() != lpdf.Array || v.Len() != 4 {
		return b, false
	}
	for i := range b {
		b[i] = v.Index(i).Float64()
	}
	if b[0] > b[2] {
		b[0], b[2] = b[2], b[0]
	}
	if b[1] > b[3] {
		b[1], b[3] = b[3], b[1]
	}
	if b[2]-b[0] < 1 || b[3]-b[1] < 1 {
		return b, false
	}
	return b, true
}

// boxInside reports whether a crop box lies within the media box (a crop
// box outside it is ignored, as viewers do).
func boxInside(crop, media [4]float64) bool {
	return crop[0] >= media[0]-1 && crop[1] >= media[1]-1 && crop[2] <= media[2]+1 && crop[3] <= media[3]+1
}

// readPage interprets one page and lays out its text.
func readPage(pd *docState, p pageRef, num int) (lp *layout.Page, err error) {
	defer func() {
		if r := recover(); r != nil {
			lp = nil
			if overBudget(r) {
				err = r.(error)
			} else {
				err = errors.New(shortError(r))
			}
		}
	}()
	it := &interp{doc: pd, page: num}
	contents := p.v.Key("Contents")
	if contents.Kind() == lpdf.Stream || contents.Kind() == lpdf.Array {
		if err := it.run(contents, p.res, identity, 0); err != nil {
			return nil, err
		}
	}
	if len(it.glyphs) == 0 && it.images > 0 {
		pd.mu.Lock()
		pd.scanned = append(pd.scanned, num)
		pd.mu.Unlock()
	}
	return layout.LayoutPage(layoutGlyphs(it.glyphs), layoutSegments(it.segs), p.box, num), nil
}

// layoutGlyphs and layoutSegments hand the interpreter's glyphs and
// rulings to the layout shared with the other fixed-layout formats.
func layoutGlyphs(gs []glyph) []layout.Glyph {
	out := make([]layout.Glyph, len(gs))
	for i, g := range gs {
		out[i] = layout.Glyph{X: g.x, Y: g.y, AX: g.ax, AY: g.ay, Size: g.size, Text: g.text, Space: g.space, Art: g.art}
	}
	return out
}

func layoutSegments(ss []segment) []layout.Segment {
	out := make([]layout.Segment, len(ss))
	for i, s := range ss {
		out[i] = layout.Segment{X0: s.x0, Y0: s.y0, X1: s.x1, Y1: s.y1}
	}
	return out
}

// shortError writes a recovered panic or library error in one short
// line: the library's parse errors may quote whole buffers of the file.
func shortError(r any) string {
	s := strings.Join(strings.Fields(fmt.Sprint(r)), " ")
	const max = 160
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}
