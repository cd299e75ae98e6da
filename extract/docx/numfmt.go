package docx

import (
	"strconv"
	"strings"
)

// formatListNumber writes v in one of Word's number formats (w:numFmt,
// ECMA-376 ST_NumberFormat); a format it does not know, or a value out of
// the format's range, is written in decimal.
func formatListNumber(v int, f string) string {
	switch f {
	case "none", "bullet":
		return ""
	case "chineseCounting", "taiwaneseCounting":
		// 一 … 九十九, then digit by digit: 一〇〇
		if v < 100 {
			if s, ok := cnCount(v, cnLower); ok {
				return s
			}
		}
		return cnDigits(v)
	case "chineseCountingThousand", "taiwaneseCountingThousand":
		if s, ok := cnCount(v, cnLower); ok {
			return s
		}
	case "chineseLegalSimplified":
		if s, ok := cnCount(v, cnLegal); ok {
			return s
		}
	case "ideographLegalTraditional":
		if s, ok := cnCount(v, cnLegalTraditional); ok {
			return s
		}
	case "ideographDigital", "taiwaneseDigital":
		return cnDigits(v)
	case "ideographTraditional":
		return cycle(v, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cycle(v, "子丑寅卯辰巳午未申酉戌亥")
	case "ideographEnclosedCircle":
		if v >= 1 && v <= 10 {
			return string(rune('㈠' + v - 1))
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		switch {
		case v >= 1 && v <= 20:
			return string(rune('①' + v - 1))
		case v >= 21 && v <= 35:
			return string(rune('㉑' + v - 21))
		case v >= 36 && v <= 50:
			return string(rune('㊱' + v - 36))
		}
	case "decimalEnclosedParen":
		if v >= 1 && v <= 20 {
			return string(rune('⑴' + v - 1))
		}
	case "decimalEnclosedFullstop":
		if v >= 1 && v <= 20 {
			return string(rune('⒈' + v - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, r := range strconv.Itoa(v) {
			b.WriteRune(r - '0' + '０')
		}
		return b.String()
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "upperLetter", "lowerLetter":
		if v >= 1 && v <= 26*4 {
			s := strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
			if f == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if s := roman(v); s != "" {
			if f == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(v)
}

// customNumFormat maps the sample of a w:numFmt w:val="custom"
// ("01, 02, 03, ...", "一, 二, 三, ...") to the standard format that
// writes the same numbers, or "" when there is none.
func customNumFormat(sample string) string {
	first, _, _ := strings.Cut(sample, ",")
	switch strings.TrimSpace(first) {
	case "1":
		return "decimal"
	case "01":
		return "decimalZero"
	case "１":
		return "decimalFullWidth"
	case "①":
		return "decimalEnclosedCircle"
	case "⑴":
		return "decimalEnclosedParen"
	case "⒈":
		return "decimalEnclosedFullstop"
	case "一":
		return "chineseCountingThousand"
	case "壹":
		return "chineseLegalSimplified"
	case "甲":
		return "ideographTraditional"
	case "子":
		return "ideographZodiac"
	case "㈠":
		return "ideographEnclosedCircle"
	case "a":
		return "lowerLetter"
	case "A":
		return "upperLetter"
	case "i":
		return "lowerRoman"
	case "I":
		return "upperRoman"
	}
	return ""
}

// cnNumerals is one way of writing Chinese numbers: the digits 0–9, the
// units 十 百 千, the unit 万, and whether 10–19 are written with a
// leading one (壹拾 in legal forms, 十 in everyday ones).
type cnNumerals struct {
	digits [10]string
	units  [3]string
	wan    string
	tenOne bool
}

var (
	cnLower = cnNumerals{
		digits: [10]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
		units:  [3]string{"十", "百", "千"}, wan: "万",
	}
	cnLegal = cnNumerals{
		digits: [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
		units:  [3]string{"拾", "佰", "仟"}, wan: "万", tenOne: true,
	}
	cnLegalTraditional = cnNumerals{
		digits: [10]string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"},
		units:  [3]string{"拾", "佰", "仟"}, wan: "萬", tenOne: true,
	}
)

// cnCount writes 1–99999999 in counting form: 十一, 一百一十, 一千零一,
// 一万零五百.
func cnCount(v int, n cnNumerals) (string, bool) {
	if v < 1 || v >= 100000000 {
		return "", false
	}
	var b strings.Builder
	if hi := v / 10000; hi > 0 {
		cnGroup(&b, hi, n, true)
		b.WriteString(n.wan)
		if lo := v % 10000; lo > 0 {
			if lo < 1000 {
				b.WriteString(n.digits[0])
			}
			cnGroup(&b, lo, n, false)
		}
		return b.String(), true
	}
	cnGroup(&b, v, n, true)
	return b.String(), true
}

// cnGroup writes 1–9999; leading says the group opens the number (where
// 10–19 may drop their 一).
func cnGroup(b *strings.Builder, v int, n cnNumerals, leading bool) {
	pow := [4]int{1, 10, 100, 1000}
	wrote, zero := false, false
	for pos := 3; pos >= 0; pos-- {
		d := v / pow[pos] % 10
		if d == 0 {
			zero = zero || wrote
			continue
		}
		if zero {
			b.WriteString(n.digits[0])
			zero = false
		}
		if !(pos == 1 && d == 1 && !wrote && leading && !n.tenOne) {
			b.WriteString(n.digits[d])
		}
		if pos > 0 {
			b.WriteString(n.units[pos-1])
		}
		wrote = true
	}
}

// cnDigits writes v digit by digit: 一〇〇.
func cnDigits(v int) string {
	digits := []rune("〇一二三四五六七八九")
	var b strings.Builder
	for _, r := range strconv.Itoa(v) {
		if r >= '0' && r <= '9' {
			b.WriteRune(digits[r-'0'])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cycle writes v as one of set's characters, starting again after the
// last.
func cycle(v int, set string) string {
	rs := []rune(set)
	if v < 1 {
		return strconv.Itoa(v)
	}
	return string(rs[(v-1)%len(rs)])
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return ""
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}

// FormatListNumber writes v in one of Word's number formats
// (ST_NumberFormat names: "decimal", "chineseCounting", …) as list
// numbers show it; the .doc reader numbers its lists with it too.
func FormatListNumber(v int, format string) string { return formatListNumber(v, format) }
