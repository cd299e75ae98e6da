package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

// arabicNumerals rewrites the numbers of a deadline text to ASCII digits:
// full-width digits, and runs of Chinese numerals that count years,
// months, days, quarters or periods (二〇二五年, 十月, 三季度, 一个月,
// 三十日). Other Chinese numerals (统一) stay.
func arabicNumerals(s string) string {
	if asciiNumbers(s) {
		return s
	}
	return convertNumerals(s)
}

// convertNumerals is arabicNumerals without the check for text that has
// nothing to convert.
func convertNumerals(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); {
		if !notation.IsNumeralRune(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && notation.IsNumeralRune(rs[j]) {
			j++
		}
		run := string(rs[i:j])
		if j < len(rs) && strings.ContainsRune("年月日号个天周季旬工星", rs[j]) {
			if n, ok := notation.ParseNumber(run); ok {
				b.WriteString(strconv.Itoa(n))
				i = j
				continue
			}
		}
		// Keep the run, but still turn full-width digits into ASCII.
		for _, r := range rs[i:j] {
			if r >= '０' && r <= '９' {
				r = '0' + (r - '０')
			}
			b.WriteRune(r)
		}
		i = j
	}
	return b.String()
}

// asciiNumbers reports whether the only numerals of s are ASCII digit
// runs without leading zeros, which arabicNumerals leaves as they are (and
// s is valid UTF-8, which it would repair).
func asciiNumbers(s string) bool {
	prevDigit := false
	for _, r := range s {
		digit := r >= '0' && r <= '9'
		if digit && r == '0' && !prevDigit || !digit && notation.IsNumeralRune(r) || r == utf8.RuneError {
			return false
		}
		prevDigit = digit
	}
	return true
}

var (
	dlYearRe       = regexp.MustCompile(`((?:19|20|21)\d\d)年(?:度)?`)
	dlDottedRe     = regexp.MustCompile(`((?:19|20|21)\d\d)[.．/／\-](\d{1,2})(?:[.．/／\-](\d{1,2}))?(\D|$)`)
	dlNextYearRe   = regexp.MustCompile(`明年|次年|翌年`)
	dlLastYearRe   = regexp.MustCompile(`去年|上年`)
	dlLabelRe      = regexp.MustCompile(`^(?:完成|办结)?(?:时间|时限|期限|日期)[:：]`)
	dlRecurringRe  = regexp.MustCompile(`每(?:年|半|季|月|周|旬|日|天|个|\d)|按(?:季|月|年|周|半年|旬|期报送)|定期|逐月|逐季|逐年`)
	dlRelativeRe   = regexp.MustCompile(`(\d{1,3}|半)(个)?(工作日|日|天|周|星期|月|年)(?:内|以内|之内|前)?`)
	dlDateRe       = regexp.MustCompile(`(\d{1,2})月(\d{1,2})[日号]`)
	dlMonthPartRe  = regexp.MustCompile(`(\d{1,2})月(?:份)?(?:上|中)?(上|中|下)旬`) // 中下旬: 下旬
	dlMonthMidRe   = regexp.MustCompile(`(\d{1,2})月中`)
	dlQuarterRe    = regexp.MustCompile(`([1-4])季`)
	dlYearEndRe    = regexp.MustCompile(`年(?:底|末|内|前|度|终)|全年|今年|本年|当年|^年$`)
	dlFromRe       = regexp.MustCompile(`起(?:$|[^\d])|以来|开始实施|开始施行`)
	dlDueRe        = regexp.MustCompile(`前|底|末|内|完成|建成|到位|实现`)
	dlOngoingRe    = regexp.MustCompile(`长期|持续|常态|常年|坚持|不断|动态|逐步|长效|久久为功`)
	dlStartRe      = regexp.MustCompile(`启动|开始|开工|起步|着手|起$|起[^\d]`)
	dlCompletionRe = regexp.MustCompile(`完成|建成|完工|竣工|办结|到位|实现|投用|投运|交付|验收`)
	dlAnchorRe     = regexp.MustCompile(`印发|发布|出台|下发|发文|实施|施行|公布|起|后`)
)

// maxDeadlineRunes bounds the deadline texts parseDeadline reads; longer
// ones (a whole paragraph taken for a deadline) are not understood.
const maxDeadlineRunes = 200

// dottedToChinese rewrites a date written 2024.12.31, 2024-12-31 or
// 2024/12 as 2024年12月31日 (2024年12月), the form the stage patterns read.
func dottedToChinese(m string) string {
	g := dlDottedRe.FindStringSubmatch(m)
	if g[3] == "" {
		return g[1] + "年" + g[2] + "月" + g[4]
	}
	return g[1] + "年" + g[2] + "月" + g[3] + "日" + g[4]
}

// stage is one comma-separated part of a deadline text, parsed.
type stage struct {
	kind  duban.DeadlineKind
	date  time.Time // zero when the kind has no date
	start bool      // the stage starts something (上半年启动)
}

// parseDeadline normalises a deadline text as written ("5 月底前",
// "上半年启动，年底前完成", "印发之日起30日内") into a Deadline: Raw is the
// text without whitespace, Kind says how it was written and Date/Quarter
// give the day it falls due. year is the plan's year, used unless the text
// writes its own; issue is the notice's issue date, the anchor of relative
// deadlines (zero when unknown: relative deadlines then have no date).
// With several stages the completion stage counts. A text it does not
// understand gives KindUnknown with no date; raw == "" gives nil.
func parseDeadline(raw string, year int, issue time.Time) *duban.Deadline {
	r := notation.StripSpace(raw)
	if r == "" {
		return nil
	}
	d := &duban.Deadline{Raw: r, Kind: duban.KindUnknown}
	if utf8.RuneCountInString(r) > maxDeadlineRunes {
		return d // a paragraph, not a deadline
	}
	s := r
	if strings.ContainsAny(s, ":：") {
		s = dlLabelRe.ReplaceAllString(s, "")
	}
	s = arabicNumerals(s)
	if strings.ContainsAny(s, ".．/／-") {
		s = dlDottedRe.ReplaceAllStringFunc(s, dottedToChinese)
	}
	segs := strings.FieldsFunc(s, func(c rune) bool {
		return notation.IsClauseSep(c)
	})
	var stages []stage
	y := year
	for _, seg := range segs {
		if strings.Contains(seg, "年") {
			if m := lastSubmatchIf(true, dlYearRe, seg); m != nil {
				y, _ = strconv.Atoi(m[1]) // 2024年至2025年底: the last year
			} else if dlNextYearRe.MatchString(seg) {
				y = year + 1
			} else if dlLastYearRe.MatchString(seg) {
				y = year - 1
			}
		}
		stages = append(stages, parseStage(seg, y, issue))
	}
	best := pickStage(stages)
	if best == nil {
		return d
	}
	d.Kind = best.kind
	if y := best.date.Year(); !best.date.IsZero() && y >= 1900 && y <= 2999 {
		// Without a plan year (0) the form is known but not its day.
		d.SetDate(best.date.Format(duban.DateLayout))
	}
	return d
}

// pickStage chooses the stage that is the deadline: the last dated stage
// that does not merely start something, else the last dated stage, else
// the first understood one.
func pickStage(stages []stage) *stage {
	var lastDated, lastDone, first *stage
	for i := range stages {
		st := &stages[i]
		if st.kind == duban.KindUnknown {
			continue
		}
		if first == nil {
			first = st
		}
		if st.date.IsZero() && st.kind != duban.KindRelative {
			continue
		}
		lastDated = st
		if !st.start {
			lastDone = st
		}
	}
	switch {
	case lastDone != nil:
		return lastDone
	case lastDated != nil:
		return lastDated
	}
	return first
}

// parseStage parses one stage of a deadline text whose numbers are already
// ASCII digits. y is the year in force. Where a stage names several
// months or days ("6月至9月底"), the last one counts.
func parseStage(seg string, y int, issue time.Time) stage {
	st := stage{kind: duban.KindUnknown}
	st.start = strings.ContainsAny(seg, "启开起着") && dlStartRe.MatchString(seg) &&
		!dlCompletionRe.MatchString(seg) && !strings.Contains(seg, "之日起") && !strings.HasSuffix(seg, "内")
	rest, explicitYear := seg, false
	if strings.Contains(seg, "年") && dlYearRe.MatchString(seg) {
		// Drop the written year: "2025年9月底前" reads as "年9月底前",
		// "2025年底前" and "2025年年底前" as "年底前".
		explicitYear = true
		rest = dlYearRe.ReplaceAllString(seg, "年")
		rest = strings.ReplaceAll(rest, "年年", "年")
	}

	switch {
	case strings.ContainsAny(rest, "每按定逐") && dlRecurringRe.MatchString(rest):
		st.kind = duban.KindRecurring
		return st
	case strings.ContainsAny(rest, "起以开") && dlFromRe.MatchString(rest) && !dlDueRe.MatchString(rest) && !spanHasEnd(rest):
		// 2024年起, 7月起实施: from then on, with no end.
		st.kind = duban.KindOngoing
		return st
	}
	hasMonth := strings.Contains(rest, "月")
	if m := lastSubmatchIf(hasMonth && strings.ContainsAny(rest, "日号"), dlDateRe, rest); m != nil {
		mo, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		if t, ok := makeDate(y, mo, day); ok {
			st.kind, st.date = duban.KindDate, t
		}
		return st
	}
	if m := lastSubmatchIf(hasMonth && strings.Contains(rest, "旬"), dlMonthPartRe, rest); m != nil {
		mo, _ := strconv.Atoi(m[1])
		if mo >= 1 && mo <= 12 {
			t := monthEnd(y, mo) // 下旬
			switch m[2] {
			case "上":
				t, _ = makeDate(y, mo, 10)
			case "中":
				t, _ = makeDate(y, mo, 20)
			}
			st.kind, st.date = duban.KindMonthPart, t
		}
		return st
	}
	if m := lastSubmatchIf(hasMonth && strings.Contains(rest, "月中"), dlMonthMidRe, rest); m != nil && !strings.Contains(rest, "个月") {
		// 7月中: read as 7月中旬.
		mo, _ := strconv.Atoi(m[1])
		if t, ok := makeDate(y, mo, 20); ok {
			st.kind, st.date = duban.KindMonthPart, t
		}
		return st
	}
	if strings.Contains(rest, "上半年") || strings.Contains(rest, "下半年") || (strings.Contains(rest, "年中") && !strings.Contains(rest, "月")) {
		mo := 6
		if strings.Contains(rest, "下半年") {
			mo = 12
		}
		st.kind, st.date = duban.KindHalfYearEnd, monthEnd(y, mo)
		return st
	}
	if m := submatchIf(strings.ContainsAny(rest, "内起后"), dlRelativeRe, rest); m != nil && (m[2] != "" || m[3] != "月") && (strings.Contains(rest, "内") || dlAnchorRe.MatchString(rest)) {
		st.kind = duban.KindRelative
		st.start = false
		if !issue.IsZero() {
			st.date = addPeriod(issue, m[1], m[3])
		}
		return st
	}
	if m, ok := lastMonth(rest); ok {
		mo, _ := strconv.Atoi(m)
		if mo >= 1 && mo <= 12 {
			st.kind, st.date = duban.KindMonthEnd, monthEnd(y, mo)
		}
		return st
	}
	if m := lastSubmatchIf(strings.Contains(rest, "季"), dlQuarterRe, rest); m != nil {
		q, _ := strconv.Atoi(m[1])
		st.kind, st.date = duban.KindQuarterEnd, monthEnd(y, q*3)
		return st
	}
	if strings.ContainsAny(rest, "年") && dlYearEndRe.MatchString(rest) {
		st.kind, st.date = duban.KindYearEnd, monthEnd(y, 12)
		return st
	}
	if dlOngoingRe.MatchString(rest) {
		st.kind = duban.KindOngoing
		return st
	}
	if explicitYear {
		// 2025年, 2025年完成: by the end of that year.
		st.kind, st.date = duban.KindYearEnd, monthEnd(y, 12)
	}
	return st
}

// lastMonth finds the last month written in digits, "(\d{1,2})月" as a
// regular expression would match it: the one or two ASCII digits just
// before the last 月 that has a digit before it.
func lastMonth(s string) (string, bool) {
	for end := len(s); ; {
		i := strings.LastIndex(s[:end], "月")
		if i < 0 {
			return "", false
		}
		j := i
		for j > 0 && i-j < 2 && notation.IsASCIIDigit(rune(s[j-1])) {
			j--
		}
		if j < i {
			return s[j:i], true
		}
		end = i
	}
}

// lastSubmatchIf is the submatches of re's last match in s, or nil; when
// cond is false (s lacks a character re needs) it does not run re.
func lastSubmatchIf(cond bool, re *regexp.Regexp, s string) []string {
	if !cond {
		return nil
	}
	all := re.FindAllStringSubmatch(s, -1)
	if len(all) == 0 {
		return nil
	}
	return all[len(all)-1]
}

// submatchIf is re's first submatches in s, or nil; when cond is false it
// does not run re.
func submatchIf(cond bool, re *regexp.Regexp, s string) []string {
	if !cond {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// addPeriod adds n units (工作日, 日/天, 周/星期, 月, 年; n may be 半) to t.
// Working days skip Saturdays and Sundays (public holidays are not known).
func addPeriod(t time.Time, num, unit string) time.Time {
	n, half := 0, num == "半"
	if !half {
		n, _ = strconv.Atoi(num)
	}
	switch unit {
	case "工作日":
		for n > 0 {
			t = t.AddDate(0, 0, 1)
			if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
				n--
			}
		}
		return t
	case "周", "星期":
		return t.AddDate(0, 0, 7*n)
	case "月":
		if half {
			return t.AddDate(0, 0, 15)
		}
		return t.AddDate(0, n, 0)
	case "年":
		if half {
			return t.AddDate(0, 6, 0)
		}
		return t.AddDate(n, 0, 0)
	}
	if half {
		return t
	}
	return t.AddDate(0, 0, n)
}
