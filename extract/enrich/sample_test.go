package enrich_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/enrich"
)

const enrSamplePath = "../../seeds/lianyungang-2024-22.txt"

// enrStrip returns a copy of n without the fields Enrich adds.
func enrStrip(t *testing.T, n *duban.Notice) *duban.Notice {
	t.Helper()
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var c duban.Notice
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	for i := range c.Tasks {
		c.Tasks[i].Keywords = nil
		c.Tasks[i].Mentioned = nil
		for j := range c.Tasks[i].Units {
			c.Tasks[i].Units[j].Canonical = ""
		}
	}
	return &c
}

// The sample notice names every unit in its clauses: enriching it adds
// keywords, mentioned units and canonical names, and changes nothing else.
func TestEnrichSampleUnchanged(t *testing.T) {
	seg := enrich.EnrSegmenter(t)
	plain, err := extract.File(enrSamplePath, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := extract.File(enrSamplePath, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A directory that knows every unit of the notice, one by an alias.
	var yml []byte
	yml = append(yml, "units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n"...)
	for _, name := range enrich.NoticeUnitNames(plain) {
		if name != "市发改委" {
			q, _ := json.Marshal(name)
			yml = append(yml, "  - name: "+string(q)+"\n"...)
		}
	}
	dir, err := duban.ParseDirectory(yml, "sample-units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if ws := enrich.Apply(n, dir, seg); len(ws) != 0 {
		t.Errorf("warnings for a directory listing every unit: %v", ws)
	}
	if got, want := enrStrip(t, n), enrStrip(t, plain); !reflect.DeepEqual(got, want) {
		for i := range want.Tasks {
			if i < len(got.Tasks) && !reflect.DeepEqual(got.Tasks[i], want.Tasks[i]) {
				t.Errorf("task %s changed:\n got %+v\nwant %+v", want.Tasks[i].ID, got.Tasks[i], want.Tasks[i])
			}
		}
		t.Fatal("enriching changed the sample's records beyond the new fields")
	}
	withKeywords := 0
	for _, task := range n.Tasks {
		if len(task.Keywords) > 0 {
			withKeywords++
		}
		for _, u := range task.Units {
			if u.Canonical == "" || u.Inferred {
				t.Errorf("%s: unit %+v", task.ID, u)
			}
			if u.Name == "市发改委" && u.Canonical != "市发展改革委" {
				t.Errorf("%s: 市发改委 canonical %q", task.ID, u.Canonical)
			}
		}
		if task.ID == "一.4" && !enrich.EnrContains(task.Mentioned, "无锡市发改委") {
			t.Errorf("一.4 mentioned %v, want 无锡市发改委", task.Mentioned)
		}
	}
	if withKeywords < len(n.Tasks)*9/10 {
		t.Errorf("only %d of %d tasks got keywords", withKeywords, len(n.Tasks))
	}
}

// BenchmarkExtractSampleWithoutSegmenter is the sample TXT's extraction
// with the directory step only (as in a nojieba build).
func BenchmarkExtractSampleWithoutSegmenter(b *testing.B) {
	dir, err := duban.ParseDirectory([]byte("units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n"), "units.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		n, err := extract.File(enrSamplePath, extract.Options{})
		if err != nil {
			b.Fatal(err)
		}
		enrich.Apply(n, dir, nil)
	}
}

// BenchmarkExtractSampleWithSegmenter is the same with the segmenter
// (already loaded: loading is BenchmarkLoad in package segment).
func BenchmarkExtractSampleWithSegmenter(b *testing.B) {
	seg := enrich.EnrSegmenter(b)
	dir, err := duban.ParseDirectory([]byte("units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n"), "units.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := extract.File(enrSamplePath, extract.Options{})
		if err != nil {
			b.Fatal(err)
		}
		enrich.Apply(n, dir, seg)
	}
}

// enrTXTNotice is a small notice whose tasks name their units only inside
// the text, with no unit clause.
const enrTXTNotice = `测试县人民政府办公室文件

测政办发〔2025〕9号

测试县人民政府办公室关于印发2025年乡村振兴重点工作安排的通知

各镇人民政府，县各有关部门：
现将《2025年乡村振兴重点工作安排》印发给你们，请认真贯彻执行。

测试县人民政府办公室
2025年3月3日

2025年乡村振兴重点工作安排

一、产业发展
1.由县农业农村局牵头，县财政局配合，统筹整合涉农资金支持高标准农田建设，6月底前完成。
2.县商务局要会同县市场监管局培育农产品电商品牌，年底前完成。
二、宣传引导
3.县委宣传部负责做好乡村振兴典型经验宣传报道，年底前完成。
4.组织开展农民丰收节活动，9月底前完成。
`

func TestEnrichTXTNoticeWithUnitsInText(t *testing.T) {
	seg := enrich.EnrSegmenter(t)
	n, err := extract.Bytes("text-units.txt", []byte(enrTXTNotice), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	enrich.Apply(n, nil, seg)
	want := [][]string{
		{"县农业农村局:lead:inferred", "县财政局:co:inferred"},
		{"县商务局:lead:inferred", "县市场监管局:co:inferred"},
		{"县委宣传部:responsible:inferred"},
		nil,
	}
	if len(n.Tasks) != len(want) {
		t.Fatalf("%d tasks, want %d", len(n.Tasks), len(want))
	}
	for i, task := range n.Tasks {
		if got := enrich.EnrUnits(task.Units); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s: units %v, want %v", task.ID, got, want[i])
		}
		if len(task.Keywords) == 0 {
			t.Errorf("%s: no keywords", task.ID)
		}
	}
	for _, w := range n.Warnings {
		if w.Code == duban.WarnNoUnit && w.Task != n.Tasks[3].ID {
			t.Errorf("no_unit warning left for a task with inferred units: %+v", w)
		}
	}
}
