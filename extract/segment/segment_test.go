//go:build cgo && !nojieba

package segment

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// testSeg loads the process's segmenter; Load itself makes that once per
// test binary.
func testSeg(tb testing.TB) *Segmenter {
	tb.Helper()
	s, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestLoadOnce(t *testing.T) {
	a, b := testSeg(t), testSeg(t)
	if a != b {
		t.Error("Load returned two segmenters")
	}
}

func TestCutWithUnits(t *testing.T) {
	s := testSeg(t)
	const text = "由市文广旅局牵头，东海县水晶产业发展中心配合开展推介活动。"
	if got := s.Cut(text); strings.Join(got, "") != text {
		t.Fatalf("Cut lost text: %v", got)
	}
	if got := s.Cut(text); enrHas(got, "市文广旅局") || enrHas(got, "东海县水晶产业发展中心") {
		t.Fatalf("unit names already words before AddUnits: %v", got)
	}
	s.AddUnits([]string{"市文广旅局", "东海县水晶产业发展中心", "", "局", "市文广旅局"})
	got := s.Cut(text)
	if !enrHas(got, "市文广旅局") || !enrHas(got, "东海县水晶产业发展中心") {
		t.Errorf("Cut after AddUnits = %v", got)
	}
	if !s.IsUnit("市文广旅局") || s.IsUnit("局") || s.IsUnit("") {
		t.Error("IsUnit wrong")
	}
	var tagged []Token
	for _, tk := range s.Tag(text) {
		if tk.POS == "nt" {
			tagged = append(tagged, tk)
		}
	}
	want := []Token{{"市文广旅局", "nt"}, {"东海县水晶产业发展中心", "nt"}}
	if !reflect.DeepEqual(tagged, want) {
		t.Errorf("nt tokens %v, want %v", tagged, want)
	}
}

func TestKeywords(t *testing.T) {
	s := testSeg(t)
	s.AddUnits([]string{"市农业农村局"})
	text := "市农业农村局组织农产品加工企业参加农产品展销会，推动农产品进超市、进社区，扩大农产品销售。"
	kw := s.Keywords(text, 5)
	if len(kw) == 0 || len(kw) > 5 || kw[0] != "农产品" {
		t.Fatalf("Keywords = %v, want 农产品 first", kw)
	}
	for _, k := range kw {
		if k == "市农业农村局" || len([]rune(k)) < 2 || !strings.Contains(text, k) {
			t.Errorf("bad keyword %q in %v", k, kw)
		}
	}
	if s.Keywords("", 5) != nil || s.Keywords(text, 0) != nil {
		t.Error("keywords of nothing")
	}
}

func TestNilSegmenter(t *testing.T) {
	var s *Segmenter
	s.AddUnits([]string{"市发改委"})
	if s.Cut("文本") != nil || s.Tag("文本") != nil || s.Keywords("文本", 3) != nil || s.IsUnit("市发改委") {
		t.Error("nil segmenter returned something")
	}
}

func TestDictVersion(t *testing.T) {
	h, err := dictHash(dictFS)
	if err != nil {
		t.Fatal(err)
	}
	if h != dictVersion {
		t.Errorf("embedded dictionaries changed: set dictVersion to %q", h)
	}
}

func TestWriteDicts(t *testing.T) {
	root := t.TempDir()
	// The first folder cannot be made (its parent is a file): the next is used.
	blocker := filepath.Join(root, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	paths, err := writeDicts(dictFS, []string{filepath.Join(blocker, "x"), root})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(dictNames) {
		t.Fatalf("%d paths", len(paths))
	}
	for i, p := range paths {
		want, _ := dictFS.ReadFile("dict/" + dictNames[i])
		got, err := os.ReadFile(p)
		if err != nil || string(got) != string(want) {
			t.Fatalf("%s: content differs (%v)", p, err)
		}
		if filepath.Dir(filepath.Dir(p)) != root || !strings.HasPrefix(filepath.Base(filepath.Dir(p)), "jieba-") {
			t.Errorf("%s not in a hashed folder", p)
		}
	}
	// Present files are reused, a damaged one is rewritten.
	old := time.Now().Add(-time.Hour)
	for _, p := range paths {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(paths[3], []byte("truncated"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := writeDicts(dictFS, []string{root})
	if err != nil || !reflect.DeepEqual(again, paths) {
		t.Fatalf("second write: %v %v", again, err)
	}
	for i, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		rewritten := fi.ModTime().After(old.Add(time.Minute))
		if rewritten != (i == 3) {
			t.Errorf("%s: rewritten = %v", dictNames[i], rewritten)
		}
	}
	want, _ := dictFS.ReadFile("dict/" + dictNames[3])
	if fi, _ := os.Stat(paths[3]); fi.Size() != int64(len(want)) {
		t.Error("damaged file not repaired")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(paths[0]), "*.tmp*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// No usable folder at all is an error, not a panic.
	if _, err := writeDicts(dictFS, []string{filepath.Join(blocker, "y")}); err == nil {
		t.Error("unusable folder: no error")
	}
}

func enrHas(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
