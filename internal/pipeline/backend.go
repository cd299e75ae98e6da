package pipeline

import (
	"context"
	"io"
	"time"

	"github.com/duban/duban"
)

// RenderOptions are the options handed to the renderer.
type RenderOptions struct {
	Formats   []string
	Templates string
	AsOf      time.Time
	Now       time.Time
	Directory *duban.Directory
	// Context stops the rendering between two documents (nil: never).
	Context context.Context
}

// Backend is the set of extract and render functions the pipeline calls.
// Default wires the real packages; a nil function means that part is not
// available in this build, and the run says so in its warnings.
type Backend struct {
	// Supported says which file names are notices (by extension).
	Supported func(name string) bool
	// Extract reads one notice from its bytes.
	Extract func(name string, data []byte, year int) (*duban.Notice, error)
	// Enrich sets the units' canonical names from dir and, when seg is
	// set, infers units, keywords and mentioned units with the segmenter;
	// it fails, leaving n as it was, only when seg is set and the
	// segmenter cannot be loaded.
	Enrich func(n *duban.Notice, dir *duban.Directory, seg bool) error
	// Prepare readies the renderer for a batch of notices (optional).
	Prepare func(notices []*duban.Notice, opt RenderOptions) error
	// WriteCSV writes records as the CSV of PRODUCT.md.
	WriteCSV func(w io.Writer, notices []*duban.Notice) error
	// Ledger renders one notice's 任务分解表 into dir.
	Ledger func(n *duban.Notice, dir string, opt RenderOptions) ([]string, error)
	// UnitSheets renders one sheet per unit into dir.
	UnitSheets func(notices []*duban.Notice, dir string, opt RenderOptions) ([]string, error)
	// Quarterly renders quarterly summaries into dir.
	Quarterly func(notices []*duban.Notice, dir string, quarters []string, opt RenderOptions) ([]string, error)
	// ReadLedger reads records back from a ledger workbook.
	ReadLedger func(path string) (*duban.Notice, error)
	// SafeFileName makes a name safe as a file name.
	SafeFileName func(name string) string
}
