package server

import (
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
	reports int64  // the latest report
	ns      []*duban.Notice
	slugs   []string
	conf    map[string][]store.Conflict

	bare   []*duban.Notice // ns without progress: kept while only reports change
	text   *textCache      // the review page's source panels, kept likewise
	latest []*latestSet    // the latest reports of each notice, brought up to date

	rowsMu sync.Mutex
	rows   map[string][]unitTask // every (task, unit), by as-of day
}

// latestSet is the latest report of each task and unit of a notice, as
// store.LatestReports gives them, kept up to date with the reports written
// since (store.ReportsAfter).
type latestSet struct {
	rows []store.TaskProgress
	idx  map[string]int // task and unit → rows
	upTo int64          // the last report folded in
}

// fold takes in reports written later, oldest first: a report replaces
// the one of its task and unit unless it is of an earlier round.
func (l *latestSet) fold(rs []store.TaskProgress) {
	for _, r := range rs {
		l.upTo = max(l.upTo, r.ID)
		k := r.Task + "\x00" + r.Progress.Unit
		if i, ok := l.idx[k]; ok {
			if r.Progress.Round >= l.rows[i].Progress.Round {
				l.rows[i] = r
			}
			continue
		}
		l.idx[k] = len(l.rows)
		l.rows = append(l.rows, r)
	}
}

// textCache holds the review page's source panel of each notice as HTML.
type textCache struct {
	mu   sync.Mutex
	html map[string]template.HTML
}

// current returns the snapshot of the store's present generation, computing
// it once per change (one request computes, the others wait for it). When
// only reports were added, the corrected notices are kept and only the
// latest reports read again.
func (s *Server) current() (*snapshot, error) {
	gen, reports, err := s.st.Generations()
	if err != nil {
		return nil, err
	}
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	old := s.snap
	// A snapshot built since this request read the generations holds at
	// least what it read (report ids only grow): taking it, rather than
	// building one again at the older mark, keeps requests that raced a
	// report from rebuilding the snapshot in turn under the lock.
	if old != nil && old.gen == gen && old.reports >= reports {
		return old, nil
	}
	sn := &snapshot{gen: gen, reports: reports, conf: map[string][]store.Conflict{}}
	if old != nil && old.gen == gen {
		sn.slugs, sn.conf, sn.bare, sn.text, sn.latest = old.slugs, old.conf, old.bare, old.text, old.latest
		for i, slug := range sn.slugs {
			// Only the reports written since are read; the sets are
			// current()'s alone (under snapMu), the requests read ns.
			rs, err := s.st.ReportsAfter(slug, sn.latest[i].upTo)
			if err != nil {
				return nil, err
			}
			sn.latest[i].fold(rs)
		}
	} else {
		slugs, err := s.st.Slugs()
		if err != nil {
			return nil, err
		}
		sn.text = &textCache{html: map[string]template.HTML{}}
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
		}
	}
	for i := range sn.slugs {
		n := *sn.bare[i]
		n.Tasks = slices.Clone(n.Tasks)
		store.AttachLatest(&n, sn.latest[i].rows)
		sn.ns = append(sn.ns, &n)
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
//
// Unit is the unit's key as the command line keys its unit sheet
// (duban.UnitAssignments): the name, or the name with the issuer's place
// when notices of two places name it (市发改委（连云港市）). Name is the unit
// as the task's records name it, the name its reports are kept under.
type unitTask struct {
	Slug      string          `json:"notice"`
	DocNumber string          `json:"doc_number"`
	Task      string          `json:"task"`
	Text      string          `json:"text"`
	Role      string          `json:"role"`
	Via       string          `json:"via,omitempty"` // the group the task reaches the unit through
	Others    []string        `json:"other_units,omitempty"`
	Deadline  string          `json:"deadline"`
	Date      string          `json:"date,omitempty"`
	Quarter   string          `json:"quarter,omitempty"`
	Unit      string          `json:"unit"`
	Name      string          `json:"unit_name"`
	Status    string          `json:"status"` // the reported status, or 未报送
	Progress  *duban.Progress `json:"progress,omitempty"`
	Overdue   bool            `json:"overdue"`
	NearDue   bool            `json:"near_due"`
}

// notReported is the status of a task no report was made on.
const notReported = "未报送"

// unitTasks lists every (task, unit) of the store, for one unit key when
// unit is not empty, by deadline.
//
// The rows of every unit are computed once per snapshot, day and unit
// directory; the slice returned for unit "" is shared: read only.
func (s *Server) unitTasks(unit string, asOf time.Time) ([]unitTask, error) {
	sn, err := s.current()
	if err != nil {
		return nil, err
	}
	// The directory's groups put a group's tasks on its members, as on the
	// unit sheets; it is edited apart from the notices, so it keys the rows.
	dv, err := s.st.Directory()
	if err != nil {
		return nil, err
	}
	key := asOf.Format(duban.DateLayout)
	if dv != nil {
		key += "/" + dv.Hash
	}
	sn.rowsMu.Lock()
	all, ok := sn.rows[key]
	if !ok {
		var dir *duban.Directory
		if dv != nil {
			if dir, err = duban.ParseDirectory([]byte(dv.YAML), "单位名录"); err != nil {
				sn.rowsMu.Unlock()
				return nil, err
			}
		}
		all = s.allUnitTasks(sn, asOf, dir)
		if sn.rows == nil || len(sn.rows) >= 8 {
			sn.rows = map[string][]unitTask{}
		}
		sn.rows[key] = all
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

// allUnitTasks lists every (task, unit) of a snapshot by deadline, a task
// once per unit key, as duban.UnitAssignments puts tasks on unit sheets.
func (s *Server) allUnitTasks(sn *snapshot, asOf time.Time, dir *duban.Directory) []unitTask {
	slug := make(map[*duban.Notice]string, len(sn.ns))
	for i, n := range sn.ns {
		slug[n] = sn.slugs[i]
	}
	var out []unitTask
	for key, as := range duban.UnitAssignments(sn.ns, dir) {
		seen := map[*duban.Task]bool{}
		for _, a := range as {
			if key == "" || seen[a.Task] {
				continue
			}
			seen[a.Task] = true
			n, t := a.Notice, a.Task
			role := a.Unit.Role.Label()
			if a.Via != "" {
				role = "经" + a.Via + " " + role
			}
			ut := unitTask{Slug: slug[n], DocNumber: n.DocNumber, Task: t.ID, Text: t.Text, Role: role, Via: a.Via,
				Unit: key, Name: a.Name, Status: notReported}
			for _, o := range t.Units {
				if k := duban.SheetKey(o); k != a.Name && k != a.Via {
					ut.Others = append(ut.Others, o.Name)
				}
			}
			if t.Deadline != nil {
				ut.Deadline, ut.Date, ut.Quarter = t.Deadline.Raw, string(t.Deadline.Date), string(t.Deadline.Quarter)
			}
			// Reports are kept under the name the records give the unit;
			// the console once kept them under the name as written.
			name := a.Name
			p := t.LatestProgress(name)
			if p == nil && a.Via == "" && a.Unit.Name != name {
				if p = t.LatestProgress(a.Unit.Name); p != nil {
					name = a.Unit.Name
				}
			}
			if p != nil {
				c := *p
				ut.Progress, ut.Status = &c, string(c.Status)
			}
			switch duban.LightOf(t, name, asOf, s.opt.WarnDays) {
			case duban.LightOverdue:
				ut.Overdue = true
			case duban.LightNear:
				ut.NearDue = true
			}
			out = append(out, ut)
		}
	}
	// UnitAssignments is a map: the order is made here, by deadline, then
	// notice and task as the store lists them, then unit.
	order := make(map[string]int, len(sn.slugs))
	for i, sl := range sn.slugs {
		order[sl] = i
	}
	pos := map[string]int{}
	for _, n := range sn.ns {
		for i := range n.Tasks {
			pos[slug[n]+"\x00"+n.Tasks[i].ID] = i
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if (x.Date == "") != (y.Date == "") {
			return y.Date == ""
		}
		if x.Date != y.Date {
			return x.Date < y.Date
		}
		if x.Slug != y.Slug {
			return order[x.Slug] < order[y.Slug]
		}
		if x.Task != y.Task {
			return pos[x.Slug+"\x00"+x.Task] < pos[y.Slug+"\x00"+y.Task]
		}
		return x.Unit < y.Unit
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

// placedKeys lists the unit keys that are unit with an issuer's place
// (市发改委 → 市发改委（连云港市）、市发改委（无锡市）): where a unit name
// went once notices of a second place named it too. An account bound to
// the plain name sees none of them until the 督查室 binds it to one.
func (s *Server) placedKeys(unit string) ([]string, error) {
	us, err := s.unitNames()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, u := range us {
		if rest, ok := strings.CutPrefix(u.Name, unit+"（"); ok && strings.HasSuffix(rest, "）") {
			out = append(out, u.Name)
		}
	}
	sort.Strings(out)
	return out, nil
}
