package render

import (
	"math"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
)

// barChart is a horizontal bar chart drawn with fpdf primitives: one bar
// per label (top to bottom in the order given), the value written at the
// end of each bar, a value axis with ticks and grid lines below, and an
// axis caption.
type barChart struct {
	Labels    []string
	Values    []int
	Size      float64 // font size of labels and values, pt (default 9)
	AxisLabel string  // caption under the value axis
	BarColor  string  // "#RRGGBB" (default "#4472C4")
	AxisColor string  // default "#404040"
	GridColor string  // default "#D9D9D9"
	// Stacks, when set, split each bar into segments (Stacks[i][k] of
	// the i-th bar, drawn left to right in StackColors[k]); Values are
	// then their sums. Legend names the segments in a line above the bars.
	Stacks      [][]int
	StackColors []string
	Legend      []string
}

// Chart geometry, in mm.
const (
	chartPadTop   = 2.0
	chartMinPitch = 6.0 // distance between bars
	chartGap      = 2.0 // between labels, bars and values
	chartMaxLines = 2   // label lines before "…"
)

func (c *barChart) defaults() {
	if c.Size <= 0 {
		c.Size = 9
	}
	if c.BarColor == "" {
		c.BarColor = "#4472C4"
	}
	if c.AxisColor == "" {
		c.AxisColor = "#404040"
	}
	if c.GridColor == "" {
		c.GridColor = "#D9D9D9"
	}
}

// niceAxis gives the value axis's end and tick step for a largest value:
// steps of 1, 2 or 5 times a power of ten, at most 10 ticks.
func niceAxis(maxV int) (end, step int) {
	if maxV <= 0 {
		return 1, 1
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			step = m * p
			if maxV <= 10*step {
				end = (maxV + step - 1) / step * step
				return end, step
			}
		}
		if p > math.MaxInt/100 {
			return maxV, maxV
		}
	}
}

// estWidth estimates the width of s at size pt in mm before the font is
// loaded: wide characters one em, others half.
func estWidth(s string, size float64) float64 {
	u := 0.0
	for _, r := range s {
		u += charUnits(r)
	}
	return u / 2 * size * 0.3528
}

// chartGeom is where a chart's parts go in a box of a given width.
type chartGeom struct {
	labelW     float64 // label column, right edge at plotX-chartGap
	plotX      float64 // value 0, relative to the box
	plotW      float64 // value end of the axis
	pitch      float64
	barH       float64
	lines      int // label lines per bar
	end, step  int
	axisH      float64 // tick labels and caption under the bars
	valueRoomW float64
	legendH    float64 // the legend line above the bars
}

// geometry lays the chart out in width w.
func (c *barChart) geometry(w float64) chartGeom {
	g := chartGeom{lines: 1}
	maxV := 0
	for _, v := range c.Values {
		maxV = max(maxV, v)
	}
	g.end, g.step = niceAxis(maxV)
	longest := 0.0
	for _, l := range c.Labels {
		longest = max(longest, estWidth(l, c.Size))
	}
	g.labelW = min(longest+chartGap, w*0.32)
	for _, l := range c.Labels {
		if n := int(math.Ceil(estWidth(l, c.Size) / (g.labelW - chartGap))); n > g.lines {
			g.lines = min(n, chartMaxLines)
		}
	}
	g.valueRoomW = estWidth(strconv.Itoa(maxV), c.Size) + 2*chartGap
	g.plotX = g.labelW + chartGap
	g.plotW = max(w-g.plotX-g.valueRoomW, 10)
	lh := lineHeight(c.Size)
	g.pitch = max(chartMinPitch, float64(g.lines)*lh+2)
	g.barH = min(g.pitch*0.62, 7)
	g.axisH = chartGap + lh + 1 + lh + 1
	if len(c.Legend) > 0 {
		g.legendH = lh + 2
	}
	return g
}

// height is the height of a chart of n bars.
func (g chartGeom) height(n int) float64 {
	return g.legendH + chartPadTop + float64(n)*g.pitch + g.axisH
}

// barLength is the length in mm of the bar of value v.
func (g chartGeom) barLength(v int) float64 {
	if v <= 0 || g.end <= 0 {
		return 0
	}
	return float64(v) / float64(g.end) * g.plotW
}

// pageBand gives the printable width and height of a page setup.
func pageBand(s pageSetup) (w, h float64) {
	s.defaults()
	p := fpdf.New(s.Orientation, "mm", s.Size, "")
	pw, ph := p.GetPageSize()
	return pw - s.Left - s.Right, ph - s.Top - s.Bottom
}

// firstHeight is the height of the chart's first drawing (the whole chart
// when it fits on a page below room mm of headings).
func (d *pdfDoc) barChartFirstHeight(c barChart, room float64) float64 {
	c.defaults()
	w, band := pageBand(d.Setup)
	g := c.geometry(w)
	perPage := max(int((band-room-g.legendH-chartPadTop-g.axisH)/g.pitch), 1)
	n := len(c.Labels)
	chunks := (n + perPage - 1) / perPage
	return g.height(min(n, (n+chunks-1)/max(chunks, 1)))
}

// AddBarChart adds a bar chart to the document. A chart with more bars
// than a page holds (below room mm of headings) is split into several
// drawings on consecutive pages, all on the same value scale.
func (d *pdfDoc) AddBarChart(c barChart, room float64) {
	c.defaults()
	if len(c.Values) < len(c.Labels) {
		c.Values = append(c.Values, make([]int, len(c.Labels)-len(c.Values))...)
	}
	c.Labels = c.Labels[:min(len(c.Labels), len(c.Values))]
	if len(c.Labels) == 0 {
		return
	}
	w, band := pageBand(d.Setup)
	g := c.geometry(w)
	perPage := max(int((band-room-g.legendH-chartPadTop-g.axisH)/g.pitch), 1)
	chunks := (len(c.Labels) + perPage - 1) / perPage
	per := (len(c.Labels) + chunks - 1) / chunks
	for i := 0; i < len(c.Labels); i += per {
		part := c
		part.Labels = c.Labels[i:min(i+per, len(c.Labels))]
		part.Values = c.Values[i:min(i+per, len(c.Values))]
		if c.Stacks != nil {
			part.Stacks = c.Stacks[i:min(i+per, len(c.Stacks))]
		}
		labels := append(append([]string{c.AxisLabel, "…"}, part.Labels...), c.Legend...)
		for v := 0; v <= g.end; v += g.step {
			labels = append(labels, strconv.Itoa(v))
		}
		d.Drawing(g.height(len(part.Labels)), labels, func(p *fpdf.Fpdf, x, y, w float64) {
			part.draw(p, g, x, y)
		})
	}
}

// draw paints the chart with its top-left corner at (x, y).
func (c *barChart) draw(p *fpdf.Fpdf, g chartGeom, x, y float64) {
	size := c.Size
	lh := lineHeight(size)
	p.SetFontSize(size)
	measure := func(r rune) float64 { return p.GetStringWidth(string(r)) }
	if len(c.Legend) > 0 {
		c.drawLegend(p, x+g.plotX, y, lh)
		y += g.legendH
	}
	top := y + chartPadTop
	bottom := top + float64(len(c.Labels))*g.pitch
	px := x + g.plotX

	// Grid lines and ticks.
	gr, gg, gb, _ := parseColor(c.GridColor)
	ar, ag, ab, _ := parseColor(c.AxisColor)
	p.SetLineWidth(0.2)
	for v := 0; v <= g.end; v += g.step {
		tx := px + g.barLength(v)
		if v > 0 {
			p.SetDrawColor(gr, gg, gb)
			p.Line(tx, top, tx, bottom)
		}
		p.SetDrawColor(ar, ag, ab)
		p.Line(tx, bottom, tx, bottom+1)
		s := strconv.Itoa(v)
		setText(p, c.AxisColor)
		p.Text(tx-p.GetStringWidth(s)/2, bottom+chartGap+baseline(size), s)
	}

	// Bars, labels, values.
	br, bg, bb, _ := parseColor(c.BarColor)
	p.SetFillColor(br, bg, bb)
	for i, label := range c.Labels {
		cy := top + (float64(i)+0.5)*g.pitch // centre line of the bar
		if i < len(c.Stacks) {
			c.drawStack(p, g, c.Stacks[i], px, cy)
			p.SetFillColor(br, bg, bb)
		} else if l := g.barLength(c.Values[i]); l > 0 {
			p.Rect(px, cy-g.barH/2, l, g.barH, "F")
		}
		lines := wrapLines(label, g.labelW-chartGap, measure)
		if len(lines) > g.lines {
			lines = lines[:g.lines]
			last := []rune(lines[len(lines)-1])
			for len(last) > 0 && p.GetStringWidth(string(last)+"…") > g.labelW-chartGap {
				last = last[:len(last)-1]
			}
			lines[len(lines)-1] = string(last) + "…"
		}
		setText(p, "")
		ly := cy - float64(len(lines))*lh/2
		for j, line := range lines {
			p.Text(px-chartGap-p.GetStringWidth(line), ly+float64(j)*lh+baseline(size), line)
		}
		v := strconv.Itoa(c.Values[i])
		p.Text(px+g.barLength(c.Values[i])+chartGap/2+0.5, cy-lh/2+baseline(size), v)
	}

	// Axes over the bars.
	p.SetDrawColor(ar, ag, ab)
	p.SetLineWidth(0.3)
	p.Line(px, top, px, bottom)
	p.Line(px, bottom, px+g.plotW, bottom)
	if c.AxisLabel != "" {
		setText(p, c.AxisColor)
		cap := bottom + chartGap + lh + 1
		p.Text(px+(g.plotW-p.GetStringWidth(c.AxisLabel))/2, cap+baseline(size), c.AxisLabel)
	}
	setText(p, "")
}

// drawStack paints one bar's segments from px, centred on cy.
func (c *barChart) drawStack(p *fpdf.Fpdf, g chartGeom, parts []int, px, cy float64) {
	sum := 0
	for k, v := range parts {
		if v <= 0 {
			continue
		}
		from, to := g.barLength(sum), g.barLength(sum+v)
		sum += v
		r, gg, b, ok := parseColor(c.stackColor(k))
		if !ok {
			r, gg, b = 0x44, 0x72, 0xC4
		}
		p.SetFillColor(r, gg, b)
		p.Rect(px+from, cy-g.barH/2, to-from, g.barH, "F")
	}
}

func (c *barChart) stackColor(k int) string {
	if k < len(c.StackColors) {
		return c.StackColors[k]
	}
	return c.BarColor
}

// drawLegend writes the legend (a swatch and a name per segment) in one
// line from x at y.
func (c *barChart) drawLegend(p *fpdf.Fpdf, x, y, lh float64) {
	sw := lh * 0.6
	for k, name := range c.Legend {
		r, g, b, ok := parseColor(c.stackColor(k))
		if ok {
			p.SetFillColor(r, g, b)
			p.Rect(x, y+(lh-sw)/2, sw, sw, "F")
		}
		x += sw + 1
		setText(p, "")
		p.Text(x, y+baseline(c.Size), name)
		x += p.GetStringWidth(name) + 2*chartGap
	}
}
