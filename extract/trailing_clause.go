package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

// A field clause names a task's units and deadline with labels:
// "（责任单位：市发改委，完成时间：5月底前）" (style 1, any brackets, full- or
// half-width colons and commas) or "(责任单位:局法规处;完成时限:…)"
// (style 4, semicolons). The same labels start the labelled lines of
// style 2 and name the columns of task tables.

// clauseField is one labelled value.
type clauseField struct {
	kind  notation.FieldKind
	role  duban.Role
	value string
}

// parseFields reads the labelled fields of s, which must start with a
// label. Each value runs to the next label at a field boundary (after a
// separator or bracket), without the separators around it. ok is false
// when s does not start with a label.
func parseFields(s string) (fs []clauseField, ok bool) {
	return appendFields(nil, s)
}

// appendFields is parseFields appending to dst, so that a caller can lend
// a buffer on its stack.
func appendFields(dst []clauseField, s string) (fs []clauseField, ok bool) {
	s = notation.TrimFunc(s, notation.QuickSpace)
	if !notation.StartsWithField(s) {
		return dst, false
	}
	var buf [8]notation.LabelLoc
	return appendFieldsAt(dst, s, clauseLabels(s, notation.AppendLabels(buf[:0], s))), true
}

// boundaryLabels keeps the labels of s that start a field: the first, and
// those after a separator or bracket.
func boundaryLabels(s string, locs []notation.LabelLoc) []notation.LabelLoc {
	out := locs[:0] // filtered in place: locs are the caller's to give up
	for _, l := range locs {
		if l.Start == 0 || notation.AtFieldBoundary(s[:l.Start]) || s[l.Start] == notation.BracketLabelByte {
			out = append(out, l)
		}
	}
	return out
}

// fieldsAt reads the fields of s that start at locs: each value runs to
// the next label, without the separators around it.
func fieldsAt(s string, locs []notation.LabelLoc) []clauseField {
	return appendFieldsAt(make([]clauseField, 0, len(locs)), s, locs)
}

// appendFieldsAt is fieldsAt appending to fs.
func appendFieldsAt(fs []clauseField, s string, locs []notation.LabelLoc) []clauseField {
	for i, l := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1].Start
		}
		v := notation.TrimFunc(s[l.ValueStart:end], notation.IsFieldSeparator)
		fl := notation.FieldLabels[l.Label]
		fs = append(fs, clauseField{kind: fl.Kind, role: fl.Role, value: v})
	}
	return fs
}

// hasUnitOrDeadline reports whether fs name units or a deadline.
func hasUnitOrDeadline(fs []clauseField) bool {
	for _, f := range fs {
		if f.kind != notation.FieldOther && f.value != "" {
			return true
		}
	}
	return false
}

// fieldSegment turns fields into a task part of text.
func (st *parseState) fieldSegment(text string, fs []clauseField) taskPart {
	seg := taskPart{text: text, assigned: true}
	hasLead, hasCo := false, false
	for _, f := range fs {
		if f.kind == notation.FieldUnits && f.value != "" && !isPlaceholder(f.value) {
			hasLead = hasLead || f.role == duban.RoleLead
			hasCo = hasCo || f.role == duban.RoleCo
		}
	}
	for _, f := range fs {
		switch f.kind {
		case notation.FieldDeadline:
			if seg.deadline == "" && !isPlaceholder(f.value) {
				seg.deadline = noSpace(f.value)
			}
		case notation.FieldUnits:
			if v, dl := cutTrailingDeadline(f.value); dl != "" {
				// "责任单位：X、Y，6月底完成": the deadline closes the list
				f.value = v
				if seg.deadline == "" {
					seg.deadline = noSpace(dl)
				}
			}
			if v, ok := cutConventionNote(f.value); ok {
				// "责任单位：A、B（列第一位者为牵头单位，下同）"
				f.value = v
				st.leadFirst = true
			}
			role := f.role
			// "牵头单位：X" then "责任单位：Y": Y shares the work under X;
			// beside a co field (牵头 | 参与 | 责任) Y stays responsible.
			if role == duban.RoleResponsible && hasLead && !hasCo {
				role = duban.RoleCo
			}
			names, open := st.splitUnits(f.value)
			seg.open = seg.open || open
			if seg.units == nil && len(names) > 0 {
				seg.units = make([]duban.Unit, 0, len(names)+1) // room for a co-unit field
			}
			seg.units = st.addFieldUnits(seg.units, f.value, names, role)
		}
	}
	if !hasCo {
		coUnderLead(seg.units)
	}
	st.applyConvention(seg.units)
	return seg
}

// openClauseAssigner takes a field clause at the end of an item whose
// closing bracket is missing ("…。（责任单位：X，完成时间：6月底前") or that
// has no bracket at all ("…。责任单位：X；完成时限：6月底前").
type openClauseAssigner struct{}

func (openClauseAssigner) assign(it *outlineItem, st *parseState) ([]taskPart, bool) {
	text := it.text
	var buf [8]notation.LabelLoc
	locs := boundaryLabels(text, notation.AppendLabels(buf[:0], text))
	if len(locs) == 0 {
		return nil, false
	}
	fs := fieldsAt(text, locs)
	// useful[i]: the fields from i on name a unit or a deadline
	useful := make([]bool, len(fs)+1)
	for i := len(fs) - 1; i >= 0; i-- {
		useful[i] = useful[i+1] || (fs[i].kind != notation.FieldOther && fs[i].value != "")
	}
	for i, loc := range locs {
		if !useful[i] {
			break
		}
		trimmed := strings.TrimRightFunc(text[:loc.Start], notation.IsSpace)
		r, n := utf8.DecodeLastRuneInString(trimmed)
		if notation.IsOpenBracket(r) {
			trimmed = trimmed[:len(trimmed)-n]
		} else if !notation.IsSentenceEnd(r) {
			continue
		}
		clause := append([]clauseField(nil), fs[i:]...)
		last := &clause[len(clause)-1]
		last.value = strings.TrimRightFunc(last.value, func(r rune) bool {
			return notation.IsCloseBracket(r) || notation.IsSpace(r) || notation.IsSentenceEnd(r)
		})
		if last.kind == notation.FieldUnits && notation.IsOpenBracket(r) {
			// the bracket never closes: the text was cut, maybe inside
			// the last name ("县发改局（粮食局）、县农业农")
			last.value = trimCutName(last.value)
		}
		return []taskPart{st.fieldSegment(trimmed, clause)}, true
	}
	return nil, false
}

// addUnit appends a unit unless the list names it already.
func addUnit(us []duban.Unit, name string, role duban.Role) []duban.Unit {
	for _, u := range us {
		if u.Name == name {
			return us
		}
	}
	return append(us, duban.Unit{Name: name, Role: role})
}
