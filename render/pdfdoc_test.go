package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/atomicfile"
	"github.com/duban/duban/templates"
)

// pdftotext returns the text of a PDF in content-stream order and its page
// count, using poppler's pdftotext (skipped when it is not installed).
func pdftotext(t *testing.T, path string) (string, int) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	text := string(out)
	return text, strings.Count(text, "\f")
}

func TestDocTablePagination(t *testing.T) {
	d := newPDFDoc(pageSetup{Orientation: "L"}, templates.Font())
	d.Now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	d.Footer = "测试文档"
	d.Title("分页测试", 16)
	tab := &pdfTable{Columns: []tableColumn{{Label: "序号", Width: 1, Align: "C"}, {Label: "内容", Width: 8}}}
	var want []string
	for i := range 60 {
		text := strings.Repeat("第"+string(rune('A'+i%26))+"项任务，", 3+i%7)
		want = append(want, text)
		if i%20 == 0 {
			tab.Rows = append(tab.Rows, tableRow{Cells: []string{"分组" + string(rune('一'+i))}, Group: true})
		}
		tab.Rows = append(tab.Rows, tableRow{Cells: []string{string(rune('0' + i%10)), text}})
	}
	// a row taller than a page
	long := strings.Repeat("超长任务内容需要跨页拆分显示。", 400)
	tab.Rows = append(tab.Rows, tableRow{Cells: []string{"X", long}})
	d.Table(tab)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if p := os.Getenv("DUBAN_KEEP"); p != "" {
		path = filepath.Join(p, "table.pdf")
	}
	if err := atomicfile.WriteFile(path, b); err != nil {
		t.Fatal(err)
	}
	text, pages := pdftotext(t, path)
	flat := strings.Join(strings.Fields(text), "")
	for _, w := range append(want, "分页测试", "生成日期：2024-06-01") {
		if !strings.Contains(flat, w) {
			t.Errorf("text %q not found", w)
		}
	}
	// the long row is split over pages, interrupted only by footers and
	// repeated headers: remove those and it must be whole
	rest := flat[strings.Index(flat, "X超长")+1:]
	for p := 1; p <= pages; p++ {
		rest = strings.ReplaceAll(rest, "测试文档第"+itoa(p)+"页共"+itoa(pages)+"页生成日期：2024-06-01序号内容", "")
		rest = strings.ReplaceAll(rest, "测试文档第"+itoa(p)+"页共"+itoa(pages)+"页生成日期：2024-06-01", "")
	}
	if !strings.HasPrefix(rest, long) {
		t.Errorf("long row not intact across pages: %.200q", rest)
	}
	if pages < 5 {
		t.Errorf("pages = %d, want the long row to take several pages", pages)
	}
	if got := strings.Count(flat, "序号内容"); got != pages {
		t.Errorf("header printed %d times on %d pages", got, pages)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

// TestRowsKeptTogether: a row that fits on a page is never split; a row
// taller than a page is split and continues on the next pages; a group
// row is never the last thing on a page.
func TestRowsKeptTogether(t *testing.T) {
	d := newPDFDoc(pageSetup{Orientation: "P"}, templates.Font())
	tab := &pdfTable{Columns: []tableColumn{{Label: "号", Width: 1}, {Label: "内容", Width: 6}}}
	for i := range 120 {
		if i%9 == 0 {
			tab.Rows = append(tab.Rows, tableRow{Cells: []string{"G" + fmtInt(i)}, Group: true})
		}
		tab.Rows = append(tab.Rows, tableRow{Cells: []string{"R" + fmtInt(i), strings.Repeat("内容文字，", 5+(i*7)%40)}})
	}
	tab.Rows = append(tab.Rows, tableRow{Cells: []string{"R999", strings.Repeat("超长行内容。", 1500)}})
	d.Table(tab)
	type traced struct {
		page int
		line string
	}
	var seq []traced
	d.trace = func(page int, line string) {
		if !strings.HasPrefix(line, "第 ") {
			seq = append(seq, traced{page, line})
		}
	}
	if _, err := d.Bytes(); err != nil {
		t.Fatal(err)
	}
	rowPages := map[string]map[int]bool{}
	cur := ""
	for i, s := range seq {
		if s.line == "号" || s.line == "内容" {
			continue // repeated header
		}
		if strings.HasPrefix(s.line, "R") || strings.HasPrefix(s.line, "G") {
			cur = s.line
		}
		if rowPages[cur] == nil {
			rowPages[cur] = map[int]bool{}
		}
		rowPages[cur][s.page] = true
		if strings.HasPrefix(s.line, "G") {
			// the next row must be on the same page
			for _, n := range seq[i+1:] {
				if n.line != "号" && n.line != "内容" {
					if n.page != s.page {
						t.Errorf("group row %s ends page %d", s.line, s.page)
					}
					break
				}
			}
		}
	}
	for row, pages := range rowPages {
		if row != "R999" && len(pages) != 1 {
			t.Errorf("row %s split over pages %v", row, pages)
		}
	}
	if len(rowPages["R999"]) < 2 {
		t.Errorf("row taller than a page not split: %v", rowPages["R999"])
	}
	if d.Pages() < 5 {
		t.Errorf("%d pages", d.Pages())
	}
}
