package pdf

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestPDFOfficeFixtures reads PDFs LibreOffice wrote from the Flat ODT
// sources in testdata/pdf (see gen.py there): justified text with a
// first-line indent or ragged text with paragraph spacing, a running
// header, page numbers as "第 N 页 共 M 页", "- N -" or "— N —", and a
// task table, ruled or borderless, continued over pages with its header
// row repeated. Each must give exactly the paragraphs and rows written.
func TestPDFOfficeFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/pdf/*.pdf")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(strings.TrimSuffix(f, ".pdf") + ".want.json")
			if err != nil {
				t.Fatal(err)
			}
			var want struct {
				Paragraphs []string
				Table      [][]string
			}
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			d := readPDFFile(t, f)
			var paras []string
			var rows [][]string
			tables := 0
			for _, b := range d.Blocks {
				if b.Table == nil {
					paras = append(paras, b.Text)
					continue
				}
				tables++
				for _, r := range b.Table.Rows {
					var cells []string
					for _, c := range r {
						cells = append(cells, c.Text)
					}
					rows = append(rows, cells)
				}
			}
			if !reflect.DeepEqual(paras, want.Paragraphs) {
				t.Errorf("paragraphs:\n got  %q\n want %q", paras, want.Paragraphs)
			}
			if tables != 1 || !reflect.DeepEqual(rows, want.Table) {
				t.Errorf("%d tables, rows:\n got  %q\n want %q", tables, rows, want.Table)
			}
		})
	}
}
