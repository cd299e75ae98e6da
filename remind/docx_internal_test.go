package remind

import (
	"testing"
	"unicode/utf8"
)

// The table spans the text width (A4 less the margins of docxTail), and
// at 9 pt (half a point's width for a digit or '-', a full point's for a
// CJK character, and up to 0.65 em for a substituted font's digits) a date
// and a status fit their cells between 3 pt margins.
func TestDOCXColumnWidths(t *testing.T) {
	sum := 0
	for _, w := range docxWidths {
		sum += w
	}
	if text := 11906 - 1474 - 1588; sum > text || sum < text-20 {
		t.Errorf("columns %d twips wide, text %d", sum, text)
	}
	const pt, margins = 20, 120 // twips
	fit := func(col int, s string, em float64) {
		if need := int(em*9*pt) + margins; need > docxWidths[col] {
			t.Errorf("column %s (%d twips) too narrow for %q (%d)", Header[col], docxWidths[col], s, need)
		}
	}
	fit(4, "2024-05-11", 10*0.65)
	fit(6, "2024-05-11", 10*0.65)
	fit(1, "督办编号", float64(utf8.RuneCountInString("督办编号")))
	fit(1, "四（五）1", 4+0.65)
	fit(7, "逾期", 2)
}
