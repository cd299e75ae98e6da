package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/duban/duban/internal/pipeline"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// newProgress picks how a run reports: a bar when stderr is a terminal,
// one line per input otherwise or with -v, nothing with -q.
func newProgress(stderr io.Writer, quiet, verbose bool) pipeline.Progress {
	switch {
	case quiet:
		return nil
	case !verbose && isTerminal(stderr):
		return &barProgress{w: stderr}
	default:
		return &lineProgress{w: stderr}
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// barProgress draws done/total, rate, ETA and the current file.
type barProgress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(total int) {
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("notices"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionShowDescriptionAtLineEnd(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	)
}

func (p *barProgress) Begin(path string) { p.bar.Describe(filepath.Base(path)) }

func (p *barProgress) Done(in pipeline.Input) {
	if in.Status == pipeline.StatusFailed {
		_ = p.bar.Clear()
		fmt.Fprintf(p.w, "failed     %s\n", in.Error)
	}
	_ = p.bar.Add(1)
}

func (p *barProgress) Finish() { _ = p.bar.Finish() }

// lineProgress prints one plain line per input.
type lineProgress struct {
	w           io.Writer
	total, done int
}

func (p *lineProgress) Start(total int) { p.total = total }
func (p *lineProgress) Begin(string)    {}
func (p *lineProgress) Finish()         {}

func (p *lineProgress) Done(in pipeline.Input) {
	p.done++
	detail := ""
	switch {
	case in.Status == pipeline.StatusFailed:
		detail = "  " + in.Error
	case in.Slug != "":
		detail = fmt.Sprintf("  → notices/%s (%d tasks)", in.Slug, in.Tasks)
	}
	fmt.Fprintf(p.w, "[%d/%d] %-9s %s%s\n", p.done, p.total, in.Status, in.Path, detail)
}
