package pipeline

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"

	"github.com/duban/duban/extract/pdf"
	"github.com/xuri/excelize/v2"
)

// sameDocument reports whether two renderings of a PDF or workbook hold
// the same content: the same text on the same pages, the same cells. (The
// bytes of two PDFs of the same records may differ: glyph numbering in the
// embedded font subset depends on what the process rendered before.)
func sameDocument(name string, a, b []byte) bool {
	switch filepath.Ext(name) {
	case ".pdf":
		ta, ea := pdfText(a)
		tb, eb := pdfText(b)
		return ea == nil && eb == nil && reflect.DeepEqual(ta, tb)
	case ".xlsx":
		ra, ea := workbookCells(a)
		rb, eb := workbookCells(b)
		return ea == nil && eb == nil && reflect.DeepEqual(ra, rb)
	}
	return false
}

func pdfText(b []byte) ([]string, error) {
	doc, err := pdf.Reader{}.Read("x.pdf", b)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, bl := range doc.Blocks {
		out = append(out, fmt.Sprint(bl.Page, bl.Text))
		if bl.Table != nil {
			out = append(out, fmt.Sprint(bl.Table.Rows))
		}
	}
	return out, nil
}

func workbookCells(b []byte) (map[string][][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		if err != nil {
			return nil, err
		}
		out[s] = rows
	}
	return out, nil
}
