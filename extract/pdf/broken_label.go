package pdf

import (
	"unicode/utf8"

	"github.com/duban/duban/internal/notation"
)

// labelBroken reports whether the label that opens next ("时限：") is
// the end of a longer label the line break cut ("…各街道办事处等；完成" ⏎
// "时限：上半年开工"): the last few ideographs of para and the start of
// next read together as a listed label that goes past those ideographs.
// Such a line runs on; the whole label starts its field where it was
// written.
func labelBroken(para, next string) bool {
	// the trailing ideographs of para, at most maxTail of them
	const maxTail = 4
	start := len(para)
	for k := 0; k < maxTail && start > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(para[:start])
		if size != 3 || notation.HanRun(para[start-3:start], 0) != 3 || r == utf8.RuneError {
			break
		}
		start -= 3
	}
	for i := start; i < len(para); i += 3 {
		tail := para[i:]
		if _, n, ok := notation.LabelAt(tail + next); ok && n > len(tail) {
			return true
		}
	}
	return false
}
