package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/duban/duban/extract/segment"
	"github.com/xuri/excelize/v2"
)

// The notice of these tests names 市发展改革委 in two ways (市发改委,
// 连云港市发展和改革委员会), lists 市教育厅, which the test directory does
// not know, and has a task (二.4) that names its units only in its text.
const (
	unitsNotice = "testdata/units-notice.txt"
	unitsYAML   = "testdata/units.yaml"
)

type testNotice struct {
	Tasks []struct {
		ID    string `json:"id"`
		Units []struct {
			Name      string `json:"name"`
			Canonical string `json:"canonical"`
			Inferred  bool   `json:"inferred"`
		} `json:"units"`
		Keywords []string `json:"keywords"`
	} `json:"tasks"`
	Warnings []struct {
		Task string `json:"task"`
		Code string `json:"code"`
	} `json:"warnings"`
}

type testSummary struct {
	Counts struct {
		Extracted int `json:"extracted"`
		Unchanged int `json:"unchanged"`
		Quarters  int `json:"quarters"`
	} `json:"counts"`
	Warnings []struct {
		Task    string `json:"task"`
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"warnings"`
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// stems lists the file names in dir with extension ext, without it.
func stems(t *testing.T, dir, ext string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ext) {
			out = append(out, strings.TrimSuffix(e.Name(), ext))
		}
	}
	sort.Strings(out)
	return out
}

// sheetText is every cell of a workbook's first sheet, joined.
func sheetText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "|"))
		b.WriteByte('\n')
	}
	return b.String()
}

func noticeIn(t *testing.T, out string) testNotice {
	t.Helper()
	var n testNotice
	readJSON(t, filepath.Join(out, "notices", "连政办发2024-99", "notice.json"), &n)
	return n
}

func TestRunUnitsOneSheetPerCanonicalUnit(t *testing.T) {
	out := t.TempDir()
	code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "--segment", "off", "--units", unitsYAML, "-o", out, unitsNotice)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := strings.Join(stems(t, filepath.Join(out, "units"), ".xlsx"), ",")
	if want := "市发展改革委,市教育厅,市财政局"; got != want {
		t.Errorf("unit sheets %s, want %s (aliases merged onto the canonical name)", got, want)
	}
	sheet := sheetText(t, filepath.Join(out, "units", "市发展改革委.xlsx"))
	for _, task := range []string{"推进重点项目建设", "编制年度投资计划"} {
		if !strings.Contains(sheet, task) {
			t.Errorf("市发展改革委's sheet lacks the task %s written under an alias:\n%s", task, sheet)
		}
	}

	n := noticeIn(t, out)
	canon := map[string]string{}
	for _, tk := range n.Tasks {
		for _, u := range tk.Units {
			canon[u.Name] = u.Canonical
		}
	}
	for name, want := range map[string]string{"市发改委": "市发展改革委", "连云港市发展和改革委员会": "市发展改革委", "市财政局": "市财政局", "市教育厅": ""} {
		if canon[name] != want {
			t.Errorf("notice.json: %s has canonical %q, want %q", name, canon[name], want)
		}
	}

	var sum testSummary
	readJSON(t, filepath.Join(out, "summary.json"), &sum)
	unknown := 0
	for _, w := range sum.Warnings {
		if w.Code == "unknown_unit" {
			unknown++
			if !strings.Contains(w.Message, "市教育厅") || w.Task != "二.3" {
				t.Errorf("unexpected unknown-unit warning %+v", w)
			}
		}
	}
	if unknown != 1 {
		t.Errorf("summary.json has %d unknown_unit warnings, want 1 (市教育厅)", unknown)
	}
}

func TestRunUnitsChangeReextracts(t *testing.T) {
	out := t.TempDir()
	run := func(args ...string) testSummary {
		t.Helper()
		args = append(append([]string{"run", "-q", "--formats", "xlsx", "--segment", "off", "-o", out}, args...), unitsNotice)
		if code, _, errs := cli(t, args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errs)
		}
		var s testSummary
		readJSON(t, filepath.Join(out, "summary.json"), &s)
		return s
	}
	run()
	if s := run(); s.Counts.Unchanged != 1 {
		t.Fatalf("second plain run: %+v, want unchanged", s.Counts)
	}
	if s := run("--units", unitsYAML); s.Counts.Extracted != 1 {
		t.Errorf("run with a directory: %+v, want re-extracted", s.Counts)
	}
	if got := stems(t, filepath.Join(out, "units"), ".xlsx"); contains(got, "市发改委") {
		t.Errorf("alias sheet left from the run without directory: %v", got)
	}
	if s := run("--units", unitsYAML); s.Counts.Unchanged != 1 {
		t.Errorf("same directory again: %+v, want unchanged", s.Counts)
	}
	if s := run("--units", unitsYAML, "--segment", "on"); s.Counts.Extracted != 1 {
		t.Errorf("another segment mode: %+v, want re-extracted", s.Counts)
	}
}

func TestBadUnitsFileExits2(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad-units.yaml")
	if err := os.WriteFile(bad, []byte("units:\n  - name: 市发改委\n    alias: [x]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"run", "--units", bad, "-o", filepath.Join(dir, "out"), unitsNotice},
		{"run", "--units", filepath.Join(dir, "missing.yaml"), "-o", filepath.Join(dir, "out"), unitsNotice},
		{"render", "--units", bad, "-o", filepath.Join(dir, "out"), "x.json"},
		{"extract", "--units", bad, unitsNotice},
		{"run", "--segment", "maybe", "-o", filepath.Join(dir, "out"), unitsNotice},
	} {
		code, out, errs := cli(t, args...)
		name := filepath.Base(args[2])
		if args[1] == "--segment" {
			name = "maybe"
		}
		if code != 2 || !strings.Contains(errs, name) {
			t.Errorf("%q: exit %d, stderr %q; want 2 naming %s", args, code, errs, name)
		}
		if out != "" {
			t.Errorf("%q: wrote to stdout", args)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "summary.json")); err == nil {
		t.Error("a bad --units still ran")
	}
}

func TestRenderUnitsAppliesDirectory(t *testing.T) {
	dir := t.TempDir()
	code, js, errs := cli(t, "extract", "--segment", "off", unitsNotice)
	if code != 0 {
		t.Fatalf("extract: %d %s", code, errs)
	}
	rec := filepath.Join(dir, "records.json")
	if err := os.WriteFile(rec, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if code, _, errs := cli(t, "render", "-q", "--formats", "xlsx", "--units", unitsYAML, "-o", out, rec); code != 0 {
		t.Fatalf("render: %d %s", code, errs)
	}
	if got := strings.Join(stems(t, filepath.Join(out, "units"), ".xlsx"), ","); got != "市发展改革委,市教育厅,市财政局" {
		t.Errorf("render --units: unit sheets %s", got)
	}
	n := noticeIn(t, out)
	if c := n.Tasks[0].Units[0].Canonical; c != "市发展改革委" {
		t.Errorf("render --units: notice.json canonical %q", c)
	}
}

func TestSegmentModes(t *testing.T) {
	dir := t.TempDir()
	run := func(mode string) (testNotice, testSummary) {
		t.Helper()
		out := filepath.Join(dir, mode)
		if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "--segment", mode, "-o", out, unitsNotice); code != 0 {
			t.Fatalf("--segment %s: exit %d: %s", mode, code, errs)
		}
		var s testSummary
		readJSON(t, filepath.Join(out, "summary.json"), &s)
		return noticeIn(t, out), s
	}
	off, _ := run("off")
	for _, tk := range off.Tasks {
		if len(tk.Keywords) > 0 {
			t.Errorf("--segment off: task %s has keywords %v", tk.ID, tk.Keywords)
		}
		if tk.ID == "二.4" && len(tk.Units) > 0 {
			t.Errorf("--segment off: task 二.4 got units %+v", tk.Units)
		}
	}
	on, sum := run("on")
	if !segment.Available {
		warned := false
		for _, w := range sum.Warnings {
			warned = warned || w.Code == "segment"
		}
		if !warned {
			t.Error("--segment on in a build without the segmenter: no warning in summary.json")
		}
		t.Skip("built without the segmenter (nojieba)")
	}
	for _, tk := range on.Tasks {
		if len(tk.Keywords) == 0 || len(tk.Keywords) > 5 {
			t.Errorf("--segment on: task %s has keywords %v, want 1 to 5", tk.ID, tk.Keywords)
		}
	}
	auto, _ := run("auto")
	var inferred []string
	for _, tk := range auto.Tasks {
		if tk.ID != "二.4" {
			continue
		}
		for _, u := range tk.Units {
			if u.Inferred {
				inferred = append(inferred, u.Name)
			}
		}
	}
	if strings.Join(inferred, ",") != "市发改委,市财政局" {
		t.Errorf("--segment auto: task 二.4 inferred %v, want 市发改委,市财政局", inferred)
	}
	for _, w := range auto.Warnings {
		if w.Code == "no_unit" && w.Task == "二.4" {
			t.Error("--segment auto: no_unit warning kept for a task whose units were inferred")
		}
	}
}

func TestRunYearRendersFourQuarters(t *testing.T) {
	out := t.TempDir()
	if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "--segment", "off", "--year", "2024", "-o", out, unitsNotice); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := strings.Join(stems(t, filepath.Join(out, "quarterly"), ".xlsx"), ",")
	if got != "2024Q1,2024Q2,2024Q3,2024Q4" {
		t.Errorf("--year 2024: quarterly reports %s, want all four", got)
	}
	var sum testSummary
	readJSON(t, filepath.Join(out, "summary.json"), &sum)
	if sum.Counts.Quarters != 4 {
		t.Errorf("summary counts %d quarterly reports", sum.Counts.Quarters)
	}
	// The notice has nothing due in the first quarter; its report is made
	// all the same and says so.
	q1 := sheetText(t, filepath.Join(out, "quarterly", "2024Q1.xlsx"))
	if !strings.Contains(q1, "没有到期任务") {
		t.Errorf("2024Q1 does not say nothing is due:\n%s", q1)
	}
	if q2 := sheetText(t, filepath.Join(out, "quarterly", "2024Q2.xlsx")); strings.Contains(q2, "没有到期任务") {
		t.Errorf("2024Q2 says nothing is due:\n%s", q2)
	}

	out2 := t.TempDir()
	if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "--segment", "off", "--quarter", "2024Q3", "-o", out2, unitsNotice); code != 0 {
		t.Fatalf("--quarter: exit %d: %s", code, errs)
	}
	if got := strings.Join(stems(t, filepath.Join(out2, "quarterly"), ".xlsx"), ","); got != "2024Q3" {
		t.Errorf("--quarter 2024Q3: quarterly reports %s", got)
	}
}
