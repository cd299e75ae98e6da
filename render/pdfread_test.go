package render_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/pdf"
	"github.com/duban/duban/render"
)

// squeeze drops all whitespace.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// readPDF reads a PDF back with the project's own reader.
func readPDF(t *testing.T, path string) *document.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdf.Reader{}.Read(path, b)
	if err != nil {
		t.Fatalf("reading back %s: %v", path, err)
	}
	return doc
}

// tableRows gives every table row of a document as squeezed cell texts
// (the header rows apart).
func tableRows(doc *document.Document) (rows [][]string, header []string) {
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		for i, r := range b.Table.Rows {
			cells := make([]string, len(r))
			for c := range r {
				cells[c] = squeeze(r[c].Text)
			}
			if i == 0 {
				header = cells
				continue
			}
			rows = append(rows, cells)
		}
	}
	return rows, header
}

func column(header []string, label string) int {
	for i, h := range header {
		if h == squeeze(label) {
			return i
		}
	}
	return -1
}

// checkPages asserts the page structure with poppler's pdftotext (skipped
// when it is not installed; the project's reader drops footers and joins
// a table continued over pages): the reader and pdftotext agree on the page
// count, every page repeats the table header, and every page's footer says
// 第 i 页 共 N 页 with N the page count, and the generation date.
func checkPages(t *testing.T, path string, doc *document.Document, header []string) {
	t.Helper()
	if doc.Pages < 1 {
		t.Fatalf("%s: %d pages", path, doc.Pages)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: page footers not checked")
		return
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(pages) != doc.Pages {
		t.Errorf("%s: pdftotext sees %d pages, reader %d", path, len(pages), doc.Pages)
	}
	for i, p := range pages {
		text := squeeze(p)
		want := "第" + strconv.Itoa(i+1) + "页共" + strconv.Itoa(len(pages)) + "页"
		if !strings.Contains(text, want) {
			t.Errorf("%s: page %d footer lacks %q", path, i+1, want)
		}
		if !strings.Contains(text, "生成日期：2024-06-15") {
			t.Errorf("%s: page %d footer lacks the generation date", path, i+1)
		}
		for _, h := range header {
			if !strings.Contains(text, h) {
				t.Errorf("%s: page %d lacks header %q", path, i+1, h)
			}
		}
	}
}

func TestLedgerPDFReadBack(t *testing.T) {
	for _, n := range goldNotices(t) {
		t.Run(n.DocNumber, func(t *testing.T) {
			dir := outDir(t, "ledger-"+render.SafeFileName(n.DocNumber))
			paths, err := render.Ledger(n, dir, render.Options{Now: testNow, Formats: []string{"pdf"}})
			if err != nil {
				t.Fatal(err)
			}
			if len(paths) != 1 || filepath.Base(paths[0]) != "任务分解表.pdf" {
				t.Fatalf("paths = %v", paths)
			}
			doc := readPDF(t, paths[0])
			rows, header := tableRows(doc)
			checkPages(t, paths[0], doc, header)
			idC, textC, unitsC := column(header, "任务编号"), column(header, "任务内容"), column(header, "配合/责任单位")
			if unitsC < 0 { // named as the workbook names it when the notice has one kind
				unitsC = max(column(header, "责任单位"), column(header, "配合单位"))
			}
			rawC, dateC, qC := column(header, "完成时限"), column(header, "截止日期"), column(header, "季度")
			if idC < 0 || textC < 0 || unitsC < 0 || rawC < 0 || dateC < 0 || qC < 0 {
				t.Fatalf("header %q lacks a column", header)
			}
			leadC := column(header, "牵头单位")
			byID := map[string][]string{}
			for _, r := range rows {
				if len(r) == len(header) && r[idC] != "" && r[idC] != r[textC] { // not a heading
					byID[r[idC]] = r
				}
			}
			for _, task := range n.Tasks {
				r, ok := byID[squeeze(task.Number())]
				if !ok {
					t.Errorf("task %s: no table row", task.ID)
					continue
				}
				if r[textC] != squeeze(task.Text) {
					t.Errorf("task %s: text\n got %s\nwant %s", task.ID, r[textC], squeeze(task.Text))
				}
				units := r[unitsC]
				if leadC >= 0 {
					units = r[leadC] + "|" + units
				}
				for _, u := range task.Units {
					if !strings.Contains(units, squeeze(u.Name)) {
						t.Errorf("task %s: unit %s missing from %q", task.ID, u.Name, units)
					}
				}
				if d := task.Deadline; d != nil {
					if r[rawC] != squeeze(d.Raw) || r[dateC] != string(d.Date) || r[qC] != string(d.Quarter) {
						t.Errorf("task %s: deadline cells %q %q %q, want %q %q %q", task.ID, r[rawC], r[dateC], r[qC], d.Raw, d.Date, d.Quarter)
					}
				}
			}
			if leadC >= 0 && !hasRole(n, duban.RoleLead) {
				t.Errorf("牵头单位 column shown though no task has a lead unit")
			}
			if leadC < 0 && hasRole(n, duban.RoleLead) {
				t.Errorf("牵头单位 column hidden though tasks have lead units")
			}
			if len(byID) != len(n.Tasks) {
				t.Errorf("%d task rows, want %d", len(byID), len(n.Tasks))
			}
		})
	}
}

func hasRole(n *duban.Notice, role duban.Role) bool {
	for _, t := range n.Tasks {
		for _, u := range t.Units {
			if u.Role == role {
				return true
			}
		}
	}
	return false
}

func TestUnitPDFReadBack(t *testing.T) {
	notices := goldNotices(t)
	dir := outDir(t, "units")
	paths, err := render.UnitSheets(notices, dir, render.Options{Now: testNow, Formats: []string{"pdf"}})
	if err != nil {
		t.Fatal(err)
	}
	// expected: per unit key, the tasks it has
	type want struct {
		notice *duban.Notice
		task   duban.Task
		role   duban.Role
	}
	expect := map[string][]want{}
	key := placeKeys(notices)
	for _, n := range notices {
		for _, task := range n.Tasks {
			seen := map[string]bool{}
			for _, u := range task.Units {
				k := key(n, u)
				if !seen[k] {
					seen[k] = true
					expect[k] = append(expect[k], want{n, task, u.Role})
				}
			}
		}
	}
	if len(paths) != len(expect) {
		t.Fatalf("%d unit sheets, want %d", len(paths), len(expect))
	}
	for _, p := range paths {
		doc := readPDF(t, p)
		var title string
		for _, b := range doc.Blocks {
			if b.Table == nil {
				title = squeeze(b.Text)
				break
			}
		}
		unit := strings.TrimSuffix(title, "任务清单")
		ws, ok := expect[unit]
		if !ok {
			t.Errorf("%s: title %q names no unit", p, title)
			continue
		}
		if render.SafeFileName(unit) != strings.TrimSuffix(filepath.Base(p), ".pdf") {
			t.Errorf("%s: file name does not match unit %s", p, unit)
		}
		var all strings.Builder
		for _, b := range doc.Blocks {
			if b.Table == nil {
				all.WriteString(squeeze(b.Text))
			}
		}
		rows, header := tableRows(doc)
		checkPages(t, p, doc, header)
		if len(rows) != len(ws) {
			t.Errorf("%s: %d rows, want %d", p, len(rows), len(ws))
			continue
		}
		seqC, textC, roleC, dateC, rawC := column(header, "序号"), column(header, "任务内容"), column(header, "分工"), column(header, "截止日期"), column(header, "完成时限")
		idC := column(header, "任务编号")
		prev := ""
		for i, r := range rows {
			if r[seqC] != strconv.Itoa(i+1) {
				t.Errorf("%s row %d: 序号 %q", p, i+1, r[seqC])
			}
			// sorted by deadline, no date last
			if d := r[dateC]; d != "" && prev == "~" || d != "" && d < prev {
				t.Errorf("%s row %d: date %s after %s", p, i+1, d, prev)
			} else if d == "" {
				prev = "~"
			} else {
				prev = d
			}
			found := false
			for _, w := range ws {
				if squeeze(w.task.Text) == r[textC] && w.role.Label() == r[roleC] && strings.HasSuffix(r[idC], squeeze(w.task.Number())) {
					found = true
					if d := w.task.Deadline; d != nil && (r[dateC] != string(d.Date) || r[rawC] != squeeze(d.Raw)) {
						t.Errorf("%s: task %s deadline %q %q, want %q %q", p, w.task.ID, r[rawC], r[dateC], d.Raw, d.Date)
					}
				}
			}
			if !found {
				t.Errorf("%s row %d: %q is none of the unit's tasks", p, i+1, r[textC])
			}
		}
		for _, w := range ws {
			if !strings.Contains(all.String(), squeeze(w.notice.DocNumber)) {
				t.Errorf("%s: source notice %s not named", p, w.notice.DocNumber)
			}
		}
	}
}
