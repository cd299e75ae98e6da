package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
	htmlreader "github.com/duban/duban/extract/html"
	"github.com/duban/duban/extract/xls"
	"github.com/duban/duban/extract/xlsx"
)

// webFormatCases are the sample notices in the forms the web and
// spreadsheet readers read, with the gold records they must give exactly.
var webFormatCases = []struct {
	file, gold string
	reader     Reader
}{
	{"html/testdata/lianyungang-2024-22.html", "../testdata/lianyungang-2024-22.gold.json", htmlreader.Reader{}},
	{"html/testdata/qinghe-2025-12.html", "../testdata/styles/qinghe-2025-12.gold.json", htmlreader.Reader{}},
	{"xlsx/testdata/qinghe-2025-12.xlsx", "../testdata/styles/qinghe-2025-12.gold.json", xlsx.Reader{}},
	{"xls/testdata/qinghe-2025-12.xls", "../testdata/styles/qinghe-2025-12.gold.json", xls.Reader{}},
}

// TestGoldenWebFormats checks the HTML, XLSX and XLS forms of the samples
// against the same gold records, with the same comparison as TestGolden.
func TestGoldenWebFormats(t *testing.T) {
	for _, c := range webFormatCases {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			data, err := os.ReadFile(c.file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := c.reader.Read(c.file, data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(c.file, doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(c.gold)
			if err != nil {
				t.Fatal(err)
			}
			var want duban.Notice
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("%s: %v", c.gold, err)
			}
			for _, d := range diffNotice(&want, got) {
				t.Error(d)
			}
			if len(got.Tasks) != len(want.Tasks) {
				t.Errorf("%d tasks, want %d", len(got.Tasks), len(want.Tasks))
			}
			for _, task := range got.Tasks {
				if task.Source.Line <= 0 {
					t.Errorf("task %s: no source line", task.ID)
				}
			}
		})
	}
}

// TestGovPagesHeader reads real gov.cn pages: the 文号, issuer and date of
// each come from its disclosure table (a State Council signature, 国务院,
// is too short for the signature rule), the title from the page's body.
func TestGovPagesHeader(t *testing.T) {
	for _, c := range []struct{ file, docNumber, issuer, date, title string }{
		{"gov-5338761.html", "国办函〔2018〕71号", "国务院办公厅", "2018-10-27", "国务院办公厅关于印发《政府网站集约化试点工作方案》的通知"},
		{"gov-5354526.html", "国办发〔2018〕127号", "国务院办公厅", "2018-12-26", "国务院办公厅关于抓好赋予科研机构和人员更大自主权有关文件贯彻落实工作的通知"},
		{"gov-5354528.html", "国办发〔2018〕118号", "国务院办公厅", "2018-12-05", "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见"},
		{"gov-5358604.html", "国办发〔2019〕2号", "国务院办公厅", "2019-01-01", "国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知"},
		{"gov-5360002.html", "国办发〔2019〕3号", "国务院办公厅", "2019-01-09", "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"},
		{"gov-5362266.html", "国办发〔2019〕4号", "国务院办公厅", "2019-01-16", "国务院办公厅关于加强三级公立医院绩效考核工作的意见"},
		{"gov-5365341.html", "国发〔2019〕4号", "国务院", "2019-01-24", "国务院关于印发国家职业教育改革实施方案的通知"},
		{"gov-5365945.html", "国发〔2019〕5号", "国务院", "2019-01-27", "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见"},
		{"gov-5365945.gb2312.html", "国发〔2019〕5号", "国务院", "2019-01-27", "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见"},
	} {
		t.Run(c.file, func(t *testing.T) {
			file := "html/testdata/" + c.file
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := htmlreader.Reader{}.Read(file, data)
			if err != nil {
				t.Fatal(err)
			}
			n, err := Parse(file, doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n.DocNumber != c.docNumber || n.Issuer != c.issuer || string(n.IssueDate) != c.date || n.Title != c.title {
				t.Errorf("header %q %q %q %q, want %q %q %q %q", n.DocNumber, n.Issuer, n.IssueDate, n.Title, c.docNumber, c.issuer, c.date, c.title)
			}
			if pt := string(n.PlanTitle); pt != "" && docNumberRe.MatchString(pt) {
				t.Errorf("plan title is the 文号: %q", pt)
			}
		})
	}
}

// TestXLSMatchesXLSX reads a 60-task ledger written as XLSX and converted
// to BIFF8 by LibreOffice: its shared-string table is over 8 KB, so it
// runs on in a CONTINUE record in the middle of a string (where the Go
// .xls libraries lose text). Both readers must give the same document, and
// the parser all 60 tasks.
func TestXLSMatchesXLSX(t *testing.T) {
	read := func(file string, r Reader) *Document {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := r.Read(file, data)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	a := read("xlsx/testdata/ledger-continue.xlsx", xlsx.Reader{})
	b := read("xls/testdata/ledger-continue.xls", xls.Reader{})
	a.Format, b.Format = "", ""
	if !reflect.DeepEqual(a, b) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		t.Fatalf("xlsx and xls differ:\n%s\n%s", ja, jb)
	}
	n, err := Parse("ledger-continue.xls", b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Tasks) != 60 || n.DocNumber != "某政办发〔2025〕8号" {
		t.Fatalf("%d tasks, 文号 %q", len(n.Tasks), n.DocNumber)
	}
	last := n.Tasks[59]
	// 重点工作 and 具体任务 columns are joined by the parser; the date cell
	// (serial 46023) is read as a date.
	if !strings.Contains(last.Text, "第12-5项具体任务：健全工作机制") || !strings.HasSuffix(last.Text, "经验做法63。") ||
		last.Deadline == nil || last.Deadline.Date != "2026-01-01" || len(last.Units) != 3 {
		j, _ := json.Marshal(last)
		t.Errorf("last task %s", j)
	}
}
