package docx

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/extract/document"
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
		// the neighbours: the 200-paragraph label case, just over the
		// depth and label bounds, and a zip bomb
		{"long-label-200", hostile.LongLabelDOCX(500000, 200), "word/numbering.xml: a list level's text of 1000000 characters: label characters over the limit of 64", 100},
		{"nested-tables-33", hostile.NestedTablesDOCX(33), "word/document.xml: tables nested 33 deep: table depth over the limit of 32", 5},
		{"long-label-66", hostile.LongLabelDOCX(33, 3), "word/numbering.xml: a list level's text of 66 characters: label characters over the limit of 64", 5},
		{"zipbomb-100MB", hostile.ZipBombDOCX(100), "word/document.xml: 104858137 bytes decompressed: bytes decompressed from one part over the limit of 67108864", 5},
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

// TestDOCXUnderBudgets: just under each bound a DOCX reads: tables 32
// deep give every level's text, a list label of 64 characters is built,
// and blank space padding word/document.xml to 60 MB changes nothing.
func TestDOCXUnderBudgets(t *testing.T) {
	plain, err := Reader{}.Read("x.docx", hostile.NoticeDOCX())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Reader{}.Read("x.docx", hostile.NestedTablesDOCX(32))
	if err != nil {
		t.Fatalf("tables 32 deep: %v", err)
	}
	var tb *document.Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tb = b.Table
		}
	}
	if tb == nil {
		t.Fatalf("tables 32 deep: no table in %+v", doc.Blocks)
	}
	if got := strings.Count(tb.Rows[0][0].Text, "层"); got != 32 {
		t.Errorf("tables 32 deep: %d levels' text, want 32", got)
	}
	doc, err = Reader{}.Read("x.docx", hostile.LongLabelDOCX(32, 3))
	if err != nil {
		t.Fatalf("label of 64: %v", err)
	}
	if texts := blockTexts(doc); len(texts) != 7 || !strings.HasPrefix(texts[4], strings.Repeat("1", 32)) || !strings.HasPrefix(texts[6], strings.Repeat("3", 32)) {
		t.Errorf("label of 64: %q", texts)
	}
	var alloc uint64
	_, alloc = hostile.Cost(func() { doc, err = Reader{}.Read("x.docx", hostile.ZipBombDOCX(60)) })
	if err != nil || !reflect.DeepEqual(doc.Blocks, plain.Blocks) {
		t.Errorf("padded to 60 MB: %v %q", err, blockTexts(doc))
	}
	if alloc > 600<<20 {
		t.Errorf("padded to 60 MB: allocated %d MB", alloc>>20)
	}
}
