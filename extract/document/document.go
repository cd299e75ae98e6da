// Package document holds what every notice reader produces and the
// structure parser consumes: a notice as paragraphs and tables in reading
// order, each with the line and page it starts on. Readers (txt, docx, pdf,
// html, …) live in packages of their own and depend on this one only; the
// parser in package extract never sees a file format.
package document

// Document is what a Reader hands to the structure parser: the notice's
// blocks in reading order, with page artefacts (page numbers, running
// headers) already removed.
type Document struct {
	Format string // "txt", "pdf", "docx", …
	Pages  int    // number of pages for paged formats, else 0
	OCR    bool   // the text was recognised from images (a scan), not read
	Blocks []Block
	// Attachments are the files a notice links to (a web page's 附件
	// links); duban lists them and does not fetch them.
	Attachments []Attachment
	// Warnings say what damage the reader read past (a map or stream
	// that did not decode, a wrong length recovered): the text may differ
	// from the original there. They become the notice's warnings.
	Warnings []string
}

// Attachment is a file a notice links to: its name as the notice shows it
// and its address as written (resolved against the page's <base>, if any).
type Attachment struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// Block is one paragraph (Table == nil) or one table of a notice.
//
// A paragraph's Text is one line of the notice as the reader sees it: for
// TXT a physical line, for DOCX a paragraph, for PDF a reconstructed
// paragraph. A paragraph cut by an old page break may arrive as several
// blocks; the structure parser rejoins them.
type Block struct {
	Text  string
	Table *Table
	Line  int // 1-based line number of the block's start in the reader's text
	Page  int // 1-based page for paged formats, else 0
}

// Table is a table of the notice: rows of cells, the first row usually the
// header. Merged cells are repeated into every grid position they cover.
type Table struct {
	Rows [][]Cell
}

// Cell is one table cell with the place its text starts.
type Cell struct {
	Text string
	Line int
	Page int
}

// Reader reads one notice format.
type Reader interface {
	// Read turns a file's bytes into a Document. name is used in errors
	// only. It must not panic on any input.
	Read(name string, data []byte) (*Document, error)
}
