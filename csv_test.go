package duban

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestWriteCSV(t *testing.T) {
	notices := []*Notice{{
		Source: Source{Path: "a.txt"},
		Tasks: []Task{
			{
				ID: "四.（一）.5", Section: "开展六大领域帮扶合作", Subsection: "深化产业领域帮扶合作",
				Text:     "在无锡举办推介会，实现\"优势互补\"。",
				Units:    []Unit{{Name: "市粮储局", Role: RoleLead}, {Name: "各县(市、区)住建局", Role: RoleCo}},
				Deadline: &Deadline{Raw: "10月底前", Date: "2024-10-31", Kind: KindMonthEnd, Quarter: "2024Q4"},
			},
			{
				ID: "一.1", Section: "总体要求",
				Text:     "=HYPERLINK(\"x\")\n第二行",
				Units:    []Unit{{Name: "@市发改委", Role: RoleResponsible}},
				Deadline: &Deadline{Raw: "长期坚持", Kind: KindOngoing},
			},
			{ID: "二", Text: "-1+2 无单位任务"},
		},
	}, nil, {Tasks: []Task{{ID: "1", Section: "", Subsection: "小节", Text: "+号开头",
		Units: []Unit{{Name: "市财政局", Role: RoleResponsible}}}}}}

	var buf bytes.Buffer
	if err := WriteCSV(&buf, notices); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("no UTF-8 byte order mark: % x", data[:3])
	}
	r := csv.NewReader(bytes.NewReader(data[3:]))
	got, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"编号", "板块", "任务内容", "单位", "分工", "完成时限", "截止日期", "季度"},
		{"四.（一）.5", "开展六大领域帮扶合作 / 深化产业领域帮扶合作", "在无锡举办推介会，实现\"优势互补\"。", "市粮储局", "牵头", "10月底前", "2024-10-31", "2024Q4"},
		{"四.（一）.5", "开展六大领域帮扶合作 / 深化产业领域帮扶合作", "在无锡举办推介会，实现\"优势互补\"。", "各县(市、区)住建局", "配合", "10月底前", "2024-10-31", "2024Q4"},
		{"一.1", "总体要求", "'=HYPERLINK(\"x\")\n第二行", "'@市发改委", "责任", "长期坚持", "", ""},
		{"二", "", "'-1+2 无单位任务", "", "", "", "", ""},
		{"1", "小节", "'+号开头", "市财政局", "责任", "", "", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(string(data), "\r\n") {
		t.Error("rows do not end in CRLF")
	}
}

func TestWriteCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "\ufeff编号,板块,任务内容,单位,分工,完成时限,截止日期,季度\r\n" {
		t.Errorf("got %q", got)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

func TestWriteCSVError(t *testing.T) {
	for n := 0; n < 2; n++ {
		err := WriteCSV(&failWriter{n: n}, []*Notice{{Tasks: []Task{{ID: "1", Text: "x"}}}})
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("writer failing after %d writes: err = %v", n, err)
		}
	}
}

// A spreadsheet whose list separator is ; (Excel in many locales) splits
// each line at every ; whatever the quotes say: no piece may start with a
// formula character, and every cell holding a separator or a formula
// character is quoted (issue 17 item 9).
func TestWriteCSVSemicolonLocale(t *testing.T) {
	texts := []string{"推进工作;=1+1", "甲;\"=HYPERLINK(\"\"x\"\")\"", "乙\t@SUM(1)", "多行\n-1+2", "逗号,与分号; +1", "普通任务", "日期-范围"}
	n := &Notice{}
	for i, s := range texts {
		n.Tasks = append(n.Tasks, Task{ID: string(rune('a' + i)), Text: s, Units: []Unit{{Name: "市A;=2", Role: RoleLead}}})
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []*Notice{n}); err != nil {
		t.Fatal(err)
	}
	raw := strings.TrimPrefix(buf.String(), "\ufeff")
	for _, line := range strings.Split(raw, "\r\n") {
		for _, piece := range strings.FieldsFunc(line, func(r rune) bool { return r == ';' || r == '\t' }) {
			p := strings.TrimLeft(piece, "\" ")
			if p != "" && strings.ContainsRune("=+-@", rune(p[0])) {
				t.Errorf("line %q: piece %q starts a formula where ; separates", line, piece)
			}
		}
	}
	for _, s := range texts {
		if strings.ContainsAny(s, ",;\t=+-@") && !strings.Contains(raw, `"`+strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, `"`, `""`), "\n", "\r\n"), ";=", ";'=")[:4]) {
			t.Errorf("%q not quoted in %q", s, raw)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][2]; got != "推进工作;'=1+1" {
		t.Errorf("cell read back as %q", got)
	}
	if got := rows[6][2]; got != "普通任务" {
		t.Errorf("plain cell read back as %q", got)
	}
}
