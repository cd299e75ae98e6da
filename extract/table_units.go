package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// A unit cell of a task table may hold one unit per line: in DOCX each
// line is a paragraph of its own (a clerk pressed Enter between units),
// in a PDF a long list also wraps inside a name ("市商⏎务局"). The lines
// are joined with 、 where one ends with a whole unit name and the next
// starts a new one ("区教育局⏎区卫健委"), and run together elsewhere.

// unitLineStarts are the characters a unit name starts with when it names
// its level or a collective: 市, 县, 区, 省, 各….
const unitLineStarts = "市县区省各镇乡街州盟旗"

// unitCellText is taskCellText for a column of units.
func unitCellText(row []document.Cell, col int) string {
	if col < 0 || col >= len(row) || !strings.Contains(row[col].Text, "\n") {
		return taskCellText(row, col)
	}
	var b strings.Builder
	for _, l := range strings.Split(row[col].Text, "\n") {
		l = strings.TrimFunc(l, notation.IsSpace)
		if l == "" {
			continue
		}
		if b.Len() > 0 && endsWithUnitName(b.String()) && startsUnitName(l) {
			b.WriteString("、")
		}
		b.WriteString(l)
	}
	return b.String()
}

// endsWithUnitName reports whether a line ends with a whole unit name: the
// text after its last separator is at least three characters long and
// ends like an organisation's name.
func endsWithUnitName(l string) bool {
	last := l
	if i := strings.LastIndexAny(l, "、，,；;"); i >= 0 {
		_, n := utf8.DecodeRuneInString(l[i:])
		last = l[i+n:]
	}
	last = notation.StripSpace(last)
	return utf8.RuneCountInString(last) >= 3 && allOrgNames([]string{last})
}

// startsUnitName reports whether a line starts a new unit name.
func startsUnitName(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return strings.ContainsRune(unitLineStarts, r)
}
