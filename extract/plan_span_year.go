package extract

import (
	"strconv"
	"strings"
)

// spanStartYear gives the first year of a span of years that ends at byte
// offset end of s ("2024—2026年", "2024-2026年", "2024至2026年"): a plan
// over several years starts in its first, so that is the year in which
// its bare month deadlines fall. ok is false when no year and span sign
// come right before end.
func spanStartYear(s string, end int) (int, bool) {
	head := strings.TrimRight(s[:end], " ")
	for _, sign := range []string{"—", "–", "－", "-", "~", "～", "至", "到"} {
		if h, found := strings.CutSuffix(head, sign); found {
			h = strings.TrimRight(h, " ")
			h = strings.TrimSuffix(h, "年")
			if len(h) < 4 {
				return 0, false
			}
			y, err := strconv.Atoi(h[len(h)-4:])
			if err != nil || y < 1900 || y > 2099 {
				return 0, false
			}
			return y, true
		}
	}
	return 0, false
}
