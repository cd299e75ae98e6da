// Package limits is the one place where the budgets of the notice readers
// and the parser are set. Every reader (TXT, DOCX, PDF, and the readers of
// spreadsheets, web pages and OFD) and every way into them (run, extract,
// render, import, the console) takes its bounds from here, so that one file
// — hostile or only broken — costs bounded time and memory, and going over a
// bound is an error naming the file and the limit, found in well under a
// second.
//
// The budgets are generous for real notices: the largest real notice seen
// holds under 1 MB of text (about 350,000 characters), 200 tasks, tables of a
// few hundred rows, PDFs of a few hundred objects per page and a few dozen
// fonts. Each bound below is at least four times what a real notice needs,
// and small enough that reading up to it takes seconds and a few hundred MB
// at most.
package limits

import "fmt"

// Bytes read.
const (
	// FileBytes is the largest notice file read, in bytes on disk. A
	// scanned notice of 100 pages at 300 dpi is under 60 MB.
	FileBytes = 128 << 20
)

// Zip packages (DOCX, XLSX, OFD).
const (
	// ZipEntryBytes bounds the decompressed size of one part read.
	ZipEntryBytes = 64 << 20
	// ZipTotalBytes bounds the decompressed bytes read from one package,
	// all parts together.
	ZipTotalBytes = 160 << 20
	// OFDPartBytes bounds one XML part of an OFD package: a page's
	// content as an OFD writer lays it out is 10–15 KB of text (the
	// sample's), 70 KB with drawings.
	OFDPartBytes = 4 << 20
	// OFDBytes bounds the XML read from one OFD package, all parts
	// together, a part read again for each page that names it counted
	// each time: 1,300 pages of the sample's. Parsing XML takes about
	// 14 ns a byte, so a package at the bound is read in a quarter of a
	// second, whatever fills it (blank space deflates a thousandfold: at
	// ZipTotalBytes 5 pages of 31 MB took 2.2 s to parse).
	OFDBytes = 16 << 20
)

// XML parts (DOCX, XLSX, OFD, HTML).
const (
	// XMLDepth bounds element nesting (Word nests a text box in a table in
	// a table to depth 30 or so).
	XMLDepth = 256
	// XMLElements bounds the elements of one part. A long notice as Word
	// writes it has under 100,000; one of 350,000 characters with every
	// character in a run of its own about 1.4 million.
	XMLElements = 2_000_000
	// OFDElements bounds the XML elements of one OFD package, all parts
	// together: a page of the sample has about 100, so 5,000 pages.
	OFDElements = 500_000
)

// Tables.
const (
	// TableCells bounds the cells of one document's tables after merged
	// cells are repeated into every grid position they cover.
	TableCells = 1_000_000
	// CellSpan bounds the grid columns (or rows) one merged cell covers.
	CellSpan = 64
	// TableDepth bounds tables nested in table cells.
	TableDepth = 32
	// SheetCells bounds the cells of a workbook (XLSX, XLS) once merged
	// cells are repeated into every place they cover. A task ledger of
	// 2,000 rows and 20 columns has 40,000; a workbook at the bound takes
	// about a second to read.
	SheetCells = 200_000
)

// Numbering.
const (
	// LabelRunes bounds a generated list label ("第一章", "（十二）",
	// "1.2.3.4."): its level text and the label built from it.
	LabelRunes = 64
)

// PDF.
const (
	// PDFObjects bounds the object numbers of a PDF: a cross-reference
	// subsection or stream may not reach past it (a real notice has a few
	// hundred; one with images a few thousand).
	PDFObjects = 1 << 20
	// PDFXrefSections bounds the cross-reference sections of a /Prev
	// chain (one per incremental update). Each is visited once: a /Prev
	// seen before ends the chain.
	PDFXrefSections = 256
	// PDFOpsPerPage bounds the content operators interpreted on one page.
	PDFOpsPerPage = 4_000_000
	// PDFResourcesPerPage bounds the entries of one resource dictionary
	// (fonts, XObjects) of a page or form.
	PDFResourcesPerPage = 4_096
	// PDFStreamBytes bounds the decoded content of one page or form.
	PDFStreamBytes = 32 << 20
)

// Text and structure.
const (
	// NoticeChars bounds the characters of text of one notice, all
	// paragraphs and cells together.
	NoticeChars = 4_000_000
	// NoticeBytes bounds the bytes of a text file: no encoding takes more
	// than four bytes for a character.
	NoticeBytes = 4 * NoticeChars
	// LineChars bounds one line or paragraph of text (a notice pasted as a
	// single line of a web page has 50,000).
	LineChars = 1_000_000
	// UnitsPerClause bounds the units one clause names ("责任单位：…").
	UnitsPerClause = 2_000
	// UnitsPerNotice bounds the distinct units of one notice that get
	// documents of their own (unit sheet, return sheet, calendar, a
	// section of the quarterly summary): the sample names 25, a notice
	// naming every department and district of a city about 70. A unit's
	// documents print each of its tasks with the task's whole unit list,
	// so a task naming k units costs k documents of k names: one naming
	// 2,000 took 240 s and 2.5 GB (a quarterly summary of 72,166
	// pages). The units past the bound keep their tasks in the records
	// and the ledger, and the notice says so (duban.WarnManyUnits).
	UnitsPerNotice = 200
)

// Error is a budget overrun: Limit names the bound, Max its value.
type Error struct {
	Limit string // what is bounded, in words
	Max   int64
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s over the limit of %d", e.Limit, e.Max)
}

// Over returns an *Error for the bound named limit at max.
func Over(limit string, max int64) error { return &Error{Limit: limit, Max: max} }
