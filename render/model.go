package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban"
)

// joinUnits lists the names of t's units having one of roles, in order.
func joinUnits(t *duban.Task, roles ...duban.Role) string {
	var names []string
	for _, u := range t.Units {
		if slices.Contains(roles, u.Role) {
			names = append(names, u.Name)
		}
	}
	return strings.Join(names, "、")
}

// openSuffix marks a unit list ending in 等 in the notice.
func openSuffix(t *duban.Task, s string) string {
	if t.UnitsOpen && s != "" {
		return s + "等"
	}
	return s
}

// ledgerValue is the text of a ledger column for task t.
func ledgerValue(key string, n *duban.Notice, t *duban.Task) string {
	switch key {
	case "id":
		return t.Number()
	case "text":
		return t.Text
	case "section":
		return string(t.Section)
	case "subsection":
		return string(t.Subsection)
	case "lead":
		return joinUnits(t, duban.RoleLead)
	case "co":
		return joinUnits(t, duban.RoleCo)
	case "responsible":
		return joinUnits(t, duban.RoleResponsible)
	case "others":
		return openSuffix(t, joinUnits(t, duban.RoleCo, duban.RoleResponsible))
	case "units":
		return openSuffix(t, roleList(t))
	case "deadline":
		if t.Deadline != nil {
			return t.Deadline.Raw
		}
	case "date":
		if t.Deadline != nil {
			return string(t.Deadline.Date)
		}
	case "quarter":
		if t.Deadline != nil {
			return string(t.Deadline.Quarter)
		}
	case "doc_number":
		return n.DocNumber
	case "keywords":
		return strings.Join(t.Keywords, "、")
	}
	return ""
}

// ledgerKeys are the column keys a ledger layout may use.
var ledgerKeys = []string{"id", "text", "section", "subsection", "lead", "co", "responsible", "others", "units", "deadline", "date", "quarter", "doc_number", "keywords"}

// roleList lists every unit with its role when the task distinguishes
// roles ("市发改委（牵头）、市商务局"), else just the names.
func roleList(t *duban.Task) string {
	mixed := false
	for _, u := range t.Units {
		if u.Role != duban.RoleResponsible {
			mixed = true
		}
	}
	var names []string
	for _, u := range t.Units {
		if mixed && u.Role == duban.RoleLead {
			names = append(names, u.Name+"（牵头）")
		} else {
			names = append(names, u.Name)
		}
	}
	return strings.Join(names, "、")
}

// groupRows gives the section and subsection headings that start before
// task i of a notice (in document order), as "一、…" and "（一）…".
func groupHeadings(tasks []duban.Task, i int) []string {
	t := &tasks[i]
	var prev *duban.Task
	if i > 0 {
		prev = &tasks[i-1]
	}
	var out []string
	newSection := prev == nil || prev.Section != t.Section || pathAt(prev, 0) != pathAt(t, 0)
	if t.Section != "" && newSection {
		out = append(out, heading(pathAt(t, 0), "、", string(t.Section)))
	}
	if t.Subsection != "" && (newSection || prev.Subsection != t.Subsection || pathAt(prev, 1) != pathAt(t, 1)) {
		out = append(out, heading(pathAt(t, 1), "", string(t.Subsection)))
	}
	return out
}

func pathAt(t *duban.Task, i int) string {
	if i < len(t.Path) {
		return t.Path[i]
	}
	return ""
}

func heading(marker, sep, title string) string {
	if marker == "" {
		return title
	}
	return marker + sep + title
}

// unitEntry is one task of a unit's sheet. A large batch's sheets hold
// one for every unit of every task at once: it points into the records
// rather than copying the unit.
type unitEntry struct {
	task   *duban.Task
	via    string // the group's name for a group assignment, else ""
	notice int32  // index into the run's notices
	ui     int32  // index into task.Units of the entry that put the task on the sheet
}

// unit is the task's unit entry that put it on the sheet: the sheet's
// unit, or the group of a group assignment (whose role is the member's).
func (e unitEntry) unit() duban.Unit { return e.task.Units[e.ui] }

// unitSheet is everything one unit receives.
type unitSheet struct {
	key     string // the unit as the sheet shows it (duban.UnitAssignments)
	name    string // the unit as the records name it: its reports' key
	entries []unitEntry
	notices []int    // indexes of the notices the entries come from, sorted
	members []string // for a group, its members as the directory lists them
	// asOf (zero: none) and warnDays give each task's light in 进展情况.
	asOf     time.Time
	warnDays int
}

// collectUnits sorts the tasks of all notices onto unit sheets with
// duban.UnitAssignments (a group's tasks also go to its members when dir
// lists them), each task once per sheet — a direct assignment before a
// group one — and each sheet's tasks sorted by deadline (tasks without a
// date last, ties in notice and document order). Sheets come back sorted
// by key.
func collectUnits(notices []*duban.Notice, dir *duban.Directory) []*unitSheet {
	noticeIndex := make(map[*duban.Notice]int, len(notices))
	for i, n := range notices {
		if n != nil {
			if _, dup := noticeIndex[n]; !dup {
				noticeIndex[n] = i
			}
		}
	}
	out := make([]*unitSheet, 0)
	for key, as := range duban.UnitAssignments(notices, dir) {
		if key == "" {
			continue
		}
		name := key
		if len(as) > 0 {
			name = as[0].Name
		}
		s := &unitSheet{key: key, name: name, members: dir.Members(name)}
		seen := map[*duban.Task]bool{}
		has := map[int]bool{}
		for _, a := range as {
			if seen[a.Task] {
				continue
			}
			seen[a.Task] = true
			ni := noticeIndex[a.Notice]
			s.entries = append(s.entries, unitEntry{notice: int32(ni), task: a.Task, ui: int32(a.Index), via: a.Via})
			if !has[ni] {
				has[ni] = true
				s.notices = append(s.notices, ni)
			}
		}
		slices.SortStableFunc(s.entries, func(a, b unitEntry) int {
			da, oka := a.task.Deadline.Time()
			db, okb := b.task.Deadline.Time()
			switch {
			case oka && okb:
				return da.Compare(db)
			case oka:
				return -1
			case okb:
				return 1
			}
			return 0
		})
		slices.Sort(s.notices)
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *unitSheet) int { return cmp.Compare(a.key, b.key) })
	return out
}

// roleCell is the 分工 of a unit for a task: the role's word, and for a
// group assignment, on a line of its own, the group it came through
// ("配合\n经相关县区"), so that the group's name is not broken in the
// narrow column.
func roleCell(role duban.Role, via string) string {
	if via == "" {
		return role.Label()
	}
	return role.Label() + "\n经" + via
}

// unitKeys are the column keys a unit sheet layout may use.
var unitKeys = []string{"seq", "notice", "id", "text", "role", "partners", "deadline", "date", "quarter", "progress", "section"}

// unitValue is the text of a unit sheet column for entry e (the seq-th).
//
// When the unit's tasks come from several notices, each notice gets a
// marker (①, ②…, see noticeMarker) in the sources list and before every
// 任务编号.
func unitValue(key string, seq int, e unitEntry, notices []*duban.Notice, s *unitSheet) string {
	t := e.task
	switch key {
	case "seq":
		return strconv.Itoa(seq)
	case "notice":
		return notices[e.notice].DocNumber
	case "id":
		return s.marker(int(e.notice)) + t.Number()
	case "text":
		return t.Text
	case "role":
		return roleCell(e.unit().Role, e.via)
	case "partners":
		return partners(t, s.name, e.via)
	case "deadline", "date", "quarter", "section":
		return ledgerValue(key, notices[e.notice], t)
	case "progress":
		return progressCell(e, s)
	}
	return ""
}

// progressCell is what 进展情况 shows: the status the unit last reported
// (entryProgress), and with an
// as-of day the task's light for the unit (正常/临期/逾期/已完成) on a line
// of its own. Blank with neither.
func progressCell(e unitEntry, s *unitSheet) string {
	var parts []string
	p := entryProgress(e, s)
	if p != nil && p.Status != "" {
		parts = append(parts, string(p.Status))
	}
	if l := entryLight(e, s); l != duban.LightNone && (p == nil || string(l) != string(p.Status)) {
		parts = append(parts, string(l))
	}
	return strings.Join(parts, "\n")
}

// entryProgress is the report an entry shows: the sheet unit's own, as the
// console, the 催办单 and `duban import` use it; for a task it has through
// a group and has not reported on itself, the group's.
func entryProgress(e unitEntry, s *unitSheet) *duban.Progress {
	p := e.task.LatestProgress(s.name)
	if p == nil && e.via != "" {
		p = e.task.Reported(e.unit())
	}
	return p
}

// entryLight is the light of an entry on the sheet's as-of day
// (LightNone without one): 已完成 when the report it shows says so.
func entryLight(e unitEntry, s *unitSheet) duban.Light {
	if p := entryProgress(e, s); p != nil && p.Status == duban.StatusDone {
		return duban.LightDone
	}
	if s.asOf.IsZero() {
		return duban.LightNone
	}
	return duban.LightOf(e.task, s.name, s.asOf, s.warnDays)
}

// marker is the notice marker of notice ni on the sheet ("" when the
// sheet has one notice).
func (s *unitSheet) marker(ni int) string {
	if len(s.notices) < 2 {
		return ""
	}
	// s.notices is sorted (collectUnits): a sheet with a task of every
	// notice of a large run must not scan them all for every row.
	if k, ok := slices.BinarySearch(s.notices, ni); ok {
		return noticeMarker(k + 1)
	}
	return ""
}

// noticeMarker is ① … ⑳ for k ≤ 20, else "[k]".
func noticeMarker(k int) string {
	if k >= 1 && k <= 20 {
		return string(rune('①' + k - 1))
	}
	return "[" + strconv.Itoa(k) + "]"
}

// partners lists the task's units other than those keyed skip (the
// sheet's own unit, and for a group assignment the group, which 分工
// already names), the lead marked.
func partners(t *duban.Task, skip ...string) string {
	var names []string
	for _, u := range t.Units {
		if slices.Contains(skip, duban.SheetKey(u)) {
			continue
		}
		if u.Role == duban.RoleLead {
			names = append(names, u.Name+"（牵头）")
		} else {
			names = append(names, u.Name)
		}
	}
	return openSuffix(t, strings.Join(names, "、"))
}

// noticeVars are the placeholders of titles for one notice.
func noticeVars(n *duban.Notice) map[string]string {
	plan := string(n.PlanTitle)
	if plan == "" {
		plan = n.Title
	}
	year := ""
	if n.Year != 0 {
		year = strconv.Itoa(n.Year)
	}
	return map[string]string{
		"doc_number": n.DocNumber,
		"title":      n.Title,
		"plan_title": plan,
		"issuer":     n.Issuer,
		"issue_date": string(n.IssueDate),
		"year":       year,
	}
}

// noticeLine names a notice as a source line: 文号《标题》.
func noticeLine(n *duban.Notice) string {
	switch {
	case n.DocNumber != "" && n.Title != "":
		return n.DocNumber + "　" + n.Title
	case n.Title != "":
		return n.Title
	case n.DocNumber != "":
		return n.DocNumber
	}
	return n.Source.Path
}
