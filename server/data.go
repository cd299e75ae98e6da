package server

import (
	"cmp"
	"html/template"
	"slices"
	"sort"
	"strings"
	"sync"
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
// generation of the store. It is shared by the requests: read only, but
// for the caches behind its mutexes.
type snapshot struct {
	gen     string // notices and corrections
	reports int64  // every report up to this one is folded in
	ns      []*duban.Notice
	slugs   []string
	conf    map[string][]store.Conflict

	bare   []*duban.Notice // ns without progress: kept while only reports change
	text   *textCache      // the review page's source panels, kept likewise
	latest []*latestSet    // the latest reports of each notice (current()'s alone)

	rowsMu sync.Mutex
	rows   map[string][]unitTask // every (task, unit), by as-of day
}

// latestSet is the latest report of each task and unit of a notice, as
// store.LatestReports gives them, kept up to date with the reports written
// since (store.ReportsSince).
type latestSet struct {
	rows []store.TaskProgress
	idx  map[string]int // task and unit → rows
}

// fold takes in reports written later: a report replaces the one of its
// task and unit when it is of a later round, or of the same round and
// written later (as store.LatestReports chooses).
func (l *latestSet) fold(rs []store.TaskProgress) {
	for _, r := range rs {
		k := r.Task + "\x00" + r.Progress.Unit
		if i, ok := l.idx[k]; ok {
			cur := l.rows[i]
			if r.Progress.Round > cur.Progress.Round || r.Progress.Round == cur.Progress.Round && r.ID > cur.ID {
				l.rows[i] = r
			}
			continue
		}
		l.idx[k] = len(l.rows)
		l.rows = append(l.rows, r)
	}
}

// withProgress is a notice of the snapshot with its latest reports: a
// copy of the bare notice (its tasks cloned), so that a later snapshot
// never changes what an earlier one handed out.
func withProgress(bare *duban.Notice, l *latestSet) *duban.Notice {
	n := *bare
	n.Tasks = slices.Clone(n.Tasks)
	// In the order written, as the store gives them (a replaced report
	// keeps its predecessor's place in l.rows).
	rows := slices.Clone(l.rows)
	slices.SortFunc(rows, func(a, b store.TaskProgress) int { return cmp.Compare(a.ID, b.ID) })
	store.AttachLatest(&n, rows)
	return &n
}

// textCache holds the review page's source panel of each notice as HTML.
type textCache struct {
	mu   sync.Mutex
	html map[string]template.HTML
}

// current returns the snapshot of the store's present generation. Every
// request reads the store's generations (one prepared query) and takes
// the published snapshot when it holds them, without a lock. Otherwise
// one request brings it up to date under snapMu while the others that
// need the newer one wait: when only reports were added, only those are
// read (one query for every notice) and only the notices they are on are
// copied; a new notice or correction reads every notice again. A report
// the console has just written is in the store before its answer goes out,
// so the next page of that unit sees it.
func (s *Server) current() (*snapshot, error) {
	gen, reports, err := s.st.Generations()
	if err != nil {
		return nil, err
	}
	if sn := s.snap.Load(); sn != nil && sn.gen == gen && sn.reports >= reports {
		return sn, nil
	}
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	old := s.snap.Load()
	// A snapshot built since this request read the generations holds at
	// least what it read (report ids only grow).
	if old != nil && old.gen == gen && old.reports >= reports {
		return old, nil
	}
	var sn *snapshot
	if old != nil && old.gen == gen {
		sn, err = s.addReports(old, reports)
	} else {
		sn, err = s.rebuild(gen, reports)
	}
	if err != nil {
		return nil, err
	}
	s.snap.Store(sn)
	return sn, nil
}

// addReports is old with the reports written since it was built folded
// in, up to at least the report reports (read before): the notices no
// report was added to are shared with old.
func (s *Server) addReports(old *snapshot, reports int64) (*snapshot, error) {
	rs, err := s.st.ReportsSince(old.reports)
	if err != nil {
		return nil, err
	}
	sn := &snapshot{gen: old.gen, reports: max(old.reports, reports), slugs: old.slugs, conf: old.conf, bare: old.bare, text: old.text,
		latest: old.latest, ns: slices.Clone(old.ns)}
	for len(rs) > 0 {
		// The reports of one notice at a time, in the order written.
		slug := rs[0].Slug
		j := 1
		for j < len(rs) && rs[j].Slug == slug {
			j++
		}
		batch := rs[:j]
		rs = rs[j:]
		sn.reports = max(sn.reports, batch[len(batch)-1].ID)
		if i := slices.Index(sn.slugs, slug); i >= 0 {
			sn.latest[i].fold(batch)
			sn.ns[i] = withProgress(sn.bare[i], sn.latest[i])
		}
	}
	return sn, nil
}

// rebuild reads every notice of the store with its corrections and latest
// reports.
func (s *Server) rebuild(gen string, reports int64) (*snapshot, error) {
	sn := &snapshot{gen: gen, conf: map[string][]store.Conflict{}, text: &textCache{html: map[string]template.HTML{}}}
	slugs, err := s.st.Slugs()
	if err != nil {
		return nil, err
	}
	for _, slug := range slugs {
		n, conf, err := s.st.CorrectedNotice(slug, reparse)
		if err != nil {
			return nil, err
		}
		if n == nil {
			continue
		}
		rs, err := s.st.LatestReports(slug)
		if err != nil {
			return nil, err
		}
		l := &latestSet{idx: map[string]int{}}
		l.fold(rs)
		sn.bare = append(sn.bare, n)
		sn.slugs = append(sn.slugs, slug)
		sn.conf[slug] = conf
		sn.latest = append(sn.latest, l)
		sn.ns = append(sn.ns, withProgress(n, l))
	}
	// Reports written while the notices were read are folded in by the
	// next request, from the mark read before them.
	sn.reports = reports
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
//
// The rows of every unit are computed once per snapshot and day; the slice
// returned for unit "" is shared: read only.
func (s *Server) unitTasks(unit string, asOf time.Time) ([]unitTask, error) {
	sn, err := s.current()
	if err != nil {
		return nil, err
	}
	day := asOf.Format(duban.DateLayout)
	sn.rowsMu.Lock()
	all, ok := sn.rows[day]
	if !ok {
		all = s.allUnitTasks(sn, asOf)
		if sn.rows == nil || len(sn.rows) >= 8 {
			sn.rows = map[string][]unitTask{}
		}
		sn.rows[day] = all
	}
	sn.rowsMu.Unlock()
	if unit == "" {
		return all, nil
	}
	var out []unitTask
	for _, t := range all {
		if t.Unit == unit {
			out = append(out, t)
		}
	}
	return out, nil
}

// allUnitTasks lists every (task, unit) of a snapshot by deadline.
func (s *Server) allUnitTasks(sn *snapshot, asOf time.Time) []unitTask {
	var out []unitTask
	for i, n := range sn.ns {
		for ti, t := range n.Tasks {
			for _, u := range t.Units {
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
	return out
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
