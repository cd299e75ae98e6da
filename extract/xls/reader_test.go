package xls

import (
	"os"
	"strings"
	"testing"
)

// The qinghe notice as LibreOffice saved it in BIFF8: the same blocks as
// the XLSX (the golden test in package extract checks the records).
func TestQinghe(t *testing.T) {
	data, err := os.ReadFile("testdata/qinghe-2025-12.xls")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Reader{}.Read("qinghe-2025-12.xls", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "xls" || len(doc.Blocks) != 9 || doc.Blocks[8].Table == nil {
		t.Fatalf("format %q, %d blocks", doc.Format, len(doc.Blocks))
	}
	if b := doc.Blocks[2]; b.Text != "清河市人民政府办公室关于印发2025年优化营商环境重点任务清单的通知" || b.Line != 3 {
		t.Errorf("block 3 %+v", b)
	}
	rows := doc.Blocks[8].Table.Rows
	if len(rows) != 6 || rows[5][3].Text != "市商务局、各县（区）人民政府" || rows[3][0].Text != "3" || rows[3][0].Line != 12 {
		t.Errorf("table %+v", rows)
	}
}

func TestErrors(t *testing.T) {
	data, err := os.ReadFile("testdata/qinghe-2025-12.xls")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"a.xls", []byte("PK\x03\x04 a zip, not BIFF"), "a.xls: not an Excel 97–2003 workbook"},
		{"b.xls", data[:3000], "b.xls: "},
	} {
		_, err := Reader{}.Read(c.name, c.data)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q…", c.name, err, c.want)
		}
	}
	s := testStream()
	s[4], s[5] = 0x00, 0x05 // BOF version 0x0500: BIFF5
	if _, err := parseWorkbook(s); err == nil || err.Error() != "an Excel 5.0/95 workbook; re-save it as .xlsx" {
		t.Errorf("BIFF5: err = %v", err)
	}
	s = testStream()
	if _, err := parseWorkbook(s[:len(s)-80]); err == nil {
		t.Error("cut stream read without error")
	}
}

// A password-protected workbook (FILEPASS in the globals) says so.
func TestEncrypted(t *testing.T) {
	s := testStream()
	// turn the DATEMODE record after the BOF into a FILEPASS one
	at := 4 + (int(s[2]) | int(s[3])<<8)
	s[at], s[at+1] = byte(recFilePass), byte(recFilePass>>8)
	if _, err := parseWorkbook(s); err == nil || !strings.Contains(err.Error(), "password-protected") {
		t.Errorf("err = %v", err)
	}
}
