package server

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/store"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if u.Role == store.RoleUnit {
		http.Redirect(w, r, "/units/"+url.PathEscape(u.Unit), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/notices", http.StatusSeeOther)
}

func (s *Server) noticesPage(w http.ResponseWriter, r *http.Request) {
	rows, err := s.noticeRows()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ups, err := s.st.Uploads(20)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "notices", pageData{Title: "通知", Nav: "notices", Data: map[string]any{
		"Notices": rows, "Uploads": ups, "Accept": strings.Join(extract.Extensions(), ","), "Kinds": strings.Join(extract.Extensions(), " "), "MaxMB": s.opt.MaxUpload >> 20}})
}

// srcLine is one line of a notice's text as read, cut into plain and
// highlighted pieces.
type srcLine struct {
	Line   int
	Page   int
	Task   string // the task starting on this line
	Pieces []piece
}

type piece struct {
	Text string
	Kind string // "", "unit", "deadline"
}

// taskView is a task on the review page.
type taskView struct {
	duban.Task
	UnitsText string
	Raw, Date string
}

func (s *Server) reviewPage(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	n, conf, err := s.notice(slug)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if n == nil {
		http.NotFound(w, r)
		return
	}
	rev, _ := s.st.Reviewed(slug)
	src, srcErr := s.sourceHTML(slug, n)
	errText := ""
	if srcErr != nil {
		errText = srcErr.Error()
		// A file uploaded here is named as it was sent, not as stored.
		if ups, err := s.st.Uploads(1 << 20); err == nil {
			stored := displaySource(n.Source.Path)
			for _, up := range ups {
				if up.Stored == stored && up.Original != "" {
					errText = strings.ReplaceAll(errText, stored, up.Original)
					break
				}
			}
		}
	}
	u := userOf(r)
	panel, err := s.taskPanel(slug, u.Role == store.RoleOffice, func() (map[string]any, error) {
		ext, err := s.st.Extracted(slug)
		if err != nil {
			return nil, err
		}
		tv := make([]taskView, len(n.Tasks))
		for i, t := range n.Tasks {
			tv[i] = taskView{Task: t, UnitsText: unitsText(t.Units)}
			if t.Deadline != nil {
				tv[i].Raw, tv[i].Date = t.Deadline.Raw, string(t.Deadline.Date)
			}
		}
		return map[string]any{"Slug": slug, "Tasks": tv, "Withdrawn": withdrawn(ext, n), "Office": u.Role == store.RoleOffice}, nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	panel = template.HTML(strings.ReplaceAll(string(panel), csrfMark, u.sess.CSRF)) // hex: nothing to escape
	s.render(w, r, "review", pageData{Title: "审核 " + n.DocNumber, Nav: "notices", Data: map[string]any{
		"Slug": slug, "Notice": n, "Tasks": n.Tasks, "Source": src, "TaskPanel": panel, "SourceError": errText, "Conflicts": conf, "Reviewed": rev}})
}

// csrfMark stands for the session's CSRF token in a task panel written
// once for every session.
const csrfMark = "csrfmark0000000000000000000000000000000000000000000000000000mark"

// taskPanel is the review page's task panel (the editing forms for the
// 督查室, the text for the others) with csrfMark for the token: written
// once per state of the notice's tasks and kind of user.
func (s *Server) taskPanel(slug string, office bool, data func() (map[string]any, error)) (template.HTML, error) {
	sn, err := s.current()
	if err != nil {
		return "", err
	}
	key := fmt.Sprintf("panel/%t/%s", office, slug)
	sn.text.mu.Lock()
	h, ok := sn.text.html[key]
	sn.text.mu.Unlock()
	if ok {
		return h, nil
	}
	d, err := data()
	if err != nil {
		return "", err
	}
	d["CSRF"] = csrfMark
	var b strings.Builder
	if err := s.pages["review"].ExecuteTemplate(&b, "taskpanel", d); err != nil {
		return "", err
	}
	h = template.HTML(b.String()) // written by html/template: escaped
	sn.text.mu.Lock()
	sn.text.html[key] = h
	sn.text.mu.Unlock()
	return h, nil
}

// srcTemplate writes the source panel's lines.
var srcTemplate = template.Must(template.New("source").Parse(`{{range .}}<p class="line{{if .Task}} start{{end}}" id="L{{.Line}}" {{if .Task}}data-task="{{.Task}}"{{end}}><span class="ln">{{.Line}}</span>{{range .Pieces}}{{if .Kind}}<mark class="{{.Kind}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}{{if .Task}} <a class="back" href="#T{{.Task}}" title="对应任务">↗</a>{{end}}</p>
{{end}}`))

// sourceHTML is the review page's source panel of a notice: its lines
// with the highlights, written once per state of the notice's tasks (the
// snapshot keeps it while only reports change).
func (s *Server) sourceHTML(slug string, n *duban.Notice) (template.HTML, error) {
	sn, err := s.current()
	if err != nil {
		return "", err
	}
	sn.text.mu.Lock()
	h, ok := sn.text.html[slug]
	sn.text.mu.Unlock()
	if ok {
		return h, nil
	}
	lines, err := s.sourceLines(n)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := srcTemplate.Execute(&b, lines); err != nil {
		return "", err
	}
	h = template.HTML(b.String()) // written by html/template: escaped
	sn.text.mu.Lock()
	sn.text.html[slug] = h
	sn.text.mu.Unlock()
	return h, nil
}

// sourceLines cuts the notice's text as read into lines with the spans
// that gave each task's units and deadline highlighted.
func (s *Server) sourceLines(n *duban.Notice) ([]srcLine, error) {
	text, err := s.noticeText(n.Source.Path, n.Source.SHA256)
	if err != nil {
		return nil, err
	}
	// The task each line belongs to: the last one starting at or before it.
	starts := map[int]string{}
	for _, t := range n.Tasks {
		if _, ok := starts[t.Source.Line]; !ok && t.Source.Line > 0 {
			starts[t.Source.Line] = t.ID
		}
	}
	byID := map[string]*duban.Task{}
	for i := range n.Tasks {
		byID[n.Tasks[i].ID] = &n.Tasks[i]
	}
	out := make([]srcLine, 0, len(text))
	var cur *duban.Task
	for _, tl := range text {
		l := srcLine{Line: tl.Line, Page: tl.Page}
		if id, ok := starts[tl.Line]; ok {
			l.Task, cur = id, byID[id]
		}
		l.Pieces = highlight(tl.Text, cur)
		out = append(out, l)
	}
	return out, nil
}

// textLine is one line of a notice's text as read: a paragraph, or a table
// row with its cells joined by │.
type textLine struct {
	Text string `json:"t"`
	Line int    `json:"l"`
	Page int    `json:"p,omitempty"`
}

// noticeText returns a notice's text as the extraction read it. It is kept
// in the store by checksum (text/<sha256>) the first time it is read — at
// upload for the console's files — so the review page still shows it after
// the file was moved or deleted; only a notice never shown since it was
// imported from the command line needs its file.
func (s *Server) noticeText(p, sum string) ([]textLine, error) {
	key := "text/" + sum
	if sum == "" {
		key = "text/path/" + p
	}
	s.docMu.Lock()
	text := s.docs[key]
	s.docMu.Unlock()
	if text != nil {
		return text, nil
	}
	if ok, err := s.st.Get(key, &text); err != nil {
		return nil, err
	} else if !ok || text == nil {
		doc, err := s.readDocument(p)
		if err != nil {
			return nil, err
		}
		text = documentLines(doc)
		if sum != "" {
			if err := s.st.Put(key, text); err != nil {
				s.opt.Logf("%s: keeping the text in the store: %v", displaySource(p), err)
			}
		}
	}
	s.docMu.Lock()
	if s.docs == nil || len(s.docs) >= 16 {
		s.docs = map[string][]textLine{}
	}
	s.docs[key] = text
	s.docMu.Unlock()
	return text, nil
}

// documentLines is a document's text as lines.
func documentLines(doc *document.Document) []textLine {
	out := []textLine{}
	for _, b := range doc.Blocks {
		if b.Table == nil {
			out = append(out, textLine{b.Text, b.Line, b.Page})
			continue
		}
		for _, row := range b.Table.Rows {
			var cells []string
			line, page := b.Line, b.Page
			for i, c := range row {
				if i == 0 && c.Line > 0 {
					line, page = c.Line, c.Page
				}
				cells = append(cells, c.Text)
			}
			out = append(out, textLine{strings.Join(cells, " │ "), line, page})
		}
	}
	return out
}

// readDocument reads a notice's file as the extraction read it.
func (s *Server) readDocument(p string) (*document.Document, error) {
	rd := extract.ReaderFor(p)
	if rd == nil {
		return nil, fmt.Errorf("%s: 原文格式不可读", displaySource(p))
	}
	fi, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: 原文件已不在", displaySource(p))
	}
	if fi.Size() > 64<<20 {
		return nil, fmt.Errorf("%s: 文件过大", displaySource(p))
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%s: 读取失败", displaySource(p))
	}
	return rd.Read(displaySource(p), data)
}

// highlight cuts text into pieces, marking the task's unit names and
// deadline as written.
func highlight(text string, t *duban.Task) []piece {
	if t == nil {
		return []piece{{Text: text}}
	}
	type mark struct{ s, kind string }
	var marks []mark
	for _, u := range t.Units {
		if u.Name != "" {
			marks = append(marks, mark{u.Name, "unit"})
		}
	}
	if t.Deadline != nil && t.Deadline.Raw != "" {
		marks = append(marks, mark{t.Deadline.Raw, "deadline"})
	}
	var out []piece
	rest := text
	for rest != "" {
		best, bi := -1, -1
		for i, m := range marks {
			if j := strings.Index(rest, m.s); j >= 0 && (best < 0 || j < best || (j == best && len(m.s) > len(marks[bi].s))) {
				best, bi = j, i
			}
		}
		if best < 0 {
			out = append(out, piece{Text: rest})
			break
		}
		if best > 0 {
			out = append(out, piece{Text: rest[:best]})
		}
		out = append(out, piece{Text: marks[bi].s, Kind: marks[bi].kind})
		rest = rest[best+len(marks[bi].s):]
	}
	return out
}

// unitsText writes units as a person edits them: 市发改委（牵头）、市财政局（配合）.
func unitsText(us []duban.Unit) string {
	parts := make([]string, len(us))
	for i, u := range us {
		parts[i] = u.Name + "（" + u.Role.Label() + "）"
	}
	return strings.Join(parts, "、")
}

// parseUnits reads units as unitsText writes them; a name without a role
// is 责任. The 、 inside brackets of a name does not split.
func parseUnits(s string) ([]duban.Unit, error) {
	var out []duban.Unit
	depth := 0
	start := 0
	var items []string
	for i, r := range s {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
			}
		case '、', '，', ',', '；', ';':
			if depth == 0 {
				items = append(items, s[start:i])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	items = append(items, s[start:])
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		role := duban.RoleResponsible
		for _, x := range []struct {
			label string
			role  duban.Role
		}{{"牵头", duban.RoleLead}, {"配合", duban.RoleCo}, {"责任", duban.RoleResponsible}} {
			for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
				if suf := br[0] + x.label + br[1]; strings.HasSuffix(it, suf) {
					it, role = strings.TrimSpace(strings.TrimSuffix(it, suf)), x.role
				}
			}
		}
		if it == "" || utf8.RuneCountInString(it) > 100 {
			return nil, fmt.Errorf("单位名称有误：%q", it)
		}
		out = append(out, duban.Unit{Name: it, Role: role})
	}
	return out, nil
}

// maxField bounds a text field a person types.
const maxField = 4000

func (s *Server) correctSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	slug, id := r.PathValue("slug"), r.PathValue("task")
	u := userOf(r)
	ext, err := s.st.Extracted(slug)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cur, _, err := s.st.Notice(slug, reparse)
	if err != nil || cur == nil || ext == nil {
		if err == nil {
			http.NotFound(w, r)
		} else {
			s.fail(w, r, err)
		}
		return
	}
	if r.PostFormValue("restore") == "1" {
		// A withdrawn task brought back (it is in the extraction, no
		// longer in the notice as corrected).
		s.restoreTask(w, r, slug, id, ext, cur)
		return
	}
	var t *duban.Task
	for i := range cur.Tasks {
		if cur.Tasks[i].ID == id {
			t = &cur.Tasks[i]
		}
	}
	if t == nil {
		http.NotFound(w, r)
		return
	}
	var base *duban.Task
	for i := range ext.Tasks {
		if ext.Tasks[i].ID == id {
			base = &ext.Tasks[i]
		}
	}
	var cs []store.Correction
	mk := func(field, nv string) {
		ov := store.Value(t, field)
		if nv == ov {
			return
		}
		b := ""
		if base != nil {
			b = store.Value(base, field)
		}
		cs = append(cs, store.Correction{Slug: slug, Task: id, Field: field, Old: ov, New: nv, Base: b, By: u.Name, Origin: "console"})
	}
	if r.PostFormValue("withdraw") == "1" {
		cs = append(cs, store.Correction{Slug: slug, Task: id, Field: store.FieldWithdrawn, Old: "0", New: "1", By: u.Name, Origin: "console"})
	} else {
		text := strings.TrimSpace(r.PostFormValue("text"))
		if text == "" || utf8.RuneCountInString(text) > maxField {
			s.badRequest(w, r, "任务内容不能为空，且不超过 4000 字")
			return
		}
		mk(store.FieldText, text)
		us, err := parseUnits(r.PostFormValue("units"))
		if err != nil {
			s.badRequest(w, r, err.Error())
			return
		}
		mk(store.FieldUnits, store.Value(&duban.Task{Units: us}, store.FieldUnits))
		raw := strings.TrimSpace(r.PostFormValue("deadline"))
		date := strings.TrimSpace(r.PostFormValue("date"))
		if date != "" {
			if _, err := time.Parse(duban.DateLayout, date); err != nil {
				s.badRequest(w, r, "截止日期应为 YYYY-MM-DD")
				return
			}
		}
		mk(store.FieldDeadlineRaw, raw)
		// A 完成时限 edited alone: the date follows it (the store redates).
		if date != store.Value(t, store.FieldDeadlineDate) {
			mk(store.FieldDeadlineDate, date)
		}
	}
	var changed []string
	for _, c := range cs {
		ok, err := s.st.AddCorrection(c)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if ok {
			changed = append(changed, c.Field)
			s.st.Audit(u.Name, "更正", slug+" "+id, fmt.Sprintf("%s：%s → %s", fieldLabel(c.Field), short(auditValue(c.Field, c.Old)), short(auditValue(c.Field, c.New))))
		}
	}
	if isAPI(r) || r.Header.Get("Accept") == "application/json" {
		writeJSON(w, map[string]any{"changed": changed})
		return
	}
	ok := "saved"
	if r.PostFormValue("withdraw") == "1" {
		ok = "withdrawn"
	}
	http.Redirect(w, r, "/notices/"+url.PathEscape(slug)+"?ok="+ok+"#T"+url.QueryEscape(id), http.StatusSeeOther)
}

// fieldLabel is a correction's field as the ledger's column calls it.
func fieldLabel(f string) string {
	switch f {
	case store.FieldText:
		return "任务内容"
	case store.FieldUnits:
		return "责任单位"
	case store.FieldDeadlineRaw:
		return "完成时限"
	case store.FieldDeadlineDate:
		return "截止日期"
	case store.FieldWithdrawn:
		return "撤回"
	case store.FieldSection:
		return "板块"
	}
	return f
}

// auditValue shows a stored value as a person reads it.
func auditValue(field, v string) string {
	if field == store.FieldUnits {
		var us []duban.Unit
		if json.Unmarshal([]byte(v), &us) == nil {
			return unitsText(us)
		}
	}
	return v
}

func (s *Server) restoreTask(w http.ResponseWriter, r *http.Request, slug, id string, ext, cur *duban.Notice) {
	inExt, inCur := false, false
	for _, t := range ext.Tasks {
		inExt = inExt || t.ID == id
	}
	for _, t := range cur.Tasks {
		inCur = inCur || t.ID == id
	}
	if !inExt || inCur {
		http.NotFound(w, r)
		return
	}
	u := userOf(r)
	if _, err := s.st.AddCorrection(store.Correction{Slug: slug, Task: id, Field: store.FieldWithdrawn, Old: "1", New: "0", By: u.Name, Origin: "console"}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.st.Audit(u.Name, "恢复任务", slug+" "+id, "")
	http.Redirect(w, r, "/notices/"+url.PathEscape(slug)+"?ok=restored#T"+url.QueryEscape(id), http.StatusSeeOther)
}

// withdrawn lists the tasks of the extraction the notice as corrected no
// longer has.
func withdrawn(ext, cur *duban.Notice) []duban.Task {
	if ext == nil || cur == nil {
		return nil
	}
	have := map[string]bool{}
	for _, t := range cur.Tasks {
		have[t.ID] = true
	}
	var out []duban.Task
	for _, t := range ext.Tasks {
		if !have[t.ID] {
			out = append(out, t)
		}
	}
	return out
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

func (s *Server) badRequest(w http.ResponseWriter, r *http.Request, msg string) {
	jsonError(w, http.StatusBadRequest, msg)
}

func (s *Server) reviewedSubmit(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	u := userOf(r)
	if n, err := s.st.Extracted(slug); err != nil || n == nil {
		http.NotFound(w, r)
		return
	}
	by, ok, action := u.Name, "reviewed", "标记已审核"
	if r.PostFormValue("undo") == "1" {
		by, ok, action = "", "unreviewed", "取消审核标记"
	}
	if err := s.st.SetReviewed(slug, by); err != nil {
		s.fail(w, r, err)
		return
	}
	s.st.Audit(u.Name, action, slug, "")
	http.Redirect(w, r, "/notices/"+url.PathEscape(slug)+"?ok="+ok, http.StatusSeeOther)
}

func (s *Server) unitsPage(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if u.Role == store.RoleUnit {
		http.Redirect(w, r, "/units/"+url.PathEscape(u.Unit), http.StatusSeeOther)
		return
	}
	us, err := s.unitNames()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "units", pageData{Title: "单位", Nav: "units", Data: us})
}

// mayUnit says whether the user may see a unit's tasks.
func mayUnit(u *user, unit string) bool {
	return u.Role != store.RoleUnit || u.Unit == unit
}

func (s *Server) unitPage(w http.ResponseWriter, r *http.Request) {
	unit := r.PathValue("unit")
	u := userOf(r)
	if !mayUnit(u, unit) {
		s.forbidden(w, r, "只能查看本单位的任务")
		return
	}
	ts, err := s.unitTasks(unit, s.opt.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var placed []string
	if len(ts) == 0 {
		if placed, err = s.placedKeys(unit); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, "unit", pageData{Title: unit, Nav: "units", Data: map[string]any{
		"Unit": unit, "Tasks": ts, "CanReport": u.Role != store.RoleViewer, "Today": s.opt.Now().Format(duban.DateLayout),
		"Placed": placed, "Office": u.Role == store.RoleOffice}})
}

// reportIn is a progress report as a form or JSON sends it.
type reportIn struct {
	Notice    string `json:"notice"`
	Task      string `json:"task"`
	Status    string `json:"status"`
	Detail    string `json:"detail"`
	Problems  string `json:"problems"`
	NextSteps string `json:"next_steps"`
	DoneDate  string `json:"done_date"`
}

// report checks and stores a report of unit; code is the HTTP status of a
// refusal.
func (s *Server) report(u *user, unit string, in reportIn) (stored bool, code int, msg string) {
	if !mayUnit(u, unit) {
		return false, http.StatusForbidden, "只能报送本单位的进展"
	}
	st, ok := duban.ParseStatus(strings.TrimSpace(in.Status))
	if !ok {
		return false, http.StatusBadRequest, "状态应为 已完成、按时推进、滞后、未启动 或 无法完成"
	}
	for _, f := range []string{in.Detail, in.Problems, in.NextSteps} {
		if utf8.RuneCountInString(f) > maxField {
			return false, http.StatusBadRequest, "每项内容不超过 4000 字"
		}
	}
	in.DoneDate = strings.TrimSpace(in.DoneDate)
	if in.DoneDate != "" {
		if _, err := time.Parse(duban.DateLayout, in.DoneDate); err != nil {
			return false, http.StatusBadRequest, "完成日期应为 YYYY-MM-DD"
		}
	}
	// The task must be on the unit's list as the console shows it (the
	// unit key, place-qualified or not); the report is kept under the name
	// the task's records give the unit, as `duban import` keeps it.
	ts, err := s.unitTasks(unit, s.opt.Now())
	if err != nil {
		return false, http.StatusInternalServerError, err.Error()
	}
	name := ""
	for _, t := range ts {
		if t.Slug == in.Notice && t.Task == in.Task {
			name = t.Name
		}
	}
	if name == "" {
		return false, http.StatusNotFound, "该单位没有这项任务"
	}
	now := s.opt.Now()
	rep := store.Report{Slug: in.Notice, Task: in.Task, By: u.Name, Progress: duban.Progress{
		Unit: name, Status: st, Detail: strings.TrimSpace(in.Detail), Problems: strings.TrimSpace(in.Problems),
		NextSteps: strings.TrimSpace(in.NextSteps), DoneDate: in.DoneDate, Round: duban.QuarterOf(now), File: "console"}}
	stored, err = s.st.AddReport(rep)
	if err != nil {
		return false, http.StatusConflict, err.Error()
	}
	if stored {
		s.st.Audit(u.Name, "报送进展", in.Notice+" "+in.Task, unit+"："+string(st))
	}
	return stored, 0, ""
}

func (s *Server) reportSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	unit := r.PathValue("unit")
	in := reportIn{Notice: r.PostFormValue("notice"), Task: r.PostFormValue("task"), Status: r.PostFormValue("status"),
		Detail: r.PostFormValue("detail"), Problems: r.PostFormValue("problems"), NextSteps: r.PostFormValue("next_steps"), DoneDate: r.PostFormValue("done_date")}
	_, code, msg := s.report(userOf(r), unit, in)
	if code != 0 {
		if code == http.StatusForbidden {
			s.forbidden(w, r, msg)
			return
		}
		jsonError(w, code, msg)
		return
	}
	http.Redirect(w, r, "/units/"+url.PathEscape(unit)+"?ok=reported#T"+url.QueryEscape(in.Notice+"/"+in.Task), http.StatusSeeOther)
}
