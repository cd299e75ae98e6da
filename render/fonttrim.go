package render

import (
	"encoding/binary"
	"slices"
	"sort"
)

// fpdf reads the whole character map and metrics of a font before it can
// cut it, and for a CJK font of ≈30 000 characters that is most of a cut's
// cost. trimFontCmap hands it a copy of the font whose character map lists
// only the characters to be kept (each mapped to its original glyph); every
// other table is kept byte for byte, so the glyphs fpdf cuts out are the
// same. When the font is not one it can read (no Unicode format 4 map), it
// returns nil and the full font is cut as before.
func trimFontCmap(font []byte, runes []rune) []byte {
	be := binary.BigEndian
	if len(font) < 12 {
		return nil
	}
	numTables := int(be.Uint16(font[4:]))
	if 12+16*numTables > len(font) {
		return nil
	}
	type table struct {
		tag       string
		off, size int
	}
	tables := make([]table, 0, numTables)
	cmapAt := -1
	for i := range numTables {
		rec := font[12+16*i:]
		t := table{tag: string(rec[:4]), off: int(be.Uint32(rec[8:])), size: int(be.Uint32(rec[12:]))}
		if t.off < 0 || t.size < 0 || t.off > len(font) || t.size > len(font)-t.off {
			return nil
		}
		if t.tag == "cmap" {
			cmapAt = i
		}
		tables = append(tables, t)
	}
	if cmapAt < 0 {
		return nil
	}
	glyphs := readCmap4(font[tables[cmapAt].off : tables[cmapAt].off+tables[cmapAt].size])
	if glyphs == nil {
		return nil
	}
	// fpdf's own list of used characters starts with U+0000.
	var keep []rune
	for _, r := range append([]rune{0}, runes...) {
		if _, ok := glyphs(r); ok && r >= 0 && r < 0xFFFF {
			keep = append(keep, r)
		}
	}
	slices.Sort(keep)
	keep = slices.Compact(keep)
	segs := len(keep) + 1
	length := 16 + 8*segs
	if length > 0xFFFF {
		return nil
	}
	sub := make([]byte, length)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(length))
	be.PutUint16(sub[6:], uint16(2*segs))
	sr, es := 1, 0
	for sr*2 <= segs {
		sr *= 2
		es++
	}
	be.PutUint16(sub[8:], uint16(2*sr))
	be.PutUint16(sub[10:], uint16(es))
	be.PutUint16(sub[12:], uint16(2*segs-2*sr))
	ends, starts, deltas := 14, 16+2*segs, 16+4*segs // range offsets stay 0
	for i, r := range append(keep, 0xFFFF) {
		be.PutUint16(sub[ends+2*i:], uint16(r))
		be.PutUint16(sub[starts+2*i:], uint16(r))
		d := 1 // 0xFFFF → glyph 0
		if r != 0xFFFF {
			g, _ := glyphs(r)
			d = int(g) - int(r)
		}
		be.PutUint16(sub[deltas+2*i:], uint16(d))
	}
	cmap := append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}, sub...)
	tables[cmapAt] = table{tag: "cmap", off: -1, size: len(cmap)}

	head := 12 + 16*numTables
	total := head
	for _, t := range tables {
		total += (t.size + 3) &^ 3
	}
	out := make([]byte, head, total)
	copy(out, font[:12])
	for i, t := range tables {
		data := cmap
		if t.off >= 0 {
			data = font[t.off : t.off+t.size]
		}
		rec := out[12+16*i:]
		copy(rec, font[12+16*i:12+16*i+8]) // tag and checksum
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// readCmap4 finds the Unicode format 4 subtable of a cmap table and returns
// a lookup from character to glyph (and whether a segment of the map
// covers the character at all), or nil.
func readCmap4(cmap []byte) func(rune) (uint16, bool) {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return nil
	}
	n := int(be.Uint16(cmap[2:]))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil
		}
		platform, encoding := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if !(platform == 3 && encoding == 1 || platform == 0) || off < 0 || off+14 > len(cmap) || be.Uint16(cmap[off:]) != 4 {
			continue
		}
		sub := cmap[off:]
		if l := int(be.Uint16(sub[2:])); l < len(sub) {
			sub = sub[:l]
		}
		segs := int(be.Uint16(sub[6:])) / 2
		if 16+8*segs > len(sub) {
			return nil
		}
		ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
		return func(r rune) (uint16, bool) {
			c := int(r)
			// The first segment ending at or after c (segments are sorted by
			// their end code): a cut font of thousands of characters has
			// about as many segments, looked up for every character kept.
			if s := sort.Search(segs, func(s int) bool { return int(be.Uint16(sub[ends+2*s:])) >= c }); s < segs {
				start := int(be.Uint16(sub[starts+2*s:]))
				if c < start {
					return 0, false
				}
				delta := int(be.Uint16(sub[deltas+2*s:]))
				ro := int(be.Uint16(sub[ranges+2*s:]))
				if ro == 0 {
					return uint16(c + delta), true
				}
				at := ranges + 2*s + ro + 2*(c-start)
				if at+2 > len(sub) {
					return 0, true
				}
				g := int(be.Uint16(sub[at:]))
				if g == 0 {
					return 0, true
				}
				return uint16(g + delta), true
			}
			return 0, false
		}
	}
	return nil
}
