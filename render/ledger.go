package render

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/duban/duban"
	"github.com/duban/duban/templates"
)

// LedgerName is the file name (without extension) of a notice's ledger.
const LedgerName = "任务分解表"

// Ledger writes the task ledger (任务分解表) of one notice into dir:
// 任务分解表.pdf and/or 任务分解表.xlsx. Every task appears in document
// order under its section and subsection headings. The workbook also
// carries the records in a hidden sheet so that ReadLedger gives them back.
func Ledger(n *duban.Notice, dir string, opt Options) ([]string, error) {
	if n == nil {
		return nil, fmt.Errorf("ledger: no notice")
	}
	res, err := opt.load()
	if err != nil {
		return nil, err
	}
	if err := ensureDir(dir); err != nil {
		return nil, err
	}
	// The workbook is written alongside the PDF (whose font may need
	// cutting first).
	var xlsxErr error
	xlsxDone := make(chan struct{})
	xlsxPath := filepath.Join(dir, LedgerName+".xlsx")
	go func() {
		defer close(xlsxDone)
		if res.Wants(FormatXLSX) {
			xlsxErr = ledgerXLSX(res, n, xlsxPath)
		}
	}()
	var out []string
	var pdfErr error
	if res.Wants(FormatPDF) {
		p := filepath.Join(dir, LedgerName+".pdf")
		pdfErr = res.PrepareFont(nil)
		if pdfErr == nil {
			pdfErr = ledgerPDF(res, n, p)
		}
		if pdfErr == nil {
			out = append(out, p)
		}
	}
	<-xlsxDone
	if pdfErr != nil {
		return out, pdfErr
	}
	if res.Wants(FormatXLSX) {
		if xlsxErr != nil {
			return out, xlsxErr
		}
		out = append(out, xlsxPath)
	}
	return out, nil
}

func ledgerTitle(res *resources, n *duban.Notice) (title, subtitle string, d docLayout, err error) {
	d, err = res.Layout.Doc("ledger")
	if err != nil {
		return
	}
	vars := noticeVars(n)
	// a plan that is itself a 任务分解表 is not called one twice
	title = strings.ReplaceAll(expand(d.Title, vars), LedgerName+LedgerName, LedgerName)
	return title, expand(d.Subtitle, vars), d, nil
}

func ledgerPDF(res *resources, n *duban.Notice, path string) error {
	doc, err := ledgerDoc(res, n)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return doc.WriteFile(path)
}

// ledgerDoc lays out the ledger PDF of a notice.
func ledgerDoc(res *resources, n *duban.Notice) (*pdfDoc, error) {
	title, subtitle, d, err := ledgerTitle(res, n)
	if err != nil {
		return nil, err
	}
	if err := d.CheckColumns("ledger", ledgerKeys...); err != nil {
		return nil, err
	}
	doc := res.NewDoc(d)
	doc.Footer = title
	doc.Title(title, d.TitleSize)
	if subtitle != "" {
		doc.Text(subtitle, d.TextSize, "C")
	}
	doc.Space(2)
	t := d.Table()
	// With reports or an as-of day, a column says how each task stands.
	status := ledgerHasStatus(n, res.AsOf)
	if status {
		t.Columns = append(t.Columns, tableColumn{Label: ledgerStatusLabel, Width: 14})
	}
	for c, col := range d.Columns {
		if col.Key == "others" && col.Label == "配合/责任单位" && c < len(t.Columns) {
			t.Columns[c].Label = othersLabel(n)
		}
	}
	for i := range n.Tasks {
		task := &n.Tasks[i]
		for _, h := range groupHeadings(n.Tasks, i) {
			t.Rows = append(t.Rows, tableRow{Cells: []string{h}, Group: true})
		}
		cells := make([]string, len(d.Columns))
		for c, col := range d.Columns {
			cells[c] = ledgerValue(col.Key, n, task)
		}
		if status {
			cells = append(cells, ledgerStatus(task, res.AsOf, res.WarnDays))
		}
		t.Rows = append(t.Rows, tableRow{Cells: cells, Fill: lightFill(taskLight(task, res.AsOf, res.WarnDays))})
	}
	doc.Table(t)
	return doc, nil
}

func ledgerXLSX(res *resources, n *duban.Notice, path string) error {
	title, subtitle, _, err := ledgerTitle(res, n)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	x, err := openXLSXTemplate(res.Dir, templates.LedgerXLSX)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer x.Close()
	for _, k := range x.Keys {
		if k != "" && !validKey(k, ledgerKeys) {
			return fmt.Errorf("%s: template %s: unknown column {{%s}}", path, x.Name, k)
		}
	}
	restore, err := hideLedgerColumns(x, emptyLedgerColumns(x, n))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := x.SetTitles(map[string]string{
		"title": title, "subtitle": subtitle, "footer": title, "date": res.Now.Format(duban.DateLayout),
	}); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var rows []xRow
	for i := range n.Tasks {
		task := &n.Tasks[i]
		for _, h := range groupHeadings(n.Tasks, i) {
			rows = append(rows, xRow{Group: true, Values: map[string]cellValue{"group": h}})
		}
		v := map[string]cellValue{}
		for _, k := range x.Keys {
			if k != "" {
				v[k] = ledgerValue(k, n, task)
			}
		}
		rows = append(rows, xRow{Values: v})
	}
	if _, err := x.Fill(rows); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := restore(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := writeRecordsSheet(x, n); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if ledgerHasStatus(n, res.AsOf) {
		if err := ledgerStatusSheet(x.File, n, title, res.AsOf, res.WarnDays); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return x.WriteFile(path)
}

func validKey(k string, keys []string) bool {
	for _, v := range keys {
		if v == k {
			return true
		}
	}
	return false
}

// othersLabel names the column of the units other than the lead as the
// workbook does: 责任单位 when the notice has only those, 配合单位 when
// only partners, both words when it has both.
func othersLabel(n *duban.Notice) string {
	co, resp := false, false
	for _, t := range n.Tasks {
		for _, u := range t.Units {
			switch u.Role {
			case duban.RoleCo:
				co = true
			case duban.RoleResponsible:
				resp = true
			}
		}
	}
	switch {
	case co && !resp:
		return "配合单位"
	case resp && !co:
		return "责任单位"
	}
	return "配合/责任单位"
}
