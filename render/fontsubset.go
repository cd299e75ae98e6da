package render

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Loading the full CJK font (≈30 000 glyphs) into fpdf costs ≈25 ms and
// writing it out again ≈25 ms, per document. A run renders dozens of small
// documents, so the font is cut once to the characters the run needs and
// every document loads the small cut font instead. fpdf's own subsetter does
// the cutting: a throwaway document that uses every needed character is
// written, and the embedded TrueType program (FontFile2) is taken out of it.
// The cut font keeps a Unicode cmap, so fpdf loads it like any other.

// fontCache keeps the last cut font per source font. A request whose
// characters are all in the cached cut is served from it; otherwise a new
// cut is made for the union, so the cache only grows.
type fontCache struct {
	mu      sync.Mutex
	entries map[*byte]*cutFont // keyed by the first byte of the source font
}

type cutFont struct {
	runes map[rune]bool
	data  []byte
}

var fonts = fontCache{entries: map[*byte]*cutFont{}}

// cutFor returns a font holding at least the runes of text (and ASCII).
func (c *fontCache) cutFor(full []byte, need map[rune]bool) ([]byte, error) {
	if len(full) == 0 {
		return nil, errors.New("empty font")
	}
	key := &full[0]
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[key]
	if e != nil {
		missing := false
		for r := range need {
			if !e.runes[r] {
				missing = true
				break
			}
		}
		if !missing {
			return e.data, nil
		}
	}
	union := map[rune]bool{}
	for r := 0x20; r < 0x7f; r++ {
		union[rune(r)] = true
	}
	if e != nil {
		for r := range e.runes {
			union[r] = true
		}
	}
	for r := range need {
		union[r] = true
	}
	data, err := cutFontProgram(full, union)
	if err != nil {
		return nil, err
	}
	c.entries[key] = &cutFont{runes: union, data: data}
	return data, nil
}

// trimForDoc hands a document the run's cut font with a character map of
// only the document's own characters. The cut font holds every character
// the run has drawn so far — thousands in a batch of hundreds of notices —
// and fpdf reads every character of the map twice per document (once to
// load the font, once to cut it), so without this a document's cost grew
// with the run. The glyphs and metrics are those of the cut font.
func trimForDoc(cut []byte, need map[rune]bool) []byte {
	if trimDisabled || noDocTrim {
		return cut
	}
	list := make([]rune, 0, len(need)+0x7f-0x20)
	for r := rune(0x20); r < 0x7f; r++ {
		list = append(list, r)
	}
	for r := range need {
		if r > 0 && r <= 0xFFFF && r != 0xFFFE {
			list = append(list, r)
		}
	}
	slices.Sort(list)
	if t := trimFontCmap(cut, slices.Compact(list)); t != nil {
		return t
	}
	return cut
}

// noDocTrim makes trimForDoc hand documents the run's cut font (benchmark).
var noDocTrim bool

// trimDisabled makes cutFontProgram hand fpdf the full font (tests).
var trimDisabled bool

// cutFontProgram lets fpdf subset full to runes and returns the subset.
func cutFontProgram(full []byte, runes map[rune]bool) ([]byte, error) {
	list := make([]rune, 0, len(runes))
	for r := range runes {
		if r > 0 && r <= 0xFFFF && r != 0xFFFE { // fpdf handles the BMP only
			list = append(list, r)
		}
	}
	slices.Sort(list)
	src := full
	if t := trimFontCmap(full, list); t != nil && !trimDisabled {
		src = t
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.AddUTF8FontFromBytes("f", "", src)
	p.AddPage()
	p.SetFont("f", "", 10)
	for i := 0; i < len(list); i += 64 {
		p.CellFormat(0, 5, string(list[i:min(i+64, len(list))]), "", 1, "L", false, 0, "")
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("cutting font: %w", err)
	}
	return fontFile2(buf.Bytes())
}

// fontFile2 finds the one embedded TrueType program in a PDF written by
// fpdf ("<</Length n\n/Filter /FlateDecode\n/Length1 m\n>>\nstream\n…")
// and inflates it.
func fontFile2(pdf []byte) ([]byte, error) {
	i := bytes.Index(pdf, []byte("/Length1 "))
	if i < 0 {
		return nil, errors.New("cutting font: no font program in output")
	}
	j := bytes.LastIndex(pdf[:i], []byte("<</Length "))
	if j < 0 {
		return nil, errors.New("cutting font: font stream has no length")
	}
	rest := pdf[j+len("<</Length "):]
	k := bytes.IndexByte(rest, '\n')
	if k < 0 {
		return nil, errors.New("cutting font: bad stream header")
	}
	n, err := strconv.Atoi(string(rest[:k]))
	if err != nil || n <= 0 {
		return nil, errors.New("cutting font: bad stream length")
	}
	s := bytes.Index(pdf[i:], []byte("stream\n"))
	if s < 0 {
		return nil, errors.New("cutting font: no stream")
	}
	start := i + s + len("stream\n")
	if start+n > len(pdf) {
		return nil, errors.New("cutting font: stream runs past the end")
	}
	zr, err := zlib.NewReader(bytes.NewReader(pdf[start : start+n]))
	if err != nil {
		return nil, fmt.Errorf("cutting font: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("cutting font: %w", err)
	}
	return out, nil
}
