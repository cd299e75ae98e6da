package extract

import (
	"path/filepath"
	"strings"

	"github.com/duban/duban/extract/doc"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/docx"
	"github.com/duban/duban/extract/ocr"
	"github.com/duban/duban/extract/txt"
)

// readers maps a format, as document.Sniff names it from a file's content
// (else its extension), to the Reader for it.
var readers = map[string]Reader{
	"txt":  txt.Reader{},
	"docx": docx.Reader{},
	"pdf":  PDFReader{},
	"doc":  doc.Reader{},
	"wps":  doc.Reader{}, // not a Word 97 file: the reader says to re-save it
	"jpg":  ocr.Reader{},
	"png":  ocr.Reader{},
	"tif":  ocr.Reader{},
}

// scanReader reads the PDFs without a text layer.
var scanReader Reader = ocr.Reader{}

// extensions are the file extensions a folder walk picks up.
var extensions = map[string]bool{
	".txt": true, ".docx": true, ".pdf": true, ".doc": true, ".wps": true,
	".jpg": true, ".jpeg": true, ".png": true, ".tif": true, ".tiff": true,
}

// ReaderFor returns the reader for a file by its content (a .doc renamed
// .wps, a DOCX renamed .doc, a PDF named .txt), and the format it found;
// the reader is nil for a format duban does not read.
func ReaderFor(name string, data []byte) (Reader, string) {
	f := document.Sniff(name, data)
	return readers[f], f
}

// Supported reports whether duban reads files with this name's extension
// (what a folder walk picks up; the content decides the reader).
func Supported(name string) bool { return extensions[strings.ToLower(filepath.Ext(name))] }
