package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/calendar"
	"github.com/duban/duban/remind"
	"github.com/duban/duban/returns"
	"github.com/duban/duban/store"
)

// ReturnsDir is the folder of the return sheets units fill in and send back.
const ReturnsDir = "returns"

// WarnImportRejected is the warning code of a returned row not stored.
const WarnImportRejected = "import_rejected"

// storeNotices reads every notice the store holds, as corrected, with the
// units' latest progress.
func (r *runner) storeNotices() ([]returns.Notice, error) {
	slugs, err := r.db.Slugs()
	if err != nil {
		return nil, err
	}
	var out []returns.Notice
	for _, s := range slugs {
		d, err := r.noticeDir(s)
		if err != nil {
			continue // a name that would leave the output folder
		}
		if _, err := os.Stat(d); err != nil {
			continue // its folder went away (stale): not in force
		}
		n, _, err := r.db.Notice(s, r.reparse())
		if err != nil {
			return nil, err
		}
		if n != nil {
			r.enr.recanonicalise(n)
			n.Compact() // held for every document of the phase, as in aggregate
			out = append(out, returns.Notice{Slug: s, Notice: n})
		}
	}
	return out, nil
}

func (r *runner) asOf() time.Time {
	if !r.opt.AsOf.IsZero() {
		return r.opt.AsOf
	}
	if !r.opt.Now.IsZero() {
		return r.opt.Now
	}
	return time.Now()
}

// writeReturns writes returns/<unit>.xlsx (and, with PDF among the
// formats, the printable <unit>.pdf) from the store.
func (r *runner) writeReturns() ([]string, error) {
	if !slices.Contains(r.opt.formats(), "xlsx") {
		return nil, nil
	}
	ns, err := r.storeNotices()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(r.out, ReturnsDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// The same forms printed, for units that fill them in by hand, are
	// written at the same time as the workbooks (each one file at a time)
	// in a batch of up to returnsTogetherTasks tasks; in a larger one
	// after them: each writer sorts every task onto the units' sheets and
	// holds its largest unit's document whole, and together they were a
	// third of the live heap of a 2,000-notice run (156 MB against 104
	// one after the other).
	withPDF := slices.Contains(r.opt.formats(), "pdf")
	together := withPDF && countTasks(ns) <= returnsTogetherTasks
	var pdfs []string
	var pdfErr error
	pdfDone := make(chan struct{})
	go func() {
		defer close(pdfDone)
		if together {
			pdfs, pdfErr = returns.WritePDF(dir, ns, r.returnOptions())
		}
	}()
	paths, err := returns.Write(dir, ns, r.returnOptions())
	<-pdfDone
	if withPDF && !together && err == nil {
		pdfs, pdfErr = returns.WritePDF(dir, ns, r.returnOptions())
	}
	paths = append(paths, pdfs...)
	if err == nil {
		err = pdfErr
	}
	if err != nil {
		return paths, err
	}
	prune(dir, paths)
	cdir := filepath.Join(r.out, CalendarDir)
	stamp := r.opt.Now
	if stamp.IsZero() {
		stamp = time.Now()
	}
	cal, err := calendar.Write(cdir, ns, r.returnOptions(), stamp)
	if err != nil {
		return paths, fmt.Errorf("calendars: %w", err)
	}
	prune(cdir, cal)
	return append(paths, cal...), nil
}

// returnsTogetherTasks is the most tasks for which the return sheets'
// workbooks and printed forms are written at the same time (see
// writeReturns): about 800 generated notices.
var returnsTogetherTasks = 20000

func countTasks(ns []returns.Notice) int {
	k := 0
	for _, n := range ns {
		k += len(n.Notice.Tasks)
	}
	return k
}

// CalendarDir is the folder of the deadline calendars (.ics).
const CalendarDir = "calendar"

func (r *runner) returnOptions() returns.Options {
	safe := r.be.SafeFileName
	return returns.Options{AsOf: r.asOf(), WarnDays: r.opt.warnDays(), ReportBy: r.opt.ReportBy,
		Directory: r.opt.Directory, SafeName: safe}
}

// Import reads returned unit sheets (and edited ledgers, which are
// corrections) into the store, then renders every notice and sheet again.
// Every row not taken is a warning naming file, sheet and row.
func Import(ctx context.Context, opt Options) (*Summary, error) {
	r, err := newRunner(opt)
	if err != nil {
		return nil, err
	}
	defer r.close()
	sum := &Summary{Output: r.out}
	var files []string
	for _, in := range opt.Inputs {
		st, err := os.Stat(in)
		if err != nil {
			sum.Inputs = append(sum.Inputs, Input{Path: in, Status: StatusFailed, Error: err.Error()})
			continue
		}
		if !st.IsDir() {
			files = append(files, in)
			continue
		}
		filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".xlsx") && !strings.HasPrefix(d.Name(), "~$") {
				files = append(files, p)
			}
			return nil
		})
	}
	r.prog.Start(len(files))
	touched := map[string]bool{}
	for _, p := range files {
		if ctx.Err() != nil {
			sum.Interrupted = true
			sum.Counts.Pending++
			continue
		}
		r.prog.Begin(p)
		in := r.importFile(p, sum, touched)
		sum.Inputs = append(sum.Inputs, in)
		r.prog.Done(in)
	}
	r.prog.Finish()
	for slug := range touched {
		n, _, err := r.db.Notice(slug, r.reparse())
		if err == nil && n != nil {
			r.enr.recanonicalise(n)
			err = r.writeNotice(n, slug)
		}
		if err != nil {
			r.warns = append(r.warns, NoticeWarning{Notice: slug, Code: "render", Message: err.Error()})
		}
	}
	if !sum.Interrupted {
		if !r.aggregate(ctx, sum) {
			sum.Interrupted = true
		}
		if err := r.st.save(r.out); err != nil {
			r.warns = append(r.warns, NoticeWarning{Code: "state", Message: err.Error()})
		}
	}
	sum.Warnings = append(append(sum.Warnings, r.warns...), r.sw.warns...)
	r.finishSummary(sum)
	if err := sum.write(r.out); err != nil {
		return sum, err
	}
	if sum.Interrupted {
		return sum, fmt.Errorf("interrupted: %w", ctx.Err())
	}
	return sum, nil
}

// importFile takes one returned file: a return sheet's rows become
// reports, a ledger's edits corrections.
func (r *runner) importFile(p string, sum *Summary, touched map[string]bool) Input {
	in := Input{Path: p, Status: StatusImported, Format: "xlsx"}
	form, err := returns.Read(p)
	if errors.Is(err, returns.ErrNotReturnSheet) {
		return r.importLedger(p, touched)
	}
	if err != nil {
		return Input{Path: p, Status: StatusFailed, Error: err.Error()}
	}
	notices := map[string]*duban.Notice{}
	reject := func(row int, task, msg string) {
		sum.Counts.Rejected++
		r.warns = append(r.warns, NoticeWarning{Task: task, Code: WarnImportRejected, Message: form.Where(row) + ": " + msg + "; row not imported"})
	}
	for _, row := range form.Rows {
		if row.Err != nil {
			reject(row.Row, row.Task, row.Err.Error())
			continue
		}
		if _, ok := form.Known[row.Key]; !ok {
			reject(row.Row, row.Task, fmt.Sprintf("task %s is not on %s's sheet (a row from another unit's sheet?)", row.Task, form.Unit))
			continue
		}
		n, ok := notices[row.Notice]
		if !ok {
			// The rows are checked against the tasks as corrected; the
			// reports so far (the whole history) are not needed here.
			n, _, err = r.db.CorrectedNotice(row.Notice, r.reparse())
			if err != nil {
				return Input{Path: p, Status: StatusFailed, Error: err.Error()}
			}
			if n != nil {
				r.enr.recanonicalise(n)
			}
			notices[row.Notice] = n
		}
		if n == nil {
			reject(row.Row, row.Task, fmt.Sprintf("notice %s is not in this output folder's store", row.Notice))
			continue
		}
		t := findTask(n, row.Task)
		if t == nil {
			reject(row.Row, row.Task, fmt.Sprintf("task %s is not (or no longer) in %s", row.Task, n.DocNumber))
			continue
		}
		if row.Text != t.Text {
			reject(row.Row, row.Task, fmt.Sprintf("任务内容 of %s was changed on the sheet", row.Task))
			continue
		}
		name, ok := duban.SheetUnit(n, t, form.Unit, r.opt.Directory)
		if !ok {
			reject(row.Row, row.Task, fmt.Sprintf("task %s is not assigned to %s", row.Task, form.Unit))
			continue
		}
		if row.Empty() {
			continue
		}
		if row.Status == "" {
			reject(row.Row, row.Task, "完成状态 is empty")
			continue
		}
		rep := store.Report{Slug: row.Notice, Task: row.Task, Sheet: form.Sheet, Row: row.Row, By: r.opt.By,
			Progress: duban.Progress{Unit: name, Status: row.Status, Detail: row.Detail, Problems: row.Problems,
				NextSteps: row.NextSteps, DoneDate: row.DoneDate, Note: row.Note, Round: form.Round, File: filepath.Base(p)}}
		added, err := r.db.AddReport(rep)
		if errors.Is(err, store.ErrOlderRound) {
			reject(row.Row, row.Task, err.Error())
			continue
		}
		if err != nil {
			return Input{Path: p, Status: StatusFailed, Error: err.Error()}
		}
		if added {
			sum.Counts.Imported++
			in.Tasks++
			touched[row.Notice] = true
		}
	}
	return in
}

func (r *runner) importLedger(p string, touched map[string]bool) Input {
	ns, err := ReadRecords(p, r.be)
	if err != nil {
		return Input{Path: p, Status: StatusFailed, Error: fmt.Sprintf("%s: neither a return sheet nor a ledger: %v", p, err)}
	}
	in := Input{Path: p, Status: StatusImported, Format: "ledger"}
	for _, n := range ns {
		slug := baseSlug(n, p, r.be.SafeFileName)
		_, k, err := r.correct(n, slug, p)
		if err != nil {
			return Input{Path: p, Status: StatusFailed, Error: err.Error()}
		}
		in.Slug, in.DocNumber, in.Tasks = slug, n.DocNumber, k
		touched[slug] = true
	}
	return in
}

func findTask(n *duban.Notice, id string) *duban.Task {
	for i := range n.Tasks {
		if n.Tasks[i].ID == id {
			return &n.Tasks[i]
		}
	}
	return nil
}

// RemindersDir is the folder of the 催办单.
const RemindersDir = "reminders"

// BulletinsDir is the folder of the quarterly 通报 (YYYYQn通报.pdf, .xlsx,
// .docx) in an output folder.
const BulletinsDir = "bulletins"

// Remind writes, per unit with tasks overdue or near their deadline on
// opt.AsOf (not reported 已完成), a 催办单 as PDF and DOCX into
// reminders/, from the store, and returns their paths.
func Remind(opt Options, office string) ([]string, error) {
	r, err := newRunner(opt)
	if err != nil {
		return nil, err
	}
	defer r.close()
	ns, err := r.storeNotices()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(r.out, RemindersDir)
	formats := []string{"docx"}
	if slices.Contains(r.opt.formats(), "pdf") {
		formats = append(formats, "pdf")
	}
	paths, err := remind.Write(dir, ns, remind.Options{Options: r.returnOptions(), Office: office, Formats: formats})
	if err == nil {
		prune(dir, paths)
	}
	return paths, err
}
