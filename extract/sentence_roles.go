package extract

import (
	"strings"

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
