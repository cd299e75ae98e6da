package extract

import "unicode/utf8"

// clauseLabels keeps the labels of a field clause s (which starts with a
// label) that start a field: those boundaryLabels keeps, and the full
// labels of units and deadlines glued to the value before them without a
// separator ("牵头单位：市发改委配合单位：市财政局完成时限：6月底前", as a
// conversion that drops line breaks writes labelled lines). Short labels
// (牵头, 时间) and labels of other fields are not taken inside a value.
func clauseLabels(s string, locs []labelLoc) []labelLoc {
	out := locs[:0] // filtered in place: locs are the caller's to give up
	for _, l := range locs {
		if l.start == 0 || atFieldBoundary(s[:l.start]) || s[l.start] == bracketLabelByte || gluedLabel(l) {
			out = append(out, l)
		}
	}
	return out
}

// gluedLabel reports whether a label may start a field with no separator
// before it: a unit or deadline label of four characters or more.
func gluedLabel(l labelLoc) bool {
	fl := fieldLabels[l.label]
	return fl.kind != fieldOther && utf8.RuneCountInString(fl.label) >= 4
}
