package render

import (
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/xuri/excelize/v2"
)

// How each task of a ledger stands: with reports (from the store) or an
// as-of day, the ledger PDF gets a 落实情况 column and the workbook a
// 落实情况 sheet; without either the ledger is as it always was.

const (
	ledgerStatusLabel     = "落实情况"
	ledgerStatusSheetName = "落实情况"
)

// ledgerHasStatus reports whether the ledger has status to show.
func ledgerHasStatus(n *duban.Notice, asOf time.Time) bool {
	if !asOf.IsZero() {
		return true
	}
	for i := range n.Tasks {
		if len(n.Tasks[i].Progress) > 0 {
			return true
		}
	}
	return false
}

// taskLight is a task's light: 已完成 when its lead units (else all)
// reported it done, else by its deadline on asOf (LightNone without an
// as-of day or a date).
func taskLight(t *duban.Task, asOf time.Time, warn int) duban.Light {
	if t.Done() {
		return duban.LightDone
	}
	if asOf.IsZero() {
		return duban.LightNone
	}
	return duban.LightOf(&duban.Task{Deadline: t.Deadline}, "", asOf, warn)
}

// taskReports lists the latest report of each unit: "市发改委：滞后".
func taskReports(t *duban.Task) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range t.Progress {
		if seen[p.Unit] || p.Status == "" {
			continue
		}
		seen[p.Unit] = true
		out = append(out, p.Unit+"："+string(p.Status))
	}
	return out
}

// ledgerStatus is a task's 落实情况 cell: its light, then each unit's
// report on a line of its own.
func ledgerStatus(t *duban.Task, asOf time.Time, warn int) string {
	var lines []string
	if l := taskLight(t, asOf, warn); l != duban.LightNone {
		lines = append(lines, string(l))
	}
	return strings.Join(append(lines, taskReports(t)...), "\n")
}

// ledgerStatusSheet adds the 落实情况 sheet to a ledger workbook (after
// its first sheet): per task its number, text, deadline, light and the
// units' reports with their words, coloured by light.
func ledgerStatusSheet(f *excelize.File, n *duban.Notice, title string, asOf time.Time, warn int) (err error) {
	st, err := newBookStyles(f)
	if err != nil {
		return err
	}
	header := []string{"任务编号", "任务", "截止日期", "状态", "单位", "报送状态", "具体进展", "存在问题"}
	if _, err := f.NewSheet(ledgerStatusSheetName); err != nil {
		return err
	}
	s := &bookSheet{f: f, name: ledgerStatusSheetName, st: st, width: len(header)}
	sub := "落实情况"
	if !asOf.IsZero() {
		sub += "（截至" + chineseDate(asOf) + "）"
	}
	s.line(title+" · "+sub, st.title, 26)
	var rows [][]string
	var lights []duban.Light
	for i := range n.Tasks {
		t := &n.Tasks[i]
		date := ""
		if t.Deadline != nil {
			date = string(t.Deadline.Date)
		}
		l := taskLight(t, asOf, warn)
		base := []string{t.Number(), t.Text, date, string(l)}
		seen := map[string]bool{}
		reported := false
		for _, p := range t.Progress {
			if seen[p.Unit] {
				continue
			}
			seen[p.Unit] = true
			reported = true
			rows = append(rows, append(append([]string{}, base...), p.Unit, string(p.Status), p.Detail, p.Problems))
			lights = append(lights, l)
		}
		if !reported {
			rows = append(rows, append(base, "", "未报送", "", ""))
			lights = append(lights, l)
		}
	}
	hr := s.table(header, rows, []float64{11, 44, 12, 8, 16, 10, 30, 26}, false)
	s.printSetup(hr, title)
	if s.err != nil {
		return s.err
	}
	defer func() {
		if err == nil {
			err = s.flush()
		}
	}()
	// The 状态 cells in their light's colour.
	cache := map[duban.Light]int{}
	for i, l := range lights {
		fill := lightFill(l)
		if fill == "" {
			continue
		}
		id, ok := cache[l]
		if !ok {
			style, err := f.GetStyle(st.cell)
			if err != nil {
				return err
			}
			style.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(fill, "#")}}
			if id, err = f.NewStyle(style); err != nil {
				return err
			}
			cache[l] = id
		}
		s.restyle(4, hr+1+i, id)
	}
	return nil
}
