package extract

import (
	"regexp"
	"time"

	"github.com/duban/duban/internal/notation"
)

// numeralClass matches one character of a number in Arabic or Chinese
// numerals, as notation.ParseNumber reads them.
const numeralClass = `[0-9０-９〇零○Ｏ◯一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾百]`

var (
	cnDateRe  = regexp.MustCompile(`^(` + numeralClass + `{2,4})年(` + numeralClass + `{1,3})月(` + numeralClass + `{1,3})[日号]$`)
	isoDateRe = regexp.MustCompile(`^([0-9]{4})[-./／．\-–—]([0-9]{1,2})[-./／．\-–—]([0-9]{1,2})$`)
)

// parseDate reads a date written as 2024年5月11日 (any whitespace inside),
// 二〇二五年二月十八日 (Chinese numerals, 〇/零/○, 十/二十/三十一),
// 2024-05-11 or 2024.5.11. The whole string, whitespace removed, must be
// the date; dates that do not exist (2月30日) are rejected.
func parseDate(s string) (time.Time, bool) {
	s = notation.StripSpace(s)
	var ys, ms, ds string
	if m := cnDateRe.FindStringSubmatch(s); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else if m := isoDateRe.FindStringSubmatch(s); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else {
		return time.Time{}, false
	}
	y, ok1 := notation.ParseNumber(ys)
	mo, ok2 := notation.ParseNumber(ms)
	d, ok3 := notation.ParseNumber(ds)
	if !ok1 || !ok2 || !ok3 || len([]rune(ys)) != 4 {
		return time.Time{}, false
	}
	return makeDate(y, mo, d)
}

// makeDate builds a date, rejecting days and months that do not exist and
// years outside 1900–2999.
func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// monthEnd is the last day of month m of year y.
func monthEnd(y, m int) time.Time {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
}
