package notation

// CNDigit gives the value of one digit character: ASCII and full-width
// Arabic digits, and the Chinese digits 〇/零/○/Ｏ, 一…九, 两 and the
// financial forms 壹…玖.
func CNDigit(r rune) (int, bool) {
	if v, ok := DigitValue(r); ok {
		return v, true
	}
	switch r {
	case '〇', '零', '○', 'Ｏ', '◯':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '贰':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// IsNumeralRune reports whether r can be part of a number ParseNumber reads.
func IsNumeralRune(r rune) bool {
	if _, ok := CNDigit(r); ok {
		return true
	}
	switch r {
	case '十', '拾', '百', '佰', '千', '仟':
		return true
	}
	return false
}

// ParseNumber reads a whole non-negative integer written in Arabic digits
// (ASCII or full-width), digit by digit in Chinese (二〇二五), or with
// Chinese place words (十, 十二, 二十, 三十一, 一百零五, 两千). It reports
// false for anything else and for values above 9999.
func ParseNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	rs := []rune(s)
	positional := false
	for _, r := range rs {
		if !IsNumeralRune(r) {
			return 0, false
		}
		if _, ok := CNDigit(r); !ok {
			positional = true
		}
	}
	if !positional {
		if len(rs) > 4 {
			return 0, false
		}
		n := 0
		for _, r := range rs {
			d, _ := CNDigit(r)
			n = n*10 + d
		}
		return n, true
	}
	total, digit := 0, -1
	lastUnit := 10000
	for _, r := range rs {
		if d, ok := CNDigit(r); ok {
			if digit >= 0 && d != 0 && digit != 0 {
				return 0, false // two digits in a row: 二三十
			}
			digit = d
			continue
		}
		unit := 10
		switch r {
		case '百', '佰':
			unit = 100
		case '千', '仟':
			unit = 1000
		}
		if unit >= lastUnit {
			return 0, false // 十百, 十十
		}
		lastUnit = unit
		if digit < 0 {
			if total != 0 || unit != 10 {
				return 0, false // only a leading 十 may omit its 一
			}
			digit = 1
		}
		if digit == 0 {
			return 0, false // 零十
		}
		total += digit * unit
		digit = -1
	}
	if digit > 0 {
		total += digit
	}
	return total, true
}

// The digits of notices, all in this file: IsASCIIDigit (0–9),
// DigitValue and IsArabicDigit (also full-width ０–９), CNDigit (also the
// Chinese digits).

// DigitValue gives the value of an ASCII or full-width digit.
func DigitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// IsASCIIDigit reports whether r is 0–9.
func IsASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// IsArabicDigit reports whether r is an ASCII or full-width digit.
func IsArabicDigit(r rune) bool {
	_, ok := DigitValue(r)
	return ok
}
