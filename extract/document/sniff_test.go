package document

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"os"
	"testing"
	"unicode/utf16"
)

func zipWith(t *testing.T, names ...string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("<x/>"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// oleWith is the start of a compound file whose directory (at the second
// sector) holds streams with these names.
func oleWith(names ...string) []byte {
	data := make([]byte, 512+128*len(names))
	copy(data, oleMagic)
	for i, n := range names {
		e := data[512+128*i:]
		u := utf16.Encode([]rune(n))
		for j, c := range u {
			binary.LittleEndian.PutUint16(e[2*j:], c)
		}
		binary.LittleEndian.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66] = 2
	}
	return data
}

func file(t *testing.T, path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSniff(t *testing.T) {
	pdf := file(t, "../../testdata/lianyungang-2024-22.pdf")
	docx := file(t, "../../testdata/lianyungang-2024-22.docx")
	doc := file(t, "../doc/testdata/lianyungang-2024-22.doc")
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"notice.txt", pdf, "pdf"}, // a PDF named .txt
		{"notice.pdf", pdf, "pdf"},
		{"notice.doc", docx, "docx"}, // a DOCX renamed .doc
		{"notice.wps", doc, "doc"},   // a .doc renamed .wps (WPS saves these)
		{"notice.doc", doc, "doc"},
		{"notice", doc, "doc"},
		{"tasks.xls", zipWith(t, "[Content_Types].xml", "xl/workbook.xml"), "xlsx"},
		{"notice.zip", zipWith(t, "OFD.xml", "Doc_0/Document.xml"), "ofd"},
		{"a.ofd", zipWith(t, "/OFD.xml"), "ofd"},
		{"tasks.doc", oleWith("Root Entry", "Workbook"), "xls"},
		{"tasks.xls", oleWith("Book"), "xls"},
		{"odd.doc", oleWith("Contents"), "doc"}, // by extension
		{"page.doc", []byte("\xef\xbb\xbf\n<!DOCTYPE html><html>"), "html"},
		{"page.txt", []byte("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"), "html"},
		{"page.HTM", []byte("通知"), "html"},
		{"scan.pdf", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "jpg"},
		{"scan", []byte("\x89PNG\r\n\x1a\n...."), "png"},
		{"scan.TIFF", []byte("plain"), "tif"},
		{"scan.dat", []byte("II*\x00\x08\x00"), "tif"},
		{"x.doc", []byte(`{\rtf1\ansi`), "rtf"},
		{"notice.TXT", []byte("一、总体要求"), "txt"},
		{"broken.docx", []byte("PK\x03\x04garbage"), "docx"},
		{"noext", []byte("text"), ""},
		{"empty.txt", nil, "txt"},
	} {
		if got := Sniff(c.name, c.data); got != c.want {
			t.Errorf("Sniff(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func FuzzSniff(f *testing.F) {
	f.Add("a.doc", oleWith("WordDocument"))
	f.Add("a.xlsx", []byte("PK\x03\x04"))
	f.Add("a.txt", []byte("<html>"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		Sniff(name, data)
	})
}
