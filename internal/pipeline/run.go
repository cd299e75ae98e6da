package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/internal/folderlock"
	"github.com/duban/duban/internal/outdir"
	"github.com/duban/duban/store"
)

// saveEvery is how often the state is saved while a run goes on.
const saveEvery = 2 * time.Second

// Run extracts every notice of opt.Inputs into opt.Out and rebuilds the
// unit sheets and quarterly reports. It returns the summary (also written
// to summary.json) and an error only when the run itself could not go on
// (output folder unusable, interrupted); failed inputs are in the summary.
func Run(ctx context.Context, opt Options) (*Summary, error) {
	r, err := newRunner(opt)
	if err != nil {
		return nil, err
	}
	defer r.close()
	files, other := Collect(opt.Inputs, r.be.supported, opt.Out)
	return r.run(ctx, files, other)
}

type runner struct {
	opt   Options
	be    *Backend
	prog  Progress
	out   string
	oh    string
	st    *state
	db    *store.Store
	sw    storeWarnings
	old   map[string]string // input path → slug, as the last run left it
	reg   *registry
	ropt  RenderOptions
	enr   *enricher
	xopt  extract.Options
	warns []NoticeWarning
	lock  *folderlock.Lock
}

// close closes the store and releases the output folder.
func (r *runner) close() {
	if r.db != nil {
		r.db.Close()
	}
	r.lock.Unlock()
}

func newRunner(opt Options) (*runner, error) {
	if opt.Out == "" {
		opt.Out = "output"
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	// One run at a time in a folder: the start-up clean-up below removes
	// temporary files, which would be another run's files in flight.
	lock, err := folderlock.Acquire(opt.Out, opt.lockWait())
	if err != nil {
		return nil, err
	}
	if _, err := outdir.Join(opt.Out, "notices"); err != nil {
		lock.Unlock()
		return nil, err
	}
	r := &runner{opt: opt, be: opt.backend(), prog: opt.Progress, out: opt.Out, oh: optionsHash(opt), lock: lock}
	if r.prog == nil {
		r.prog = nopProgress{}
	}
	r.prog = &lockedProgress{p: r.prog}
	r.ropt = RenderOptions{Formats: opt.formats(), Templates: opt.Templates, AsOf: opt.AsOf, Now: opt.Now, Directory: opt.Directory, WarnDays: opt.warnDays()}
	r.enr = newEnricher(r.be, opt)
	r.xopt = opt.extractOptions(r.enr)
	removeTemps(opt.Out)
	// The folder lock taken above keeps two runs apart; the store itself
	// is safe to share with the console (WAL, busy timeout).
	db, err := store.Open(opt.Out)
	if err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	r.db = db
	st, warn := loadState(opt.Out, db)
	if warn != "" {
		r.warns = append(r.warns, NoticeWarning{Code: "state", Message: warn})
	}
	r.old = make(map[string]string, len(st.Paths))
	for p, s := range st.Paths {
		r.old[p] = s
	}
	if opt.Force {
		st.Entries = map[string]*stateEntry{}
	}
	r.st = st
	r.reg = newRegistry(r.be.SafeFileName)
	return r, nil
}

func (be *Backend) supported(name string) bool {
	if be.Supported != nil {
		return be.Supported(name)
	}
	return extract.Supported(name)
}

// result is one finished input as a worker hands it back.
type result struct {
	in Input
	m  *member
}

func (r *runner) run(ctx context.Context, files []string, other []Input) (*Summary, error) {
	sum := &Summary{Output: r.out}
	r.ropt.Context = ctx
	r.prog.Start(len(files))

	jobs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for range min(r.opt.jobs(), max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				results <- r.process(p, false)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, p := range files {
			// A select with both cases ready picks one at random: once
			// the run is cancelled, no further notice may be handed out.
			if ctx.Err() != nil {
				return
			}
			select {
			case <-ctx.Done():
				return
			case jobs <- p:
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var failed []Input
	done := 0
	last := time.Now()
	for res := range results {
		done++
		if res.in.Status == StatusFailed {
			failed = append(failed, res.in)
		}
		r.prog.Done(res.in)
		if time.Since(last) > saveEvery {
			r.reg.fillState(r.st)
			_ = r.st.save(r.out)
			last = time.Now()
		}
	}
	interrupted := ctx.Err() != nil && done < len(files)
	if !interrupted {
		// Duplicates remembered from an earlier run whose original is gone.
		for _, m := range r.reg.orphans() {
			r.reg.remove(m)
			if res := r.process(m.path, true); res.in.Status == StatusFailed {
				failed = append(failed, res.in)
			}
		}
	}
	r.prog.Finish()

	r.reg.fillState(r.st)
	r.dropStale(files)
	if err := r.st.save(r.out); err != nil {
		r.warns = append(r.warns, NoticeWarning{Code: "state", Message: err.Error()})
	}

	sum.Inputs = append(append(append(sum.Inputs, other...), failed...), r.reg.results()...)
	rendering := false
	if interrupted {
		sum.Interrupted = true
		sum.Counts.Pending = len(files) - done
	} else {
		if rendering = !r.aggregate(ctx, sum); rendering {
			sum.Interrupted = true
		}
		if err := r.st.save(r.out); err != nil {
			r.warns = append(r.warns, NoticeWarning{Code: "state", Message: err.Error()})
		}
	}
	sum.Warnings = append(append(append(sum.Warnings, r.warns...), r.sw.warns...), r.enr.warnings()...)
	for m, slug := range r.reg.winners() {
		for _, w := range m.warnings {
			sum.Warnings = append(sum.Warnings, NoticeWarning{Notice: slug, Task: w.Task, Code: w.Code, Message: w.Message})
		}
	}
	r.removeEmptyFolders()
	r.finishSummary(sum)
	if err := sum.write(r.out); err != nil {
		return sum, err
	}
	if interrupted {
		return sum, fmt.Errorf("interrupted: %d of %d notices not processed; run again to finish: %w", len(files)-done, len(files), ctx.Err())
	}
	if rendering {
		return sum, fmt.Errorf("interrupted while rendering unit sheets and quarterly reports (the notices are done); run again to finish: %w", ctx.Err())
	}
	return sum, nil
}

// process reads, extracts (or reloads) and writes one notice file. A panic
// in extract or render fails this input only, never the batch.
func (r *runner) process(path string, force bool) (res result) {
	defer func() {
		if p := recover(); p != nil {
			res = result{in: Input{Path: path, Status: StatusFailed, Error: fmt.Sprintf("%s: internal error: %v", path, p)}}
		}
	}()
	return r.processFile(path, force)
}

func (r *runner) processFile(path string, force bool) result {
	r.prog.Begin(path)
	fail := func(err error) result {
		return result{in: Input{Path: path, Status: StatusFailed, Error: err.Error()}}
	}
	src, err := extract.Load(path, r.xopt)
	if err != nil {
		return fail(err)
	}
	sumHex := src.SHA256
	m := &member{path: path, stateKey: stateKey(sumHex, r.oh), format: formatOf(path)}

	var n *duban.Notice
	if e := r.st.get(m.stateKey); e != nil && !force {
		if e.Duplicate {
			m.keys = e.Keys
		} else if f, err := r.noticeFile(e.Slug); err == nil {
			if old, err := readNotice(f); err == nil && old.Source.SHA256 == sumHex {
				n, m.loadedAs = old, e.Slug
			}
		}
	}
	if n == nil && m.keys == nil {
		if r.be.Extract == nil {
			return fail(fmt.Errorf("%s: %w", path, errNotAvailable("extraction")))
		}
		n, err = r.be.Extract(src, r.xopt)
		if err != nil {
			return fail(err)
		}
		if n == nil {
			return fail(fmt.Errorf("%s: no records", path))
		}
		m.fresh = true
	}
	src = nil
	in := Input{Path: path, Format: m.format}
	if n != nil {
		m.hasRec, m.keys = true, noticeKeys(n)
		// The registry keeps these for the whole run: copies, not parts
		// of the notice's text (a 文号 sliced from it held the whole text
		// of every notice until the end).
		m.docNum, m.tasks, m.warnings = strings.Clone(n.DocNumber), len(n.Tasks), cloneWarnings(n.Warnings)
		if n.Source.Format != "" {
			m.format = n.Source.Format
		}
		in.DocNumber, in.Tasks, in.Format = m.docNum, m.tasks, m.format
	}
	slug := r.reg.add(m, n)
	if slug == "" {
		in.Status = StatusDuplicate
		return result{in: in, m: m}
	}
	in.Slug = slug
	in.Status = StatusUnchanged
	if m.fresh {
		in.Status = StatusExtracted
	}
	l := r.reg.lock(slug)
	defer l.Unlock()
	if !r.reg.stillWinner(m, slug) {
		in.Status = StatusDuplicate
		return result{in: in, m: m}
	}
	if m.fresh || m.loadedAs != slug || !r.complete(slug) {
		n, err = r.fromStore(n, slug, m.keys, m.fresh)
		if err != nil {
			r.reg.remove(m)
			res := fail(err)
			if diskFull(err) {
				res.in.Reason = ReasonDiskFull
			}
			return res
		}
		if err := r.writeNotice(n, slug); err != nil {
			r.reg.remove(m)
			res := fail(err)
			if diskFull(err) {
				res.in.Reason = ReasonDiskFull
			}
			return res
		}
	} else if have, err := r.db.Has(slug); err == nil && !have {
		// An output folder from before the store: adopt its records.
		if err := r.db.PutExtracted(slug, m.keys, n); err != nil {
			return fail(err)
		}
	}
	r.reg.markWritten(m)
	return result{in: in, m: m}
}

// cloneWarnings copies warnings and their strings.
func cloneWarnings(ws []duban.Warning) []duban.Warning {
	if len(ws) == 0 {
		return nil
	}
	out := make([]duban.Warning, len(ws))
	for i, w := range ws {
		out[i] = duban.Warning{Task: strings.Clone(w.Task), Code: strings.Clone(w.Code), Message: strings.Clone(w.Message)}
	}
	return out
}

func formatOf(path string) string {
	return strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
}

type errNotAvailable string

func (e errNotAvailable) Error() string { return string(e) + " is not available in this build" }

// dropStale removes the notice folders that inputs of this run gave last
// time but no longer give (their 文号 changed), unless another input of an
// earlier run still claims them.
func (r *runner) dropStale(files []string) {
	owned := r.reg.slugs()
	inRun := make(map[string]bool, len(files))
	for _, p := range files {
		inRun[p] = true
	}
	claimed := map[string]bool{}
	for p, s := range r.st.Paths {
		if !inRun[p] {
			claimed[s] = true
		}
	}
	r.reg.mu.Lock()
	var stale []string
	for slug := range r.reg.stale {
		if !owned[slug] && !claimed[slug] {
			stale = append(stale, slug)
		}
	}
	r.reg.mu.Unlock()
	for _, slug := range stale {
		r.removeNotice(slug)
	}
	for _, p := range files {
		old := r.old[p]
		if old == "" || owned[old] || claimed[old] {
			continue
		}
		if now, ok := r.st.Paths[p]; ok && now == old {
			delete(r.st.Paths, p)
		}
		r.removeNotice(old)
	}
}

// removeNotice deletes the files duban wrote in a notice folder no input
// gives any more, and the folder when that leaves it empty. Files someone
// else put there stay, and so does the folder.
func (r *runner) removeNotice(slug string) {
	if err := outdir.RemoveFiles(r.out, isNoticeFile, "notices", slug); err != nil {
		r.warns = append(r.warns, NoticeWarning{Code: "stale", Message: err.Error()})
	}
}
