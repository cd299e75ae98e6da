package server

import (
	"net/http"
	"sort"
	"time"

	"github.com/duban/duban"
)

// overview is the 总览 of one quarter as of a date.
type overview struct {
	Quarter  string         `json:"quarter"`
	AsOf     string         `json:"as_of"`
	Quarters []string       `json:"-"`
	Total    int            `json:"total"`
	ByStatus []statusCount  `json:"by_status"`
	Overdue  []unitTask     `json:"overdue"`
	NearDue  []unitTask     `json:"near_due"`
	Units    []unitProgress `json:"units"`
	Reported []unitTask     `json:"reported"`

	tasks []unitTask // every (task, unit) due in the quarter
}

type statusCount struct {
	Status string `json:"status"`
	Count  int    `json:"count"`
	Link   string `json:"-"` // the list of its tasks
}

type unitProgress struct {
	Unit    string  `json:"unit"`
	Tasks   int     `json:"tasks"`
	Done    int     `json:"done"`
	Overdue int     `json:"overdue"`
	Rate    float64 `json:"rate"`

	TasksLink, DoneLink, OverdueLink string // the lists behind the numbers
}

func (s *Server) overview(quarter string, asOf time.Time) (*overview, error) {
	all, err := s.unitTasks("", asOf)
	if err != nil {
		return nil, err
	}
	o := &overview{Quarter: quarter, AsOf: asOf.Format(duban.DateLayout)}
	seenQ := map[string]bool{}
	counts := map[string]int{}
	per := map[string]*unitProgress{}
	for _, t := range all {
		if t.Quarter != "" && !seenQ[t.Quarter] {
			seenQ[t.Quarter] = true
			o.Quarters = append(o.Quarters, t.Quarter)
		}
		if t.Quarter != quarter {
			continue
		}
		o.Total++
		o.tasks = append(o.tasks, t)
		counts[t.Status]++
		p := per[t.Unit]
		if p == nil {
			p = &unitProgress{Unit: t.Unit}
			per[t.Unit] = p
		}
		p.Tasks++
		if t.Status == string(duban.StatusDone) {
			p.Done++
		}
		if t.Overdue {
			p.Overdue++
			o.Overdue = append(o.Overdue, t)
		}
		if t.NearDue {
			o.NearDue = append(o.NearDue, t)
		}
		if t.Progress != nil {
			o.Reported = append(o.Reported, t)
		}
	}
	sort.Strings(o.Quarters)
	for _, st := range duban.Statuses {
		o.ByStatus = append(o.ByStatus, statusCount{Status: string(st), Count: counts[string(st)]})
	}
	o.ByStatus = append(o.ByStatus, statusCount{Status: notReported, Count: counts[notReported]})
	for _, p := range per {
		p.Rate = float64(p.Done) / float64(p.Tasks)
		o.Units = append(o.Units, *p)
	}
	sort.Slice(o.Units, func(a, b int) bool {
		x, y := o.Units[a], o.Units[b]
		if x.Rate != y.Rate {
			return x.Rate > y.Rate
		}
		if x.Overdue != y.Overdue {
			return x.Overdue < y.Overdue
		}
		return x.Unit < y.Unit
	})
	return o, nil
}

// quarterAndDate reads ?quarter= and ?asof= (defaults: today's).
func (s *Server) quarterAndDate(r *http.Request) (string, time.Time, string) {
	asOf := s.opt.Now()
	msg := ""
	if v := r.URL.Query().Get("asof"); v != "" {
		if d, err := time.Parse(duban.DateLayout, v); err == nil {
			asOf = d
		} else {
			msg = "日期应为 YYYY-MM-DD，已按今天计算"
		}
	}
	q := duban.QuarterOf(asOf)
	if v := r.URL.Query().Get("quarter"); v != "" {
		if y, n, err := duban.ParseQuarter(v); err == nil {
			q = duban.QuarterName(y, n)
		} else {
			msg = "季度应写作 2024Q3"
		}
	}
	return q, asOf, msg
}

func (s *Server) overviewPage(w http.ResponseWriter, r *http.Request) {
	q, asOf, msg := s.quarterAndDate(r)
	o, err := s.overview(q, asOf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if isAPI(r) {
		writeJSON(w, o)
		return
	}
	maxN := 1
	for _, c := range o.ByStatus {
		maxN = max(maxN, c.Count)
	}
	link := func(f taskFilter) string {
		f.Quarter, f.AsOf = o.Quarter, o.AsOf
		return "/tasks?" + f.query()
	}
	for i := range o.ByStatus {
		o.ByStatus[i].Link = link(taskFilter{Status: o.ByStatus[i].Status})
	}
	for i := range o.Units {
		u := &o.Units[i]
		u.TasksLink, u.DoneLink, u.OverdueLink = link(taskFilter{Unit: u.Unit}), link(taskFilter{Unit: u.Unit, Done: true}), link(taskFilter{Unit: u.Unit, List: "overdue"})
	}
	s.render(w, r, "overview", pageData{Title: "总览", Nav: "overview", Error: msg, Data: map[string]any{"O": o, "Max": maxN,
		"All": link(taskFilter{}), "Overdue": link(taskFilter{List: "overdue"}), "NearDue": link(taskFilter{List: "neardue"}), "Reported": link(taskFilter{List: "reported"})}})
}
