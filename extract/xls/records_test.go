package xls_test

// Tests that read BIFF8 workbooks through the structure parser to records.

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/xls"
	"github.com/duban/duban/extract/xlsx"
	"github.com/duban/duban/internal/gold"
)

// TestGoldenXLS: the qinghe notice as LibreOffice saved it in BIFF8 gives
// exactly qinghe's gold records.
func TestGoldenXLS(t *testing.T) {
	got, err := extract.File("testdata/qinghe-2025-12.xls", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold.Check(t, got, "../../testdata/styles/qinghe-2025-12.gold.json")
	if got.Source.Format != "xls" {
		t.Errorf("source = %+v", got.Source)
	}
}

// TestXLSMatchesXLSX reads a 60-task ledger written as XLSX and converted
// to BIFF8 by LibreOffice: its shared-string table is over 8 KB, so it
// runs on in a CONTINUE record in the middle of a string (where the Go
// .xls libraries lose text). Both readers must give the same document, and
// the parser all 60 tasks.
func TestXLSMatchesXLSX(t *testing.T) {
	read := func(file string, r document.Reader) *document.Document {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := r.Read(file, data)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	a := read("../xlsx/testdata/ledger-continue.xlsx", xlsx.Reader{})
	b := read("testdata/ledger-continue.xls", xls.Reader{})
	a.Format, b.Format = "", ""
	if !reflect.DeepEqual(a, b) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		t.Fatalf("xlsx and xls differ:\n%s\n%s", ja, jb)
	}
	n, err := extract.File("testdata/ledger-continue.xls", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Tasks) != 60 || n.DocNumber != "某政办发〔2025〕8号" {
		t.Fatalf("%d tasks, 文号 %q", len(n.Tasks), n.DocNumber)
	}
	// 重点工作 and 具体任务 columns are joined by the parser; the date cell
	// (serial 46023) is read as a date.
	last := n.Tasks[59]
	if !strings.Contains(last.Text, "第12-5项具体任务：健全工作机制") || !strings.HasSuffix(last.Text, "经验做法63。") ||
		last.Deadline == nil || last.Deadline.Date != "2026-01-01" || len(last.Units) != 3 {
		j, _ := json.Marshal(last)
		t.Errorf("last task %s", j)
	}
}

// BenchmarkExtractXLS extracts the 60-task ledger from its BIFF8 bytes.
func BenchmarkExtractXLS(b *testing.B) {
	data, err := os.ReadFile("testdata/ledger-continue.xls")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if n, err := extract.Bytes("ledger-continue.xls", data, extract.Options{}); err != nil || len(n.Tasks) != 60 {
			b.Fatalf("err %v", err)
		}
	}
}
