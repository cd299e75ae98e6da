package render_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban/duban"
)

// goldFiles are the gold records of the sample and the style samples.
func goldFiles(t testing.TB) []string {
	files, err := filepath.Glob("../testdata/styles/*.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{"../testdata/lianyungang-2024-22.gold.json"}, files...)
}

func loadNotice(t testing.TB, path string) *duban.Notice {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var n duban.Notice
	if err := json.Unmarshal(b, &n); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &n
}

// goldNotices loads every gold notice.
func goldNotices(t testing.TB) []*duban.Notice {
	var out []*duban.Notice
	for _, f := range goldFiles(t) {
		out = append(out, loadNotice(t, f))
	}
	return out
}

// enrich fills the record fields the gold files leave empty (source
// locations, canonical names, keywords, warnings…) so that round trips
// are tested on every field.
func enrich(n *duban.Notice) *duban.Notice {
	n.Source = duban.Source{Path: "testdata/x.pdf", Format: "pdf", SHA256: "abc123", Pages: 13}
	n.CC = []string{"市委各部门", "市人大常委会办公室"}
	n.Publicity = "此件公开发布"
	for i := range n.Tasks {
		t := &n.Tasks[i]
		t.Source = duban.Location{Line: 10 + 3*i, Page: 1 + i/7}
		if i%3 == 0 {
			t.Keywords = []string{"帮扶", fmt.Sprint("k", i)}
		}
		if i%4 == 1 && len(t.Units) > 0 {
			t.Units[0].Canonical = t.Units[0].Name + "（规范）"
			t.Units[0].Inferred = true
		}
		if i%5 == 2 {
			t.Mentioned = []string{"无锡市发改委"}
		}
	}
	n.Warnings = append(n.Warnings, duban.Warning{Task: "一.1", Code: duban.WarnDeadlineBeforeIssue, Message: "截止日期早于印发日期"})
	return n
}

var testNow = time.Date(2024, 6, 15, 9, 0, 0, 0, time.UTC)

// outDir is a fresh output directory, kept under $DUBAN_KEEP when set.
func outDir(t testing.TB, name string) string {
	if k := os.Getenv("DUBAN_KEEP"); k != "" {
		d := filepath.Join(k, name)
		os.RemoveAll(d)
		return d
	}
	return filepath.Join(t.TempDir(), name)
}
