package pipeline

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/duban/duban"
)

// loadAll reads the records of every notice in the output folder, earlier
// runs included, in folder order; the same notice in two folders counts once.
func (r *runner) loadAll() []*duban.Notice {
	ents, err := os.ReadDir(filepath.Join(r.out, "notices"))
	if err != nil {
		return nil
	}
	var all []*duban.Notice
	seen := map[string]string{}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		n, err := readNotice(r.noticeFile(e.Name()))
		if err != nil {
			r.warns = append(r.warns, NoticeWarning{Notice: e.Name(), Code: "unreadable", Message: err.Error()})
			continue
		}
		dup := ""
		keys := noticeKeys(n)
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
		all = append(all, n)
	}
	return all
}

// aggregate rebuilds units/ and quarterly/ from every record in the output
// folder and removes the sheets and reports no longer produced.
func (r *runner) aggregate(sum *Summary) {
	all := r.loadAll()
	sum.Counts.Notices = len(all)
	for _, n := range all {
		sum.Counts.Tasks += len(n.Tasks)
	}
	if r.be.UnitSheets == nil {
		r.warns = append(r.warns, NoticeWarning{Code: "render", Message: "unit sheets: " + errNotAvailable("rendering").Error()})
	} else {
		dir := filepath.Join(r.out, "units")
		paths, err := r.be.UnitSheets(all, dir, r.ropt)
		if err != nil {
			r.warns = append(r.warns, NoticeWarning{Code: "render", Message: fmt.Sprintf("unit sheets: %v", err)})
		} else {
			sum.Counts.Units = countStems(paths)
			prune(dir, paths)
		}
	}
	if r.be.Quarterly == nil {
		r.warns = append(r.warns, NoticeWarning{Code: "render", Message: "quarterly reports: " + errNotAvailable("rendering").Error()})
	} else {
		dir := filepath.Join(r.out, "quarterly")
		paths, err := r.be.Quarterly(all, dir, r.opt.Quarters, r.ropt)
		if err != nil {
			r.warns = append(r.warns, NoticeWarning{Code: "render", Message: fmt.Sprintf("quarterly reports: %v", err)})
		} else {
			sum.Counts.Quarters = countStems(paths)
			if r.opt.Quarters == nil {
				prune(dir, paths)
			}
		}
	}
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

// prune removes the files in dir that are not in keep.
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
		if !e.IsDir() && !k[absClean(p)] {
			os.Remove(p)
		}
	}
}

// finishSummary lists the output files and computes the counts.
func (r *runner) finishSummary(sum *Summary) {
	sum.Warnings = append(sum.Warnings[:0:0], sum.Warnings...)
	_ = filepath.WalkDir(r.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
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
