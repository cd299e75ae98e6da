package ocr

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/duban/duban/extract/document"
)

// line is one text line as tesseract grouped it, with its box.
type line struct {
	page                     int
	left, top, right, bottom int
	height                   int // median height of its words
	text                     string
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
	for _, w := range ws {
		l.left, l.top = min(l.left, w.Left), min(l.top, w.Top)
		l.right, l.bottom = max(l.right, w.Right()), max(l.bottom, w.Bottom())
		hs = append(hs, w.Height)
	}
	l.height = median(hs)
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

// percentile gives the p-th percentile (0–100) of xs.
func percentile(xs []int, p int) int {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// pageNumber matches what OCR makes of a page number line ("— 3 —",
// "一 3 一", "-3-", "第3页").
var pageNumber = regexp.MustCompile(`^[\s\-—–―一－_~·.。]*(第\s*)?\d{1,3}(\s*页)?[\s\-—–―一－_~·.。]*$`)

// paragraphs joins a page's lines into paragraphs by their geometry: a
// line continues the paragraph above when that one reaches the right
// margin, this one starts at the left margin, and no wider gap parts
// them. The page's bottom line is dropped when it is a page number.
func paragraphs(ls []line, lineNo *int) []document.Block {
	if n := len(ls); n > 0 && pageNumber.MatchString(ls[n-1].text) {
		ls = ls[:n-1]
	}
	if len(ls) == 0 {
		return nil
	}
	var lefts, rights, heights, gaps []int
	for i, l := range ls {
		lefts, rights, heights = append(lefts, l.left), append(rights, l.right), append(heights, l.height)
		if i > 0 {
			gaps = append(gaps, l.top-ls[i-1].bottom)
		}
	}
	h := max(median(heights), 1)
	marginL, marginR := percentile(lefts, 10), percentile(rights, 90)
	gap := h
	if len(gaps) > 0 {
		gap = max(median(gaps), h/4)
	}
	var out []document.Block
	var b strings.Builder
	start := 0
	emit := func() {
		if t := repair(b.String()); strings.TrimSpace(t) != "" {
			out = append(out, document.Block{Text: t, Line: start, Page: ls[0].page})
		}
		b.Reset()
	}
	for i, l := range ls {
		*lineNo++
		if i > 0 {
			p := ls[i-1]
			near := l.top-p.bottom <= gap+h/2
			cont := p.right >= marginR-3*h/2 && l.left <= marginL+h*2/3 && near && p.left <= marginL+3*h
			// A title wrapped over centred lines.
			centred := func(x line) bool {
				return x.left > marginL+2*h && abs(x.left+x.right-marginL-marginR) <= 3*h
			}
			if !cont && near && centred(p) && centred(l) && p.right-p.left > (marginR-marginL)/2 &&
				!strings.ContainsRune("。：:；;", lastRune(p.text)) {
				cont = true
			}
			if !cont {
				emit()
			} else if needsSpace(p.text, l.text) {
				b.WriteByte(' ')
			}
		}
		if b.Len() == 0 {
			start = *lineNo
		}
		b.WriteString(l.text)
	}
	emit()
	return out
}
