package notation

import (
	"strings"
	"unicode/utf8"
)

// MarkerKind is a style of outline number. A notice nests them in any
// order it likes; the parser gives each kind the depth at which it first
// appears under its parent.
type MarkerKind int

const (
	MarkNone        MarkerKind = iota
	MarkCN                     // 一、 一． 一.
	MarkParenCN                // （一） (一)
	MarkArabic                 // 1. 1、 1．
	MarkParenArabic            // （1） (1)
	MarkArabicParen            // 1） 1)
	MarkCircled                // ①
)

// IsCNNumeral reports whether r is a digit of a Chinese outline number.
func IsCNNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零', '〇', '两':
		return true
	}
	return false
}

// ParseMarker reads the outline number at the start of s: its kind, its
// canonical form (一, （一）, 1, （1）, ①) and the text after it. Decimal
// numbers ("1.5亿元"), years ("2024年") and the like are not markers.
func ParseMarker(s string) (kind MarkerKind, canon, rest string) {
	s = strings.TrimLeftFunc(s, IsSpace)
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r >= '①' && r <= '⑳':
		return MarkCircled, string(r), s[size:]
	case r == '（' || r == '(':
		return parseParenMarker(s, size)
	case IsCNNumeral(r):
		i := 0
		for i < len(s) && i < 12 {
			c, n := utf8.DecodeRuneInString(s[i:])
			if !IsCNNumeral(c) {
				break
			}
			i += n
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		if c == '、' || c == '．' || c == '.' {
			return MarkCN, s[:i], s[i+n:]
		}
	default:
		if _, ok := DigitValue(r); !ok {
			return MarkNone, "", s
		}
		var digits [3]byte // a marker has at most three digits
		nd, i := 0, 0
		for i < len(s) {
			c, n := utf8.DecodeRuneInString(s[i:])
			v, ok := DigitValue(c)
			if !ok {
				break
			}
			if nd == len(digits) {
				return MarkNone, "", s
			}
			digits[nd] = byte('0' + v)
			nd++
			i += n
		}
		num := s[:i] // ASCII digits are their own canonical form
		if i != nd {
			num = string(digits[:nd])
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		after := s[i+n:]
		switch c {
		case '.', '．':
			if next, _ := utf8.DecodeRuneInString(after); next != utf8.RuneError {
				if _, isDigit := DigitValue(next); isDigit && !StartsDate(after) {
					return MarkNone, "", s
				}
			}
			return MarkArabic, num, after
		case '、':
			return MarkArabic, num, after
		case '）', ')':
			return MarkArabicParen, num, after
		}
	}
	return MarkNone, "", s
}

// StartsDate reports whether s opens with a year or a month ("2024年",
// "4 月15日前"): after "1." such digits start the item's text ("1.4月底前，
// 完成…"), as no decimal number is followed by 年 or 月.
func StartsDate(s string) bool {
	digits, i := 0, 0
	for i < len(s) {
		c, n := utf8.DecodeRuneInString(s[i:])
		if _, ok := DigitValue(c); !ok {
			break
		}
		digits++
		i += n
	}
	if digits == 0 || digits > 4 {
		return false
	}
	rest := strings.TrimLeftFunc(s[i:], IsSpace)
	return strings.HasPrefix(rest, "年") || strings.HasPrefix(rest, "月")
}

// parseParenMarker reads "（一）" or "(1)" in s, whose opening bracket is
// size bytes long.
func parseParenMarker(s string, size int) (MarkerKind, string, string) {
	inner := strings.TrimLeftFunc(s[size:], IsSpace)
	i := 0
	cn, arabic := 0, 0
	var buf [48]byte // "（" + at most 12 numerals + "）"
	num := append(buf[:0], "（"...)
	for i < len(inner) {
		c, n := utf8.DecodeRuneInString(inner[i:])
		if v, ok := DigitValue(c); ok {
			arabic++
			num = append(num, byte('0'+v))
		} else if IsCNNumeral(c) {
			cn++
			num = utf8.AppendRune(num, c)
		} else {
			break
		}
		i += n
		if len(num) > len(buf)-3 {
			return MarkNone, "", s[size:]
		}
	}
	if (cn == 0) == (arabic == 0) || len(num)-len("（") > 12 {
		return MarkNone, "", s[size:]
	}
	after := strings.TrimLeftFunc(inner[i:], IsSpace)
	c, n := utf8.DecodeRuneInString(after)
	if c != '）' && c != ')' {
		return MarkNone, "", s[size:]
	}
	if cn == 0 && arabic > 3 {
		return MarkNone, "", s[size:]
	}
	kind := MarkParenArabic
	if cn > 0 {
		kind = MarkParenCN
	}
	num = append(num, "）"...)
	// The common "（一）" written as its canonical form is a piece of s.
	if end := len(num); end <= len(s) && s[:end] == string(num) {
		return kind, s[:end], after[n:]
	}
	return kind, string(num), after[n:]
}
