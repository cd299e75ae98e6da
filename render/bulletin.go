package render

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban"
)

// The quarterly 通报 (bulletin): what an office circulates about one
// quarter on one day. bulletin is its one content model; bulletin_pdf.go,
// bulletin_xlsx.go and bulletin_docx.go render it, so the three documents
// say the same.

// BulletinSuffix ends the file names of the 通报: 2024Q4通报.pdf.
const BulletinSuffix = "通报"

// Bulletin writes, for each quarter (nil = every quarter with due tasks),
// dir/YYYYQn通报.pdf, .xlsx and .docx (the DOCX is written with the PDF;
// opt.Formats chooses PDF and XLSX): the quarterly 通报 as of opt.AsOf
// (zero: opt.Now, else today). It counts the tasks due in the quarter by
// the status their units reported (已完成, 按时推进, 未启动, 滞后, 逾期未完成,
// 未报送), ranks the units by completion rate with a 合计 row, draws the
// units' tasks stacked by status, lists the overdue and the behind tasks
// with the units' own 具体进展 and 存在问题, compares with the previous
// quarter on the same day and names the notices it draws on.
func Bulletin(notices []*duban.Notice, dir string, quarters []string, opt Options) ([]string, error) {
	res, err := opt.load()
	if err != nil {
		return nil, err
	}
	if quarters == nil {
		quarters = dueQuarters(notices)
	} else if quarters, err = normaliseQuarters(quarters); err != nil {
		return nil, err
	}
	if len(quarters) == 0 {
		return nil, nil
	}
	ql, err := loadQuarterlyLayout(res)
	if err != nil {
		return nil, err
	}
	if err := ensureDir(dir); err != nil {
		return nil, err
	}
	asOf := opt.AsOf
	if asOf.IsZero() {
		asOf = res.Now
	}
	// The batch's unit sheets are the same for every quarter: made once
	// (each quarter puts only its due tasks on them).
	sheets := duban.NewSheets(notices, res.Directory)
	var out []string
	for _, q := range quarters {
		if err := opt.cancelled(); err != nil {
			return out, err
		}
		b, err := buildBulletin(notices, onSheets(sheets), q, asOf, opt.warnDays(), ql)
		if err != nil {
			return out, err
		}
		base := filepath.Join(dir, q+BulletinSuffix)
		if res.Wants(FormatPDF) {
			if err := b.pdf(res, ql).WriteFile(base + ".pdf"); err != nil {
				return out, fmt.Errorf("%s.pdf: %w", base, err)
			}
			if err := b.writeDOCX(base+".docx", res.Font, ql.main.TableSize); err != nil {
				return out, err
			}
			out = append(out, base+".pdf", base+".docx")
		}
		if res.Wants(FormatXLSX) {
			if err := b.writeXLSX(base + ".xlsx"); err != nil {
				return out, err
			}
			out = append(out, base+".xlsx")
		}
	}
	return out, nil
}

// A task's (or a unit's task's) standing in a bulletin, one of each:
// the first that applies in this order.
const (
	bDone       = iota // reported 已完成
	bOverdue           // due before the as-of day and not done
	bBehind            // reported 滞后 or 无法完成
	bNotStarted        // reported 未启动
	bOnTrack           // reported 按时推进
	bNone              // nothing reported
	bKinds
)

// bulletinStatusNames are the words of the standings, in the order the
// tables and the chart show them.
var bulletinStatusNames = [bKinds]string{"已完成", "逾期未完成", "滞后", "未启动", "按时推进", "未报送"}

// bulletinColors colour the chart's stacks.
var bulletinColors = [bKinds]string{"#70AD47", "#C00000", "#ED7D31", "#A5A5A5", "#4472C4", "#D9D9D9"}

// bCounts counts standings; due is their sum.
type bCounts struct {
	due int
	n   [bKinds]int
}

func (c *bCounts) add(s int) { c.due++; c.n[s]++ }

// rate is the completion rate in percent (0 with nothing due).
func (c bCounts) rate() float64 {
	if c.due == 0 {
		return 0
	}
	return 100 * float64(c.n[bDone]) / float64(c.due)
}

// percent writes a rate as 66.7%.
func percent(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "%" }

// bUnit is a unit's line of the ranking.
type bUnit struct {
	name string
	bCounts
}

// bItem is a task of a unit listed as overdue or behind.
type bItem struct {
	unit, id, text, date, reported string
	detail, problems               string // the unit's own words
}

// bulletin is the content of one 通报.
type bulletin struct {
	quarter, title, subtitle string
	asOf                     time.Time
	warnDays                 int
	sources                  []string // 文号　title of each notice with tasks due
	total                    bCounts  // over tasks
	units                    []bUnit  // ranked
	unitTotal                bCounts  // the 合计 row: over the units' lines
	overdue, behind          []bItem
	prevQuarter              string
	prev                     bCounts // the previous quarter on the same day
}

// taskStanding is a task's standing: done when its lead units (else all)
// reported 已完成, overdue when due and not done, else the least
// advanced status its lead units reported.
func taskStanding(t *duban.Task, date, asOf time.Time) int {
	if t.Done() {
		return bDone
	}
	if !date.IsZero() && date.Before(asOf) {
		return bOverdue
	}
	var who []duban.Unit
	for _, u := range t.Units {
		if u.Role == duban.RoleLead {
			who = append(who, u)
		}
	}
	if len(who) == 0 {
		who = t.Units
	}
	// The least advanced report counts; some leads done and others
	// silent is under way.
	worst := -1
	for _, u := range who {
		if p := t.Reported(u); p != nil {
			worst = max(worst, slices.Index(advance, reportStanding(p.Status)))
		}
	}
	switch worst {
	case -1:
		return bNone
	case 0:
		return bOnTrack
	}
	return advance[worst]
}

// advance orders reported standings from most to least advanced.
var advance = []int{bDone, bOnTrack, bNotStarted, bBehind}

// reportStanding maps a reported status to a standing (before overdue).
func reportStanding(s duban.Status) int {
	switch s {
	case duban.StatusDone:
		return bDone
	case duban.StatusBehind, duban.StatusCannot:
		return bBehind
	case duban.StatusNotStarted:
		return bNotStarted
	case duban.StatusOnTrack:
		return bOnTrack
	}
	return bNone
}

// unitStanding is a unit's standing on one of its tasks, from its own
// report (or its group's, for a task it has through a group).
func unitStanding(p *duban.Progress, date, asOf time.Time) int {
	if p != nil && p.Status == duban.StatusDone {
		return bDone
	}
	if !date.IsZero() && date.Before(asOf) {
		return bOverdue
	}
	if p == nil {
		return bNone
	}
	return reportStanding(p.Status)
}

// counts counts the tasks of a quarter report by standing.
func bulletinCounts(r *quarterReport) bCounts {
	var c bCounts
	for _, t := range r.due {
		c.add(taskStanding(t.task, t.date, r.asOf))
	}
	return c
}

// buildBulletin collects the 通报 of quarter as of asOf.
func buildBulletin(notices []*duban.Notice, unitsOf unitsOfFunc, quarter string, asOf time.Time, warn int, ql *quarterlyLayout) (*bulletin, error) {
	asOf = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	r, err := buildQuarterFrom(notices, unitsOf, quarter, asOf, warn, ql)
	if err != nil {
		return nil, err
	}
	b := &bulletin{
		quarter:  r.quarter,
		title:    quarterTitle(r.quarter) + "重点任务落实情况通报",
		subtitle: "（截至" + chineseDate(asOf) + "）",
		asOf:     asOf,
		warnDays: warn,
		total:    bulletinCounts(r),
	}
	multi := countNotices(notices) > 1
	for _, n := range r.sources(notices) {
		b.sources = append(b.sources, noticeLine(n))
	}
	for _, u := range r.units {
		line := bUnit{name: u.key}
		for _, e := range r.byUnit[u.key] {
			var p *duban.Progress
			if e.unit.Name != "" {
				p = e.task.Reported(e.unit)
			}
			s := unitStanding(p, e.date, asOf)
			line.add(s)
			b.unitTotal.add(s)
			if s != bOverdue && s != bBehind {
				continue
			}
			it := bItem{unit: u.key, id: taskID(notices, e.qTask, multi), text: e.task.Text, date: ledgerValue("date", notices[e.notice], e.task), reported: "未报送"}
			if p != nil {
				it.reported, it.detail, it.problems = string(p.Status), p.Detail, p.Problems
			}
			if s == bOverdue {
				b.overdue = append(b.overdue, it)
			} else {
				b.behind = append(b.behind, it)
			}
		}
		b.units = append(b.units, line)
	}
	b.overdue, b.behind = mergeItems(b.overdue), mergeItems(b.behind)
	slices.SortStableFunc(b.units, func(x, y bUnit) int {
		if c := cmp.Compare(y.rate(), x.rate()); c != 0 {
			return c
		}
		if c := cmp.Compare(y.due, x.due); c != 0 {
			return c
		}
		return cmp.Compare(x.name, y.name)
	})
	y, q, _ := duban.ParseQuarter(r.quarter)
	if q == 1 {
		b.prevQuarter = duban.QuarterName(y-1, 4)
	} else {
		b.prevQuarter = duban.QuarterName(y, q-1)
	}
	pr, err := buildQuarterFrom(notices, unitsOf, b.prevQuarter, asOf, warn, ql)
	if err != nil {
		return nil, err
	}
	b.prev = bulletinCounts(pr)
	return b, nil
}

// mergeItems puts the units of one task that reported the same (or
// nothing) on one row, their names joined with 、, in the order the rows
// first came: a task every unit let pass is listed once, not once a unit.
func mergeItems(items []bItem) []bItem {
	var out []bItem
	at := map[[5]string]int{}
	for _, it := range items {
		k := [5]string{it.id, it.date, it.reported, it.detail, it.problems}
		if i, ok := at[k]; ok {
			out[i].unit += "、" + it.unit
			continue
		}
		at[k] = len(out)
		out = append(out, it)
	}
	return out
}

// overview is the 总体情况 paragraph.
func (b *bulletin) overview() string {
	var s strings.Builder
	c := b.total
	fmt.Fprintf(&s, "截至%s，%s到期重点任务共 %d 项", chineseDate(b.asOf), quarterTitle(b.quarter), c.due)
	if c.due == 0 {
		s.WriteString("，本季度没有到期任务。")
		return s.String()
	}
	parts := []string{}
	for k := range bKinds {
		parts = append(parts, fmt.Sprintf("%s %d 项", bulletinStatusNames[k], c.n[k]))
	}
	fmt.Fprintf(&s, "，其中%s；完成率 %s。", strings.Join(parts, "，"), percent(c.rate()))
	return s.String()
}

// comparison is the sentence comparing with the previous quarter.
func (b *bulletin) comparison() string {
	p := b.prev
	if p.due == 0 {
		return quarterTitle(b.prevQuarter) + "没有到期任务，不作比较。"
	}
	d := b.total.rate() - p.rate()
	trend := "持平"
	switch {
	case d > 0.05:
		trend = "提高 " + strconv.FormatFloat(d, 'f', 1, 64) + " 个百分点"
	case d < -0.05:
		trend = "下降 " + strconv.FormatFloat(-d, 'f', 1, 64) + " 个百分点"
	}
	return fmt.Sprintf("%s到期任务 %d 项，截至同日已完成 %d 项，完成率 %s；本季度完成率较上季度%s。",
		quarterTitle(b.prevQuarter), p.due, p.n[bDone], percent(p.rate()), trend)
}

// Table contents shared by the renderers.

// bulletinTotalsHeader heads the totals: one column per standing.
func bulletinTotalsHeader() []string {
	h := []string{"项目", "到期任务"}
	for k := range bKinds {
		h = append(h, bulletinStatusNames[k])
	}
	return append(h, "完成率")
}

// totalsRows are the counts and their shares of the tasks due.
func (b *bulletin) totalsRows() [][]string {
	c := b.total
	count := []string{"项数", strconv.Itoa(c.due)}
	part := []string{"占比", share(c.due, c.due)}
	for k := range bKinds {
		count = append(count, strconv.Itoa(c.n[k]))
		part = append(part, share(c.n[k], c.due))
	}
	return [][]string{append(count, percent(c.rate())), append(part, "")}
}

func share(n, of int) string {
	if of == 0 {
		return "—"
	}
	return percent(100 * float64(n) / float64(of))
}

// bulletinUnitsHeader heads the ranking ("单位" and "到期" rather than the
// summary's 责任单位/到期任务数, so the two tables read apart).
func bulletinUnitsHeader() []string {
	h := []string{"排名", "单位", "到期"}
	for k := range bKinds {
		h = append(h, bulletinStatusNames[k])
	}
	return append(h, "完成率")
}

func countRow(first, name string, c bCounts) []string {
	row := []string{first, name, strconv.Itoa(c.due)}
	for k := range bKinds {
		row = append(row, strconv.Itoa(c.n[k]))
	}
	return append(row, percent(c.rate()))
}

// unitRows are the ranking's rows, ties sharing a rank, then 合计.
func (b *bulletin) unitRows() [][]string {
	var out [][]string
	rank := 0
	for i, u := range b.units {
		if i == 0 || u.rate() != b.units[i-1].rate() {
			rank = i + 1
		}
		out = append(out, countRow(strconv.Itoa(rank), u.name, u.bCounts))
	}
	return append(out, countRow("合计", "", b.unitTotal))
}

var bulletinItemsHeader = []string{"序号", "单位", "编号", "任务", "截止日期", "报送状态", "具体进展", "存在问题"}

func itemRows(items []bItem) [][]string {
	var out [][]string
	for i, it := range items {
		out = append(out, []string{strconv.Itoa(i + 1), it.unit, it.id, it.text, it.date, it.reported, it.detail, it.problems})
	}
	return out
}

var bulletinCompareHeader = []string{"项目", "本季度", "上季度", "变化"}

func (b *bulletin) compareRows() [][]string {
	c, p := b.total, b.prev
	diff := func(a, b int) string { return fmt.Sprintf("%+d", a-b) }
	rows := [][]string{{"到期任务（项）", strconv.Itoa(c.due), strconv.Itoa(p.due), diff(c.due, p.due)}}
	for _, k := range []int{bDone, bOverdue, bBehind, bNone} {
		rows = append(rows, []string{bulletinStatusNames[k] + "（项）", strconv.Itoa(c.n[k]), strconv.Itoa(p.n[k]), diff(c.n[k], p.n[k])})
	}
	rd := "—"
	if p.due > 0 && c.due > 0 {
		rd = fmt.Sprintf("%+.1f个百分点", c.rate()-p.rate())
	}
	return append(rows, []string{"完成率", share(c.n[bDone], c.due), share(p.n[bDone], p.due), rd})
}

// parts are the numbered headings in order; the renderers number them.
const (
	bPartOverview = "总体情况"
	bPartUnits    = "各单位完成情况（按完成率排名）"
	bPartChart    = "各单位到期任务完成情况图"
	bPartOverdue  = "逾期未完成任务"
	bPartBehind   = "进度滞后任务"
	bPartCompare  = "与上季度比较"
)
