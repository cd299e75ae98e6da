package extract

import "github.com/duban/duban/extract/document"

// The reader-side types live in package document; these aliases keep the
// parser's names while the readers move into packages of their own.
type (
	Document = document.Document
	Block    = document.Block
	Table    = document.Table
	Cell     = document.Cell
	Reader   = document.Reader
)
