package render

import (
	"strconv"

	"github.com/duban/duban"
)

// headingSize is the size of a part heading ("二、按责任单位统计").
func headingSize(d docLayout) float64 { return d.TextSize + 1.5 }

// quarterlyDoc lays out the PDF of one quarterly report: title, sources,
// overview and count tables on the first page(s), the chart on a page of
// its own, then the tasks due grouped by unit, the ongoing and recurring
// tasks, and the next quarter's.
func quarterlyDoc(res *resources, ql *quarterlyLayout, r *quarterReport, notices []*duban.Notice) (*pdfDoc, error) {
	m := ql.main
	vars := r.vars()
	title := expand(m.Title, vars)
	doc := res.NewDoc(m)
	doc.Footer = title
	doc.Title(title, m.TitleSize)
	if s := expand(m.Subtitle, vars); s != "" {
		doc.Text(s, m.TextSize, "C")
	}
	prefix := m.Label("source", "来源文件：")
	for _, n := range r.sources(notices) {
		doc.Text(prefix+noticeLine(n), m.TextSize, "L")
	}
	if s := asOfLine(r, ql); s != "" {
		doc.TextColor(s, m.TextSize, "L", colorOf(m, "overdue_text", "#C00000"))
	}
	hs := headingSize(m)
	// Parts are numbered as they appear (an empty quarter has fewer);
	// a label written without a number is printed as written.
	part := 0
	heading := func(key, def string) {
		doc.Space(2)
		label := m.Label(key, def)
		if name := partName(label); name != label {
			part++
			label = chineseNumeral(part) + "、" + name
		}
		doc.Text(label, hs, "L")
	}
	heading("overview", "一、总体情况")
	doc.Text(overviewText(r, ql), m.TextSize, "L")
	multi := countNotices(notices) > 1

	if len(r.due) > 0 {
		heading("by_unit", "二、按责任单位统计")
		t := ql.units.Table()
		for i, u := range r.units {
			t.Rows = append(t.Rows, tableRow{Cells: countCells(ql.units, i+1, u, r)})
		}
		doc.ScaledTable(t, weightSum(m.Columns))
		doc.Text("注：一项任务有多个责任单位时，每个单位各计一次。", m.TextSize-1, "L")

		heading("by_section", "三、按工作板块统计")
		t = ql.sections.Table()
		for i, s := range r.sections {
			t.Rows = append(t.Rows, tableRow{Cells: countCells(ql.sections, i+1, s, r)})
		}
		// The total row's label goes in the first cell: a row starting
		// blank reads as the continuation of the row above.
		total := &qCount{count: len(r.due), overdue: r.overdue, soon: r.soon}
		cells := countCells(ql.sections, 0, total, r)
		if len(cells) > 0 {
			cells[0] = "合计"
		}
		t.Rows = append(t.Rows, tableRow{Cells: cells, Fill: m.GroupFill})
		doc.ScaledTable(t, weightSum(m.Columns))

		doc.PageBreak()
		heading("chart", "四、各责任单位本季度到期任务数")
		labels := make([]string, len(r.units))
		values := make([]int, len(r.units))
		for i, u := range r.units {
			labels[i], values[i] = u.key, u.count
		}
		doc.AddBarChart(barChart{
			Labels:    labels,
			Values:    values,
			Size:      m.TableSize,
			AxisLabel: m.Label("chart_axis", "到期任务数（项）"),
			BarColor:  colorOf(m, "bar", ""),
			AxisColor: colorOf(m, "axis", ""),
			GridColor: colorOf(m, "grid", ""),
		}, lineHeight(hs)+4)

		doc.PageBreak()
		heading("due", "五、本季度到期任务清单（按责任单位）")
		t = statusTable(m, r)
		for _, u := range r.units {
			es := r.byUnit[u.key]
			t.Rows = append(t.Rows, tableRow{Cells: []string{groupLabel(u.key, len(es))}, Group: true})
			for i := range es {
				e := &es[i]
				cells := make([]string, len(m.Columns))
				for c, col := range m.Columns {
					cells[c] = taskValue(col.Key, i+1, e.qTask, e, notices, multi, ql)
				}
				fill, _ := statusColors(e.status, ql)
				t.Rows = append(t.Rows, tableRow{Cells: cells, Fill: fill})
			}
		}
		doc.Table(t)
	}

	heading("other", "六、持续推进及定期任务")
	if len(r.ongoing)+len(r.recurring) == 0 {
		doc.Text("无。", m.TextSize, "L")
	} else {
		t := ql.other.Table()
		for _, part := range []struct {
			key, def string
			tasks    []qTask
		}{{"ongoing", "持续推进", r.ongoing}, {"recurring", "定期任务", r.recurring}} {
			if len(part.tasks) == 0 {
				continue
			}
			t.Rows = append(t.Rows, tableRow{Cells: []string{groupLabel(m.Label(part.key, part.def), len(part.tasks))}, Group: true})
			for i, qt := range part.tasks {
				cells := make([]string, len(ql.other.Columns))
				for c, col := range ql.other.Columns {
					cells[c] = taskValue(col.Key, i+1, qt, nil, notices, multi, ql)
				}
				t.Rows = append(t.Rows, tableRow{Cells: cells})
			}
		}
		doc.Table(t)
	}

	heading("next", "七、下季度预览")
	doc.Text(nextLine(r), m.TextSize, "L")
	if len(r.nextDue) > 0 {
		t := statusTable(ql.next, r)
		for i, qt := range r.nextDue {
			cells := make([]string, len(ql.next.Columns))
			for c, col := range ql.next.Columns {
				cells[c] = taskValue(col.Key, i+1, qt, nil, notices, multi, ql)
			}
			fill, _ := statusColors(qt.status, ql)
			t.Rows = append(t.Rows, tableRow{Cells: cells, Fill: fill})
		}
		doc.Table(t)
	}
	return doc, nil
}

// statusTable starts a table of d's columns whose status column is shown
// whenever the report has an as-of date, even with nothing to mark.
func statusTable(d docLayout, r *quarterReport) *pdfTable {
	t := d.Table()
	if !r.asOf.IsZero() {
		for i, c := range d.Columns {
			if c.Key == "status" {
				t.Columns[i].HideEmpty = false
			}
		}
	}
	return t
}

// chineseNumeral writes 1..99 as 一…九十九.
func chineseNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// nextLine states the next quarter's count.
func nextLine(r *quarterReport) string {
	return quarterTitle(r.next) + "到期任务共 " + strconv.Itoa(len(r.nextDue)) + " 项。"
}

// countCells fills the columns of a count table for one line.
func countCells(d docLayout, seq int, c *qCount, r *quarterReport) []string {
	cells := make([]string, len(d.Columns))
	for i, col := range d.Columns {
		switch col.Key {
		case "seq":
			cells[i] = strconv.Itoa(seq)
		case "unit", "section":
			cells[i] = c.key
		case "count":
			cells[i] = strconv.Itoa(c.count)
		case "lead":
			if r.hasLead {
				cells[i] = strconv.Itoa(c.lead)
			}
		case "overdue":
			cells[i] = countCell(c.overdue, true, r)
		case "soon":
			cells[i] = countCell(c.soon, true, r)
		}
	}
	return cells
}
