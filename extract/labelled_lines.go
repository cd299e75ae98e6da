package extract

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
	st.last.fields = append(st.last.fields, fs...)
	return true
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
