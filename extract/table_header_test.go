package extract

import (
	"strings"
	"testing"

	"github.com/duban/duban/extract/document"
)

// TestTableRowWithHeaderWordsIsATask: a data row whose cells happen to hold
// header words ("积极配合…" in the task, "…工作队" among the units, "进度"
// in the text) is a task, not the header repeated on a new page; the header
// itself repeated is still skipped.
func TestTableRowWithHeaderWordsIsATask(t *testing.T) {
	row := func(line int, cells ...string) []document.Cell {
		out := make([]document.Cell, len(cells))
		for i, c := range cells {
			out[i] = document.Cell{Text: c, Line: line}
		}
		return out
	}
	header := []string{"序号", "重点任务", "牵头单位", "配合单位", "完成时限"}
	doc := &document.Document{Format: "docx", Blocks: []document.Block{
		{Text: "河埠县人民政府办公室关于印发2025年重点工作任务分解表的通知", Line: 1},
		{Text: "河政办发〔2025〕5号", Line: 2},
		{Text: "一、重点任务", Line: 3},
		{Line: 4, Table: &document.Table{Rows: [][]document.Cell{
			row(4, header...),
			row(5, "1", "完成老旧小区改造12个。", "县住建局", "各镇（街道）", "年底前"),
			row(6, "2", "落实社保卡“一卡通”。积极配合上级部门，推动居民服务一卡通用。", "县人社局", "县工作专班、县医保局", "年中"),
			row(7, header...),
			row(8, "3", "按照实施进度要求，全面完成年度项目建设任务。", "县发改局", "县项目工作组", "9月底前"),
		}}},
	}}
	n, err := Parse("table.docx", doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, tk := range n.Tasks {
		ids = append(ids, tk.ID)
	}
	if got, want := strings.Join(ids, " "), "一.1 一.2 一.3"; got != want {
		t.Fatalf("tasks %s, want %s", got, want)
	}
	tk := n.Tasks[1]
	if len(tk.Units) != 3 || tk.Units[0].Name != "县人社局" || tk.Units[2].Name != "县医保局" || tk.Deadline == nil || tk.Deadline.Raw != "年中" {
		t.Errorf("task 一.2: units %v, deadline %v", tk.Units, tk.Deadline)
	}
}
