package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

// The header of a notice: 文号, issuing office (the red-header line "…文件"
// or the signature above the date), issue date (Arabic or Chinese
// numerals), title ("…关于…的通知"), the plan's own title above its body,
// 抄送 and 公开属性. Lines before the first outline item are the header; the
// signature, date, 抄送 and 印发 lines may also stand after the body.

var (
	printObjRe  = regexp.MustCompile(`印发(.+?)的(通知|意见|函)$`)
	yearRe      = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	dateCharsRe = regexp.MustCompile(`^[0-9０-９〇零○Ｏ◯一二三四五六七八九十]{2,4}年[0-9０-９〇零○Ｏ◯一二三四五六七八九十]{1,3}月[0-9０-９〇零○Ｏ◯一二三四五六七八九十]{1,3}[日号]$`)
	sigDateRe   = regexp.MustCompile(`^(\p{Han}{4,30}?)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$`)
	publicityRe = regexp.MustCompile(`^[（(]?\s*(此件[^）)]{1,12})\s*[）)]?$`)
)

// titleEnds are the words a notice's title ends with.
var titleEnds = []string{"通知", "意见", "方案", "决定", "办法", "通报", "批复", "规定", "细则", "要点", "计划", "函", "报告", "纪要", "清单", "分解表", "措施"}

// hasTitleEnd reports whether s ends like a notice's title.
func hasTitleEnd(s string) bool {
	for _, e := range titleEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// isDateLine reports whether a line is only a date (the issue date under
// the signature).
func isDateLine(s string) bool {
	if len(s) > 80 || !strings.Contains(s, "年") {
		return false
	}
	s = notation.StripSpace(s)
	if !dateCharsRe.MatchString(s) {
		return false
	}
	_, ok := parseDate(s)
	return ok
}

// header is what the header parser found, with the paragraphs it used.
type header struct {
	docNumber, issuer, title, planTitle, publicity string
	issue                                          string // YYYY-MM-DD
	cc                                             []string
	used                                           []bool // used[i]: paragraph i is part of the header
}

// parseHeader reads the header from the paragraphs of a notice; bodyStart
// is the index of its first outline item or table.
func parseHeader(ps []bodyPara, bodyStart int) header {
	h := header{used: make([]bool, len(ps))}
	head := ps[:bodyStart]
	short := func(s string, n int) bool { return len(s) <= n || len(s) <= 4*n && utf8.RuneCountInString(s) <= n }

	titleAt := -1
	for i, p := range head {
		s := notation.StripSpace(p.text)
		switch {
		case h.docNumber == "" && short(s, 40) && strings.Contains(s, "号") && !strings.Contains(s, "《") && notation.DocNumberRe.MatchString(s):
			h.docNumber = notation.StripSpace(notation.DocNumberRe.FindString(s))
			h.used[i] = true
		case h.issuer == "" && titleAt < 0 && short(s, 40) && strings.HasSuffix(s, "文件") && !strings.Contains(s, "关于"):
			h.issuer = strings.TrimSuffix(s, "文件")
			h.used[i] = true
		case titleAt < 0 && strings.Contains(s, "关于") && !strings.ContainsAny(s, "。；：:") && short(s, 120):
			// a title may wrap over up to three lines
			t := p.text
			j := i
			for j+1 < len(head) && j < i+2 && (!hasTitleEnd(notation.StripSpace(t)) || isTitleTail(head[j+1].text)) {
				next := notation.StripSpace(head[j+1].text)
				if next == "" || strings.ContainsAny(next, "。；：:，,") {
					break
				}
				t = joinWrapped(t, head[j+1].text)
				j++
			}
			if hasTitleEnd(notation.StripSpace(t)) {
				h.title = notation.CleanText(t)
				titleAt = j
				for k := i; k <= j; k++ {
					h.used[k] = true
				}
			}
		}
	}
	if titleAt < 0 {
		// No 关于 title: the first line after the 文号 that ends like one.
		for i, p := range head {
			s := notation.StripSpace(p.text)
			if !h.used[i] && short(s, 80) && hasTitleEnd(s) && !strings.ContainsAny(s, "。；：:") {
				h.title, titleAt = notation.CleanText(p.text), i
				h.used[i] = true
				break
			}
		}
	}

	// Issue date: the first line that is only a date, in the header, else
	// after the body; the "…印发" date of the imprint last.
	dateAt := -1
	for i, p := range ps {
		if isDateLine(p.text) {
			dateAt = i
			break
		}
	}
	sigOnLine := ""
	if dateAt < 0 {
		// "连云港市人民政府办公室    2024年5月11日": signature and date on one line
		for i, p := range ps {
			if len(p.text) > 200 {
				continue
			}
			if m := sigDateRe.FindStringSubmatch(notation.StripSpace(p.text)); m != nil && !strings.HasSuffix(m[1], "印发") && isDateLine(m[2]) && !strings.ContainsAny(m[1], "。，,；：:、") {
				dateAt, sigOnLine = i, m[1]
				break
			}
		}
	}
	if dateAt < 0 {
		for i := len(ps) - 1; i >= 0; i-- {
			s := notation.StripSpace(ps[i].text)
			if strings.HasSuffix(s, "印发") && isDateLine(strings.TrimSuffix(s, "印发")) {
				dateAt = i
				break
			}
		}
	}
	if dateAt >= 0 {
		s := strings.TrimSuffix(notation.StripSpace(ps[dateAt].text), "印发")
		if sigOnLine != "" {
			s = strings.TrimPrefix(s, sigOnLine)
		}
		if t, ok := parseDate(s); ok {
			h.issue = t.Format(duban.DateLayout)
		}
		h.used[dateAt] = true
		if sigOnLine != "" {
			if h.issuer == "" {
				h.issuer = sigOnLine
			}
		} else if dateAt > 0 {
			sig := notation.StripSpace(ps[dateAt-1].text)
			if short(sig, 40) && !strings.ContainsAny(sig, "。，,；：:、") && utf8.RuneCountInString(sig) >= 4 {
				h.used[dateAt-1] = true
				if h.issuer == "" {
					h.issuer = sig
				}
			}
		}
	}

	for i, p := range ps {
		if !mentionsDistribution(p.text) {
			continue
		}
		s := notation.StripSpace(p.text)
		if m := publicityRe.FindStringSubmatch(s); m != nil && h.publicity == "" {
			h.publicity = m[1]
			h.used[i] = true
		}
		if strings.HasPrefix(s, "抄送") && h.cc == nil {
			rest := strings.TrimLeft(strings.TrimPrefix(s, "抄送"), "：:")
			names, _ := notation.SplitUnits(rest)
			h.cc = names
			h.used[i] = true
		}
	}

	// Plan title: a heading-like line between the title and the body,
	// preferably the one the title says it prints.
	want := ""
	if m := printObjRe.FindStringSubmatch(h.title); m != nil {
		want = strings.Trim(m[1], "《》")
	}
	var cands []int
	for i := titleAt + 1; i < len(head); i++ {
		if h.used[i] {
			continue
		}
		s := notation.StripSpace(head[i].text)
		if s == "" || !short(s, 60) || utf8.RuneCountInString(s) < 4 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(s)
		first, _ := utf8.DecodeRuneInString(s)
		if k, _, _ := notation.ParseMarker(s); k != notation.MarkNone {
			continue
		}
		if strings.ContainsRune("。，,；;：:、", last) || strings.ContainsAny(s, "：:") || notation.IsOpenBracket(first) || strings.HasPrefix(s, "附件") {
			continue
		}
		cands = append(cands, i)
	}
	for _, i := range cands {
		if want != "" && notation.StripSpace(head[i].text) == notation.StripSpace(want) {
			h.planTitle = notation.CleanText(head[i].text)
		}
	}
	if h.planTitle == "" && len(cands) > 0 {
		h.planTitle = notation.CleanText(head[cands[len(cands)-1]].text)
	}
	return h
}

// noticeYear is the plan's year: from the plan title, else the title,
// else the issue date, else the 文号.
func noticeYear(h header) int {
	for _, s := range []string{h.planTitle, h.title} {
		if m := yearRe.FindStringSubmatchIndex(s); m != nil {
			if y, ok := spanStartYear(s, m[2]); ok {
				return y
			}
			y, _ := strconv.Atoi(s[m[2]:m[3]])
			return y
		}
	}
	if len(h.issue) >= 4 {
		y, _ := strconv.Atoi(h.issue[:4])
		return y
	}
	if m := notation.DocNumberRe.FindStringSubmatch(h.docNumber); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// mentionsDistribution reports whether s is a distribution line: one
// that starts, perhaps after a bracket and spaces, with "此件" (此件公开发布)
// or "抄送".
func mentionsDistribution(s string) bool {
	var first [2]rune // the first two characters that are not spaces
	n := 0
	for _, r := range s {
		switch {
		case notation.IsSpace(r), n == 0 && notation.IsOpenBracket(r):
			continue
		}
		first[n] = r
		if n++; n == len(first) {
			break
		}
	}
	return first == [2]rune{'此', '件'} || first == [2]rune{'抄', '送'}
}
