package ocr

import "github.com/duban/duban/extract/document"

// DocumentFromTSV lays out pages already recognised (tesseract's TSV, one
// a page) as Read does.
func DocumentFromTSV(tsvs [][]byte) (*document.Document, error) {
	var pages []pageWords
	for _, b := range tsvs {
		t, err := ParseTSV(b)
		if err != nil {
			return nil, err
		}
		if ps := splitPages(t); len(ps) > 0 {
			pages = append(pages, ps[0])
		} else {
			pages = append(pages, pageWords{})
		}
	}
	return buildDocument("pdf", pages), nil
}
