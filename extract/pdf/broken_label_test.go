package pdf

import "testing"

func TestPDFLabelBroken(t *testing.T) {
	for _, c := range []struct {
		para, next string
		want       bool
	}{
		{"配合单位：区财政局、各街道办事处等；完成", "时限：上半年开工", true},
		{"（责任单位：县教育局，完成", "时间：9月底前）", true},
		{"推进背街小巷整治，2025年9月底前完成30条。", "责任单位：区城管局", false},
		{"加快推进项目建设", "责任单位：区发改委", false},
		{"推进项目建设，按期完成", "完成时限：年底前", false},
		{"", "完成时限：年底前", false},
	} {
		if got := labelBroken(c.para, c.next); got != c.want {
			t.Errorf("labelBroken(%q, %q) = %v, want %v", c.para, c.next, got, c.want)
		}
	}
}
