package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/gen"
)

// cli runs the command line in-process and returns its exit status,
// standard output and standard error.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := execute(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// notices writes k generated notices (trailing-clause style) into dir.
func notices(t *testing.T, dir string, k int) []string {
	t.Helper()
	var texts []string
	for _, p := range []string{"../../seeds/lianyungang-2024-22.txt", "../../testdata/styles/haichuan-2025-7.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	c := gen.LoadCorpus(texts...)
	var paths []string
	for i := range k {
		n := c.New(5, i)
		n.Style = gen.StyleClause
		b, err := n.TXT()
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "notice"+string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestMain lets the test binary act as duban itself, so a test can run it
// as a process and send it signals.
func TestMain(m *testing.M) {
	if os.Getenv("DUBAN_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

func TestVersion(t *testing.T) {
	code, out, _ := cli(t, "version")
	if code != 0 || out != "duban dev\n" {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"run", "--nope"}, "--nope"},
		{[]string{"run", "--as-of", "2024-02-30", dir}, "--as-of"},
		{[]string{"run", "--as-of", "tomorrow", dir}, "tomorrow"},
		{[]string{"run", "--quarter", "2024Q5", dir}, "2024Q5"},
		{[]string{"run", "--formats", "pdf,doc", dir}, "doc"},
		{[]string{"run", "-j", "-3", dir}, "-3"},
		{[]string{"run", "-j", "many", dir}, "many"},
		{[]string{"render", "--year", "24", "x.json"}, "24"},
		{[]string{"run", "--templates", filepath.Join(dir, "none"), dir}, "--templates"},
		{[]string{"extract", "--format", "xml", "a.txt"}, "xml"},
		{[]string{"extract"}, "no notice"},
		{[]string{"render"}, "no records"},
		{[]string{"frobnicate"}, "frobnicate"},
		{[]string{"version", "extra"}, "no arguments"},
	} {
		code, out, errs := cli(t, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.says) {
			t.Errorf("%q: exit %d, stderr %q; want 2 naming %q", tc.args, code, errs, tc.says)
		}
		if out != "" {
			t.Errorf("%q: wrote %q to stdout", tc.args, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "summary.json")); err == nil {
		t.Error("a usage error still ran")
	}
}

func TestExtractJSONShapes(t *testing.T) {
	dir := t.TempDir()
	ps := notices(t, dir, 2)

	code, out, errs := cli(t, "extract", ps[0])
	if code != 0 {
		t.Fatalf("extract one: %d %s", code, errs)
	}
	var one map[string]any
	if err := json.Unmarshal([]byte(out), &one); err != nil {
		t.Fatalf("one notice is not one JSON object: %v\n%s", err, out)
	}
	if one["doc_number"] == "" || len(one["tasks"].([]any)) == 0 {
		t.Errorf("object lacks doc_number or tasks: %v", one["doc_number"])
	}

	code, out, _ = cli(t, "extract", "--format", "json", ps[0], ps[1])
	var many []map[string]any
	if err := json.Unmarshal([]byte(out), &many); code != 0 || err != nil || len(many) != 2 {
		t.Fatalf("two notices: exit %d, %v, %d objects", code, err, len(many))
	}
	if many[0]["source"].(map[string]any)["path"] != ps[0] {
		t.Errorf("array not in input order: %v", many[0]["source"])
	}

	code, out, _ = cli(t, "extract", "--format", "jsonl", ps[0], ps[1])
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("jsonl: exit %d, %d lines", code, len(lines))
	}
	for i, l := range lines {
		var n map[string]any
		if err := json.Unmarshal([]byte(l), &n); err != nil || n["doc_number"] != many[i]["doc_number"] {
			t.Errorf("jsonl line %d: %v", i+1, err)
		}
	}
}

func TestExtractCSV(t *testing.T) {
	dir := t.TempDir()
	ps := notices(t, dir, 2)
	code, out, errs := cli(t, "extract", "--format", "csv", ps[0], ps[1])
	if code != 0 {
		t.Fatalf("csv: %d %s", code, errs)
	}
	if !strings.HasPrefix(out, "\ufeff") {
		t.Error("CSV without BOM")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"编号", "板块", "任务内容", "单位", "分工", "完成时限", "截止日期", "季度"}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Errorf("header %q", rows[0])
	}
	_, js, _ := cli(t, "extract", ps[0], ps[1])
	var ns []struct {
		Tasks []struct {
			Units []any `json:"units"`
		} `json:"tasks"`
	}
	if err := json.Unmarshal([]byte(js), &ns); err != nil {
		t.Fatal(err)
	}
	wantRows := 0
	for _, n := range ns {
		for _, tk := range n.Tasks {
			wantRows += max(len(tk.Units), 1)
		}
	}
	if len(rows)-1 != wantRows {
		t.Errorf("%d CSV rows, want one per task and unit: %d", len(rows)-1, wantRows)
	}
}

func TestExtractPartialFailure(t *testing.T) {
	dir := t.TempDir()
	ps := notices(t, dir, 1)
	missing := filepath.Join(dir, "missing.txt")
	code, out, errs := cli(t, "extract", ps[0], missing)
	var many []map[string]any
	if code != 1 || json.Unmarshal([]byte(out), &many) != nil || len(many) != 1 {
		t.Errorf("one good, one missing: exit %d, stdout %.80q", code, out)
	}
	if !strings.Contains(errs, "missing.txt") {
		t.Errorf("stderr does not name the missing file: %q", errs)
	}
	code, out, _ = cli(t, "extract", missing)
	if code != 1 || out != "" {
		t.Errorf("only a missing file: exit %d, stdout %q", code, out)
	}
}

func TestRunExitStatus(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	notices(t, in, 2)
	code, _, errs := cli(t, "run", "-q", "-o", out, in)
	if code != 0 {
		t.Fatalf("good notices: exit %d: %s", code, errs)
	}
	if errs != "" {
		t.Errorf("-q printed %q", errs)
	}
	if err := os.WriteFile(filepath.Join(in, "broken.pdf"), []byte("%PDF-1.4 garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = cli(t, "run", "-v", "-o", out, in)
	if code != 1 || !strings.Contains(errs, "broken.pdf") {
		t.Errorf("with a broken file: exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(errs, "unchanged") || !strings.Contains(errs, "[3/3]") {
		t.Errorf("-v gives no line per notice: %q", errs)
	}
	var sum struct {
		Counts   map[string]int `json:"counts"`
		Failures []struct{ Path, Error string }
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil || json.Unmarshal(b, &sum) != nil {
		t.Fatalf("summary.json: %v", err)
	}
	if sum.Counts["unchanged"] != 2 || sum.Counts["failed"] != 1 || len(sum.Failures) != 1 {
		t.Errorf("summary: %+v", sum)
	}
	code, _, _ = cli(t, "run", "-q", "-o", out, filepath.Join(in, "nonexistent"))
	if code != 1 {
		t.Errorf("missing input: exit %d, want 1", code)
	}
}

func TestRenderFromRecords(t *testing.T) {
	in, out, out2 := t.TempDir(), t.TempDir(), t.TempDir()
	ps := notices(t, in, 1)
	code, js, errs := cli(t, "extract", ps[0])
	if code != 0 {
		t.Fatal(errs)
	}
	// A person corrects a unit name in the records.
	var n map[string]any
	if err := json.Unmarshal([]byte(js), &n); err != nil {
		t.Fatal(err)
	}
	u := n["tasks"].([]any)[0].(map[string]any)["units"].([]any)[0].(map[string]any)
	u["name"] = "更正后的单位"
	b, _ := json.Marshal(n)
	rec := filepath.Join(out, "records.json")
	if err := os.WriteFile(rec, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = cli(t, "render", "-q", "-o", out2, rec)
	if code != 0 {
		t.Fatalf("render: %d %s", code, errs)
	}
	var sum struct {
		Inputs []struct{ Status, Slug string }
	}
	sb, _ := os.ReadFile(filepath.Join(out2, "summary.json"))
	if err := json.Unmarshal(sb, &sum); err != nil || len(sum.Inputs) != 1 || sum.Inputs[0].Status != "rendered" {
		t.Fatalf("summary: %v %s", err, sb)
	}
	got, err := os.ReadFile(filepath.Join(out2, "notices", sum.Inputs[0].Slug, "notice.json"))
	if err != nil || !bytes.Contains(got, []byte("更正后的单位")) {
		t.Errorf("corrected records not rendered: %v", err)
	}
	code, _, errs = cli(t, "render", "-q", "-o", out2, filepath.Join(in, "nope.json"))
	if code != 1 || !strings.Contains(errs, "nope.json") {
		t.Errorf("missing records: exit %d %q", code, errs)
	}
}

func TestRenderFromLedgerWorkbook(t *testing.T) {
	in, out, out2 := t.TempDir(), t.TempDir(), t.TempDir()
	notices(t, in, 1)
	if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "-o", out, in); code != 0 {
		t.Fatalf("run: %s", errs)
	}
	ledgers, _ := filepath.Glob(filepath.Join(out, "notices", "*", "任务分解表.xlsx"))
	if len(ledgers) != 1 {
		t.Fatalf("ledgers: %q", ledgers)
	}
	code, _, errs := cli(t, "render", "-q", "--formats", "xlsx", "-o", out2, ledgers[0])
	if code != 0 {
		t.Fatalf("render ledger: exit %d %s", code, errs)
	}
	// The records read back from the workbook are the records it was made from.
	slug := filepath.Base(filepath.Dir(ledgers[0]))
	var a, b struct {
		DocNumber string `json:"doc_number"`
		Tasks     []struct {
			ID, Text string
			Units    []struct{ Name, Role string }
		} `json:"tasks"`
	}
	ja, _ := os.ReadFile(filepath.Join(out, "notices", slug, "notice.json"))
	jb, err := os.ReadFile(filepath.Join(out2, "notices", slug, "notice.json"))
	if err != nil || json.Unmarshal(ja, &a) != nil || json.Unmarshal(jb, &b) != nil {
		t.Fatalf("records: %v", err)
	}
	if a.DocNumber != b.DocNumber || len(a.Tasks) != len(b.Tasks) || len(a.Tasks) == 0 {
		t.Fatalf("read back %s with %d tasks, want %s with %d", b.DocNumber, len(b.Tasks), a.DocNumber, len(a.Tasks))
	}
	for i := range a.Tasks {
		if a.Tasks[i].ID != b.Tasks[i].ID || a.Tasks[i].Text != b.Tasks[i].Text || len(a.Tasks[i].Units) != len(b.Tasks[i].Units) {
			t.Errorf("task %d differs after the workbook: %+v / %+v", i, a.Tasks[i], b.Tasks[i])
		}
	}
	units, _ := os.ReadDir(filepath.Join(out2, "units"))
	if len(units) == 0 {
		t.Error("no unit sheets rendered from the ledger")
	}
}
