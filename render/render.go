package render

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/duban/duban"
)

// Options control what Ledger and UnitSheets write.
type Options struct {
	Formats   []string  // subset of "pdf", "xlsx"; empty = both
	Templates string    // directory replacing the embedded templates file by file; "" = embedded
	AsOf      time.Time // zero: no status claims (used by the quarterly reports)
	Now       time.Time // generation date printed in footers (zero → time.Now())
	// Directory is the unit directory (nil = none): unit sheets and the
	// quarterly reports' per-unit tables put a group's tasks on each of
	// its members too, marked 经<group> in 分工.
	Directory *duban.Directory
	// WarnDays is how many days before its deadline a task is 临期 in the
	// quarterly reports (0: 30).
	WarnDays int
	// Context stops UnitSheets and Quarterly between two documents when it
	// is cancelled (nil: never); they then return its error. A document
	// being written is finished, so none is left half-written.
	Context context.Context
	// Only limits UnitSheets to the sheets of these unit keys (as
	// duban.UnitAssignments keys them, place-qualified where it does); the
	// files keep the names a full run gives them. Empty: every unit.
	Only []string
}

func (o Options) warnDays() int {
	if o.WarnDays > 0 {
		return o.WarnDays
	}
	return dueSoonDays
}

// cancelled is the error of opt.Context, nil when there is none.
func (opt Options) cancelled() error {
	if opt.Context == nil {
		return nil
	}
	return opt.Context.Err()
}

// Formats duban renders.
const (
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
)

// ProgressChoices are the 进展情况 column's dropdown: the statuses a unit
// reports (duban.Statuses), as on the return sheet.
var ProgressChoices = func() []string {
	out := make([]string, len(duban.Statuses))
	for i, s := range duban.Statuses {
		out[i] = string(s)
	}
	return out
}()

// resources are the loaded templates a render call works with.
type resources struct {
	Layout *layoutFile
	Font   []byte
	Dir    string // Options.Templates
	Now    time.Time
	// Directory is Options.Directory.
	Directory *duban.Directory
	// AsOf and WarnDays are Options.AsOf and its warning days (the
	// ledger's lights).
	AsOf     time.Time
	WarnDays int
	pdf      bool
	xlsx     bool
}

// load checks the options and loads the layout and font.
func (o Options) load() (*resources, error) {
	r := &resources{Dir: o.Templates, Now: o.Now, Directory: o.Directory, AsOf: o.AsOf, WarnDays: o.warnDays()}
	if r.Now.IsZero() {
		r.Now = time.Now()
	}
	if len(o.Formats) == 0 {
		r.pdf, r.xlsx = true, true
	}
	for _, f := range o.Formats {
		switch strings.ToLower(strings.TrimSpace(f)) {
		case FormatPDF:
			r.pdf = true
		case FormatXLSX:
			r.xlsx = true
		default:
			return nil, fmt.Errorf("unknown format %q (want pdf or xlsx)", f)
		}
	}
	if o.Templates != "" {
		if st, err := os.Stat(o.Templates); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		} else if !st.IsDir() {
			return nil, fmt.Errorf("templates: %s is not a directory", o.Templates)
		}
	}
	l, err := loadLayout(o.Templates)
	if err != nil {
		return nil, err
	}
	font, err := l.FontBytes(o.Templates)
	if err != nil {
		return nil, err
	}
	r.Layout, r.Font = l, font
	return r, nil
}

// Wants reports whether format is to be written.
func (r *resources) Wants(format string) bool {
	switch format {
	case FormatPDF:
		return r.pdf
	case FormatXLSX:
		return r.xlsx
	}
	return false
}

// NewDoc starts a PDF of a document kind with the layout's page setup,
// the font and the generation date.
func (r *resources) NewDoc(d docLayout) *pdfDoc {
	doc := newPDFDoc(r.Layout.Setup(d), r.Font)
	doc.Now = r.Now
	return doc
}

// PrepareFont loads (parses) the document font once for the process, so
// that a font that cannot be used is reported before any document is
// written. Each document then embeds only the glyphs it draws. texts is
// no longer needed (the font used to be cut to them) and is ignored.
func (r *resources) PrepareFont(texts []string) error {
	_, err := fonts.load(r.Font)
	return err
}

func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	return nil
}

// Prepare readies a run: it loads the document font once, so that a font
// that cannot be used is reported before the run's documents are written.
// Calling it is optional (the first document loads the font).
func Prepare(notices []*duban.Notice, opt Options) error {
	res, err := opt.load()
	if err != nil {
		return err
	}
	if !res.Wants(FormatPDF) {
		return nil
	}
	return res.PrepareFont(nil)
}
