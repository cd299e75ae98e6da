package extract

import "strings"

// A table saved as plain text by a word processor, or pasted from a
// spreadsheet, keeps one row per line with its cells separated by tabs:
//
//	序号	重点任务	牵头单位	配合单位	完成时限
//	1	新改建农村卫生户厕2000座	县农业农村局	县卫健局	10月底前
//
// txtTables turns such runs of lines into tables when their first line is
// a task-table header (tableHeader), so that the rows become tasks as a
// DOCX table's do. Other lines with tabs (indented text) stay text.

// minTabCells is the fewest cells a tab-separated header line must hold.
const minTabCells = 3

// txtTables replaces each run of tab-separated lines that starts with a
// task-table header by one table block.
func txtTables(blocks []Block) []Block {
	first := -1
	for i := range blocks {
		if strings.IndexByte(blocks[i].Text, '\t') >= 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return blocks
	}
	out := blocks[:first:first] // a copy is made once a table is found
	for i := first; i < len(blocks); {
		end := tabRun(blocks, i)
		if end-i >= 2 {
			hdr := tabCells(blocks[i])
			if _, ok := tableHeader(hdr); ok && len(hdr) >= minTabCells {
				t := &Table{Rows: make([][]Cell, 0, end-i)}
				t.Rows = append(t.Rows, hdr)
				for _, b := range blocks[i+1 : end] {
					t.Rows = append(t.Rows, tabCells(b))
				}
				out = append(out, Block{Table: t, Line: blocks[i].Line, Page: blocks[i].Page})
				i = end
				continue
			}
		}
		out = append(out, blocks[i])
		i++
	}
	return out
}

// tabRun returns the end of the run of consecutive lines holding a tab
// that starts at i (i itself when it holds none).
func tabRun(blocks []Block, i int) int {
	for i < len(blocks) && strings.IndexByte(blocks[i].Text, '\t') >= 0 {
		i++
	}
	return i
}

// tabCells splits a line into cells at its tabs; a spreadsheet's quotes
// around a cell are removed.
func tabCells(b Block) []Cell {
	parts := strings.Split(strings.TrimRight(b.Text, "\r\n"), "\t")
	cells := make([]Cell, len(parts))
	for k, p := range parts {
		p = strings.TrimFunc(p, isSpace)
		if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
			p = strings.ReplaceAll(p[1:len(p)-1], `""`, `"`)
		}
		cells[k] = Cell{Text: p, Line: b.Line, Page: b.Page}
	}
	return cells
}
