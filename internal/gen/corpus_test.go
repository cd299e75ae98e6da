package gen

import (
	"os"
	"strings"
	"testing"
)

func sampleCorpus(t testing.TB) *Corpus {
	t.Helper()
	var texts []string
	for _, p := range []string{"../../seeds/lianyungang-2024-22.txt", "../../testdata/styles/haichuan-2025-7.txt", "../../testdata/styles/dongling-2025-19.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return LoadCorpus(texts...)
}

func TestLoadCorpus(t *testing.T) {
	c := sampleCorpus(t)
	if len(c.Tasks) < 40 || len(c.Sections) < 5 || len(c.Units) < 20 {
		t.Fatalf("corpus too small: %d tasks, %d sections, %d units", len(c.Tasks), len(c.Sections), len(c.Units))
	}
	want := map[string]bool{"市发改委": false, "海州区（连云港高新区）": false, "区教育局": false, "省数据局": false}
	for _, u := range c.Units {
		if _, ok := want[u]; ok {
			want[u] = true
		}
		if u == "" || u[len(u)-len("等"):] == "等" {
			t.Errorf("bad unit %q", u)
		}
	}
	for u, ok := range want {
		if !ok {
			t.Errorf("unit %q not mined; have %q", u, c.Units)
		}
	}
	for _, s := range c.Tasks {
		for _, bad := range []string{"责任单位", "牵头单位", "完成时间"} {
			if strings.Contains(s, bad) {
				t.Errorf("task text keeps its clause: %q", s)
			}
		}
	}
}
