package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/atomicfile"
	"github.com/duban/duban/render"
	"github.com/duban/duban/templates"
)

// TestTemplatesDir: a --templates directory replaces the files it holds
// and the embedded set supplies the rest.
func TestTemplatesDir(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	tdir := t.TempDir()
	b, err := templates.Open("", templates.LayoutFile)
	if err != nil {
		t.Fatal(err)
	}
	layout := strings.Replace(string(b), `title: "{plan_title}任务分解表"`, `title: "{doc_number}台账（自定义）"`, 1)
	layout = strings.Replace(layout, "label: 任务内容,", "label: 工作任务,", 1)
	if layout == string(b) {
		t.Fatal("layout edit did not apply")
	}
	if err := os.WriteFile(filepath.Join(tdir, templates.LayoutFile), []byte(layout), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := outDir(t, "custom")
	paths, err := render.Ledger(n, dir, render.Options{Now: testNow, Templates: tdir})
	if err != nil {
		t.Fatal(err)
	}
	doc := readPDF(t, paths[0])
	_, header := tableRows(doc)
	if doc.Blocks[0].Text != "连政办发〔2024〕22号台账（自定义）" {
		t.Errorf("title %q", doc.Blocks[0].Text)
	}
	if column(header, "工作任务") < 0 {
		t.Errorf("header %q lacks the relabelled column", header)
	}
	// the workbook came from the embedded ledger.xlsx (none in tdir) and
	// takes its title from the layout
	if _, err := render.ReadLedger(paths[1]); err != nil {
		t.Errorf("workbook from the embedded template: %v", err)
	}

	// a broken layout is an error naming the file, not a panic
	if err := os.WriteFile(filepath.Join(tdir, templates.LayoutFile), []byte("documents: [oops"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, templates.LayoutFile), []byte("documents:\n  ledger:\n    colums: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := render.Ledger(n, t.TempDir(), render.Options{Templates: bad}); err == nil || !strings.Contains(err.Error(), "layout.yaml") {
		t.Errorf("misspelt key: err = %v", err)
	}
	if _, err := render.Ledger(n, t.TempDir(), render.Options{Templates: filepath.Join(tdir, "missing")}); err == nil {
		t.Error("missing templates dir accepted")
	}
	if _, err := render.Ledger(n, t.TempDir(), render.Options{Formats: []string{"docx"}}); err == nil {
		t.Error("unknown format accepted")
	}
	// a workbook template without prototype rows is an error
	if err := os.WriteFile(filepath.Join(bad, templates.LayoutFile), []byte("font: fonts/wqy-microhei.ttf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, templates.LedgerXLSX), []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := render.Ledger(n, t.TempDir(), render.Options{Templates: bad, Formats: []string{"xlsx"}}); err == nil || !strings.Contains(err.Error(), "ledger.xlsx") {
		t.Errorf("broken workbook template: err = %v", err)
	}
}

// TestNoHalfWrittenFiles: a failing render leaves no temporary files.
func TestNoHalfWrittenFiles(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	dir := t.TempDir()
	if _, err := render.Ledger(n, dir, render.Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	if _, err := render.UnitSheets(goldNotices(t), dir, render.Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.Contains(e.Name(), atomicfile.TempMark) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
