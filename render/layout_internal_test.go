package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/duban/duban"
)

func goldNoticesInternal(t *testing.T) []*duban.Notice {
	files, _ := filepath.Glob("../testdata/styles/*.gold.json")
	files = append([]string{"../testdata/lianyungang-2024-22.gold.json"}, files...)
	var out []*duban.Notice
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var n duban.Notice
		if err := json.Unmarshal(b, &n); err != nil {
			t.Fatal(err)
		}
		out = append(out, &n)
	}
	return out
}

// allDocs lays out every ledger and unit sheet of the gold notices, plus a
// ledger with a task long enough to be split over pages.
func allDocs(t *testing.T) map[string]*pdfDoc {
	res, err := Options{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)}.load()
	if err != nil {
		t.Fatal(err)
	}
	notices := goldNoticesInternal(t)
	long := *notices[0]
	long.Tasks = append([]duban.Task(nil), long.Tasks...)
	for i := range 3 {
		long.Tasks[i].Text = repeat(long.Tasks[i].Text+"（括号内容，“引号”）；", 40)
	}
	docs := map[string]*pdfDoc{}
	for i, n := range append(notices, &long) {
		d, err := ledgerDoc(res, n)
		if err != nil {
			t.Fatal(err)
		}
		docs["ledger "+strconv.Itoa(i)+" "+n.DocNumber] = d
	}
	for _, s := range collectUnits(notices, nil) {
		d, err := unitDoc(res, s, notices)
		if err != nil {
			t.Fatal(err)
		}
		docs["unit "+s.key] = d
	}
	return docs
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

// TestRenderedLines checks every line the engine lays out in every
// document: none starts with closing punctuation or ends with opening
// punctuation, and the footers count the pages right.
func TestRenderedLines(t *testing.T) {
	lines := 0
	split := false
	for name, d := range allDocs(t) {
		var footers []string
		d.trace = func(page int, line string) {
			if len(footers) == 0 && line != "" {
				first, _ := utf8.DecodeRuneInString(line)
				last, _ := utf8.DecodeLastRuneInString(line)
				if isClosing(first) {
					t.Errorf("%s page %d: line starts with closing punctuation: %q", name, page, line)
				}
				if isOpening(last) {
					t.Errorf("%s page %d: line ends with opening punctuation: %q", name, page, line)
				}
				lines++
			}
			if line == "第 "+strconv.Itoa(page)+" 页 共 "+strconv.Itoa(d.pages)+" 页" {
				footers = append(footers, line)
			}
		}
		if _, err := d.Bytes(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(footers) != d.Pages() || d.Pages() < 1 {
			t.Errorf("%s: %d correct footers on %d pages", name, len(footers), d.Pages())
		}
		if d.Pages() > 3 && name[:6] == "ledger" {
			split = true
		}
	}
	if lines < 1000 || !split {
		t.Errorf("only %d lines checked (split row seen: %v)", lines, split)
	}
}
