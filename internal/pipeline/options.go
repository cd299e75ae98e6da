package pipeline

import (
	"runtime"
	"sync"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
)

// Options says what a run reads, where it writes and how.
type Options struct {
	// Inputs are notice files or folders (walked recursively). For Render
	// they are record files (.json, .jsonl) or ledger workbooks (.xlsx).
	Inputs []string
	// Out is the output folder.
	Out string
	// Formats are the document formats to render: "pdf", "xlsx".
	Formats []string
	// Templates replaces the embedded templates when not empty.
	Templates string
	// AsOf marks which deadlines have passed in quarterly reports.
	AsOf time.Time
	// Now is the generation date printed in footers (zero: the clock).
	Now time.Time
	// Year overrides the plan year of every notice when not zero.
	Year int
	// Directory is the unit directory (nil: none): units get their
	// canonical names from it, names it does not know are warned about,
	// and unit sheets are made per canonical unit, a group's tasks also on
	// its members' sheets.
	Directory *duban.Directory
	// Segment says when the word segmenter is used (zero: SegmentAuto).
	Segment SegmentMode
	// Quarters limits the quarterly reports (nil: every quarter with due tasks).
	Quarters []string
	// Jobs is the number of notices extracted at once (0: the number of CPUs).
	Jobs int
	// MaxFileSize bounds the size of a notice file in bytes (0:
	// extract.MaxFileSize).
	MaxFileSize int64
	// Force redoes every notice even when it did not change.
	Force bool
	// By is who corrections and imports are recorded as made by (empty:
	// store.Who, from the environment).
	By string
	// ReportBy is the 报送截止日期 of return sheets whose notices state none.
	ReportBy time.Time
	// WarnDays is how many days before a deadline a task is 临期 (0: 15).
	WarnDays int
	// LockWait is how long a run waits for another run (or the console)
	// to release the output folder before it gives up with a message
	// naming the holder (0: DefaultLockWait; negative: no wait).
	LockWait time.Duration
	// Progress hears about every input; nil is silent.
	Progress Progress
	// Backend replaces the real extract and render packages (tests only).
	Backend *Backend
}

// Progress is told what a run is doing. The pipeline serialises the
// calls: an implementation needs no locking of its own.
type Progress interface {
	// Start is called once with the number of inputs to process.
	Start(total int)
	// Begin is called when work on an input starts.
	Begin(path string)
	// Done is called when an input is finished.
	Done(in Input)
	// Finish is called once at the end.
	Finish()
}

// DefaultLockWait is how long a run waits for a locked output folder.
const DefaultLockWait = 3 * time.Second

func (o Options) lockWait() time.Duration {
	switch {
	case o.LockWait < 0:
		return 0
	case o.LockWait == 0:
		return DefaultLockWait
	}
	return o.LockWait
}

// DefaultFormats are rendered when Options.Formats is empty.
var DefaultFormats = []string{"pdf", "xlsx"}

func (o Options) jobs() int {
	if o.Jobs > 0 {
		return o.Jobs
	}
	return runtime.NumCPU()
}

func (o Options) warnDays() int {
	if o.WarnDays > 0 {
		return o.WarnDays
	}
	return 15
}

func (o Options) formats() []string {
	if len(o.Formats) == 0 {
		return DefaultFormats
	}
	return o.Formats
}

func (o Options) backend() *Backend {
	if o.Backend != nil {
		return o.Backend
	}
	return Default()
}

// lockedProgress serialises the calls to a Progress made by the workers.
type lockedProgress struct {
	mu sync.Mutex
	p  Progress
}

func (l *lockedProgress) Start(n int)    { l.mu.Lock(); l.p.Start(n); l.mu.Unlock() }
func (l *lockedProgress) Begin(p string) { l.mu.Lock(); l.p.Begin(p); l.mu.Unlock() }
func (l *lockedProgress) Done(in Input)  { l.mu.Lock(); l.p.Done(in); l.mu.Unlock() }
func (l *lockedProgress) Finish()        { l.mu.Lock(); l.p.Finish(); l.mu.Unlock() }

type nopProgress struct{}

func (nopProgress) Start(int)    {}
func (nopProgress) Begin(string) {}
func (nopProgress) Done(Input)   {}
func (nopProgress) Finish()      {}

// extractOptions are the options of every notice's extraction.
func (o Options) extractOptions(enr *enricher) extract.Options {
	return extract.Options{Year: o.Year, Enrich: enr.Enricher, MaxSize: o.MaxFileSize}
}
