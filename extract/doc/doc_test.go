package doc_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/doc"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/gold"
)

func read(t testing.TB, path string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := doc.Reader{}.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGold: the sample notice saved as .doc by LibreOffice gives exactly
// the sample's gold records.
func TestGold(t *testing.T) {
	const path = "testdata/lianyungang-2024-22.doc"
	d := read(t, path)
	if d.Format != "doc" {
		t.Errorf("format %q", d.Format)
	}
	got, err := extract.Parse(path, d, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold.Check(t, got, "../../testdata/lianyungang-2024-22.gold.json")
}

// TestPOI: a real Chinese Word document with automatic numbering and a
// 3×3 table reads in order, the table as rows of cells, the headings
// numbered as Word and LibreOffice show them (1., 1.1., 1.2.).
func TestPOI(t *testing.T) {
	d := read(t, "testdata/poi-61490.doc")
	var paras []string
	var tables []*document.Table
	for _, b := range d.Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
			continue
		}
		paras = append(paras, b.Text)
	}
	wantStart := []string{"居中的大标题", "1.章节1", "章节1的内容，一段话", "1.1.章节1.1"}
	if len(paras) < len(wantStart) || strings.Join(paras[:4], "|") != strings.Join(wantStart, "|") {
		t.Errorf("paragraphs start %q, want %q", paras[:min(4, len(paras))], wantStart)
	}
	if !strings.HasPrefix(paras[4], "章节1.1的内容，有点长，有点长") {
		t.Errorf("paragraph 5 = %q", paras[4])
	}
	if len(paras) < 6 || paras[5] != "1.2.章节1.2" {
		t.Errorf("paragraph 6 = %q, want 1.2.章节1.2", paras[5:min(6, len(paras))])
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	var cells [][]string
	for _, r := range tables[0].Rows {
		var row []string
		for _, c := range r {
			row = append(row, c.Text)
		}
		cells = append(cells, row)
	}
	want := [][]string{{"11", "12", "13"}, {"21", "22", "23"}, {"31", "32", "33"}}
	if len(cells) != 3 || strings.Join(cells[0], ",")+strings.Join(cells[1], ",")+strings.Join(cells[2], ",") != "11,12,1321,22,2331,32,33" {
		t.Errorf("table %q, want %q", cells, want)
	}
}

// wordStreamFIB finds the WordDocument stream's FIB in a compound file: the
// sector that opens with Word's identifier.
func wordStreamFIB(t *testing.T, data []byte) int {
	for off := 512; off+4 <= len(data); off += 512 {
		if binary.LittleEndian.Uint16(data[off:]) == 0xA5EC {
			return off
		}
	}
	t.Fatal("no FIB")
	return 0
}

func TestErrors(t *testing.T) {
	sample, err := os.ReadFile("testdata/lianyungang-2024-22.doc")
	if err != nil {
		t.Fatal(err)
	}
	word6 := bytes.Clone(sample)
	binary.LittleEndian.PutUint16(word6[wordStreamFIB(t, word6)+2:], 104) // nFib of Word 95
	encrypted := bytes.Clone(sample)
	off := wordStreamFIB(t, encrypted) + 10
	binary.LittleEndian.PutUint16(encrypted[off:], binary.LittleEndian.Uint16(encrypted[off:])|0x0100)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"old.wps", []byte("WPS 4.0 document, not a compound file"), "old.wps: not a Word 97–2003 file (an older Word or WPS format?); re-save it as .docx"},
		{"w95.doc", word6, "w95.doc: a Word 6/95 document; re-save it as .docx"},
		{"enc.doc", encrypted, "enc.doc: encrypted with a password; duban cannot read it"},
		{"cut.doc", sample[:2000], "cut.doc: "},
		{"empty.doc", nil, "empty.doc: not a Word 97–2003 file"},
	} {
		_, err := doc.Reader{}.Read(c.name, c.data)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("testdata/lianyungang-2024-22.doc")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := (doc.Reader{}).Read("x.doc", data); err != nil {
			b.Fatal(err)
		}
	}
}
