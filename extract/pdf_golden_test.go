package extract

import (
	"path/filepath"
	"testing"
)

// TestGoldenPDF checks that the PDF samples give the same records as their
// gold (and so as the same notices in TXT and DOCX), field for field, with
// each task's page kept.
func TestGoldenPDF(t *testing.T) {
	cases := [][2]string{
		{"../testdata/lianyungang-2024-22.pdf", "../testdata/lianyungang-2024-22.gold.json"},
		{"../testdata/styles/qinghe-2025-12.pdf", "../testdata/styles/qinghe-2025-12.gold.json"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c[0]), func(t *testing.T) {
			got := checkGold(t, c[0], c[1])
			if got.Source.Format != "pdf" || got.Source.Pages < 1 {
				t.Errorf("source = %+v", got.Source)
			}
			prev := 0
			for _, task := range got.Tasks {
				if task.Source.Page < 1 || task.Source.Page > got.Source.Pages {
					t.Errorf("task %s: page %d outside 1..%d", task.ID, task.Source.Page, got.Source.Pages)
				}
				if task.Source.Page < prev {
					t.Errorf("task %s: page %d before the previous task's %d", task.ID, task.Source.Page, prev)
				}
				prev = task.Source.Page
			}
		})
	}
}
