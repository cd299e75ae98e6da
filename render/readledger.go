package render

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/notation"
	"github.com/duban/duban/internal/workbook"
	"github.com/duban/duban/internal/xlsxout"
	"github.com/xuri/excelize/v2"
)

// The ledger workbook keeps the records in a hidden sheet so that a ledger,
// possibly corrected by a person in Excel or WPS, can be read back:
//
//	A1 "duban-ledger"  B1 version  C1 name of the visible sheet
//	row 2  "notice"  the notice without its tasks, as JSON (split over cells)
//	row 3  "keys"    column keys of the visible table
//	row 4  "labels"  their header labels
//	row 5  "header"  the header row number
//	row 6… "task"    id, then the task as JSON (split over cells)
//
// ReadLedger takes what a person can see and edit — task order, 任务编号,
// 任务内容, units per role, 完成时限, 截止日期, 季度 — from the visible sheet, and
// the rest (section path, unit canonical names, source line and page,
// deadline kind, notice header) from the hidden one.
const (
	recordsSheet   = "_duban"
	recordsMarker  = "duban-ledger"
	recordsVersion = "1"
	chunkRunes     = 8000 // well under Excel's 32 767 characters a cell
)

func writeRecordsSheet(x *xlsxTemplate, n *duban.Notice) error {
	f := x.File
	if _, err := f.NewSheet(recordsSheet); err != nil {
		return err
	}
	// Hiding a sheet and choosing the active one read every sheet: both
	// before this one streams.
	if err := f.SetSheetVisible(recordsSheet, false, true); err != nil {
		return err
	}
	idx, err := f.GetSheetIndex(x.Sheet)
	if err == nil {
		f.SetActiveSheet(idx)
	}
	head := *n
	head.Tasks = nil
	meta, err := json.Marshal(head)
	if err != nil {
		return err
	}
	labels := make([]string, len(x.Keys))
	for i := range x.Keys {
		if x.HeaderRow-1 < len(x.titles) && i < len(x.titles[x.HeaderRow-1]) {
			labels[i] = x.titles[x.HeaderRow-1][i]
		}
	}
	w, err := xlsxout.NewRows(f, recordsSheet)
	if err != nil {
		return err
	}
	set := func(row int, vals ...string) error {
		for i, v := range vals {
			w.Set(i+1, v, 0)
		}
		return w.Write(row, 0)
	}
	if err := set(1, recordsMarker, recordsVersion, x.Sheet); err != nil {
		return err
	}
	if err := set(2, append([]string{"notice"}, chunks(string(meta))...)...); err != nil {
		return err
	}
	if err := set(3, append([]string{"keys"}, x.Keys...)...); err != nil {
		return err
	}
	if err := set(4, append([]string{"labels"}, labels...)...); err != nil {
		return err
	}
	if err := set(5, "header", strconv.Itoa(x.HeaderRow)); err != nil {
		return err
	}
	for i := range n.Tasks {
		b, err := json.Marshal(n.Tasks[i])
		if err != nil {
			return err
		}
		if err := set(6+i, append([]string{"task", n.Tasks[i].ID}, chunks(string(b))...)...); err != nil {
			return err
		}
	}
	return w.Flush()
}

func chunks(s string) []string {
	var out []string
	rs := []rune(s)
	for len(rs) > chunkRunes {
		out = append(out, string(rs[:chunkRunes]))
		rs = rs[chunkRunes:]
	}
	return append(out, string(rs))
}

// ReadLedger reads a ledger workbook written by Ledger — possibly corrected
// by a person — back into records. A ledger that was never edited gives
// back exactly the records it was rendered from.
//
// Edits are honoured as follows: rows may be reordered or deleted; 任务内容,
// 牵头/配合/责任单位 and 关键词 (separated by 、), 完成时限, 截止日期 (text
// YYYY-MM-DD or an Excel date) and 季度 are read from the sheet. When the
// units of a task are unchanged their recorded order and canonical names
// are kept; otherwise they are listed lead, co, responsible. A changed
// 截止日期 recomputes 季度. A row with an unknown 任务编号 becomes a new task
// (path from the number, section from the heading rows above it, deadline
// kind "date" when it has a date, else "unknown").
func ReadLedger(path string) (n *duban.Notice, err error) {
	// excelize has panicked on malformed workbooks before: a bad file is an
	// error, never a crash.
	defer func() {
		if r := recover(); r != nil {
			n, err = nil, fmt.Errorf("%s: unreadable workbook: %v", path, r)
		}
	}()
	f, err := workbook.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	n, err = readLedger(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}

type ledgerRecords struct {
	notice    duban.Notice
	sheet     string
	keys      []string
	labels    []string
	header    int
	tasks     map[string]duban.Task
	taskOrder []string
	// byNumber finds a task's id from the number the sheet shows
	// (duban.Task.Number); a number two tasks share finds neither.
	byNumber map[string]string
}

func readRecordsSheet(f *excelize.File) (*ledgerRecords, error) {
	if idx, _ := f.GetSheetIndex(recordsSheet); idx < 0 {
		return nil, fmt.Errorf("not a duban ledger: no %s sheet", recordsSheet)
	}
	if err := workbook.CheckCells(f, recordsSheet, limits.SheetCells); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", recordsSheet, err)
	}
	rows, err := f.GetRows(recordsSheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", recordsSheet, err)
	}
	if len(rows) < 5 || len(rows[0]) < 3 || rows[0][0] != recordsMarker {
		return nil, fmt.Errorf("sheet %s: not duban records", recordsSheet)
	}
	if rows[0][1] != recordsVersion {
		return nil, fmt.Errorf("sheet %s: records version %s, want %s", recordsSheet, rows[0][1], recordsVersion)
	}
	lr := &ledgerRecords{sheet: rows[0][2], tasks: map[string]duban.Task{}}
	for i, row := range rows[1:] {
		if len(row) == 0 {
			continue
		}
		r := i + 2
		switch row[0] {
		case "notice":
			if err := json.Unmarshal([]byte(strings.Join(row[1:], "")), &lr.notice); err != nil {
				return nil, fmt.Errorf("sheet %s row %d: %w", recordsSheet, r, err)
			}
		case "keys":
			lr.keys = row[1:]
		case "labels":
			lr.labels = row[1:]
		case "header":
			if len(row) > 1 {
				lr.header, _ = strconv.Atoi(row[1])
			}
		case "task":
			if len(row) < 3 {
				return nil, fmt.Errorf("sheet %s row %d: short task row", recordsSheet, r)
			}
			var t duban.Task
			if err := json.Unmarshal([]byte(strings.Join(row[2:], "")), &t); err != nil {
				return nil, fmt.Errorf("sheet %s row %d: %w", recordsSheet, r, err)
			}
			if _, dup := lr.tasks[row[1]]; !dup {
				lr.tasks[row[1]] = t
				lr.taskOrder = append(lr.taskOrder, row[1])
			}
		}
	}
	lr.byNumber = make(map[string]string, len(lr.tasks))
	for id, t := range lr.tasks {
		t.ID = id
		k := t.Number()
		if _, dup := lr.byNumber[k]; dup {
			lr.byNumber[k] = ""
		} else {
			lr.byNumber[k] = id
		}
	}
	return lr, nil
}

func readLedger(f *excelize.File) (*duban.Notice, error) {
	lr, err := readRecordsSheet(f)
	if err != nil {
		return nil, err
	}
	sheet := lr.sheet
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil, fmt.Errorf("sheet %q is missing", sheet)
	}
	if err := workbook.CheckCells(f, sheet, limits.SheetCells); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	header, cols := findHeader(rows, lr)
	if header < 0 {
		return nil, fmt.Errorf("sheet %s: header row with %s not found", sheet, strings.Join(lr.labels, " | "))
	}
	merged, _ := f.GetMergeCells(sheet)
	mergedRow := map[int]bool{}
	for _, m := range merged {
		c1, r1, e1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, e2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if e1 == nil && e2 == nil && c1 == 1 && c2 > 1 && r1 == r2 {
			mergedRow[r1-1] = true
		}
	}
	n := lr.notice
	n.Tasks = []duban.Task{}
	used := map[string]bool{}
	var section, subsection string
	for i := header + 1; i < len(rows); i++ {
		row := rows[i]
		raw := func(key string) string {
			c, ok := cols[key]
			if !ok || c >= len(row) {
				return ""
			}
			return row[c]
		}
		get := func(key string) string { return strings.TrimSpace(raw(key)) }
		if blank(row) {
			continue
		}
		if mergedRow[i] || onlyFirst(row) && get("id") == "" {
			section, subsection = applyHeading(strings.TrimSpace(row[0]), section, subsection)
			continue
		}
		id := lr.taskID(get("id"))
		base, known := lr.tasks[id]
		if _, ok := cols["id"]; !ok && len(n.Tasks) < len(lr.taskOrder) {
			// no id column: match by order
			id = lr.taskOrder[len(n.Tasks)]
			base, known = lr.tasks[id], true
		}
		if known && used[id] {
			known = false
		}
		var t duban.Task
		if known {
			used[id] = true
			t = base
		} else {
			var path []string
			id, path = numberPath(id)
			t = duban.Task{ID: id, Path: path, Section: duban.NullString(section), Subsection: duban.NullString(subsection)}
		}
		if _, ok := cols["text"]; ok {
			t.Text = raw("text")
		}
		if _, ok := cols["keywords"]; ok {
			if v := get("keywords"); v != strings.Join(t.Keywords, "、") {
				t.Keywords = splitUnits(v) // edited: 、-separated like the units
			}
		}
		t.Units = readUnits(base.Units, known, cols, get)
		t.Deadline = readDeadline(base.Deadline, known, cols, get)
		n.Tasks = append(n.Tasks, t)
	}
	return &n, nil
}

// findHeader finds the header row by its labels (a person may have added
// rows above it) and maps keys to 0-based columns.
func findHeader(rows [][]string, lr *ledgerRecords) (int, map[string]int) {
	best, bestHits := -1, 0
	var bestCols map[string]int
	for r := 0; r < len(rows) && r < 50; r++ {
		cols := map[string]int{}
		hits := 0
		for c, v := range rows[r] {
			v = strings.TrimSpace(v)
			for k, label := range lr.labels {
				if v != "" && v == strings.TrimSpace(label) && k < len(lr.keys) && lr.keys[k] != "" {
					if _, dup := cols[lr.keys[k]]; !dup {
						cols[lr.keys[k]] = c
						hits++
					}
				}
			}
		}
		if hits > bestHits || hits == bestHits && hits > 0 && r+1 == lr.header {
			best, bestHits, bestCols = r, hits, cols
		}
	}
	if bestHits == 0 || bestHits*2 < countNonEmpty(lr.keys) {
		return -1, nil
	}
	return best, bestCols
}

func countNonEmpty(s []string) int {
	n := 0
	for _, v := range s {
		if v != "" {
			n++
		}
	}
	return n
}

func blank(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func onlyFirst(row []string) bool {
	if len(row) == 0 || strings.TrimSpace(row[0]) == "" {
		return false
	}
	for _, v := range row[1:] {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// applyHeading updates the current section from a heading row: "一、…" is
// a section, "（一）…" a subsection.
func applyHeading(h, section, subsection string) (string, string) {
	if strings.HasPrefix(h, "（") || strings.HasPrefix(h, "(") {
		if i := strings.IndexAny(h, "）)"); i > 0 {
			return section, strings.TrimSpace(h[i+len(string([]rune(h[i:])[0])):])
		}
		return section, h
	}
	if i := strings.Index(h, "、"); i > 0 && i <= 12 {
		return strings.TrimSpace(h[i+len("、"):]), ""
	}
	return h, ""
}

// taskID is the id of the task a row's 任务编号 cell names: the number the
// ledger shows, or the id itself (ledgers written before numbers were
// shown as the notice writes them). An unknown cell is returned as is.
func (lr *ledgerRecords) taskID(cell string) string {
	if _, ok := lr.tasks[cell]; ok {
		return cell
	}
	if id := lr.byNumber[cell]; id != "" {
		return id
	}
	return cell
}

// pathOf splits a task id into its path ("四.（一）.5#2" → 四, （一）, 5).
func pathOf(id string) []string {
	if i := strings.IndexByte(id, '#'); i >= 0 {
		id = id[:i]
	}
	if id == "" {
		return []string{}
	}
	return strings.Split(id, ".")
}

// splitUnits splits a unit cell as the notice's lists are split
// (notation.SplitUnits: 、，；outside brackets, 各县(市、区)住建局 stays
// whole); a line break a clerk typed separates too.
func splitUnits(s string) []string {
	names, _ := notation.SplitUnits(strings.ReplaceAll(s, "\n", "、"))
	return names
}

func readUnits(base []duban.Unit, known bool, cols map[string]int, get func(string) string) []duban.Unit {
	roleCols := []struct {
		key  string
		role duban.Role
	}{{"lead", duban.RoleLead}, {"co", duban.RoleCo}, {"responsible", duban.RoleResponsible}}
	have := false
	for _, rc := range roleCols {
		if _, ok := cols[rc.key]; ok {
			have = true
		}
	}
	if !have {
		if known {
			return base
		}
		return []duban.Unit{}
	}
	var seen []duban.Unit
	for _, rc := range roleCols {
		if _, ok := cols[rc.key]; !ok {
			// a column the template dropped keeps its recorded units
			for _, u := range base {
				if u.Role == rc.role {
					seen = append(seen, duban.Unit{Name: u.Name, Role: u.Role})
				}
			}
			continue
		}
		for _, name := range splitUnits(get(rc.key)) {
			seen = append(seen, duban.Unit{Name: name, Role: rc.role})
		}
	}
	if known && sameUnits(base, seen) {
		return base
	}
	out := make([]duban.Unit, 0, len(seen))
	for _, u := range seen {
		for _, b := range base {
			if b.Name == u.Name && b.Role == u.Role {
				u.Canonical, u.Inferred = b.Canonical, b.Inferred
				break
			}
		}
		out = append(out, u)
	}
	return out
}

// sameUnits reports whether a and b hold the same (name, role) pairs.
func sameUnits(a, b []duban.Unit) bool {
	if len(a) != len(b) {
		return false
	}
	key := func(u duban.Unit) string { return string(u.Role) + "\x00" + u.Name }
	ka := make([]string, len(a))
	kb := make([]string, len(b))
	for i := range a {
		ka[i], kb[i] = key(a[i]), key(b[i])
	}
	slices.Sort(ka)
	slices.Sort(kb)
	return slices.Equal(ka, kb)
}

func readDeadline(base *duban.Deadline, known bool, cols map[string]int, get func(string) string) *duban.Deadline {
	_, hasRaw := cols["deadline"]
	_, hasDate := cols["date"]
	_, hasQuarter := cols["quarter"]
	if !hasRaw && !hasDate {
		if known {
			return base
		}
		return nil
	}
	var d duban.Deadline
	if known && base != nil {
		d = *base
	}
	if hasRaw {
		d.Raw = get("deadline")
	}
	if hasDate {
		date := parseCellDate(get("date"))
		if date != string(d.Date) {
			d.SetDate(date)
			hasQuarter = false
		}
	}
	if hasQuarter {
		d.Quarter = duban.NullString(get("quarter"))
	}
	if d.Raw == "" && d.Date == "" {
		if known && base != nil && base.Raw == "" && base.Date == "" {
			return base // a deadline recorded with nothing visible (ongoing without text)
		}
		return nil
	}
	if d.Kind == "" {
		d.Kind = duban.KindUnknown
		if d.Date != "" {
			d.Kind = duban.KindDate
		}
	}
	return &d
}

// parseCellDate reads a date cell: text YYYY-MM-DD (or with / or .), or an
// Excel serial number when a person typed a real date. Anything else is
// kept as written.
func parseCellDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range []string{duban.DateLayout, "2006/1/2", "2006.1.2", "2006-1-2", "2006年1月2日"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(duban.DateLayout)
		}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0 && v < 2958466 {
		if t, err := excelize.ExcelDateToTime(v, false); err == nil {
			return t.Format(duban.DateLayout)
		}
	}
	return s
}
