package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/duban/duban/internal/pipeline"
	"github.com/spf13/pflag"
)

// common holds the flags shared by run and render.
type common struct {
	out       string
	formats   string
	asOf      string
	year      int
	quarter   string
	templates string
	jobs      int
	quiet     bool
	verbose   bool
	force     bool
}

func (c *common) add(fs *pflag.FlagSet, withForce bool) {
	fs.StringVarP(&c.out, "output", "o", "output", "output `DIR`")
	fs.StringVar(&c.formats, "formats", "pdf,xlsx", "document formats to render (pdf, xlsx)")
	fs.StringVar(&c.asOf, "as-of", "", "mark deadlines passed as of `YYYY-MM-DD` in quarterly reports")
	fs.IntVar(&c.year, "year", 0, "plan year to use for deadlines without one (default: the notice's)")
	fs.StringVar(&c.quarter, "quarter", "", "only this quarterly report, e.g. 2024Q3 (several: comma-separated)")
	fs.StringVar(&c.templates, "templates", "", "`DIR` of templates replacing the embedded ones")
	fs.IntVarP(&c.jobs, "jobs", "j", 0, "notices processed at once (default: number of CPUs)")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print nothing but errors")
	fs.BoolVarP(&c.verbose, "verbose", "v", false, "one line per notice instead of a progress bar")
	if withForce {
		fs.BoolVar(&c.force, "force", false, "redo every notice, even unchanged ones")
	}
}

var quarterRe = regexp.MustCompile(`^(\d{4})[Qq]([1-4])$`)

// options checks the flags and turns them into pipeline options.
func (c *common) options(inputs []string) (pipeline.Options, error) {
	o := pipeline.Options{Inputs: inputs, Out: c.out, Templates: c.templates, Year: c.year, Jobs: c.jobs, Force: c.force}
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
	if c.year != 0 && (c.year < 1949 || c.year > 2200) {
		return o, usagef("--year: %d is not a plausible plan year", c.year)
	}
	if c.jobs < 0 {
		return o, usagef("-j: %d is not a number of jobs", c.jobs)
	}
	if c.quarter != "" {
		for _, q := range strings.Split(c.quarter, ",") {
			m := quarterRe.FindStringSubmatch(strings.TrimSpace(q))
			if m == nil {
				return o, usagef("--quarter: %q is not a quarter like 2024Q3", q)
			}
			o.Quarters = append(o.Quarters, m[1]+"Q"+m[2])
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
	return o, nil
}

// summaryLine is the last line a run prints.
func summaryLine(s *pipeline.Summary) string {
	c := s.Counts
	line := fmt.Sprintf("%d inputs: %d extracted, %d unchanged, %d duplicate, %d skipped, %d failed",
		c.Inputs, c.Extracted, c.Unchanged, c.Duplicate, c.Skipped, c.Failed)
	if c.Rendered > 0 {
		line = fmt.Sprintf("%d inputs: %d rendered, %d failed", c.Inputs, c.Rendered, c.Failed)
	}
	if s.Interrupted {
		line += fmt.Sprintf(", %d not done (interrupted)", c.Pending)
	}
	return line + fmt.Sprintf("; %d notices, %d tasks, %d unit sheets, %d quarterly reports in %s",
		c.Notices, c.Tasks, c.Units, c.Quarters, s.Output)
}
