package ocr

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// Word is one word box of tesseract's TSV output (level 5), in pixels of
// the page image.
type Word struct {
	Page, Block, Par, Line   int
	Left, Top, Width, Height int
	Conf                     float64 // 0–100
	Text                     string
}

// Right and Bottom are the box's far edges.
func (w Word) Right() int  { return w.Left + w.Width }
func (w Word) Bottom() int { return w.Top + w.Height }

// Bounds on what one page's TSV may hold.
const (
	maxTSVWords = 200000
	maxCoord    = 1 << 20
)

// tsvColumns are the columns tesseract writes, in order.
var tsvColumns = []string{"level", "page_num", "block_num", "par_num", "line_num", "word_num",
	"left", "top", "width", "height", "conf", "text"}

// TSV is what the reader uses of tesseract's TSV output: the size of each
// page image and the words.
type TSV struct {
	Pages []PageBox
	Words []Word
}

// PageBox is the size of one page image, in pixels.
type PageBox struct{ Page, Width, Height int }

// ParseTSV reads tesseract's TSV output: page sizes (level 1) and word
// boxes (level 5). Rows of other levels (block, paragraph, line) and empty
// words are skipped; a row that does not parse is an error naming its
// line.
func ParseTSV(data []byte) (*TSV, error) {
	var words []Word
	var pages []PageBox
	lines := bytes.Split(data, []byte("\n"))
	for i, l := range lines {
		l = bytes.TrimSuffix(l, []byte("\r"))
		if len(l) == 0 {
			continue
		}
		f := bytes.SplitN(l, []byte("\t"), len(tsvColumns))
		if i == 0 && len(f) > 0 && string(f[0]) == "level" {
			continue // header
		}
		if len(f) < len(tsvColumns)-1 {
			return nil, fmt.Errorf("TSV line %d: %d columns, want %d", i+1, len(f), len(tsvColumns))
		}
		var n [10]int
		for j := range n {
			v, err := strconv.Atoi(string(f[j]))
			if err != nil || v < -1 || v > maxCoord {
				return nil, fmt.Errorf("TSV line %d: column %s: %q is not a number", i+1, tsvColumns[j], f[j])
			}
			n[j] = v
		}
		if n[0] == 1 && len(pages) < maxPages {
			pages = append(pages, PageBox{Page: n[1], Width: n[8], Height: n[9]})
		}
		if n[0] != 5 {
			continue
		}
		conf, err := strconv.ParseFloat(string(f[10]), 64)
		if err != nil || conf > 100 || conf != conf {
			return nil, fmt.Errorf("TSV line %d: confidence %q is not a number", i+1, f[10])
		}
		text := ""
		if len(f) > 11 {
			text = string(bytes.TrimSpace(f[11]))
		}
		if text == "" || n[8] <= 0 || n[9] <= 0 {
			continue
		}
		if len(words) >= maxTSVWords {
			return nil, errors.New("TSV: more words than a page holds")
		}
		words = append(words, Word{Page: n[1], Block: n[2], Par: n[3], Line: n[4],
			Left: n[6], Top: n[7], Width: n[8], Height: n[9], Conf: conf, Text: text})
	}
	return &TSV{Pages: pages, Words: words}, nil
}
