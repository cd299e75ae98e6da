package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/enrich"
	"github.com/duban/duban/extract/pdf"
	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/notation"
	"github.com/duban/duban/internal/safeopen"
)

// MaxFileSize is the largest notice file Load reads unless Options say
// otherwise (limits.FileBytes, far above any notice).
const MaxFileSize = limits.FileBytes

// Options adjust extraction.
type Options struct {
	// Year overrides the plan year when non-zero.
	Year int
	// Enrich, when set, applies a unit directory and the word segmenter
	// to the records: canonical unit names, and (as its Mode says) units
	// inferred from task texts, keywords and mentioned units. For the
	// records duban extract writes, pass
	//
	//	&enrich.Enricher{Directory: dir, Mode: enrich.Auto}
	//
	// with dir from duban.LoadDirectory (nil for none). Nil applies
	// neither: units carry the names the notice gives.
	Enrich *enrich.Enricher
	// MaxSize bounds the size of a notice file in bytes (0: MaxFileSize).
	MaxSize int64
}

// Input is a notice file read into memory, with its SHA-256 checksum.
type Input struct {
	Name   string // the path as given; used in errors and as Source.Path
	Data   []byte
	SHA256 string // hex; empty until computed
}

// Load reads a notice file for extraction: one duban reads (by its
// extension), not larger than opt.MaxSize, not empty. Every error names
// the file.
func Load(path string, opt Options) (*Input, error) {
	if ReaderFor(path) == nil {
		return nil, unsupported(path, "")
	}
	limit := opt.MaxSize
	if limit <= 0 {
		limit = MaxFileSize
	}
	// Opened without blocking on a FIFO; a folder, a device (/dev/zero),
	// a FIFO or a socket is refused with what it is.
	f, fi, err := safeopen.Open(path)
	if err != nil {
		return nil, err // names the file
	}
	defer f.Close()
	if fi.Size() > limit {
		return nil, tooLarge(path, fi.Size(), limit)
	}
	// The size may change under us: read at most one byte past the limit.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: empty file", path)
	}
	sum := sha256.Sum256(data)
	return &Input{Name: path, Data: data, SHA256: hex.EncodeToString(sum[:])}, nil
}

func tooLarge(path string, size, limit int64) error {
	return fmt.Errorf("%s: %d bytes: %w", path, size, limits.Over("bytes of a notice file", limit))
}

// File extracts the records of a notice file: Load, then Extract.
func File(path string, opt Options) (*duban.Notice, error) {
	in, err := Load(path, opt)
	if err != nil {
		return nil, err
	}
	return in.Extract(opt)
}

// Bytes extracts the records of a notice held in data; name gives the
// format (by extension) and is used in errors and as Source.Path.
func Bytes(name string, data []byte, opt Options) (*duban.Notice, error) {
	return (&Input{Name: name, Data: data}).Extract(opt)
}

// Extract reads the input with the reader for its format, parses the
// notice's structure and enriches the records as opt says. The records'
// Source names the input and its checksum.
func (in *Input) Extract(opt Options) (*duban.Notice, error) {
	r, format := ReaderForContent(in.Name, in.Data)
	if r == nil {
		return nil, unsupported(in.Name, format)
	}
	sum := in.SHA256
	var sums chan [sha256.Size]byte
	if sum == "" {
		// The checksum needs nothing from the reading: it is computed
		// beside it (the channel is buffered, so an early return leaks
		// nothing).
		sums = make(chan [sha256.Size]byte, 1)
		data := in.Data // not in: the Input need not escape
		go func() { sums <- sha256.Sum256(data) }()
	}
	doc, err := r.Read(in.Name, in.Data)
	if errors.Is(err, pdf.ErrNoText) {
		doc, err = scanReader.Read(in.Name, in.Data) // a scan: OCR
	}
	if err != nil {
		return nil, err
	}
	n, err := Parse(in.Name, doc, opt)
	if err != nil {
		return nil, err
	}
	if sums != nil {
		s := <-sums
		sum = hex.EncodeToString(s[:])
		in.SHA256 = sum
	}
	n.Source = duban.Source{Path: in.Name, Format: doc.Format, SHA256: sum, Pages: doc.Pages, OCR: doc.OCR}
	if doc.OCR {
		n.Warnings = append(n.Warnings, ocrWarning)
	}
	opt.Enrich.Enrich(n)
	return n, nil
}

// ocrWarning goes with every notice read from a scan.
var ocrWarning = duban.Warning{Code: duban.WarnOCR,
	Message: "the text was recognised from a scan (OCR): check task texts, units and deadlines against the original"}

// unsupported is the error for a file duban does not read; format is what
// document.Sniff found in its content ("" when not looked at).
func unsupported(name, format string) error {
	switch format {
	case "rtf":
		return fmt.Errorf("%s: an RTF document; re-save it as .docx (duban reads %s)", name, extensionList())
	case "xls", "xlsx", "html":
		return fmt.Errorf("%s: a %s file; duban reads %s", name, strings.ToUpper(format), extensionList())
	}
	ext := filepath.Ext(name)
	if ext == "" {
		return fmt.Errorf("%s: no file extension; duban reads %s", name, extensionList())
	}
	return fmt.Errorf("%s: unsupported file type %q; duban reads %s", name, ext, extensionList())
}

// ErrNoTasks is the error (wrapped with the file name) of a notice in which
// no task was found.
var ErrNoTasks = errors.New("no tasks found")

// Parse finds the header, the outline and the tasks of a document. name is
// used in errors only. A document without tasks is an error.
func Parse(name string, doc *document.Document, opt Options) (n *duban.Notice, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = nil, fmt.Errorf("%s: structure: internal error: %v", name, r)
		}
	}()
	return parseNotice(name, doc, opt)
}

// parseNotice is Parse without the guard against panics (fuzz tests call
// it to find them).
func parseNotice(name string, doc *document.Document, opt Options) (*duban.Notice, error) {
	if doc == nil {
		return nil, fmt.Errorf("%s: no text", name)
	}
	if err := checkTextBudget(doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ps := make([]bodyPara, 0, len(doc.Blocks))
	for _, b := range doc.Blocks {
		if b.Table != nil {
			ps = append(ps, bodyPara{table: b.Table, line: b.Line, page: b.Page})
			continue
		}
		t := notation.TrimFunc(b.Text, notation.IsSpace)
		if t != "" {
			// a page number line is kept until tables that arrive as
			// text have taken theirs (a 序号 cell "2" looks like one)
			ps = append(ps, bodyPara{text: t, line: b.Line, page: b.Page})
		}
	}
	var written *asWritten
	if isTraditional(ps) {
		simp := simplified(ps)
		written = newAsWritten(ps, simp)
		ps = simp
	}
	ps = splitRunOnOutline(dropPageNumbers(textTables(ps)))
	ps, meta := takePageMeta(ps)
	ps, glued := takeGluedHeader(ps)
	if len(ps) == 0 {
		return nil, fmt.Errorf("%s: no text found", name)
	}
	// The body starts at the first table or numbered paragraph that is not
	// in a list of attachments ("附件：1.…⏎2.…").
	start := len(ps)
	inAttachments := false
	for i, p := range ps {
		k, _, _ := notation.ParseMarker(p.text)
		if p.table != nil || (k != notation.MarkNone && !inAttachments) {
			start = i
			break
		}
		if k == notation.MarkNone {
			inAttachments = isAttachmentLine(p.text)
		}
	}
	h := parseHeader(ps, start)
	disclosureHeader(&h, ps, start)
	planTitleLater(&h, ps, start)
	meta.fill(&h)
	st := &parseState{assigners: defaultAssigners}
	if glued != nil {
		st.assigners = append([]assigner{gluedTailAssigner{glued}}, defaultAssigners...)
	}
	st.year = noticeYear(h)
	if opt.Year != 0 {
		st.year = opt.Year
	}
	if h.issue != "" {
		st.issue, _ = time.Parse(duban.DateLayout, h.issue)
	}
	for _, p := range ps[:start] {
		if statesLeadConvention(p.text) {
			st.leadFirst = true // stated in the introduction
		}
	}
	body := ps[start:start] // filtered in place: ps is not read again
	running := runningHeaders(h)
	for i := start; i < len(ps); i++ {
		if h.used[i] || running.match(ps[i].text) {
			continue
		}
		body = append(body, ps[i])
	}
	st.drafts = make([]draft, 0, len(body))
	st.parseBody(rejoin(body), defaultBlockParsers)
	if st.over != nil {
		return nil, fmt.Errorf("%s: %w", name, st.over)
	}

	n := &duban.Notice{
		DocNumber: h.docNumber,
		Issuer:    h.issuer,
		IssueDate: duban.NullString(h.issue),
		Title:     h.title,
		PlanTitle: duban.NullString(h.planTitle),
		Year:      st.year,
		CC:        h.cc,
		Publicity: h.publicity,
		Tasks:     st.tasks(),
	}
	if len(n.Tasks) == 0 && start == len(ps) {
		// no numbered item at all: tasks may be told as prose or
		// shown as project cards
		rest := make([]bodyPara, 0, len(ps))
		for i, p := range ps {
			if !h.used[i] {
				rest = append(rest, p)
			}
		}
		n.Tasks = st.proseTasks(rest)
		if len(n.Tasks) == 0 {
			var lines []string
			n.Tasks, lines = st.cardTasks(rest)
			for _, l := range lines {
				// a card's lines are never the notice's titles
				if l = notation.StripSpace(l); l == notation.StripSpace(n.Title) {
					n.Title = ""
				} else if l == notation.StripSpace(string(n.PlanTitle)) {
					n.PlanTitle = ""
				}
			}
		}
		n.Year = st.year
	}
	if len(n.Tasks) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNoTasks)
	}
	if written != nil {
		written.restore(n)
	}
	for _, w := range doc.Warnings {
		n.Warnings = append(n.Warnings, duban.Warning{Code: duban.WarnDamagedSource, Message: w})
	}
	if doc.OCR {
		var dir *duban.Directory
		if opt.Enrich != nil {
			dir = opt.Enrich.Directory
		}
		fixOCRUnits(n, dir)
	}
	n.Warnings = append(n.Warnings, taskWarnings(n)...)
	n.Warnings = append(n.Warnings, manyUnits(n)...)
	for _, a := range doc.Attachments {
		n.Attachments = append(n.Attachments, duban.Attachment{Name: a.Name, URL: a.URL})
	}
	return n, nil
}

// tasks turns the drafts into task records: general items that no unit is
// given to are dropped, ids are made unique, texts cleaned and deadlines
// normalised.
func (st *parseState) tasks() []duban.Task {
	// Which groups (top-level sections; all top-level items together)
	// assign units somewhere?
	groupOf := func(it *outlineItem) *outlineItem {
		for it.parent != nil {
			it = it.parent
		}
		if it.children == 0 {
			return nil
		}
		return it
	}
	assigned := map[*outlineItem]bool{}
	anyAssigned := false
	for _, d := range st.drafts {
		if d.seg.assigned {
			assigned[groupOf(d.it)] = true
			anyAssigned = true
		}
	}
	// the items whose children include headings (items with children),
	// found when first asked
	var headingParents map[*outlineItem]bool
	hasHeadingChild := func(it *outlineItem) bool {
		if headingParents == nil {
			headingParents = map[*outlineItem]bool{}
			for _, d := range st.drafts {
				for p := d.it.parent; p != nil && p.parent != nil; p = p.parent {
					headingParents[p.parent] = true
				}
			}
		}
		return headingParents[it]
	}
	out := make([]duban.Task, 0, len(st.drafts))
	seen := make(map[string]int, len(st.drafts))
	for _, d := range st.drafts {
		it, seg := d.it, d.seg
		text := tidy(seg.text)
		if !seg.assigned {
			if text == "" {
				continue
			}
			if !it.fromRow && !notation.ContainsAnyRune(text, "。；;") && (it.depth == 1 || hasHeadingChild(it.parent)) {
				// a heading with nothing under it (the text may end
				// before its items), where its siblings are headings
				continue
			}
			if anyAssigned && !assigned[groupOf(it)] {
				// A general section (goals "到2025年底，…", requirements):
				// no item in it names a unit.
				continue
			}
		}
		id := strings.Join(it.path, ".")
		seen[id]++
		if k := seen[id]; k > 1 {
			id += fmt.Sprintf("#%d", k)
		}
		t := duban.Task{
			ID:        id,
			Path:      it.path,
			Text:      text,
			Units:     seg.units,
			UnitsOpen: seg.open,
			Source:    duban.Location{Line: it.line, Page: it.page},
		}
		if t.Units == nil {
			t.Units = []duban.Unit{}
		}
		if len(it.path) >= 2 {
			t.Section = duban.NullString(ancestor(it, 1).title())
		}
		if len(it.path) >= 3 {
			t.Subsection = duban.NullString(ancestor(it, 2).title())
		}
		if r := it.row; r != nil {
			t.Leader = r.leader
			if len(r.category) > 0 && len(it.path) < 2 {
				// a task table's category columns
				t.Section = duban.NullString(r.category[0])
				if len(r.category) > 1 {
					t.Subsection = duban.NullString(r.category[1])
				}
			}
		}
		raw := seg.deadline
		if raw == "" {
			raw = notation.StripSpace(findDeadline(text))
		}
		if raw != "" {
			t.Deadline = st.deadline(raw)
		}
		out = append(out, t)
	}
	return out
}

// ancestor returns the item's ancestor at depth d (1 = top level).
func ancestor(it *outlineItem, d int) *outlineItem {
	n := 0
	for p := it; p != nil; p = p.parent {
		n++
	}
	if d > n {
		return it
	}
	p := it
	for ; n > d; n-- {
		p = p.parent
	}
	return p
}

// isPageNumberLine reports whether a line is only a page number, as text
// converted from a printed notice carries them: "— 3 —", "-3-", "第3页",
// "第 3 页 共 13 页", "3/13".
func isPageNumberLine(s string) bool {
	if len(s) > 60 {
		return false
	}
	s = notation.StripSpace(s)
	s = strings.Trim(s, "-—–－_·•")
	if s == "" {
		return false
	}
	digits := 0
	rest := strings.Map(func(r rune) rune {
		if notation.IsASCIIDigit(r) {
			digits++
			return -1
		}
		return r
	}, s)
	if digits == 0 || digits > 4 {
		return false
	}
	switch rest {
	case "", "第页", "第页共页", "/", "页", "第页/共页":
		return true
	}
	return false
}

// runningHeader holds the lines a printed page may repeat at its top: the
// notice's 文号 and titles, whitespace removed.
type runningHeader struct {
	lines  []string
	maxLen int
}

func runningHeaders(h header) runningHeader {
	var r runningHeader
	for _, s := range []string{h.docNumber, h.title, h.planTitle} {
		if s = notation.StripSpace(s); s != "" {
			r.lines = append(r.lines, s)
			r.maxLen = max(r.maxLen, len(s))
		}
	}
	return r
}

// match reports whether a body line repeats the 文号 or a title.
func (r runningHeader) match(s string) bool {
	if len(s) > r.maxLen+24 {
		return false // too long even with spaces inside
	}
	s = notation.StripSpace(s)
	for _, l := range r.lines {
		if s == l {
			return true
		}
	}
	return false
}

// dropPageNumbers removes the page number lines left in ps.
func dropPageNumbers(ps []bodyPara) []bodyPara {
	out := ps[:0]
	for _, p := range ps {
		if p.table != nil || !isPageNumberLine(p.text) {
			out = append(out, p)
		}
	}
	return out
}
