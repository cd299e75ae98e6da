package render_test

import (
	"os/exec"
	"path/filepath"
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

// report adds unit's report on task id of n.
func report(t *testing.T, n *duban.Notice, id, unit string, st duban.Status, detail, problems string) {
	t.Helper()
	for i := range n.Tasks {
		if n.Tasks[i].ID == id {
			n.Tasks[i].Progress = append(n.Tasks[i].Progress, duban.Progress{Unit: unit, Status: st, Detail: detail, Problems: problems})
			return
		}
	}
	t.Fatalf("no task %s", id)
}

// bulletinTables joins the tables of a PDF by header (continued over
// pages), keyed by the header's first two cells.
func bulletinTables(doc *document.Document) map[string]*qTable {
	out := map[string]*qTable{}
	for _, b := range doc.Blocks {
		if b.Table == nil || len(b.Table.Rows) < 2 {
			continue
		}
		var header []string
		for _, c := range b.Table.Rows[0] {
			header = append(header, squeeze(c.Text))
		}
		key := strings.Join(header, "|")
		tb := out[key]
		if tb == nil {
			tb = &qTable{header: header}
			out[key] = tb
		}
		for _, r := range b.Table.Rows[1:] {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = squeeze(c.Text)
			}
			tb.rows = append(tb.rows, cells)
		}
	}
	return out
}

func tableWith(tables map[string]*qTable, labels ...string) *qTable {
	for _, tb := range tables {
		ok := true
		for _, l := range labels {
			ok = ok && slices.Contains(tb.header, l)
		}
		if ok {
			return tb
		}
	}
	return nil
}

// The 通报 of the sample's Q4 on 2024-11-15 with four units' reports: the
// totals, every unit's line and the 合计, the overdue and behind lists with
// the units' words, in the PDF read back, the workbook reopened and the
// DOCX; Q3 (two tasks) is short.
func TestBulletin(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	report(t, n, "一.6", "无锡工作队", duban.StatusDone, "已建立工作机制。", "")
	report(t, n, "一.8", "市发改委", duban.StatusBehind, "已完成前期调研。", "资金尚未到位。")
	report(t, n, "一.8", "市教育局", duban.StatusOnTrack, "按计划推进。", "")
	report(t, n, "四.（一）.2", "市工信局", duban.StatusOnTrack, "正在对接企业。", "")
	report(t, n, "一.5", "市工商联", duban.StatusDone, "", "")
	asOf := time.Date(2024, 11, 15, 0, 0, 0, 0, time.UTC)
	dir := outDir(t, "bulletin")
	paths, err := render.Bulletin([]*duban.Notice{n}, dir, []string{"2024Q4", "2024Q3"}, render.Options{Now: testNow, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, q := range []string{"2024Q4", "2024Q3"} {
		b := filepath.Join(dir, q+"通报")
		want = append(want, b+".pdf", b+".docx", b+".xlsx")
	}
	if !slices.Equal(paths, want) {
		t.Fatalf("paths %v, want %v", paths, want)
	}

	// What each unit's line must say, from the records.
	names := []string{"已完成", "逾期未完成", "滞后", "未启动", "按时推进", "未报送"}
	w := expectQuarter([]*duban.Notice{n}, "2024Q4")
	lines := map[string][]int{} // unit → due, then one count per name
	total := make([]int, 7)
	for unit, ts := range w.byUnit {
		c := make([]int, 7)
		for _, task := range ts {
			c[0]++
			d, _ := task.Deadline.Time()
			p := task.LatestProgress(unit)
			k := 5
			switch {
			case p != nil && p.Status == duban.StatusDone:
				k = 0
			case d.Before(asOf):
				k = 1
			case p == nil:
				k = 5
			case p.Status == duban.StatusBehind:
				k = 2
			case p.Status == duban.StatusNotStarted:
				k = 3
			case p.Status == duban.StatusOnTrack:
				k = 4
			}
			c[k+1]++
		}
		lines[squeeze(unit)] = c
		for i := range c {
			total[i] += c[i]
		}
	}
	if total[1] != 2 || total[2] != 4 || total[3] != 1 || total[5] != 1 {
		t.Fatalf("scenario: %v (want 2 done, 4 overdue, 1 behind, 1 on track)", total)
	}

	pdf := filepath.Join(dir, "2024Q4通报.pdf")
	doc := readPDF(t, pdf)
	text := pdfText(doc)
	for _, s := range []string{"2024年第4季度重点任务落实情况通报", "截至2024年11月15日", "来源文件：连政办发〔2024〕22号", "完成率"} {
		if !strings.Contains(text, s) {
			t.Errorf("%s: lacks %s", pdf, s)
		}
	}
	tables := bulletinTables(doc)
	rank := tableWith(tables, "排名", "单位", "完成率")
	if rank == nil {
		t.Fatalf("%s: no ranking table in %v", pdf, tables)
	}
	uc := column(rank.header, "单位")
	seen := 0
	prevRate := 101.0
	for _, r := range rank.rows {
		if r[0] == "合计" {
			for i := range 7 {
				if r[uc+1+i] != strconv.Itoa(total[i]) {
					t.Errorf("%s: 合计 %v, want %v", pdf, r, total)
				}
			}
			continue
		}
		seen++
		want := lines[r[uc]]
		if want == nil {
			t.Errorf("%s: unit %s not due this quarter", pdf, r[uc])
			continue
		}
		for i, name := range append([]string{"到期"}, names...) {
			if got := r[column(rank.header, name)]; got != strconv.Itoa(want[i]) {
				t.Errorf("%s: %s %s = %s, want %d", pdf, r[uc], name, got, want[i])
			}
		}
		rate, err := strconv.ParseFloat(strings.TrimSuffix(r[len(r)-1], "%"), 64)
		if err != nil || rate > prevRate {
			t.Errorf("%s: rate %q not ranked", pdf, r[len(r)-1])
		}
		prevRate = rate
	}
	if seen != len(lines) {
		t.Errorf("%s: %d units ranked, want %d", pdf, seen, len(lines))
	}
	// Overdue and behind lists quote the units.
	var lists []*qTable
	for _, tb := range tables {
		if slices.Contains(tb.header, "具体进展") {
			lists = append(lists, tb)
		}
	}
	if len(lists) != 1 {
		t.Fatalf("%s: %d item tables", pdf, len(lists))
	}
	items := lists[0]
	find := func(unit, id string) []string {
		for _, r := range items.rows {
			if slices.Contains(strings.Split(r[1], "、"), unit) && r[2] == id {
				return r
			}
		}
		return nil
	}
	if r := find("市工信局", "四（一）2"); r == nil || r[5] != "按时推进" || r[6] != "正在对接企业。" {
		t.Errorf("%s: overdue 四.（一）.2 of 市工信局: %v", pdf, r)
	}
	if r := find("市发改委", "一、8"); r == nil || r[5] != "滞后" || r[6] != "已完成前期调研。" || r[7] != "资金尚未到位。" {
		t.Errorf("%s: behind 一.8 of 市发改委: %v", pdf, r)
	}
	if r := find("市民政局", "一、5"); r == nil || r[5] != "未报送" {
		t.Errorf("%s: overdue 一.5 of 市民政局: %v", pdf, r)
	}
	// Every overdue or behind unit once; one row per task and report.
	listed, seenRow := 0, map[string]bool{}
	for _, r := range items.rows {
		listed += len(strings.Split(r[1], "、"))
		k := strings.Join(append([]string{r[2]}, r[4:]...), "|")
		if seenRow[k] {
			t.Errorf("%s: task %s listed twice with the same report: %v", pdf, r[2], r)
		}
		seenRow[k] = true
	}
	if listed != total[2]+total[3] {
		t.Errorf("%s: %d overdue and behind units listed, want %d", pdf, listed, total[2]+total[3])
	}
	checkBulletinFooter(t, pdf)

	// The workbook says the same.
	f, err := excelize.OpenFile(filepath.Join(dir, "2024Q4通报.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"总体情况", "单位排名", "逾期未完成", "进度滞后"}) {
		t.Errorf("sheets %v", got)
	}
	rows, _ := f.GetRows("单位排名")
	got := 0
	for _, r := range rows {
		if len(r) < 10 || lines[r[1]] == nil {
			continue
		}
		got++
		for i, v := range lines[r[1]] {
			if r[2+i] != strconv.Itoa(v) {
				t.Errorf("workbook: %s column %d = %s, want %d", r[1], i, r[2+i], v)
			}
		}
	}
	if got != len(lines) {
		t.Errorf("workbook: %d unit lines, want %d", got, len(lines))
	}
	if typ, _ := f.GetCellType("单位排名", "C3"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("workbook: counts are not numbers (%v)", typ)
	}
	behind, _ := f.GetRows("进度滞后")
	if !slices.ContainsFunc(behind, func(r []string) bool { return slices.Contains(r, "资金尚未到位。") }) {
		t.Errorf("workbook: 进度滞后 lacks the unit's words: %v", behind)
	}
	over, _ := f.GetRows("逾期未完成")
	units := 0
	for _, r := range over[2:] {
		units += len(strings.Split(r[1], "、"))
	}
	if units != total[2] {
		t.Errorf("workbook: %d overdue units listed, want %d", units, total[2])
	}
	pl, _ := f.GetPageLayout("逾期未完成")
	if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("workbook: print setup %+v", pl)
	}
	// The DOCX too.
	x := xmlOf(t, filepath.Join(dir, "2024Q4通报.docx"), "word/document.xml")
	for _, s := range []string{"资金尚未到位。", "正在对接企业。", "逾期未完成任务", "与上季度比较"} {
		if !strings.Contains(x, s) {
			t.Errorf("docx lacks %s", s)
		}
	}

	// Two tasks due: a short document.
	if pages := pdfPages(t, filepath.Join(dir, "2024Q3通报.pdf")); pages > 3 {
		t.Errorf("2024Q3通报.pdf: %d pages for two tasks", pages)
	}
}

func pdfPages(t *testing.T, path string) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("no pdfinfo")
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatalf("%s: no page count", path)
	return 0
}

// checkBulletinFooter: page 1's footer names the bulletin and the page.
func checkBulletinFooter(t *testing.T, path string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return
	}
	out, err := exec.Command("pdftotext", "-f", "1", "-l", "1", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if s := squeeze(string(out)); !strings.Contains(s, "第1页共") || !strings.Contains(s, "生成日期") {
		t.Errorf("%s: page 1 footer missing: %s", path, s)
	}
}

// A quarter with nothing due is one page that says so; no page of a
// bulletin is empty.
func TestBulletinShort(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	dir := outDir(t, "bulletin-short")
	asOf := time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)
	if _, err := render.Bulletin([]*duban.Notice{n}, dir, []string{"2024Q1", "2024Q3"}, render.Options{Now: testNow, AsOf: asOf, Formats: []string{"pdf"}}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "2024Q1通报.pdf")
	if pages := pdfPages(t, p); pages != 1 {
		t.Errorf("%s: %d pages, want 1", p, pages)
	}
	text := pdfText(readPDF(t, p))
	if !strings.Contains(text, "到期重点任务共0项，本季度没有到期任务") {
		t.Errorf("%s: does not say nothing is due: %s", p, text)
	}
	if strings.Contains(text, "来源文件") {
		t.Errorf("%s: lists a notice without tasks due in the quarter", p)
	}
	for _, q := range []string{"2024Q1", "2024Q3"} {
		p := filepath.Join(dir, q+"通报.pdf")
		for i := 1; i <= pdfPages(t, p); i++ {
			out, err := exec.Command("pdftotext", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), p, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			body := strings.ReplaceAll(squeeze(string(out)), "2024年第"+q[5:]+"季度重点任务落实情况通报第", "")
			if len([]rune(body)) < 40 {
				t.Errorf("%s page %d is (nearly) empty: %q", p, i, body)
			}
		}
	}
}
