package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/notation"
)

// spanHasEnd reports whether a deadline text that starts something ("即日
// 起", "7月起") goes on to say when it ends ("即日起至12月31日", "7月起到
// 年底"): the end is then the deadline, and the text is not ongoing.
func spanHasEnd(s string) bool {
	i := strings.Index(s, "起")
	if i < 0 {
		return false
	}
	rest := strings.TrimLeftFunc(s[i+len("起"):], notation.IsSpace)
	r, n := utf8.DecodeRuneInString(rest)
	if !strings.ContainsRune("至到—–-~～", r) {
		return false
	}
	rest = rest[n:]
	return strings.ContainsAny(rest, "0123456789年月日季")
}
