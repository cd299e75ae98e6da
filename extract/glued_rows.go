package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// A task table whose copy dropped every cell separator: the header is one
// run of column names ("序号…落实措施牵头单位责任单位完成时限备注") and each
// row's units and deadline are glued to the end of its text
// ("…进行督办。市行政审批局市司法局市级相关单位,各区县政府、西咸新区管委会2022年9月底").
// The rows still start with their outline numbers, so the outline parser
// reads them as items; the header says which unit columns follow the
// text, in order, and whether a deadline ends the row.
//
// A cell's names keep their separators (、 ,), while names glued with none
// met at a line break inside a cell or at a cell boundary; the last cell
// is the run joined by separators at the end, so with two unit columns
// the cells part at the last glue point.

// gluedColumnLabels are the column names a glued header is read for.
var gluedColumnLabels = []string{
	"牵头单位", "牵头部门", "责任单位", "责任部门", "配合单位", "配合部门", "参与单位", "协办单位", "承办单位",
	"完成时限", "完成时间", "时间节点", "时间安排", "备注", "序号",
}

// gluedCols is what a glued header says of the rows' ends.
type gluedCols struct {
	units    []notation.UnitCol // in order
	deadline bool
}

// readGluedHeader reads a paragraph as a glued header: short, without
// spaces or bars, holding at least one unit column and ending with a
// column name.
func readGluedHeader(s string) (gluedCols, bool) {
	var g gluedCols
	if !strings.Contains(s, "单位") && !strings.Contains(s, "部门") || utf8.RuneCountInString(s) > 80 || strings.ContainsAny(s, " |\t\u3000") || notation.ContainsAnyRune(s, "。；;，,") {
		return g, false
	}
	var names []string
	for i := 0; i < len(s); {
		found := false
		for _, l := range gluedColumnLabels {
			if strings.HasPrefix(s[i:], l) {
				names = append(names, l)
				i += len(l)
				found = true
				break
			}
		}
		if !found {
			if len(names) > 0 && names[len(names)-1] != "" {
				names = append(names, "") // text between names: a text column
			}
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
	if len(names) < 3 || names[len(names)-1] == "" {
		return g, false
	}
	row := make([]document.Cell, 0, len(names)+1)
	row = append(row, document.Cell{Text: "工作任务"})
	for _, n := range names {
		if n != "" && n != "序号" {
			row = append(row, document.Cell{Text: n})
		}
	}
	cols, ok := notation.TableHeader(row)
	if !ok || len(cols.Units) == 0 {
		return g, false
	}
	g.units = cols.Units
	g.deadline = cols.Deadline >= 0
	return g, true
}

// takeGluedHeader removes a glued header from the paragraphs before the
// first numbered one and returns what it says.
func takeGluedHeader(ps []bodyPara) ([]bodyPara, *gluedCols) {
	for i, p := range ps {
		if p.table != nil {
			break
		}
		if k, _, _ := notation.ParseMarker(p.text); k != notation.MarkNone {
			break
		}
		if g, ok := readGluedHeader(notation.TrimFunc(p.text, notation.IsSpace)); ok {
			cols := new(gluedCols) // g itself stays on the stack
			*cols = g
			return append(ps[:i:i], ps[i+1:]...), cols
		}
	}
	return ps, nil
}

// gluedDeadlineRe matches a deadline glued to a row's end.
var gluedDeadlineRe = regexp.MustCompile(`(?:(?:19|20)\d\d年)?(?:(?:1[0-2]|0?[1-9])月(?:[0-3]?\d日|上旬|中旬|下旬|底|末|份)?|年底|年内|长期坚持|持续推进|长期)(?:前)?$`)

// gluedTailAssigner reads the units and deadline glued to an item's end
// under a glued header.
type gluedTailAssigner struct{ cols *gluedCols }

func (a gluedTailAssigner) assign(it *outlineItem, st *parseState) ([]taskPart, bool) {
	text := it.text
	cut := strings.LastIndexAny(text, "。；;")
	if cut < 0 {
		return nil, false
	}
	_, n := utf8.DecodeRuneInString(text[cut:])
	head, tail := text[:cut+n], strings.TrimFunc(text[cut+n:], notation.IsSpace)
	if tail == "" {
		return nil, false
	}
	var deadline string
	if a.cols.deadline {
		if loc := gluedDeadlineRe.FindStringIndex(tail); loc != nil && loc[0] > 0 {
			tail, deadline = tail[:loc[0]], tail[loc[0]:]
		}
	}
	cells, ok := gluedUnitCells(tail, len(a.cols.units))
	if !ok {
		return nil, false
	}
	fields := make([]clauseField, 0, len(cells)+1)
	for i, c := range cells {
		if c != "" {
			fields = append(fields, clauseField{kind: notation.FieldUnits, role: a.cols.units[i].Role, value: c})
		}
	}
	if deadline != "" {
		fields = append(fields, clauseField{kind: notation.FieldDeadline, value: deadline})
	}
	it.fields = append(it.fields, fields...)
	return []taskPart{st.fieldSegment(head, it.fields)}, true
}

// gluedUnitCells parts a run of unit names into k cells (see above); ok
// is false unless every name is a whole organisation's name.
func gluedUnitCells(s string, k int) ([]string, bool) {
	type name struct {
		text  string
		glued bool // glued to the name before it, with no separator
	}
	var names []name
	for _, run := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,；;", r) }) {
		run = strings.TrimFunc(run, notation.IsSpace)
		var buf [4]string
		for j, n := range splitGluedNames(run, buf[:0]) {
			names = append(names, name{n, j > 0})
		}
	}
	if len(names) == 0 {
		return nil, false
	}
	for _, n := range names {
		if utf8.RuneCountInString(n.text) < 3 || strings.ContainsFunc(n.text, notation.IsSpace) || !allOrgNames([]string{n.text}) {
			return nil, false
		}
	}
	cells := make([]string, k)
	boundary := len(names) // the first name of the last cell
	if k > 1 {
		for j := len(names) - 1; j > 0; j-- {
			if names[j].glued {
				boundary = j
				break
			}
		}
	}
	for j, n := range names {
		c := 0
		if j >= boundary {
			c = k - 1
		}
		if cells[c] != "" {
			cells[c] += "、"
		}
		cells[c] += n.text
	}
	return cells, true
}
