package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

// Sentences that assign, written where a unit list is expected (a table's
// unit cell, a 责任单位 line): "区司法局牵头区级规范性文件集中公开工作",
// "区各…制定主体具体落实", "各成员单位负责做好本单位…". The unit list ends at
// the first role verb; what follows the verb is the work, not a name.

// sentenceVerbs are the role verbs a sentence may continue after, longest
// first where one begins another.
var sentenceVerbs = []struct {
	word string
	role duban.Role
}{
	{"分别牵头", duban.RoleLead},
	{"牵头", duban.RoleLead},
	{"配合", duban.RoleCo},
	{"参与", duban.RoleCo},
	{"具体落实", duban.RoleResponsible},
	{"负责", duban.RoleResponsible},
}

// sentenceRolePart reads one part of a unit field as "units, role verb,
// the work"; ok is false unless the text before the verb is a list of
// whole organisation names.
func sentenceRolePart(p string) (names []string, role duban.Role, open, ok bool) {
	at := -1
	for _, v := range sentenceVerbs {
		if i := strings.Index(p, v.word); i > 0 && (at < 0 || i < at) {
			at, role = i, v.role
		}
	}
	if at < 0 || notation.OpenBrackets(p[:at]) > 0 {
		return nil, "", false, false
	}
	head := trimQualifiers(strings.TrimPrefix(p[:at], "由"))
	names, open, ok = unitNames(head)
	if !ok || !allOrgNames(names) {
		return nil, "", false, false
	}
	return names, role, open, true
}

// sentenceAssigner finds the units of an item that names them in its own
// sentences rather than in a clause: "由县应急管理局牵头，县公安局配合，
// 在9月底前完成…", "县交通运输局要在8月底前完成…", "县林业局牵头，各乡镇
// 人民政府负责落实". Each clause (between ，；。) that is a unit list and a
// role verb, or a unit list followed by 要在/要于, names units; the text
// stays whole, and the deadline is the one written in it. The units are
// marked inferred: read from prose, not from a clause.
type sentenceAssigner struct{}

func (sentenceAssigner) assign(it *outlineItem, st *parseState) ([]taskPart, bool) {
	if !hasRoleHintFirst(it.text) && !strings.Contains(it.text, "要") {
		return nil, false
	}
	seg := taskPart{text: it.text, assigned: true}
	for rest := it.text; rest != ""; {
		c := rest
		if i := strings.IndexFunc(rest, isClauseBreak); i >= 0 {
			_, n := utf8.DecodeRuneInString(rest[i:])
			c, rest = rest[:i], rest[i+n:]
		} else {
			rest = ""
		}
		c = strings.TrimFunc(c, notation.IsSpace)
		if c == "" || !hasRoleHintFirst(c) && !strings.Contains(c, "要") {
			continue
		}
		if lead, co, open, ok := parseRolePart(c); ok && allOrgNames(lead.names) {
			seg.open = seg.open || open
			for _, n := range lead.names {
				seg.units = addUnit(seg.units, n, lead.role)
			}
			for _, n := range co {
				seg.units = addUnit(seg.units, n, duban.RoleCo)
			}
			continue
		}
		if names, role, open, ok := sentenceRolePart(c); ok && proseUnits(c, names) {
			// "县委宣传部负责做好…": units, a role verb, the work
			seg.open = seg.open || open
			for _, n := range names {
				seg.units = addUnit(seg.units, n, role)
			}
			continue
		}
		if i := strings.Index(c, "要"); i > 0 && findDeadline(c[i:]) != "" {
			// "X要在8月底前完成…": a unit and its own deadline
			if names, open, ok := unitNames(c[:i]); ok && allOrgNames(names) {
				seg.open = seg.open || open
				for _, n := range names {
					seg.units = addUnit(seg.units, n, duban.RoleResponsible)
				}
			}
		}
	}
	if len(seg.units) == 0 {
		return nil, false
	}
	coUnderLead(seg.units)
	st.applyConvention(seg.units)
	for i := range seg.units {
		seg.units[i].Inferred = true // read from the prose, not a clause
	}
	return []taskPart{seg}, true
}

// proseUnits reports whether a clause of running text opens with the
// units sentenceRolePart found ("县委宣传部负责做好…", "由县农业农村局牵头"),
// each named with its level (县, 市, 各…), and its verb does not start a
// relative clause ("由县民政局负责的第1件").
func proseUnits(c string, names []string) bool {
	c = strings.TrimPrefix(c, "由")
	if len(names) == 0 || !strings.HasPrefix(c, names[0]) {
		return false
	}
	for _, n := range names {
		if !startsUnitName(n) {
			return false
		}
	}
	for _, v := range sentenceVerbs {
		if i := strings.Index(c, v.word); i > 0 {
			if strings.HasPrefix(c[i+len(v.word):], "的") {
				return false
			}
			break
		}
	}
	return true
}

// cutGroupAssigner reads an inline assignment whose bracket the text
// never closes, cut off by the end of the text ("…任务。（市生态环境局、
// 发展和改革局牵头督导，市公安局、自然资源局、"): the parts with a role verb
// name their units, a last list without its verb works under the lead
// (co), and a name cut short is dropped.
type cutGroupAssigner struct{}

func (cutGroupAssigner) assign(it *outlineItem, st *parseState) ([]taskPart, bool) {
	at, size := lastUnclosedOpen(it.text)
	if at < 0 {
		return nil, false
	}
	inner := trimCutName(it.text[at+size:])
	parts := splitTopLevel(inner, "，,；;")
	seg := taskPart{text: strings.TrimRightFunc(it.text[:at], notation.IsSpace), assigned: true}
	for k, part := range parts {
		p := strings.TrimFunc(part, notation.IsSpace)
		if lead, co, open, ok := parseRolePart(p); ok && allOrgNames(lead.names) {
			seg.open = seg.open || open
			for _, n := range lead.names {
				seg.units = addUnit(seg.units, n, lead.role)
			}
			for _, n := range co {
				seg.units = addUnit(seg.units, n, duban.RoleCo)
			}
			continue
		}
		if names, open, ok := unitNames(p); ok && allOrgNames(names) && k == len(parts)-1 && len(seg.units) > 0 {
			seg.open = seg.open || open
			for _, n := range names {
				seg.units = addUnit(seg.units, n, duban.RoleResponsible)
			}
			continue
		}
		return nil, false
	}
	if len(seg.units) == 0 {
		return nil, false
	}
	coUnderLead(seg.units)
	st.applyConvention(seg.units)
	return []taskPart{seg}, true
}

// lastUnclosedOpen finds the outermost bracket that s opens and never
// closes, and its size; -1 when every bracket closes.
func lastUnclosedOpen(s string) (int, int) {
	var buf [8]int
	stack := buf[:0]
	for i, r := range s {
		switch {
		case notation.IsOpenBracket(r):
			stack = append(stack, i)
		case notation.IsCloseBracket(r) && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) == 0 {
		return -1, 0
	}
	_, size := utf8.DecodeRuneInString(s[stack[0]:])
	return stack[0], size
}

func isClauseBreak(r rune) bool {
	switch r {
	case '，', ',', '；', ';', '。':
		return true
	}
	return false
}
