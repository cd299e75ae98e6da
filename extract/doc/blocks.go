package doc

import (
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/limits"
)

// Word's control characters in the text stream.
const (
	chPara      = 0x0D // paragraph mark
	chCell      = 0x07 // cell mark, also a table row's end mark
	chLineBreak = 0x0B // manual line break
	chPageBreak = 0x0C // page or section break
	chColBreak  = 0x0E
	chTab       = 0x09
	chFieldBeg  = 0x13
	chFieldSep  = 0x14
	chFieldEnd  = 0x15
	chNBHyphen  = 0x1E
	maxFieldNst = 64
)

// builder turns the main text into blocks: paragraphs one per block
// (manual line breaks give one block per line, all with the paragraph's
// line), tables as table blocks.
type builder struct {
	props  propsTable
	lists  *numbering // nil: no automatic numbering
	blocks []document.Block

	para     strings.Builder
	line     int // paragraph number of the paragraph being read (1-based)
	prevCell bool

	cell     []string // paragraphs of the cell being read
	cellLine int
	row      []document.Cell
	rows     [][]document.Cell
	tblLine  int
}

func buildBlocks(text []char, props propsTable, lists *numbering) ([]document.Block, error) {
	b := &builder{props: props, lists: lists, line: 1}
	var fields []bool // for each open field: its result is being read
	visible := func() bool {
		for _, r := range fields {
			if !r {
				return false
			}
		}
		return true
	}
	for _, c := range text {
		switch c.r {
		case chFieldBeg:
			if len(fields) < maxFieldNst {
				fields = append(fields, false)
			}
			continue
		case chFieldSep:
			if n := len(fields); n > 0 {
				fields[n-1] = true
			}
			continue
		case chFieldEnd:
			if n := len(fields); n > 0 {
				fields = fields[:n-1]
			}
			continue
		case chPara, chCell, chPageBreak:
			b.mark(c)
			fields = fields[:0] // a field never spans paragraphs in what we keep
			if len(b.blocks) > maxBlocks {
				return nil, limits.Over("paragraphs and table cells", maxBlocks)
			}
			continue
		}
		if !visible() {
			continue
		}
		switch r := c.r; {
		case r == chTab:
			b.para.WriteByte(' ')
		case r == chLineBreak || r == chColBreak:
			b.para.WriteByte('\n')
		case r == chNBHyphen:
			b.para.WriteByte('-')
		case r < 0x20 || r == 0xFFFF:
			// pictures, footnote and comment anchors, optional hyphens
		default:
			b.para.WriteRune(r)
		}
	}
	b.mark(char{r: chPara, fc: ^uint32(0)})
	b.flushTable()
	return b.blocks, nil
}

// mark ends the paragraph read so far at a paragraph, cell or page mark.
func (b *builder) mark(c char) {
	text := b.para.String()
	b.para.Reset()
	line := b.line
	b.line++
	pp, known := paraProps{}, false
	if b.props != nil && c.r != chPageBreak {
		pp, known = b.props.at(c.fc)
	}
	cellMark := c.r == chCell
	if known && pp.ilfo > 0 && !pp.rowEnd {
		text = b.lists.label(pp.ilfo, pp.ilvl) + text
	}
	prevCell := b.prevCell
	b.prevCell = cellMark
	switch {
	case cellMark && known && pp.rowEnd,
		cellMark && !known && prevCell && text == "" && len(b.cell) == 0:
		// The row's end mark (without properties: a cell mark right
		// after a cell mark, an empty paragraph between).
		if b.endRow() {
			b.fillMerged(pp.vmerge)
		}
	case cellMark:
		b.addCellPara(text, line)
		b.row = append(b.row, document.Cell{Text: strings.Join(b.cell, "\n"), Line: b.cellLine})
		b.cell, b.cellLine = nil, 0
	case known && pp.inTable:
		b.addCellPara(text, line)
	default:
		b.flushTable()
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) != "" {
				b.blocks = append(b.blocks, document.Block{Text: l, Line: line})
			}
		}
	}
}

func (b *builder) addCellPara(text string, line int) {
	if b.tblLine == 0 {
		b.tblLine = line
	}
	if b.cellLine == 0 {
		b.cellLine = line
	}
	b.cell = append(b.cell, strings.ReplaceAll(text, "\n", " "))
}

// endRow ends the row being read; it reports whether the row had cells.
func (b *builder) endRow() bool {
	if len(b.cell) > 0 { // a cell left open: close it
		b.row = append(b.row, document.Cell{Text: strings.Join(b.cell, "\n"), Line: b.cellLine})
		b.cell, b.cellLine = nil, 0
	}
	added := len(b.row) > 0
	if added {
		b.rows = append(b.rows, b.row)
	}
	b.row = nil
	return added
}

// fillMerged repeats into the row just ended the text of each cell that
// a cell above covers (vertically merged cells: Word stores the text in
// the first cell only), as the other readers do.
func (b *builder) fillMerged(vmerge []uint8) {
	n := len(b.rows)
	if n < 2 || len(vmerge) == 0 {
		return
	}
	row, above := b.rows[n-1], b.rows[n-2]
	for i, m := range vmerge {
		if m == vmergeCont && i < len(row) && i < len(above) && strings.TrimSpace(row[i].Text) == "" {
			row[i].Text = above[i].Text
		}
	}
}

func (b *builder) flushTable() {
	b.endRow()
	if len(b.rows) > 0 {
		b.blocks = append(b.blocks, document.Block{Table: &document.Table{Rows: b.rows}, Line: b.tblLine})
	}
	b.rows, b.tblLine = nil, 0
}
