package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	lpdf "github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"github.com/duban/duban/internal/limits"
)

// This file loads a font resource into what text extraction needs: how to
// split a string into character codes, each code's text and its advance
// width. Simple fonts (TrueType, Type1, Type3) use one-byte codes; Type0
// (CID) fonts use the codespace of their encoding CMap (two bytes for
// Identity-H, the usual case in office suites' output).

const fontMaxWidths = 1 << 16 // entries of a Widths or W array we read

// font is a loaded font.
type font struct {
	simple bool
	scale  float64 // glyph space to text space: 0.001, or FontMatrix for Type3

	// simple fonts
	first   int
	widths  []float64
	missing float64
	enc     *[256]rune
	diff    map[int]string

	// Type0 fonts
	dw       float64
	cidW     map[uint32]float64
	cidWR    []cidWidth
	encCMap  *cmap // embedded encoding CMap (codespace and CIDs)
	codeLen  int   // code length without a codespace
	identity bool  // CID = code
	ucs2     bool  // predefined UCS-2/UTF-16 encoding: text = code
	gbk      bool  // predefined GB encodings: text = GBK bytes

	toUni *cmap

	damaged string // the map (ToUnicode, Encoding) that did not decode whole
}

type cidWidth struct {
	lo, hi uint32
	w      float64
}

// fallbackFont is used when a Tf names a font that cannot be found.
var fallbackFont = &font{simple: true, scale: 0.001, missing: 500, enc: baseEncoding("")}

// readStream returns the decoded data of a stream, at most limit bytes.
// A stream the library cannot decode gives an error, never a panic; one
// that fails part way gives what it decoded before, with the error.
func readStream(v lpdf.Value, limit int64) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			if overBudget(r) {
				panic(r)
			}
			data, err = nil, fmt.Errorf("unreadable stream: %s", shortError(r))
		}
	}()
	if v.Kind() != lpdf.Stream {
		return nil, fmt.Errorf("not a stream")
	}
	rc := v.Reader()
	defer rc.Close()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, limit+1))
	if n > limit {
		return nil, fmt.Errorf("a stream: %w", limits.Over("bytes decoded", limit))
	}
	if err != nil {
		// what came out before the damage, with the error
		return buf.Bytes(), fmt.Errorf("damaged stream: %s", shortError(err))
	}
	return buf.Bytes(), nil
}

// loadFont reads a font dictionary. It does not fail: what cannot be read
// falls back to defaults, so that one odd font does not lose a page.
func loadFont(v lpdf.Value) *font {
	f := &font{scale: 0.001}
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		data, err := readStream(tu, cmapMaxBytes)
		if err != nil {
			// the part before the damage is kept: most of it maps right
			f.damaged = "ToUnicode"
		}
		if len(data) > 0 {
			f.toUni = parseCMap(data)
		}
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.loadType0(v)
	} else {
		f.loadSimple(v)
	}
	return f
}

func (f *font) loadSimple(v lpdf.Value) {
	f.simple = true
	if v.Key("Subtype").Name() == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() >= 1 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
	}
	f.first = int(v.Key("FirstChar").Int64())
	if w := v.Key("Widths"); w.Kind() == lpdf.Array {
		n := min(w.Len(), fontMaxWidths)
		f.widths = make([]float64, n)
		for i := 0; i < n; i++ {
			f.widths[i] = w.Index(i).Float64()
		}
	}
	f.missing = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if len(f.widths) == 0 && f.missing == 0 {
		f.missing = 500 // standard 14 fonts: a rough average
	}
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case lpdf.Name:
		f.enc = baseEncoding(enc.Name())
	case lpdf.Dict:
		f.enc = baseEncoding(enc.Key("BaseEncoding").Name())
		d := enc.Key("Differences")
		code := 0
		n := min(d.Len(), fontMaxWidths)
		for i := 0; i < n; i++ {
			x := d.Index(i)
			switch x.Kind() {
			case lpdf.Integer:
				code = int(x.Int64())
			case lpdf.Name:
				if f.diff == nil {
					f.diff = map[int]string{}
				}
				if code >= 0 && code < 256 {
					f.diff[code] = glyphNameText(x.Name())
				}
				code++
			}
		}
	default:
		f.enc = baseEncoding("")
	}
}

func (f *font) loadType0(v lpdf.Value) {
	f.dw = 1000
	f.codeLen = 2
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case lpdf.Name:
		name := enc.Name()
		switch {
		case name == "Identity-H" || name == "Identity-V":
			f.identity = true
		case strings.HasPrefix(name, "UniGB-UCS2") || strings.HasPrefix(name, "UniGB-UTF16") ||
			strings.HasPrefix(name, "UniCNS-UCS2") || strings.HasPrefix(name, "UniCNS-UTF16"):
			f.ucs2 = true
		case strings.HasPrefix(name, "GB"):
			f.gbk = true
			f.encCMap = &cmap{space: []codeRange{
				{n: 1, lo: [4]byte{0x00}, hi: [4]byte{0x80}},
				{n: 2, lo: [4]byte{0x81, 0x40}, hi: [4]byte{0xFE, 0xFE}},
			}}
		}
	case lpdf.Stream:
		data, err := readStream(enc, cmapMaxBytes)
		if err != nil {
			f.damaged = "Encoding"
		}
		if len(data) > 0 {
			f.encCMap = parseCMap(data)
		}
	}
	if f.encCMap == nil && !f.identity && !f.ucs2 && f.toUni != nil && len(f.toUni.space) > 0 {
		f.encCMap = &cmap{space: f.toUni.space}
	}
	desc := v.Key("DescendantFonts").Index(0)
	if dw := desc.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
		f.dw = dw.Float64()
	}
	w := desc.Key("W")
	n := min(w.Len(), fontMaxWidths)
	f.cidW = map[uint32]float64{}
	for i := 0; i < n; {
		first := w.Index(i)
		if first.Kind() != lpdf.Integer {
			i++
			continue
		}
		c := uint32(first.Int64())
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			m := min(next.Len(), fontMaxWidths)
			for k := 0; k < m && len(f.cidW) < fontMaxWidths; k++ {
				f.cidW[c+uint32(k)] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		last := w.Index(i + 2)
		if next.Kind() == lpdf.Integer && (last.Kind() == lpdf.Integer || last.Kind() == lpdf.Real) {
			f.cidWR = append(f.cidWR, cidWidth{c, uint32(next.Int64()), last.Float64()})
		}
		i += 3
	}
}

// width returns the advance of a code in text space units per unit of
// font size.
func (f *font) width(code uint32, n int) float64 {
	if f.simple {
		i := int(code) - f.first
		if i >= 0 && i < len(f.widths) {
			return f.widths[i] * f.scale
		}
		return f.missing * f.scale
	}
	cid := code
	if !f.identity && f.encCMap != nil {
		if c, ok := f.encCMap.cid(code, n); ok {
			cid = c
		}
	}
	if w, ok := f.cidW[cid]; ok {
		return w * f.scale
	}
	for _, r := range f.cidWR {
		if cid >= r.lo && cid <= r.hi {
			return r.w * f.scale
		}
	}
	return f.dw * f.scale
}

// text returns the text of one code, or "" when it is unknown.
func (f *font) text(code uint32, n int, raw string) string {
	if s, ok := f.toUni.lookup(code, n); ok && s != "" && s != "\x00" {
		return cleanGlyphText(s)
	}
	if f.simple {
		if s, ok := f.diff[int(code)]; ok && s != "" {
			return s
		}
		if f.enc != nil && code < 256 {
			r := f.enc[code]
			if r == 0 || r == 0xFFFD || r < 0x20 {
				return ""
			}
			return string(r)
		}
		return ""
	}
	switch {
	case f.ucs2:
		return cleanGlyphText(string(decodeUTF16BE(raw)))
	case f.gbk:
		if b, err := simplifiedchinese.GBK.NewDecoder().Bytes([]byte(raw)); err == nil {
			return cleanGlyphText(string(b))
		}
	}
	return ""
}

// each splits s into codes and calls fn with each code's text, width and
// whether it is the single-byte space code (which Tw applies to).
func (f *font) each(s string, fn func(text string, w float64, space bool)) {
	for len(s) > 0 {
		var code uint32
		var n int
		if f.simple {
			code, n = uint32(s[0]), 1
		} else {
			code, n = f.encCMap.nextCode(s, f.codeLen)
		}
		raw := s[:n]
		s = s[n:]
		fn(f.text(code, n, raw), f.width(code, n), n == 1 && code == 32)
	}
}

// cleanGlyphText normalises a glyph's text: control characters dropped,
// no-break and ideographic spaces made plain spaces, and Kangxi radicals
// or compatibility ideographs (which some producers map glyphs to) turned
// into the ordinary ideographs they stand for.
func cleanGlyphText(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0xA0 || r == 0x3000 || needsNFKC(r) || r == 0xFFFD || r == 0xFEFF {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0xFFFD || r == 0xFEFF:
		case r == 0xA0 || r == 0x3000:
			b.WriteByte(' ')
		case needsNFKC(r):
			b.WriteString(norm.NFKC.String(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsNFKC(r rune) bool {
	return r >= 0x2E80 && r <= 0x2FDF || r >= 0xF900 && r <= 0xFAFF
}
