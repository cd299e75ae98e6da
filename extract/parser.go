package extract

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// The structure parser works like a Markdown parser: the notice's body is a
// stream of paragraphs and tables, and a list of construct parsers, tried in
// order, each recognise one construct of a notice (an outline item, a
// labelled line, a task table…) and build up the parser state. When an
// outline item is complete, a second list, of assignment parsers, finds who
// does its work and by when. The default lists are defaultBlockParsers and
// defaultAssigners; each construct lives in its own file.

// bodyPara is one paragraph of the notice (Table == nil) or one table, with the
// place it starts.
type bodyPara struct {
	text  string
	table *document.Table
	line  int
	page  int
}

// A blockParser recognises one construct of a notice's body. parse reports
// whether it took the paragraph; the first parser that does wins.
type blockParser interface {
	parse(p *bodyPara, st *parseState) bool
}

// An assigner finds the units and deadline of a complete outline item: it
// returns the item's tasks (usually one; inline assignments close several)
// and whether it recognised the item's assignment at all.
type assigner interface {
	assign(it *outlineItem, st *parseState) ([]taskPart, bool)
}

// defaultBlockParsers are the body constructs, in the order they are tried.
var defaultBlockParsers = []blockParser{
	tableParser{},
	outlineParser{},
	labelledLineParser{},
	bodyTextParser{},
}

// defaultAssigners are the assignment constructs, in the order they are
// tried: fields already known (labelled lines, table columns), bracketed
// groups in the text (trailing clauses, inline assignments), and a trailing
// clause whose bracket is missing.
var defaultAssigners = []assigner{
	fieldAssigner{},
	bracketAssigner{},
	openClauseAssigner{},
}

// outlineItem is one numbered item of the notice's outline, or one row of a task
// table.
type outlineItem struct {
	path     []string
	depth    int
	text     string        // the item's text after its number, paragraphs rejoined
	fields   []clauseField // labelled lines under it, or its table columns
	line     int
	page     int
	parent   *outlineItem
	children int
	fromRow  bool      // a row of a task table
	done     bool      // assignment already run
	heading  string    // title(), once computed
	body     []string  // unnumbered paragraphs under the item
	pathBuf  [4]string // backing of a path up to four levels deep, saving an allocation
}

// title is the item's text as a section heading: cleaned, without its
// closing 。 or colon.
func (it *outlineItem) title() string {
	if it.heading == "" {
		it.heading = strings.TrimRight(tidy(it.text), "。.：:；;，, ")
	}
	return it.heading
}

// taskPart is one task taken from an item: its text and what was found
// about its units and deadline.
type taskPart struct {
	text     string
	units    []duban.Unit
	open     bool
	deadline string // raw deadline from a field; "" to look in the text
	assigned bool   // units or a deadline field were found
}

// parseState is what the parser knows while it walks the body.
type parseState struct {
	year  int
	issue time.Time

	kinds []notation.MarkerKind // marker kind of each open outline depth
	stack []*outlineItem        // open outline items, outermost first
	last  *outlineItem          // the item paragraphs currently attach to

	leadFirst   bool // a "first listed unit leads" convention is in force
	attachments bool // in a list of attachments ("附件：1.…")

	// memos: notices repeat the same unit lists and deadlines many times
	deadlines map[string]duban.Deadline
	dlChunk   []duban.Deadline // backing for the tasks' own deadline copies
	itemChunk []outlineItem    // backing for the outline items (never grown in place)
	parts     []taskPart       // scratch for an assigner's parts, copied into drafts
	unitLists map[string]unitList

	drafts    []draft
	assigners []assigner
}

// draft is a task before ids, filtering and normalisation.
type draft struct {
	it  *outlineItem
	seg taskPart
}

// parseBody runs the block parsers over the body paragraphs and closes
// every item.
func (st *parseState) parseBody(body []bodyPara, parsers []blockParser) {
	for i := range body {
		p := &body[i]
		for _, bp := range parsers {
			if bp.parse(p, st) {
				break
			}
		}
	}
	st.closeItems(0)
}

// open makes it the current outline item at its depth, closing the items
// it ends.
func (st *parseState) open(it *outlineItem) {
	st.closeItems(it.depth)
	if it.depth > 1 && len(st.stack) >= it.depth-1 {
		it.parent = st.stack[it.depth-2]
	}
	if it.parent != nil {
		it.parent.children++
		n := len(it.parent.path) + len(it.path)
		var tail [4]string // it.path may live in it.pathBuf: copied out first
		own := append(tail[:0], it.path...)
		var path []string
		if n <= len(it.pathBuf) {
			path = it.pathBuf[:0:n]
		} else {
			path = make([]string, 0, n)
		}
		it.path = append(append(path, it.parent.path...), own...)
	}
	st.stack = append(st.stack, it)
	st.last = it
}

// closeItems closes the open items at depth ≥ depth (all when depth is 0 or
// 1); a closed item without children is a task candidate and is assigned.
func (st *parseState) closeItems(depth int) {
	if depth < 1 {
		depth = 1
	}
	for len(st.stack) >= depth {
		it := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.finish(it)
	}
}

// finish runs the assigners on a leaf item.
func (st *parseState) finish(it *outlineItem) {
	if it.done || it.children > 0 {
		return
	}
	it.done = true
	if st.assign(it) {
		return
	}
	// "（一）推进数字政府建设" with the work and its units in the paragraphs
	// under it: the task is the heading and those paragraphs, the heading
	// closed with "。" as a clerk would write it on one line.
	if len(it.body) > 0 {
		heading := it.text
		var w wrapped
		w.add(it.text)
		if last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(heading, notation.IsSpace)); !strings.ContainsRune("。；;：:！？!?", last) {
			w.add("。")
		}
		for _, b := range it.body {
			w.add(b)
		}
		it.text = w.String()
		if st.assign(it) {
			return
		}
		it.text = heading
	}
	st.drafts = append(st.drafts, draft{it: it, seg: taskPart{text: it.text}})
}

// assign runs the assigners on an item and keeps the tasks of the first
// that recognises its assignment.
func (st *parseState) assign(it *outlineItem) bool {
	for _, a := range st.assigners {
		if segs, ok := a.assign(it, st); ok {
			for _, s := range segs {
				st.drafts = append(st.drafts, draft{it: it, seg: s})
			}
			return true
		}
	}
	return false
}

// bodyTextParser takes any other paragraph (a goal, a requirement, an
// introduction): it may state a lead convention, or introduce a list of
// attachments.
type bodyTextParser struct{}

func (bodyTextParser) parse(p *bodyPara, st *parseState) bool {
	if p.table != nil {
		return false
	}
	if statesLeadConvention(p.text) {
		st.leadFirst = true
	}
	st.attachments = isAttachmentLine(p.text)
	if it := st.last; it != nil && !it.fromRow && !it.done && !st.attachments && len(it.body) < 20 {
		it.body = append(it.body, p.text)
	}
	return true
}

// isAttachmentLine reports whether a paragraph introduces the notice's
// attachments ("附件：1.任务分解表", "附件：", "附件2").
func isAttachmentLine(s string) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeftFunc(s, notation.IsSpace), "附件")
	if !ok {
		return false
	}
	rest = strings.TrimLeftFunc(rest, notation.IsSpace)
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || r == '：' || r == ':' || notation.IsASCIIDigit(r)
}

// unitList is a memoised splitUnits result.
type unitList struct {
	names []string
	open  bool
}

// splitUnits is notation.SplitUnits, memoised for the notice.
func (st *parseState) splitUnits(s string) ([]string, bool) {
	if l, ok := st.unitLists[s]; ok {
		return l.names, l.open
	}
	names, open := notation.SplitUnits(s)
	if st.unitLists == nil {
		st.unitLists = map[string]unitList{}
	}
	st.unitLists[s] = unitList{names, open}
	return names, open
}

// deadline is parseDeadline for the notice's year and issue date,
// memoised; every task gets its own copy.
func (st *parseState) deadline(raw string) *duban.Deadline {
	if d, ok := st.deadlines[raw]; ok {
		return st.ownDeadline(d)
	}
	d := parseDeadline(raw, st.year, st.issue)
	if d == nil {
		return nil
	}
	if st.deadlines == nil {
		st.deadlines = map[string]duban.Deadline{}
	}
	st.deadlines[raw] = *d
	return d
}

// newItem returns a zero outline item from a chunk shared with the items
// allocated before and after it: a notice has dozens of items, and they
// live as long as the parse.
func (st *parseState) newItem() *outlineItem {
	if len(st.itemChunk) == cap(st.itemChunk) {
		st.itemChunk = make([]outlineItem, 0, 32)
	}
	st.itemChunk = st.itemChunk[:len(st.itemChunk)+1]
	return &st.itemChunk[len(st.itemChunk)-1]
}

// ownDeadline returns a copy of d for one task, taken from a chunk shared
// by several tasks' copies so that each does not cost an allocation.
func (st *parseState) ownDeadline(d duban.Deadline) *duban.Deadline {
	if len(st.dlChunk) == cap(st.dlChunk) {
		st.dlChunk = make([]duban.Deadline, 0, 16)
	}
	st.dlChunk = append(st.dlChunk, d)
	return &st.dlChunk[len(st.dlChunk)-1]
}

// tidy is notation.CleanText with a fast path: text without whitespace (most task
// texts) has nothing to repair.
func tidy(s string) string {
	if notation.PlainText(s) {
		return s
	}
	return notation.CleanText(s)
}

// noSpace is notation.StripSpace with a fast path for text without whitespace.
func noSpace(s string) string {
	if !notation.HasQuickSpace(s) {
		return s
	}
	return notation.StripSpace(s)
}
