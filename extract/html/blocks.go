package html

import (
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/limits"
)

// Bounds on what one page may make the reader do.
const (
	maxDepth = 256     // element nesting walked; deeper text is read flat
	maxCells = 200_000 // table cells after spans are expanded, whole page
	maxSpan  = 1000    // colspan as HTML caps it; rowspan is capped by the rows
)

// blockElements end the paragraph before them and start a new one.
var blockElements = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "section": true,
	"article": true, "blockquote": true, "center": true, "pre": true, "header": true,
	"footer": true, "nav": true, "aside": true, "main": true, "form": true, "fieldset": true,
	"address": true, "figure": true, "figcaption": true, "hr": true, "table": true,
	"tr": true, "td": true, "th": true, "caption": true, "tbody": true, "thead": true, "tfoot": true,
	"body": true, "html": true,
}

// skippedElements hold no text of the notice.
var skippedElements = map[string]bool{
	"script": true, "style": true, "noscript": true, "head": true, "template": true,
	"iframe": true, "object": true, "select": true, "button": true, "input": true,
	"textarea": true, "svg": true, "math": true, "title": true,
}

// walker turns an element tree into paragraphs and tables.
type walker struct {
	blocks []document.Block
	buf    strings.Builder
	skip   map[*xhtml.Node]bool
	cells  int // table cells emitted so far (bounded by maxCells)
	err    error
}

func newWalker() *walker { return &walker{} }

// para emits one paragraph.
func (w *walker) para(s string) {
	if s = tidy(s); s != "" {
		w.blocks = append(w.blocks, document.Block{Text: s, Line: len(w.blocks) + 1})
	}
}

// flush ends the paragraph being gathered.
func (w *walker) flush() {
	if w.buf.Len() > 0 {
		w.para(w.buf.String())
		w.buf.Reset()
	}
}

// walk gathers the text under n, ending paragraphs at block elements and
// <br>, and emitting data tables as tables.
func (w *walker) walk(n *xhtml.Node, depth int) {
	if w.err != nil || w.skip[n] {
		return
	}
	switch n.Type {
	case xhtml.TextNode:
		w.buf.WriteString(n.Data)
		return
	case xhtml.ElementNode:
		if skippedElements[n.Data] || hidden(n) {
			return
		}
	case xhtml.DocumentNode:
	default:
		return
	}
	if depth >= maxDepth {
		w.buf.WriteString(flatText(n))
		return
	}
	switch {
	case n.Type == xhtml.ElementNode && n.Data == "br":
		w.flush()
		return
	case n.Type == xhtml.ElementNode && n.Data == "table" && isDataTable(n):
		w.flush()
		if t := w.table(n); t != nil {
			w.blocks = append(w.blocks, document.Block{Table: t, Line: len(w.blocks) + 1})
		}
		return
	}
	block := n.Type == xhtml.ElementNode && blockElements[n.Data]
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if block {
		w.flush()
	}
}

// hidden reports whether an element is not shown (display:none, hidden).
func hidden(n *xhtml.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// flatText is the text under n without structure, gathered without
// recursion (for nesting deeper than maxDepth).
func flatText(n *xhtml.Node) string {
	var b strings.Builder
	stack := []*xhtml.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
			continue
		}
		if c.Type == xhtml.ElementNode && skippedElements[c.Data] {
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

// cellText is a table cell's paragraphs joined by line breaks.
func (w *walker) cellText(td *xhtml.Node) string {
	sub := &walker{skip: w.skip}
	for c := td.FirstChild; c != nil; c = c.NextSibling {
		sub.walk(c, 0)
	}
	sub.flush()
	var lines []string
	for _, b := range sub.blocks {
		lines = append(lines, b.Text)
	}
	return strings.Join(lines, "\n")
}

// errTooManyCells is the error of a page whose tables expand past maxCells.
var errTooManyCells = limits.Over("table cells of a page (cells spanning rows or columns counted in every place they cover)", maxCells)
