package extract

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/txt"
	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/notation"
)

// FuzzStructure feeds arbitrary text through the TXT reader and the
// structure parser: nothing may panic, and what comes out must be
// well-formed records. Seeds: testdata/fuzz/FuzzStructure.
func FuzzStructure(f *testing.F) {
	f.Add("一、总体要求\n1. 完成任务。（责任单位：甲局，完成时间：5月底前）\n")
	// a clause naming many units (issue 16; the one over the budget is
	// TestTextBudgets: a seed that large slows the fuzzer thirtyfold)
	f.Add(string(hostile.ManyUnitsTXT(40)))
	// a notice naming one unit more than get documents of their own
	// (limits.UnitsPerNotice): warned
	f.Add(string(hostile.DistinctUnitsTXT(limits.UnitsPerNotice+1, 101)))
	// tables and prose as real pages give them (issue 12)
	f.Add("序号重点任务牵头单位责任单位完成时限\n一、任务\n1.完成清单编制。县行政审批局县司法局各乡镇人民政府、县直相关单位6月底前\n")
	f.Add("序号 重点任务 具体措施 牵头单位 配合单位 完成时限\n1 优化营商 环境 推行一网通办。 县市场监管局 县税务局 6月底前\n2  落实减税降费。 县税务局 县财政局 年底前\n")
	f.Add("任 务 目 标\n\n完成时限\n\n组织领导\n\n成立领导小组。\n\n4月份\n\n单位内部\n\n卫生\n\n1.做好管理。\n\n2.达到标准。\n")
	f.Add("今年,市住建局要在8月底完成改造任务。9月底完成管网,11月底新建道路。市机场公司12月中旬全面开工。\n")
	f.Add("完成新型农村合作医疗筹资。\n承办部门:市人社局 咨询电话:2126811\n市卫计委 2835085\n")
	f.Add("通知如下。一、加强保障。1、县财政局要在12月底前拨付资金,资金按1、2两个批次下达。(责任单位:县财政局)2、各乡镇要建立台账,做到专款专用,严禁挤占挪用,确保资金安全。第1页共3页二、精准识别。1、开展排查。(牵头单位:县民政局)\n")
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := txt.Reader{}.Read("f.txt", []byte(text))
		if err != nil {
			return
		}
		n, err := parseNotice("f.txt", doc, Options{})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.txt: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(n.Tasks) == 0 {
			t.Fatal("no tasks and no error")
		}
		units := map[string]bool{}
		for _, tk := range n.Tasks {
			for _, u := range tk.Units {
				units[duban.SheetKey(u)] = true
			}
		}
		if warned := slices.ContainsFunc(n.Warnings, func(w duban.Warning) bool { return w.Code == duban.WarnManyUnits }); warned != (len(units) > limits.UnitsPerNotice) {
			t.Fatalf("%d distinct units, warned %v", len(units), warned)
		}
		ids := map[string]bool{}
		for _, tk := range n.Tasks {
			if ids[tk.ID] {
				t.Fatalf("duplicate id %q", tk.ID)
			}
			ids[tk.ID] = true
			if len(tk.Path) == 0 || !strings.HasPrefix(tk.ID, strings.Join(tk.Path, ".")) {
				t.Fatalf("id %q does not match path %q", tk.ID, tk.Path)
			}
			if tk.Source.Line < 1 {
				t.Fatalf("task %s: line %d", tk.ID, tk.Source.Line)
			}
			for _, u := range tk.Units {
				if u.Name == "" || strings.ContainsFunc(u.Name, notation.IsSpace) {
					t.Fatalf("task %s: unit name %q", tk.ID, u.Name)
				}
			}
			if tk.Deadline != nil && tk.Deadline.Raw == "" {
				t.Fatalf("task %s: deadline without raw text", tk.ID)
			}
		}
	})
}

// BenchmarkExtractTXT extracts the sample notice from its TXT bytes.
func BenchmarkExtractTXT(b *testing.B) {
	data := readFileB(b, "../seeds/lianyungang-2024-22.txt")
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n, err := Bytes("lianyungang-2024-22.txt", data, Options{})
		if err != nil || len(n.Tasks) != 58 {
			b.Fatalf("err %v", err)
		}
	}
}

func readFileB(b *testing.B, path string) []byte {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkExtractDOCX and BenchmarkExtractStyles measure the other
// inputs of the structure parser: the sample as DOCX, and each style
// sample (TXT and DOCX).
func BenchmarkExtractDOCX(b *testing.B) {
	benchmarkExtract(b, "../testdata/lianyungang-2024-22.docx", 58)
}

// BenchmarkExtractDOC and BenchmarkExtractOFD: the sample as Word 97 and
// as OFD.
func BenchmarkExtractDOC(b *testing.B) {
	benchmarkExtract(b, "doc/testdata/lianyungang-2024-22.doc", 58)
}

func BenchmarkExtractOFD(b *testing.B) {
	benchmarkExtract(b, "ofd/testdata/lianyungang-2024-22.ofd", 58)
}

func BenchmarkExtractStyles(b *testing.B) {
	for _, name := range []string{"haichuan-2025-7.txt", "dongling-2025-19.txt", "binjiang-2025-31.gb18030.txt", "qinghe-2025-12.docx"} {
		b.Run(name, func(b *testing.B) { benchmarkExtract(b, "../testdata/styles/"+name, 0) })
	}
}

func benchmarkExtract(b *testing.B, path string, tasks int) {
	data := readFileB(b, path)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n, err := Bytes(path, data, Options{})
		if err != nil || tasks > 0 && len(n.Tasks) != tasks {
			b.Fatalf("%s: %v", path, err)
		}
	}
}
