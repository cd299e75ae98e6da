package notation

import (
	"strings"
	"unicode/utf8"
)

// Notices coin their own field labels: 牵头责任单位, 主要责任单位,
// 牵头部门（单位）, 责任单位（牵头）, 配合责任单位, 责任股室, 推进时限,
// 完成节点. A label that FieldLabels does not list is read by its words,
// as the columns of a task table are: 领导/责任人/联系人 name people (not
// units), 牵头 a lead, 配合/协同/参与… co units, 责任/负责/承办… with a
// unit noun at the end responsible units, and 时限/时间/期限/节点 a
// deadline.

// LabelAtPos is LabelAt for s[i:], which also reads a coined label where
// a field may start (at i == 0, or after a separator or bracket): inside
// running text a coined label cannot be told from words that end before
// a listed one ("县妇联完成时限：" is 县妇联, then 完成时限).
func LabelAtPos(s string, i int) (idx, n int, ok bool) {
	if idx, n, ok = LabelAt(s[i:]); ok || i >= len(s) {
		return idx, n, ok
	}
	if s[i] == BracketLabelByte {
		return bracketLabel(s[i:])
	}
	if MayCoinLabel(s, i) {
		return CompoundLabel(s[i:])
	}
	return 0, 0, false
}

// BracketLabelByte is the first byte of 【 (and of the other CJK
// brackets U+3008–U+3011, which bracketLabel tells apart).
const BracketLabelByte = 0xE3

// bracketLabel reads a label written in 【】 instead of before a colon:
// "【责任单位】市发改委【完成时限】6月底前". n covers the closing 】; the
// field starts at any 【label】, separator or not.
func bracketLabel(s string) (idx, n int, ok bool) {
	inner, found := strings.CutPrefix(s, "【")
	if !found {
		return 0, 0, false
	}
	end := strings.Index(inner, "】")
	if end < 0 || end > 4*maxCompoundLabel {
		return 0, 0, false
	}
	word := StripSpace(inner[:end])
	if idx, n, ok = LabelAt(word + "："); !ok || n != len(word+"：") {
		if idx, n, ok = CompoundLabel(word + "："); !ok || n != len(word+"：") {
			return 0, 0, false
		}
	}
	return idx, len("【") + end + len("】"), true
}

// maxCompoundLabel bounds the length of a coined label, in runes.
const maxCompoundLabel = 10

// CompoundLabel reads a coined label and its colon at the start of s; idx
// is the FieldLabels entry that holds the same kind of field.
func CompoundLabel(s string) (idx, n int, ok bool) {
	if w := s[:min(len(s), 4*maxCompoundLabel)]; !strings.Contains(w, "：") && strings.IndexByte(w, ':') < 0 {
		return 0, 0, false // no colon near enough
	}
	end, runes := -1, 0
	for i, r := range s {
		if r == '：' || r == ':' {
			end = i
			break
		}
		runes++
		if runes > maxCompoundLabel || !(IsCJK(r) || IsOpenBracket(r) || IsCloseBracket(r)) || strings.ContainsRune("，。；、：", r) {
			return 0, 0, false
		}
	}
	if end < 0 || runes < 3 {
		return 0, 0, false
	}
	label, ok := ClassifyLabel(s[:end])
	// People's labels take any start (督办领导, 包抓领导) when they are
	// long enough not to be a cut word's tail.
	if !ok || !startsLabelWord(s) && (label != otherLabel || runes < 4) {
		return 0, 0, false
	}
	_, size := utf8.DecodeRuneInString(s[end:])
	return label, end + size, true
}

// startsLabelWord reports whether s starts like a label: with the first
// character of a listed label (牵, 配, 责, 完…) or with a level (县级, 市级),
// not with a bracket or the tail of a word a line break cut ("成时间：").
func startsLabelWord(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if r < labelBitsEnd && labelFirstBits[r>>6]&(1<<(r&63)) != 0 {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[n:])
	return strings.ContainsRune("省市县区乡镇", r) && next == '级'
}

// ClassifyLabel finds the FieldLabels entry whose kind of field w names.
func ClassifyLabel(w string) (int, bool) {
	switch {
	case ContainsAnyOf(w, "领导", "责任人", "联系人", "联络员", "督办", "备注"):
		return otherLabel, true
	case strings.Contains(w, "牵头"):
		return leadLabel, true
	case ContainsAnyOf(w, "配合", "协同", "协办", "协助", "协作", "参与", "参加"):
		return coLabel, true
	case ContainsAnyOf(w, "责任", "负责", "承办", "主办", "主责", "落实", "实施") && hasUnitNounEnd(w):
		return responsibleLabel, true
	case ContainsAnyOf(w, "时限", "期限", "节点", "时点") || strings.HasSuffix(w, "时间") || w == "时间进度" || w == "进度要求":
		return deadlineLabel, true
	}
	return 0, false
}

// The FieldLabels entries coined labels stand for.
var (
	otherLabel       = labelIndex("责任领导")
	leadLabel        = labelIndex("牵头单位")
	coLabel          = labelIndex("配合单位")
	responsibleLabel = labelIndex("责任单位")
	deadlineLabel    = labelIndex("完成时限")
)

// hasUnitNounEnd reports whether a label ends with a noun for units:
// 单位, 部门, 处室, 科室, 股室, 主体, 机构, or a bracket ("责任部门（单位）").
func hasUnitNounEnd(w string) bool {
	for _, e := range []string{"单位", "部门", "处室", "科室", "股室", "主体", "机构", "）", ")"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// labelIndex is the index of a label in FieldLabels.
func labelIndex(label string) int {
	for i, l := range FieldLabels {
		if l.Label == label {
			return i
		}
	}
	panic("extract: no field label " + label) // at package init: a typo above
}

// MayCoinLabel reports whether a label not listed may start at s[i]: a
// 【 (bracketLabel), or an ideograph where a field may start (a coined
// label). AppendLabels asks it for the characters that start no listed
// label.
func MayCoinLabel(s string, i int) bool {
	c := s[i]
	if c == BracketLabelByte {
		return true
	}
	if c < 0xE4 || c > 0xE9 {
		return false // coined labels start with an ideograph
	}
	if i == 0 {
		return true
	}
	// After an ideograph (most of the text) no field starts: tested on
	// the bytes, as this runs for every character of every item. The
	// boundaries are ASCII or lead with 0xE3 (。〔【, U+3000) or 0xEF (，；（).
	if p := s[i-1]; p >= 0x80 && (i < 3 || s[i-3] != 0xE3 && s[i-3] != 0xEF) {
		return false
	}
	return AtFieldBoundary(s[:i])
}
