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
	dir, hash, err := s.unitDirectory()
	if err != nil {
		return nil, err
	}
	key := asOf.Format(duban.DateLayout) + "/" + hash
	sn.rowsMu.Lock()
	all, ok := sn.rows[key]
	if !ok {
		all = s.allUnitTasks(sn, asOf, dir, hash)
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
// Which unit has which task is worked out once per state of the notices
// and directory (unitRows); each snapshot adds the progress and lights.
func (s *Server) allUnitTasks(sn *snapshot, asOf time.Time, dir *duban.Directory, hash string) []unitTask {
	sk := s.unitRows(sn, dir, hash)
	out := make([]unitTask, len(sk.rows))
	for i, ut := range sk.rows {
		a := sk.at[i]
		t := &sn.ns[a.notice].Tasks[a.task]
		// Reports are kept under the name the records give the unit;
		// the console once kept them under the name as written.
		name := ut.Name
		p := t.LatestProgress(name)
		if p == nil && ut.Via == "" && a.written != name {
			if p = t.LatestProgress(a.written); p != nil {
				name = a.written
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
		out[i] = ut
	}
	return out
}

// unitSkeleton is every (task, unit key) of the notices as corrected, by
// deadline, without progress: what changes only with the notices, their
// corrections and the directory, not with each report.
type unitSkeleton struct {
	gen, hash string
	rows      []unitTask
	at        []taskAt
}

// taskAt is where a row's task is in the snapshot, and the unit's name as
// the task writes it.
type taskAt struct {
	notice, task int
	written      string
}

// unitRows returns the skeleton of a snapshot's notices under dir, made
// once per generation of the notices and directory.
func (s *Server) unitRows(sn *snapshot, dir *duban.Directory, hash string) *unitSkeleton {
	s.units.mu.Lock()
	sk := s.units.skel
	s.units.mu.Unlock()
	if sk != nil && sk.gen == sn.gen && sk.hash == hash {
		return sk
	}
	sk = &unitSkeleton{gen: sn.gen, hash: hash}
	where := map[*duban.Task]taskAt{}
	for i, n := range sn.ns {
		for ti := range n.Tasks {
			where[&n.Tasks[ti]] = taskAt{notice: i, task: ti}
		}
	}
	for key, as := range duban.UnitAssignments(sn.ns, dir) {
		seen := map[*duban.Task]bool{}
		for _, a := range as {
			if key == "" || seen[a.Task] {
				continue
			}
			seen[a.Task] = true
			t, at := a.Task, where[a.Task]
			at.written = a.Unit.Name
			role := a.Unit.Role.Label()
			if a.Via != "" {
				role = "经" + a.Via + " " + role
			}
			ut := unitTask{Slug: sn.slugs[at.notice], DocNumber: a.Notice.DocNumber, Task: t.ID, Text: t.Text, Role: role, Via: a.Via,
				Unit: key, Name: a.Name, Status: notReported}
			for _, o := range t.Units {
				if k := duban.SheetKey(o); k != a.Name && k != a.Via {
					ut.Others = append(ut.Others, o.Name)
				}
			}
			if t.Deadline != nil {
				ut.Deadline, ut.Date, ut.Quarter = t.Deadline.Raw, string(t.Deadline.Date), string(t.Deadline.Quarter)
			}
			sk.rows = append(sk.rows, ut)
			sk.at = append(sk.at, at)
		}
	}
	// UnitAssignments is a map: the order is made here, by deadline, then
	// notice and task as the store lists them, then unit.
	idx := make([]int, len(sk.rows))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		x, y := &sk.rows[idx[a]], &sk.rows[idx[b]]
		if (x.Date == "") != (y.Date == "") {
			return y.Date == ""
		}
		if x.Date != y.Date {
			return x.Date < y.Date
		}
		p, q := sk.at[idx[a]], sk.at[idx[b]]
		if p.notice != q.notice {
			return p.notice < q.notice
		}
		if p.task != q.task {
			return p.task < q.task
		}
		return x.Unit < y.Unit
	})
	rows, at := make([]unitTask, len(idx)), make([]taskAt, len(idx))
	for i, j := range idx {
		rows[i], at[i] = sk.rows[j], sk.at[j]
	}
	sk.rows, sk.at = rows, at
	s.units.mu.Lock()
	s.units.skel = sk
	s.units.mu.Unlock()
	return sk
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

// unitDir is the unit directory the unit lists sort tasks with, read from
// the store at most every dirTTL rather than on every page: the 设置 page,
// the only writer, drops it at once (another console on the same store is
// seen within dirTTL). It keeps the rows it last gave too.
type unitDir struct {
	mu   sync.Mutex
	read time.Time
	hash string
	dir  *duban.Directory
	skel *unitSkeleton // the unit lists' rows without progress (unitRows)
}

const dirTTL = 2 * time.Second

// unitDirectory returns the unit directory in force (nil: none) and its
// hash ("" none).
func (s *Server) unitDirectory() (*duban.Directory, string, error) {
	d := &s.units
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.read.IsZero() && time.Since(d.read) < dirTTL {
		return d.dir, d.hash, nil
	}
	v, err := s.st.Directory()
	if err != nil {
		return nil, "", err
	}
	switch {
	case v == nil:
		d.dir, d.hash = nil, ""
	case v.Hash != d.hash:
		dir, err := duban.ParseDirectory([]byte(v.YAML), "单位名录")
		if err != nil {
			return nil, "", err
		}
		if dir.Empty() {
			dir = nil
		}
		d.dir, d.hash = dir, v.Hash
	}
	d.read = time.Now()
	return d.dir, d.hash, nil
}

// dropUnitDirectory makes the next unit list read the directory again.
func (s *Server) dropUnitDirectory() {
	s.units.mu.Lock()
	s.units.read = time.Time{}
	s.units.mu.Unlock()
}
