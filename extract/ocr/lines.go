package ocr

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban/extract/layout"
)

// line is one text line as tesseract grouped it, with its box.
type line struct {
	page                     int
	left, top, right, bottom int
	height                   int // median height of its words
	base                     int // median bottom of its words
	text                     string
	words                    []Word
}

// Words below this confidence that hold no CJK character are dropped:
// what tesseract makes of a seal, a stamp or specks.
const minConf = 30

// pageLines groups one page's words into lines (tesseract's block,
// paragraph and line numbers) and joins each line's words.
func pageLines(words []Word) []line {
	var out []line
	var cur []Word
	flush := func() {
		if l, ok := makeLine(cur); ok {
			out = append(out, l)
		}
		cur = cur[:0]
	}
	for i, w := range words {
		if i > 0 {
			p := words[i-1]
			if p.Page != w.Page || p.Block != w.Block || p.Par != w.Par || p.Line != w.Line {
				flush()
			}
		}
		if w.Conf < minConf && !hasCJK(w.Text) {
			continue
		}
		cur = append(cur, w)
	}
	flush()
	return out
}

func makeLine(ws []Word) (line, bool) {
	if len(ws) == 0 {
		return line{}, false
	}
	l := line{page: ws[0].Page, left: ws[0].Left, top: ws[0].Top, right: ws[0].Right(), bottom: ws[0].Bottom()}
	hs := make([]int, 0, len(ws))
	bs := make([]int, 0, len(ws))
	for _, w := range ws {
		l.left, l.top = min(l.left, w.Left), min(l.top, w.Top)
		l.right, l.bottom = max(l.right, w.Right()), max(l.bottom, w.Bottom())
		hs = append(hs, w.Height)
		bs = append(bs, w.Bottom())
	}
	l.height, l.base = median(hs), median(bs)
	l.words = slices.Clone(ws)
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && needsSpace(ws[i-1].Text, w.Text) && w.Left-ws[i-1].Right() > l.height/4 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	l.text = b.String()
	return l, strings.TrimSpace(l.text) != ""
}

// needsSpace: words of Latin letters or digits keep the space between
// them; CJK text has none.
func needsSpace(a, b string) bool {
	ra, rb := lastRune(a), firstRune(b)
	return isLatin(ra) && isLatin(rb)
}

func isLatin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// footer reports whether a page's last line stands apart at the bottom,
// short and centred: a page number OCR could not read as one.
func footer(ls []line, width int) bool {
	n := len(ls)
	if n < 2 {
		return false
	}
	l, p := ls[n-1], ls[n-2]
	if utf8.RuneCountInString(l.text) > 8 || 4*abs(l.left+l.right-width) >= width/2 {
		return false
	}
	return l.top-p.bottom > 2*max(l.height, p.height) || l.top > p.bottom && dashes(l.text)
}

// dashes reports whether s is made of the dashes and digits of a page
// number ("— 4 —" read as "二二").
func dashes(s string) bool {
	return strings.Trim(s, " -—–―一二－_~·.。0123456789") == ""
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func median(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// pageNumber matches what OCR makes of a page number line ("— 3 —",
// "一 3 一", "-3-", "第3页").
var pageNumber = regexp.MustCompile(`^[\s\-—–―一－_~·.。]*(第\s*)?\d{1,3}(\s*页)?[\s\-—–―一－_~·.。]*$`)

// pageWidth is the width, in points, a page image is scaled to (A4): the
// layout's measures are in points and OCR knows only pixels.
const pageWidth = 595.0

// pageGlyphs turns one page's lines into glyphs for the layout shared with
// the PDF and OFD readers, in points with y growing upwards. Each line's
// characters share its median baseline and height (word boxes of CJK text
// wobble); a word's characters split its box evenly. The page's bottom
// line goes when it is a page number.
func pageGlyphs(ls []line, widthPx, heightPx int) ([]layout.Glyph, [4]float64) {
	if widthPx <= 0 {
		for _, l := range ls {
			widthPx = max(widthPx, l.right)
		}
	}
	if heightPx <= 0 {
		for _, l := range ls {
			heightPx = max(heightPx, l.bottom)
		}
	}
	if n := len(ls); n > 0 && (pageNumber.MatchString(ls[n-1].text) || footer(ls, widthPx)) {
		ls = ls[:n-1]
	}
	scale := pageWidth / float64(max(widthPx, 1))
	// Line heights wobble with what a line holds (digits, punctuation):
	// a line within a quarter of the page's usual height gets that, so
	// that the layout does not take it for another font size.
	hs := make([]int, len(ls))
	for i, l := range ls {
		hs[i] = l.height
	}
	body := median(hs)
	pitch := linePitch(ls, body)
	top := float64(heightPx) * scale
	var gs []layout.Glyph
	for i, l := range ls {
		// The characters in tesseract's order, a space between Latin
		// words, spread evenly over the line: its word boxes overlap and
		// wander too much to place each character by its own.
		// The line's text repaired first, so that the layout sees the
		// brackets and colons it judges paragraphs by.
		rs := []rune(repair(l.text))
		h := l.height
		if 4*abs(h-body) <= body || i > 0 && tallFollower(l, ls[i-1], body, pitch) {
			h = body
		}
		size := float64(h) * scale * 1.05
		y := top - float64(l.base)*scale
		// A full-width mark's ink sits in one side of its square: the
		// box of a line ending in "，" stops short of the margin, one
		// opening with "（" starts right of it. The squares count.
		cells, shift := float64(len(rs)), 0.0
		if n := len(rs); n > 0 && strings.ContainsRune("，。、；：）》”’", rs[n-1]) {
			cells -= 0.6
		}
		if n := len(rs); n > 0 && strings.ContainsRune("（《“‘", rs[0]) {
			cells, shift = cells-0.5, 0.5
		}
		adv := float64(l.right-l.left) * scale / max(cells, 1)
		x0 := float64(l.left)*scale - shift*adv
		for i, r := range rs {
			gs = append(gs, layout.Glyph{X: x0 + float64(i)*adv, Y: y, AX: adv, Size: size, Text: string(r), Space: r == ' '})
		}
	}
	return gs, [4]float64{0, 0, pageWidth, top}
}

// linePitch is the usual distance between the baselines of consecutive
// lines of body height (0 when no two are).
func linePitch(ls []line, body int) int {
	var ds []int
	for i := 1; i < len(ls); i++ {
		a, b := ls[i-1], ls[i]
		if d := b.base - a.base; d > 0 && 4*abs(a.height-body) <= body && 4*abs(b.height-body) <= body {
			ds = append(ds, d)
		}
	}
	return median(ds)
}

// tallFollower reports whether line l, taller than the body text, is body
// text all the same: it follows a body line at the usual pitch and is less
// than twice as tall. A short line's few word boxes take in a tall bracket
// or specks ("完成时间：12月底前）" 1.5 times the body's height); a larger
// title keeps its own spacing.
func tallFollower(l, prev line, body, pitch int) bool {
	if pitch <= 0 || l.height >= 2*body || 4*abs(prev.height-body) > body {
		return false
	}
	d := l.base - prev.base
	return 10*d >= 7*pitch && 10*d <= 13*pitch
}
