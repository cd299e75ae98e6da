package render

import (
	"errors"
	"fmt"
	"sync"

	"github.com/duban/duban/internal/pdfw"
)

// A document's font is parsed once per process (≈10 ms for the CJK font:
// its character map and advance widths) and shared by every document; each
// document then embeds only the glyphs it draws (pdfw subsets on writing).

// docFont is a parsed font with the metrics the layout measures with.
type docFont struct {
	f *pdfw.Font
}

// fontCache keeps the parsed font per source font.
type fontCache struct {
	mu      sync.Mutex
	entries map[*byte]*docFont // keyed by the first byte of the source font
}

var fonts = fontCache{entries: map[*byte]*docFont{}}

// load returns the parsed font of full.
func (c *fontCache) load(full []byte) (*docFont, error) {
	if len(full) == 0 {
		return nil, errors.New("empty font")
	}
	key := &full[0]
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.entries[key]; e != nil {
		return e, nil
	}
	f, err := pdfw.ParseFont(full)
	if err != nil {
		return nil, fmt.Errorf("loading font: %w", err)
	}
	e := &docFont{f: f}
	if len(c.entries) >= 8 { // fonts of --templates folders: keep a few
		clear(c.entries)
	}
	c.entries[key] = e
	return e, nil
}

// ptPerMM and mmAt1pt give a width at 1 pt in mm from thousandths of an
// em, computed in the very floating-point steps fpdf took (1 / k at run
// time), so that lines and pages break where they always have.
var (
	ptPerMM = 72.0 / 25.4
	mmAt1pt = 1 / ptPerMM
)

// runeWidth is the advance of r at 1 pt in mm: the width of the glyph
// drawn for it (□ for a character the font lacks).
func (f *docFont) runeWidth(r rune) float64 {
	g, _ := f.f.Drawn(r)
	return float64(f.f.Width(g)) * mmAt1pt / 1000
}
