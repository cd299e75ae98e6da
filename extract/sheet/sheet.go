// Package sheet turns the cells of a workbook's sheets into a notice
// document: the task table found by its header row (序号 / 重点任务 /
// 牵头单位 / 配合单位 / 完成时限 …, anywhere in any sheet) becomes a table
// block, and the text above and below it (title rows, a notice pasted into
// column A) becomes paragraphs. The XLSX and XLS readers read the cells;
// this package is what they share.
package sheet

import (
	"errors"
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/workbook"
)

// Sheet is one worksheet as a reader found it.
type Sheet struct {
	Name   string
	Rows   [][]string // cell text by 0-based row and column; rows may be short
	Merges []Merge
}

// Merge is a merged range, 0-based and inclusive.
type Merge struct{ Top, Left, Bottom, Right int }

// MaxCells bounds the cells of a workbook once merged ranges are expanded.
const MaxCells = limits.SheetCells

// ErrTooManyCells is returned for a workbook past MaxCells.
var ErrTooManyCells = workbook.ErrTooManyCells

// Document builds the document of a workbook's sheets, in sheet order.
// Line numbers count rows across the sheets (the rows of the second sheet
// follow those of the first).
func Document(format string, sheets []Sheet) (*document.Document, error) {
	doc := &document.Document{Format: format}
	offset, cells := 0, 0
	for _, s := range sheets {
		rows, n, err := expand(s, MaxCells-cells)
		if err != nil {
			return nil, err
		}
		cells += n
		doc.Blocks = append(doc.Blocks, blocks(rows, offset)...)
		offset += len(rows)
	}
	if len(doc.Blocks) == 0 {
		return nil, errors.New("no text in any sheet")
	}
	return doc, nil
}

// expand returns the sheet's rows with every merged range's first cell
// repeated over the range, ranges clipped to the cells the sheet uses. It
// fails when the result would pass budget cells.
func expand(s Sheet, budget int) ([][]string, int, error) {
	width := 0
	for _, r := range s.Rows {
		width = max(width, len(r))
	}
	n := len(s.Rows) * width
	if n > budget {
		return nil, 0, ErrTooManyCells
	}
	rows := make([][]string, len(s.Rows))
	for i, r := range s.Rows {
		rows[i] = make([]string, width)
		copy(rows[i], r)
	}
	for _, m := range s.Merges {
		if m.Top < 0 || m.Left < 0 || m.Top >= len(rows) || m.Left >= width {
			continue
		}
		v := rows[m.Top][m.Left]
		for r := m.Top; r <= min(m.Bottom, len(rows)-1); r++ {
			for c := m.Left; c <= min(m.Right, width-1); c++ {
				rows[r][c] = v
			}
		}
	}
	return rows, n, nil
}

// blocks reads one sheet: paragraphs until a task table's header row, the
// table until its first empty row, then the same again.
func blocks(rows [][]string, offset int) []document.Block {
	var out []document.Block
	for i := 0; i < len(rows); i++ {
		if first, last, ok := headerRow(rows[i]); ok {
			t := &document.Table{}
			start := i
			for ; i < len(rows); i++ {
				if emptyRow(rows[i]) {
					if !tableGoesOn(rows, i, first, last) {
						break
					}
					continue
				}
				cells := make([]document.Cell, 0, last-first+1)
				for c := first; c <= last; c++ {
					cells = append(cells, document.Cell{Text: strings.TrimSpace(rows[i][c]), Line: offset + i + 1})
				}
				t.Rows = append(t.Rows, cells)
			}
			out = append(out, document.Block{Table: t, Line: offset + start + 1})
			continue
		}
		for _, p := range rowParagraphs(rows[i]) {
			out = append(out, document.Block{Text: p, Line: offset + i + 1})
		}
	}
	return out
}

// rowParagraphs is the text of a row outside a table: a cell's lines are
// paragraphs (a notice pasted into one cell); several cells on a row make
// one paragraph, a merged cell's repeats dropped.
func rowParagraphs(row []string) []string {
	var cells []string
	for _, c := range row {
		c = strings.TrimSpace(c)
		if c != "" && (len(cells) == 0 || cells[len(cells)-1] != c) {
			cells = append(cells, c)
		}
	}
	var text string
	switch len(cells) {
	case 0:
		return nil
	case 1:
		text = cells[0]
	default:
		text = strings.Join(cells, " ")
		text = strings.ReplaceAll(text, "\n", " ")
	}
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// tableGoesOn reports whether the table continues after the empty rows
// from i: the next row with text fills at least three of its columns (a
// spacer row inside the table, not the signature under it).
func tableGoesOn(rows [][]string, i, first, last int) bool {
	for i < len(rows) && emptyRow(rows[i]) {
		i++
	}
	if i == len(rows) {
		return false
	}
	n := 0
	for c := first; c <= last && c < len(rows[i]); c++ {
		if strings.TrimSpace(rows[i][c]) != "" {
			n++
		}
	}
	return n >= 3
}

func emptyRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
