package extract

import (
	"strings"

	"github.com/duban/duban/internal/notation"
)

// merge adds to p the units and deadline of a bracket group that
// continues p's clause: "（牵头单位：X；配合单位：Y）（完成时限：Z）" is one
// clause written in two brackets, not two tasks.
func (p *taskPart) merge(q taskPart) {
	for _, u := range q.units {
		p.units = addUnit(p.units, u.Name, u.Role)
	}
	p.open = p.open || q.open
	if p.deadline == "" {
		p.deadline = q.deadline
	}
	p.assigned = p.assigned || q.assigned
	if len(q.units) > 0 {
		coUnderLead(p.units)
	}
}

// isPlaceholder reports whether a field's value says there is none: the
// "/", "—" or "无" that task tables and labelled lines put in a field
// left empty.
func isPlaceholder(s string) bool {
	if len(s) > 16 {
		return false // far longer than any placeholder, even with spaces
	}
	if len(s) > 6 && isIdeographByte(s[0]) && len(s) >= 3 && isIdeographByte(s[len(s)-3]) {
		return false // a name: nothing to trim, and longer than any placeholder
	}
	s = strings.TrimFunc(s, func(r rune) bool { return notation.IsSpace(r) || strings.ContainsRune("。；;，,", r) })
	if len(s) > len("——") {
		return false
	}
	switch notation.StripSpace(s) {
	case "", "/", "／", "\\", "-", "－", "—", "——", "–", "无", "暂无", "空", "×", "*", "…":
		return true
	}
	return false
}

// isIdeographByte reports whether c leads a character U+4000–U+9FFF (most
// CJK ideographs) in UTF-8.
func isIdeographByte(c byte) bool { return c >= 0xE4 && c <= 0xE9 }
