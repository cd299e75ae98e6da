package document

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// Sniff names the format of a notice file from its content, falling back
// on the name's extension when the content says nothing definite (plain
// text, damaged files). Formats are lower-case names without a dot:
// "pdf", "docx", "xlsx", "ofd", "doc" (Word 97 compound files, whatever
// their extension, .wps included), "xls", "html", "rtf", "jpg", "png",
// "tif", else the extension itself ("txt", "wps", …; "" without one).
//
// Sniff only looks at data; it never fails.
func Sniff(name string, data []byte) string {
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if f := sniffZip(data); f != "" {
			return f
		}
	case bytes.HasPrefix(data, oleMagic):
		if f := sniffOLE(data); f != "" {
			return f
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "jpg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "tif"
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return "rtf"
	case looksMHTML(head):
		return "mhtml"
	case looksHTML(head):
		return "html"
	}
	return byExtension(name)
}

// extAliases maps extensions to the format name Sniff uses for them.
var extAliases = map[string]string{"htm": "html", "mht": "mhtml", "jpeg": "jpg", "tiff": "tif", "xhtml": "html"}

func byExtension(name string) string {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	if a, ok := extAliases[ext]; ok {
		return a
	}
	return ext
}

// sniffZip tells OOXML documents and OFD packages apart by their entries.
func sniffZip(data []byte) string {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	for i, f := range z.File {
		if i > 10000 {
			break
		}
		n := strings.TrimPrefix(f.Name, "/")
		switch {
		case n == "word/document.xml" || strings.HasPrefix(n, "word/document"):
			return "docx"
		case strings.HasPrefix(n, "xl/workbook"):
			return "xlsx"
		case strings.EqualFold(n, "OFD.xml"):
			return "ofd"
		}
	}
	return ""
}

// oleMagic opens every OLE compound file (.doc, .xls, .wps, .et, …).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniffOLE finds the stream that says what a compound file holds. Its
// directory entries are 128 bytes each, aligned to 128 bytes in the file,
// each opening with the entry's UTF-16LE name and giving the name's size
// in bytes (with its terminating zero) at offset 64; scanning for them
// needs no parse of the allocation tables.
func sniffOLE(data []byte) string {
	word, book := false, false
	for off := 512; off+128 <= len(data); off += 128 {
		n := int(binary.LittleEndian.Uint16(data[off+64:]))
		if n < 4 || n > 64 || n%2 != 0 || data[off+66] != 2 { // 2: a stream
			continue
		}
		u := make([]uint16, n/2-1)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(data[off+2*i:])
		}
		switch string(utf16.Decode(u)) {
		case "WordDocument":
			word = true
		case "Workbook", "Book":
			book = true
		}
	}
	switch {
	case word:
		return "doc"
	case book:
		return "xls"
	}
	return ""
}

// looksHTML reports whether the start of a file is markup of a web page.
func looksHTML(head []byte) bool {
	h := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<meta", "<body", "<title"} {
		if bytes.HasPrefix(h, []byte(p)) {
			return true
		}
	}
	if bytes.HasPrefix(h, []byte("<?xml")) || bytes.HasPrefix(h, []byte("<!--")) {
		return bytes.Contains(h, []byte("<html"))
	}
	return false
}

// looksMHTML reports whether a file opens as a MIME web archive (.mhtml as
// browsers save it): headers first, a multipart/related body.
func looksMHTML(head []byte) bool {
	h := bytes.ToLower(head)
	return (bytes.HasPrefix(h, []byte("from:")) || bytes.HasPrefix(h, []byte("mime-version:")) ||
		bytes.HasPrefix(h, []byte("subject:")) || bytes.HasPrefix(h, []byte("date:")) ||
		bytes.HasPrefix(h, []byte("snapshot-content-location:"))) &&
		bytes.Contains(h, []byte("multipart/related"))
}
