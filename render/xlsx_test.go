package render_test

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/render"
	"github.com/xuri/excelize/v2"
)

// minLines is an independent lower bound of the lines a cell's text needs:
// its width in Excel character units (CJK 2, else 1, scaled by the font
// size) over the column width, per paragraph.
func minLines(text string, colWidth, size float64) int {
	n := 0
	for para := range strings.SplitSeq(text, "\n") {
		units := 0.0
		for _, r := range para {
			if r >= 0x2E80 {
				units += 2
			} else {
				units++
			}
		}
		units *= size / 11
		l := int(units / colWidth)
		if float64(l)*colWidth < units {
			l++
		}
		n += max(l, 1)
	}
	return n
}

// checkSheet checks the print and view setup every workbook must have,
// and that no row is shorter than its text needs. It returns the header
// row (1-based) and its labels.
func checkSheet(t *testing.T, path string, f *excelize.File, sheet string) (int, []string) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit < 1 {
		t.Fatalf("%s: header rows not frozen: %+v %v", path, panes, err)
	}
	header := panes.YSplit
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	labels := rows[header-1]
	found := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet && strings.HasSuffix(dn.RefersTo, "!$"+itoa(header)+":$"+itoa(header)) {
			found = true
		}
	}
	if !found {
		t.Errorf("%s: no print titles repeating row %d: %+v", path, header, f.GetDefinedName())
	}
	pl, err := f.GetPageLayout(sheet)
	if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
		pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("%s: page layout not A4 landscape fit to width: %+v", path, pl)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s: fit to page not enabled", path)
	}
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil || hf == nil || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") ||
		!strings.Contains(hf.OddFooter, "2024-06-15") || strings.Contains(hf.OddFooter, "{{") {
		t.Errorf("%s: footer %+v", path, hf)
	}
	// autofilter over the header
	if x := xmlOf(t, path, "xl/worksheets/sheet1.xml"); !strings.Contains(x, `<autoFilter ref="A`+itoa(header)+`:`) &&
		!strings.Contains(x, `<autoFilter ref="$A$`+itoa(header)+`:`) {
		t.Errorf("%s: no autofilter from the header row", path)
	}
	// row heights
	merged, _ := f.GetMergeCells(sheet)
	for i, row := range rows {
		r := i + 1
		h, _ := f.GetRowHeight(sheet, r)
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r)
			w := 0.0
			span := 1
			for _, m := range merged {
				if m.GetStartAxis() == cell {
					c1, _, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
					c2, _, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
					span = c2 - c1 + 1
				}
			}
			for k := 0; k < span; k++ {
				name, _ := excelize.ColumnNumberToName(c + 1 + k)
				cw, _ := f.GetColWidth(sheet, name)
				w += cw
			}
			st, _ := f.GetCellStyle(sheet, cell)
			style, _ := f.GetStyle(st)
			size := 11.0
			if style != nil && style.Font != nil && style.Font.Size > 0 {
				size = style.Font.Size
			}
			if need := float64(minLines(v, w, size)) * size * 1.2; h < need {
				t.Errorf("%s: row %d is %.1f pt high, cell %s needs %.1f for %q", path, r, h, cell, need, v)
			}
		}
	}
	return header, labels
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 1) + fmtInt(n)) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

func cellStr(t *testing.T, f *excelize.File, sheet string, col, row int) string {
	t.Helper()
	name, _ := excelize.CoordinatesToCellName(col, row)
	v, err := f.GetCellValue(sheet, name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestLedgerWorkbook(t *testing.T) {
	for _, n := range goldNotices(t) {
		dir := outDir(t, "xl-"+render.SafeFileName(n.DocNumber))
		paths, err := render.Ledger(n, dir, render.Options{Now: testNow, Formats: []string{"xlsx"}})
		if err != nil {
			t.Fatal(err)
		}
		path := paths[0]
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		header, labels := checkSheet(t, path, f, sheet)
		want := []string{"任务编号", "任务内容", "牵头单位", "配合单位", "责任单位", "完成时限", "截止日期", "季度", "关键词"}
		if !slices.Equal(labels, want) {
			t.Errorf("%s: header %q", path, labels)
		}
		hasKW := false
		for _, task := range n.Tasks {
			hasKW = hasKW || len(task.Keywords) > 0
		}
		if vis, err := f.GetColVisible(sheet, "I"); err != nil || vis != hasKW {
			t.Errorf("%s: 关键词 column visible %v (%v), want %v", path, vis, err, hasKW)
		}
		if v := cellStr(t, f, sheet, 1, 1); !strings.HasSuffix(v, "任务分解表") {
			t.Errorf("%s: title %q", path, v)
		}
		r := header + 1
		for i, task := range n.Tasks {
			// skip heading rows
			for cellStr(t, f, sheet, 1, r) != task.Number() {
				if a := cellStr(t, f, sheet, 1, r); cellStr(t, f, sheet, 2, r) != a { // heading rows are merged
					t.Fatalf("%s: row %d is %q, want task %s", path, r, cellStr(t, f, sheet, 1, r), task.ID)
				}
				r++
				if r > header+3*len(n.Tasks)+3 {
					t.Fatalf("%s: task %d (%s) not found", path, i, task.ID)
				}
			}
			got := []string{}
			for c := 2; c <= 9; c++ {
				got = append(got, cellStr(t, f, sheet, c, r))
			}
			exp := []string{task.Text, names(task, duban.RoleLead), names(task, duban.RoleCo), names(task, duban.RoleResponsible), "", "", "", strings.Join(task.Keywords, "、")}
			if d := task.Deadline; d != nil {
				exp[4], exp[5], exp[6] = d.Raw, string(d.Date), string(d.Quarter)
			}
			if !slices.Equal(got, exp) {
				t.Errorf("%s row %d: %q, want %q", path, r, got, exp)
			}
			for c := 1; c <= 9; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString && typ != excelize.CellTypeUnset {
					t.Errorf("%s %s: cell type %v, want text", path, cell, typ)
				}
			}
			r++
		}
		f.Close()
	}
}

func names(t duban.Task, role duban.Role) string {
	var out []string
	for _, u := range t.Units {
		if u.Role == role {
			out = append(out, u.Name)
		}
	}
	return strings.Join(out, "、")
}

func TestUnitWorkbooks(t *testing.T) {
	notices := goldNotices(t)
	dir := outDir(t, "unit-xlsx")
	paths, err := render.UnitSheets(notices, dir, render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no unit workbooks")
	}
	for _, path := range paths {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		header, labels := checkSheet(t, path, f, sheet)
		want := []string{"序号", "任务编号", "任务内容", "分工", "协同单位", "完成时限", "截止日期", "进展情况"}
		if !slices.Equal(labels, want) {
			t.Errorf("%s: header %q", path, labels)
		}
		unit := strings.TrimSuffix(filepath.Base(path), ".xlsx")
		if v := cellStr(t, f, sheet, 1, 1); render.SafeFileName(strings.TrimSuffix(v, " 任务清单")) != unit {
			t.Errorf("%s: title %q", path, v)
		}
		rows, _ := f.GetRows(sheet)
		last := len(rows)
		n := 0
		prev := ""
		for r := header + 1; r <= last; r++ {
			n++
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("%s %s: 序号 type %v, want a number", path, cell, typ)
			}
			if v := cellStr(t, f, sheet, 1, r); v != itoa(n) {
				t.Errorf("%s %s: 序号 %q", path, cell, v)
			}
			if v := cellStr(t, f, sheet, 8, r); v != "" {
				t.Errorf("%s row %d: 进展情况 not blank: %q", path, r, v)
			}
			d := cellStr(t, f, sheet, 7, r)
			if d != "" && (prev == "~" || d < prev) {
				t.Errorf("%s row %d: not sorted by deadline", path, r)
			}
			if d == "" {
				prev = "~"
			} else {
				prev = d
			}
		}
		dvs, err := f.GetDataValidations(sheet)
		if err != nil || len(dvs) != 1 {
			t.Fatalf("%s: data validations %v %v", path, dvs, err)
		}
		dv := dvs[0]
		wantRef := "H" + itoa(header+1) + ":H" + itoa(max(last, header+1))
		if dv.Sqref != wantRef || dv.Type != "list" || strings.Trim(dv.Formula1, `"`) != strings.Join(render.ProgressChoices, ",") {
			t.Errorf("%s: dropdown %s %s %s, want %s list %v", path, dv.Sqref, dv.Type, dv.Formula1, wantRef, render.ProgressChoices)
		}
		f.Close()
	}
}

func TestLedgerRoundTrip(t *testing.T) {
	for _, file := range goldFiles(t) {
		orig := enrich(loadNotice(t, file))
		want := enrich(loadNotice(t, file))
		dir := outDir(t, "rt-"+filepath.Base(file))
		paths, err := render.Ledger(orig, dir, render.Options{Now: testNow, Formats: []string{"xlsx"}})
		if err != nil {
			t.Fatal(err)
		}
		got, err := render.ReadLedger(paths[0])
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			for i := range min(len(got.Tasks), len(want.Tasks)) {
				if !reflect.DeepEqual(got.Tasks[i], want.Tasks[i]) {
					t.Errorf("%s: task %d\n got %+v\nwant %+v", file, i, got.Tasks[i], want.Tasks[i])
					break
				}
			}
			got.Tasks, want.Tasks = nil, nil
			t.Errorf("%s: round trip differs\n got %+v\nwant %+v", file, got, want)
		}
	}
}

// TestReadLedgerEdits edits a ledger the way a person would and reads the
// corrections back.
func TestReadLedgerEdits(t *testing.T) {
	n := enrich(loadNotice(t, "../testdata/styles/dongling-2025-19.gold.json"))
	dir := outDir(t, "edits")
	paths, err := render.Ledger(n, dir, render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	panes, _ := f.GetPanes(sheet)
	// find the first task row
	r := panes.YSplit + 1
	for cellStr(t, f, sheet, 1, r) != n.Tasks[0].Number() {
		r++
	}
	set := func(col int, v any) {
		cell, _ := excelize.CoordinatesToCellName(col, r)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set(2, "改过的任务内容")
	set(3, "")
	set(4, "")
	set(5, "市甲局、各县(市、区)住建局")
	set(7, 45473.0) // a real Excel date typed by a person: 2024-06-30
	// a note row added above everything, and the last task deleted
	last := r
	for cellStr(t, f, sheet, 1, last) != n.Tasks[len(n.Tasks)-1].Number() {
		last++
	}
	if err := f.RemoveRow(sheet, last); err != nil {
		t.Fatal(err)
	}
	if err := f.InsertRows(sheet, 1, 1); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(sheet, "A1", "备注：已核对"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, err := render.ReadLedger(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	t0 := got.Tasks[0]
	if t0.Text != "改过的任务内容" {
		t.Errorf("text %q", t0.Text)
	}
	wantUnits := []duban.Unit{{Name: "市甲局", Role: duban.RoleResponsible}, {Name: "各县(市、区)住建局", Role: duban.RoleResponsible}}
	if !reflect.DeepEqual(t0.Units, wantUnits) {
		t.Errorf("units %+v, want %+v", t0.Units, wantUnits)
	}
	if t0.Deadline == nil || t0.Deadline.Date != "2024-06-30" || t0.Deadline.Quarter != "2024Q2" {
		t.Errorf("deadline %+v", t0.Deadline)
	}
	if !reflect.DeepEqual(got.Tasks[1:], n.Tasks[1:len(n.Tasks)-1]) {
		t.Errorf("untouched tasks changed or the deleted one kept: %d tasks", len(got.Tasks))
	}
}

func TestFormulaLikeTextStaysText(t *testing.T) {
	n := &duban.Notice{DocNumber: "测试〔2024〕1号", Title: "测试", Year: 2024, Tasks: []duban.Task{
		{ID: "1", Path: []string{"1"}, Text: "=SUM(1,2)", Units: []duban.Unit{{Name: "+市局", Role: duban.RoleLead}}},
		{ID: "2", Path: []string{"2"}, Text: "-1+1", Units: []duban.Unit{{Name: "@单位", Role: duban.RoleCo}}},
		{ID: "3", Path: []string{"3"}, Text: "=HYPERLINK(\"http://x\")", Units: []duban.Unit{}},
	}}
	dir := outDir(t, "formula")
	paths, err := render.Ledger(n, dir, render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	up, err := render.UnitSheets([]*duban.Notice{n}, dir, render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(paths, up...) {
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
					t.Errorf("%s %s: formula %q", p, cell, fm)
				}
			}
		}
		f.Close()
	}
	if s := xmlOf(t, paths[0], "xl/worksheets/sheet1.xml"); strings.Contains(s, "<f>") {
		t.Errorf("ledger sheet holds a formula")
	}
	got, err := render.ReadLedger(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, n) {
		t.Errorf("round trip of formula-like text differs: %+v", got.Tasks)
	}
}
