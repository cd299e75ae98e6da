package xls

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/duban/duban/extract/sheet"
)

// Bounds on what one workbook may make the reader do.
const (
	maxRows = 65536 // BIFF8's rows
	maxCols = 256   // BIFF8's columns
)

// globals is what the workbook-globals substream says.
type globals struct {
	sst      []string
	xfFormat []int          // number format id by XF index
	formats  map[int]string // custom number format codes by id
	date1904 bool
	sheets   []boundSheet
}

type boundSheet struct {
	name    string
	offset  int
	visible bool
}

// parseWorkbook reads the globals and then each visible worksheet.
func parseWorkbook(s []byte) ([]sheet.Sheet, error) {
	g, err := readGlobals(s)
	if err != nil {
		return nil, err
	}
	var sheets []sheet.Sheet
	cells := 0
	for _, b := range g.sheets {
		if !b.visible {
			continue
		}
		sh, n, err := g.readSheet(s, b)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", b.name, err)
		}
		if cells += n; cells > sheet.MaxCells {
			return nil, sheet.ErrTooManyCells
		}
		sheets = append(sheets, sh)
	}
	return sheets, nil
}

func readGlobals(s []byte) (*globals, error) {
	r, err := readRecord(s, 0)
	if err != nil || r.typ != recBOF {
		return nil, errors.New("workbook stream does not start with a BOF record")
	}
	switch v := u16(r.data, 0); v {
	case 0x0600:
	case 0x0500:
		return nil, errBIFF5
	default:
		return nil, fmt.Errorf("BIFF version %#x, not Excel 97–2003 (BIFF8)", v)
	}
	g := &globals{formats: map[int]string{}}
	for off := r.next; off < len(s); {
		r, err := readRecord(s, off)
		if err != nil {
			return nil, err
		}
		off = r.next
		switch r.typ {
		case recEOF:
			return g, nil
		case recFilePass:
			return nil, errors.New("the workbook is password-protected; save it without a password")
		case recDateMode:
			g.date1904 = u16(r.data, 0) == 1
		case recXF:
			g.xfFormat = append(g.xfFormat, u16(r.data, 2))
		case recFormat:
			g.formats[u16(r.data, 0)] = unicodeString(r.data, 2)
		case recBoundSheet:
			if len(r.data) < 8 || r.data[5] != 0 { // not a worksheet (chart, macro sheet)
				continue
			}
			g.sheets = append(g.sheets, boundSheet{
				name:    shortString(r.data, 6),
				offset:  int(u32(r.data, 0)),
				visible: r.data[4]&0x03 == 0,
			})
		case recSST:
			g.sst = readSST(r)
		}
	}
	return g, nil
}

// grid gathers a sheet's cells.
type grid struct {
	rows  [][]string
	cells int
}

func (g *grid) set(row, col int, v string) error {
	if row < 0 || row >= maxRows || col < 0 || col >= maxCols || v == "" {
		return nil
	}
	for len(g.rows) <= row {
		g.rows = append(g.rows, nil)
	}
	for len(g.rows[row]) <= col {
		if g.cells++; g.cells > sheet.MaxCells {
			return sheet.ErrTooManyCells
		}
		g.rows[row] = append(g.rows[row], "")
	}
	g.rows[row][col] = v
	return nil
}

// readSheet reads a worksheet substream from its BOF to its EOF.
func (g *globals) readSheet(s []byte, b boundSheet) (sheet.Sheet, int, error) {
	r, err := readRecord(s, b.offset)
	if err != nil || r.typ != recBOF {
		return sheet.Sheet{}, 0, errors.New("the sheet's offset does not point at a BOF record")
	}
	out := sheet.Sheet{Name: b.name}
	var cells grid
	depth := 0 // BOF/EOF pairs of embedded charts
	pendingString := [2]int{-1, -1}
	for off := r.next; off < len(s); {
		r, err := readRecord(s, off)
		if err != nil {
			return sheet.Sheet{}, 0, err
		}
		off = r.next
		if depth > 0 {
			switch r.typ {
			case recBOF:
				depth++
			case recEOF:
				depth--
			}
			continue
		}
		d := r.data
		row, col, xf := u16(d, 0), u16(d, 2), u16(d, 4)
		var v string
		switch r.typ {
		case recEOF:
			out.Rows = cells.rows
			return out, cells.cells, nil
		case recBOF:
			depth++
			continue
		case recLabelSST:
			if i := int(u32(d, 6)); len(d) >= 10 && i < len(g.sst) {
				v = g.sst[i]
			}
		case recLabel:
			v = newSegReader(record{data: d[min(6, len(d)):], conts: r.conts}).unicodeString()
		case recNumber:
			if len(d) >= 14 {
				v = g.number(math.Float64frombits(uint64(u32(d, 6))|uint64(u32(d, 10))<<32), xf)
			}
		case recRK:
			if len(d) >= 10 {
				v = g.number(rk(u32(d, 6)), xf)
			}
		case recMulRK:
			last := u16(d, len(d)-2)
			for i, c := 0, col; c <= last && 4+6*i+6 <= len(d)-2; i, c = i+1, c+1 {
				if err := cells.set(row, c, g.number(rk(u32(d, 4+6*i+2)), u16(d, 4+6*i))); err != nil {
					return sheet.Sheet{}, 0, err
				}
			}
			continue
		case recFormula:
			if len(d) < 14 {
				continue
			}
			if u16(d, 12) != 0xffff {
				v = g.number(math.Float64frombits(uint64(u32(d, 6))|uint64(u32(d, 10))<<32), xf)
				break
			}
			switch d[6] {
			case 0: // the string follows in a STRING record
				pendingString = [2]int{row, col}
			case 1:
				v = boolText(d[8])
			}
		case recString:
			if pendingString[0] >= 0 {
				row, col = pendingString[0], pendingString[1]
				v = newSegReader(r).unicodeString()
				pendingString = [2]int{-1, -1}
			}
		case recBoolErr:
			if len(d) >= 8 && d[7] == 0 {
				v = boolText(d[6])
			}
		case recMergeCells:
			n := u16(d, 0)
			for i := 0; i < n && 2+8*i+8 <= len(d); i++ {
				p := 2 + 8*i
				out.Merges = append(out.Merges, sheet.Merge{Top: u16(d, p), Bottom: u16(d, p+2), Left: u16(d, p+4), Right: u16(d, p+6)})
			}
			continue
		default:
			continue
		}
		if err := cells.set(row, col, v); err != nil {
			return sheet.Sheet{}, 0, err
		}
	}
	return sheet.Sheet{}, 0, errTruncated
}

// rk decodes an RK number: a 30-bit integer or the high 30 bits of a
// double, perhaps to be divided by 100.
func rk(v uint32) float64 {
	var f float64
	if v&0x02 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&0xfffffffc) << 32)
	}
	if v&0x01 != 0 {
		f /= 100
	}
	return f
}

// number writes a number cell: a date as a date, else the number.
func (g *globals) number(f float64, xf int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	if xf < len(g.xfFormat) {
		id := g.xfFormat[xf]
		code := g.formats[id]
		if sheet.IsDateFormat(id, code) {
			if t, ok := sheet.ExcelDate(f, g.date1904); ok {
				return sheet.DateText(t)
			}
		}
		if id == 9 || id == 10 || containsPercent(code) {
			return strconv.FormatFloat(math.Round(f*1e11)/1e9, 'f', -1, 64) + "%"
		}
	}
	return sheet.NumberText(f)
}

func containsPercent(code string) bool {
	quoted := false
	for _, c := range code {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '%' && !quoted:
			return true
		}
	}
	return false
}

func boolText(b byte) string {
	if b != 0 {
		return "TRUE"
	}
	return "FALSE"
}
