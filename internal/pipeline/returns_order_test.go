package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A batch above returnsTogetherTasks writes the return sheets' printed
// forms after the workbooks instead of alongside: the same files, the
// same workbooks.
func TestReturnsOneAfterTheOther(t *testing.T) {
	in := t.TempDir()
	b, err := os.ReadFile("../../testdata/lianyungang-2024-22.docx")
	if err != nil {
		t.Fatal(err)
	}
	writeBytes(t, in, "n.docx", b)
	run := func() map[string][]byte {
		out := t.TempDir()
		opt := runOpt(in, out, nil)
		opt.Formats = []string{"xlsx", "pdf"}
		mustRun(t, opt)
		got := map[string][]byte{}
		for _, dir := range []string{ReturnsDir, CalendarDir} {
			ents, err := os.ReadDir(filepath.Join(out, dir))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ents {
				p := filepath.Join(out, dir, e.Name())
				if filepath.Ext(p) == ".xlsx" {
					got[dir+"/"+e.Name()] = []byte(cellsOf(t, p))
					continue
				}
				if got[dir+"/"+e.Name()], err = os.ReadFile(p); err != nil {
					t.Fatal(err)
				}
			}
		}
		return got
	}
	together := run()
	saved := returnsTogetherTasks
	returnsTogetherTasks = 0
	defer func() { returnsTogetherTasks = saved }()
	apart := run()
	names := func(m map[string][]byte) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out
	}
	if len(apart) != len(together) || len(apart) < 10 {
		t.Fatalf("%d files one after the other, %d together: %v", len(apart), len(together), names(apart))
	}
	pdfs := 0
	for name, want := range together {
		got, ok := apart[name]
		switch {
		case !ok:
			t.Errorf("%s: not written one after the other", name)
		case filepath.Ext(name) == ".pdf":
			pdfs++
			if !bytes.HasPrefix(got, []byte("%PDF-")) || len(got) < len(want)/2 {
				t.Errorf("%s: %d bytes one after the other, %d together", name, len(got), len(want))
			}
		case !reflect.DeepEqual(got, want):
			t.Errorf("%s differs when written one after the other", name)
		}
	}
	if pdfs == 0 {
		t.Error("no printed return forms")
	}
}
