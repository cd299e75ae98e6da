package xls

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"
	"unicode/utf16"
)

// biff builds a workbook stream record by record.
type biff struct{ b []byte }

func (w *biff) rec(typ uint16, data ...[]byte) {
	var d []byte
	for _, x := range data {
		d = append(d, x...)
	}
	w.b = binary.LittleEndian.AppendUint16(w.b, typ)
	w.b = binary.LittleEndian.AppendUint16(w.b, uint16(len(d)))
	w.b = append(w.b, d...)
}

func le16(v ...int) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, uint16(x))
	}
	return b
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func wide(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// xlString is an XLUnicodeString in UTF-16.
func xlString(s string) []byte {
	return append(append(le16(len(utf16.Encode([]rune(s)))), 1), wide(s)...)
}

func float(f float64) []byte {
	return binary.LittleEndian.AppendUint64(nil, math.Float64bits(f))
}

// testStream is a workbook of one visible and one hidden sheet whose SST is
// split over CONTINUE records in the middle of strings, once switching from
// one-byte to two-byte characters, once the other way.
func testStream() []byte {
	long := strings.Repeat("推进重点任务落实，", 300) // 2700 characters, 5400 bytes: needs CONTINUE
	var w biff
	w.rec(recBOF, le16(0x0600, 0x0005), make([]byte, 12))
	w.rec(recDateMode, le16(0))
	w.rec(recFormat, le16(180), xlString(`yyyy"年"m"月"d"日"`))
	w.rec(recXF, le16(0, 0), make([]byte, 16)) // XF 0: General
	w.rec(recXF, le16(0, 180), make([]byte, 16))
	w.rec(recXF, le16(0, 14), make([]byte, 16))
	w.rec(recXF, le16(0, 9), make([]byte, 16))
	bsAt := len(w.b) + 4
	w.rec(recBoundSheet, le32(0), []byte{0, 0, 2, 0}, []byte("S1"))
	bs2At := len(w.b) + 4
	w.rec(recBoundSheet, le32(0), []byte{1, 0, 2, 0}, []byte("H"))
	// SST: "序号", "工作任务", "牵头单位", "完成时限", long, "ABCDEF市发改委" (split
	// after ABC: compressed, then wide), "市财政局XYZ" (split after 市财政局:
	// wide, then compressed), "任务甲"
	var sst []byte
	sst = append(sst, le32(9)...)
	sst = append(sst, le32(8)...)
	for _, s := range []string{"序号", "工作任务", "牵头单位", "完成时限"} {
		sst = append(sst, xlString(s)...)
	}
	sst = append(sst, xlString(long[:len(long)/2])...) // the first half only fits
	w.rec(recSST, sst[:len(sst)-len(wide(long[:len(long)/2]))+2000])
	rest := wide(long[:len(long)/2])[2000:]
	rest = append(rest[:len(rest):len(rest)], []byte{}...)
	// The rest of the long string's first half is no string of its own: the
	// test string is the half; its tail goes into CONTINUE with a flag byte.
	w.rec(recContinue, []byte{1}, rest,
		le16(7), []byte{0}, []byte("ABC"))
	w.rec(recContinue, []byte{1}, wide("市发改委"))
	w.rec(recContinue, le16(7), []byte{1 | 0x08}, le16(1), wide("市财政局"))
	w.rec(recContinue, []byte{0}, []byte("XYZ"), make([]byte, 4), // one rich-text run
		xlString("任务甲"))
	w.rec(recEOF)
	sheetAt := len(w.b)
	w.rec(recBOF, le16(0x0600, 0x0010), make([]byte, 12))
	w.rec(recLabel, le16(0, 0, 0), xlString("重点工作任务表"))
	w.rec(recMergeCells, le16(1), le16(0, 0, 0, 3))
	for c, i := range []int{0, 1, 2, 3} {
		w.rec(recLabelSST, le16(1, c, 0), le32(uint32(i)))
	}
	w.rec(recRK, le16(2, 0, 0), le32(1<<2|0x02)) // integer 1
	w.rec(recLabelSST, le16(2, 1, 0), le32(4))
	w.rec(recLabelSST, le16(2, 2, 0), le32(5))
	w.rec(recNumber, le16(2, 3, 1), float(45838)) // 2025-06-30 in a custom date format
	w.rec(recRK, le16(3, 0, 0), le32(2<<2|0x02))
	w.rec(recMulRK, le16(3, 3), le16(2), le32(45930<<2|0x02), le16(0), le32(7<<2|0x02), le16(4))
	w.rec(recFormula, le16(3, 1, 0), []byte{0, 0, 0, 0, 0, 0}, le16(0xffff), make([]byte, 8))
	w.rec(recString, xlString("任务乙（公式）"))
	w.rec(recLabelSST, le16(3, 2, 0), le32(6))
	w.rec(recFormula, le16(4, 0, 0), float(3), make([]byte, 8))
	w.rec(recLabelSST, le16(4, 1, 0), le32(7))
	w.rec(recRK, le16(4, 2, 3), le32(95<<2|0x03))         // 0.95 shown as 95%
	w.rec(recBOF, le16(0x0600, 0x0020), make([]byte, 12)) // an embedded chart
	w.rec(recLabel, le16(9, 0, 0), xlString("图表里的字"))
	w.rec(recEOF)
	w.rec(recEOF)
	hiddenAt := len(w.b)
	w.rec(recBOF, le16(0x0600, 0x0010), make([]byte, 12))
	w.rec(recLabel, le16(0, 0, 0), xlString("隐藏"))
	w.rec(recEOF)
	binary.LittleEndian.PutUint32(w.b[bsAt:], uint32(sheetAt))
	binary.LittleEndian.PutUint32(w.b[bs2At:], uint32(hiddenAt))
	return w.b
}

func TestBIFFRecords(t *testing.T) {
	s := testStream()
	g, err := readGlobals(s)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("推进重点任务落实，", 300)
	want := []string{"序号", "工作任务", "牵头单位", "完成时限", long[:len(long)/2], "ABC市发改委", "市财政局XYZ", "任务甲"}
	if len(g.sst) != len(want) {
		t.Fatalf("%d strings, want %d: %q", len(g.sst), len(want), g.sst)
	}
	for i := range want {
		if g.sst[i] != want[i] {
			t.Errorf("string %d: %.40q, want %.40q", i, g.sst[i], want[i])
		}
	}
	sheets, err := parseWorkbook(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets) != 1 || sheets[0].Name != "S1" {
		t.Fatalf("sheets %+v", sheets)
	}
	doc, err := Reader{}.Read("t.xls", nil)
	if err == nil || !strings.HasPrefix(err.Error(), "t.xls: not an Excel 97–2003 workbook") {
		t.Errorf("err = %v", err)
	}
	_ = doc
}

func TestBIFFCells(t *testing.T) {
	sheets, err := parseWorkbook(testStream())
	if err != nil {
		t.Fatal(err)
	}
	rows := sheets[0].Rows
	cell := func(r, c int) string {
		if r < len(rows) && c < len(rows[r]) {
			return rows[r][c]
		}
		return ""
	}
	for _, c := range []struct {
		r, c int
		want string
	}{
		{0, 0, "重点工作任务表"}, {1, 3, "完成时限"}, {2, 0, "1"}, {2, 2, "ABC市发改委"},
		{2, 3, "2025年6月30日"}, {3, 0, "2"}, {3, 1, "任务乙（公式）"}, {3, 2, "市财政局XYZ"},
		{3, 3, "2025年9月30日"}, {3, 4, "7"}, {4, 0, "3"}, {4, 1, "任务甲"}, {4, 2, "95%"},
	} {
		if got := cell(c.r, c.c); got != c.want {
			t.Errorf("cell %d,%d = %q, want %q", c.r, c.c, got, c.want)
		}
	}
	if len(rows) > 5 {
		t.Errorf("the chart's text was read: %q", rows[5:])
	}
	if m := sheets[0].Merges; len(m) != 1 || m[0].Right != 3 {
		t.Errorf("merges %+v", m)
	}
}
