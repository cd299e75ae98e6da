package html_test

// Tests that read web pages through the structure parser to records.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/internal/gold"
)

// TestGoldenHTML: the sample notice and the qinghe notice saved as web
// pages give exactly their gold records.
func TestGoldenHTML(t *testing.T) {
	for _, c := range [][2]string{
		{"testdata/lianyungang-2024-22.html", "../../testdata/lianyungang-2024-22.gold.json"},
		{"testdata/qinghe-2025-12.html", "../../testdata/styles/qinghe-2025-12.gold.json"},
		// the same page saved as a single-file web archive (base64 part)
		{"testdata/qinghe-2025-12.mhtml", "../../testdata/styles/qinghe-2025-12.gold.json"},
	} {
		t.Run(filepath.Base(c[0]), func(t *testing.T) {
			got, err := extract.File(c[0], extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			gold.Check(t, got, c[1])
			if got.Source.Format != "html" || got.Source.SHA256 == "" {
				t.Errorf("source = %+v", got.Source)
			}
			for _, task := range got.Tasks {
				if task.Source.Line <= 0 {
					t.Errorf("task %s: no source line", task.ID)
				}
			}
		})
	}
}

// TestGovPagesHeader reads real gov.cn pages to records: the 文号, issuer
// and date of each come from its disclosure table (a State Council
// signature, 国务院, is too short for the signature rule), the title from
// the page's body, and the 文号 repeated under the title is no plan title.
func TestGovPagesHeader(t *testing.T) {
	for _, c := range []struct{ file, docNumber, issuer, date, title, planTitle string }{
		{"gov-5338761.html", "国办函〔2018〕71号", "国务院办公厅", "2018-10-27", "国务院办公厅关于印发《政府网站集约化试点工作方案》的通知", "政府网站集约化试点工作方案"},
		{"gov-5354526.html", "国办发〔2018〕127号", "国务院办公厅", "2018-12-26", "国务院办公厅关于抓好赋予科研机构和人员更大自主权有关文件贯彻落实工作的通知", ""},
		{"gov-5354528.html", "国办发〔2018〕118号", "国务院办公厅", "2018-12-05", "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见", ""},
		{"gov-5358604.html", "国办发〔2019〕2号", "国务院办公厅", "2019-01-01", "国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知", "国家组织药品集中采购和使用试点方案"},
		{"gov-5360002.html", "国办发〔2019〕3号", "国务院办公厅", "2019-01-09", "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知", ""},
		{"gov-5362266.html", "国办发〔2019〕4号", "国务院办公厅", "2019-01-16", "国务院办公厅关于加强三级公立医院绩效考核工作的意见", ""},
		{"gov-5365341.html", "国发〔2019〕4号", "国务院", "2019-01-24", "国务院关于印发国家职业教育改革实施方案的通知", "国家职业教育改革实施方案"},
		{"gov-5365945.html", "国发〔2019〕5号", "国务院", "2019-01-27", "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见", ""},
		{"gov-5365945.gb2312.html", "国发〔2019〕5号", "国务院", "2019-01-27", "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见", ""},
	} {
		t.Run(c.file, func(t *testing.T) {
			n, err := extract.File("testdata/"+c.file, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n.DocNumber != c.docNumber || n.Issuer != c.issuer || string(n.IssueDate) != c.date || n.Title != c.title || string(n.PlanTitle) != c.planTitle {
				t.Errorf("header %q %q %q %q %q,\nwant   %q %q %q %q %q", n.DocNumber, n.Issuer, n.IssueDate, n.Title, n.PlanTitle, c.docNumber, c.issuer, c.date, c.title, c.planTitle)
			}
			if len(n.Tasks) == 0 {
				t.Error("no tasks")
			}
		})
	}
}

// TestAttachmentsInRecords: a page's links to attached files reach the
// records (name and address), and the notice reads as before.
func TestAttachmentsInRecords(t *testing.T) {
	page, err := os.ReadFile("testdata/qinghe-2025-12.html")
	if err != nil {
		t.Fatal(err)
	}
	links := `<p>附件：<a href="files/2025任务清单.xlsx">1.2025年优化营商环境重点任务清单</a></p><p><a href="https://www.example.gov.cn/a/b.pdf">政策解读</a> <a href="index.html">返回首页</a></p></body>`
	page = bytes.Replace(page, []byte("</body>"), []byte(links), 1)
	file := filepath.Join(t.TempDir(), "qinghe-links.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := extract.File(file, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold.Check(t, got, "../../testdata/styles/qinghe-2025-12.gold.json")
	want := []duban.Attachment{
		{Name: "1.2025年优化营商环境重点任务清单", URL: "files/2025任务清单.xlsx"},
		{Name: "政策解读", URL: "https://www.example.gov.cn/a/b.pdf"},
	}
	if !reflect.DeepEqual(got.Attachments, want) {
		t.Errorf("attachments %+v, want %+v", got.Attachments, want)
	}
	j, err := json.Marshal(got)
	if err != nil || !bytes.Contains(j, []byte(`"attachments":[{"name":"1.2025年优化营商环境重点任务清单","url":"files/2025任务清单.xlsx"}`)) {
		t.Errorf("JSON %s", j)
	}
}

// A local site's page: the disclosure table as a list, the title in an
// <h1> above the content box (not read: it is outside the body), the box
// holding the body only. The title comes from the table's 标题.
func TestTitleOutsideTheBody(t *testing.T) {
	page := `<html><head><meta charset="gb2312"><title>某市政府</title></head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 文件</div>
<table class="xxgk"><tr><td>索引号：</td><td>11320700/2025-00012</td><td>发文机关：</td><td>某市人民政府办公室</td></tr>
<tr><td>标　　题：</td><td colspan="3">某市人民政府办公室关于做好2025年防汛工作的通知</td></tr>
<tr><td>发文字号：</td><td>某政办发〔2025〕9号</td><td>成文日期：</td><td>2025-04-02</td></tr></table>
<h1>某市人民政府办公室关于做好2025年防汛工作的通知</h1>
<div class="TRS_Editor"><p>各县区人民政府，市各有关部门：</p>
<p>为做好今年防汛工作，现就有关事项通知如下：</p>
<p>一、加强隐患排查。全面排查水库、堤防、城市易涝点。（责任单位：市水利局，完成时限：5月底前）</p>
<p>二、完善应急预案。修订防汛应急预案并组织演练。（责任单位：市应急局，完成时限：6月底前）</p></div>
<div class="footer">版权所有</div></body></html>`
	file := filepath.Join(t.TempDir(), "flood.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := extract.File(file, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n.Title != "某市人民政府办公室关于做好2025年防汛工作的通知" || n.DocNumber != "某政办发〔2025〕9号" ||
		n.Issuer != "某市人民政府办公室" || n.IssueDate != "2025-04-02" || len(n.Tasks) != 2 {
		j, _ := json.Marshal(n)
		t.Errorf("records %s", j)
	}
	if len(n.Tasks) == 2 && (n.Tasks[1].Units[0].Name != "市应急局" || n.Tasks[1].Deadline.Date != "2025-06-30") {
		t.Errorf("task 2 %+v", n.Tasks[1])
	}
}

// BenchmarkExtractHTML extracts the sample notice from its web page, beside
// BenchmarkExtractTXT and BenchmarkExtractDOCX of package extract.
func BenchmarkExtractHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/lianyungang-2024-22.html")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if n, err := extract.Bytes("lianyungang-2024-22.html", data, extract.Options{}); err != nil || len(n.Tasks) != 58 {
			b.Fatalf("err %v", err)
		}
	}
}
