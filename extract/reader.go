package extract

import (
	"path/filepath"
	"strings"

	"github.com/duban/duban/extract/docx"
	"github.com/duban/duban/extract/txt"
)

// readers maps a lower-case file extension to the Reader for it.
var readers = map[string]Reader{
	".txt":  txt.Reader{},
	".docx": docx.Reader{},
	".pdf":  PDFReader{},
}

// ReaderFor returns the reader for a file name's extension, or nil.
func ReaderFor(name string) Reader {
	return readers[strings.ToLower(filepath.Ext(name))]
}

// Supported reports whether duban reads files with this name's extension.
func Supported(name string) bool { return ReaderFor(name) != nil }
