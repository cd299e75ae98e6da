package extract

import (
	"github.com/duban/duban/internal/notation"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
)

// leadConventionRe finds a stated lead convention: "列第一位者为牵头单位",
// "排在第一位的部门为牵头部门", "排名第一的为牵头单位", "首位为牵头单位".
var leadConventionRe = regexp.MustCompile(`(第一位|首位|第一个|排名第一|排第一|列第一|居首)[^，。；,;]{0,12}牵头`)

// statesLeadConvention reports whether s states a lead convention; a cheap
// test comes first, as most paragraphs state none.
func statesLeadConvention(s string) bool {
	if !strings.Contains(s, "牵头") || !(strings.Contains(s, "第一") || strings.Contains(s, "首位") || strings.Contains(s, "居首")) {
		return false
	}
	return leadConventionRe.MatchString(s)
}

// applyConvention makes the first of units the lead and the rest co when a
// lead convention is in force and the notice did not say the roles itself.
func (st *parseState) applyConvention(units []duban.Unit) {
	if !st.leadFirst || len(units) == 0 {
		return
	}
	for _, u := range units {
		if u.Role != duban.RoleResponsible {
			return
		}
	}
	units[0].Role = duban.RoleLead
	for i := 1; i < len(units); i++ {
		units[i].Role = duban.RoleCo
	}
}

// cutConventionNote removes a bracketed lead convention closing a unit
// list ("A、B（列第一位者为工作牵头单位或汇总单位，下同）") and reports
// whether there was one.
func cutConventionNote(v string) (string, bool) {
	t := strings.TrimRightFunc(v, func(r rune) bool { return notation.IsSpace(r) || notation.IsSentenceEnd(r) })
	last, n := utf8.DecodeLastRuneInString(t)
	if !notation.IsCloseBracket(last) || !strings.Contains(t, "牵头") {
		return v, false
	}
	// find the opening bracket matching the last closing one
	depth := 0
	body := t[:len(t)-n]
	for i := len(body); i > 0; {
		r, size := utf8.DecodeLastRuneInString(body[:i])
		i -= size
		switch {
		case notation.IsCloseBracket(r):
			depth++
		case notation.IsOpenBracket(r):
			if depth == 0 {
				if statesLeadConvention(body[i+size:]) {
					return body[:i], true
				}
				return v, false
			}
			depth--
		}
	}
	return v, false
}
