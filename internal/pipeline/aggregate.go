package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/outdir"
	"github.com/duban/duban/store"
)

// loadAll reads the records of every notice in the output folder, earlier
// runs included, in folder order; the same notice in two folders counts
// once. It also returns a fingerprint of all the records read.
func (r *runner) loadAll() ([]*duban.Notice, string) {
	fp := sha256.New()
	ents, err := os.ReadDir(filepath.Join(r.out, "notices"))
	if err != nil {
		return nil, ""
	}
	var all []*duban.Notice
	seen := map[string]string{}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		f, err := r.noticeFile(e.Name())
		var b []byte
		if err == nil {
			b, err = os.ReadFile(f)
		}
		var n duban.Notice
		if err == nil {
			err = json.Unmarshal(b, &n)
		}
		if err != nil {
			r.warns = append(r.warns, NoticeWarning{Notice: e.Name(), Code: "unreadable", Message: fmt.Sprintf("notices/%s/notice.json: %v", e.Name(), err)})
			continue
		}
		h := sha256.Sum256(b)
		fmt.Fprintf(fp, "%s\x00%x\n", e.Name(), h)
		dup := ""
		keys := noticeKeys(&n)
		for _, k := range keys {
			if s, ok := seen[k]; ok {
				dup = s
				break
			}
		}
		if dup != "" {
			r.warns = append(r.warns, NoticeWarning{Notice: e.Name(), Code: "duplicate_notice",
				Message: fmt.Sprintf("notices/%s holds the same notice as notices/%s; counted once", e.Name(), dup)})
			continue
		}
		for _, k := range keys {
			seen[k] = e.Name()
		}
		r.enr.recanonicalise(&n)
		// Every notice's records are held until the documents are made:
		// their repeated strings once, their slices cut to length.
		n.Compact()
		all = append(all, &n)
	}
	return all, hex.EncodeToString(fp.Sum(nil))
}

// aggregateState remembers what the last rebuild of units/ and quarterly/
// was made from, so a run in which nothing changed does not redo it.
type aggregateState struct {
	Key      string   `json:"key"`
	Files    []string `json:"files"` // relative to the output folder
	Units    int      `json:"units"`
	Quarters int      `json:"quarters"`
}

// aggregate rebuilds units/ and quarterly/ from every record in the output
// folder (unit sheets and quarterly reports at the same time) and removes
// the sheets and reports no longer produced. When the records and options
// are those of the last rebuild and its files are all there, it is skipped.
// It reports false when ctx was cancelled before it finished: the files
// already there stay (each whole), and the next run rebuilds them all.
func (r *runner) aggregate(ctx context.Context, sum *Summary) bool {
	if ctx.Err() != nil {
		return false
	}
	all, fp := r.loadAll()
	sum.Counts.Notices = len(all)
	for _, n := range all {
		sum.Counts.Tasks += len(n.Tasks)
	}
	key := aggregateKey(r, fp)
	if prev := r.st.Aggregate; prev != nil && prev.Key == key && !r.opt.Force && r.allExist(prev.Files) {
		sum.Counts.Units, sum.Counts.Quarters = prev.Units, prev.Quarters
		return true
	}
	if r.be.Prepare != nil {
		// Cut the PDF font once for both; an error here is the renderers' too
		// and is reported by them.
		_ = r.be.Prepare(all, r.ropt)
	}
	var unitPaths, quarterPaths, bulletinPaths []string
	unitDir, unitErr := outdir.Join(r.out, "units")
	quarterDir, quarterErr := outdir.Join(r.out, "quarterly")
	// One after the other: each renders its documents on every core, and
	// together they held twice the documents in memory at once.
	if r.be.UnitSheets != nil && unitErr == nil {
		// The sheets show each task's light as of the run's day (today
		// by default), as the return sheets do.
		uopt := r.ropt
		uopt.AsOf = r.asOf()
		unitPaths, unitErr = r.be.UnitSheets(all, unitDir, uopt)
	}
	// The 通报 is rendered alongside the quarterly reports, which are made
	// one quarter at a time (a quarter's documents are the largest of a
	// run; two at once held twice that).
	bulletinDir, bulletinErr := outdir.Join(r.out, BulletinsDir)
	bulletinDone := make(chan struct{})
	if r.be.Bulletin != nil && bulletinErr == nil && quarterErr == nil && ctx.Err() == nil {
		go func() {
			defer close(bulletinDone)
			// The 通报 speaks of a day: the run's as-of day, today by default.
			bopt := r.ropt
			bopt.AsOf = r.asOf()
			bulletinPaths, bulletinErr = r.be.Bulletin(all, bulletinDir, r.opt.Quarters, bopt)
		}()
	} else {
		close(bulletinDone)
	}
	if r.be.Quarterly != nil && quarterErr == nil {
		quarterPaths, quarterErr = r.be.Quarterly(all, quarterDir, r.opt.Quarters, r.ropt)
	}
	<-bulletinDone
	// The return sheets read the store, not these records: let them go
	// before the store's copy is read.
	all = nil
	if ctx.Err() != nil {
		r.st.Aggregate = nil
		return false
	}
	returnPaths, returnErr := r.writeReturns()
	ok := true
	if returnErr != nil {
		ok = false
		r.warns = append(r.warns, NoticeWarning{Code: "render", Message: fmt.Sprintf("return sheets: %v", returnErr)})
	}
	switch {
	case r.be.UnitSheets == nil:
		ok = false
		r.warns = append(r.warns, NoticeWarning{Code: "render", Message: "unit sheets: " + errNotAvailable("rendering").Error()})
	case unitErr != nil:
		ok = false
		r.warns = append(r.warns, NoticeWarning{Code: "render", Message: fmt.Sprintf("unit sheets: %v", unitErr)})
	default:
		sum.Counts.Units = countStems(unitPaths)
		prune(unitDir, unitPaths)
	}
	switch {
	case r.be.Quarterly == nil:
		ok = false
		r.warns = append(r.warns, NoticeWarning{Code: "render", Message: "quarterly reports: " + errNotAvailable("rendering").Error()})
	case quarterErr != nil:
		ok = false
		r.warns = append(r.warns, NoticeWarning{Code: "render", Message: fmt.Sprintf("quarterly reports: %v", quarterErr)})
	default:
		sum.Counts.Quarters = countStems(quarterPaths)
		if r.opt.Quarters == nil {
			prune(quarterDir, quarterPaths)
		}
	}
	if r.be.Bulletin != nil && quarterErr == nil {
		if bulletinErr != nil {
			ok = false
			r.warns = append(r.warns, NoticeWarning{Code: "render", Message: fmt.Sprintf("quarterly 通报: %v", bulletinErr)})
		} else if r.opt.Quarters == nil {
			prune(bulletinDir, bulletinPaths)
		}
	}
	r.st.Aggregate = nil
	if ok {
		a := &aggregateState{Key: key, Units: sum.Counts.Units, Quarters: sum.Counts.Quarters}
		for _, p := range append(append(append(unitPaths, quarterPaths...), bulletinPaths...), returnPaths...) {
			if rel, err := filepath.Rel(r.out, p); err == nil {
				a.Files = append(a.Files, rel)
			}
		}
		r.st.Aggregate = a
	}
	return true
}

// aggregateOutputs changes when the aggregate writes new kinds of files
// (2: return sheets and calendars; 3: the quarterly 通报 and the return
// forms as PDF), so an output folder of an earlier version gets them on its
// next run.
const aggregateOutputs = 3

func aggregateKey(r *runner, records string) string {
	// The day the lights and the 通报 are for (today without --as-of): a
	// run on a later day renders them again.
	a := r.asOf()
	day := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	b, _ := json.Marshal(struct {
		Records, Options string
		AsOf             time.Time
		Quarters         []string
		Outputs          int // aggregateOutputs
		WarnDays         int
		ReportBy         time.Time
	}{records, r.oh, day, r.opt.Quarters, aggregateOutputs, r.opt.warnDays(), r.opt.ReportBy})
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func (r *runner) allExist(files []string) bool {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(r.out, f)); err != nil {
			return false
		}
	}
	return true
}

// countStems counts distinct file names without extension (a unit's PDF
// and workbook are one sheet).
func countStems(paths []string) int {
	s := map[string]bool{}
	for _, p := range paths {
		s[strings.TrimSuffix(p, filepath.Ext(p))] = true
	}
	return len(s)
}

// prune removes the documents (PDF and workbooks, as duban writes them)
// in dir that are not in keep; any other file stays.
func prune(dir string, keep []string) {
	k := map[string]bool{}
	for _, p := range keep {
		k[absClean(p)] = true
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		if e.Type().IsRegular() && !k[absClean(p)] && isDocument(e.Name()) {
			os.Remove(p)
		}
	}
}

// finishSummary lists the output files and computes the counts.
func (r *runner) finishSummary(sum *Summary) {
	a := r.asOf()
	sum.AsOf = time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	sum.Warnings = append(sum.Warnings[:0:0], sum.Warnings...)
	_ = filepath.WalkDir(r.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), store.FileName) {
			return nil
		}
		if rel, err := filepath.Rel(r.out, p); err == nil {
			sum.Outputs = append(sum.Outputs, filepath.ToSlash(rel))
		}
		return nil
	})
	if !contains(sum.Outputs, "summary.json") {
		sum.Outputs = append(sum.Outputs, "summary.json")
	}
	sort.SliceStable(sum.Warnings, func(i, j int) bool { return sum.Warnings[i].Notice < sum.Warnings[j].Notice })
	sum.finish()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isDocument says whether a file name is one of a document duban renders
// into units/ and quarterly/ (or a temporary file of a killed run).
func isDocument(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf", ".xlsx", ".docx":
		return true
	}
	return strings.Contains(name, tmpMark)
}
