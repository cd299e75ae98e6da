package render

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/duban/duban"
	"github.com/duban/duban/templates"
	"github.com/xuri/excelize/v2"
)

// The sheets of the quarterly template, in order, and the document kind
// whose column keys each may use.
var quarterlySheets = []string{"quarterly_units", "quarterly_sections", "quarterly", "quarterly_other", "quarterly_next"}

// openQuarterlyTemplate opens quarterly.xlsx and scans each of its sheets
// as a template to fill.
func openQuarterlyTemplate(dir string) (*excelize.File, []*xlsxTemplate, error) {
	name := templates.QuarterlyXLSX
	b, err := templates.OpenQuarterly(dir, name)
	if err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, nil, fmt.Errorf("template %s: %w", name, err)
	}
	list := f.GetSheetList()
	if len(list) < len(quarterlySheets) {
		f.Close()
		return nil, nil, fmt.Errorf("template %s: %d sheets, want %d (汇总, 按板块, 到期任务, 持续及定期任务, 下季度预览)", name, len(list), len(quarterlySheets))
	}
	xs := make([]*xlsxTemplate, len(quarterlySheets))
	for i, kind := range quarterlySheets {
		x := &xlsxTemplate{File: f, Sheet: list[i], Name: name + " " + list[i]}
		if err := x.scanCached(b); err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("template %s: sheet %s: %w", name, list[i], err)
		}
		known := quarterlyKinds[slicesIndexKind(kind)].keys
		for _, k := range x.Keys {
			if k != "" && !validKey(k, known) {
				f.Close()
				return nil, nil, fmt.Errorf("template %s: sheet %s: unknown column {{%s}} (known: %s)", name, list[i], k, strings.Join(known, ", "))
			}
		}
		xs[i] = x
	}
	return f, xs, nil
}

func slicesIndexKind(kind string) int {
	for i, k := range quarterlyKinds {
		if k.kind == kind {
			return i
		}
	}
	return 0
}

// partName drops the numbering of a part heading: "二、按责任单位统计" →
// "按责任单位统计". Only Chinese or Arabic numerals before the 、 count.
func partName(s string) string {
	i := strings.Index(s, "、")
	if i <= 0 {
		return s
	}
	for _, r := range s[:i] {
		if !strings.ContainsRune("一二三四五六七八九十0123456789", r) {
			return s
		}
	}
	return s[i+len("、"):]
}

// quarterlyXLSX writes the workbook of one quarterly report.
func quarterlyXLSX(res *resources, ql *quarterlyLayout, r *quarterReport, notices []*duban.Notice, path string) error {
	f, xs, err := openQuarterlyTemplate(res.Dir)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	if err := fillQuarterly(f, xs, res, ql, r, notices); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, x := range xs[1:] {
		if err := x.finish(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return xs[0].WriteFile(path)
}

func fillQuarterly(f *excelize.File, xs []*xlsxTemplate, res *resources, ql *quarterlyLayout, r *quarterReport, notices []*duban.Notice) error {
	m := ql.main
	title := expand(m.Title, r.vars())
	date := res.Now.Format(duban.DateLayout)
	qt := quarterTitle(r.quarter)
	multi := countNotices(notices) > 1
	st := &statusStyles{f: f, cache: map[[2]int]int{}, ql: ql}

	// 汇总: overview and tasks due per unit, with the chart.
	sub := []string{expand(m.Subtitle, r.vars())}
	prefix := m.Label("source", "来源文件：")
	for _, n := range r.sources(notices) {
		sub = append(sub, prefix+noticeLine(n))
	}
	if s := asOfLine(r, ql); s != "" {
		sub = append(sub, s)
	}
	x := xs[0]
	if err := x.SetTitles(map[string]string{"title": title, "subtitle": strings.Join(sub, "\n"), "sources": overviewText(r, ql), "footer": title, "date": date}); err != nil {
		return err
	}
	rows := make([]xRow, 0, len(r.units))
	for i, u := range r.units {
		rows = append(rows, xRow{Values: countValues(x, i+1, u, r)})
	}
	last, err := x.Fill(rows)
	if err != nil {
		return err
	}
	if err := hideStatusColumns(x, r); err != nil {
		return err
	}
	if c := x.Column("lead"); c > 0 && !r.hasLead {
		if err := x.File.SetColVisible(x.Sheet, colName(c), false); err != nil {
			return err
		}
	}
	if len(r.units) > 0 {
		if err := addUnitChart(x, x.FirstRow, last, partName(m.Label("chart", "各责任单位本季度到期任务数"))); err != nil {
			return err
		}
	}

	// 按板块.
	x = xs[1]
	part := qt + partName(m.Label("by_section", "按工作板块统计"))
	if err := x.SetTitles(map[string]string{"title": part, "subtitle": title, "sources": title, "footer": title, "date": date}); err != nil {
		return err
	}
	rows = rows[:0]
	for i, s := range r.sections {
		rows = append(rows, xRow{Values: countValues(x, i+1, s, r)})
	}
	if len(r.sections) > 0 {
		v := countValues(x, 0, &qCount{count: len(r.due), overdue: r.overdue, soon: r.soon}, r)
		if len(x.Keys) > 0 && x.Keys[0] != "" {
			v[x.Keys[0]] = "合计"
		}
		rows = append(rows, xRow{Values: v})
	}
	if _, err := x.Fill(rows); err != nil {
		return err
	}
	if err := hideStatusColumns(x, r); err != nil {
		return err
	}

	// 到期任务, grouped by unit.
	x = xs[2]
	part = qt + partName(m.Label("due", "本季度到期任务清单（按责任单位）"))
	if err := x.SetTitles(map[string]string{"title": part, "subtitle": overviewText(r, ql), "sources": title, "footer": title, "date": date}); err != nil {
		return err
	}
	rows = rows[:0]
	var marks []int
	for _, u := range r.units {
		es := r.byUnit[u.key]
		rows = append(rows, xRow{Group: true, Values: map[string]cellValue{"group": groupLabel(u.key, len(es))}})
		marks = append(marks, statusNone)
		for i := range es {
			e := &es[i]
			rows = append(rows, xRow{Values: taskValues(x, i+1, e.qTask, e, notices, multi, ql)})
			marks = append(marks, e.status)
		}
	}
	if _, err := x.Fill(rows); err != nil {
		return err
	}
	if err := st.mark(x, marks); err != nil {
		return err
	}
	if err := hideStatusColumns(x, r); err != nil {
		return err
	}

	// 持续及定期任务.
	x = xs[3]
	part = qt + partName(m.Label("other", "持续推进及定期任务"))
	if err := x.SetTitles(map[string]string{"title": part, "subtitle": title, "sources": title, "footer": title, "date": date}); err != nil {
		return err
	}
	rows = rows[:0]
	for _, p := range []struct {
		key, def string
		tasks    []qTask
	}{{"ongoing", "持续推进", r.ongoing}, {"recurring", "定期任务", r.recurring}} {
		if len(p.tasks) == 0 {
			continue
		}
		rows = append(rows, xRow{Group: true, Values: map[string]cellValue{"group": groupLabel(m.Label(p.key, p.def), len(p.tasks))}})
		for i, t := range p.tasks {
			rows = append(rows, xRow{Values: taskValues(x, i+1, t, nil, notices, multi, ql)})
		}
	}
	if _, err := x.Fill(rows); err != nil {
		return err
	}

	// 下季度预览.
	x = xs[4]
	part = quarterTitle(r.next) + partName(m.Label("next", "下季度预览")) + "（" + qt + "汇总附）"
	if err := x.SetTitles(map[string]string{"title": part, "subtitle": nextLine(r), "sources": title, "footer": title, "date": date}); err != nil {
		return err
	}
	rows = rows[:0]
	marks = marks[:0]
	for i, t := range r.nextDue {
		rows = append(rows, xRow{Values: taskValues(x, i+1, t, nil, notices, multi, ql)})
		marks = append(marks, t.status)
	}
	if _, err := x.Fill(rows); err != nil {
		return err
	}
	if err := st.mark(x, marks); err != nil {
		return err
	}
	if err := hideStatusColumns(x, r); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return nil
}

// countValues is one line of a count sheet: numbers as numbers, the
// status counts only with an as-of date.
func countValues(x *xlsxTemplate, seq int, c *qCount, r *quarterReport) map[string]cellValue {
	v := map[string]cellValue{}
	for _, k := range x.Keys {
		switch k {
		case "seq":
			v[k] = seq
		case "unit", "section":
			v[k] = c.key
		case "count":
			v[k] = c.count
		case "lead":
			if r.hasLead {
				v[k] = c.lead
			}
		case "overdue", "soon":
			if !r.asOf.IsZero() {
				if k == "overdue" {
					v[k] = c.overdue
				} else {
					v[k] = c.soon
				}
			}
		}
	}
	return v
}

// taskValues is one task row of a task sheet.
func taskValues(x *xlsxTemplate, seq int, t qTask, e *qEntry, notices []*duban.Notice, multi bool, ql *quarterlyLayout) map[string]cellValue {
	v := map[string]cellValue{}
	for _, k := range x.Keys {
		switch k {
		case "":
		case "seq":
			v[k] = seq
		default:
			v[k] = taskValue(k, seq, t, e, notices, multi, ql)
		}
	}
	return v
}

// hideStatusColumns hides the status columns of a sheet when the report
// makes no status claims.
func hideStatusColumns(x *xlsxTemplate, r *quarterReport) error {
	if !r.asOf.IsZero() {
		return nil
	}
	for _, k := range []string{"status", "overdue", "soon"} {
		if c := x.Column(k); c > 0 {
			if err := x.File.SetColVisible(x.Sheet, colName(c), false); err != nil {
				return err
			}
		}
	}
	return nil
}

// statusStyles colours the rows of overdue and due-soon tasks: each
// cell's template style with the status's fill, the status cell's text
// in the status's colour.
type statusStyles struct {
	f     *excelize.File
	ql    *quarterlyLayout
	cache map[[2]int]int // (style, status) → style
}

func (s *statusStyles) style(base, status int, strong bool) (int, error) {
	key := [2]int{base, status}
	if strong {
		key[1] += 10
	}
	if id, ok := s.cache[key]; ok {
		return id, nil
	}
	st, err := s.f.GetStyle(base)
	if err != nil {
		return 0, err
	}
	fill, text := statusColors(status, s.ql)
	st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(fill, "#")}}
	if strong {
		font := excelize.Font{}
		if st.Font != nil {
			font = *st.Font
		}
		font.Color = strings.TrimPrefix(text, "#")
		font.Bold = true
		st.Font = &font
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	s.cache[key] = id
	return id, nil
}

// mark colours the rows filled from x.FirstRow whose marks are a status.
func (s *statusStyles) mark(x *xlsxTemplate, marks []int) error {
	sc := x.Column("status")
	for i, m := range marks {
		if m == statusNone {
			continue
		}
		for c := range x.Keys {
			id, err := s.style(x.styles[c], m, c+1 == sc)
			if err != nil {
				return err
			}
			x.Restyle(i, c+1, id)
		}
	}
	return nil
}
