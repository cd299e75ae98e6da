package render_test

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/render"
	"github.com/xuri/excelize/v2"
)

// Every document prints a task's number as the notice writes it
// (duban.Task.Number: 四（一）5, 二（二）第2项), never its record id
// (四.（一）.5, 二.（二）#2): the ledger, the unit sheets, the quarterly
// report and the 通报, as PDF read back with pdftotext, as workbook
// reopened (visible sheets, columns and rows) and as DOCX. The ledger
// still reads back to the same records.
func TestDocumentsPrintTaskNumbers(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	for _, c := range []struct {
		gold, quarter, unit string
	}{
		{"../testdata/lianyungang-2024-22.gold.json", "2024Q4", "市粮储局"},
		{"../testdata/styles/dongling-2025-19.gold.json", "2025Q4", "省市场监管局"},
	} {
		n := loadNotice(t, c.gold)
		dir := outDir(t, "numbers-"+c.quarter)
		opt := render.Options{Now: testNow, AsOf: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)}
		ledger, err := render.Ledger(n, dir, opt)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := render.UnitSheets([]*duban.Notice{n}, dir, opt); err != nil {
			t.Fatal(err)
		}
		if _, err := render.Quarterly([]*duban.Notice{n}, dir, []string{c.quarter}, opt); err != nil {
			t.Fatal(err)
		}
		if _, err := render.Bulletin([]*duban.Notice{n}, dir, []string{c.quarter}, opt); err != nil {
			t.Fatal(err)
		}
		var all, ofUnit, due []duban.Task
		for _, task := range n.Tasks {
			all = append(all, task)
			if task.Deadline.DueQuarter() == c.quarter {
				due = append(due, task)
			}
			for _, u := range task.Units {
				if u.Name == c.unit {
					ofUnit = append(ofUnit, task)
					break
				}
			}
		}
		if len(ofUnit) == 0 || len(due) == 0 {
			t.Fatalf("%s: no task of %s or due in %s", c.gold, c.unit, c.quarter)
		}
		docs := []struct {
			path  string
			tasks []duban.Task
		}{
			{filepath.Join(dir, render.LedgerName+".pdf"), all},
			{filepath.Join(dir, render.LedgerName+".xlsx"), all},
			{filepath.Join(dir, c.unit+".pdf"), ofUnit},
			{filepath.Join(dir, c.unit+".xlsx"), ofUnit},
			{filepath.Join(dir, c.quarter+".pdf"), due},
			{filepath.Join(dir, c.quarter+".xlsx"), due},
			{filepath.Join(dir, c.quarter+"通报.pdf"), due},
			{filepath.Join(dir, c.quarter+"通报.xlsx"), due},
			{filepath.Join(dir, c.quarter+"通报.docx"), due},
		}
		for _, d := range docs {
			text := visibleText(t, d.path)
			for _, task := range d.tasks {
				if !strings.Contains(text, squeeze(task.Number())) {
					t.Errorf("%s: task %s not shown as %s", d.path, task.ID, task.Number())
				}
			}
			for _, task := range n.Tasks {
				if strings.ContainsAny(task.ID, ".#") && strings.Contains(text, task.ID) {
					t.Errorf("%s: shows the record id %s", d.path, task.ID)
				}
			}
		}
		back, err := render.ReadLedger(ledger[len(ledger)-1])
		if err != nil {
			t.Fatal(err)
		}
		for i, task := range back.Tasks {
			if task.ID != n.Tasks[i].ID {
				t.Errorf("%s: ledger reads task %d back as %s, want %s", c.gold, i, task.ID, n.Tasks[i].ID)
			}
		}
	}
}

// visibleText is what a person sees of a document, without white space:
// a PDF's text, a workbook's visible cells, a DOCX's runs.
func visibleText(t *testing.T, path string) string {
	t.Helper()
	var s string
	switch filepath.Ext(path) {
	case ".pdf":
		out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", path, err)
		}
		s = string(out)
	case ".xlsx":
		s = strings.Join(visibleCells(t, path), "\n")
	case ".docx":
		s = docxText(t, path)
	default:
		t.Fatalf("%s: no reader", path)
	}
	return squeeze(s)
}

// visibleCells lists the cells of a workbook a person sees: those of the
// visible sheets outside hidden columns and rows.
func visibleCells(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	for _, sh := range f.GetSheetList() {
		if v, _ := f.GetSheetVisible(sh); !v {
			continue
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			if v, _ := f.GetRowVisible(sh, r+1); !v {
				continue
			}
			for c, cell := range row {
				col, _ := excelize.ColumnNumberToName(c + 1)
				if v, _ := f.GetColVisible(sh, col); v && cell != "" {
					out = append(out, cell)
				}
			}
		}
	}
	return out
}

// docxText joins the text runs of a DOCX's body.
func docxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var b strings.Builder
		dec := xml.NewDecoder(r)
		inText := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: document.xml: %v", path, err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				inText = x.Name.Local == "t"
			case xml.EndElement:
				inText = false
				if x.Name.Local == "p" || x.Name.Local == "tc" {
					b.WriteString("\n")
				}
			case xml.CharData:
				if inText {
					b.Write(x)
				}
			}
		}
		return b.String()
	}
	t.Fatalf("%s: no word/document.xml", path)
	return ""
}

// A row a clerk adds to the ledger, numbered as the ledger numbers tasks,
// gets the id extraction would give it; the shown numbers of the other
// rows still find their tasks after the rows are reordered, and so does a
// record id in the number's place (a ledger written before numbers).
func TestLedgerNumberedRowsReadBack(t *testing.T) {
	n := loadNotice(t, "../testdata/styles/dongling-2025-19.gold.json")
	dir := outDir(t, "numbers-edit")
	paths, err := render.Ledger(n, dir, render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	first, last := 0, 0
	rows, _ := f.GetRows(sheet)
	for r := range rows {
		if v := cellStr(t, f, sheet, 1, r+1); v == n.Tasks[0].Number() {
			first = r + 1
		} else if v == n.Tasks[len(n.Tasks)-1].Number() {
			last = r + 1
		}
	}
	if first == 0 || last == 0 {
		t.Fatalf("%s: task rows not found", paths[0])
	}
	// the first two task rows swapped, a row added after the last
	a, b := rows[first-1], rows[first]
	for c := range max(len(a), len(b)) {
		at := func(r []string) string {
			if c < len(r) {
				return r[c]
			}
			return ""
		}
		top, _ := excelize.CoordinatesToCellName(c+1, first)
		below, _ := excelize.CoordinatesToCellName(c+1, first+1)
		f.SetCellValue(sheet, top, at(b))
		f.SetCellValue(sheet, below, at(a))
	}
	// a row numbered with its record id, as ledgers were before
	f.SetCellValue(sheet, "A"+strconv.Itoa(first+2), n.Tasks[2].ID)
	f.SetCellValue(sheet, "A"+strconv.Itoa(last+1), "五（一）2")
	f.SetCellValue(sheet, "B"+strconv.Itoa(last+1), "新增的任务。")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, err := render.ReadLedger(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, task := range got.Tasks {
		ids = append(ids, task.ID)
	}
	want := []string{n.Tasks[1].ID, n.Tasks[0].ID}
	for _, task := range n.Tasks[2:] {
		want = append(want, task.ID)
	}
	want = append(want, "五.（一）.2")
	if !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	for i, w := range []duban.Task{n.Tasks[1], n.Tasks[0], n.Tasks[2]} {
		// matched, not read as new rows (which would get the deadline
		// kind "date"): they keep what the hidden sheet records
		if !reflect.DeepEqual(got.Tasks[i].Deadline, w.Deadline) {
			t.Errorf("row %d (%s): deadline %+v, want %+v", i, w.ID, got.Tasks[i].Deadline, w.Deadline)
		}
	}
	if add := got.Tasks[len(got.Tasks)-1]; !slices.Equal(add.Path, []string{"五", "（一）", "2"}) || add.Text != "新增的任务。" {
		t.Errorf("added row read as %+v", add)
	}
	if g, w := got.Tasks[0], n.Tasks[1]; g.Text != w.Text || !reflect.DeepEqual(g.Units, w.Units) || !reflect.DeepEqual(g.Deadline, w.Deadline) {
		t.Errorf("moved task changed: %+v", g)
	}
}
