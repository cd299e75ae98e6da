package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/store"
)

// Adding, splitting and merging tasks on the 审核 page. Each is a set of
// corrections in the store, as a corrected ledger makes them: an added row
// (FieldAdded, with the row it goes behind), a withdrawn row, changed
// fields; each with who and when, and a line in the audit log.

// editTarget is the notice a structural edit works on: as extracted and as
// corrected now.
type editTarget struct {
	slug     string
	ext, cur *duban.Notice
}

func (s *Server) editTarget(w http.ResponseWriter, r *http.Request) *editTarget {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	slug := r.PathValue("slug")
	ext, err := s.st.Extracted(slug)
	if err != nil {
		s.fail(w, r, err)
		return nil
	}
	cur, _, err := s.st.Notice(slug, reparse)
	if err != nil {
		s.fail(w, r, err)
		return nil
	}
	if ext == nil || cur == nil {
		http.NotFound(w, r)
		return nil
	}
	return &editTarget{slug: slug, ext: ext, cur: cur}
}

func (e *editTarget) task(id string) *duban.Task {
	for i := range e.cur.Tasks {
		if e.cur.Tasks[i].ID == id {
			return &e.cur.Tasks[i]
		}
	}
	return nil
}

// newID returns an ID no task of the notice has ever had (extracted,
// corrected or added and withdrawn since): prefix followed by 1, 2, ….
func (s *Server) newID(e *editTarget, prefix string, from int) (string, error) {
	used := map[string]bool{}
	for _, n := range []*duban.Notice{e.ext, e.cur} {
		for _, t := range n.Tasks {
			used[t.ID] = true
		}
	}
	hist, err := s.st.History(e.slug)
	if err != nil {
		return "", err
	}
	for _, c := range hist {
		used[c.Task] = true
	}
	for i := from; ; i++ {
		if id := prefix + strconv.Itoa(i); !used[id] {
			return id, nil
		}
	}
}

// taskFields reads a task's text, units and 完成时限 from a form; a
// 完成时限 with no date is dated by the store as extraction dates it.
func taskFields(r *http.Request, textField string) (duban.Task, error) {
	var t duban.Task
	t.Text = strings.TrimSpace(r.PostFormValue(textField))
	if t.Text == "" || utf8.RuneCountInString(t.Text) > maxField {
		return t, fmt.Errorf("任务内容不能为空，且不超过 4000 字")
	}
	us, err := parseUnits(r.PostFormValue("units"))
	if err != nil {
		return t, err
	}
	t.Units = us
	raw := strings.TrimSpace(r.PostFormValue("deadline"))
	date := strings.TrimSpace(r.PostFormValue("date"))
	if date != "" {
		if _, err := time.Parse(duban.DateLayout, date); err != nil {
			return t, fmt.Errorf("截止日期应为 YYYY-MM-DD")
		}
	}
	if raw != "" || date != "" {
		t.Deadline = &duban.Deadline{Raw: raw, Date: duban.NullString(date)}
	}
	return t, nil
}

// addedCorrection is the correction that adds t behind the task after.
func addedCorrection(slug string, t duban.Task, after, by string) store.Correction {
	t.Progress = nil
	b, _ := json.Marshal(t)
	return store.Correction{Slug: slug, Task: t.ID, Field: store.FieldAdded, New: string(b), Base: after, By: by, Origin: "console"}
}

// applyEdit stores corrections, then runs then (nil: nothing; the reports
// a merge or split carries over), and writes one audit line with what then
// adds to detail; it answers with the task to show.
func (s *Server) applyEdit(w http.ResponseWriter, r *http.Request, e *editTarget, cs []store.Correction, action, target, detail, ok, show string,
	then func() ([]store.Report, error)) {
	for _, c := range cs {
		if _, err := s.st.AddCorrection(c); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	var carried []store.Report
	if then != nil {
		var err error
		if carried, err = then(); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if len(carried) > 0 {
		var us []string
		for _, c := range carried {
			us = append(us, c.Unit+"（"+string(c.Status)+"）")
		}
		detail += fmt.Sprintf("；转入进展 %d 条：%s", len(carried), strings.Join(us, "、"))
	}
	s.st.Audit(userOf(r).Name, action, e.slug+" "+target, detail)
	if isAPI(r) || r.Header.Get("Accept") == "application/json" {
		writeJSON(w, map[string]any{"task": show, "corrections": len(cs), "reports_carried": len(carried)})
		return
	}
	http.Redirect(w, r, "/notices/"+url.PathEscape(e.slug)+"?ok="+ok+"#T"+url.QueryEscape(show), http.StatusSeeOther)
}

// addTask adds a task the extraction missed, behind the task named in
// "after" (none: at the end).
func (s *Server) addTask(w http.ResponseWriter, r *http.Request) {
	e := s.editTarget(w, r)
	if e == nil {
		return
	}
	t, err := taskFields(r, "text")
	if err != nil {
		s.badRequest(w, r, err.Error())
		return
	}
	after := r.PostFormValue("after")
	if after != "" {
		a := e.task(after)
		if a == nil {
			s.badRequest(w, r, "没有任务 "+after)
			return
		}
		t.Section, t.Path, t.Source = a.Section, nil, a.Source
	}
	if t.ID, err = s.newID(e, "补", 1); err != nil {
		s.fail(w, r, err)
		return
	}
	u := userOf(r)
	s.applyEdit(w, r, e, []store.Correction{addedCorrection(e.slug, t, after, u.Name)},
		"新增任务", t.ID, short(t.Text), "added", t.ID, nil)
}

// splitTask cuts a task in two: the task keeps the first part, a new task
// behind it gets the second. The clerk says where the text divides in one
// of three ways: both parts written out ("text", "text2"); only the part to
// split off ("text2", found in the task's text and cut out of it, "text"
// left as it was); or a point in the text ("at", in characters: the form's
// 在光标处断开 sends the parts the same way). Each part has the units and
// 完成时限 the form gives it ("units", "deadline", "date" for the task;
// "units2", "deadline2", "date2" for the new one), the task's own where the
// form leaves them out. The new part starts with the progress of the
// units it keeps (store.CarryReports): they reported on the whole.
func (s *Server) splitTask(w http.ResponseWriter, r *http.Request) {
	e := s.editTarget(w, r)
	if e == nil {
		return
	}
	id := r.PathValue("task")
	t := e.task(id)
	if t == nil {
		http.NotFound(w, r)
		return
	}
	first, second, msg := splitParts(t.Text, r.PostFormValue("text"), r.PostFormValue("text2"), r.PostFormValue("at"))
	if msg != "" {
		s.badRequest(w, r, msg)
		return
	}
	ft, err := partFields(r, "", t)
	if err != nil {
		s.badRequest(w, r, err.Error())
		return
	}
	nt, err := partFields(r, "2", t)
	if err != nil {
		s.badRequest(w, r, err.Error())
		return
	}
	if len(nt.Units) == 0 {
		s.badRequest(w, r, "拆出的新任务须有责任单位")
		return
	}
	u := userOf(r)
	var cs []store.Correction
	ft.Text = first
	for _, f := range []string{store.FieldText, store.FieldUnits, store.FieldDeadlineRaw, store.FieldDeadlineDate} {
		if nv := store.Value(&ft, f); nv != store.Value(t, f) {
			// A 完成时限 changed alone: the store dates it again.
			if f == store.FieldDeadlineDate && nv == "" && store.Value(&ft, store.FieldDeadlineRaw) != "" {
				continue
			}
			cs = append(cs, s.fieldCorrection(e, t, f, nv, u.Name))
		}
	}
	nt.Text, nt.Progress, nt.Path = second, nil, nil
	if nt.ID, err = s.newID(e, id+"-", 2); err != nil {
		s.fail(w, r, err)
		return
	}
	cs = append(cs, addedCorrection(e.slug, nt, id, u.Name))
	dir, err := s.directory()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.applyEdit(w, r, e, cs, "拆分任务", id, id+" → "+id+"、"+nt.ID, "split", nt.ID, func() ([]store.Report, error) {
		return s.st.CarryReports(e.slug, id, nt.ID, namedBy(nt.Units, dir), u.Name, "拆分自 "+id)
	})
}

// splitParts finds the two parts of a task's text (see splitTask); msg
// says why it cannot.
func splitParts(whole, first, second, at string) (string, string, string) {
	first, second = strings.TrimSpace(first), strings.TrimSpace(second)
	switch {
	case second == "" && strings.TrimSpace(at) != "":
		rs := []rune(whole)
		i, err := strconv.Atoi(strings.TrimSpace(at))
		if err != nil || i <= 0 || i >= len(rs) {
			return "", "", "拆分点应在任务内容之中（第 1 至第 " + strconv.Itoa(len(rs)-1) + " 个字之后）"
		}
		first, second = strings.TrimSpace(string(rs[:i])), strings.TrimSpace(string(rs[i:]))
	case second != "" && (first == "" || first == strings.TrimSpace(whole)):
		// Only the part split off: it leaves the task's text.
		i := strings.Index(whole, second)
		if i < 0 {
			return "", "", "拆出的内容不在本项任务内容中：请在“本项保留”中删去拆出的部分，或在原文中选定断开处"
		}
		first = strings.TrimSpace(whole[:i] + whole[i+len(second):])
	}
	if first == "" || second == "" || utf8.RuneCountInString(first) > maxField || utf8.RuneCountInString(second) > maxField {
		return "", "", "拆分后的两部分都不能为空，且不超过 4000 字"
	}
	return first, second, ""
}

// partFields is task t with the units and 完成时限 the split form gives
// one part (suffix "" the task, "2" the new one); a field the form leaves
// out keeps t's.
func partFields(r *http.Request, suffix string, t *duban.Task) (duban.Task, error) {
	p := *t
	p.Units = slices.Clone(t.Units)
	if _, ok := r.PostForm["units"+suffix]; ok {
		us, err := parseUnits(r.PostFormValue("units" + suffix))
		if err != nil {
			return p, err
		}
		p.Units = us
	}
	_, hasRaw := r.PostForm["deadline"+suffix]
	_, hasDate := r.PostForm["date"+suffix]
	if !hasRaw && !hasDate {
		return p, nil
	}
	raw, date := strings.TrimSpace(r.PostFormValue("deadline"+suffix)), strings.TrimSpace(r.PostFormValue("date"+suffix))
	if !hasRaw && t.Deadline != nil {
		raw = t.Deadline.Raw
	}
	if date != "" {
		if _, err := time.Parse(duban.DateLayout, date); err != nil {
			return p, fmt.Errorf("截止日期应为 YYYY-MM-DD")
		}
	}
	cur := t.Deadline
	switch {
	case cur != nil && raw == cur.Raw && date == string(cur.Date):
		// unchanged
	case raw == "" && date == "":
		p.Deadline = nil
	case cur != nil && raw != cur.Raw && date == string(cur.Date):
		// A 完成时限 edited alone: dated again as extraction dates it.
		p.Deadline = &duban.Deadline{Raw: raw}
	default:
		p.Deadline = &duban.Deadline{Raw: raw, Date: duban.NullString(date)}
	}
	return p, nil
}

// namedBy says whether a report's unit is among units: by the name as
// written or the sheet's name, or as a member of a group among them.
func namedBy(units []duban.Unit, dir *duban.Directory) func(string) bool {
	names := map[string]bool{}
	for _, u := range units {
		names[u.Name], names[duban.SheetKey(u)] = true, true
		for _, m := range dir.Members(duban.SheetKey(u)) {
			names[m] = true
		}
	}
	return func(unit string) bool { return names[unit] }
}

// mergeTask joins task "with" into the task: the texts one after the
// other, the units of both (a unit named in both keeps the task's role),
// the task's 完成时限 unless it has none; the other task is withdrawn, and
// its units' latest reports are carried onto the task (a unit that has
// reported on both keeps the more recent report).
func (s *Server) mergeTask(w http.ResponseWriter, r *http.Request) {
	e := s.editTarget(w, r)
	if e == nil {
		return
	}
	id, other := r.PathValue("task"), r.PostFormValue("with")
	t, o := e.task(id), e.task(other)
	if t == nil {
		http.NotFound(w, r)
		return
	}
	if o == nil || other == id {
		s.badRequest(w, r, "请选择要并入的另一项任务")
		return
	}
	u := userOf(r)
	m := *t
	m.Text = strings.TrimSpace(t.Text) + strings.TrimSpace(o.Text)
	m.Units = append([]duban.Unit(nil), t.Units...)
	for _, x := range o.Units {
		dup := false
		for _, y := range m.Units {
			dup = dup || y.Name == x.Name
		}
		if !dup {
			m.Units = append(m.Units, x)
		}
	}
	if t.Deadline == nil || (t.Deadline.Raw == "" && t.Deadline.Date == "") {
		m.Deadline = o.Deadline
	}
	var cs []store.Correction
	for _, f := range []string{store.FieldText, store.FieldUnits, store.FieldDeadlineRaw, store.FieldDeadlineDate} {
		if nv := store.Value(&m, f); nv != store.Value(t, f) {
			cs = append(cs, s.fieldCorrection(e, t, f, nv, u.Name))
		}
	}
	cs = append(cs, store.Correction{Slug: e.slug, Task: other, Field: store.FieldWithdrawn, Old: "0", New: "1", By: u.Name, Origin: "console"})
	// The reports on the task merged away go with it: copied onto the
	// task that takes it in (its own reports stay in history).
	s.applyEdit(w, r, e, cs, "合并任务", id, other+" 并入 "+id, "merged", id, func() ([]store.Report, error) {
		return s.st.CarryReports(e.slug, other, id, nil, u.Name, "合并自 "+other)
	})
}

// fieldCorrection is a correction of one field of task t to nv.
func (s *Server) fieldCorrection(e *editTarget, t *duban.Task, field, nv, by string) store.Correction {
	b := ""
	for i := range e.ext.Tasks {
		if e.ext.Tasks[i].ID == t.ID {
			b = store.Value(&e.ext.Tasks[i], field)
		}
	}
	return store.Correction{Slug: e.slug, Task: t.ID, Field: field, Old: store.Value(t, field), New: nv, Base: b, By: by, Origin: "console"}
}
