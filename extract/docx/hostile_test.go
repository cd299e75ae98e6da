package docx

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/hostile"
)

// TestDOCXBudgets: the DOCX files of issue 16 that took minutes and
// gigabytes (tables nested 20,000 deep: 6.3 GB; a row of 800,000 cells
// spanning 64 columns each: 52 s, 3.1 GB; a list level text of "%1" ×
// 500,000 on 2,000 paragraphs: over 125 s) are errors naming the file and
// the limit, at once.
func TestDOCXBudgets(t *testing.T) {
	for _, c := range []struct {
		name  string
		data  []byte
		want  string
		maxMB uint64 // bytes allocated
	}{
		{"nested-tables", hostile.NestedTablesDOCX(20000), "word/document.xml: tables nested 33 deep: table depth over the limit of 32", 100},
		{"wide-span-800000", hostile.WideSpanDOCX(800000, 64), "word/document.xml: malformed XML: 4000033 tags: XML elements over the limit of 2000000", 400},
		{"wide-span-20000", hostile.WideSpanDOCX(20000, 64), "word/document.xml: table cells (merged cells counted in every place they cover) over the limit of 1000000", 400},
		{"long-label", hostile.LongLabelDOCX(500000, 2000), "word/numbering.xml: a list level's text of 1000000 characters: label characters over the limit of 64", 100},
		{"deep-xml", hostile.DeepXMLDOCX(100000), "word/document.xml: malformed XML: elements nested 257 deep: XML depth over the limit of 256", 100},
		{"many-elements", hostile.ManyElementsDOCX(2_100_000), "word/document.xml: malformed XML: XML elements over the limit of 2000000", 600},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			d, alloc := hostile.Cost(func() { _, err = Reader{}.Read("x.docx", c.data) })
			if err == nil || err.Error() != "x.docx: "+c.want {
				t.Errorf("error %v, want x.docx: %s", err, c.want)
			}
			// (wall time: generous, for a machine shared with others; the
			// cases took minutes before)
			if d > 20*time.Second || alloc > c.maxMB<<20 {
				t.Errorf("took %v and %d MB", d, alloc>>20)
			}
		})
	}
}

// TestDOCXNestedMergedCells: a table nested in a cell joins its text to the
// cell's once per merged cell, not once per grid column it covers (which
// multiplied the text by 64 at every level).
func TestDOCXNestedMergedCells(t *testing.T) {
	const depth = 3
	body := p("", "标题")
	for i := 0; i < depth; i++ {
		body += `<w:tbl><w:tr>` + `<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr>` + p("", "层")
	}
	for i := 0; i < depth; i++ {
		body += `</w:tc></w:tr>` + tr(tc(`<w:vMerge/>`, p("", ""))) + `</w:tbl>` + p("", "")
	}
	var doc, err = Reader{}.Read("x.docx", makeDOCX(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	tb := doc.Blocks[1].Table
	if tb == nil {
		t.Fatalf("blocks %+v", doc.Blocks)
	}
	if got := strings.Count(tb.Rows[0][0].Text, "层"); got != depth {
		t.Errorf("outer cell holds %d 层, want %d", got, depth)
	}
	if n := len(tb.Rows[0]); n != 64 {
		t.Errorf("outer row has %d cells, want 64", n)
	}
}

// TestDOCXReaderErrors: the reader errors of issue 17 item 10 that leaked
// internals are now read correctly or say what is wrong with the file.
func TestDOCXReaderErrors(t *testing.T) {
	want, err := Reader{}.Read("x.docx", hostile.NoticeDOCX())
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"gbk":       hostile.GBKDOCX(),
		"utf16":     hostile.UTF16DOCX(),
		"document2": hostile.OtherMainPartDOCX(),
	} {
		doc, err := Reader{}.Read("x.docx", data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(doc.Blocks, want.Blocks) {
			t.Errorf("%s: %q, want %q", name, blockTexts(doc), blockTexts(want))
		}
	}
	_, err = Reader{}.Read("x.docx", hostile.BadZipEndDOCX())
	if err == nil || !strings.HasPrefix(err.Error(), "x.docx: ") || !strings.Contains(err.Error(), "damaged zip archive") || strings.Contains(err.Error(), "negative offset") {
		t.Errorf("bad zip end record: %v", err)
	}
}
