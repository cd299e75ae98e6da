package extract

import (
	"github.com/duban/duban/internal/notation"
	"strings"
	"unicode/utf8"
)

// Unit names glued together where a copy dropped the separator
// ("市行政审批局市司法局"): a name is cut where one organisation's name
// ends (局, 委, 办, 中心, 政府, 管委会…) and the next begins with its level
// (市, 区, 县, 省, 州) or 各, when both parts are whole names.

// gluedNameEnds end an organisation's name firmly enough to cut after.
var gluedNameEnds = []string{"局", "委", "办", "厅", "院", "中心", "政府", "管委会", "公司", "队", "所", "站"}

// gluedNameStarts are the levels a glued second name starts with, or 各
// before a level (各乡镇人民政府; not 市政府各部门, where 各 belongs to the
// name).
const gluedNameStarts = "市区县省州各"

// gluedLevels are the levels 各 must be followed by to start a name.
const gluedLevels = "市区县省州乡镇街"

// splitGluedNames cuts name into the whole names glued in it, or returns
// it alone.
func splitGluedNames(name string, out []string) []string {
	if len(name) < 18 { // two names of three characters at least
		return append(out, name)
	}
	for i, r := range name {
		if i < 9 || len(name)-i < 9 || !strings.ContainsRune(gluedNameStarts, r) {
			continue
		}
		head, tail := name[:i], name[i:]
		if r == '各' {
			if next, _ := utf8.DecodeRuneInString(tail[len("各"):]); !strings.ContainsRune(gluedLevels, next) {
				continue
			}
		}
		if !endsWithAny(head, gluedNameEnds) || !hasUnitNameEnd(strings.TrimRightFunc(tail, notation.IsCloseBracket)) ||
			utf8.RuneCountInString(tail) < 3 || strings.ContainsAny(head, "（(") {
			continue
		}
		return splitGluedNames(tail, append(out, head))
	}
	return append(out, name)
}

// separateGluedNames writes 、 between the names glued in a unit cell's
// list ("市行政审批局市司法局" → "市行政审批局、市司法局").
func separateGluedNames(list string) string {
	if len(list) < 18 {
		return list
	}
	var b strings.Builder
	from := 0
	flush := func(end int) {
		piece := list[from:end]
		var buf [4]string
		for i, n := range splitGluedNames(piece, buf[:0]) {
			if i > 0 {
				b.WriteString("、")
			}
			b.WriteString(n)
		}
	}
	depth := 0
	for i, r := range list {
		switch {
		case notation.IsOpenBracket(r):
			depth++
		case notation.IsCloseBracket(r) && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune("、，,；;､﹐﹑﹔", r):
			flush(i)
			b.WriteRune(r)
			from = i + utf8.RuneLen(r)
		}
	}
	flush(len(list))
	return b.String()
}

// splitConjoined cuts names joined by 及 ("州委编办及州直相关单位") when both
// sides are whole organisation names, and by 和 when a collective follows
// ("…等和各有关省级人民政府": the 和 joins the last unit and is not part of
// its name).
func splitConjoined(names []string) []string {
	var out []string
	for i, n := range names {
		var parts []string
		if strings.Contains(n, "及") || strings.Contains(n, "和") {
			parts = cutConjunction(n)
		}
		if parts == nil {
			if out != nil {
				out = append(out, n)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(names)+1), names[:i]...)
		}
		out = append(out, parts...)
	}
	if out == nil {
		return names
	}
	return out
}

// cutConjunction gives the two names of "A及B" / "A和各B", or nil.
func cutConjunction(n string) []string {
	for _, conj := range []string{"和", "及"} {
		if rest, ok := strings.CutPrefix(n, conj); ok && utf8.RuneCountInString(rest) >= 3 && allOrgNames([]string{rest}) {
			return []string{rest} // "…等和各有关省级人民政府"
		}
	}
	for _, conj := range []string{"及", "和各", "以及"} {
		i := strings.Index(n, conj)
		if i <= 0 {
			continue
		}
		a, b := n[:i], n[i+len(conj):]
		if conj == "和各" {
			b = "各" + b
		}
		if conj == "以及" || conj == "及" {
			if utf8.RuneCountInString(a) < 3 || utf8.RuneCountInString(b) < 3 || !allOrgNames([]string{a, b}) {
				continue
			}
		} else if !allOrgNames([]string{b}) {
			continue
		}
		return []string{a, b}
	}
	return nil
}

// cutTrailingDeadline splits a deadline written as the last part of a
// unit list ("州司法局、各县市人民政府,6月底完成") from the list.
func cutTrailingDeadline(list string) (string, string) {
	if !strings.Contains(list, "月") && !strings.Contains(list, "年") && !strings.Contains(list, "季") && !strings.Contains(list, "长期") && !strings.Contains(list, "持续") {
		return list, "" // no deadline word
	}
	i := strings.LastIndexAny(list, "，,；;")
	if i < 0 {
		return list, ""
	}
	_, n := utf8.DecodeRuneInString(list[i:])
	tail := strings.TrimFunc(list[i+n:], notation.IsSpace)
	if !strings.Contains(tail, "月") && !strings.Contains(tail, "年") && !strings.Contains(tail, "季") && !strings.Contains(tail, "长期") && !strings.Contains(tail, "持续") {
		return list, "" // no deadline word: a unit name
	}
	if tail == "" || utf8.RuneCountInString(tail) > 16 || findDeadline(tail) == "" || allOrgNames([]string{tail}) {
		return list, ""
	}
	return list[:i], tail
}

// endsWithAny reports whether s ends with one of sufs.
func endsWithAny(s string, sufs []string) bool {
	for _, suf := range sufs {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
