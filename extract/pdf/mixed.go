package pdf

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/layout"
	"github.com/duban/duban/extract/ocr"
)

// mixedPages is a PDF whose text layer was read but some of whose pages
// hold only an image: pages scanned into an otherwise typeset notice.
type mixedPages struct {
	laid     []*layout.Page // every page, the scanned ones empty
	scanned  []int          // the scanned pages, 1-based, ascending
	warnings []string
}

// recognisePages recognises a PDF's scanned pages (tests replace it).
var recognisePages = func(data []byte, nums []int) (map[int]*layout.Page, error) {
	return ocr.Reader{}.PDFPages(context.Background(), data, nums)
}

// finish recognises the scanned pages by OCR and lays out the whole
// document; the Document says it holds OCR text. When OCR cannot be done
// (no tesseract), the text layer's pages are read and a warning names the
// pages left out and why.
func (m *mixedPages) finish(name string, data []byte) *document.Document {
	pages, err := recognisePages(data, m.scanned)
	if err != nil {
		m.warnings = append(m.warnings, fmt.Sprintf("%s: %s %s only an image (scanned) and could not be read: %v",
			name, pageList(m.scanned), map[bool]string{true: "is", false: "are"}[len(m.scanned) == 1], err))
		doc := layout.Assemble(m.laid)
		doc.Warnings = m.warnings
		return doc
	}
	for num, p := range pages {
		if num >= 1 && num <= len(m.laid) && p != nil {
			m.laid[num-1] = p
		}
	}
	doc := layout.Assemble(m.laid)
	doc.OCR = true
	doc.Warnings = m.warnings
	for i := range doc.Blocks {
		// paragraphs starting on a scanned page; the text layer's
		// keep their punctuation as typeset
		if b := &doc.Blocks[i]; slices.Contains(m.scanned, b.Page) {
			ocr.RepairBlock(b)
		}
	}
	return doc
}

// pageList writes page numbers for a message: "page 3", "pages 2, 5".
func pageList(nums []int) string {
	s := make([]string, len(nums))
	for i, n := range nums {
		s[i] = strconv.Itoa(n)
	}
	if len(s) == 1 {
		return "page " + s[0]
	}
	return "pages " + strings.Join(s, ", ")
}
