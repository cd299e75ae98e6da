package sheet

import (
	"strconv"
	"strings"
	"time"
)

// DateText writes a date cell the way notices write dates (2025年6月30日),
// which the deadline parser reads.
func DateText(t time.Time) string {
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

// NumberText writes a number cell without float noise: 1 not 1.0, 0.95
// not 0.9500000000000001.
func NumberText(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// IsDateFormat reports whether a number format shows a date: one of
// Excel's built-in date formats (id), or a format code with a year, month
// or day and no time of day.
func IsDateFormat(id int, code string) bool {
	switch {
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id >= 34 && id <= 36, id >= 50 && id <= 58:
		return true
	case code == "":
		return false
	}
	// Quoted literals, escapes and colours hold no date parts.
	var b strings.Builder
	quoted := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == '[':
			if j := strings.IndexByte(code[i:], ']'); j > 0 {
				i += j
			}
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	s := b.String()
	if strings.ContainsAny(s, "hs") || strings.Contains(s, "0") && !strings.ContainsAny(s, "yd") {
		return false
	}
	return strings.ContainsAny(s, "yd") || strings.Contains(s, "m") && !strings.Contains(s, "#")
}

// ExcelDate converts an Excel date serial (1900 system; 1904 when the
// workbook says so) to a date; ok is false out of Excel's range.
func ExcelDate(serial float64, date1904 bool) (time.Time, bool) {
	if serial < 1 || serial > 2958465 { // 9999-12-31
		return time.Time{}, false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if serial < 61 {
		serial++ // Excel's phantom 1900-02-29
	}
	return base.AddDate(0, 0, int(serial)), true
}
