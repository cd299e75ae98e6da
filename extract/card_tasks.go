package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

// A project card, the way a 民生工程 page shows one project: a paragraph
// of work, then a labelled line of its units with their telephone numbers,
// and more units on the lines after it, each with its number only:
//
//	巩固完善新型农村合作医疗…。
//	承办部门:市人社局 咨询电话:2126811
//	市卫计委 2835085
//
// Read only when the notice has no numbered item and no prose task; each
// paragraph followed by such a line is a task, numbered in order.

// phoneTailRe matches a telephone number, with or without its label, at
// the end of a unit's line.
var phoneTailRe = regexp.MustCompile(`\s*(?:(?:咨询|联系|监督|投诉)?电话[:：]?\s*)?(?:\(?0\d{2,3}\)?[-\s]?)?\d{7,8}(?:[、,，/]\d{7,8})*$`)

// cardUnitLine reads a labelled unit line ("承办部门:市人社局 咨询电话:…"):
// the role and the names; ok is false for any other line.
func cardUnitLine(s string) (names []string, role duban.Role, ok bool) {
	label, value, found := strings.Cut(strings.ReplaceAll(s, "：", ":"), ":")
	label = notation.StripSpace(label)
	if !found || utf8.RuneCountInString(label) > 6 {
		return nil, "", false
	}
	idx, known := notation.ClassifyLabel(label)
	if !known || notation.FieldLabels[idx].Kind != notation.FieldUnits {
		return nil, "", false
	}
	names, ok = cardNames(value)
	return names, notation.FieldLabels[idx].Role, ok
}

// cardNames reads the unit names of a card line, its phone numbers cut.
func cardNames(s string) ([]string, bool) {
	s = strings.TrimFunc(s, notation.IsSpace)
	if loc := phoneTailRe.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	names := strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || notation.IsSpace(r) })
	if len(names) == 0 || !allOrgNames(names) {
		return nil, false
	}
	return names, true
}

// cardTasks reads the paragraphs as project cards; nil when there is none.
// lines are the texts of the paragraphs the cards took.
func (st *parseState) cardTasks(ps []bodyPara) (out []duban.Task, lines []string) {
	for i := 1; i < len(ps); i++ {
		names, role, ok := cardUnitLine(ps[i].text)
		if !ok {
			continue
		}
		work := ps[i-1]
		if work.table != nil || !strings.Contains(work.text, "。") || utf8.RuneCountInString(work.text) < 20 {
			continue
		}
		lines = append(lines, work.text, ps[i].text)
		// further units, one a line with their numbers ("市卫计委 2835085")
		for i+1 < len(ps) && ps[i+1].table == nil && phoneTailRe.MatchString(ps[i+1].text) {
			more, ok := cardNames(ps[i+1].text)
			if !ok {
				break
			}
			names = append(names, more...)
			lines = append(lines, ps[i+1].text)
			i++
		}
		if len(out) == 0 && st.year == 0 {
			st.year = yearBefore(ps[:i]) // the year the page writes first
		}
		id := strconv.Itoa(len(out) + 1)
		t := duban.Task{
			ID:     id,
			Path:   []string{id},
			Text:   tidy(work.text),
			Units:  make([]duban.Unit, 0, len(names)),
			Source: duban.Location{Line: work.line, Page: work.page},
		}
		for _, n := range names {
			t.Units = append(t.Units, duban.Unit{Name: n, Role: role})
		}
		if raw := notation.StripSpace(findDeadline(t.Text)); raw != "" {
			t.Deadline = st.deadline(raw)
		}
		out = append(out, t)
	}
	return out, lines
}
