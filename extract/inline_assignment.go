package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

// Style 1 and 3: bracketed assignments inside an item's text.
//
// A bracket group is an assignment when it is a field clause
// ("（责任单位：…，完成时间：…）", "（负责部门：…；适用范围：…）") or when every
// part of it names units with a role verb, State Council style:
// "（X牵头，Y、Z参与）", "（X、Y按职责分工负责）", "（X会同Y负责）". Several
// groups in one paragraph close one task each: the text before a group,
// back to the previous group, is that task's text. A group may state a
// lead convention ("列第一位者为牵头单位，下同"), which holds from that group
// on.

// bracketAssigner finds the assignment groups of an item's text.
type bracketAssigner struct{}

func (bracketAssigner) assign(it *outlineItem, st *parseState) ([]taskPart, bool) {
	text := it.text
	var buf [4]notation.BracketSpan
	groups := notation.AppendBracketGroups(buf[:0], text)
	if len(groups) == 0 {
		return nil, false
	}
	segs := st.parts[:0] // assign copies the parts out before the next item
	start := 0
	for _, g := range groups {
		seg, ok := st.parseGroup(text[g.Inner:g.Close])
		if !ok {
			continue
		}
		seg.text = notation.TrimFunc(text[start:g.Open], func(r rune) bool {
			return notation.IsSpace(r) || (start > 0 && notation.IsClauseSep(r))
		})
		if seg.text == "" && len(segs) > 0 {
			segs[len(segs)-1].merge(seg) // "（牵头单位：X）（完成时限：Y）"
			start = g.End
			continue
		}
		segs = append(segs, seg)
		start = g.End
	}
	st.parts = segs[:0]
	if len(segs) == 0 {
		return nil, false
	}
	rest := notation.TrimFunc(text[start:], func(r rune) bool {
		return notation.IsSpace(r) || notation.IsClauseSep(r) || r == '.'
	})
	if rest != "" {
		// Text after the last assignment belongs to the last task.
		segs[len(segs)-1].text += text[start:]
	}
	return segs, true
}

// splitTopLevel splits s on the separators in seps that are outside
// brackets.
func splitTopLevel(s, seps string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case notation.IsOpenBracket(r):
			depth++
		case notation.IsCloseBracket(r) && depth > 0:
			depth--
		case depth == 0 && r > 0x2B && strings.ContainsRune(seps, r):
			parts = append(parts, s[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(parts, s[start:])
}

// parseGroup reads the inside of one bracket group as an assignment.
func (st *parseState) parseGroup(inner string) (taskPart, bool) {
	inner = notation.TrimFunc(inner, notation.QuickSpace)
	if notation.StartsWithField(inner) && !statesLeadConvention(inner) && !strings.Contains(inner, "下同") {
		// the common field clause, without remarks to take out
		var buf [6]clauseField
		fs, _ := appendFields(buf[:0], inner)
		if !hasUnitOrDeadline(fs) {
			return taskPart{}, false
		}
		return st.fieldSegment("", fs), true
	}
	// Conventions and "下同" are remarks, not units.
	var kept []string
	convention := false
	for _, part := range splitTopLevel(inner, "，,；;") {
		p := notation.TrimFunc(part, notation.IsSpace)
		switch {
		case statesLeadConvention(p):
			convention = true
		case p == "下同" || p == "下同。" || p == "":
		default:
			kept = append(kept, part)
		}
	}
	if len(kept) == 0 {
		return taskPart{}, false
	}
	if notation.StartsWithField(inner) {
		fs, _ := parseFields(strings.Join(kept, "，"))
		if !hasUnitOrDeadline(fs) {
			return taskPart{}, false
		}
		if convention {
			st.leadFirst = true
		}
		return st.fieldSegment("", fs), true
	}
	seg := taskPart{assigned: true}
	add := func(names []string, role duban.Role) {
		for _, n := range names {
			seg.units = addUnit(seg.units, n, role)
		}
	}
	// A bare unit list counts only next to a deadline: "（市发改委，6月底前）".
	var bare []string
	for _, part := range kept {
		p := notation.TrimFunc(part, notation.IsSpace)
		if lead, co, open, ok := parseRolePart(p); ok {
			seg.open = seg.open || open
			add(lead.names, lead.role)
			add(co, duban.RoleCo)
			continue
		}
		if d := findDeadline(p); d != "" && utf8.RuneCountInString(p) <= 24 && seg.deadline == "" {
			seg.deadline = notation.StripSpace(d)
			continue
		}
		if names, _, ok := unitNames(p); ok && allOrgNames(names) {
			bare = append(bare, p)
			continue
		}
		return taskPart{}, false
	}
	if len(bare) > 0 {
		if seg.deadline == "" {
			return taskPart{}, false
		}
		for _, p := range bare {
			names, open, _ := unitNames(p)
			seg.open = seg.open || open
			add(names, duban.RoleResponsible)
		}
	}
	if len(seg.units) == 0 {
		return taskPart{}, false
	}
	if convention {
		st.leadFirst = true
	}
	coUnderLead(seg.units)
	st.applyConvention(seg.units)
	return seg, true
}

// roleUnits is a unit list with one role.
type roleUnits struct {
	names []string
	role  duban.Role
}

// Role verbs that close a part of an inline assignment.
var (
	leadVerbs = []string{"牵头负责", "牵头落实", "牵头推进", "牵头实施", "牵头抓总", "牵头"}
	coVerbs   = []string{"配合落实", "配合实施", "协助配合", "配合", "参与", "协助", "协办"}
	respVerbs = []string{"负责落实", "负责实施", "负责推进", "具体负责", "负总责", "负责", "承担"}
	// qualifiers written between the units and 负责
	respQualifiers = []string{"按照职责分工", "按职责分工", "按职能分工", "按职责", "依职责", "按分工", "分别", "共同", "各自"}
)

// parseRolePart reads one part of an inline assignment: "X牵头",
// "Y、Z参与", "X、Y按职责分工负责", "X会同Y负责", "由X负责".
func parseRolePart(p string) (main roleUnits, co []string, open, ok bool) {
	if utf8.RuneCountInString(p) > 150 {
		return main, nil, false, false
	}
	if i := strings.Index(p, "会同"); i >= 0 {
		x := strings.TrimPrefix(p[:i], "由")
		y := p[i+len("会同"):]
		y, _ = trimVerb(y, respVerbs)
		y = trimQualifiers(y)
		xs, xOpen, xOK := unitNames(x)
		ys, yOpen, yOK := unitNames(y)
		if !yOK || (!xOK && x != "") {
			return main, nil, false, false
		}
		return roleUnits{xs, duban.RoleLead}, ys, xOpen || yOpen, true
	}
	var role duban.Role
	rest, found := trimVerb(p, leadVerbs)
	if found {
		role = duban.RoleLead
	} else if rest, found = trimVerb(p, coVerbs); found {
		role = duban.RoleCo
	} else if rest, found = trimVerb(p, respVerbs); found {
		role = duban.RoleResponsible
		rest = trimQualifiers(rest)
	} else {
		return implementPart(p)
	}
	names, open, ok := unitNames(strings.TrimPrefix(rest, "由"))
	if !ok {
		return main, nil, false, false
	}
	return roleUnits{names, role}, nil, open, true
}

// trimVerb removes the first of verbs that ends s.
func trimVerb(s string, verbs []string) (string, bool) {
	s = strings.TrimRightFunc(s, notation.IsSpace)
	for _, v := range verbs {
		if strings.HasSuffix(s, v) {
			return strings.TrimSuffix(s, v), true
		}
	}
	return s, false
}

// trimQualifiers removes "按职责分工" and the like from the end of s.
func trimQualifiers(s string) string {
	for {
		t := s
		for _, q := range respQualifiers {
			t = strings.TrimSuffix(t, q)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// unitNames splits a unit list and checks that it looks like one: each
// name short, none holding sentence punctuation.
func unitNames(s string) ([]string, bool, bool) {
	if notation.ContainsAnyRune(s, "。：:！？") {
		return nil, false, false
	}
	names, open := notation.SplitUnits(s)
	if len(names) == 0 {
		return nil, false, false
	}
	for _, n := range names {
		if c := utf8.RuneCountInString(n); c < 2 || c > 30 {
			return nil, false, false
		}
	}
	return names, open, true
}

// unitNameEnds end the names of offices, governments and companies.
var unitNameEnds = []string{"局", "委", "办", "部", "厅", "院", "府", "区", "县", "市", "镇", "乡", "街道", "中心", "公司", "集团", "会", "室", "处", "所", "队", "站", "社", "行", "校", "馆", "组", "署", "单位", "部门", "机构", "企业", "办事处"}

// allOrgNames reports whether every name ends like an organisation's,
// or does so before a bracket: 市发改委, 海州区（连云港高新区）.
func allOrgNames(names []string) bool {
	for _, n := range names {
		n = strings.TrimRightFunc(n, notation.IsCloseBracket)
		ok := hasUnitNameEnd(n)
		for i, r := range n {
			if ok {
				break
			}
			if r == '（' || r == '(' {
				ok = hasUnitNameEnd(n[:i])
			}
		}
		if !ok {
			return false
		}
	}
	return len(names) > 0
}

// hasUnitNameEnd reports whether s ends with one of unitNameEnds.
func hasUnitNameEnd(s string) bool {
	for _, suf := range unitNameEnds {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
