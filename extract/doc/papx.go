package doc

import (
	"encoding/binary"
	"sort"
)

// paraProps is what the reader needs of a paragraph's properties.
type paraProps struct {
	inTable bool // the paragraph is in a table cell
	rowEnd  bool // the paragraph is a table row's end mark (TTP)
	depth   int  // table nesting depth (1 for an outer table)
	// vmerge is, on a row's end mark, each cell's vertical merge: 0 not
	// merged, vmergeFirst the first cell of a merged run, vmergeCont a
	// cell the one above covers.
	vmerge []uint8
	// ilfo is the paragraph's list instance (1-based; 0 none), ilvl its
	// level in the list.
	ilfo, ilvl int
}

// The vertical merge states of a cell (TCGRF.vertMerge).
const (
	vmergeCont  = 1
	vmergeFirst = 3
	maxCells    = 63 // cells a Word row holds
)

// papxRun gives the properties of paragraphs whose mark lies in [fc0, fc1).
type papxRun struct {
	fc0, fc1 uint32
	props    paraProps
}

// propsTable finds a paragraph's properties by the stream offset of its mark.
type propsTable []papxRun

func (t propsTable) at(fc uint32) (paraProps, bool) {
	i := sort.Search(len(t), func(i int) bool { return t[i].fc1 > fc })
	if i < len(t) && t[i].fc0 <= fc {
		return t[i].props, true
	}
	return paraProps{}, false
}

// Paragraph sprms the reader looks at.
const (
	sprmPFInTable      = 0x2416
	sprmPFTtp          = 0x2417
	sprmPItap          = 0x6649
	sprmPFInnerTtp     = 0x244C
	sprmPFInnerTableCl = 0x244B
	sprmTDefTable      = 0xD608
	sprmTVertMerge     = 0xD62B
	sprmPIlfo          = 0x460B
	sprmPIlvl          = 0x260A
	sprmPChgTabs       = 0xC615
	fkpSize            = 512
	maxFkps            = 1 << 14
)

// parsePapx reads the paragraph property pages (PlcBtePapx → PapxFkp) and
// returns the runs sorted by offset. A damaged table gives what could be
// read; the caller falls back on the cell-mark pattern.
func parsePapx(table, word []byte, f *fib) propsTable {
	le := binary.LittleEndian
	if f.lcbPapx < 8 || uint64(f.fcPapx)+uint64(f.lcbPapx) > uint64(len(table)) || (f.lcbPapx-4)%8 != 0 {
		return nil
	}
	plc := table[f.fcPapx : f.fcPapx+f.lcbPapx]
	n := int((f.lcbPapx - 4) / 8)
	if n > maxFkps {
		return nil
	}
	var runs propsTable
	for i := 0; i < n; i++ {
		pn := le.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF
		off := int(pn) * fkpSize
		if off+fkpSize > len(word) || off < 0 {
			continue
		}
		runs = append(runs, fkpRuns(word[off:off+fkpSize])...)
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].fc0 < runs[j].fc0 })
	return runs
}

// fkpRuns reads one 512-byte PapxFkp page.
func fkpRuns(page []byte) []papxRun {
	le := binary.LittleEndian
	crun := int(page[fkpSize-1])
	if crun == 0 || 4*(crun+1)+13*crun > fkpSize-1 {
		return nil
	}
	runs := make([]papxRun, 0, crun)
	for i := 0; i < crun; i++ {
		fc0, fc1 := le.Uint32(page[4*i:]), le.Uint32(page[4*i+4:])
		bx := 4*(crun+1) + 13*i
		r := papxRun{fc0: fc0, fc1: fc1}
		if o := 2 * int(page[bx]); o != 0 && o < fkpSize-1 {
			cb := int(page[o])
			var grp []byte
			if cb != 0 {
				if e := o + 1 + 2*cb - 1; e <= fkpSize-1 {
					grp = page[o+1 : e]
				}
			} else if o+1 < fkpSize-1 {
				cb = int(page[o+1])
				if e := o + 2 + 2*cb; e <= fkpSize-1 {
					grp = page[o+2 : e]
				}
			}
			if len(grp) >= 2 {
				r.props = readSprms(grp[2:]) // after the style index
			}
		}
		runs = append(runs, r)
	}
	return runs
}

// readSprms walks a grpprl for the table sprms.
func readSprms(g []byte) paraProps {
	le := binary.LittleEndian
	var p paraProps
	for len(g) >= 2 {
		sprm := le.Uint16(g)
		g = g[2:]
		var n int
		switch sprm >> 13 {
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		default: // 6: variable
			switch {
			case sprm == sprmTDefTable && len(g) >= 2:
				n = int(le.Uint16(g)) + 1
			case sprm == sprmPChgTabs && len(g) >= 1 && g[0] == 255:
				return p // rare layout; what was read stands
			case len(g) >= 1:
				n = int(g[0]) + 1
			default:
				return p
			}
		}
		if n > len(g) {
			return p
		}
		op := g[:n]
		g = g[n:]
		switch sprm {
		case sprmPFInTable:
			p.inTable = op[0] != 0
			if p.inTable && p.depth == 0 {
				p.depth = 1
			}
		case sprmPFTtp:
			p.rowEnd = op[0] != 0
		case sprmPItap:
			p.depth = int(le.Uint32(op))
			if p.depth > 0 {
				p.inTable = true
			}
		case sprmTDefTable:
			p.vmerge = defTableMerges(op)
		case sprmPIlfo:
			p.ilfo = int(int16(le.Uint16(op)))
		case sprmPIlvl:
			p.ilvl = int(op[0])
		case sprmTVertMerge:
			// cb, the cell's index, its vertMerge
			if len(op) >= 3 && int(op[1]) < maxCells {
				for len(p.vmerge) <= int(op[1]) {
					p.vmerge = append(p.vmerge, 0)
				}
				p.vmerge[op[1]] = op[2] & 3
			}
		}
	}
	return p
}

// defTableMerges reads the cells' vertical merge states from a
// sprmTDefTable operand: cb (2 bytes), itcMac, the itcMac+1 cell
// boundaries (2 bytes each), then a TC80 of 20 bytes per cell whose first
// two bytes (TCGRF) hold vertMerge in bits 5–6. Cells whose TC80 is
// missing are not merged.
func defTableMerges(op []byte) []uint8 {
	if len(op) < 3 {
		return nil
	}
	n := int(op[2])
	if n == 0 || n > maxCells {
		return nil
	}
	tcs := 3 + 2*(n+1)
	out := make([]uint8, n)
	any := false
	for i := range n {
		at := tcs + 20*i
		if at+2 > len(op) {
			break
		}
		out[i] = uint8(binary.LittleEndian.Uint16(op[at:])>>5) & 3
		any = any || out[i] != 0
	}
	if !any {
		return nil
	}
	return out
}
