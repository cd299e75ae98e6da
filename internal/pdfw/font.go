package pdfw

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Font is a parsed TrueType font (glyf outlines): its tables, its
// character map and its advance widths. It is read once and is safe for
// use by many documents at once; it never changes after ParseFont.
type Font struct {
	data      []byte
	tables    map[string][]byte
	order     []string // table tags in file order
	upem      int
	numGlyphs int
	longLoca  bool
	advances  []uint16 // per glyph, font units
	bmp       []uint16 // rune (BMP) → glyph, 0 = none
	astral    map[rune]uint16

	// Metrics for the font descriptor, in 1/1000 em.
	ascent, descent, capHeight int
	bbox                       [4]int
	italicAngle                float64
	name                       string
}

var be = binary.BigEndian

// ParseFont reads a TrueType font. Fonts with CFF outlines (OpenType
// .otf) and font collections are refused: the writer embeds glyf outlines.
func ParseFont(data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, errors.New("font: too short")
	}
	switch v := be.Uint32(data); v {
	case 0x00010000, 0x74727565: // 1.0, 'true'
	case 0x4F54544F:
		return nil, errors.New("font: CFF outlines (OpenType .otf) are not supported; use a TrueType .ttf")
	case 0x74746366:
		return nil, errors.New("font: a font collection (.ttc); use a single .ttf")
	default:
		return nil, fmt.Errorf("font: not a TrueType font (version %#x)", v)
	}
	n := int(be.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil, errors.New("font: table directory runs past the end")
	}
	f := &Font{data: data, tables: make(map[string][]byte, n)}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, size := uint64(be.Uint32(rec[8:])), uint64(be.Uint32(rec[12:]))
		if off+size > uint64(len(data)) {
			return nil, fmt.Errorf("font: table %q runs past the end", tag)
		}
		if _, dup := f.tables[tag]; !dup {
			f.order = append(f.order, tag)
		}
		f.tables[tag] = data[off : off+size]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if f.tables[t] == nil {
			return nil, fmt.Errorf("font: no %s table", t)
		}
	}
	if err := f.readHead(); err != nil {
		return nil, err
	}
	if err := f.readMetrics(); err != nil {
		return nil, err
	}
	if err := f.readCmap(); err != nil {
		return nil, err
	}
	f.readOS2()
	f.name = f.postScriptName()
	return f, nil
}

func (f *Font) readHead() error {
	h := f.tables["head"]
	if len(h) < 54 {
		return errors.New("font: head table too short")
	}
	f.upem = int(be.Uint16(h[18:]))
	if f.upem < 16 || f.upem > 16384 {
		return fmt.Errorf("font: units per em %d out of range", f.upem)
	}
	for i := range 4 {
		f.bbox[i] = f.scale(int(int16(be.Uint16(h[36+2*i:]))))
	}
	f.longLoca = be.Uint16(h[50:]) != 0
	m := f.tables["maxp"]
	if len(m) < 6 {
		return errors.New("font: maxp table too short")
	}
	f.numGlyphs = int(be.Uint16(m[4:]))
	if f.numGlyphs == 0 {
		return errors.New("font: no glyphs")
	}
	entry := 2
	if f.longLoca {
		entry = 4
	}
	if len(f.tables["loca"]) < (f.numGlyphs+1)*entry {
		return errors.New("font: loca table too short")
	}
	return nil
}

func (f *Font) readMetrics() error {
	hh := f.tables["hhea"]
	if len(hh) < 36 {
		return errors.New("font: hhea table too short")
	}
	f.ascent = f.scale(int(int16(be.Uint16(hh[4:]))))
	f.descent = f.scale(int(int16(be.Uint16(hh[6:]))))
	f.capHeight = f.ascent
	nh := int(be.Uint16(hh[34:]))
	hm := f.tables["hmtx"]
	if nh == 0 || nh > f.numGlyphs || len(hm) < 4*nh {
		return errors.New("font: hmtx table does not match hhea")
	}
	f.advances = make([]uint16, f.numGlyphs)
	for g := range f.numGlyphs {
		i := min(g, nh-1)
		f.advances[g] = be.Uint16(hm[4*i:])
	}
	return nil
}

func (f *Font) readOS2() {
	o := f.tables["OS/2"]
	if len(o) >= 90 && be.Uint16(o) >= 2 {
		if c := int(int16(be.Uint16(o[88:]))); c > 0 {
			f.capHeight = f.scale(c)
		}
	}
	if p := f.tables["post"]; len(p) >= 8 {
		f.italicAngle = float64(int32(be.Uint32(p[4:]))) / 65536
	}
}

// postScriptName is name ID 6 (Windows, Unicode), or "Font".
func (f *Font) postScriptName() string {
	t := f.tables["name"]
	if len(t) < 6 {
		return "Font"
	}
	count, strOff := int(be.Uint16(t[2:])), int(be.Uint16(t[4:]))
	for i := range count {
		r := 6 + 12*i
		if r+12 > len(t) {
			break
		}
		pid, nid := be.Uint16(t[r:]), be.Uint16(t[r+6:])
		l, o := int(be.Uint16(t[r+8:])), int(be.Uint16(t[r+10:]))
		if nid != 6 || strOff+o+l > len(t) {
			continue
		}
		s := t[strOff+o : strOff+o+l]
		var name []byte
		if pid == 3 || pid == 0 {
			for j := 0; j+1 < len(s); j += 2 {
				name = append(name, byte(be.Uint16(s[j:])))
			}
		} else {
			name = s
		}
		if clean := psName(name); clean != "" {
			return clean
		}
	}
	return "Font"
}

// psName keeps the characters a PDF name may hold without escapes.
func psName(b []byte) string {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c > ' ' && c < 0x7f && c != '/' && c != '(' && c != ')' && c != '<' && c != '>' && c != '[' && c != ']' && c != '{' && c != '}' && c != '%' && c != '#' {
			out = append(out, c)
		}
	}
	return string(out)
}

// readCmap reads the best Unicode subtable: format 12 (full Unicode) or
// format 4 (the BMP).
func (f *Font) readCmap() error {
	c := f.tables["cmap"]
	if len(c) < 4 {
		return errors.New("font: cmap table too short")
	}
	n := int(be.Uint16(c[2:]))
	var best []byte
	bestRank := 0
	for i := range n {
		r := 4 + 8*i
		if r+8 > len(c) {
			break
		}
		pid, eid, off := be.Uint16(c[r:]), be.Uint16(c[r+2:]), int(be.Uint32(c[r+4:]))
		if off+4 > len(c) || off < 0 {
			continue
		}
		format := be.Uint16(c[off:])
		rank := 0
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			rank = 3
		case format == 4 && (pid == 3 && eid == 1 || pid == 0):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = c[off:], rank
		}
	}
	f.bmp = make([]uint16, 0x10000)
	switch bestRank {
	case 3:
		return f.readCmap12(best)
	case 2:
		return f.readCmap4(best)
	}
	return errors.New("font: no Unicode character map")
}

// maxCmapWork bounds the characters a character map may list: every
// Unicode value twice. A map whose ranges overlap beyond that is refused
// rather than read for minutes.
const maxCmapWork = 2 * 0x110000

var errCmapOverlap = errors.New("font: character map ranges overlap beyond all of Unicode")

func (f *Font) readCmap4(t []byte) error {
	if len(t) < 14 {
		return errors.New("font: cmap format 4 too short")
	}
	segs := int(be.Uint16(t[6:])) / 2
	if 16+8*segs > len(t) {
		return errors.New("font: cmap format 4 runs past its table")
	}
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	work := 0
	for s := range segs {
		end, start := int(be.Uint16(t[ends+2*s:])), int(be.Uint16(t[starts+2*s:]))
		delta, ro := be.Uint16(t[deltas+2*s:]), int(be.Uint16(t[ranges+2*s:]))
		if work += max(end-start+1, 0); work > maxCmapWork {
			return errCmapOverlap
		}
		for r := start; r <= end && r < 0xFFFF; r++ {
			var g uint16
			if ro == 0 {
				g = uint16(r) + delta
			} else {
				at := ranges + 2*s + ro + 2*(r-start)
				if at+2 > len(t) {
					break
				}
				if g = be.Uint16(t[at:]); g != 0 {
					g += delta
				}
			}
			if int(g) < f.numGlyphs {
				f.bmp[r] = g
			}
		}
	}
	return nil
}

func (f *Font) readCmap12(t []byte) error {
	if len(t) < 16 {
		return errors.New("font: cmap format 12 too short")
	}
	n := uint64(be.Uint32(t[12:]))
	if 16+12*n > uint64(len(t)) {
		return errors.New("font: cmap format 12 runs past its table")
	}
	work := 0
	for i := range int(n) {
		g := t[16+12*i:]
		start, end, gid := be.Uint32(g), be.Uint32(g[4:]), be.Uint32(g[8:])
		if end < start || end > 0x10FFFF {
			continue
		}
		if work += int(end-start) + 1; work > maxCmapWork {
			return errCmapOverlap
		}
		for r := start; r <= end; r++ {
			id := gid + (r - start)
			if id >= uint32(f.numGlyphs) {
				break
			}
			if r < 0x10000 {
				f.bmp[r] = uint16(id)
			} else {
				if f.astral == nil {
					f.astral = map[rune]uint16{}
				}
				f.astral[rune(r)] = uint16(id)
			}
		}
	}
	return nil
}

// Glyph returns the glyph of r, and false when the font has none.
func (f *Font) Glyph(r rune) (uint16, bool) {
	if r >= 0 && r < 0x10000 {
		g := f.bmp[r]
		return g, g != 0
	}
	g, ok := f.astral[r]
	return g, ok
}

// Substitute is drawn for a character the font lacks, when it has it.
const Substitute = '□'

// Drawn gives the glyph drawn for r and the character it stands for in
// extracted text: r's own glyph, or for a character the font lacks the
// glyph of Substitute (glyph 0 when the font lacks that too).
func (f *Font) Drawn(r rune) (uint16, rune) {
	if g, ok := f.Glyph(r); ok {
		return g, r
	}
	g, _ := f.Glyph(Substitute)
	return g, Substitute
}

// Width is the advance of glyph g in thousandths of an em, rounded as
// PDF /W arrays give it.
func (f *Font) Width(g uint16) int {
	if int(g) >= len(f.advances) {
		return 0
	}
	return f.scale(int(f.advances[g]))
}

// NumGlyphs is the number of glyphs in the font.
func (f *Font) NumGlyphs() int { return f.numGlyphs }

func (f *Font) scale(v int) int {
	return int(math.Round(1000 / float64(f.upem) * float64(v)))
}
