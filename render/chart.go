package render

import (
	"math"
	"strconv"

	"github.com/duban/duban/internal/pdfw"
)

// barChart is a horizontal bar chart drawn on a chartCanvas: one bar
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
	pw, ph, err := pdfw.PageSize(s.Size, s.Orientation == "L")
	if err != nil { // reported when the document is written
		pw, ph, _ = pdfw.PageSize("A4", s.Orientation == "L")
	}
	return pw - s.Left - s.Right, ph - s.Top - s.Bottom
}

// firstHeight is the height of the chart's first drawing (the whole chart
// when it fits on a page below room mm of headings).
func (d *pdfDoc) barChartFirstHeight(c barChart, room float64) float64 {
	c.defaults()
	w, band := pageBand(d.Setup)
	g, parts := c.split(w, band-room)
	if len(parts) == 0 {
		return g.height(0)
	}
	return g.height(len(parts[0].Labels))
}

// AddBarChart adds a bar chart to the document. A chart with more bars
// than a page holds (below room mm of headings) is split into several
// drawings on consecutive pages, all on the same value scale.
func (d *pdfDoc) AddBarChart(c barChart, room float64) {
	c.defaults()
	w, band := pageBand(d.Setup)
	g, parts := c.split(w, band-room)
	for _, part := range parts {
		d.Drawing(g.height(len(part.Labels)), func(cv chartCanvas, x, y, w float64) {
			part.draw(cv, g, x, y)
		})
	}
}

// split lays a chart out in width w and cuts it into parts of about equal
// numbers of bars, each at most band mm high (at least one bar), all on
// the chart's one scale (none without labels). Missing values are 0;
// values without a label are left out.
func (c barChart) split(w, band float64) (chartGeom, []barChart) {
	c.Values = append([]int(nil), c.Values[:min(len(c.Values), len(c.Labels))]...)
	c.Values = append(c.Values, make([]int, len(c.Labels)-len(c.Values))...)
	g := c.geometry(w)
	perPage := max(int((band-g.legendH-chartPadTop-g.axisH)/g.pitch), 1)
	chunks := (len(c.Labels) + perPage - 1) / perPage
	per := (len(c.Labels) + chunks - 1) / max(chunks, 1)
	var parts []barChart
	for i := 0; i < len(c.Labels); i += per {
		part := c
		part.Labels = c.Labels[i:min(i+per, len(c.Labels))]
		part.Values = c.Values[i:min(i+per, len(c.Values))]
		if c.Stacks != nil {
			part.Stacks = c.Stacks[min(i, len(c.Stacks)):min(i+per, len(c.Stacks))]
		}
		parts = append(parts, part)
	}
	return g, parts
}

// draw paints the chart on cv with its top-left corner at (x, y).
func (c *barChart) draw(cv chartCanvas, g chartGeom, x, y float64) {
	size := c.Size
	lh := lineHeight(size)
	cv.SetFontSize(size)
	measure := func(r rune) float64 { return cv.TextWidth(string(r)) }
	if len(c.Legend) > 0 {
		c.drawLegend(cv, x+g.plotX, y, lh)
		y += g.legendH
	}
	top := y + chartPadTop
	bottom := top + float64(len(c.Labels))*g.pitch
	px := x + g.plotX

	// Grid lines and ticks.
	for v := 0; v <= g.end; v += g.step {
		tx := px + g.barLength(v)
		if v > 0 {
			cv.Line(tx, top, tx, bottom, 0.2, c.GridColor)
		}
		cv.Line(tx, bottom, tx, bottom+1, 0.2, c.AxisColor)
		s := strconv.Itoa(v)
		cv.Text(tx-cv.TextWidth(s)/2, bottom+chartGap+baseline(size), s, c.AxisColor)
	}

	// Bars, labels, values.
	for i, label := range c.Labels {
		cy := top + (float64(i)+0.5)*g.pitch // centre line of the bar
		if i < len(c.Stacks) {
			c.drawStack(cv, g, c.Stacks[i], px, cy)
		} else if l := g.barLength(c.Values[i]); l > 0 {
			cv.FillRect(px, cy-g.barH/2, l, g.barH, c.BarColor)
		}
		lines := wrapLines(label, g.labelW-chartGap, measure)
		if len(lines) > g.lines {
			lines = lines[:g.lines]
			last := []rune(lines[len(lines)-1])
			for len(last) > 0 && cv.TextWidth(string(last)+"…") > g.labelW-chartGap {
				last = last[:len(last)-1]
			}
			lines[len(lines)-1] = string(last) + "…"
		}
		ly := cy - float64(len(lines))*lh/2
		for j, line := range lines {
			cv.Text(px-chartGap-cv.TextWidth(line), ly+float64(j)*lh+baseline(size), line, "")
		}
		v := strconv.Itoa(c.Values[i])
		cv.Text(px+g.barLength(c.Values[i])+chartGap/2+0.5, cy-lh/2+baseline(size), v, "")
	}

	// Axes over the bars.
	cv.Line(px, top, px, bottom, 0.3, c.AxisColor)
	cv.Line(px, bottom, px+g.plotW, bottom, 0.3, c.AxisColor)
	if c.AxisLabel != "" {
		cap := bottom + chartGap + lh + 1
		cv.Text(px+(g.plotW-cv.TextWidth(c.AxisLabel))/2, cap+baseline(size), c.AxisLabel, c.AxisColor)
	}
}

// drawStack paints one bar's segments from px, centred on cy.
func (c *barChart) drawStack(cv chartCanvas, g chartGeom, parts []int, px, cy float64) {
	sum := 0
	for k, v := range parts {
		if v <= 0 {
			continue
		}
		from, to := g.barLength(sum), g.barLength(sum+v)
		sum += v
		color := c.stackColor(k)
		if _, _, _, ok := parseColor(color); !ok {
			color = "#4472C4"
		}
		cv.FillRect(px+from, cy-g.barH/2, to-from, g.barH, color)
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
func (c *barChart) drawLegend(cv chartCanvas, x, y, lh float64) {
	sw := lh * 0.6
	for k, name := range c.Legend {
		if color := c.stackColor(k); color != "" {
			if _, _, _, ok := parseColor(color); ok {
				cv.FillRect(x, y+(lh-sw)/2, sw, sw, color)
			}
		}
		x += sw + 1
		cv.Text(x, y+baseline(c.Size), name, "")
		x += cv.TextWidth(name) + 2*chartGap
	}
}
