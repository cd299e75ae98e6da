package doc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"github.com/duban/duban/internal/limits"
)

// piece is one run of the main text: characters [cpStart, cpEnd) stored at
// byte offset fc of the WordDocument stream, either as UTF-16LE or, when
// compressed, one cp1252 byte per character.
type piece struct {
	cpStart, cpEnd uint32
	fc             uint32
	compressed     bool
}

const (
	clxPrc  = 0x01 // property modifiers, skipped
	clxPcdt = 0x02 // the piece table
	pcdSize = 8
)

// parseCLX reads the piece table from the table stream.
func parseCLX(table []byte, f *fib, wordLen int) ([]piece, error) {
	if uint64(f.fcClx)+uint64(f.lcbClx) > uint64(len(table)) || f.lcbClx == 0 {
		return nil, errors.New("outside the table stream")
	}
	clx := table[f.fcClx : f.fcClx+f.lcbClx]
	le := binary.LittleEndian
	for len(clx) > 0 {
		switch clx[0] {
		case clxPrc:
			if len(clx) < 3 {
				return nil, errors.New("cut short")
			}
			n := int(int16(le.Uint16(clx[1:])))
			if n < 0 || 3+n > len(clx) {
				return nil, errors.New("bad property block")
			}
			clx = clx[3+n:]
		case clxPcdt:
			if len(clx) < 5 {
				return nil, errors.New("cut short")
			}
			lcb := le.Uint32(clx[1:])
			if uint64(lcb) > uint64(len(clx)-5) || lcb < 4 || (lcb-4)%12 != 0 {
				return nil, errors.New("bad piece table size")
			}
			return pieces(clx[5:5+lcb], wordLen)
		default:
			return nil, fmt.Errorf("unknown block %#x", clx[0])
		}
	}
	return nil, errors.New("no piece table")
}

func pieces(plc []byte, wordLen int) ([]piece, error) {
	le := binary.LittleEndian
	n := (len(plc) - 4) / 12
	if n > maxPieces {
		return nil, fmt.Errorf("%d pieces: %w", n, limits.Over("text pieces", maxPieces))
	}
	ps := make([]piece, 0, n)
	pcd := plc[4*(n+1):]
	var total uint64
	for i := 0; i < n; i++ {
		cp0, cp1 := le.Uint32(plc[4*i:]), le.Uint32(plc[4*i+4:])
		if cp1 < cp0 {
			return nil, errors.New("pieces out of order")
		}
		fc := le.Uint32(pcd[i*pcdSize+2:])
		p := piece{cpStart: cp0, cpEnd: cp1}
		if fc&0x40000000 != 0 {
			p.compressed, p.fc = true, (fc&^0x40000000)/2
		} else {
			p.fc = fc
		}
		total += uint64(cp1 - cp0)
		if total > uint64(wordLen) {
			return nil, errors.New("pieces hold more text than the file")
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// char is one character of the main text with the stream offset it is
// stored at (paragraph properties are found by it).
type char struct {
	r  rune
	fc uint32
}

// mainText decodes the first ccp characters of the document (the main
// text; footnotes, headers and the rest follow it).
func mainText(word []byte, ps []piece, ccp uint32) []char {
	var out []char
	for _, p := range ps {
		if p.cpStart >= ccp {
			break
		}
		end := min(p.cpEnd, ccp)
		n := int(end - p.cpStart)
		if p.compressed {
			for i := 0; i < n; i++ {
				off := int(p.fc) + i
				if off >= len(word) {
					break
				}
				out = append(out, char{charmap.Windows1252.DecodeByte(word[off]), uint32(off)})
			}
			continue
		}
		for i := 0; i < n; i++ {
			off := int(p.fc) + 2*i
			if off+2 > len(word) {
				break
			}
			u := binary.LittleEndian.Uint16(word[off:])
			r := rune(u)
			if utf16.IsSurrogate(r) && i+1 < n && off+4 <= len(word) {
				r2 := rune(binary.LittleEndian.Uint16(word[off+2:]))
				if d := utf16.DecodeRune(r, r2); d != '\uFFFD' {
					out = append(out, char{d, uint32(off)})
					i++
					continue
				}
			}
			out = append(out, char{r, uint32(off)})
		}
	}
	return out
}
