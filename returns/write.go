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
	for unit, as := range duban.UnitAssignments(plain, opt.Directory) {
		if unit == "" {
			continue
		}
		s := &Sheet{Unit: unit, Rows: as, Slugs: slugs}
		for _, a := range as {
			if d := ReportDate(a.Notice, opt.round()); !d.IsZero() && (s.ReportBy.IsZero() || d.Before(s.ReportBy)) {
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
		err = f.SaveAs(p)
		f.Close()
		if err != nil {
			return out, fmt.Errorf("%s: %w", p, err)
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

// Workbook lays out the sheet.
func (s *Sheet) Workbook(opt Options) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return nil, err
	}
	sh := SheetName
	last, _ := excelize.ColumnNumberToName(len(columns))
	lastVisible, _ := excelize.ColumnNumberToName(len(columns) - 1)
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
	for l, c := range map[duban.Light]string{duban.LightDone: "C6EFCE", duban.LightOverdue: "FFC7CE", duban.LightNear: "FFEB9C", duban.LightNormal: "FFFFFF"} {
		lights[l], _ = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10, Bold: true}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	}

	// The 督办编号 column fits the sheet's longest number (二（二）第2项),
	// taking the room from 任务内容.
	numW := width("id")
	for _, a := range s.Rows {
		numW = max(numW, min(cellWidth(a.Task.Number())+1, 14))
	}
	textW := width("text") - (numW - width("id"))
	for i, c := range columns {
		n, _ := excelize.ColumnNumberToName(i + 1)
		w := c.width
		switch c.key {
		case "id":
			w = numW
		case "text":
			w = textW
		}
		f.SetColWidth(sh, n, n, w)
	}
	f.SetColVisible(sh, last, false)
	set := func(ref string, v any, style int) {
		f.SetCellValue(sh, ref, v)
		if style != 0 {
			f.SetCellStyle(sh, ref, ref, style)
		}
	}
	merge := func(a, b string, v any, style int) {
		f.MergeCell(sh, a, b)
		set(a, v, 0)
		f.SetCellStyle(sh, a, b, style)
	}
	round := opt.round()
	merge("A1", lastVisible+"1", s.Unit+"重点任务进展情况填报表", title)
	f.SetRowHeight(sh, 1, 30)
	// The header block fits the narrow first columns: labels span two
	// columns; 报送截止日期 stays in F3, its label right-aligned to spill
	// into the empty D3.
	merge("A2", "B2", "填报单位：", label)
	merge("C2", "D2", s.Unit, field)
	merge("E2", "F2", "联系人：", label)
	merge("G2", "I2", "", field)
	set("J2", "联系电话：", labelRight)
	merge("K2", "L2", "", field)
	merge("A3", "B3", "分管领导：", label)
	set("C3", "", field)
	set("E3", "报送截止日期：", labelRight)
	if s.ReportBy.IsZero() {
		merge("F3", "G3", "", fieldDate)
	} else {
		merge("F3", "G3", s.ReportBy, fieldDate)
	}
	set("J3", "报送轮次：", labelRight)
	merge("K3", "L3", round, field)
	merge("A4", lastVisible+"4", fmt.Sprintf("说明：请在黄色栏目中填报；“完成状态”从下拉列表中选择（%s）；完成日期填日期。请勿改动任务内容和隐藏列。状态按%s计。",
		joinStatuses(), opt.AsOf.Format("2006年1月2日")), cell)
	f.SetRowHeight(sh, 4, 30)
	for i, c := range columns {
		n, _ := excelize.ColumnNumberToName(i + 1)
		set(fmt.Sprintf("%s%d", n, headerRow), c.head, head)
	}
	r := headerRow
	for i, a := range s.Rows {
		r++
		t := a.Task
		row := func(k string) string { return fmt.Sprintf("%s%d", col(k), r) }
		set(row("seq"), i+1, cell)
		set(row("id"), t.Number(), cell)
		set(row("doc"), a.Notice.DocNumber, cell)
		set(row("text"), t.Text, cell)
		set(row("role"), roleName(a), cell)
		raw := ""
		if t.Deadline != nil {
			raw = t.Deadline.Raw
		}
		set(row("deadline"), raw, cell)
		if d, ok := t.Deadline.Time(); ok {
			set(row("date"), d, date)
		} else {
			set(row("date"), "", date)
		}
		l := duban.LightOf(t, a.Name, opt.AsOf, opt.WarnDays)
		if l == duban.LightNone {
			set(row("light"), "", cell)
		} else {
			set(row("light"), string(l), lights[l])
		}
		p := progressOf(t, a)
		set(row("status"), string(p.Status), fill)
		set(row("detail"), p.Detail, fill)
		set(row("problems"), p.Problems, fill)
		set(row("next"), p.NextSteps, fill)
		if d, err := time.Parse(duban.DateLayout, p.DoneDate); err == nil {
			set(row("done"), d, fillDate)
		} else {
			set(row("done"), "", fillDate)
		}
		set(row("note"), p.Note, fill)
		set(row("key"), Key(s.Slugs[a.Notice], t.ID), 0)
		f.SetRowHeight(sh, r, max(rowHeight(t.Text, textW), rowHeight(p.Detail, width("detail")),
			rowHeight(p.Problems, width("problems")), rowHeight(p.NextSteps, width("next")), rowHeight(a.Notice.DocNumber, width("doc"))))
	}
	first := headerRow + 1
	end := max(r, first)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s%d:%s%d", col("status"), first, col("status"), end))
	var choices []string
	for _, st := range duban.Statuses {
		choices = append(choices, string(st))
	}
	if err := dv.SetDropList(choices); err != nil {
		return nil, err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "完成状态", "请从列表中选择："+joinStatuses())
	if err := f.AddDataValidation(sh, dv); err != nil {
		return nil, err
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
	merge(fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r), "合计", head)
	merge(fmt.Sprintf("C%d", r), fmt.Sprintf("%s%d", lastVisible, r), "", cell)
	f.SetCellFormula(sh, fmt.Sprintf("C%d", r), formula)
	r += 2
	merge(fmt.Sprintf("A%d", r), fmt.Sprintf("C%d", r), "单位负责人签字：", label)
	set(fmt.Sprintf("D%d", r), "", field)
	set(fmt.Sprintf("I%d", r), "（盖章）", label)
	set(fmt.Sprintf("K%d", r), "填报日期：", label)
	merge(fmt.Sprintf("L%d", r), fmt.Sprintf("M%d", r), "", fieldDate)
	f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"})
	// Printing: A4 landscape on narrow margins, fitted to the width of
	// the visible columns only (the print area leaves out the hidden key
	// column), the header row on every page, centred, with page numbers.
	f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: ptr("landscape"), Size: ptr(9), FitToWidth: ptr(1), FitToHeight: ptr(0)})
	f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: ptr(true)})
	f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.5), Bottom: ptr(0.6), Header: ptr(0.2), Footer: ptr(0.3), Horizontally: ptr(true)})
	f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: "&L" + strings.ReplaceAll(s.Unit, "&", "&&") + "重点任务进展情况填报表&C第 &P 页 共 &N 页"})
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, headerRow, headerRow), Scope: sh})
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sh, lastVisible, r), Scope: sh})

	// The hidden sheet: what the sheet is, for whom, for which round.
	f.NewSheet(IDSheet)
	ids := [][]any{{Marker, formatVers}, {"unit", s.Unit}, {"round", round}, {"as_of", opt.AsOf.Format(duban.DateLayout)}}
	if !s.ReportBy.IsZero() {
		ids = append(ids, []any{"report_by", s.ReportBy.Format(duban.DateLayout)})
	}
	ids = append(ids, []any{"key", "notice", "doc_number", "task", "text"})
	for _, a := range s.Rows {
		ids = append(ids, []any{Key(s.Slugs[a.Notice], a.Task.ID), s.Slugs[a.Notice], a.Notice.DocNumber, a.Task.ID, a.Task.Text})
	}
	for i, row := range ids {
		f.SetSheetRow(IDSheet, fmt.Sprintf("A%d", i+1), &row)
	}
	f.SetSheetVisible(IDSheet, false, true)
	f.SetActiveSheet(0)
	return f, nil
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
