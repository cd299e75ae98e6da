package pdf

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/duban/duban/internal/limits"
	lpdf "github.com/ledongthuc/pdf"
)

// This file runs a page's content stream through the library's
// interpreter (lpdf.Interpret) with our own graphics and text state: every
// glyph comes out with its origin, advance and size in user space, and
// every stroked or filled straight line as a segment (for table rules).

// Bounds on the work done for one document.
const (
	maxStreamBytes = limits.PDFStreamBytes // decoded content of one page or form
	maxOpsPerPage  = limits.PDFOpsPerPage  // operators interpreted on one page
	maxGlyphs      = 1_000_000             // glyphs in the whole document
	bytesPerGlyph  = 16                    // content-stream bytes per glyph drawn, for presizing (the sample PDFs: 18–30)
	maxSegments    = 200_000               // path segments on one page
	maxFormDepth   = 8                     // nested form XObjects
	maxForms       = 2_000                 // form XObjects run on one page
	maxStack       = 512                   // q nesting kept
)

// The bounds of interpretation as errors. Interpretation panics with one
// (or returns it) when it is reached; readPage and readPDF recover it
// (overBudget) and return it, naming the file and page.
var (
	errOps     = limits.Over("content operators of one page", maxOpsPerPage)
	errGlyphs  = limits.Over("glyphs of a document", maxGlyphs)
	errForms   = limits.Over("form XObjects run on one page", maxForms)
	errContent = limits.Over("bytes of decoded content of one page or form", maxStreamBytes)
)

// overBudget reports whether a recovered value is a bound reached: an
// error wrapping a *limits.Error.
func overBudget(r any) bool {
	e, ok := r.(error)
	if !ok {
		return false
	}
	_, over := errors.AsType[*limits.Error](e)
	return over
}

// mat is an affine matrix [a b c d e f] as in PDF: a point (x, y) maps to
// (a x + c y + e, b x + d y + f).
type mat [6]float64

var identity = mat{1, 0, 0, 1, 0, 0}

// mul returns m × n: apply m, then n.
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m mat) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// glyph is one shown character code.
type glyph struct {
	x, y   float64 // origin on the baseline
	ax, ay float64 // advance of the glyph itself (without Tc/Tw)
	size   float64 // font size in user space
	text   string
	space  bool
	art    bool // inside /Artifact marked content (headers, footers)
}

// segment is a straight painted line.
type segment struct{ x0, y0, x1, y1 float64 }

type gState struct {
	ctm                       mat
	tc, tw, th, tl, trise, fs float64
	font                      *font
}

// docState holds what is shared by all pages of one document.
type docState struct {
	mu       sync.Mutex
	fonts    map[string]*fontSlot // by font resources text and name; under mu
	warnings []string             // damage read past; under mu
	scanned  []int                // pages with images and no text; under mu
	glyphs   atomic.Int64
	deadline time.Time
}

// warn notes damage the reading went past.
func (d *docState) warn(msg string) {
	d.mu.Lock()
	d.warnings = append(d.warnings, msg)
	d.mu.Unlock()
}

// fontSlot holds one font of the document's cache, loaded once even
// when pages read in parallel ask for it at the same time. A panic while
// loading is kept and raised again for every page that uses the font, as
// if each had loaded it itself.
type fontSlot struct {
	once     sync.Once
	f        *font
	panicked any
}

func (s *fontSlot) get(load func() *font) *font {
	s.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				s.panicked = r
			}
		}()
		s.f = load()
	})
	if s.panicked != nil {
		panic(s.panicked)
	}
	return s.f
}

// interp interprets the content of one page.
type interp struct {
	doc    *docState
	page   int // 1-based
	glyphs []glyph
	segs   []segment
	ops    int
	forms  int
	images int // images drawn
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// run interprets a content stream (or array of streams) with resources
// res under the matrix ctm.
func (it *interp) run(strm lpdf.Value, res lpdf.Value, ctm mat, depth int) error {
	size, err := checkContent(strm)
	if err != nil {
		return err
	}
	if it.glyphs == nil {
		// Most of a page's content is text drawn a glyph or a few at a
		// time: room for one glyph per bytesPerGlyph bytes saves the
		// slice's regrowth.
		it.glyphs = make([]glyph, 0, min(size/bytesPerGlyph, maxGlyphs)+1)
	}
	g := gState{ctm: ctm, th: 1, font: fallbackFont}
	var stack []gState
	dropped := 0 // q beyond maxStack
	tm, tlm := identity, identity
	fonts := map[string]*font{}
	var tags []bool // marked content: is artifact
	art := 0
	inImage := false
	var path []segment
	var cx, cy, sx, sy float64 // current point and subpath start (user space)

	// Fonts are cached per document by the text of the resource's font
	// dictionary (which names each font by object number; hashed, for the
	// text of a large one repeated in every key made the memory grow with
	// the square of its fonts) and the name.
	fontRes := res.Key("Font")
	for _, kind := range []string{"Font", "XObject"} {
		if n := len(res.Key(kind).Keys()); n > limits.PDFResourcesPerPage {
			return fmt.Errorf("%d %s resources: %w", n, kind, limits.Over("resources", limits.PDFResourcesPerPage))
		}
	}
	fontResKey := ""
	font := func(name string) *font {
		if f, ok := fonts[name]; ok {
			return f
		}
		if fontResKey == "" {
			sum := sha256.Sum256([]byte(fontRes.String()))
			fontResKey = string(sum[:])
		}
		key := fontResKey + name
		it.doc.mu.Lock()
		slot, ok := it.doc.fonts[key]
		if !ok {
			slot = &fontSlot{}
			it.doc.fonts[key] = slot
		}
		it.doc.mu.Unlock()
		f := slot.get(func() *font {
			if v := fontRes.Key(name); v.Kind() == lpdf.Dict {
				f := loadFont(v)
				if f.damaged != "" {
					it.doc.warn(fmt.Sprintf("第%d页字体%s（%s）的字符映射表（%s）已损坏，无法完整解码，该字体的文字可能有误或缺失，请与原件核对",
						it.page, name, v.Key("BaseFont").Name(), f.damaged))
				}
				return f
			}
			return fallbackFont
		})
		fonts[name] = f
		return f
	}
	show := func(s string) {
		g.font.each(s, func(text string, w float64, isSpace bool) {
			m := tm.mul(g.ctm)
			if text != "" {
				if it.doc.glyphs.Add(1) > maxGlyphs {
					panic(errGlyphs)
				}
				ox, oy := mat{g.fs * g.th, 0, 0, g.fs, 0, g.trise}.mul(m).apply(0, 0)
				adv := w * g.fs * g.th
				it.glyphs = append(it.glyphs, glyph{
					x: ox, y: oy,
					ax: adv * m[0], ay: adv * m[1],
					size:  math.Abs(g.fs) * math.Hypot(m[2], m[3]),
					text:  text,
					space: text == " ",
					art:   art > 0,
				})
			}
			tx := w*g.fs + g.tc
			if isSpace {
				tx += g.tw
			}
			tm = mat{1, 0, 0, 1, tx * g.th, 0}.mul(tm)
		})
	}
	nextLine := func() {
		tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
		tm = tlm
	}
	addSeg := func(x0, y0, x1, y1 float64) {
		if len(path) < maxSegments {
			path = append(path, segment{x0, y0, x1, y1})
		}
	}
	num := func(args []lpdf.Value, i int) float64 {
		if i < len(args) {
			return finite(args[i].Float64())
		}
		return 0
	}
	matrixArgs := func(args []lpdf.Value) mat {
		return mat{num(args, 0), num(args, 1), num(args, 2), num(args, 3), num(args, 4), num(args, 5)}
	}

	var argBuf [64]lpdf.Value // operands of the current operator
	lpdf.Interpret(strm, func(stk *lpdf.Stack, op string) {
		n := stk.Len()
		if err != nil {
			for ; n > 0; n-- {
				stk.Pop()
			}
			return
		}
		if it.ops++; it.ops > maxOpsPerPage {
			panic(errOps)
		}
		if it.ops&1023 == 0 && time.Now().After(it.doc.deadline) {
			panic(errWork())
		}
		for ; n > 64; n-- { // no operator takes more: drop junk operands
			stk.Pop()
		}
		args := argBuf[:n]
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		if inImage {
			inImage = op != "EI"
			return
		}
		switch op {
		case "ID":
			inImage = true
			it.images++
		case "q":
			if len(stack) < maxStack {
				stack = append(stack, g)
			} else {
				dropped++
			}
		case "Q":
			if dropped > 0 {
				dropped--
			} else if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matrixArgs(args).mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(args, 0)
		case "Tw":
			g.tw = num(args, 0)
		case "Tz":
			g.th = num(args, 0) / 100
		case "TL":
			g.tl = num(args, 0)
		case "Ts":
			g.trise = num(args, 0)
		case "Tf":
			if len(args) == 2 {
				g.font = font(args[0].Name())
				g.fs = num(args, 1)
			}
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					g.tl = -num(args, 1)
				}
				tlm = mat{1, 0, 0, 1, num(args, 0), num(args, 1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(args) == 6 {
				tm = matrixArgs(args)
				tlm = tm
			}
		case "T*":
			nextLine()
		case "Tj":
			if len(args) >= 1 {
				show(args[len(args)-1].RawString())
			}
		case "'":
			nextLine()
			if len(args) >= 1 {
				show(args[len(args)-1].RawString())
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(args, 0), num(args, 1)
				nextLine()
				show(args[2].RawString())
			}
		case "TJ":
			if len(args) >= 1 {
				a := args[len(args)-1]
				for i := 0; i < a.Len(); i++ {
					x := a.Index(i)
					switch x.Kind() {
					case lpdf.String:
						show(x.RawString())
					case lpdf.Integer, lpdf.Real:
						tx := finite(-x.Float64() / 1000 * g.fs * g.th)
						tm = mat{1, 0, 0, 1, tx, 0}.mul(tm)
					}
				}
			}
		case "BMC", "BDC":
			a := len(args) >= 1 && args[0].Name() == "Artifact"
			if len(tags) < maxStack {
				tags = append(tags, a)
				if a {
					art++
				}
			}
		case "EMC":
			if len(tags) > 0 {
				if tags[len(tags)-1] {
					art--
				}
				tags = tags[:len(tags)-1]
			}
		case "m":
			cx, cy = g.ctm.apply(num(args, 0), num(args, 1))
			sx, sy = cx, cy
		case "l":
			x, y := g.ctm.apply(num(args, 0), num(args, 1))
			addSeg(cx, cy, x, y)
			cx, cy = x, y
		case "c", "v", "y":
			if len(args) >= 2 {
				cx, cy = g.ctm.apply(num(args, len(args)-2), num(args, len(args)-1))
			}
		case "h":
			addSeg(cx, cy, sx, sy)
			cx, cy = sx, sy
		case "re":
			if len(args) == 4 {
				x, y, w, h := num(args, 0), num(args, 1), num(args, 2), num(args, 3)
				x0, y0 := g.ctm.apply(x, y)
				x1, y1 := g.ctm.apply(x+w, y)
				x2, y2 := g.ctm.apply(x+w, y+h)
				x3, y3 := g.ctm.apply(x, y+h)
				addSeg(x0, y0, x1, y1)
				addSeg(x1, y1, x2, y2)
				addSeg(x2, y2, x3, y3)
				addSeg(x3, y3, x0, y0)
				cx, cy, sx, sy = x0, y0, x0, y0
			}
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
			if len(it.segs)+len(path) <= maxSegments {
				it.segs = append(it.segs, path...)
			}
			path = path[:0]
		case "n":
			path = path[:0]
		case "Do":
			if len(args) == 1 {
				x := res.Key("XObject").Key(args[0].Name())
				if x.Key("Subtype").Name() == "Image" {
					it.images++
				}
				err = it.form(x, res, g.ctm, depth)
			}
		}
	})
	return err
}

// form runs a form XObject.
func (it *interp) form(x lpdf.Value, res lpdf.Value, ctm mat, depth int) error {
	if x.Kind() != lpdf.Stream || x.Key("Subtype").Name() != "Form" || depth >= maxFormDepth {
		return nil
	}
	if it.forms++; it.forms > maxForms {
		return errForms
	}
	m := identity
	if a := x.Key("Matrix"); a.Len() == 6 {
		for i := range m {
			m[i] = finite(a.Index(i).Float64())
		}
	}
	r := x.Key("Resources")
	if r.Kind() != lpdf.Dict {
		r = res
	}
	return it.run(x, r, m.mul(ctm), depth+1)
}

// checkContent reads a content stream once to bound its size and to
// refuse what would make the library's lexer spin: a hex string left open
// at the end of the data. The parts of an array are one stream.
func checkContent(strm lpdf.Value) (int64, error) {
	parts := []lpdf.Value{strm}
	if strm.Kind() == lpdf.Array {
		parts = parts[:0]
		for i := 0; i < strm.Len() && i < 1024; i++ {
			parts = append(parts, strm.Index(i))
		}
	}
	var sc hexScan
	for _, p := range parts {
		if p.Kind() != lpdf.Stream {
			continue
		}
		if err := sc.scan(p); err != nil {
			return 0, err
		}
	}
	if sc.hex || sc.lt {
		return 0, errors.New("malformed content stream (unterminated string)")
	}
	return sc.n, nil
}

// hexScan follows strings and comments through content-stream bytes
// to know whether the data ends inside a <hex> string; it also counts.
type hexScan struct {
	n                int64
	depth            int // literal string nesting
	esc, hex, lt, cm bool
}

func (s *hexScan) scan(v lpdf.Value) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if overBudget(r) {
				panic(r)
			}
			err = fmt.Errorf("unreadable stream: %s", shortError(r))
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	buf := copyBufs.Get().(*[]byte)
	defer copyBufs.Put(buf)
	if _, err := io.CopyBuffer(s, rc, *buf); err != nil {
		if overBudget(err) {
			return err
		}
		return fmt.Errorf("unreadable stream: %s", shortError(err))
	}
	return nil
}

// copyBufs holds the buffers that content streams are scanned through.
var copyBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// Write implements io.Writer.
func (s *hexScan) Write(p []byte) (int, error) {
	if s.n += int64(len(p)); s.n > maxStreamBytes {
		return 0, errContent
	}
	for _, c := range p {
		if s.lt { // after '<': a dictionary or a hex string
			s.lt = false
			if c == '<' {
				continue
			}
			s.hex = true
		}
		switch {
		case s.depth > 0:
			switch {
			case s.esc:
				s.esc = false
			case c == '\\':
				s.esc = true
			case c == '(':
				s.depth++
			case c == ')':
				s.depth--
			}
		case s.hex:
			s.hex = c != '>'
		case s.cm:
			s.cm = c != '\n' && c != '\r'
		case c == '%':
			s.cm = true
		case c == '(':
			s.depth = 1
		case c == '<':
			s.lt = true
		}
	}
	return len(p), nil
}
