package render_test

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban"
	enr "github.com/duban/duban/extract/enrich"
	"github.com/duban/duban/render"
	"github.com/xuri/excelize/v2"
)

const testDirectory = `
units:
  - name: 市发展改革委
    aliases: [市发改委, 连云港市发展和改革委员会]
  - name: 市财政局
groups:
  - name: 相关县区
    members: [东海县, 灌云县]
`

// dirNotices are two notices written for the directory tests: aliases of
// one office, and a group (相关县区) with and without a member named
// beside it. Canonical names come from enrich.Apply, as in a run.
func dirNotices(t *testing.T) ([]*duban.Notice, *duban.Directory) {
	t.Helper()
	dir, err := duban.ParseDirectory([]byte(testDirectory), "units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dl := func(raw, date, q string) *duban.Deadline {
		return &duban.Deadline{Raw: raw, Date: duban.NullString(date), Kind: duban.KindDate, Quarter: duban.NullString(q)}
	}
	a := &duban.Notice{DocNumber: "连政办发〔2024〕1号", Title: "关于甲事项的通知", Year: 2024, Tasks: []duban.Task{
		{ID: "1", Path: []string{"1"}, Text: "编制年度投资计划并报市政府审定。",
			Units:    []duban.Unit{{Name: "市发改委", Role: duban.RoleLead}, {Name: "市财政局", Role: duban.RoleCo}},
			Deadline: dl("6月底前", "2024-06-30", "2024Q2")},
		{ID: "2", Path: []string{"2"}, Text: "开展县域营商环境评估，形成评估报告。",
			Units:    []duban.Unit{{Name: "市财政局", Role: duban.RoleLead}, {Name: "相关县区", Role: duban.RoleCo}},
			Deadline: dl("9月30日前", "2024-09-30", "2024Q3")},
	}}
	b := &duban.Notice{DocNumber: "连政办发〔2024〕2号", Title: "关于乙事项的通知", Year: 2024, Tasks: []duban.Task{
		{ID: "1", Path: []string{"1"}, Text: "清理拖欠企业账款，建立台账。",
			Units:    []duban.Unit{{Name: "连云港市发展和改革委员会", Role: duban.RoleResponsible}},
			Deadline: dl("5月底前", "2024-05-31", "2024Q2")},
		{ID: "2", Path: []string{"2"}, Text: "推进农村公路提档升级。",
			Units:    []duban.Unit{{Name: "相关县区", Role: duban.RoleResponsible}, {Name: "东海县", Role: duban.RoleResponsible}},
			Deadline: dl("年底前", "2024-12-31", "2024Q4")},
	}}
	for _, n := range []*duban.Notice{a, b} {
		if w := enr.Apply(n, dir, nil); len(w) != 0 {
			t.Fatalf("%s: unexpected warnings %+v", n.DocNumber, w)
		}
	}
	return []*duban.Notice{a, b}, dir
}

// dirRow is what one row of a unit sheet must show.
type dirRow struct{ text, role, partners string }

// dirWant is every sheet the directory tests expect, rows in deadline
// order: aliases share one sheet, the group has its own, and its members
// get its task marked 经相关县区 — except 东海县 on a task that names it.
var dirWant = map[string][]dirRow{
	"市发展改革委": {
		{"清理拖欠企业账款，建立台账。", "责任", ""},
		{"编制年度投资计划并报市政府审定。", "牵头", "市财政局"},
	},
	"市财政局": {
		{"编制年度投资计划并报市政府审定。", "配合", "市发改委（牵头）"},
		{"开展县域营商环境评估，形成评估报告。", "牵头", "相关县区"},
	},
	"相关县区": {
		{"开展县域营商环境评估，形成评估报告。", "配合", "市财政局（牵头）"},
		{"推进农村公路提档升级。", "责任", "东海县"},
	},
	"东海县": {
		{"开展县域营商环境评估，形成评估报告。", "配合\n经相关县区", "市财政局（牵头）"},
		{"推进农村公路提档升级。", "责任", "相关县区"},
	},
	"灌云县": {
		{"开展县域营商环境评估，形成评估报告。", "配合\n经相关县区", "市财政局（牵头）"},
		{"推进农村公路提档升级。", "责任\n经相关县区", "东海县"},
	},
}

func dirSheetNames(t *testing.T, paths []string, ext string) []string {
	t.Helper()
	var got []string
	for _, p := range paths {
		if filepath.Ext(p) == ext {
			got = append(got, strings.TrimSuffix(filepath.Base(p), ext))
		}
	}
	slices.Sort(got)
	var want []string
	for k := range dirWant {
		want = append(want, render.SafeFileName(k))
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("%s sheets %q, want %q", ext, got, want)
	}
	return got
}

func TestUnitSheetsDirectoryPDF(t *testing.T) {
	notices, dir := dirNotices(t)
	out := outDir(t, "units-dir")
	paths, err := render.UnitSheets(notices, out, render.Options{Now: testNow, Formats: []string{"pdf"}, Directory: dir})
	if err != nil {
		t.Fatal(err)
	}
	dirSheetNames(t, paths, ".pdf")
	for _, p := range paths {
		unit := strings.TrimSuffix(filepath.Base(p), ".pdf")
		doc := readPDF(t, p)
		rows, header := tableRows(doc)
		checkPages(t, p, doc, header)
		// the group's name is on a line of its own in 分工, never broken
		for _, b := range doc.Blocks {
			if b.Table == nil {
				continue
			}
			for _, r := range b.Table.Rows {
				for _, c := range r {
					if s := squeeze(c.Text); strings.Contains(s, "经") && !slices.Contains(strings.Fields(c.Text), "经相关县区") {
						t.Errorf("%s: 分工 cell %q: group name not on a line of its own", p, c.Text)
					}
				}
			}
		}
		textC, roleC, partC := column(header, "任务内容"), column(header, "分工"), column(header, "协同单位")
		if textC < 0 || roleC < 0 || partC < 0 {
			t.Fatalf("%s: header %q", p, header)
		}
		var head strings.Builder
		for _, b := range doc.Blocks {
			if b.Table == nil {
				head.WriteString(squeeze(b.Text))
			}
		}
		if m := "成员单位：东海县、灌云县"; strings.Contains(head.String(), m) != (unit == "相关县区") {
			t.Errorf("%s: members line %q shown only on the group's sheet: %q", p, m, head.String())
		}
		want := dirWant[unit]
		if len(rows) != len(want) {
			t.Errorf("%s: %d rows, want %d: %q", p, len(rows), len(want), rows)
			continue
		}
		for i, w := range want {
			got := dirRow{rows[i][textC], rows[i][roleC], rows[i][partC]}
			if got != (dirRow{squeeze(w.text), squeeze(w.role), squeeze(w.partners)}) {
				t.Errorf("%s row %d: %q, want %q", p, i+1, got, w)
			}
		}
	}
}

func TestUnitSheetsDirectoryXLSX(t *testing.T) {
	notices, dir := dirNotices(t)
	out := outDir(t, "units-dir-xlsx")
	paths, err := render.UnitSheets(notices, out, render.Options{Now: testNow, Formats: []string{"xlsx"}, Directory: dir})
	if err != nil {
		t.Fatal(err)
	}
	dirSheetNames(t, paths, ".xlsx")
	for _, p := range paths {
		unit := strings.TrimSuffix(filepath.Base(p), ".xlsx")
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		header, labels := checkSheet(t, p, f, sheet)
		textC, roleC, partC := slices.Index(labels, "任务内容")+1, slices.Index(labels, "分工")+1, slices.Index(labels, "协同单位")+1
		if src := cellStr(t, f, sheet, 1, 2); strings.Contains(src, "\n成员单位：东海县、灌云县") != (unit == "相关县区") {
			t.Errorf("%s: sources %q: members line only on the group's sheet", p, src)
		}
		want := dirWant[unit]
		rows, _ := f.GetRows(sheet)
		if len(rows)-header != len(want) {
			t.Errorf("%s: %d rows, want %d", p, len(rows)-header, len(want))
		}
		for i, w := range want {
			r := header + 1 + i
			got := dirRow{cellStr(t, f, sheet, textC, r), cellStr(t, f, sheet, roleC, r), cellStr(t, f, sheet, partC, r)}
			if got != w {
				t.Errorf("%s row %d: %q, want %q", p, r, got, w)
			}
		}
		f.Close()
	}
}

// Without a directory the group is just another unit: no member sheets.
func TestUnitSheetsNoDirectory(t *testing.T) {
	notices, _ := dirNotices(t)
	out := outDir(t, "units-nodir")
	paths, err := render.UnitSheets(notices, out, render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paths {
		got = append(got, strings.TrimSuffix(filepath.Base(p), ".xlsx"))
	}
	slices.Sort(got)
	// canonical names are in the records, so aliases still share a sheet
	want := []string{"东海县", "市发展改革委", "市财政局", "相关县区"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
}

// keywordNotice is a gold notice whose every other task has keywords.
func keywordNotice(t *testing.T) *duban.Notice {
	n := loadNotice(t, "../testdata/styles/dongling-2025-19.gold.json")
	for i := range n.Tasks {
		if i%2 == 0 {
			n.Tasks[i].Keywords = []string{"营商环境", "台账", "k" + itoa(i)}
		}
	}
	return n
}

func TestLedgerKeywordsPDF(t *testing.T) {
	for _, withKW := range []bool{true, false} {
		n := keywordNotice(t)
		if !withKW {
			n = loadNotice(t, "../testdata/styles/dongling-2025-19.gold.json")
		}
		paths, err := render.Ledger(n, outDir(t, "kw-pdf-"+strconv.FormatBool(withKW)), render.Options{Now: testNow, Formats: []string{"pdf"}})
		if err != nil {
			t.Fatal(err)
		}
		doc := readPDF(t, paths[0])
		rows, header := tableRows(doc)
		kwC, idC := column(header, "关键词"), column(header, "任务编号")
		if !withKW {
			if kwC >= 0 {
				t.Errorf("关键词 column shown without keywords: %q", header)
			}
			continue
		}
		if kwC < 0 {
			t.Fatalf("no 关键词 column: %q", header)
		}
		byID := map[string][]string{}
		for _, r := range rows {
			if len(r) == len(header) {
				byID[r[idC]] = r
			}
		}
		for _, task := range n.Tasks {
			r, ok := byID[squeeze(task.Number())]
			if !ok {
				t.Errorf("task %s: no row", task.ID)
				continue
			}
			if want := strings.Join(task.Keywords, "、"); r[kwC] != want {
				t.Errorf("task %s: 关键词 %q, want %q", task.ID, r[kwC], want)
			}
		}
	}
}

func TestLedgerKeywordsXLSX(t *testing.T) {
	n := keywordNotice(t)
	paths, err := render.Ledger(n, outDir(t, "kw-xlsx"), render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	header, labels := checkSheet(t, paths[0], f, sheet)
	c := slices.Index(labels, "关键词") + 1
	if c == 0 {
		t.Fatalf("no 关键词 column: %q", labels)
	}
	col, _ := excelize.ColumnNumberToName(c)
	if vis, err := f.GetColVisible(sheet, col); err != nil || !vis {
		t.Errorf("关键词 column hidden though tasks have keywords (%v)", err)
	}
	rows, _ := f.GetRows(sheet)
	found := 0
	for r := header + 1; r <= len(rows); r++ {
		id := cellStr(t, f, sheet, 1, r)
		for _, task := range n.Tasks {
			if task.Number() == id {
				found++
				if got, want := cellStr(t, f, sheet, c, r), strings.Join(task.Keywords, "、"); got != want {
					t.Errorf("task %s: 关键词 %q, want %q", id, got, want)
				}
			}
		}
	}
	if found != len(n.Tasks) {
		t.Errorf("%d task rows, want %d", found, len(n.Tasks))
	}
	// an edited keyword cell is read back; the others stay as recorded
	r := header + 1
	for cellStr(t, f, sheet, 1, r) != n.Tasks[0].Number() {
		r++
	}
	cell, _ := excelize.CoordinatesToCellName(c, r)
	if err := f.SetCellStr(sheet, cell, "改过、关键词"); err != nil {
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
	if !slices.Equal(got.Tasks[0].Keywords, []string{"改过", "关键词"}) {
		t.Errorf("edited keywords %q", got.Tasks[0].Keywords)
	}
	for i := 1; i < len(n.Tasks); i++ {
		if !slices.Equal(got.Tasks[i].Keywords, n.Tasks[i].Keywords) {
			t.Errorf("task %s: keywords %q, want %q", n.Tasks[i].ID, got.Tasks[i].Keywords, n.Tasks[i].Keywords)
		}
	}
}
