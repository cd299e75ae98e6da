package ocr_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/ocr"
	"github.com/duban/duban/internal/gold"
)

// needTesseract skips a test on a machine without the OCR tools (CI
// installs them: .ci/run).
func needTesseract(t *testing.T) {
	for _, tool := range []string{"tesseract", "pdftoppm", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

// The page photo of the sample notice gives its header: 文号, title,
// issuer and date.
func TestPagePhotoHeader(t *testing.T) {
	needTesseract(t)
	const path = "testdata/lianyungang-2024-22.page1.jpg"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ocr.Reader{}.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	if !d.OCR || d.Format != "jpg" || d.Pages != 1 {
		t.Errorf("format %q, %d pages, ocr %v", d.Format, d.Pages, d.OCR)
	}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Text)
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{"连政办发〔2024〕22号", "连云港市人民政府办公室", "2024年5月11日", "市各委办局，市各直属单位："} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read; got\n%s", want, text)
		}
	}
	// The title, over two centred lines, is one paragraph (its words as
	// OCR reads them: 重点 may come out wrong on this degraded photo).
	if !strings.Contains(text, "市政府办公室关于印发无锡连云港南北结对帮扶合作2024年") || !strings.Contains(text, "工作计划的通知") {
		t.Errorf("title not read as one paragraph; got\n%s", text)
	}
}

// A scanned PDF (no text layer) goes to OCR through extract.Bytes: its
// tasks come out with units and deadlines, and the records say they come
// from OCR and need a look. One page of the 13-page scan keeps CI short.
func TestScannedPDF(t *testing.T) {
	needTesseract(t)
	const path = "testdata/lianyungang-2024-22.scan-page2.pdf"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := extract.Bytes(path, data, extract.Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if !n.Source.OCR || n.Source.Format != "pdf" || n.Source.Pages != 1 {
		t.Errorf("source %+v", n.Source)
	}
	warned := false
	for _, w := range n.Warnings {
		warned = warned || w.Code == duban.WarnOCR
	}
	if !warned {
		t.Errorf("no %q warning in %+v", duban.WarnOCR, n.Warnings)
	}
	byID := map[string]duban.Task{}
	for _, task := range n.Tasks {
		byID[task.ID] = task
	}
	for _, c := range []struct{ id, unit, date string }{
		{"一.1", "市发改委", "2024-05-31"},
		{"一.3", "市委组织部", "2024-06-30"},
		{"一.4", "市发改委", "2024-04-30"},
	} {
		task, ok := byID[c.id]
		if !ok {
			t.Errorf("task %s not found in %d tasks", c.id, len(n.Tasks))
			continue
		}
		if len(task.Units) == 0 || task.Units[0].Name != c.unit {
			t.Errorf("task %s units %+v, want %s first", c.id, task.Units, c.unit)
		}
		if task.Deadline == nil || string(task.Deadline.Date) != c.date {
			t.Errorf("task %s deadline %+v, want %s", c.id, task.Deadline, c.date)
		}
	}
	if task := byID["一.3"]; task.Text != "举办南北结对帮扶合作工作干部培训班（无锡）。" {
		t.Errorf("task 一.3 text %q", task.Text)
	}
}

// BenchmarkRead recognises the page photo (tesseract dominates).
func BenchmarkRead(b *testing.B) {
	for _, tool := range []string{"tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Skipf("%s not installed", tool)
		}
	}
	data, err := os.ReadFile("testdata/lianyungang-2024-22.page1.jpg")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := (ocr.Reader{}).Read("p.jpg", data); err != nil {
			b.Fatal(err)
		}
	}
}

// A PDF whose page 2 is a scan between two typeset pages (made here with
// poppler's pdfseparate and pdfunite from the sample and its scanned page
// 2): the scanned page is recognised, the others read from the text
// layer, and the tasks of all three come out in order.
func TestMixedPDF(t *testing.T) {
	needTesseract(t)
	for _, tool := range []string{"pdfseparate", "pdfunite"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (poppler-utils)", tool)
		}
	}
	dir := t.TempDir()
	run := func(name string, args ...string) {
		if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v: %s", name, err, out)
		}
	}
	run("pdfseparate", "-f", "1", "-l", "3", "../../testdata/lianyungang-2024-22.pdf", filepath.Join(dir, "t%d.pdf"))
	mixed := filepath.Join(dir, "mixed.pdf")
	run("pdfunite", filepath.Join(dir, "t1.pdf"), "testdata/lianyungang-2024-22.scan-page2.pdf", filepath.Join(dir, "t3.pdf"), mixed)
	data, err := os.ReadFile(mixed)
	if err != nil {
		t.Fatal(err)
	}
	n, err := extract.Bytes("mixed.pdf", data, extract.Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if !n.Source.OCR || n.Source.Pages != 3 {
		t.Errorf("source %+v", n.Source)
	}
	if n.DocNumber != "连政办发〔2024〕22号" {
		t.Errorf("doc number %q (page 1, text layer)", n.DocNumber)
	}
	want, err := gold.Read("../../testdata/lianyungang-2024-22.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	wantByID := map[string]duban.Task{}
	for _, task := range want.Tasks {
		wantByID[task.ID] = task
	}
	var ids []string
	for _, task := range n.Tasks {
		ids = append(ids, task.ID)
	}
	// page 2 (OCR) holds 一.1–一.5, page 3 (text layer) 一.6–二.2
	if got := strings.Join(ids, " "); !strings.HasPrefix(got, "一.1 一.2 一.3 一.4 一.5 一.6 一.7 一.8 二.1") {
		t.Fatalf("tasks %s", got)
	}
	for _, task := range n.Tasks[:9] {
		w := wantByID[task.ID]
		if !reflect.DeepEqual(task.Units, w.Units) {
			t.Errorf("task %s units %+v, want %+v", task.ID, task.Units, w.Units)
		}
		if task.Deadline == nil || w.Deadline == nil || task.Deadline.Date != w.Deadline.Date {
			t.Errorf("task %s deadline %+v, want %+v", task.ID, task.Deadline, w.Deadline)
		}
	}
	if task := n.Tasks[7]; task.Text != wantByID["一.8"].Text {
		t.Errorf("task 一.8 (text layer) %q", task.Text)
	}
}
