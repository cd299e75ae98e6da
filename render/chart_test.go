package render

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/duban/duban"
)

func TestNiceAxis(t *testing.T) {
	for _, c := range []struct{ max, end, step int }{
		{0, 1, 1}, {-3, 1, 1}, {1, 1, 1}, {7, 7, 1}, {10, 10, 1}, {11, 12, 2}, {19, 20, 2},
		{21, 25, 5}, {46, 50, 5}, {51, 60, 10}, {100, 100, 10}, {101, 120, 20}, {999, 1000, 100},
	} {
		end, step := niceAxis(c.max)
		if end != c.end || step != c.step {
			t.Errorf("niceAxis(%d) = %d, %d; want %d, %d", c.max, end, step, c.end, c.step)
		}
		if c.max > 0 && (end < c.max || end/step > 10 || end%step != 0) {
			t.Errorf("niceAxis(%d) = %d, %d: bad axis", c.max, end, step)
		}
	}
	end, step := niceAxis(math.MaxInt / 2)
	if end < math.MaxInt/2 || step <= 0 {
		t.Errorf("huge value: %d, %d", end, step)
	}
}

func TestBarChartGeometry(t *testing.T) {
	c := barChart{Labels: []string{"市教育局", "海州区（连云港高新区）", strings.Repeat("很长的单位名称", 12)}, Values: []int{7, 4, 0}}
	c.defaults()
	g := c.geometry(270)
	if g.end != 7 || g.step != 1 {
		t.Fatalf("axis %d/%d", g.end, g.step)
	}
	if g.labelW > 270*0.32+1e-9 {
		t.Errorf("label column %.1f mm takes more than a third", g.labelW)
	}
	if g.lines != chartMaxLines {
		t.Errorf("a very long label gets %d lines, want %d", g.lines, chartMaxLines)
	}
	if g.plotX+g.plotW+g.valueRoomW > 270+1e-9 {
		t.Errorf("plot runs past the width: %.1f+%.1f+%.1f", g.plotX, g.plotW, g.valueRoomW)
	}
	// Bar lengths are proportional to the values, the largest reaching
	// the axis end when it is on a tick.
	if l := g.barLength(7); math.Abs(l-g.plotW) > 1e-9 {
		t.Errorf("bar of 7 is %.2f mm, axis %.2f", l, g.plotW)
	}
	if r := g.barLength(4) / g.barLength(7); math.Abs(r-4.0/7) > 1e-9 {
		t.Errorf("bar ratio %.3f, want %.3f", r, 4.0/7)
	}
	if g.barLength(0) != 0 || g.barLength(-1) != 0 {
		t.Error("bars for values ≤ 0")
	}
	if g.barH >= g.pitch {
		t.Errorf("bars %.1f mm in a pitch of %.1f", g.barH, g.pitch)
	}
}

// TestBarChartSplitsOverPages: a chart with more bars than a page holds
// becomes several drawings, each fitting a page, on one scale.
func TestBarChartSplitsOverPages(t *testing.T) {
	res, err := Options{}.load()
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	var values []int
	for i := range 95 {
		labels = append(labels, "单位"+strconv.Itoa(i))
		values = append(values, i%13)
	}
	d, err := res.Layout.Doc("ledger")
	if err != nil {
		t.Fatal(err)
	}
	doc := res.NewDoc(d)
	doc.AddBarChart(barChart{Labels: labels, Values: values[:90], AxisLabel: "数"}, 10)
	_, band := pageBand(doc.Setup)
	n := 0
	for _, b := range doc.blocks {
		db, ok := b.(*drawBlock)
		if !ok {
			t.Fatalf("block %T", b)
		}
		n++
		if db.h > band-10 {
			t.Errorf("drawing %d is %.1f mm high, the page holds %.1f", n, db.h, band-10)
		}
	}
	if n < 2 {
		t.Fatalf("%d drawings for 90 bars", n)
	}
	if _, err := doc.Bytes(); err != nil {
		t.Fatal(err)
	}
	if doc.Pages() != n {
		t.Errorf("%d pages for %d drawings", doc.Pages(), n)
	}
	// Nothing to draw: nothing added.
	empty := res.NewDoc(d)
	empty.AddBarChart(barChart{}, 0)
	empty.AddBarChart(barChart{Values: []int{3}}, 0)
	if len(empty.blocks) != 0 {
		t.Errorf("%d blocks for an empty chart", len(empty.blocks))
	}
}

// TestQuarterlyLines lays out every quarterly report of the gold notices
// (with an as-of date) and checks each line as the unit sheets are
// checked: no line starts with closing or ends with opening punctuation,
// every footer counts the pages right.
func TestQuarterlyLines(t *testing.T) {
	notices := goldNoticesInternal(t)
	opt := Options{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC), AsOf: time.Date(2024, 9, 20, 0, 0, 0, 0, time.UTC)}
	res, err := opt.load()
	if err != nil {
		t.Fatal(err)
	}
	ql, err := loadQuarterlyLayout(res)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, q := range append(dueQuarters(notices), "2023Q1") {
		r, err := buildQuarter(notices, q, opt.AsOf, ql, nil)
		if err != nil {
			t.Fatal(err)
		}
		d, err := quarterlyDoc(res, ql, r, notices)
		if err != nil {
			t.Fatal(err)
		}
		footers := 0
		d.trace = func(page int, line string) {
			if strings.HasPrefix(line, "第 ") && strings.HasSuffix(line, " 页") && strings.Contains(line, " 页 共 ") {
				if line == "第 "+strconv.Itoa(page)+" 页 共 "+strconv.Itoa(d.pages)+" 页" {
					footers++
				}
				return
			}
			if line == "" {
				return
			}
			lines++
			first, _ := utf8.DecodeRuneInString(line)
			last, _ := utf8.DecodeLastRuneInString(line)
			if isClosing(first) || isOpening(last) {
				t.Errorf("%s page %d: line breaks at punctuation: %q", q, page, line)
			}
		}
		if _, err := d.Bytes(); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if footers != d.Pages() {
			t.Errorf("%s: %d correct footers on %d pages", q, footers, d.Pages())
		}
	}
	if lines < 500 {
		t.Errorf("only %d lines checked", lines)
	}
}

func TestHeadingNumbers(t *testing.T) {
	for n, want := range map[int]string{1: "一", 7: "七", 10: "十", 12: "十二", 20: "二十", 99: "九十九", 0: "0", 100: "100"} {
		if got := chineseNumeral(n); got != want {
			t.Errorf("chineseNumeral(%d) = %s, want %s", n, got, want)
		}
	}
	for in, want := range map[string]string{"二、按责任单位统计": "按责任单位统计", "十一、其他": "其他", "按单位": "按单位", "市发改委、市商务局等单位的任务": "市发改委、市商务局等单位的任务", "市委、市政府": "市委、市政府", "3、其他": "其他"} {
		if got := partName(in); got != want {
			t.Errorf("partName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStatusOf(t *testing.T) {
	asOf := time.Date(2024, 6, 15, 17, 30, 0, 0, time.UTC)
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		date time.Time
		want int
	}{
		{day(6, 14), statusOverdue}, {day(6, 15), statusSoon}, {day(7, 15), statusSoon},
		{day(7, 16), statusNone}, {day(1, 1), statusOverdue}, {time.Time{}, statusNone},
	} {
		if got := statusOf(c.date, asOf); got != c.want {
			t.Errorf("statusOf(%s) = %d, want %d", c.date.Format(duban.DateLayout), got, c.want)
		}
		if got := statusOf(c.date, time.Time{}); got != statusNone {
			t.Errorf("no as-of date: status %d", got)
		}
	}
}

func TestQuarterBounds(t *testing.T) {
	if got := nextQuarter(2024, 4); got != "2025Q1" {
		t.Errorf("after 2024Q4: %s", got)
	}
	s, e := quarterBounds(2024, 1)
	if s.Format(duban.DateLayout) != "2024-01-01" || e.Format(duban.DateLayout) != "2024-03-31" {
		t.Errorf("2024Q1 bounds %s %s", s, e)
	}
}

// FuzzBuildQuarter feeds arbitrary records to the report builder and the
// chart geometry: no panic, and the counts add up.
func FuzzBuildQuarter(f *testing.F) {
	f.Add([]byte(`{"tasks":[{"id":"1","text":"x","units":[{"name":"甲","role":"lead"},{"name":"甲"}],"deadline":{"raw":"","date":"2024-12-31","kind":"date","quarter":"2024Q4"}}]}`), "2024Q4")
	f.Add([]byte(`{"year":2024,"tasks":[{"id":"1","deadline":{"kind":"ongoing"}},{"id":"2","deadline":{"date":"bad","quarter":"2024Q9"}},{"id":"3"}]}`), "2024Q1")
	f.Fuzz(func(t *testing.T, data []byte, q string) {
		var n duban.Notice
		if json.Unmarshal(data, &n) != nil {
			return
		}
		res, err := Options{Formats: []string{"xlsx"}}.load()
		if err != nil {
			t.Fatal(err)
		}
		ql, err := loadQuarterlyLayout(res)
		if err != nil {
			t.Fatal(err)
		}
		r, err := buildQuarter([]*duban.Notice{&n, nil}, q, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), ql, nil)
		if err != nil {
			return
		}
		sum := 0
		for _, s := range r.sections {
			sum += s.count
		}
		if sum != len(r.due) || r.overdue+r.soon > len(r.due) {
			t.Fatalf("sections add up to %d of %d due", sum, len(r.due))
		}
		c := barChart{}
		for _, u := range r.units {
			if len(r.byUnit[u.key]) != u.count {
				t.Fatalf("unit %s: %d tasks listed, %d counted", u.key, len(r.byUnit[u.key]), u.count)
			}
			c.Labels = append(c.Labels, u.key)
			c.Values = append(c.Values, u.count)
		}
		c.defaults()
		g := c.geometry(270)
		if g.height(len(c.Labels)) <= 0 || g.plotW <= 0 {
			t.Fatalf("geometry %+v", g)
		}
		_ = overviewText(r, ql)
	})
}
