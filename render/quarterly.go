package render

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/duban/duban"
)

// Quarterly writes, for each quarter (e.g. "2024Q3"; nil = every quarter
// with due tasks across the notices), dir/YYYYQn.pdf and dir/YYYYQn.xlsx
// (per opt.Formats): the quarterly summary YYYY年第N季度重点任务汇总 with
// an overview (tasks due in total, by unit and by section, ongoing and
// recurring tasks apart), a bar chart of tasks due per unit, the tasks due
// grouped by unit and sorted by deadline, and a preview of the next
// quarter. A requested quarter with nothing due gets a report that says
// so. With opt.AsOf set, deadlines passed are marked 逾期 and those within
// 30 days 临期; without it the reports make no status claims.
func Quarterly(notices []*duban.Notice, dir string, quarters []string, opt Options) ([]string, error) {
	res, err := opt.load()
	if err != nil {
		return nil, err
	}
	if quarters == nil {
		quarters = dueQuarters(notices)
	} else {
		quarters, err = normaliseQuarters(quarters)
		if err != nil {
			return nil, err
		}
	}
	if len(quarters) == 0 {
		return nil, nil
	}
	ql, err := loadQuarterlyLayout(res)
	if err != nil {
		return nil, err
	}
	if err := ensureDir(dir); err != nil {
		return nil, err
	}
	if res.Wants(FormatPDF) {
		if err := res.PrepareFont(nil); err != nil {
			return nil, err
		}
	}
	// Which sheets a due task goes on is worked out for the tasks of each
	// quarter as it is built: a map of every task of the batch held 44 MB
	// at 2,000 notices for documents that each need a quarter's.
	sheets := duban.NewSheets(notices, res.Directory)
	// One quarter at a time: a quarter's documents are the largest a run
	// makes (a large batch's quarter runs to hundreds of pages, all held
	// until written), and two at once held twice that. The pipeline
	// writes the return sheets on the other core meanwhile.
	var out []string
	for _, q := range quarters {
		if err := opt.cancelled(); err != nil {
			return out, err
		}
		files, err := quarterFiles(res, ql, notices, onSheets(sheets), q, opt, filepath.Join(dir, q))
		out = append(out, files...)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// quarterFiles writes the files of one quarter to base + extension.
func quarterFiles(res *resources, ql *quarterlyLayout, notices []*duban.Notice, unitsOf unitsOfFunc, q string, opt Options, base string) ([]string, error) {
	rep, err := buildQuarterFrom(notices, unitsOf, q, opt.AsOf, opt.warnDays(), ql)
	if err != nil {
		return nil, err
	}
	var out []string
	if res.Wants(FormatPDF) {
		doc, err := quarterlyDoc(res, ql, rep, notices)
		if err != nil {
			return out, fmt.Errorf("%s.pdf: %w", base, err)
		}
		if err := doc.WriteFile(base + ".pdf"); err != nil {
			return out, err
		}
		out = append(out, base+".pdf")
	}
	if res.Wants(FormatXLSX) {
		if err := opt.cancelled(); err != nil {
			return out, err
		}
		if err := quarterlyXLSX(res, ql, rep, notices, base+".xlsx"); err != nil {
			return out, err
		}
		out = append(out, base+".xlsx")
	}
	return out, nil
}

// normaliseQuarters checks and canonicalises requested quarters, dropping
// repeats and keeping the order given.
func normaliseQuarters(qs []string) ([]string, error) {
	var out []string
	for _, s := range qs {
		y, q, err := duban.ParseQuarter(s)
		if err != nil {
			return nil, err
		}
		if n := duban.QuarterName(y, q); !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// dueQuarter is the YYYYQn a task is due in, "" when it has no date.
func dueQuarter(t *duban.Task) string { return t.Deadline.DueQuarter() }

// dueQuarters lists every quarter some task is due in, in order.
func dueQuarters(notices []*duban.Notice) []string {
	seen := map[string]bool{}
	for _, n := range notices {
		if n == nil {
			continue
		}
		for i := range n.Tasks {
			if q := dueQuarter(&n.Tasks[i]); q != "" {
				seen[q] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for q := range seen {
		out = append(out, q)
	}
	slices.Sort(out)
	return out
}

// Status marks of a task with Options.AsOf set.
const (
	statusNone    = 0
	statusOverdue = 1 // deadline passed
	statusSoon    = 2 // due within dueSoonDays
	statusDone    = 3 // reported 已完成 (by its lead units)
)

// dueSoonDays is how close a deadline is "临期" unless Options.WarnDays
// says otherwise.
const dueSoonDays = 30

// qTask is a task of a quarterly report.
type qTask struct {
	notice int
	task   *duban.Task
	date   time.Time // zero without a date
	status int
}

// qEntry is a task under one of its units.
type qEntry struct {
	qTask
	unit duban.Unit // the task's unit entry (the group, for a group assignment)
	key  string     // the unit the entry is listed under
	name string     // the unit as the records name it (key without a place)
	via  string     // the group's name for a group assignment, else ""
}

// qCount is one line of a count table.
type qCount struct {
	key                string
	count, lead        int
	overdue, soon      int
	done               int
	firstNotice, order int
}

func (c *qCount) add(t qTask) {
	c.count++
	switch t.status {
	case statusOverdue:
		c.overdue++
	case statusSoon:
		c.soon++
	case statusDone:
		c.done++
	}
}

// quarterReport is everything one quarterly report shows.
type quarterReport struct {
	quarter    string
	year, q    int
	start, end time.Time
	asOf       time.Time // zero: no status claims
	warnDays   int       // a deadline within this many days is 临期
	due        []qTask   // due this quarter, by deadline
	units      []*qCount // tasks due per unit, most first
	byUnit     map[string][]qEntry
	sections   []*qCount // tasks due per section, in document order
	ongoing    []qTask
	recurring  []qTask
	next       string // the next quarter
	nextDue    []qTask
	overdue    int
	soon       int
	done       int
	hasLead    bool // some unit of a task due is a lead unit
}

// sources are the notices with a task due in the quarter, in order: the
// 来源文件 of the quarter's summary and 通报. (Listing every notice made a
// quarter of a large batch open with pages of notices it has nothing of.)
func (r *quarterReport) sources(notices []*duban.Notice) []*duban.Notice {
	seen := make(map[int]bool, len(r.due))
	for _, t := range r.due {
		seen[t.notice] = true
	}
	var out []*duban.Notice
	for ni, n := range notices {
		if n != nil && seen[ni] {
			out = append(out, n)
		}
	}
	return out
}

// quarterBounds gives the first and last day of a quarter.
func quarterBounds(year, q int) (time.Time, time.Time) {
	start := time.Date(year, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, 3, -1)
}

func nextQuarter(year, q int) string {
	if q == 4 {
		return duban.QuarterName(year+1, 1)
	}
	return duban.QuarterName(year, q+1)
}

// statusOf is the status of a deadline on day asOf, 临期 within
// dueSoonDays.
func statusOf(date, asOf time.Time) int { return statusWithin(date, asOf, dueSoonDays) }

// statusWithin is the status of a deadline on day asOf, 临期 within warn
// days.
func statusWithin(date, asOf time.Time, warn int) int {
	if asOf.IsZero() || date.IsZero() {
		return statusNone
	}
	day := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case date.Before(day):
		return statusOverdue
	case !date.After(day.AddDate(0, 0, warn)):
		return statusSoon
	}
	return statusNone
}

// byDeadline orders tasks by date (none last), then notice and document
// order.
func byDeadline(a, b qTask) int {
	switch {
	case a.date.IsZero() != b.date.IsZero():
		if a.date.IsZero() {
			return 1
		}
		return -1
	case !a.date.Equal(b.date):
		return a.date.Compare(b.date)
	}
	return 0
}

// buildQuarter collects one quarter's report from the notices. Tasks are
// counted and listed per unit as the unit sheets list them
// (duban.UnitAssignments): a group's tasks count for the group and, when
// dir lists its members, for each member too, so a member's count is the
// number of rows on its sheet due that quarter.
func buildQuarter(notices []*duban.Notice, quarter string, asOf time.Time, ql *quarterlyLayout, dir *duban.Directory) (*quarterReport, error) {
	return buildQuarterWarn(notices, quarter, asOf, dueSoonDays, ql, dir)
}

// buildQuarterWarn is buildQuarter with warn days before a deadline 临期.
func buildQuarterWarn(notices []*duban.Notice, quarter string, asOf time.Time, warn int, ql *quarterlyLayout, dir *duban.Directory) (*quarterReport, error) {
	return buildQuarterFrom(notices, onSheets(duban.NewSheets(notices, dir)), quarter, asOf, warn, ql)
}

// buildQuarterFrom is buildQuarterWarn with the tasks' unit sheets given
// (onSheets of the batch's duban.Sheets, which are the same for every
// quarter): only the tasks due in the quarter are put on their sheets.
func buildQuarterFrom(notices []*duban.Notice, unitsOf unitsOfFunc, quarter string, asOf time.Time, warn int, ql *quarterlyLayout) (*quarterReport, error) {
	year, q, err := duban.ParseQuarter(quarter)
	if err != nil {
		return nil, err
	}
	r := &quarterReport{quarter: duban.QuarterName(year, q), year: year, q: q, asOf: asOf, warnDays: warn, byUnit: map[string][]qEntry{}}
	r.start, r.end = quarterBounds(year, q)
	r.next = nextQuarter(year, q)
	units := map[string]*qCount{}
	sections := map[string]*qCount{}
	noUnit := ql.main.Label("no_unit", "未明确责任单位")
	multi := countNotices(notices) > 1
	for ni, n := range notices {
		if n == nil {
			continue
		}
		inForce := n.InForce(year)
		for ti := range n.Tasks {
			t := &n.Tasks[ti]
			qt := qTask{notice: ni, task: t}
			if d, ok := t.Deadline.Time(); ok {
				qt.date = d
				qt.status = statusWithin(d, asOf, warn)
			}
			if t.Done() {
				qt.status = statusDone
			}
			switch dueQuarter(t) {
			case r.quarter:
				r.due = append(r.due, qt)
			case r.next:
				r.nextDue = append(r.nextDue, qt)
				continue
			default:
				// Ongoing and recurring tasks of the notices whose plan
				// speaks of this year (not of every earlier year's plan).
				if t.Deadline != nil && inForce {
					switch t.Deadline.Kind {
					case duban.KindOngoing:
						r.ongoing = append(r.ongoing, qt)
					case duban.KindRecurring:
						r.recurring = append(r.recurring, qt)
					}
				}
				continue
			}
			switch qt.status {
			case statusOverdue:
				r.overdue++
			case statusSoon:
				r.soon++
			case statusDone:
				r.done++
			}
			sk := sectionLabel(n, t, ql.main.Label("no_section", "未分板块"), multi)
			sc := sections[sk]
			if sc == nil {
				sc = &qCount{key: sk, firstNotice: ni, order: len(sections)}
				sections[sk] = sc
				r.sections = append(r.sections, sc)
			}
			sc.add(qt)
			seen := map[string]bool{}
			for _, a := range unitsOf(n, t) {
				k := a.key
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				uc := units[k]
				if uc == nil {
					uc = &qCount{key: k}
					units[k] = uc
				}
				uc.add(qt)
				if a.unit.Role == duban.RoleLead {
					uc.lead++
					r.hasLead = true
				}
				e := qEntry{qTask: qt, unit: a.unit, key: k, name: a.name, via: a.via}
				if p := t.Reported(a.unit); p != nil && p.Status == duban.StatusDone && a.via == "" {
					e.status = statusDone // the unit's own report, under its own name
				}
				r.byUnit[k] = append(r.byUnit[k], e)
			}
			if len(seen) == 0 {
				uc := units[noUnit]
				if uc == nil {
					uc = &qCount{key: noUnit}
					units[noUnit] = uc
				}
				uc.add(qt)
				r.byUnit[noUnit] = append(r.byUnit[noUnit], qEntry{qTask: qt})
			}
		}
	}
	for _, uc := range units {
		r.units = append(r.units, uc)
	}
	slices.SortFunc(r.units, func(a, b *qCount) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	for _, es := range r.byUnit {
		slices.SortStableFunc(es, func(a, b qEntry) int { return byDeadline(a.qTask, b.qTask) })
	}
	slices.SortStableFunc(r.due, byDeadline)
	slices.SortStableFunc(r.nextDue, byDeadline)
	return r, nil
}

// taskUnit is one sheet a task goes on.
type taskUnit struct {
	key  string // the sheet's unit as shown
	name string // as the records name it (duban.Assignment.Name)
	unit duban.Unit
	via  string
}

// unitsOfFunc lists the unit sheets task t of notice n goes on.
type unitsOfFunc func(n *duban.Notice, t *duban.Task) []taskUnit

// onSheets lists the unit sheets a task goes on (duban.Sheets): its own
// units in the order of its units, then the members it reaches through
// groups, sorted by name.
func onSheets(sheets *duban.Sheets) unitsOfFunc {
	return func(n *duban.Notice, t *duban.Task) []taskUnit {
		var us []taskUnit
		sheets.Each(n, t, func(key string, a duban.Assignment) {
			us = append(us, taskUnit{key: key, name: a.Name, unit: a.Unit, via: a.Via})
		})
		sortTaskUnits(t, us)
		return us
	}
}

// sortTaskUnits orders the sheets of task t: its own units in the order
// of its units, then the members it reaches through groups, by name.
func sortTaskUnits(t *duban.Task, us []taskUnit) {
	order := map[string]int{}
	for i, u := range t.Units {
		if _, ok := order[duban.SheetKey(u)]; !ok {
			order[duban.SheetKey(u)] = i
		}
	}
	slices.SortStableFunc(us, func(a, b taskUnit) int {
		if (a.via == "") != (b.via == "") {
			if a.via == "" {
				return -1
			}
			return 1
		}
		if a.via == "" {
			return cmp.Compare(order[a.name], order[b.name])
		}
		return cmp.Compare(a.key, b.key)
	})
}

func countNotices(notices []*duban.Notice) int {
	n := 0
	for _, x := range notices {
		if x != nil {
			n++
		}
	}
	return n
}

// sectionLabel names a task's section ("四、开展六大领域帮扶合作"), with the
// 文号 in front when the run has several notices.
func sectionLabel(n *duban.Notice, t *duban.Task, none string, multi bool) string {
	s := none
	if t.Section != "" {
		s = heading(pathAt(t, 0), "、", string(t.Section))
	}
	if multi && n.DocNumber != "" {
		s = n.DocNumber + " " + s
	}
	return s
}

// vars are the title placeholders of a quarter.
func (r *quarterReport) vars() map[string]string {
	return map[string]string{
		"year":    strconv.Itoa(r.year),
		"n":       strconv.Itoa(r.q),
		"quarter": r.quarter,
		"start":   chineseDate(r.start),
		"end":     chineseDate(r.end),
	}
}

// chineseDate writes 2024年10月1日.
func chineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// quarterTitle is 2024年第4季度 for "2024Q4".
func quarterTitle(q string) string {
	y, n, err := duban.ParseQuarter(q)
	if err != nil {
		return q
	}
	return fmt.Sprintf("%d年第%d季度", y, n)
}
