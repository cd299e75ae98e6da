package extract

import (
	"unicode/utf8"

	"github.com/duban/duban/internal/notation"
)

// clauseLabels keeps the labels of a field clause s (which starts with a
// label) that start a field: those boundaryLabels keeps, and the full
// labels of units and deadlines glued to the value before them without a
// separator ("牵头单位：市发改委配合单位：市财政局完成时限：6月底前", as a
// conversion that drops line breaks writes labelled lines). Short labels
// (牵头, 时间) and labels of other fields are not taken inside a value.
func clauseLabels(s string, locs []notation.LabelLoc) []notation.LabelLoc {
	out := locs[:0] // filtered in place: locs are the caller's to give up
	for _, l := range locs {
		if l.Start == 0 || notation.AtFieldBoundary(s[:l.Start]) || s[l.Start] == notation.BracketLabelByte || gluedLabel(l) {
			out = append(out, l)
		}
	}
	return out
}

// gluedLabel reports whether a label may start a field with no separator
// before it: a unit or deadline label of four characters or more.
func gluedLabel(l notation.LabelLoc) bool {
	fl := notation.FieldLabels[l.Label]
	return fl.Kind != notation.FieldOther && utf8.RuneCountInString(fl.Label) >= 4
}
