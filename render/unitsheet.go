package render

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/duban/duban"
	"github.com/duban/duban/templates"
)

// UnitSheets writes one 单位任务清单 per unit, across all notices, into dir:
// <unit>.pdf and/or <unit>.xlsx. A unit is keyed by its canonical name when
// set, else its name as written; file names are made safe with
// SafeFileName and kept distinct (names that clash get "-2", "-3"…).
// Each sheet lists the source notices and the unit's tasks sorted by
// deadline (tasks without a date last), with a blank 进展情况 column
// (a dropdown in Excel).
//
// With opt.Directory, names are keyed as the records' canonical names say
// (package enrich fills them from the directory); a group gets its own
// sheet and, when the directory lists its members, each member's sheet
// also lists the group's tasks with 分工 saying so — 配合 / 经相关县区 —
// unless the task names that member itself.
func UnitSheets(notices []*duban.Notice, dir string, opt Options) ([]string, error) {
	res, err := opt.load()
	if err != nil {
		return nil, err
	}
	if err := ensureDir(dir); err != nil {
		return nil, err
	}
	sheets := collectUnits(notices, opt.Directory)
	keys := make([]string, len(sheets))
	for i, s := range sheets {
		keys[i] = s.key
		s.asOf, s.warnDays = opt.AsOf, opt.warnDays()
	}
	names := uniqueNames(keys)
	if len(opt.Only) > 0 {
		sheets = slices.DeleteFunc(sheets, func(s *unitSheet) bool { return !slices.Contains(opt.Only, s.key) })
	}
	// The files are independent: render them on every core. The workbooks
	// go first, while the font is being loaded for the PDFs alongside.
	type job struct {
		sheet int
		pdf   bool
	}
	var jobs []job
	for _, pdf := range []bool{false, true} {
		if pdf && res.Wants(FormatPDF) || !pdf && res.Wants(FormatXLSX) {
			for i := range sheets {
				jobs = append(jobs, job{i, pdf})
			}
		}
	}
	fontReady := make(chan struct{})
	var fontErr error
	if res.Wants(FormatPDF) && len(sheets) > 0 {
		go func() {
			defer close(fontReady)
			fontErr = res.PrepareFont(nil)
		}()
	} else {
		close(fontReady)
	}
	pdfErr := make([]error, len(sheets))
	xlsxErr := make([]error, len(sheets))
	queue := make(chan job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				base := filepath.Join(dir, names[sheets[j.sheet].key])
				if err := opt.cancelled(); err != nil {
					if j.pdf {
						pdfErr[j.sheet] = err
					} else {
						xlsxErr[j.sheet] = err
					}
					continue
				}
				if !j.pdf {
					xlsxErr[j.sheet] = unitXLSX(res, sheets[j.sheet], notices, base+".xlsx")
					continue
				}
				<-fontReady
				if fontErr != nil {
					pdfErr[j.sheet] = fontErr
					continue
				}
				pdfErr[j.sheet] = unitPDF(res, sheets[j.sheet], notices, base+".pdf")
			}
		}()
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	<-fontReady
	if err := opt.cancelled(); err != nil {
		return nil, err
	}
	var out []string
	for i, s := range sheets {
		base := filepath.Join(dir, names[s.key])
		if res.Wants(FormatPDF) {
			if pdfErr[i] != nil {
				return out, pdfErr[i]
			}
			out = append(out, base+".pdf")
		}
		if res.Wants(FormatXLSX) {
			if xlsxErr[i] != nil {
				return out, xlsxErr[i]
			}
			out = append(out, base+".xlsx")
		}
	}
	return out, nil
}

func unitVars(s *unitSheet) map[string]string { return map[string]string{"unit": s.key} }

// unitSources lists the sheet's source notices, one a line, and for a
// group the line naming its members.
func unitSources(s *unitSheet, notices []*duban.Notice, d docLayout) []string {
	prefix := d.Label("source", "来源文件：")
	lines := make([]string, 0, len(s.notices)+1)
	for _, ni := range s.notices {
		lines = append(lines, prefix+s.marker(ni)+noticeLine(notices[ni]))
	}
	if len(s.members) > 0 {
		lines = append(lines, d.Label("members", "成员单位：")+strings.Join(s.members, "、"))
	}
	if !s.asOf.IsZero() {
		lines = append(lines, "进展情况截至"+chineseDate(s.asOf)+"：单位报送的完成状态，及逾期、临期（"+strconv.Itoa(s.warnDays)+"日内到期）、正常或已完成。")
	}
	return lines
}

func unitPDF(res *resources, s *unitSheet, notices []*duban.Notice, path string) error {
	doc, err := unitDoc(res, s, notices)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return doc.WriteFile(path)
}

// unitDoc lays out the PDF task sheet of one unit.
func unitDoc(res *resources, s *unitSheet, notices []*duban.Notice) (*pdfDoc, error) {
	d, err := res.Layout.Doc("unit")
	if err != nil {
		return nil, err
	}
	if err := d.CheckColumns("unit", unitKeys...); err != nil {
		return nil, err
	}
	title := expand(d.Title, unitVars(s))
	doc := res.NewDoc(d)
	doc.Footer = title
	doc.Title(title, d.TitleSize)
	for _, line := range unitSources(s, notices, d) {
		doc.Text(line, d.TextSize, "L")
	}
	doc.Space(2)
	t := d.Table()
	for i, e := range s.entries {
		cells := make([]string, len(d.Columns))
		for c, col := range d.Columns {
			cells[c] = unitValue(col.Key, i+1, e, notices, s)
		}
		t.Rows = append(t.Rows, tableRow{Cells: cells, Fill: lightFill(entryLight(e, s))})
	}
	doc.Table(t)
	return doc, nil
}

func unitXLSX(res *resources, s *unitSheet, notices []*duban.Notice, path string) error {
	d, err := res.Layout.Doc("unit")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	x, err := openXLSXTemplate(res.Dir, templates.UnitXLSX)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer x.Close()
	for _, k := range x.Keys {
		if k != "" && !validKey(k, unitKeys) {
			return fmt.Errorf("%s: template %s: unknown column {{%s}}", path, x.Name, k)
		}
	}
	title := expand(d.Title, unitVars(s))
	if err := x.SetTitles(map[string]string{
		"title":   title,
		"sources": strings.Join(unitSources(s, notices, d), "\n"),
		"footer":  title,
		"date":    res.Now.Format(duban.DateLayout),
	}); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	rows := make([]xRow, 0, len(s.entries))
	for i, e := range s.entries {
		v := map[string]cellValue{}
		for _, k := range x.Keys {
			switch k {
			case "":
			case "seq":
				v[k] = i + 1
			default:
				v[k] = unitValue(k, i+1, e, notices, s)
			}
		}
		rows = append(rows, xRow{Values: v})
	}
	last, err := x.Fill(rows)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := x.Dropdown("progress", x.FirstRow, max(last, x.FirstRow), ProgressChoices); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	lights := make([]duban.Light, len(s.entries))
	for i, e := range s.entries {
		lights[i] = entryLight(e, s)
	}
	if err := markLights(x, "progress", lights); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return x.WriteFile(path)
}
