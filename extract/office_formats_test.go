package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOfficeFormats reads case notices as a clerk sends them: laid out in
// an office suite (title centred and bold, body justified with a
// first-line indent, numbering typed as text, page numbers in the footer,
// tab-separated rows as a real table; variants with widened characters
// or a character grid) and saved as DOCX and as PDF
// (testdata/office/README.md says how they were made). Each must give the
// records of its case file (testdata/cases/<name>.txt) except the source
// line numbers, which count paragraphs or printed lines instead.
func TestOfficeFormats(t *testing.T) {
	var files []string
	for _, ext := range []string{"docx", "pdf"} {
		m, err := filepath.Glob("testdata/office/*." + ext)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no office fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			// <case>.<variant>.pdf is a layout variant of the case's notice
			name, _, _ := strings.Cut(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)), ".")
			caseFile := filepath.Join("testdata/cases", name+".txt")
			c, err := readCase(caseFile)
			if err != nil {
				t.Fatal(err)
			}
			kept := c.records[:0]
			for _, r := range c.records {
				if r.key != "line" {
					kept = append(kept, r)
				}
			}
			c.records = kept
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			n, err := Bytes(filepath.Base(f), data, c.options)
			if err != nil {
				t.Fatal(err)
			}
			checkCase(t, f, c, n)
		})
	}
}
