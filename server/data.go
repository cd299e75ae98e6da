package server

import (
	"sort"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/store"
)

// reparse redates a corrected 完成时限, as the pipeline does.
var reparse store.Reparse = extract.ParseDeadline

// noticeRow is a notice as the 通知 list shows it.
type noticeRow struct {
	Slug      string        `json:"slug"`
	DocNumber string        `json:"doc_number"`
	Title     string        `json:"title"`
	Tasks     int           `json:"tasks"`
	Units     int           `json:"units"`
	Warnings  int           `json:"warnings"`
	Conflicts int           `json:"conflicts"`
	Reviewed  *store.Review `json:"reviewed"`
	Source    string        `json:"source"`
}

// snapshot is every notice of the store as the office knows it, at one
// generation of the store. It is shared by the requests: read only.
type snapshot struct {
	gen   string
	ns    []*duban.Notice
	slugs []string
	conf  map[string][]store.Conflict
}

// current returns the snapshot of the store's present generation, computing
// it once per change (one request computes, the others wait for it).
func (s *Server) current() (*snapshot, error) {
	gen, err := s.st.Generation()
	if err != nil {
		return nil, err
	}
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	if s.snap != nil && s.snap.gen == gen {
		return s.snap, nil
	}
	slugs, err := s.st.Slugs()
	if err != nil {
		return nil, err
	}
	sn := &snapshot{gen: gen, conf: map[string][]store.Conflict{}}
	for _, slug := range slugs {
		n, conf, err := s.st.CurrentNotice(slug, reparse)
		if err != nil {
			return nil, err
		}
		if n != nil {
			sn.ns = append(sn.ns, n)
			sn.slugs = append(sn.slugs, slug)
			sn.conf[slug] = conf
		}
	}
	s.snap = sn
	return sn, nil
}

// notice returns one notice of the current snapshot (read only), nil when
// the store does not hold it.
func (s *Server) notice(slug string) (*duban.Notice, []store.Conflict, error) {
	sn, err := s.current()
	if err != nil {
		return nil, nil, err
	}
	for i, sl := range sn.slugs {
		if sl == slug {
			return sn.ns[i], sn.conf[slug], nil
		}
	}
	return nil, nil, nil
}

// notices loads every notice of the store afresh (copies a renderer may
// change).
func (s *Server) notices() ([]*duban.Notice, []string, error) {
	slugs, err := s.st.Slugs()
	if err != nil {
		return nil, nil, err
	}
	var ns []*duban.Notice
	var keep []string
	for _, slug := range slugs {
		n, _, err := s.st.CurrentNotice(slug, reparse)
		if err != nil {
			return nil, nil, err
		}
		if n != nil {
			ns = append(ns, n)
			keep = append(keep, slug)
		}
	}
	return ns, keep, nil
}

func (s *Server) noticeRows() ([]noticeRow, error) {
	sn, err := s.current()
	if err != nil {
		return nil, err
	}
	// Files uploaded here are shown by the name they were sent with.
	ups, err := s.st.Uploads(1 << 20)
	if err != nil {
		return nil, err
	}
	sent := map[string]string{}
	for _, u := range ups {
		if u.Stored != "" {
			sent[u.Stored] = u.Original
		}
	}
	var out []noticeRow
	for i, slug := range sn.slugs {
		n, conf := sn.ns[i], sn.conf[slug]
		rev, err := s.st.Reviewed(slug)
		if err != nil {
			return nil, err
		}
		units := map[string]bool{}
		for _, t := range n.Tasks {
			for _, u := range t.Units {
				units[u.Name] = true
			}
		}
		out = append(out, noticeRow{Slug: slug, DocNumber: n.DocNumber, Title: n.Title, Tasks: len(n.Tasks), Units: len(units),
			Warnings: len(n.Warnings), Conflicts: len(conf), Reviewed: rev, Source: displaySource(n.Source.Path)})
		if o, ok := sent[out[len(out)-1].Source]; ok {
			out[len(out)-1].Source = o
		}
	}
	return out, nil
}

// displaySource is a notice's file as shown: the base name only.
func displaySource(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	if i := strings.LastIndex(p, "/"); i >= 0 {
		p = p[i+1:]
	}
	return p
}

// unitTask is one task of one unit with its state.
type unitTask struct {
	Slug      string          `json:"notice"`
	DocNumber string          `json:"doc_number"`
	Task      string          `json:"task"`
	Text      string          `json:"text"`
	Role      string          `json:"role"`
	Others    []string        `json:"other_units,omitempty"`
	Deadline  string          `json:"deadline"`
	Date      string          `json:"date,omitempty"`
	Quarter   string          `json:"quarter,omitempty"`
	Unit      string          `json:"unit"`
	Status    string          `json:"status"` // the reported status, or 未报送
	Progress  *duban.Progress `json:"progress,omitempty"`
	Overdue   bool            `json:"overdue"`
	NearDue   bool            `json:"near_due"`
}

// notReported is the status of a task no report was made on.
const notReported = "未报送"

// unitTasks lists every (task, unit) of the store, for one unit when unit
// is not empty, by deadline.
func (s *Server) unitTasks(unit string, asOf time.Time) ([]unitTask, error) {
	sn, err := s.current()
	if err != nil {
		return nil, err
	}
	var out []unitTask
	for i, n := range sn.ns {
		for ti, t := range n.Tasks {
			for _, u := range t.Units {
				if unit != "" && u.Name != unit {
					continue
				}
				ut := unitTask{Slug: sn.slugs[i], DocNumber: n.DocNumber, Task: t.ID, Text: t.Text, Role: u.Role.Label(), Unit: u.Name, Status: notReported}
				for _, o := range t.Units {
					if o.Name != u.Name {
						ut.Others = append(ut.Others, o.Name)
					}
				}
				if t.Deadline != nil {
					ut.Deadline, ut.Date, ut.Quarter = t.Deadline.Raw, string(t.Deadline.Date), string(t.Deadline.Quarter)
				}
				for j := range t.Progress {
					if t.Progress[j].Unit == u.Name {
						p := t.Progress[j]
						ut.Progress, ut.Status = &p, string(p.Status)
					}
				}
				switch duban.LightOf(&n.Tasks[ti], u.Name, asOf, s.opt.WarnDays) {
				case duban.LightOverdue:
					ut.Overdue = true
				case duban.LightNear:
					ut.NearDue = true
				}
				out = append(out, ut)
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		da, db := out[a].Date, out[b].Date
		if (da == "") != (db == "") {
			return db == ""
		}
		return da < db
	})
	return out, nil
}

// unitNames lists every unit named in the store with its task count.
func (s *Server) unitNames() ([]unitCount, error) {
	ts, err := s.unitTasks("", s.opt.Now())
	if err != nil {
		return nil, err
	}
	idx := map[string]int{}
	var out []unitCount
	for _, t := range ts {
		i, ok := idx[t.Unit]
		if !ok {
			i = len(out)
			idx[t.Unit] = i
			out = append(out, unitCount{Name: t.Unit})
		}
		out[i].Tasks++
		if t.Status == string(duban.StatusDone) {
			out[i].Done++
		}
		if t.Status != notReported {
			out[i].Reported++
		}
		if t.Overdue {
			out[i].Overdue++
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Tasks != out[b].Tasks {
			return out[a].Tasks > out[b].Tasks
		}
		return out[a].Name < out[b].Name
	})
	return out, nil
}

type unitCount struct {
	Name                           string
	Tasks, Done, Reported, Overdue int
}
