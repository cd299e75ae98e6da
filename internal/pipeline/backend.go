package pipeline

import (
	"context"
	"io"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/segment"
)

// RenderOptions are the options handed to the renderer.
type RenderOptions struct {
	Formats   []string
	Templates string
	AsOf      time.Time
	Now       time.Time
	Directory *duban.Directory
	WarnDays  int
	// Context stops the rendering between two documents (nil: never).
	Context context.Context
}

// Backend is the set of extract and render functions the pipeline calls.
// Default wires the real packages; a nil function means that part is not
// available in this build, and the run says so in its warnings.
type Backend struct {
	// Supported says which file names are notices (by extension).
	Supported func(name string) bool
	// Extract reads, parses and enriches one notice loaded by
	// extract.Load (Default: Input.Extract).
	Extract func(in *extract.Input, opt extract.Options) (*duban.Notice, error)
	// Segmenter loads the word segmenter (nil: segment.Load).
	Segmenter func() (*segment.Segmenter, error)
	// Prepare readies the renderer for a batch of notices (optional).
	Prepare func(notices []*duban.Notice, opt RenderOptions) error
	// WriteCSV writes records as CSV (duban.WriteCSV).
	WriteCSV func(w io.Writer, notices []*duban.Notice) error
	// Ledger renders one notice's 任务分解表 into dir.
	Ledger func(n *duban.Notice, dir string, opt RenderOptions) ([]string, error)
	// UnitSheets renders one sheet per unit into dir.
	UnitSheets func(notices []*duban.Notice, dir string, opt RenderOptions) ([]string, error)
	// Quarterly renders quarterly summaries into dir.
	Quarterly func(notices []*duban.Notice, dir string, quarters []string, opt RenderOptions) ([]string, error)
	// Bulletin renders the quarterly 通报 into dir (nil: none), as of
	// opt.AsOf (set to the run's as-of day, today by default).
	Bulletin func(notices []*duban.Notice, dir string, quarters []string, opt RenderOptions) ([]string, error)
	// ReadLedger reads records back from a ledger workbook.
	ReadLedger func(path string) (*duban.Notice, error)
	// ParseDeadline reads a corrected 完成时限 for a notice (nil: the
	// date is kept as it was).
	ParseDeadline func(raw string, n *duban.Notice) *duban.Deadline
	// SafeFileName makes a name safe as a file name.
	SafeFileName func(name string) string
}
