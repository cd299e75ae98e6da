package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/notation"
)

// isTitleTail reports whether a line is the end of a title wrapped just
// before it: "的通知", "的实施意见". A title line that already ends like a
// title ("…2025年城市精细化管理工作要点") may go on with it, as the wrap
// fell after a word that also ends titles.
func isTitleTail(s string) bool {
	s = notation.StripSpace(s)
	return strings.HasPrefix(s, "的") && utf8.RuneCountInString(s) <= 10 && hasTitleEnd(s) &&
		!strings.ContainsAny(s, "。；：:，,")
}
