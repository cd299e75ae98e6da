package returns

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// Form is a returned sheet as read back.
type Form struct {
	File     string
	Sheet    string
	Unit     string
	Round    string
	ReportBy string
	Contact  string           // 联系人
	Phone    string           // 联系电话
	Leader   string           // 分管领导
	Known    map[string]Known // key → the task as the sheet was made
	Rows     []Row
}

// Known is one task as the hidden sheet recorded it.
type Known struct{ Notice, DocNumber, Task, Text string }

// Row is one task row of a returned sheet. Err says what is wrong with it
// (nothing of such a row may be stored).
type Row struct {
	Row       int // 1-based row number in the sheet
	Key       string
	Notice    string
	Task      string
	Text      string
	Status    duban.Status
	RawStatus string
	Detail    string
	Problems  string
	NextSteps string
	DoneDate  string
	Note      string
	Err       error
}

// Empty reports whether the unit filled in nothing on the row.
func (r Row) Empty() bool {
	return r.RawStatus == "" && r.Detail == "" && r.Problems == "" && r.NextSteps == "" && r.DoneDate == "" && r.Note == ""
}

// Where is "file: sheet 填报表 row 7".
func (f *Form) Where(row int) string {
	return fmt.Sprintf("%s: sheet %s row %d", f.File, f.Sheet, row)
}

// ErrNotReturnSheet says a workbook is not a duban return sheet.
var ErrNotReturnSheet = fmt.Errorf("not a duban return sheet (no %s sheet)", IDSheet)

// Read reads a returned sheet. A workbook that is not one gives an error
// wrapping ErrNotReturnSheet; a row that cannot be taken has its Err set.
func Read(path string) (*Form, error) {
	f, err := workbook.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	form := &Form{File: path, Known: map[string]Known{}}
	if err := workbook.CheckCells(f, IDSheet, limits.SheetCells); errors.Is(err, workbook.ErrTooManyCells) {
		return nil, fmt.Errorf("%s: sheet %s: %w", path, IDSheet, err)
	}
	ids, err := f.GetRows(IDSheet, excelize.Options{RawCellValue: true})
	if err != nil || len(ids) == 0 || len(ids[0]) == 0 || ids[0][0] != Marker {
		return nil, fmt.Errorf("%s: %w", path, ErrNotReturnSheet)
	}
	inList := false
	for _, r := range ids[1:] {
		if len(r) < 2 {
			continue
		}
		if inList && len(r) >= 5 {
			form.Known[r[0]] = Known{Notice: r[1], DocNumber: r[2], Task: r[3], Text: r[4]}
			continue
		}
		switch r[0] {
		case "unit":
			form.Unit = r[1]
		case "round":
			form.Round = r[1]
		case "report_by":
			form.ReportBy = r[1]
		case "key":
			inList = true
		}
	}
	sheet := ""
	for _, name := range f.GetSheetList() {
		if name != IDSheet {
			if v, _ := f.GetSheetVisible(name); v {
				sheet = name
				break
			}
		}
	}
	if sheet == "" {
		return nil, fmt.Errorf("%s: no visible sheet", path)
	}
	form.Sheet = sheet
	if err := workbook.CheckCells(f, sheet, limits.SheetCells); err != nil {
		return nil, fmt.Errorf("%s: sheet %s: %w", path, sheet, err)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %s: %w", path, sheet, err)
	}
	// The header row names the columns: they are found by name, so a
	// column moved or inserted by the unit is still read.
	hr, cols := -1, map[string]int{}
	for i, r := range rows {
		for j, v := range r {
			for _, c := range columns {
				if strings.TrimSpace(v) == c.head {
					cols[c.key] = j
				}
			}
		}
		if _, ok := cols["status"]; ok {
			if _, ok := cols["key"]; ok {
				hr = i
				break
			}
		}
		cols = map[string]int{}
	}
	if hr < 0 {
		return nil, fmt.Errorf("%s: sheet %s: no header row with 完成状态 and %s", path, sheet, keyHeader)
	}
	for i, r := range rows[:hr] {
		get := func(label string) string {
			for j, v := range r {
				if strings.TrimSpace(v) == label {
					for k := j + 1; k < len(r); k++ {
						if s := strings.TrimSpace(r[k]); s != "" {
							return s
						}
					}
				}
			}
			return ""
		}
		_ = i
		if v := get("联系人："); v != "" {
			form.Contact = v
		}
		if v := get("联系电话："); v != "" {
			form.Phone = v
		}
		if v := get("分管领导："); v != "" {
			form.Leader = v
		}
	}
	for i := hr + 1; i < len(rows); i++ {
		r := rows[i]
		get := func(k string) string {
			j, ok := cols[k]
			if !ok || j >= len(r) {
				return ""
			}
			return strings.TrimSpace(r[j])
		}
		key := get("key")
		if key == "" {
			continue // 合计, signature lines, blank rows
		}
		row := Row{Row: i + 1, Key: key, Text: get("text"), RawStatus: get("status"), Detail: get("detail"),
			Problems: get("problems"), NextSteps: get("next"), Note: get("note")}
		if k, ok := form.Known[key]; ok {
			row.Notice, row.Task = k.Notice, k.Task
		} else if a, b, ok := strings.Cut(key, " "); ok {
			row.Notice, row.Task = a, b
		}
		if row.RawStatus != "" {
			st, ok := duban.ParseStatus(row.RawStatus)
			if !ok {
				row.Err = fmt.Errorf("完成状态 %q is not one of %s", row.RawStatus, joinStatuses())
			}
			row.Status = st
		}
		if d := get("done"); d != "" && row.Err == nil {
			if row.DoneDate, err = ParseDate(d); err != nil {
				row.Err = fmt.Errorf("完成日期 %q: %w", d, err)
			}
		}
		form.Rows = append(form.Rows, row)
	}
	return form, nil
}

// ParseDate reads a date cell: an Excel serial number, or text as people
// type it (2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日).
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		if v >= 1 && v < 2958466 {
			if t, err := excelize.ExcelDateToTime(v, false); err == nil {
				return t.Format(duban.DateLayout), nil
			}
		}
		return "", fmt.Errorf("not a date")
	}
	for _, layout := range []string{duban.DateLayout, "2006/1/2", "2006.1.2", "2006-1-2", "2006年1月2日", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(duban.DateLayout), nil
		}
	}
	return "", fmt.Errorf("not a date (write it as 2024-06-30)")
}

// IsReturnSheet reports whether path looks like a return sheet (by name;
// Read decides).
func IsReturnSheet(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".xlsx")
}
