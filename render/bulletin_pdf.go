package render

// pdf lays the 通报 out on the quarterly reports' page setup (A4
// landscape by default): title and date, sources, then the numbered parts.
// Nothing forces a page break, so a quarter with few tasks stays short.
func (b *bulletin) pdf(res *resources, ql *quarterlyLayout) *pdfDoc {
	m := ql.main
	doc := res.NewDoc(m)
	doc.Now = res.Now
	doc.Footer = b.title
	doc.Title(b.title, m.TitleSize)
	doc.Text(b.subtitle, m.TextSize, "C")
	for _, s := range b.sources {
		doc.Text("来源文件："+s, m.TextSize, "L")
	}
	hs := headingSize(m)
	part := 0
	// A heading keeps at least its first lines (or the chart) with it.
	heading := func(name string, follow float64) {
		part++
		doc.NeedRoom(lineHeight(hs) + 4 + follow)
		doc.Space(2)
		doc.Text(chineseNumeral(part)+"、"+name, hs, "L")
	}
	table := func(header []string, widths []float64, rows [][]string, fills func(i int) string) *pdfTable {
		t := &pdfTable{Size: m.TableSize, HeaderSize: m.HeaderSize, HeaderFill: m.HeaderFill, GroupFill: m.GroupFill}
		for i, h := range header {
			c := tableColumn{Label: h, Width: 1, Align: "C", Fit: numberLabel(h)}
			if bulletinTextColumn(h) {
				c.Align = "L"
			}
			if i < len(widths) {
				c.Width = widths[i]
			}
			t.Columns = append(t.Columns, c)
		}
		for i, r := range rows {
			row := tableRow{Cells: r}
			if fills != nil {
				row.Fill = fills(i)
			}
			t.Rows = append(t.Rows, row)
		}
		return t
	}

	heading(bPartOverview, 12)
	doc.Text("　　"+b.overview(), m.TextSize, "L")
	if b.total.due == 0 {
		heading(bPartCompare, 30)
		doc.Text("　　"+b.comparison(), m.TextSize, "L")
		return doc
	}
	doc.Table(table(bulletinTotalsHeader(), nil, b.totalsRows(), nil))

	heading(bPartUnits, 25)
	rows := b.unitRows()
	doc.Table(table(bulletinUnitsHeader(), []float64{0.8, 3.2, 0.9, 1, 1.2, 1, 1, 1, 1, 1.1}, rows, func(i int) string {
		if i == len(rows)-1 {
			return m.GroupFill
		}
		return ""
	}))
	doc.Text(bUnitsNote, m.TextSize-1, "L")

	chart := b.chart(m.TableSize)
	heading(bPartChart, doc.barChartFirstHeight(chart, lineHeight(hs)+4))
	doc.AddBarChart(chart, lineHeight(hs)+4)

	items := func(name string, list []bItem) {
		heading(name, 25)
		if len(list) == 0 {
			doc.Text("　　无。", m.TextSize, "L")
			return
		}
		doc.Table(table(bulletinItemsHeader, []float64{0.6, 1.8, 1.5, 4.2, 1.3, 1.1, 3, 3}, itemRows(list), nil))
	}
	items(bPartOverdue, b.overdue)
	items(bPartBehind, b.behind)

	heading(bPartCompare, 30)
	doc.Text("　　"+b.comparison(), m.TextSize, "L")
	doc.ScaledTable(table(bulletinCompareHeader, []float64{2, 1, 1, 1.4}, b.compareRows(), nil), 12)
	return doc
}

// chart is the units' tasks due stacked by standing, text at size pt: the
// PDF draws it, the DOCX places it as images.
func (b *bulletin) chart(size float64) barChart {
	labels := make([]string, len(b.units))
	values := make([]int, len(b.units))
	stacks := make([][]int, len(b.units))
	for i, u := range b.units {
		labels[i], values[i] = u.name, u.due
		stacks[i] = u.n[:]
	}
	return barChart{
		Labels: labels, Values: values, Stacks: stacks,
		StackColors: bulletinColors[:], Legend: bulletinStatusNames[:],
		Size: size, AxisLabel: "到期任务（项）",
	}
}

// bUnitsNote says how the units' table counts.
const bUnitsNote = "注：一项任务有多个责任单位时，每个单位各计一次，合计为各单位之和；完成率为已完成项数占到期项数的比例。"

// bulletinTextColumn tells the columns of running text (left-aligned,
// wide in the workbook).
func bulletinTextColumn(h string) bool {
	switch h {
	case "任务", "具体进展", "存在问题", "单位":
		return true
	}
	return false
}
