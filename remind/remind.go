// Package remind writes the 催办单 an office sends a unit whose tasks are
// overdue or near their deadline: per unit a PDF and an editable DOCX in
// the plain official layout — title, 主送 unit, body, the table of tasks
// (督办编号, 文号, 任务内容, 交办日期, 完成时限, 截止日期, 状态), the
// reporting date, the office and the date.
package remind

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/returns"
)

// Options say for which day and from whom the reminders are.
type Options struct {
	returns.Options
	Office  string   // the sending office (default 督查室)
	Formats []string // "pdf", "docx" (default both)
}

// Item is one task on a reminder: ID is the record's id, Number the
// 督办编号 printed (duban.Task.Number).
type Item struct {
	ID, Number, DocNumber, Text, Issued, Raw, Date string
	Light                                          duban.Light
	Status                                         duban.Status // the unit's last report ("" none)
}

// Letter is the reminder of one unit.
type Letter struct {
	Unit     string
	AsOf     time.Time
	ReportBy time.Time
	Office   string
	Items    []Item
}

// Letters lists the reminders due on opt.AsOf: one per unit with a task
// overdue or near its deadline that the unit has not reported 已完成.
func Letters(ns []returns.Notice, opt Options) []Letter {
	var out []Letter
	for _, s := range returns.Sheets(ns, opt.Options) {
		l := Letter{Unit: s.Unit, AsOf: opt.AsOf, ReportBy: s.ReportBy, Office: opt.office()}
		for _, a := range s.Rows {
			light := duban.LightOf(a.Task, a.Name, opt.AsOf, opt.WarnDays)
			if light != duban.LightOverdue && light != duban.LightNear {
				continue
			}
			it := Item{ID: a.Task.ID, Number: a.Task.Number(), DocNumber: a.Notice.DocNumber, Text: a.Task.Text, Issued: string(a.Notice.IssueDate),
				Raw: a.Task.Deadline.Raw, Date: string(a.Task.Deadline.Date), Light: light}
			if p := a.Task.LatestProgress(a.Name); p != nil {
				it.Status = p.Status
			}
			l.Items = append(l.Items, it)
		}
		if len(l.Items) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func (o Options) office() string {
	if o.Office != "" {
		return o.Office
	}
	return "督查室"
}

func (o Options) wants(f string) bool {
	if len(o.Formats) == 0 {
		return true
	}
	for _, x := range o.Formats {
		if x == f {
			return true
		}
	}
	return false
}

// Body is the letter's text before the table.
func (l Letter) Body() string {
	over, near := 0, 0
	for _, it := range l.Items {
		if it.Light == duban.LightOverdue {
			over++
		} else {
			near++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "截至%s，你单位承担的重点任务中，", cn(l.AsOf))
	switch {
	case over > 0 && near > 0:
		fmt.Fprintf(&b, "已逾期未完成 %d 项，%s 项临近完成时限", over, fmt.Sprint(near))
	case over > 0:
		fmt.Fprintf(&b, "已逾期未完成 %d 项", over)
	default:
		fmt.Fprintf(&b, "%d 项临近完成时限", near)
	}
	b.WriteString("（详见下表）。请对照任务要求抓紧推进，确保按期保质完成")
	if !l.ReportBy.IsZero() {
		fmt.Fprintf(&b, "，并于%s前将进展情况报送%s", cn(l.ReportBy), l.Office)
	} else {
		fmt.Fprintf(&b, "，并及时将进展情况报送%s", l.Office)
	}
	b.WriteString("。")
	return b.String()
}

func cn(t time.Time) string { return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day()) }

// Title is the reminder's title.
const Title = "重点任务督办催办单"

// Header is the table's header.
var Header = []string{"序号", "督办编号", "文号", "任务内容", "交办日期", "完成时限", "截止日期", "状态"}

// Cells is one item's table row.
func (it Item) Cells(seq int) []string {
	st := string(it.Light)
	if it.Status != "" {
		st += "（报" + string(it.Status) + "）"
	}
	return []string{fmt.Sprint(seq), it.Number, it.DocNumber, it.Text, it.Issued, it.Raw, it.Date, st}
}

// Write writes dir/<unit>.pdf and dir/<unit>.docx for every reminder due
// and returns their paths.
func Write(dir string, ns []returns.Notice, opt Options) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []string
	used := map[string]bool{}
	for _, l := range Letters(ns, opt) {
		name := l.Unit
		if opt.SafeName != nil {
			name = opt.SafeName(name)
		}
		base := name
		for k := 2; used[name]; k++ {
			name = fmt.Sprintf("%s-%d", base, k)
		}
		used[name] = true
		p := filepath.Join(dir, name)
		if opt.wants("pdf") {
			if err := l.WritePDF(p + ".pdf"); err != nil {
				return out, err
			}
			out = append(out, p+".pdf")
		}
		if opt.wants("docx") {
			if err := l.WriteDOCX(p + ".docx"); err != nil {
				return out, fmt.Errorf("%s.docx: %w", p, err)
			}
			out = append(out, p+".docx")
		}
	}
	return out, nil
}
