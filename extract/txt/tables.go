package txt

import (
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// A table saved as plain text by a word processor, or pasted from a
// spreadsheet, keeps one row per line with its cells separated by tabs:
//
//	序号	重点任务	牵头单位	配合单位	完成时限
//	1	新改建农村卫生户厕2000座	县农业农村局	县卫健局	10月底前
//
// txtTables turns such runs of lines into tables when their first line is
// a task-table header (notation.TableHeader), so that the rows become tasks as a
// DOCX table's do. Other lines with tabs (indented text) stay text.

// minTabCells is the fewest cells a tab-separated header line must hold.
const minTabCells = 3

// txtTables replaces each run of tab-separated lines that starts with a
// task-table header by one table block. A cell in quotes, as spreadsheets
// write a cell of several lines, may run over lines ("市财政局⏎市商务局").
func txtTables(blocks []document.Block) []document.Block {
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
		if t, next := tabTableAt(blocks, i); t != nil {
			out = append(out, document.Block{Table: t, Line: blocks[i].Line, Page: blocks[i].Page})
			i = next
			continue
		}
		out = append(out, blocks[i])
		i++
	}
	return out
}

// tabTableAt reads a task table whose header line is blocks[i], and
// returns it with the index after its last row; nil when blocks[i] is no
// tab-separated task-table header followed by a row.
func tabTableAt(blocks []document.Block, i int) (*document.Table, int) {
	if strings.IndexByte(blocks[i].Text, '\t') < 0 {
		return nil, i
	}
	hdr, _ := splitTSV(blocks[i].Text)
	if len(hdr) < minTabCells {
		return nil, i
	}
	hdrCells := tsvCells(hdr, blocks[i])
	if _, ok := notation.TableHeader(hdrCells); !ok {
		return nil, i
	}
	t := &document.Table{Rows: [][]document.Cell{hdrCells}}
	j := i + 1
	for j < len(blocks) && strings.IndexByte(blocks[j].Text, '\t') >= 0 {
		start := j
		rec := blocks[j].Text
		cells, complete := splitTSV(rec)
		for j++; !complete && j < len(blocks) && j-start < maxTSVLines; j++ {
			rec += "\n" + blocks[j].Text
			cells, complete = splitTSV(rec)
		}
		t.Rows = append(t.Rows, tsvCells(cells, blocks[start]))
	}
	if len(t.Rows) < 2 {
		return nil, i
	}
	return t, j
}

// maxTSVLines bounds the lines one quoted record may take, so that a stray
// quote does not swallow the notice.
const maxTSVLines = 20

// splitTSV splits one tab-separated record into cells. A cell that starts
// with a quote runs to the closing quote (tabs and line breaks inside it
// are text, "" is a quote); complete is false while such a cell is open.
func splitTSV(s string) (cells []string, complete bool) {
	for i := 0; ; {
		if i < len(s) && s[i] == '"' {
			var b strings.Builder
			j := i + 1
			for {
				k := strings.IndexByte(s[j:], '"')
				if k < 0 {
					return append(cells, b.String()+s[j:]), false
				}
				b.WriteString(s[j : j+k])
				j += k + 1
				if j < len(s) && s[j] == '"' {
					b.WriteByte('"')
					j++
					continue
				}
				break
			}
			end := strings.IndexByte(s[j:], '\t')
			if end < 0 {
				return append(cells, b.String()+s[j:]), true
			}
			cells = append(cells, b.String()+s[j:j+end])
			i = j + end + 1
			continue
		}
		end := strings.IndexByte(s[i:], '\t')
		if end < 0 {
			return append(cells, s[i:]), true
		}
		cells = append(cells, s[i:i+end])
		i += end + 1
	}
}

// tsvCells makes the cells of a record read from block b.
func tsvCells(parts []string, b document.Block) []document.Cell {
	cells := make([]document.Cell, len(parts))
	for k, p := range parts {
		cells[k] = document.Cell{Text: strings.TrimFunc(p, notation.IsSpace), Line: b.Line, Page: b.Page}
	}
	return cells
}
