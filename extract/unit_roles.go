package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

// Roles written inside a unit list rather than by separate labels:
//
//	责任单位：市卫健委（牵头）、市医保局        a marker after a name
//	责任单位：市文旅局牵头，市财政局配合        a role verb closing a part
//	责任单位：县商务局、县发改局按职责分工负责  a qualifier closing the list
//	（省通信管理局牵头，各市州人民政府落实）    落实/实施 after unit names
//
// The marker or verb is not part of the name. Once a task names a lead,
// the units given no role of their own share the work under it: co, as a
// 责任单位 line under a 牵头单位 line is.

// roleMarkers are the words that, in brackets after a unit name, say its
// role.
var roleMarkers = []struct {
	word string
	role duban.Role
}{
	{"牵头", duban.RoleLead},
	{"牵头单位", duban.RoleLead},
	{"牵头部门", duban.RoleLead},
	{"配合", duban.RoleCo},
	{"配合单位", duban.RoleCo},
	{"配合部门", duban.RoleCo},
	{"参与", duban.RoleCo},
	{"协办", duban.RoleCo},
	{"协助", duban.RoleCo},
}

// roleWordHints are what a unit list holding a role marker or verb must
// contain; a list without any is split as it is.
var roleWordHints = []string{"牵头", "配合", "参与", "协办", "协助", "负责", "落实", "实施", "会同"}

// roleHintFirsts are the first characters of roleWordHints, for a quick
// test.
const roleHintFirsts = "牵配参协负落实会"

// hasRoleHintFirst reports whether s holds one of roleHintFirsts (a
// switch: strings.ContainsAny is slow on a set of ideographs).
func hasRoleHintFirst(s string) bool {
	for i := 0; i < len(s); i++ {
		if notation.HanRun(s, i) == i {
			continue // the hints are ideographs; other bytes are skipped one by one
		}
		switch rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F) {
		case '牵', '配', '参', '协', '负', '落', '实', '会':
			return true
		}
		i += 2
	}
	return false
}

// addFieldUnits adds the units of a units field to us: names are value
// split by splitUnits, role is the field's. Markers and role verbs inside
// the value override the field's role for the names they close.
func (st *parseState) addFieldUnits(us []duban.Unit, value string, names []string, role duban.Role) []duban.Unit {
	if !hasRoleHintFirst(value) || !notation.ContainsAnyOf(value, roleWordHints...) {
		for _, n := range names {
			if !isPlaceholder(n) {
				us = addUnit(us, n, role)
			}
		}
		return us
	}
	for _, part := range splitTopLevel(value, "，,；;") {
		p := strings.TrimFunc(part, notation.IsSpace)
		if main, co, _, ok := parseRolePart(p); ok {
			r := main.role
			if r == duban.RoleResponsible {
				r = role // "X、Y按职责分工负责" in a 配合单位 field stays co
			}
			for _, n := range main.names {
				us = addUnit(us, n, r)
			}
			for _, n := range co {
				us = addUnit(us, n, duban.RoleCo)
			}
			continue
		}
		partNames, _ := st.splitUnits(p)
		for _, n := range partNames {
			if isPlaceholder(n) {
				continue
			}
			name, r := cutRoleMarker(n, role)
			us = addUnit(us, name, r)
		}
	}
	return us
}

// cutRoleMarker removes a role marker in brackets from the end of a unit
// name ("市卫健委（牵头）") and returns the name and the role it gives; a
// name without one keeps role.
func cutRoleMarker(name string, role duban.Role) (string, duban.Role) {
	last, n := utf8.DecodeLastRuneInString(name)
	if !notation.IsCloseBracket(last) {
		return name, role
	}
	body := name[:len(name)-n]
	for _, m := range roleMarkers {
		rest, ok := strings.CutSuffix(body, m.word)
		if !ok {
			continue
		}
		open, size := utf8.DecodeLastRuneInString(rest)
		if notation.IsOpenBracket(open) && len(rest) > size {
			return rest[:len(rest)-size], m.role
		}
	}
	return name, role
}

// coUnderLead makes the responsible units of a task co when it names a
// lead.
func coUnderLead(us []duban.Unit) {
	lead := false
	for _, u := range us {
		if u.Role == duban.RoleLead {
			lead = true
			break
		}
	}
	if !lead {
		return
	}
	for i := range us {
		if us[i].Role == duban.RoleResponsible {
			us[i].Role = duban.RoleCo
		}
	}
}

// implementVerbs close a part of an inline assignment that names the units
// carrying the work out ("各市州人民政府落实"); the part counts only when
// every name before the verb is an organisation's, as these verbs also end
// plain text ("分步实施").
var implementVerbs = []string{"组织落实", "具体落实", "抓好落实", "落实", "组织实施", "具体实施", "实施"}

// implementPart reads "X、Y落实" as units responsible for the work.
func implementPart(p string) (main roleUnits, co []string, open, ok bool) {
	rest, found := trimVerb(p, implementVerbs)
	if !found {
		return main, nil, false, false
	}
	names, open, ok := unitNames(strings.TrimPrefix(rest, "由"))
	if !ok || !allOrgNames(names) {
		return main, nil, false, false
	}
	return roleUnits{names, duban.RoleResponsible}, nil, open, true
}
