package server

import (
	"net/http"
	"net/url"
	"strings"
)

// The tasks behind a number of the 总览: /tasks?quarter=2024Q4&asof=…
// with status= (a status or 未报送), list=overdue|neardue|reported,
// unit= (a unit's row of the ranking) and done=1 (its 已完成 only).

// taskFilter is what a link of the 总览 selects.
type taskFilter struct {
	Quarter, AsOf, Status, List, Unit string
	Done                              bool
}

// query is the filter as a link's query string.
func (f taskFilter) query() string {
	v := url.Values{"quarter": {f.Quarter}, "asof": {f.AsOf}}
	for k, x := range map[string]string{"status": f.Status, "list": f.List, "unit": f.Unit} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if f.Done {
		v.Set("done", "1")
	}
	return v.Encode()
}

// label says in words what the filter selects.
func (f taskFilter) label() string {
	var parts []string
	if f.Unit != "" {
		parts = append(parts, f.Unit)
	}
	switch f.List {
	case "overdue":
		parts = append(parts, "逾期")
	case "neardue":
		parts = append(parts, "临期")
	case "reported":
		parts = append(parts, "已报送进展")
	}
	if f.Status != "" {
		parts = append(parts, f.Status)
	}
	if f.Done {
		parts = append(parts, "已完成")
	}
	if len(parts) == 0 {
		parts = append(parts, "全部")
	}
	return f.Quarter + " 到期 · " + strings.Join(parts, " · ")
}

func (s *Server) taskListPage(w http.ResponseWriter, r *http.Request) {
	q, asOf, msg := s.quarterAndDate(r)
	qv := r.URL.Query()
	f := taskFilter{Quarter: q, AsOf: asOf.Format("2006-01-02"), Status: qv.Get("status"), List: qv.Get("list"), Unit: qv.Get("unit"), Done: qv.Get("done") == "1"}
	o, err := s.overview(q, asOf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var ts []unitTask
	for _, t := range o.tasks {
		switch {
		case f.Status != "" && t.Status != f.Status,
			f.Unit != "" && t.Unit != f.Unit,
			f.Done && t.Status != "已完成",
			f.List == "overdue" && !t.Overdue,
			f.List == "neardue" && !t.NearDue,
			f.List == "reported" && t.Progress == nil:
			continue
		}
		ts = append(ts, t)
	}
	if isAPI(r) {
		writeJSON(w, ts)
		return
	}
	s.render(w, r, "tasks", pageData{Title: "任务", Nav: "overview", Error: msg, Data: map[string]any{
		"Label": f.label(), "Tasks": ts, "Back": "/overview?" + url.Values{"quarter": {q}, "asof": {f.AsOf}}.Encode()}})
}
