package pdfw

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkSmallDoc writes a one-page document of 300 distinct CJK
// characters (a unit sheet's worth): the font subset dominates.
func BenchmarkSmallDoc(b *testing.B) {
	font := testFont(b)
	var text []rune
	for r := rune(0x4E00); len(text) < 300; r += 37 {
		text = append(text, r)
	}
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		doc, _ := New(&buf, font, Options{})
		p := doc.NewPage()
		for i := 0; i < len(text); i += 30 {
			p.Text(10, 10+float64(i)/3, 10, string(text[i:i+30]))
		}
		if err := doc.Close(nil); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkSubset is the glyph subset alone.
func BenchmarkSubset(b *testing.B) {
	font := testFont(b)
	used := map[uint16]bool{}
	for r := rune(0x4E00); len(used) < 300; r += 37 {
		g, _ := font.Glyph(r)
		used[g] = true
	}
	for b.Loop() {
		p, err := font.Subset(used)
		if err != nil {
			b.Fatal(err)
		}
		io.Discard.Write(p)
	}
}
