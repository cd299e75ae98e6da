package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban"
)

// arabicNumerals rewrites the numbers of a deadline text to ASCII digits:
// full-width digits, and runs of Chinese numerals that count years,
// months, days, quarters or periods (二〇二五年, 十月, 三季度, 一个月,
// 三十日). Other Chinese numerals (统一) stay.
func arabicNumerals(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); {
		if !isNumeralRune(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && isNumeralRune(rs[j]) {
			j++
		}
		run := string(rs[i:j])
		if j < len(rs) && strings.ContainsRune("年月日号个天周季旬工星", rs[j]) {
			if n, ok := parseNumber(run); ok {
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

var (
	dlYearRe       = regexp.MustCompile(`((?:19|20|21)\d\d)年(?:度)?`)
	dlDottedRe     = regexp.MustCompile(`((?:19|20|21)\d\d)[.．/／\-](\d{1,2})(?:[.．/／\-](\d{1,2}))?(\D|$)`)
	dlLabelRe      = regexp.MustCompile(`^(?:完成|办结)?(?:时间|时限|期限|日期)[:：]`)
	dlRecurringRe  = regexp.MustCompile(`每(?:年|半年|季|月|周|旬|日|天|个|\d)|按(?:季|月|年|周|半年|旬|期报送)|定期|逐月|逐季|逐年`)
	dlHalfRe       = regexp.MustCompile(`上半年|下半年|年中`)
	dlRelativeRe   = regexp.MustCompile(`(\d{1,3}|半)(个)?(工作日|日|天|周|星期|月|年)(?:内|以内|之内|前)?`)
	dlDateRe       = regexp.MustCompile(`(\d{1,2})月(\d{1,2})[日号]`)
	dlMonthPartRe  = regexp.MustCompile(`(\d{1,2})月(?:份)?(上|中|下)旬`)
	dlMonthMidRe   = regexp.MustCompile(`(\d{1,2})月中`)
	dlMonthRe      = regexp.MustCompile(`(\d{1,2})月`)
	dlQuarterRe    = regexp.MustCompile(`([1-4])季`)
	dlYearEndRe    = regexp.MustCompile(`年(?:底|末|内|前|度|终)|全年|今年|本年|当年|^年$`)
	dlFromRe       = regexp.MustCompile(`起(?:$|[^\d])|以来|开始实施|开始施行`)
	dlDueRe        = regexp.MustCompile(`前|底|末|内|完成|建成|到位|实现`)
	dlOngoingRe    = regexp.MustCompile(`长期|持续|常态|常年|坚持|不断|动态|逐步|长效|久久为功`)
	dlStartRe      = regexp.MustCompile(`启动|开始|开工|起步|着手|起$|起[^\d]`)
	dlCompletionRe = regexp.MustCompile(`完成|建成|完工|竣工|办结|到位|实现|投用|投运|交付|验收`)
	dlAnchorRe     = regexp.MustCompile(`印发|发布|出台|下发|发文|实施|施行|公布|起|后`)
)

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
	r := stripSpace(raw)
	if r == "" {
		return nil
	}
	d := &duban.Deadline{Raw: r, Kind: duban.KindUnknown}
	s := arabicNumerals(strings.TrimSpace(dlLabelRe.ReplaceAllString(r, "")))
	s = dlDottedRe.ReplaceAllStringFunc(s, dottedToChinese)
	segs := strings.FieldsFunc(s, func(c rune) bool {
		return strings.ContainsRune("，,；;。", c)
	})
	var stages []stage
	y := year
	for _, seg := range segs {
		if m := dlYearRe.FindStringSubmatch(seg); m != nil {
			y, _ = strconv.Atoi(m[1])
		}
		stages = append(stages, parseStage(seg, y, issue))
	}
	best := pickStage(stages)
	if best == nil {
		return d
	}
	d.Kind = best.kind
	if !best.date.IsZero() {
		d.Date = duban.NullString(best.date.Format(duban.DateLayout))
		d.Quarter = duban.NullString(duban.QuarterOf(best.date))
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
	st.start = dlStartRe.MatchString(seg) && !dlCompletionRe.MatchString(seg) &&
		!strings.Contains(seg, "之日起") && !strings.HasSuffix(seg, "内")
	explicitYear := dlYearRe.MatchString(seg)
	// Drop the written year: "2025年9月底前" reads as "年9月底前",
	// "2025年底前" and "2025年年底前" as "年底前".
	rest := dlYearRe.ReplaceAllString(seg, "年")
	rest = strings.ReplaceAll(rest, "年年", "年")

	switch {
	case dlRecurringRe.MatchString(rest):
		st.kind = duban.KindRecurring
		return st
	case dlFromRe.MatchString(rest) && !dlDueRe.MatchString(rest):
		// 2024年起, 7月起实施: from then on, with no end.
		st.kind = duban.KindOngoing
		return st
	}
	if m := lastSubmatch(dlDateRe, rest); m != nil {
		mo, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		if t, ok := makeDate(y, mo, day); ok {
			st.kind, st.date = duban.KindDate, t
		}
		return st
	}
	if m := lastSubmatch(dlMonthPartRe, rest); m != nil {
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
	if m := lastSubmatch(dlMonthMidRe, rest); m != nil && !strings.Contains(rest, "个月") {
		// 7月中: read as 7月中旬.
		mo, _ := strconv.Atoi(m[1])
		if t, ok := makeDate(y, mo, 20); ok {
			st.kind, st.date = duban.KindMonthPart, t
		}
		return st
	}
	if strings.Contains(rest, "上半年") || strings.Contains(rest, "下半年") || (dlHalfRe.MatchString(rest) && !strings.Contains(rest, "月")) {
		mo := 6
		if strings.Contains(rest, "下半年") {
			mo = 12
		}
		st.kind, st.date = duban.KindHalfYearEnd, monthEnd(y, mo)
		return st
	}
	if m := dlRelativeRe.FindStringSubmatch(rest); m != nil && (m[2] != "" || m[3] != "月") && (strings.Contains(rest, "内") || dlAnchorRe.MatchString(rest)) {
		st.kind = duban.KindRelative
		st.start = false
		if !issue.IsZero() {
			st.date = addPeriod(issue, m[1], m[3])
		}
		return st
	}
	if m := lastSubmatch(dlMonthRe, rest); m != nil {
		mo, _ := strconv.Atoi(m[1])
		if mo >= 1 && mo <= 12 {
			st.kind, st.date = duban.KindMonthEnd, monthEnd(y, mo)
		}
		return st
	}
	if m := lastSubmatch(dlQuarterRe, rest); m != nil {
		q, _ := strconv.Atoi(m[1])
		st.kind, st.date = duban.KindQuarterEnd, monthEnd(y, q*3)
		return st
	}
	if dlYearEndRe.MatchString(rest) {
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

// lastSubmatch is the submatches of re's last match in s, or nil.
func lastSubmatch(re *regexp.Regexp, s string) []string {
	all := re.FindAllStringSubmatch(s, -1)
	if len(all) == 0 {
		return nil
	}
	return all[len(all)-1]
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

// Parts of findDeadline's pattern. Numbers may be Arabic (ASCII or
// full-width) or Chinese; whitespace may sit between the parts.
const (
	fdMonth  = `(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])`
	fdDay    = `(?:[0-9０-９]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])`
	fdCount  = `(?:[0-9０-９]{1,3}|[一二两三四五六七八九十百]{1,4}|半)`
	fdYear   = `(?:(?:19|20|21)[0-9]{2}|[二][〇零○][一二三四五六七八九〇零○]{2})\s*年\s*`
	fdBefore = `(?:之前|以前|前)`
)

var findDeadlineRe = regexp.MustCompile(strings.Join([]string{
	// 2025年6月30日前
	`(?:` + fdYear + `)?` + fdMonth + `\s*月\s*` + fdDay + `\s*[日号]\s*` + fdBefore,
	// 7月中旬前
	`(?:` + fdYear + `)?` + fdMonth + `\s*月\s*(?:上|中|下)\s*旬\s*` + fdBefore,
	// 9月底前, 6-9月底, 12月末
	`(?:` + fdYear + `)?(?:` + fdMonth + `\s*[-—–~～至到]\s*)?` + fdMonth + `\s*月\s*(?:底|末)\s*` + fdBefore + `?`,
	// 10月前, 10月份前
	`(?:` + fdYear + `)?` + fdMonth + `\s*月\s*份?\s*` + fdBefore,
	// 三季度末, 第二季度前
	`(?:` + fdYear + `)?第?\s*[一二三四1-4１-４]\s*季\s*度?\s*(?:末|底|` + fdBefore + `)` + fdBefore + `?`,
	// 上半年前, 年中前
	`(?:` + fdYear + `)?(?:上半年|下半年|年中)\s*(?:末|底)?\s*` + fdBefore,
	// 年底前, 2025年底, 2025年年底前
	`(?:` + fdYear + `年?|年)\s*(?:底|末)\s*` + fdBefore + `?`,
	// 年内, 2025年内
	`(?:` + fdYear + `|年)\s*内`,
	// 印发之日起30日内, 发文后一个月内
	`(?:印发|发布|出台|下发|发文|实施|施行|公布)[^，。；,;]{0,6}?(?:起|后)\s*` + fdCount + `\s*个?\s*(?:工作日|日|天|周|星期|月|年)\s*(?:以内|之内|内)`,
	// 2026年前
	fdYear + fdBefore,
}, "|"))

// findDeadline returns the first completion deadline written in a task's
// own text ("2025年9月底前", "年底前", "印发之日起30日内"), exactly as
// written, or "" when there is none. Only phrases with a completion
// marker (前, 底, 末, 内) count: goals ("到2027年"), years of documents
// (2024年度, 〔2022〕), counts (全年不少于4场) and recurring times
// (每年6月底前) do not. A first stage that only starts something
// (6月底前启动) gives way to a later deadline.
func findDeadline(text string) string {
	locs := findDeadlineRe.FindAllStringIndex(text, -1)
	var found []string
	for _, loc := range locs {
		if !plausibleDeadline(text, loc[0], loc[1]) {
			continue
		}
		found = append(found, strings.TrimSpace(text[loc[0]:loc[1]]))
		if !startsAfter(text[loc[1]:]) {
			return found[len(found)-1]
		}
	}
	if len(found) > 0 {
		return found[0]
	}
	return ""
}

// plausibleDeadline rejects matches that are not a task's deadline by what
// precedes or follows them: recurring (每年6月底前), status (截至2024年底),
// a period count (三年内) or the start of a longer span (2024年前三季度).
func plausibleDeadline(text string, start, end int) bool {
	lo := start - 24 // a few characters before the match, in bytes
	if lo < 0 {
		lo = 0
	}
	before := []rune(stripSpace(text[lo:start]))
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
	m := stripSpace(text[start:end])
	if strings.HasPrefix(m, "年") && len(before) > 0 {
		// 三年内, 5年内, 多年来: a span, not this year.
		p := before[len(before)-1]
		if isNumeralRune(p) || strings.ContainsRune("个多几近每", p) {
			return false
		}
	}
	if strings.HasSuffix(m, "前") {
		// 2024年前三季度, 6月前两周: 前 opens a span.
		after := []rune(strings.TrimLeftFunc(text[end:], isSpace))
		if len(after) > 0 && (isNumeralRune(after[0]) || strings.ContainsRune("半个期后", after[0])) {
			return false
		}
	}
	return true
}

// startsAfter reports whether the text following a deadline says that the
// deadline only starts the work (6月底前启动), so a later one completes it.
func startsAfter(rest string) bool {
	rs := []rune(strings.TrimLeftFunc(rest, func(r rune) bool {
		return isSpace(r) || strings.ContainsRune("，,、", r)
	}))
	if len(rs) > 6 {
		rs = rs[:6]
	}
	return dlStartRe.MatchString(string(rs)) && !dlCompletionRe.MatchString(string(rs))
}
