package ocr_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/ocr"
	"github.com/duban/duban/internal/gold"
)

// TestMeasureScan measures the whole 13-page scan against the sample's
// gold when the shared test material is there (DUBAN_SCAN names it; it is
// too large for the repository). It fails below the targets.
func TestMeasureScan(t *testing.T) {
	path := os.Getenv("DUBAN_SCAN")
	if path == "" {
		t.Skip("DUBAN_SCAN not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	d, err := ocr.Reader{Jobs: 2}.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(t0)
	t.Logf("OCR: %d pages in %v (%v a page, 2 at once)", d.Pages, el.Round(time.Millisecond), (el / time.Duration(max(d.Pages, 1))).Round(time.Millisecond))
	scoreScan(t, path, d)
}

// TestMeasureScanTSV is TestMeasureScan on pages recognised before
// (DUBAN_SCAN_TSV names a folder of p1.tsv, p2.tsv, … as tesseract wrote
// them): the layout and the repairs measured without waiting for OCR.
func TestMeasureScanTSV(t *testing.T) {
	dir := os.Getenv("DUBAN_SCAN_TSV")
	if dir == "" {
		t.Skip("DUBAN_SCAN_TSV not set")
	}
	var tsvs [][]byte
	for i := 1; ; i++ {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("p%d.tsv", i)))
		if err != nil {
			break
		}
		tsvs = append(tsvs, b)
	}
	if len(tsvs) == 0 {
		t.Fatalf("%s: no p1.tsv", dir)
	}
	d, err := ocr.DocumentFromTSV(tsvs)
	if err != nil {
		t.Fatal(err)
	}
	scoreScan(t, dir, d)
}

func scoreScan(t *testing.T, name string, d *document.Document) {
	t.Helper()
	for _, b := range d.Blocks {
		t.Logf("p%d %s", b.Page, b.Text)
	}
	got, err := extract.Parse(name, d, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := gold.Read("../../testdata/lianyungang-2024-22.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	s := gold.Score(want, got)
	t.Log(s)
	for _, diff := range gold.Diff(want, got) {
		t.Log(diff)
	}
	if s.TaskF1 < 0.95 || s.UnitF1 < 0.95 || s.Deadline < 0.95 {
		t.Errorf("below the 0.95 targets: %v", s)
	}
}
