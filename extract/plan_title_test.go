package extract

import "testing"

// The notice states its own requirements (一、二、) before the signature;
// the plan it prints, with its title, follows under 附件.
func TestPlanTitleAfterRequirements(t *testing.T) {
	const notice = `青山县人民政府办公室关于印发青山县2025年重点民生实事任务分解表的通知

青政办发〔2025〕3号

各乡镇人民政府，县直各单位：

现将《青山县2025年重点民生实事任务分解表》印发给你们，并提出如下要求，请一并贯彻落实。

一、提高思想认识。各责任单位要把民生实事作为重要政治任务，主要负责同志亲自抓。

二、强化督查问效。县政府督查室将定期督查，督查结果纳入年度绩效考核。

附件：青山县2025年重点民生实事任务分解表

青山县人民政府办公室

2025年2月8日

附件

青山县2025年重点民生实事任务分解表

一、教育民生

1.新建公办幼儿园3所。（责任单位：县教育局，完成时间：8月底前）

二、医疗民生

2.建设紧密型县域医共体。（责任单位：县卫健局，完成时间：10月底前）
`
	n, err := Bytes("n.txt", []byte(notice), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "青山县2025年重点民生实事任务分解表"; string(n.PlanTitle) != want {
		t.Errorf("plan title %q, want %q", n.PlanTitle, want)
	}
	var ids []string
	for _, tk := range n.Tasks {
		ids = append(ids, tk.ID)
	}
	if len(ids) != 2 || ids[0] != "一.1" || ids[1] != "二.2" {
		t.Errorf("tasks %q, want [一.1 二.2]", ids)
	}

	// Without a printed object in the title, nothing is guessed.
	h := header{title: "关于加强安全生产工作的通知", used: make([]bool, 1)}
	planTitleLater(&h, []bodyPara{{text: "安全生产工作"}}, 0)
	if h.planTitle != "" {
		t.Errorf("plan title %q from a title that prints nothing", h.planTitle)
	}
}
