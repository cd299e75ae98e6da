package duban

import (
	"bufio"
	"fmt"
	"io"
	"strings"
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
//
// A cell holding a list separator (, or ; — the separator in locales
// where the comma is the decimal mark — or a tab), a quote, a line break
// or a formula character (= + - @) anywhere is quoted, as OWASP advises
// against CSV injection: a spreadsheet splitting on ; would otherwise make
// a cell of "推进工作;=1+1" and read the second half as a formula.
func WriteCSV(w io.Writer, notices []*Notice) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("csv: byte order mark: %w", err)
	}
	cw := newCSVWriter(w)
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
// an apostrophe, and puts one after every separator (; or tab) or line
// break inside the cell that a formula character follows: a spreadsheet
// whose list separator is ; splits the row there whatever the quotes say,
// and the piece after it would start a cell of its own.
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	if isFormulaStart(s[0]) {
		s = "'" + s
	}
	if !strings.ContainsAny(s, ";\t\r\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		switch s[i] {
		case ';', '\t', '\r', '\n':
			j := i + 1
			for j < len(s) && (s[j] == '"' || s[j] == ' ') {
				j++
			}
			if j < len(s) && isFormulaStart(s[j]) && s[i+1] != '\n' {
				b.WriteByte('\'')
			}
		}
	}
	return b.String()
}

func isFormulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// csvQuoted are the characters that make a cell quoted: separators in any
// locale, quotes, line breaks and formula characters.
const csvQuoted = ",;\t\"\r\n=+-@"

// csvWriter writes RFC 4180 rows with CRLF line ends, quoting every cell
// holding one of csvQuoted (encoding/csv quotes only for the comma). A line
// break inside a cell is written CRLF too, as encoding/csv does.
type csvWriter struct {
	w   *bufio.Writer
	err error
}

func newCSVWriter(w io.Writer) *csvWriter { return &csvWriter{w: bufio.NewWriter(w)} }

func (c *csvWriter) Write(row []string) error {
	if c.err != nil {
		return c.err
	}
	for i, f := range row {
		if i > 0 {
			c.w.WriteByte(',')
		}
		if !csvNeedsQuotes(f) {
			c.w.WriteString(f)
			continue
		}
		c.w.WriteByte('"')
		for _, r := range f {
			switch r {
			case '"':
				c.w.WriteString(`""`)
			case '\r':
				// dropped: a line break is written as CRLF from its \n
			case '\n':
				c.w.WriteString("\r\n")
			default:
				c.w.WriteRune(r)
			}
		}
		c.w.WriteByte('"')
	}
	_, c.err = c.w.WriteString("\r\n")
	return c.err
}

func csvNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	return strings.ContainsAny(f, csvQuoted) || f[0] == ' ' || f[len(f)-1] == ' '
}

func (c *csvWriter) Flush() {
	if c.err == nil {
		c.err = c.w.Flush()
	}
}

func (c *csvWriter) Error() error { return c.err }
