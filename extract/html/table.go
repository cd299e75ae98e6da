package html

import (
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/duban/duban/extract/document"
)

// isDataTable tells a table of the notice from a layout table of the page
// chrome: a data table has at least two rows of at least two cells and no
// table inside it.
func isDataTable(t *xhtml.Node) bool {
	wide := 0
	for _, tr := range tableRows(t) {
		n := 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if isCell(c) {
				n++
				if containsTable(c) {
					return false
				}
			}
		}
		if n >= 2 {
			wide++
		}
	}
	return wide >= 2
}

func isCell(n *xhtml.Node) bool {
	return n.Type == xhtml.ElementNode && (n.Data == "td" || n.Data == "th")
}

// containsTable reports whether a table lies under n (without recursion).
func containsTable(n *xhtml.Node) bool {
	stack := []*xhtml.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == xhtml.ElementNode && k.Data == "table" {
				return true
			}
			stack = append(stack, k)
		}
	}
	return false
}

// tableRows lists a table's own rows: its <tr> children and those of its
// <thead>, <tbody> and <tfoot>.
func tableRows(t *xhtml.Node) []*xhtml.Node {
	var rows []*xhtml.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode {
			continue
		}
		switch c.Data {
		case "tr":
			rows = append(rows, c)
		case "thead", "tbody", "tfoot":
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == xhtml.ElementNode && r.Data == "tr" {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// span is a cell that reaches into the rows below it.
type span struct {
	left int // rows still covered
	cell document.Cell
}

// table reads a data table into a grid with every spanned position holding
// the spanning cell's text; rows with no text are dropped. It returns nil
// (and sets w.err) when the page's tables pass maxCells.
func (w *walker) table(t *xhtml.Node) *document.Table {
	trs := tableRows(t)
	line := len(w.blocks) + 1
	var grid [][]document.Cell
	var carry []span // by column
	width := 0
	for ri, tr := range trs {
		var row []document.Cell
		col := 0
		put := func(c document.Cell) bool {
			if w.cells++; w.cells > maxCells {
				w.err = errTooManyCells
				return false
			}
			row = append(row, c)
			return true
		}
		fill := func() bool { // the cells spanning down into this row
			for col < len(carry) && carry[col].left > 0 {
				carry[col].left--
				if !put(carry[col].cell) {
					return false
				}
				col++
			}
			return true
		}
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if !isCell(td) {
				continue
			}
			if !fill() {
				return nil
			}
			c := document.Cell{Text: w.cellText(td), Line: line}
			cs := spanAttr(td, "colspan", 1, maxSpan)
			rs := spanAttr(td, "rowspan", 0, len(trs)-ri)
			if rs == 0 { // rowspan="0": to the end of the table
				rs = len(trs) - ri
			}
			for k := 0; k < cs; k++ {
				if !put(c) {
					return nil
				}
				for len(carry) <= col {
					carry = append(carry, span{})
				}
				carry[col] = span{left: rs - 1, cell: c}
				col++
			}
		}
		for ; col < len(carry); col++ {
			c := document.Cell{Line: line}
			if carry[col].left > 0 {
				carry[col].left--
				c = carry[col].cell
			}
			if !put(c) {
				return nil
			}
		}
		width = max(width, len(row))
		if !emptyRow(row) {
			grid = append(grid, row)
		}
	}
	if len(grid) == 0 {
		return nil
	}
	if width*len(grid) > maxCells {
		w.err = errTooManyCells
		return nil
	}
	for i, row := range grid {
		for len(row) < width {
			row = append(row, document.Cell{Line: line})
		}
		grid[i] = row
	}
	return &document.Table{Rows: grid}
}

// spanAttr reads a colspan or rowspan: absent or unreadable is 1, and the
// value is kept within [lo, hi].
func spanAttr(n *xhtml.Node, key string, lo, hi int) int {
	v := 1
	for _, a := range n.Attr {
		if a.Key == key {
			if k, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil {
				v = k
			}
		}
	}
	return max(lo, min(v, max(hi, 1)))
}

func emptyRow(row []document.Cell) bool {
	for _, c := range row {
		if c.Text != "" {
			return false
		}
	}
	return true
}
