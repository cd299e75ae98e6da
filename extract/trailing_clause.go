package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
)

// A field clause names a task's units and deadline with labels:
// "（责任单位：市发改委，完成时间：5月底前）" (style 1, any brackets, full- or
// half-width colons and commas) or "(责任单位:局法规处;完成时限:…)"
// (style 4, semicolons). The same labels start the labelled lines of
// style 2 and name the columns of task tables.

// fieldKind is what a labelled field holds.
type fieldKind int

const (
	fieldOther    fieldKind = iota // a label duban does not use (适用范围, 备注)
	fieldUnits                     // a unit list with a role
	fieldDeadline                  // a completion time
)

// clauseField is one labelled value.
type clauseField struct {
	kind  fieldKind
	role  duban.Role
	value string
}

// fieldLabels maps each label to what it holds; longer labels come first
// so that the longest one at a position wins.
var fieldLabels = []struct {
	label string
	kind  fieldKind
	role  duban.Role
}{
	{"牵头单位", fieldUnits, duban.RoleLead},
	{"牵头部门", fieldUnits, duban.RoleLead},
	{"牵头处室", fieldUnits, duban.RoleLead},
	{"牵头科室", fieldUnits, duban.RoleLead},
	{"牵头领导", fieldOther, ""},
	{"牵头", fieldUnits, duban.RoleLead},
	{"配合单位", fieldUnits, duban.RoleCo},
	{"配合部门", fieldUnits, duban.RoleCo},
	{"协办单位", fieldUnits, duban.RoleCo},
	{"协同单位", fieldUnits, duban.RoleCo},
	{"协助单位", fieldUnits, duban.RoleCo},
	{"参与单位", fieldUnits, duban.RoleCo},
	{"参与部门", fieldUnits, duban.RoleCo},
	{"配合处室", fieldUnits, duban.RoleCo},
	{"配合科室", fieldUnits, duban.RoleCo},
	{"协办处室", fieldUnits, duban.RoleCo},
	{"配合", fieldUnits, duban.RoleCo},
	{"责任单位", fieldUnits, duban.RoleResponsible},
	{"责任部门", fieldUnits, duban.RoleResponsible},
	{"责任主体", fieldUnits, duban.RoleResponsible},
	{"负责单位", fieldUnits, duban.RoleResponsible},
	{"负责部门", fieldUnits, duban.RoleResponsible},
	{"承办单位", fieldUnits, duban.RoleResponsible},
	{"主办单位", fieldUnits, duban.RoleResponsible},
	{"实施单位", fieldUnits, duban.RoleResponsible},
	{"落实单位", fieldUnits, duban.RoleResponsible},
	{"主责单位", fieldUnits, duban.RoleResponsible},
	{"责任处室", fieldUnits, duban.RoleResponsible},
	{"责任科室", fieldUnits, duban.RoleResponsible},
	{"主办处室", fieldUnits, duban.RoleResponsible},
	{"承办处室", fieldUnits, duban.RoleResponsible},
	{"完成时间节点", fieldDeadline, ""},
	{"完成时间", fieldDeadline, ""},
	{"完成时限", fieldDeadline, ""},
	{"完成期限", fieldDeadline, ""},
	{"办结时限", fieldDeadline, ""},
	{"时间节点", fieldDeadline, ""},
	{"时限要求", fieldDeadline, ""},
	{"时间安排", fieldDeadline, ""},
	{"进度安排", fieldDeadline, ""},
	{"截止时间", fieldDeadline, ""},
	{"完成日期", fieldDeadline, ""},
	{"推进时限", fieldDeadline, ""},
	{"工作时限", fieldDeadline, ""},
	{"目标时限", fieldDeadline, ""},
	{"进度要求", fieldDeadline, ""},
	{"时间要求", fieldDeadline, ""},
	{"时限", fieldDeadline, ""},
	{"时间", fieldDeadline, ""},
	{"期限", fieldDeadline, ""},
	{"责任人", fieldOther, ""},
	{"联系人", fieldOther, ""},
	{"分管领导", fieldOther, ""},
	{"责任领导", fieldOther, ""},
	{"适用范围", fieldOther, ""},
	{"备注", fieldOther, ""},
}

// labelAt reports whether a field label and its colon start s: the index
// of the label in fieldLabels and the length up to the end of the colon.
func labelAt(s string) (idx, n int, ok bool) {
	if s == "" {
		return 0, 0, false
	}
	r, size := decodeRune(s, 0)
	if r >= labelBitsEnd || labelFirstBits[r>>6]&(1<<(r&63)) == 0 {
		return 0, 0, false
	}
	for _, i := range labelsByFirst[r] {
		rest, found := strings.CutPrefix(s[size:], labelTails[i])
		if !found {
			continue
		}
		t := strings.TrimLeftFunc(rest, isSpace)
		if c, size := utf8.DecodeRuneInString(t); c == '：' || c == ':' {
			return i, len(s) - len(t) + size, true
		}
		// a longer label may still match ("完成时间节点" before "完成时间")
	}
	return 0, 0, false
}

// labelFirstBits marks the first character of every label (all of them
// CJK ideographs below labelBitsEnd), labelsByFirst lists the labels that
// start with each, in fieldLabels order, and labelTails holds each label
// after its first character.
const labelBitsEnd = 0xA000

var (
	labelFirstBits = new([labelBitsEnd / 64]uint64)
	labelsByFirst  = map[rune][]int{}
	labelTails     = make([]string, len(fieldLabels))
)

func init() {
	for i, l := range fieldLabels {
		r, size := utf8.DecodeRuneInString(l.label)
		labelTails[i] = l.label[size:]
		if r < labelBitsEnd {
			labelFirstBits[r>>6] |= 1 << (r & 63)
		}
		labelsByFirst[r] = append(labelsByFirst[r], i)
	}
}

// labelLoc is where one field label stands in a text.
type labelLoc struct {
	start, valueStart, label int
}

// appendLabels appends to locs every field label (with its colon) in s;
// callers lend a buffer on their stack.
func appendLabels(locs []labelLoc, s string) []labelLoc {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if hanRun(s, i) == i {
			// Labels start with an ideograph, or with 【.
			if c == bracketLabelByte {
				if idx, n, ok := labelAtPos(s, i); ok {
					locs = append(locs, labelLoc{i, i + n, idx})
					i += n
					continue
				}
			}
			_, size := decodeRune(s, i)
			i += size
			continue
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if labelFirstBits[r>>6]&(1<<(r&63)) != 0 || mayCoinLabel(s, i) {
			if idx, n, ok := labelAtPos(s, i); ok {
				locs = append(locs, labelLoc{i, i + n, idx})
				i += n
				continue
			}
		}
		i += 3
	}
	return locs
}

// startsWithField reports whether s begins with a field label and colon.
func startsWithField(s string) bool {
	_, _, ok := labelAtPos(s, 0)
	return ok
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
	s = trimFunc(s, quickSpace)
	if !startsWithField(s) {
		return dst, false
	}
	var buf [8]labelLoc
	return appendFieldsAt(dst, s, clauseLabels(s, appendLabels(buf[:0], s))), true
}

// boundaryLabels keeps the labels of s that start a field: the first, and
// those after a separator or bracket.
func boundaryLabels(s string, locs []labelLoc) []labelLoc {
	out := locs[:0] // filtered in place: locs are the caller's to give up
	for _, l := range locs {
		if l.start == 0 || atFieldBoundary(s[:l.start]) || s[l.start] == bracketLabelByte {
			out = append(out, l)
		}
	}
	return out
}

// fieldsAt reads the fields of s that start at locs: each value runs to
// the next label, without the separators around it.
func fieldsAt(s string, locs []labelLoc) []clauseField {
	return appendFieldsAt(make([]clauseField, 0, len(locs)), s, locs)
}

// appendFieldsAt is fieldsAt appending to fs.
func appendFieldsAt(fs []clauseField, s string, locs []labelLoc) []clauseField {
	for i, l := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1].start
		}
		v := trimFunc(s[l.valueStart:end], isFieldSeparator)
		fl := fieldLabels[l.label]
		fs = append(fs, clauseField{kind: fl.kind, role: fl.role, value: v})
	}
	return fs
}

// isFieldSeparator reports whether r may stand between two fields.
func isFieldSeparator(r rune) bool {
	return isClauseSep(r) || r == '、' || quickSpace(r)
}

// atFieldBoundary reports whether a label after before starts a new field.
func atFieldBoundary(before string) bool {
	if n := len(before); n >= 3 && hanRun(before, n-3) == n {
		return false // an ideograph: the common case
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if isSpace(r) {
		return true // "责任单位：X  完成时间：Y"
	}
	return isClauseSep(r) || isOpenBracket(r)
}

// hasUnitOrDeadline reports whether fs name units or a deadline.
func hasUnitOrDeadline(fs []clauseField) bool {
	for _, f := range fs {
		if f.kind != fieldOther && f.value != "" {
			return true
		}
	}
	return false
}

// fieldSegment turns fields into a task part of text.
func (st *parseState) fieldSegment(text string, fs []clauseField) taskPart {
	seg := taskPart{text: text, assigned: true}
	hasLead := false
	for _, f := range fs {
		if f.kind == fieldUnits && f.role == duban.RoleLead && f.value != "" {
			hasLead = true
		}
	}
	for _, f := range fs {
		switch f.kind {
		case fieldDeadline:
			if seg.deadline == "" && !isPlaceholder(f.value) {
				seg.deadline = noSpace(f.value)
			}
		case fieldUnits:
			if v, ok := cutConventionNote(f.value); ok {
				// "责任单位：A、B（列第一位者为牵头单位，下同）"
				f.value = v
				st.leadFirst = true
			}
			role := f.role
			// "牵头单位：X" then "责任单位：Y": Y shares the work under X.
			if role == duban.RoleResponsible && hasLead {
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
	coUnderLead(seg.units)
	st.applyConvention(seg.units)
	return seg
}

// openClauseAssigner takes a field clause at the end of an item whose
// closing bracket is missing ("…。（责任单位：X，完成时间：6月底前") or that
// has no bracket at all ("…。责任单位：X；完成时限：6月底前").
type openClauseAssigner struct{}

func (openClauseAssigner) assign(it *outlineItem, st *parseState) ([]taskPart, bool) {
	text := it.text
	var buf [8]labelLoc
	locs := boundaryLabels(text, appendLabels(buf[:0], text))
	if len(locs) == 0 {
		return nil, false
	}
	fs := fieldsAt(text, locs)
	// useful[i]: the fields from i on name a unit or a deadline
	useful := make([]bool, len(fs)+1)
	for i := len(fs) - 1; i >= 0; i-- {
		useful[i] = useful[i+1] || (fs[i].kind != fieldOther && fs[i].value != "")
	}
	for i, loc := range locs {
		if !useful[i] {
			break
		}
		trimmed := strings.TrimRightFunc(text[:loc.start], isSpace)
		r, n := utf8.DecodeLastRuneInString(trimmed)
		if isOpenBracket(r) {
			trimmed = trimmed[:len(trimmed)-n]
		} else if !isSentenceEnd(r) {
			continue
		}
		clause := append([]clauseField(nil), fs[i:]...)
		last := &clause[len(clause)-1]
		last.value = strings.TrimRightFunc(last.value, func(r rune) bool {
			return isCloseBracket(r) || isSpace(r) || isSentenceEnd(r)
		})
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
