package returns

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/xlsxout"
	"github.com/xuri/excelize/v2"
)

// Names of the sheets and the marker of a duban return sheet.
const (
	SheetName  = "填报表"
	IDSheet    = "_duban"
	Marker     = "duban-return"
	keyHeader  = "标识（勿改）"
	formatVers = "1"
)

// Notice is a notice with the slug the store keeps it under.
type Notice struct {
	Slug string
	*duban.Notice
}

// Options say for which round and day the sheets are made.
type Options struct {
	Round     string    // reporting round, YYYYQn (default: the quarter of AsOf)
	AsOf      time.Time // lights are computed for this day
	WarnDays  int       // 临期 window
	ReportBy  time.Time // 报送截止日期 when the notices state none (zero: blank)
	Directory *duban.Directory
	SafeName  func(string) string // file names
}

// columns of the sheet, in order.
var columns = []struct {
	key, head string
	width     float64
}{
	{"seq", "序号", 4.5}, {"id", "督办编号", 9}, {"doc", "文号", 11}, {"text", "任务内容", 38}, {"role", "分工", 5.5},
	{"deadline", "完成时限", 9}, {"date", "截止日期", 10.5}, {"light", "状态", 6}, {"status", "完成状态", 9},
	{"detail", "具体进展", 26}, {"problems", "存在问题", 17}, {"next", "下步打算", 17}, {"done", "完成日期", 10.5},
	{"note", "备注", 8}, {"key", keyHeader, 4},
}

// colNum is the 1-based column of key.
func colNum(key string) int {
	for i, c := range columns {
		if c.key == key {
			return i + 1
		}
	}
	panic("returns: no column " + key)
}

func col(key string) string {
	for i, c := range columns {
		if c.key == key {
			n, _ := excelize.ColumnNumberToName(i + 1)
			return n
		}
	}
	panic("returns: no column " + key)
}

// width is the width of a column.
func width(key string) float64 {
	for _, c := range columns {
		if c.key == key {
			return c.width
		}
	}
	return 10
}

const headerRow = 5

// reportRe finds a reporting date stated in a notice: 每季度末月25日前报送,
// 每季度最后一个月20日前, 每月5日前报送.
var (
	quarterReportRe = regexp.MustCompile(`每季度(?:末月|最后一个月)(\d{1,2})日(?:前|之前)?[^。；]{0,12}报送`)
	monthReportRe   = regexp.MustCompile(`每月(\d{1,2})日(?:前|之前)?[^。；]{0,12}报送`)
)

// ReportDate is the reporting date of round (YYYYQn) a notice states, zero
// when it states none.
func ReportDate(n *duban.Notice, round string) time.Time {
	y, q, ok := parseQuarter(round)
	if !ok || n == nil {
		return time.Time{}
	}
	texts := []string{n.Title}
	for _, t := range n.Tasks {
		texts = append(texts, t.Text)
	}
	for _, s := range texts {
		if m := quarterReportRe.FindStringSubmatch(s); m != nil {
			d, _ := strconv.Atoi(m[1])
			return time.Date(y, time.Month(q*3), d, 0, 0, 0, 0, time.UTC)
		}
	}
	for _, s := range texts {
		if m := monthReportRe.FindStringSubmatch(s); m != nil {
			d, _ := strconv.Atoi(m[1])
			return time.Date(y, time.Month(q*3), d, 0, 0, 0, 0, time.UTC)
		}
	}
	return time.Time{}
}

func parseQuarter(s string) (int, int, bool) {
	y, q, err := duban.ParseQuarter(s)
	return y, q, err == nil
}

// Sheet is one unit's return sheet before it is written.
type Sheet struct {
	Unit     string
	Rows     []duban.Assignment
	Slugs    map[*duban.Notice]string
	ReportBy time.Time
}

// Sheets sorts the notices' tasks onto one return sheet per unit (as the
// unit sheets do), sorted by unit.
func Sheets(ns []Notice, opt Options) []*Sheet {
	plain := make([]*duban.Notice, len(ns))
	slugs := map[*duban.Notice]string{}
	for i, n := range ns {
		plain[i] = n.Notice
		slugs[n.Notice] = n.Slug
	}
	var out []*Sheet
	// A notice's reporting date is read from all its text: once per
	// notice, not once per task of every unit.
	reportBy := map[*duban.Notice]time.Time{}
	round := opt.round()
	for unit, as := range duban.UnitAssignments(plain, opt.Directory) {
		if unit == "" {
			continue
		}
		s := &Sheet{Unit: unit, Rows: as, Slugs: slugs}
		for _, a := range as {
			d, ok := reportBy[a.Notice]
			if !ok {
				d = ReportDate(a.Notice, round)
				reportBy[a.Notice] = d
			}
			if !d.IsZero() && (s.ReportBy.IsZero() || d.Before(s.ReportBy)) {
				s.ReportBy = d
			}
		}
		if s.ReportBy.IsZero() {
			s.ReportBy = opt.ReportBy
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Unit < out[j].Unit })
	return out
}

func (o Options) round() string {
	if o.Round != "" {
		return o.Round
	}
	return duban.QuarterOf(o.AsOf)
}

// Write writes one return sheet per unit into dir (<unit>.xlsx) and
// returns their paths.
func Write(dir string, ns []Notice, opt Options) ([]string, error) {
	var out []string
	used := map[string]int{}
	for _, s := range Sheets(ns, opt) {
		p := filepath.Join(dir, fileName(s.Unit, opt, used)+".xlsx")
		f, err := s.Workbook(opt)
		if err != nil {
			return out, fmt.Errorf("%s: %w", p, err)
		}
		err = xlsxout.WriteFile(f, p) // names p in its errors
		f.Close()
		if err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, nil
}

// fileName is a unit's file name without extension, made safe and
// numbered when two units come to the same name (used counts them).
func fileName(unit string, opt Options, used map[string]int) string {
	name := unit
	if opt.SafeName != nil {
		name = opt.SafeName(name)
	}
	if k := used[name]; k > 0 {
		used[name]++
		return fmt.Sprintf("%s-%d", name, k+1)
	}
	used[name] = 1
	return name
}

// Key is what the hidden column holds for a row: notice slug and task id.
func Key(slug, task string) string { return slug + " " + task }

// Workbook lays out the sheet. Both sheets are streamed row by row (a unit
// may have thousands of tasks); what lies outside the rows — page setup,
// the dropdown, defined names, which sheet is hidden — is set before.
func (s *Sheet) Workbook(opt Options) (*excelize.File, error) {
	f := excelize.NewFile()
	f.SetZipWriter(xlsxout.FastZip)
	if err := s.layout(f, opt); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func (s *Sheet) layout(f *excelize.File, opt Options) error {
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return err
	}
	sh := SheetName
	if _, err := f.NewSheet(IDSheet); err != nil {
		return err
	}
	// Sheet-wide settings first: excelize reads every sheet to hide one
	// or to choose the active one, which must happen before they stream.
	if err := f.SetSheetVisible(IDSheet, false, true); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	ncol := len(columns)
	lastVisible, _ := excelize.ColumnNumberToName(ncol - 1)
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := excelize.Font{Family: "宋体", Size: 10}
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "方正小标宋简体", Size: 16, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	label, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}, Alignment: &excelize.Alignment{Vertical: "center"}})
	labelRight, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	field, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11},
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}, Alignment: &excelize.Alignment{Vertical: "center"}})
	dateFmt := "yyyy-mm-dd"
	fieldDate, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11}, CustomNumFmt: &dateFmt,
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 10, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	cell, _ := f.NewStyle(&excelize.Style{Font: &font, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	fill, _ := f.NewStyle(&excelize.Style{Font: &font, Border: border, Protection: &excelize.Protection{Locked: false},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	date, _ := f.NewStyle(&excelize.Style{Font: &font, Border: border, CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	fillDate, _ := f.NewStyle(&excelize.Style{Font: &font, Border: border, CustomNumFmt: &dateFmt,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	lights := map[duban.Light]int{}
	for _, l := range []duban.Light{duban.LightDone, duban.LightOverdue, duban.LightNear, duban.LightNormal} {
		c := map[duban.Light]string{duban.LightDone: "C6EFCE", duban.LightOverdue: "FFC7CE", duban.LightNear: "FFEB9C", duban.LightNormal: "FFFFFF"}[l]
		lights[l], _ = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10, Bold: true}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	}

	first := headerRow + 1
	end := max(headerRow+len(s.Rows), first) // the last task row (the first when there is none)
	total := headerRow + len(s.Rows) + 1     // the 合计 row
	sign := total + 2                        // the signature line
	// The 完成状态 dropdown over every task row; the other columns take
	// any text.
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s%d:%s%d", col("status"), first, col("status"), end))
	var choices []string
	for _, st := range duban.Statuses {
		choices = append(choices, string(st))
	}
	if err := dv.SetDropList(choices); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "完成状态", "请从列表中选择："+joinStatuses())
	if err := f.AddDataValidation(sh, dv); err != nil {
		return err
	}
	// Printing: A4 landscape on narrow margins, fitted to the width of
	// the visible columns only (the print area leaves out the hidden key
	// column), the header row on every page, centred, with page numbers.
	for _, err := range []error{
		f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: ptr("landscape"), Size: ptr(9), FitToWidth: ptr(1), FitToHeight: ptr(0)}),
		f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: ptr(true)}),
		f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.5), Bottom: ptr(0.6), Header: ptr(0.2), Footer: ptr(0.3), Horizontally: ptr(true)}),
		f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: "&L" + strings.ReplaceAll(s.Unit, "&", "&&") + "重点任务进展情况填报表&C第 &P 页 共 &N 页"}),
		f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, headerRow, headerRow), Scope: sh}),
		f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sh, lastVisible, sign), Scope: sh}),
	} {
		if err != nil {
			return err
		}
	}

	w, err := xlsxout.NewRows(f, sh)
	if err != nil {
		return err
	}
	// The 督办编号 column fits the sheet's longest number (二（二）第2项),
	// taking the room from 任务内容.
	numW := width("id")
	for _, a := range s.Rows {
		numW = max(numW, min(cellWidth(a.Task.Number())+1, 14))
	}
	textW := width("text") - (numW - width("id"))
	for i, c := range columns {
		w0 := c.width
		switch c.key {
		case "id":
			w0 = numW
		case "text":
			w0 = textW
		}
		if err := w.SW.SetColWidth(i+1, i+1, w0); err != nil {
			return err
		}
	}
	if err := w.SW.SetColVisible(ncol, ncol, false); err != nil {
		return err
	}
	if err := w.SW.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	at := func(key string) int { return colNum(key) }
	round := opt.round()
	w.Span(1, 1, ncol-1, s.Unit+"重点任务进展情况填报表", title)
	w.Write(1, 30)
	// The header block fits the narrow first columns: labels span two
	// columns; 报送截止日期 stays in F3, its label right-aligned to spill
	// into the empty D3.
	w.Span(2, 1, 2, "填报单位：", label)
	w.Span(2, 3, 4, s.Unit, field)
	w.Span(2, 5, 6, "联系人：", label)
	w.Span(2, 7, 9, "", field)
	w.Set(10, "联系电话：", labelRight)
	w.Span(2, 11, 12, "", field)
	w.Write(2, 0)
	w.Span(3, 1, 2, "分管领导：", label)
	w.Set(3, "", field)
	w.Set(5, "报送截止日期：", labelRight)
	if s.ReportBy.IsZero() {
		w.Span(3, 6, 7, "", fieldDate)
	} else {
		w.Span(3, 6, 7, s.ReportBy, fieldDate)
	}
	w.Set(10, "报送轮次：", labelRight)
	w.Span(3, 11, 12, round, field)
	w.Write(3, 0)
	w.Span(4, 1, ncol-1, fmt.Sprintf("说明：请在黄色栏目中填报；“完成状态”从下拉列表中选择（%s）；完成日期填日期。请勿改动任务内容和隐藏列。状态按%s计。",
		joinStatuses(), opt.AsOf.Format("2006年1月2日")), cell)
	w.Write(4, 30)
	for i, c := range columns {
		w.Set(i+1, c.head, head)
	}
	w.Write(headerRow, 0)
	r := headerRow
	for i, a := range s.Rows {
		r++
		t := a.Task
		w.Set(at("seq"), i+1, cell)
		w.Set(at("id"), t.Number(), cell)
		w.Set(at("doc"), a.Notice.DocNumber, cell)
		w.Set(at("text"), t.Text, cell)
		w.Set(at("role"), roleName(a), cell)
		raw := ""
		if t.Deadline != nil {
			raw = t.Deadline.Raw
		}
		w.Set(at("deadline"), raw, cell)
		if d, ok := t.Deadline.Time(); ok {
			w.Set(at("date"), d, date)
		} else {
			w.Set(at("date"), "", date)
		}
		l := duban.LightOf(t, a.Name, opt.AsOf, opt.WarnDays)
		if l == duban.LightNone {
			w.Set(at("light"), "", cell)
		} else {
			w.Set(at("light"), string(l), lights[l])
		}
		p := progressOf(t, a)
		w.Set(at("status"), string(p.Status), fill)
		w.Set(at("detail"), p.Detail, fill)
		w.Set(at("problems"), p.Problems, fill)
		w.Set(at("next"), p.NextSteps, fill)
		if d, err := time.Parse(duban.DateLayout, p.DoneDate); err == nil {
			w.Set(at("done"), d, fillDate)
		} else {
			w.Set(at("done"), "", fillDate)
		}
		w.Set(at("note"), p.Note, fill)
		w.Set(at("key"), Key(s.Slugs[a.Notice], t.ID), 0)
		if err := w.Write(r, max(rowHeight(t.Text, textW), rowHeight(p.Detail, width("detail")),
			rowHeight(p.Problems, width("problems")), rowHeight(p.NextSteps, width("next")), rowHeight(a.Notice.DocNumber, width("doc")))); err != nil {
			return err
		}
	}
	// 合计
	r++
	st := col("status")
	rng := fmt.Sprintf("%s%d:%s%d", st, first, st, end)
	formula := fmt.Sprintf(`"共"&COUNTA(%s%d:%s%d)&"项"`, col("text"), first, col("text"), end)
	for _, s := range duban.Statuses {
		formula += fmt.Sprintf(`&"，%s"&COUNTIF(%s,"%s")&"项"`, s, rng, s)
	}
	formula += fmt.Sprintf(`&"，未填"&(COUNTA(%s%d:%s%d)-COUNTA(%s))&"项"`, col("text"), first, col("text"), end, rng)
	w.Span(r, 1, 2, "合计", head)
	w.Span(r, 3, ncol-1, "", cell)
	w.Formula(3, formula, cell)
	w.Write(r, 0)
	r += 2
	w.Span(r, 1, 3, "单位负责人签字：", label)
	w.Set(4, "", field)
	w.Set(9, "（盖章）", label)
	w.Set(11, "填报日期：", label)
	w.Span(r, 12, 13, "", fieldDate)
	w.Write(r, 0)
	if err := w.Flush(); err != nil {
		return err
	}

	// The hidden sheet: what the sheet is, for whom, for which round.
	ids, err := xlsxout.NewRows(f, IDSheet)
	if err != nil {
		return err
	}
	head2 := [][]any{{Marker, formatVers}, {"unit", s.Unit}, {"round", round}, {"as_of", opt.AsOf.Format(duban.DateLayout)}}
	if !s.ReportBy.IsZero() {
		head2 = append(head2, []any{"report_by", s.ReportBy.Format(duban.DateLayout)})
	}
	head2 = append(head2, []any{"key", "notice", "doc_number", "task", "text"})
	n := 0
	for _, row := range head2 {
		n++
		for c, v := range row {
			ids.Set(c+1, v, 0)
		}
		ids.Write(n, 0)
	}
	for _, a := range s.Rows {
		n++
		for c, v := range []string{Key(s.Slugs[a.Notice], a.Task.ID), s.Slugs[a.Notice], a.Notice.DocNumber, a.Task.ID, a.Task.Text} {
			ids.Set(c+1, v, 0)
		}
		if err := ids.Write(n, 0); err != nil {
			return err
		}
	}
	return ids.Flush()
}

func ptr[T any](v T) *T { return &v }

func joinStatuses() string {
	var s []string
	for _, x := range duban.Statuses {
		s = append(s, string(x))
	}
	return strings.Join(s, "/")
}

func roleName(a duban.Assignment) string {
	r := map[duban.Role]string{duban.RoleLead: "牵头", duban.RoleCo: "配合", duban.RoleResponsible: "责任"}[a.Unit.Role]
	if a.Via != "" {
		return "经" + a.Via
	}
	return r
}

func progressOf(t *duban.Task, a duban.Assignment) duban.Progress {
	if p := t.LatestProgress(duban.SheetKey(a.Unit)); p != nil && a.Via == "" {
		return *p
	}
	return duban.Progress{}
}

// cellWidth is about the width of s in the sheet's 10 pt cells, in
// Excel's character units (see rowHeight).
func cellWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 1.9
		} else {
			w++
		}
	}
	return w
}

// rowHeight gives a wrapped text cell room: about width/1.9 CJK characters
// a line at 10 pt.
func rowHeight(s string, width float64) float64 {
	per := int(width / 1.9)
	n := len([]rune(s))
	lines := max(1, (n+per-1)/per)
	return float64(lines)*13.5 + 4
}
