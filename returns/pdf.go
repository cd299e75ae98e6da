package returns

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/duban/duban"
	"github.com/duban/duban/render"
)

// pdfHeader is the printed form's table: the workbook's columns a person
// reads or writes by hand (文号 goes above the number when there are several
// notices; 备注 and the hidden key are left out).
var pdfHeader = []string{"序号", "督办编号", "任务内容", "分工", "完成时限", "截止日期", "状态", "完成状态", "具体进展", "存在问题", "下步打算", "完成日期"}

var pdfWidths = []float64{0.5, 1.0, 3.8, 0.75, 1.05, 1.35, 0.75, 1.4, 2.4, 1.6, 1.6, 1.35}

// statusBoxes is the 完成状态 cell of a row not yet reported: one box to
// tick per status.
func statusBoxes() string {
	var b []string
	for _, s := range duban.Statuses {
		b = append(b, "□"+string(s))
	}
	return strings.Join(b, "\n")
}

// Form is the sheet as a form printed to be filled by hand: the unit's
// last report, where there is one, is printed in its place.
func (s *Sheet) Form(opt Options) render.ReturnForm {
	f := render.ReturnForm{
		Title:  s.Unit + "重点任务进展情况填报表",
		Unit:   s.Unit,
		Round:  opt.round(),
		Header: pdfHeader,
		Widths: pdfWidths,
		Text:   []bool{false, false, true, false, false, false, false, true, true, true, true, false},
		Note: fmt.Sprintf("说明：每项任务在“完成状态”中勾选一项，并填写具体进展、存在问题和下步打算；已完成的填写完成日期。状态按%s计。",
			opt.AsOf.Format("2006年1月2日")),
		Now: opt.AsOf,
	}
	if !s.ReportBy.IsZero() {
		f.ReportBy = s.ReportBy.Format(duban.DateLayout)
	}
	docs := map[string]bool{}
	for _, a := range s.Rows {
		docs[a.Notice.DocNumber] = true
	}
	count := map[duban.Status]int{}
	for i, a := range s.Rows {
		t := a.Task
		id := t.Number()
		if len(docs) > 1 && a.Notice.DocNumber != "" {
			id = a.Notice.DocNumber + "\n" + id
		}
		raw, date := "", ""
		if t.Deadline != nil {
			raw, date = t.Deadline.Raw, string(t.Deadline.Date)
		}
		l := duban.LightOf(t, a.Name, opt.AsOf, opt.WarnDays)
		p := progressOf(t, a)
		status := string(p.Status)
		if status == "" {
			status = statusBoxes()
		} else {
			count[p.Status]++
		}
		f.Rows = append(f.Rows, []string{strconv.Itoa(i + 1), id, t.Text, roleName(a), raw, date, string(l),
			status, p.Detail, p.Problems, p.NextSteps, p.DoneDate})
		f.Red = append(f.Red, l == duban.LightOverdue)
	}
	total := fmt.Sprintf("合计：共 %d 项", len(s.Rows))
	for _, st := range duban.Statuses {
		total += fmt.Sprintf("，%s %d 项", st, count[st])
	}
	f.Total = total + "。"
	return f
}

// WritePDF writes one printable return form per unit into dir
// (<unit>.pdf, named as Write names the workbooks) and returns the paths.
func WritePDF(dir string, ns []Notice, opt Options) ([]string, error) {
	var out []string
	used := map[string]int{}
	for _, s := range Sheets(ns, opt) {
		p := filepath.Join(dir, fileName(s.Unit, opt, used)+".pdf")
		if err := render.ReturnFormPDF(s.Form(opt), p); err != nil {
			return out, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, p)
	}
	return out, nil
}
