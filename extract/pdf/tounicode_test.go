package pdf

import (
	"reflect"
	"testing"
)

// decodeAll splits raw codes with the map's codespace and decodes each.
func decodeAll(m *cmap, raw string) string {
	out := ""
	for len(raw) > 0 {
		code, n := m.nextCode(raw, 1)
		s, _ := m.lookup(code, n)
		out += s
		raw = raw[n:]
	}
	return out
}

func TestCMapBfcharAndRanges(t *testing.T) {
	m := parseCMap([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar
<01> <FF08>
<02> <4E00>
endbfchar
2 beginbfrange
<10> <12> <5E2E>
<20> <22> [<0041> <00420043> <D83DDE00>]
endbfrange
endcmap end end`))
	cases := map[string]string{
		"\x01\x02":     "（一",
		"\x10\x11\x12": "帮帯帰",
		"\x20\x21\x22": "ABC😀",
		"\x05":         "", // unmapped
	}
	for raw, want := range cases {
		if got := decodeAll(m, raw); got != want {
			t.Errorf("decode %q = %q, want %q", raw, got, want)
		}
	}
}

// TestCMapIdentityRange is the map fpdf writes: one range over the whole
// two-byte code space mapping each code to the same Unicode value.
func TestCMapIdentityRange(t *testing.T) {
	m := parseCMap([]byte(identityCMap))
	raw := "\x4e\x00\x8d\x23\x00\x41\x30\x02"
	if got, want := decodeAll(m, raw), "一责A。"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(m.ranges) != 1 || len(m.chars) != 0 {
		t.Errorf("identity range expanded: %d ranges, %d chars", len(m.ranges), len(m.chars))
	}
}

// TestCMapMixedCodespace splits codes of one and two bytes by the
// codespace ranges, as in GBK-like encodings.
func TestCMapMixedCodespace(t *testing.T) {
	m := parseCMap([]byte(`2 begincodespacerange
<00> <80>
<8140> <FEFE>
endcodespacerange
3 beginbfchar
<41> <0041>
<B0A1> <554A>
<D2BB> <4E00>
endbfchar`))
	if got, want := decodeAll(m, "A\xb0\xa1\xd2\xbbA"), "A啊一A"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// A byte outside every range is consumed alone, never loops.
	if got := decodeAll(m, "\xff"); got != "" {
		t.Errorf("got %q for a code outside the codespace", got)
	}
}

// TestCMapHostile checks that broken maps parse without panicking and
// without expanding huge ranges.
func TestCMapHostile(t *testing.T) {
	for _, src := range []string{
		"", "begincodespacerange", "endbfrange", "<", "(", "[[[[[[[", "1 beginbfrange <00> endbfrange",
		"1 beginbfrange <0000> <FFFF> [<0041> endbfrange",
		"1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange",
		"1 begincodespacerange <0000000000> <FFFFFFFFFF> endcodespacerange",
		"1 beginbfchar <> <0041> endbfchar",
	} {
		m := parseCMap([]byte(src))
		decodeAll(m, "\x00\x01\x02\xff")
		if len(m.chars) > cmapMaxEntries {
			t.Errorf("%q: %d entries", src, len(m.chars))
		}
	}
}

// TestPDFSimpleFontEncodings reads simple fonts without ToUnicode: a
// named base encoding with /Differences glyph names, and a Type0 font
// with a predefined UCS-2 encoding.
func TestPDFSimpleFontEncodings(t *testing.T) {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
		streamObj("", "BT /F1 12 Tf 72 700 Td (A\\200B\\201) Tj ET BT /F2 16 Tf 72 650 Td <4E0053414E09> Tj ET", false),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /uni4E2D /quotedblleft] >> >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /UniGB-UCS2-H /DescendantFonts [7 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong /DW 1000 >>",
	}
	d := readMini(t, miniPDF(objs...))
	want := []string{"A中B“", "一十三"}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
