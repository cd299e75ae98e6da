package extract

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban"
)

// Case files (testdata/cases/*.txt) hold a notice and the records expected
// from it side by side; testdata/cases/README.md describes the format.
// `go test ./extract -run TestCases -update` writes the records section
// of every case file from what the extractor gives now (review the diff!).

var updateCases = flag.Bool("update", false, "rewrite the records section of testdata/cases/*.txt")

// caseFile is one parsed case file.
type caseFile struct {
	head    string // comment lines before the first section
	notice  string
	options Options
	records []caseLine
}

type caseLine struct {
	line       int
	key, value string
	indent     bool
}

func readCase(path string) (*caseFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := &caseFile{}
	section := ""
	var notice []string
	for i, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		if name, ok := strings.CutPrefix(l, "=== "); ok {
			section = strings.TrimSpace(name)
			continue
		}
		switch section {
		case "":
			c.head += l + "\n"
		case "notice":
			notice = append(notice, l)
		case "options":
			k, v, _ := strings.Cut(l, ":")
			if strings.TrimSpace(k) == "year" {
				c.options.Year, _ = strconv.Atoi(strings.TrimSpace(v))
			}
		case "records":
			t := strings.TrimRight(l, " ")
			if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
				continue
			}
			k, v, ok := strings.Cut(strings.TrimSpace(t), ":")
			if !ok && strings.HasPrefix(t, "task ") {
				k, v = "task", strings.TrimPrefix(t, "task ")
			} else if !ok {
				return nil, fmt.Errorf("%s:%d: want key: value", path, i+1)
			}
			c.records = append(c.records, caseLine{line: i + 1, key: strings.TrimSpace(k), value: strings.TrimSpace(v), indent: strings.HasPrefix(l, " ")})
		default:
			return nil, fmt.Errorf("%s:%d: unknown section %q", path, i+1, section)
		}
	}
	// the notice ends at the blank lines before the next section
	for len(notice) > 0 && strings.TrimSpace(notice[len(notice)-1]) == "" {
		notice = notice[:len(notice)-1]
	}
	c.notice = strings.Join(notice, "\n") + "\n"
	return c, nil
}

// null writes the empty string as "-".
func null(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func formatUnits(us []duban.Unit) string {
	var parts []string
	for _, u := range us {
		parts = append(parts, string(u.Role)+" "+u.Name)
	}
	return null(strings.Join(parts, "; "))
}

func formatDeadline(d *duban.Deadline) string {
	if d == nil {
		return "-"
	}
	return d.Raw + " => " + null(string(d.Date)) + " " + string(d.Kind)
}

func taskWarningCodes(n *duban.Notice, id string) string {
	var codes []string
	for _, w := range n.Warnings {
		if w.Task == id {
			codes = append(codes, w.Code)
		}
	}
	return null(strings.Join(codes, " "))
}

// formatRecords writes a notice as a records section.
func formatRecords(n *duban.Notice) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "doc_number: %s\nissuer: %s\nissue_date: %s\ntitle: %s\nplan_title: %s\nyear: %d\n",
		null(n.DocNumber), null(n.Issuer), null(string(n.IssueDate)), null(n.Title), null(string(n.PlanTitle)), n.Year)
	if len(n.CC) > 0 {
		fmt.Fprintf(&b, "cc: %s\n", strings.Join(n.CC, "; "))
	}
	if n.Publicity != "" {
		fmt.Fprintf(&b, "publicity: %s\n", n.Publicity)
	}
	for _, t := range n.Tasks {
		fmt.Fprintf(&b, "\ntask %s\n", t.ID)
		fmt.Fprintf(&b, "  section: %s\n  subsection: %s\n  text: %s\n  units: %s\n  open: %v\n  deadline: %s\n  line: %d\n  warnings: %s\n",
			null(string(t.Section)), null(string(t.Subsection)), t.Text, formatUnits(t.Units), t.UnitsOpen,
			formatDeadline(t.Deadline), t.Source.Line, taskWarningCodes(n, t.ID))
	}
	return b.String()
}

// actualValue gives the value a record line states, for the notice (task
// == nil) or one task.
func actualValue(n *duban.Notice, t *duban.Task, key string) (string, bool) {
	if t == nil {
		switch key {
		case "doc_number":
			return null(n.DocNumber), true
		case "issuer":
			return null(n.Issuer), true
		case "issue_date":
			return null(string(n.IssueDate)), true
		case "title":
			return null(n.Title), true
		case "plan_title":
			return null(string(n.PlanTitle)), true
		case "year":
			return strconv.Itoa(n.Year), true
		case "cc":
			return null(strings.Join(n.CC, "; ")), true
		case "publicity":
			return null(n.Publicity), true
		}
		return "", false
	}
	switch key {
	case "section":
		return null(string(t.Section)), true
	case "subsection":
		return null(string(t.Subsection)), true
	case "text":
		return t.Text, true
	case "units":
		return formatUnits(t.Units), true
	case "open":
		return strconv.FormatBool(t.UnitsOpen), true
	case "deadline":
		return formatDeadline(t.Deadline), true
	case "line":
		return strconv.Itoa(t.Source.Line), true
	case "warnings":
		return taskWarningCodes(n, t.ID), true
	case "leader":
		return null(t.Leader), true
	}
	return "", false
}

// TestCases runs every case file: the task ids must be exactly those
// listed, in order, and every stated field must match.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c, err := readCase(f)
			if err != nil {
				t.Fatal(err)
			}
			n, err := Bytes(filepath.Base(f), []byte(c.notice), c.options)
			if *updateCases {
				if err != nil {
					t.Fatal(err)
				}
				out := c.head + "=== notice\n" + c.notice + "\n"
				if c.options.Year != 0 {
					out += fmt.Sprintf("=== options\nyear: %d\n\n", c.options.Year)
				}
				out += "=== records\n" + formatRecords(n)
				if err := os.WriteFile(f+".tmp", []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(f+".tmp", f); err != nil {
					t.Fatal(err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkCase(t, f, c, n)
		})
	}
}

func checkCase(t *testing.T, f string, c *caseFile, n *duban.Notice) {
	t.Helper()
	for _, d := range caseDiffs(f, c, n) {
		t.Error(d)
	}
}

// caseDiffs lists where the notice differs from the case's records.
func caseDiffs(f string, c *caseFile, n *duban.Notice) []string {
	var diffs []string
	byID := map[string]*duban.Task{}
	var gotIDs, wantIDs []string
	for i := range n.Tasks {
		byID[n.Tasks[i].ID] = &n.Tasks[i]
		gotIDs = append(gotIDs, n.Tasks[i].ID)
		if d := n.Tasks[i].Deadline; d != nil && d.Date != "" {
			if tm, ok := d.Time(); !ok || string(d.Quarter) != duban.QuarterOf(tm) {
				diffs = append(diffs, fmt.Sprintf("task %s: quarter %q does not match date %q", n.Tasks[i].ID, d.Quarter, d.Date))
			}
		}
	}
	var task *duban.Task
	inTask := false
	for _, r := range c.records {
		if r.key == "task" {
			wantIDs = append(wantIDs, r.value)
			task, inTask = byID[r.value], true
			continue
		}
		if inTask && task == nil {
			continue // missing task, reported below
		}
		got, ok := actualValue(n, task, r.key)
		if !ok {
			diffs = append(diffs, fmt.Sprintf("%s:%d: unknown key %q", f, r.line, r.key))
			continue
		}
		if got != r.value {
			where := "notice"
			if task != nil {
				where = "task " + task.ID
			}
			diffs = append(diffs, fmt.Sprintf("%s:%d: %s %s:\n  want %s\n  got  %s", f, r.line, where, r.key, r.value, got))
		}
	}
	if strings.Join(gotIDs, " ") != strings.Join(wantIDs, " ") {
		diffs = append(diffs, fmt.Sprintf("%s: task ids\n  want %v\n  got  %v", f, wantIDs, gotIDs))
	}
	return diffs
}
