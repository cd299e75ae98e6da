package xls

import (
	"encoding/binary"
	"unicode/utf16"
)

// segReader reads a record's data and its CONTINUE records as one byte
// stream, except inside a string's characters: there each CONTINUE starts
// with a new option byte saying whether the characters after it are one
// byte (compressed) or two (MS-XLS 2.5.293).
type segReader struct {
	segs [][]byte
	seg  int
	pos  int
	bad  bool // read past the end
}

func newSegReader(r record) *segReader {
	return &segReader{segs: append([][]byte{r.data}, r.conts...)}
}

// left is the bytes left in the current segment.
func (r *segReader) left() int {
	if r.seg >= len(r.segs) {
		return 0
	}
	return len(r.segs[r.seg]) - r.pos
}

// nextSeg moves to the next non-empty segment; false at the end.
func (r *segReader) nextSeg() bool {
	for r.left() <= 0 {
		if r.seg >= len(r.segs) {
			r.bad = true
			return false
		}
		r.seg++
		r.pos = 0
		if r.seg >= len(r.segs) {
			r.bad = true
			return false
		}
	}
	return true
}

func (r *segReader) byte() byte {
	if r.left() <= 0 && !r.nextSeg() {
		return 0
	}
	b := r.segs[r.seg][r.pos]
	r.pos++
	return b
}

func (r *segReader) u16() int { return int(r.byte()) | int(r.byte())<<8 }

func (r *segReader) u32() uint32 {
	return uint32(r.u16()) | uint32(r.u16())<<16
}

// skip skips n bytes across segments.
func (r *segReader) skip(n int) {
	for n > 0 && !r.bad {
		if r.left() <= 0 && !r.nextSeg() {
			return
		}
		k := min(n, r.left())
		r.pos += k
		n -= k
	}
}

// chars reads n characters, one or two bytes each as wide says, taking a
// new option byte at each CONTINUE boundary.
func (r *segReader) chars(n int, wide bool) string {
	units := make([]uint16, 0, min(n, 1024))
	for len(units) < n && !r.bad {
		if r.left() <= 0 {
			if !r.nextSeg() {
				break
			}
			wide = r.byte()&0x01 != 0
			continue
		}
		if wide {
			units = append(units, uint16(r.u16()))
		} else {
			units = append(units, uint16(r.byte()))
		}
	}
	return string(utf16.Decode(units))
}

// richString reads an XLUnicodeRichExtendedString (the SST's strings).
func (r *segReader) richString() string {
	n := r.u16()
	flags := r.byte()
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		runs = r.u16()
	}
	if flags&0x04 != 0 {
		ext = int(r.u32())
	}
	s := r.chars(n, flags&0x01 != 0)
	r.skip(4 * runs)
	if ext > 0 {
		r.skip(ext)
	}
	return s
}

// readSST reads the shared-string table. The count it claims is not
// trusted for allocation: every string takes at least three bytes.
func readSST(rec record) []string {
	r := newSegReader(rec)
	r.u32() // total references
	unique := int(r.u32())
	size := len(rec.data)
	for _, c := range rec.conts {
		size += len(c)
	}
	out := make([]string, 0, min(unique, size/3))
	for i := 0; i < unique && !r.bad; i++ {
		s := r.richString()
		if r.bad {
			break
		}
		out = append(out, s)
	}
	return out
}

// unicodeString reads an XLUnicodeString (cch u16, option byte, chars)
// from b at i, as in LABEL, FORMAT and STRING records without CONTINUE.
func unicodeString(b []byte, i int) string {
	if i+3 > len(b) {
		return ""
	}
	rec := record{data: b[i:]}
	return newSegReader(rec).unicodeString()
}

func (r *segReader) unicodeString() string {
	n := r.u16()
	flags := r.byte()
	if flags&0x08 != 0 { // rich (LABEL in old writers)
		r.u16()
	}
	return r.chars(n, flags&0x01 != 0)
}

// shortString reads a ShortXLUnicodeString (cch u8, option byte, chars),
// the sheet names of BOUNDSHEET.
func shortString(b []byte, i int) string {
	if i+2 > len(b) {
		return ""
	}
	n := int(b[i])
	wide := b[i+1]&0x01 != 0
	b = b[i+2:]
	var units []uint16
	for k := 0; k < n; k++ {
		if wide {
			if 2*k+2 > len(b) {
				break
			}
			units = append(units, binary.LittleEndian.Uint16(b[2*k:]))
		} else {
			if k >= len(b) {
				break
			}
			units = append(units, uint16(b[k]))
		}
	}
	return string(utf16.Decode(units))
}
