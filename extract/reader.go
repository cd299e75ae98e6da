package extract

import (
	"path/filepath"
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/docx"
	"github.com/duban/duban/extract/pdf"
	"github.com/duban/duban/extract/txt"
)

// readers is the registry of the notice formats duban reads: each file
// extension (lower case, with its dot) and the reader for it, in the order
// error messages list them. A new format is one line here.
var readers = []struct {
	ext    string
	reader document.Reader
}{
	{".txt", txt.Reader{}},
	{".docx", docx.Reader{}},
	{".pdf", pdf.Reader{}},
}

// ReaderFor returns the reader for a file name's extension, or nil.
func ReaderFor(name string) document.Reader {
	ext := strings.ToLower(filepath.Ext(name))
	for _, r := range readers {
		if r.ext == ext {
			return r.reader
		}
	}
	return nil
}

// Supported reports whether duban reads files with this name's extension.
func Supported(name string) bool { return ReaderFor(name) != nil }

// Extensions lists the file extensions duban reads (".txt", ".docx", …).
func Extensions() []string {
	exts := make([]string, len(readers))
	for i, r := range readers {
		exts[i] = r.ext
	}
	return exts
}

// extensionList writes the extensions for a message: ".txt, .docx and .pdf".
func extensionList() string {
	exts := Extensions()
	if len(exts) < 2 {
		return strings.Join(exts, "")
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " and " + exts[len(exts)-1]
}
