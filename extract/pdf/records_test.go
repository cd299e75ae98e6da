package pdf_test

// Tests that read PDF notices through the structure parser to records.

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/pdf"
	"github.com/duban/duban/internal/gold"
)

const samplePDF = "../../testdata/lianyungang-2024-22.pdf"

var (
	encryptedFixtures = pdf.EncryptedFixtures
	encryptedOriginal = pdf.EncryptedOriginal
)

// checkGold extracts a notice, reports every difference from its gold
// records as a test error and returns the extracted records.
func checkGold(t *testing.T, notice, goldFile string) *duban.Notice {
	t.Helper()
	got, err := extract.File(notice, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold.Check(t, got, goldFile)
	return got
}

// TestGoldenPDF checks that the PDF samples give the same records as their
// gold (and so as the same notices in TXT and DOCX), field for field, with
// each task's page kept.
func TestGoldenPDF(t *testing.T) {
	cases := [][2]string{
		{"../../testdata/lianyungang-2024-22.pdf", "../../testdata/lianyungang-2024-22.gold.json"},
		{"../../testdata/styles/qinghe-2025-12.pdf", "../../testdata/styles/qinghe-2025-12.gold.json"},
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

// TestPDFEncryptedGold: a PDF encrypted with an empty user password gives
// the gold records of its unencrypted original, task for task the same.
func TestPDFEncryptedGold(t *testing.T) {
	for _, f := range encryptedFixtures(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(raw, []byte("/Encrypt")) {
				t.Fatal("fixture is not encrypted")
			}
			plainFile, gold := encryptedOriginal(f)
			got := checkGold(t, f, gold)
			want, err := extract.File(plainFile, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Tasks, want.Tasks) {
				t.Error("tasks differ from the unencrypted original's")
			}
			if got.Source.Pages != want.Source.Pages {
				t.Errorf("%d pages, want %d", got.Source.Pages, want.Source.Pages)
			}
		})
	}
}

// BenchmarkExtractPDF extracts the sample PDF's records: reading,
// reconstruction and the structure parser.
func BenchmarkExtractPDF(b *testing.B) {
	data, err := os.ReadFile(samplePDF)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n, err := extract.Bytes(samplePDF, data, extract.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(n.Tasks) != 58 {
			b.Fatalf("%d tasks", len(n.Tasks))
		}
	}
}

// TestPDFFullWidthRecords reads the units of a task whose unit list fills
// a line and runs on into the next.
func TestPDFFullWidthRecords(t *testing.T) {
	data := pdf.FullWidthSamplePDF(t)
	rec, err := extract.Bytes("fullwidth.pdf", data, extract.Options{Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Tasks) == 0 {
		t.Fatal("no tasks")
	}
	var units []string
	for _, u := range rec.Tasks[0].Units {
		units = append(units, u.Name)
	}
	if len(units) != 4 || units[0] != "市住建局" || units[3] != "各县区人民政府" {
		t.Errorf("task %s units %q, want 市住建局, 市财政局, 市自然资源和规划局, 各县区人民政府", rec.Tasks[0].ID, units)
	}
}
