package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
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

// hostileFiles are the cases of issue 16 and their neighbours over a
// budget, generated, each with the limit its failure must name (the huge
// text file is sparse: 300 MB on paper, no disk).
func hostileFiles() map[string]struct {
	data  []byte
	limit string
} {
	type c = struct {
		data  []byte
		limit string
	}
	return map[string]c{
		"nested.docx": {hostile.NestedTablesDOCX(20000), "table depth over the limit of 32"},
		"span.docx":   {hostile.WideSpanDOCX(20000, 64), "table cells (merged cells counted in every place they cover) over the limit of 1000000"},
		"label.docx":  {hostile.LongLabelDOCX(500000, 200), "label characters over the limit of 64"},
		"deep.docx":   {hostile.DeepXMLDOCX(100000), "XML depth over the limit of 256"},
		"bomb.docx":   {hostile.ZipBombDOCX(100), "bytes decompressed from one part over the limit of 67108864"},
		"units.txt":   {hostile.ManyUnitsTXT(2001), "units per clause over the limit of 2000"},
		"line.txt":    {hostile.LongLineTXT(1_100_000), "characters per line over the limit of 1000000"},
		"fonts.pdf":   {hostile.ManyFontsPDF(50000), "resources over the limit of 4096"},
		"bomb.xlsx":   {hostile.ZipBombXLSX(300), "bytes decompressed from one part over the limit of 67108864"},
		"cells.xlsx":  {hostile.WideRowsXLSX(13), "cells of a workbook (merged cells counted in every place they cover) over the limit of 200000"},
		"bomb.ofd":    {hostile.ZipBombOFD(1, 40), "bytes decompressed from one part of an OFD package over the limit of 4194304"},
		"huge.txt":    {nil, "over the limit of 134217728"},
	}
}

// writeHostile writes hostileFiles into dir.
func writeHostile(t *testing.T, dir string) {
	for name, c := range hostileFiles() {
		p := filepath.Join(dir, name)
		if c.data == nil {
			f, err := os.Create(p)
			if err == nil {
				err = f.Truncate(300 << 20)
				f.Close()
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRunSampleBesideHostile: nothing else of the batch is affected (issue
// 16). A run over the sample with every hostile file beside it writes the
// sample's outputs as a run of the sample alone does, and lists each
// hostile file as failed with its name and the limit it went over. (The
// damaged PDF cross-reference chains read as the sample: TestRunHostileFolder
// and extract/pdf's TestPDFHostileXref.)
func TestRunSampleBesideHostile(t *testing.T) {
	alone, mixed := t.TempDir(), t.TempDir()
	sample, err := os.ReadFile("../../seeds/lianyungang-2024-22.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{alone, mixed} {
		if err := os.WriteFile(filepath.Join(dir, "sample.txt"), sample, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeHostile(t, mixed)
	outAlone, outMixed := t.TempDir(), t.TempDir()
	if code, _, errs := cli(t, "run", "-q", "-o", outAlone, alone); code != 0 {
		t.Fatalf("the sample alone: exit %d: %s", code, errs)
	}
	code, _, errs := cli(t, "run", "-q", "-o", outMixed, mixed)
	if code != 1 {
		t.Errorf("exit %d, want 1: %s", code, errs)
	}
	var sum struct {
		Counts map[string]int `json:"counts"`
		Inputs []struct {
			Path, Status, Error string
			Tasks               int
		}
	}
	b, err := os.ReadFile(filepath.Join(outMixed, "summary.json"))
	if err != nil || json.Unmarshal(b, &sum) != nil {
		t.Fatalf("summary.json: %v", err)
	}
	want := hostileFiles()
	for _, in := range sum.Inputs {
		name := filepath.Base(in.Path)
		switch c, ok := want[name]; {
		case name == "sample.txt":
			if in.Status != "extracted" || in.Tasks != 58 {
				t.Errorf("the sample: %+v", in)
			}
		case !ok:
			t.Errorf("unexpected input %+v", in)
		case in.Status != "failed" || !strings.Contains(in.Error, name+": ") || !strings.Contains(in.Error, c.limit):
			t.Errorf("%s: %s %q, want failed naming the file and %q", name, in.Status, in.Error, c.limit)
		}
	}
	if len(sum.Inputs) != len(want)+1 || sum.Counts["failed"] != len(want) {
		t.Errorf("%d inputs, counts %v; want %d failed", len(sum.Inputs), sum.Counts, len(want))
	}
	// the sample's outputs: the same files, the same records
	files := func(out string) []string {
		var list []string
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			rel, _ := filepath.Rel(out, p)
			if err == nil && !d.IsDir() && rel != "summary.json" && !strings.HasPrefix(rel, ".") && !strings.HasPrefix(filepath.Base(rel), "duban.") {
				list = append(list, rel)
			}
			return nil
		})
		return list
	}
	if a, m := files(outAlone), files(outMixed); !reflect.DeepEqual(a, m) {
		t.Errorf("outputs differ:\nalone %q\nmixed %q", a, m)
	}
	for _, rel := range []string{"notices/连政办发2024-22/notice.json", "notices/连政办发2024-22/tasks.csv"} {
		a, errA := os.ReadFile(filepath.Join(outAlone, rel))
		m, errM := os.ReadFile(filepath.Join(outMixed, rel))
		a = bytes.ReplaceAll(a, []byte(alone), []byte(mixed)) // the source path
		if errA != nil || errM != nil || !bytes.Equal(a, m) {
			t.Errorf("%s differs (%v, %v)", rel, errA, errM)
		}
	}
}

// TestExtractSampleBesideHostile: `duban extract` applies the same budgets
// as run: each hostile file fails with its name and the limit, and the
// sample's records are still written.
func TestExtractSampleBesideHostile(t *testing.T) {
	dir := t.TempDir()
	writeHostile(t, dir)
	args := []string{"extract", "--format", "jsonl", "../../seeds/lianyungang-2024-22.txt"}
	for name := range hostileFiles() {
		args = append(args, filepath.Join(dir, name))
	}
	code, out, errs := cli(t, args...)
	if code == 0 {
		t.Errorf("exit 0 with %d hostile files", len(args)-3)
	}
	if n := strings.Count(out, "\n"); n != 1 || strings.Count(out, `"id":`) < 58 || !strings.Contains(out, "连政办发〔2024〕22号") {
		t.Errorf("%d notices written, want the sample's alone, with its 58 tasks", n)
	}
	for name, c := range hostileFiles() {
		found := false
		for _, line := range strings.Split(errs, "\n") {
			found = found || strings.Contains(line, filepath.Join(dir, name)+": ") && strings.Contains(line, c.limit)
		}
		if !found {
			t.Errorf("%s: no error naming it and %q in\n%s", name, c.limit, errs)
		}
	}
}

// TestImportHostile: `duban import` opens returned workbooks under the
// same budgets (excelize's own limit was 16 GB unpacked, and it read
// every cell): a zip bomb and a sheet of 13 rows 16,384 cells wide fail
// naming the file and the limit.
func TestImportHostile(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "-o", out, "../../seeds/lianyungang-2024-22.txt"); code != 0 {
		t.Fatalf("run: %d %s", code, errs)
	}
	cases := map[string]struct {
		data  []byte
		limit string
	}{
		"bomb.xlsx":  {hostile.ZipBombXLSX(300), "bytes decompressed from one part over the limit of 67108864"},
		"cells.xlsx": {nil, "cells of a workbook (merged cells counted in every place they cover) over the limit of 200000"},
	}
	// a unit's return sheet with 13 rows reaching column XFD below its table
	f, err := excelize.OpenFile(filepath.Join(out, "returns", "市发改委.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for r := 200; r < 213; r++ {
		f.SetCellValue("填报表", fmt.Sprintf("XFD%d", r), "x")
	}
	b, err := f.WriteToBuffer()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	c := cases["cells.xlsx"]
	c.data = b.Bytes()
	cases["cells.xlsx"] = c
	args := []string{"import", "--formats", "xlsx", "-o", out}
	for name, c := range cases {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	code, _, errs := cli(t, args...)
	if code == 0 {
		t.Errorf("exit 0: %s", errs)
	}
	for name, c := range cases {
		if !strings.Contains(errs, filepath.Join(in, name)+": ") || !strings.Contains(errs, c.limit) {
			t.Errorf("%s: no error naming it and %q in\n%s", name, c.limit, errs)
		}
	}
}
