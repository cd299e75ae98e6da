package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"reflect"
	"strings"
	"sync"

	"github.com/duban/duban"
)

// pageData is what every page template gets.
type pageData struct {
	Title string
	Nav   string // the menu entry to mark
	User  *user
	CSRF  string
	Error string
	Flash string
	Data  any
}

var funcs = template.FuncMap{
	"role":          RoleLabel,
	"statuses":      func() []duban.Status { return duban.Statuses },
	"statusOptions": statusOptions,
	"join":          strings.Join,
	"inc":           func(i int) int { return i + 1 },
	// num is a task's number as the notice writes it, from its record id.
	"num": func(id string) string { return duban.Task{ID: id}.Number() },
	"short": func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return string(r[:n]) + "…"
	},
	"pct": func(a, b int) string {
		if b == 0 {
			return "—"
		}
		return fmt.Sprintf("%.0f%%", 100*float64(a)/float64(b))
	},
	"day": func(s string) string {
		if len(s) >= 16 {
			return strings.Replace(s[:16], "T", " ", 1)
		}
		return s
	},
	"statusClass": func(s string) string {
		switch duban.Status(s) {
		case duban.StatusDone:
			return "st-done"
		case duban.StatusOnTrack:
			return "st-ok"
		case duban.StatusBehind, duban.StatusCannot:
			return "st-bad"
		case duban.StatusNotStarted:
			return "st-idle"
		}
		return "st-none"
	},
}

// statusOptions is the <option>s of the report form's 状态, the current
// one selected: written once for each status instead of a loop with a
// comparison and an escape per option in every row of every unit page.
func statusOptions(cur string) template.HTML {
	if h, ok := statusOptionsHTML[cur]; ok {
		return h
	}
	return statusOptionsHTML[""]
}

var statusOptionsHTML = func() map[string]template.HTML {
	m := map[string]template.HTML{}
	for _, cur := range append([]duban.Status{""}, duban.Statuses...) {
		var b strings.Builder
		for _, st := range duban.Statuses {
			b.WriteString("<option")
			if st == cur {
				b.WriteString(" selected")
			}
			b.WriteString(">" + template.HTMLEscapeString(string(st)) + "</option>")
		}
		m[string(cur)] = template.HTML(b.String())
	}
	return m
}()

// flashes are the messages a redirect after a change may ask for (?ok=…);
// only these are shown, never text from the address.
var flashes = map[string]string{
	"saved":      "修改已保存",
	"withdrawn":  "任务已撤回",
	"restored":   "任务已恢复",
	"reviewed":   "已标记为审核完成",
	"unreviewed": "已取消审核标记",
	"reported":   "进展已报送",
	"account":    "账户已保存",
	"added":      "任务已新增",
	"split":      "任务已拆分",
	"merged":     "任务已合并",
	"directory":  "单位名录已保存，下次上传的通知按此提取",
}

// pages are the page templates, each rendered inside layout.html.
var pageNames = []string{"login", "setup", "error", "notices", "review", "units", "unit", "overview", "downloads", "settings", "tasks"}

func (s *Server) parseTemplates() error {
	s.pages = map[string]*template.Template{}
	own := template.FuncMap{"unitPageRows": s.unitPageRows, "rows": s.cachedRows}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).Funcs(own).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return fmt.Errorf("server: template %s: %w", name, err)
		}
		s.pages[name] = t
	}
	return nil
}

// unitRow is a row of the unit page's table: a task of the page's unit.
type unitRow struct {
	unitTask
	Unit      string // the page's
	CanReport bool
	CSRF      string
}

// rowCache holds rows of the unit page and the overview as HTML by what
// they show: a report changes one row of one unit, and the other rows are
// not written again. Writing every row through html/template (dozens of
// fields, each escaped through a reflected call) was most of the page's
// cost.
type rowCache struct {
	mu sync.Mutex
	m  map[string]template.HTML
}

// unitPageRows writes the unit page's rows (the template's "unitrow" for
// each task), each with the session's CSRF token.
func (s *Server) unitPageRows(ts []unitTask, unit string, canReport bool, csrf string) (template.HTML, error) {
	hs := make([]string, len(ts))
	size := 0
	for i, t := range ts {
		r := unitRow{unitTask: t, Unit: unit, CanReport: canReport, CSRF: csrfMark}
		k, err := json.Marshal(r) // every field the row may show
		if err != nil {
			return "", err
		}
		key := string(k)
		s.rows.mu.Lock()
		h, ok := s.rows.m[key]
		s.rows.mu.Unlock()
		if !ok {
			var b strings.Builder
			if err := s.pages["unit"].ExecuteTemplate(&b, "unitrow", r); err != nil {
				return "", err
			}
			h = template.HTML(b.String()) // written by html/template: escaped
			s.rows.put(key, h)
		}
		hs[i] = string(h)
		size += len(h) + strings.Count(hs[i], csrfMark)*(len(csrf)-len(csrfMark))
	}
	var out strings.Builder
	out.Grow(size)
	for _, h := range hs {
		// The token is hex: nothing to escape.
		for h != "" {
			before, after, found := strings.Cut(h, csrfMark)
			out.WriteString(before)
			if found {
				out.WriteString(csrf)
			}
			h = after
		}
	}
	return template.HTML(out.String()), nil
}

// rowItem is what a kept row's template gets: its place in the list and
// its item.
type rowItem struct {
	I int
	V any
}

// cachedRows writes block (a template of page) for each item of the slice
// items, keeping each row's HTML by what it shows (the item's JSON and its
// place), as unitPageRows does for the unit page.
func (s *Server) cachedRows(page, block string, items any) (template.HTML, error) {
	v := reflect.ValueOf(items)
	if v.Kind() != reflect.Slice {
		return "", fmt.Errorf("rows %s: %T is not a list", block, items)
	}
	var out strings.Builder
	for i := range v.Len() {
		it := rowItem{I: i, V: v.Index(i).Interface()}
		k, err := json.Marshal(it)
		if err != nil {
			return "", err
		}
		key := page + "/" + block + "/" + string(k)
		s.rows.mu.Lock()
		h, ok := s.rows.m[key]
		s.rows.mu.Unlock()
		if !ok {
			var b strings.Builder
			if err := s.pages[page].ExecuteTemplate(&b, block, it); err != nil {
				return "", err
			}
			h = template.HTML(b.String()) // written by html/template: escaped
			s.rows.put(key, h)
		}
		out.WriteString(string(h))
	}
	return template.HTML(out.String()), nil
}

func (c *rowCache) put(key string, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= 4096 {
		c.m = map[string]template.HTML{} // bounded: rows no longer shown go
	}
	c.m[key] = h
}

// pageBufs are the buffers pages are written into before they are sent.
var pageBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render writes a page; a template error becomes a plain 500.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, d pageData) {
	if d.User == nil {
		d.User = userOf(r)
	}
	if d.User != nil && d.CSRF == "" {
		d.CSRF = d.User.sess.CSRF
	}
	if d.Flash == "" {
		d.Flash = flashes[r.URL.Query().Get("ok")]
	}
	buf := pageBufs.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			pageBufs.Put(buf)
		}
	}()
	if err := s.pages[name].Execute(buf, d); err != nil {
		s.opt.Logf("duban serve: page %s: %v", name, err)
		http.Error(w, "内部错误", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}
