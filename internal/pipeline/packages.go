package pipeline

import (
	"os"
	"runtime/debug"
	"sync"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/segment"
	"github.com/duban/duban/render"
)

// Default returns the backend wired to the real extract and render packages.
func Default() *Backend {
	return &Backend{
		Supported: extract.Supported,
		Extract: func(in *extract.Input, opt extract.Options) (*duban.Notice, error) {
			return in.Extract(opt)
		},
		Segmenter: func() (*segment.Segmenter, error) {
			s, err := segment.Load()
			if err == nil {
				segmenterGC.Do(paceGCForSegmenter)
			}
			return s, err
		},
		Prepare: func(ns []*duban.Notice, opt RenderOptions) error {
			return render.Prepare(ns, renderOptions(opt))
		},
		WriteCSV: duban.WriteCSV,
		Ledger: func(n *duban.Notice, dir string, opt RenderOptions) ([]string, error) {
			return render.Ledger(n, dir, renderOptions(opt))
		},
		UnitSheets: func(ns []*duban.Notice, dir string, opt RenderOptions) ([]string, error) {
			return render.UnitSheets(ns, dir, renderOptions(opt))
		},
		Quarterly: func(ns []*duban.Notice, dir string, quarters []string, opt RenderOptions) ([]string, error) {
			return render.Quarterly(ns, dir, quarters, renderOptions(opt))
		},
		Bulletin: func(ns []*duban.Notice, dir string, quarters []string, opt RenderOptions) ([]string, error) {
			return render.Bulletin(ns, dir, quarters, renderOptions(opt))
		},
		ReadLedger:    render.ReadLedger,
		ParseDeadline: extract.ParseDeadline,
		SafeFileName:  render.SafeFileName,
	}
}

func renderOptions(o RenderOptions) render.Options {
	return render.Options{Formats: o.Formats, Templates: o.Templates, AsOf: o.AsOf, Now: o.Now, Directory: o.Directory, WarnDays: o.WarnDays, Context: o.Context}
}

// segmenterBuilt says whether this build has the segmenter; records made
// by a build without it are not reused by one with it.
const segmenterBuilt = segment.Available

var segmenterGC sync.Once

// paceGCForSegmenter puts garbage collection back to its default pace once
// the segmenter is loaded, unless the user chose GOGC: its dictionaries hold
// about 130 MB outside the Go heap, and the faster pace cmd/duban sets for
// short runs would take the process past 200 MB.
func paceGCForSegmenter() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
}
