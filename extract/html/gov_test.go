package html

import (
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/extract/document"
)

// govPages are real gov.cn pages: each must read without error, give its
// disclosure table's fields first and its text in reading order.
var govPages = []struct {
	file    string
	fields  []string // the labelled paragraphs the page must open with
	inOrder []string // texts that must start blocks in this order
	last    string   // the last block's text starts so
}{
	{"gov-5338761.html", []string{"索引号：000014349/2018-00204", "发文机关：国务院办公厅", "发文字号：国办函〔2018〕71号", "成文日期：2018年10月27日", "发布日期：2018年11月09日"},
		[]string{"国务院办公厅关于印发《政府网站集约化", "试点工作方案》的通知", "国办函〔2018〕71号", "各省、自治区、直辖市人民政府", "一、总体要求", "二、试点范围"}, "未纳入试点范围的其他省（区、市）和国务院部门"},
	{"gov-5354526.html", []string{"索引号：000014349/2018-00225", "发文机关：国务院办公厅", "发文字号：国办发〔2018〕127号", "成文日期：2018年12月26日", "发布日期：2019年01月03日"},
		[]string{"国务院办公厅关于抓好赋予科研机构和人员", "更大自主权有关文件贯彻落实工作的通知", "国办发〔2018〕127号", "一、充分认识赋予科研机构和人员自主权的重要意义", "二、制定政策落实的配套制度和具体实施办法", "国务院办公厅", "2018年12月26日"}, "（此件公开发布）"},
	{"gov-5354528.html", []string{"索引号：000014349/2018-00226", "发文机关：国务院办公厅", "发文字号：国办发〔2018〕118号", "成文日期：2018年12月05日", "发布日期：2019年01月03日"},
		[]string{"国务院办公厅关于全面推行", "行政执法公示制度执法全过程记录制度", "重大执法决定法制审核制度的指导意见", "国办发〔2018〕118号", "一、总体要求", "二、全面推行行政执法公示制度", "国务院办公厅", "2018年12月5日"}, "（此件公开发布）"},
	{"gov-5358604.html", []string{"索引号：000014349/2019-00001", "发文机关：国务院办公厅", "发文字号：国办发〔2019〕2号", "成文日期：2019年01月01日", "发布日期：2019年01月17日"},
		[]string{"国务院办公厅关于印发国家组织药品", "集中采购和使用试点方案的通知", "国办发〔2019〕2号", "一、总体要求", "二、集中采购范围及形式", "六、工作安排"}, "联合采购办公室汇总试点地区公立医疗机构的药品用量信息"},
	{"gov-5360002.html", []string{"索引号：000014349/2019-00002", "发文机关：国务院办公厅", "发文字号：国办发〔2019〕3号", "成文日期：2019年01月09日", "发布日期：2019年01月22日"},
		[]string{"国务院办公厅关于开展", "城镇小区配套幼儿园治理工作的通知", "国办发〔2019〕3号", "一、总体要求", "二、工作任务", "国务院办公厅", "2019年1月9日"}, "（此件公开发布）"},
	{"gov-5362266.html", []string{"索引号：000014349/2019-00004", "发文机关：国务院办公厅", "发文字号：国办发〔2019〕4号", "成文日期：2019年01月16日", "发布日期：2019年01月30日"},
		[]string{"国务院办公厅关于加强", "三级公立医院绩效考核工作的意见", "国办发〔2019〕4号", "一、总体要求", "二、指标体系"}, "12.科技成果转化总金额是指医院科研成果在技术市场合同成交金额总数。"},
	{"gov-5365341.html", []string{"索引号：000014349/2019-00005", "发文机关：国务院", "发文字号：国发〔2019〕4号", "成文日期：2019年01月24日", "发布日期：2019年02月13日"},
		[]string{"国务院关于印发国家职业教育改革", "实施方案的通知", "国发〔2019〕4号", "一、完善国家职业教育制度体系", "二、构建职业教育国家标准", "（二十）完善国务院职业教育工作部际联席会议制度。"}, "国务院职业教育工作部际联席会议由教育、人力资源社会保障"},
	{"gov-5365945.html", govFields5365945, govOrder5365945, "（此件公开发布）"},
	{"gov-5365945.gb2312.html", govFields5365945, govOrder5365945, "（此件公开发布）"},
}

var (
	govFields5365945 = []string{"索引号：000014349/2019-00007", "发文机关：国务院", "发文字号：国发〔2019〕5号", "成文日期：2019年01月27日", "发布日期：2019年02月15日"}
	govOrder5365945  = []string{"国务院关于在市场监管领域全面推行", "部门联合“双随机、一公开”监管的意见", "国发〔2019〕5号", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "一、总体要求", "二、主要目标", "三、重点任务", "（一）统筹建设监管工作平台。", "四、保障措施", "国务院", "2019年1月27日"}
)

func readFile(t *testing.T, file string) *document.Document {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Reader{}.Read(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestGovPages(t *testing.T) {
	for _, p := range govPages {
		t.Run(p.file, func(t *testing.T) {
			doc := readFile(t, p.file)
			if doc.Format != "html" {
				t.Errorf("format %q", doc.Format)
			}
			var texts []string
			for _, b := range doc.Blocks {
				if b.Table == nil {
					texts = append(texts, b.Text)
				}
				if strings.ContainsRune(b.Text, '\ufffd') {
					t.Errorf("line %d: undecodable bytes: %q", b.Line, b.Text)
				}
			}
			for i, f := range p.fields {
				if i >= len(texts) || texts[i] != f {
					t.Fatalf("paragraph %d = %q, want %q", i+1, texts[min(i, len(texts)-1)], f)
				}
			}
			at := len(p.fields)
			for _, want := range p.inOrder {
				for at < len(texts) && !strings.HasPrefix(texts[at], want) {
					at++
				}
				if at == len(texts) {
					t.Fatalf("%q not found in reading order", want)
				}
			}
			if last := texts[len(texts)-1]; !strings.HasPrefix(last, p.last) {
				t.Errorf("last paragraph %q, want %q…", last, p.last)
			}
		})
	}
}

// The page served as GB2312 (encoded GB18030) reads exactly as the UTF-8 one.
func TestGB2312PageMatchesUTF8(t *testing.T) {
	a, b := readFile(t, "gov-5365945.html"), readFile(t, "gov-5365945.gb2312.html")
	if len(a.Blocks) != len(b.Blocks) {
		t.Fatalf("%d blocks, want %d", len(b.Blocks), len(a.Blocks))
	}
	for i := range a.Blocks {
		if a.Blocks[i].Text != b.Blocks[i].Text {
			t.Errorf("block %d: %q, want %q", i+1, b.Blocks[i].Text, a.Blocks[i].Text)
		}
	}
}

// The indicator table of 国办发〔2019〕4号 has 一级指标 and 二级指标 cells
// spanning many rows: every row must carry them.
func TestGovTableRowspan(t *testing.T) {
	doc := readFile(t, "gov-5362266.html")
	var tb *document.Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tb = b.Table
			break
		}
	}
	if tb == nil {
		t.Fatal("no table")
	}
	if got := cellTexts(tb.Rows[0]); strings.Join(got, "|") != "一级指标|二级指标|三级指标|指标性质|指标说明" {
		t.Errorf("header %q", got)
	}
	if got := cellTexts(tb.Rows[2]); got[0] != "一、医疗质量" || got[1] != "（一）功能定位" || got[2] != "2.下转患者人次数（门急诊、住院）" {
		t.Errorf("row 3 %q", got)
	}
	if len(tb.Rows) != 56 {
		t.Errorf("%d rows, want 56", len(tb.Rows))
	}
}

func cellTexts(row []document.Cell) []string {
	var out []string
	for _, c := range row {
		out = append(out, c.Text)
	}
	return out
}
