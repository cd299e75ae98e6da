package render_test

import (
	"archive/zip"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/render"
	"github.com/xuri/excelize/v2"
)

// The expected content of a quarterly report, recomputed here from the
// records independently of the renderer.
type qWant struct {
	due      []*duban.Task            // due in the quarter
	byUnit   map[string][]*duban.Task // unit key → its tasks due
	sections map[string]int           // section title → tasks due
	other    []*duban.Task            // ongoing and recurring
	next     []*duban.Task            // due in the next quarter
}

func qKey(u duban.Unit) string {
	if u.Canonical != "" {
		return u.Canonical
	}
	return u.Name
}

// placeKeys keys units as the sheets do: qKey, and a key named in notices
// of two or more issuing places (that does not carry a place itself) with
// the place of its notice — 市发改委（清河市）; a group of places (相关县区)
// carries none.
func placeKeys(notices []*duban.Notice) func(*duban.Notice, duban.Unit) string {
	places := map[string]map[string]bool{}
	for _, n := range notices {
		p := duban.IssuerPlace(n.Issuer)
		for _, t := range n.Tasks {
			for _, u := range t.Units {
				k := qKey(u)
				group := strings.HasPrefix(k, "相关") || strings.HasPrefix(k, "有关") || strings.HasPrefix(k, "各")
				if p != "" && (group || duban.IssuerPlace(k) == "") {
					if places[k] == nil {
						places[k] = map[string]bool{}
					}
					places[k][p] = true
				}
			}
		}
	}
	return func(n *duban.Notice, u duban.Unit) string {
		k := qKey(u)
		if len(places[k]) > 1 && duban.IssuerPlace(n.Issuer) != "" {
			return k + "（" + duban.IssuerPlace(n.Issuer) + "）"
		}
		return k
	}
}

func qNext(q string) string {
	y, _ := strconv.Atoi(q[:4])
	n := int(q[5] - '0')
	if n == 4 {
		return strconv.Itoa(y+1) + "Q1"
	}
	return q[:5] + strconv.Itoa(n+1)
}

func expectQuarter(notices []*duban.Notice, q string) qWant {
	w := qWant{byUnit: map[string][]*duban.Task{}, sections: map[string]int{}}
	year, _ := strconv.Atoi(q[:4])
	key := placeKeys(notices)
	for _, n := range notices {
		for i := range n.Tasks {
			t := &n.Tasks[i]
			if t.Deadline == nil {
				continue
			}
			// The quarter of the date; the quarter field only when the
			// date is missing or not a date.
			quarter := string(t.Deadline.Quarter)
			if d, ok := t.Deadline.Time(); ok {
				quarter = duban.QuarterOf(d)
			}
			switch quarter {
			case q:
				w.due = append(w.due, t)
				section := "未分板块"
				if t.Section != "" {
					section = t.Path[0] + "、" + string(t.Section)
				}
				if len(notices) > 1 && n.DocNumber != "" {
					section = n.DocNumber + section
				}
				w.sections[squeeze(section)]++
				seen := map[string]bool{}
				for _, u := range t.Units {
					if k := key(n, u); !seen[k] {
						seen[k] = true
						w.byUnit[k] = append(w.byUnit[k], t)
					}
				}
				if len(t.Units) == 0 {
					w.byUnit["未明确责任单位"] = append(w.byUnit["未明确责任单位"], t)
				}
			case qNext(q):
				w.next = append(w.next, t)
			default:
				if (t.Deadline.Kind == duban.KindOngoing || t.Deadline.Kind == duban.KindRecurring) && n.InForce(year) {
					w.other = append(w.other, t)
				}
			}
		}
	}
	return w
}

// qTables sorts the tables of a quarterly PDF by their header: each kind
// gets its header and its rows (squeezed cells), tables continued over
// pages joined.
type qTable struct {
	header []string
	rows   [][]string
}

func qPDFTables(doc *document.Document) map[string]*qTable {
	out := map[string]*qTable{}
	for _, b := range doc.Blocks {
		if b.Table == nil || len(b.Table.Rows) == 0 {
			continue
		}
		var header []string
		for _, c := range b.Table.Rows[0] {
			header = append(header, squeeze(c.Text))
		}
		kind := ""
		switch {
		case slices.Contains(header, "责任单位") && slices.Contains(header, "到期任务数"):
			kind = "units"
		case slices.Contains(header, "工作板块"):
			kind = "sections"
		case slices.Contains(header, "分工"):
			kind = "due"
		case slices.Contains(header, "任务内容") && slices.Contains(header, "截止日期"):
			kind = "next"
		case slices.Contains(header, "任务内容"):
			kind = "other"
		default:
			continue // the chart's grid lines
		}
		t := out[kind]
		if t == nil {
			t = &qTable{header: header}
			out[kind] = t
		}
		for _, r := range b.Table.Rows[1:] {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = squeeze(c.Text)
			}
			t.rows = append(t.rows, cells)
		}
	}
	return out
}

var groupRe = regexp.MustCompile(`^(.+)（(\d+)项）$`)

// groupOf tells a group row ("市教育局（7项）" across every cell).
func groupOf(r []string) (string, int, bool) {
	for _, c := range r[1:] {
		if c != r[0] {
			return "", 0, false
		}
	}
	m := groupRe.FindStringSubmatch(r[0])
	if m == nil {
		return "", 0, false
	}
	n, _ := strconv.Atoi(m[2])
	return m[1], n, true
}

func pdfText(doc *document.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if bl.Table == nil {
			b.WriteString(squeeze(bl.Text))
		}
	}
	return b.String()
}

func TestQuarterlySample(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	notices := []*duban.Notice{n}
	dir := outDir(t, "quarterly")
	paths, err := render.Quarterly(notices, dir, nil, render.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, q := range []string{"2024Q2", "2024Q3", "2024Q4"} {
		want = append(want, filepath.Join(dir, q+".pdf"), filepath.Join(dir, q+".xlsx"))
	}
	if !slices.Equal(paths, want) {
		t.Fatalf("paths = %v, want %v", paths, want)
	}
	counts := map[string]int{"2024Q2": 10, "2024Q3": 2, "2024Q4": 46}
	for q, c := range counts {
		t.Run(q, func(t *testing.T) {
			w := expectQuarter(notices, q)
			if len(w.due) != c {
				t.Fatalf("records: %d tasks due in %s, the sample has %d", len(w.due), q, c)
			}
			checkQuarterPDF(t, filepath.Join(dir, q+".pdf"), q, w, false)
			checkQuarterXLSX(t, filepath.Join(dir, q+".xlsx"), q, w, time.Time{})
		})
	}
}

// checkQuarterPDF reads a quarterly PDF back and checks every count and
// every task against w.
func checkQuarterPDF(t *testing.T, path, q string, w qWant, asOf bool) {
	t.Helper()
	doc := readPDF(t, path)
	text := pdfText(doc)
	y, nq := q[:4], q[5:]
	if title := y + "年第" + nq + "季度重点任务汇总"; !strings.HasPrefix(text, title) {
		t.Errorf("%s: does not start with the title %s: %.60s", path, title, text)
	}
	if s := "到期任务共" + strconv.Itoa(len(w.due)) + "项"; !strings.Contains(text, s) {
		t.Errorf("%s: does not state %s", path, s)
	}
	if s := "到期任务共" + strconv.Itoa(len(w.next)) + "项"; !strings.Contains(text, s) {
		t.Errorf("%s: does not state the next quarter's %s", path, s)
	}
	if !asOf && (strings.Contains(text, "逾期") || strings.Contains(text, "临期")) {
		t.Errorf("%s: status claims without an as-of date", path)
	}
	tables := qPDFTables(doc)
	if len(w.due) == 0 {
		if !strings.Contains(text, "本季度没有到期任务") {
			t.Errorf("%s: an empty quarter does not say so", path)
		}
		if tables["units"] != nil || tables["due"] != nil {
			t.Errorf("%s: tables of tasks due in an empty quarter", path)
		}
	} else {
		// Counts by unit.
		u := tables["units"]
		if u == nil {
			t.Fatalf("%s: no table of counts by unit", path)
		}
		uc, cc := column(u.header, "责任单位"), column(u.header, "到期任务数")
		got := map[string]int{}
		prev := 1 << 30
		for _, r := range u.rows {
			v, err := strconv.Atoi(r[cc])
			if err != nil {
				t.Fatalf("%s: count %q", path, r[cc])
			}
			got[r[uc]] = v
			if v > prev {
				t.Errorf("%s: units not sorted by count: %v", path, r)
			}
			prev = v
		}
		if len(got) != len(w.byUnit) {
			t.Errorf("%s: %d units counted, want %d", path, len(got), len(w.byUnit))
		}
		for k, ts := range w.byUnit {
			if got[squeeze(k)] != len(ts) {
				t.Errorf("%s: unit %s counts %d, want %d", path, k, got[squeeze(k)], len(ts))
			}
		}
		// Counts by section, and the total.
		s := tables["sections"]
		if s == nil {
			t.Fatalf("%s: no table of counts by section", path)
		}
		sc, cc := column(s.header, "工作板块"), column(s.header, "到期任务数")
		seen := 0
		for _, r := range s.rows {
			v, _ := strconv.Atoi(r[cc])
			if r[0] == "合计" {
				if v != len(w.due) {
					t.Errorf("%s: total %d, want %d", path, v, len(w.due))
				}
				continue
			}
			if w.sections[r[sc]] != v {
				t.Errorf("%s: section %s counts %d, want %d", path, r[sc], v, w.sections[r[sc]])
			}
			seen++
		}
		if seen != len(w.sections) {
			t.Errorf("%s: %d sections, want %d", path, seen, len(w.sections))
		}
		checkDueTable(t, path, tables["due"], w)
		checkChartPage(t, path, w)
	}
	// Ongoing and recurring tasks.
	if o := tables["other"]; len(w.other) > 0 {
		if o == nil {
			t.Fatalf("%s: no table of ongoing and recurring tasks", path)
		}
		tc := column(o.header, "任务内容")
		var got []string
		for _, r := range o.rows {
			if _, _, g := groupOf(r); !g {
				got = append(got, r[tc])
			}
		}
		for _, task := range w.other {
			if !slices.Contains(got, squeeze(task.Text)) {
				t.Errorf("%s: ongoing/recurring task %s missing", path, task.ID)
			}
		}
		if len(got) != len(w.other) {
			t.Errorf("%s: %d ongoing/recurring rows, want %d", path, len(got), len(w.other))
		}
	} else if o != nil {
		t.Errorf("%s: ongoing/recurring table without such tasks", path)
	}
	// The next quarter.
	if nx := tables["next"]; len(w.next) > 0 {
		if nx == nil {
			t.Fatalf("%s: no preview of the next quarter", path)
		}
		if len(nx.rows) != len(w.next) {
			t.Errorf("%s: %d rows in the preview, want %d", path, len(nx.rows), len(w.next))
		}
		tc := column(nx.header, "任务内容")
		for _, task := range w.next {
			found := false
			for _, r := range nx.rows {
				found = found || r[tc] == squeeze(task.Text)
			}
			if !found {
				t.Errorf("%s: task %s of the next quarter missing", path, task.ID)
			}
		}
	}
}

// checkDueTable checks the table of tasks due: one group per unit with its
// count, each unit's tasks all there and sorted by deadline.
func checkDueTable(t *testing.T, path string, d *qTable, w qWant) {
	t.Helper()
	if d == nil {
		t.Fatalf("%s: no table of tasks due", path)
	}
	tc, dc, ic := column(d.header, "任务内容"), column(d.header, "截止日期"), column(d.header, "任务编号")
	if tc < 0 || dc < 0 || ic < 0 {
		t.Fatalf("%s: header %v", path, d.header)
	}
	got := map[string][][]string{}
	unit := ""
	for _, r := range d.rows {
		if g, n, ok := groupOf(r); ok {
			unit = g
			if _, dup := got[g]; dup {
				t.Errorf("%s: unit %s grouped twice", path, g)
			}
			got[g] = nil
			if ts := w.byUnit[g]; len(ts) != n {
				t.Errorf("%s: group %s says %d tasks, want %d", path, g, n, len(ts))
			}
			continue
		}
		if len(r) != len(d.header) {
			t.Errorf("%s: row %v does not fit the header", path, r)
			continue
		}
		got[unit] = append(got[unit], r)
	}
	for k, ts := range w.byUnit {
		rows := got[squeeze(k)]
		if len(rows) != len(ts) {
			t.Errorf("%s: unit %s has %d rows, want %d", path, k, len(rows), len(ts))
		}
		for _, task := range ts {
			found := false
			for _, r := range rows {
				// with several notices the number follows the 文号
				if r[tc] == squeeze(task.Text) && strings.HasSuffix(r[ic], squeeze(task.Number())) && r[dc] == string(task.Deadline.Date) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: task %s missing under %s", path, task.ID, k)
			}
		}
		for i := 1; i < len(rows); i++ {
			if rows[i][dc] < rows[i-1][dc] {
				t.Errorf("%s: %s not sorted by deadline: %s after %s", path, k, rows[i][dc], rows[i-1][dc])
			}
		}
	}
}

// checkChartPage finds the chart page with pdftotext -layout and checks
// that every unit's label is followed on its line by its count.
func checkChartPage(t *testing.T, path string, w qWant) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: chart labels not checked")
		return
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var page string
	for _, p := range strings.Split(string(out), "\f") {
		if strings.Contains(p, "到期任务数（项）") {
			page += p
		}
	}
	if page == "" {
		t.Fatalf("%s: no chart page", path)
	}
	for k, ts := range w.byUnit {
		found := false
		for _, line := range strings.Split(page, "\n") {
			f := strings.Fields(line)
			if len(f) >= 2 && squeeze(strings.Join(f[:len(f)-1], "")) == squeeze(k) && f[len(f)-1] == strconv.Itoa(len(ts)) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: chart has no bar %s %d", path, k, len(ts))
		}
	}
}

// qCheckSheet checks the view and print setup of a further sheet (the
// first is checked with checkSheet): frozen header, its autofilter and
// print titles, A4 landscape, the footer, row heights.
func qCheckSheet(t *testing.T, path string, f *excelize.File, sheet string, n int) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit < 1 {
		t.Fatalf("%s: %s: header not frozen", path, sheet)
	}
	h := strconv.Itoa(panes.YSplit)
	if x := xmlOf(t, path, "xl/worksheets/sheet"+strconv.Itoa(n)+".xml"); !strings.Contains(x, `<autoFilter ref="A`+h+`:`) && !strings.Contains(x, `<autoFilter ref="$A$`+h+`:`) {
		t.Errorf("%s: %s: no autofilter from the header row", path, sheet)
	}
	found := false
	for _, dn := range f.GetDefinedName() {
		found = found || dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet && strings.HasSuffix(dn.RefersTo, "!$"+h+":$"+h)
	}
	if !found {
		t.Errorf("%s: %s: header row not repeated on printed pages", path, sheet)
	}
	pl, err := f.GetPageLayout(sheet)
	if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("%s: %s: not A4 landscape", path, sheet)
	}
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil || hf == nil || !strings.Contains(hf.OddFooter, "&P") || strings.Contains(hf.OddFooter, "{{") {
		t.Errorf("%s: %s: footer %+v", path, sheet, hf)
	}
	rows, _ := f.GetRows(sheet)
	for i, row := range rows[panes.YSplit:] {
		r := panes.YSplit + 1 + i
		ht, _ := f.GetRowHeight(sheet, r)
		for c, v := range row {
			if v == "" {
				continue
			}
			col, _ := excelize.ColumnNumberToName(c + 1)
			w, _ := f.GetColWidth(sheet, col)
			if c == 0 && len(row) == 1 { // a group row spans the sheet
				for k := 2; k < 20; k++ {
					name, _ := excelize.ColumnNumberToName(k)
					cw, _ := f.GetColWidth(sheet, name)
					w += cw
				}
			}
			if need := float64(minLines(v, w, 10.5)) * 10.5 * 1.2; ht < need {
				t.Errorf("%s: %s: row %d is %.1f pt high, %q needs %.1f", path, sheet, r, ht, v, need)
			}
		}
	}
}

// sheetTable reads a filled sheet: its header row (the frozen one), and
// the rows below.
func sheetTable(t *testing.T, f *excelize.File, sheet string) ([]string, [][]string, int) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze {
		t.Fatalf("%s: no frozen header", sheet)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	h := panes.YSplit
	if h > len(rows) {
		t.Fatalf("%s: header row %d of %d", sheet, h, len(rows))
	}
	return rows[h-1], rows[h:], h
}

// xlsxGroup tells a group row of a sheet: only its first cell, "X（n项）".
func xlsxGroup(r []string) (string, int, bool) {
	for _, c := range r[min(1, len(r)):] {
		if c != "" {
			return "", 0, false
		}
	}
	return groupOf([]string{cellAt(r, 0)})
}

func cellAt(r []string, c int) string {
	if c < 0 || c >= len(r) {
		return ""
	}
	return r[c]
}

// checkQuarterXLSX reopens a quarterly workbook and checks every count and
// task against w, and the chart against the counts.
func checkQuarterXLSX(t *testing.T, path, q string, w qWant, asOf time.Time) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 5 {
		t.Fatalf("%s: sheets %v", path, sheets)
	}
	checkSheet(t, path, f, sheets[0])
	for i, s := range sheets[1:] {
		qCheckSheet(t, path, f, s, i+2)
	}
	// 汇总: title, overview, counts by unit.
	title, _ := f.GetCellValue(sheets[0], "A1")
	if want := q[:4] + "年第" + q[5:] + "季度重点任务汇总"; title != want {
		t.Errorf("%s: title %q, want %q", path, title, want)
	}
	all, _ := f.GetRows(sheets[0])
	var top strings.Builder
	for _, r := range all[:3] {
		top.WriteString(strings.Join(r, ""))
	}
	if s := "到期任务共 " + strconv.Itoa(len(w.due)) + " 项"; !strings.Contains(top.String(), s) {
		t.Errorf("%s: overview does not state %s: %s", path, s, top.String())
	}
	header, rows, hrow := sheetTable(t, f, sheets[0])
	uc, cc := column(header, "责任单位"), column(header, "到期任务数")
	got := map[string]int{}
	for _, r := range rows {
		v, err := strconv.Atoi(cellAt(r, cc))
		if err != nil {
			t.Errorf("%s: count %q", path, cellAt(r, cc))
		}
		got[cellAt(r, uc)] = v
		typ, _ := f.GetCellType(sheets[0], "C"+strconv.Itoa(hrow+1))
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s: counts written as text", path)
		}
	}
	if len(got) != len(w.byUnit) {
		t.Errorf("%s: %d units, want %d", path, len(got), len(w.byUnit))
	}
	for k, ts := range w.byUnit {
		if got[k] != len(ts) {
			t.Errorf("%s: unit %s counts %d, want %d", path, k, got[k], len(ts))
		}
	}
	checkChartXML(t, path, f, w, len(rows))

	// 按板块.
	header, rows, _ = sheetTable(t, f, sheets[1])
	sc, cc := column(header, "工作板块"), column(header, "到期任务数")
	for _, r := range rows {
		v, _ := strconv.Atoi(cellAt(r, cc))
		s := cellAt(r, sc)
		if cellAt(r, 0) == "合计" {
			if v != len(w.due) {
				t.Errorf("%s: total %d, want %d", path, v, len(w.due))
			}
			continue
		}
		if w.sections[squeeze(s)] != v {
			t.Errorf("%s: section %s counts %d, want %d", path, s, v, w.sections[squeeze(s)])
		}
	}

	// 到期任务: grouped by unit.
	header, rows, hrow = sheetTable(t, f, sheets[2])
	tc, dc, stc := column(header, "任务内容"), column(header, "截止日期"), column(header, "状态")
	byUnit := map[string][][]string{}
	unit := ""
	for _, r := range rows {
		if g, n, ok := xlsxGroup(r); ok {
			unit = g
			if n != len(w.byUnit[g]) {
				t.Errorf("%s: group %s says %d, want %d", path, g, n, len(w.byUnit[g]))
			}
			continue
		}
		byUnit[unit] = append(byUnit[unit], r)
	}
	for k, ts := range w.byUnit {
		rs := byUnit[k]
		if len(rs) != len(ts) {
			t.Errorf("%s: unit %s has %d rows, want %d", path, k, len(rs), len(ts))
		}
		for _, task := range ts {
			found := false
			for _, r := range rs {
				found = found || cellAt(r, tc) == task.Text && cellAt(r, dc) == string(task.Deadline.Date)
			}
			if !found {
				t.Errorf("%s: task %s missing under %s", path, task.ID, k)
			}
		}
	}
	col, _ := excelize.ColumnNumberToName(stc + 1)
	visible, _ := f.GetColVisible(sheets[2], col)
	if asOf.IsZero() == visible {
		t.Errorf("%s: status column visible = %v with as-of %v", path, visible, asOf)
	}
	_ = hrow
	// 下季度预览.
	_, rows, _ = sheetTable(t, f, sheets[4])
	if len(rows) != len(w.next) {
		t.Errorf("%s: preview has %d rows, want %d", path, len(rows), len(w.next))
	}
}

// chartXML is the part of a chart we check.
type chartXML struct {
	BarDir struct {
		Val string `xml:"val,attr"`
	} `xml:"chart>plotArea>barChart>barDir"`
	Series []struct {
		Cat string `xml:"cat>strRef>f"`
		Val string `xml:"val>numRef>f"`
	} `xml:"chart>plotArea>barChart>ser"`
}

// checkChartXML checks the workbook's chart: a horizontal bar chart whose
// one series takes its categories and values from cells holding each
// unit and its count.
func checkChartXML(t *testing.T, path string, f *excelize.File, w qWant, n int) {
	t.Helper()
	if len(w.due) == 0 {
		z := xmlOfMaybe(t, path, "xl/charts/chart1.xml")
		if z != "" {
			t.Errorf("%s: a chart in a quarter with nothing due", path)
		}
		return
	}
	var c chartXML
	if err := xml.Unmarshal([]byte(xmlOf(t, path, "xl/charts/chart1.xml")), &c); err != nil {
		t.Fatal(err)
	}
	if c.BarDir.Val != "bar" {
		t.Errorf("%s: chart direction %q, want bar (horizontal)", path, c.BarDir.Val)
	}
	if len(c.Series) != 1 {
		t.Fatalf("%s: %d series", path, len(c.Series))
	}
	cats, vals := rangeValues(t, f, c.Series[0].Cat), rangeValues(t, f, c.Series[0].Val)
	if len(cats) != len(w.byUnit) || len(vals) != len(cats) || n != len(cats) {
		t.Fatalf("%s: chart has %d categories and %d values, want %d units", path, len(cats), len(vals), len(w.byUnit))
	}
	for i, k := range cats {
		if vals[i] != strconv.Itoa(len(w.byUnit[k])) {
			t.Errorf("%s: chart value of %s is %s, want %d", path, k, vals[i], len(w.byUnit[k]))
		}
	}
}

func xmlOfMaybe(t *testing.T, path, part string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == part {
			return xmlOf(t, path, part)
		}
	}
	return ""
}

// rangeValues reads the cells of a reference such as '汇总'!$B$5:$B$28.
func rangeValues(t *testing.T, f *excelize.File, ref string) []string {
	t.Helper()
	i := strings.LastIndex(ref, "!")
	if i < 0 {
		t.Fatalf("reference %q", ref)
	}
	sheet := strings.ReplaceAll(strings.Trim(ref[:i], "'"), "''", "'")
	cells := strings.Split(strings.ReplaceAll(ref[i+1:], "$", ""), ":")
	c1, r1, err1 := excelize.CellNameToCoordinates(cells[0])
	c2, r2, err2 := excelize.CellNameToCoordinates(cells[len(cells)-1])
	if err1 != nil || err2 != nil || c1 != c2 {
		t.Fatalf("reference %q", ref)
	}
	var out []string
	for r := r1; r <= r2; r++ {
		name, _ := excelize.CoordinatesToCellName(c1, r)
		v, err := f.GetCellValue(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// wantStatus recomputes a task's status mark on day asOf.
func wantStatus(task *duban.Task, asOf time.Time) string {
	d, ok := task.Deadline.Time()
	switch {
	case !ok:
		return ""
	case d.Before(asOf):
		return "逾期"
	case !d.After(asOf.AddDate(0, 0, 30)):
		return "临期"
	}
	return ""
}

func TestQuarterlyAsOf(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	notices := []*duban.Notice{n}
	asOf := time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)
	dir := outDir(t, "quarterly-asof")
	paths, err := render.Quarterly(notices, dir, []string{"2024q2", " 2024Q3", "2024Q2"}, render.Options{Now: testNow, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 4 {
		t.Fatalf("paths %v: want 2024Q2 and 2024Q3 once each", paths)
	}
	for _, q := range []string{"2024Q2", "2024Q3"} {
		w := expectQuarter(notices, q)
		pdf, book := filepath.Join(dir, q+".pdf"), filepath.Join(dir, q+".xlsx")
		checkQuarterPDF(t, pdf, q, w, true)
		checkQuarterXLSX(t, book, q, w, asOf)

		over, soon := 0, 0
		status := map[string]string{}
		for _, task := range w.due {
			s := wantStatus(task, asOf)
			status[squeeze(task.Number())] = s
			switch s {
			case "逾期":
				over++
			case "临期":
				soon++
			}
		}
		doc := readPDF(t, pdf)
		text := pdfText(doc)
		if s := "已逾期" + strconv.Itoa(over) + "项，30日内到期（临期）" + strconv.Itoa(soon) + "项"; !strings.Contains(text, s) {
			t.Errorf("%s: overview lacks %s", pdf, s)
		}
		if len(w.due) > 0 {
			d := qPDFTables(doc)["due"]
			ic, sc := column(d.header, "任务编号"), column(d.header, "状态")
			if sc < 0 {
				t.Fatalf("%s: no status column with an as-of date", pdf)
			}
			for _, r := range d.rows {
				if _, _, g := groupOf(r); !g && r[sc] != status[r[ic]] {
					t.Errorf("%s: task %s marked %q, want %q", pdf, r[ic], r[sc], status[r[ic]])
				}
			}
		}
		// The workbook: status cells say the same and are coloured.
		f, err := excelize.OpenFile(book)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[2]
		header, rows, hrow := sheetTable(t, f, sheet)
		ic, sc := column(header, "任务编号"), column(header, "状态")
		fills := map[string]string{}
		for i, r := range rows {
			if _, _, g := xlsxGroup(r); g {
				continue
			}
			if got, want := cellAt(r, sc), status[cellAt(r, ic)]; got != want {
				t.Errorf("%s: task %s marked %q, want %q", book, cellAt(r, ic), got, want)
			}
			cell, _ := excelize.CoordinatesToCellName(sc+1, hrow+1+i)
			id, _ := f.GetCellStyle(sheet, cell)
			st, _ := f.GetStyle(id)
			fill := ""
			if st != nil && len(st.Fill.Color) > 0 {
				fill = st.Fill.Color[0]
			}
			if prev, ok := fills[cellAt(r, sc)]; ok && prev != fill {
				t.Errorf("%s: %q cells coloured both %s and %s", book, cellAt(r, sc), prev, fill)
			}
			fills[cellAt(r, sc)] = fill
		}
		if fills["逾期"] == "" && over > 0 || fills["临期"] == "" && soon > 0 || fills["逾期"] == fills["临期"] && over > 0 && soon > 0 {
			t.Errorf("%s: status fills %v", book, fills)
		}
		f.Close()
	}
}

func TestQuarterlyYearWithEmptyQuarter(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	notices := []*duban.Notice{nil, n}
	dir := outDir(t, "quarterly-year")
	qs := duban.QuartersOfYear(2024)
	if !slices.Equal(qs, []string{"2024Q1", "2024Q2", "2024Q3", "2024Q4"}) {
		t.Fatalf("QuartersOfYear = %v", qs)
	}
	paths, err := render.Quarterly(notices, dir, qs, render.Options{Now: testNow, Formats: []string{"pdf", "xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 8 {
		t.Fatalf("paths %v", paths)
	}
	w := expectQuarter([]*duban.Notice{n}, "2024Q1")
	if len(w.due) != 0 || len(w.next) != 10 {
		t.Fatalf("records: 2024Q1 has %d due, next %d", len(w.due), len(w.next))
	}
	checkQuarterPDF(t, filepath.Join(dir, "2024Q1.pdf"), "2024Q1", w, false)
	checkQuarterXLSX(t, filepath.Join(dir, "2024Q1.xlsx"), "2024Q1", w, time.Time{})
}

func TestQuarterlySeveralNotices(t *testing.T) {
	notices := goldNotices(t)
	// canonical names key the units
	for i := range notices[1].Tasks {
		for j := range notices[1].Tasks[i].Units {
			u := &notices[1].Tasks[i].Units[j]
			u.Canonical = u.Name + "（规范）"
		}
	}
	// A 长期坚持 task of a 2024 plan belongs to the quarters of 2024, not to
	// those of the 2025 notices beside it (Notice.InForce).
	var n2024 *duban.Notice
	for _, n := range notices {
		if n.Year == 2024 {
			n2024 = n
		}
	}
	if n2024 == nil {
		t.Fatal("no 2024 notice among the gold files")
	}
	const lasting = "长期坚持开展两市干部互派挂职，持续深化交流合作。"
	n2024.Tasks = append(n2024.Tasks, duban.Task{ID: "九.1", Path: []string{"九", "1"}, Text: lasting,
		Units: []duban.Unit{{Name: "市委组织部", Role: duban.RoleLead}}, Deadline: &duban.Deadline{Raw: "长期坚持", Kind: duban.KindOngoing}})
	dir := outDir(t, "quarterly-all")
	paths, err := render.Quarterly(notices, dir, nil, render.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	quarters := map[string]bool{}
	others := 0
	for _, n := range notices {
		for _, task := range n.Tasks {
			if task.Deadline != nil && task.Deadline.Quarter != "" {
				quarters[string(task.Deadline.Quarter)] = true
			}
			if task.Deadline != nil && (task.Deadline.Kind == duban.KindOngoing || task.Deadline.Kind == duban.KindRecurring) {
				others++
			}
		}
	}
	if len(paths) != 2*len(quarters) {
		t.Fatalf("%d files for %d quarters", len(paths), len(quarters))
	}
	if others == 0 {
		t.Fatal("the style samples have no ongoing or recurring task: the test needs one")
	}
	for q := range quarters {
		w := expectQuarter(notices, q)
		listed := slices.ContainsFunc(w.other, func(x *duban.Task) bool { return x.Text == lasting })
		if want := strings.HasPrefix(q, "2024"); listed != want {
			t.Errorf("%s lists the 2024 plan's 长期坚持 task: %v, want %v", q, listed, want)
		}
		checkQuarterPDF(t, filepath.Join(dir, q+".pdf"), q, w, false)
		checkQuarterXLSX(t, filepath.Join(dir, q+".xlsx"), q, w, time.Time{})
	}
}

func TestQuarterlyBadInput(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	for _, q := range []string{"2024Q5", "2024Q0", "24Q1", "2024-Q1", "Q3", "", "２０２４Q1"} {
		dir := filepath.Join(t.TempDir(), "q")
		if _, err := render.Quarterly([]*duban.Notice{n}, dir, []string{q}, render.Options{Now: testNow}); err == nil {
			t.Errorf("quarter %q accepted", q)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("quarter %q: output directory created", q)
		}
	}
	if _, err := render.Quarterly([]*duban.Notice{n}, t.TempDir(), nil, render.Options{Formats: []string{"doc"}}); err == nil {
		t.Error("unknown format accepted")
	}
	// No notices, no quarters: nothing to write.
	paths, err := render.Quarterly(nil, filepath.Join(t.TempDir(), "none"), nil, render.Options{})
	if err != nil || len(paths) != 0 {
		t.Errorf("no notices: %v %v", paths, err)
	}
	// Broken records render without panicking.
	bad := &duban.Notice{Tasks: []duban.Task{
		{ID: "1", Text: "=SUM(A1)", Deadline: &duban.Deadline{Raw: "x", Date: "2024-13-45", Quarter: "2024Q4"}},
		{ID: "2", Text: "无单位", Deadline: &duban.Deadline{Raw: "年底前", Date: "2024-12-31", Kind: duban.KindYearEnd}},
		{ID: "3", Deadline: &duban.Deadline{Kind: duban.KindOngoing}},
		{ID: "4"},
	}}
	dir := t.TempDir()
	paths, err = render.Quarterly([]*duban.Notice{bad}, dir, nil, render.Options{Now: testNow})
	if err != nil || len(paths) != 2 {
		t.Fatalf("broken records: %v %v", paths, err)
	}
	w := expectQuarter([]*duban.Notice{bad}, "2024Q4")
	checkQuarterPDF(t, paths[0], "2024Q4", w, false)
	f, err := excelize.OpenFile(paths[1])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, rows, hrow := sheetTable(t, f, f.GetSheetList()[2])
	for i, r := range rows {
		if cellAt(r, 3) == "=SUM(A1)" {
			cell, _ := excelize.CoordinatesToCellName(4, hrow+1+i)
			if fm, _ := f.GetCellFormula(f.GetSheetList()[2], cell); fm != "" {
				t.Errorf("task text became a formula %q", fm)
			}
		}
	}
}

func TestQuarterlyTemplatesOverride(t *testing.T) {
	tmpl := t.TempDir()
	layout := "documents:\n  quarterly:\n    title: \"{quarter} 季度汇总（测试）\"\n    columns:\n      - {key: id, label: 编号}\n      - {key: text, label: 任务内容}\n      - {key: role, label: 分工}\n      - {key: date, label: 截止日期}\n"
	if err := os.WriteFile(filepath.Join(tmpl, "quarterly.yaml"), []byte(layout), 0o644); err != nil {
		t.Fatal(err)
	}
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	dir := outDir(t, "quarterly-tmpl")
	paths, err := render.Quarterly([]*duban.Notice{n}, dir, []string{"2024Q3"}, render.Options{Now: testNow, Templates: tmpl, Formats: []string{"pdf"}})
	if err != nil {
		t.Fatal(err)
	}
	doc := readPDF(t, paths[0])
	if text := pdfText(doc); !strings.HasPrefix(text, "2024Q3季度汇总（测试）") {
		t.Errorf("title from the replaced layout not used: %.40s", text)
	}
	d := qPDFTables(doc)["due"]
	if d == nil || !slices.Equal(d.header, []string{"编号", "任务内容", "分工", "截止日期"}) {
		t.Errorf("columns from the replaced layout not used: %v", d)
	}
	bad := "documents:\n  quarterly:\n    columns:\n      - {key: nope, label: x}\n"
	if err := os.WriteFile(filepath.Join(tmpl, "quarterly.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl2 := t.TempDir()
	if err := os.WriteFile(filepath.Join(tmpl2, "quarterly.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := render.Quarterly([]*duban.Notice{n}, t.TempDir(), nil, render.Options{Templates: tmpl2}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown column key: %v", err)
	}
}
