package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// TestRunHostileFolder: one hostile file ends nothing but itself (issue
// 17 item 1, issue 16). The sample PDF with an xref subsection starting at
// 2^32−1 made the PDF library allocate 128 GiB, a fatal error that ended
// the whole run; it is now read (its table rebuilt). A DOCX over a budget
// fails alone, its name and the limit in the summary; the other notices
// are written.
func TestRunHostileFolder(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	notices(t, in, 1)
	sample, err := os.ReadFile("../../testdata/lianyungang-2024-22.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"crasher.pdf": hostile.XrefStart(sample, 4294967295),
		"nested.docx": hostile.NestedTablesDOCX(20000),
	} {
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, errs := cli(t, "run", "-q", "-o", out, in)
	if code != 1 {
		t.Errorf("exit %d, want 1: %s", code, errs)
	}
	var sum struct {
		Counts   map[string]int `json:"counts"`
		Failures []struct{ Path, Error string }
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil || json.Unmarshal(b, &sum) != nil {
		t.Fatalf("summary.json: %v", err)
	}
	if sum.Counts["extracted"] != 2 || sum.Counts["failed"] != 1 || len(sum.Failures) != 1 {
		t.Fatalf("summary: %+v", sum)
	}
	f := sum.Failures[0]
	if !strings.HasSuffix(f.Path, "nested.docx") || !strings.Contains(f.Error, "nested.docx: word/document.xml: tables nested 33 deep: table depth over the limit of 32") {
		t.Errorf("failure %+v", f)
	}
}
