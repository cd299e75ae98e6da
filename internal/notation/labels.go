package notation

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
)

// FieldKind is what a labelled field holds.
type FieldKind int

const (
	FieldOther    FieldKind = iota // a label duban does not use (适用范围, 备注)
	FieldUnits                     // a unit list with a role
	FieldDeadline                  // a completion time
)

// FieldLabels maps each label to what it holds; longer labels come first
// so that the longest one at a position wins.
var FieldLabels = []struct {
	Label string
	Kind  FieldKind
	Role  duban.Role
}{
	{"牵头单位", FieldUnits, duban.RoleLead},
	{"牵头部门", FieldUnits, duban.RoleLead},
	{"牵头处室", FieldUnits, duban.RoleLead},
	{"牵头科室", FieldUnits, duban.RoleLead},
	{"牵头领导", FieldOther, ""},
	{"牵头", FieldUnits, duban.RoleLead},
	{"配合单位", FieldUnits, duban.RoleCo},
	{"配合部门", FieldUnits, duban.RoleCo},
	{"协办单位", FieldUnits, duban.RoleCo},
	{"协同单位", FieldUnits, duban.RoleCo},
	{"协助单位", FieldUnits, duban.RoleCo},
	{"参与单位", FieldUnits, duban.RoleCo},
	{"参与部门", FieldUnits, duban.RoleCo},
	{"配合处室", FieldUnits, duban.RoleCo},
	{"配合科室", FieldUnits, duban.RoleCo},
	{"协办处室", FieldUnits, duban.RoleCo},
	{"配合", FieldUnits, duban.RoleCo},
	{"责任单位", FieldUnits, duban.RoleResponsible},
	{"责任部门", FieldUnits, duban.RoleResponsible},
	{"责任主体", FieldUnits, duban.RoleResponsible},
	{"负责单位", FieldUnits, duban.RoleResponsible},
	{"负责部门", FieldUnits, duban.RoleResponsible},
	{"承办单位", FieldUnits, duban.RoleResponsible},
	{"主办单位", FieldUnits, duban.RoleResponsible},
	{"实施单位", FieldUnits, duban.RoleResponsible},
	{"落实单位", FieldUnits, duban.RoleResponsible},
	{"主责单位", FieldUnits, duban.RoleResponsible},
	{"责任处室", FieldUnits, duban.RoleResponsible},
	{"责任科室", FieldUnits, duban.RoleResponsible},
	{"主办处室", FieldUnits, duban.RoleResponsible},
	{"承办处室", FieldUnits, duban.RoleResponsible},
	{"完成时间节点", FieldDeadline, ""},
	{"完成时间", FieldDeadline, ""},
	{"完成时限", FieldDeadline, ""},
	{"完成期限", FieldDeadline, ""},
	{"办结时限", FieldDeadline, ""},
	{"时间节点", FieldDeadline, ""},
	{"时限要求", FieldDeadline, ""},
	{"时间安排", FieldDeadline, ""},
	{"进度安排", FieldDeadline, ""},
	{"截止时间", FieldDeadline, ""},
	{"完成日期", FieldDeadline, ""},
	{"推进时限", FieldDeadline, ""},
	{"工作时限", FieldDeadline, ""},
	{"目标时限", FieldDeadline, ""},
	{"进度要求", FieldDeadline, ""},
	{"时间要求", FieldDeadline, ""},
	{"时限", FieldDeadline, ""},
	{"时间", FieldDeadline, ""},
	{"期限", FieldDeadline, ""},
	{"责任人", FieldOther, ""},
	{"联系人", FieldOther, ""},
	{"分管领导", FieldOther, ""},
	{"责任领导", FieldOther, ""},
	{"适用范围", FieldOther, ""},
	{"备注", FieldOther, ""},
}

// LabelAt reports whether a field label and its colon start s: the index
// of the label in FieldLabels and the length up to the end of the colon.
func LabelAt(s string) (idx, n int, ok bool) {
	if s == "" {
		return 0, 0, false
	}
	r, size := DecodeRune(s, 0)
	if r >= labelBitsEnd || labelFirstBits[r>>6]&(1<<(r&63)) == 0 {
		return 0, 0, false
	}
	for _, i := range labelsByFirst[r] {
		rest, found := strings.CutPrefix(s[size:], labelTails[i])
		if !found {
			continue
		}
		t := strings.TrimLeftFunc(rest, IsSpace)
		if c, size := utf8.DecodeRuneInString(t); c == '：' || c == ':' {
			return i, len(s) - len(t) + size, true
		}
		// a longer label may still match ("完成时间节点" before "完成时间")
	}
	return 0, 0, false
}

// labelFirstBits marks the first character of every label (all of them
// CJK ideographs below labelBitsEnd), labelsByFirst lists the labels that
// start with each, in FieldLabels order, and labelTails holds each label
// after its first character.
const labelBitsEnd = 0xA000

var (
	labelFirstBits = new([labelBitsEnd / 64]uint64)
	labelsByFirst  = map[rune][]int{}
	labelTails     = make([]string, len(FieldLabels))
)

func init() {
	for i, l := range FieldLabels {
		r, size := utf8.DecodeRuneInString(l.Label)
		labelTails[i] = l.Label[size:]
		if r < labelBitsEnd {
			labelFirstBits[r>>6] |= 1 << (r & 63)
		}
		labelsByFirst[r] = append(labelsByFirst[r], i)
	}
}

// LabelLoc is where one field label stands in a text.
type LabelLoc struct {
	Start, ValueStart, Label int
}

// AppendLabels appends to locs every field label (with its colon) in s;
// callers lend a buffer on their stack.
func AppendLabels(locs []LabelLoc, s string) []LabelLoc {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if HanRun(s, i) == i {
			// Labels start with an ideograph, or with 【.
			if c == BracketLabelByte {
				if idx, n, ok := LabelAtPos(s, i); ok {
					locs = append(locs, LabelLoc{i, i + n, idx})
					i += n
					continue
				}
			}
			_, size := DecodeRune(s, i)
			i += size
			continue
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if labelFirstBits[r>>6]&(1<<(r&63)) != 0 || MayCoinLabel(s, i) {
			if idx, n, ok := LabelAtPos(s, i); ok {
				locs = append(locs, LabelLoc{i, i + n, idx})
				i += n
				continue
			}
		}
		i += 3
	}
	return locs
}

// StartsWithField reports whether s begins with a field label and colon.
func StartsWithField(s string) bool {
	_, _, ok := LabelAtPos(s, 0)
	return ok
}

// IsFieldSeparator reports whether r may stand between two fields.
func IsFieldSeparator(r rune) bool {
	return IsClauseSep(r) || r == '、' || QuickSpace(r)
}

// AtFieldBoundary reports whether a label after before starts a new field.
func AtFieldBoundary(before string) bool {
	if n := len(before); n >= 3 && HanRun(before, n-3) == n {
		return false // an ideograph: the common case
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if IsSpace(r) {
		return true // "责任单位：X  完成时间：Y"
	}
	return IsClauseSep(r) || IsOpenBracket(r)
}
