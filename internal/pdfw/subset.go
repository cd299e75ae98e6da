package pdfw

import (
	"errors"
	"sort"
)

// The embedded font keeps the glyph ids of the source font (so that a CID
// is the glyph id and CIDToGIDMap is Identity) but only the outlines of the
// glyphs a document draws: the others are emptied (zero length in loca,
// zero advance in hmtx), which deflates to almost nothing, and the glyphs
// after the last one drawn are dropped. Tables a
// PDF reader does not need for a CIDFontType2 (cmap, post, name, GSUB,
// GPOS, vmtx…) are left out.

// subsetTables are the tables the embedded program keeps, in the order the
// directory lists them (sorted by tag, as the format asks).
var subsetTables = []string{"OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// glyphRange is where glyph g's outline lies in glyf.
func (f *Font) glyphRange(g int) (int, int) {
	loca := f.tables["loca"]
	var a, b int
	if f.longLoca {
		a, b = int(be.Uint32(loca[4*g:])), int(be.Uint32(loca[4*g+4:]))
	} else {
		a, b = 2*int(be.Uint16(loca[2*g:])), 2*int(be.Uint16(loca[2*g+2:]))
	}
	if a > b || b > len(f.tables["glyf"]) {
		return 0, 0
	}
	return a, b
}

// closure adds to used the components of its composite glyphs, at any
// depth.
func (f *Font) closure(used map[uint16]bool) {
	glyf := f.tables["glyf"]
	todo := make([]uint16, 0, len(used))
	for g := range used {
		todo = append(todo, g)
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if int(g) >= f.numGlyphs {
			continue
		}
		a, b := f.glyphRange(int(g))
		if b-a < 10 || int16(be.Uint16(glyf[a:])) >= 0 {
			continue
		}
		p := a + 10
		for p+4 <= b {
			flags, comp := be.Uint16(glyf[p:]), be.Uint16(glyf[p+2:])
			if !used[comp] && int(comp) < f.numGlyphs {
				used[comp] = true
				todo = append(todo, comp)
			}
			p += 4
			if flags&1 != 0 { // ARG_1_AND_2_ARE_WORDS
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x08 != 0: // WE_HAVE_A_SCALE
				p += 2
			case flags&0x40 != 0: // X_AND_Y_SCALE
				p += 4
			case flags&0x80 != 0: // TWO_BY_TWO
				p += 8
			}
			if flags&0x20 == 0 { // MORE_COMPONENTS
				break
			}
		}
	}
}

// Subset returns a TrueType program with the outlines of the glyphs in
// used (and glyph 0, and the components of composites) and every glyph id
// of the font kept.
func (f *Font) Subset(used map[uint16]bool) ([]byte, error) {
	keep := make(map[uint16]bool, len(used)+1)
	for g := range used {
		keep[g] = true
	}
	keep[0] = true
	f.closure(keep)
	ids := make([]int, 0, len(keep))
	for g := range keep {
		if int(g) < f.numGlyphs {
			ids = append(ids, int(g))
		}
	}
	sort.Ints(ids)

	// Glyphs after the last one kept are dropped: glyph ids stay, the
	// font just ends sooner.
	n := ids[len(ids)-1] + 1
	src := f.tables["glyf"]
	size := 0
	for _, g := range ids {
		a, b := f.glyphRange(g)
		size += (b - a + 3) &^ 3
	}
	short := size < 0x20000 // offsets/2 fit in 16 bits
	glyf := make([]byte, 0, size)
	var loca []byte
	if short {
		loca = make([]byte, 2*(n+1))
	} else {
		loca = make([]byte, 4*(n+1))
	}
	setLoca := func(g, off int) {
		if short {
			be.PutUint16(loca[2*g:], uint16(off/2))
		} else {
			be.PutUint32(loca[4*g:], uint32(off))
		}
	}
	hmtx := make([]byte, 4*n)
	next := 0
	for g := range n {
		setLoca(g, len(glyf))
		if next < len(ids) && ids[next] == g {
			next++
			a, b := f.glyphRange(g)
			glyf = append(glyf, src[a:b]...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
			be.PutUint16(hmtx[4*g:], f.advances[g])
			be.PutUint16(hmtx[4*g+2:], f.lsb(g))
		}
	}
	setLoca(n, len(glyf))

	head := append([]byte(nil), f.tables["head"]...)
	be.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	if short {
		be.PutUint16(head[50:], 0)
	} else {
		be.PutUint16(head[50:], 1)
	}
	hhea := append([]byte(nil), f.tables["hhea"]...)
	be.PutUint16(hhea[34:], uint16(n))
	maxp := append([]byte(nil), f.tables["maxp"]...)
	be.PutUint16(maxp[4:], uint16(n))

	tabs := map[string][]byte{"glyf": glyf, "loca": loca, "hmtx": hmtx, "head": head, "hhea": hhea, "maxp": maxp}
	var tags []string
	for _, t := range subsetTables {
		if tabs[t] == nil {
			tabs[t] = f.tables[t]
		}
		if tabs[t] != nil {
			tags = append(tags, t)
		}
	}
	return assemble(tags, tabs)
}

// lsb is glyph g's left side bearing.
func (f *Font) lsb(g int) uint16 {
	hm := f.tables["hmtx"]
	nh := int(be.Uint16(f.tables["hhea"][34:]))
	if g < nh {
		return be.Uint16(hm[4*g+2:])
	}
	at := 4*nh + 2*(g-nh)
	if at+2 > len(hm) {
		return 0
	}
	return be.Uint16(hm[at:])
}

// assemble writes a font file of the tables, with checksums.
func assemble(tags []string, tabs map[string][]byte) ([]byte, error) {
	n := len(tags)
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tabs[t]) + 3) &^ 3
	}
	if size > 1<<31 {
		return nil, errors.New("font: subset too large")
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	be.PutUint16(out[6:], uint16(16*sr))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*n-16*sr))
	headAt := -1
	for i, t := range tags {
		data := tabs[t]
		rec := out[12+16*i:]
		copy(rec, t)
		be.PutUint32(rec[4:], checksum(data))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += be.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += be.Uint32(last[:])
	}
	return sum
}
