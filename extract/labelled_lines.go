package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/notation"
)

// Style 2: labelled lines under an item.
//
//	1.新建改扩建中小学校3所，新增学位2700个。
//	牵头单位：区教育局
//	责任单位：区发改委、区自然资源和规划局
//	完成时限：2025年8月底前
//
// A 责任单位 line after a 牵头单位 line names the units that work under the
// lead (co), see fieldSegment. One line may also hold several fields
// ("牵头单位：X；配合单位：Y；完成时限：Z").

// labelledLineParser takes a paragraph that starts with a field label and
// gives its fields to the current item.
type labelledLineParser struct{}

func (labelledLineParser) parse(p *bodyPara, st *parseState) bool {
	if p.table != nil || st.last == nil || st.last.fromRow {
		return false
	}
	fs, ok := parseFields(p.text)
	if !ok {
		return false
	}
	if len(st.last.fields) == 0 {
		takeBody(st.last)
		splitGluedFields(st.last)
	}
	st.last.fields = append(st.last.fields, fs...)
	return true
}

// takeBody makes the paragraphs under an item, before its first labelled
// line, part of its text: "（一）推进老旧小区改造" with the work in the
// paragraph under it and the labels after that. The heading is closed
// with "。" as a clerk would write it on one line. Paragraphs after the
// first labelled line (工作措施：…) are not the task's text.
func takeBody(it *outlineItem) {
	if len(it.body) == 0 {
		return
	}
	var w wrapped
	w.add(it.text)
	if last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(it.text, notation.IsSpace)); !strings.ContainsRune("。；;：:！？!?", last) {
		w.add("。")
	}
	for _, b := range it.body {
		w.add(b)
	}
	it.text = w.String()
	it.body = nil
}

// splitGluedFields moves a labelled line that a reader glued to the end of
// the item's text ("1.…完成改造。牵头单位：区住建局", the PDF line before it
// filling the width) back into the item's fields: the first field label
// after a sentence end and outside brackets starts them.
func splitGluedFields(it *outlineItem) {
	text := it.text
	var buf [8]notation.LabelLoc
	for _, loc := range boundaryLabels(text, notation.AppendLabels(buf[:0], text)) {
		before := strings.TrimRightFunc(text[:loc.Start], notation.IsSpace)
		last, _ := utf8.DecodeLastRuneInString(before)
		if loc.Start == 0 || !notation.IsSentenceEnd(last) || notation.OpenBrackets(before) > 0 {
			continue
		}
		fs, ok := parseFields(text[loc.Start:])
		if !ok || !hasUnitOrDeadline(fs) {
			return
		}
		it.text = before
		it.fields = fs
		return
	}
}

// fieldAssigner assigns an item whose fields are already known: from
// labelled lines or from the columns of a task table.
type fieldAssigner struct{}

func (fieldAssigner) assign(it *outlineItem, st *parseState) ([]taskPart, bool) {
	if !hasUnitOrDeadline(it.fields) {
		return nil, false
	}
	return []taskPart{st.fieldSegment(it.text, it.fields)}, true
}
