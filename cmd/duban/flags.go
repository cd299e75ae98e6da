package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/pipeline"
	"github.com/duban/duban/store"
	"github.com/duban/duban/templates"
	"github.com/spf13/pflag"
)

// common holds the flags shared by run and render.
type common struct {
	out       string
	formats   string
	asOf      string
	year      int
	planYear  int
	quarter   string
	units     string
	segment   string
	templates string
	jobs      int
	quiet     bool
	verbose   bool
	force     bool
	by        string
	reportBy  string
	warnDays  int
}

func (c *common) add(fs *pflag.FlagSet, withForce bool) {
	fs.StringVarP(&c.out, "output", "o", "output", "output `DIR`")
	fs.StringVar(&c.formats, "formats", "pdf,xlsx", "document formats to render (pdf, xlsx)")
	fs.StringVar(&c.asOf, "as-of", "", "mark deadlines passed as of `YYYY-MM-DD` in quarterly reports")
	fs.IntVar(&c.year, "year", 0, "render the four quarterly reports of `YYYY` (also those with nothing due)")
	fs.StringVar(&c.quarter, "quarter", "", "only this quarterly report, e.g. 2024Q3 (several: comma-separated)")
	fs.IntVar(&c.planYear, "plan-year", 0, "plan year to use for deadlines without one (default: the notice's)")
	addEnrichFlags(fs, &c.units, &c.segment, withForce)
	fs.StringVar(&c.templates, "templates", "", "`DIR` of templates replacing the embedded ones")
	fs.IntVarP(&c.jobs, "jobs", "j", 0, "notices processed at once (default: number of CPUs)")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print nothing but errors")
	fs.BoolVarP(&c.verbose, "verbose", "v", false, "one line per notice instead of a progress bar")
	fs.StringVar(&c.reportBy, "report-by", "", "报送截止日期 `YYYY-MM-DD` on return sheets whose notices state none")
	fs.IntVar(&c.warnDays, "warn-days", 15, "a deadline within `N` days is 临期")
	fs.StringVar(&c.by, "by", "", "`NAME` recorded with corrections and imports (default: $DUBAN_USER, else the login name)")
	if withForce {
		fs.BoolVar(&c.force, "force", false, "redo every notice, even unchanged ones")
	}
}

// maxNoticeSize bounds the notice files run and extract read (0:
// extract.MaxFileSize); tests lower it.
var maxNoticeSize int64

// options checks the flags and turns them into pipeline options.
func (c *common) options(inputs []string) (pipeline.Options, error) {
	o := pipeline.Options{Inputs: inputs, Out: c.out, Templates: c.templates, Year: c.planYear, Jobs: c.jobs, Force: c.force, MaxFileSize: maxNoticeSize, By: c.by}
	if c.out == "" {
		return o, usagef("-o: empty output folder")
	}
	for _, f := range strings.Split(c.formats, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		switch f {
		case "":
		case "pdf", "xlsx":
			o.Formats = append(o.Formats, f)
		default:
			return o, usagef("--formats: unknown format %q (want pdf, xlsx)", f)
		}
	}
	if len(o.Formats) == 0 {
		return o, usagef("--formats: no format given (want pdf, xlsx)")
	}
	if c.asOf != "" {
		t, err := time.Parse("2006-01-02", c.asOf)
		if err != nil {
			return o, usagef("--as-of: %q is not a date YYYY-MM-DD", c.asOf)
		}
		o.AsOf = t
	}
	if c.reportBy != "" {
		t, err := time.Parse("2006-01-02", c.reportBy)
		if err != nil {
			return o, usagef("--report-by: %q is not a date YYYY-MM-DD", c.reportBy)
		}
		o.ReportBy = t
	}
	if c.warnDays < 0 {
		return o, usagef("--warn-days: %d is not a number of days", c.warnDays)
	}
	o.WarnDays = c.warnDays
	if c.year != 0 {
		if !plausibleYear(c.year) {
			return o, usagef("--year: %d is not a plausible year", c.year)
		}
		o.Quarters = append(o.Quarters, duban.QuartersOfYear(c.year)...)
	}
	if c.planYear != 0 && !plausibleYear(c.planYear) {
		return o, usagef("--plan-year: %d is not a plausible plan year", c.planYear)
	}
	if c.jobs < 0 {
		return o, usagef("-j: %d is not a number of jobs", c.jobs)
	}
	if c.quarter != "" {
		for _, q := range strings.Split(c.quarter, ",") {
			y, n, err := duban.ParseQuarter(q)
			if err != nil {
				return o, usagef("--quarter: %q is not a quarter like 2024Q3", q)
			}
			if q := duban.QuarterName(y, n); !contains(o.Quarters, q) {
				o.Quarters = append(o.Quarters, q)
			}
		}
	}
	if c.templates != "" {
		if st, err := os.Stat(c.templates); err != nil || !st.IsDir() {
			return o, usagef("--templates: %s is not a folder", c.templates)
		}
	}
	if c.quiet && c.verbose {
		return o, usagef("-q and -v: choose one")
	}
	var err error
	if o.Directory, o.Segment, err = enrichOptions(c.units, c.segment, c.templates); err != nil {
		return o, err
	}
	if c.units == "" && (c.templates == "" || !fileExists(filepath.Join(c.templates, "units.yaml"))) {
		// No directory named: the one edited in the console's 设置, if the
		// output folder's store holds one.
		if o.Directory, err = storeDirectory(c.out); err != nil {
			return o, err
		}
	}
	return o, nil
}

// storeDirectory reads the unit directory the console stored in the store
// of output folder out; nil when there is no store or no directory in it
// (the store is not created).
func storeDirectory(out string) (*duban.Directory, error) {
	p := filepath.Join(out, store.FileName)
	if !fileExists(p) {
		return nil, nil
	}
	st, err := store.OpenFile(p)
	if err != nil {
		return nil, runError{err}
	}
	defer st.Close()
	v, err := st.Directory()
	if err != nil || v == nil {
		return nil, err
	}
	d, err := duban.ParseDirectory([]byte(v.YAML), p+" (单位名录)")
	if err != nil {
		return nil, runError{err}
	}
	if d.Empty() {
		return nil, nil
	}
	return d, nil
}

func plausibleYear(y int) bool { return y >= 1949 && y <= 2200 }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// addEnrichFlags adds --units and, where notices are extracted, --segment.
func addEnrichFlags(fs *pflag.FlagSet, units, seg *string, extracts bool) {
	fs.StringVar(units, "units", "", "unit directory `FILE` (YAML: units with aliases, groups with members)")
	if extracts {
		fs.StringVar(seg, "segment", "auto", "word segmentation: auto (only for tasks naming no unit), on (also keywords and mentioned units everywhere), off")
	}
}

// enrichOptions reads the unit directory — --units, else units.yaml of the
// --templates folder, else the embedded empty one — and the segment mode.
// An empty directory is nil.
func enrichOptions(units, seg, tmpl string) (*duban.Directory, pipeline.SegmentMode, error) {
	mode, err := pipeline.ParseSegmentMode(seg)
	if err != nil {
		return nil, "", usagef("--segment: %v", err)
	}
	var dir *duban.Directory
	switch {
	case units != "":
		if dir, err = duban.LoadDirectory(units); err != nil {
			return nil, "", usagef("--units: %v", err)
		}
	case tmpl != "" && fileExists(filepath.Join(tmpl, "units.yaml")):
		p := filepath.Join(tmpl, "units.yaml")
		if dir, err = duban.LoadDirectory(p); err != nil {
			return nil, "", usagef("--templates: %v", err)
		}
	default:
		if dir, err = duban.ParseDirectory(templates.DefaultUnits, "templates/units.yaml"); err != nil {
			return nil, "", fmt.Errorf("embedded unit directory: %w", err)
		}
	}
	if dir.Empty() {
		dir = nil
	}
	return dir, mode, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// summaryLine is the last line a run prints.
func summaryLine(s *pipeline.Summary) string {
	c := s.Counts
	line := fmt.Sprintf("%d inputs: %d extracted, %d unchanged, %d duplicate, %d skipped, %d failed",
		c.Inputs, c.Extracted, c.Unchanged, c.Duplicate, c.Skipped, c.Failed)
	if c.Imported > 0 || c.Rejected > 0 {
		line = fmt.Sprintf("%d inputs: %d failed", c.Inputs, c.Failed)
	}
	if c.Rendered > 0 {
		line = fmt.Sprintf("%d inputs: %d rendered, %d failed", c.Inputs, c.Rendered, c.Failed)
	}
	if s.Interrupted {
		line += fmt.Sprintf(", %d not done (interrupted)", c.Pending)
	}
	if c.Imported > 0 || c.Rejected > 0 {
		line += fmt.Sprintf("; %d reports imported, %d rows rejected", c.Imported, c.Rejected)
	}
	if n := len(s.Warnings); n > 0 {
		line += fmt.Sprintf("; %d warnings", n)
	}
	return line + fmt.Sprintf("; %d notices, %d tasks, %d unit sheets, %d quarterly reports in %s; status as of %s",
		c.Notices, c.Tasks, c.Units, c.Quarters, s.Output, asOfText(s.AsOf))
}

// asOfText is the as-of day a status is computed for: the one given, else
// today.
func asOfText(t time.Time) string {
	if t.IsZero() {
		t = time.Now()
	}
	return t.Format("2006-01-02")
}
