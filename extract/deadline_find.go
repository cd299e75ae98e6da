package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/notation"
)

// findDeadline returns the first completion deadline written in a task's
// own text ("2025年9月底前", "年底前", "印发之日起30日内"), exactly as
// written, or "" when there is none. Only phrases with a completion
// marker count — 前, 底, 末, 内 after a word of time: dates and months
// followed by 前 (6月30日前, 7月中旬前, 10月前), month, quarter and year
// ends (9月底, 三季度末, 2025年底前), 上半年前/年中前, 年内, 2026年前 and
// periods from the notice (印发之日起30日内). Goals ("到2027年"), years of
// documents (2024年度, 〔2022〕), counts (全年不少于4场) and recurring
// times (每年6月底前) do not. A first stage that only starts something
// (6月底前启动) gives way to a later deadline.
//
// The text is scanned for markers and each phrase is read backwards from
// its marker, which costs far less than matching a pattern over the text.
func findDeadline(text string) string {
	first := ""
	for p := 0; p < len(text); {
		i := strings.IndexAny(text[p:], "前底末内")
		if i < 0 {
			break
		}
		m := p + i
		start, end, ok := deadlineAt(text, m)
		_, size := utf8.DecodeRuneInString(text[m:])
		p = max(m+size, end)
		if !ok || !plausibleDeadline(text, start, end) {
			continue
		}
		d := strings.TrimSpace(text[start:end])
		if !startsAfter(text[end:]) {
			return d
		}
		if first == "" {
			first = d
		}
	}
	return first
}

// deadlineAt reads the deadline phrase whose marker (前, 底, 末 or 内)
// starts at byte m of text, and returns its byte span.
func deadlineAt(text string, m int) (start, end int, ok bool) {
	marker, size := utf8.DecodeRuneInString(text[m:])
	end = m + size
	b := &backScanner{s: text, i: m}
	switch marker {
	case '底', '末':
		if !b.periodEnd() {
			return 0, 0, false
		}
		end = skipBefore(text, end) // 底前, 末之前
	case '前':
		b.sp()
		b.one("之以")
		if !b.beforeMarker() {
			return 0, 0, false
		}
	case '内':
		b.sp()
		b.one("之以")
		if !b.within() {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	return b.i, end, true
}

// skipBefore extends a phrase ending at byte end over a following
// 前/之前/以前.
func skipBefore(text string, end int) int {
	rest := strings.TrimLeftFunc(text[end:], notation.IsSpace)
	for _, w := range []string{"之前", "以前", "前"} {
		if strings.HasPrefix(rest, w) {
			return len(text) - len(rest) + len(w)
		}
	}
	return end
}

// backScanner reads text backwards from byte i. Each method consumes what
// it recognises and reports whether it did; on failure it leaves i where
// it was unless said otherwise.
type backScanner struct {
	s string
	i int
}

func (b *backScanner) peek() rune {
	if b.i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(b.s[:b.i])
	return r
}

func (b *backScanner) take() rune {
	r, size := utf8.DecodeLastRuneInString(b.s[:b.i])
	b.i -= size
	return r
}

// sp skips whitespace.
func (b *backScanner) sp() {
	for b.i > 0 && notation.IsSpace(b.peek()) {
		b.take()
	}
}

// one consumes one rune from set.
func (b *backScanner) one(set string) bool {
	if r := b.peek(); r != 0 && strings.ContainsRune(set, r) {
		b.take()
		return true
	}
	return false
}

// word consumes w.
func (b *backScanner) word(w string) bool {
	if strings.HasSuffix(b.s[:b.i], w) {
		b.i -= len(w)
		return true
	}
	return false
}

// digits consumes 1..max Arabic digits (ASCII or full-width) and fails
// if more digits precede them.
func (b *backScanner) digits(max int) (n int, ok bool) {
	save := b.i
	for n < max && notation.IsArabicDigit(b.peek()) {
		b.take()
		n++
	}
	if n == 0 || notation.IsArabicDigit(b.peek()) {
		b.i = save
		return 0, false
	}
	return n, true
}

// month consumes a month number: 1–2 Arabic digits, 十, 十一, 十二 or 一…九.
func (b *backScanner) month() bool {
	if _, ok := b.digits(2); ok {
		return true
	}
	switch r := b.peek(); {
	case r == '十':
		b.take()
		return true
	case strings.ContainsRune("一二三四五六七八九", r):
		b.take()
		if (r == '一' || r == '二') && b.peek() == '十' {
			b.take()
		}
		return true
	}
	return false
}

// day consumes a day number: 1–2 Arabic digits or 一…三十一 in Chinese.
func (b *backScanner) day() bool {
	if _, ok := b.digits(2); ok {
		return true
	}
	r := b.peek()
	if strings.ContainsRune("一二三四五六七八九", r) {
		b.take()
		if b.peek() != '十' {
			return true
		}
	} else if r != '十' {
		return false
	}
	b.take() // 十
	b.one("二三")
	return true
}

// year consumes a four-digit year, Arabic (19xx–21xx) or Chinese (二〇二五).
func (b *backScanner) year() bool {
	save := b.i
	if n, ok := b.digits(4); ok && n == 4 {
		y := b.s[b.i:save]
		y = strings.Map(func(r rune) rune {
			if r >= '０' && r <= '９' {
				return '0' + r - '０'
			}
			return r
		}, y)
		if strings.HasPrefix(y, "19") || strings.HasPrefix(y, "20") || strings.HasPrefix(y, "21") {
			return true
		}
	}
	b.i = save
	for k := 0; k < 4; k++ {
		if !b.one("〇零○一二三四五六七八九") {
			b.i = save
			return false
		}
	}
	if !strings.HasPrefix(b.s[b.i:], "二") {
		b.i = save
		return false
	}
	return true
}

// optYear consumes "YYYY年" before the current position, when present.
func (b *backScanner) optYear() {
	save := b.i
	b.sp()
	if b.one("年") {
		b.sp()
		if b.year() || b.one(yearWords) {
			return
		}
	}
	b.i = save
}

// yearWords name a year relative to the plan's: 今年, 本年, 当年, 明年,
// 次年, 翌年.
const yearWords = "今本当明次翌"

// optYearWord consumes one of yearWords before a consumed 年.
func (b *backScanner) optYearWord() {
	save := b.i
	b.sp()
	if !b.one(yearWords) {
		b.i = save
	}
}

// periodEnd reads what precedes 底/末: 9月, 6-9月, 三季度, 2025年, 上半年.
func (b *backScanner) periodEnd() bool {
	save := b.i
	b.sp()
	switch b.peek() {
	case '月':
		b.take()
		b.sp()
		if !b.month() {
			break
		}
		afterMonth := b.i
		b.sp()
		if b.one("-—–~～至到") {
			b.sp()
			if !b.month() {
				b.i = afterMonth
			}
		} else {
			b.i = afterMonth
		}
		b.optYear()
		return true
	case '度', '季':
		if b.quarter() {
			return true
		}
	case '年':
		b.take()
		if b.halfYear() {
			return true
		}
		afterNian := b.i
		b.sp()
		if b.year() {
			return true
		}
		b.i = afterNian
		b.sp()
		if b.one("年") { // 2025年年底
			b.sp()
			if b.year() {
				return true
			}
		}
		b.i = afterNian
		b.optYearWord()
		return true // 年底, 明年底
	}
	b.i = save
	return false
}

// quarter reads 三季度, 第二季度, 2025年3季 backwards from 度 or 季.
func (b *backScanner) quarter() bool {
	save := b.i
	b.one("度")
	b.sp()
	if !b.one("季") {
		b.i = save
		return false
	}
	b.sp()
	if !b.one("一二三四1234１２３４") {
		b.i = save
		return false
	}
	b.sp()
	b.one("第")
	b.optYear()
	return true
}

// halfYear reads 上半/下半 before a consumed 年, and the year before it.
func (b *backScanner) halfYear() bool {
	save := b.i
	b.sp()
	if b.one("半") {
		b.sp()
		if b.one("上下") {
			b.optYear()
			return true
		}
	}
	b.i = save
	return false
}

// beforeMarker reads what precedes 前: a date (6月30日), a part of a month
// (7月中旬), a month (10月, 10月份), a quarter, a half year (上半年,
// 年中), a month, quarter or year end (9月底前 reached through 前), or a
// year (2026年).
func (b *backScanner) beforeMarker() bool {
	save := b.i
	b.sp()
	switch b.peek() {
	case '日', '号':
		b.take()
		b.sp()
		if b.day() {
			b.sp()
			if b.one("月") {
				b.sp()
				if b.month() {
					b.optYear()
					return true
				}
			}
		}
	case '旬':
		b.take()
		b.sp()
		if b.one("上中下") {
			b.one("上中") // 中下旬
			b.sp()
			if b.one("月") {
				b.sp()
				if b.month() {
					b.optYear()
					return true
				}
			}
		}
	case '底', '末':
		b.take()
		if b.periodEnd() {
			return true
		}
	case '份', '月':
		b.one("份")
		b.sp()
		if b.one("月") {
			b.sp()
			if b.month() {
				b.optYear()
				return true
			}
		}
	case '度', '季':
		if b.quarter() {
			return true
		}
	case '中':
		b.take()
		b.sp()
		if b.one("年") {
			b.optYear()
			return true
		}
	case '年':
		b.take()
		if b.halfYear() {
			return true
		}
		b.sp()
		if b.year() {
			return true
		}
	}
	b.i = save
	return false
}

// relativeAnchors are the events a period in a task's text counts from:
// the notice's own issue. 实施 is not one ("项目实施后3个月内" counts from
// the project).
var relativeAnchors = []string{"印发", "发布", "出台", "下发", "发文", "施行", "公布"}

// within reads what precedes 内: a period from the notice (印发之日起30日,
// 发文后一个月) or a year (年内, 2025年内).
func (b *backScanner) within() bool {
	save := b.i
	b.sp()
	if b.relative() {
		return true
	}
	b.i = save
	b.sp()
	if b.one("年") {
		afterNian := b.i
		b.sp()
		if !b.year() {
			b.i = afterNian
			b.optYearWord()
		}
		return true
	}
	b.i = save
	return false
}

// relative reads "印发之日起30日" backwards: a unit of time, a count, 起
// or 后, and an anchor at most six characters before it.
func (b *backScanner) relative() bool {
	if !(b.word("工作日") || b.word("星期") || b.one("日天周月年")) {
		return false
	}
	b.sp()
	b.one("个")
	b.sp()
	n := 0
	for n < 4 && b.one("0123456789０１２３４５６７８９一二两三四五六七八九十百半") {
		n++
	}
	if n == 0 {
		return false
	}
	b.sp()
	if !b.one("起后") {
		return false
	}
	for k := 0; k <= 6 && b.i > 0; k++ {
		for _, a := range relativeAnchors {
			if b.word(a) {
				return true
			}
		}
		if strings.ContainsRune("，。；,;", b.peek()) {
			return false
		}
		b.take()
	}
	return false
}

// plausibleDeadline rejects matches that are not a task's deadline by what
// precedes or follows them: recurring (每年6月底前), status (截至2024年底),
// a period count (三年内) or the start of a longer span (2024年前三季度).
func plausibleDeadline(text string, start, end int) bool {
	lo := start - 24 // a few characters before the match, in bytes
	if lo < 0 {
		lo = 0
	}
	before := []rune(notation.StripSpace(text[lo:start]))
	for lo > 0 && len(before) > 0 && before[0] == utf8.RuneError {
		before = before[1:] // the cut fell inside a character
	}
	if len(before) > 4 {
		before = before[len(before)-4:]
	}
	b := string(before)
	if strings.Contains(b, "每") || strings.HasSuffix(b, "截至") || strings.HasSuffix(b, "截止") || strings.HasSuffix(b, "截止到") {
		return false
	}
	m := notation.StripSpace(text[start:end])
	if strings.HasPrefix(m, "年") && len(before) > 0 {
		// 三年内, 5年内: a span, not this year; 去年底, 上年末: past.
		p := before[len(before)-1]
		if notation.IsNumeralRune(p) || strings.ContainsRune("个多几近每去上前往昨", p) {
			return false
		}
	}
	if strings.HasSuffix(m, "前") {
		// 2024年前三季度, 6月前两周: 前 opens a span.
		after := []rune(strings.TrimLeftFunc(text[end:], notation.IsSpace))
		if len(after) > 0 && (notation.IsNumeralRune(after[0]) || strings.ContainsRune("半个期后", after[0])) {
			return false
		}
	}
	return true
}

// startsAfter reports whether the text following a deadline says that the
// deadline only starts the work (6月底前启动), so a later one completes it.
func startsAfter(rest string) bool {
	rs := []rune(strings.TrimLeftFunc(rest, func(r rune) bool {
		return notation.IsSpace(r) || strings.ContainsRune("，,、", r)
	}))
	if len(rs) > 6 {
		rs = rs[:6]
	}
	return dlStartRe.MatchString(string(rs)) && !dlCompletionRe.MatchString(string(rs))
}
