package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
)

func TestSlugFromDocNumber(t *testing.T) {
	for _, tc := range []struct{ doc, file, want string }{
		{"连政办发〔2024〕22号", "x.txt", "连政办发2024-22"},
		{"连政办发[2024]22号", "x.txt", "连政办发2024-22"},
		{"连政办发（2024）22号", "x.txt", "连政办发2024-22"},
		{"连政办发 〔２０２４〕 22 号", "x.txt", "连政办发2024-22"},
		{"", "dir/通知 (1).pdf", "通知 (1)"},
		{"苏政发〔2025〕第3号", "x.txt", "苏政发2025-3"},
		{"a/b:c", "x.txt", ""}, // made safe: no path separators
	} {
		got := baseSlug(&duban.Notice{DocNumber: tc.doc}, tc.file, Default().SafeFileName)
		if tc.want != "" && got != tc.want {
			t.Errorf("%q %q: slug %q, want %q", tc.doc, tc.file, got, tc.want)
		}
		for _, bad := range []string{"/", "\\", ":", "..", "*", "?"} {
			if got == "" || filepath.Base(got) != got || strings.Contains(got, bad) {
				t.Errorf("%q: unsafe slug %q", tc.doc, got)
			}
		}
	}
}

func TestNoticeKeys(t *testing.T) {
	a := &duban.Notice{DocNumber: "连政办发〔2024〕22号", Tasks: []duban.Task{{Text: "签订协议。"}, {Text: "举办 培训班，"}}}
	b := &duban.Notice{DocNumber: "连政办发[2024]22号", Tasks: []duban.Task{{Text: "签订协议"}, {Text: "举办培训班。"}}}
	c := &duban.Notice{Tasks: []duban.Task{{Text: "签订协议。"}, {Text: "举办培训班。"}}}
	d := &duban.Notice{DocNumber: "连政办发〔2024〕23号", Tasks: []duban.Task{{Text: "别的任务。"}}}
	ka, kb, kc, kd := noticeKeys(a), noticeKeys(b), noticeKeys(c), noticeKeys(d)
	if !reflect.DeepEqual(ka, kb) {
		t.Errorf("same notice, other brackets and punctuation: %v %v", ka, kb)
	}
	if kc[0] != ka[1] {
		t.Errorf("same tasks without 文号 must share the task key: %v %v", kc, ka)
	}
	for _, k := range kd {
		for _, o := range ka {
			if k == o {
				t.Errorf("different notices share key %s", k)
			}
		}
	}
}

func TestCollectSkipsOutputAndHidden(t *testing.T) {
	in := t.TempDir()
	for _, p := range []string{"a.txt", "sub/b.PDF", "sub/deeper/c.docx", "output/notices/x/任务分解表.pdf", ".git/d.txt", "sub/.e.txt", "notes.md"} {
		writeBytes(t, in, p, []byte("x"))
	}
	files, other := Collect([]string{in, filepath.Join(in, "a.txt"), filepath.Join(in, "nope")}, Default().Supported, filepath.Join(in, "output"))
	want := []string{filepath.Join(in, "a.txt"), filepath.Join(in, "sub/b.PDF"), filepath.Join(in, "sub/deeper/c.docx")}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	st := map[string]string{}
	for _, o := range other {
		rel, _ := filepath.Rel(in, o.Path)
		st[rel] = o.Status
	}
	if !reflect.DeepEqual(st, map[string]string{"notes.md": StatusSkipped, "nope": StatusFailed}) {
		t.Errorf("others: %v", st)
	}
	if _, err := os.Stat(filepath.Join(in, "output")); err != nil {
		t.Fatal(err)
	}
}
