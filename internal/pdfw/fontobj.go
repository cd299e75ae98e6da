package pdfw

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// writeFont writes the document's font as object ref (Type0) and the
// objects it refers to: the CIDFontType2 with the widths of the glyphs
// used, the descriptor, the glyph subset (FontFile2) and the ToUnicode map.
func (d *Doc) writeFont(ref int) error {
	f := d.font
	gids := make([]uint16, 0, len(d.used))
	for g := range d.used {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	used := make(map[uint16]bool, len(gids))
	h := fnv.New32a()
	for _, g := range gids {
		used[g] = true
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	program, err := f.Subset(used)
	if err != nil {
		return err
	}
	// A subset's name starts with six capitals made from its glyphs.
	sum := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + sum%26)
		sum /= 26
	}
	name := string(tag) + "+" + f.name

	cid, desc, file, uni := d.alloc(), d.alloc(), d.alloc(), d.alloc()
	d.begin(ref)
	d.printf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>\nendobj\n", name, cid, uni)

	d.begin(cid)
	d.printf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity\n/W [%s] >>\nendobj\n",
		name, desc, widthArray(f, gids))

	d.begin(desc)
	d.printf("<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV 80 /MissingWidth %d /FontFile2 %d 0 R >>\nendobj\n",
		name, f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3], num(f.italicAngle), f.ascent, f.descent, f.capHeight, f.Width(0), file)

	d.deflated(file, program, fmt.Sprintf(" /Length1 %d", len(program)))
	d.deflated(uni, toUnicode(gids, d.used), "")
	return nil
}

// widthArray lists the widths of gids that differ from the default 1000,
// runs of consecutive glyphs in one bracket: "1 [500 500] 7 [600]".
func widthArray(f *Font, gids []uint16) string {
	var b strings.Builder
	open := false
	prev := -2
	for _, g := range gids {
		w := f.Width(g)
		if w == 1000 {
			continue
		}
		if int(g) != prev+1 || !open {
			if open {
				b.WriteString("] ")
			}
			fmt.Fprintf(&b, "%d [", g)
			open = true
		} else {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d", w)
		prev = int(g)
	}
	if open {
		b.WriteString("]")
	}
	return b.String()
}

// toUnicode is the CMap from glyph ids to the text they were drawn for.
func toUnicode(gids []uint16, runes map[uint16]rune) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(gids); i += 100 {
		chunk := gids[i:min(i+100, len(gids))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16Units(runes[g]) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
