package duban

import (
	"encoding/csv"
	"fmt"
	"io"
)

// csvHeader is the header row of the task CSV (duban extract --format
// csv, tasks.csv of a run): task number, section, text, unit, role, the
// deadline as written, its date and its quarter.
var csvHeader = []string{"编号", "板块", "任务内容", "单位", "分工", "完成时限", "截止日期", "季度"}

// WriteCSV writes the tasks of notices as CSV: UTF-8 with a byte order
// mark (so Excel and WPS detect the encoding), CRLF line ends, a header
// row, then one row per task and unit in document order; a task without
// units gets one row with empty 单位 and 分工.
//
// Spreadsheets treat a cell starting with = + - @ (or a tab or carriage
// return) as a formula, so such cells are written with a leading
// apostrophe: the cell then shows as text everywhere, at the cost of a
// visible ' in programs that are not spreadsheets. Task texts and unit
// names never start with an apostrophe otherwise, so the prefix can be
// recognised and removed when the CSV is read back.
func WriteCSV(w io.Writer, notices []*Notice) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("csv: byte order mark: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("csv: header: %w", err)
	}
	for _, n := range notices {
		if n == nil {
			continue
		}
		for i := range n.Tasks {
			for _, row := range taskRows(&n.Tasks[i]) {
				for j := range row {
					row[j] = csvSafe(row[j])
				}
				if err := cw.Write(row); err != nil {
					return fmt.Errorf("csv: %s task %s: %w", n.Source.Path, n.Tasks[i].ID, err)
				}
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// taskRows gives a task's CSV rows, one per unit (one without a unit when
// it has none).
func taskRows(t *Task) [][]string {
	block := string(t.Section)
	if t.Subsection != "" {
		if block != "" {
			block += " / "
		}
		block += string(t.Subsection)
	}
	var raw, date, quarter string
	if t.Deadline != nil {
		raw, date, quarter = t.Deadline.Raw, string(t.Deadline.Date), string(t.Deadline.Quarter)
	}
	if len(t.Units) == 0 {
		return [][]string{{t.ID, block, t.Text, "", "", raw, date, quarter}}
	}
	rows := make([][]string, 0, len(t.Units))
	for _, u := range t.Units {
		rows = append(rows, []string{t.ID, block, t.Text, u.Name, u.Role.Label(), raw, date, quarter})
	}
	return rows
}

// csvSafe prefixes a cell that a spreadsheet would read as a formula with
// an apostrophe.
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
