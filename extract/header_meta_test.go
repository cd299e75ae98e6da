package extract

import (
	"testing"

	"github.com/duban/duban/extract/document"
)

// A metadata block that a reader hands over as a table (an HTML page's
// 索引号/文号/发布机构 grid) gives the 文号, issuer and date, and none of its
// cells leaks into the header or becomes a task.
func TestPageMetadataTable(t *testing.T) {
	cells := func(texts ...string) []document.Cell {
		var r []document.Cell
		for _, s := range texts {
			r = append(r, document.Cell{Text: s, Line: 1})
		}
		return r
	}
	doc := &document.Document{Format: "html", Blocks: []document.Block{
		{Table: &document.Table{Rows: [][]document.Cell{
			cells("索引号", "11420100/2023-00012", "发布机构", "区人民政府办公室"),
			cells("文号", "蔡政办〔2023〕1号", "成文日期", "2023-01-16"),
		}}, Line: 1},
		{Text: "关于印发蔡甸区2023年优化营商环境重点任务清单的通知", Line: 3},
		{Text: "各街道办事处，区政府各部门：", Line: 4},
		{Text: "一、提升政务服务效能", Line: 5},
		{Text: "（一）推行企业开办“一网通办”。（牵头单位：区政务服务中心；完成时限：2023年6月底前）", Line: 6},
	}}
	n, err := Parse("meta.html", doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n.DocNumber != "蔡政办〔2023〕1号" || n.Issuer != "区人民政府办公室" || n.IssueDate != "2023-01-16" {
		t.Errorf("header %q %q %q", n.DocNumber, n.Issuer, n.IssueDate)
	}
	if n.Title != "关于印发蔡甸区2023年优化营商环境重点任务清单的通知" {
		t.Errorf("title %q", n.Title)
	}
	if len(n.Tasks) != 1 || n.Tasks[0].ID != "一.（一）" {
		t.Errorf("tasks %+v", n.Tasks)
	}
}
