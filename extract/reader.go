package extract

import (
	"path/filepath"
	"strings"

	"github.com/duban/duban/extract/doc"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/docx"
	"github.com/duban/duban/extract/html"
	"github.com/duban/duban/extract/ocr"
	"github.com/duban/duban/extract/ofd"
	"github.com/duban/duban/extract/pdf"
	"github.com/duban/duban/extract/txt"
	"github.com/duban/duban/extract/xls"
	"github.com/duban/duban/extract/xlsx"
)

// readers is the registry of the notice formats duban reads: each file
// extension (lower case, with its dot), the format document.Sniff names
// for such content, and the reader for it, in the order error messages
// list them. The reader is chosen by content (a .doc renamed .wps, a DOCX
// renamed .doc, a PDF named .txt); the extension decides only what a
// folder walk picks up. A new format is one line here.
var readers = []struct {
	ext    string
	format string
	reader document.Reader
}{
	{".txt", "txt", txt.Reader{}},
	{".docx", "docx", docx.Reader{}},
	{".pdf", "pdf", pdf.Reader{}},
	{".html", "html", html.Reader{}},
	{".htm", "html", html.Reader{}},
	{".mhtml", "mhtml", html.MHTMLReader{}},
	{".mht", "mhtml", html.MHTMLReader{}},
	{".xlsx", "xlsx", xlsx.Reader{}},
	{".xls", "xls", xls.Reader{}},
	{".doc", "doc", doc.Reader{}},
	{".wps", "wps", doc.Reader{}}, // not a Word 97 file (else Sniff says doc): the reader says to re-save it
	{".ofd", "ofd", ofd.Reader{}},
	{".jpg", "jpg", ocr.Reader{}},
	{".jpeg", "jpg", ocr.Reader{}},
	{".png", "png", ocr.Reader{}},
	{".tif", "tif", ocr.Reader{}},
	{".tiff", "tif", ocr.Reader{}},
}

// scanReader reads the PDFs without a text layer.
var scanReader document.Reader = ocr.Reader{}

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

// ReaderForContent returns the reader for a file by its content (else its
// extension) and the format document.Sniff found; the reader is nil for a
// format duban does not read.
func ReaderForContent(name string, data []byte) (document.Reader, string) {
	f := document.Sniff(name, data)
	for _, r := range readers {
		if r.format == f {
			return r.reader, f
		}
	}
	return nil, f
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
