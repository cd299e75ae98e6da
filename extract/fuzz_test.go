package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/extract/txt"
	"github.com/duban/duban/internal/notation"
)

// FuzzStructure feeds arbitrary text through the TXT reader and the
// structure parser: nothing may panic, and what comes out must be
// well-formed records. Seeds: testdata/fuzz/FuzzStructure.
func FuzzStructure(f *testing.F) {
	f.Add("一、总体要求\n1. 完成任务。（责任单位：甲局，完成时间：5月底前）\n")
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
