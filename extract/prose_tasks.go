package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

// Tasks told as prose, the way a news page retells a task list:
//
//	今年,呼和浩特市住建局要在8月底完成…任务,改造老旧小区333个。9月底完成…,
//	11月底新建改造道路63条…。市机场建管公司12月中旬全面开工…。
//
// A clause that starts with whole organisation names followed by 要 (要在,
// 要于) or by a time ("X 12月中旬全面开工…") opens a task of those units;
// the task runs to the end of its sentence. A later clause that starts
// with a time, in the same paragraph, opens the next task of the same
// units ("9月底完成…") — unless the task before has no time yet ("X要加快
// …,10月底完成年度任务"). Only tasks with a time count: a sentence naming a
// unit without one is reporting, not assigning. These are read only when
// the notice has no numbered item at all; the tasks are numbered in order.

// proseTask is a task found in prose while it is being read.
type proseTask struct {
	units    []string
	text     strings.Builder
	deadline string
	para     bodyPara
}

// leadingTimeRe matches a completion time at the start of a clause.
var leadingTimeRe = regexp.MustCompile(`^(?:在|于)?((?:(?:19|20)\d\d年)?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:[0-3]?\d日|上旬|中旬|下旬|中下旬|底|末|份)?(?:前|之前|以前)?|(?:(?:19|20)\d\d年)?年底(?:前|之前)?|年内)`)

// leadingTime gives the completion time a clause starts with, or "".
func leadingTime(s string) string {
	m := leadingTimeRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	if strings.HasSuffix(m[1], "月") {
		return "" // "9月" alone is a month named in passing, not a time to finish by
	}
	return m[1]
}

// proseSubject gives the organisations a clause starts with when a task
// follows them (要…, or a time), and the time if it follows at once.
func proseSubject(s string) (units []string, deadline string) {
	n := 0
	for i, r := range s {
		if n > 40 {
			break
		}
		n++
		if notation.IsSpace(r) || notation.ContainsAnyRune(string(r), "，,。；;：:《“\"（(0123456789") {
			break
		}
		if n < 3 {
			continue
		}
		end := i + utf8.RuneLen(r)
		rest := strings.TrimLeft(s[end:], " \u00a0")
		if !hasUnitNameEnd(s[:end]) {
			continue
		}
		names := strings.Split(s[:end], "、")
		if !allOrgNames(names) || !longNames(names) {
			continue
		}
		if r, ok := strings.CutPrefix(rest, "要"); ok {
			return names, leadingTime(r)
		}
		if d := leadingTime(rest); d != "" {
			return names, d
		}
	}
	return nil, ""
}

// proseTasks reads the paragraphs as prose for tasks; it gives nil when
// none is found.
func (st *parseState) proseTasks(ps []bodyPara) []duban.Task {
	var done []*proseTask
	var cur *proseTask
	closeTask := func() {
		if cur != nil && cur.deadline != "" {
			done = append(done, cur)
		}
		cur = nil
	}
	firstTaskPara := -1
	for pi, p := range ps {
		if p.table != nil {
			closeTask()
			continue
		}
		var subject []string
		for _, c := range splitClauses(p.text) {
			body := strings.TrimFunc(c, notation.IsSpace)
			if units, d := proseSubject(body); units != nil {
				closeTask()
				subject = units
				cur = &proseTask{units: units, deadline: d, para: p}
			} else if d := leadingTime(body); d != "" && subject != nil {
				if cur != nil && cur.deadline == "" {
					cur.deadline = d
				} else {
					closeTask()
					cur = &proseTask{units: subject, deadline: d, para: p}
				}
			}
			if cur == nil {
				continue
			}
			if firstTaskPara < 0 {
				firstTaskPara = pi
			}
			cur.text.WriteString(body)
			if last, _ := utf8.DecodeLastRuneInString(body); last == '。' || last == '！' || last == '!' {
				closeTask() // a task ends with its sentence
			}
		}
		closeTask()
	}
	if len(done) == 0 {
		return nil
	}
	if st.year == 0 {
		st.year = yearBefore(ps[:firstTaskPara+1])
	}
	out := make([]duban.Task, 0, len(done))
	for i, pt := range done {
		id := strconv.Itoa(i + 1)
		t := duban.Task{
			ID:       id,
			Path:     []string{id},
			Text:     tidy(pt.text.String()),
			Units:    make([]duban.Unit, 0, len(pt.units)),
			Source:   duban.Location{Line: pt.para.line, Page: pt.para.page},
			Deadline: st.deadline(notation.StripSpace(pt.deadline)),
		}
		for _, u := range pt.units {
			t.Units = append(t.Units, duban.Unit{Name: u, Role: duban.RoleResponsible})
		}
		out = append(out, t)
	}
	return out
}

// splitClauses cuts a paragraph after each clause separator, keeping it.
func splitClauses(s string) []string {
	var out []string
	from := 0
	for i, r := range s {
		if notation.IsClauseSep(r) || r == '！' || r == '!' {
			end := i + utf8.RuneLen(r)
			out = append(out, s[from:end])
			from = end
		}
	}
	if from < len(s) {
		out = append(out, s[from:])
	}
	return out
}

// yearRe4 finds a year written in full (2021年).
var yearRe4 = regexp.MustCompile(`(?:19|20)\d\d年`)

// yearBefore is the first year the paragraphs write, 0 when none: the
// year of a news page's tasks when nothing else dates them.
func yearBefore(ps []bodyPara) int {
	for _, p := range ps {
		if m := yearRe4.FindString(p.text); m != "" {
			y, _ := strconv.Atoi(m[:4])
			return y
		}
	}
	return 0
}

// longNames reports whether every name has three characters at least (a
// level or a place, and what the body is).
func longNames(names []string) bool {
	for _, n := range names {
		if utf8.RuneCountInString(n) < 3 {
			return false
		}
	}
	return true
}
