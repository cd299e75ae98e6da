package main

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/pipeline"
	"github.com/xuri/excelize/v2"
)

// python finds a Python with openpyxl (CI installs python3-openpyxl).
func python(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	t.Skip("no python3 with openpyxl (apt-get install python3-openpyxl)")
	return ""
}

func readSummary(t *testing.T, out string) *pipeline.Summary {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s pipeline.Summary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

// The loop: run the sample, three units fill their return sheets with
// openpyxl (statuses, texts, a reordered and a deleted row, a bad date, a
// status outside the list), one goes through LibreOffice, duban import
// stores exactly the rows that are right, a second import changes nothing
// and run --force keeps the reports.
func TestImportEndToEnd(t *testing.T) {
	py := python(t)
	out, filled := t.TempDir(), t.TempDir()
	seed := "../../seeds/lianyungang-2024-22.txt"
	if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "--as-of", "2024-12-31", "-o", out, seed); code != 0 {
		t.Fatalf("run: %s", errs)
	}
	a, b, c := "市发改委", "市商务局", "东海县"
	cmd := exec.Command(py, "testdata/fill_returns.py", filepath.Join(out, "returns"), filled, a, b, c)
	cmd.Stderr = os.Stderr
	lines, err := cmd.Output()
	if err != nil {
		t.Fatalf("fill_returns.py: %v", err)
	}
	want := map[string]string{} // "slug task" → status
	for _, l := range strings.Split(strings.TrimSpace(string(lines)), "\n") {
		k, v, _ := strings.Cut(l, "\t")
		want[k] = v
	}
	if len(want) < 4 {
		t.Fatalf("filled too few rows: %q", lines)
	}
	soffice, err := exec.LookPath("soffice")
	if err == nil {
		lo := t.TempDir()
		conv := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+t.TempDir(), "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", lo, filepath.Join(filled, c+".xlsx"))
		if msg, err := conv.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice re-save: %v %s", err, msg)
		}
		if err := os.Rename(filepath.Join(lo, c+".xlsx"), filepath.Join(filled, c+".xlsx")); err != nil {
			t.Fatal(err)
		}
	} else {
		t.Log("no soffice: the LibreOffice re-save is not tested")
	}

	code, _, errs := cli(t, "import", "--formats", "xlsx", "--as-of", "2024-12-31", "-o", out, filled)
	if code != 0 {
		t.Fatalf("import: exit %d %s", code, errs)
	}
	s := readSummary(t, out)
	if s.Counts.Imported != len(want) || s.Counts.Rejected != 2 {
		t.Errorf("imported %d (want %d), rejected %d (want 2)\n%s", s.Counts.Imported, len(want), s.Counts.Rejected, errs)
	}
	for _, frag := range []string{a + ".xlsx: sheet 填报表 row ", "完成日期 \"明年上半年\"", b + ".xlsx: sheet 填报表 row ", "\"基本完成\" is not one of"} {
		if !strings.Contains(errs, frag) {
			t.Errorf("terminal lacks %q:\n%s", frag, errs)
		}
	}
	t.Log(errs)
	if !strings.Contains(errs, "reports imported, 2 rows rejected") {
		t.Errorf("summary line: %s", errs)
	}

	// notice.json (a render of the store) carries exactly those statuses.
	dirs, _ := filepath.Glob(filepath.Join(out, "notices", "*"))
	slug := filepath.Base(dirs[0])
	got := map[string]string{}
	n := readNoticeJSON(t, filepath.Join(dirs[0], "notice.json"))
	for _, tk := range n.Tasks {
		for _, p := range tk.Progress {
			if p.Unit == a || p.Unit == b || p.Unit == c {
				got[slug+" "+tk.ID+"/"+p.Unit] = string(p.Status)
			}
			if p.Status == duban.StatusDone && p.DoneDate != "2024-09-20" {
				t.Errorf("%s: done date %q, want 2024-09-20", tk.ID, p.DoneDate)
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("stored %d reports, want %d: %v", len(got), len(want), got)
	}
	for k, st := range want {
		found := false
		for g, v := range got {
			if strings.HasPrefix(g, k+"/") && v == st {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want %s, stored %v", k, st, got)
		}
	}

	// The quarterly report of each task reported 已完成 marks it so, and the
	// task reported 滞后 stays 逾期/临期 in its quarter.
	checked := 0
	for k, st := range want {
		id := strings.TrimPrefix(k, slug+" ")
		tk := taskByID(n, id)
		q := tk.Deadline.DueQuarter()
		if q == "" {
			continue
		}
		marks := quarterMarks(t, filepath.Join(out, "quarterly", q+".xlsx"), tk.Number()) // the number the report shows
		if (st == "已完成") != strings.Contains(marks, "已完成") {
			t.Errorf("%s (%s) in %s.xlsx: row %q", id, st, q, marks)
		}
		if st == "已完成" {
			checked++
		}
	}
	if checked == 0 {
		t.Error("no task reported 已完成 by its lead checked in a quarterly report")
	}

	// The quarterly 通报 shows exactly those statuses: per unit and
	// quarter the counts of 单位排名, and each overdue or behind task in
	// its list with the unit's status.
	checkBulletins(t, out, n, slug, got)

	// The 催办单 of A leaves out the task A reported 已完成 and shows the
	// 滞后 one with its report; C's show 未启动.
	if code, _, errs := cli(t, "remind", "-q", "--as-of", "2024-12-31", "-o", out); code != 0 {
		t.Fatalf("remind: %s", errs)
	}
	var doneID, behindID string
	for k, st := range want {
		id := strings.TrimPrefix(k, slug+" ")
		if tk := taskByID(n, id); tk != nil && tk.LatestProgress(a) != nil {
			switch st {
			case "已完成":
				doneID = id
			case "滞后":
				behindID = id
			}
		}
	}
	xa := docxText(t, filepath.Join(out, "reminders", a+".docx"))
	if doneID != "" && strings.Contains(xa, ">"+taskByID(n, doneID).Number()+"<") {
		t.Errorf("%s's reminder lists %s, reported 已完成", a, doneID)
	}
	if behindID != "" && taskByID(n, behindID).Deadline.Date <= "2025-01-15" && !strings.Contains(xa, ">"+taskByID(n, behindID).Number()+"<") {
		t.Errorf("%s's reminder lacks %s (滞后)", a, behindID)
	}
	if !strings.Contains(xa, "报滞后") {
		t.Errorf("%s's reminder does not show the 滞后 report", a)
	}
	if xc := docxText(t, filepath.Join(out, "reminders", c+".docx")); !strings.Contains(xc, "报未启动") || strings.Contains(xc, "报已完成") {
		t.Errorf("%s's reminder does not show exactly 未启动", c)
	}

	// Importing the same files again changes nothing.
	before, _ := os.ReadFile(filepath.Join(dirs[0], "notice.json"))
	if code, _, errs := cli(t, "import", "-q", "--formats", "xlsx", "--as-of", "2024-12-31", "-o", out, filled); code != 0 {
		t.Fatalf("reimport: %s", errs)
	}
	if s := readSummary(t, out); s.Counts.Imported != 0 {
		t.Errorf("reimport stored %d reports", s.Counts.Imported)
	}
	after, _ := os.ReadFile(filepath.Join(dirs[0], "notice.json"))
	if string(before) != string(after) {
		t.Error("reimport changed notice.json")
	}
	// The re-rendered return sheet of A shows its report.
	if code, _, errs := cli(t, "run", "-q", "--force", "--formats", "xlsx", "--as-of", "2024-12-31", "-o", out, seed); code != 0 {
		t.Fatalf("run --force: %s", errs)
	}
	again := readNoticeJSON(t, filepath.Join(dirs[0], "notice.json"))
	k := 0
	for _, tk := range again.Tasks {
		k += len(tk.Progress)
	}
	if k != len(want) {
		t.Errorf("after run --force %d reports, want %d", k, len(want))
	}
}

// quarterMarks joins the cells of the rows of a quarterly workbook that
// list task id.
func quarterMarks(t *testing.T, path, id string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			for _, c := range r {
				if c == id || strings.HasSuffix(c, "\n"+id) {
					out = append(out, strings.Join(r, "|"))
					break
				}
			}
		}
	}
	if len(out) == 0 {
		t.Errorf("%s: no row of %s", path, id)
	}
	return strings.Join(out, "\n")
}

// docxText is the document.xml of a DOCX.
func docxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			return string(b)
		}
	}
	t.Fatalf("%s: no document.xml", path)
	return ""
}

// checkBulletins checks the 通报 workbooks against the stored reports
// (key "slug id/unit" → status) as of 2024-12-31.
func checkBulletins(t *testing.T, out string, n *duban.Notice, slug string, reports map[string]string) {
	t.Helper()
	asOf := "2024-12-31"
	type uq struct{ unit, quarter string }
	want := map[uq]map[string]int{}
	type item struct{ sheet, unit, id, status string }
	var items []item
	for k, st := range reports {
		id, unit, _ := strings.Cut(strings.TrimPrefix(k, slug+" "), "/")
		tk := taskByID(n, id)
		q := tk.Deadline.DueQuarter()
		if q == "" {
			continue
		}
		col := st
		if st != "已完成" && string(tk.Deadline.Date) < asOf {
			col = "逾期未完成"
			items = append(items, item{"逾期未完成", unit, id, st})
		} else if st == "滞后" {
			items = append(items, item{"进度滞后", unit, id, st})
		}
		if want[uq{unit, q}] == nil {
			want[uq{unit, q}] = map[string]int{}
		}
		want[uq{unit, q}][col]++
	}
	books := map[string]*excelize.File{}
	book := func(q string) *excelize.File {
		if f := books[q]; f != nil {
			return f
		}
		f, err := excelize.OpenFile(filepath.Join(out, "bulletins", q+"通报.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		books[q] = f
		return f
	}
	defer func() {
		for _, f := range books {
			f.Close()
		}
	}()
	for k, counts := range want {
		rows, _ := book(k.quarter).GetRows("单位排名")
		var head, line []string
		for _, r := range rows {
			if len(r) > 1 && r[0] == "排名" {
				head = r
			}
			if len(r) > 1 && r[1] == k.unit {
				line = r
			}
		}
		if line == nil {
			t.Errorf("%s通报.xlsx: no line of %s", k.quarter, k.unit)
			continue
		}
		for i, h := range head {
			switch h {
			case "已完成", "滞后", "未启动", "按时推进": // only reports make these
				if i >= len(line) || line[i] != strconv.Itoa(counts[h]) {
					t.Errorf("%s通报.xlsx: %s %s = %v, want %d", k.quarter, k.unit, h, line, counts[h])
				}
			case "逾期未完成": // also what the unit did not report
				if v, _ := strconv.Atoi(line[i]); v < counts[h] {
					t.Errorf("%s通报.xlsx: %s %s = %v, want at least %d", k.quarter, k.unit, h, line, counts[h])
				}
			}
		}
	}
	for _, it := range items {
		tk := taskByID(n, it.id)
		rows, _ := book(tk.Deadline.DueQuarter()).GetRows(it.sheet)
		found := false
		for _, r := range rows {
			found = found || len(r) > 5 && slices.Contains(strings.Split(r[1], "、"), it.unit) && r[2] == tk.Number() && r[5] == it.status
		}
		if !found {
			t.Errorf("%s通报.xlsx %s: no row %s %s %s", tk.Deadline.DueQuarter(), it.sheet, it.unit, it.id, it.status)
		}
	}
	if len(items) == 0 {
		t.Error("no overdue or behind report to check in a 通报")
	}
}
